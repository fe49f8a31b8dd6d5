"""User corrections to entity resolution: merge two entities, split a name out of one, rename one.

Overrides are recorded by name, not by id, so they apply again to whatever a later ingest (or a fresh store fed
the same articles) finds. They act on the keys groups link on, which keeps resolution a function of the keys:
- merge A B: every group with a key A or B could link on also gets the key `merge<n>`;
- split E B: groups whose own name is B get their keys set apart (`split<n>:...`), so they only link to each other;
- rename A B: the entity going by A is displayed as B.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from dateline.entities.local import name_keys
from dateline.entities.names import norm
from dateline.store.entities import Group, overrides


@dataclass
class Rules:
    """The overrides in force, oldest first."""

    steps: list[tuple[int, str, str, str]] = field(default_factory=list)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> Rules:
        return cls(overrides(conn))

    def keys_for(self, group: Group) -> dict[str, str]:
        """The keys `group` links on after every override, mapped to the base key each comes from."""
        keys = {base: base for base in group.bases}
        for number, action, a, b in self.steps:
            if action == "split" and norm(group.name) == norm(b):
                keys = {f"split{number}:{key}": base for key, base in keys.items()}
            elif action == "merge" and set(group.bases) & (name_keys(a) | name_keys(b)):
                keys[f"merge{number}"] = "override"
        return keys

    def display_name(self, name: str, aliases: set[str]) -> str:
        """The name an entity is shown under: the latest rename that matches its name or one of its aliases."""
        for _, action, a, b in self.steps:
            if action == "rename" and (norm(a) == norm(name) or norm(a) in aliases):
                name = b
        return name
