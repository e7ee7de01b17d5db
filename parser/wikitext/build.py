"""Assembly: a wikitext document becomes the same JSON as a flat-form one.

The flat form's pieces are reused wherever the logic is the same: the section
tree (``sections.build_tree``), counts, list entrants, prose entrants, round
names, years and dates (``rounds``), the match object (``rounds.match_dict``),
results-table rows (``rounds.match_from_row``) and the document ``Context``.
What differs is where things come from: templates, wikitables and rendered
lines, each with positions in the wikitext.
"""

from __future__ import annotations

from typing import Any

from mwparserfromhell.nodes import Tag

from ..diagnostics import Diagnostic, Severity
from ..markup.lengths import measuring
from ..markup.plan import parse_planned
from ..markup.wiki import WikiScan
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
from ..model.counts import from_heading
from ..model.entrants import new_entrant, pot_columns, table_column_roles, typed
from ..model.rounds import (
    YearContext,
)
from ..model.sections import Section, build_tree
from ..model.spans import Span
from ..model.tables import Table
from ..read.source import Source
from .blocks import WikiBlock, split_blocks
from .brackets import is_bracket, read_bracket
from .context import WikiContext
from .group_finish import finish, unread_template
from .groups import SectionGroups, reads_group_template
from .infobox import infobox_fields
from .layout import Layout, Piece, is_box, is_match_template, scan
from .loose_ends import loose_ends
from .repeats import drop_repeated_rows
from .results import round_json, two_leg_columns
from .row_params import is_frame, row_kind
from .tables import WikiTable, as_flat, cell_at, parse_table
from .text import Rendering, render_template, tidy

_HATNOTES = ("main", "see also", "further", "details", "main article", "for", "about")


def build(source: Source) -> tuple[dict[str, Any], dict[str, Span], list[Diagnostic]]:
    """Build the JSON document of a wikitext source."""
    code, plan = parse_planned(source.text)
    with measuring(code, source.text):  # every node's length worked out once
        return _build(source, scan(source, code, plan))


def _build(source: Source, layout: Layout) -> tuple[dict[str, Any], dict[str, Span],
                                                    list[Diagnostic]]:
    ctx = WikiContext(source)
    ctx.nested = layout.nested
    roots = build_tree(WikiScan(tuple(layout.headings), tuple(layout.lines)))
    all_sections = [s for root in roots for s in root.walk()]
    box_lines = {number: tidy(str(box.node.name)) for box in layout.nested
                 for number in range(box.line, box.end_line + 1)}
    blocks = {id(s): split_blocks(s.lines, layout.owner, box_lines) for s in all_sections}
    title, title_line = title_of(roots)
    infobox_piece = next((p for p in layout.pieces if p.kind == "template"
                          and p.name.startswith("infobox")), None)
    if infobox_piece is not None:
        ctx.infobox = _infobox_json(ctx, infobox_piece)
    years = infobox_years(ctx.infobox)
    rounds: list[dict[str, Any]] = []
    sections_json = [_section_json(ctx, root, blocks, rounds, years) for root in roots]
    rounds = drop_repeated_rows(ctx, rounds)
    finish(ctx, rounds)
    loose_ends(ctx, layout)
    data = document_json(ctx, "wikitext", title, title_line, sections_json, rounds)
    return data, ctx.spans.resolve(data), ctx.diagnostics


def _infobox_json(ctx: WikiContext, piece: Piece) -> dict[str, Any]:
    fields = []
    for item in infobox_fields(piece.template, piece.name, piece.start, ctx.source):
        fields.append(item.entry)
        ctx.templates.extend(item.unknown)
        ctx.spans.mark(item.entry, item.key_span)
        ctx.spans.mark(item.entry, item.value_span, "value")
        ctx.spans.mark(item.entry, item.value_span, "raw")
    line, column = ctx.source.position(piece.start)
    result = {"line": piece.line, "end_line": piece.end_line, "form": piece.display_name,
              "fields": fields}
    ctx.spans.mark(result, Span(line, column, piece.end_line))
    return result


# ---- sections and blocks ----------------------------------------------------------------


