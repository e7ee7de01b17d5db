"""scoreline: parse and validate football competition articles.

The public API (imported lazily, so ``import parser`` stays cheap)::

    parse(text, path="<string>", *, form="auto") -> Document
    parse_file(path, *, form="auto") -> Document
    convert(text, ...) -> dict          # the JSON
    check(document, *, select=(), ignore=()) -> list[Diagnostic]
    read_source(path) -> Source

Errors are ``ScorelineError`` subclasses: ``InputError``, ``ParseError``, ``UsageError``,
``SchemaError``, ``OutputError``. ``parser.guard.run_guarded`` adds a time budget and a memory
ceiling to any call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .api import check, convert, parse, parse_file, parse_source, read_source
    from .diagnostics import Diagnostic, Severity
    from .errors import InputError, OutputError, ParseError, SchemaError, ScorelineError, UsageError
    from .model.document import Document

__all__ = [
    "Diagnostic", "Document", "InputError", "OutputError", "ParseError", "SchemaError",
    "ScorelineError", "Severity", "UsageError", "__version__", "check", "convert", "parse",
    "parse_file", "parse_source", "read_source",
]

# every name is loaded on first use: ``import parser`` (and so the start of the
# ``scoreline`` command, before it can handle a Ctrl-C) costs next to nothing
_LAZY = {
    **dict.fromkeys(("check", "convert", "parse", "parse_file", "parse_source",
                     "read_source"), "api"),
    **dict.fromkeys(("Diagnostic", "Severity"), "diagnostics"),
    **dict.fromkeys(("InputError", "OutputError", "ParseError", "SchemaError",
                     "ScorelineError", "UsageError"), "errors"),
    "Document": "model.document",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'parser' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
