"""``{{#invoke:RoundN|N8|...}}`` written positionally: the unnamed values turned into slots.

Module:RoundN takes its options by name (``3rdplace``, ``legs``, ``RD1`` ...) and its
matches as a run of unnamed values after the function name: for each match its first team
then its second, each as ``seed | team | score`` (``team | score`` when seeds are switched
off with ``seeds=no``, or absent), with one score per leg when ``legs`` is more than one,
then the aggregate when ``agg`` is set. Matches come round by round, first round first; a
bracket of *n* teams has n/2, n/4, ..., 1 matches and, with ``3rdplace``, one more after
the final. The function name (``N4``, ``N16``, ...) gives *n*; with ``main`` it is the
``columns`` option or, failing both, the number of matches the values make.

The result is the ``RDn-teamNN``-style slots the bracket reader fills from named
parameters, so both spellings give the same ``bracket`` entry.
"""

from __future__ import annotations

import re
from typing import Generic, TypeVar

from ..records import record

Value = TypeVar("Value")
_FUNCTION = re.compile(r"^n([0-9]{1,3})$", re.IGNORECASE)
_YES = frozenset({"y", "yes", "1", "true", "on"})
_NO = frozenset({"n", "no", "0", "false", "off"})


@record
class Layout:
    """How the unnamed values are laid out: seeds or not, scores per team, teams."""

    seeded: bool
    scores: int
    aggregate: bool
    teams: int
    third_place: bool

    @property
    def per_team(self) -> int:
        """Values written for one team of a match."""
        return int(self.seeded) + 1 + self.scores + int(self.aggregate)


@record
class Placed(Generic[Value]):
    """One value in its slot: round, slot number, kind (``team``/``score``/``seed``), leg."""

    round: int
    slot: int
    kind: str
    leg: int | None
    value: Value


def _option(options: dict[str, str], *names: str) -> str | None:
    folded = {re.sub(r"[\s_-]+", "", k).lower(): v for k, v in options.items()}
    for name in names:
        if name in folded:
            return folded[name].strip().lower()
    return None


def _bracket_teams(function: str, options: dict[str, str]) -> int | None:
    found = _FUNCTION.match(function.strip())
    if found is not None:
        return int(found.group(1))
    columns = _option(options, "columns", "rounds")
    if columns is not None and columns.isdigit() and 0 < int(columns) < 8:
        return int(2 ** int(columns))
    return None


def _fits(count: int, per_team: int, teams: int | None, third: bool) -> int | None:
    """The bracket's team count when ``count`` values make whole matches of it, else None."""
    if per_team <= 0 or count % (2 * per_team):
        return None
    matches = count // (2 * per_team) - int(third)
    if teams is not None:
        return teams if matches == teams - 1 else None
    size = matches + 1
    return size if size >= 2 and size & (size - 1) == 0 else None


def layout(function: str, options: dict[str, str], count: int) -> Layout | None:
    """The layout of ``count`` unnamed values, or None when they make no bracket."""
    legs_text = _option(options, "legs", "sets") or "1"
    scores = int(legs_text) if legs_text.isdigit() and int(legs_text) > 0 else 1
    aggregate = (_option(options, "agg", "aggregate") or "") in _YES and scores > 1
    third = (_option(options, "3rdplace", "thirdplace") or "") in _YES
    choices: tuple[bool, ...] = (True, False)  # seeded first; ``seeds=no`` decides it
    if (_option(options, "seeds") or "") in _NO or (_option(options, "noseeds") or "") in _YES:
        choices = (False,)
    elif (_option(options, "seeds") or "") in _YES:
        choices = (True,)
    wanted = _bracket_teams(function, options)
    for seeded in choices:
        trial = Layout(seeded, scores, aggregate, 0, third)
        teams = _fits(count, trial.per_team, wanted, third)
        if teams is not None:
            return Layout(seeded, scores, aggregate, teams, third)
    return None


def place(values: list[Value], shape: Layout) -> list[Placed[Value]]:
    """Every value in its slot, round by round (the third-place match is the last round)."""
    placed: list[Placed[Value]] = []
    per_match = 2 * shape.per_team
    round_number, in_round, match = 1, shape.teams // 2, 0
    for start in range(0, len(values), per_match):
        if match == in_round:
            round_number, in_round, match = round_number + 1, max(in_round // 2, 1), 0
        match += 1
        for side in (0, 1):
            slot = 2 * match - 1 + side
            at = start + side * shape.per_team
            run = values[at:at + shape.per_team]
            if shape.seeded:
                placed.append(Placed(round_number, slot, "seed", None, run[0]))
                run = run[1:]
            placed.append(Placed(round_number, slot, "team", None, run[0]))
            legs = run[1:1 + shape.scores]
            if shape.scores == 1:
                placed.append(Placed(round_number, slot, "score", None, legs[0]))
                continue
            for leg, value in enumerate(legs, start=1):
                placed.append(Placed(round_number, slot, "score", leg, value))
            if shape.aggregate:
                placed.append(Placed(round_number, slot, "score", None, run[-1]))
    return placed
