"""Byes (PR205, PR206): teams that skip a round, and what the text says about them.

Part of the progression family: a team that first plays in a later round had a
bye or entered late (a note); a team the text says received a bye must not play
the round it skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..diagnostics import Severity
from ..model.document import Document
from . import scopes
from .base import Hit, rule
from .stages import Bracket, Game, Stage, bracket
from .teams import normalise


def _at(game: Game, key: str) -> str:
    return f"{game.pointer}/{game.side(key)}"


@rule("PR205", "byes", Severity.INFO,
      "Teams that first play in a later round (byes or late entrants).",
      needs=("matches",))
def byes(document: Document) -> Iterator[Hit]:
    """Teams that appear first in a later round had byes or entered at that stage; they are
    listed once per round, as a note.

    Failing (reported at 5:12)::

        ==First round==
        Elm FC 2-1 Oak SC

        ==Final==
        Elm FC 1-0 Ash FC

    Passing::

        ==First round==
        Elm FC 2-1 Oak SC
        Ash FC 2-0 Yew FC

        ==Final==
        Elm FC 1-0 Ash FC
    """
    brk = bracket(document)
    said = _bye_facts(document)
    seen: set[str] = set()
    for stage in brk.stages:
        apps = stage.appearances()
        if brk.predecessors(stage):
            new = [key for key in apps if key not in seen]
            if new:
                told = sorted({said[k] for k in new if k in said})
                note = f"; the text says so at line {', '.join(map(str, told))}" if told else ""
                names = ", ".join(brk.name(k) for k in new)
                yield Hit(f"{len(new)} team{'s' if len(new) > 1 else ''} first play in "
                          f"{stage.label} (byes or late entrants): {names}{note}",
                          _at(apps[new[0]][0], new[0]))
        seen |= apps.keys()


def _bye_facts(document: Document) -> dict[str, int]:
    aliases = bracket(document).aliases
    out: dict[str, int] = {}
    for fact in document.data.get("facts", []):
        if fact["kind"] == "byes":
            for team in fact["teams"]:
                key = normalise(team)
                out.setdefault(aliases.get(key, key), fact["line"])
    return out


def _target(brk: Bracket, fact: dict[str, Any]) -> Stage | None:
    home = next((s for s in brk.stages if s.contains(fact["line"])), None)
    if not fact["target"]:
        return None
    wanted = scopes.words(fact["target"])
    found = [s for s in brk.stages if wanted and wanted <= scopes.words(s.name)]
    same = [s for s in found if home is None or s.region == home.region]
    return (same or found)[0] if found else None


@rule("PR206", "bye-contradicted", Severity.ERROR,
      "A team the text says received a bye plays in the round it skipped.",
      needs=("facts", "matches"))
def bye_contradicted(document: Document) -> Iterator[Hit]:
    """``X received a bye to the second round`` contradicts a first-round match of X.

    Failing (reported at 2:1)::

        ==First round==
        Elm FC received a bye to the final.
        Elm FC 2-1 Oak SC

        ==Final==
        Elm FC 1-0 Ash FC

    Passing::

        ==First round==
        Elm FC received a bye to the final.
        Ash FC 2-1 Oak SC

        ==Final==
        Elm FC 1-0 Ash FC
    """
    brk = bracket(document)
    for index, fact in enumerate(document.data.get("facts", [])):
        if fact["kind"] != "byes":
            continue
        target = _target(brk, fact)
        if target is not None:
            skipped = brk.predecessors(target)
        else:
            skipped = tuple(s for s in brk.stages
                            if s.contains(fact["line"]) and not fact["target"])
        for stage in skipped:
            apps = stage.appearances()
            for team in fact["teams"]:
                key = brk.aliases.get(normalise(team), normalise(team))
                played = [g for g in apps.get(key, []) if g.counted]
                if played:
                    yield Hit(f"the text says {team} received a bye"
                              f"{' to ' + target.label if target else ''}, but it plays in "
                              f"{stage.label} at line {played[0].line}", f"/facts/{index}")
