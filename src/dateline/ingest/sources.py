"""Finding input files and reading their bytes: formats by name or content, gzip streamed, records size-capped.

Every reader gets an `InputFile` and reads it through `open_binary`/`iter_lines`, so compression, truncation and
oversized records are handled once, here.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dateline.errors import Code, InputError, Problem

FORMATS = ("seed", "jsonl", "csv", "folder", "html", "warc", "cat")
_SUFFIXES = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".tsv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".warc": "warc", ".arc": "warc",
}
DATE_FOLDER = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SEED_START = re.compile(rb"^\s?date \d{4}-\d{2}-\d{2}(\s|$)")
DEFAULT_MAX_RECORD_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class InputFile:
    """One file to read, the format to read it with, and the root it was found under (for relative ids)."""

    path: Path
    format: str
    root: Path

    @property
    def compressed(self) -> bool:
        return self.path.suffix.lower() == ".gz"

    @property
    def display(self) -> str:
        return str(self.path)

    @property
    def relative(self) -> str:
        try:
            return self.path.relative_to(self.root).as_posix()
        except ValueError:
            return self.path.name


def open_binary(path: Path) -> BinaryIO:
    """The file's bytes, decompressed on the fly when it ends in `.gz`."""
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def iter_lines(source: InputFile, max_bytes: int = DEFAULT_MAX_RECORD_BYTES
               ) -> Iterator[tuple[int, bytes] | Problem]:
    """(line number, line bytes) for each line, never holding more than `max_bytes` of one line in memory.

    An oversized line is reported (D109) and skipped; a truncated or corrupt gzip stream is reported (D108) and
    ends the file, keeping every line read before it.
    """
    number = 0
    try:
        with open_binary(source.path) as stream:
            while True:
                line = stream.readline(max_bytes + 1)
                if not line:
                    return
                number += 1
                if len(line) > max_bytes and not line.endswith(b"\n"):
                    while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                        pass
                    yield Problem(Code.RECORD_TOO_LARGE, source.display, f"line {number}",
                                  f"record is larger than {max_bytes} bytes; raise --max-record-bytes to read it")
                    continue
                yield number, line
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        yield Problem(Code.TRUNCATED_FILE, source.display, f"line {number + 1}",
                      f"compressed stream is truncated or corrupt ({error or 'unexpected end'}); "
                      f"the {number} lines before it were read")
    except OSError as error:
        yield Problem(Code.UNREADABLE_FILE, source.display, f"line {number + 1}", str(error))


def read_whole(source: InputFile, max_bytes: int = DEFAULT_MAX_RECORD_BYTES) -> bytes:
    """All bytes of a one-record file, refusing (D109) more than `max_bytes` and reporting truncation (D108)."""
    try:
        with open_binary(source.path) as stream:
            data = stream.read(max_bytes + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        raise InputError(f"compressed file is truncated or corrupt ({error or 'unexpected end'})",
                         code=Code.TRUNCATED_FILE) from None
    except OSError as error:
        raise InputError(str(error), code=Code.UNREADABLE_FILE) from None
    if len(data) > max_bytes:
        raise InputError(f"file is larger than {max_bytes} bytes; raise --max-record-bytes to read it",
                         code=Code.RECORD_TOO_LARGE)
    return data


def _sniff(path: Path) -> str | None:
    try:
        with open_binary(path) as stream:
            head = stream.read(2048)
    except (OSError, EOFError, zlib.error):
        return None
    stripped = head.lstrip()
    if SEED_START.match(head):
        return "seed"
    if stripped.startswith(b"{"):
        return "jsonl"
    if b"<Document doc_id=" in head[:400]:
        return "cat"
    if stripped.startswith(b"WARC/"):
        return "warc"
    if stripped[:200].lower().startswith((b"<!doctype html", b"<html")) or b"<html" in stripped[:500].lower():
        return "html"
    return None


def detect_format(path: Path) -> str | None:
    """The reader for a file: by extension (under any `.gz`), else by its first bytes, else by a date folder."""
    name = path.name.lower()
    base = Path(name[:-3]) if name.endswith(".gz") else Path(name)
    if base.suffix == ".xml":
        return _sniff(path)
    if base.suffix in _SUFFIXES:
        return _SUFFIXES[base.suffix]
    if DATE_FOLDER.match(path.parent.name):
        return "folder"
    return _sniff(path) or ("seed" if base.suffix in ("", ".txt") else None)


def discover(paths: list[Path], forced: str | None = None) -> Iterator[InputFile | Problem]:
    """Every input file under `paths`, in a stable order, with its format; unknown ones are reported (D110)."""
    if forced is not None and forced not in FORMATS:
        raise InputError(f"unknown format {forced!r}; choose one of {', '.join(FORMATS)}", code=Code.UNKNOWN_FORMAT)
    for given in paths:
        if not given.exists():
            yield Problem(Code.UNREADABLE_FILE, str(given), "", "no such file or folder")
            continue
        root = given if given.is_dir() else given.parent
        files = sorted(p for p in given.rglob("*") if p.is_file()) if given.is_dir() else [given]
        for path in files:
            if path.name.startswith(".") or any(part.startswith(".") for part in path.relative_to(root).parts):
                continue
            found = forced or detect_format(path)
            if found is None:
                yield Problem(Code.UNKNOWN_FORMAT, str(path), "",
                              "cannot tell the format from the name or content; pass --format")
                continue
            yield InputFile(path, found, root)
