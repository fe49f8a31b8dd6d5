"""Tense cues: is the clause around a time expression about the past or the future?

Bare weekdays and months ("on Friday", "in December") are resolved before or after the anchor by the tense of the
verb nearest to them in the same sentence: "will meet on Thursday" is the coming Thursday, "said Thursday" the last
one. A cue is a word, not a parse: modal and planning words and the present tense of scheduling verbs ("meet
Monday", "opens Friday") for the future, past forms (irregular verbs and -ed words that are neither adjectives nor
passive participles) for the past; plans that were in the past ("had been due to") count as past (but plans still
being made, "were planning to", as future), and so do deadlines next to a past perfect ("had filed by Wednesday").
Quotation marks, sentence ends (not the period of an initial or a title) bound the clause.
"""

from __future__ import annotations

import re

_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|going\s+to|would|might|scheduled|(?:was\s+|were\s+)?planning|plans?\s+to|likely\s+to|"
    r"as\s+soon\s+as|as\s+early\s+as|set\s+to|is\s+to|are\s+to|due\s+to|expected\s+to|upcoming|"
    r"tomorrow|premieres?|intends?\s+to|hopes?\s+to|to\s+resume|to\s+begin|to\s+start|to\s+meet|to\s+leave|"
    r"until|meets?|opens|begins|starts|arrives|leaves|visits|resumes|expires|takes?\s+effect)\b",
    re.I)  # news: "meet Monday" is ahead
# Plans that were in the past: "had been due to expire Friday", "was scheduled to open Monday".
_PAST_PLAN = re.compile(r"\b(?:had\s+been|was|were)\s+(?:due|scheduled|expected|set|supposed|planned|going)\s+to\b",
                        re.I)
_PAST = re.compile(
    r"\b(?:was|were|had|did|ago|since|last|earlier|yesterday|said|told|met|went|came|took|made|saw|gave|left|began|fell|"
    r"rose|won|lost|held|got|found|spoke|became|sent|ran|brought|thought|kept|paid|led|struck|wrote|fled|shot|sought|"
    r"caught|heard|stood|quit|spent|sold|built|bought|drove|flew|grew|knew|threw|broke|chose|fought|hung|sank|"
    r"shook|swore|tore|[a-z]{2,}ed)\b", re.I)
_NOT_PAST = frozenset({"scheduled", "planned", "expected", "proposed", "needed", "need", "red", "bed", "shed", "seed",
                       "speed", "feed", "hundred", "united", "limited", "indeed", "based", "related", "concerned",
                       "interested", "supposed", "used", "alleged", "so-called", "succeed", "proceed",
                       "exceed"})
# A reporting verb after the span and a comma ("on Saturday, the chairman said") dates the report, not what it tells.
_REPORTING = frozenset({"said", "told", "announced", "confirmed", "reported", "added", "stated", "noted", "wrote"})
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being)\s+$", re.I)
_NOT_A_VERB_BEFORE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|this|these|those|still|newly|recently|be|been|being)\s+$", re.I)
_PAST_PERFECT = re.compile(r"\bhad\b", re.I)
_DEADLINE = re.compile(r"\b(?:payable|effective|through|by)\s+$", re.I)
# A period after an initial or a title ("Daniel P. Davison", "Mr. Schwarz", "Corp.") does not end the sentence.
_ABBREVIATION = "".join(rf"(?<!\b{word})" for word in (
    "[A-Z]", "Mr", "Ms", "Dr", "St", "Jr", "Sr", "Co", "Mrs", "Inc", "Gov", "Sen", "Rep", "Gen", "Col", "Corp", "Ltd",
    "Bros", "Prof"))
_SENTENCE_EDGE = re.compile(_ABBREVIATION + r"[.!?]\s+(?=[A-Z\"'`])|\n\s*\n|''|``|\"")


def tense_at(text: str, start: int, end: int) -> str | None:
    """The tense of the clause around a span: that of the verb cue nearest to it, or None when there is none."""
    left_start = max(0, start - 120)
    left = text[left_start:start]
    edges = list(_SENTENCE_EDGE.finditer(left))
    if edges:
        left_start += edges[-1].end()
    right_end = min(len(text), end + 120)
    edge = _SENTENCE_EDGE.search(text, end, right_end)
    if edge:
        right_end = edge.start()
    if text.startswith("'s", end):
        return "past"  # "Wednesday's ruling"
    # "had filed reports by Wednesday", "until Thursday, they had not called him": a deadline in the past
    past_perfect = _PAST_PERFECT.search(text, max(left_start, start - 60), min(right_end, end + 60)) is not None
    if _DEADLINE.search(text, max(0, start - 12), start) and not past_perfect:
        return "future"  # "payable Jan. 2", "effective Feb. 1", "through January", "by February"
    best: tuple[int, str] | None = None
    for pattern, tense in ((_PAST_PLAN, "past"), (_FUTURE, "future"), (_PAST, "past")):
        for match in pattern.finditer(text, left_start, right_end):
            word = match.group().lower()
            if start <= match.start() < end or (tense == "past" and word in _NOT_PAST) or (
                    word == "until" and past_perfect) or (
                    word in _REPORTING and match.start() >= end and "," in text[end:match.start()]):
                continue
            if tense == "past" and _NOT_A_VERB_BEFORE.search(text, max(0, match.start() - 12), match.start()) and (
                    word.endswith("ed") or _PASSIVE_BEFORE.search(text, max(0, match.start() - 12), match.start())):
                continue  # "a still unspecified date" (an adjective), "would be paid" (the tense is the auxiliary's)
            distance = start - match.end() if match.end() <= start else match.start() - end
            if best is None or distance < best[0]:
                best = (distance, tense)
    return best[1] if best else None
