"""The matches of a two-legged tie written on one row: team 1, the aggregate, team 2, the
first leg and the second leg (``{{TwoLegResult}}`` rows, ``Team 1 | Agg. | Team 2 |
1st leg | 2nd leg`` tables in either form).

Every score of such a row is written from team 1's side, so the second leg, played at team
2's ground, is turned round to its own home side, and a shoot-out or extra time the
aggregate notes (``1–1 (4–3 p)``) goes to it. The last leg the row scores carries the tie's
aggregate. A row whose legs are blank but whose aggregate says what happened (``w/o``)
gives one match, from the aggregate. A leg cell holding a date or words without a score
(``16–18 Oct``, ``Not played``) gives no match.
"""

from __future__ import annotations

from typing import Any

from ..records import record
from .aggregates import aggregate_json, decided_in_last_leg, swapped, tie_score
from .dates import parse_date
from .match_lines import Result, parse_score_cell

BLANK = frozenset({"", "-", "–", "—", "−", "n/a", "tbd", "tba", "?"})


@record
class LegMatch:
    """One match of a tie: which leg (None: the tie's only match), whether team 2 is at
    home, its result from its home side, and the aggregate JSON the last leg carries."""

    leg: str | None
    second_at_home: bool
    result: Result
    aggregate: dict[str, Any] | None = None


def _leg_result(written: str) -> Result | None:
    """A leg's result, or None when its cell gives no leg: blank, a date (``12 Oct``,
    ``16–18 Oct``: never a score) or words without a score or status (``Not played``)."""
    if written.casefold() in BLANK:
        return None
    cell = parse_score_cell(written)
    if cell is None and parse_date(written) is not None:
        return None
    result = tie_score(written).result
    if cell is None and result.home_score is None and result.status == "scheduled":
        return None
    return result


def tie_legs(aggregate: str, leg1: str, leg2: str) -> list[LegMatch]:
    """The matches of one tie from its texts as written (already reduced to plain text)."""
    total = tie_score(aggregate)
    legs: list[LegMatch] = []
    for leg, written in (("1st", leg1), ("2nd", leg2)):
        result = _leg_result(written)
        if result is None:
            continue
        second = leg == "2nd"
        if second:
            result = decided_in_last_leg(swapped(result), swapped(total.result))
        legs.append(LegMatch(leg, second, result))
    if not legs:
        if aggregate.casefold() in BLANK:
            return []
        return [LegMatch(None, False, total.result)]
    last = legs[-1]
    if aggregate.casefold() not in BLANK:
        legs[-1] = LegMatch(last.leg, last.second_at_home, last.result,
                            aggregate_json(aggregate, total, last.second_at_home))
    return legs
