"""The knockout structure the checks share: games, ties, stages and the bracket of a
document. ``stages.bracket`` builds it; ``ties`` decides each tie."""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections import defaultdict
from functools import lru_cache
from typing import Any

from ..model.dates import parse_date
from ..records import record
from .teams import normalise

COUNTED = frozenset({"played", "forfeit", "awarded", "walkover"})
_UNKNOWN = object()  # a game's date not yet worked out
_SIDE = re.compile(r"\b(third|3rd)[ -]place|bronze|\bplate\b|consolation|\blosers?\b|repechage",
                   re.I)


@record
class Game:
    """One match of a stage, with its teams' keys (aliases applied)."""

    pointer: str
    data: dict[str, Any]
    home: str
    away: str

    @property
    def line(self) -> int:
        """Source line of the match."""
        return int(self.data["line"])

    @property
    def counted(self) -> bool:
        """Whether the match has a result that counts (not postponed, void, ...)."""
        return self.data["status"] in COUNTED and self.home != self.away

    @property
    def when(self) -> tuple[_dt.date, bool] | None:
        """The match date and whether its year was written (not inferred), if known (worked
        out once per game, kept beside its fields: several checks ask for every game of a
        stage and of the next)."""
        known = self.__dict__.get("_when", _UNKNOWN)
        if known is _UNKNOWN:
            known = self.__dict__["_when"] = self._date()
        return known  # type: ignore[no-any-return]

    def _date(self) -> tuple[_dt.date, bool] | None:
        iso = self.data.get("date_iso")
        if not iso:
            return None
        written = parse_date(self.data["date"] or "")
        return _dt.date.fromisoformat(iso), bool(written and written.year is not None)

    def side(self, key: str) -> str:
        """``home`` or ``away``: the field holding team ``key``."""
        return "home" if self.home == key else "away"

    def goals(self, key: str) -> int | None:
        """Goals of team ``key`` in this match."""
        goals: int | None = self.data[f"{self.side(key)}_score"]
        return goals


# Tie, Stage and Bracket are plain classes: a dataclass compiles each method it writes
# when the module is imported (about a millisecond of every ``scoreline check`` for these
# three), and the checks need neither their generated equality nor their repr.


class Tie:
    """The matches of one pair in a stage and its outcome (``ties.decide_stage`` sets it)."""

    def __init__(self, teams: tuple[str, str], games: list[Game]) -> None:
        self.teams = teams
        self.games = games
        self.winner: str | None = None
        self.loser: str | None = None
        self.how = ""
        self.open_draw = False
        self.aggregate: tuple[int, int] | None = None


class Stage:
    """One round of the competition (possibly several sections: legs, replays)."""

    def __init__(self, name: str, region: str | None, rounds: list[int],
                 spans: list[tuple[int, int]]) -> None:
        self.name = name
        self.region = region
        self.rounds = rounds
        self.spans = spans
        self.games: list[Game] = []
        self.ties: list[Tie] = []
        self.knockout = True  # every round of the stage has ``"stage": "knockout"``
        self.two_legged = False
        # ``appearances`` worked out once (several checks ask), for the games it was built from
        self._appearances: tuple[int, dict[str, list[Game]]] | None = None
        # the spans merged into sorted, disjoint ranges (starts, ends), for the spans they were
        # merged from: ``contains`` is asked for every fact and finding, stages can have
        # hundreds
        self._ranges: tuple[int, list[int], list[int]] | None = None
        # ``crowded`` worked out once, for the ties it was worked out from
        self._crowded: tuple[int, set[str]] | None = None

    @property
    def label(self) -> str:
        """Name for messages: ``Second round (North)``."""
        return f"{self.name} ({self.region})" if self.region else self.name

    @property
    def beside(self) -> bool:
        """A stage beside the main draw (third-place match, plate, repechage)."""
        return _beside(self.name)

    @property
    def key(self) -> tuple[str, str | None]:
        """Name and region folded for comparison."""
        return normalise(self.name), self.region

    def appearances(self) -> dict[str, list[Game]]:
        """Team key -> its matches in this stage (all statuses), in document order (shared
        by the checks that ask: read it, do not change it)."""
        if self._appearances is not None and self._appearances[0] == len(self.games):
            return self._appearances[1]
        out: dict[str, list[Game]] = {}
        for game in self.games:
            out.setdefault(game.home, []).append(game)
            if game.away != game.home:
                out.setdefault(game.away, []).append(game)
        self._appearances = (len(self.games), out)
        return out

    def contains(self, line: int) -> bool:
        """Whether a source line lies in one of the stage's sections."""
        ranges = self._ranges
        if ranges is None or ranges[0] != len(self.spans):
            ranges = self._ranges = (len(self.spans), *merged_ranges(self.spans))
        _, starts, ends = ranges
        at = bisect.bisect_right(starts, line) - 1
        return at >= 0 and line <= ends[at]

    def crowded(self) -> set[str]:
        """Teams in more than one tie of this stage (shared by the checks that ask: read it,
        do not change it)."""
        if self._crowded is not None and self._crowded[0] == len(self.ties):
            return self._crowded[1]
        count: dict[str, int] = defaultdict(int)
        for tie in self.ties:
            for key in set(tie.teams):
                count[key] += 1
        found = {key for key, number in count.items() if number > 1}
        self._crowded = (len(self.ties), found)
        return found


@lru_cache(maxsize=1024)
def _beside(name: str) -> bool:
    return bool(_SIDE.search(name))


def merged_ranges(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Inclusive line ranges merged where they overlap or touch: (starts, ends), sorted."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(s for s in spans if s[0] <= s[1]):
        if ends and start <= ends[-1] + 1:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


class Bracket:
    """Every stage of a document, team display names and near-miss aliases."""

    def __init__(self, stages: list[Stage], names: dict[str, str],
                 aliases: dict[str, str]) -> None:
        self.stages = stages
        self.names = names
        self.aliases = aliases
        # successors and predecessors by ``id`` of the stage, worked out once (many checks
        # ask for every stage; the stages are complete when the bracket is made)
        self._next: dict[int, tuple[Stage, ...]] = {}
        self._before: dict[int, tuple[Stage, ...]] = {}

    def successors(self, stage: Stage) -> tuple[Stage, ...]:
        """The stage(s) the winners of ``stage`` play next (shared: a tuple, not a copy)."""
        found = self._next.get(id(stage))
        if found is None:
            found = self._next[id(stage)] = tuple(self._successors(stage))
        return found

    def predecessors(self, stage: Stage) -> tuple[Stage, ...]:
        """The stages whose successors include ``stage``."""
        found = self._before.get(id(stage))
        if found is None:
            found = self._before[id(stage)] = tuple(
                s for s in self.stages
                if s is not stage and any(n is stage for n in self.successors(s)))
        return found

    def _successors(self, stage: Stage) -> list[Stage]:
        if stage.beside or not stage.knockout:
            return []
        index = next(i for i, s in enumerate(self.stages) if s is stage)
        later = [s for s in self.stages[index + 1:] if s.knockout and not s.beside]
        if not later:
            return []
        if stage.region is None:
            first = later[0]
            if first.region is None:
                return [first]
            out = []
            for item in later:
                if item.region is None:
                    break
                if item.key[0] == first.key[0]:
                    out.append(item)
            return out
        for item in later:
            if item.region == stage.region or item.region is None:
                return [item]
        return []

    def name(self, key: str) -> str:
        """How the document first writes a team."""
        return self.names.get(key, key)
