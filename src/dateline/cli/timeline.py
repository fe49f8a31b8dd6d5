"""`dateline timeline QUERY`: the dates that matter for a query or an entity, with cited sentences."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dateline.cli import app
from dateline.cli._util import AsOfOption, DbOption, console, failures, open_db
from dateline.errors import Code, ConfigError
from dateline.events.cited import CitedTimeline, make_timeline, timeline_dict
from dateline.events.record import outlet
from dateline.export.markdown import to_markdown
from dateline.export.timelinejs import to_timelinejs
from dateline.search.filters import parse_day


class Format(StrEnum):
    """Output formats of `dateline timeline`."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    TIMELINEJS = "timelinejs"


def _size(value: int | None, option: str) -> int | None:
    if value is not None and value < 1:
        raise ConfigError(f"{option} must be at least 1 (got {value})", code=Code.INVALID_TIMELINE_SIZE)
    return value


def _text(timeline: CitedTimeline) -> str:
    lines = [timeline.title + (f"  (as of {timeline.as_of})" if timeline.as_of else "")]
    if timeline.sample:
        lines.append(f"Made from {timeline.sample.note}.")
    if not timeline.dates:
        lines.append("No dated sentences match.")
    for entry in timeline.dates:
        flag = " (expected)" if entry.expected else ""
        lines += ["", f"{entry.date.isoformat()}{flag}  [{len(entry.sources)} source(s); first "
                      f"{entry.first_source} {entry.first_reported_at[:10]}]"]
        for s in entry.sentences:
            cite = f"{outlet(s.source, s.article_id)}, published {s.published.isoformat()}"
            lines += [f"  - {s.text}", f"    {cite}, {s.article_id[:12]} #{s.sentence}"]
    return "\n".join(lines) + "\n"


def render(timeline: CitedTimeline, output: Format) -> str:
    """The timeline in one of the output formats."""
    if output is Format.JSON:
        return json.dumps(timeline_dict(timeline), ensure_ascii=False, indent=2) + "\n"
    if output is Format.TIMELINEJS:
        return json.dumps(to_timelinejs(timeline), ensure_ascii=False, indent=2) + "\n"
    if output is Format.MARKDOWN:
        return to_markdown(timeline)
    return _text(timeline)


@app.command("timeline")
def timeline_command(
    db: DbOption,
    query: Annotated[str | None, typer.Argument(
        help="Words every chosen sentence, or a report linked to it, contains.")] = None,
    entity: Annotated[str | None, typer.Option("--entity", help="Only sentences naming this entity.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="First date (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last date (YYYY-MM-DD).")] = None,
    as_of: AsOfOption = None,
    dates: Annotated[int | None, typer.Option("--dates", help="How many dates (default: from the corpus).")] = None,
    per_date: Annotated[int | None, typer.Option("--per-date", help="Sentences a date (default: from the "
                                                                    "corpus).")] = None,
    output: Annotated[Format, typer.Option("--format", help="text, json, markdown or timelinejs.")] = Format.TEXT,
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Build the timeline of a query (as it could have been written as of a date), each sentence cited."""
    with open_db(db) as store, failures():
        low, high = parse_day(date_from, "--from"), parse_day(date_to, "--to")
        timeline = make_timeline(
            store.conn, query, entity=entity, start=date.fromisoformat(low) if low else None,
            end=date.fromisoformat(high) if high else None, as_of=as_of, n_dates=_size(dates, "--dates"),
            per_date=_size(per_date, "--per-date"),
        )
    rendered = render(timeline, output)
    if out is None:
        typer.echo(rendered, nl=False)
    else:
        out.write_text(rendered, encoding="utf-8")
        console.print(f"wrote {out}")
