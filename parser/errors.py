"""The package's own exception types. Library callers catch ``ScorelineError``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .diagnostics import Diagnostic


class ScorelineError(Exception):
    """Base class of every error scoreline raises on purpose."""

    exit_code = 2


class LocatedError(ScorelineError):
    """An error about one document, with a finding code and a position when known.

    ``line`` and ``column`` are 1-based.
    """

    stage = "input"

    def __init__(
        self,
        path: str,
        message: str,
        *,
        code: str,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.path = path
        self.message = message
        self.code = code
        self.line = line
        self.column = column
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """``path:line:col: message`` (the position parts only when known)."""
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"

    def _fields(self) -> dict[str, Any]:
        return {"code": self.code, "line": self.line, "column": self.column}

    def __reduce__(self) -> tuple[Any, ...]:
        # keyword-only fields: the default exception pickling would lose them
        return (_rebuild, (type(self), self.path, self.message, self._fields()))

    def to_diagnostic(self) -> Diagnostic:
        """The error as an error-severity finding at its position (line 1 when unknown)."""
        from .diagnostics import Diagnostic, Severity

        return Diagnostic(self.code, Severity.ERROR, self.message, self.line or 1,
                          self.column or 1, check=self.stage)


def _rebuild(cls: type[LocatedError], path: str, message: str,
             fields: dict[str, Any]) -> LocatedError:
    return cls(path, message, **fields)


class InputError(LocatedError):
    """The input cannot be read as a document (encoding, NUL byte, size, I/O).

    ``line`` and ``column`` are 1-based when known; ``offset`` is the byte offset.
    """

    def __init__(
        self,
        path: str,
        message: str,
        *,
        code: str = "IN001",
        line: int | None = None,
        column: int | None = None,
        offset: int | None = None,
    ) -> None:
        self.offset = offset
        super().__init__(path, message, code=code, line=line, column=column)

    def _fields(self) -> dict[str, Any]:
        return {**super()._fields(), "offset": self.offset}


class ParseError(LocatedError):
    """A readable document could not be converted.

    Codes: PA007 a parser gave up (nesting too deep, mwparserfromhell or Lark failed),
    PA008 over the time budget, PA009 over the memory ceiling, PA010 an internal error
    (a scoreline bug) or the parsing process died, PA011 the worker process of a batch run
    died twice on the file.
    """

    stage = "parse"


class UsageError(ScorelineError):
    """Bad command-line arguments or configuration."""


class SchemaError(ScorelineError):
    """A schema file is unusable (invalid, or with a reference that cannot be resolved locally)."""


class OutputError(ScorelineError):
    """An output cannot be written (a directory in the way, a full disk, a closed stream)."""

    exit_code = 3
