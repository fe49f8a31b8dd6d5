"""The Timeline17 evaluation: run the summarizer on a dataset in the news-tls layout, with the standard protocol.

Protocol (Ghalandari & Ifrim 2020): one task per reference timeline; only articles published within the reference's
first and last day, and only dates in that range; exactly as many dates as the reference and round(mean sentences a
date) sentences a date; only sentences containing a topic keyword (a word starting with it, any case) are picked
(dates are scored on every sentence of the range); titles are never candidates. Each prediction is scored against
its own reference (`metrics.score_task`); precision and recall are averaged over all tasks before F1
(`metrics.average`).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dateline.errors import Code, InputError
from dateline.timeline.candidates import Tagger, article_candidates
from dateline.timeline.metrics import TaskScores, Timeline, average, score_task
from dateline.timeline.summarize import DEFAULT, Candidate, Settings, summarize


@dataclass(frozen=True)
class Topic:
    """One topic of a news-tls dataset: dated candidate sentences of its articles, keywords, reference timelines."""

    name: str
    candidates: list[Candidate]
    keywords: tuple[str, ...]
    references: list[dict[dt.date, list[str]]]
    articles: int


def _read_jsonl(path: Path) -> list[object]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise InputError(f"{path}:{number}: not JSON ({error.msg})") from None
    return rows


def _day(value: object, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"{where}: {value!r} is not a date", code=Code.INVALID_DATE) from None


def load_topic(folder: Path, *, tagger: Tagger | None) -> Topic:
    """Read one topic folder and date every sentence of its articles (titles are not sentences)."""
    candidates: list[Candidate] = []
    articles = _read_jsonl(folder / "articles.jsonl")
    for number, record in enumerate(articles, 1):
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(f"{folder / 'articles.jsonl'}:{number}: expected an object with a text")
        published = _day(record.get("time"), f"{folder / 'articles.jsonl'}:{number}")
        candidates += article_candidates(str(record.get("id", number)), record["text"], published, tagger=tagger)
    keywords = json.loads((folder / "keywords.json").read_text(encoding="utf-8"))
    references = []
    for number, rows in enumerate(_read_jsonl(folder / "timelines.jsonl"), 1):
        where = f"{folder / 'timelines.jsonl'}:{number}"
        if not isinstance(rows, list):
            raise InputError(f"{where}: expected a list of [date, sentences]")
        timeline: dict[dt.date, list[str]] = {}
        for day, sentences in rows:
            timeline.setdefault(_day(day, where), []).extend(sentences)
        references.append(timeline)
    return Topic(folder.name, candidates, tuple(k.lower() for k in keywords), references, len(articles))


def topic_folders(dataset: Path, names: Sequence[str] | None = None) -> list[Path]:
    """The topic folders of a news-tls dataset (those with an `articles.jsonl`), optionally only `names`."""
    folders = sorted(p for p in dataset.iterdir() if (p / "articles.jsonl").is_file())
    if names:
        unknown = set(names) - {p.name for p in folders}
        if unknown:
            raise InputError(f"{dataset}: no topic folder(s) {', '.join(sorted(unknown))}", code=Code.UNREADABLE_FILE)
        folders = [p for p in folders if p.name in names]
    if not folders:
        raise InputError(f"{dataset}: no <topic>/articles.jsonl here (convert raw Timeline17 first)",
                         code=Code.UNREADABLE_FILE)
    return folders


def task_candidates(topic: Topic, reference: Timeline) -> list[Candidate]:
    """The candidates a task may use: sentences of articles published in the reference's range, dated in it."""
    first, last = min(reference), max(reference)
    return [c for c in topic.candidates if first <= c.published <= last and first <= c.date <= last]


def predict(topic: Topic, reference: Timeline, settings: Settings = DEFAULT) -> dict[dt.date, list[str]]:
    """The timeline the summarizer writes for one task: as many dates as the reference, as many sentences a date
    as the reference has on average."""
    per_date = round(sum(len(s) for s in reference.values()) / len(reference))
    entries = summarize(task_candidates(topic, reference), n_dates=len(reference), per_date=max(per_date, 1),
                        keywords=topic.keywords, settings=settings)
    return {entry.date: [c.text for c in entry.sentences] for entry in entries}


@dataclass
class Report:
    """Scores of every task, their average, and how long summarizing each task took (seconds by `topic/n`)."""

    tasks: list[tuple[str, int, TaskScores]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def overall(self) -> TaskScores:
        return average([scores for _, _, scores in self.tasks])


def evaluate(dataset: Path, *, tagger: Tagger | None, out: Path | None = None, topics: Sequence[str] | None = None,
             progress: Callable[[str], None] | None = None, settings: Settings = DEFAULT) -> Report:
    """Run every task of `dataset`, write predictions under `out/<topic>/<n>.json`, and score them."""
    report = Report()
    for folder in topic_folders(dataset, topics):
        topic = load_topic(folder, tagger=tagger)
        for n, reference in enumerate(topic.references):
            started = time.perf_counter()
            predicted = predict(topic, reference, settings)
            report.seconds[f"{topic.name}/{n}"] = time.perf_counter() - started
            report.tasks.append((topic.name, n, score_task(predicted, reference)))
            if out is not None:
                (out / topic.name).mkdir(parents=True, exist_ok=True)
                rows = [[day.isoformat(), predicted[day]] for day in sorted(predicted)]
                (out / topic.name / f"{n}.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n",
                                                            encoding="utf-8")
        if progress is not None:
            progress(topic.name)
    return report
