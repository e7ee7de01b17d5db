"""The budget inside the calling process: a CPU timer (``ITIMER_PROF``) and an address-space
ceiling (``RLIMIT_AS``) around one call, the line being parsed (``at``), and ``failure``,
which turns whatever stopped a parser into a ``ParseError`` with its ``PA`` code.

The timer interrupts Python code, the regex engine and mwparserfromhell's C tokenizer
(which calls back into Python as it goes); code stuck in a C extension that never does
cannot be stopped here: that is what ``guard.isolated`` is for.
"""


from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from ..errors import ParseError, ScorelineError

T = TypeVar("T")


_where = 0
_limits: tuple[float | None, int | None] = (None, None)
# Set when the timer fires: the exception it raises can come back as another one (the C
# tokenizer turns an error raised inside it into a ParserError: "empty token stack").
_expired = False
_armed = False
# The same holds for Ctrl-C and the stop signals: what their handler raised is kept here, so
# that a KeyboardInterrupt the tokenizer turned into a ParserError still stops the run.
_interrupt: BaseException | None = None
_INTERRUPTS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGUSR1")
                    if hasattr(signal, name))


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
    causes = _chain(error)
    if _expired or any(isinstance(cause, _Timeout) for cause in causes):
        budget = f"{seconds:g} CPU seconds" if seconds else "its time budget"
        return ParseError(path, f"parsing took longer than {budget}{near}; the file was not "
                          "converted (see --timeout)", code="PA008", line=line)
    if any(isinstance(cause, MemoryError) for cause in causes):
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


def _chain(error: BaseException) -> list[BaseException]:
    """``error`` and what it was raised from or while handling: code that fails while it
    handles a ``MemoryError`` (its clean-up needed memory too) or the timer's exception
    raises an error of its own, which must still be reported as what it was."""
    seen: list[BaseException] = []
    cause: BaseException | None = error
    while cause is not None and len(seen) < 16 and all(cause is not s for s in seen):
        seen.append(cause)
        cause = cause.__cause__ or cause.__context__
    return seen


def parser_failures() -> tuple[type[BaseException], ...]:
    """The exceptions that mean "a parser gave up on this input" rather than a bug."""
    from lark.exceptions import LarkError
    from mwparserfromhell.parser import ParserError

    return (RecursionError, MemoryError, ParserError, LarkError)


def _short(error: BaseException, limit: int = 160) -> str:
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


# ---- in-process ----------------------------------------------------------------------


def run_in_process(func: Callable[..., T], args: tuple[Any, ...], path: str,
                seconds: float | None, memory_mib: int | None) -> T:
    global _where, _limits, _expired, _interrupt
    _where, saved, _limits, _expired = 0, _limits, (seconds, memory_mib), False
    saved_interrupt, _interrupt = _interrupt, None
    try:
        with _interrupts_kept(), _cpu_timer(seconds), _address_space(memory_mib):
            result = func(*args)
        if _interrupt is not None:  # interrupted, but the exception was swallowed
            raise _interrupt
        if _expired:  # the timer fired but its exception was swallowed: do not trust this
            raise _Timeout()
        return result
    except (ScorelineError, KeyboardInterrupt):
        if _interrupt is not None:  # e.g. the tokenizer's error, already made a ParseError
            raise _interrupt from None
        raise
    except (_Timeout, Exception) as error:
        if _interrupt is not None:
            raise _interrupt from None
        raise failure(error, path, seconds=seconds, memory_mib=memory_mib) from None
    finally:
        _limits, _expired, _interrupt = saved, False, saved_interrupt


@contextlib.contextmanager
def _interrupts_kept() -> Iterator[None]:
    """Wrap the Python-level handlers of the interrupting signals so that what they raise is
    remembered in ``_interrupt`` (handlers that are SIG_DFL or SIG_IGN are left alone)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.getsignal(number) for number in _INTERRUPTS}

    def keep(signum: int, frame: Any) -> None:
        global _interrupt
        handler = previous[signum]
        try:
            if callable(handler):
                handler(signum, frame)
        except BaseException as exc:
            _interrupt = exc
            raise

    wrapped = [number for number, handler in previous.items() if callable(handler)]
    for number in wrapped:
        signal.signal(number, keep)
    try:
        yield
    finally:
        for number in wrapped:
            signal.signal(number, previous[number])


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
