"""The generated corpus is shaped like a news archive: it grows in days, and stories are told by several outlets."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta

from dateline.engine.synthetic import PER_DAY, START, article, articles
from dateline.temporal import tag


def test_the_same_index_gives_the_same_article_and_days_fill_in_order() -> None:
    assert article(1234, seed=5) == article(1234, seed=5) != article(1234, seed=6)
    days = Counter(record["published"][:10] for record in articles(3 * PER_DAY, seed=1))
    assert days == {(START + timedelta(days=n)).isoformat(): PER_DAY for n in range(3)}


def _day(named: str, published: date) -> date:
    """A day named like "January 21", in the year that puts it after `published`."""
    day = datetime.strptime(f"{named} {published.year}", "%B %d %Y").date()
    return day if day >= published else day.replace(year=published.year + 1)


def test_a_story_is_told_by_several_outlets_and_its_date_resolves_to_its_day() -> None:
    stories: dict[tuple[str, str], list[tuple[date, str, str]]] = {}
    for record in articles(2 * PER_DAY, seed=2, start=30 * PER_DAY):
        lead, published = record["text"].split("\n\n")[0], date.fromisoformat(record["published"][:10])
        outlet = re.search(r"\((.+?)\)", lead)
        assert outlet is not None
        key = (" ".join(record["title"].split()[:2]), record["title"].split(" for ")[1])
        stories.setdefault(key, []).append((published, outlet.group(1), lead))
    told = max(stories.values(), key=len)
    assert len({outlet for _, outlet, _ in told}) >= 2 and len({published for published, _, _ in told}) >= 2
    wordings = set()
    for (_, named), reports in stories.items():  # "on Thursday", "next week", "on January 21": one day, anchored
        for published, _, lead in reports:
            timex = tag(lead, published)[-1]  # after "quarterly" (a set) in "report quarterly earnings"
            day = _day(named, published)
            year, week, _ = day.isocalendar()
            assert timex.value in {day.isoformat(), f"{year}-W{week:02d}"}, (lead, timex.value)
            wordings.add(timex.text.split()[0] if timex.text[0].isupper() else timex.text)
    assert {"next week", "Monday", "February"} <= wordings
