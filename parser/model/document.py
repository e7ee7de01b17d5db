"""The parsed document: its JSON, where each part came from, and the parse findings."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Diagnostic
from ..read.source import Source
from .spans import Span, locate


@dataclass
class Document:
    """A converted document.

    ``data`` is the JSON (see ``schemas/scoreline.schema.json``); ``spans`` maps
    JSON pointers to source positions; ``diagnostics`` holds the findings of
    parsing and schema validation (checks are run by ``parser.check``).
    """

    source: Source
    data: dict[str, Any]
    spans: dict[str, Span]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def path(self) -> str:
        """The input's path as given."""
        return self.source.path

    def locate(self, pointer: str) -> Span:
        """Source span of a JSON pointer (or of its nearest located ancestor)."""
        return locate(self.spans, pointer)

    def to_json(self, indent: int | None = 2) -> str:
        """The JSON text: keys in a fixed order, UTF-8 characters kept, a final newline."""
        return json.dumps(self.data, ensure_ascii=False, indent=indent) + "\n"
