"""An ingest run: read every input, check every record, analyze the new ones, store them in batches.

The analysis of a batch's new articles runs on an engine, a part a worker (`Engine.parts`), each part written as
a Parquet shard into the spool (`dateline.engine.spool`); the writer loads a batch's shards in bulk. Each batch is
one transaction (articles, their analysis, the corpus updates and the problems found), so a run killed at any
point leaves only whole batches behind, and running it again skips what is stored (by content hash), drops the
dead run's shards unread, and completes the rest: no duplicates, no gaps.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

from dateline.article import Article
from dateline.asof import seen_stamp
from dateline.clock import Clock, SystemClock
from dateline.engine import open_engine
from dateline.engine.base import cut, gathered
from dateline.engine.shards import load_shard
from dateline.engine.spool import Spool
from dateline.engine.work import shard_jobs
from dateline.entities.resolve import resolve_pending
from dateline.errors import Code, DatelineError, InputError, Problem, StoreError
from dateline.ingest.readers import ReadOptions, reader_for
from dateline.ingest.sources import InputFile, discover
from dateline.pipeline import PipelineConfig, load_models, update_corpus
from dateline.search.frequencies import maybe_track
from dateline.search.index import index_article
from dateline.store.articles import Outcome, put_article
from dateline.store.db import Store
from dateline.text import clean

SEEN_AT_PUBLISHED = "published"
# Publication years accepted: older than any news archive or far in the future is a broken date (0001-01-01,
# 9999-12-31 are classic placeholders), and every stage needs room around a date to compute "last month".
PUBLISHED_RANGE = (1000, 8999)


@dataclass(frozen=True)
class IngestOptions:
    """How to ingest. `seen_at` fixes `first_seen_at` for a backfill: an instant, or `"published"` to take
    each article's own publication time; None stamps the clock's time. `engine` (`local` or `dask`), `workers`
    and `scheduler` say where the per-article analysis runs (see `dateline.engine.open_engine`); `spool` is
    where its shards go (default: `<database>.spool`; shared by every worker and this process on a remote
    cluster)."""

    format: str | None = None
    read: ReadOptions = field(default_factory=ReadOptions)
    seen_at: datetime | str | None = None
    strict: bool = False
    batch_size: int = 200
    future_tolerance: timedelta = timedelta(days=2)
    pipeline: PipelineConfig = field(default_factory=PipelineConfig)
    engine: str = "local"
    scheduler: str | None = None
    workers: int | None = None
    spool: Path | None = None


@dataclass
class IngestReport:
    """What a run did: counts, and every problem with where and why."""

    added: int = 0
    duplicates: int = 0
    revisions: int = 0
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    bytes_read: int = 0

    @property
    def rejected(self) -> int:
        return len(self.problems)

    def by_code(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for problem in self.problems:
            counts[problem.code.value] = counts.get(problem.code.value, 0) + 1
        return dict(sorted(counts.items()))


class StrictModeError(DatelineError):
    """Raised by a `strict` run at its first problem."""


Progress = Callable[[InputFile, int], None]


def _earliest_utc(article: Article) -> datetime:
    """The article's publication instant in UTC; D103 when that falls outside the calendar (an offset on
    0001-01-01 or 9999-12-31), instead of an OverflowError that would stop the whole run."""
    try:
        return article.published.earliest_utc()
    except OverflowError:
        raise InputError(f"date {article.published.iso()} is out of range once converted to UTC",
                         code=Code.INVALID_DATE) from None


def _seen_at(article: Article, options: IngestOptions, clock: Clock) -> datetime:
    if options.seen_at == SEEN_AT_PUBLISHED:
        return _earliest_utc(article)
    if isinstance(options.seen_at, datetime):
        return options.seen_at
    return clock.now()


def check(article: Article, first_seen_at: datetime, options: IngestOptions) -> Article:
    """The article with its text in stored form, or `InputError` if it cannot be stored as it is."""
    text = clean(article.text)
    if not text:
        raise InputError("text is empty", code=Code.EMPTY_TEXT)
    published = _earliest_utc(article)
    if not PUBLISHED_RANGE[0] <= published.year <= PUBLISHED_RANGE[1]:
        raise InputError(f"published {article.published.iso()} is outside the years dateline accepts "
                         f"({PUBLISHED_RANGE[0]} to {PUBLISHED_RANGE[1]})", code=Code.INVALID_DATE)
    if published - first_seen_at > options.future_tolerance:
        raise InputError(
            f"published {article.published.iso()} is after it was first seen ({seen_stamp(first_seen_at)[:10]})",
            code=Code.FUTURE_DATE,
        )
    title = clean(article.title) if article.title else None
    if text == article.text and title == article.title:
        return article
    return Article(text, article.published, title or None, article.url, article.source, article.external_id,
                   article.origin)


def _records(files: Iterable[InputFile | Problem], options: IngestOptions, report: IngestReport,
             progress: Progress | None) -> Iterator[Article | Problem]:
    for item in files:
        if isinstance(item, Problem):
            yield item
            continue
        report.files += 1
        count = 0
        for record in reader_for(item.format)(item, options.read):
            count += 1
            yield record
        report.bytes_read += item.path.stat().st_size
        if progress:
            progress(item, count)


# The last records of a run are cut in up to `_TAPER` pieces of at least `_PIECE` records (see `_tapered`).
_TAPER = 4
_PIECE = 50


class _Batch:
    """Up to `batch_size` records, in input order, and the articles among them not yet in the store."""

    def __init__(self) -> None:
        self.items: list[tuple[Article, datetime]] = []
        self.problems: list[Problem] = []
        self.fresh: list[Article] = []

    def __len__(self) -> int:
        return len(self.items) + len(self.problems)


class _Stop:
    """Set when a `strict` run meets its first problem: reading stops, what was read before it is stored."""

    problem: Problem | None = None


def ingest(store: Store, paths: list[Path], options: IngestOptions | None = None, *, clock: Clock | None = None,
           progress: Progress | None = None) -> IngestReport:
    """Ingest every article under `paths` into `store` and report what happened.

    Reading, checking and writing happen here, in input order; the analysis of new articles runs on
    `options.engine` (see `dateline.engine`), batches in parallel, results written back in input order.
    """
    options = options or IngestOptions()
    clock = clock or SystemClock()
    report = IngestReport()
    with _writing(store, "start the run"), store.transaction() as conn:
        run_id = conn.execute(
            "INSERT INTO ingest_runs (started_at, inputs) VALUES (?, ?)",
            (seen_stamp(clock.now()), json.dumps([str(p) for p in paths])),
        ).lastrowid
    stop = _Stop()
    batches = _batches(store, _records(discover(paths, options.format), options, report, progress), options, clock,
                       stop)
    with Spool.beside(store.path, options.spool) as spool, \
            open_engine(options.engine, workers=options.workers, scheduler=options.scheduler,
                        preload=partial(load_models, options.pipeline)) as engine:
        jobs = shard_jobs(engine, ((each, each.fresh) for each in batches), options.pipeline, spool)
        for batch, shards in gathered(engine.run(jobs)):
            _write(store, batch, shards, report, run_id)
            for shard in shards:
                spool.discard(shard)
    with _writing(store, "decide the entities of the run's backfills"), store.transaction() as conn:
        resolve_pending(conn)
    if stop.problem is not None:
        raise StrictModeError(f"--strict: stopping at the first problem: {stop.problem}", code=stop.problem.code)
    with _writing(store, "finish the run"), store.transaction() as conn:
        conn.execute(
            "UPDATE ingest_runs SET finished_at = ?, added = ?, duplicates = ?, revisions = ?, rejected = ?"
            " WHERE id = ?",
            (seen_stamp(clock.now()), report.added, report.duplicates, report.revisions, report.rejected, run_id),
        )
        maybe_track(conn)
    return report


def _batches(store: Store, records: Iterator[Article | Problem], options: IngestOptions, clock: Clock,
             stop: _Stop) -> Iterator[_Batch]:
    """Checked records grouped in batches, each with the articles the engine must analyze (those not stored yet).
    What follows the run's last full batch comes with it, in a few pieces (`_tapered`)."""
    batch, held = _Batch(), None  # held: the latest full batch, until the next one fills
    for record in records:
        if isinstance(record, Article):
            try:
                seen = _seen_at(record, options, clock)
                batch.items.append((check(record, seen, options), seen))
            except InputError as error:
                record = Problem.from_error(error, *_split_origin(record.origin))
        if isinstance(record, Problem):
            if options.strict:
                stop.problem = record
                break
            batch.problems.append(record)
        if len(batch) >= options.batch_size:
            if held is not None:
                yield _fresh(store, held)
            batch, held = _Batch(), batch
    if held is not None:
        held.items += batch.items
        held.problems += batch.problems
        batch = held
    for piece in _tapered(batch, options.batch_size):
        if len(piece):
            yield _fresh(store, piece)


