"""Linking articles into stories as they arrive.

`link_articles` runs in the ingest transaction (from `pipeline.update_corpus`). Each new version is compared with
every version stored before it, and a link is recorded for each pair that passes a fixed, symmetric test:

- `duplicate`: the texts are near-copies (estimated shingle resemblance >= `DUPLICATE_RESEMBLANCE`): syndicated
  copies, or an update of an article published under a new address;
- `story`: the articles share at least `MIN_SHARED` names or title words, with feature cosine >= `STORY_COSINE`;

and either way were published at most `WINDOW_DAYS` apart. The window bounds what a new version is compared with by
the news of a few weeks, however large the store grows (boilerplate shingles and common names would otherwise bring
up a share of every stored version); both tests run in SQL on the indexes of that window, so only links come back.
The indexes are keyed by period (`WINDOW_DAYS` days of publication) first: a window spans three periods, so what a
new version reads and writes lies in the latest pages of the indexes, which stay cached, however large they grow.

Since every pair is tested exactly once and the test depends on the two articles only, the links among any set of
articles are the same whatever order they arrived in; stories as of a date are computed from them (`stories`).
"""

from __future__ import annotations

import math
import sqlite3
from datetime import date, timedelta
from fractions import Fraction

from dateline.search.similarity import features, resemblance, sketch

DUPLICATE_RESEMBLANCE = 0.7
STORY_COSINE = 0.4
MIN_SHARED = 4
WINDOW_DAYS = 21
# cosine >= STORY_COSINE as whole numbers: shared² · q² >= p² · |a| · |b| for STORY_COSINE = p / q (no rounding).
_COSINE = Fraction(STORY_COSINE).limit_denominator(1000)


def _period(day: date) -> int:
    """The index period of a publication day (see migration 0021)."""
    return day.toordinal() // WINDOW_DAYS


def _window(day: str) -> tuple[str, str, list[int]]:
    """The first and last days of the window around `day`, and the periods it spans."""
    middle = date.fromisoformat(day)
    low, high = middle - timedelta(days=WINDOW_DAYS), middle + timedelta(days=WINDOW_DAYS)
    return low.isoformat(), high.isoformat(), list(range(_period(low), _period(high) + 1))


def _marks(values: list[str] | list[int]) -> str:
    return ",".join("?" * len(values))


def link_articles(conn: sqlite3.Connection, article_ids: list[str]) -> None:
    """Compute the story features of newly stored versions and link each to the versions stored before it."""
    if not article_ids:
        return
    rows = conn.execute(
        f"SELECT d.doc, d.published_day, a.title, a.text FROM search_docs d JOIN articles a ON a.id = d.article_id"
        f" WHERE d.article_id IN ({_marks(article_ids)}) AND d.doc NOT IN (SELECT doc FROM story_docs)"
        " ORDER BY d.doc", article_ids,
    ).fetchall()
    for doc, day, title, text in rows:
        _link_one(conn, doc, day, features(title, text), sketch(text))


def _link_one(conn: sqlite3.Connection, doc: int, day: str, names: frozenset[str], shingles: tuple[int, ...]
              ) -> None:
    links: dict[int, tuple[str, float]] = {}
    low, high, periods = _window(day)
    if shingles:
        needed = math.ceil(DUPLICATE_RESEMBLANCE * len(shingles))
        values = list(shingles)
        for other, other_sketch in conn.execute(
            f"SELECT s.doc, d.sketch FROM story_sketches s JOIN story_docs d ON d.doc = s.doc"
            f" WHERE s.period IN ({_marks(periods)}) AND s.value IN ({_marks(values)}) AND s.day BETWEEN ? AND ?"
            " GROUP BY s.doc HAVING count(*) >= ?",
            [*periods, *values, low, high, needed],
        ).fetchall():
            score = resemblance(shingles, tuple(int(v) for v in other_sketch.split()))
            if score >= DUPLICATE_RESEMBLANCE:
                links[other] = ("duplicate", score)
    if len(names) >= MIN_SHARED:
        wanted = sorted(names)
        for other, shared, size in conn.execute(
            f"SELECT f.doc, count(*), length(d.features) - length(replace(d.features, '|', '')) + 1 AS size"
            f" FROM story_features f JOIN story_docs d ON d.doc = f.doc"
            f" WHERE f.period IN ({_marks(periods)}) AND f.feature IN ({_marks(wanted)}) AND f.day BETWEEN ? AND ?"
            " GROUP BY f.doc HAVING count(*) >= ? AND count(*) * count(*) * ? >= ? * size",
            [*periods, *wanted, low, high, MIN_SHARED, _COSINE.denominator ** 2,
             _COSINE.numerator ** 2 * len(names)],
        ).fetchall():
            if other not in links:
                links[other] = ("story", shared / math.sqrt(len(names) * size))
    conn.execute("INSERT INTO story_docs (doc, features, sketch) VALUES (?, ?, ?)",
                 (doc, "|".join(sorted(names)), " ".join(map(str, shingles))))
    period = _period(date.fromisoformat(day))
    conn.executemany("INSERT INTO story_features (period, feature, day, doc) VALUES (?, ?, ?, ?)",
                     [(period, name, day, doc) for name in names])
    conn.executemany("INSERT OR IGNORE INTO story_sketches (period, value, day, doc) VALUES (?, ?, ?, ?)",
                     [(period, value, day, doc) for value in shingles])
    conn.executemany("INSERT INTO story_links (a, b, kind, similarity) VALUES (?, ?, ?, ?)",
                     [(doc, other, kind, score) for other, (kind, score) in sorted(links.items())])
