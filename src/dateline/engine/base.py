"""The contract every engine keeps: run batch jobs in parallel, return their results in order, with bounded memory.

A job is a picklable function of no arguments (a `functools.partial` of a module-level function) with a label
that names its batch in errors. At most `window` jobs are in flight at once, so a corpus of any size streams
through in constant memory. A run that turns out to be a single job runs in this process: starting workers would
cost more than it saves (and it keeps small ingests, such as tests and demos, quick). A worker lost mid-job is
D701 (`EngineError`), naming the batch.

A batch is cut into one part a worker (`Engine.parts`), each part its own job, so that every worker takes a share
of every batch: the last batch of a run ends on all workers at about the same time instead of on one while the
others idle, and the writer gets each batch sooner. `gathered` puts the parts' results back together.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, pairwise
from types import TracebackType
from typing import Generic, Protocol, TypeVar

from dateline.errors import EngineError

K = TypeVar("K")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)
T = TypeVar("T")

# The fewest articles worth a job of their own: below that, a task's fixed cost (a process hop, a shard of six
# files, a model call) outweighs spreading the work.
SMALLEST_PART = 10


def cut(items: Sequence[T], count: int) -> list[Sequence[T]]:
    """`items` cut into `count` contiguous runs of near-equal length (the first ones longer by one), in order."""
    size, extra = divmod(len(items), count)
    cuts = [index * size + min(index, extra) for index in range(count + 1)]
    return [items[start:end] for start, end in pairwise(cuts)]


class Pending(Protocol[R_co]):
    """A job running somewhere: `concurrent.futures.Future` and `distributed.Future` both fit."""

    def result(self) -> R_co: ...


@dataclass(frozen=True)
class Job(Generic[R]):
    """One batch's work, and how to name the batch if its worker is lost."""

    run: Callable[[], R]
    label: str


class _Done(Generic[R]):
    def __init__(self, value: R) -> None:
        self._value = value

    def result(self) -> R:
        return self._value


class Engine(ABC):
    """Runs jobs somewhere. Use as a context manager; workers start on the first job that needs them."""

    name: str = ""
    # What waiting for a job raises when its worker died (the pool broke, Dask gave up on the task).
    lost: tuple[type[BaseException], ...] = ()

    def __init__(self, workers: int) -> None:
        self.workers = workers

    @property
    def window(self) -> int:
        """How many jobs may be in flight at once: enough to keep every worker busy, no more."""
        return 2 * self.workers

    def parts(self, items: Sequence[T]) -> list[Sequence[T]]:
        """`items` cut into contiguous runs of near-equal length, in order: one a worker, fewer when a run would
        be shorter than `SMALLEST_PART`, and always at least one (possibly empty) run."""
        return cut(items, max(1, min(self.workers, len(items) // SMALLEST_PART)))

    @abstractmethod
    def _submit(self, job: Callable[[], R]) -> Pending[R]:
        """Start one job on a worker."""

    @abstractmethod
    def close(self) -> None:
        """Stop the workers this engine started (a no-op until they start)."""

    def run(self, jobs: Iterable[tuple[K, Job[R]]]) -> Iterator[tuple[K, R]]:
        """(key, result) for each (key, job) given, in the order given."""
        source = iter(jobs)
        first = next(source, None)
        if first is None:
            return
        second = next(source, None)
        if second is None:
            yield first[0], first[1].run()
            return
        pending: deque[tuple[K, Job[R], Pending[R]]] = deque()
        for key, job in chain((first, second), source):
            with self._losing(job):
                pending.append((key, job, self._submit(job.run)))
            if len(pending) >= self.window:
                yield self._wait(*pending.popleft())
        while pending:
            yield self._wait(*pending.popleft())

    def _wait(self, key: K, job: Job[R], running: Pending[R]) -> tuple[K, R]:
        with self._losing(job):
            return key, running.result()

    @contextmanager
    def _losing(self, job: Job[R]) -> Iterator[None]:
        """Turn the news that a worker died (on submitting or waiting) into D701, naming the batch."""
        try:
            yield
        except self.lost as error:
            raise EngineError(
                f"the {self.name} engine lost a worker ({type(error).__name__}: {error}); {job.label} and the "
                "batches after it were not stored; run the same command again to resume"
            ) from None

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def gathered(results: Iterable[tuple[tuple[K, int], R]]) -> Iterator[tuple[K, list[R]]]:
    """(key, results) for each batch, from its parts' results keyed (batch key, parts after this one), in order; each
    batch is handed on as soon as its last part is in (not when the next batch's first part is)."""
    done: list[R] = []
    for (key, after), result in results:
        done.append(result)
        if after == 0:
            yield key, done
            done = []
