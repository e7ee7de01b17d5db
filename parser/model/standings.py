"""Standings (group and league tables), the same JSON for every template and table that gives one.

A standings object is one table: its name (the group it ranks, such as
``Group A``, taken from the section), where it stands, which construct gave it
(``sports_table``: ``{{#invoke:Sports table}}``; ``fb_cl2``: ``{{Fb cl header}}`` and
``{{Fb cl2 team}}`` rows; ``wikitable``: a ``Pos``/``Team``/``Pld``/... wikitable) and
one row per team. A row keeps what the source writes: ``played``, ``goal_difference``
and ``points`` are ``null`` when the source leaves them to be worked out (the Sports
table module and ``Fb cl2 team`` compute them), so the checks can tell a figure that
was written wrong from one that was never written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .spans import Span, SpanRecorder

SOURCES = ("sports_table", "fb_cl2", "wikitable", "table")
_MINUS = str.maketrans({"−": "-", "–": "-", "—": "-", "‒": "-", "＋": "+"})
_INTEGER = re.compile(r"^[+-]?[0-9]{1,4}$")
_KEY_PUNCT = re.compile(r"[^\w\s]")
_KEY_DROPPED = re.compile(r"['’`.]")


@lru_cache(maxsize=16384)
def team_key(name: str) -> str:
    """A key joining spellings of one team within a page: case, accents, punctuation and
    ``F.C.``/``FC`` folded (``Elm F.C.`` and ``elm fc`` share ``elm fc``)."""
    if name.isascii():  # decomposes to itself, without combining marks
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("&", " and ").replace("football club", "fc")
    text = _KEY_DROPPED.sub("", text)
    return " ".join(_KEY_PUNCT.sub(" ", text).split())


def integer(text: str | None) -> int | None:
    """A signed whole number as tables write it (``3``, ``+3``, ``−3``), else None."""
    if text is None:
        return None
    value = text.strip().translate(_MINUS).replace(" ", "")
    return int(value) if _INTEGER.match(value) else None


def new_row(team: str, *, code: str | None, line: int, position: int | None,
            won: int | None, drawn: int | None, lost: int | None,
            goals_for: int | None, goals_against: int | None,
            played: int | None = None, goal_difference: int | None = None,
            points: int | None = None, adjust_points: int = 0, status: str | None = None,
            note: str | None = None, result: str | None = None,
            extra: dict[str, str] | None = None) -> dict[str, Any]:
    """One standings row, every key present in a fixed order."""
    return {
        "team": team, "code": code, "line": line, "position": position,
        "played": played, "won": won, "drawn": drawn, "lost": lost,
        "goals_for": goals_for, "goals_against": goals_against,
        "goal_difference": goal_difference, "points": points,
        "adjust_points": adjust_points, "status": status, "note": note, "result": result,
        "extra": dict(sorted((extra or {}).items())),
    }


def new_standings(name: str, *, section: str | None, line: int, end_line: int, source: str,
                  template: str | None, rows: list[dict[str, Any]], win_points: int = 3,
                  draw_points: int = 1, loss_points: int = 0, notes: list[str] | None = None,
                  extra: dict[str, str] | None = None) -> dict[str, Any]:
    """One standings table, every key present in a fixed order."""
    assert source in SOURCES
    return {
        "name": name, "section": section, "line": line, "end_line": end_line,
        "source": source, "template": template,
        "win_points": win_points, "draw_points": draw_points, "loss_points": loss_points,
        "rows": rows, "notes": list(notes or []),
        "extra": dict(sorted((extra or {}).items())),
    }


def games(row: dict[str, Any]) -> int | None:
    """Matches played: as written, else won + drawn + lost when all three are known."""
    if row["played"] is not None:
        return int(row["played"])
    parts = (row["won"], row["drawn"], row["lost"])
    return sum(parts) if all(p is not None for p in parts) else None


def expected_points(row: dict[str, Any], table: dict[str, Any]) -> int | None:
    """Points the row's results earn under the table's points rule, with its adjustment."""
    if row["won"] is None or row["drawn"] is None:
        return None
    win, draw, loss = points_rule(table)
    return int(win * row["won"] + draw * row["drawn"] + loss * (row["lost"] or 0)
               + (row.get("adjust_points") or 0))


def points_rule(table: dict[str, Any]) -> tuple[int, int, int]:
    """Points for a win, a draw and a loss (3, 1, 0 unless the table says otherwise; a
    standings object from elsewhere may leave the rule out)."""
    return (int(table.get("win_points", 3)), int(table.get("draw_points", 1)),
            int(table.get("loss_points", 0)))


def points_of(row: dict[str, Any], table: dict[str, Any]) -> int | None:
    """The row's points: as written, else as the template works them out."""
    if row["points"] is not None:
        return int(row["points"])
    return expected_points(row, table)


@dataclass
class RowRead:
    """A row as a reader found it: the team, ``new_row`` fields, and where each field is."""

    team: str
    code: str | None
    span: Span
    fields: dict[str, Any] = field(default_factory=dict)
    spans: dict[str, Span] = field(default_factory=dict)


@dataclass
class TableRead:
    """A standings table as a reader found it, before it is named and placed."""

    source: str
    template: str | None
    rows: list[RowRead] = field(default_factory=list)
    points: tuple[int, int, int] = (3, 1, 0)
    extra: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def standings_json(read: TableRead, *, name: str, section: str | None, line: int,
                   end_line: int, spans: SpanRecorder) -> dict[str, Any]:
    """The standings object of a table read, its rows and fields marked with their spans."""
    rows = []
    for item in read.rows:
        row = new_row(item.team, code=item.code, line=item.span.line, **item.fields)
        spans.mark(row, item.span)
        spans.mark(row, item.span, "team")
        for key, span in item.spans.items():  # ``team`` too, when the name has its own place
            spans.mark(row, span, key)
        rows.append(row)
    win, draw, loss = read.points
    table = new_standings(name, section=section, line=line, end_line=end_line,
                          source=read.source, template=read.template, rows=rows,
                          win_points=win, draw_points=draw, loss_points=loss, notes=read.notes,
                          extra=read.extra)
    spans.mark(table, Span(line, 1, end_line))
    return table
