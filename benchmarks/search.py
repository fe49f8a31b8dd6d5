"""As-of search latency over the Reuters corpus (106k articles) and over copies of it scaled to 1 million.

    python benchmarks/search.py build --db /tmp/r1.db                        # the 106k Reuters articles
    cp /tmp/r1.db /tmp/r10.db && python benchmarks/search.py scale --db /tmp/r10.db --copies 10   # 1.05M
    python benchmarks/search.py track --db /tmp/r1.db                        # recount common words by period
    python benchmarks/search.py query --db /tmp/r1.db [--queries 400]        # likewise --db /tmp/r10.db

`build` is an FTS-only load: every article goes through the store's real write path (`put_article`, its sentences,
`search.index_article`) but skips the other analyses, to keep it bounded; it prints build time, database and index
sizes. `scale` adds shifted copies in SQL (copy k: id `<id>~k`, first seen and published k*3 days later), so a
scaled corpus is a denser stream over the same years, not the same day repeated; it prints its time and sizes.
Both end with `track` (`search.frequencies.track`: per-period document frequencies of the common words, which make
as-of counts cheap), also a step of its own for a database built before it.

`query` runs searches built from the corpus itself (1 to 3 words taken from a random title, seeded), each with a
random as-of date inside the corpus span, plus a share with a published-date filter, and prints p50/p95/p99 in ms
for all queries and per number of words, with hits counts; on a shared machine, also the CPU time per query and the
load average, since wall time then includes waiting for a core. Run big builds in the background under `timeout`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sqlite3
import statistics
import time
from pathlib import Path

from dateline.article import Article
from dateline.errors import Problem
from dateline.ingest.readers import ReadOptions, reader_for
from dateline.ingest.run import IngestOptions, check
from dateline.ingest.sources import discover
from dateline.search import frequencies, index_article, search
from dateline.search.index import PER_SECOND
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


def build(db: Path, data: Path, batch: int) -> None:
    """Load the corpus through the store's write path and report sizes and times."""
    started = time.perf_counter()
    originals = _articles(data)
    read_seconds = time.perf_counter() - started
    count = 0
    with Store(db) as store:
        _fast_writes(store.conn)
        for start in range(0, len(originals), batch):
            with store.transaction() as conn:
                for article in originals[start:start + batch]:
                    stored = put_article(conn, article, article.published.earliest_utc())
                    if stored.outcome is not Outcome.DUPLICATE:
                        put_sentences(conn, stored.id, list(sentences(article.text)))
                        index_article(conn, stored.id)
                        count += 1
        store.conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
        tracked = _track(store)
        sizes = _sizes(store.conn)
    total = time.perf_counter() - started
    print(json.dumps({"articles": count, "read_seconds": round(read_seconds, 1), "build_seconds": round(total, 1),
                      "articles_per_second": round(count / (total - read_seconds)),
                      "db_mb": round(db.stat().st_size / 1e6), **tracked, **sizes}))


def _track(store: Store) -> dict[str, float]:
    """Recount the common words by period; their number and the seconds it took."""
    started = time.perf_counter()
    with store.transaction() as conn:
        words = frequencies.track(conn)
    return {"tracked_words": words, "track_seconds": round(time.perf_counter() - started, 1)}


def track(db: Path) -> None:
    """Track the common words of a database built before `frequencies` existed (or after a bulk load)."""
    with Store(db) as store:
        _fast_writes(store.conn)
        tracked = _track(store)
        print(json.dumps({**tracked, **_sizes(store.conn)}))


def _fast_writes(conn: sqlite3.Connection) -> None:
    """A benchmark database may be lost in a crash: trade durability for build speed."""
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")


