"""``{"files": [{"path", "discrepancies": [...]}], "summary": {...}}``.

Each discrepancy: ``code``, ``severity``, ``message``, ``line``, ``column``, ``end_line``,
``end_column`` (inclusive), ``pointer`` (JSON pointer into the converted document),
``check`` (the code's name), ``stage`` and ``url`` (the code's anchor in the rules
reference).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..batch.file_report import FileReport, Summary
from ..catalogue import catalogue
from ..diagnostics import Diagnostic


def finding(item: Diagnostic) -> dict[str, Any]:
    """One finding as a JSON object, with the catalogue's name, stage and reference."""
    data = item.to_json()
    entry = catalogue().get(item.code)
    data["check"] = entry.name if entry else item.check
    data["stage"] = entry.stage if entry else item.check
    data["url"] = entry.url if entry else None
    return data


def render(reports: Sequence[FileReport], summary: Summary, *, color: bool = False,
           strict: bool = False) -> str:
    """Render findings as one JSON document."""
    files = [{"path": report.path, "discrepancies": [finding(d) for d in report.diagnostics]}
             for report in reports]
    data = {
        "files": files,
        "summary": {"files": summary.files, **summary.by_severity,
                    "input_errors": summary.input_errors},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
