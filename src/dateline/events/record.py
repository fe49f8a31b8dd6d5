"""The event record: mentions grouped into events, as of a date, with who reported each first.

An event is a connected component of the "same happening" links among the mentions known as of the date asked
(see `grouping`); everything about it (its date, representative sentence, first report, sources) is computed from
those mentions alone, so the record as of X is what a store that only saw the articles known at X would give.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dateline.asof import as_of_bound
from dateline.events.dating import EventMention, Rule
from dateline.events.grouping import group, linked
from dateline.store.events import Report, known_mentions, known_reports, links_touching, reports_of

_QUERY_WORD = re.compile(r"\w+", re.UNICODE)
# Longer sentences are run-ons or page furniture: never the representative while a shorter one exists.
REPRESENTATIVE_WORDS = 45
# Past this many mentions read, a walk reads the rest of their component rather than settling more of it.
MAX_LOCAL_WALK = 100_000
# In a store with no more mentions, a walk reads the whole component at once: a small store is often one dense
# topic, where settling reads most of it anyway (T17 bpoil: 20% more CPU settled).
SMALL_STORE = 100_000


def query_words(query: str | None) -> list[str]:
    """The lower-cased words of a query; a mention matches when its sentence holds them all."""
    return [word.lower() for word in _QUERY_WORD.findall(query or "")]


def sentence_matches(text: str, words: Sequence[str]) -> bool:
    """True when `text` contains every one of `words` as a whole word (case-insensitive)."""
    lowered = text.lower()
    return all(re.search(rf"\b{re.escape(word)}\b", lowered) for word in words)


def outlet(source: str | None, article_id: str) -> str:
    """Who carried a report: its outlet, or for an article without one, the article itself (so two such
    articles count as two sources, not one)."""
    return source or f"article {article_id[:8]}"


@dataclass(frozen=True)
class Event:
    """One happening on one date, as reported by one or more mentions."""

    id: str
    earliest: date
    latest: date
    precision: str
    value: str
    representative: Report
    mentions: tuple[Report, ...]

    @property
    def first_report(self) -> Report:
        """The mention first seen by the store (ties broken by article id)."""
        return self.mentions[0]

    @property
    def first_reported_at(self) -> str:
        return self.first_report.first_seen_at

    @property
    def sources(self) -> list[str]:
        """The distinct outlets carrying the event, in order of first report."""
        return list(dict.fromkeys(outlet(r.source, r.mention.article_id) for r in self.mentions))

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(r.mention.article_id for r in self.mentions))

    @property
    def scheduled(self) -> bool:
        """Reported before it happened: some mention dates it after its own article's publication."""
        return any(r.mention.future for r in self.mentions)

    @property
    def day(self) -> date | None:
        """The event's day, when its date is a single day."""
        return self.earliest if self.earliest == self.latest else None


def report_order(report: Report) -> tuple[str, str, int, int]:
    """Sort key: reports in the order the store first saw them, then by article, sentence and position."""
    m = report.mention
    return (report.first_seen_at, m.article_id, m.sentence, m.k)


def build_event(reports: Sequence[Report]) -> Event:
    """An event from its mentions: the narrowest date most of them support, the most central sentence."""
    ordered = sorted(reports, key=report_order)
    support = Counter((r.mention.earliest, r.mention.latest) for r in ordered)
    values = {(r.mention.earliest, r.mention.latest): r.mention for r in reversed(ordered)}
    (earliest, latest), _ = min(support.items(), key=lambda item: ((item[0][1] - item[0][0]).days, -item[1],
                                                                    item[0][0]))
    dated = values[(earliest, latest)]

    # The representative names the event's date in its own words when a mention does, is of readable length, and
    # says what the others say: content words shared with them, per square root of its own (long sentences share
    # more words by chance). Counted in one pass over the words.
    spread = Counter(term for r in ordered for term in r.mention.terms)
    position = {id(r): n for n, r in enumerate(ordered)}

    def centrality(report: Report) -> tuple[bool, bool, float, int]:
        m = report.mention
        names_date = m.rule is Rule.TIMEX and (m.earliest, m.latest) == (earliest, latest)
        shared = sum(spread[term] - 1 for term in m.terms) / math.sqrt(len(m.terms) or 1)
        return (not names_date, len(report.text.split()) > REPRESENTATIVE_WORDS, -shared, position[id(report)])

    representative = min(ordered, key=centrality)
    first = ordered[0].mention
    return Event(f"{first.article_id}:{first.sentence}:{first.k}", earliest, latest, dated.precision, dated.value,
                 representative, tuple(ordered))


