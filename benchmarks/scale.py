"""Scale: throughput per mode and engine, the cost of each stage, time against corpus size, memory, database size.

    python benchmarks/scale.py [--reuters 2000] [--sizes 1000,10000] [--workers 2] [--timeout 1800]
                               [--skip-dask] [--skip-full]

Prints one table per question:

1. articles/s and MB/s of `dateline ingest` for each mode (full, fast) and engine (local, dask) on the first
   `--reuters` articles of the Reuters corpus and on as many generated articles (`dateline.engine.synthetic`);
2. the cost of each per-article stage (analysis, in this process) and of the writer (save, corpus update);
3. time against corpus size on generated articles in fast mode (`--sizes`): linear means articles/s stays flat;
4. spaCy's NER alone (`nlp.pipe` with `n_process=--workers`) on the same Reuters articles, against full mode;
5. peak RSS of the whole ingest process tree and database bytes per article, for every run above;
6. the writer's cost per article (save, corpus update) as the store grows, which is what bends table 3.

Every ingest runs as `dateline ingest` in a fresh process tree into a fresh database, bounded by `--timeout`
seconds (a run cut by it is reported as such). Other work on the machine shares its cores: say so with the figures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
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

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


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


def ingest_run(label: str, corpus: Path, articles: int, text_mb: float, extra: list[str], limit: float) -> Run:
    """`dateline ingest corpus` in a fresh database; wall time, peak tree RSS and database size."""
    with tempfile.TemporaryDirectory(prefix="dateline-scale-") as folder:
        db = Path(folder) / "bench.db"
        args = [str(DATELINE), "ingest", str(corpus), "--db", str(db), "--seen-at", "2014-01-01", "--json", *extra]
        started = time.perf_counter()
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        peak = 0
        finished = True
        while process.poll() is None:
            peak = max(peak, _tree_rss_kb(process.pid))
            if time.perf_counter() - started > limit:
                os.killpg(process.pid, 9)
                process.wait()
                finished = False
                break
            time.sleep(0.2)
        seconds = time.perf_counter() - started
        stored = articles
        if not finished:
            import sqlite3

            with sqlite3.connect(db) as conn:
                stored = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        size = sum(p.stat().st_size for p in Path(folder).glob("bench.db*"))
    share = stored / articles if articles else 0
    return Run(label, stored, text_mb * share, seconds, peak / 1024, size, finished)


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
    from dateline.entities import detect
    from dateline.events.dating import date_sentences
    from dateline.ingest.run import IngestOptions, check
    from dateline.pipeline import PipelineConfig, analyze, save, update_corpus
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
        articles.append(check(raw, seen, IngestOptions()))
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
    analyses = [analyze(a, PipelineConfig(mode="full")) for a in articles]
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "stages.db") as store, \
            store.transaction() as conn:
        costs.append(("write: article rows", _timed(lambda: [put_article(conn, a, seen) for a in articles])))
        costs.append(("write: save analysis", _timed(lambda: [save(conn, x) for x in analyses])))
        costs.append(("write: corpus update", _timed(lambda: update_corpus(conn, [a.content_hash for a in articles]))))
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


def spacy_alone(corpus: Path, workers: int, count: int) -> float:
    """Articles/s of spaCy's NER alone (the model dateline loads) with `workers` processes, model load excluded."""
    from dateline.entities.model import load_ner

    texts = [json.loads(line)["text"] for line in next(corpus.glob("*.jsonl")).open(encoding="utf-8")][:count]
    nlp = load_ner()
    list(nlp.pipe(texts[:8]))
    started = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=workers, batch_size=64):
        pass
    return len(texts) / (time.perf_counter() - started)


def _table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows, strict=True)]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)))


def _run_rows(runs: list[Run]) -> list[list[str]]:
    return [[r.label, str(r.articles), f"{r.seconds:.1f}", f"{r.per_second:.1f}", f"{r.text_mb / r.seconds:.3f}",
             f"{r.peak_rss_mb:.0f}", f"{r.db_bytes / max(r.articles, 1) / 1024:.1f}",
             "" if r.finished else "cut by --timeout"] for r in runs]


RUN_HEADER = ["run", "articles", "seconds", "articles/s", "MB/s", "peak RSS MB", "DB KiB/article", "note"]


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
    args = parser.parse_args()
    print(f"dateline scale benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, "
          f"{args.workers} workers; load average {os.getloadavg()[0]:.1f} at start (other work shares the cores)")
    with tempfile.TemporaryDirectory(prefix="dateline-corpora-") as temp:
        folder = Path(temp)
        reuters, reuters_mb = reuters_sample(folder, args.reuters)
        synthetic, synthetic_mb = generated(folder, args.reuters)
        engines = [("local", [])] + ([] if args.skip_dask else [("dask", ["--engine", "dask"])])
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
            alone = spacy_alone(reuters, args.workers, args.reuters)
            full = [r for r in runs if r.label.startswith("reuters full")]
            _table("4. Full mode against spaCy NER alone (same Reuters articles, same processes)",
                   ["what", "articles/s", "share of spaCy alone"],
                   [["spaCy NER alone (nlp.pipe)", f"{alone:.1f}", "100%"]]
                   + [[f"dateline ingest, {r.label}", f"{r.per_second:.1f}", f"{100 * r.per_second / alone:.0f}%"]
                      for r in full])


if __name__ == "__main__":
    main()
