"""Scale: throughput per mode and engine, the cost of each stage, time against corpus size, memory, database size.

    python benchmarks/scale.py [--reuters 2000] [--sizes 1000,10000] [--workers 2] [--timeout 1800]
                               [--repeats 3] [--skip-dask] [--skip-full] [--only-spacy-ratio]

Prints one table per question:

1. articles/s and MB/s of `dateline ingest` for each mode (full, fast) and engine (local, dask) on the first
   `--reuters` articles of the Reuters corpus and on as many generated articles (`dateline.engine.synthetic`);
2. the cost of each per-article stage (analysis, in this process) and of the writer (save, corpus update);
3. time against corpus size on generated articles in fast mode (`--sizes`): linear means articles/s stays flat;
4. spaCy's NER alone (the NER dateline loads, `nlp.pipe` with `n_process=--workers`, run as its own command) on
   the same Reuters articles, against full mode on each engine: `--repeats` rounds, the three commands interleaved
   (in a rotating order) so machine load hits them alike; medians of wall time and of CPU time (the whole process
   tree, model loading and startup included for all three);
5. peak RSS of the whole ingest process tree and database bytes per article, for every run above;
6. the writer's cost per article (save, corpus update) as the store grows, which is what bends table 3.

Every ingest runs as `dateline ingest` in a fresh process tree into a fresh database, bounded by `--timeout`
seconds (a run cut by it is reported as such). CPU time is user + system time of the process and every descendant
it waited for (`wait4`), which other work on the machine does not inflate the way it inflates wall time; still,
say how loaded the machine was with the figures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dateline.engine.synthetic import write_jsonl

DATELINE = Path(sys.executable).with_name("dateline")
REUTERS = Path(__file__).resolve().parents[2] / "shared" / "data" / "reuters-financial"


@dataclass
class Run:
    """One measured ingest."""

    label: str
    articles: int
    text_mb: float
    seconds: float
    peak_rss_mb: float
    db_bytes: int
    finished: bool
    cpu_seconds: float = 0.0

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_article(self) -> float:
        return 1000 * self.cpu_seconds / self.articles if self.articles else 0.0


def _tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
            for task in Path(f"/proc/{pid}/task").iterdir():
                stack.extend(int(child) for child in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return total


@dataclass
class Measured:
    """A command's wall time, CPU time (its whole waited-for tree), peak tree RSS, and whether it finished."""

    seconds: float
    cpu_seconds: float
    peak_kb: int
    finished: bool


