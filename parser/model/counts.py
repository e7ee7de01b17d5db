"""Counts the text declares: ``(21 teams)`` in a heading, ``Twenty-one teams`` in prose."""

from __future__ import annotations

import re

from ..read.source import ascii_int
from ..records import record
from .caseless import caseless, holds

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_NUMBER = (
    rf"(?:(?:{'|'.join(_TENS)})[\s-](?:{'|'.join(k for k in _UNITS if _UNITS[k] < 10)})"
    rf"|{_WORD}|(?<![\d,.])[0-9]{{1,3}}(?![\d,.]))"
)
COUNT_NOUNS = (
    "teams|team|clubs|club|sides|entrants|berths|berth|winners|qualifiers|participants|"
    "places|spots|slots|members|entries"
)
# a word each of the nouns above holds: a text without one declares no count in prose
_NOUN_WORDS = ("team", "club", "side", "entrant", "berth", "winner", "qualifier",
               "participant", "place", "spot", "slot", "member", "entries")
# the characters a number can start with: a lookahead on them lets the search skip the
# other positions without trying the lookbehind and every number word at each
_NUMBER_START = "0-9" + "".join(sorted({word[0] for word in [*_UNITS, *_TENS]}))
_PROSE = re.compile(
    rf"(?=[{_NUMBER_START}])(?<![\w-])(?P<number>{_NUMBER})\s+(?P<what>(?:[A-Za-z][\w'-]*\s+){{0,3}}?(?:{COUNT_NOUNS}))\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(r"(up to|over|more than|at least|about|around|nearly|almost|under|fewer "
                    r"than|less than|some|top|first|last)\s*$", re.IGNORECASE)
_NUMBER_PARTS = re.compile(r"[\s-]+")
_OUTCOME = re.compile(r"\b(losing|defeated|beaten|eliminated)\b")
_HEADING = re.compile(rf"\((?P<number>[0-9]{{1,3}})(?:\s+(?P<what>{COUNT_NOUNS}))?\)",
                      re.IGNORECASE)


@record
class DeclaredCount:
    """A count stated by the text, with the 0-based index of its number in the text."""

    count: int
    what: str
    text: str
    index: int


def number_value(text: str) -> int | None:
    """``21``, ``twenty-one``, ``Twenty one`` -> 21; None if not a number."""
    text = text.strip().lower()
    if text.isdigit():
        return ascii_int(text)
    parts = _NUMBER_PARTS.split(text)
    total = 0
    for part in parts:
        if part in _TENS:
            total += _TENS[part]
        elif part in _UNITS:
            total += _UNITS[part]
        else:
            return None
    return total


def from_heading(title: str) -> list[DeclaredCount]:
    """Counts in a heading: ``Premier League (21 teams)`` or ``National League (12)``."""
    out = []
    for match in _HEADING.finditer(title):
        what = (match.group("what") or "teams").lower()
        out.append(DeclaredCount(int(match.group("number")), what, match.group(0),
                                 match.start("number")))
    return out


def from_prose(text: str) -> list[DeclaredCount]:
    """Counts in a sentence: ``Nine division winners, followed by 12 at large berths.``"""
    out: list[DeclaredCount] = []
    if not holds(caseless(text), *_NOUN_WORDS):
        return out
    for match in _PROSE.finditer(text):
        if _HEDGE.search(text[: match.start()]):
            continue
        value = number_value(match.group("number"))
        if value is None:
            continue
        what = " ".join(match.group("what").lower().replace("-", " ").split())
        if what.startswith("of ") or _OUTCOME.search(what):
            continue  # a part of a set (``eight of the teams``, ``the two losing teams``)
        out.append(DeclaredCount(value, what, match.group(0), match.start("number")))
    return out