class _Walk:
    """The part of the link graph read so far: the mentions known as of a date and, for each expanded mention, all
    of its links that `linked` keeps."""

    def __init__(self, conn: sqlite3.Connection, as_of: str | None, seeds: dict[int, EventMention]) -> None:
        self.conn, self.as_of = conn, as_of
        self.known = dict(seeds)
        self.seeds = set(seeds)
        self.looked_up = set(seeds)
        self.expanded: set[int] = set()
        self.neighbours: dict[int, set[int]] = {}
        self.cored: set[int] = set()  # its core expanded
        self.complete = False  # every reachable mention expanded
        self.settled: set[int] = set()  # its core and, recursively, its narrower neighbours' expanded

    def expand(self, nodes: set[int]) -> None:
        """Read the links of `nodes` (known mentions) and the mentions at their other ends."""
        touching = links_touching(self.conn, nodes)
        fresh = {end for a, b, _, _ in touching for end in (a, b)} - self.looked_up
        self.looked_up |= fresh
        if fresh:
            self.known.update(known_mentions(self.conn, fresh, self.as_of))
        known, neighbours = self.known, self.neighbours
        for a, b, shared, smaller in touching:
            if a in known and b in known and linked(known[a], known[b], shared, smaller):
                neighbours.setdefault(a, set()).add(b)
                neighbours.setdefault(b, set()).add(a)
        self.expanded |= nodes

    def links(self) -> list[tuple[int, int]]:
        """The links between expanded mentions, smaller id first."""
        expanded = self.expanded
        return [(a, b) for a in expanded for b in self.neighbours.get(a, ()) if a < b and b in expanded]

    def everything(self) -> None:
        """Expand every mention reachable through links: all that can touch the seeds' groups, settled or not."""
        todo = self.seeds | {other for node in self.expanded for other in self.neighbours.get(node, ())}
        todo -= self.expanded
        while todo:
            self.expand(todo)
            todo = {other for node in todo for other in self.neighbours.get(node, ())} - self.expanded
        self.complete = True

    def settle(self, roots: set[int]) -> None:
        """Expand until `group` gives each of `roots` its true group whatever lies beyond (or until more than
        `MAX_LOCAL_WALK` mentions are known). A mention's group depends only on its core (the mentions linked to it
        with the same interval: all expanded) and, recursively, on the groups of its narrower neighbours (see
        `group`); nothing else needs reading."""
        stack = [(node, True) for node in roots - self.settled]
        while stack:
            waiting: list[tuple[int, bool]] = []
            while stack:
                node, homed = stack.pop()
                if node in self.settled or (not homed and node in self.cored):
                    continue
                if node not in self.expanded:
                    waiting.append((node, homed))
                    continue
                self.cored.add(node)
                if homed:
                    self.settled.add(node)
                mention = self.known[node]
                for other in self.neighbours.get(node, ()):
                    found = self.known[other]
                    if (found.earliest, found.latest) == (mention.earliest, mention.latest):
                        stack.append((other, False))
                    elif homed and found.width < mention.width:
                        stack.append((other, True))
            if waiting and len(self.known) > MAX_LOCAL_WALK:
                return  # the caller reads everything instead
            if waiting:
                self.expand({node for node, _ in waiting})
                stack = waiting

    def core(self, node: int) -> set[int]:
        """The expanded mentions linked to `node` through links between equal intervals."""
        interval = (self.known[node].earliest, self.known[node].latest)
        found, stack = {node}, [node]
        while stack:
            for other in self.neighbours.get(stack.pop(), ()):
                if other not in found and (self.known[other].earliest, self.known[other].latest) == interval:
                    found.add(other)
                    stack.append(other)
        return found

    def width(self, node: int) -> int:
        """Days in the date of mention `node`."""
        return self.known[node].width

    def wider(self, node: int) -> set[int]:
        """The neighbours of `node` with a wider date: those that may join its group."""
        width = self.known[node].width
        return {other for other in self.neighbours.get(node, ()) if self.known[other].width > width}


