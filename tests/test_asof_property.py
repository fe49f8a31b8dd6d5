"""As-of answers leak nothing and equal a store that only ever saw the earlier articles (property-based).

Hypothesis generates small corpora (texts mixing a few names, sites, film titles and dates; random publication
and first-seen dates; some articles revised under the same URL) and an as-of date. One store ingests everything;
a second ingests, in the same order and batches, only the articles first seen by the as-of date. Every answer as of
that date from the first store (search, stories, entities, events, timelines, schedules, changes) must mention
nothing first seen later, and must equal the second store's answer.
"""

from __future__ import annotations

import dataclasses
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.article import Article, parse_published
from dateline.asof import as_of_bound
from dateline.entities import entity_profile, find_entity, list_entities
from dateline.events.cited import make_timeline, timeline_dict
from dateline.events.record import find_events
from dateline.events.revisions import find_schedules
from dateline.pipeline import PipelineConfig, analyze, save, update_corpus
from dateline.search import changes, search, stories, story
from dateline.store.articles import Outcome, put_article
from dateline.store.db import Store

START = date(2024, 3, 1)
SENTENCES = [
    "ComicBook.com reported that the film Top Gun opens on March {d}, 2024.",
    "Variety.com said the premiere of Mission: Impossible - Dead Reckoning moved to April {d}, 2024.",
    "The harbour strike in Valparaiso ended on March {d}.",
    "Reuters.com wrote that the copper mine reopened last week.",
    "The film Top Gun was delayed until next month, Variety.com said.",
    "Mission: Impossible - Dead Reckoning Part One opens next week.",
    "Officials in Valparaiso expect the copper price to rise in April 2024.",
]
QUERIES = ["copper", "film Top Gun", '"harbour strike"', "Valparaiso OR premiere", "title:copper", "opens -delayed"]
NAMES = ["Top Gun", "ComicBook.com", "Variety.com", "Mission: Impossible - Dead Reckoning", "Reuters.com"]

article_strategy = st.fixed_dictionaries({
    "sentences": st.lists(st.tuples(st.integers(0, len(SENTENCES) - 1), st.integers(1, 28)), min_size=1,
                          max_size=4),
    "published": st.integers(0, 20),
    "delay": st.integers(0, 6),
    "hour": st.integers(0, 23),
    "source": st.sampled_from(["wire", "daily", "herald"]),
    "url": st.sampled_from([None, None, None, "https://x.test/a", "https://x.test/b"]),
    "title": st.sampled_from([None, "Copper news", "Film news"]),
})


def _article(number: int, spec: dict[str, Any]) -> tuple[Article, datetime]:
    """Article `number` of a corpus. Its last sentence makes it unique: an exact copy ingested again is the same
    article, first seen when it was first stored, which a corpus with random first-seen times would contradict."""
    text = " ".join(SENTENCES[i].format(d=d) for i, d in spec["sentences"]) + f" Item {number}."
    day = START + timedelta(days=spec["published"])
    article = Article(text=text, published=parse_published(day.isoformat()), title=spec["title"],
                      source=spec["source"], url=spec["url"])
    seen = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(days=spec["delay"], hours=spec["hour"])
    return article, seen


def _ingest(store: Store, items: list[tuple[Article, datetime]]) -> None:
    """Like an ingest run: batches of three, each analysed, saved and followed by the corpus update."""
    config = PipelineConfig(mode="fast")
    for start in range(0, len(items), 3):
        with store.transaction() as conn:
            new = []
            for article, seen in items[start:start + 3]:
                stored = put_article(conn, article, seen)
                if stored.outcome is not Outcome.DUPLICATE:
                    save(conn, analyze(article, config))
                    new.append(stored.id)
            update_corpus(conn, new)


