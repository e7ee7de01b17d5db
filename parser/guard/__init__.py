"""Guarded parsing: every file gets a time budget and a memory ceiling, and every way
parsing can fail becomes a ``ParseError`` (a finding with a code and a position), never
a traceback.

``run_guarded(func, *args, seconds=..., memory_mib=...)`` calls ``func(*args)``:

* **Isolated** (``isolate=True``, ``--isolate``; needs ``os.fork``): in a forked child
  process, so the parent survives anything. The child sets ``RLIMIT_AS`` (the memory
  ceiling: allocation fails with ``MemoryError``), ``RLIMIT_CPU`` (a hard stop a second
  after the budget, for code stuck in a C extension), no core files, and dies with its
  parent. The result comes back pickled through a pipe; a child killed by a signal or
  silent past a wall-clock deadline is reported as well. It costs about 20 ms per file
  (the fork, and copy-on-write of what the child touches); it works inside the worker
  processes of a ``--jobs`` pool, where a crash then costs one file, not the pool.
* **In-process** (the default, and the fallback without ``fork``): the same timer and
  the address-space ceiling, lowered for the call and restored after it, where they can
  be used (the main thread of a POSIX process; elsewhere the call runs without them).
  It costs nothing measurable per file. The timer interrupts Python code, the regex
  engine and mwparserfromhell's C tokenizer (which calls back into Python as it goes);
  code stuck in a C extension that never does cannot be stopped in this mode, and a
  crash in one takes the process down: that is what isolation is for. The wiki layer's
  pre-checks (``parser.markup.plan``) keep mwparserfromhell out of its slow paths anyway.

The memory ceiling is what parsing one file may add to the address space the process
already uses (``--max-memory`` MiB above it), so a long batch run or a library caller
holding data of its own is not penalised.

Stages call ``at(line)`` as they go, so a timeout names the line being parsed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from .budget import at, failure, parser_failures, run_in_process
from .isolated import run_isolated

__all__ = ["at", "failure", "parser_failures", "run_guarded"]

T = TypeVar("T")
_HAS_FORK = hasattr(os, "fork") and sys.platform != "emscripten"


def run_guarded(func: Callable[..., T], *args: Any, path: str = "<string>",
                seconds: float | None = None, memory_mib: int | None = None,
                isolate: bool = False) -> T:
    """``func(*args)`` under a CPU-time budget and a memory ceiling (None or 0: no limit).

    Returns what ``func`` returns (it must be picklable when isolated). Raises the
    ``ScorelineError`` ``func`` raised, or a ``ParseError`` (PA007-PA010) for a
    timeout, exhausted memory, a parser failure, an internal error or a dead child.
    ``KeyboardInterrupt`` passes through (the child is killed first).
    """
    seconds = seconds or None
    memory_mib = memory_mib or None
    if isolate and _HAS_FORK:
        return run_isolated(func, args, path, seconds, memory_mib)
    return run_in_process(func, args, path, seconds, memory_mib)
