"""Tools for the fault tests (tests/test_batch_faults.py): running the real command line in a
subprocess with a marker in its environment, finding its worker processes by parent pid,
loading the cores, and finding any process of a run left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from .conftest import ROOT

MARKER = "SCORELINE_FAULT_RUN"
RUN_TIMEOUT = 60.0  # seconds of wall clock for one run: past it, the run is a hang
WAIT_SECONDS = 30.0


@dataclass
class Run:
    """A command line started in the background, with a marker inherited by its children."""

    process: subprocess.Popen[bytes]
    marker: str

    @property
    def pid(self) -> int:
        return self.process.pid

    def finish(self) -> tuple[int, str, str]:
        """Wait (bounded) for the end: exit code, stdout, stderr; a hang fails the test."""
        try:
            out, err = self.process.communicate(timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            kill_marked(self.marker)
            self.process.kill()
            self.process.communicate()
            raise AssertionError(f"no end within {RUN_TIMEOUT:g} s: the run hangs") from None
        return (self.process.returncode, (out or b"").decode(errors="replace"),
                (err or b"").decode(errors="replace"))


def start(args: Sequence[str], *, code: str | None = None, stdout: object = subprocess.PIPE,
          cwd: str | os.PathLike[str] = ROOT) -> Run:
    """``python -m parser ARGS`` (or ``python -c CODE ARGS``) with a fresh marker."""
    marker = uuid.uuid4().hex
    env = {**os.environ, MARKER: marker}
    head = ["-c", code] if code else ["-m", "parser"]
    process = subprocess.Popen([sys.executable, *head, *args], stdout=stdout,
                               stderr=subprocess.PIPE, env=env, cwd=cwd)
    return Run(process, marker)


def children(pid: int) -> list[int]:
    """The pids whose parent is ``pid`` (from /proc, not by name)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return sorted(found)


def await_workers(run: Run, count: int) -> list[int]:
    """Wait until the run has ``count`` worker processes; their pids."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        workers = children(run.pid)
        if len(workers) >= count:
            return workers
        if run.process.poll() is not None:
            raise AssertionError("the run ended before its pool started")
        time.sleep(0.005)
    raise AssertionError(f"no pool of {count} workers within {WAIT_SECONDS:g} s")


def marked(marker: str) -> list[int]:
    """Live processes (not zombies) whose environment holds ``marker``."""
    needle = f"{MARKER}={marker}".encode()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as handle:
                environ = handle.read()
        except OSError:
            continue
        if needle in environ.split(b"\0"):
            found.append(int(entry))
    return found


def kill_marked(marker: str) -> None:
    for pid in marked(marker):
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def left_behind(run: Run, grace: float = 2.0) -> list[int]:
    """Processes of the ended run still alive after ``grace`` seconds (killed, then named)."""
    deadline = time.monotonic() + grace
    while True:
        left = marked(run.marker)
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    kill_marked(run.marker)
    return left


@contextmanager
def busy_cores(count: int = 2) -> Iterator[None]:
    """``count`` busy loops, so that the runs under test compete for the cores."""
    loops = [subprocess.Popen([sys.executable, "-c", "while True: pass"])
             for _ in range(count)]
    try:
        yield
    finally:
        for loop in loops:
            loop.kill()
            loop.wait(timeout=10)
