"""`dateline serve`: the HTTP API and the web UI, in one process, on 127.0.0.1 by default."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from dateline.cli import app
from dateline.cli._util import DbOption, console, failures
from dateline.store.db import Store


@app.command("serve")
def serve_command(
    db: DbOption,
    host: Annotated[str, typer.Option("--host", help="Address to bind; 0.0.0.0 exposes it to the network.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535)] = 8000,
    token: Annotated[str | None, typer.Option(
        "--token", envvar="DATELINE_TOKEN", help="Token for the write endpoints (POST /api/ingest); none: read-only.",
        show_default=False)] = None,
    rate: Annotated[float, typer.Option("--rate", min=0, help="Requests a second per client (0: no limit).")] = 50,
    burst: Annotated[int, typer.Option("--burst", min=1, help="Requests a client may send at once.")] = 200,
    max_body_mb: Annotated[int, typer.Option("--max-body-mb", min=1, help="Largest request body, in MiB.")] = 64,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Server processes (the rate limit applies to "
                                                                    "each).")] = 1,
) -> None:
    """Serve the JSON API (/api, reference at /api/docs) and the web UI (/) over one database."""
    import uvicorn

    from dateline.api import Rate, create_app
    from dateline.api.app import settings_environment

    limit = Rate(rate, burst) if rate > 0 else None
    with failures():
        if workers == 1:
            application = create_app(db, token=token, max_body_bytes=max_body_mb * 1024 * 1024, rate=limit)
        else:
            Store(db).close()  # create and migrate it once, before the workers open it
    console.print(f"dateline serving {db} on http://{host}:{port}/  (API reference: /api/docs"
                  f"{', writes enabled' if token else ', read-only'}{f', {workers} workers' if workers > 1 else ''})")
    if workers == 1:
        uvicorn.run(application, host=host, port=port, log_level="warning")
        return
    os.environ.update(settings_environment(db, max_body_bytes=max_body_mb * 1024 * 1024, rate=limit))
    if token:
        os.environ["DATELINE_TOKEN"] = token
    uvicorn.run("dateline.api.app:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_level="warning")
