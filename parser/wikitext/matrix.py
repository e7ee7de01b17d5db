"""Results matrices: ``{{#invoke:Sports results}}``, Sports table ``match_`` cells, ``{{fb r}}``.

A matrix names its teams by code (``team1=ELM`` or ``team_order=ELM, OAK``) and
gives each played pairing as a cell, ``match_ELM_OAK=2–1``: the row team at home,
its goals first. A cell's score may be a link (``[[North London derby|2–1]]``) or
carry a footnote; a blank cell (or a lone dash) is a match not played, or not to
be played, and makes no match. A date in a cell is a fixture still to come. A code
takes its name from the matrix's own ``name_ELM``, else from a standings table of
the page that uses the same code, else from the one table team whose name the code
abbreviates (``OAK`` for ``Oak SC``), else it stays the code. The legacy form is a
``{{Fb r2 header|ELM|OAK|...}}`` row of codes and one ``{{fb r|ELM|OAK|2–1}}`` per cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model.dates import parse_date
from ..model.match_lines import Result, Side, parse_score_cell
from ..model.rounds import match_dict
from ..model.spans import Span
from ..model.standings import team_key
from ..read.source import Source
from .params import Problem, TemplateParam
from .sports_table import team_order

NAMES = ("#invoke:sports results",)
KNOWN = frozenset({"source", "update", "title", "showteam", "team_header", "matches_style",
                   "a_note", "team_order", "start_date", "legend", "date", "style",
                   "template_name", "class_rules", "notes_header", "only_pld_pts"})
_TEAM_N = re.compile(r"^team([0-9]+)$")
_NO_MATCH = re.compile(r"^(?:[-–—−x×/]|n/?a|—+)?$", re.IGNORECASE)
_FOOTNOTE = re.compile(r"\s*\[[^\]]{1,6}\]$")
_STATUS_WORDS = (("canc", "cancelled"), ("abd", "abandoned"), ("abandon", "abandoned"),
                 ("postp", "postponed"), ("p-p", "postponed"), ("void", "void"),
                 ("annul", "void"), ("tbd", "scheduled"), ("tba", "scheduled"))


@dataclass
class MatrixCell:
    """One cell: the row (home) code, the column (away) code and the cell's parameter."""

    home: str
    away: str
    param: TemplateParam


@dataclass
class MatrixRead:
    """A matrix as read: codes in order, the names it gives, its cells and kept parameters."""

    template: str
    codes: list[str] = field(default_factory=list)
    names: dict[str, tuple[str, Span]] = field(default_factory=dict)
    cells: list[MatrixCell] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)


def split_cell_key(key: str, codes: list[str]) -> tuple[str, str] | None:
    """``match_ELM_OAK`` -> (``ELM``, ``OAK``), using the known codes when there are any."""
    rest = key[len("match_"):]
    for code in codes:
        if rest.startswith(code + "_") and rest[len(code) + 1:] in codes:
            return code, rest[len(code) + 1:]
    parts = rest.split("_")
    if not codes and len(parts) == 2 and all(parts):
        return parts[0], parts[1]
    return None


def cells_of(params: list[TemplateParam], codes: list[str], display: str
             ) -> tuple[list[MatrixCell], list[Problem]]:
    """The ``match_X_Y`` cells among ``params``; a cell naming an unknown code is reported."""
    cells, problems = [], []
    for item in params:
        if item.positional or not item.key.startswith("match_"):
            continue
        pair = split_cell_key(item.key, codes)
        if pair is None:
            problems.append(Problem("WT021", f"{display} parameter {item.key!r} names no two "
                                    "codes of the team order; kept, no match made",
                                    item.key_span))
            continue
        cells.append(MatrixCell(pair[0], pair[1], item))
    return cells, problems


def read_sports_results(params: list[TemplateParam], display: str, source: Source
                        ) -> tuple[MatrixRead, list[Problem]]:
    """A Sports results call: codes, names, cells and kept parameters."""
    named = {p.key: p for p in params if not p.positional}
    read = MatrixRead(display, [code for code, _ in team_order(named, source)])
    cells, problems = cells_of(params, read.codes, display)
    read.cells = cells
    for item in params:
        key = item.key
        if item.positional or key.startswith("match_"):
            continue
        prefix, _, code = key.partition("_")
        if prefix == "name" and code:
            read.names[code] = (item.text or code, item.span)
        elif (prefix in ("short", "abbr", "col", "res", "note") and code) \
                or key in KNOWN or _TEAM_N.match(key):
            read.extra[key] = item.text
        else:
            read.extra[key] = item.text
            problems.append(Problem("WT021", f"unknown {display} parameter {key!r} kept, not "
                                    "read", item.key_span))
    return read, problems


