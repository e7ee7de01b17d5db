"""``scoreline convert --to football.txt``: a document's rounds in openfootball's Football.TXT.

Football.TXT is the plain-text notation of the openfootball datasets: a ``= Title`` line,
then for each round a ``▪ Round`` header, date lines (``Sat Aug 16 2031``, the year again
only when it changes) and one line per match, ``Home  2-1  Away``, indented beneath::

    = 2031 Harbor Cup

    ▪ Semi-finals
      Sat May 3 2031
        15:00  Harbor Town  2-2 a.e.t., 4-3 pen.  Quay Rovers  @ Harbor Park, Harbor

How each match field is written:

* the score: ``2-1``; after extra time ``2-2 a.e.t.``; a shoot-out adds ``, 4-3 pen.``;
  no score (a fixture, a walkover, a postponed match): ``v`` between the teams;
* a status other than played goes in brackets after the match: ``[awarded]``,
  ``[walkover]``, ``[forfeit]``, ``[postponed]``, ``[cancelled]``, ``[abandoned]``,
  ``[void]``; a scheduled match is just ``v``;
* the kick-off time (``15:00``, ``19:30 UTC+10``; a zone given only by its abbreviation
  is left out) leads the line, ``@ stadium, place``
  ends it, and an aggregate is a trailing comment (``# 3-1 on aggregate``);
* two-legged ties: a round whose matches are legs gets one header per leg
  (``▪ Quarter-finals, 1st leg``), the order of the matches kept within each;
* a group round is headed by its group (``▪ Group A``), a regional round adds its region
  (``▪ First round, North``); rounds in a row with the same header are written as one;
  a date that is only text (no ISO date) is a comment line.

Only the rounds are written (standings, entrants and findings have no place in it); a
document without a round with a match is refused with ``NoRounds``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..batch.file_report import FileReport
from ..batch.runner import Options, guarded
from ..diagnostics import Diagnostic
from ..errors import LocatedError, ScorelineError
from ..read.source import Source

DATE_INDENT, MATCH_INDENT = "  ", "    "
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})\b")
_UTC = re.compile(r"\bUTC\s*([+\-−–])\s*(\d{1,2}(?::\d{2})?)\b")
_LEG_IN_NAME = re.compile(r"\b(?:leg|legs)\b", re.IGNORECASE)
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_NOTED = ("awarded", "walkover", "forfeit", "postponed", "cancelled", "abandoned", "void")


class NoRounds(ScorelineError):
    """The document has no round with a match: there is nothing to write."""


def render(document: Mapping[str, Any], path: str) -> str:
    """The Football.TXT text of ``document`` (read from ``path``, for the messages)."""
    rounds = [r for r in document.get("rounds") or [] if r.get("matches")]
    if not rounds:
        raise NoRounds(f"{path}: no rounds with matches, nothing to write as Football.TXT")
    lines = [f"= {title(document, path)}"]
    years: list[int] = []  # the year of the last date written, across rounds
    for header, matches in sections(rounds):
        lines += ["", f"▪ {header}"]
        lines += list(match_lines(matches, years))
    return "\n".join(lines) + "\n"


def football_one(path: str, options: Options) -> tuple[str | None, str | None, FileReport]:
    """One file as Football.TXT (parsed under the per-file guard, in a pool worker): the
    text, or None and the one line saying why not; and the parse findings."""
    from ..api import read_source

    try:
        source = read_source(path, options.policy)
        data, diagnostics = guarded(_parsed, source, options)
    except LocatedError as error:
        return None, error.one_line(), FileReport(path, (error.to_diagnostic(),),
                                                  failed_input=True)
    report = FileReport(source.path, tuple(diagnostics))
    try:
        return render(data, source.path), None, report
    except NoRounds as error:
        return None, str(error), report


def lost_football(path: str, cause: str) -> tuple[str | None, str | None, FileReport]:
    """``football_one``'s result for a file whose worker process died twice on it."""
    from ..batch.file_report import lost_check

    report = lost_check(path, cause)
    return None, f"{path}: {report.diagnostics[0].message}", report


def _parsed(source: Source, options: Options) -> tuple[dict[str, Any], list[Diagnostic]]:
    from ..api import parse_source

    document = parse_source(source, form=options.form, schema=options.schema)
    return document.data, document.diagnostics


def title(document: Mapping[str, Any], path: str) -> str:
    """The document's title; else its infobox's name (with its year, if the name lacks
    it); else the file's stem."""
    if _clean(document.get("title")):
        return _clean(document.get("title"))
    infobox = document.get("infobox") or {}
    fields = {f.get("name"): f.get("value") for f in infobox.get("fields") or []
              if isinstance(f, Mapping)}
    name, year = _clean(fields.get("name")), fields.get("year")
    if name:
        return f"{year} {name}" if isinstance(year, int) and str(year) not in name else name
    stem = path.replace("\\", "/").rsplit("/", 1)[-1]
    return stem.split(".", 1)[0] or stem


