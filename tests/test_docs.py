"""The README documents every error code and every command: a code or command nobody can look up is a bug."""

from __future__ import annotations

import re
from pathlib import Path

from dateline.cli import load_commands
from dateline.errors import Code

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _documented_codes() -> set[str]:
    codes = set(re.findall(r"\bD\d{3}\b", README))
    for first, last in re.findall(r"\bD(\d{3})[–-]D(\d{3})\b", README):
        codes.update(f"D{n}" for n in range(int(first), int(last) + 1))
    return codes


def test_every_error_code_is_documented() -> None:
    missing = sorted(code.value for code in Code if code.value not in _documented_codes())
    assert not missing, f"add these codes to README.md: {missing}"


def test_every_command_is_documented() -> None:
    app = load_commands()
    names = [command.name for command in app.registered_commands if command.name]
    names += [f"eval {command.name}" for group in app.registered_groups if group.typer_instance
              for command in group.typer_instance.registered_commands if command.name]
    missing = [name for name in names if f"dateline {name}" not in README]
    assert not missing, f"add these commands to README.md: {missing}"
