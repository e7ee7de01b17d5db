"""Findings as the report shows them: an id, the element they concern, the source lines.

A finding is attached to the most specific element of the page its JSON pointer names
(``/rounds/0/matches/3/away`` marks match 3 of round 0, and its away cell); a finding
without a pointer, or with one the page has no element for, is attached by its line to
an element that starts on that line. Each finding also carries an excerpt of the source:
the lines it spans and the lines its message names (``(line 20)``), with line numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic
from ..read.source import Source
from ..records import record

EXCERPT_LINES = 8
"""At most this many source lines are shown with one finding."""
EXCERPT_CHARS = 240
"""A longer source line is cut around the marked columns."""
_NAMED_LINE = re.compile(r"\blines? (\d{1,7})\b")


@record
class ExcerptLine:
    """One source line of an excerpt; ``marked`` is the finding's own column range."""

    number: int
    before: str
    marked: str
    after: str
    gap: bool = False  # lines were left out before this one


@record
class Finding:
    """A finding on the page."""

    id: str
    code: str
    severity: str
    message: str
    line: int
    column: int
    pointer: str
    target: str | None  # id of the element it is marked on
    field: str | None  # the cell of that element (a JSON key such as ``away``)
    excerpt: tuple[ExcerptLine, ...] = ()


@dataclass
class Marks:
    """Findings by the element they are marked on, and by (element, cell)."""

    by_target: dict[str, list[Finding]] = field(default_factory=dict)
    by_cell: dict[tuple[str, str], list[Finding]] = field(default_factory=dict)

    def of(self, target: str) -> list[Finding]:
        """Findings marked on element ``target``."""
        return self.by_target.get(target, [])

    def cell(self, target: str, *names: str) -> list[Finding]:
        """Findings marked on one of the cells ``names`` of element ``target``."""
        return [f for name in names for f in self.by_cell.get((target, name), [])]

    def worst(self, target: str, *names: str) -> str:
        """The worst severity marked on the element (or those cells), or ``""``."""
        found = self.cell(target, *names) if names else self.of(target)
        for severity in ("error", "warning", "info"):
            if any(f.severity == severity for f in found):
                return severity
        return ""

    def worst_of(self, targets: Iterable[str]) -> str:
        """The worst severity marked on any of the elements ``targets``, or ``""``."""
        found = {self.worst(target) for target in targets}
        return next((s for s in ("error", "warning", "info") if s in found), "")


def findings(diagnostics: Sequence[Diagnostic], anchors: Mapping[str, str],
             lines: Mapping[int, str], source: Source | None) -> tuple[list[Finding], Marks]:
    """Page findings for ``diagnostics`` and where they are marked.

    ``anchors`` maps JSON pointers of page elements to their ids; ``lines`` maps source
    lines to the id of an element starting there (the fallback for findings without a
    usable pointer).
    """
    out: list[Finding] = []
    marks = Marks()
    for number, item in enumerate(diagnostics, start=1):
        target, cell = _target(item, anchors, lines)
        found = Finding(f"f-{number}", item.code, item.severity.value, item.message, item.line,
                        item.column, item.pointer, target, cell,
                        excerpt(source, item) if source is not None else ())
        out.append(found)
        if target is not None:
            marks.by_target.setdefault(target, []).append(found)
            if cell is not None:
                marks.by_cell.setdefault((target, cell), []).append(found)
    return out, marks


def _target(item: Diagnostic, anchors: Mapping[str, str],
            lines: Mapping[int, str]) -> tuple[str | None, str | None]:
    parts = item.pointer.split("/") if item.pointer.startswith("/") else []
    for end in range(len(parts), 1, -1):
        anchor = anchors.get("/".join(parts[:end]))
        if anchor is not None:
            cell = parts[end] if end < len(parts) else None
            return anchor, cell
    return lines.get(item.line), None


def excerpt(source: Source, item: Diagnostic) -> tuple[ExcerptLine, ...]:
    """The source lines of a finding: its own span, then the lines its message names."""
    last = source.line_count
    first_line = min(max(item.line, 1), last) if last else 0
    if not first_line:
        return ()
    end_line = min(max(item.end_line or item.line, first_line), last)
    wanted = list(range(first_line, min(end_line, first_line + EXCERPT_LINES - 1) + 1))
    for match in _NAMED_LINE.finditer(item.message):
        named = int(match.group(1))
        if 1 <= named <= last and named not in wanted and len(wanted) < EXCERPT_LINES:
            wanted.append(named)
    out: list[ExcerptLine] = []
    previous = 0
    for number in sorted(wanted):
        text = source.line_text(number)
        start, stop = 0, 0
        if number == item.line:
            start = _index(source, number, item.column)
            stop = (_index(source, number, (item.end_column or item.column) + 1)
                    if (item.end_line or item.line) == number else len(text))
            stop = max(stop, min(start + 1, len(text)))
        out.append(_cut(number, text, start, stop, gap=bool(previous) and number > previous + 1))
        previous = number
    return tuple(out)


def _index(source: Source, line: int, column: int) -> int:
    """The index into the cleaned line text of 1-based file ``column``."""
    text_length = len(source.line_text(line))
    index = max(column - 1, 0)
    while index > 0 and source.column(line, index) > column:
        index -= 1
    return min(index, text_length)


def _cut(number: int, text: str, start: int, stop: int, *, gap: bool) -> ExcerptLine:
    before, marked, after = text[:start], text[start:stop], text[stop:]
    room = max(EXCERPT_CHARS - len(marked), 40)
    if len(before) > room // 2:
        before = "…" + before[-(room // 2):]
    if len(after) > room // 2:
        after = after[: room // 2] + "…"
    if len(marked) > EXCERPT_CHARS:
        marked = marked[:EXCERPT_CHARS] + "…"
    return ExcerptLine(number, before, marked, after, gap)
