"""The flat-form infobox: ``- Key: value`` lines become fields with raw and typed values.

Messy values are cleaned, never silently shortened: a leaked template parameter
(``Harbor City |runner-up = Port Vale``) is split off into ``leaked``; a
parenthesised remark (``(3rd title)``) goes to ``notes``; a leading three-letter
flag code (``CRC Ana Mora``) goes to ``country``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..markup.inline import clean_inline
from ..markup.wiki import Line
from .country_codes import flag_code

# normalised key -> canonical field name
ALIASES: dict[str, str] = {
    "tourney name": "name", "tourney": "name", "title": "name", "name": "name",
    "year": "year", "season": "year",
    "num teams": "num_teams", "teams": "num_teams", "count": "num_teams",
    "number of teams": "num_teams", "no of teams": "num_teams",
    "prevseason": "prev_season", "prev season": "prev_season", "previous season": "prev_season",
    "nextseason": "next_season", "next season": "next_season",
    "champions": "champions", "champion": "champions", "winners": "champions",
    "winner": "champions",
    "runner up": "runner_up", "runners up": "runner_up", "second": "runner_up",
    "top goal scorer": "top_scorer", "top scorer": "top_scorer", "scoring leader": "top_scorer",
    "top goalscorer": "top_scorer", "top scorers": "top_scorer",
    "team1": "team1", "team1score": "team1_score", "team2": "team2", "team2score": "team2_score",
    "stadium": "stadium", "venue": "stadium", "referee": "referee", "attendance": "attendance",
    "dates": "dates", "matches": "matches", "goals": "goals", "country": "country",
    "confederation": "confederation", "city": "city",
}
YEAR_FIELDS = frozenset({"year", "prev_season", "next_season"})
INT_FIELDS = frozenset({"num_teams", "team1_score", "team2_score", "attendance", "matches",
                        "goals"})
PERSON_FIELDS = frozenset({"top_scorer", "referee"})

_FIELD = re.compile(r"^\s*[-*]\s*(?P<key>[^:]{1,60}?)\s*:(?P<value>.*)$")
_LEAK = re.compile(r"\|\s*(?P<key>[A-Za-z][\w \-]{0,40}?)\s*=")
_TAGS = re.compile(r"<[^<>]{0,200}>")
_KEY_JOINERS = re.compile(r"[_\-]")
_SPACE_COMMA = re.compile(r"\s+,")
_TIGHT_COMMA = re.compile(r",(?=[^\s0-9])")
_NOTE = re.compile(r"\(([^()]{1,200})\)")
_SEASON = re.compile(r"^([0-9]{4})\s*[-–—/]\s*([0-9]{2}|[0-9]{4})$")
_YEAR = re.compile(r"^[0-9]{4}$")
_COUNT = re.compile(r"^[0-9]{1,3}(,[0-9]{3})*$|^[0-9]{1,9}$")


_NAME_PART = re.compile(r"[a-z0-9]+")


def normalise_key(key: str) -> str:
    """``Prev_season`` -> ``prev season``; used to look up aliases."""
    return " ".join(_KEY_JOINERS.sub(" ", key).lower().split())


def canonical_name(key: str) -> str:
    """The canonical field name of an infobox key; an unknown key in snake case of its ASCII
    letters and digits (``Top Scorer (league)`` -> ``top_scorer_league``, ``Año`` -> ``ano``),
    ``field`` when it has none (``$``)."""
    norm = normalise_key(key)
    known = ALIASES.get(norm, ALIASES.get(norm.replace(" ", "")))
    if known is not None:
        return known
    folded = unicodedata.normalize("NFKD", norm).encode("ascii", "ignore").decode("ascii")
    return "_".join(_NAME_PART.findall(folded)) or "field"


@dataclass
class Field:
    """One infobox field."""

    key: str
    name: str
    raw: str
    value: str | int | None
    line: Line
    key_start: int
    value_start: int
    leaked: list[dict[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    country: str | None = None
    continuation: list[Line] = field(default_factory=list)


def clean_value(text: str) -> str:
    """Strip markup, tidy commas and trailing pipes, collapse spaces."""
    text = clean_inline(text)
    text = _TAGS.sub("", text)
    text = _SPACE_COMMA.sub(",", text)
    text = _TIGHT_COMMA.sub(", ", text)
    text = " ".join(text.split())
    return text.strip(" ,|;")


def typed_value(name: str, text: str) -> str | int | None:
    """Years and counts as integers, seasons as ``2031–32``; empty as None."""
    if not text:
        return None
    if name in YEAR_FIELDS:
        if _YEAR.match(text):
            return int(text)
        season = _SEASON.match(text)
        if season:
            return f"{season.group(1)}–{season.group(2)}"
    if name in INT_FIELDS and _COUNT.match(text):
        return int(text.replace(",", ""))
    return text


def split_leaks(value: str) -> tuple[str, list[dict[str, str]]]:
    """Split ``value |key = v |k2 = v2`` into the value and the leaked parameters."""
    matches = list(_LEAK.finditer(value))
    if not matches:
        return value, []
    head = value[: matches[0].start()]
    leaked: list[dict[str, str]] = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(value)
        raw = value[match.start():end].strip()
        leaked_value = clean_value(value[match.end():end])
        key = match.group("key").strip()
        leaked.append({"key": key, "name": canonical_name(key), "value": leaked_value, "raw": raw})
    return head, leaked


def parse_field(line: Line) -> Field | None:
    """Parse one ``- Key: value`` line; None if the line is not a field."""
    match = _FIELD.match(line.text)
    if not match:
        return None
    key = match.group("key").strip()
    raw = match.group("value").strip()
    name = canonical_name(key)
    head, leaked = split_leaks(raw)
    notes = [n.strip() for n in _NOTE.findall(head)]
    text = clean_value(_NOTE.sub("", head))
    country = None
    if name in PERSON_FIELDS or name in ("champions", "runner_up"):
        flagged = flag_code(text)  # a known country code only: "AFC Wimbledon" keeps its name
        if flagged is not None:
            country, text = flagged
    value_text = match.group("value")
    value_start = match.start("value") + len(value_text) - len(value_text.lstrip())
    return Field(key, name, raw, typed_value(name, text), line, match.start("key"), value_start,
                 leaked, notes, country)


def parse_infobox(lines: list[Line]) -> tuple[list[Field], list[Line]]:
    """Fields of an infobox block (its first line is ``Infobox``) and lines that are not fields.

    A line that is not ``- Key: value`` directly after a field continues that field's value.
    """
    fields: list[Field] = []
    stray: list[Line] = []
    for line in lines[1:]:
        parsed = parse_field(line)
        if parsed is not None:
            fields.append(parsed)
        elif fields:
            last = fields[-1]
            last.continuation.append(line)
            last.raw = f"{last.raw}, {line.text.strip()}"
            merged = parse_field_text(last.key, last.raw)
            last.value, last.leaked, last.notes = merged
        else:
            stray.append(line)
    return fields, stray


def parse_field_text(
    key: str, raw: str
) -> tuple[str | int | None, list[dict[str, str]], list[str]]:
    """Value, leaks and notes for a raw value (used when a value continues on later lines)."""
    name = canonical_name(key)
    head, leaked = split_leaks(raw)
    notes = [n.strip() for n in _NOTE.findall(head)]
    return typed_value(name, clean_value(_NOTE.sub("", head))), leaked, notes
