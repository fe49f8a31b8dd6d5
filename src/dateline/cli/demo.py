"""`dateline demo`: ingest the bundled sample corpus into a fresh database and show what is there."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dateline.cli import app
from dateline.cli._util import console, failures
from dateline.cli.ingest import print_report
from dateline.cli.revisions import print_schedules
from dateline.cli.timeline import Format, render
from dateline.entities import find_entity, list_entities
from dateline.events.cited import make_timeline
from dateline.events.revisions import find_schedules
from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, ingest
from dateline.sample import sample_paths
from dateline.search import search
from dateline.store.db import Store
from dateline.store.stats import corpus_stats


@app.command("demo")
def demo_command(
    db: Annotated[Path, typer.Option("--db", help="Database to (re)create for the demo.")] = Path("dateline-demo.db"),
) -> None:
    """Ingest the bundled sample corpus (MEANTIME + the seeds) into a fresh database and take a short tour."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    console.rule("[bold]dateline demo")
    console.print(f"Ingesting the sample corpus into {db} (first_seen_at = each article's publication date)")
    with failures(), Store(db) as store:
        report = ingest(store, sample_paths(), IngestOptions(seen_at=SEEN_AT_PUBLISHED))
        print_report(report)
        stats = corpus_stats(store.conn)
        console.print(f"\n[bold]{stats['articles']}[/bold] articles, {stats['sources']} sources, published "
                      f"{stats['published_from']} to {stats['published_to']}")
        for source, count in stats["per_source"].items():
            console.print(f"  {source}: {count}")
        # Time expressions: every article's timexes are stored, resolved against its publication date.
        console.rule("[bold]Time expressions in the seeds (resolved against each article's publication date)")
        rows = store.conn.execute(
            "SELECT t.text, t.type, t.value, t.earliest, t.latest, t.anchor FROM timexes t JOIN articles a"
            " ON a.id = t.article_id WHERE a.origin LIKE '%seeds%' ORDER BY a.published_day, t.idx").fetchall()
        for row in rows:
            bounds = f"  [{row['earliest']} .. {row['latest']}]" if row["earliest"] else ""
            console.print(f"  {row['anchor']}  {row['text']!r:24} {row['type']:8} {row['value']}{bounds}",
                          markup=False, highlight=False)
        count = store.conn.execute("SELECT count(*) FROM timexes").fetchone()[0]
        console.print(f"  ({count} time expressions stored for the whole corpus; try: dateline timeml --help)")
        # Entities: every name of the same person or film resolves to one entity, across both seed articles.
        console.rule("[bold]Who and what: dateline entities, dateline entity \"Mission: Impossible 7\"")
        for entity in list_entities(store.conn, top=5):
            console.print(f"  {entity.name} ({entity.type}): {entity.mentions} mentions in {entity.articles} "
                          f"articles", markup=False, highlight=False)
        film = find_entity(store.conn, "Mission: Impossible 7")
        if film is not None:
            console.print(f"  'Mission: Impossible 7' is {film.name}, also called: "
                          + "; ".join(alias for alias, _ in film.aliases), markup=False, highlight=False)
        # Events: the Dead Reckoning premiere, reported twice before it happened, and the timeline as of June 30th.
        console.rule("[bold]What happened when: dateline timeline \"Dead Reckoning\"")
        for as_of in (None, "2023-06-30"):
            console.print(render(make_timeline(store.conn, "Dead Reckoning", as_of=as_of), Format.TEXT),
                          markup=False, highlight=False, soft_wrap=True)
        console.rule("[bold]How the expected date moved: dateline revisions \"Dead Reckoning\"")
        print_schedules(find_schedules(store.conn, "Dead Reckoning"))
        # Search as of a date: what could be found before the second seed article was first seen, and after.
        console.rule("[bold]Point-in-time search: dateline search \"Atwell drifting\" --as-of ...")
        for as_of in ("2023-06-30", "2023-07-08"):
            page = search(store.conn, "Atwell drifting", as_of=as_of)
            console.print(f"  as of {as_of}: {page.total} article(s)", highlight=False)
            for hit in page.hits:
                console.print(f"    {hit.published}  {hit.snippet.text[:110]}", markup=False, highlight=False)
    console.print(f"\nTry: dateline --help, dateline stats --db {db}, or browse it: dateline serve --db {db}")
