"""Brackets against the matches (KO904): a bracket repeats ties the page also gives as match
boxes or result rows, and the two must name the same teams and scores.

Bracket ties are matched to the stages' ties by their pair of teams (a short name such as
``Elm`` matches ``Elm FC``: the words of one are among the other's). A bracket round
then belongs to the stage most of its ties were found in (or the stage named like the
round); a bracket tie found nowhere whose one team meets a different opponent in that
stage names the wrong team.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from ..diagnostics import Severity
from ..model.aggregates import slot_score
from ..model.document import Document
from .base import Hit, rule
from .stages import Bracket, Stage, Tie, bracket
from .teams import normalise


def _words(key: str) -> frozenset[str]:
    return frozenset(key.split())


def same_team(first: str, second: str) -> bool:
    """Whether two team keys name one team (equal, or the words of one among the other's)."""
    if first == second:
        return True
    one, two = _words(first), _words(second)
    return bool(one and two) and (one <= two or two <= one)


def _side(tie: Tie, key: str) -> str | None:
    found = [team for team in tie.teams if same_team(team, key)]
    return found[0] if len(found) == 1 else None


def _pair(tie: Tie, one: str, two: str) -> tuple[str, str] | None:
    first, second = _side(tie, one), _side(tie, two)
    if first is None or second is None or first == second:
        return None
    return first, second


def _key(brk: Bracket, name: str) -> str:
    key = normalise(name)
    return brk.aliases.get(key, key)


def _fold(name: str | None) -> str:
    return "".join(ch for ch in normalise(name or "") if ch.isalnum())


def _score_differences(tie: Tie, teams: tuple[str, str], slot: dict[str, Any]) -> list[str]:
    """What the bracket slot says that the tie's matches do not."""
    one, two = slot_score(slot["score1"]), slot_score(slot["score2"])
    games = tie.games
    if any(g.data["home_score"] is None or g.data["away_score"] is None for g in games):
        return []
    got = [(int(g.goals(teams[0]) or 0), int(g.goals(teams[1]) or 0)) for g in games]
    legs = len(games) > 1 and any(g.data["leg"] or g.data.get("aggregate") for g in games)
    out = []
    if len(games) > 1 and not legs:
        return []  # a match and its replay: brackets write either score
    if slot["legs"] and legs:
        for number, (leg, match) in enumerate(zip(slot["legs"], got, strict=False), start=1):
            if tuple(leg) != match:
                out.append(f"leg {number} {leg[0]}–{leg[1]} where the match has "
                           f"{match[0]}–{match[1]}")
    if one is not None and two is not None:
        total = (sum(g[0] for g in got), sum(g[1] for g in got))
        if (one[0], two[0]) != total:
            what = "aggregate" if legs else "score"
            out.append(f"{what} {one[0]}–{two[0]} where the "
                       f"{'legs add up to' if legs else 'match has'} {total[0]}–{total[1]}")
    return out


def _found(brk: Bracket) -> list[tuple[Stage, Tie]]:
    return [(stage, tie) for stage in brk.stages if stage.knockout for tie in stage.ties]


@rule("KO904", "bracket-differs-from-match", Severity.ERROR,
      "A bracket tie names a different team or score than the match box or result row of "
      "that tie.",
      needs=("bracket", "matches"))
def bracket_differs(document: Document) -> Iterator[Hit]:
    """The bracket and the match boxes describe the same ties: same teams, same score (for
    two legs: the same legs and aggregate).

    Failing (reported at 9:30)::

        ==Final==
        {{Football box
        |team1 = Elm FC
        |score = 2–1
        |team2 = Oak SC
        }}
        ==Bracket==
        {{2TeamBracket
        |RD1-team1=Elm FC|RD1-score1=3
        |RD1-team2=Oak SC|RD1-score2=1
        }}

    Passing::

        ==Final==
        {{Football box
        |team1 = Elm FC
        |score = 2–1
        |team2 = Oak SC
        }}
        ==Bracket==
        {{2TeamBracket
        |RD1-team1=Elm FC|RD1-score1=2
        |RD1-team2=Oak SC|RD1-score2=1
        }}
    """
    brk = bracket(document)
    ties = _found(brk)
    for index, item in enumerate(document.data.get("bracket", [])):
        matched = _match_ties(brk, ties, item["ties"])
        rounds: dict[int, Counter[int]] = {}
        for number, (stage, _, _) in matched.items():
            rounds.setdefault(item["ties"][number]["round"], Counter())[id(stage)] += 1
        used = {id(t) for _, t, _ in matched.values()}
        for number, slot in enumerate(item["ties"]):
            pointer = f"/bracket/{index}/ties/{number}"
            if number in matched:
                stage, tie, pair = matched[number]
                for difference in _score_differences(tie, pair, slot):
                    yield Hit(f"bracket '{item['name']}' has {slot['team1']} v {slot['team2']} "
                              f"with {difference} (line {tie.games[-1].line})",
                              f"{pointer}/score1")
            elif slot["team1"] and slot["team2"]:
                yield from _wrong_team(brk, ties, rounds, used, item, slot, pointer)


def _match_ties(brk: Bracket, ties: list[tuple[Stage, Tie]], slots: list[dict[str, Any]]
                ) -> dict[int, tuple[Stage, Tie, tuple[str, str]]]:
    """Bracket tie index -> the stage tie of the same pair; each stage tie is taken once,
    by a bracket tie of the round named like its stage first."""
    candidates: dict[int, list[tuple[Stage, Tie, tuple[str, str]]]] = {}
    for number, slot in enumerate(slots):
        if slot["team1"] and slot["team2"]:
            one, two = _key(brk, slot["team1"]), _key(brk, slot["team2"])
            found = [(s, t, p) for s, t in ties if (p := _pair(t, one, two)) is not None]
            if found:
                candidates[number] = found
    matched: dict[int, tuple[Stage, Tie, tuple[str, str]]] = {}
    taken: set[int] = set()
    for named_only in (True, False):
        for number, found in candidates.items():
            if number in matched:
                continue
            wanted = _fold(slots[number]["round_name"])
            for stage, tie, pair in found:
                if id(tie) not in taken and (not named_only or _fold(stage.name) == wanted):
                    matched[number] = (stage, tie, pair)
                    taken.add(id(tie))
                    break
    return matched


def _wrong_team(brk: Bracket, ties: list[tuple[Stage, Tie]], rounds: dict[int, Counter[int]],
                used: set[int], item: dict[str, Any], slot: dict[str, Any],
                pointer: str) -> Iterator[Hit]:
    counter = rounds.get(slot["round"])
    stage_id = counter.most_common(1)[0][0] if counter else None
    in_stage = [(s, t) for s, t in ties if id(s) == stage_id or (
        stage_id is None and slot["round_name"] and _fold(s.name) == _fold(slot["round_name"]))]
    keys = (_key(brk, slot["team1"]), _key(brk, slot["team2"]))
    near = []
    for _, tie in in_stage:
        if id(tie) in used:
            continue
        shared = [k for k in keys if _side(tie, k) is not None]
        if len(shared) == 1:
            near.append((tie, shared[0]))
    if len(near) != 1:
        return
    tie, kept = near[0]
    wrong = 2 if kept == keys[0] else 1
    opponent = next(t for t in tie.teams if not same_team(t, kept))
    yield Hit(f"bracket '{item['name']}' has {slot['team1']} v {slot['team2']}, but the match "
              f"(line {tie.games[-1].line}) is {brk.name(tie.teams[0])} v "
              f"{brk.name(tie.teams[1])}: {slot[f'team{wrong}']} where the match has "
              f"{brk.name(opponent)}", f"{pointer}/team{wrong}")
