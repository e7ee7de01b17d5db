"""Stage 2-4 for raw MediaWiki wikitext: the same JSON as the flat form, positions in the wikitext.

``layout`` parses the document once with mwparserfromhell and splits it into
headings, pieces (templates and tables that own lines) and rendered lines;
``text`` reduces markup to text; ``infobox``, ``boxes`` and ``tables`` read
infobox templates, match boxes and wikitables; ``blocks`` groups a section's
lines; ``build`` assembles the document, reusing the flat-form modules.
"""

from __future__ import annotations

from .build import build

__all__ = ["build"]
