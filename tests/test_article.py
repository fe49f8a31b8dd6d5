"""Publication dates: what the source claims, with its precision, and never a guess."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dateline.article import Article, Precision, parse_published
from dateline.errors import Code, InputError


@pytest.mark.parametrize(
    ("given", "iso", "precision"),
    [
        ("2023-06-22", "2023-06-22", Precision.DAY),
        ("2023-06", "2023-06", Precision.MONTH),
        ("2023", "2023", Precision.YEAR),
        ("20061020", "2006-10-20", Precision.DAY),
        ("2006-10-20T18:15:00 EDT", "2006-10-20T18:15:00-04:00", Precision.SECOND),
        ("2023-06-22T10:00Z", "2023-06-22T10:00+00:00", Precision.MINUTE),
        ("2023-06-22 10:00:05+02:00", "2023-06-22T10:00:05+02:00", Precision.SECOND),
        ("Fri, 20 Oct 2006 18:15:00 -0400", "2006-10-20T18:15:00-04:00", Precision.SECOND),
    ],
)
def test_parse_published_keeps_precision(given: str, iso: str, precision: Precision) -> None:
    parsed = parse_published(given)
    assert parsed.iso() == iso
    assert parsed.precision is precision


def test_time_zone_known_only_when_stated() -> None:
    assert parse_published("2023-06-22T10:00:00").tz_known is False
    assert parse_published("2023-06-22T10:00:00Z").tz_known is True


@pytest.mark.parametrize(
    ("given", "code"),
    [("", Code.MISSING_DATE), (None, Code.MISSING_DATE), ("2023-02-30", Code.INVALID_DATE),
     ("next tuesday", Code.INVALID_DATE), ("2023-13-01", Code.INVALID_DATE),
     ("2023-06-22T10:00 XYZ", Code.INVALID_DATE)],
)
def test_unusable_dates_fail_closed(given: str | None, code: Code) -> None:
    with pytest.raises(InputError) as caught:
        parse_published(given)
    assert caught.value.code is code
    assert code.value in str(caught.value)


def test_earliest_utc_converts_offsets() -> None:
    assert parse_published("2006-10-20T23:15:00 EDT").earliest_utc() == datetime(2006, 10, 21, 3, 15, tzinfo=UTC)


def test_content_hash_changes_with_content_and_key_with_identity() -> None:
    day = parse_published("2023-06-22")
    a = Article("text one", day, source="x", external_id="1")
    b = Article("text two", day, source="x", external_id="1")
    assert a.content_hash != b.content_hash
    assert a.key == b.key
    assert Article("same", day).key == f"hash:{Article('same', day).content_hash}"
