"""The contract every engine keeps: analyze batches in parallel, return them in order, with bounded memory.

At most `window` batches are in flight at once, so a corpus of any size streams through in constant memory.
A run that turns out to be a single batch is analyzed in this process: starting workers would cost more than it
saves (and it keeps small ingests, such as tests and demos, quick).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Protocol, TypeVar

from dateline.article import Article
from dateline.engine.work import analyze_batch
from dateline.pipeline import Analysis, PipelineConfig

K = TypeVar("K")


class Pending(Protocol):
    """A batch being analyzed somewhere: `concurrent.futures.Future` and `distributed.Future` both fit."""

    def result(self) -> list[Analysis]: ...


class _Done:
    def __init__(self, value: list[Analysis]) -> None:
        self._value = value

    def result(self) -> list[Analysis]:
        return self._value


class Engine(ABC):
    """Runs `analyze_batch` somewhere. Use as a context manager; workers start on the first batch that needs them."""

    name: str = ""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    @property
    def window(self) -> int:
        """How many batches may be in flight at once: enough to keep every worker busy, no more."""
        return 2 * self.workers

    @abstractmethod
    def _submit(self, articles: list[Article], config: PipelineConfig) -> Pending:
        """Start analyzing one batch on a worker."""

    @abstractmethod
    def close(self) -> None:
        """Stop the workers this engine started (a no-op until they start)."""

    def analyze(self, batches: Iterable[tuple[K, list[Article]]], config: PipelineConfig
                ) -> Iterator[tuple[K, list[Analysis]]]:
        """(key, analyses) for each (key, articles) given, in the order given; analyses align with articles."""
        source = iter(batches)
        first = next(source, None)
        if first is None:
            return
        second = next(source, None)
        if second is None:
            yield first[0], analyze_batch(first[1], config)
            return
        pending: deque[tuple[K, Pending]] = deque()
        for key, articles in _chain(first, second, source):
            pending.append((key, self._submit(articles, config) if articles else _Done([])))
            if len(pending) >= self.window:
                done_key, done = pending.popleft()
                yield done_key, done.result()
        while pending:
            done_key, done = pending.popleft()
            yield done_key, done.result()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def _chain(first: tuple[K, list[Article]], second: tuple[K, list[Article]],
           rest: Iterator[tuple[K, list[Article]]]) -> Iterator[tuple[K, list[Article]]]:
    yield first
    yield second
    yield from rest
