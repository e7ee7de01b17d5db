"""Group standings as the report shows them, with recomputed values beside wrong ones.

For every row the report recomputes games played (won + drawn + lost), the goal
difference (for − against) and the points (points per win × won + drawn + the row's
adjustment). Points per win is what the table itself uses: 3, or 2 when more of its
rows fit 2 than 3 (older seasons). A written value that disagrees is shown with the
recomputed one beside it; findings on a row or cell are marked there as elsewhere.
"""

from __future__ import annotations

from typing import Any

from ..records import record

COLUMNS = (("played", "P"), ("won", "W"), ("drawn", "D"), ("lost", "L"),
           ("goals_for", "GF"), ("goals_against", "GA"), ("goal_difference", "GD"),
           ("points", "Pts"))


@record
class Cell:
    """A number of a standings row: as written, and recomputed when that differs."""

    key: str
    written: int | None
    recomputed: int | None  # None when it agrees or cannot be recomputed
    derived: bool = False  # not written: ``written`` holds the computed value


@record
class Row:
    """One row of a standings table."""

    id: str
    pointer: str
    line: int
    position: int | None
    team: str
    code: str | None
    cells: tuple[Cell, ...]
    status: str | None
    note: str | None


@record
class Table:
    """One standings table."""

    id: str
    name: str
    section: str | None
    source: str | None
    line: int | None
    win_points: int
    rows: tuple[Row, ...]


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def win_points(rows: list[dict[str, Any]]) -> int:
    """Points per win the written points of ``rows`` fit best (3 unless 2 fits more)."""
    def fits(points: int) -> int:
        count = 0
        for row in rows:
            won, drawn, written = _int(row.get("won")), _int(row.get("drawn")), _int(
                row.get("points"))
            adjust = _int(row.get("adjust_points")) or 0
            if won is not None and drawn is not None and written is not None:
                count += points * won + drawn + adjust == written
        return count

    return 2 if fits(2) > fits(3) else 3


def expected(row: dict[str, Any], points_per_win: int) -> dict[str, int | None]:
    """The recomputed played, goal difference and points of a row (None when unknown)."""
    won, drawn, lost = (_int(row.get(k)) for k in ("won", "drawn", "lost"))
    scored, conceded = _int(row.get("goals_for")), _int(row.get("goals_against"))
    adjust = _int(row.get("adjust_points")) or 0
    return {
        "played": None if None in (won, drawn, lost) else (won or 0) + (drawn or 0) + (lost or 0),
        "goal_difference": None if None in (scored, conceded) else (scored or 0) - (conceded or 0),
        "points": (None if won is None or drawn is None
                   else points_per_win * won + drawn + adjust),
    }


def tables(data: dict[str, Any]) -> list[Table]:
    """The document's standings tables (none when it has no ``standings``)."""
    out = []
    for index, item in enumerate(data.get("standings") or []):
        raw_rows = list(item.get("rows") or [])
        per_win = win_points(raw_rows)
        rows = []
        for number, row in enumerate(raw_rows):
            again = expected(row, per_win)
            cells = []
            for key, _label in COLUMNS:
                written = _int(row.get(key))
                recomputed = again.get(key)
                differs = written is not None and recomputed is not None and recomputed != written
                if written is None and recomputed is not None:
                    cells.append(Cell(key, recomputed, None, derived=True))
                else:
                    cells.append(Cell(key, written, recomputed if differs else None))
            rows.append(Row(f"s-{index}-{number}", f"/standings/{index}/rows/{number}",
                            int(row.get("line") or 0), _int(row.get("position")),
                            str(row.get("team", "")), row.get("code"), tuple(cells),
                            row.get("status"), row.get("note")))
        out.append(Table(f"s-{index}", str(item.get("name") or f"Table {index + 1}"),
                         item.get("section"), item.get("source"), _int(item.get("line")),
                         per_win, tuple(rows)))
    return out
