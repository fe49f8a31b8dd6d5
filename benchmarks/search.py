"""As-of search latency over the Reuters corpus (106k articles) and over copies of it scaled to 1 million.

    python benchmarks/search.py build --db /tmp/reuters.db [--copies 1]     # 106k; --copies 10 gives 1.06M
    python benchmarks/search.py query --db /tmp/reuters.db [--queries 400]

`build` is an FTS-only load: every article goes through the store's real write path (`put_article`, its sentences,
`search.index_article`) but skips the other analyses, to keep a 1M build bounded. Copy k of an article gets the id
`<id>~k` and its publication (and first-seen) time shifted by k*3 days, so a scaled corpus is a denser stream over
the same years, not the same day repeated. `build` prints build time, database and index sizes.

`query` runs searches built from the corpus itself (1 to 3 words taken from a random title, seeded), each with a
random as-of date inside the corpus span, plus a share with a published-date filter, and prints p50/p95/p99 in ms
for all queries and per number of words, with hits counts. Run big builds in the background under `timeout`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sqlite3
import statistics
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from dateline.article import Article, PublishedAt
from dateline.errors import Problem
from dateline.ingest.readers import ReadOptions, reader_for
from dateline.ingest.run import IngestOptions, check
from dateline.ingest.sources import discover
from dateline.search import index_article, search
from dateline.store.articles import Outcome, put_article, put_sentences
from dateline.store.db import Store
from dateline.text import sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "reuters-financial"
STOP = frozenset("""about after again against also among amid analysts been before being between could from have
into more most over said says than that their there these they this those through under update what when where which
while will with would year years week weeks month percent first second third""".split())


def _articles(data: Path) -> list[Article]:
    found: list[Article] = []
    options = IngestOptions()
    for item in discover([data]):
        if isinstance(item, Problem):
            continue
        for record in reader_for(item.format)(item, ReadOptions()):
            if isinstance(record, Article):
                found.append(check(record, record.published.earliest_utc(), options))
    return found


def _shifted(article: Article, copy: int) -> Article:
    if copy == 0:
        return article
    published = article.published
    moved = PublishedAt(published.moment + timedelta(days=3 * copy), published.precision, published.tz_known)
    return replace(article, published=moved, external_id=f"{article.external_id or article.url}~{copy}",
                   url=f"{article.url}~{copy}" if article.url else None)


def build(db: Path, data: Path, copies: int, batch: int) -> None:
    """Load `copies` shifted copies of the corpus through the store's write path and report sizes and times."""
    started = time.perf_counter()
    originals = _articles(data)
    read_seconds = time.perf_counter() - started
    count = 0
    with Store(db) as store:
        # A benchmark database may be lost in a crash: trade durability for build speed.
        store.conn.execute("PRAGMA synchronous = OFF")
        store.conn.execute("PRAGMA cache_size = -262144")
        for copy in range(copies):
            for start in range(0, len(originals), batch):
                with store.transaction() as conn:
                    for original in originals[start:start + batch]:
                        article = _shifted(original, copy)
                        stored = put_article(conn, article, article.published.earliest_utc())
                        if stored.outcome is not Outcome.DUPLICATE:
                            put_sentences(conn, stored.id, list(sentences(article.text)))
                            index_article(conn, stored.id)
                            count += 1
            print(json.dumps({"copy": copy, "articles": count, "seconds": round(time.perf_counter() - started)}),
                  flush=True)
        store.conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
        sizes = _sizes(store.conn)
    total = time.perf_counter() - started
    print(json.dumps({"articles": count, "read_seconds": round(read_seconds, 1), "build_seconds": round(total, 1),
                      "articles_per_second": round(count / (total - read_seconds)), "db_mb": round(
                          db.stat().st_size / 1e6), **sizes}))


def _sizes(conn: sqlite3.Connection) -> dict[str, int]:
    """Megabytes per search structure (FTS5 shadow tables, search_docs and its indexes), from dbstat."""
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    except sqlite3.OperationalError:
        return {}
    groups = {"fts_index_mb": ("search_fts",), "search_docs_mb": ("search_docs", "search_days"),
              "articles_mb": ("articles", "sqlite_autoindex_articles"), "sentences_mb": ("sentences",)}
    return {label: round(sum(size for name, size in rows if name.startswith(prefixes)) / 1e6)
            for label, prefixes in groups.items()}


def _queries(conn: sqlite3.Connection, count: int, seed: int) -> list[tuple[str, str, str | None]]:
    """(query, as-of day, published_from or None) triples drawn from random titles and dates of the corpus."""
    rng = random.Random(seed)
    low, high = conn.execute("SELECT min(first_seen_at), max(first_seen_at) FROM search_docs").fetchone()
    versions = conn.execute("SELECT max(rowid) FROM articles").fetchone()[0]
    first, last = (int(time.mktime(time.strptime(stamp[:10], "%Y-%m-%d"))) for stamp in (low, high))
    found: list[tuple[str, str, str | None]] = []
    while len(found) < count:
        row = conn.execute("SELECT title FROM articles WHERE rowid = ?", (rng.randint(1, versions),)).fetchone()
        words = [w for w in re.findall(r"[A-Za-z]{4,}", (row[0] if row else "") or "") if w.lower() not in STOP]
        if not words:
            continue
        picked = rng.sample(words, min(len(words), rng.choice((1, 2, 2, 3))))
        as_of = time.strftime("%Y-%m-%d", time.gmtime(rng.randint(first, last)))
        since = None
        if rng.random() < 0.25:
            since = time.strftime("%Y-%m-%d", time.gmtime(rng.randint(first, int(time.mktime(
                time.strptime(as_of, "%Y-%m-%d"))))))
        found.append((" ".join(picked), as_of, since))
    return found


def _percentiles(values: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {"n": len(values), "p50": round(cuts[49], 1), "p95": round(cuts[94], 1), "p99": round(cuts[98], 1),
            "max": round(max(values), 1)}


def query(db: Path, count: int, seed: int) -> None:
    """Time `count` as-of searches (first page of 20 hits with snippets) and print latency percentiles."""
    with Store(db, readonly=True) as store:
        conn = store.conn
        queries = _queries(conn, count, seed)
        for text, as_of, since in queries[:20]:  # warm the page cache
            search(conn, text, as_of=as_of, published_from=since)
        timings: dict[int, list[float]] = {}
        totals: list[int] = []
        for text, as_of, since in queries:
            started = time.perf_counter()
            page = search(conn, text, as_of=as_of, published_from=since)
            timings.setdefault(len(text.split()), []).append((time.perf_counter() - started) * 1000)
            totals.append(page.total)
        every = [value for values in timings.values() for value in values]
        print(json.dumps({"db": str(db), "all_ms": _percentiles(every),
                          **{f"{words}_words_ms": _percentiles(values) for words, values in sorted(timings.items())},
                          "hits_median": statistics.median(totals), "hits_max": max(totals)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=["build", "query"])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--copies", type=int, default=1, help="shifted copies of the corpus (10 gives ~1M)")
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.step == "build":
        build(args.db, args.data, args.copies, args.batch)
    else:
        query(args.db, args.queries, args.seed)


if __name__ == "__main__":
    main()
