"""The state of one wikitext build: the flat form's ``Context`` plus what only wikitext has."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Severity
from ..model.context import Context
from .layout import NestedBox


@dataclass
class WikiContext(Context):
    """The flat-form build context plus what only wikitext has: boxes nested in other markup."""

    nested: list[NestedBox] = field(default_factory=list)
    templates: list[tuple[str, int]] = field(default_factory=list)

    def finding(self, code: str, severity: Severity, message: str, line: int, column: int = 1,
                end_line: int | None = None, pointer: str = "") -> None:
        """Record a parse diagnostic of any severity."""
        self.diagnostics.append(Diagnostic(code, severity, message, line, column, end_line,
                                           None, pointer, "parse"))
