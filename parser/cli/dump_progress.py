"""The progress line and the closing summary of ``scoreline dump`` (standard error).

The progress line (pages read, pages selected, pages/s, MB/s of XML) is drawn only on a
terminal: redrawn as partitions finish and, twice a second, from the running counts the
partitions being read write (``parser.dump.live``), so it moves page by page rather than
partition by partition. The summary is always printed.
"""

from __future__ import annotations

import threading
import time
from typing import Any, TextIO


class DumpProgress:
    """Redraws one line on ``stream`` when it is a terminal; silent otherwise.

    ``start(outdir)`` begins redrawing from ``outdir``'s running counts on a thread of
    its own; ``clear`` stops it and erases the line.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        try:
            self.enabled = stream.isatty()
        except (AttributeError, ValueError):
            self.enabled = False
        self.started = time.monotonic()
        self._visible = False
        self._summary: Any = None
        self._outdir: str | None = None
        self._shown = (0, 0, 0)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    def start(self, outdir: str) -> None:
        """Redraw every ``live.INTERVAL_SECONDS`` with the running partitions' counts."""
        if not self.enabled:
            return
        from ..dump.live import INTERVAL_SECONDS

        self._outdir = outdir
        self._ticker = threading.Thread(target=self._tick, args=(INTERVAL_SECONDS,),
                                        name="scoreline-progress", daemon=True)
        self._ticker.start()

    def _tick(self, interval: float) -> None:
        while not self._stop.wait(interval):
            self._draw()

    def update(self, summary: Any) -> None:
        """Show the totals so far (a ``DumpSummary``)."""
        if not self.enabled:
            return
        self._summary = summary
        self._draw()

    def _draw(self) -> None:
        from ..dump.live import running

        summary = self._summary
        live = running(self._outdir) if self._outdir else None
        counts = [(getattr(summary, name, 0) if summary is not None else 0)
                  + (getattr(live, name) if live is not None else 0)
                  for name in ("pages_read", "pages_selected", "xml_bytes")]
        with self._lock:
            if self._stop.is_set():
                return
            # a partition that has just ended is briefly in neither count: never go back
            read, selected, xml = (max(now, before)
                                   for now, before in zip(counts, self._shown, strict=True))
            self._shown = (read, selected, xml)
            seconds = max(time.monotonic() - self.started, 1e-9)
            parts = ""
            if summary is not None:
                failed = f", {len(summary.failed)} failed" if summary.failed else ""
                parts = (f"{summary.done + len(summary.failed)}/{summary.partitions} "
                         f"partitions{failed} · ")
            line = (f"\r{parts}{read:,} pages read · {selected:,} selected · "
                    f"{read / seconds:,.0f} pages/s · {xml / seconds / 1e6:.1f} MB/s")
            self.stream.write(line + "\033[K")
            self.stream.flush()
            self._visible = True

    def clear(self) -> None:
        """Stop redrawing and erase the line before other output."""
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
        with self._lock:
            if self._visible:
                self.stream.write("\r\033[K")
                self.stream.flush()
                self._visible = False


def render_summary(summary: Any, seconds: float) -> str:
    """The closing lines: totals, then one line per failed partition with its reason."""
    severities = ", ".join(f"{summary.findings.get(s, 0)} {s}"
                           for s in ("error", "warning", "info"))
    extra = []
    if summary.resumed:
        extra.append(f"{summary.resumed} resumed")
    if summary.failed:
        extra.append(f"{len(summary.failed)} failed")
    state = f" ({', '.join(extra)})" if extra else ""
    not_converted = (f" ({summary.pages_failed:,} not converted: see findings)"
                     if summary.pages_failed else "")
    lines = [f"scoreline: {summary.partitions} partition(s){state}: "
             f"{summary.pages_read:,} pages read, {summary.pages_selected:,} selected"
             f"{not_converted}; {summary.matches:,} matches; findings: {severities}; "
             f"{seconds:.2f} s"]
    lines.extend(f"scoreline: failed: {error}" for error in summary.failed)
    return "\n".join(lines)
