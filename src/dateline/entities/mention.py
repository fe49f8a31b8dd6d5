"""A mention: a span of an article's stored text that names a person, organisation, place, work, product or event."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Label = Literal["PER", "ORG", "LOC", "WORK", "PRODUCT", "EVENT", "MISC"]
LABELS: tuple[Label, ...] = ("PER", "ORG", "LOC", "WORK", "PRODUCT", "EVENT", "MISC")


@dataclass(frozen=True)
class Mention:
    """`text == article.text[start:end]`. `source` is the detector that found it (spacy, title, site, ...);
    `sentence` the index of the sentence holding it; `group` the article-local entity it belongs to, and `link`
    why it joined that group (None for the mention that names the group or shares its exact name)."""

    start: int
    end: int
    text: str
    label: Label
    source: str
    sentence: int = 0
    group: int = -1
    link: str | None = None
