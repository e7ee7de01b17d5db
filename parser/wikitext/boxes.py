"""Match boxes: ``{{Football box}}``, ``{{footballbox collapsible}}``, ``{{#invoke:Football box}}``.

A box becomes the same match object as a flat-form match line (built by
``rounds.match_dict`` from ``match_lines`` sides and results), plus the box
fields that have no flat-form source: ``time``, ``round``, ``stadium``,
``location``, ``attendance``, ``referee``, ``report``, ``aggregate``,
``winner`` and ``extra`` (every other parameter, kept). ``goals1``/``goals2``
become ``scorers``. Parameters outside the box's documented set are reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from mwparserfromhell.nodes import ExternalLink, Template

from ..model.aggregates import aggregate_json, tie_score
from ..model.match_lines import Result, Side, parse_score_cell, parse_team_cell
from ..model.rounds import match_dict
from ..model.spans import Span
from ..read.source import Source
from .text import Rendering, param_offsets, render, tidy

# parameter -> the match field it fills (None: kept under ``extra`` without a finding)
KNOWN: dict[str, str | None] = {
    "date": "date", "time": "time", "round": "round", "team1": "home", "team2": "away",
    "score": "score", "score1": "score1", "score2": "score2", "aet": "aet",
    "penaltyscore": "penaltyscore", "penalties1": "penalties1", "penalties2": "penalties2",
    "aggregatescore": "aggregate", "goals1": "goals1", "goals2": "goals2",
    "stadium": "stadium", "location": "location", "attendance": "attendance",
    "referee": "referee", "result": "result", "report": "report",
    # documented presentation and bookkeeping parameters
    "id": None, "event": None, "stack": None, "size": None, "bg": None, "nobars": None,
    "class": None, "style": None, "format": None, "note": None, "notes": None,
    "assistantreferees": None, "assistant referees": None, "fourthofficial": None,
    "motm": None, "man of the match": None, "weather": None, "team1logo": None,
    "team2logo": None, "report1": None, "report2": None, "state": None, "winner": None,
}
_SCORE = re.compile(r"([0-9]{1,3})\s*[-‐‑‒–—−]\s*([0-9]{1,3})")
_AET = re.compile(r"a\.?\s*e\.?\s*t\.?|after extra time|extra time", re.IGNORECASE)
_PENS = re.compile(r"([0-9]{1,2})\s*[-‐‑‒–—−]\s*([0-9]{1,2})\s*(p|pen|pens|pso|on pen)", re.I)
_ATTENDANCE = re.compile(r"^[0-9]{1,3}(,[0-9]{3})+$|^[0-9]{1,7}$")
_FALSE = ("", "no", "n", "0", "false", "off")
_HOME_WINS = ("h", "w", "home", "1", "team1", "win")
_AWAY_WINS = ("a", "l", "away", "2", "team2", "loss")


@dataclass
class Param:
    """A box parameter: rendered text, raw text and where its value starts."""

    key: str
    text: str
    raw: str
    span: Span
    rendering: Rendering = field(default_factory=Rendering)
    node: Any = None
    key_span: Span | None = None

    @property
    def bold(self) -> bool:
        """Whether the value is bold (``'''[[Elm]]'''``: the winner)."""
        return "'''" in self.raw


@dataclass
class Box:
    """A match box read into parameters; ``unknown`` holds undocumented ones."""

    params: dict[str, Param]
    extra: dict[str, str]
    unknown: list[Param]
    refs: int = 0
    templates: list[tuple[str, int]] = field(default_factory=list)


def normalise(key: str) -> str:
    """``Team_1 `` -> ``team 1``; ``Aggregate Score`` -> ``aggregatescore`` when known."""
    norm = " ".join(key.replace("_", " ").lower().split())
    squeezed = norm.replace(" ", "")
    return squeezed if squeezed in KNOWN else norm


def read_box(template: Template, name: str, offset: int, source: Source) -> Box:
    """The parameters of a box, rendered, with their positions."""
    params: dict[str, Param] = {}
    extra: dict[str, str] = {}
    unknown: list[Param] = []
    refs = 0
    templates: list[tuple[str, int]] = []
    positional_seen = 0
    for param, name_at, value_at in param_offsets(template, offset):
        raw = str(param.value)
        if not param.showkey:
            positional_seen += 1
            if name.startswith("#invoke:") and positional_seen == 1:
                continue  # the module function, ``main``
            if not raw.strip():
                continue
        key = normalise(str(param.name)) if param.showkey else str(param.name)
        rendering = Rendering()
        text = render(param.value, value_at, rendering)
        refs += rendering.refs
        templates.extend(rendering.unknown)
        start = value_at + len(raw) - len(raw.lstrip())
        line, column = source.position(start)
        name = str(param.name)
        key_line, key_column = source.position(name_at + len(name) - len(name.lstrip()))
        item = Param(key, text.strip(), raw.strip(), Span(line, column), rendering, param.value,
                     Span(key_line, key_column))
        if key in KNOWN and KNOWN[key] is not None:
            params[key] = item
            if key in ("result", "penalties1", "penalties2"):
                extra[key] = tidy(text)  # also kept as written: the takers, the H/A/D letter
        else:
            extra[key] = tidy(text)
            if key not in KNOWN:
                unknown.append(item)
    return Box(params, extra, unknown, refs, templates)


def _text(box: Box, key: str) -> str:
    item = box.params.get(key)
    return tidy(item.text) if item is not None else ""


def _side(box: Box, key: str) -> Side | None:
    text = _text(box, key)
    if not text:
        return None
    side = parse_team_cell(text)
    if side is not None:
        return side
    return Side(text, 0, len(text))


def _flag(box: Box, key: str) -> str | None:
    """The code of the flag shown with a team (``{{fb|ENG}}``, ``{{flagicon|USA}} Elm``)."""
    item = box.params.get(key)
    return item.rendering.flags[0] if item is not None and item.rendering.flags else None


def box_result(box: Box) -> Result:
    """The result from ``score`` (or ``score1``/``score2``), ``aet`` and the penalty params."""
    score = _text(box, "score")
    if not score and (_text(box, "score1") or _text(box, "score2")):
        score = f"{_text(box, 'score1')}–{_text(box, 'score2')}"
    result = parse_score_cell(score) if score else Result("scheduled")
    if result is None:
        result = _loose_result(score)
    aet = result.aet or _text(box, "aet").lower() not in _FALSE
    home_pens, away_pens = result.home_pens, result.away_pens
    pens_text = _text(box, "penaltyscore")
    found = _SCORE.search(pens_text)
    if found:
        home_pens, away_pens = int(found.group(1)), int(found.group(2))
    elif home_pens is None and ("penalties1" in box.params or "penalties2" in box.params):
        counted = [_count_pens(box, "penalties1"), _count_pens(box, "penalties2")]
        if counted[0] is not None and counted[1] is not None:
            home_pens, away_pens = counted[0], counted[1]
    return Result(result.status, result.home_score, result.away_score, aet, home_pens,
                  away_pens, result.walkover_note)


def _count_pens(box: Box, key: str) -> int | None:
    text = _text(box, key)
    if text.isdigit() and len(text) <= 2:
        return int(text)
    scored = text.count("(scored)")
    return scored if scored or "(missed)" in text else None


def _loose_result(text: str) -> Result:
    """A score written around other words (``3–1 (a.e.t.) ...``): goals, extra time, pens."""
    pens = _PENS.search(text)
    rest = text[: pens.start()] + text[pens.end():] if pens else text
    found = _SCORE.search(rest)
    if not found:
        lowered = text.lower()
        for word, status in (("w/o", "walkover"), ("walkover", "walkover"),
                             ("postponed", "postponed"), ("cancel", "cancelled"),
                             ("abandon", "abandoned"), ("void", "void")):
            if word in lowered:
                return Result(status)
        return Result("scheduled")
    status = "awarded" if re.search(r"\bawd\b|awarded", text, re.I) else (
        "forfeit" if re.search(r"forfeit", text, re.I) else "played")
    return Result(status, int(found.group(1)), int(found.group(2)), bool(_AET.search(rest)),
                  int(pens.group(1)) if pens else None, int(pens.group(2)) if pens else None)


def _winner(box: Box) -> str | None:
    home, away = box.params.get("team1"), box.params.get("team2")
    if home is not None and away is not None and home.bold != away.bold:
        return "home" if home.bold else "away"
    result = _text(box, "result").lower()
    if result in _HOME_WINS:
        return "home"
    if result in _AWAY_WINS:
        return "away"
    return None


def _attendance(text: str) -> int | str | None:
    text = text.strip()
    if not text:
        return None
    return int(text.replace(",", "")) if _ATTENDANCE.match(text) else text


def _aggregate(box: Box) -> dict[str, Any] | None:
    text = _text(box, "aggregatescore")
    if not text:
        return None
    return aggregate_json(text, tie_score(text))


def _report(box: Box) -> str | None:
    item = box.params.get("report")
    if item is None:
        return None
    links = [n for n in item.node.filter_external_links()] if item.node is not None else []
    if links and isinstance(links[0], ExternalLink):
        return str(links[0].url)
    return tidy(item.text) or None


def box_match(box: Box, line: int, end_line: int) -> tuple[dict[str, Any], dict[str, Span]]:
    """The match dict of a box and the spans of its fields (None when it has no two teams)."""
    home = _side(box, "team1")
    away = _side(box, "team2")
    result = box_result(box)
    home_side = home or Side("", 0, 0)
    away_side = away or Side("", 0, 0)
    score = _text(box, "score") or "–".join(
        filter(None, [_text(box, "score1"), _text(box, "score2")]))
    summary = " ".join(part for part in (home_side.name, score or "v", away_side.name) if part)
    first = box.params.get("team1")
    column = first.span.column if first is not None else 1
    match = match_dict(home=home_side, away=away_side, result=result,
                       line=first.span.line if first else line, column=column,
                       text=summary, source="template")
    match["date"] = _text(box, "date") or None
    for side, key in (("home", "team1"), ("away", "team2")):
        match[f"{side}_country"] = _flag(box, key)
    match["scorers"] = _scorers(box, home_side.name, away_side.name)
    match.update({
        "end_line": end_line,
        "time": _text(box, "time") or None,
        "round": _text(box, "round") or None,
        "stadium": _text(box, "stadium") or None,
        "location": _text(box, "location") or None,
        "attendance": _attendance(_text(box, "attendance")),
        "referee": _text(box, "referee") or None,
        "report": _report(box),
        "aggregate": _aggregate(box),
        "winner": _winner(box),
        "extra": dict(sorted(box.extra.items())),
    })
    spans: dict[str, Span] = {}
    fields = {"team1": ("home",), "team2": ("away",), "date": ("date", "date_iso"),
              "time": ("time",), "round": ("round",), "stadium": ("stadium",),
              "location": ("location",), "attendance": ("attendance",),
              "referee": ("referee",), "report": ("report",), "aet": ("aet",),
              "aggregatescore": ("aggregate",), "result": ("winner",),
              "penaltyscore": ("home_pens", "away_pens"),
              "goals1": ("scorers",)}
    for key in ("score", "score1"):
        if key in box.params:
            for name in ("home_score", "away_score", "status"):
                spans[name] = box.params[key].span
    if "score2" in box.params and "score" not in box.params:
        spans["away_score"] = box.params["score2"].span
    for key, names in fields.items():
        if key in box.params:
            for name in names:
                spans.setdefault(name, box.params[key].span)
    return match, spans


def _scorers(box: Box, home: str, away: str) -> list[dict[str, Any]]:
    out = []
    for key, team in (("goals1", home), ("goals2", away)):
        item = box.params.get(key)
        if item is None:
            continue
        goals = [tidy(part) for part in item.text.split("\n")]
        goals = [g for g in goals if g]
        if goals:
            out.append({"line": item.span.line, "team": team or None,
                        "text": f"{team}: {', '.join(goals)}" if team else ", ".join(goals)})
    return out
