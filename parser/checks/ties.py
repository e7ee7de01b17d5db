"""Ties: the counted matches of one pair in a stage, and who went through.

One match, a match and its replay (the last match decides), or two legs (the
aggregate decides, then penalties in the last leg, then a sentence of the prose
naming the winner). A level tie nothing decides is an ``open_draw``; a level
aggregate with different away goals is left undecided but not open.
"""

from __future__ import annotations

from typing import Any

from .games import Game, Stage, Tie
from .teams import normalise


def decide_stage(stage: Stage, facts: list[dict[str, Any]], aliases: dict[str, str]) -> None:
    """Group the stage's counted matches into ties and decide each (a stage is a knockout
    stage when the model says so of its rounds: ``model.group_stages``)."""
    pairs: dict[frozenset[str], Tie] = {}
    for game in stage.games:
        if not game.counted:
            continue
        pair = frozenset((game.home, game.away))
        if pair not in pairs:
            pairs[pair] = Tie((game.home, game.away), [])
            stage.ties.append(pairs[pair])
        pairs[pair].games.append(game)
    stage.two_legged = any(g.data["leg"] for g in stage.games) or any(
        len(t.games) > 1 and _decisive(t.games[0]) for t in stage.ties)
    stage_facts: dict[str, str] = {}
    for fact in facts:
        if stage.contains(int(fact["line"])):
            key = normalise(fact["winner"])
            stage_facts[aliases.get(key, key)] = fact["kind"]
    for tie in stage.ties:
        _decide(tie, stage_facts)


def _decisive(game: Game) -> bool:
    home, away = game.data["home_score"], game.data["away_score"]
    return home is not None and away is not None and home != away


def _set(tie: Tie, winner: str, how: str) -> None:
    tie.winner, tie.how = winner, how
    tie.loser = tie.teams[1] if winner == tie.teams[0] else tie.teams[0]


def _decide(tie: Tie, facts: dict[str, str]) -> None:
    first, second = tie.teams
    told = None if not facts else first if first in facts else second if second in facts \
        else None
    games = tie.games
    legs = len(games) > 1 and (any(g.data["leg"] for g in games) or _decisive(games[0]))
    if legs and all(g.goals(first) is not None and g.goals(second) is not None for g in games):
        one = sum(int(g.goals(first) or 0) for g in games)
        two = sum(int(g.goals(second) or 0) for g in games)
        tie.aggregate = (one, two)
        if one != two:
            _set(tie, first if one > two else second, "aggregate")
            return
        last = games[-1].data
        if last["home_pens"] is not None and last["home_pens"] != last["away_pens"]:
            home_won = last["home_pens"] > last["away_pens"]
            _set(tie, games[-1].home if home_won else games[-1].away, "penalties")
        elif told is not None:
            _set(tie, told, "text")
        else:
            away_one = sum(int(g.goals(first) or 0) for g in games if g.away == first)
            away_two = sum(int(g.goals(second) or 0) for g in games if g.away == second)
            tie.open_draw = away_one == away_two and not last["aet"]
        return
    game = games[-1]
    data = game.data
    home, away = data["home_score"], data["away_score"]
    if data["status"] == "walkover" and (home is None or home == away):
        _set(tie, game.away if data.get("winner") == "away" else game.home, "walkover")
    elif home is not None and away is not None and home != away:
        _set(tie, game.home if home > away else game.away, data["status"])
    elif data["home_pens"] is not None and data["home_pens"] != data["away_pens"]:
        _set(tie, game.home if data["home_pens"] > data["away_pens"] else game.away, "penalties")
    elif told is not None:
        _set(tie, told, "text")
    elif home is not None and home == away:
        tie.open_draw = True