def scale(db: Path, copies: int) -> None:
    """Add copies 1..copies-1 of every article of a built database, in SQL: copy k gets the id `<id>~k` and its
    first-seen time and publication day moved by k*3 days (its doc number likewise, within its own range), the
    same title, text, source, length and sentences. FTS5 indexes each copy as it would an ingested article."""
    started = time.perf_counter()
    with Store(db) as store:
        conn = store.conn
        _fast_writes(conn)
        for copy in range(1, copies):
            days = 3 * copy
            moved = days * 86400 * PER_SECOND + copy * (PER_SECOND >> 4)  # same second, own sequence range
            shift = f"strftime('%Y-%m-%dT%H:%M:%S', substr({{0}}, 1, 19), '+{days} days') || substr({{0}}, 20)"
            with store.transaction():
                conn.execute(
                    "INSERT INTO articles (id, key, revision, title, text, url, source, external_id, published_at,"
                    " published_precision, published_tz_known, published_day, first_seen_at, origin)"
                    f" SELECT id || '~{copy}', key || '~{copy}', revision, title, text, url, source, external_id,"
                    f" date(published_day, '+{days} days'), 'day', 0, date(published_day, '+{days} days'),"
                    f" {shift.format('first_seen_at')}, origin FROM articles WHERE instr(id, '~') = 0")
                conn.execute(
                    "INSERT INTO search_docs (doc, article_id, key, revision, first_seen_at, gone_at, published_day,"
                    f" source, length) SELECT doc + {moved}, article_id || '~{copy}',"
                    f" key || '~{copy}', revision, {shift.format('first_seen_at')},"
                    f" CASE WHEN gone_at IS NULL THEN NULL ELSE {shift.format('gone_at')} END,"
                    f" date(published_day, '+{days} days'), source, length FROM search_docs"
                    " WHERE instr(article_id, '~') = 0")
                conn.execute(
                    f"INSERT INTO sentences SELECT article_id || '~{copy}', idx, start, end, paragraph FROM sentences"
                    " WHERE instr(article_id, '~') = 0")
                conn.execute(
                    f"INSERT INTO search_fts (rowid, title, body, source) SELECT d.doc + {moved},"
                    " coalesce(a.title, ''), a.text, coalesce(a.source, '') FROM search_docs d JOIN articles a"
                    " ON a.id = d.article_id WHERE instr(d.article_id, '~') = 0")
            print(json.dumps({"copy": copy, "seconds": round(time.perf_counter() - started)}), flush=True)
        with store.transaction():
            conn.execute("DELETE FROM search_days")
            conn.execute("INSERT INTO search_days (day, docs, tokens) SELECT substr(first_seen_at, 1, 10),"
                         " count(*), sum(length) FROM search_docs GROUP BY 1")
            conn.execute("INSERT INTO search_days (day, docs, tokens) SELECT substr(gone_at, 1, 10), -count(*),"
                         " -sum(length) FROM search_docs WHERE gone_at IS NOT NULL GROUP BY 1 ON CONFLICT (day)"
                         " DO UPDATE SET docs = docs + excluded.docs, tokens = tokens + excluded.tokens")
        conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
        tracked = _track(store)
        count = conn.execute("SELECT count(*) FROM search_docs").fetchone()[0]
        sizes = _sizes(conn)
    print(json.dumps({"articles": count, "scale_seconds": round(time.perf_counter() - started, 1),
                      "db_mb": round(db.stat().st_size / 1e6), **tracked, **sizes}))


def _sizes(conn: sqlite3.Connection) -> dict[str, int]:
    """Megabytes per search structure (FTS5 shadow tables, search_docs and its indexes), from dbstat."""
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    except sqlite3.OperationalError:
        return {}
    groups = {"fts_index_mb": ("search_fts",), "search_docs_mb": ("search_docs", "search_days"),
              "word_periods_mb": ("search_word_periods",),
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
        cpu: dict[int, list[float]] = {}
        totals: list[int] = []
        for text, as_of, since in queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            page = search(conn, text, as_of=as_of, published_from=since)
            words = len(text.split())
            timings.setdefault(words, []).append((time.perf_counter() - started) * 1000)
            cpu.setdefault(words, []).append((time.process_time() - started_cpu) * 1000)
            totals.append(page.total)
        every = [value for values in timings.values() for value in values]
        print(json.dumps({"db": str(db), "load_average": round(os.getloadavg()[0], 1), "all_ms": _percentiles(every),
                          "cpu_ms": _percentiles([value for values in cpu.values() for value in values]),
                          **{f"{words}_words_ms": _percentiles(values) for words, values in sorted(timings.items())},
                          **{f"{words}_words_cpu_ms": _percentiles(values) for words, values in sorted(cpu.items())},
                          "hits_median": statistics.median(totals), "hits_max": max(totals)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=["build", "scale", "track", "query"])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--copies", type=int, default=10, help="scale: copies of the corpus in all (10 gives ~1M)")
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.step == "build":
        build(args.db, args.data, args.batch)
    elif args.step == "scale":
        scale(args.db, args.copies)
    elif args.step == "track":
        track(args.db)
    else:
        query(args.db, args.queries, args.seed)


if __name__ == "__main__":
    main()
