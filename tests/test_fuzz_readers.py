"""Fuzzing every reader and the temporal tagger: whatever the bytes, a reader yields articles and problems and never
raises; the tagger returns well-formed spans and values for any text and any accepted anchor.

Inputs are valid samples of each format, mutated (bytes flipped, inserted, deleted, cut short, gzipped and cut),
and free-form text and JSON built by hypothesis.
"""

from __future__ import annotations

import gzip
import io
import json
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.article import Article
from dateline.errors import Problem
from dateline.ingest.readers import ReadOptions, reader_for
from dateline.ingest.run import PUBLISHED_RANGE
from dateline.ingest.sources import InputFile
from dateline.temporal import tag
from dateline.temporal.timex import TYPES, is_value

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OPTIONS = ReadOptions(max_record_bytes=4096)


def _warc() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    page = (b"<html><head><title>Rates</title><meta property='article:published_time' content='2020-03-02'>"
            b"</head><body><article><p>The central bank cut rates on Monday, its governor said.</p></article>"
            b"</body></html>")
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
    writer.write_record(writer.create_warc_record("https://example.com/a", "response", payload=io.BytesIO(page),
                                                  http_headers=headers))
    return buffer.getvalue()


SAMPLES: dict[str, tuple[str, bytes]] = {
    "seed": ("seeds.txt", b" date 2021-03-01 Acme said on Monday it would close.\n\nMore text.\n"
                          b" date 2021-03-02 Second story, dated Tuesday.\n"),
    "jsonl": ("a.jsonl", b'{"id": "1", "published": "2021-03-01T10:00:00Z", "title": "T", "text": "Body on Monday."}\n'
                         b'{"id": "2", "date": "20210302", "body": ["Para one.", "Para two."], "url": "http://x/y"}\n'),
    "csv": ("a.csv", b'id,published,title,text\n1,2021-03-01,T,"Body, with a comma"\n2,2021-03-02,U,Other\n'),
    "folder": ("2021-03-01/story.txt", "Caf\u00e9 owners said on Monday.".encode()),
    "html": ("page.html", b"<html><head><title>Rates</title><meta name='date' content='2020-03-02'></head><body>"
                          b"<article><p>The central bank cut rates on Monday, its governor said.</p></article>"
                          b"</body></html>"),
    "warc": ("crawl.warc", _warc()),
    "cat": ("doc.xml", b'<?xml version="1.0" ?><Document doc_id="7" doc_name="x" lang="en" url="http://w/x">'
                       b'<token number="0" sentence="0" t_id="1">Headline</token>'
                       b'<token number="1" sentence="1" t_id="2">June</token>'
                       b'<token number="2" sentence="2" t_id="3">Apple</token>'
                       b'<token number="3" sentence="2" t_id="4">rose</token>'
                       b'<Markables><TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" '
                       b'value="2005-06-06"><token_anchor t_id="2"/></TIMEX3></Markables></Document>'),
}


def _read(fmt: str, name: str, data: bytes) -> list[Article | Problem]:
    """Write `data` as `name` in a fresh folder and read it back with the `fmt` reader, consuming everything."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        items = list(reader_for(fmt)(InputFile(path, fmt, Path(folder)), OPTIONS))
    for item in items:
        assert isinstance(item, Article | Problem)
        if isinstance(item, Article):
            assert isinstance(item.text, str) and item.text.strip()
            assert item.published.iso()
        else:
            assert item.reason and item.code.value.startswith("D1")
    return items


mutations = st.lists(st.tuples(st.sampled_from(["flip", "insert", "delete", "cut"]), st.integers(0, 1 << 16),
                               st.binary(min_size=1, max_size=8)), max_size=6)


def _mutate(data: bytes, edits: list[tuple[str, int, bytes]]) -> bytes:
    for kind, at, chunk in edits:
        at = at % (len(data) + 1)
        if kind == "flip" and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ chunk[0]]) + data[at + 1:]
        elif kind == "insert":
            data = data[:at] + chunk + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + len(chunk):]
        else:
            data = data[:at]
    return data


@FUZZ
@given(fmt=st.sampled_from(sorted(SAMPLES)), edits=mutations, packed=st.booleans(), cut=st.floats(0.3, 1.0))
def test_mutated_inputs_never_break_a_reader(fmt: str, edits: list[tuple[str, int, bytes]], packed: bool,
                                             cut: float) -> None:
    name, sample = SAMPLES[fmt]
    data = _mutate(sample, edits)
    if packed:
        compressed = gzip.compress(data)
        data, name = compressed[: max(1, int(len(compressed) * cut))], name + ".gz"
    _read(fmt, name, data)


def test_the_unmutated_samples_are_read() -> None:
    for fmt, (name, sample) in SAMPLES.items():
        assert any(isinstance(item, Article) for item in _read(fmt, name, sample)), fmt


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                         max_size=3), max_leaves=6)
dates = st.one_of(st.text(max_size=25), st.dates().map(date.isoformat),
                  st.datetimes().map(lambda d: d.isoformat() + "+05:00"),
                  st.sampled_from(["0001-01-01", "9999-12-31", "9999-12-31T23:59:59-12:00", "2021-02-30",
                                   "20210230", "Mon, 32 Jan 2021 10:00:00 GMT", "2021-13", "1e9"]))


@FUZZ
@given(records=st.lists(st.fixed_dictionaries({"published": dates, "text": st.text(max_size=60)},
                                              optional={"id": json_values, "title": json_values,
                                                        "url": json_values, "source": json_values}), max_size=6))
def test_json_records_with_any_values(records: list[dict[str, object]]) -> None:
    data = b"".join(json.dumps(r).encode() + b"\n" for r in records)
    items = _read("jsonl", "r.jsonl", data)
    assert len(items) == len(records), "one article or one problem a record, nothing dropped silently"
    for record, item in zip(records, items, strict=True):
        if isinstance(item, Article):
            assert item.text == record["text"]


WORDS = [*"0123456789 -/.,:'", "January", "Monday", "next", "last", "week", "year", "ago", "the", "in", "on", "2021",
         "1999", "Q3", "spring", "morning", "days", "\n\n", "a.m.", "since", "until", "mid-", "century", "1000"]


@FUZZ
@given(text=st.lists(st.sampled_from(WORDS) | st.text(max_size=3), max_size=40).map("".join),
       anchor=st.dates(date(PUBLISHED_RANGE[0], 1, 1), date(PUBLISHED_RANGE[1], 12, 31)))
def test_the_tagger_returns_well_formed_timexes(text: str, anchor: date) -> None:
    found = tag(text, anchor)
    previous_end = 0
    for timex in found:
        assert previous_end <= timex.start < timex.end <= len(text)
        assert text[timex.start:timex.end] == timex.text
        assert timex.type in TYPES and is_value(timex.value), timex
        assert timex.earliest is None or timex.latest is None or timex.earliest <= timex.latest
        previous_end = timex.end