def _tapered(batch: _Batch, size: int) -> list[_Batch]:
    """The run's last records cut in up to `_TAPER` pieces of at least `_PIECE` records, and of at most `size`
    articles (the problems go with the first): the writer stores the first pieces while the workers analyze the
    others, so the run ends soon after its last analysis, not a whole batch's writing later, and the workers end
    together."""
    pieces = [_Batch() for _ in range(max(1, min(_TAPER, len(batch) // _PIECE), -(-len(batch.items) // size)))]
    for piece, items in zip(pieces, cut(batch.items, len(pieces)), strict=True):
        piece.items = list(items)
    pieces[0].problems = batch.problems
    return pieces


def _fresh(store: Store, batch: _Batch) -> _Batch:
    known = _known_ids(store, [article.content_hash for article, _ in batch.items])
    for article, _ in batch.items:
        if article.content_hash not in known:
            known.add(article.content_hash)
            batch.fresh.append(article)
    return batch


def _split_origin(origin: str) -> tuple[str, str]:
    path, _, line = origin.rpartition(":")
    if path and line.isdigit():
        return path, f"line {line}"
    return origin, ""


def _write(store: Store, batch: _Batch, shards: list[Path], report: IngestReport, run_id: int | None) -> None:
    """Store one batch in one transaction: its articles, their analyses (from its parts' shards, in bulk), the
    corpus updates, its problems."""
    added = duplicates = revisions = 0
    with _writing(store, f"store a batch of {len(batch.items)} articles"), store.transaction() as conn:
        new: dict[str, str] = {}  # id -> first_seen_at as stored
        for article, seen in batch.items:
            stored = put_article(conn, article, seen)
            if stored.outcome is Outcome.DUPLICATE:
                duplicates += 1
                continue
            revisions += stored.outcome is Outcome.REVISION
            added += stored.outcome is Outcome.ADDED
            new[stored.id] = seen_stamp(seen)
            index_article(conn, stored.id)
        for shard in shards:
            load_shard(conn, shard, new)
        update_corpus(conn, list(new), defer_backfill=True)
        conn.executemany(
            "INSERT INTO problems (run_id, code, source, location, reason) VALUES (?, ?, ?, ?, ?)",
            [(run_id, p.code.value, p.source, p.location, p.reason) for p in batch.problems],
        )
    report.added += added
    report.duplicates += duplicates
    report.revisions += revisions
    report.problems.extend(batch.problems)


@contextmanager
def _writing(store: Store, what: str) -> Iterator[None]:
    """Turn a failed write (disk full, I/O error) into D203; the transaction it was in is rolled back whole."""
    try:
        yield
    except sqlite3.Error as error:
        full = "full" in str(error).lower()
        raise StoreError(
            f"{store.path}: cannot {what} ({error}); nothing of it was stored"
            + ("; free some disk space, then run the same command again to resume" if full else ""),
            code=Code.STORE_WRITE_FAILED,
        ) from None


def _known_ids(store: Store, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(row[0] for row in store.conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
    return found
