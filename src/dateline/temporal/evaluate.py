"""Score the tagger on TempEval-3 style TimeML folders: in memory, or from a folder of predictions."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from dateline.errors import Code, InputError
from dateline.temporal.scorer import Counts, score_document
from dateline.temporal.tagger import tag
from dateline.temporal.timeml import TimeMLDoc, read_timeml
from dateline.temporal.timex import Timex

Tagger = Callable[[str, str], list[Timex]]


TBAQ_CORPORA = ("TimeBank", "AQUAINT")


def gold_hash(folder: Path, corpora: tuple[str, ...] = TBAQ_CORPORA) -> str:
    """SHA-256 over the gold files of `corpora` under `folder` (relative path and content): names the scored data,
    so a pinned floor is only compared with scores of the same data."""
    digest = hashlib.sha256()
    for path in sorted(p for corpus in corpora for p in (folder / corpus).rglob("*.tml")):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_folder(folder: Path) -> list[TimeMLDoc]:
    """Every `.tml` file under `folder`, sorted by path; D111 when there is none."""
    paths = sorted(folder.rglob("*.tml"))
    if not paths:
        raise InputError(f"{folder}: no .tml files found", code=Code.UNREADABLE_FILE)
    return [read_timeml(path) for path in paths]


def score_tagger(docs: list[TimeMLDoc], tagger: Tagger | None = None) -> Counts:
    """Tag every document's text against its DCT and score against its gold TIMEX3."""
    run = tagger or (lambda text, dct: tag(text, dct))
    total = Counts()
    for doc in docs:
        total.add(score_document(doc.timexes, run(doc.text, doc.dct), doc.text))
    return total


def score_folders(gold_dir: Path, pred_dir: Path) -> Counts:
    """Score the TIMEX3 of every predicted file against the gold file of the same relative path."""
    total = Counts()
    for gold_path in sorted(gold_dir.rglob("*.tml")):
        relative = gold_path.relative_to(gold_dir)
        gold = read_timeml(gold_path)
        pred_path = pred_dir / relative
        predicted = read_timeml(pred_path).timexes if pred_path.exists() else []
        if pred_path.exists() and read_timeml(pred_path).text != gold.text:
            raise InputError(f"{pred_path}: its TEXT differs from the gold file's; offsets cannot be compared")
        total.add(score_document(gold.timexes, predicted, gold.text))
    if total.gold == 0 and total.predicted == 0:
        raise InputError(f"{gold_dir}: no .tml files found", code=Code.UNREADABLE_FILE)
    return total
