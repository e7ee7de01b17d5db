"""``{{#invoke:Sports table|main|style=WDL|...}}``: a group or league table as parameters.

The module lists the teams by code in ``team_order=ELM, OAK, ASH`` (or ``team1=ELM``,
``team2=OAK``, ...) and gives each code's figures as ``win_ELM``, ``draw_ELM``,
``loss_ELM``, ``gf_ELM``, ``ga_ELM`` (a missing figure is 0, as the module counts it),
its shown name as ``name_ELM``, a points adjustment as ``adjust_points_ELM`` (and
``startpoints_ELM``), status letters as ``status_ELM``, a note as ``note_ELM``
(``note_OAK=ELM`` shares ELM's note); ``resultN=KO`` labels the Nth row,
``col_KO``/``text_KO`` say what the label means;
``winpoints``/``drawpoints``/``losspoints`` change the points rule. ``match_ELM_OAK``
cells (a table that also shows its matches) go to the results matrix reader.
Presentation parameters are kept under the table's ``extra``; parameters the reader does
not know are kept there too and reported (WT021), and so is a figure for a code that is
not in the team order (the module would not show it).
"""

from __future__ import annotations

import re

from ..model.spans import Span
from ..model.standings import RowRead, TableRead, integer
from ..read.source import Source
from .params import Problem, TemplateParam

NAME = "#invoke:sports table"
TEAM_FIELDS = {"win": "won", "draw": "drawn", "loss": "lost", "gf": "goals_for",
               "ga": "goals_against"}
# per-team parameters, longest first so that ``adjust_points_ELM`` is not ``adjust``
TEAM_PREFIXES = ("adjust_points", "startpoints", "win", "draw", "loss", "gf", "ga", "name",
                 "short", "status", "note", "hth", "dq", "fp", "pos", "flag", "nation")
# table-level parameters the module documents (kept under ``extra``, not reported)
KNOWN = frozenset({
    "style", "source", "update", "start_date", "team_order", "winpoints", "drawpoints",
    "losspoints", "title", "section", "template_name", "class_rules", "classrules",
    "showteam", "show_limit", "only_pld_pts", "hide_played", "hide_footer", "status_order",
    "status_pos", "postitle", "teamtitle", "stack_footer", "table_style", "matches_style",
    "show_matches", "sortable_table", "use_goal_ratio", "use_goal_average", "res_col_header",
    "result_header", "notes_header", "highest_pos", "lowest_pos", "ranking_style",
    "loss_before_draw", "goalpoints", "show_positions", "header", "legend", "date",
    "note_header", "hth_local", "a_note", "orig", "perc_first", "pts_first", "team_header",
    "hide_status", "status_text", "hide_gd", "show_groups", "group", "dagger",
})
_TEAM_N = re.compile(r"^team([0-9]+)$")
_RESULT_N = re.compile(r"^result([0-9]+)$")
_CODE_LIST = re.compile(r"[^,\s]+")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)


def team_order(params: dict[str, TemplateParam], source: Source) -> list[tuple[str, Span]]:
    """The codes in table order, each with where it is written."""
    if "team_order" in params:
        item = params["team_order"]
        raw = _COMMENT.sub(lambda found: " " * len(found.group()), item.raw)
        return [(found.group(), Span(*source.position(item.offset + found.start())))
                for found in _CODE_LIST.finditer(raw)]
    numbered = sorted((int(m.group(1)), item) for key, item in params.items()
                      if (m := _TEAM_N.match(key)) and item.text)
    return [(item.text, item.span) for _, item in numbered]


def split_team_key(key: str, codes: set[str]) -> tuple[str, str] | None:
    """``adjust_points_ELM`` -> (``adjust_points``, ``ELM``) when it is a per-team key."""
    for prefix in TEAM_PREFIXES:
        if key.startswith(prefix + "_") and len(key) > len(prefix) + 1:
            code = key[len(prefix) + 1:]
            if code in codes or prefix in TEAM_FIELDS or prefix in ("name", "adjust_points",
                                                                     "status"):
                return prefix, code
    return None


def _number(item: TemplateParam, problems: list[Problem], what: str) -> int | None:
    value = integer(item.text)
    if value is None and item.text:
        problems.append(Problem("WT022", f"{what} {item.key}={item.text!r} is not a number; "
                                "read as not given", item.span))
    return value