def _plain(value: Any) -> Any:
    """Dataclasses, dates and tuples as plain JSON-like data, for comparing answers and scanning them."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _search_answers(store: Store, as_of: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for query in QUERIES:
        first = search(store.conn, query, as_of=as_of, limit=2)
        rest = search(store.conn, query, as_of=as_of, limit=2, cursor=first.next_cursor) if first.next_cursor else None
        filtered = search(store.conn, query, as_of=as_of, entity="Top Gun", event_from="2024-03-01",
                          event_to="2024-03-31", published_from="2024-03-05")
        found[f"search {query}"] = _plain([first, rest, filtered])
    found["stories"] = _plain(stories(store.conn, as_of, min_articles=1))
    found["story"] = _plain([story(store.conn, member.article_id, as_of)
                             for s in stories(store.conn, as_of, min_articles=1) for member in s.members])
    since = (date.fromisoformat(as_of[:10]) - timedelta(days=4)).isoformat()
    found["changes"] = _plain(dataclasses.replace(changes(store.conn, since, as_of), until=None))
    return found


def _entity_answers(store: Store, as_of: str) -> dict[str, Any]:
    conn = store.conn
    named = [find_entity(conn, name, as_of) for name in NAMES]
    return {
        "list_entities": _plain(list_entities(conn, top=50, as_of=as_of)),
        "find_entity": _plain(named),
        "entity_profile": _plain([entity_profile(conn, e.id, as_of).to_json() for e in named if e is not None]),
    }


def _event_answers(store: Store, as_of: str) -> dict[str, Any]:
    conn = store.conn
    return {
        "find_events": _plain(find_events(conn, as_of=as_of, min_mentions=1)),
        "find_schedules": _plain(find_schedules(conn, None, as_of=as_of)),
        "make_timeline": timeline_dict(make_timeline(conn, "copper", as_of=as_of)),
    }


def _difference(first: Any, second: Any, path: str = "") -> str | None:
    """Where two answers first differ, as a readable path, or None if they are equal."""
    if isinstance(first, dict) and isinstance(second, dict):
        for key in sorted(set(first) | set(second)):
            if key not in first or key not in second:
                return f"{path}.{key}: only in one answer"
            found = _difference(first[key], second[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(first, list) and isinstance(second, list):
        if len(first) != len(second):
            return f"{path}: {len(first)} items != {len(second)} items"
        for index, (a, b) in enumerate(zip(first, second, strict=True)):
            found = _difference(a, b, f"{path}[{index}]")
            if found:
                return found
        return None
    return None if first == second else f"{path}: {first!r} != {second!r}"


def _stamps(value: Any) -> list[str]:
    """Every first-seen stamp (`...T..:..:..Z`) anywhere in an answer."""
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in ([v] if k.endswith("seen_at") and isinstance(v, str) else [])
                + _stamps(v)]
    if isinstance(value, list):
        return [s for v in value for s in _stamps(v)]
    return []


def _check(specs: list[dict[str, Any]], cut: int, hour: int, answers: Any) -> None:
    """Ingest the corpus into two stores and compare `answers(store, as_of)` between them."""
    items = [_article(number, spec) for number, spec in enumerate(specs)]
    as_of = (datetime.combine(START + timedelta(days=cut), datetime.min.time(), tzinfo=UTC)
             + timedelta(hours=hour)).isoformat()
    bound = as_of_bound(as_of)
    assert bound is not None
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "all.db") as everything, \
            Store(Path(folder) / "early.db") as early:
        _ingest(everything, items)
        _ingest(early, [(article, seen) for article, seen in items if seen.isoformat() <= as_of])
        seen_all, seen_early = answers(everything, as_of), answers(early, as_of)
    for name, answer in seen_all.items():
        late = [stamp for stamp in _stamps(answer) if stamp > bound]
        assert not late, f"{name} shows things first seen after {as_of}: {late}"
        difference = _difference(answer, seen_early[name], name)
        assert difference is None, f"as of {as_of}, unlike a store that saw only the past: {difference}"


CORPORA = given(specs=st.lists(article_strategy, min_size=2, max_size=8), cut=st.integers(0, 30),
                hour=st.integers(0, 23))
EXAMPLES = settings(max_examples=20, deadline=None)


@EXAMPLES
@CORPORA
def test_search_stories_and_changes_as_of(specs: list[dict[str, Any]], cut: int, hour: int) -> None:
    _check(specs, cut, hour, _search_answers)


@EXAMPLES
@CORPORA
def test_entities_as_of(specs: list[dict[str, Any]], cut: int, hour: int) -> None:
    _check(specs, cut, hour, _entity_answers)


@EXAMPLES
@CORPORA
def test_events_and_timelines_as_of(specs: list[dict[str, Any]], cut: int, hour: int) -> None:
    _check(specs, cut, hour, _event_answers)
