"""Assembly: a wikitext document becomes the same JSON as a flat-form one.

The flat form's pieces are reused wherever the logic is the same: the section
tree (``sections.build_tree``), counts, list entrants, prose entrants, round
names, years and dates (``rounds``), the match object (``rounds.match_dict``),
results-table rows (``rounds.match_from_row``) and the document ``Context``.
What differs is where things come from: templates, wikitables and rendered
lines, each with positions in the wikitext.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from mwparserfromhell.nodes import Tag, Template

from .. import build as flat
from ..blocks import Block
from ..counts import from_heading
from ..diagnostics import Diagnostic, Severity
from ..entrants import new_entrant, table_column_roles, typed
from ..rounds import (
    YearContext,
    leg_of,
    prose_date,
    prose_year,
    resolve_dates,
    round_name,
)
from ..sections import Section, build_tree
from ..source import Source
from ..spans import Span
from ..wiki import WikiScan
from .blocks import WikiBlock, split_blocks
from .boxes import box_match, read_box
from .infobox import infobox_fields
from .layout import Layout, NestedBox, Piece, is_box, scan
from .results import drop_duplicates, table_matches, two_leg_columns
from .tables import WikiTable, as_flat, cell_at, parse_table
from .text import Rendering, render_template, template_name, tidy

BRACKET = ("bracket", "teambracket", "round16", "round32", "round8", "round4")
_HATNOTES = ("main", "see also", "further", "details", "main article", "for", "about")


@dataclass
class WikiContext(flat.Context):
    """The flat-form build context plus what only wikitext has: boxes nested in other markup."""

    nested: list[NestedBox] = field(default_factory=list)
    templates: list[tuple[str, int]] = field(default_factory=list)

    def finding(self, code: str, severity: Severity, message: str, line: int, column: int = 1,
                end_line: int | None = None, pointer: str = "") -> None:
        """Record a parse diagnostic of any severity."""
        self.diagnostics.append(Diagnostic(code, severity, message, line, column, end_line,
                                           None, pointer, "parse"))


def build(source: Source) -> tuple[dict[str, Any], dict[str, Span], list[Diagnostic]]:
    """Build the JSON document of a wikitext source."""
    ctx = WikiContext(source)
    layout = scan(source)
    ctx.nested = layout.nested
    roots = build_tree(WikiScan(tuple(layout.headings), tuple(layout.lines)))
    all_sections = [s for root in roots for s in root.walk()]
    box_lines = {number: tidy(str(box.node.name)) for box in layout.nested
                 for number in range(box.line, box.end_line + 1)}
    blocks = {id(s): split_blocks(s.lines, layout.owner, box_lines) for s in all_sections}
    title, title_line = flat._title(roots)
    infobox_piece = next((p for p in layout.pieces if p.kind == "template"
                          and p.name.startswith("infobox")), None)
    if infobox_piece is not None:
        ctx.infobox = _infobox_json(ctx, infobox_piece)
    years = flat._infobox_years(ctx.infobox)
    rounds: list[dict[str, Any]] = []
    sections_json = [_section_json(ctx, root, blocks, rounds, years) for root in roots]
    _loose_ends(ctx, layout, rounds)
    data: dict[str, Any] = {
        "format_version": flat.FORMAT_VERSION,
        "source": {
            "path": source.path, "form": "wikitext", "encoding": source.encoding,
            "bom": source.bom, "newline": source.newline, "lines": source.line_count,
        },
        "title": title,
        "title_line": title_line,
        "infobox": ctx.infobox,
        "sections": sections_json,
        "entrants": ctx.entrants,
        "declared_counts": ctx.declared,
        "rounds": rounds,
        "unparsed": ctx.unparsed,
    }
    return data, ctx.spans.resolve(data), ctx.diagnostics


def _template(piece: Piece) -> Template:
    assert isinstance(piece.node, Template)
    return piece.node


def _display_name(piece: Piece) -> str:
    return tidy(str(_template(piece).name))


def _infobox_json(ctx: WikiContext, piece: Piece) -> dict[str, Any]:
    fields = []
    for item in infobox_fields(_template(piece), piece.name, piece.start, ctx.source):
        fields.append(item.entry)
        ctx.templates.extend(item.unknown)
        ctx.spans.mark(item.entry, item.key_span)
        ctx.spans.mark(item.entry, item.value_span, "value")
        ctx.spans.mark(item.entry, item.value_span, "raw")
    line, column = ctx.source.position(piece.start)
    result = {"line": piece.line, "end_line": piece.end_line, "form": _display_name(piece),
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
            flat._declare(ctx, found, "heading", title, section.line, column)
    own = blocks[id(section)]
    tables: dict[int, WikiTable] = {}
    blocks_json: list[dict[str, Any]] = []
    for block in own:
        blocks_json.append(_block_json(ctx, section, block, tables))
    numbers = {line.number for line in section.lines}
    has_boxes = any(b.piece is not None and b.piece.kind == "template" and is_box(b.piece.name)
                    for b in own) or any(box.line in numbers for box in ctx.nested)
    has_results = any(b["kind"] == "table" and b["role"] == "results" for b in blocks_json)
    if has_boxes or has_results:
        rounds.append(_round_json(ctx, section, own, tables, years))
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
        return _with_refs(_template_json(ctx, block, piece, base), piece.refs)
    refs = sum(line.refs for line in block.lines)
    if block.kind == "list":
        flat_block = Block("list", block.lines, label=block.label,
                           extra={"style": block.style})
        return _with_refs(flat._list_json(ctx, section, flat_block, base), refs)
    if block.kind == "template":
        base["name"] = block.name
        base["text"] = "\n".join(line.raw for line in block.lines)
    elif block.kind in ("comment", "marker", "other"):
        base["text"] = "\n".join(line.raw for line in block.lines)
        if block.kind == "other":
            flat._unparsed(ctx, block.line, block.end_line, base["text"], section.title)
    else:
        base["text"] = block.text
        for line in block.lines:
            flat._prose_counts(ctx, section, line)
            flat._prose_entrants(ctx, section, line)
    ctx.spans.mark(base, Span(block.line, 1, block.end_line))
    return _with_refs(base, refs)


def _with_refs(block: dict[str, Any], refs: int) -> dict[str, Any]:
    """Note how many references (``<ref>``, ``{{cite ...}}``, ``{{refn}}``) were removed."""
    if refs:
        block["refs"] = refs
    return block


def _template_json(ctx: WikiContext, block: WikiBlock, piece: Piece,
                   base: dict[str, Any]) -> dict[str, Any]:
    base["name"] = _display_name(piece)
    line, column = ctx.source.position(piece.start)
    if block.kind == "infobox":
        if ctx.infobox is None or ctx.infobox["line"] != piece.line:
            ctx.note("WT004", f"a second infobox ({base['name']}) is kept as a block; only "
                     "the first one fills 'infobox'", line, column, piece.end_line)
    elif not is_box(piece.name):
        if piece.name in _HATNOTES:
            base["text"] = tidy(render_template(_template(piece), piece.start, Rendering()))
        if any(word in piece.name.replace(" ", "") for word in BRACKET):
            ctx.note("WT003", f"bracket template {base['name']!r} is kept as a block; its "
                     "matches are read from match boxes and results tables only, so none is "
                     "counted twice", line, column, piece.end_line)
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
        flat._prose_counts(ctx, section, block.label)
    if role == "entrants":
        _table_entrants(ctx, section, block, table)
    return result


def _table_entrants(ctx: WikiContext, section: Section, block: WikiBlock,
                    table: WikiTable) -> None:
    flat_table = as_flat(table, ctx.source, block.label)
    roles = table_column_roles(flat_table)
    name_index = next((i for i, r in roles.items() if r == "name"), None)
    if name_index is None:
        return
    columns = flat_table.columns
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


# ---- rounds -------------------------------------------------------------------------------


def _round_json(ctx: WikiContext, section: Section, own: list[WikiBlock],
                tables: dict[int, WikiTable], years: YearContext) -> dict[str, Any]:
    name, region = round_name(section)
    texts = [b.text for b in own if b.kind == "paragraph"]
    for ancestor in section.ancestors():
        texts.extend(line.text for line in ancestor.lines if line.covered != "piece")
    year = prose_year(texts)
    matches: list[dict[str, Any]] = []
    notes: list[str] = []
    for block in own:
        if block.kind == "paragraph":
            notes.append(block.text)
        elif block.piece is not None and block.piece.kind == "template" \
                and is_box(block.piece.name):
            found = _box_match(ctx, block.piece)
            if found is not None:
                matches.append(found)
        elif id(block) in tables:
            matches.extend(table_matches(ctx, block, tables[id(block)]))
        for nested in ctx.nested:
            if block.lines[0].number <= nested.line <= block.end_line:
                found = _box_match(ctx, Piece("template", nested.node, nested.offset,
                                              nested.offset + len(str(nested.node)),
                                              nested.line, nested.end_line,
                                              template_name(nested.node)))
                if found is not None:
                    matches.append(found)
    matches = drop_duplicates(ctx, matches)
    leg = leg_of(section)
    default_date = prose_date(texts, section.title)
    for found in matches:
        if leg and not found["leg"]:
            found["leg"] = leg
        if default_date and not found["date"]:
            found["date"] = default_date
    resolve_dates(matches, YearContext(prose=year, infobox=years.infobox, season=years.season))
    result = {
        "name": name, "region": region, "section": section.title, "year": year,
        "line": section.line, "end_line": section.end_line, "notes": notes,
        "matches": matches,
    }
    ctx.spans.mark(result, Span(section.line, 1, section.end_line))
    return result


def _box_match(ctx: WikiContext, piece: Piece) -> dict[str, Any] | None:
    box = read_box(_template(piece), piece.name, piece.start, ctx.source)
    ctx.templates.extend(box.templates)
    line, column = ctx.source.position(piece.start)
    name = _display_name(piece)
    for item in box.unknown:
        where = item.key_span or item.span
        ctx.note("WT001", f"unknown {name} parameter {item.key!r} kept under the match's "
                 "'extra'", where.line, where.column)
    if "team1" not in box.params or "team2" not in box.params or not tidy(
            box.params["team1"].text) or not tidy(box.params["team2"].text):
        ctx.finding("WT005", Severity.WARNING, f"{name} without team1 and team2: no match "
                    "made from it", line, column, piece.end_line)
        return None
    found, spans = box_match(box, piece.line, piece.end_line)
    ctx.spans.mark(found, Span(found["line"], found["column"], piece.end_line))
    for key, span in spans.items():
        ctx.spans.mark(found, span, key)
    return found


# ---- loose ends ---------------------------------------------------------------------------


def _loose_ends(ctx: WikiContext, layout: Layout, rounds: list[dict[str, Any]]) -> None:
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
