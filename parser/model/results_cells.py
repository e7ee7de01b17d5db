"""Results-table rows read by what their cells hold, not by the header's positions.

When a wikitable's spanned cells (a date or a kick-off time over several rows) collapse,
the flat form's rows shift: under ``| Date | Kick off | Home |`` come
``| 21 August | SC Elm | 1 - 3 |``, ``| AS Oak | 0 - 1 | FC Ash |``,
``| 19:00 | USI Birch | 3 - 2 |`` and ``| SS Pine | | FR Yew |``. Each cell gets a kind
(``cell_kind``); a match is a team cell, a result cell (a score, ``-``/``v``, or an empty
cell between two teams of one row: unplayed) and a team cell. A date or a kick-off time
holds for the rows below it until the next one; a row that ends in a team (and maybe its
score) carries on into the first cells of the next row (a match cut in two), unless that
row is a whole match of its own.

``read_rows`` gives each match as the positions of its cells (``CellMatch``); turning
them into match JSON is the reader's job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from ..records import record
from .dates import parse_date
from .match_lines import parse_match_line, parse_score_cell, parse_team_cell
from .tables import SCORE_COL, Table

MIN_SCORED_SHARE = 0.5


class CellKind(Enum):
    """What one results-table cell holds."""

    EMPTY = "empty"
    DATE = "date"
    TIME = "time"
    NUMBER = "number"
    RESULT = "result"  # a score, a walkover or a status word
    UNPLAYED = "unplayed"  # "-", "v", "vs"
    MERGED = "merged"  # a whole match in one cell ("Elm w/o-scr Oak")
    TEAM = "team"
    OTHER = "other"


_TIME = re.compile(r"^[0-9]{1,2}(?:[:.h][0-9]{2}|h)(?:\s*(?:[ap]\.?m\.?|CET|CEST|local))?$",
                   re.IGNORECASE)
_NUMBER = re.compile(r"^[0-9]{1,3}(?:[,.  ][0-9]{3})*\.?$")
_RESULTISH = (CellKind.RESULT, CellKind.UNPLAYED)
# Header words of a table of matches, besides a score column: home and away sides,
# kick-off times.
_MATCH_HEADER = re.compile(r"\b(home|away|visitors?|hosts?|kick[- ]?off|k\.?o\.?)\b", re.I)


def cell_kind(text: str) -> CellKind:
    """The kind of one cell's (stripped) text."""
    if not text:
        return CellKind.EMPTY
    if _TIME.match(text):
        return CellKind.TIME
    result = parse_score_cell(text)
    if result is not None:
        played = result.home_score is not None or result.status != "scheduled"
        return CellKind.RESULT if played else CellKind.UNPLAYED
    if parse_date(text) is not None:
        return CellKind.DATE
    if _NUMBER.match(text):
        return CellKind.NUMBER
    merged = parse_match_line(text)
    if merged is not None and merged.result.status == "walkover":
        return CellKind.MERGED
    if parse_team_cell(text) is not None:
        return CellKind.TEAM
    return CellKind.OTHER


def _context_kind(text: str) -> CellKind:
    """``cell_kind`` as far as dates and times go (the rest is OTHER)."""
    if text and _TIME.match(text):
        return CellKind.TIME
    if text and parse_score_cell(text) is None and parse_date(text) is not None:
        return CellKind.DATE
    return CellKind.OTHER


Position = tuple[int, int]
"""(row index in the table's body, cell index in that row)."""


@record
class CellMatch:
    """The cells of one match: home, result (None: an empty cell), away; the date and
    kick-off time in force; and the tie number of the home team's row."""

    home: Position
    result: Position | None
    away: Position
    date: Position | None = None
    time: Position | None = None
    tie: Position | None = None
    merged: bool = False

    @property
    def rows(self) -> tuple[int, ...]:
        """The body rows the match takes cells from (two when it is cut in two)."""
        return tuple(sorted({self.home[0], self.away[0]}))


def _row_match_at(kinds: Sequence[CellKind], index: int) -> bool:
    """Whether a whole match starts at cell ``index`` of one row."""
    if index + 2 >= len(kinds) or kinds[index] is not CellKind.TEAM:
        return False
    middle = kinds[index + 1]
    return (middle in _RESULTISH or middle is CellKind.EMPTY) and kinds[index + 2] is CellKind.TEAM


def _filled(kinds: Sequence[CellKind]) -> list[int]:
    return [i for i, kind in enumerate(kinds) if kind is not CellKind.EMPTY]


@dataclass
class _Context:
    """What holds for the rows below: the last date and kick-off time seen."""

    date: Position | None = None
    time: Position | None = None

    def note(self, r: int, kinds: Sequence[CellKind], first: int, last: int) -> None:
        """Take the dates and times among cells ``first`` to ``last - 1`` of row ``r``."""
        for index in range(first, last):
            if kinds[index] is CellKind.DATE:
                self.date, self.time = (r, index), None
            elif kinds[index] is CellKind.TIME:
                self.time = (r, index)


