"""The state of one wikitext build: the flat form's ``Context`` plus what only wikitext has."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Severity
from ..model.context import Context
from ..model.spans import Span
from .layout import NestedBox


@dataclass
class WikiContext(Context):
    """The flat-form build context plus what only wikitext has: boxes nested in other markup."""

    nested: list[NestedBox] = field(default_factory=list)
    templates: list[tuple[str, int]] = field(default_factory=list)
    # team code -> (name, where written), and every table team, for results matrices
    team_codes: dict[str, tuple[str, Span]] = field(default_factory=dict)
    team_names: list[tuple[str, Span]] = field(default_factory=list)
    # id of each match made from a result row -> spans of its aggregate and winner
    row_spans: dict[int, dict[str, Span]] = field(default_factory=dict)

    def finding(self, code: str, severity: Severity, message: str, line: int, column: int = 1,
                end_line: int | None = None, pointer: str = "") -> None:
        """Record a parse diagnostic of any severity."""
        self.diagnostics.append(Diagnostic(code, severity, message, line, column, end_line,
                                           None, pointer, "parse"))
