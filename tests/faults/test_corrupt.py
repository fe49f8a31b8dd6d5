"""A damaged database file is refused at open with D201 and a message that says what to do."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from harness import DATELINE

from dateline.errors import Code, StoreError
from dateline.ingest.run import ingest
from dateline.sample import sample_paths
from dateline.store.db import Store


def _stored(path: Path) -> Path:
    with Store(path) as store:
        ingest(store, sample_paths()[1:])
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _overwrite(path: Path, offset: int, data: bytes) -> None:
    with path.open("r+b") as stream:
        stream.seek(offset)
        stream.write(data)


@pytest.mark.parametrize("damage", ["header", "schema page", "truncated", "not a database"])
@pytest.mark.parametrize("readonly", [False, True])
def test_damaged_file_is_refused_at_open(tmp_path: Path, damage: str, readonly: bool) -> None:
    db = _stored(tmp_path / "damaged.db")
    if damage == "header":
        _overwrite(db, 0, b"this is not SQLite at all")
    elif damage == "schema page":
        _overwrite(db, 100, bytes(range(256)) * 15)
    elif damage == "truncated":
        with db.open("r+b") as stream:
            stream.truncate(1000)
    else:
        db.write_bytes(b"id,text\n1,hello\n" * 100)
    with pytest.raises(StoreError) as raised:
        Store(db, readonly=readonly)
    assert raised.value.code is Code.STORE_CORRUPT
    assert "damaged" in raised.value.message and "backup" in raised.value.message


def test_cli_says_d201_without_a_traceback(tmp_path: Path) -> None:
    db = _stored(tmp_path / "damaged.db")
    _overwrite(db, 0, b"\x00" * 100)
    done = subprocess.run([str(DATELINE), "stats", "--db", str(db)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "[D201]" in done.stderr and "Traceback" not in done.stderr