def sections(rounds: Sequence[Mapping[str, Any]]
             ) -> list[tuple[str, list[Mapping[str, Any]]]]:
    """Each round's header and matches, a round of legs split into one section per leg;
    consecutive rounds with the same header (a page with a section per match) are one."""
    out: list[tuple[str, list[Mapping[str, Any]]]] = []
    for header, matches in _round_sections(rounds):
        if out and out[-1][0] == header:
            out[-1][1].extend(matches)
        else:
            out.append((header, matches))
    return out


def _round_sections(rounds: Sequence[Mapping[str, Any]]
                    ) -> Iterator[tuple[str, list[Mapping[str, Any]]]]:
    for round_ in rounds:
        header = round_header(round_)
        matches = list(round_["matches"])
        legs = [m.get("leg") for m in matches]
        if not any(legs) or _LEG_IN_NAME.search(header):
            yield header, matches
            continue
        for leg in dict.fromkeys(legs):
            label = f"{leg} leg" if leg else "other matches"
            yield f"{header}, {label}", [m for m in matches if m.get("leg") == leg]


def round_header(round_: Mapping[str, Any]) -> str:
    name = _clean(round_.get("name")) or "Matches"
    group = _clean(round_.get("group"))
    if round_.get("stage") == "group" and group:
        name = group
    region = _clean(round_.get("region"))
    if region and region.lower() not in name.lower():
        name = f"{name}, {region}"
    return name


def match_lines(matches: Sequence[Mapping[str, Any]],
                years: list[int] | None = None) -> Iterator[str]:
    """A date line where the date changes (and at the start of the round), each match
    indented beneath its date; the year is written when it is not the one of the date
    before (``years`` carries that year from round to round)."""
    years = [] if years is None else years
    shown: object = None
    for match in matches:
        when = _iso(match.get("date_iso"))
        key = when or _clean(match.get("date"))
        if key != shown:
            shown = key
            if when is not None:
                yield DATE_INDENT + date_line(when, with_year=years[-1:] != [when.year])
                years[:] = [when.year]
            elif key:
                yield f"{DATE_INDENT}# {key}"
        yield MATCH_INDENT + match_line(match)


def date_line(day: dt.date, with_year: bool) -> str:
    """``Sat May 3 2031`` (``Sat May 3`` when the year is the one of the date before)."""
    text = f"{_DAYS[day.weekday()]} {_MONTHS[day.month - 1]} {day.day}"
    return f"{text} {day.year}" if with_year else text


def match_line(match: Mapping[str, Any]) -> str:
    """``[time  ]Home  score  Away[  @ stadium, place][  [status]][  # aggregate]``."""
    parts = []
    time = kick_off(match.get("time"))
    if time:
        parts.append(time)
    parts += [_team(match.get("home")), score(match), _team(match.get("away"))]
    venue = ", ".join(v for v in (_clean(match.get("stadium")), _clean(match.get("location")))
                      if v)
    if venue:
        parts.append(f"@ {venue}")
    status = match.get("status")
    if status in _NOTED:
        parts.append(f"[{status}]")
    aggregate = match.get("aggregate") or {}
    home, away = aggregate.get("home"), aggregate.get("away")
    if isinstance(home, int) and isinstance(away, int):
        parts.append(f"# {home}-{away} on aggregate")
    return "  ".join(parts)


def kick_off(value: Any) -> str:
    """``20:00``, with ``UTC+10`` when the time gives its offset (``20:00 CST (UTC+10)``);
    a zone given only by an abbreviation (``CAT``) is left out, abbreviations being
    ambiguous. Empty when there is no ``HH:MM`` time."""
    text = _clean(value)
    found = _TIME.match(text)
    if not found:
        return ""
    out = f"{int(found.group(1)):02d}:{found.group(2)}"
    offset = _UTC.search(text)
    if offset:
        sign = "+" if offset.group(1) == "+" else "-"
        out += f" UTC{sign}{offset.group(2)}"
    return out


def score(match: Mapping[str, Any]) -> str:
    """``2-1``, ``2-2 a.e.t.``, ``1-1 a.e.t., 4-3 pen.``, ``1-1, 4-3 pen.``; ``v`` if none."""
    home, away = match.get("home_score"), match.get("away_score")
    if not (isinstance(home, int) and isinstance(away, int)):
        return "v"
    text = f"{home}-{away}"
    if match.get("aet"):
        text += " a.e.t."
    pens = match.get("home_pens"), match.get("away_pens")
    if all(isinstance(p, int) for p in pens):
        text += f", {pens[0]}-{pens[1]} pen."
    return text


def _team(name: Any) -> str:
    return _clean(name) or "?"


def _clean(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _iso(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
