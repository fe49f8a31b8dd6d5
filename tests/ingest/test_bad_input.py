"""Bad records are reported with where and why, counted and skipped; the rest goes on; nothing stored is lost."""

from __future__ import annotations

import gzip
import json

import pytest

from dateline.errors import Code
from dateline.ingest.run import StrictModeError
from dateline.store.articles import iter_articles
from dateline.store.db import Store


def good(n: int, day: str = "2023-06-01") -> str:
    return json.dumps({"id": f"good{n}", "date": day, "text": f"A perfectly good article number {n}."})


def stored_ids(store: Store) -> set[str]:
    return {a.article.external_id or "" for a in iter_articles(store.conn)}


@pytest.mark.parametrize(
    ("bad_line", "code", "reason"),
    [
        (b"{not json", Code.MALFORMED_RECORD, "not valid JSON"),
        (b"[1, 2, 3]", Code.MALFORMED_RECORD, "expected a JSON object"),
        (b'{"id": "x", "date": "2023-06-01", "text": "caf\xe9 latin-1"}', Code.UNDECODABLE, "not valid UTF-8"),
        (b'{"id": "x", "date": "2023-06-01", "text": "   "}', Code.EMPTY_TEXT, "empty"),
        (b'{"id": "x", "date": "2023-06-01"}', Code.MISSING_TEXT, "no text field"),
        (b'{"id": "x", "text": "No date here."}', Code.MISSING_DATE, "no date field"),
        (b'{"id": "x", "date": "2023-02-30", "text": "Impossible."}', Code.INVALID_DATE, "impossible date"),
        (b'{"id": "x", "date": "2031-01-01", "text": "From the future."}', Code.FUTURE_DATE, "after it was first seen"),
    ],
)
def test_each_bad_record_is_reported_and_the_rest_goes_on(
    store: Store, inputs, run, bad_line: bytes, code: Code, reason: str
) -> None:
    data = (good(1) + "\n").encode() + bad_line + b"\n" + (good(2) + "\n").encode()
    path = inputs.write("mixed.jsonl", data)
    report = run(path)
    assert report.added == 2
    [problem] = report.problems
    assert problem.code is code
    assert problem.source == str(path)
    assert problem.location.startswith("line 2")
    assert reason in problem.reason
    assert stored_ids(store) == {"good1", "good2"}


def test_binary_garbage_file(store: Store, inputs, run) -> None:
    garbage = bytes(range(256)) * 20
    report = run(inputs.write("2023-06-01/garbage.txt", garbage))
    assert report.added == 0
    assert [p.code for p in report.problems] == [Code.BINARY_CONTENT]


def test_unknown_encoding_in_a_whole_file_is_detected(store: Store, inputs, run) -> None:
    text = "Der Bürgermeister sagte, die Straße werde am Montag geöffnet, und alle Bürger seien eingeladen."
    report = run(inputs.write("2023-06-01/latin1.txt", text.encode("latin-1")))
    assert (report.added, report.problems) == (1, [])
    assert "Bürgermeister" in next(iter_articles(store.conn)).text


def test_truncated_gzip_keeps_what_came_before(store: Store, inputs, run) -> None:
    whole = gzip.compress("\n".join(good(n) for n in range(200)).encode() + b"\n")
    report = run(inputs.write("cut.jsonl.gz", whole[: len(whole) * 2 // 3]))
    assert report.added > 0
    assert [p.code for p in report.problems] == [Code.TRUNCATED_FILE]
    assert "truncated" in report.problems[0].reason
    assert len(stored_ids(store)) == report.added


def test_huge_record_is_skipped_without_loading_it(store: Store, inputs, run) -> None:
    from dateline.ingest.readers import ReadOptions

    huge = json.dumps({"id": "huge", "date": "2023-06-01", "text": "x" * 50_000})
    path = inputs.write("huge.jsonl", "\n".join([good(1), huge, good(2)]) + "\n")
    report = run(path, read=ReadOptions(max_record_bytes=10_000))
    assert report.added == 2
    assert [(p.code, p.location) for p in report.problems] == [(Code.RECORD_TOO_LARGE, "line 2")]


def test_malformed_seed_lines(store: Store, inputs, run) -> None:
    text = "stray text before any record\nmore stray\n date 2023-06-01 A good one.\n date 2023-02-30 Bad date.\n"
    report = run(inputs.write("s.txt", text))
    assert report.added == 1
    assert [(p.code, p.location) for p in report.problems] == [
        (Code.MALFORMED_RECORD, "line 1"), (Code.INVALID_DATE, "line 4")]


def test_csv_row_with_extra_columns(store: Store, inputs, run) -> None:
    report = run(inputs.write("c.csv", "date,text\n2023-01-01,fine\n2023-01-02,too,many\n2023-01-03,fine too\n"))
    assert report.added == 2
    assert [(p.code, p.location) for p in report.problems] == [(Code.MALFORMED_RECORD, "line 3")]


def test_unknown_format_and_missing_path(store: Store, inputs, run) -> None:
    report = run(inputs.write("data.bin", b"\x01\x02"), inputs.root / "absent.jsonl")
    assert sorted(p.code.value for p in report.problems) == ["D110", "D111"]


def test_strict_stops_at_the_first_problem_keeping_what_was_stored(store: Store, inputs, run) -> None:
    path = inputs.write("s.jsonl", "\n".join([good(1), "{oops", good(2)]) + "\n")
    with pytest.raises(StrictModeError) as caught:
        run(path, strict=True)
    assert "D101" in str(caught.value)
    assert stored_ids(store) == {"good1"}


def test_problems_are_recorded_in_the_database(store: Store, inputs, run) -> None:
    run(inputs.write("p.jsonl", "{bad\n" + good(1) + "\n"))
    rows = store.conn.execute("SELECT code, location FROM problems").fetchall()
    assert [tuple(r) for r in rows] == [("D101", "line 1")]
    run_row = store.conn.execute("SELECT added, rejected, finished_at FROM ingest_runs").fetchone()
    assert (run_row["added"], run_row["rejected"]) == (1, 1) and run_row["finished_at"]
