"""Signals of a batch run: SIGTERM and SIGHUP stop it the way Ctrl-C does, and a worker
process never outlives the process that started it.

The main process turns SIGTERM and SIGHUP into ``Stopped`` (a ``KeyboardInterrupt``, so
every clean-up written for Ctrl-C runs for them too). Worker processes leave those signals
to the main process and are stopped by it with ``STOP_SIGNAL`` (also when its exception is
swallowed: the worker's loop checks between items, and the "Exception ignored" report of
such a swallowed stop is not written); they die with their parent
(``PR_SET_PDEATHSIG`` on Linux) and, everywhere, check once a second that their parent is
still the one that started them (a watchdog on ``SIGALRM``, no thread).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

# the signals the main process handles; workers ignore them
STOPPING = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
# how the main process asks a worker to stop (its clean-up runs: no temporary file is left)
STOP_SIGNAL = signal.SIGUSR1
WATCHDOG_SECONDS = 1.0
_PR_SET_PDEATHSIG = 1


class Stopped(KeyboardInterrupt):
    """The run was asked to stop by a signal (SIGTERM, SIGHUP, or the pool's own stop)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        """The signal's name, e.g. ``SIGTERM``."""
        return signal_name(self.signum)

    @property
    def exit_code(self) -> int:
        """128 plus the signal number, as a shell reports a process killed by it."""
        return 128 + self.signum

    def __str__(self) -> str:
        return f"stopped by {self.name}"


def signal_name(number: int) -> str:
    """``SIGKILL`` for 9; ``signal 64`` for a number without a name."""
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _raise_stopped(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


# In a worker: the stop signal that came, kept because its exception can be swallowed (a
# signal handled inside a weakref callback or a finaliser, e.g. importlib's module-lock
# clean-up, ends as "Exception ignored in ..." and the code around it goes on).
_stop_requested: int | None = None


def _worker_stop(signum: int, frame: FrameType | None) -> None:
    global _stop_requested
    _stop_requested = signum
    raise Stopped(signum)


def stop_requested() -> None:
    """In a worker: raise ``Stopped`` if a stop signal came whose exception was swallowed."""
    if _stop_requested is not None:
        raise Stopped(_stop_requested)


def _quiet_swallowed_stop(unraisable: Any) -> None:
    """``sys.unraisablehook`` of a worker: a ``Stopped`` raised where Python cannot raise
    it (a callback, a finaliser) is dropped silently (``stop_requested`` still sees it);
    anything else is reported as Python would."""
    if isinstance(unraisable.exc_value, Stopped):
        return
    sys.__unraisablehook__(unraisable)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """In the main thread: SIGTERM and SIGHUP raise ``Stopped`` while the block runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.signal(number, _raise_stopped)
                for number in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold back SIGINT, SIGTERM and SIGHUP while the block runs (a bounded clean-up that a
    second Ctrl-C must not cut short); a signal that came meanwhile is handled after it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def become_worker(parent: int) -> None:
    """Set up a freshly started worker process of the pool started by ``parent``.

    Ctrl-C, SIGTERM and SIGHUP are left to the main process (which stops the workers
    itself), ``STOP_SIGNAL`` raises ``Stopped``, and the worker dies with its parent.
    """
    for number in STOPPING:
        signal.signal(number, signal.SIG_IGN)
    sys.unraisablehook = _quiet_swallowed_stop
    signal.signal(STOP_SIGNAL, _worker_stop)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, (*STOPPING, STOP_SIGNAL))
    die_with_parent(parent)
    _watch_parent(parent)


def die_with_parent(parent: int) -> None:
    """Linux: the kernel sends this process SIGKILL when its parent dies."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL))
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _watch_parent(parent: int) -> None:
    """Everywhere: once a second, exit if the parent is gone (this process was adopted)."""

    def check(signum: int, frame: FrameType | None) -> None:
        if os.getppid() != parent:
            os._exit(1)

    signal.signal(signal.SIGALRM, check)
    signal.setitimer(signal.ITIMER_REAL, WATCHDOG_SECONDS, WATCHDOG_SECONDS)
