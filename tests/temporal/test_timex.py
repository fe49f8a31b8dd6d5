"""TIMEX3 values: what is well formed, and the day interval each one means."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.errors import TemporalError
from dateline.temporal.timex import check_value, interval, is_value


@pytest.mark.parametrize("value", ["2023-07-12", "2023-07", "2023", "2023-W28", "2023-W28-WE", "2023-Q3", "2023-H1",
                                   "2023-SU", "199X", "19", "XXXX-WXX-5", "XXXX-07", "2023-07-07TEV",
                                   "1998-08-07T10:35", "P3D", "PT2H", "PXY", "P2Y6M", "PT5H30M", "PRESENT_REF",
                                   "PAST_REF", "FUTURE_REF"])
def test_well_formed(value: str) -> None:
    assert is_value(value)
    assert check_value(value) == value


@pytest.mark.parametrize("value", ["", "July", "2023-7-1", "P", "PT", "REL:D:-1", "WD:5:?", "2023-W28T", "NOW"])
def test_malformed(value: str) -> None:
    assert not is_value(value)
    with pytest.raises(TemporalError):
        check_value(value)


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2023-07-12", date(2023, 7, 12), date(2023, 7, 12)),
    ("2023-07-07TEV", date(2023, 7, 7), date(2023, 7, 7)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2023-W28", date(2023, 7, 10), date(2023, 7, 16)),
    ("2023-W28-WE", date(2023, 7, 15), date(2023, 7, 16)),
    ("2023-Q4", date(2023, 10, 1), date(2023, 12, 31)),
    ("2023-H2", date(2023, 7, 1), date(2023, 12, 31)),
    ("2023-WI", date(2023, 12, 1), date(2024, 2, 29)),
    ("199X", date(1990, 1, 1), date(1999, 12, 31)),
    ("19", date(1900, 1, 1), date(1999, 12, 31)),
])
def test_interval(value: str, first: date, last: date) -> None:
    assert interval(value) == (first, last)


@pytest.mark.parametrize("value", ["P3D", "PRESENT_REF", "XXXX-WXX-5", "XXXX-07", "nonsense"])
def test_no_interval(value: str) -> None:
    assert interval(value) is None
