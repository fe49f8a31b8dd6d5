"""The search query language, compiled to a safe FTS5 expression.

    drifting atwell            both words (AND)
    "car chase"                a phrase
    title:cruise               a word (or `title:"a phrase"`) in one field: title, text, source
    rome OR london             either
    -treadmill                 without this word (also `NOT treadmill`)

Every word is passed to FTS5 as a quoted string, so no input can inject FTS5 syntax; a query with nothing to look
for is a `QueryError` (D401).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.errors import Code, QueryError
from dateline.search.terms import tokens

FIELDS = {"title": "title", "text": "body", "body": "body", "source": "source"}
_PART = re.compile(r'(?P<neg>-)?(?:(?P<field>[A-Za-z]+):)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')


@dataclass(frozen=True)
class CompiledQuery:
    """An FTS5 MATCH expression and the words that score (positive words outside the source field), in order."""

    match: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class _Unit:
    words: tuple[str, ...]
    column: str | None
    negated: bool

    def fts(self) -> str:
        phrase = '"' + " ".join(self.words) + '"'
        return f"{{{self.column}}} : {phrase}" if self.column else phrase


def _units(text: str) -> list[_Unit | str]:
    units: list[_Unit | str] = []
    negate_next = False
    for match in _PART.finditer(text):
        raw_word = match.group("word")
        if raw_word in ("OR", "AND", "NOT") and not match.group("field") and not match.group("neg"):
            if raw_word == "NOT":
                negate_next = True
            elif raw_word == "OR":
                units.append("OR")
            continue
        field = match.group("field")
        column = FIELDS.get(field.lower()) if field else None
        body = match.group("phrase") if match.group("phrase") is not None else raw_word or ""
        if field and column is None:
            body = f"{field}:{body}"
        words = tuple(tokens(body))
        if words:
            units.append(_Unit(words, column, bool(match.group("neg")) or negate_next))
        negate_next = False
    return units


def compile_query(text: str) -> CompiledQuery:
    """Compile a user query; raise `QueryError` (D401) if it has no positive word."""
    positive: list[list[_Unit]] = [[]]
    negative: list[_Unit] = []
    for unit in _units(text):
        if unit == "OR":
            if positive[-1]:
                positive.append([])
        elif isinstance(unit, _Unit):
            (negative if unit.negated else positive[-1]).append(unit)
    groups = [group for group in positive if group]
    if not groups:
        raise QueryError(f"query {text!r} has no word to search for; try a word, a \"phrase\" or title:word",
                         code=Code.INVALID_QUERY)
    alternatives = [" AND ".join(unit.fts() for unit in group) for group in groups]
    match = " OR ".join(f"({alt})" for alt in alternatives) if len(alternatives) > 1 else alternatives[0]
    if negative:
        match = f"({match}) NOT ({' OR '.join(unit.fts() for unit in negative)})"
    scoring: list[str] = []
    for group in groups:
        for unit in group:
            if unit.column != "source":
                scoring.extend(word for word in unit.words if word not in scoring)
    return CompiledQuery(match, tuple(scoring))