def _section_json(ctx: WikiContext, section: Section, blocks: dict[int, list[WikiBlock]],
                  rounds: list[dict[str, Any]], years: YearContext) -> dict[str, Any]:
    title = section.title
    if section.heading is not None and title:
        for found in from_heading(title):
            raw_index = section.heading.raw.find(found.text)
            column = section.heading.column + max(raw_index, 0)
            declare(ctx, found, "heading", title, section.line, column)
    own = blocks[id(section)]
    tables: dict[int, WikiTable] = {}
    blocks_json: list[dict[str, Any]] = []
    for block in own:
        blocks_json.append(_block_json(ctx, section, block, tables))
    numbers = {line.number for line in section.lines}
    has_boxes = any(b.piece is not None and b.piece.kind == "template"
                    and is_match_template(b.piece.name)
                    for b in own) or any(box.line in numbers for box in ctx.nested)
    has_results = any(b["kind"] == "table" and b["role"] == "results" for b in blocks_json)
    matrix = SectionGroups(ctx, section, own, tables).read()
    if has_boxes or has_results or matrix:
        rounds.append(round_json(ctx, section, own, tables, years, matrix))
    children = [_section_json(ctx, child, blocks, rounds, years) for child in section.children]
    result = {
        "title": title, "level": section.level, "line": section.line,
        "end_line": section.end_line, "blocks": blocks_json, "children": children,
    }
    ctx.spans.mark(result, Span(section.line, 1, section.end_line))
    return result


def _block_json(ctx: WikiContext, section: Section, block: WikiBlock,
                tables: dict[int, WikiTable]) -> dict[str, Any]:
    base: dict[str, Any] = {"kind": block.kind, "line": block.line, "end_line": block.end_line}
    piece = block.piece
    if piece is not None and piece.kind == "table":
        assert isinstance(piece.node, Tag)
        table = parse_table(piece.node, piece.start)
        tables[id(block)] = table
        ctx.templates.extend(name_at for row in [*table.header_rows, *table.rows]
                             for cell in row.cells for name_at in cell.rendering.unknown)
        return _with_refs(_table_json(ctx, section, block, table), piece.refs + table.refs + sum(
            cell.rendering.refs for row in [*table.header_rows, *table.rows]
            for cell in row.cells))
    if piece is not None:
        return _with_refs(_template_json(ctx, section, block, piece, base), piece.refs)
    refs = sum(line.refs for line in block.lines)
    if block.kind == "list":
        flat_block = Block("list", block.lines, label=block.label,
                           extra={"style": block.style})
        return _with_refs(list_json(ctx, section, flat_block, base), refs)
    if block.kind == "template":
        base["name"] = block.name
        base["text"] = "\n".join(line.raw for line in block.lines)
    elif block.kind in ("comment", "marker", "other"):
        base["text"] = "\n".join(line.raw for line in block.lines)
        if block.kind == "other":
            record_unparsed(ctx, block.line, block.end_line, base["text"], section.title,
                           too_long=block.lines[0].too_long)
    else:
        base["text"] = block.text
        for line in block.lines:
            prose_counts(ctx, section, line)
            prose_entrants(ctx, section, line)
    ctx.spans.mark(base, Span(block.line, 1, block.end_line))
    return _with_refs(base, refs)


def _with_refs(block: dict[str, Any], refs: int) -> dict[str, Any]:
    """Note how many references (``<ref>``, ``{{cite ...}}``, ``{{refn}}``) were removed."""
    if refs:
        block["refs"] = refs
    return block


def _template_json(ctx: WikiContext, section: Section, block: WikiBlock, piece: Piece,
                   base: dict[str, Any]) -> dict[str, Any]:
    base["name"] = piece.display_name
    line, column = ctx.source.position(piece.start)
    if block.kind == "infobox":
        if ctx.infobox is None or ctx.infobox["line"] != piece.line:
            ctx.note("WT004", f"a second infobox ({base['name']}) is kept as a block; only "
                     "the first one fills 'infobox'", line, column, piece.end_line)
    elif not is_box(piece.name):
        if piece.name in _HATNOTES:
            base["text"] = tidy(render_template(piece.template, piece.start, Rendering()))
        if is_bracket(piece.name):
            found = read_bracket(ctx, piece, section.title)
            if found is None:
                ctx.note("WT010", f"bracket template {base['name']!r} has no RDn-teamNN slots "
                         "that could be read; kept as a block", line, column, piece.end_line)
            else:
                ctx.bracket.append(found)
        elif not reads_group_template(piece.name) and piece.name not in _HATNOTES \
                and row_kind(piece.name) is None and not is_frame(piece.name) \
                and (why := unread_template(piece, ctx.source)) is not None:
            ctx.finding("WT020", Severity.WARNING, f"template {base['name']!r} carries teams "
                        f"or scores ({why}) but no reader takes it: its matches are not in "
                        "the JSON", line, column, piece.end_line)
    if piece.extra:
        base["text"] = " ".join(filter(None, [base.get("text", ""), *piece.extra]))
    ctx.spans.mark(base, Span(line, column, piece.end_line))
    return base


