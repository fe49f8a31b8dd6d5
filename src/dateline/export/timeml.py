"""Articles as TimeML (TempEval-3 style): one `ID.tml` file an article, its time expressions as TIMEX3 in TEXT.

The publication day is the DCT (`functionInDocument="CREATION_TIME"`, tid `t0`) and the TEXT is the stored text
character for character; the TIMEX3 markup is written by the temporal stage's own writer
(`dateline.temporal.timeml`), so a file exported here reads back with `read_timeml` to the same text and tags.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from dateline.asof import as_of_bound
from dateline.store.timexes import get_timexes
from dateline.temporal.timeml import TimeMLDoc, write_timeml


def _skeleton(article_id: str, day: str, title: str | None) -> str:
    return (
        '<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        ' xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
        f"<DOCID>{escape(article_id)}</DOCID>\n\n"
        f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(day)} temporalFunction="false"'
        f' functionInDocument="CREATION_TIME">{escape(day)}</TIMEX3></DCT>\n\n'
        f"<TITLE>{escape(title or '')}</TITLE>\n\n<TEXT></TEXT>\n\n</TimeML>\n"
    )


def timeml_document(conn: sqlite3.Connection, article_id: str, text: str, day: str, title: str | None) -> str:
    """One stored article as a TimeML file, with its stored timexes."""
    doc = TimeMLDoc(article_id, _skeleton(article_id, day, title), day, text)
    return write_timeml(doc, get_timexes(conn, article_id))


def _articles(conn: sqlite3.Connection, as_of: str | None) -> Iterator[tuple[str, str, str, str | None]]:
    bound = as_of_bound(as_of)
    query = "SELECT id, text, published_day, title FROM articles" + (" WHERE first_seen_at <= ?" if bound else "")
    cursor = conn.execute(query + " ORDER BY rowid", (bound,) if bound else ())
    while rows := cursor.fetchmany(500):
        yield from ((row[0], row[1], row[2], row[3]) for row in rows)


def write_timeml_folder(conn: sqlite3.Connection, folder: Path, as_of: str | None = None) -> tuple[Path, int]:
    """Write every article version known as of `as_of` to `folder/timeml/ID.tml`; return the folder and count."""
    target = folder / "timeml"
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    for article_id, text, day, title in _articles(conn, as_of):
        (target / f"{article_id}.tml").write_text(timeml_document(conn, article_id, text, day, title),
                                                   encoding="utf-8", newline="\n")
        count += 1
    return target, count
