"""`dateline serve`: the HTTP API and the web UI, in one process, on 127.0.0.1 by default."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from dateline.cli import app
from dateline.cli._util import DbOption, console, failures


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
) -> None:
    """Serve the JSON API (/api, OpenAPI at /api/docs) and the web UI (/) over one database."""
    import uvicorn

    from dateline.api import Rate, create_app

    with failures():
        application = create_app(db, token=token or os.environ.get("DATELINE_TOKEN") or None,
                                 max_body_bytes=max_body_mb * 1024 * 1024,
                                 rate=Rate(rate, burst) if rate > 0 else None)
    console.print(f"dateline serving {db} on http://{host}:{port}/  (API docs: /api/docs"
                  f"{', writes enabled' if token else ', read-only'})")
    uvicorn.run(application, host=host, port=port, log_level="warning")
