"""The progress line and the closing summary of ``scoreline dump`` (standard error).

The progress line (pages read, pages selected, pages/s, MB/s of XML) is drawn only on a
terminal and redrawn as partitions finish; the summary is always printed.
"""

from __future__ import annotations

import time
from typing import Any, TextIO


class DumpProgress:
    """Redraws one line on ``stream`` when it is a terminal; silent otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        try:
            self.enabled = stream.isatty()
        except (AttributeError, ValueError):
            self.enabled = False
        self.started = time.monotonic()
        self._visible = False

    def update(self, summary: Any) -> None:
        """Show the totals so far (a ``DumpSummary``)."""
        if not self.enabled:
            return
        seconds = max(time.monotonic() - self.started, 1e-9)
        fresh = summary.done - summary.resumed
        failed = f", {len(summary.failed)} failed" if summary.failed else ""
        line = (f"\r{fresh + summary.resumed + len(summary.failed)}/{summary.partitions} "
                f"partitions{failed} · {summary.pages_read:,} pages read · "
                f"{summary.pages_selected:,} selected · "
                f"{summary.pages_read / seconds:,.0f} pages/s · "
                f"{summary.xml_bytes / seconds / 1e6:.1f} MB/s")
        self.stream.write(line + "\033[K")
        self.stream.flush()
        self._visible = True

    def clear(self) -> None:
        """Erase the line before other output."""
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
