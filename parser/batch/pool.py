"""A supervised pool of worker processes: chunks of work in, results out in input order.

``Pool(function, workers).run(chunks, window)`` yields ``function(item)`` for every item
of every chunk, in input order, with at most ``window`` chunks in flight. Each worker has
its own pair of pipes and holds at most ``DEPTH`` assignments, so the pool always knows
what a worker was doing when it died:

* the items it had finished are kept (results come back one item at a time);
* the item it was on is charged one death, and the rest of that chunk is retried one item
  per assignment; assignments it had not started go back to the queue as they were;
* an item charged ``GIVE_UP_AFTER`` deaths is not tried again: its result is
  ``lost(item, "SIGKILL")`` (a per-file finding), or ``PoolError`` without ``lost``;
* the dead worker is replaced, and the run goes on.

Nothing ever waits without a bound: pipes are read and written without blocking, worker
exits are watched through their sentinels, and stopping the pool asks the workers to stop
(``STOP_SIGNAL``), then kills what is left after ``STOP_SECONDS`` and reaps it. Built on
``multiprocessing`` processes, not ``ProcessPoolExecutor``, whose shared queue cannot say
which worker held what, and whose shutdown can wait forever on a lock a killed worker held.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import select
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ..errors import ScorelineError
from .frames import Inbox, Outbox
from .pool_stats import Death, PoolStats
from .signals import STOP_SIGNAL, deferred, signal_name
from .worker import WorkerStart
from .worker import main as worker_main

T = TypeVar("T")
R = TypeVar("R")

DEPTH = 2  # assignments a worker holds: one running, one waiting in its pipe
GIVE_UP_AFTER = 2  # deaths charged to one item before it is given up
STOP_SECONDS = 0.5  # how long stopping workers may take before they are killed
REAP_SECONDS = 0.5  # then how long to wait for the killed ones to be gone
POLL_SECONDS = 0.5


class PoolError(ScorelineError):
    """The pool could not finish the run: workers could not be started, or kept dying."""

    exit_code = 4


@dataclass
class _Chunk(Generic[T]):
    """One chunk in input order: its items, their answers, the deaths charged to each."""

    items: Sequence[T]
    answers: list[tuple[str, Any] | None]
    deaths: list[int]
    left: int


@dataclass
class _Assignment:
    """Positions of one chunk handed to one worker, answered in this order."""

    ident: int
    chunk: _Chunk[Any]
    positions: list[int]
    done: int = 0


@dataclass
class _Worker:
    process: Any  # multiprocessing.process.BaseProcess
    inbox: Inbox
    outbox: Outbox
    held: deque[_Assignment] = field(default_factory=deque)


def _cause(process: Any) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        return signal_name(-code)
    return f"exit status {code}"


class Pool(Generic[T, R]):
    """Worker processes running ``function`` on items, supervised (see the module doc).

    ``initializer`` runs once in each worker before its first item (needed where workers
    are spawned rather than forked). Use the pool as a context manager, or call
    ``stop()``: it is safe to call at any time, and returns within about a second.
    """

    def __init__(self, function: Callable[[T], R], workers: int, *,
                 initializer: Callable[[], None] | None = None,
                 lost: Callable[[T, str], R] | None = None,
                 stats: PoolStats | None = None) -> None:
        forking = sys.platform.startswith("linux")
        self._context = multiprocessing.get_context("fork" if forking else None)
        self._forking = forking
        self._function = function
        self._initializer = initializer
        self._lost = lost
        self._size = max(1, workers)
        self.stats = stats if stats is not None else PoolStats()
        self._workers: list[_Worker] = []
        self._ready: deque[_Assignment] = deque()
        self._assignments: dict[int, _Assignment] = {}
        self._next_ident = 0
        self._fruitless = 0  # deaths since an item was last answered

    def __enter__(self) -> Pool[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop(gently=exc[0] is None)

    # ---- running ---------------------------------------------------------------------

    def run(self, chunks: Iterable[Sequence[T]], window: int) -> Iterator[R]:
        """``function(item)`` for each item of each chunk, in order, ``window`` chunks at
        most in flight. An exception the function raised is raised here, in its turn."""
        feed = iter(chunks)
        waiting: deque[_Chunk[T]] = deque()
        fed_all = False
        while True:
            while not fed_all and len(waiting) < max(1, window):
                items = next(feed, None)
                if items is None:
                    fed_all = True
                elif items:
                    waiting.append(self._add(items))
            while waiting and waiting[0].left == 0:
                yield from self._answers(waiting.popleft())
            if not waiting:
                if fed_all:
                    return
                continue
            self._staff()
            self._dispatch()
            self._wait()

    def _add(self, items: Sequence[T]) -> _Chunk[T]:
        chunk: _Chunk[T] = _Chunk(items, [None] * len(items), [0] * len(items), len(items))
        self._ready.append(self._assign(chunk, list(range(len(items)))))
        return chunk

    def _assign(self, chunk: _Chunk[Any], positions: list[int]) -> _Assignment:
        self._next_ident += 1
        assignment = _Assignment(self._next_ident, chunk, positions)
        self._assignments[assignment.ident] = assignment
        return assignment

    def _answers(self, chunk: _Chunk[T]) -> Iterator[R]:
        for answer in chunk.answers:
            assert answer is not None
            kind, value = answer
            if kind == "raised":
                raise value
            yield value

    def _dispatch(self) -> None:
        for worker in self._workers:
            while self._ready and len(worker.held) < DEPTH:
                assignment = self._ready.popleft()
                items = [assignment.chunk.items[p] for p in assignment.positions]
                worker.held.append(assignment)
                worker.outbox.put((assignment.ident, items))

    def _wait(self) -> None:
        """Wait (at most ``POLL_SECONDS``) for answers, writable pipes or exits."""
        readers = [w.inbox.fd for w in self._workers if not w.inbox.closed]
        readers += [w.process.sentinel for w in self._workers]
        writers = [w.outbox.fd for w in self._workers if w.outbox.waiting]
        with contextlib.suppress(InterruptedError):
            select.select(readers, writers, [], POLL_SECONDS)
        for worker in list(self._workers):
            worker.outbox.flush()
            self._receive(worker)
            if worker.process.exitcode is not None:  # reaped: no more answers can come
                self._receive(worker)
                self._bury(worker)

    def _receive(self, worker: _Worker) -> None:
        for ident, index, kind, value in worker.inbox.drain():
            assignment = self._assignments[ident]
            position = assignment.positions[index]
            self._answer(assignment.chunk, position, (kind, value))
            assignment.done = index + 1
            if assignment.done == len(assignment.positions):
                worker.held.remove(assignment)
                del self._assignments[ident]

    def _answer(self, chunk: _Chunk[Any], position: int, answer: tuple[str, Any]) -> None:
        if chunk.answers[position] is None:
            chunk.answers[position] = answer
            chunk.left -= 1
        self._fruitless = 0

    # ---- deaths ----------------------------------------------------------------------

    def _bury(self, worker: _Worker) -> None:
        """A worker died: charge the item it was on, queue the rest again, replace it."""
        self._workers.remove(worker)
        self._close(worker)
        cause = _cause(worker.process)
        self.stats.deaths.append(Death(worker.process.pid, cause))
        self._fruitless += 1
        again: list[_Assignment] = []
        for number, assignment in enumerate(worker.held):
            del self._assignments[assignment.ident]
            remaining = assignment.positions[assignment.done:]
            if number > 0:  # not started: queued again as it was
                again.append(self._assign(assignment.chunk, remaining))
                continue
            chunk, culprit = assignment.chunk, remaining[0]
            chunk.deaths[culprit] += 1
            if chunk.deaths[culprit] >= GIVE_UP_AFTER:
                self._give_up(chunk, culprit, cause)
                remaining = remaining[1:]
            again.extend(self._assign(chunk, [position]) for position in remaining)
        self._ready.extendleft(reversed(again))
        if self._fruitless > 2 * self._size + GIVE_UP_AFTER:
            raise PoolError(f"{self._fruitless} worker processes died in a row (the last: "
                            f"{cause}); the run could not finish")

    def _give_up(self, chunk: _Chunk[Any], position: int, cause: str) -> None:
        item = chunk.items[position]
        if self._lost is None:
            raise PoolError(f"{item}: the worker process died twice on it ({cause}); "
                            "the run could not finish")
        self.stats.given_up += 1
        self._answer(chunk, position, ("ok", self._lost(item, cause)))

    # ---- starting and stopping -------------------------------------------------------

    def _staff(self) -> None:
        """Start workers until the pool has its size (at the start, and after a death)."""
        while len(self._workers) < self._size:
            try:
                with deferred():  # a worker started is a worker the pool will stop
                    self._workers.append(self._start())
            except OSError as exc:
                raise PoolError(f"cannot start a worker process: {exc.strerror or exc}; "
                                "the run could not finish") from None

    def _start(self) -> _Worker:
        tasks_in, tasks_out = self._context.Pipe(duplex=False)
        results_in, results_out = self._context.Pipe(duplex=False)
        foreign: tuple[int, ...] = ()  # a forked worker inherits them all: it closes these
        if self._forking:
            foreign = (tasks_out.fileno(), results_in.fileno(),
                       *(fd for w in self._workers for fd in (w.inbox.fd, w.outbox.fd)))
        start = WorkerStart(self._function, self._initializer, tasks_in, results_out,
                            os.getpid(), foreign)
        process = self._context.Process(target=worker_main, args=(start,),
                                        name="scoreline-worker")
        try:
            process.start()
        finally:
            tasks_in.close()
            results_out.close()
        worker = _Worker(process, Inbox(os.dup(results_in.fileno())),
                         Outbox(os.dup(tasks_out.fileno())))
        tasks_out.close()
        results_in.close()
        return worker

    def stop(self, *, gently: bool = False) -> None:
        """End every worker: ``gently`` (the work is done) by closing their pipes, else by
        ``STOP_SIGNAL``; what is still alive after ``STOP_SECONDS`` is killed. Bounded."""
        with deferred():
            workers, self._workers = self._workers, []
            for worker in workers:
                if not gently:
                    with contextlib.suppress(OSError):
                        os.kill(worker.process.pid, STOP_SIGNAL)
                self._close(worker)
            self._await_exits(workers, STOP_SECONDS)
            for worker in workers:
                if worker.process.exitcode is None:
                    with contextlib.suppress(OSError):
                        os.kill(worker.process.pid, signal.SIGKILL)
            self._await_exits(workers, REAP_SECONDS)

    @staticmethod
    def _await_exits(workers: list[_Worker], seconds: float) -> None:
        deadline = time.monotonic() + seconds
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))

    @staticmethod
    def _close(worker: _Worker) -> None:
        for fd in (worker.inbox.fd, worker.outbox.fd):
            with contextlib.suppress(OSError):
                os.close(fd)
