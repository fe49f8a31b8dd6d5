"""Within one article: which mentions name the same thing ("Atwell" after "Hayley Atwell", "IMF" and the
International Monetary Fund, "Dead Reckoning" and "Mission: Impossible – Dead Reckoning Part One").

The result is one `DocEntity` per thing the article names, with the keys it may link on across articles. Weak
links (a surname, a first name, a short form of an organisation) hold inside the article only: they add no key,
so "Cruise" alone in another article never joins "Tom Cruise" by way of this one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from itertools import pairwise

from dateline.entities.mention import LABELS, Label, Mention
from dateline.entities.names import initials, is_acronym, norm, organisation_core, parse_title, person_name, tokens

_WORKS = ("WORK", "PRODUCT", "EVENT")
_THE = re.compile(r"^[Tt]he\s+(?=\S)")
_WEAK = ("surname of", "first name of", "short form of", "sequel number of")


def type_class(label: str) -> str:
    """Labels that may name the same thing share a class: spaCy often calls a company a place and vice versa."""
    if label == "PER":
        return "per"
    if label in ("ORG", "LOC"):
        return "org"
    return "work" if label in _WORKS else "misc"


def name_keys(name: str) -> set[str]:
    """Every key a group named `name` could link on, whatever its type: for lookups and overrides by name."""
    wanted = norm(name)
    core = organisation_core(name)
    return {f"{kind}:{wanted}" for kind in ("per", "per1", "org", "misc")} | ({f"org:{core}"} if core else set()) | {
        f"work:{key}" for key in parse_title(name).link_keys()}


@dataclass(frozen=True)
class DocEntity:
    """One thing an article names: its display name, type, and the keys it links on across articles."""

    local: int
    name: str
    type: Label
    keys: tuple[str, ...]


class _Groups:
    def __init__(self) -> None:
        self.count = 0
        self.by_name: dict[tuple[str, str], int] = {}
        self.by_title: dict[str, int] = {}
        self.first: dict[int, str] = {}

    def new(self, text: str) -> int:
        self.count += 1
        self.first[self.count - 1] = text
        return self.count - 1


def _people(mentions: list[Mention]) -> list[tuple[int, list[str], str]]:
    """(position, tokens, text) of every multi-word person name (titles such as "Mr" aside), in order."""
    return [(i, words, m.text) for i, m in enumerate(mentions)
            if m.label == "PER" and len(words := person_name(norm(m.text)).split()) >= 2]


def _person_for(word: str, position: int, people: list[tuple[int, list[str], str]], part: int) -> int | None:
    """The nearest earlier full name whose `part` word (-1 surname, 0 first name) is `word`; else a unique later one."""
    matches = [(i, text) for i, words, text in people if words[part] == word]
    if part == 0 and len({norm(text) for _, text in matches}) != 1:
        return None
    earlier = [i for i, _ in matches if i < position]
    if earlier:
        return earlier[-1]
    later = {norm(text): i for i, text in matches}
    return next(iter(later.values())) if len(later) == 1 else None


def _organisations(mentions: list[Mention]) -> list[tuple[int, list[str], Mention]]:
    """(position, words, mention) of every organisation mention, in order."""
    return [(i, tokens(m.text), m) for i, m in enumerate(mentions) if type_class(m.label) == "org"]


def _organisation_for(mention: Mention, organisations: list[tuple[int, list[str], Mention]]) -> tuple[int, str] | None:
    """A longer organisation name this one abbreviates (acronym) or shortens (leading words), if exactly one."""
    words = tokens(mention.text)
    acronym = "".join(words) if is_acronym(mention.text) else ""
    candidates: dict[str, tuple[int, str]] = {}
    for i, other_words, other in organisations:
        if len(other_words) <= len(words):
            continue
        if acronym and acronym in (initials(other.text), initials(organisation_core(other.text))):
            candidates[norm(other.text)] = (i, "acronym of")
        elif other_words[:len(words)] == words and mention.label == other.label == "ORG":
            candidates.setdefault(norm(other.text), (i, "short form of"))
    return next(iter(candidates.values())) if len(candidates) == 1 else None


def link_mentions(mentions: list[Mention], text: str = "") -> tuple[list[Mention], list[DocEntity]]:
    """Group the mentions of one article (sorted by start); return them with `group`/`link` set, and the groups.
    `text` (the article, which the offsets point into) lets a numbered title join the title it is set beside."""
    mentions = sorted(mentions, key=lambda m: m.start)
    people, organisations = _people(mentions), _organisations(mentions)
    groups = _Groups()
    out: list[Mention] = []
    for position, mention in enumerate(mentions):
        words = person_name(norm(mention.text)).split() if mention.label == "PER" else tokens(mention.text)
        klass = type_class(mention.label)
        found: tuple[int, str | None, Label] | None = None
        if klass == "work":
            keys = parse_title(mention.text).link_keys()
            hit = next((groups.by_title[k] for k in keys if k in groups.by_title), None)
            if hit is not None:
                same = norm(groups.first[hit]) == norm(mention.text)
                found = (hit, None if same else f"title variant of '{groups.first[hit]}'", mention.label)
        elif len(words) == 1 and mention.label in ("PER", "ORG", "MISC"):
            for part, reason in ((-1, "surname of"), (0, "first name of")):
                if part == 0 and mention.label != "PER":
                    continue
                index = _person_for(words[0], position, people, part)
                if index is not None and index < len(out):
                    found = (out[index].group, f"{reason} '{out[index].text}'", "PER")
                    break
                if index is not None and index > position:
                    found = (-1 - index, f"{reason} '{mentions[index].text}'", "PER")
                    break
        if found is None and (klass, norm(mention.text)) in groups.by_name:
            found = (groups.by_name[(klass, norm(mention.text))], None, mention.label)
        if found is None and klass == "org":
            target = _organisation_for(mention, organisations)
            if target is not None and target[0] < len(out):
                index, reason = target
                found = (out[index].group, f"{reason} '{out[index].text}'", mention.label)
        if found is None:
            found = (groups.new(mention.text), None, mention.label)
        group, link, label = found
        linked = replace(mention, group=group, link=link, label=label)
        out.append(linked)
        if group >= 0 and (link is None or link.startswith(("title variant", "acronym"))):
            groups.by_name.setdefault((type_class(label), norm(mention.text)), group)
        if klass == "work" and group >= 0:
            for key in parse_title(mention.text).link_keys():
                groups.by_title.setdefault(key, group)
    out = _resolve_forward(out)
    out = _link_sequel_numbers(out, text)
    return _renumber(out)


def _resolve_forward(mentions: list[Mention]) -> list[Mention]:
    """A surname before its full name (a headline "Atwell" then "Hayley Atwell") points at position -1-i."""
    return [replace(m, group=mentions[-1 - m.group].group) if m.group < 0 else m for m in mentions]


def _link_sequel_numbers(mentions: list[Mention], text: str) -> list[Mention]:
    """A numbered title ("Mission: Impossible 7", "the seventh Mission: Impossible film") joins the work the
    article names it beside (`_appositions`); failing that, the article's one subtitled work of the same head
    ("Mission: Impossible – Dead Reckoning"), when 7 is the lowest number the article gives that head (the later
    ones are sequels to come) and nothing in the article gives that work another number."""
    moves, numbered_as = _appositions(mentions, text)
    subtitled: dict[str, set[int]] = defaultdict(set)
    numbered: dict[str, dict[int, int]] = defaultdict(dict)
    for m in mentions:
        if type_class(m.label) != "work" or m.group in moves:
            continue
        title = parse_title(m.text)
        if title.subtitle:
            subtitled[title.head].add(m.group)
        elif title.number is not None:
            numbered[title.head].setdefault(title.number, m.group)
    for head, numbers in numbered.items():
        targets = subtitled.get(head, set())
        lowest = min(numbers)
        if len(targets) == 1 and numbered_as.get(target := next(iter(targets)), lowest) == lowest:
            name = next(m.text for m in mentions if m.group == target and parse_title(m.text).subtitle)
            moves[numbers[lowest]] = (target, f"sequel number of '{name}' (its only subtitled title here)")
    if not moves:
        return mentions
    return [replace(m, group=moves[m.group][0], link=moves[m.group][1]) if m.group in moves else m for m in mentions]


# Between a numbered title and the work it names: "(", "aka", "also known as", "titled"; after "the seventh ...
# film" a comma, a colon or a dash will do ("the seventh Mission: Impossible film, Dead Reckoning Part One").
_NAMING = re.compile(r"\s*(?:\(|,?\s*(?:(?:also\s+)?(?:known\s+as|called|titled|dubbed)|aka|a\.k\.a\.)"
                     r"|,?\s*(?:officially|now)\s+(?:titled|called))\s*[\"'\u201c\u2018]?\s*")
_SET_BESIDE = re.compile(r"\s*(?:,|:|-{1,2}|\u2013|\u2014)\s*(?:the\s+)?[\"'\u201c\u2018]?\s*")


def _appositions(mentions: list[Mention], text: str) -> tuple[dict[int, tuple[int, str]], dict[int, int]]:
    """Numbered titles set right beside another work's name: {numbered group: (that work's group, why)}, and the
    number each such work is given."""
    works = [m for m in mentions if type_class(m.label) == "work"]
    moves: dict[int, tuple[int, str]] = {}
    numbered_as: dict[int, int] = {}
    for first, second in pairwise(works):
        titles = parse_title(first.text), parse_title(second.text)
        if text == "" or (titles[0].number is None) == (titles[1].number is None) or first.group == second.group:
            continue
        numbered, other = (first, second) if titles[0].number is not None else (second, first)
        number = titles[0].number if titles[0].number is not None else titles[1].number
        gap = text[first.end:second.start]
        beside = numbered.source == "ordinal" and _SET_BESIDE.fullmatch(gap)
        if number is not None and (_NAMING.fullmatch(gap) or beside) and numbered.group not in moves:
            moves[numbered.group] = (other.group, f"numbered title of '{other.text}' (named beside it)")
            numbered_as[other.group] = number
    return moves, numbered_as


def _renumber(mentions: list[Mention]) -> tuple[list[Mention], list[DocEntity]]:
    order: dict[int, int] = {}
    for m in mentions:
        order.setdefault(m.group, len(order))
    mentions = [replace(m, group=order[m.group]) for m in mentions]
    return mentions, summarize_groups(mentions)


def summarize_groups(mentions: list[Mention]) -> list[DocEntity]:
    """The article-local entities of grouped mentions (groups numbered 0..n-1)."""
    members: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        members[m.group].append(m)
    return [_summarize(local, members[local]) for local in sorted(members)]


def _summarize(local: int, members: list[Mention]) -> DocEntity:
    labels = Counter(m.label for m in members)
    label = max(labels, key=lambda lab: (labels[lab], -LABELS.index(lab)))
    naming = [m for m in members if m.link is None or m.link.startswith("title variant")] or members
    counts = Counter(m.text for m in naming)
    name = max(counts, key=lambda text: (len(tokens(text)), not text.lower().startswith("the "), len(text),
                                         counts[text], text))
    name = " ".join(name.split())
    shown = name if type_class(label) == "work" else _THE.sub("", name)  # "The Dark Knight" keeps its article
    return DocEntity(local, shown, label, tuple(sorted(_keys(label, members))))


def _keys(label: Label, members: list[Mention]) -> set[str]:
    klass = type_class(label)
    strong = [m for m in members if not (m.link or "").startswith(_WEAK)]
    if klass == "work":
        return {f"work:{key}" for m in strong for key in parse_title(m.text).link_keys()}
    names = {norm(m.text) for m in strong} - {""}
    if klass == "per":
        names = {person_name(n) for n in names} - {""}
        full = {n for n in names if len(n.split()) >= 2}
        return {f"per:{n}" for n in full} if full else {f"per1:{n}" for n in names}
    if klass == "org":
        names |= {core for m in strong if (core := organisation_core(m.text))}
    return {f"{klass}:{n}" for n in names}
