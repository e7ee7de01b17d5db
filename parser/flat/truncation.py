"""Documents cut off in the middle: the last line of a flat-form document that stops
mid-word.

Complete articles end with a line end. A final line without one that stops inside a word
(its last character a letter or a digit) or inside a bracket (an opening ``(`` or ``[``
left unclosed) was probably cut there: ``Frickley Colliery 2–4 H`` is not a match against
a team called ``H``. Whatever is read from that line stays in the JSON, marked
``truncated: true``, and the line gets a PA012 finding; a table row cut off this way
already gets PA004 (no closing ``|``), and so does any row without its closing pipe.
"""

from __future__ import annotations

from typing import Any

from ..read.source import Source


def cut_last_line(source: Source) -> int | None:
    """The number of the document's last line when it stops mid-word, else None."""
    if not source.line_count or source.text.endswith("\n"):
        return None
    text = source.line_text(source.line_count).rstrip()
    if not text:
        return None
    last = text[-1]
    if last.isalnum() or text.count("(") > text.count(")") or text.count("[") > text.count("]"):
        return source.line_count
    return None


def mark_truncated(line: int, data: dict[str, Any]) -> int:
    """Mark every match and entrant read from ``line``; returns how many were marked."""
    marked = 0
    items = [m for r in data.get("rounds", []) for m in r["matches"]]
    items.extend(data.get("entrants", []))
    for item in items:
        if item.get("line") == line:
            item["truncated"] = True
            marked += 1
    return marked
