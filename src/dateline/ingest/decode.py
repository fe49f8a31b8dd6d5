"""Bytes to text: UTF-8 first, a detected encoding for whole files, and binary garbage refused (D106, D107)."""

from __future__ import annotations

from dateline.errors import Code, InputError

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
    if _looks_binary(data):
        raise InputError("binary content, not text", code=Code.BINARY_CONTENT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        failure = error
    if detect:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding:
            return str(best)
    raise InputError(f"not valid UTF-8 (byte {failure.start}: {data[failure.start:failure.start + 1]!r}); "
                     "convert the file to UTF-8", code=Code.UNDECODABLE)
