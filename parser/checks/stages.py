"""The bracket: rounds grouped into stages, their ties, and who went through.

A *stage* is one round of the competition: rounds with the same name and region
(the two legs, ``=== First legs ===`` / ``=== Second legs ===``) form one stage, and
a round named ``Replay`` joins the stage before it. A *tie* is every counted match
of one pair of teams in a stage: one match, a match and its replay, or two legs
decided on aggregate (then penalties, then what the prose says). Teams are keyed
by ``teams.normalise``; a name first seen in a later stage that is a near miss of
an earlier one is aliased to it, so one misspelling does not ripple into
"missing winner" and "bye" findings (the names check reports it instead).

Stages follow each other in document order within a region; a regional stage
hands over to the next stage without a region (``Regional finals``). Only knockout
stages follow each other: group and league stages (``stage`` of their rounds, see
``model.group_stages``) have no successors and are nobody's successor.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..model.dates import parse_date
from ..model.document import Document
from .teams import closest_in, normalise

COUNTED = frozenset({"played", "forfeit", "awarded", "walkover"})
_REPLAY = re.compile(r"\breplays?\b", re.I)
_SIDE = re.compile(r"\b(third|3rd)[ -]place|bronze|\bplate\b|consolation|\blosers?\b|repechage",
                   re.I)


@dataclass(frozen=True)
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
        """The match date and whether its year was written (not inferred), if known."""
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


@dataclass
class Tie:
    """The matches of one pair in a stage and its outcome."""

    teams: tuple[str, str]
    games: list[Game]
    winner: str | None = None
    loser: str | None = None
    how: str = ""
    open_draw: bool = False
    aggregate: tuple[int, int] | None = None


@dataclass
class Stage:
    """One round of the competition (possibly several sections: legs, replays)."""

    name: str
    region: str | None
    rounds: list[int]
    spans: list[tuple[int, int]]
    games: list[Game] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)
    knockout: bool = True  # every round of the stage has ``"stage": "knockout"``
    two_legged: bool = False

    @property
    def label(self) -> str:
        """Name for messages: ``Second round (North)``."""
        return f"{self.name} ({self.region})" if self.region else self.name

    @property
    def beside(self) -> bool:
        """A stage beside the main draw (third-place match, plate, repechage)."""
        return bool(_SIDE.search(self.name))

    @property
    def key(self) -> tuple[str, str | None]:
        """Name and region folded for comparison."""
        return normalise(self.name), self.region

    def appearances(self) -> dict[str, list[Game]]:
        """Team key -> its matches in this stage (all statuses), in document order."""
        out: dict[str, list[Game]] = defaultdict(list)
        for game in self.games:
            out[game.home].append(game)
            if game.away != game.home:
                out[game.away].append(game)
        return out

    def contains(self, line: int) -> bool:
        """Whether a source line lies in one of the stage's sections."""
        return any(start <= line <= end for start, end in self.spans)

    def crowded(self) -> set[str]:
        """Teams in more than one tie of this stage."""
        count: dict[str, int] = defaultdict(int)
        for tie in self.ties:
            for key in set(tie.teams):
                count[key] += 1
        return {key for key, number in count.items() if number > 1}


@dataclass
class Bracket:
    """Every stage of a document, team display names and near-miss aliases."""

    stages: list[Stage]
    names: dict[str, str]
    aliases: dict[str, str]

    def successors(self, stage: Stage) -> list[Stage]:
        """The stage(s) the winners of ``stage`` play next."""
        if stage.beside or not stage.knockout:
            return []
        index = self.stages.index(stage)
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

    def predecessors(self, stage: Stage) -> list[Stage]:
        """The stages whose successors include ``stage``."""
        return [s for s in self.stages if s is not stage and stage in self.successors(s)]

    def name(self, key: str) -> str:
        """How the document first writes a team."""
        return self.names.get(key, key)


def _group(rounds: list[dict[str, Any]]) -> list[Stage]:
    stages: list[Stage] = []
    by_key: dict[tuple[str, str | None], Stage] = {}
    for index, item in enumerate(rounds):
        span = (int(item["line"]), int(item["end_line"]))
        key = (normalise(item["name"]), item.get("region"))
        if _REPLAY.search(item["name"]) and stages:
            target = stages[-1]
        elif key in by_key:
            target = by_key[key]
        else:
            target = Stage(item["name"], item.get("region"), [], [])
            by_key[key] = target
            stages.append(target)
        target.rounds.append(index)
        target.spans.append(span)
    return stages


def _aliases(stages: list[Stage], rounds: list[dict[str, Any]]) -> dict[str, str]:
    aliases: dict[str, str] = {}
    known: set[str] = set()
    for stage in stages:
        keys = {normalise(m[side]) for i in stage.rounds for m in rounds[i]["matches"]
                for side in ("home", "away") if m[side]}
        pool = sorted(known - keys)  # what closest(key, known - keys) sorts, for every key
        for key in sorted(keys - known):
            found = closest_in(key, pool)
            if found is not None:
                aliases[key] = found
        known |= {aliases.get(k, k) for k in keys}
    return aliases


def build(document: Document) -> Bracket:
    """The bracket of a document (computed from ``document.data``)."""
    from .ties import decide_stage

    rounds: list[dict[str, Any]] = document.data.get("rounds", [])
    stages = _group(rounds)
    aliases = _aliases(stages, rounds)
    names: dict[str, str] = {}
    for stage in stages:
        for index in stage.rounds:
            for number, match in enumerate(rounds[index]["matches"]):
                if not match["home"] or not match["away"]:
                    continue
                keys = []
                for side in ("home", "away"):
                    raw = normalise(match[side])
                    keys.append(aliases.get(raw, raw))
                    names.setdefault(raw, match[side])
                stage.games.append(Game(f"/rounds/{index}/matches/{number}", match, *keys))
        stage.games.sort(key=lambda g: g.line)
    facts = [f for f in document.data.get("facts", [])
             if f["kind"] in ("aggregate", "penalties", "advanced") and f["winner"]]
    for stage in stages:
        decide_stage(stage, facts, aliases)
        stage.knockout = all(rounds[i].get("stage", "knockout") == "knockout"
                             for i in stage.rounds)
    return Bracket(stages, names, aliases)


_CACHE: dict[int, tuple[dict[str, Any], Bracket]] = {}


def bracket(document: Document) -> Bracket:
    """The bracket of ``document``, computed once per document for all checks."""
    key = id(document.data)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is document.data:
        return cached[1]
    if len(_CACHE) > 8:
        _CACHE.clear()
    result = build(document)
    _CACHE[key] = (document.data, result)
    return result
