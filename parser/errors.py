"""The package's own exception types. Library callers catch ``ScorelineError``."""

from __future__ import annotations


class ScorelineError(Exception):
    """Base class of every error scoreline raises on purpose."""

    exit_code = 2


class InputError(ScorelineError):
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
        self.path = path
        self.message = message
        self.code = code
        self.line = line
        self.column = column
        self.offset = offset
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """``path:line:col: message`` (the position parts only when known)."""
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class UsageError(ScorelineError):
    """Bad command-line arguments or configuration."""


class SchemaError(ScorelineError):
    """A schema file is unusable (invalid, or with a reference that cannot be resolved locally)."""
