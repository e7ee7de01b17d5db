"""The matches of a flat-form results table.

A two-leg summary (``Team 1 | Agg. | Team 2 | 1st leg | 2nd leg``) gives one match per leg
(``model.two_legs``). A table whose header names its columns is read by those positions
(``rounds.match_from_row``); its rows that do not fit them, and every row of a table
whose header lost its score column (``results_cells.reads_by_content``), are read by
what their cells hold (``results_cells.read_rows``): dates and kick-off times carried
down, matches cut across two rows, empty scores as unplayed. A match made from a row
without its closing ``|`` is marked ``truncated``; a row that gives no match and is not
only a date, a time or a number gets PA002.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ..markup.wiki import Line
from ..model.assemble import add_fact
from ..model.context import Context
from ..model.match_lines import Result, parse_match_line, parse_score_cell, parse_team_cell
from ..model.match_notes import apply_fact, note_facts, resolved
from ..model.results_cells import CellKind, CellMatch, Position, cell_kind, read_rows
from ..model.rounds import ResultsColumns, RoundDraft, match_dict, match_from_line, match_from_row
from ..model.tables import Row, Table, TwoLegColumns, two_leg_columns
from ..model.two_legs import tie_legs

_KICK_OFF_COL = re.compile(r"\b(kick[- ]?off|time|k\.?o\.?)$", re.IGNORECASE)
_CONTEXT_KINDS = frozenset({CellKind.EMPTY, CellKind.DATE, CellKind.TIME, CellKind.NUMBER})


def table_matches(ctx: Context, table: Table, draft: RoundDraft, *, by_content: bool) -> None:
    """Add the matches of ``table`` to the round ``draft`` (``by_content``: the table's
    header gave no positions, read every row by its cells)."""
    legs = two_leg_columns(table.columns)
    if legs is not None:
        _two_leg_rows(ctx, table, legs, draft)
        return
    cols = None if by_content else ResultsColumns.of(table)
    if cols is None and not by_content:
        return
    rows = table.rows
    by_row: dict[int, dict[str, Any]] = {}
    kick_off = next((i for i, name in enumerate(table.columns) if _KICK_OFF_COL.search(name)),
                    None)
    if cols is not None:
        for index, row in enumerate(rows):
            made = match_from_row(row, cols)
            if made is not None:
                found, column_at = made
                found["column"] = ctx.col(row.line, column_at)
                _mark_header_date(ctx, found, row, cols)
                if kick_off is not None and kick_off < len(row.cells) and row.cells[kick_off]:
                    found["time"] = row.cells[kick_off]
                by_row[index] = found
    placed: list[tuple[tuple[int, ...], dict[str, Any]]] = [
        ((index,), found) for index, found in by_row.items()]
    for cell_match in read_rows([row.cells for row in rows], frozenset(by_row)):
        read = _content_match(ctx, rows, cell_match)
        if read is not None:
            placed.append((cell_match.rows, read))
    placed.sort(key=lambda item: (item[1]["line"], item[1]["column"]))
    used: set[int] = set()
    for taken, found in placed:
        used.update(taken)
        if any(rows[r].truncated for r in taken):
            found["truncated"] = True
        _read_notes(ctx, draft, rows[taken[0]].line, found)
        draft.matches.append(found)
        ctx.spans.at(found, found["line"], found["column"])
    for index, row in enumerate(rows):
        if index not in used and any(cell_kind(c) not in _CONTEXT_KINDS for c in row.cells):
            ctx.note("PA002", "results-table row holds no match that could be read",
                     row.line.number)


def _two_leg_rows(ctx: Context, table: Table, cols: TwoLegColumns, draft: RoundDraft) -> None:
    """The matches of a two-leg summary (``Team 1 | Agg. | Team 2 | 1st leg | 2nd leg``):
    one per leg a row scores, from ``model.two_legs``; a row without two teams gets PA002."""
    for row in table.rows:
        cell = functools.partial(_row_cell, row)
        team1, team2 = parse_team_cell(cell(cols.team1)), parse_team_cell(cell(cols.team2))
        if team1 is None or team2 is None:
            if any(cell_kind(c) not in _CONTEXT_KINDS for c in row.cells):
                ctx.note("PA002", "two-leg table row holds no teams that could be read",
                         row.line.number)
            continue
        text = row.line.text.strip()
        for tie_leg in tie_legs(cell(cols.aggregate), cell(cols.leg1), cell(cols.leg2)):
            second = tie_leg.second_at_home
            home, away = (team2, team1) if second else (team1, team2)
            found = match_dict(home=home, away=away, result=tie_leg.result,
                               line=row.line.number, column=1, text=text, source="table")
            found["leg"] = tie_leg.leg
            if tie_leg.aggregate is not None:
                found["aggregate"] = tie_leg.aggregate
            home_at = cols.team2 if second else cols.team1
            found["column"] = ctx.col(row.line, row.starts[home_at])
            score_at = {"1st": cols.leg1, "2nd": cols.leg2}.get(tie_leg.leg or "",
                                                                  cols.aggregate)
            if row.truncated:
                found["truncated"] = True
            _read_notes(ctx, draft, row.line, found)
            draft.matches.append(found)
            ctx.spans.at(found, found["line"], found["column"])
            if score_at is not None and score_at < len(row.starts):
                start = row.starts[score_at]
                ctx.spans.at(found, row.line.number, ctx.col(row.line, start), row.line.number,
                             ctx.col(row.line, start + max(len(cell(score_at)) - 1, 0)),
                             key="home_score")


def _read_notes(ctx: Context, draft: RoundDraft, line: Line, found: dict[str, Any]) -> None:
    """The facts a row's notes state (``Fir FC (Fir FC won 5–4 on penalties)``), as for a
    match line (``model.match_notes``)."""
    for at, fact in note_facts(found["notes"], line.text):
        fact = resolved(found, fact)
        add_fact(ctx, fact, draft.section.title, line, at)
        apply_fact(found, fact)


def _row_cell(row: Row, index: int | None) -> str:
    return row.cells[index] if index is not None and index < len(row.cells) else ""


def _mark_header_date(ctx: Context, found: dict[str, Any], row: Row,
                      cols: ResultsColumns) -> None:
    if cols.date is not None and cols.date < len(row.starts) and found["date"]:
        at = row.starts[cols.date]
        ctx.spans.at(found, row.line.number, ctx.col(row.line, at), row.line.number,
                     ctx.col(row.line, at + len(found["date"]) - 1), key="date")


def _cell(rows: list[Row], at: Position) -> str:
    return rows[at[0]].cells[at[1]]


def _content_match(ctx: Context, rows: list[Row], cm: CellMatch) -> dict[str, Any] | None:
    """The match JSON of cells read by content; None when a cell does not parse after all."""
    home_row = rows[cm.home[0]]
    text = home_row.line.text.strip()
    if cm.merged:
        merged = parse_match_line(_cell(rows, cm.home))
        if merged is None:
            return None
        found = match_from_line(merged, home_row.line.number, 1, text)
        found["source"] = "table"
    else:
        home = parse_team_cell(_cell(rows, cm.home))
        away = parse_team_cell(_cell(rows, cm.away))
        result = Result("scheduled") if cm.result is None else parse_score_cell(
            _cell(rows, cm.result))
        if home is None or away is None or result is None:
            return None
        found = match_dict(home=home, away=away, result=result, line=home_row.line.number,
                           column=1, text=text, source="table")
    found["column"] = ctx.col(home_row.line, home_row.starts[cm.home[1]])
    found["tie"] = (_cell(rows, cm.tie).rstrip(".") or None) if cm.tie is not None else None
    if cm.date is not None:
        found["date"] = _cell(rows, cm.date)
        _mark_cell(ctx, found, rows, cm.date, "date")
    if cm.time is not None:
        found["time"] = _cell(rows, cm.time)
    return found


def _mark_cell(ctx: Context, found: dict[str, Any], rows: list[Row], at: Position,
               key: str) -> None:
    row = rows[at[0]]
    start = row.starts[at[1]]
    ctx.spans.at(found, row.line.number, ctx.col(row.line, start), row.line.number,
                 ctx.col(row.line, start + len(row.cells[at[1]]) - 1), key=key)
