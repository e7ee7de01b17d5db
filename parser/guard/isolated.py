"""Isolated parsing: the call runs in a forked child that sets its own memory ceiling,
a hard CPU limit a second after the budget, no core files, and dies with its parent. The
result comes back pickled through a pipe; a child killed by a signal or silent past a
wall-clock deadline is reported as a ``ParseError`` too.
"""

from __future__ import annotations

import contextlib
import faulthandler
import math
import os
import pickle
import select
import signal
import sys
import time
from collections.abc import Callable
from typing import Any, TypeVar

from ..errors import ParseError, ScorelineError
from .budget import failure, run_in_process

T = TypeVar("T")

# Wall-clock deadline of an isolated child: generous, since a loaded machine stretches
# CPU seconds; it only matters for a child that stops using the CPU.
WALL_FACTOR = 4.0
WALL_GRACE = 10.0


def run_isolated(func: Callable[..., T], args: tuple[Any, ...], path: str,
              seconds: float | None, memory_mib: int | None) -> T:
    read_end, write_end = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child never returns from here
        os.close(read_end)
        _child(func, args, path, seconds, memory_mib, write_end, parent)
    os.close(write_end)
    try:
        data, timed_out = _collect(read_end, seconds)
    except BaseException:
        _kill(pid)
        raise
    finally:
        os.close(read_end)
    status, cpu = _kill(pid) if timed_out else _reap(pid)
    if timed_out:
        raise ParseError(path, f"parsing did not finish within {_wall(seconds):g} seconds; "
                         "the process was stopped (see --timeout)", code="PA008")
    if data:
        try:
            kind, value = pickle.loads(data)
        except Exception:  # a truncated pickle: the child died while writing
            kind, value = "died", None
        if kind == "ok":
            return value  # type: ignore[no-any-return]
        if kind == "error" and isinstance(value, ScorelineError):
            raise value
        if kind == "interrupted":
            raise KeyboardInterrupt
    raise _death(path, status, cpu, seconds)


def _wall(seconds: float | None) -> float:
    return seconds * WALL_FACTOR + WALL_GRACE if seconds else math.inf


def _collect(fd: int, seconds: float | None) -> tuple[bytes, bool]:
    """Read the child's answer until EOF; (data, True) when the wall deadline passed."""
    deadline = time.monotonic() + _wall(seconds)
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return b"", True
        ready, _, _ = select.select([fd], [], [], min(left, 3600.0))
        if not ready:
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks), False
        chunks.append(chunk)


def _reap(pid: int) -> tuple[int, float]:
    """Wait for the child: (wait status, CPU seconds it used)."""
    _, status, usage = os.wait4(pid, 0)
    return status, usage.ru_utime + usage.ru_stime


def _kill(pid: int) -> tuple[int, float]:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    return _reap(pid)


def _death(path: str, status: int, cpu: float, seconds: float | None) -> ParseError:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if seconds and (number == signal.SIGXCPU or (number == signal.SIGKILL
                                                     and cpu >= seconds)):
            return ParseError(path, f"parsing took longer than {seconds:g} CPU seconds and "
                              "was stopped; the file was not converted (see --timeout)",
                              code="PA008")
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        return ParseError(path, f"the parsing process died ({name}); the file was not "
                          "converted (a scoreline or library bug: please report it)",
                          code="PA010")
    return ParseError(path, f"the parsing process ended without an answer (exit status "
                      f"{os.waitstatus_to_exitcode(status)}); the file was not converted",
                      code="PA010")


def _child(func: Callable[..., Any], args: tuple[Any, ...], path: str,
           seconds: float | None, memory_mib: int | None, fd: int, parent: int) -> None:
    code = 0
    try:
        _die_with_parent(parent)
        faulthandler.disable()  # the parent reports a crash in one line
        _child_limits(seconds)
        try:
            result: tuple[str, Any] = ("ok", run_in_process(func, args, path, seconds,
                                                         memory_mib))
        except KeyboardInterrupt:
            result, code = ("interrupted", None), 130
        except ScorelineError as error:
            result = ("error", error)
        try:
            payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as error:
            payload = pickle.dumps(("error", failure(error, path)))
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
    except BaseException:
        code = 70
    finally:
        os._exit(code)


def _child_limits(seconds: float | None) -> None:
    try:
        import resource
    except ImportError:
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if seconds:
        soft = math.ceil(seconds) + 1
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        if hard == resource.RLIM_INFINITY or hard > soft + 1:
            with contextlib.suppress(ValueError, OSError):
                resource.setrlimit(resource.RLIMIT_CPU, (soft, soft + 1))


def _die_with_parent(parent: int) -> None:
    """Linux: SIGKILL this child when its parent dies (a killed pool worker, say)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(1)
