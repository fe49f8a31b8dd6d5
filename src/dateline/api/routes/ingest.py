"""`POST /api/ingest`: add articles sent in the request body (JSONL or seed lines); needs the server's token."""

from __future__ import annotations

import hashlib
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from dateline.api.database import Database
from dateline.api.models import IngestProblem, IngestResult
from dateline.api.params import WriteToken, database
from dateline.api.problems import WRITE_RESPONSES
from dateline.asof import parse_as_of
from dateline.clock import Clock
from dateline.ingest.run import SEEN_AT_PUBLISHED, IngestOptions, IngestReport, ingest
from dateline.pipeline import PipelineConfig

router = APIRouter(tags=["ingest"])
_SUFFIX = {"jsonl": ".jsonl", "seed": ".txt"}
_BODY = {"required": True, "content": {
    "application/x-ndjson": {"schema": {"type": "string"}, "example": '{"date": "2023-06-22", "text": "..."}'},
    "text/plain": {"schema": {"type": "string"}, "example": " date 2023-06-22 Hayley Atwell ..."},
}}


def ingest_body(db: Database, body: bytes, format: str, seen_at: str | None, mode: Literal["full", "fast"],
                clock: Clock | None) -> IngestReport:
    """Ingest one request body through the same reader and pipeline as `dateline ingest`.

    The body is written to a file named after its hash, so the seed reader's per-file record ids are the same
    whenever the same body is sent again (and a resend is recognized as already stored).
    """
    stamp: datetime | str | None = seen_at
    if seen_at is not None and seen_at != SEEN_AT_PUBLISHED:
        stamp = parse_as_of(seen_at)
        if len(seen_at.strip()) == 10:  # a bare date stamps its first instant, as `dateline ingest --seen-at`
            stamp = stamp.replace(hour=0, minute=0, second=0, microsecond=0)
    name = f"post-{hashlib.sha256(body).hexdigest()[:16]}{_SUFFIX[format]}"
    with tempfile.TemporaryDirectory(prefix="dateline-ingest-") as folder:
        path = Path(folder) / name
        path.write_bytes(body)
        # One analysis worker: a request's batch is small, and each worker of the per-run pool loads the models anew.
        options = IngestOptions(format=format, seen_at=stamp, pipeline=PipelineConfig(mode=mode), workers=1)
        with db.writing() as store:
            return ingest(store, [path], options, clock=clock)


@router.post("/ingest", response_model=IngestResult, dependencies=[WriteToken], summary="Ingest articles",
             openapi_extra={"requestBody": _BODY}, responses=WRITE_RESPONSES)
async def ingest_endpoint(
    request: Request,
    format: Annotated[Literal["jsonl", "seed"], Query(description="How the body is written.")] = "jsonl",
    seen_at: Annotated[str | None, Query(
        description="Stamp first_seen_at with this date instead of now, or `published`.", max_length=40)] = None,
    mode: Annotated[Literal["full", "fast"], Query(description="`fast` skips the statistical models.")] = "full",
) -> IngestResult:
    """Store the articles in the body; every rejected record is reported with its code and line."""
    body = await request.body()
    report = await run_in_threadpool(ingest_body, database(request), body, format, seen_at, mode,
                                     request.app.state.clock)
    return IngestResult(
        added=report.added, revisions=report.revisions, duplicates=report.duplicates, rejected=report.rejected,
        problems=[IngestProblem(code=p.code.value, source=Path(p.source).name, location=p.location,
                                reason=p.reason) for p in report.problems],
    )
