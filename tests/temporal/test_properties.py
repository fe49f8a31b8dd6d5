"""Invariants of the tagger on arbitrary text and anchors (hypothesis)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.temporal import interval, is_value, tag
from dateline.temporal.timex import TYPES

WORDS = ["Friday", "next", "last", "week", "year", "the", "third", "quarter", "ago", "two", "days", "1998", "Jan.",
         "14", ",", "early", "now", "every", "Monday", "night", "10:30", "p.m.", "a", "year", "earlier", "since",
         "mid-1990s", "fiscal", "1989", "about", "hours", "summer", "that", "day", "later", "today", "'s", "-"]
texts = st.one_of(st.text(max_size=300), st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join))
anchors = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@settings(max_examples=300, deadline=None)
@given(text=texts, anchor=anchors, mode=st.sampled_from([None, "news", "narrative", "colloquial"]))
def test_tagging_never_fails_and_keeps_its_invariants(text: str, anchor: date, mode: str | None) -> None:
    timexes = tag(text, anchor, mode)
    end = 0
    for timex in timexes:
        assert 0 <= timex.start < timex.end <= len(text)
        assert timex.start >= end, "spans overlap or are out of order"
        end = timex.end
        assert timex.text == text[timex.start:timex.end]
        assert timex.type in TYPES
        assert is_value(timex.value), timex.value
        bounds = interval(timex.value) if timex.type in ("DATE", "TIME") else None
        assert (timex.earliest, timex.latest) == ((bounds[0].isoformat(), bounds[1].isoformat()) if bounds
                                                  else (None, None))
