"""`/api/entities`: the most mentioned entities as of a date, and one entity's profile."""

from __future__ import annotations

import sqlite3
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from dateline.api.database import Database
from dateline.api.models import (
    AliasOut,
    CoMentionOut,
    EntityOut,
    EntityProfileOut,
    MentioningArticle,
    MergeEvidence,
    TimelineOut,
)
from dateline.api.paging import Page, View
from dateline.api.params import AsOf, Conn, Cursor, Limit, database
from dateline.api.routes.timelines import build
from dateline.entities import Entity, entity_profile, find_entity, list_entities
from dateline.errors import Code, StoreError
from dateline.events.cited import timeline_dict

router = APIRouter(tags=["entities"])
EntityType = Annotated[str | None, Query(max_length=20, description="Only this type, e.g. PERSON, ORG, GPE, WORK.")]


def entity_out(entity: Entity) -> EntityOut:
    return EntityOut(id=entity.id, name=entity.name, type=entity.type, mentions=entity.mentions,
                     articles=entity.articles, first_seen_at=entity.first_seen_at, first_day=entity.first_day,
                     last_day=entity.last_day, aliases=[AliasOut(alias=a, mentions=n) for a, n in entity.aliases])


@router.get("/entities", response_model=Page[EntityOut], summary="List entities")
def entities(request: Request, conn: Conn, as_of: AsOf = None, type: EntityType = None, limit: Limit = 50,
             cursor: Cursor = None) -> Page[EntityOut]:
    """Entities known as of `as_of`, most mentioned first."""
    view = View.open(request, conn, as_of, cursor)
    return view.ranked_page(ranked_entities(database(request), conn, type, view.offset + limit + 1, view.as_of),
                            limit)


def ranked_entities(db: Database, conn: sqlite3.Connection, type: str | None, top: int, as_of: str | None
                    ) -> list[EntityOut]:
    """The `top` most mentioned entities as of `as_of`, remembered until the store changes."""
    return db.remembered(conn, ("entities", type, top, as_of),
                         lambda: [entity_out(e) for e in list_entities(conn, type=type, top=top, as_of=as_of)])


def profile(db: Database, conn: sqlite3.Connection, ref: str, as_of: str | None) -> EntityProfileOut:
    """The profile of the entity named `ref` (any alias, or its id) as of `as_of`; D204 if there was none.
    Remembered until the store changes."""
    return db.remembered(conn, ("entity", ref, as_of), lambda: _profile(conn, ref, as_of))


def _profile(conn: sqlite3.Connection, ref: str, as_of: str | None) -> EntityProfileOut:
    found = find_entity(conn, ref, as_of)
    if found is None:
        raise StoreError(f"no entity named {ref!r}" + (f" as of {as_of}" if as_of else ""), code=Code.NOT_FOUND)
    known = entity_profile(conn, found.id, as_of)
    return EntityProfileOut(
        **entity_out(known.entity).model_dump(), per_day=known.per_day,
        co_mentioned=[CoMentionOut(id=e.id, name=e.name, type=e.type, articles=n) for e, n in known.co_mentioned],
        mentioned_in=[MentioningArticle.model_validate(a) for a in known.articles],
        evidence=[MergeEvidence.model_validate(e) for e in known.evidence],
    )


@router.get("/entities/{ref}", response_model=EntityProfileOut, summary="One entity")
def entity(request: Request, conn: Conn,
           ref: Annotated[str, Path(max_length=300, description="Entity id or any of its names.")],
           as_of: AsOf = None,
           timeline: Annotated[bool, Query(description="Also build its timeline (slower on a big corpus).")] = False
           ) -> EntityProfileOut:
    """One entity as of `as_of`: its names, mentions per day, co-mentioned entities, articles and merge evidence,
    and with `timeline=true` its timeline (as `GET /api/timeline?entity=...` gives it)."""
    db = database(request)
    known = profile(db, conn, ref, as_of)
    if not timeline:
        return known
    made = build(db, conn, None, str(known.id), None, None, as_of, None, None)
    return known.model_copy(update={"timeline": TimelineOut.model_validate(timeline_dict(made))})