def read_fb_r(header: list[TemplateParam] | None, rows: list[list[TemplateParam]],
              display: str) -> tuple[MatrixRead, list[Problem]]:
    """``{{Fb r2 header|ELM|OAK}}`` and ``{{fb r|ELM|OAK|2–1}}`` rows (or ``{{fb r|ELM|2–1|OAK}}``).
    """
    read = MatrixRead(display)
    problems: list[Problem] = []
    for item in header or []:
        if item.positional and item.text:
            read.codes.append(item.text)
        elif item.key.startswith("name_") or (not item.positional and item.key.isupper()):
            code = item.key[len("name_"):] if item.key.startswith("name_") else item.key
            read.names[code] = (item.text or code, item.span)
        elif not item.positional:
            read.extra[item.key] = item.text
    for params in rows:
        values = [p for p in params if p.positional]
        if len(values) < 3:
            where = params[0].key_span if params else None
            if where is not None:
                problems.append(Problem("WT023", f"{{{{{display}}}}} row without two codes and a"
                                        " score: no match made", where))
            continue
        home, second, third = values[0], values[1], values[2]
        score, away = (second, third) if _score_like(second.text) else (third, second)
        read.cells.append(MatrixCell(home.text, away.text, score))
        for extra in [p for p in params if not p.positional]:
            read.extra[f"{home.text}_{away.text} {extra.key}"] = extra.text
    return read, problems


def _score_like(text: str) -> bool:
    result = parse_score_cell(_FOOTNOTE.sub("", text))
    return result is not None and result.home_score is not None


def cell_result(text: str) -> tuple[Result | None, str | None]:
    """(result, date) of a cell's text; (None, None) for a blank cell or one not understood."""
    text = _FOOTNOTE.sub("", text.strip())
    if _NO_MATCH.match(text):
        return None, None
    result = parse_score_cell(text)
    if result is not None and (result.home_score is not None or result.status != "scheduled"):
        return result, None
    if parse_date(text) is not None:
        return Result("scheduled"), text
    lowered = text.lower()
    for word, status in _STATUS_WORDS:
        if lowered.startswith(word):
            return Result(status), None
    return None, None


def resolve(code: str, read: MatrixRead, known: dict[str, tuple[str, Span]],
            teams: list[tuple[str, Span]]) -> tuple[str, Span | None]:
    """The name of ``code``: the matrix's own, a table's for the same code, an abbreviation."""
    if code in read.names:
        return read.names[code]
    if code in known:
        return known[code]
    folded = code.lower()
    guesses = [(name, span) for name, span in teams
               if team_key(name).replace(" ", "").startswith(folded)
               or "".join(w[0] for w in team_key(name).split()) == folded]
    return guesses[0] if len(guesses) == 1 else (code, None)


def matrix_matches(read: MatrixRead, known: dict[str, tuple[str, Span]],
                   teams: list[tuple[str, Span]]
                   ) -> tuple[list[tuple[dict[str, Any], dict[str, Span]]], list[Problem]]:
    """One match per cell that holds one, each with the spans of its fields."""
    out: list[tuple[dict[str, Any], dict[str, Span]]] = []
    problems: list[Problem] = []
    for cell in read.cells:
        item = cell.param
        result, date = cell_result(item.text)
        if result is None:
            if item.text and not _NO_MATCH.match(_FOOTNOTE.sub("", item.text.strip())):
                problems.append(Problem("WT023", f"results-matrix cell {item.key or 'fb r'}="
                                        f"{item.text!r} is neither a score, a date nor a "
                                        "status: no match made", item.span))
            continue
        home, home_span = resolve(cell.home, read, known, teams)
        away, away_span = resolve(cell.away, read, known, teams)
        found = match_dict(home=Side(home, 0, len(home)), away=Side(away, 0, len(away)),
                           result=result, line=item.span.line, column=item.span.column,
                           text=f"{cell.home} {item.text} {cell.away}", source="matrix")
        found["date"] = date
        found["end_line"] = item.span.line
        spans = {"home_score": item.span, "status": item.span}
        if home_span is not None:
            spans["home"] = home_span
        if away_span is not None:
            spans["away"] = away_span
        out.append((found, spans))
    return out, problems