def measure(args: list[str], limit: float) -> Measured:
    """Run `args` in its own session, sampling its tree's RSS; SIGKILL it after `limit` seconds."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    peak = 0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: keep Popen from waiting again
            if process.returncode not in (0, 1):  # 1: some records rejected, as Reuters has empty texts
                raise RuntimeError(f"{' '.join(args)} failed with exit code {process.returncode}")
            return Measured(time.perf_counter() - started, usage.ru_utime + usage.ru_stime, peak, True)
        peak = max(peak, _tree_rss_kb(process.pid))
        if time.perf_counter() - started > limit:
            os.killpg(process.pid, 9)
            _, _, usage = os.wait4(process.pid, 0)
            process.returncode = -9
            return Measured(time.perf_counter() - started, usage.ru_utime + usage.ru_stime, peak, False)
        time.sleep(0.2)


def ingest_run(label: str, corpus: Path, articles: int, text_mb: float, extra: list[str], limit: float) -> Run:
    """`dateline ingest corpus` in a fresh database; wall and CPU time, peak tree RSS and database size."""
    with tempfile.TemporaryDirectory(prefix="dateline-scale-") as folder:
        db = Path(folder) / "bench.db"
        args = [str(DATELINE), "ingest", str(corpus), "--db", str(db), "--seen-at", "2014-01-01", "--json", *extra]
        done = measure(args, limit)
        seconds, peak, finished = done.seconds, done.peak_kb, done.finished
        stored = articles
        if not finished:
            import sqlite3

            with sqlite3.connect(db) as conn:
                stored = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        size = sum(p.stat().st_size for p in Path(folder).glob("bench.db*"))
    share = stored / articles if articles else 0
    return Run(label, stored, text_mb * share, seconds, peak / 1024, size, finished, done.cpu_seconds)


def reuters_sample(folder: Path, count: int) -> tuple[Path, float]:
    """The first `count` Reuters articles as one JSONL file, and their text size in MB."""
    target = folder / "reuters"
    target.mkdir(exist_ok=True)
    text_bytes = 0
    with (target / "sample.jsonl").open("w", encoding="utf-8") as out:
        written = 0
        for shard in sorted(REUTERS.glob("*.jsonl.gz")):
            with gzip.open(shard, "rt", encoding="utf-8") as lines:
                for line in lines:
                    if written >= count:
                        break
                    out.write(line)
                    text_bytes += len(json.loads(line).get("text", "").encode())
                    written += 1
    if written < count:
        raise SystemExit(f"{REUTERS}: {written} Reuters articles found, {count} asked for (the corpus comes with"
                         " ../shared/data beside the repository)")
    return target, text_bytes / 1e6


def generated(folder: Path, count: int) -> tuple[Path, float]:
    """`count` generated articles, and their text size in MB."""
    target = folder / f"generated-{count}"
    paths = write_jsonl(target, count, seed=1, shard=10_000)
    text_bytes = sum(len(json.loads(line)["text"].encode()) for p in paths for line in p.open(encoding="utf-8"))
    return target, text_bytes / 1e6


def _timed(function: Callable[[], Any]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def stage_costs(corpus: Path, count: int) -> list[tuple[str, float]]:
    """Milliseconds per article of each per-article stage and of the writer, in this process."""
    from dateline.article import Article, parse_published
    from dateline.asof import seen_stamp
    from dateline.engine.shards import load_shard, write_shard
    from dateline.entities import detect
    from dateline.errors import InputError
    from dateline.events.dating import date_sentences
    from dateline.ingest.run import IngestOptions, check
    from dateline.pipeline import PipelineConfig, analyze_many, update_corpus
    from dateline.store.articles import put_article
    from dateline.store.db import Store
    from dateline.temporal import tag
    from dateline.text import sentences

    seen = datetime(2014, 1, 1, tzinfo=UTC)
    articles: list[Article] = []
    for line in next(corpus.glob("*.jsonl")).open(encoding="utf-8"):
        record = json.loads(line)
        raw = Article(record["text"], parse_published(record["published"]), record.get("title"),
                      external_id=record.get("id"))
        try:
            articles.append(check(raw, seen, IngestOptions()))
        except InputError:  # skipped, as ingest skips it (Reuters has articles with no text)
            continue
        if len(articles) >= count:
            break
    split = [list(sentences(a.text)) for a in articles]
    timexes = [tag(a.text, a.published.day) for a in articles]
    costs = [
        ("sentences", _timed(lambda: [list(sentences(a.text)) for a in articles])),
        ("temporal tag", _timed(lambda: [tag(a.text, a.published.day) for a in articles])),
        ("event dating", _timed(lambda: [date_sentences(a.content_hash, a.text, s, t, a.published)
                                         for a, s, t in zip(articles, split, timexes, strict=True)])),
        ("entities, fast (lexical)", _timed(lambda: [detect(a.text, "fast") for a in articles])),
    ]
    detect(articles[0].text, "full")  # load the model outside the timing
    costs.append(("entities, full (spaCy NER + lexical)", _timed(lambda: [detect(a.text, "full") for a in articles])))
    unique = list({a.content_hash: a for a in articles}.values())
    analyses = analyze_many(unique, PipelineConfig(mode="full"))
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "stages.db") as store, \
            store.transaction() as conn:
        shard = Path(folder) / "shard"
        costs.append(("worker: write Parquet shard", _timed(lambda: write_shard(analyses, shard))))
        costs.append(("write: article rows", _timed(lambda: [put_article(conn, a, seen) for a in unique])))
        stamps = {a.content_hash: seen_stamp(seen) for a in unique}
        costs.append(("write: load shard (+ search index)", _timed(lambda: load_shard(conn, shard, stamps))))
        costs.append(("write: corpus update", _timed(lambda: update_corpus(conn, list(stamps)))))
    return [(name, 1000 * seconds / len(articles)) for name, seconds in costs]


def writer_growth(count: int, batch: int = 200, every: int = 5) -> list[list[str]]:
    """ms/article of `save` and `update_corpus` for a batch of generated articles, as the store grows (fast mode)."""
    from dateline.article import Article, parse_published
    from dateline.engine.synthetic import articles
    from dateline.pipeline import PipelineConfig, analyze_many, save, update_corpus
    from dateline.store.articles import put_article
    from dateline.store.db import Store

    seen = datetime(2014, 1, 1, tzinfo=UTC)
    records = articles(count, seed=2)
    rows = []
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "growth.db") as store:
        for number, _ in enumerate(range(0, count, batch)):
            chunk = [Article(r["text"], parse_published(r["published"]), r["title"], external_id=r["id"])
                     for r in (next(records) for _ in range(batch))]
            analyses = analyze_many(chunk, PipelineConfig(mode="fast"))
            with store.transaction() as conn:
                started = time.perf_counter()
                for article, analysis in zip(chunk, analyses, strict=True):
                    put_article(conn, article, seen)
                    save(conn, analysis)
                saved = time.perf_counter()
                update_corpus(conn, [a.content_hash for a in chunk])
                updated = time.perf_counter()
            if number % every == 0:
                rows.append([str((number + 1) * batch), f"{1000 * (saved - started) / batch:.1f}",
                             f"{1000 * (updated - saved) / batch:.1f}"])
    return rows


def spacy_alone_command(corpus: Path, workers: int) -> None:
    """What `--spacy-alone CORPUS` runs as its own process: the NER dateline loads, over every text of the corpus
    with `workers` processes (each loads the model, as dateline's workers do)."""
    from dateline.entities.model import load_ner

    texts = [json.loads(line).get("text") or "" for path in sorted(corpus.glob("*.jsonl"))
             for line in path.open(encoding="utf-8")]
    for _ in load_ner().pipe(texts, n_process=workers, batch_size=64):
        pass


def spacy_run(corpus: Path, articles: int, text_mb: float, workers: int, limit: float) -> Run:
    """spaCy's NER alone over `corpus`, measured like an ingest."""
    done = measure([sys.executable, __file__, "--spacy-alone", str(corpus), "--workers", str(workers)], limit)
    return Run("spaCy NER alone", articles, text_mb, done.seconds, done.peak_kb / 1024, 0, done.finished,
               done.cpu_seconds)


def against_spacy(corpus: Path, articles: int, text_mb: float, workers: int, repeats: int, limit: float,
                  engines: list[tuple[str, list[str]]]) -> list[list[str]]:
    """Table 4: spaCy alone and full mode on each engine, interleaved over `repeats` rounds; medians and ratios."""
    kinds = ["spacy"] + [engine for engine, _ in engines]
    runs: dict[str, list[Run]] = {kind: [] for kind in kinds}
    for round_number in range(repeats):
        for kind in kinds[round_number % len(kinds):] + kinds[:round_number % len(kinds)]:
            if kind == "spacy":
                run = spacy_run(corpus, articles, text_mb, workers, limit)
            else:
                flags = dict(engines)[kind]
                run = ingest_run(f"full {kind}", corpus, articles, text_mb, [*flags, "--workers", str(workers)], limit)
            runs[kind].append(run)
            print(f"  round {round_number + 1}: {run.label} {run.per_second:.1f} articles/s, "
                  f"{run.cpu_ms_per_article:.1f} CPU ms/article", flush=True)
    alone_rate = statistics.median(r.per_second for r in runs["spacy"])
    alone_cpu = statistics.median(r.cpu_ms_per_article for r in runs["spacy"])
    rows = []
    for kind in kinds:
        rate = statistics.median(r.per_second for r in runs[kind])
        cpu = statistics.median(r.cpu_ms_per_article for r in runs[kind])
        per_round = [100 * r.per_second / s.per_second for r, s in zip(runs[kind], runs["spacy"], strict=True)]
        rows.append([runs[kind][0].label if kind == "spacy" else f"dateline ingest, full {kind}", f"{rate:.1f}",
                     f"{statistics.median(per_round):.0f}%", f"{100 * rate / alone_rate:.0f}%",
                     " ".join(f"{x:.0f}%" for x in per_round), f"{cpu:.1f}",
                     f"{100 * alone_cpu / cpu:.0f}%", "" if all(r.finished for r in runs[kind]) else "cut"])
    return rows


SPACY_HEADER = ["what", "articles/s (median)", "share of spaCy (median of rounds)", "share of medians",
                "share, each round", "CPU ms/article (median)", "CPU share of spaCy", "note"]


def _table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows, strict=True)]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)))


