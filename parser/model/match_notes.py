"""What a match's own notes say about how it ended: ``Yew 2–2 Box (Box won 5–4 on
penalties)``, ``Elm 0–0 Oak (a.e.t.; Oak won on away goals)``.

A note in parentheses beside the teams reads like the prose around a round's matches, so
its sentences go through ``facts.from_prose``: each fact joins the document's facts at the
note's own place in the line (the checks decide a level tie by them, as by a sentence
under the match). A shoot-out the note gives for one of the two sides also fills the
match's ``home_pens``/``away_pens`` when the line gave none, and the side it names as
winning or going through becomes the match's ``winner`` when nothing else named one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from ..read.source import normalise_name
from .facts import Fact, from_prose

_DECIDING = ("penalties", "aggregate", "advanced")
_COMMA = re.compile(r",\s*")


def note_facts(notes: list[str], text: str) -> Iterator[tuple[int, Fact]]:
    """Each fact the notes state, with the index in ``text`` (the match's line) where its
    note starts."""
    searched_from = 0
    for note in notes:
        at = text.find(note, searched_from)
        if at < 0:
            at = text.find(note)
        if at < 0:
            continue  # a note the reader made up ("w/o-scr" from "w/o-scr."), not prose
        searched_from = at + len(note)
        found = from_prose(note)
        if found:
            yield from ((at, fact) for fact in found)
            continue
        for start, clause in _clauses(note):  # "3–3 agg., Fir FC won on away goals"
            yield from ((at + start, fact) for fact in from_prose(clause))


def _clauses(note: str) -> Iterator[tuple[int, str]]:
    """The parts of a note between commas, each with its index in the note."""
    start = 0
    for part in _COMMA.split(note):
        yield start + len(part) - len(part.lstrip()), part.strip()
        start += len(part)
        separator = _COMMA.match(note, start)
        start = separator.end() if separator else start


def resolved(found: dict[str, Any], fact: Fact) -> Fact:
    """``fact`` with a winner the note shortens (``Birch`` for ``Birch United``) named as
    the side it stands for, so the checks find the team."""
    if fact.winner is None:
        return fact
    side = _side(found, fact.winner)
    if side is None or found[side] == fact.winner:
        return fact
    name = found[side]
    teams = tuple(name if team == fact.winner else team for team in fact.teams)
    return replace(fact, winner=name, teams=teams)


def apply_fact(found: dict[str, Any], fact: Fact) -> None:
    """Fill the match's shoot-out and winner from a fact one of its notes states."""
    if fact.kind not in _DECIDING or fact.winner is None:
        return
    side = _side(found, fact.winner)
    if side is None:
        return  # the note names a team that is neither side: nothing to fill
    if fact.kind == "penalties" and fact.pens and found["home_pens"] is None \
            and found["away_pens"] is None:
        high, low = max(fact.pens), min(fact.pens)
        found["home_pens"], found["away_pens"] = (high, low) if side == "home" else (low, high)
    if found.get("winner") is None:
        found["winner"] = side


def _side(found: dict[str, Any], team: str) -> str | None:
    """The side ``team`` names: the side's name, or the first words of only one side's
    name (``Birch`` for ``Birch United``)."""
    key = normalise_name(team).casefold()
    names = {side: normalise_name(found[side]).casefold() for side in ("home", "away")
             if found[side]}
    exact = [side for side, name in names.items() if name == key]
    if exact:
        return exact[0]
    prefixed = [side for side, name in names.items() if name.startswith(key + " ")]
    return prefixed[0] if len(prefixed) == 1 else None
