"""Stories as of a date: the connected components of the strong story links among the versions current then.

A story link is strong when it is among the `TOP_LINKS` strongest of both its articles (`_strong`); duplicate links
always are. Both are decided from the links among the known articles only, so stories stay a function of the set
of articles known on the date.

A story's id is the article id of its earliest member (by first_seen_at, then id), so it is the same in every
store that knows the same articles, and stays the same as the story grows (it changes only when two stories merge,
and any member's id still finds the story: `story(conn, article_id)`). Near-duplicates (`duplicate` links) are
grouped: a story counts each group of copies once, and lists the copies under the first one.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from dateline.asof import as_of_bound
from dateline.errors import Code, QueryError
from dateline.search.bm25 import known_sql
from dateline.search.snapshot import snapshot

AsOf = str | date | datetime | None
MAIN_ENTITIES = 8
TOP_LINKS = 4


@dataclass(frozen=True)
class StoryArticle:
    """One member of a story. `copy_of` names the article it duplicates (None for the first of its group)."""

    article_id: str
    title: str | None
    source: str | None
    published_day: str
    first_seen_at: str
    copy_of: str | None


@dataclass(frozen=True)
class Story:
    """A story as known on the as-of date: its span, its outlets and the entities it is about.

    `articles` counts distinct articles (each group of near-duplicates once); `copies` the duplicates beside them.
    """

    id: str
    title: str | None
    articles: int
    copies: int
    first_day: str
    last_day: str
    first_seen_at: str
    last_seen_at: str
    outlets: list[str]
    entities: list[str]
    members: list[StoryArticle]


class _Components:
    """Union-find over doc numbers."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        root = self.parent.setdefault(item, item)
        while root != self.parent[root]:
            root = self.parent[root]
        while item != root:
            item, self.parent[item] = self.parent[item], root
        return root

    def union(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for item in self.parent:
            found.setdefault(self.find(item), []).append(item)
        return found


Link = tuple[int, int, str, float, str, str]  # a, b, kind, similarity, article id of a, article id of b


def _known_links(conn: sqlite3.Connection, bound: str | None, docs: Iterable[int] | None = None) -> list[Link]:
    """Links whose two ends are current as of `bound`; with `docs`, only links touching them."""
    sql = (f"SELECT l.a, l.b, l.kind, l.similarity, d.article_id, e.article_id FROM story_links l"
           f" JOIN search_docs d ON d.doc = l.a JOIN search_docs e ON e.doc = l.b"
           f" WHERE {known_sql('d')} AND {known_sql('e')}")
    params: dict[str, str | None] = {"bound": bound}
    if docs is not None:
        sql += (" AND (l.a IN (SELECT value FROM json_each(:docs)) OR l.b IN (SELECT value FROM json_each(:docs)))")
        params["docs"] = json.dumps(list(docs))
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: tens of thousands of rows, no Row objects to convert
    return cursor.execute(sql, params).fetchall()


def _strong(links: Iterable[Link]) -> list[tuple[int, int, str]]:
    """The links that make stories: every duplicate link, and each story link that is among the `TOP_LINKS`
    strongest of both its articles (ties broken by article id). Without this, chains of loosely related articles
    would merge a whole beat (every article about one company over months) into one story.

    Each article's strongest links must be taken among all its known links, so pass them all."""
    every = list(links)
    story = [link for link in every if link[2] == "story"]
    # A link is among an article's strongest when it ranks no lower than its TOP_LINKS-th (article ids are unique,
    # so ranks never tie); an article with no more links than that (most of them) keeps them all, unranked.
    degree = Counter([link[0] for link in story] + [link[1] for link in story])
    many = {doc for doc, count in degree.items() if count > TOP_LINKS}
    ranked: defaultdict[int, list[tuple[float, str]]] = defaultdict(list)
    for a, b, _, similarity, first, second in story:
        if a in many:
            ranked[a].append((-similarity, second))
        if b in many:
            ranked[b].append((-similarity, first))
    last = {doc: sorted(items)[TOP_LINKS - 1] for doc, items in ranked.items()}
    return [(a, b, kind) for a, b, kind, similarity, first, second in every
            if kind == "duplicate" or ((a not in last or (-similarity, second) <= last[a])
                                       and (b not in last or (-similarity, first) <= last[b]))]


def _describe(conn: sqlite3.Connection, docs: list[int], links: list[tuple[int, int, str]]) -> Story:
    rows = {row[0]: row for row in conn.execute(
        f"SELECT d.doc, d.article_id, a.title, d.source, d.published_day, d.first_seen_at FROM search_docs d"
        f" JOIN articles a ON a.id = d.article_id WHERE d.doc IN ({','.join('?' * len(docs))})", docs)}
    order = sorted(docs, key=lambda doc: (rows[doc][5], rows[doc][1]))
    copies = _Components()
    for doc in order:
        copies.find(doc)
    for a, b, kind in links:
        if kind == "duplicate" and a in rows and b in rows:
            copies.union(a, b)
    position = {doc: at for at, doc in enumerate(order)}
    first_of = {root: min(group, key=position.__getitem__) for root, group in copies.groups().items()}
    members = [StoryArticle(rows[doc][1], rows[doc][2], rows[doc][3], rows[doc][4], rows[doc][5],
                            None if first_of[copies.find(doc)] == doc else rows[first_of[copies.find(doc)]][1])
               for doc in order]
    outlets = Counter(member.source or "(unknown)" for member in members)
    days = sorted(member.published_day for member in members)
    head = rows[order[0]]
    return Story(
        id=head[1], title=head[2], articles=len(first_of), copies=len(docs) - len(first_of),
        first_day=days[0], last_day=days[-1], first_seen_at=head[5], last_seen_at=rows[order[-1]][5],
        outlets=[name for name, _ in sorted(outlets.items(), key=lambda item: (-item[1], item[0]))],
        entities=_main_entities(conn, [member.article_id for member in members]), members=members,
    )


def _main_entities(conn: sqlite3.Connection, article_ids: list[str]) -> list[str]:
    """The names most articles of the story mention (per-article entity groups, so as-of safe)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'doc_entities'").fetchone() is None:
        return []
    counts = Counter(name for (name,) in conn.execute(
        f"SELECT DISTINCT article_id || char(0) || name FROM doc_entities"
        f" WHERE article_id IN ({','.join('?' * len(article_ids))})", article_ids))
    names = Counter(key.split("\0", 1)[1] for key in counts)
    return [name for name, _ in sorted(names.items(), key=lambda item: (-item[1], item[0]))[:MAIN_ENTITIES]]


def stories(conn: sqlite3.Connection, as_of: AsOf = None, *, min_articles: int = 2, limit: int = 50,
            offset: int = 0) -> list[Story]:
    """The stories known as of `as_of` (groups of linked articles) with at least `min_articles` distinct articles,
    biggest (then most recent) first. Raises `QueryError` for a bad as-of date or bounds."""
    if min_articles < 1 or limit < 1 or offset < 0:
        raise QueryError("min_articles and limit must be at least 1, offset at least 0", code=Code.INVALID_QUERY)
    bound = as_of_bound(as_of)
    with snapshot(conn):
        return _stories(conn, bound, min_articles, limit, offset)


def _stories(conn: sqlite3.Connection, bound: str | None, min_articles: int, limit: int, offset: int
             ) -> list[Story]:
    links = _strong(_known_links(conn, bound))
    components = _Components()
    duplicates = _Components()
    for a, b, kind in links:
        components.union(a, b)
        if kind == "duplicate":
            duplicates.union(a, b)
    sized = [(len({duplicates.find(doc) for doc in docs}), docs) for docs in components.groups().values()]
    sized = [(size, docs) for size, docs in sized if size >= min_articles]
    # Stories rank by size first: only those at least as big as the last one asked for can be listed, so only
    # their days and ids are read.
    sizes = sorted((size for size, _ in sized), reverse=True)
    smallest = sizes[offset + limit - 1] if len(sizes) >= offset + limit else min_articles
    groups = [(size, docs) for size, docs in sized if size >= smallest]
    facts = {row[0]: (row[1], row[2], row[3]) for row in conn.execute(
        "SELECT doc, article_id, published_day, first_seen_at FROM search_docs WHERE doc IN"
        " (SELECT value FROM json_each(?))", (json.dumps([doc for _, docs in groups for doc in docs]),))}

    def rank(size: int, docs: list[int]) -> tuple[int, str, str]:
        head = min(docs, key=lambda doc: (facts[doc][2], facts[doc][0]))
        return size, max(facts[doc][1] for doc in docs), facts[head][0]

    ranked = sorted(((rank(size, docs), docs) for size, docs in groups), key=lambda item: item[0][2])
    ranked.sort(key=lambda item: item[0][:2], reverse=True)
    chosen = [docs for _, docs in ranked[offset:offset + limit]]
    story_of = {doc: at for at, docs in enumerate(chosen) for doc in docs}
    story_links: list[list[tuple[int, int, str]]] = [[] for _ in chosen]
    for link in links:
        if (at := story_of.get(link[0])) is not None:
            story_links[at].append(link)
    return [_describe(conn, sorted(docs), found) for docs, found in zip(chosen, story_links, strict=True)]


def story(conn: sqlite3.Connection, story_id: str, as_of: AsOf = None) -> Story:
    """The story containing article `story_id` (a story id, or any member's id) as of `as_of`.

    Raises `QueryError` (D413) if that article is not known as of the date.
    """
    bound = as_of_bound(as_of)
    with snapshot(conn):
        return _story(conn, story_id, as_of, bound)


def _story(conn: sqlite3.Connection, story_id: str, as_of: AsOf, bound: str | None) -> Story:
    row = conn.execute(f"SELECT d.doc FROM search_docs d WHERE d.article_id = :id AND {known_sql('d')}",
                       {"id": story_id, "bound": bound}).fetchone()
    if row is None:
        raise QueryError(f"no story with id {story_id!r}" + (f" as of {as_of}" if as_of else ""),
                         code=Code.UNKNOWN_STORY)
    members, frontier, links = {row[0]}, [row[0]], set()
    while frontier:
        around = _known_links(conn, bound, frontier)
        neighbours = sorted({doc for link in around for doc in link[:2]} - set(frontier))
        every = set(around) | set(_known_links(conn, bound, neighbours) if neighbours else [])
        found = [link for link in _strong(every) if link[0] in frontier or link[1] in frontier]
        links.update(found)
        frontier = sorted({doc for a, b, _ in found for doc in (a, b)} - members)
        members.update(frontier)
    return _describe(conn, sorted(members), sorted(links))
