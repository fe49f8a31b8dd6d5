"""The sample corpus bundled with dateline: 120 MEANTIME Wikinews articles (CC BY 4.0) and the two seeds."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_paths() -> list[Path]:
    """The files of the bundled sample corpus, ready for `ingest`."""
    folder = Path(str(resources.files("dateline").joinpath("data", "sample")))
    return [folder / "meantime.jsonl", folder / "seeds.txt"]
