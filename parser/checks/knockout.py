"""Knockout ties across their parts (KO9xx): the marked winner, the aggregate, the legs.

A page marks who went through (a bold team, a box's ``result``, a row's ``winner=``, a
bracket's bold slot) and writes the score that decided it (the match, the aggregate
with its ``(a)`` note, the shoot-out); the two must agree. An aggregate is the sum of
its legs, and a second leg is the first leg with the teams swapped. Ties are the
stages' ties (``stages.bracket``): every counted match of one pair in one stage.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..diagnostics import Severity
from ..model.aggregates import slot_score, slot_winner
from ..model.document import Document
from .base import Hit, rule
from .stages import Bracket, Game, Tie, bracket


def _legs(tie: Tie) -> bool:
    games = tie.games
    return len(games) > 1 and (any(g.data["leg"] for g in games)
                               or any(g.data.get("aggregate") for g in games))


def _scored(games: list[Game]) -> bool:
    return all(g.data["home_score"] is not None and g.data["away_score"] is not None
               for g in games)


def _away_goals(tie: Tie, key: str) -> int:
    return sum(int(g.goals(key) or 0) for g in tie.games if g.away == key and g.home != key)


def _expected(tie: Tie, game: Game) -> tuple[str, str] | None:
    """(team key, why) of the side the scores say went through, when they say it."""
    data = game.data
    other = game.away
    aggregate = data.get("aggregate") or {}
    home, away = aggregate.get("home"), aggregate.get("away")
    pens = data["home_pens"], data["away_pens"]
    if home is not None and away is not None:
        if home != away:
            why = f"went through on aggregate {aggregate['text']}"
            return (game.home if home > away else other), why
        if aggregate.get("away_goals") and _legs(tie) and _scored(tie.games):
            mine, theirs = _away_goals(tie, game.home), _away_goals(tie, other)
            if mine != theirs:
                return (game.home if mine > theirs else other), (
                    f"went through on away goals ({max(mine, theirs)}–{min(mine, theirs)}), "
                    f"as the aggregate {aggregate['text']} says")
    elif _legs(tie):
        if game is not tie.games[-1] or tie.winner is None or tie.how not in (
                "aggregate", "penalties"):
            return None
        first, second = tie.aggregate or (0, 0)
        why = f"went through on aggregate {max(first, second)}–{min(first, second)}" \
            if tie.how == "aggregate" else "went through on penalties"
        return tie.winner, why
    elif data["leg"] or game is not tie.games[-1] or data["status"] == "walkover":
        return None
    elif data["home_score"] is not None and data["away_score"] is not None \
            and data["home_score"] != data["away_score"]:
        won = data["home_score"] > data["away_score"]
        high, low = sorted((data["home_score"], data["away_score"]), reverse=True)
        return (game.home if won else other), f"won the match {high}–{low}"
    if pens[0] is not None and pens[1] is not None and pens[0] != pens[1]:
        why = f"won {max(pens)}–{min(pens)} on penalties"
        return (game.home if pens[0] > pens[1] else other), why
    return None


def _marked(brk: Bracket) -> Iterator[tuple[Tie, Game]]:
    for stage in brk.stages:
        for tie in stage.ties:
            for game in tie.games:
                if game.data.get("winner") in ("home", "away"):
                    yield tie, game


@rule("KO901", "winner-contradicts-score", Severity.ERROR,
      "The team marked as the winner lost on the score, the aggregate, away goals or "
      "penalties.")
def winner_contradicts_score(document: Document) -> Iterator[Hit]:
    """The bold team (or ``result``, ``winner=``, a bracket's bold slot) is the team that went
    through, so it must be the one the match score, the aggregate, the away goals of an
    ``(a)`` aggregate or the shoot-out favour.

    Failing (reported at 4:10)::

        ==Final==
        {{Football box collapsible
        |date = 1 May 2031
        |team1 = '''[[Elm F.C.|Elm FC]]'''
        |score = 1–2
        |team2 = [[Oak S.C.|Oak SC]]
        }}

    Passing::

        ==Final==
        {{Football box collapsible
        |date = 1 May 2031
        |team1 = [[Elm F.C.|Elm FC]]
        |score = 1–2
        |team2 = '''[[Oak S.C.|Oak SC]]'''
        }}
    """
    brk = bracket(document)
    for tie, game in _marked(brk):
        expected = _expected(tie, game)
        if expected is None:
            continue
        marked = game.home if game.data["winner"] == "home" else game.away
        if marked != expected[0]:
            yield Hit(f"{brk.name(marked)} is marked as the winner, but {brk.name(expected[0])} "
                      f"{expected[1]}", f"{game.pointer}/winner")
    for index, item in enumerate(document.data.get("bracket", [])):
        for number, slot in enumerate(item["ties"]):
            by_score = slot_winner(slot["score1"], slot["score2"])
            if slot["bold"] is not None and by_score is not None and slot["bold"] != by_score:
                bold, won = slot[f"team{slot['bold']}"], slot[f"team{by_score}"]
                yield Hit(f"bracket '{item['name']}' marks {bold} as the winner, but {won} "
                          f"has the higher score ({slot['score1']}–{slot['score2']})",
                          f"/bracket/{index}/ties/{number}/bold")


@rule("KO902", "aggregate-not-sum-of-legs", Severity.ERROR,
      "An aggregate score is not the sum of the legs' scores.")
def aggregate_not_sum(document: Document) -> Iterator[Hit]:
    """The aggregate of a two-legged tie adds up both legs (from the same team's side);
    a bracket's aggregate adds up its ``-1``/``-2`` leg scores.

    Failing (reported at 2:24)::

        ==First round==
        {{TwoLegResult|Elm FC||4–2|Oak SC||2–1|1–1}}
        |}

    Passing::

        ==First round==
        {{TwoLegResult|Elm FC||3–2|Oak SC||2–1|1–1}}
        |}
    """
    brk = bracket(document)
    for stage in brk.stages:
        for tie in stage.ties:
            last = tie.games[-1]
            aggregate = last.data.get("aggregate") or {}
            if aggregate.get("home") is None or aggregate.get("away") is None \
                    or not _legs(tie) or not _scored(tie.games):
                continue
            home = sum(int(g.goals(last.home) or 0) for g in tie.games)
            away = sum(int(g.goals(last.away) or 0) for g in tie.games)
            if (home, away) != (aggregate["home"], aggregate["away"]):
                lines = ", ".join(str(g.line) for g in tie.games)
                yield Hit(f"aggregate {aggregate['text']} is not the sum of the legs (lines "
                          f"{lines}): they give {brk.name(last.home)} {home}–{away} "
                          f"{brk.name(last.away)}", f"{last.pointer}/aggregate")
    for index, item in enumerate(document.data.get("bracket", [])):
        for number, slot in enumerate(item["ties"]):
            yield from _bracket_sum(item, slot, f"/bracket/{index}/ties/{number}/score1")


def _bracket_sum(item: dict[str, Any], slot: dict[str, Any], pointer: str) -> Iterator[Hit]:
    legs = slot["legs"]
    one, two = slot_score(slot["score1"]), slot_score(slot["score2"])
    if len(legs) < 2 or one is None or two is None:
        return
    total = (sum(leg[0] for leg in legs), sum(leg[1] for leg in legs))
    if total != (one[0], two[0]):
        yield Hit(f"bracket '{item['name']}': {slot['team1']} v {slot['team2']} aggregate "
                  f"{one[0]}–{two[0]} is not the sum of its legs ({total[0]}–{total[1]})",
                  pointer)


@rule("KO903", "second-leg-not-swapped", Severity.WARNING,
      "A second leg does not have the first leg's teams the other way round.",
      needs=("matches",))
def second_leg_not_swapped(document: Document) -> Iterator[Hit]:
    """In a two-legged tie the second leg is played at the other team's ground: its home
    team is the first leg's away team, and its opponent is the same team.

    Failing (reported at 10:10)::

        ==First round==
        ===First leg===
        {{Football box
        |team1 = Elm FC
        |score = 2–1
        |team2 = Oak SC
        }}
        ===Second leg===
        {{Football box
        |team1 = Elm FC
        |score = 0–0
        |team2 = Oak SC
        |aggregatescore = 2–1
        }}

    Passing::

        ==First round==
        ===First leg===
        {{Football box
        |team1 = Elm FC
        |score = 2–1
        |team2 = Oak SC
        }}
        ===Second leg===
        {{Football box
        |team1 = '''Oak SC'''
        |score = 3–0
        |team2 = Elm FC
        |aggregatescore = 4–2
        }}
    """
    brk = bracket(document)
    for stage in brk.stages:
        lone_firsts = [t.games[0] for t in stage.ties
                       if len(t.games) == 1 and t.games[0].data["leg"] == "1st"]
        for tie in stage.ties:
            if _legs(tie) and len(tie.games) == 2 and tie.games[0].home == tie.games[1].home:
                first, second = tie.games
                yield Hit(f"the second leg {second.data['home']} v {second.data['away']} has "
                          f"the same home team as the first leg (line {first.line})",
                          f"{second.pointer}/home")
            elif len(tie.games) == 1 and tie.games[0].data["leg"] == "2nd":
                second = tie.games[0]
                partners = [g for g in lone_firsts
                            if len({g.home, g.away} & {second.home, second.away}) == 1]
                if len(partners) == 1:
                    first = partners[0]
                    lone_firsts.remove(first)
                    yield Hit(f"the second leg {second.data['home']} v {second.data['away']} "
                              f"is not the first leg {first.data['home']} v "
                              f"{first.data['away']} (line {first.line}) swapped",
                              f"{second.pointer}/home")
