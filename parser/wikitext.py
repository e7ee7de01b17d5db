"""Wikitext input (raw MediaWiki source). Not built yet: see the wikitext issue."""

from __future__ import annotations

from typing import Any

from .diagnostics import Diagnostic
from .errors import InputError
from .source import Source
from .spans import Span


def build(source: Source) -> tuple[dict[str, Any], dict[str, Span], list[Diagnostic]]:
    """Refuse clearly until the wikitext reader exists."""
    raise InputError(source.path, "this looks like raw wikitext, which this version cannot "
                     "read yet; convert the flat form, or pass --from flat to force it",
                     code="IN005")
