"""Bytes to text: UTF-8 first, a detected encoding for whole files, and binary garbage refused (D106, D107).

A UTF-16 or UTF-32 byte-order mark is honoured before anything else: such text is full of NUL bytes and would
otherwise look binary.
"""

from __future__ import annotations

import codecs

from dateline.errors import Code, InputError

# UTF-32 first: its little-endian mark starts with UTF-16's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))

_TEXT_CONTROLS = {9, 10, 13, 12}


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls / len(sample) > 0.05


def decode(data: bytes, *, detect: bool = False) -> str:
    """Decode `data` as UTF-8 (with or without BOM); with `detect`, fall back to the most likely encoding.

    Raises `InputError` D107 for binary content and D106 when no encoding fits.
    """
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"not valid {encoding.upper()} despite its byte-order mark (byte {error.start})",
                                 code=Code.UNDECODABLE) from None
    if _looks_binary(data):
        raise InputError("binary content, not text", code=Code.BINARY_CONTENT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        failure = error
    if detect:
        from charset_normalizer import from_bytes

        results = from_bytes(data)
        best = results.best()
        if best is not None and best.encoding:
            # Western single-byte code pages often tie (same chaos, same coherence); windows-1252, the web's
            # default legacy encoding, wins a tie: a cp1250 guess turns "naïve" into "naďve".
            tied = (m for m in results if (m.chaos, m.coherence) == (best.chaos, best.coherence))
            return str(next((m for m in tied if m.encoding == "cp1252"), best))
    raise InputError(f"not valid UTF-8 (byte {failure.start}: {data[failure.start:failure.start + 1]!r}); "
                     "convert the file to UTF-8", code=Code.UNDECODABLE)
