"""Rounds and their matches: match boxes, results tables (as in the flat form), two-leg summaries.

A results table's rows go through the flat form's ``rounds.match_from_row``; a
row's cells keep their own positions, spans are already expanded, and a row
whose one cell spans the table (``!colspan=6 | 19 October``) dates the rows
below it. A two-leg summary (``Team 1 | Agg. | Team 2 | 1st leg | 2nd leg``)
gives one match per leg. A table row that repeats a match box of the same
round is dropped with a finding, so no match is counted twice.
"""

from __future__ import annotations

from typing import Any

from ..diagnostics import Severity
from ..markup.lengths import length
from ..model.dates import parse_date
from ..model.leg_dates import leg_dates
from ..model.match_lines import parse_team_cell
from ..model.rounds import (
    ResultsColumns,
    YearContext,
    leg_of,
    match_dict,
    match_from_row,
    prose_date,
    prose_year,
    resolve_dates,
    round_name,
)
from ..model.sections import Section
from ..model.spans import Span
from ..model.tables import TwoLegColumns
from ..model.tables import two_leg_columns as columns_of_two_legs
from ..model.two_legs import tie_legs
from .blocks import WikiBlock
from .boxes import box_match, read_box
from .context import WikiContext
from .layout import Piece, is_match_template
from .result_rows import row_matches
from .row_params import row_kind
from .tables import WikiTable, as_flat, cell_at, column_names, row_source
from .text import template_name, tidy


def two_leg_columns(table: WikiTable) -> TwoLegColumns | None:
    """The columns of a two-leg summary, or None when the table is not one."""
    return columns_of_two_legs(column_names(table))


def two_leg_matches(ctx: WikiContext, table: WikiTable,
                    cols: TwoLegColumns) -> list[dict[str, Any]]:
    """One match per leg a row scores, team 1 at home in the first leg, team 2 in the
    second (``model.two_legs``: every score is written from team 1's side); the last leg
    carries the aggregate and a bold team is the tie's winner."""
    out = []
    for row in table.rows:
        cells = [cell_at(row, i) for i in (cols.team1, cols.team2, cols.leg1, cols.leg2)]
        if any(cell is None for cell in cells):
            continue
        team1_cell, team2_cell, leg1_cell, leg2_cell = cells
        assert team1_cell and team2_cell and leg1_cell and leg2_cell
        team1 = parse_team_cell(team1_cell.text)
        team2 = parse_team_cell(team2_cell.text)
        if team1 is None or team2 is None:
            if any(row.texts):
                line, column = ctx.source.position(row.first_offset)
                ctx.note("PA002", "two-leg table row holds no teams that could be read",
                         line, column)
            continue
        agg_cell = cell_at(row, cols.aggregate) if cols.aggregate is not None else None
        legs = tie_legs(agg_cell.text if agg_cell else "", leg1_cell.text, leg2_cell.text)
        bold = None if team1_cell.bold == team2_cell.bold else team1_cell.bold
        for index, tie_leg in enumerate(legs):
            second = tie_leg.second_at_home
            home, away, home_cell = (team2, team1, team2_cell) if second else (
                team1, team2, team1_cell)
            score_cell = {"1st": leg1_cell, "2nd": leg2_cell}.get(tie_leg.leg or "", agg_cell)
            line, column = ctx.source.position(home_cell.offset)
            found = match_dict(home=home, away=away, result=tie_leg.result, line=line,
                               column=column, text=row_source(row), source="table")
            found["leg"] = tie_leg.leg
            if tie_leg.aggregate is not None:
                found["aggregate"] = tie_leg.aggregate
            if bold is not None and index == len(legs) - 1:
                found["winner"] = "home" if bold != second else "away"
            ctx.spans.mark(found, Span(line, column))
            if score_cell is not None:
                ctx.spans.mark(found, Span(*ctx.source.position(score_cell.offset)),
                               "home_score")
            out.append(found)
    return out


