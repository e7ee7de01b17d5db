"""Rounds: the matches of a section, from match lines and results tables, with dates resolved.

A section that holds matches is a round. Its name is the heading without a
trailing ``(North)``-style qualifier (kept as ``region``); a generic heading
(``Matches``, ``Results``) or a region heading under a round takes its name from
the parent. Dates come from the date line above a match (or a date column);
their year from the line itself, an earlier date line of the round, the
round's prose (``games took place in 2016``) or the infobox, in that order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..read.source import normalise_name
from .dates import WrittenDate, parse_date
from .match_lines import (
    MatchLine,
    Result,
    Side,
    parse_match_line,
    parse_score_cell,
    parse_team_cell,
)
from .sections import Section, split_title
from .tables import SCORE_COL, TEAM_COL, Row, Table

_GENERIC = re.compile(r"^(matches|results|fixtures|games|summary|ties|draw|bracket)$", re.I)
_ROUNDISH = re.compile(
    r"round|final|qualif|play-?off|preliminary|stage|semi|quarter|replay|group|leg|cup|phase",
    re.I,
)
_PROSE_YEAR = re.compile(
    r"\b(?:took place|were played|was played|played|held|contested|scheduled)\b[^.]*?"
    r"\b(?:in|during)\s+(?:[A-Z][a-z]+\s+)?([0-9]{4})\b"
)
_LEG_TITLE = re.compile(r"^(?P<which>first|1st|second|2nd|third|3rd)\s+legs?$", re.I)
_LEG_NAMES = {"first": "1st", "1st": "1st", "second": "2nd", "2nd": "2nd", "third": "3rd",
              "3rd": "3rd"}
_PROSE_DATE = re.compile(
    r"\b(?:played|held|took place|contested|staged)\s+on\s+(?P<date>"
    r"(?:[A-Z][a-z]+day,?\s+)?(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+(?:,?\s+[0-9]{4})?"
    r"|[A-Z][a-z]+\s+[0-9]{1,2}(?:st|nd|rd|th)?(?:,?\s+[0-9]{4})?))"
)
_MATCH_TITLE = re.compile(r"\S\s+(?:v|vs\.?|versus)\s+\S", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_DRAW = re.compile(r"\b(?:the|a)\s+draws?\b", re.I)
_WALKOVER_NOTE = re.compile(r"walkover|w/o|withdr[ae]w|scratched", re.I)
_TIE = re.compile(r"^(tie|no\.?|#|match|game)$", re.I)
_LEG = re.compile(r"\bleg\b", re.I)
_DATE_COL = re.compile(r"\bdate\b", re.I)


@dataclass
class YearContext:
    """Where a round's dates take their year from."""

    prose: int | None = None
    infobox: int | None = None
    season: tuple[int, int] | None = None
    last_explicit: int | None = None

    def year_for(self, date: WrittenDate) -> int | None:
        """The year to use for a date without one."""
        if date.year is not None:
            return date.year
        if self.last_explicit is not None:
            return self.last_explicit
        if self.prose is not None:
            return self.prose
        if self.season is not None:
            return self.season[0] if date.month >= 7 else self.season[1]
        return self.infobox


@dataclass
class RoundDraft:
    """A round being built: its section, name, region and match dicts (with their spans)."""

    section: Section
    name: str
    region: str | None
    year: int | None
    matches: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def leg_of(section: Section) -> str | None:
    """``1st``/``2nd`` when the section is one leg of a round (``=== First legs ===``)."""
    match = _LEG_TITLE.match(section.title or "")
    return _LEG_NAMES[match.group("which").lower()] if match else None


def round_name(section: Section) -> tuple[str, str | None]:
    """(name, region) of the round a section holds."""
    title = section.title or ""
    base, qualifier = split_title(title)
    parent = section.parent
    parent_title = parent.title if parent and parent.title else None
    if parent_title and leg_of(section):
        return split_title(parent_title)
    if parent_title and (_GENERIC.match(base) or not _ROUNDISH.search(base)) and _ROUNDISH.search(
        parent_title
    ):
        parent_base, parent_region = split_title(parent_title)
        # ``=== Meridia vs Pelagos ===`` heads one match of the round, not a region of it
        region = None if _GENERIC.match(base) or _MATCH_TITLE.search(title) else base
        return parent_base, region or parent_region
    if qualifier and any(ch.isdigit() for ch in qualifier):
        return title, None
    return base, qualifier


def prose_year(texts: list[str]) -> int | None:
    """A year stated for the games in prose (``First round games took place in 2016.``)."""
    for text in texts:
        year = _year_in(text)
        if year is not None:
            return year
    return None


# A round reads its own paragraphs and every line of the sections over it, so the lines of
# a parent section are read again for each round under it: what one line says is kept.
@lru_cache(maxsize=4096)
def _year_in(text: str) -> int | None:
    match = _PROSE_YEAR.search(text)
    return int(match.group(1)) if match else None


def prose_date(texts: list[str], prefer: str | None = None) -> str | None:
    """A date the prose gives for a round's games (``Ties were played on 6 September 2031.``).

    A sentence naming ``prefer`` (the section title, such as ``Replay``) wins over others.
    A date the sentence gives for the draw (``The draw was held on 12 July 2031``) is the
    draw's, not the games'.
    """
    key = (prefer or "").lower().rstrip("s")
    found = [(bool(key) and key in sentence, date)
             for text in texts for sentence, date in _dates_in(text)]
    preferred = [date for named, date in found if named] or [date for _, date in found]
    return preferred[0] if preferred else None


