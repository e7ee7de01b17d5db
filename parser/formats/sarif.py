"""SARIF 2.1.0 (the format code-scanning services read): one rule per catalogue code.

Each rule carries its name, a short description (the summary), a full description
and help (the docstring with its failing and passing examples) and its default
level; each result points at the file, line and column range. Columns count
Unicode code points, as scoreline's do.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from .._version import __version__
from ..batch.file_report import FileReport, Summary
from ..catalogue import Entry, catalogue
from ..explain import documentation, markdown_doc

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rule(entry: Entry) -> dict[str, Any]:
    doc = documentation(entry)
    return {
        "id": entry.code,
        "name": entry.name,
        "shortDescription": {"text": entry.summary},
        "fullDescription": {"text": doc.split("\n\n")[0].replace("\n", " ")},
        "help": {"text": f"{doc}\n\nReference: {entry.url}",
                 "markdown": f"{markdown_doc(entry)}\n\nReference: [{entry.code}]({entry.url})"},
        "defaultConfiguration": {"level": LEVELS[entry.severity.value]},
        "properties": {"tags": [entry.stage, entry.family], "docs": entry.url},
    }


def _uri(path: str) -> str:
    return "stdin" if path == "-" else quote(path.replace("\\", "/"), safe="/:._-~")


def render(reports: Sequence[FileReport], summary: Summary, *, color: bool = False,
           strict: bool = False) -> str:
    """Render one SARIF log with a single run."""
    entries = list(catalogue().values())
    index = {entry.code: number for number, entry in enumerate(entries)}
    results = []
    for report in reports:
        for item in report.diagnostics:
            region: dict[str, int] = {"startLine": item.line, "startColumn": item.column}
            if item.end_line is not None:
                region["endLine"] = item.end_line
            if item.end_column is not None:
                region["endColumn"] = item.end_column + 1
            result: dict[str, Any] = {
                "ruleId": item.code,
                "level": LEVELS[item.severity.value],
                "message": {"text": item.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(report.path)}, "region": region}}],
            }
            if item.code in index:
                result["ruleIndex"] = index[item.code]
            if item.pointer:
                result["properties"] = {"pointer": item.pointer}
            results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "scoreline", "version": __version__,
                                "rules": [_rule(entry) for entry in entries]}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
