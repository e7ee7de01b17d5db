"""``path:line:col: severity CODE message``, one finding per line, then a summary line."""

from __future__ import annotations

from collections.abc import Sequence

from ..report import FileReport, Summary

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"


def render(reports: Sequence[FileReport], summary: Summary, *, color: bool = False,
           strict: bool = False) -> str:
    """Render findings as text lines (ANSI colours when ``color``)."""
    lines: list[str] = []
    for report in reports:
        for item in report.diagnostics:
            severity = item.severity.value
            if color:
                severity = f"{_COLORS[severity]}{severity}{_RESET}"
            lines.append(f"{report.path}:{item.line}:{item.column}: {severity} {item.code} "
                         f"{item.message}")
    counts = summary.by_severity
    lines.append(
        f"{summary.files} file{'s' if summary.files != 1 else ''} checked: "
        f"{counts.get('error', 0)} error(s), {counts.get('warning', 0)} warning(s), "
        f"{counts.get('info', 0)} info"
    )
    return "\n".join(lines) + "\n"
