"""GitHub Actions workflow commands: ``::error file=...,line=...,col=...,title=CODE::message``.

Errors and warnings become ``error`` and ``warning`` annotations, info findings
``notice``. Chosen automatically when ``GITHUB_ACTIONS=true`` and no format is given.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..batch.file_report import FileReport, Summary

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(reports: Sequence[FileReport], summary: Summary, *, color: bool = False,
           strict: bool = False) -> str:
    """One workflow command per finding, then a plain summary line."""
    lines = []
    for report in reports:
        for item in report.diagnostics:
            where = [f"file={_property(report.path)}", f"line={item.line}",
                     f"col={item.column}"]
            if item.end_line is not None and item.end_line != item.line:
                where.append(f"endLine={item.end_line}")
            elif item.end_column is not None:
                where.append(f"endColumn={item.end_column}")
            where.append(f"title={_property(item.code)}")
            lines.append(f"::{LEVELS[item.severity.value]} {','.join(where)}::"
                         f"{_data(item.message)}")
    counts = summary.by_severity
    lines.append(f"scoreline: {summary.files} file{'s' if summary.files != 1 else ''} checked: "
                 f"{counts.get('error', 0)} error(s), {counts.get('warning', 0)} warning(s), "
                 f"{counts.get('info', 0)} info")
    return "\n".join(lines) + "\n"
