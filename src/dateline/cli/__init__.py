"""The `dateline` command. One command a module; each registers itself on `app`."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="dateline", no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    help="Turn a corpus of dated news into a point-in-time knowledge base.",
)


def main() -> None:
    """Entry point of the console script."""
    from dateline.cli import demo, ingest, show, stats  # noqa: F401  (each module registers its commands)

    app()
