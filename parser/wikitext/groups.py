"""The group parts of a section: standings tables and results matrices.

A section's blocks are read in order. A ``{{#invoke:Sports table}}`` call, a run of
``{{Fb cl header}}``/``{{Fb cl2 team}}``/``{{Fb cl footer}}`` templates, or a
wikitable with standings columns becomes a ``standings`` entry; a
``{{#invoke:Sports results}}`` call, the ``match_`` cells of a Sports table, or a run of
``{{Fb r2 header}}``/``{{fb r}}`` templates becomes matches of the section's round
(``source: "matrix"``). A table is named after its group: the section, or the parent
section when the section's own title is generic (``===Standings===`` under
``==Group A==``), or a one-line ``Group A`` label just above it.
"""

from __future__ import annotations

import re
from typing import Any

from ..model.group_stages import GROUP_NAME, record_standings
from ..model.sections import Section
from ..model.spans import Span
from ..model.standings import TableRead
from ..model.standings_table import read_rows, standings_columns
from .blocks import WikiBlock
from .context import WikiContext
from .fb_tables import FOOTER, HEADER, ROW, read_fb_edges, read_fb_row
from .layout import Piece
from .matrix import MatrixRead, cells_of, matrix_matches, read_fb_r, read_sports_results
from .params import Problem, TemplateParam, read_params
from .sports_table import NAME as SPORTS_TABLE
from .sports_table import read_sports_table
from .tables import WikiTable, column_names

SPORTS_RESULTS = "#invoke:sports results"
FB_R_HEADER = re.compile(r"^fb r[0-9]? header$")
FB_R_ROW = re.compile(r"^fb r$")
FB_R_FOOTER = re.compile(r"^fb r[0-9]? footer$")
_LABEL_CHARS = 40


def reads_group_template(name: str) -> bool:
    """Whether a template (normalised name) is read by this module."""
    return name in (SPORTS_TABLE, SPORTS_RESULTS) or any(
        pattern.match(name) for pattern in (ROW, HEADER, FOOTER, FB_R_HEADER, FB_R_ROW,
                                            FB_R_FOOTER))


def _label(blocks: list[WikiBlock], index: int) -> str | None:
    """A one-line label naming a group just above block ``index`` (``;Group A``)."""
    block = blocks[index]
    if block.label is not None:
        text = block.label.text.strip().lstrip(";").strip().rstrip(":").strip()
        return text if GROUP_NAME.search(text) and len(text) <= _LABEL_CHARS else None
    if index == 0:
        return None
    above = blocks[index - 1]
    if above.kind != "paragraph" or len(above.lines) != 1:
        return None
    text = above.text.strip().rstrip(":").strip()
    return text if GROUP_NAME.search(text) and len(text) <= _LABEL_CHARS else None


def _params(ctx: WikiContext, piece: Piece) -> list[TemplateParam]:
    params = read_params(piece.template, piece.start, ctx.source)
    for item in params:
        ctx.templates.extend(item.rendering.unknown)
    return params


def _report(ctx: WikiContext, problems: list[Problem]) -> None:
    for problem in problems:
        ctx.note(problem.code, problem.message, problem.span.line, problem.span.column)


