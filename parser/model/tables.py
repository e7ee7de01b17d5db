"""The table model both readers produce: rows of cells with their positions, a header and
the table's role (``results``, ``entrants`` or ``other``) worked out from its column names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..markup.wiki import Line
from ..records import record

TEAM_COL = re.compile(r"\b(club|team|side|home|away|winning|losing|winner|loser)\b|^team ?[12]",
                       re.IGNORECASE)
_NAME_COL = re.compile(r"\b(club|team|side|name)\b", re.IGNORECASE)
_PLAYER_COL = re.compile(r"\b(player|scorer|goalscorer|goal scorer)s?\b", re.IGNORECASE)
# the columns of a draw-pot table, each a list of teams (``Seeded | Unseeded``, ``Pot 1``)
POT_COL = re.compile(r"^(?:seeded|unseeded|non-seeded|pot\s*[0-9a-z]{1,2})$", re.IGNORECASE)
# beside a ``Group`` column, the teams that came through it (``Group | Winners | Runners-up``)
_PLACED_COL = re.compile(r"^(?:group\s+)?(?:winners|runners[- ]up|third[- ]placed?(?:\s+teams?)?)$",
                         re.IGNORECASE)
_GROUP_COL = re.compile(r"^group$", re.IGNORECASE)


def pot_column_indexes(columns: list[str]) -> list[int]:
    """The columns each cell of which is a team: draw pots (``Seeded``, ``Pot 1``) and, in a
    table with a ``Group`` column, the places teams finished in (``Winners``, ``Runners-up``)."""
    names = [name.strip() for name in columns]
    wanted = [POT_COL]
    if any(_GROUP_COL.match(name) for name in names):
        wanted.append(_PLACED_COL)
    return [index for index, name in enumerate(names) if any(p.match(name) for p in wanted)]
SCORE_COL = re.compile(r"\b(score|result|res\.?)\b", re.IGNORECASE)
# a two-leg summary: ``Team 1 | Agg. | Team 2 | 1st leg | 2nd leg``
_TEAM1_COL = re.compile(r"^(team|club|side) ?(1|one|a)$|^home( team)?$", re.IGNORECASE)
_TEAM2_COL = re.compile(r"^(team|club|side) ?(2|two|b)$|^away( team)?$", re.IGNORECASE)
_AGG_COL = re.compile(r"\bagg", re.IGNORECASE)
_LEG1_COL = re.compile(r"\b(1st|first) leg\b|^leg ?1$", re.IGNORECASE)
_LEG2_COL = re.compile(r"\b(2nd|second) leg\b|^leg ?2$", re.IGNORECASE)


@record
class TwoLegColumns:
    """The columns of a two-leg summary table (the aggregate's may be missing)."""

    team1: int
    team2: int
    leg1: int
    leg2: int
    aggregate: int | None


def two_leg_columns(names: list[str]) -> TwoLegColumns | None:
    """The columns of a two-leg summary from its column names, or None when it is not one."""
    def find(pattern: re.Pattern[str]) -> int | None:
        return next((i for i, name in enumerate(names) if pattern.search(name.strip())), None)

    leg1 = find(_LEG1_COL)
    if leg1 is None:
        return None  # most tables: no leg column, one pass over the names
    team1, team2, leg2 = find(_TEAM1_COL), find(_TEAM2_COL), find(_LEG2_COL)
    if team1 is None or team2 is None or leg2 is None:
        return None
    return TwoLegColumns(team1, team2, leg1, leg2, find(_AGG_COL))


@dataclass
class Row:
    """One table row: its cells (stripped) and each cell's 0-based start in the line."""

    line: Line
    cells: list[str]
    starts: list[int]
    truncated: bool = False


@dataclass
class Table:
    """A parsed table with its caption, header, body rows and leaked markup."""

    lines: list[Line]
    rows: list[Row] = field(default_factory=list)
    caption: Row | None = None
    header: Row | None = None
    header_extra: list[Row] = field(default_factory=list)
    artifacts: list[Line] = field(default_factory=list)
    label: Line | None = None

    @property
    def columns(self) -> list[str]:
        """Column names; an empty or ``'`` header cell is named by position (``column_5``).
        Worked out once for the header (or, without one, the rows) the table has: the
        readers and checks ask for them many times."""
        key = (self.header, len(self.rows) if self.header is None else -1)
        cached = self.__dict__.get("_columns")
        if cached is not None and cached[0][0] is key[0] and cached[0][1] == key[1]:
            return list(cached[1])
        if self.header is None:
            width = max((len(r.cells) for r in self.rows), default=0)
            names = [f"column_{i + 1}" for i in range(width)]
        else:
            names = []
            for index, cell in enumerate(self.header.cells):
                name = cell.strip().strip("'").strip()
                names.append(name if name else f"column_{index + 1}")
        self.__dict__["_columns"] = (key, tuple(names))
        return names

    @property
    def caption_text(self) -> str | None:
        """The caption: a caption row, else the label line above the table."""
        if self.caption is not None:
            return next(c for c in self.caption.cells if c)
        if self.label is not None:
            return self.label.text.strip().lstrip("-*# ").rstrip("*").strip()
        return None

    def column_index(self, pattern: re.Pattern[str]) -> list[int]:
        """Indexes of columns whose name matches ``pattern``."""
        return [i for i, name in enumerate(self.columns) if pattern.search(name)]

    @property
    def role(self) -> str:
        """``results``, ``entrants`` or ``other``."""
        team_cols = self.column_index(TEAM_COL)
        if self.column_index(SCORE_COL) and len(team_cols) >= 2:
            return "results"
        if two_leg_columns(self.columns) is not None:
            return "results"
        if any(_PLAYER_COL.search(name) for name in self.columns):
            return "other"  # top scorers, hat-tricks: players, with their teams beside them
        if any(_NAME_COL.search(name) for name in self.columns) or pot_column_indexes(
                self.columns):
            return "entrants"
        return "other"
