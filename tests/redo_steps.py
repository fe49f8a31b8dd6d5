"""Counting, and killing, the steps of long entity redos (see the `steps` fixture)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Steps:
    """The commits of long entity redos (`store.db.commit_step`) counted, and the one right after which the process
    dies (raises `Killed`, leaving the store as a kill -9 would; 0: none)."""

    class Killed(Exception):
        pass

    count: int = 0
    kill_after: int = 0

    def reset(self, kill_after: int = 0) -> None:
        self.count, self.kill_after = 0, kill_after
