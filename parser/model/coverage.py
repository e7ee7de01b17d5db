"""The no-silent-loss invariant: every non-blank input line is in the JSON or in a finding."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..diagnostics import Diagnostic
from .document import Document


def covered_lines(data: dict[str, Any]) -> set[int]:
    """Lines the JSON accounts for: headings, blocks (whole spans), infobox, unparsed lines."""
    lines: set[int] = set()
    if data.get("title_line"):
        lines.add(data["title_line"])
    if data.get("infobox"):
        lines.update(range(data["infobox"]["line"], data["infobox"]["end_line"] + 1))
    stack = list(data.get("sections", []))
    while stack:
        section = stack.pop()
        if section["level"] > 0:
            lines.add(section["line"])
        for block in section["blocks"]:
            lines.update(range(block["line"], block["end_line"] + 1))
        stack.extend(section["children"])
    for item in data.get("unparsed", []):
        lines.update(range(item["line"], item["end_line"] + 1))
    return lines


def uncovered_lines(document: Document, findings: Iterable[Diagnostic] = ()) -> list[int]:
    """Non-blank lines of the source that neither the JSON nor a finding accounts for."""
    covered = covered_lines(document.data)
    for item in [*document.diagnostics, *findings]:
        covered.update(range(item.line, (item.end_line or item.line) + 1))
    source = document.source
    return [
        number for number in range(1, source.line_count + 1)
        if number not in covered and source.line_text(number).strip()
    ]
