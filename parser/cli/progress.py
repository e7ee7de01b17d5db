"""A one-line progress bar on standard error, drawn only when standard error is a terminal.

Forty lines instead of a dependency (tqdm or rich would each add a package and
their import time to every run for one line of output). Redrawn at most ten
times a second; ``clear`` wipes it before other output goes to the same screen.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 24


class Progress:
    """Counts finished files out of ``total``; silent unless ``stream`` is a terminal."""

    def __init__(self, total: int, stream: TextIO | None = None, *, force: bool = False) -> None:
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = total > 1 and (force or _isatty(self.stream))
        self.started = time.monotonic()
        self._drawn_at = 0.0
        self._visible = False

    def advance(self, count: int = 1) -> None:
        """Record ``count`` more finished files and redraw if due."""
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._drawn_at >= 0.1 or self.done >= self.total:
            self._drawn_at = now
            filled = WIDTH * self.done // max(self.total, 1)
            bar = "#" * filled + "-" * (WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} files "
                              f"{now - self.started:.1f} s")
            self.stream.flush()
            self._visible = True

    def clear(self) -> None:
        """Erase the bar (before printing other lines, and at the end)."""
        if self._visible:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._visible = False


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
