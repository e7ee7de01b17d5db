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

import re
from typing import Any

from ..model.document import Document
from .games import COUNTED, Bracket, Game, Stage, Tie
from .memo import once_per_document
from .teams import KeyPool, normalise
from .ties import decide_stage

__all__ = ["COUNTED", "Bracket", "Game", "Stage", "Tie", "bracket", "build"]

_REPLAY = re.compile(r"\breplays?\b", re.I)


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
        pool = KeyPool(known - keys)  # what closest(key, known - keys) sorts, for every key
        for key in sorted(keys - known) if pool.keys else ():  # an empty pool has no alias
            found = pool.closest(key)
            if found is not None:
                aliases[key] = found
        known |= {aliases.get(k, k) for k in keys}
    return aliases


def build(document: Document) -> Bracket:
    """The bracket of a document (computed from ``document.data``)."""
    rounds: list[dict[str, Any]] = document.data.get("rounds", [])
    stages = _group(rounds)
    aliases = _aliases(stages, rounds)
    names: dict[str, str] = {}
    for stage in stages:
        for index in stage.rounds:
            for number, match in enumerate(rounds[index]["matches"]):
                if not match["home"] or not match["away"] or match.get("truncated"):
                    continue  # a match read from a cut-off line may name a cut-off team
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


@once_per_document
def bracket(document: Document) -> Bracket:
    """The bracket of ``document``, computed once per document for all checks."""
    return build(document)
