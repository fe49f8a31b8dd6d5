"""Generated news articles, for scale tests and benchmarks: deterministic, dated, full of names and dates.

The same `seed` and count always give the same bytes, so a benchmark or a fault test can regenerate its corpus
instead of shipping it. Articles read like short wire stories (a dateline, companies, people, places, relative and
absolute dates, figures), so every stage has something to find.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

_COMPANIES = ["Exxon Mobil", "General Motors", "Northwind Bank", "Acme Steel", "Blue Harbor Energy", "Orion Telecom",
              "Vale", "Siemens", "Toyota", "Banco Santander", "Lumen Foods", "Keystone Rail", "Atlas Mining"]
_PEOPLE = ["Maria Lopez", "John Carter", "Wei Zhang", "Amina Diallo", "Peter Novak", "Sofia Rossi", "Raj Patel",
           "Hannah Berg", "Kenji Sato", "Laura Smith"]
_PLACES = ["New York", "London", "Tokyo", "Frankfurt", "Sao Paulo", "Alaska", "Paris", "Mumbai", "Toronto", "Seoul"]
_ROLES = ["chief executive", "finance minister", "spokeswoman", "analyst", "chairman", "regulator"]
_RELATIVE = ["on Monday", "on Tuesday", "last week", "next month", "earlier this year", "yesterday", "on Friday",
             "in the third quarter", "two weeks ago", "next year"]
_VERBS = ["said", "announced", "reported", "warned", "confirmed", "estimated"]
_OBJECTS = ["a $%d million fine", "a %d percent rise in profit", "plans to cut %d jobs", "a bid worth $%d billion",
            "%d new stores", "a loss of $%d million"]


def _sentence(rng: random.Random, day: date) -> str:
    shape = rng.randrange(4)
    company, person, place = rng.choice(_COMPANIES), rng.choice(_PEOPLE), rng.choice(_PLACES)
    figure = rng.choice(_OBJECTS) % rng.randint(2, 900)
    if shape == 0:
        return f"{company} {rng.choice(_VERBS)} {figure} {rng.choice(_RELATIVE)}."
    if shape == 1:
        other = day + timedelta(days=rng.randint(-400, 400))
        return f"{person}, {rng.choice(_ROLES)} of {company}, {rng.choice(_VERBS)} on {other:%B %-d, %Y} in {place}."
    if shape == 2:
        return f"Shares of {company} rose {rng.randint(1, 40)} percent in {place} trading {rng.choice(_RELATIVE)}."
    return f"\"We expect {figure},\" {person} {rng.choice(_VERBS)} in {rng.choice([day.year, day.year + 1])}."


def article(index: int, seed: int = 0, sentences: int = 20) -> dict[str, str]:
    """The `index`-th generated article as a JSONL record (id, published, title, text)."""
    rng = random.Random(seed * 1_000_003 + index)
    day = date(2006, 1, 1) + timedelta(days=rng.randrange(365 * 8))
    place = rng.choice(_PLACES)
    paragraphs = [" ".join(_sentence(rng, day) for _ in range(rng.randint(2, 4)))
                  for _ in range(max(1, sentences // 3))]
    paragraphs[0] = f"{place.upper()} (Wire) - {paragraphs[0]}"
    return {"id": f"gen-{seed}-{index}", "published": f"{day.isoformat()}T{rng.randrange(24):02d}:00:00Z",
            "title": f"{rng.choice(_COMPANIES)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS) % rng.randint(2, 90)}",
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
