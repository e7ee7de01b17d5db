"""The flat-form reader: a ``Source`` becomes the JSON document, its span table and the
parse-stage findings (lines no rule understood, rows with no match, ...).

Headings come from the markup layer, the section tree from ``model.sections``, typed
blocks from ``flat.blocks``; tables and rounds are turned into JSON by ``flat.table_json``
and ``flat.round_json``, everything form-independent by ``model.assemble``.
"""

from __future__ import annotations

from typing import Any

from ..diagnostics import Diagnostic
from ..guard import at
from ..markup.wiki import Line, scan
from ..model import counts
from ..model.assemble import (
    declare,
    document_json,
    infobox_years,
    list_json,
    prose_counts,
    prose_entrants,
    record_unparsed,
    title_of,
)
from ..model.blocks import Block
from ..model.context import Context
from ..model.entrants import item_text
from ..model.flag_codes import split_flag_codes
from ..model.group_stages import assign_stages, table_scopes
from ..model.infobox import parse_infobox
from ..model.near_matches import near_match
from ..model.rounds import YearContext
from ..model.sections import Section, build_tree
from ..model.spans import Span
from ..read.source import Source
from .blocks import split_blocks, without_lead
from .round_json import round_json
from .table_json import table_json, tables_of
from .truncation import cut_last_line, mark_truncated


def build(source: Source) -> tuple[dict[str, Any], dict[str, Span], list[Diagnostic]]:
    """Build the JSON document of a flat-form source."""
    ctx = Context(source)
    wiki = scan(source)
    for note in wiki.notes:
        ctx.note(note.code, note.message, note.line, note.column)
    roots = build_tree(wiki)
    all_sections = [s for root in roots for s in root.walk()]
    blocks = {id(s): split_blocks(s.lines) for s in all_sections}
    title, title_line = title_of(roots)
    for section in all_sections:
        infobox = next((b for b in blocks[id(section)] if b.kind == "infobox"), None)
        if infobox is not None:
            ctx.infobox = infobox_json(ctx, infobox)
            break
    years = infobox_years(ctx.infobox)
    rounds: list[dict[str, Any]] = []
    sections_json = [section_json(ctx, root, blocks, rounds, years) for root in roots]
    assign_stages(rounds, table_scopes(ctx))
    split_flag_codes(ctx, rounds)
    data = document_json(ctx, "flat", title, title_line, sections_json, rounds)
    _flag_cut_end(ctx, data)
    return data, ctx.spans.resolve(data), ctx.diagnostics


def _flag_cut_end(ctx: Context, data: dict[str, Any]) -> None:
    """PA012 and ``truncated`` on what was read from a last line that stops mid-word (a
    table row cut off has PA004 already)."""
    line = cut_last_line(ctx.source)
    if line is None:
        return
    marked = mark_truncated(line, data)
    text = ctx.source.line_text(line)
    if text.lstrip().startswith("|"):
        return
    what = f"; {marked} match(es) or entrant(s) read from it are marked truncated" \
        if marked else ""
    ctx.note("PA012", f"the document ends mid-word without a line end: the last line may "
             f"be cut off{what}", line, ctx.source.column(line, len(text.rstrip())))


def infobox_json(ctx: Context, block: Block) -> dict[str, Any]:
    fields, stray = parse_infobox(block.lines)
    out = []
    for item in fields:
        entry = {
            "key": item.key, "name": item.name, "raw": item.raw, "value": item.value,
            "leaked": item.leaked, "notes": item.notes, "country": item.country,
            "line": item.line.number,
            "end_line": item.continuation[-1].number if item.continuation else item.line.number,
        }
        ctx.spans.at(entry, item.line.number, ctx.col(item.line, item.key_start))
        ctx.spans.at(entry, item.line.number, ctx.col(item.line, item.value_start), key="value")
        out.append(entry)
    for line in stray:
        record_unparsed(ctx, line.number, line.number, line.text, "Infobox")
    result = {"line": block.line, "end_line": block.end_line, "fields": out}
    ctx.spans.at(result, block.line, 1, block.end_line)
    return result


def section_json(ctx: Context, section: Section, blocks: dict[int, list[Block]],
                  rounds: list[dict[str, Any]], years: YearContext) -> dict[str, Any]:
    at(section.line)
    title = section.title
    if section.heading is not None and title:
        for found in counts.from_heading(title):
            raw_index = section.heading.raw.find(found.text)
            column = section.heading.column + max(raw_index, 0) + 1
            declare(ctx, found, "heading", title, section.line, column)
    own = blocks[id(section)]
    blocks_json: list[dict[str, Any]] = []
    for block in own:
        blocks_json.extend(block_json(ctx, section, block))
    if any(b.kind == "match" for b in own) or any(
        b["kind"] == "table" and b["role"] == "results" for b in blocks_json
    ):
        rounds.append(round_json(ctx, section, own, years))
    children = [section_json(ctx, child, blocks, rounds, years) for child in section.children]
    result = {
        "title": title, "level": section.level, "line": section.line,
        "end_line": section.end_line, "blocks": blocks_json, "children": children,
    }
    ctx.spans.at(result, section.line, 1, section.end_line)
    return result


def block_json(ctx: Context, section: Section, block: Block) -> list[dict[str, Any]]:
    base: dict[str, Any] = {"kind": block.kind, "line": block.line, "end_line": block.end_line}
    if block.kind == "table":
        return [table_json(ctx, section, table) for table in tables_of(block,
                                                                             block.label)]
    if block.kind == "list":
        for line in block.lines:
            _note_near_match(ctx, line, item_text(line.text))
        return [list_json(ctx, section, block, base)]
    if block.kind == "infobox":
        return [base]
    raw_kinds = ("comment", "other", "marker")
    base["text"] = "\n".join(line.raw for line in block.lines) if block.kind in raw_kinds \
        else block.text
    if block.kind == "paragraph":
        for line in block.lines:
            prose_counts(ctx, section, line)
            prose_entrants(ctx, section, line)
            _note_near_match(ctx, line, line.text)
    elif block.kind == "other":
        record_unparsed(ctx, block.line, block.end_line, base["text"], section.title,
                  too_long=block.lines[0].too_long)
    ctx.spans.at(base, block.line, 1, block.end_line)
    return [base]


def _note_near_match(ctx: Context, line: Line, text: str) -> None:
    """PA013 when ``text`` (the line, or a list item's text) is shaped like a match that the
    grammar did not read."""
    why = near_match(text)
    if why is None:  # the words of a date or time before the teams are no home team
        rest = without_lead(text)
        why = None if rest is None else near_match(rest)
    if why is not None:
        at = line.text.find(text.strip()[:1]) if text.strip() else 0
        ctx.note("PA013", f"line looks like a match but was not read as one: {why}",
                 line.number, ctx.col(line, max(at, 0)))
