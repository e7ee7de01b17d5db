"""The loop a pool's worker process runs: read an assignment, run the function on each of
its items in order, send each result back as soon as it is ready.

Messages in: ``(ident, items)``; the end of the pipe means "no more work". Messages out:
``(ident, index, "ok", value)`` or ``(ident, index, "raised", exception)``: an exception
the function raised travels back to be raised in the main process, in input order.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Callable, Sequence
from typing import Any

from ..records import record
from . import frames
from .signals import Stopped, become_worker, stop_requested

# exit status of a worker whose own loop failed (not the function: its errors travel back)
EXIT_BROKEN = 70


@record
class WorkerStart:
    """What a worker is started with: its function and pipes, and what to close."""

    function: Callable[[Any], Any]
    initializer: Callable[[], None] | None
    tasks: Any  # multiprocessing Connection: its descriptor is read raw
    results: Any
    parent: int
    foreign: tuple[int, ...] = ()  # the pool's descriptors of the other workers (fork)


def main(start: WorkerStart) -> None:
    """The worker process's entry point: it never returns (``os._exit``)."""
    code = 0
    try:
        become_worker(start.parent)
        for fd in start.foreign:
            with contextlib.suppress(OSError):
                os.close(fd)
        _quiet_standard_streams()
        if start.initializer is not None:
            start.initializer()
        serve(start.function, start.tasks.fileno(), start.results.fileno())
    except Stopped:
        code = 0
    except BaseException:  # our own loop failed: the supervisor sees the exit status
        code = EXIT_BROKEN
    finally:
        os._exit(code)


def serve(function: Callable[[Any], Any], tasks: int, results: int) -> None:
    """Run assignments from ``tasks`` until the pipe ends, answering on ``results``."""
    while True:
        stop_requested()
        message = frames.receive(tasks)
        if message is None:
            return
        ident, items = message
        _run(function, ident, items, results)


def _run(function: Callable[[Any], Any], ident: int, items: Sequence[Any],
         results: int) -> None:
    for index, item in enumerate(items):
        stop_requested()
        try:
            answer: tuple[str, Any] = ("ok", function(item))
        except Exception as error:
            answer = ("raised", error)
        try:
            frames.send(results, (ident, index, *answer))
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            problem = RuntimeError(f"the result for {item!r} cannot be sent back from the "
                                   f"worker: {type(error).__name__}: {error}")
            frames.send(results, (ident, index, "raised", problem))


def _quiet_standard_streams() -> None:
    """Standard input and output go to /dev/null: a worker never holds the caller's pipe
    of the run's output (a caller waiting for its end), nor writes into it."""
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1):
        with contextlib.suppress(OSError):
            os.dup2(devnull, fd)
    os.close(devnull)
