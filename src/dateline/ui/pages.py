"""The web UI: server-rendered pages over the same queries as the API, one route a page.

Every page takes `as_of` and every link it renders carries it on, so a reader who sets a date sees the whole site
as it stood then.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from dateline.api.database import Database
from dateline.api.params import database as app_database
from dateline.api.params import to_date
from dateline.api.routes.articles import article_detail, list_articles
from dateline.api.routes.changes import changes_between, window_end
from dateline.api.routes.entities import profile, ranked_entities
from dateline.api.routes.stats import corpus_figures
from dateline.api.routes.stories import story_window
from dateline.api.routes.timelines import build as build_timeline
from dateline.asof import as_of_bound
from dateline.entities import LABELS
from dateline.events.cited import CitedTimeline
from dateline.search import search
from dateline.search.stories import story
from dateline.ui.charts import bar_chart, fill_periods, timeline_strip
from dateline.ui.highlight import Mark, marked_paragraphs, marked_passage

_HERE = Path(str(resources.files("dateline.ui")))
templates = Jinja2Templates(directory=_HERE / "templates")
templates.env.globals["marked_passage"] = marked_passage
PAGE = 25
SEARCH_FILTERS = ("published_from", "published_to", "event_from", "event_to", "entity", "source")


class Page:
    """What every template gets: the request, the as-of date, and `link()` to build URLs that keep it."""

    def __init__(self, request: Request, *, checked: bool = True) -> None:
        """Read the page's as-of date (D402 if it is not one); `checked=False` ignores it, for error pages."""
        self.request = request
        raw = request.query_params.get("as_of") or None if checked else None
        as_of_bound(raw)
        self.as_of = raw

    def link(self, path: str, **params: Any) -> str:
        """`path` with `params` (None values left out) and the page's as-of date as the query string."""
        values = {key: value for key, value in params.items() if value not in (None, "")}
        if self.as_of and "as_of" not in params:
            values["as_of"] = self.as_of
        return path + ("?" + urlencode(values) if values else "")

    def without_as_of(self) -> str:
        """This page's URL with no as-of date (and no cursor, which pins one)."""
        kept = [(k, v) for k, v in self.request.query_params.multi_items() if k not in ("as_of", "cursor")]
        return self.request.url.path + ("?" + urlencode(kept) if kept else "")

    def render(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(self.request, template, {"page": self, **context}, status_code=status)

    @property
    def database(self) -> Database:
        return app_database(self.request)

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        with self.database.reading() as conn:
            yield conn


def home(request: Request) -> HTMLResponse:
    """The front page: search results for `q`, or the latest articles; corpus figures beside them."""
    page = Page(request)
    params = request.query_params
    q = (params.get("q") or "").strip()
    filters = {name: params.get(name) or None for name in SEARCH_FILTERS}
    results = None
    latest = []
    with page.reading() as conn:
        stats = corpus_figures(page.database, conn, page.as_of)
        if q:
            results = search(conn, q, as_of=page.as_of, limit=PAGE, cursor=params.get("cursor") or None, **filters)
        else:
            latest = list_articles(page.database, conn, page.as_of, source=filters["source"],
                                   published_from=to_date(filters["published_from"], "published_from"),
                                   published_to=to_date(filters["published_to"], "published_to"), limit=PAGE)
    chart = bar_chart(fill_periods(stats.per_month, max_bars=120), label="Articles published per month",
                      width=360, height=150)
    next_link = None
    if results is not None and results.next_cursor:
        next_link = page.link("/", q=q, cursor=results.next_cursor, **filters)
    return page.render("home.html", q=q, filters=filters, results=results, articles=latest, stats=stats,
                       chart=chart, next_link=next_link)


def entities(request: Request) -> HTMLResponse:
    """The most mentioned entities as of the date, optionally of one type."""
    page = Page(request)
    kind = request.query_params.get("type") or None
    with page.reading() as conn:
        found = ranked_entities(page.database, conn, kind, 100, page.as_of)
    return page.render("entities.html", entities=found, kind=kind, kinds=LABELS)


def entity(request: Request, ref: str) -> HTMLResponse:
    """One entity: its names, a chart of mentions per day, who it appears with, where it is mentioned. Its
    timeline, which can take seconds to build on a big corpus, is a fragment the page fetches after it shows."""
    page = Page(request)
    with page.reading() as conn:
        known = profile(page.database, conn, ref, page.as_of)
    chart = bar_chart(fill_periods(known.per_day), label=f"Mentions of {known.name} per day")
    return page.render("entity.html", entity=known, chart=chart,
                       timeline_link=page.link("/timeline", entity=known.name),
                       fragment=page.link(f"/entities/{quote(ref, safe='')}/timeline"))


def entity_timeline(request: Request, ref: str) -> HTMLResponse:
    """The entity page's timeline, as an HTML fragment (the profile is remembered from the page)."""
    page = Page(request)
    with page.reading() as conn:
        known = profile(page.database, conn, ref, page.as_of)
        made = build_timeline(page.database, conn, None, str(known.id), None, None, page.as_of, None, None)
    return page.render("_entity_timeline.html", timeline=made, strip=_strip(made, width=720),
                       timeline_link=page.link("/timeline", entity=known.name))


def article(request: Request, article_id: str) -> HTMLResponse:
    """One article, with its timexes and entity mentions highlighted in the text."""
    page = Page(request)
    with page.reading() as conn:
        detail = article_detail(conn, article_id, page.as_of)
    marks = [Mark(t.start, t.end, "timex", f"{t.type} {t.value}" + (f" ({t.earliest} – {t.latest})"
                                                                     if t.earliest and t.earliest != t.latest else ""))
             for t in detail.timexes]
    marks += [Mark(m.start, m.end, "entity", f"{m.label}: {m.entity or m.text}",
                   page.link(f"/entities/{m.entity_id}") if m.entity_id is not None else None)
              for m in detail.mentions]
    legend = [("timex", f"{len(detail.timexes)} time expressions"),
              ("entity", f"{len(detail.mentions)} entity mentions")]
    counts: dict[tuple[int, str, str], int] = {}
    for m in detail.mentions:
        if m.entity_id is not None:
            key = (m.entity_id, m.entity or m.text, m.label)
            counts[key] = counts.get(key, 0) + 1
    entities = sorted(((i, name, label, n) for (i, name, label), n in counts.items()), key=lambda e: (-e[3], e[1]))
    return page.render("article.html", article=detail, paragraphs=marked_paragraphs(detail.text, marks),
                       legend=legend, entities=entities)


def _strip(made: CitedTimeline, width: int = 960) -> Markup:
    points = [(d.date, len(d.sources), d.sentences[0].text if d.sentences else d.date.isoformat(),
               f"#{d.unique_id}") for d in made.dates]
    return timeline_strip(points, [(e.start, e.end, e.headline) for e in made.eras], width=width)


def timeline(request: Request) -> HTMLResponse:
    """The summarized timeline of a query or an entity, as it could have been written as of the date."""
    page = Page(request)
    params = request.query_params
    q, who = (params.get("q") or "").strip() or None, (params.get("entity") or "").strip() or None
    made = None
    if q or who:
        with page.reading() as conn:
            made = build_timeline(page.database, conn, q, who, params.get("from") or None,
                                  params.get("to") or None, page.as_of, None, None)
    exports = {name: page.link("/api/exports/timeline", format=name, q=q, entity=who)
               for name in ("timelinejs", "json", "markdown")}
    return page.render("timeline.html", timeline=made, q=q or "", who=who or "", exports=exports,
                       strip=_strip(made) if made else None)


def stories_page(request: Request) -> HTMLResponse:
    """The biggest stories as of the date."""
    page = Page(request)
    with page.reading() as conn:
        found = story_window(page.database, conn, page.as_of, 2, 0, 40)
    return page.render("stories.html", stories=found)


def story_page(request: Request, story_id: str) -> HTMLResponse:
    """One story: its span, outlets, entities, and its articles day by day (copies under their original)."""
    page = Page(request)
    with page.reading() as conn:
        found = story(conn, story_id, page.as_of)
    per_day: dict[str, int] = {}
    for member in found.members:
        per_day[member.published_day] = per_day.get(member.published_day, 0) + 1
    chart = bar_chart(fill_periods(per_day), label="Articles of this story per day", height=120)
    return page.render("story.html", story=found, chart=chart)


def changes_page(request: Request) -> HTMLResponse:
    """What changed between two dates: new entities, events, revised dates, stories that grew."""
    page = Page(request)
    since = request.query_params.get("since") or None
    until = request.query_params.get("until") or None
    found = None
    if since:
        with page.reading() as conn:
            found = changes_between(page.database, conn, since, window_end(until, page.as_of), 30)
    return page.render("changes.html", changes=found, since=since or "", until=until or "")


def _schema_type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_schema_type(part) for part in schema["anyOf"])
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"list of {_schema_type(schema.get('items', {}))}"
    if "enum" in schema:
        return " | ".join(str(value) for value in schema["enum"])
    return str(schema.get("type", "any"))


