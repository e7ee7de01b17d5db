"""Progression (PR2xx): who goes through from one round to the next.

Works on the bracket (``stages.py``): two-leg ties are decided on aggregate,
replays and walkovers count, void/postponed/abandoned matches do not, regions
hand over to the next regional round, and a third-place match or plate is not
"the next round". Group stages are skipped.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from ..diagnostics import Severity
from ..model.document import Document
from .base import Hit, rule
from .stages import Bracket, Game, Stage, bracket

ROLLOVER_DAYS = 120


def _at(game: Game, key: str) -> str:
    return f"{game.pointer}/{game.side(key)}"


def _knockout(brk: Bracket) -> Iterator[Stage]:
    return (stage for stage in brk.stages if stage.knockout)


@rule("PR201", "loser-advances", Severity.ERROR,
      "A team that lost its tie plays in the next round.",
      needs=("matches",))
def loser_advances(document: Document) -> Iterator[Hit]:
    """The loser of a decided tie (by score, aggregate, penalties, walkover or award) must not
    play the next round. A next round that holds most of the losers is a losers' draw and is
    skipped.

    Failing (reported at 7:12)::

        ==First round==
        Elm FC 2-1 Oak SC
        Ash FC 0-1 Yew FC

        ==Final==
        May 1
        Elm FC 1-0 Oak SC

    Passing::

        ==First round==
        Elm FC 2-1 Oak SC
        Ash FC 0-1 Yew FC

        ==Final==
        Elm FC 1-0 Yew FC
    """
    brk = bracket(document)
    for stage in _knockout(brk):
        crowded = stage.crowded()
        losers = {t.loser: t for t in stage.ties if t.loser and t.loser not in crowded}
        for nxt in brk.successors(stage):
            apps = nxt.appearances()
            found = [key for key in losers if key in apps]
            if not found or len(found) * 2 > len(losers) > 1:
                continue
            for key in found:
                tie, game = losers[key], apps[key][0]
                yield Hit(f"{brk.name(key)} lost to {brk.name(tie.winner or '')} in "
                          f"{stage.label} (line {tie.games[-1].line}) but plays in {nxt.label}",
                          _at(game, key))


@rule("PR202", "winner-missing", Severity.WARNING,
      "A team that won its tie does not appear in the next round.",
      needs=("matches",))
def winner_missing(document: Document) -> Iterator[Hit]:
    """When the next round is listed (it holds teams of this round), every winner of this
    round should play in it.

    Failing (reported at 3:12)::

        ==First round==
        Elm FC 2-1 Oak SC
        Ash FC 0-1 Yew FC

        ==Final==
        Elm FC 1-0 Pine FC

    Passing::

        ==First round==
        Elm FC 2-1 Oak SC
        Ash FC 0-1 Yew FC

        ==Final==
        Elm FC 1-0 Yew FC
    """
    brk = bracket(document)
    said = [f for f in document.data.get("facts", []) if f["kind"] == "all_winners"]
    for stage in _knockout(brk):
        nexts = brk.successors(stage)
        following: set[str] = set()
        for nxt in nexts:
            following |= nxt.appearances().keys()
        if not following & stage.appearances().keys():
            continue
        crowded = stage.crowded()
        note = next((f" (the text says all winners advance, line {f['line']})" for f in said
                     if stage.contains(f["line"])), "")
        for tie in stage.ties:
            if tie.winner and tie.winner not in crowded and tie.winner not in following:
                yield Hit(f"{brk.name(tie.winner)} won its {stage.label} tie but does not play "
                          f"in {' or '.join(n.label for n in nexts)}{note}",
                          _at(tie.games[-1], tie.winner))


@rule("PR203", "plays-twice-in-round", Severity.ERROR,
      "A team plays two different ties in one knockout round.",
      needs=("matches",))
def plays_twice(document: Document) -> Iterator[Hit]:
    """Legs of one tie and replays against the same opponent are one tie; a second opponent
    in the same knockout round is a contradiction.

    Failing (reported at 3:12)::

        ==Quarter-finals==
        Elm FC 2-1 Oak SC
        Ash FC 0-1 Elm FC

    Passing::

        ==Quarter-finals==
        Elm FC 1-1 Oak SC
        Oak SC 0-1 Elm FC
    """
    brk = bracket(document)
    for stage in _knockout(brk):
        first: dict[str, Game] = {}
        for tie in stage.ties:
            for key in dict.fromkeys(tie.teams):
                if key in first:
                    other = first[key]
                    yield Hit(f"{brk.name(key)} already plays in {stage.label} at line "
                              f"{other.line}, against {brk.name(_opponent(other, key))}",
                              _at(tie.games[0], key))
                else:
                    first[key] = tie.games[0]


def _opponent(game: Game, key: str) -> str:
    return game.away if game.home == key else game.home


@rule("PR204", "played-before-previous-round", Severity.WARNING,
      "A match is dated before the same team's match in the previous round.",
      needs=("matches",))
def played_before(document: Document) -> Iterator[Hit]:
    """A team's match in a round cannot come before its match in the round before. Dates whose
    year was inferred are not compared across a turn of the year.

    Failing (reported at 5:1)::

        ==Semi-finals==
        May 10, 2031
        Elm FC 2-1 Oak SC
        ==Final==
        May 3, 2031
        Elm FC 1-0 Ash FC

    Passing::

        ==Semi-finals==
        May 10, 2031
        Elm FC 2-1 Oak SC
        ==Final==
        May 24, 2031
        Elm FC 1-0 Ash FC
    """
    brk = bracket(document)
    for stage in brk.stages:
        latest: dict[str, tuple[_dt.date, bool, Game]] = {}
        for game in stage.games:
            when = game.when
            if when is None or not game.counted:
                continue
            for key in (game.home, game.away):
                if key not in latest or latest[key][0] < when[0]:
                    latest[key] = (when[0], when[1], game)
        for nxt in brk.successors(stage):
            for game in nxt.games:
                when = game.when
                if when is None:
                    continue
                keys = (game.home,) if game.home == game.away else (game.home, game.away)
                earlier = [(key, latest[key]) for key in keys
                           if key in latest and when[0] < latest[key][0]
                           and _comparable(when, latest[key][:2])]
                if earlier:
                    who = " and ".join(f"{brk.name(k)}'s {stage.label} match on {d.isoformat()} "
                                       f"(line {g.line})" for k, (d, _, g) in earlier)
                    yield Hit(f"this {nxt.label} match is dated {when[0].isoformat()}, before "
                              f"{who}", f"{game.pointer}/date")


def _comparable(later: tuple[_dt.date, bool], earlier: tuple[_dt.date, bool]) -> bool:
    gap = (earlier[0] - later[0]).days
    return (later[1] and earlier[1]) or gap <= ROLLOVER_DAYS
