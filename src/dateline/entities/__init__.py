"""Entities: who and what the news is about, under every name it goes by.

    mention.py   a mention (span, label, source, sentence, article-local group)
    detect.py    mentions in articles: spaCy NER (model.py) + lexical additions (lexical.py); names.py parses names
    local.py     mentions grouped within an article, each group with the keys it links on
    resolve.py   groups linked across articles into entities, incrementally and order-independently
    overrides.py user merge / split / rename, by name, replayed on every (re)build
    entity.py    the Entity value; query.py: find_entity, list_entities, entity_profile, all as of a date
    meantime.py  MEANTIME gold; scoring.py the mention and coreference scorers; evaluate.py the evaluation
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from dateline.entities.detect import Mode, detect, detect_many
from dateline.entities.entity import Entity
from dateline.entities.local import DocEntity, link_mentions, summarize_groups
from dateline.entities.mention import LABELS, Label, Mention
from dateline.entities.query import Profile, entity_profile, find_entity, get_entity, list_entities
from dateline.entities.resolve import rebuild, resolve, resolve_pending
from dateline.store.entities import put_mentions


def save_mentions(conn: sqlite3.Connection, article_id: str, mentions: Sequence[Mention]) -> None:
    """Store an article's mentions and its article-local groups (resolved later by `resolve`)."""
    put_mentions(conn, article_id, mentions, summarize_groups(list(mentions)))


__all__ = [
    "LABELS",
    "DocEntity",
    "Entity",
    "Label",
    "Mention",
    "Mode",
    "Profile",
    "detect",
    "detect_many",
    "entity_profile",
    "find_entity",
    "get_entity",
    "link_mentions",
    "list_entities",
    "rebuild",
    "resolve",
    "resolve_pending",
    "save_mentions",
]
