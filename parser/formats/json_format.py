"""``{"files": [{"path", "discrepancies": [...]}], "summary": {...}}``."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..report import FileReport, Summary


def render(reports: Sequence[FileReport], summary: Summary, *, color: bool = False) -> str:
    """Render findings as one JSON document."""
    files = [
        {"path": report.path, "discrepancies": [d.to_json() for d in report.diagnostics]}
        for report in reports
    ]
    data = {
        "files": files,
        "summary": {"files": summary.files, **summary.by_severity,
                    "input_errors": summary.input_errors, "seconds": round(summary.seconds, 3)},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