def linked_to(conn: sqlite3.Connection, seeds: dict[int, EventMention], as_of: str | None
              ) -> tuple[dict[int, EventMention], dict[int, set[int]]]:
    """The mentions known as of `as_of` that `linked` joins directly to one of `seeds` (by row id), with the seeds:
    every mention read, and for each, the ones it is linked to among them. Only the links touching a seed are read
    (a link between two others is not), so this costs what the seeds' links cost, however big their component."""
    walk = _Walk(conn, as_of, seeds)
    walk.expand(set(seeds))
    return walk.known, walk.neighbours


def events_from(conn: sqlite3.Connection, seeds: dict[int, Report], as_of: str | None) -> list[Event]:
    """The events containing the `seeds` mentions (by row id), grown through links to every mention known as of
    `as_of`.

    The groups are those `group` makes of the whole connected part of the link graph, but only the part that can
    change them is read: the seeds settled, then every member of their groups and every wider neighbour of one
    (which may join), until all are settled. A component of links is often cut into many events, so this reads
    far less; texts are read for the kept events alone.
    """
    walk = _Walk(conn, as_of, {key: report.mention for key, report in seeds.items()})
    roots = set(seeds)
    widened: set[int] = set()  # the members whose wider neighbours are roots already
    if (conn.execute("SELECT max(id) FROM event_mentions").fetchone()[0] or 0) <= SMALL_STORE:
        walk.everything()
    while True:
        walk.settle(roots)
        if len(walk.known) > MAX_LOCAL_WALK:  # most of a big component matters: read it all, group it once
            walk.everything()
        kept = [members for members in group({key: walk.known[key] for key in walk.expanded}, walk.links())
                if any(key in seeds for key in members)]
        # each group's core (its narrowest members and those they were linked with) may lose members: settle all
        roots = {key for members in kept for key in (*members, *walk.core(min(members, key=walk.width)))}
        fresh = (roots & walk.expanded) - widened
        roots |= {other for key in fresh for other in walk.wider(key)}
        widened |= fresh
        if roots <= walk.settled or walk.complete:
            break
    reports = reports_of(conn, {key: walk.known[key] for members in kept for key in members if key not in seeds})
    reports.update(seeds)
    events = [build_event([reports[key] for key in members]) for members in kept]
    return sorted(events, key=lambda e: (e.earliest, e.latest, e.first_reported_at, e.id))


def find_events(conn: sqlite3.Connection, query: str | None = None, *, start: date | None = None,
                end: date | None = None, as_of: str | None = None, min_mentions: int = 2,
                first_reported_after: str | None = None) -> list[Event]:
    """Events known as of `as_of` whose date overlaps `[start, end]`, one of whose sentences matches `query`.

    Single-mention events are kept only when `min_mentions` is 1, and then only if dated by their own words.
    `first_reported_after` keeps the events first reported after that date (what is new since then), reading
    only the articles first seen since.
    """
    words = query_words(query)
    found = known_reports(conn, as_of=as_of, words=words, seen_after=first_reported_after)
    seeds = {i: r for i, r in found.items()
             if (not words or sentence_matches(r.text, words))
             and (start is None or r.mention.latest >= start) and (end is None or r.mention.earliest <= end)}
    events = events_from(conn, seeds, as_of)
    bound = as_of_bound(first_reported_after)
    return [e for e in events if len(e.mentions) >= max(min_mentions, 1)
            and (bound is None or e.first_reported_at > bound)
            and (len(e.mentions) > 1 or e.mentions[0].mention.rule is Rule.TIMEX)
            and (start is None or e.latest >= start) and (end is None or e.earliest <= end)]
