"""The `dateline` command. One command a module in this package; each registers itself on `app` (or on
`eval_app` for `dateline eval ...`) when imported, and `main` imports them all."""

from __future__ import annotations

import importlib
import pkgutil

import typer

app = typer.Typer(
    name="dateline", no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    help="Turn a corpus of dated news into a point-in-time knowledge base.",
)
eval_app = typer.Typer(no_args_is_help=True, help="Score dateline against gold data (TimeML, Timeline17, ...).")
app.add_typer(eval_app, name="eval")


def load_commands() -> typer.Typer:
    """Import every command module so each registers itself; return the app."""
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")
    return app


def main() -> None:
    """Entry point of the console script."""
    load_commands()()
