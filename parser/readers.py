"""The input forms scoreline reads, each a reader that turns a ``Source`` into the same JSON.

A reader is a package with a ``build(source)`` function returning the document JSON, its
span table (JSON pointer -> source span) and the parse-stage findings. This table is the one
place that names them: a new input form is a new package and one line here (plus, if
``--from auto`` should recognise it, its signs in ``read/forms.py``). Readers are imported
only when a document of their form is read, so ``import parser`` stays cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from .diagnostics import Diagnostic
from .model.spans import Span
from .read.source import Source
from .records import record

Built = tuple[dict[str, Any], dict[str, Span], list[Diagnostic]]


@record
class Reader:
    """One input form: its name (``--from NAME``), what it reads, and where its builder is."""

    name: str
    description: str
    module: str
    function: str = "build"

    def build(self, source: Source) -> Built:
        """Read ``source`` into (JSON, span table, parse findings)."""
        builder: Callable[[Source], Built] = getattr(
            importlib.import_module(self.module, __package__), self.function)
        return builder(source)


READERS: dict[str, Reader] = {
    reader.name: reader
    for reader in (
        Reader("flat", "the flat form: a plain-text rendering of the article", ".flat.reader"),
        Reader("wikitext", "raw MediaWiki wikitext", ".wikitext"),
    )
}


def reader_for(form: str) -> Reader:
    """The reader of ``form`` (a key of ``READERS``); ``KeyError`` when there is none."""
    return READERS[form]