class SectionGroups:
    """Reads one section's standings and matrices into the context; keeps its matches."""

    def __init__(self, ctx: WikiContext, section: Section, blocks: list[WikiBlock],
                 tables: dict[int, WikiTable]) -> None:
        self.ctx, self.section, self.blocks, self.tables = ctx, section, blocks, tables
        self.matches: list[dict[str, Any]] = []
        self.own_teams: list[tuple[str, Span]] = []
        self.own_codes: dict[str, tuple[str, Span]] = {}

    def read(self) -> list[dict[str, Any]]:
        """Read every group part of the section; the matrix matches, in source order."""
        blocks, index = self.blocks, 0
        while index < len(blocks):
            block, piece = blocks[index], blocks[index].piece
            name = piece.name if piece is not None and piece.kind == "template" else ""
            if name == SPORTS_TABLE:
                assert piece is not None
                params = _params(self.ctx, piece)
                read, cells, problems = read_sports_table(params, piece.display_name,
                                                          self.ctx.source)
                _report(self.ctx, problems)
                self._standings(read, index, piece.line, piece.end_line)
                if cells:
                    codes = [row.code for row in read.rows if row.code]
                    matrix = MatrixRead(piece.display_name, codes)
                    matrix.cells, cell_problems = cells_of(params, codes, piece.display_name)
                    _report(self.ctx, cell_problems)
                    self._matrix(matrix)
            elif name == SPORTS_RESULTS:
                assert piece is not None
                matrix, problems = read_sports_results(_params(self.ctx, piece),
                                                       piece.display_name, self.ctx.source)
                _report(self.ctx, problems)
                self._matrix(matrix)
            elif any(p.match(name) for p in (ROW, HEADER, FOOTER)):
                index = self._fb_table(index)
                continue
            elif FB_R_HEADER.match(name) or FB_R_ROW.match(name) or FB_R_FOOTER.match(name):
                index = self._fb_matrix(index)
                continue
            elif id(block) in self.tables:
                self._wikitable(index, self.tables[id(block)])
            index += 1
        return self.matches

    def _run(self, start: int, patterns: tuple[re.Pattern[str], ...]) -> list[Piece]:
        run: list[Piece] = []
        for block in self.blocks[start:]:
            piece = block.piece
            if piece is None or piece.kind != "template" or not any(
                    p.match(piece.name) for p in patterns):
                break
            if (run and HEADER.match(piece.name)) or (run and FB_R_HEADER.match(piece.name)):
                break
            run.append(piece)
            if FOOTER.match(piece.name):
                break
        return run

    def _fb_table(self, start: int) -> int:
        run = self._run(start, (ROW, HEADER, FOOTER))
        read = TableRead("fb_cl2", run[0].display_name)
        problems: list[Problem] = []
        for piece in run:
            params = _params(self.ctx, piece)
            if ROW.match(piece.name):
                row = read_fb_row(params, piece.display_name, problems)
                if row is not None:
                    read.rows.append(row)
            else:
                read_fb_edges(params, read)
        _report(self.ctx, problems)
        if read.rows:
            self._standings(read, start, run[0].line, run[-1].end_line)
        return start + len(run)

    def _fb_matrix(self, start: int) -> int:
        run = self._run(start, (FB_R_HEADER, FB_R_ROW, FB_R_FOOTER))
        header = _params(self.ctx, run[0]) if FB_R_HEADER.match(run[0].name) else None
        rows = [_params(self.ctx, p) for p in run if FB_R_ROW.match(p.name)]
        row_name = next((p.display_name for p in run if FB_R_ROW.match(p.name)), "fb r")
        matrix, problems = read_fb_r(header, rows, row_name)
        for piece in run:
            if FB_R_FOOTER.match(piece.name):
                matrix.extra.update({f"footer {p.key}": p.text
                                     for p in _params(self.ctx, piece) if p.text})
        _report(self.ctx, problems)
        self._matrix(matrix)
        return start + len(run)

    def _wikitable(self, index: int, table: WikiTable) -> None:
        columns = standings_columns(column_names(table))
        if columns is None:
            return
        source = self.ctx.source
        rows = [(row.texts, [Span(*source.position(c.offset)) for c in row.cells],
                 Span(*source.position(row.first_offset))) for row in table.rows]
        read = read_rows(columns, rows)
        block = self.blocks[index]
        if read.rows:
            self._standings(read, index, block.lines[0].number, block.end_line)

    def _standings(self, read: TableRead, index: int, line: int, end_line: int) -> None:
        ctx = self.ctx
        table = record_standings(ctx, read, label=_label(self.blocks, index),
                                 section=self.section, line=line, end_line=end_line)
        for row, item in zip(table["rows"], read.rows, strict=True):
            where = item.spans.get("team", item.span)
            self.own_teams.append((row["team"], where))
            ctx.team_names.append((row["team"], where))
            if row["code"]:
                ctx.team_codes.setdefault(row["code"], (row["team"], where))
                self.own_codes[row["code"]] = (row["team"], where)

    def _matrix(self, matrix: MatrixRead) -> None:
        ctx = self.ctx
        teams = self.own_teams or ctx.team_names
        known = {**ctx.team_codes, **self.own_codes}
        made, problems = matrix_matches(matrix, known, teams)
        _report(ctx, problems)
        for found, spans in made:
            ctx.spans.mark(found, Span(found["line"], found["column"]))
            for key, span in spans.items():
                ctx.spans.mark(found, span, key)
            self.matches.append(found)
