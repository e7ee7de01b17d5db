"""Page counts of the partitions still being read, for the progress line on a terminal.

A partition reports back only when it is done, which on a big dump is minutes apart. So,
when the run draws a progress line, each task also writes its running counts (pages read,
pages selected, XML bytes) to ``OUTDIR/.live/part-NNNNN.json`` at most twice a second,
from whatever machine it runs on (the engines already need OUTDIR shared), and removes
the file when it ends; the progress line adds what these files say to the totals of the
finished partitions. Each write is a small file renamed into place, so a reader never sees
half of one; writing is skipped entirely when nobody draws a line.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

LIVE_DIR = ".live"
INTERVAL_SECONDS = 0.5


@dataclass
class Running:
    """What the running partitions have read so far."""

    pages_read: int = 0
    pages_selected: int = 0
    xml_bytes: int = 0


class LiveCounts:
    """A task's running counts, written now and then (``outdir`` None: never)."""

    def __init__(self, outdir: str | None, name: str) -> None:
        self.path = None if outdir is None else Path(outdir) / LIVE_DIR / f"{name}.json"
        self.selected = 0
        self._next = 0.0

    def tick(self, pages_read: int, xml_bytes: int) -> None:
        """Called for every page; writes only when the interval has passed."""
        if self.path is None:
            return
        now = time.monotonic()
        if now < self._next:
            return
        self._next = now + INTERVAL_SECONDS
        text = json.dumps({"pages_read": pages_read, "pages_selected": self.selected,
                           "xml_bytes": xml_bytes})
        temp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with contextlib.suppress(OSError):  # progress only: never fails the partition
            self.path.parent.mkdir(exist_ok=True)
            temp.write_text(text, encoding="utf-8")
            os.replace(temp, self.path)

    def close(self) -> None:
        """The partition ended: its counts now come with its result."""
        if self.path is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()


def running(outdir: str) -> Running:
    """The sum of the counts the running partitions last wrote."""
    total = Running()
    folder = Path(outdir) / LIVE_DIR
    with contextlib.suppress(OSError):
        for file in folder.glob("part-*.json"):
            try:
                counts = json.loads(file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # the partition ended meanwhile
            total.pages_read += int(counts.get("pages_read", 0))
            total.pages_selected += int(counts.get("pages_selected", 0))
            total.xml_bytes += int(counts.get("xml_bytes", 0))
    return total


def clear(outdir: str) -> None:
    """Remove what a run (or a killed one) left in ``OUTDIR/.live``."""
    shutil.rmtree(Path(outdir) / LIVE_DIR, ignore_errors=True)