def _table_json(ctx: WikiContext, section: Section, block: WikiBlock,
                table: WikiTable) -> dict[str, Any]:
    flat_table = as_flat(table, ctx.source, block.label)
    role = "results" if two_leg_columns(table) is not None else flat_table.role
    rows = []
    for row in table.rows:
        line = ctx.source.line_of(row.first_offset)
        entry = {"line": line, "cells": row.texts, "truncated": False}
        rows.append(entry)
        ctx.spans.mark(entry, Span(line, 1))
    artifacts = []
    for _, row in table.separators:
        line, column = ctx.source.position(row.cells[0].offset)
        artifact = {"line": line, "text": row.cells[0].text}
        artifacts.append(artifact)
        ctx.spans.mark(artifact, Span(line, column))
    header_line = None
    if table.header_rows and table.header_rows[0].cells:
        header_line = ctx.source.line_of(table.header_rows[0].cells[0].offset)
    label = block.label.text.strip().lstrip(";").strip().rstrip(":").strip() \
        if block.label else None
    result = {
        "kind": "table", "line": block.line, "end_line": block.end_line,
        "label": label, "caption": flat_table.caption_text, "role": role,
        "columns": flat_table.columns,
        "header": flat_table.header.cells if flat_table.header else [],
        "header_line": header_line, "rows": rows, "artifacts": artifacts,
    }
    ctx.spans.mark(result, Span(block.line, 1, block.end_line))
    if block.label is not None:
        prose_counts(ctx, section, block.label)
    if role == "entrants":
        _table_entrants(ctx, section, block, table)
    return result


def _table_entrants(ctx: WikiContext, section: Section, block: WikiBlock,
                    table: WikiTable) -> None:
    flat_table = as_flat(table, ctx.source, block.label)
    roles = table_column_roles(flat_table)
    name_index = next((i for i, r in roles.items() if r == "name"), None)
    columns = flat_table.columns
    if name_index is None:
        _pot_entrants(ctx, section, block, table, flat_table)
        return
    for row in table.rows:
        cell = cell_at(row, name_index)
        if cell is None or not cell.text:
            continue
        fields: dict[str, Any] = {}
        for index, role in roles.items():
            if role != "name" and index < len(row.cells):
                fields[role] = typed(role, row.cells[index].text)
        raw_columns = {columns[i]: row.cells[i].text
                       for i in range(min(len(columns), len(row.cells)))}
        line, column = ctx.source.position(cell.offset)
        entrant = new_entrant(cell.text, label=flat_table.caption_text, section=section.title,
                              source="table", columns=raw_columns, block_line=block.line,
                              line=line, column=column, **fields)
        ctx.entrants.append(entrant)
        ctx.spans.mark(entrant, Span(line, column))


def _pot_entrants(ctx: WikiContext, section: Section, block: WikiBlock, table: WikiTable,
                  flat_table: Table) -> None:
    """Every team of a draw-pot or qualified-teams table, its pot or place as the note."""
    columns = flat_table.columns
    pots = pot_columns(flat_table)
    for row in table.rows:  # in source order: row by row, pot by pot
        for index in pots:
            cell = cell_at(row, index)
            if cell is None or not cell.text:
                continue
            line, column = ctx.source.position(cell.offset)
            entrant = new_entrant(cell.text, label=flat_table.caption_text,
                                  section=section.title, source="table",
                                  columns={columns[index]: cell.text}, block_line=block.line,
                                  line=line, column=column, note=columns[index])
            ctx.entrants.append(entrant)
            ctx.spans.mark(entrant, Span(line, column))
