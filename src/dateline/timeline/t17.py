"""Convert Timeline17 (Tran et al. 2013) from its raw layout into the news-tls layout the evaluation reads.

Raw: `<collection>/InputDocs/<YYYY-MM-DD>/<id>.htm.txt` (one article, one sentence a line, PTB-tokenized; the folder
is the publication day) and `<collection>/timelines/*.txt` (a `YYYY-MM-DD` line, its sentences, a line of 32 dashes).
news-tls: `<topic>/articles.jsonl` (`{"id", "time", "text"}` a line), `<topic>/keywords.json` and
`<topic>/timelines.jsonl` (one `[["YYYY-MM-DDT00:00:00", [sentences...]], ...]` a line), grouped into the 9 topics of
the published results (Ghalandari & Ifrim 2020), each the union of its collections.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import Code, InputError

SEPARATOR = "-" * 32


@dataclass(frozen=True)
class T17Topic:
    """One evaluation topic: its raw collections and its query keywords."""

    name: str
    collections: tuple[str, ...]
    keywords: tuple[str, ...]


TOPICS = (
    T17Topic("bpoil", ("bpoil_bbc", "bpoil_foxnews", "bpoil_guardian", "bpoil_reuters", "bpoil_washingtonpost"),
             ("bp", "oil", "spill")),
    T17Topic("egypt", ("EgyptianProtest_cnn",), ("egypt", "egyptian")),
    T17Topic("finan", ("Finan_washingtonpost",), ("financial", "economic", "crisis")),
    T17Topic("h1n1", ("H1N1_bbc", "H1N1_guardian", "H1N1_reuters"), ("h1n1", "swine", "flu")),
    T17Topic("haiti", ("haiti_bbc",), ("haiti", "quake", "earthquake")),
    T17Topic("iraq", ("IraqWar_guardian",), ("iraq", "iraqi")),
    T17Topic("libya", ("LibyaWar_cnn", "LibyaWar_reuters"), ("libya", "libyan")),
    T17Topic("mj", ("MJ_bbc",), ("michael", "jackson")),
    T17Topic("syria", ("SyrianCrisis_bbc", "SyrianCrisis_reuters"), ("syria", "syrian")),
)

# Known slips in the raw reference timelines, fixed as the news-tls release fixes them: (file, line) -> date.
ERRATA = {("MJ_bbc/timelines/bbc.co.uk.txt", "2011-04-0"): "2011-04-02"}


def _as_day(line: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(line) if len(line) == 10 else None
    except ValueError:
        return None


def read_timeline(path: Path, name: str = "") -> dict[dt.date, list[str]]:
    """One raw reference timeline. A day listed twice keeps only its last entry, as in the news-tls release the
    published results were computed on."""
    timeline: dict[dt.date, list[str]] = {}
    day: dt.date | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line == SEPARATOR:
            day = None
        elif day is None and line:
            day = _as_day(ERRATA.get((name, line), line))
            if day is None:
                raise InputError(f"{path}:{number}: expected a YYYY-MM-DD line, found {line[:40]!r}",
                                 code=Code.INVALID_DATE)
            timeline[day] = []
        elif line and day is not None:
            timeline[day].append(line)
    return timeline


def _articles(collection: Path) -> list[dict[str, str]]:
    records = []
    for day_dir in sorted(p for p in (collection / "InputDocs").iterdir() if p.is_dir()):
        day = _as_day(day_dir.name)
        if day is None:
            raise InputError(f"{day_dir}: folder name is not a YYYY-MM-DD date", code=Code.INVALID_DATE)
        for doc in sorted(day_dir.iterdir()):
            lines = [line.strip() for line in doc.read_text(encoding="utf-8").splitlines()]
            text = "\n".join(line for line in lines if line)
            if text:
                stem = doc.name.split(".", 1)[0]
                records.append({"id": f"{collection.name}/{stem}", "time": f"{day.isoformat()}T00:00:00",
                                "text": text})
    return records


def convert(raw_dir: Path, out_dir: Path) -> dict[str, tuple[int, int]]:
    """Write the 9 topics of `raw_dir` in the news-tls layout; return (articles, timelines) per topic."""
    written: dict[str, tuple[int, int]] = {}
    for topic in TOPICS:
        missing = [c for c in topic.collections if not (raw_dir / c / "InputDocs").is_dir()]
        if missing:
            raise InputError(f"{raw_dir}: missing Timeline17 collection(s) {', '.join(missing)}",
                             code=Code.UNREADABLE_FILE)
        articles = [a for c in topic.collections for a in _articles(raw_dir / c)]
        timelines = [read_timeline(path, f"{c}/timelines/{path.name}") for c in topic.collections
                     for path in sorted((raw_dir / c / "timelines").glob("*.txt"))]
        target = out_dir / topic.name
        target.mkdir(parents=True, exist_ok=True)
        with (target / "articles.jsonl").open("w", encoding="utf-8") as out:
            for article in articles:
                out.write(json.dumps(article, ensure_ascii=False) + "\n")
        (target / "keywords.json").write_text(json.dumps(list(topic.keywords)) + "\n", encoding="utf-8")
        with (target / "timelines.jsonl").open("w", encoding="utf-8") as out:
            for timeline in timelines:
                rows = [[f"{day.isoformat()}T00:00:00", timeline[day]] for day in sorted(timeline)]
                out.write(json.dumps(rows, ensure_ascii=False) + "\n")
        written[topic.name] = (len(articles), len(timelines))
    return written


def fingerprint(raw_dir: Path, topics: tuple[str, ...] | None = None) -> str:
    """SHA-256 over the relative paths and bytes of every raw file of the given topics (default: all 9), so pinned
    scores can say which data they were measured on."""
    digest = hashlib.sha256()
    for topic in TOPICS:
        if topics is not None and topic.name not in topics:
            continue
        for collection in topic.collections:
            for path in sorted(p for p in (raw_dir / collection).rglob("*") if p.is_file()):
                digest.update(path.relative_to(raw_dir).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
