"""The benchmark's table: one ``Row`` per measurement, its formatting, and the CPU timer."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Row:
    """One line of the table."""

    number: str
    what: str
    values: list[float]
    unit: str = "s"
    per_doc: str = ""
    rate: str = ""
    ratio: str = ""
    target: str = ""
    met: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")


def timed(function: Callable[[], object]) -> float:
    """CPU seconds of this process spent in ``function``: on a shared machine the wall
    clock also counts the time other processes hold the core."""
    start = time.process_time()
    function()
    return time.process_time() - start


def fmt_time(seconds: float) -> str:
    if seconds != seconds:  # NaN
        return "n/a"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.0f} µs"


def fmt_value(value: float, unit: str) -> str:
    return f"{value:.0f} MiB" if unit == "MiB" else fmt_time(value)


def spread(row: Row) -> str:
    if not row.values:
        return "n/a"
    low, high = min(row.values), max(row.values)
    return f"{fmt_value(low, row.unit)} – {fmt_value(high, row.unit)}"


def verdict(ok: bool, quick: bool) -> str:
    if quick:
        return "(quick)"
    return "yes" if ok else "**no**"


def render(rows: list[Row]) -> str:
    head = ["#", "measurement", "median", "spread (min – max)", "per doc", "MB/s", "ratio",
            "target", "met"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for row in rows:
        cells = [row.number, row.what, fmt_value(row.median, row.unit), spread(row),
                 row.per_doc, row.rate, row.ratio, row.target, row.met]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