def _run_rows(runs: list[Run]) -> list[list[str]]:
    return [[r.label, str(r.articles), f"{r.seconds:.1f}", f"{r.per_second:.1f}", f"{r.text_mb / r.seconds:.3f}",
             f"{r.cpu_ms_per_article:.1f}", f"{r.peak_rss_mb:.0f}", f"{r.db_bytes / max(r.articles, 1) / 1024:.1f}",
             "" if r.finished else "cut by --timeout"] for r in runs]


RUN_HEADER = ["run", "articles", "seconds", "articles/s", "MB/s", "CPU ms/article", "peak RSS MB", "DB KiB/article",
              "note"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reuters", type=int, default=2000, help="Reuters articles per throughput run")
    parser.add_argument("--sizes", default="1000,10000", help="generated corpus sizes for the scaling table")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed to each ingest run")
    parser.add_argument("--stage-sample", type=int, default=200, help="articles timed per stage")
    parser.add_argument("--growth", type=int, default=5000, help="generated articles for the writer-growth table")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-full", action="store_true")
    parser.add_argument("--repeats", type=int, default=3, help="interleaved rounds of table 4")
    parser.add_argument("--only-spacy-ratio", action="store_true", help="print table 4 only")
    parser.add_argument("--spacy-alone", type=Path, help=argparse.SUPPRESS)  # the child command of table 4
    args = parser.parse_args()
    if args.spacy_alone:
        spacy_alone_command(args.spacy_alone, args.workers)
        return
    print(f"dateline scale benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, "
          f"{args.workers} workers; load average {os.getloadavg()[0]:.1f} at start (other work shares the cores)")
    with tempfile.TemporaryDirectory(prefix="dateline-corpora-") as temp:
        folder = Path(temp)
        reuters, reuters_mb = reuters_sample(folder, args.reuters)
        synthetic, synthetic_mb = generated(folder, args.reuters)
        engines: list[tuple[str, list[str]]] = [("local", [])]
        engines += [] if args.skip_dask else [("dask", ["--engine", "dask"])]
        if args.only_spacy_ratio:
            _spacy_table(reuters, args, reuters_mb, engines)
            return
        modes = ["fast"] + ([] if args.skip_full else ["full"])
        runs = []
        for corpus, name, mb in ((reuters, "reuters", reuters_mb), (synthetic, "generated", synthetic_mb)):
            for mode in modes:
                for engine, flags in engines:
                    extra = [*flags, "--workers", str(args.workers)] + (["--fast"] if mode == "fast" else [])
                    runs.append(ingest_run(f"{name} {mode} {engine}", corpus, args.reuters, mb, extra, args.timeout))
                    print(f"  done: {runs[-1].label} {runs[-1].per_second:.1f} articles/s", flush=True)
        _table(f"1. Throughput ({args.reuters} articles a run)", RUN_HEADER, _run_rows(runs))

        costs = stage_costs(reuters, args.stage_sample)
        _table(f"2. Cost of each stage (ms/article, one process, {args.stage_sample} Reuters articles)",
               ["stage", "ms/article"], [[name, f"{ms:.2f}"] for name, ms in costs])

        scaling = []
        for size in (int(s) for s in args.sizes.split(",")):
            corpus, mb = generated(folder, size)
            scaling.append(ingest_run(f"generated fast local {size}", corpus, size, mb,
                                      ["--fast", "--workers", str(args.workers)], args.timeout))
            print(f"  done: {scaling[-1].label} {scaling[-1].per_second:.1f} articles/s", flush=True)
        _table("3. Time against corpus size (generated, fast mode, local engine)", RUN_HEADER, _run_rows(scaling))

        _table("6. Writer cost as the store grows (generated, fast mode, batches of 200, one process)",
               ["store size", "save ms/article", "corpus update ms/article"], writer_growth(args.growth))

        if not args.skip_full:
            _spacy_table(reuters, args, reuters_mb, engines)


def _spacy_table(reuters: Path, args: argparse.Namespace, reuters_mb: float, engines: list[tuple[str, list[str]]]
                 ) -> None:
    rows = against_spacy(reuters, args.reuters, reuters_mb, args.workers, args.repeats, args.timeout, engines)
    _table(f"4. Full mode against spaCy NER alone ({args.reuters} Reuters articles, {args.workers} processes, "
           f"{args.repeats} interleaved rounds; load average now {os.getloadavg()[0]:.1f})", SPACY_HEADER, rows)


if __name__ == "__main__":
    main()