def api_reference(request: Request) -> HTMLResponse:
    """The API reference, rendered from our own OpenAPI spec (no script, nothing fetched from elsewhere)."""
    page = Page(request, checked=False)
    spec = request.app.openapi()
    operations = []
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            parameters = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                           "type": _schema_type(p.get("schema", {})), "description": p.get("description", "")}
                          for p in operation.get("parameters", [])]
            responses = {code: _schema_type(body.get("content", {}).get("application/json", {}).get("schema", {}))
                         for code, body in operation.get("responses", {}).items()}
            operations.append({"method": method.upper(), "path": path, "summary": operation.get("summary", ""),
                               "description": operation.get("description", ""), "parameters": parameters,
                               "responses": responses, "tag": (operation.get("tags") or [""])[0]})
    return page.render("api.html", spec=spec, operations=operations)


def error_page(request: Request, status: int, payload: dict[str, Any]) -> Response:
    """The HTML form of the API's error shape, for browsers."""
    return Page(request, checked=False).render("error.html", status=status, error=payload["error"])


ROUTES: list[tuple[str, Callable[..., HTMLResponse]]] = [
    ("/", home),
    ("/articles/{article_id}", article),
    ("/entities", entities),
    ("/entities/{ref}", entity),
    ("/entities/{ref}/timeline", entity_timeline),
    ("/timeline", timeline),
    ("/stories", stories_page),
    ("/stories/{story_id}", story_page),
    ("/changes", changes_page),
    ("/api/docs", api_reference),
]


def install_ui(app: FastAPI) -> Callable[[Request, int, dict[str, Any]], Response]:
    """Mount the static files and the pages on `app`; return the HTML error renderer."""
    app.mount("/static", StaticFiles(directory=_HERE / "static"), name="static")
    for path, endpoint in ROUTES:
        app.add_api_route(path, endpoint, methods=["GET"], response_class=HTMLResponse, include_in_schema=False)
    return error_page
