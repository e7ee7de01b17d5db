"""Standard streams: closed at start, closed under us, and one-line messages on stderr."""

from __future__ import annotations

import os
import sys


def one_line(text: str, limit: int = 1000) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def warn_slow_tokenizer() -> None:
    from ..markup.tokenizer import c_tokenizer

    if not c_tokenizer(load=False):  # a flat file without markup never loads it
        print("scoreline: warning: mwparserfromhell's C tokenizer did not load; using its "
              "pure-Python tokenizer, which is much slower", file=sys.stderr)


class ClosedStream:
    """Stands in for a standard stream that was closed before the program started."""

    def __init__(self, name: str) -> None:
        self.name = name

    def write(self, text: str) -> int:
        from ..errors import OutputError

        raise OutputError(f"{self.name} is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def closed_streams() -> None:
    if sys.stdout is None:
        sys.stdout = ClosedStream("standard output")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def discard_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
