"""Generated news articles, for scale tests and benchmarks: deterministic, dated, full of names and dates.

The same `seed` and index always give the same article, so a benchmark or a fault test can regenerate its corpus
(or any part of it) instead of shipping it. The corpus is shaped like a news archive, so that every stage meets at
scale the load it meets in real news:

- it grows in time, not in density: `PER_DAY` articles a day, in date order, so a corpus ten times larger covers ten
  times as many days (a wire archive read from its start);
- each day starts `STORIES_PER_DAY` stories (a company, a person, a place, something that will happen on a given
  day); an article reports one story of the last `STORY_DAYS` days, as one of several outlets, and dates the coming
  happening relative to its own date ("on Thursday", "next week", "on July 12"), as the seeds do;
- names are drawn from large pools with a skewed (Zipf) popularity: a few companies are in the news every day,
  most seldom.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

PER_DAY = 120
STORIES_PER_DAY = 30
STORY_DAYS = 4
START = date(2000, 1, 3)

# Company and family names are made of syllables ("Torvex", "Kelmarin"): hundreds of different words, as real
# names are, not a few words shared by every name. A company may carry a generic suffix that names nothing.
_SYLLABLES = """ka ri to ne mo ra vi lu sen dar mar tel on bre cor fin gal hal ix jor kel lin nor pel quin ros sul
tav ver wen""".split()
_SUFFIXES = ["", "", "Group", "Corp", "Holdings", "Bank", "Inc"]
_FIRST = """Maria John Wei Amina Peter Sofia Raj Hannah Kenji Laura Omar Elena David Fatima Lucas Ingrid Carlos Mei
Tomas Aisha Daniel Yuki Ahmed Clara Ivan Nadia Paul Rosa Samuel Leila Victor Anna Marco Priya George Olga Hugo Zara
Felix Irene Chiara Dmitri Emeka Farah Gustav Hiroshi Isabel Jonas Kamala Luis Magnus Nkechi Oscar Paola Rahul
Sven Tariq Ursula Vikram Wanda""".split()
_PLACES = """London Tokyo Frankfurt Paris Mumbai Toronto Seoul Sydney Madrid Milan Zurich Dubai Singapore Houston
Chicago Boston Denver Lagos Nairobi Cairo Istanbul Warsaw Prague Vienna Oslo Stockholm Helsinki Dublin Lisbon Athens
Jakarta Manila Bangkok Hanoi Santiago Lima Bogota Caracas Montreal Vancouver""".split()
_OUTLETS = ["Wire", "Daily Ledger", "Morning Post", "Business Desk", "Evening Standard", "City Journal"]
_ROLES = ["chief executive", "finance minister", "spokeswoman", "analyst", "chairman", "regulator", "union leader"]
_HAPPENINGS = [  # (what will happen, its noun for titles)
    ("open its new plant in {place}", "plant opening"), ("report quarterly earnings", "earnings"),
    ("vote on the merger with {other}", "merger vote"), ("launch its {product} line", "launch"),
    ("close the sale of its {product} unit", "unit sale"), ("hold its annual meeting in {place}", "annual meeting"),
    ("start talks with {other}", "talks"), ("begin a strike at its {place} site", "strike"),
    ("issue a bond worth ${figure} million", "bond issue"), ("announce a recall of {product} products", "recall"),
]
_PRODUCTS = """battery turbine cement fertilizer satellite vaccine tyre glass paper copper cable software chip
freight cocoa coffee grain solar wind""".split()
_VERBS = ["said", "announced", "reported", "confirmed", "told reporters", "said in a statement"]
# Background sentences are put together from open word lists, so that two of them rarely say the same thing.
_ACTS = """approved rejected delayed signed expanded reviewed cancelled financed doubled trimmed revised unveiled
defended questioned postponed accelerated renegotiated audited insured leased""".split()
_QUALITIES = """regional offshore digital rural coastal northern southern overseas municipal private joint
experimental seasonal longterm interim domestic industrial retail wholesale automated""".split()
_THINGS = """pipeline warehouse contract subsidy tariff refinery hospital bridge harbour network licence
franchise mortgage dividend pension budget stadium terminal factory railway campus orchard vineyard reservoir
shipyard laboratory bakery brewery fleet""".split()
_RELATIVE = ["on Monday", "last week", "earlier this year", "yesterday", "two weeks ago", "last month"]
_HEADLINES = ["sets", "plans", "schedules", "confirms", "expects", "announces", "eyes", "readies"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@cache
def _weights(count: int) -> list[float]:
    """Cumulative Zipf-like weights (1 / (rank + 10)) for `count` items: a few are common, most are rare."""
    return list(accumulate(1 / (rank + 10) for rank in range(1, count + 1)))


@cache
def _pool(kind: str) -> list[str]:
    """Every company or person name, in a fixed shuffled order of popularity."""
    words = [first + second for first in _SYLLABLES for second in _SYLLABLES if first != second]
    shuffler = random.Random(kind)
    if kind == "company":
        names = [f"{word.title()} {shuffler.choice(_SUFFIXES)}".strip() for word in words]
    else:
        endings = ["", "son", "ova", "i"]
        names = [f"{shuffler.choice(_FIRST)} {word.title()}{shuffler.choice(endings)}" for word in words]
    shuffler.shuffle(names)
    return names


def _pick(rng: random.Random, kind: str) -> str:
    names = _pool(kind)
    return rng.choices(names, cum_weights=_weights(len(names)))[0]


def _when(day: date, happening: date) -> str:
    """`happening` as an article of `day` would write it."""
    ahead = (happening - day).days
    if ahead == 0:
        return "today"
    if ahead == 1:
        return "tomorrow"
    if 1 < ahead < 7:
        return f"on {_WEEKDAYS[happening.weekday()]}"
    if happening.isocalendar()[:2] == (day + timedelta(days=7)).isocalendar()[:2]:
        return "next week"
    return f"on {happening:%B} {happening.day}"


class _Story(NamedTuple):
    company: str
    person: str
    cast: list[str]  # the other companies and people its reports name
    role: str
    place: str
    what: str
    noun: str
    happening: date


def _story(seed: int, started: int, slot: int) -> _Story:
    """The story started on day number `started` in slot `slot`: who, where, what, and when it will happen."""
    rng = random.Random(f"story-{seed}-{started}-{slot}")
    what, noun = rng.choice(_HAPPENINGS)
    cast = [_pick(rng, "company"), _pick(rng, "company"), _pick(rng, "person"), _pick(rng, "person")]
    return _Story(_pick(rng, "company"), _pick(rng, "person"), cast, rng.choice(_ROLES), rng.choice(_PLACES),
                  what.format(place=rng.choice(_PLACES), other=_pick(rng, "company"), product=rng.choice(_PRODUCTS),
                              figure=rng.randint(50, 900)),
                  noun, START + timedelta(days=started + rng.randint(STORY_DAYS, 40)))


def _background(rng: random.Random, day: date, cast: list[str], people: list[str]) -> str:
    """A sentence about one of the article's other actors: who did what to which thing, where, and sometimes when."""
    who = rng.choice([rng.choice(cast), rng.choice(people),
                      f"{rng.choice(people)}, {rng.choice(_ROLES)} of {rng.choice(cast)},"])
    what = f"{rng.choice(_QUALITIES)} {rng.choice(_THINGS)}"
    how = rng.choice([f"in {rng.choice(_PLACES)}", f"with {rng.choice(cast)}", f"for {rng.choice(_PRODUCTS)}"])
    when = rng.choice(["", "", f" {rng.choice(_RELATIVE)}", f" in {day.year - rng.randint(1, 5)}"])
    return f"{who} {rng.choice(_ACTS)} {'an' if what[0] in 'aeiou' else 'a'} {what} {how}{when}."


