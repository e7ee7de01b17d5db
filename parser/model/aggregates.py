"""Score texts of ties: a leg or an aggregate with the notes that decide a level tie.

Result rows and match boxes write an aggregate as ``4–2``, ``3–3 (a)``, ``(a) 3–3``,
``2–2 (4–3 p)``, ``3–3 (a.e.t.)`` or ``1–1 (p)``; a leg may carry ``(a.e.t.)`` and a
shoot-out (``{{pso|4–3}}`` renders as ``(4–3 p)``). ``tie_score`` reads such a text
(already reduced to plain text) from the first-named side's view: goals, extra time,
penalties, and whether it says the tie went on away goals or on penalties.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import record
from .match_lines import Result, parse_score_cell

_DASH = "-‐‑‒–—−"
_SCORE = re.compile(rf"(?<![0-9])([0-9]{{1,3}})\s*[{_DASH}]\s*([0-9]{{1,3}})(?![0-9])")
_PENS = re.compile(rf"\(?\s*([0-9]{{1,2}})\s*[{_DASH}]\s*([0-9]{{1,2}})\s*"
                   r"(?:p|pen|pens|pso|on pen[a-z]*)\.?\s*\)?", re.IGNORECASE)
_AWAY = re.compile(r"\(\s*a\s*\)|\ba\.?g\.?r?\b|away goals", re.IGNORECASE)
_PENS_NOTE = re.compile(r"\(\s*p(?:en)?\.?\s*\)", re.IGNORECASE)
_AET = re.compile(r"a\.?\s*e\.?\s*t\.?|after extra time|extra time", re.IGNORECASE)
_STATUS = (("w/o", "walkover"), ("walkover", "walkover"), ("postponed", "postponed"),
           ("cancel", "cancelled"), ("abandon", "abandoned"), ("void", "void"),
           ("annul", "void"))


@record
class TieScore:
    """A score text read from the first-named side's view."""

    result: Result
    away_goals: bool = False
    penalties_note: bool = False

    @property
    def first(self) -> int | None:
        """Goals of the first-named side."""
        return self.result.home_score

    @property
    def second(self) -> int | None:
        """Goals of the second-named side."""
        return self.result.away_score


def tie_score(text: str) -> TieScore:
    """Read a leg or aggregate text; an empty text is a match not (yet) played."""
    text = " ".join(text.split())
    away_goals = bool(_AWAY.search(text))
    pens_note = bool(_PENS_NOTE.search(text))
    plain = _AWAY.sub(" ", text) if away_goals else text
    plain = _PENS_NOTE.sub(" ", plain) if pens_note else plain
    plain = " ".join(plain.split())
    if not plain:
        return TieScore(Result("scheduled"), away_goals, pens_note)
    parsed = parse_score_cell(plain)
    if parsed is None:
        parsed = _loose(plain)
    return TieScore(parsed, away_goals, pens_note)


def _loose(text: str) -> Result:
    """A score among other words (``2–1 agg.``, ``0–3 [note]``): goals, extra time, pens."""
    pens = _PENS.search(text)
    rest = text[: pens.start()] + " " + text[pens.end():] if pens else text
    found = _SCORE.search(rest)
    lowered = text.lower()
    if not found:
        for word, status in _STATUS:
            if word in lowered:
                return Result(status)
        return Result("scheduled")
    status = "awarded" if re.search(r"\bawd\b|awarded", lowered) else (
        "forfeit" if "forfeit" in lowered else "played")
    return Result(status, int(found.group(1)), int(found.group(2)), bool(_AET.search(rest)),
                  int(pens.group(1)) if pens else None, int(pens.group(2)) if pens else None)


def swapped(result: Result) -> Result:
    """The same result seen from the other side (a second leg written from team 1's view)."""
    return Result(result.status, result.away_score, result.home_score, result.aet,
                  result.away_pens, result.home_pens, result.walkover_note, result.start,
                  result.end, result.decoration_note)


def decided_in_last_leg(leg: Result, aggregate: Result) -> Result:
    """The last leg with the shoot-out or extra time its tie's aggregate notes
    (``1–1 (4–3 p)``): they were played at the end of that leg."""
    if leg.home_pens is None and aggregate.home_pens is not None:
        leg = replace(leg, home_pens=aggregate.home_pens, away_pens=aggregate.away_pens)
    if aggregate.aet and not leg.aet:
        leg = replace(leg, aet=True)
    return leg


def aggregate_json(text: str, score: TieScore, flip: bool = False) -> dict[str, object]:
    """The ``aggregate`` object of a match: as written, goals from the match's home side."""
    first, second = score.first, score.second
    home, away = (second, first) if flip else (first, second)
    return {"text": text, "home": home, "away": away, "away_goals": score.away_goals}


_SLOT_SCORE = re.compile(r"^\s*([0-9]{1,3})(?:\s*\(\s*([0-9]{1,2})\s*\))?")


def slot_score(text: str | None) -> tuple[int, int | None] | None:
    """A bracket slot's score: goals, then a shoot-out score in parentheses (``1 (4)``)."""
    found = _SLOT_SCORE.match(text or "")
    if found is None:
        return None
    return int(found.group(1)), int(found.group(2)) if found.group(2) else None


def slot_winner(score1: str | None, score2: str | None) -> int | None:
    """1 or 2: the bracket slot with the higher score (then the higher shoot-out), else None."""
    one, two = slot_score(score1), slot_score(score2)
    if one is None or two is None:
        return None
    if one[0] != two[0]:
        return 1 if one[0] > two[0] else 2
    if one[1] is not None and two[1] is not None and one[1] != two[1]:
        return 1 if one[1] > two[1] else 2
    return None