def _points(named: dict[str, TemplateParam], problems: list[Problem]) -> tuple[int, int, int]:
    found = []
    for key, default in (("winpoints", 3), ("drawpoints", 1), ("losspoints", 0)):
        item = named.get(key)
        value = _number(item, problems, "points rule") if item is not None else None
        found.append(default if value is None else value)
    return found[0], found[1], found[2]


def read_sports_table(params: list[TemplateParam], display: str, source: Source
                      ) -> tuple[TableRead, list[TemplateParam], list[Problem]]:
    """The table a Sports table call gives, its ``match_`` cells, and what to report."""
    named = {p.key: p for p in params if not p.positional}
    problems: list[Problem] = []
    order = team_order(named, source)
    codes = {code for code, _ in order}
    read = TableRead("sports_table", display)
    per_team: dict[str, dict[str, TemplateParam]] = {code: {} for code in codes}
    labels: dict[int, str] = {}
    label_text: dict[str, str] = {}
    cells: list[TemplateParam] = []
    for item in params:
        if item.positional:
            if item.key != "1" and item.text:  # ``main``, the module function, is not data
                read.extra[f"positional {item.key}"] = item.text
            continue
        key = item.key
        team = None if key in KNOWN else split_team_key(key, codes)
        if key.startswith("match_"):
            cells.append(item)
        elif team is not None:
            prefix, code = team
            if code not in codes:
                problems.append(Problem("WT021", f"{display} parameter {key!r} is for code "
                                        f"{code!r}, which team_order does not list: the module "
                                        "shows no such row", item.key_span))
                read.extra[key] = item.text
            else:
                per_team[code][prefix] = item
        elif (found := _RESULT_N.match(key)) is not None:
            labels[int(found.group(1))] = item.text
        elif key.startswith(("col_", "text_")):
            read.extra[key] = item.text
            if key.startswith("text_"):
                label_text[key[len("text_"):]] = item.text
        elif key in KNOWN or _TEAM_N.match(key):
            read.extra[key] = item.text
        else:
            read.extra[key] = item.text
            problems.append(Problem("WT021", f"unknown {display} parameter {key!r} kept under "
                                    "the standings' 'extra'", item.key_span))
    read.points = _points(named, problems)
    for position, (code, where) in enumerate(order, start=1):
        read.rows.append(_row(code, where, position, per_team[code], labels, label_text,
                              problems))
    notes = {row.code: row.fields["note"] for row in read.rows}
    for row in read.rows:
        if row.fields["note"] in codes and notes.get(row.fields["note"]):
            row.fields["note"] = notes[row.fields["note"]]  # ``note_OAK=ELM``: ELM's note
    return read, cells, problems


def _row(code: str, where: Span, position: int, given: dict[str, TemplateParam],
         labels: dict[int, str], label_text: dict[str, str],
         problems: list[Problem]) -> RowRead:
    name = given.get("name")
    stats = [given[p] for p in TEAM_FIELDS if p in given]
    first = min(stats, key=lambda p: (p.key_span.line, p.key_span.column)) if stats else None
    span = first.key_span if first is not None else where
    row = RowRead(name.text if name is not None and name.text else code, code, span)
    if name is not None:
        row.spans["team"] = name.span
    row.spans["position"] = where
    row.fields["position"] = position
    for prefix, field_name in TEAM_FIELDS.items():
        item = given.get(prefix)
        row.fields[field_name] = (_number(item, problems, "figure") if item else None) or 0
        if item is not None:
            row.spans[field_name] = item.span
    row.fields["played"] = sum(row.fields[f] for f in ("won", "drawn", "lost"))
    adjust = 0
    for prefix in ("adjust_points", "startpoints"):
        item = given.get(prefix)
        if item is not None:
            adjust += _number(item, problems, "points adjustment") or 0
            row.spans["adjust_points"] = item.span
    row.fields["adjust_points"] = adjust
    for prefix, field_name in (("status", "status"), ("note", "note")):
        item = given.get(prefix)
        row.fields[field_name] = item.text if item is not None and item.text else None
        if item is not None:
            row.spans[field_name] = item.span
    label = labels.get(position)
    if label:
        text = label_text.get(label)
        row.fields["result"] = f"{label}: {text}" if text else label
    row.fields["extra"] = {prefix: item.text for prefix, item in given.items()
                           if prefix in ("short", "hth", "dq", "fp", "pos", "flag", "nation")}
    return row