def article(index: int, seed: int = 0, sentences: int = 12) -> dict[str, str]:
    """The `index`-th generated article as a JSONL record (id, published, title, text)."""
    rng = random.Random(seed * 1_000_003 + index)
    number = index // PER_DAY
    day = START + timedelta(days=number)
    started = max(0, number - rng.randrange(STORY_DAYS))
    story = _story(seed, started, rng.randrange(STORIES_PER_DAY))
    lead = (f"{story.place.upper()} ({rng.choice(_OUTLETS)}) - {story.company} will {story.what}"
            f" {_when(day, story.happening)}, {story.person}, {story.role} of {story.company}, {rng.choice(_VERBS)}.")
    cast = [*story.cast[:2], _pick(rng, "company")]  # who a story names, and someone of the outlet's own choosing
    people = [*story.cast[2:], _pick(rng, "person")]
    body = [_background(rng, day, cast, people) for _ in range(sentences - 1)]
    first = rng.choice(["in the spring", "last year", "earlier"])
    body.insert(rng.randrange(1, len(body) + 1), f"{story.company}'s {story.noun} had first been expected {first}.")
    paragraphs = [lead] + [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]
    return {"id": f"gen-{seed}-{index}", "published": f"{day.isoformat()}T{rng.randrange(24):02d}:00:00Z",
            "title": f"{story.company} {rng.choice(_HEADLINES)} {story.noun} for {story.happening:%B}"
                     f" {story.happening.day}",
            "text": "\n\n".join(paragraphs)}


def articles(count: int, seed: int = 0, start: int = 0) -> Iterator[dict[str, str]]:
    """`count` generated articles, from index `start`."""
    for index in range(start, start + count):
        yield article(index, seed)


def write_jsonl(folder: Path, count: int, *, seed: int = 0, shard: int = 10_000, compress: bool = False
                ) -> list[Path]:
    """Write `count` articles as JSONL shards of `shard` articles into `folder`; return the shard paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, start in enumerate(range(0, count, shard)):
        path = folder / (f"gen-{seed}-{number:05d}.jsonl" + (".gz" if compress else ""))
        opener = gzip.open if compress else open
        with opener(path, "wt", encoding="utf-8") as out:
            for record in articles(min(shard, count - start), seed, start):
                out.write(json.dumps(record) + "\n")
        paths.append(path)
    return paths
