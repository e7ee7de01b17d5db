"""The state shared while one document is built, by either reader."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from ..diagnostics import Diagnostic, Severity
from ..markup.wiki import Line
from ..read.source import Source
from .spans import SpanRecorder


@dataclass
class Context:
    """State shared while one document is built."""

    source: Source
    spans: SpanRecorder = field(default_factory=SpanRecorder)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    entrants: list[dict[str, Any]] = field(default_factory=list)
    declared: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    unparsed: list[dict[str, Any]] = field(default_factory=list)
    infobox: dict[str, Any] | None = None
    standings: list[dict[str, Any]] = field(default_factory=list)
    # per standings table: its group section's first and last line and titles
    table_lines: list[tuple[int, int, list[str]]] = field(default_factory=list)
    bracket: list[dict[str, Any]] = field(default_factory=list)

    def col(self, line: Line, index: int) -> int:
        """File column of 0-based ``index`` into a cleaned line."""
        return self.source.column(line.number, line.raw_index(index))

    def columns(self, line: Line) -> Callable[[int], int]:
        """``col`` for one line, for its many cells or parts: a line without markup or
        removed characters has each index at the column after it."""
        if not line.anchors and not self.source.removed.get(line.number):
            return _next_column
        return partial(self.col, line)

    def note(self, code: str, message: str, line: int, column: int = 1,
             end_line: int | None = None) -> None:
        """Record an info-level parse diagnostic."""
        self.diagnostics.append(Diagnostic(code, Severity.INFO, message, line, column,
                                           end_line, None, "", "parse"))


def _next_column(index: int) -> int:
    return index + 1
