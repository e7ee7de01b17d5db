"""Standings written as a plain table: ``Pos | Team | Pld | W | D | L | GF | GA | GD | Pts``.

Form-independent: the reader gives the column names (several header rows
already joined, ``Goals For``) and each row's cell texts with their spans. A table
is a standings table when it has a team column and points, or won and lost
columns, and no score column. Header spellings vary (``P``/``GP``/``MP``/``Played``,
``F``/``A``, ``+/-``/``±``, ``Pts``/``Points``); a team cell's trailing ``(C)``,
``(Q, H)`` letters are its status; a ``Qualification``/``Notes`` column is its note.
Every figure is kept as written: a missing cell is null, never a guess.
"""

from __future__ import annotations

import re

from .spans import Span
from .standings import RowRead, TableRead, integer

COLUMNS: dict[str, re.Pattern[str]] = {
    role: re.compile(pattern, re.IGNORECASE) for role, pattern in {
        "position": r"pos\.?|position|#|rank|rk|place|pl",
        "team": r"teams?|clubs?|nations?|country|countries|side|squad|team name|club name",
        "played": r"pld|p|gp|mp|played|games|g|m|gm|matches|pj",
        "won": r"w|won|wins?",
        "drawn": r"d|drawn|draws?|t|tied|ties",
        "lost": r"l|lost|loss(?:es)?",
        "goals_for": r"gf|f|for|(?:goals? )?for|gs|scored|pf",
        "goals_against": r"ga|a|against|(?:goals? )?against|gc|conceded|pa",
        "goal_difference": r"gd|diff|goal diff(?:erence)?|\+ ?/? ?[-−–]|±|(?:goals? )?(?:gd|diff)",
        "points": r"pts\.?|points|pt|pnts",
        "note": r"qualification.*|notes?|remarks?|status|relegation.*|promotion.*",
    }.items()
}
# a standings header has points or wins (``standings_columns``' last test)
_NEEDED = re.compile(rf"{COLUMNS['points'].pattern}|{COLUMNS['won'].pattern}", re.IGNORECASE)
_GOALS_OVER = re.compile(r"^goals?\s+", re.IGNORECASE)
SCORE_HEADER = re.compile(r"\b(score|result)\b", re.IGNORECASE)
_STATUS = re.compile(r"\s*\(([A-Z](?:\s*,\s*[A-Z])*)\)\s*$")
_POSITION = re.compile(r"^=?\s*([0-9]{1,3})(?:st|nd|rd|th|\.)?$")


def standings_columns(names: list[str]) -> dict[str, int] | None:
    """Role -> column index when the header is a standings header, else None."""
    texts = [" ".join(name.replace("\u00a0", " ").split()).strip(" .:") for name in names]
    if not any(_NEEDED.fullmatch(text) for text in texts):
        return None  # neither points nor wins: no standings header (most tables)
    roles: dict[str, int] = {}
    for index, text in enumerate(texts):
        if SCORE_HEADER.search(text):
            return None
        bare = _GOALS_OVER.sub("", text)  # ``Goals`` over ``F``/``A``: ``Goals F``
        for role, pattern in COLUMNS.items():
            if role not in roles and (pattern.fullmatch(text) or pattern.fullmatch(bare)):
                roles[role] = index
                break
    if "team" not in roles:
        return None
    if "points" in roles and ("played" in roles or "won" in roles):
        return roles
    return roles if {"won", "lost"} <= roles.keys() else None


def _position(text: str) -> int | None:
    found = _POSITION.match(text.strip())
    return int(found.group(1)) if found and int(found.group(1)) > 0 else None


def read_rows(columns: dict[str, int], rows: list[tuple[list[str], list[Span], Span]],
              source: str = "wikitable") -> TableRead:
    """The standings rows of a table (rows without a team are left out); ``source``:
    ``wikitable``, or ``table`` for a flat-form table."""
    read = TableRead(source, None)
    for cells, spans, row_span in rows:
        def cell(role: str, cells: list[str] = cells) -> str | None:
            index = columns.get(role)
            return cells[index] if index is not None and index < len(cells) else None

        team = cell("team")
        if not team:
            continue
        status = _STATUS.search(team)
        name = team[: status.start()].strip() if status else team.strip()
        if not name or name.replace(",", "").isdigit():
            continue  # a number is no team: a count under ``Teams`` in a tally by tier
        row = RowRead(name, None, row_span)
        row.fields["status"] = re.sub(r"\s+", "", status.group(1)) if status else None
        row.fields["position"] = _position(cell("position") or "")
        for role in ("played", "won", "drawn", "lost", "goals_for", "goals_against",
                     "goal_difference", "points"):
            row.fields[role] = integer(cell(role))
        row.fields["note"] = cell("note") or None
        for role, index in columns.items():
            if index < len(spans):
                row.spans[role] = spans[index]
        read.rows.append(row)
    read.points = _points_rule(read.rows)
    return read


def _points_rule(rows: list[RowRead]) -> tuple[int, int, int]:
    """(win, draw, loss) points: two for a win when every row whose figures are all given
    says so and three would not fit them all (a season before three points for a win); a
    plain table has no parameter to say it."""
    figures = [(r.fields["won"], r.fields["drawn"], r.fields["points"]) for r in rows]
    known = [(w, d, p) for w, d, p in figures if w is not None and d is not None
             and p is not None]
    if not any(w for w, _, _ in known):
        return (3, 1, 0)
    fits = {win for win in (3, 2) if all(win * w + d == p for w, d, p in known)}
    return (2, 1, 0) if fits == {2} else (3, 1, 0)