@record
class _Cut:
    """The first part of a match cut at a row's end: its home team, maybe its result."""

    home: Position
    result: Position | None
    date: Position | None
    time: Position | None
    tie: Position | None


def read_rows(rows: Sequence[Sequence[str]], skip: frozenset[int] = frozenset()
              ) -> list[CellMatch]:
    """The matches of a table's body rows read by cell content, in order.

    Rows in ``skip`` (already read another way) give no match and break a cut, but their
    dates and times still hold for the rows below.
    """
    found: list[CellMatch] = []
    context = _Context()
    cut: _Cut | None = None
    last_read = max((r for r in range(len(rows)) if r not in skip), default=-1)
    for r, row in enumerate(rows):
        if r in skip:
            cut = None
            if r < last_read:  # only its dates and times matter, for the rows below
                context.note(r, [_context_kind(cell) for cell in row], 0, len(row))
            continue
        kinds = [cell_kind(cell) for cell in row]
        tie = (r, 0) if kinds and kinds[0] is CellKind.NUMBER else None
        index = 0
        if cut is not None:
            index = _finish_cut(cut, r, kinds, found)
            cut = None
        while index < len(kinds):
            kind = kinds[index]
            if kind is CellKind.MERGED:
                found.append(CellMatch((r, index), None, (r, index), context.date,
                                       context.time, tie, merged=True))
            elif _row_match_at(kinds, index):
                result = (r, index + 1) if kinds[index + 1] is not CellKind.EMPTY else None
                found.append(CellMatch((r, index), result, (r, index + 2), context.date,
                                       context.time, tie))
                index += 3
                continue
            elif kind is CellKind.TEAM:
                cut = _cut_at(r, kinds, index, context, tie)
                if cut is not None:
                    break
            else:
                context.note(r, kinds, index, index + 1)
            index += 1
    return found


def _cut_at(r: int, kinds: Sequence[CellKind], index: int, context: _Context,
            tie: Position | None) -> _Cut | None:
    """A match cut at the row's end: the row ends in this team, or in it and a result."""
    rest = [i for i in _filled(kinds) if i > index]
    if not rest:
        return _Cut((r, index), None, context.date, context.time, tie)
    if len(rest) == 1 and kinds[rest[0]] in _RESULTISH:
        return _Cut((r, index), (r, rest[0]), context.date, context.time, tie)
    return None


def _finish_cut(cut: _Cut, r: int, kinds: Sequence[CellKind], found: list[CellMatch]) -> int:
    """Complete ``cut`` from the first cells of row ``r``; the index to read the row on from.

    The row carries on a cut match when it opens with the away team (after a result cut
    with the home team) or with the result and the away team, and that team is not the
    home team of a whole match of the row's own.
    """
    filled = _filled(kinds)
    if not filled:
        return 0
    first = filled[0]
    away: int | None = None
    result = cut.result
    if result is not None and kinds[first] is CellKind.TEAM and not _row_match_at(kinds, first):
        away = first
    elif result is None and kinds[first] in _RESULTISH and len(filled) > 1 \
            and kinds[filled[1]] is CellKind.TEAM and not _row_match_at(kinds, filled[1]):
        result, away = (r, first), filled[1]
    if away is None:
        return 0
    found.append(CellMatch(cut.home, result, (r, away), cut.date, cut.time, cut.tie))
    return away + 1


def is_match_row(cells: Sequence[str]) -> bool:
    """Whether one row's cells hold a whole played match (team, written score, team), so
    the row cannot be a header: ``| 1 | Elm Town (9) | 2–1 | Oak Rovers (10) | 143 |``."""
    # the score cell first: most rows have none, and their other cells need no reading
    return any(_is_result(cells[i]) and cell_kind(cells[i - 1]) is CellKind.TEAM
               and cell_kind(cells[i + 1]) is CellKind.TEAM for i in range(1, len(cells) - 1))


def _is_result(text: str) -> bool:
    """``cell_kind(text) is CellKind.RESULT``, without reading what else the cell could be."""
    if not text or _TIME.match(text):
        return False
    result = parse_score_cell(text)
    return result is not None and (result.home_score is not None
                                   or result.status != "scheduled")


def reads_by_content(table: Table) -> bool:
    """Whether a table whose header names no score column is a table of matches by its
    cells: the header names a home or away side or a kick-off time (or there is no header,
    its first row being a match), and the rows give matches, at least half of them with a
    score, a dash or a ``v``."""
    header_cells = [*(table.header.cells if table.header else []),
                     *(c for row in table.header_extra for c in row.cells)]
    if any(SCORE_COL.search(c) for c in header_cells):
        return False
    if table.header is not None and not any(_MATCH_HEADER.search(c) for c in header_cells):
        return False
    found = read_rows([row.cells for row in table.rows])
    written = sum(m.result is not None for m in found)
    return bool(found) and written >= max(1, MIN_SCORED_SHARE * len(found))


def table_role(table: Table) -> str:
    """The table's role: from its header, else ``results`` when its cells hold matches."""
    role = table.role
    if role != "results" and reads_by_content(table):
        return "results"
    return role
