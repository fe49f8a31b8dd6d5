"""The application factory: one process serves the JSON API under `/api` and the web UI under `/`."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import version
from pathlib import Path

from fastapi import FastAPI

from dateline.api import problems
from dateline.api.database import Database
from dateline.api.headers import SecurityHeaders
from dateline.api.limits import BodyLimit, Rate, RateLimit, TokenBuckets
from dateline.api.routes import (
    articles,
    changes,
    entities,
    events,
    ingest,
    search,
    stats,
    stories,
    timelines,
)
from dateline.clock import Clock

DEFAULT_MAX_BODY = 64 * 1024 * 1024
DEFAULT_RATE = Rate(per_second=50, burst=200)


def create_app(db_path: str | Path, *, token: str | None = None, max_body_bytes: int = DEFAULT_MAX_BODY,
               rate: Rate | None = DEFAULT_RATE, clock: Clock | None = None, ui: bool = True) -> FastAPI:
    """The dateline web application over the store at `db_path` (created if missing).

    `token` enables the write endpoints (without it they answer 403); `rate` limits requests per client address
    (None: no limit); `clock` stamps `first_seen_at` for POSTed articles (default: the system clock).
    """
    database = Database(db_path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()

    app = FastAPI(
        title="dateline", version=version("dateline"), lifespan=lifespan, responses=problems.ERROR_RESPONSES,
        description="Point-in-time access to a corpus of dated news: every read takes `as_of`.",
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
    )
    app.state.database = database
    app.state.token = token
    app.state.clock = clock
    for module in (articles, search, entities, events, timelines, stories, changes, stats, ingest):
        app.include_router(module.router, prefix="/api")
    renderer = None
    if ui:
        from dateline.ui import install_ui

        renderer = install_ui(app)
    problems.install(app, renderer)
    if rate is not None:
        app.add_middleware(RateLimit, buckets=TokenBuckets(rate))
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


SETTINGS_VARIABLE = "DATELINE_SERVE"


def settings_environment(db_path: str | Path, *, max_body_bytes: int, rate: Rate | None) -> dict[str, str]:
    """The environment that lets `app_from_environment` rebuild the same app in a worker process (the token
    travels in `DATELINE_TOKEN`, never in this variable)."""
    settings = {"db": str(db_path), "max_body_bytes": max_body_bytes,
                "rate": None if rate is None else [rate.per_second, rate.burst]}
    return {SETTINGS_VARIABLE: json.dumps(settings)}


def app_from_environment() -> FastAPI:
    """The app described by `DATELINE_SERVE` and `DATELINE_TOKEN`: the factory uvicorn calls in each worker."""
    settings = json.loads(os.environ[SETTINGS_VARIABLE])
    rate = settings["rate"]
    return create_app(settings["db"], token=os.environ.get("DATELINE_TOKEN") or None,
                      max_body_bytes=int(settings["max_body_bytes"]), rate=Rate(rate[0], rate[1]) if rate else None)
