"""Timeline summarization on Timeline17 (9 topics, 19 reference timelines), with the standard protocol.

    python benchmarks/tls.py [--raw ../shared/data/t17/raw] [--topic NAME ...] [--loto] [--pin]

Converts the raw Timeline17 layout into the news-tls layout (in a temporary folder), runs `dateline eval tls`'s
evaluation on every reference timeline (articles restricted to the reference's range, as many dates as the reference,
round(mean sentences a date) sentences a date, keyword sentences only, no titles), and prints one table: ROUGE-1 and
ROUGE-2 F1 in the concat, agreement and align+ m:1 variants and date F1 (precision and recall averaged over the 19
tasks before F1), beside the published anchors. Then per-task scores and timings: candidate preparation (sentence
split + temporal tagging, done once a topic, as ingest would) and summarization of each task (what
`dateline timeline` does on an ingested corpus).

`--loto` also re-chooses the summarizer's settings leave-one-topic-out from a small grid (for each topic, the
setting with the best ROUGE-1 + ROUGE-2 + date F1 on the other 8 topics) and prints that score, the honest estimate
for settings that were tuned on Timeline17.

`--pin` writes the reached scores, less a small tolerance, as floors in `benchmarks/floors/tls.json` with the SHA-256
of the raw data: the full-run floors, and floors for the quick subset that `tests/quality/test_tls_floor.py` re-runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from dateline.timeline.candidates import default_tagger
from dateline.timeline.evaluation import Report, evaluate, load_topic, predict, topic_folders
from dateline.timeline.metrics import TaskScores, average, score_task
from dateline.timeline.summarize import DEFAULT
from dateline.timeline.t17 import convert, fingerprint

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "benchmarks" / "floors" / "tls.json"
DEFAULT_RAW = ROOT.parent / "shared" / "data" / "t17" / "raw"
SUBSET = ("h1n1", "haiti")
TOLERANCE = 0.005

# Published align+ m:1 ROUGE-1 / ROUGE-2 F1 and date F1 on Timeline17 (Ghalandari & Ifrim 2020 and later papers).
ANCHORS = [
    ("CLUST (Ghalandari & Ifrim 2020)", 0.082, 0.020, 0.407),
    ("Martschat & Markert 2018", 0.105, 0.030, 0.544),
    ("DATEWISE (Ghalandari & Ifrim 2020)", 0.120, 0.035, 0.544),
    ("newest LLM-based systems (best reported)", 0.136, 0.044, 0.576),
]


# The grid `--loto` chooses from: the defaults and their nearest alternatives.
GRID = [
    DEFAULT,
    replace(DEFAULT, reference_weight=3.0),
    replace(DEFAULT, pub_window=1),
    replace(DEFAULT, named_bonus=0.05, retro_bonus=0.1),
    replace(DEFAULT, max_similarity=0.5),
    replace(DEFAULT, quote_penalty=0.1),
    replace(DEFAULT, topic_weight=0.5),
    replace(DEFAULT, topic_weight=2.0),
    replace(DEFAULT, lead_bonus=0.0),
]


def headline(scores: TaskScores) -> dict[str, float]:
    """The three numbers published results report: align+ m:1 ROUGE-1 and ROUGE-2 F1, and date F1."""
    align = scores.rouge["align_m1"]
    return {"align_m1.rouge_1": align["rouge_1"].f1, "align_m1.rouge_2": align["rouge_2"].f1,
            "dates": scores.dates.f1}


def print_report(report: Report, prepared: dict[str, tuple[int, float]]) -> None:
    overall = report.overall
    print(f"Timeline17, {len(report.tasks)} reference timelines, P and R averaged over tasks before F1\n")
    print(f"{'variant':<14}{'R1 P':>8}{'R1 R':>8}{'R1 F1':>8}{'R2 P':>8}{'R2 R':>8}{'R2 F1':>8}")
    for variant, name in (("concat", "concat"), ("agreement", "agreement"), ("align_m1", "align+ m:1")):
        r1, r2 = overall.rouge[variant]["rouge_1"], overall.rouge[variant]["rouge_2"]
        print(f"{name:<14}{r1.precision:8.4f}{r1.recall:8.4f}{r1.f1:8.4f}{r2.precision:8.4f}{r2.recall:8.4f}"
              f"{r2.f1:8.4f}")
    dates = overall.dates
    print(f"{'dates':<14}{dates.precision:8.4f}{dates.recall:8.4f}{dates.f1:8.4f}\n")
    print(f"{'system (align+ m:1)':<44}{'ROUGE-1':>9}{'ROUGE-2':>9}{'date F1':>9}")
    for name, r1f, r2f, df in ANCHORS:
        print(f"{name:<44}{r1f:9.3f}{r2f:9.3f}{df:9.3f}")
    ours = headline(overall)
    label = "dateline" if len(report.tasks) == 19 else f"dateline (these {len(report.tasks)} tasks only)"
    print(f"{label:<44}{ours['align_m1.rouge_1']:9.3f}{ours['align_m1.rouge_2']:9.3f}{ours['dates']:9.3f}\n")
    print(f"{'task':<10}{'R1':>7}{'R2':>7}{'dates':>7}{'articles':>10}{'prepare s':>11}{'summarize s':>13}")
    for topic, n, scores in report.tasks:
        numbers = headline(scores)
        articles, seconds = prepared[topic]
        print(f"{topic + '/' + str(n):<10}{numbers['align_m1.rouge_1']:7.3f}{numbers['align_m1.rouge_2']:7.3f}"
              f"{numbers['dates']:7.3f}{articles:10d}{seconds:11.1f}{report.seconds[f'{topic}/{n}']:13.2f}")
    times = list(report.seconds.values())
    print(f"\nsummarize: mean {statistics.mean(times):.2f} s, max {max(times):.2f} s a task")


def run(dataset: Path, topics: list[str] | None) -> tuple[Report, dict[str, tuple[int, float]]]:
    tagger = default_tagger()
    if tagger is None:
        sys.exit("dateline.temporal is not available: the benchmark needs the temporal tagger")
    prepared: dict[str, tuple[int, float]] = {}
    clock = [time.perf_counter()]

    def done(name: str) -> None:
        now = time.perf_counter()
        articles = sum(1 for _ in (dataset / name / "articles.jsonl").open(encoding="utf-8"))
        prepared[name] = (articles, now - clock[0])
        clock[0] = now

    report = evaluate(dataset, tagger=tagger, topics=topics, progress=done)
    for name, (articles, seconds) in prepared.items():
        summarized = sum(v for k, v in report.seconds.items() if k.startswith(f"{name}/"))
        prepared[name] = (articles, seconds - summarized)
    return report, prepared


def loto(dataset: Path) -> None:
    """Score each topic with the grid setting that does best on the other topics."""
    tagger = default_tagger()
    topics = [load_topic(folder, tagger=tagger) for folder in topic_folders(dataset)]
    scores = {(i, t.name, n): score_task(predict(t, ref, settings), ref)
              for i, settings in enumerate(GRID) for t in topics for n, ref in enumerate(t.references)}

    def total(i: int, held: str) -> float:
        numbers = headline(average([s for (j, name, _), s in scores.items() if j == i and name != held]))
        return sum(numbers.values())

    chosen: list[TaskScores] = []
    for topic in topics:
        best = max(range(len(GRID)), key=lambda i: total(i, topic.name))
        chosen += [s for (j, name, _), s in scores.items() if j == best and name == topic.name]
        print(f"  {topic.name}: setting {best} chosen on the other topics")
    for i, settings in enumerate(GRID):
        numbers = headline(average([s for (j, _, _), s in scores.items() if j == i]))
        print(f"  setting {i}: " + " ".join(f"{k} {v:.4f}" for k, v in numbers.items()) + f"  {settings}")
    numbers = headline(average(chosen))
    print("leave-one-topic-out selected: " + " ".join(f"{k} {v:.4f}" for k, v in numbers.items()))


def pin(raw: Path, dataset: Path, report: Report) -> None:
    subset, _ = run(dataset, list(SUBSET))

    def floors(scores: TaskScores) -> dict[str, float]:
        return {k: round(v - TOLERANCE, 4) for k, v in headline(scores).items()}

    FLOORS.write_text(json.dumps({
        "data_sha256": fingerprint(raw),
        "tolerance_note": f"reached scores minus {TOLERANCE} (align+ m:1 ROUGE F1 and date F1)",
        "full": floors(report.overall),
        "subset": {"topics": list(SUBSET), "data_sha256": fingerprint(raw, SUBSET), **floors(subset.overall)},
    }, indent=2) + "\n", encoding="utf-8")
    print(f"pinned floors in {FLOORS.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw", type=Path, default=DEFAULT_RAW, help="raw Timeline17 folder")
    parser.add_argument("--topic", action="append", help="only this topic (repeatable)")
    parser.add_argument("--loto", action="store_true", help="also choose settings leave-one-topic-out")
    parser.add_argument("--pin", action="store_true", help="write the reached scores as floors")
    args = parser.parse_args()
    if not args.raw.is_dir():
        sys.exit(f"no Timeline17 at {args.raw}")
    with tempfile.TemporaryDirectory() as folder:
        dataset = Path(folder)
        convert(args.raw, dataset)
        report, prepared = run(dataset, args.topic)
        print_report(report, prepared)
        if args.loto:
            loto(dataset)
        if args.pin:
            if args.topic:
                sys.exit("--pin needs the full run (no --topic)")
            pin(args.raw, dataset, report)


if __name__ == "__main__":
    main()
