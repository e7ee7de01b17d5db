"""Legacy standings: ``{{Fb cl header}}``, ``{{Fb cl2 team|...}}`` rows, ``{{Fb cl footer}}``.

Each row is one template: ``p=`` position, ``t=`` team, ``w=``/``d=``/``l=`` results,
``gf=``/``ga=`` goals, ``bc=`` background colour (kept); the template works out
played, goal difference and points (3 for a win, 1 for a draw) itself, so those are
only read when a row writes them (``pld=``, ``gd=``, ``pts=``); ``adj=`` adjusts the
points. The header's and footer's parameters (``s=`` source, ``u=`` update, notes)
are kept under the table's ``extra``. A run of rows in one section is one table: a
header starts a new one, a footer ends it.
"""

from __future__ import annotations

import re

from ..model.standings import RowRead, TableRead, integer
from .params import Problem, TemplateParam

ROW = re.compile(r"^fb cl[0-9]? team$")
HEADER = re.compile(r"^fb cl[0-9]? header$")
FOOTER = re.compile(r"^fb cl[0-9]? footer$")
NUMBERS = {"p": "position", "w": "won", "d": "drawn", "l": "lost", "gf": "goals_for",
           "ga": "goals_against", "pld": "played", "gd": "goal_difference", "pts": "points",
           "adj": "adjust_points"}
KEPT = frozenset({"bc", "dc", "border", "style", "hth", "q"})
FOOTER_KEYS = {"s": "source", "source": "source", "u": "update", "update": "update",
               "date": "update"}


def is_fb_table(name: str) -> bool:
    """Whether a template name is one of the legacy standings templates."""
    return bool(ROW.match(name) or HEADER.match(name) or FOOTER.match(name))


def read_fb_row(params: list[TemplateParam], display: str, problems: list[Problem]
                ) -> RowRead | None:
    """One ``{{Fb cl2 team}}`` row (None when it names no team)."""
    named = {p.key.lower(): p for p in params if not p.positional}
    team = named.get("t") or named.get("team")
    if team is None or not team.text:
        if params:
            problems.append(Problem("WT023", f"{{{{{display}}}}} row without a team (t=): no "
                                    "standings row made", params[0].key_span))
        return None
    first = min((p for p in params), key=lambda p: (p.key_span.line, p.key_span.column))
    row = RowRead(team.text, None, first.key_span)
    row.spans["team"] = team.span
    extra: dict[str, str] = {}
    for key, item in named.items():
        if key in NUMBERS:
            value = integer(item.text)
            if value is None and item.text:
                problems.append(Problem("WT022", f"{display} {key}={item.text!r} is not a "
                                        "number; read as not given", item.span))
            if value is not None:
                row.fields[NUMBERS[key]] = value
            row.spans[NUMBERS[key]] = item.span
        elif key in ("note", "status"):
            row.fields[key] = item.text or None
            row.spans[key] = item.span
        elif key not in ("t", "team"):
            extra[key] = item.text
            if key not in KEPT:
                problems.append(Problem("WT021", f"unknown {display} parameter {key!r} kept "
                                        "under the row's 'extra'", item.key_span))
    for item in params:
        if item.positional and item.text:
            extra[f"positional {item.key}"] = item.text
    for key in ("won", "drawn", "lost", "goals_for", "goals_against", "adjust_points"):
        row.fields.setdefault(key, 0)  # the template counts a missing figure as 0
    if row.fields.get("played") is None:
        row.fields["played"] = row.fields["won"] + row.fields["drawn"] + row.fields["lost"]
    row.fields["extra"] = extra
    return row


def read_fb_edges(params: list[TemplateParam], read: TableRead) -> None:
    """A header's or footer's parameters: kept under ``extra``, notes as notes."""
    for item in params:
        if item.positional:
            if item.text:
                read.notes.append(item.text)
            continue
        key = FOOTER_KEYS.get(item.key.lower(), item.key.lower())
        if key.startswith(("note", "n")) and key not in ("name",):
            if item.text:
                read.notes.append(item.text)
        else:
            read.extra[key] = item.text