@lru_cache(maxsize=4096)
def _dates_in(text: str) -> tuple[tuple[str, str], ...]:
    """(sentence lower-cased, date) for each games date the sentences of ``text`` give."""
    found: list[tuple[str, str]] = []
    for sentence in _SENTENCE.split(text):
        for match in _PROSE_DATE.finditer(sentence):
            if _DRAW.search(sentence, 0, match.start()):
                continue
            if parse_date(match.group("date")) is not None:
                found.append((sentence.lower(), match.group("date")))
    return tuple(found)


def match_dict(*, home: Side, away: Side, result: Result,
               line: int, column: int, text: str, source: str) -> dict[str, Any]:
    """The JSON object of one match, with every key present in a fixed order."""
    notes = [*home.notes, *away.notes]
    if result.walkover_note:
        notes.append(f"w/o-{result.walkover_note}")
    if result.decoration_note:
        notes.append(result.decoration_note)
    return {
        "home": normalise_name(home.name),
        "away": normalise_name(away.name),
        "home_score": result.home_score,
        "away_score": result.away_score,
        "status": result.status,
        "aet": result.aet,
        "home_pens": result.home_pens,
        "away_pens": result.away_pens,
        "date": None,
        "date_iso": None,
        "home_tag": home.tag,
        "away_tag": away.tag,
        "home_country": None,
        "away_country": None,
        "home_tier": home.tier,
        "away_tier": away.tier,
        "tie": None,
        "leg": None,
        "notes": notes,
        "scorers": [],
        "source": source,
        "text": text,
        "line": line,
        "column": column,
    }


def match_from_line(parsed: MatchLine, line: int, column: int, text: str) -> dict[str, Any]:
    """A match dict from a parsed match line."""
    return match_dict(home=parsed.home, away=parsed.away, result=parsed.result,
                      line=line, column=column, text=text, source="line")


@dataclass
class ResultsColumns:
    """Column indexes of a results table."""

    home: int
    away: int
    score: int
    tie: int | None = None
    leg: int | None = None
    date: int | None = None

    @classmethod
    def of(cls, table: Table) -> ResultsColumns | None:
        """Find the columns by their header names; None if the table has no such columns."""
        names = table.columns
        score = next((i for i, n in enumerate(names) if SCORE_COL.search(n)), None)
        teams = [i for i, n in enumerate(names) if TEAM_COL.search(n) and i != score]
        if score is None or len(teams) < 2:
            return None

        def find(pattern: re.Pattern[str]) -> int | None:
            return next((i for i, n in enumerate(names) if pattern.search(n)), None)

        return cls(teams[0], teams[1], score, find(_TIE), find(_LEG), find(_DATE_COL))


def match_from_row(row: Row, cols: ResultsColumns) -> tuple[dict[str, Any], int] | None:
    """A match from a results-table row; None if the row holds none. Also returns the column."""
    cells = row.cells

    def cell(index: int | None) -> str:
        return cells[index] if index is not None and index < len(cells) else ""

    text = row.line.text.strip()
    for index, value in enumerate(cells):
        merged = parse_match_line(value) if value and index != cols.score else None
        if merged is not None and merged.result.status == "walkover":
            found = match_from_line(merged, row.line.number, 1, text)
            found["source"] = "table"
            _fill_row_fields(found, cell(cols.tie), cell(cols.leg))
            return found, row.starts[index]
    home_i, score_i, away_i = cols.home, cols.score, cols.away
    result = parse_score_cell(cell(score_i))
    if result is None or (result.status == "scheduled" and not cell(home_i)):
        shifted = _find_score(cells)
        if shifted is not None:
            home_i, score_i, away_i = shifted - 1, shifted, shifted + 1
            result = parse_score_cell(cells[shifted])
    home = parse_team_cell(cell(home_i))
    away = parse_team_cell(cell(away_i))
    if result is None or home is None or away is None:
        return None
    winner = None
    if result.home_score is None and result.status == "scheduled" and any(
        _WALKOVER_NOTE.search(note) for note in (*home.notes, *away.notes)
    ):
        result = Result("walkover", start=result.start, end=result.end)
        winner = _walkover_winner(home, away)
    found = match_dict(home=home, away=away, result=result, line=row.line.number,
                       column=1, text=text, source="table")
    if winner is not None:
        found["winner"] = winner
    _fill_row_fields(found, cell(cols.tie), cell(cols.leg))
    if cols.date is not None and cell(cols.date):
        found["date"] = cell(cols.date)
    return found, row.starts[home_i] if home_i < len(row.starts) else 0


def _walkover_winner(home: Side, away: Side) -> str | None:
    """``away`` when a note on the away team names the home team as withdrawing, and so on."""
    if any(home.name in note and _WALKOVER_NOTE.search(note) for note in away.notes):
        return "away"
    if any(away.name in note and _WALKOVER_NOTE.search(note) for note in home.notes):
        return "home"
    return None


def _fill_row_fields(found: dict[str, Any], tie: str, leg: str) -> None:
    found["tie"] = tie.rstrip(".") or None
    found["leg"] = leg or None


def _find_score(cells: list[str]) -> int | None:
    for index in range(1, len(cells) - 1):
        result = parse_score_cell(cells[index])
        if result is not None and result.home_score is not None:
            return index
    return None


def resolve_dates(matches: list[dict[str, Any]], years: YearContext) -> None:
    """Set ``date_iso`` from ``date`` for every match that has one."""
    for found in matches:
        text = found["date"]
        if not text:
            continue
        written = parse_date(text)
        if written is None:
            continue
        if written.year is not None:
            years.last_explicit = written.year
        found["date_iso"] = written.iso(years.year_for(written))
