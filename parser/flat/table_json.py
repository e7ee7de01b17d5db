"""Flat-form tables as JSON: a table block's rows with the span of every cell, the
entrants of an entrants table and the matches of a results table."""

from __future__ import annotations

from typing import Any

from ..markup.wiki import Line
from ..model.assemble import prose_counts
from ..model.blocks import Block
from ..model.context import Context
from ..model.entrants import block_titles, new_entrant, pot_columns, table_column_roles, typed
from ..model.group_stages import record_standings
from ..model.results_cells import is_match_row, table_role
from ..model.rounds import ResultsColumns, RoundDraft
from ..model.sections import Section
from ..model.spans import Span
from ..model.standings_table import read_rows, standings_columns
from ..model.tables import SCORE_COL, Row, Table
from ..model.topics import header_topic, title_topic
from .results_table import table_matches as read_matches
from .tables import parse_tables


def tables_of(block: Block, label: Line | None) -> list[Table]:
    """``parse_tables`` of a table block, parsed once (a results table is read for its
    JSON and again for its matches)."""
    tables = block.extra.get("tables")
    if tables is None:
        tables = block.extra["tables"] = parse_tables(block.lines, label)
    assert isinstance(tables, list)
    return tables


def table_json(ctx: Context, section: Section, table: Table) -> dict[str, Any]:
    role = table_role(table)
    if role in ("entrants", "other"):  # a club column in a table of scorers or prize money
        topic = header_topic(table.columns)
        if topic is None and role == "entrants":
            label = table.label.text.strip() if table.label else None
            topic = title_topic([label, table.caption_text, *block_titles(None, section)])
        if topic == "venues" and role == "entrants":
            topic = None  # Team | Location | Stadium | Capacity: each row is a team, at home
        role = topic or role
    rows = []
    for row in table.rows:
        entry = {"line": row.line.number, "cells": row.cells, "truncated": row.truncated}
        rows.append(entry)
        ctx.spans.at(entry, row.line.number, 1)
        mark_cells(ctx, entry, row)
        if row.truncated:
            ctx.note("PA004", "table row ends without a closing '|' (truncated?)",
                     row.line.number, len(row.line.raw.rstrip()) + 1)
    for line in table.artifacts:
        if line.text.strip() != "|":
            ctx.note("PA003", f"leaked wikitable markup kept as an artifact: "
                     f"{line.text.strip()[:40]!r}", line.number)
    first = table.label.number if table.label else table.lines[0].number
    result = {
        "kind": "table", "line": first, "end_line": table.lines[-1].number,
        "label": table.label.text.strip() if table.label else None,
        "caption": table.caption_text, "role": role, "columns": table.columns,
        "header": table.header.cells if table.header else [],
        "header_line": table.header.line.number if table.header else None,
        "rows": rows,
        "artifacts": [{"line": line.number, "text": line.text} for line in table.artifacts],
    }
    ctx.spans.at(result, first, 1, table.lines[-1].number)
    if table.label is not None:
        prose_counts(ctx, section, table.label)
    standings = standings_columns(table.columns)
    if standings is not None:
        table_standings(ctx, section, table, standings)
    if role == "entrants":
        table_entrants(ctx, section, table)
    if role != "results" and not table.column_index(SCORE_COL):
        # (a header with a score column but not two sides is a table of past finals: not
        # this competition's matches, and left so on purpose)
        for row in table.rows:
            if is_match_row(row.cells):
                ctx.note("PA013", "table row looks like a match but was not read as one: its "
                         f"table's header ({' | '.join(table.columns)[:60]}) names no score "
                         "column", row.line.number, ctx.col(row.line, row.starts[0]))
    return result


def mark_cells(ctx: Context, entry: dict[str, Any], row: Row) -> None:
    """Span of every cell (an empty cell points just after its opening pipe)."""
    col, number = ctx.columns(row.line), row.line.number
    for index, (cell, start) in enumerate(zip(row.cells, row.starts, strict=True)):
        first = start if cell else max(start - 1, 0)
        last = first + max(len(cell) - 1, 0)
        ctx.spans.item_at(entry, "cells", index, number, col(first), number, col(last))


def table_entrants(ctx: Context, section: Section, table: Table) -> None:
    roles = table_column_roles(table)
    name_index = next((i for i, r in roles.items() if r == "name"), None)
    columns = table.columns
    if name_index is None:
        _pot_entrants(ctx, section, table)
        return
    for row in table.rows:
        if name_index >= len(row.cells) or not row.cells[name_index]:
            continue
        fields: dict[str, Any] = {}
        for index, role in roles.items():
            if role != "name" and index < len(row.cells):
                fields[role] = typed(role, row.cells[index])
        raw_columns = {columns[i]: row.cells[i] for i in range(min(len(columns), len(row.cells)))}
        column = ctx.col(row.line, row.starts[name_index])
        entrant = new_entrant(row.cells[name_index], label=table.caption_text,
                              section=section.title, source="table", columns=raw_columns,
                              block_line=table.lines[0].number if table.label is None
                              else table.label.number,
                              line=row.line.number, column=column, **fields)
        if row.truncated:
            entrant["truncated"] = True
        ctx.entrants.append(entrant)
        ctx.spans.at(entrant, row.line.number, column)
        for index, role in roles.items():
            if role != "name" and index < len(row.cells) and row.cells[index]:
                start = row.starts[index]
                ctx.spans.at(entrant, row.line.number, ctx.col(row.line, start), row.line.number,
                             ctx.col(row.line, start + len(row.cells[index]) - 1), key=role)


def table_standings(ctx: Context, section: Section, table: Table,
                    columns: dict[str, int]) -> None:
    """A group table (``Pos | Team | Pld | W | D | L | GF | GA | GD | Pts``) as standings,
    each figure with the span of its cell."""
    rows = []
    for row in table.rows:
        col = ctx.columns(row.line)
        spans = [Span(row.line.number, col(start)) for start in row.starts]
        rows.append((row.cells, spans, Span(row.line.number, col(row.starts[0]) if row.starts
                                            else 1)))
    read = read_rows(columns, rows, source="table")
    if read.rows:
        first = table.label.number if table.label else table.lines[0].number
        record_standings(ctx, read, label=table.caption_text, section=section, line=first,
                         end_line=table.lines[-1].number)


def _pot_entrants(ctx: Context, section: Section, table: Table) -> None:
    """Every team of a draw-pot table (``Seeded | Unseeded``), its pot as the note."""
    pots = pot_columns(table)
    for row in table.rows:  # in source order: row by row, pot by pot
        for index in pots:
            if index >= len(row.cells) or not row.cells[index]:
                continue
            column = ctx.col(row.line, row.starts[index])
            entrant = new_entrant(row.cells[index], label=table.caption_text,
                                  section=section.title, source="table",
                                  columns={table.columns[index]: row.cells[index]},
                                  block_line=table.lines[0].number if table.label is None
                                  else table.label.number,
                                  line=row.line.number, column=column,
                                  note=table.columns[index])
            ctx.entrants.append(entrant)
            ctx.spans.at(entrant, row.line.number, column)


def table_matches(ctx: Context, table: Table, draft: RoundDraft) -> None:
    """The matches of a results table (``flat.results_table``)."""
    read_matches(ctx, table, draft, by_content=ResultsColumns.of(table) is None
                 and table_role(table) == "results")