def table_matches(ctx: WikiContext, block: WikiBlock,
                   table: WikiTable) -> list[dict[str, Any]]:
    """Matches of a results table (or a two-leg summary), with positions and row dates."""
    legs = two_leg_columns(table)
    if legs is not None:
        return two_leg_matches(ctx, table, legs)
    flat_table = as_flat(table, ctx.source, block.label)
    cols = ResultsColumns.of(flat_table)
    if cols is None:
        return []
    separators = dict(table.separators)
    current_date: str | None = None
    out = []
    for index, (row, flat_row) in enumerate(zip(table.rows, flat_table.rows, strict=True)):
        if index in separators and parse_date(separators[index].cells[0].text):
            current_date = separators[index].cells[0].text
        made = match_from_row(flat_row, cols)
        first = row.first_offset
        if made is None:
            if any(row.texts):
                line, column = ctx.source.position(first)
                ctx.note("PA002", "results-table row holds no match that could be read",
                         line, column)
            continue
        found, home_index = made
        home_cell = cell_at(row, home_index) or row.cells[0]
        line, column = ctx.source.position(home_cell.offset)
        found.update({"line": line, "column": column, "text": row_source(row)})
        if current_date and not found["date"]:
            found["date"] = current_date
        home_bold, away_bold = (cell.bold if cell else False for cell in (
            home_cell, cell_at(row, cols.away if home_index == cols.home else home_index + 2)))
        if home_bold != away_bold:
            found["winner"] = "home" if home_bold else "away"
        ctx.spans.mark(found, Span(line, column))
        ctx.spans.mark(found, Span(line, column), "home")
        for key, index_ in (("away", cols.away), ("home_score", cols.score),
                            ("date", cols.date), ("tie", cols.tie), ("leg", cols.leg)):
            cell = cell_at(row, index_) if index_ is not None else None
            if cell is not None:
                ctx.spans.mark(found, Span(*ctx.source.position(cell.offset)), key)
        out.append(found)
    return out


def drop_duplicates(ctx: WikiContext, matches: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A results-table row that repeats a match box of the round is counted once (the box)."""
    def key(found: dict[str, Any]) -> tuple[Any, ...]:
        return (found["home"].casefold(), found["away"].casefold(), found["home_score"],
                found["away_score"])

    boxes = {key(m): m for m in matches if m["source"] == "template"}
    out = []
    for found in matches:
        box = boxes.get(key(found)) if found["source"] == "table" else None
        if box is not None:
            if box["leg"] is None and found["leg"]:
                box["leg"] = found["leg"]
            ctx.note("WT006", f"{found['home']} v {found['away']} is both a table row and a "
                     "match box; counted once (the box)", found["line"], found["column"])
            continue
        out.append(found)
    return out


def round_json(ctx: WikiContext, section: Section, own: list[WikiBlock],
               tables: dict[int, WikiTable], years: YearContext,
               matrix: list[dict[str, Any]]) -> dict[str, Any]:
    """The round a section holds: its match boxes, results-table rows and the ``matrix``
    matches read from its results matrices, dates resolved."""
    name, region = round_name(section)
    texts = [b.text for b in own if b.kind == "paragraph"]
    for ancestor in section.ancestors():
        texts.extend(line.text for line in ancestor.lines if line.covered != "piece")
    year = prose_year(texts)
    matches: list[dict[str, Any]] = list(matrix)
    notes: list[str] = []
    for block in own:
        if block.kind == "paragraph":
            notes.append(block.text)
        elif block.piece is not None and block.piece.kind == "template" \
                and is_match_template(block.piece.name):
            matches.extend(template_matches(ctx, block.piece))
        elif id(block) in tables:
            matches.extend(table_matches(ctx, block, tables[id(block)]))
        for nested in ctx.nested:
            if block.lines[0].number <= nested.line <= block.end_line:
                matches.extend(template_matches(ctx, Piece(
                    "template", nested.node, nested.offset,
                    nested.offset + length(nested.node), nested.line, nested.end_line,
                    template_name(nested.node))))
    matches.sort(key=lambda found: (found["line"], found["column"]))  # source order
    matches = drop_duplicates(ctx, matches)
    leg = leg_of(section)
    default_date = prose_date(texts, section.title)
    by_leg = leg_dates(texts) if leg or any(m["leg"] for m in matches) else {}
    for found in matches:
        if leg and not found["leg"]:
            found["leg"] = leg
        if not found["date"]:
            found["date"] = by_leg.get(found["leg"] or "") or default_date
    resolve_dates(matches, YearContext(prose=year, infobox=years.infobox, season=years.season))
    result = {
        "name": name, "region": region, "section": section.title, "year": year,
        "line": section.line, "end_line": section.end_line, "notes": notes,
        "matches": matches,
    }
    ctx.spans.mark(result, Span(section.line, 1, section.end_line))
    return result


def template_matches(ctx: WikiContext, piece: Piece) -> list[dict[str, Any]]:
    """The matches of a match box (one) or a result row (one per leg)."""
    if row_kind(piece.name) is not None:
        return row_matches(ctx, piece)
    found = box_match_of(ctx, piece)
    return [] if found is None else [found]


def box_match_of(ctx: WikiContext, piece: Piece) -> dict[str, Any] | None:
    box = read_box(piece.template, piece.name, piece.start, ctx.source)
    ctx.templates.extend(box.templates)
    line, column = ctx.source.position(piece.start)
    name = piece.display_name
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
