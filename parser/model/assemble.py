"""Stage 4, the form-independent assembly of the scoreline JSON document.

Both readers build the document through these functions: the top-level object
(``document_json``), the title, the years the infobox gives, unparsed lines,
declared counts, facts and entrants stated by prose, and entrant lists. Every
object is recorded in the build context's span table as it is made.
"""

from __future__ import annotations

import re
from typing import Any

from ..markup.wiki import Line
from . import counts, facts
from .blocks import Block
from .context import Context
from .dates import parse_date
from .entrants import (
    block_titles,
    item_text,
    list_role,
    new_entrant,
    parse_item,
    prose_list,
    settle_codes,
)
from .rounds import YearContext
from .sections import Section
from .topics import title_topic

FORMAT_VERSION = "1.3"
_SEASON = re.compile(r"[0-9]{4}–(?:[0-9]{2}|[0-9]{4})")


def document_json(ctx: Context, form: str, title: str | None, title_line: int | None,
                  sections: list[dict[str, Any]], rounds: list[dict[str, Any]]
                  ) -> dict[str, Any]:
    """The top-level JSON object, the same for every input form."""
    source = ctx.source
    return {
        "format_version": FORMAT_VERSION,
        "source": {
            "path": source.path, "form": form, "encoding": source.encoding,
            "bom": source.bom, "newline": source.newline, "lines": source.line_count,
        },
        "title": title,
        "title_line": title_line,
        "infobox": ctx.infobox,
        "sections": sections,
        "entrants": ctx.entrants,
        "declared_counts": ctx.declared,
        "rounds": rounds,
        "standings": ctx.standings,
        "bracket": ctx.bracket,
        "unparsed": ctx.unparsed,
        "facts": ctx.facts,
    }


def title_of(roots: list[Section]) -> tuple[str | None, int | None]:
    for root in roots:
        if root.heading is not None:
            if root.level == 1:
                return root.title, root.line
            return None, None
    return None, None


def infobox_years(infobox: dict[str, Any] | None) -> YearContext:
    years = YearContext()
    if infobox is None:
        return years
    for item in infobox["fields"]:
        if item["name"] == "date" and years.infobox is None and isinstance(item["value"], str):
            written = parse_date(item["value"])
            if written is not None and written.year is not None:
                years.infobox = written.year
        if item["name"] == "year":
            value = item["value"]
            if isinstance(value, int):
                years.infobox = value
            elif isinstance(value, str) and _SEASON.fullmatch(value):
                start, end = value.split("–")
                first = int(start)
                second = int(end) if len(end) == 4 else (first // 100) * 100 + int(end)
                years.season = (first, second)
    return years


def record_unparsed(ctx: Context, line: int, end_line: int, text: str, section: str | None,
              *, too_long: bool = False) -> None:
    entry = {"line": line, "end_line": end_line, "text": text, "section": section}
    ctx.unparsed.append(entry)
    ctx.spans.at(entry, line, 1, end_line)
    shown = text.strip()
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    if too_long:
        ctx.note("PA005", f"line is {len(text)} characters long, over the limit of "
                 f"{ctx.source.max_line_chars} (--max-line-chars); kept as text, not parsed: "
                 f"{shown!r}", line, 1, end_line)
        return
    ctx.note("PA001", f"line not understood, kept as text: {shown!r}", line, 1, end_line)


def declare(ctx: Context, found: counts.DeclaredCount, source: str, section: str | None,
             line: int, column: int) -> None:
    entry = {"count": found.count, "what": found.what, "text": found.text, "source": source,
             "section": section, "line": line, "column": column}
    ctx.declared.append(entry)
    number_at = found.text.find(str(found.count)) if source == "heading" else 0
    ctx.spans.at(entry, line, column, line, column + len(found.text) - 1 - max(number_at, 0))


def prose_counts(ctx: Context, section: Section, line: Line) -> None:
    for found in counts.from_prose(line.text):
        declare(ctx, found, "prose", section.title, line.number, ctx.col(line, found.index))
    for fact in facts.from_prose(line.text):
        add_fact(ctx, fact, section.title, line, 0)


def add_fact(ctx: Context, fact: facts.Fact, section: str | None, line: Line,
             offset: int) -> None:
    """Record a fact stated at ``offset + fact.index`` in ``line`` (``offset``: where the
    text it was read from starts in the line, as for a match's note)."""
    start = offset + fact.index
    column = ctx.col(line, start)
    entry = {"kind": fact.kind, "text": fact.text, "teams": list(fact.teams),
             "winner": fact.winner, "score": list(fact.score) if fact.score else None,
             "pens": list(fact.pens) if fact.pens else None, "target": fact.target,
             "section": section, "line": line.number, "column": column}
    ctx.facts.append(entry)
    ctx.spans.at(entry, line.number, column, line.number,
                 ctx.col(line, start + len(fact.text) - 1))


def prose_entrants(ctx: Context, section: Section, line: Line) -> None:
    if title_topic(block_titles(None, section)) is not None:
        return  # "Broadcasters were ESPN, Fox and BBC." under Broadcasting
    found = prose_list(line.text)
    if found is None:
        return
    intro, names = found
    for text, index in names:
        parsed = parse_item(text)
        assert parsed is not None
        column = ctx.col(line, index)
        entrant = new_entrant(parsed["name"], label=intro, section=section.title,
                              source="prose", block_line=line.number, state=parsed["state"],
                              tag=parsed["tag"], note=parsed["note"], line=line.number,
                              column=column)
        ctx.entrants.append(entrant)
        ctx.spans.at(entrant, line.number, column)


def list_json(ctx: Context, section: Section, block: Block,
               base: dict[str, Any]) -> dict[str, Any]:
    texts = [item_text(line.text) for line in block.lines]
    label = block.label.text.strip().rstrip(":").strip() if block.label else None
    role = list_role(texts, block_titles(label, section))
    if block.label is not None:
        prose_counts(ctx, section, block.label)
    items = []
    parsed_items: list[tuple[Line, dict[str, Any]]] = []
    for line, text in zip(block.lines, texts, strict=True):
        item = {"line": line.number, "text": text}
        items.append(item)
        ctx.spans.at(item, line.number, ctx.col(line, line.text.find(text[:1])))
        parsed = parse_item(text) if role == "entrants" else None
        if parsed is not None:
            parsed_items.append((line, parsed))
    settle_codes([parsed for _, parsed in parsed_items])
    for line, parsed in parsed_items:
        entrant = new_entrant(parsed["name"], label=label, section=section.title,
                              source="list", block_line=block.line, state=parsed["state"],
                              tag=parsed["tag"], note=parsed["note"], line=line.number,
                              column=ctx.col(line, max(line.text.find(parsed["name"]), 0)))
        ctx.entrants.append(entrant)
        ctx.spans.at(entrant, entrant["line"], entrant["column"])
        state_at = line.text.rfind(f"({parsed['state']})") if parsed["state"] else -1
        if state_at >= 0:
            ctx.spans.at(entrant, line.number, ctx.col(line, state_at + 1), line.number,
                         ctx.col(line, state_at + 2), key="state")
    base.update({"label": label, "style": block.extra.get("style", "bullet"), "role": role,
                 "items": items})
    ctx.spans.at(base, block.line, 1, block.end_line)
    return base
