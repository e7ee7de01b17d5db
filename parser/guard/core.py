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
  pre-checks (``parser.wikiplan``) keep mwparserfromhell out of its slow paths anyway.

The memory ceiling is what parsing one file may add to the address space the process
already uses (``--max-memory`` MiB above it), so a long batch run or a library caller
holding data of its own is not penalised.

Stages call ``at(line)`` as they go, so a timeout names the line being parsed.
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
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from ..errors import ParseError, ScorelineError

T = TypeVar("T")

# Wall-clock deadline of an isolated child: generous, since a loaded machine stretches
# CPU seconds; it only matters for a child that stops using the CPU.
WALL_FACTOR = 4.0
WALL_GRACE = 10.0
_HAS_FORK = hasattr(os, "fork") and sys.platform != "emscripten"

_where = 0
_limits: tuple[float | None, int | None] = (None, None)
# Set when the timer fires: the exception it raises can come back as another one (the C
# tokenizer turns an error raised inside it into a ParserError: "empty token stack").
_expired = False
_armed = False


def at(line: int) -> None:
    """Record the line being parsed (cheap: one global store)."""
    global _where
    _where = line


class _Timeout(BaseException):
    """Raised by the CPU timer; a BaseException so that ``except Exception`` lets it pass."""


def failure(error: BaseException, path: str, *, seconds: float | None = None,
            memory_mib: int | None = None) -> ParseError:
    """The ``ParseError`` for an exception raised while parsing ``path``."""
    from lark.exceptions import LarkError
    from mwparserfromhell.parser import ParserError

    line = _where or None
    near = f" (near line {line})" if line else ""
    seconds = seconds or _limits[0]
    memory_mib = memory_mib or _limits[1]
    if isinstance(error, _Timeout) or _expired:
        budget = f"{seconds:g} CPU seconds" if seconds else "its time budget"
        return ParseError(path, f"parsing took longer than {budget}{near}; the file was not "
                          "converted (see --timeout)", code="PA008", line=line)
    if isinstance(error, MemoryError):
        ceiling = f"{memory_mib} MiB" if memory_mib else "the available memory"
        return ParseError(path, f"parsing needed more than {ceiling}{near}; the file was not "
                          "converted (see --max-memory)", code="PA009", line=line)
    if isinstance(error, RecursionError):
        return ParseError(path, f"the document is nested too deeply to parse{near}",
                          code="PA007", line=line)
    if isinstance(error, ParserError):
        return ParseError(path, f"the wiki parser failed{near}: {_short(error)}",
                          code="PA007", line=line)
    if isinstance(error, LarkError):
        return ParseError(path, f"the grammar parser failed{near}: {_short(error)}",
                          code="PA007", line=line)
    return ParseError(path, f"internal error{near}: {type(error).__name__}: {_short(error)} "
                      "(a scoreline bug: please report it with the file)", code="PA010",
                      line=line)


def parser_failures() -> tuple[type[BaseException], ...]:
    """The exceptions that mean "a parser gave up on this input" rather than a bug."""
    from lark.exceptions import LarkError
    from mwparserfromhell.parser import ParserError

    return (RecursionError, MemoryError, ParserError, LarkError)


def _short(error: BaseException, limit: int = 160) -> str:
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


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
        return _isolated(func, args, path, seconds, memory_mib)
    return _in_process(func, args, path, seconds, memory_mib)


# ---- in-process ----------------------------------------------------------------------


def _in_process(func: Callable[..., T], args: tuple[Any, ...], path: str,
                seconds: float | None, memory_mib: int | None) -> T:
    global _where, _limits, _expired
    _where, saved, _limits, _expired = 0, _limits, (seconds, memory_mib), False
    try:
        with _cpu_timer(seconds), _address_space(memory_mib):
            result = func(*args)
        if _expired:  # the timer fired but its exception was swallowed: do not trust this
            raise _Timeout()
        return result
    except (ScorelineError, KeyboardInterrupt):
        raise
    except (_Timeout, Exception) as error:
        raise failure(error, path, seconds=seconds, memory_mib=memory_mib) from None
    finally:
        _limits, _expired = saved, False


# After the budget the timer keeps firing at this interval: C code that calls back into
# Python may swallow the first exception (a Rust or C extension clearing the error), and
# every later one must find its way out too.
REPEAT_SECONDS = 0.05


@contextlib.contextmanager
def _cpu_timer(seconds: float | None) -> Iterator[None]:
    global _armed
    usable = (seconds is not None and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    assert seconds is not None

    def expire(signum: int, frame: object) -> None:
        global _expired
        if _armed:
            _expired = True
            raise _Timeout()

    previous = signal.signal(signal.SIGPROF, expire)
    _armed = True
    signal.setitimer(signal.ITIMER_PROF, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        while True:  # a late tick must not cut the clean-up short
            try:
                _armed = False
                signal.setitimer(signal.ITIMER_PROF, 0)
                signal.signal(signal.SIGPROF, previous)
                break
            except _Timeout:
                continue


@contextlib.contextmanager
def _address_space(memory_mib: int | None) -> Iterator[None]:
    try:
        import resource
    except ImportError:  # not POSIX
        yield
        return
    if memory_mib is None or threading.current_thread() is not threading.main_thread():
        yield  # from another thread the ceiling would squeeze every thread of the process
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = _address_space_now() + memory_mib * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space_now() -> int:
    """Bytes of address space this process uses already (0 when the system does not say).

    The ceiling is set this much above it, so ``--max-memory`` is what parsing one
    file may add, whatever the process held before.
    """
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


# ---- isolated ------------------------------------------------------------------------


def _isolated(func: Callable[..., T], args: tuple[Any, ...], path: str,
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
            result: tuple[str, Any] = ("ok", _in_process(func, args, path, seconds,
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
