"""`dateline entities`, `dateline entity NAME`, the overrides `entity-merge`, `entity-split`, `entity-rename`, and
`dateline eval entities` (the MEANTIME evaluation)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from dateline.asof import seen_stamp
from dateline.cli import app, eval_app
from dateline.cli._util import (
    AsOfOption,
    DbOption,
    JsonOption,
    console,
    emit_json,
    failures,
    open_db,
    tell_redo,
)
from dateline.clock import SystemClock
from dateline.entities import LABELS, Entity, entity_profile, find_entity, list_entities
from dateline.entities.resolve import apply_override
from dateline.errors import Code, ConfigError, StoreError
from dateline.store.entities import redo_pending

_SHOWN = 12
NameArgument = Annotated[str, typer.Argument(help="A name the entity goes by (any alias), or its id.")]


def _found(conn: sqlite3.Connection, name: str, as_of: str | None = None) -> Entity:
    entity = find_entity(conn, name, as_of)
    if entity is None:
        raise StoreError(f"no entity goes by {name!r}" + (f" as of {as_of}" if as_of else "")
                         + "; try `dateline entities`", code=Code.NOT_FOUND)
    return entity


@app.command("entities")
def entities_command(
    db: DbOption,
    type: Annotated[str | None, typer.Option("--type", help=f"Only this type: {', '.join(LABELS)}.")] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="How many to list.")] = 20,
    as_of: AsOfOption = None,
    json_output: JsonOption = False,
) -> None:
    """The most mentioned people, organisations, places, works, products and events."""
    with failures():
        if type is not None and type.upper() not in LABELS:
            raise ConfigError(f"--type {type!r} is not one of {', '.join(LABELS)}", code=Code.INVALID_OPTION)
        with open_db(db) as store:
            found = list_entities(store.conn, type.upper() if type else None, top, as_of)
            tell_redo(redo_pending(store.conn))
    if json_output:
        emit_json([e.to_json() for e in found])
        return
    table = Table("id", "name", "type", "mentions", "articles", "first", "last", "also known as",
                  title="entities" + (f" as of {as_of}" if as_of else ""))
    for e in found:
        others = ", ".join(a for a, _ in e.aliases if a != e.name)
        table.add_row(str(e.id), e.name, e.type, str(e.mentions), str(e.articles), e.first_day or "-",
                      e.last_day or "-", others[:60])
    console.print(table)


@app.command("entity")
def entity_command(name: NameArgument, db: DbOption, as_of: AsOfOption = None, json_output: JsonOption = False,
                   articles: Annotated[int, typer.Option("--articles", help="Articles to show.")] = 5) -> None:
    """One entity: its names, mentions per day, companions, where it is mentioned, and why names were merged."""
    with open_db(db) as store, failures():
        profile = entity_profile(store.conn, _found(store.conn, name, as_of).id, as_of)
        tell_redo(redo_pending(store.conn))
    if json_output:
        emit_json(profile.to_json())
        return
    e = profile.entity
    console.print(f"[bold]{e.name}[/bold] ({e.type})  id {e.id}  {e.mentions} mentions in {e.articles} articles,"
                  f" {e.first_day} to {e.last_day}" + (f"  as of {as_of}" if as_of else ""))
    console.print("also: " + ", ".join(f"{a} ({n})" for a, n in e.aliases), highlight=False)
    console.print("per day: " + ", ".join(f"{d}: {n}" for d, n in profile.per_day.items()), highlight=False)
    console.print("with: " + ", ".join(f"{o.name} ({n})" for o, n in profile.co_mentioned), highlight=False)
    for item in profile.articles[:articles]:
        console.print(f"\n[bold]{item['published_day']}[/bold] {item['title'] or ''} [dim]{item['id']}[/dim]")
        for sentence in item["sentences"][:3]:  # type: ignore[index]
            console.print(f"  {sentence['text']}", highlight=False, markup=False)
    if profile.links:
        console.print("\n[bold]names linked inside an article[/bold]")
        for link in profile.links[:_SHOWN]:
            console.print(f"  {link['text']}: {link['why']} ({link['count']}x)", highlight=False, markup=False)
        _more(len(profile.links))
    if profile.evidence:
        console.print("\n[bold]why articles were merged[/bold] (undo with `dateline entity-split`)")
        telling = sorted(profile.evidence, key=lambda item: item["name"] == item["linked_to"])  # renames first
        for item in telling[:_SHOWN]:
            console.print(f"  '{item['name']}' ({item['article']}) = '{item['linked_to']}' ({item['other_article']}):"
                          f" shared key {item['key']}", highlight=False, markup=False)
        _more(len(profile.evidence))


def _more(count: int) -> None:
    if count > _SHOWN:
        console.print(f"  ... and {count - _SHOWN} more (all of them with --json)")


def _override(db: Path, action: str, a: str, b: str) -> Entity | None:
    """Record an override (stamped with the time it was made, for the record only) and rebuild the entities."""
    with open_db(db, readonly=False) as store, failures(), store.transaction() as conn:
        apply_override(conn, action, a, b, seen_stamp(SystemClock().now()))
        return find_entity(conn, b if action == "rename" else a)


@app.command("entity-merge")
def entity_merge_command(first: NameArgument, second: NameArgument, db: DbOption) -> None:
    """Merge two entities (recorded by name, so it holds after re-ingest)."""
    with open_db(db) as store, failures():
        a, b = _found(store.conn, first), _found(store.conn, second)
    merged = _override(db, "merge", a.name, b.name)
    console.print(f"merged '{a.name}' and '{b.name}'" + (f" -> {merged.name} (id {merged.id})" if merged else ""))


@app.command("entity-split")
def entity_split_command(entity: NameArgument,
                         name: Annotated[str, typer.Argument(help="The name to set apart as its own entity.")],
                         db: DbOption) -> None:
    """Set the articles that call it NAME apart from ENTITY (undoes a wrong merge)."""
    with open_db(db) as store, failures():
        found = _found(store.conn, entity)
    _override(db, "split", found.name, name)
    console.print(f"'{name}' is now apart from '{found.name}'")


@app.command("entity-rename")
def entity_rename_command(entity: NameArgument, new_name: Annotated[str, typer.Argument(help="The name to show.")],
                          db: DbOption) -> None:
    """Show ENTITY under a new name."""
    with open_db(db) as store, failures():
        found = _found(store.conn, entity)
    _override(db, "rename", found.name, new_name)
    console.print(f"'{found.name}' is now shown as '{new_name}'")


@eval_app.command("entities")
def eval_entities_command(
    folder: Annotated[Path, typer.Argument(help="MEANTIME English CAT XML: the `meantime-en` folder or one under it.",
                                           exists=True, file_okay=False)],
    json_output: JsonOption = False,
) -> None:
    """Score entity mentions and cross-document coreference on MEANTIME: spaCy alone against ours."""
    from dateline.entities.evaluate import evaluate, report_lines

    with failures():
        annotated = folder / "intra_cross-doc_annotation"
        report = evaluate(annotated if annotated.is_dir() else folder)
    if json_output:
        emit_json(report)
        return
    console.print("\n".join(report_lines(report)), markup=False, highlight=False)
