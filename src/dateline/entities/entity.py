"""An entity as the queries return it: one real-world thing as of some date, with its names and counts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entity:
    """One entity as of some date. `stored_id` is the `entity_mentions.entity_id` its mentions carry: it equals
    `id` except as of a date before a later article bridged this entity with another one."""

    id: int
    name: str
    type: str
    mentions: int
    articles: int
    first_seen_at: str
    first_day: str | None
    last_day: str | None
    aliases: list[tuple[str, int]]
    stored_id: int

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "type": self.type, "mentions": self.mentions,
                "articles": self.articles, "first_seen_at": self.first_seen_at, "first_day": self.first_day,
                "last_day": self.last_day, "aliases": [{"alias": a, "mentions": n} for a, n in self.aliases]}
