"""What a run produces per file and in total, shared by every output format."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Severity
from ..errors import ParseError


@dataclass(frozen=True)
class FileReport:
    """The findings of one input file; ``failed_input`` when it could not be read at all."""

    path: str
    diagnostics: tuple[Diagnostic, ...] = ()
    failed_input: bool = False


@dataclass(frozen=True)
class Summary:
    """Totals over a run."""

    files: int
    by_severity: dict[str, int] = field(default_factory=dict)
    input_errors: int = 0
    seconds: float = 0.0

    @classmethod
    def of(cls, reports: list[FileReport], seconds: float = 0.0) -> Summary:
        """Count findings by severity over ``reports``."""
        counter: Counter[str] = Counter()
        for report in reports:
            counter.update(d.severity.value for d in report.diagnostics)
        by_severity = {s.value: counter.get(s.value, 0) for s in Severity}
        return cls(len(reports), by_severity, sum(r.failed_input for r in reports), seconds)


def lost_check(path: str, cause: str) -> FileReport:
    """The report of a file whose worker process died twice on it (``PA011``)."""
    return FileReport(path, (_lost_finding(path, cause),), failed_input=True)


def lost_convert(path: str, cause: str) -> tuple[str | None, FileReport]:
    """``convert_*``'s result for a file whose worker process died twice on it."""
    return None, lost_check(path, cause)


def _lost_finding(path: str, cause: str) -> Diagnostic:
    message = (f"the worker process reading this file died twice ({cause}); the file was "
               "skipped and the rest of the run carried on")
    return ParseError(path, message, code="PA011").to_diagnostic()
