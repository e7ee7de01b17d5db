"""The one diagnostic type every stage returns for a problem it found."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How bad a finding is; see the severity policy in README.md."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True, order=False)
class Diagnostic:
    """A located finding. Positions are 1-based; ``end_*`` are inclusive of the last character."""

    code: str
    severity: Severity
    message: str
    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    pointer: str = ""
    check: str = ""

    def sort_key(self) -> tuple[int, int, str, str]:
        """Stable order: by position, then code, then message."""
        return (self.line, self.column, self.code, self.message)

    def with_severity(self, severity: Severity) -> Diagnostic:
        """A copy with another severity (the runner applies configured severities)."""
        return Diagnostic(
            self.code, severity, self.message, self.line, self.column,
            self.end_line, self.end_column, self.pointer, self.check,
        )

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict with fields in a fixed order."""
        data = asdict(self)
        data["severity"] = self.severity.value
        if data["end_line"] is None:
            data["end_line"] = self.line
        if data["end_column"] is None:
            data["end_column"] = self.column
        return data
