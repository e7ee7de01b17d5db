"""Findings about the document as a whole: unclosed markup, unknown templates, lone markers."""

from __future__ import annotations

import re

from ..diagnostics import Severity
from .context import WikiContext
from .layout import Layout


def loose_ends(ctx: WikiContext, layout: Layout) -> None:
    """Report unclosed markup, unknown templates (once per name) and unpaired markers."""
    if layout.neutralised is not None:
        count, offset, token = layout.neutralised
        line, column = ctx.source.position(offset)
        ctx.note("PA006", f"{count} markup opener(s) are never closed, the first is "
                 f"{token!r}; read as plain text so that parsing stays fast", line, column)
    for what, offset in layout.unclosed:
        line, column = ctx.source.position(offset)
        kind = "table" if what == "table" else f"{{{{{what}}}}}"
        closer = "|}" if what == "table" else "}}"
        ctx.finding("WT002", Severity.WARNING, f"{kind} is not closed with '{closer}', so it "
                    "was read as text: nothing in it was converted", line, column)
    seen: set[str] = set()
    for name, offset in sorted({*layout.rendering.unknown, *ctx.templates},
                               key=lambda item: item[1]):
        if name in seen:
            continue
        seen.add(name)
        line, column = ctx.source.position(offset)
        ctx.note("WT007", f"template {{{{{name}}}}} is not known; rendered as its unnamed "
                 "parameters", line, column)
    _section_markers(ctx, layout)


def _section_markers(ctx: WikiContext, layout: Layout) -> None:
    opened: dict[str, int] = {}
    closed: dict[str, int] = {}
    for line in layout.lines:
        for marker in line.markers:
            found = re.search(r"\b(begin|end)\s*=\s*[\"']?([^\"'/>]+?)[\"']?\s*/?>", marker)
            if found is None:
                continue
            target = opened if found.group(1) == "begin" else closed
            target.setdefault(found.group(2).strip(), line.number)
    for name, number in opened.items():
        if name not in closed:
            ctx.note("WT008", f"<section begin={name} /> has no matching end marker",
                     number)
    for name, number in closed.items():
        if name not in opened:
            ctx.note("WT008", f"<section end={name} /> has no matching begin marker", number)
