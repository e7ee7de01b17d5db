"""``path:line:col: severity CODE message``, one finding per line, then a summary line."""

from __future__ import annotations

from collections.abc import Sequence

from ..batch.file_report import FileReport, Summary

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"


def render(reports: Sequence[FileReport], summary: Summary, *, color: bool = False,
           strict: bool = False) -> str:
    """Render findings as text lines (ANSI colours when ``color``)."""
    return "".join(render_report(r, color=color) for r in reports) + render_summary(summary)


def render_report(report: FileReport, *, color: bool = False) -> str:
    """The lines of one file's findings (empty when it has none); lets a run stream output."""
    lines: list[str] = []
    for item in report.diagnostics:
        severity = item.severity.value
        if color:
            severity = f"{_COLORS[severity]}{severity}{_RESET}"
        lines.append(f"{report.path}:{item.line}:{item.column}: {severity} {item.code} "
                     f"{item.message}\n")
    return "".join(lines)


def render_summary(summary: Summary) -> str:
    """``N files checked: E error(s), W warning(s), I info in T s``."""
    counts = summary.by_severity
    return (
        f"{summary.files} file{'s' if summary.files != 1 else ''} checked: "
        f"{counts.get('error', 0)} error(s), {counts.get('warning', 0)} warning(s), "
        f"{counts.get('info', 0)} info in {summary.seconds:.2f} s\n"
    )
