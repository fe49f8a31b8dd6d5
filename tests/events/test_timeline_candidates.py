"""A timeline's candidate sentences in a real store: the matching ones and those linked to one, dated to a day."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dateline.events import candidates
from dateline.events.candidates import timeline_candidates
from dateline.store.db import Store
from dateline.store.events import known_reports

Ingest = Callable[[Store, Sequence[dict[str, Any]]], None]

# A crane stoppage on March 4th: "dispute" is only in the first report; a vague "this week" and another day's
# account are linked to it; a fourth report is linked to the third alone (it shares too few words with the first).
STOPPAGE: list[dict[str, Any]] = [
    {"id": "c1", "date": "2024-03-04", "source": "wire", "title": "Cranes halted",
     "text": "Dockers at the Antwerp terminal halted all container cranes on March 4, 2024, in a pay dispute."},
    {"id": "c2", "date": "2024-03-08", "source": "post", "title": "A week at the port",
     "text": "Dockers at the Antwerp terminal halted all container cranes this week in a wage row."},
    {"id": "c3", "date": "2024-03-09", "source": "daily", "title": "Terminal quiet",
     "text": "Antwerp container cranes stood still on March 4, 2024, after dockers at the terminal walked out "
             "over pay."},
    {"id": "c4", "date": "2024-03-10", "source": "courier", "title": "Authority speaks",
     "text": "Port traffic stood still on March 4, 2024, as cranes idled, the Antwerp authority said."},
]
STOPPAGE_DAY = date(2024, 3, 4)


def _found(store: Store, query: str, as_of: str | None = None) -> set[tuple[str, str, date]]:
    pool = timeline_candidates(store.conn, query, as_of=as_of)
    return {(c.source or "", c.rule, c.date) for c in pool.candidates}


def test_a_report_linked_to_a_matching_one_joins_and_a_vague_one_takes_its_day(
        store: Store, add_records: Ingest) -> None:
    add_records(store, STOPPAGE)
    assert _found(store, "dispute") == {("wire", "timex", STOPPAGE_DAY), ("post", "timex", STOPPAGE_DAY),
                                        ("daily", "timex", STOPPAGE_DAY)}
    # one link away only: the courier's report is linked to the daily's, not to the wire's
    assert ("courier", "timex", STOPPAGE_DAY) in _found(store, "walked")
    both = {("wire", "timex", STOPPAGE_DAY), ("post", "timex", STOPPAGE_DAY)}
    assert _found(store, "wage") == both | {("daily", "timex", STOPPAGE_DAY)}
    assert _found(store, "wage", as_of="2024-03-08") == _found(store, "dispute", as_of="2024-03-08") == both
    add_records(store, [{"id": "b1", "date": "2024-03-20", "source": "gazette", "title": "Bakers",
                         "text": "Bakers in Ghent closed every shop this week over flour prices."}])
    [bakers] = known_reports(store.conn, words=["flour"]).values()
    assert bakers.mention.width == 7 and _found(store, "flour") == set()  # no linked day pins it: left out


@pytest.mark.parametrize("as_of", ["2024-02-21", "2024-03-04", "2024-03-08", "2024-03-09", "2024-04-01"])
def test_candidates_as_of_equal_a_store_that_only_saw_those_articles_in_any_order(
        tmp_path: Path, add_records: Ingest, vote_and_strike: list[dict[str, Any]], as_of: str) -> None:
    records = vote_and_strike + STOPPAGE
    shuffled = records[:]
    random.Random(as_of).shuffle(shuffled)
    with Store(tmp_path / "all.db") as everything, Store(tmp_path / "then.db") as then:
        for record in shuffled:
            add_records(everything, [record])
        add_records(then, [r for r in records if r["date"] <= as_of])
        for query in ("dispute", "walked", "wage", "dock", "budget vote", None):
            assert timeline_candidates(everything.conn, query, as_of=as_of) == timeline_candidates(then.conn, query)


def test_a_word_in_too_many_articles_is_read_in_an_even_sample_that_follows_the_as_of_date(
        tmp_path: Path, add_records: Ingest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(candidates, "MAX_ARTICLES", 4)
    records = [{"id": f"g{n:02d}", "date": f"2024-05-{n + 1:02d}", "source": f"outlet {n}", "title": "Grain",
                "text": f"The grain silo in Ghent will open on June {n + 1}, 2024, the port said."} for n in range(16)]
    with Store(tmp_path / "all.db") as everything, Store(tmp_path / "then.db") as then:
        add_records(everything, records)
        whole = timeline_candidates(everything.conn, "silo")
        assert whole.sample is not None and whole.sample.matched == 16 and 0 < whole.sample.read < 16
        assert len({c.article_id for c in whole.candidates}) == whole.sample.read  # one dated sentence an article
        assert timeline_candidates(everything.conn, "silo") == whole  # the same sample every time
        assert timeline_candidates(everything.conn, "silo", as_of="2024-05-03").sample is None  # 3 known then
        add_records(then, records[:10])
        early = timeline_candidates(everything.conn, "silo", as_of="2024-05-10")
        assert early.sample is not None and early.sample.matched == 10
        assert early == timeline_candidates(then.conn, "silo")
