"""Match validity (MA3xx): results that cannot stand as written.

Knockout draws need a decider (extra time and penalties, a replay, a second leg,
or a sentence saying who went through); penalties need a level score; a side that
forfeited cannot be credited with goals; one document uses one forfeit scoreline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache

from ..diagnostics import Severity
from ..model.document import Document
from .base import Hit, rule
from .stages import Game, Stage, Tie, bracket

MAX_GOALS = 30


def _score(game: Game) -> str:
    return f"{game.pointer}/home_score"


@rule("MA301", "draw-without-decider", Severity.WARNING,
      "A knockout tie ends level with nothing to decide it.",
      needs=("matches",))
def draw_without_decider(document: Document) -> Iterator[Hit]:
    """A level knockout match needs penalties, a replay, or a sentence naming who went through
    (a level first leg is fine: the second leg decides).

    Failing (reported at 2:1)::

        ==Final==
        Elm FC 1-1 Oak SC

    Passing::

        ==Final==
        Elm FC 1-1 Oak SC
        Elm FC won 4–2 on penalties.
    """
    brk = bracket(document)
    for stage in brk.stages:
        if not stage.knockout:
            continue
        for tie in stage.ties:
            if not tie.open_draw or (stage.two_legged and len(tie.games) == 1):
                continue
            game = tie.games[-1]
            if tie.aggregate is not None:
                what = f"level on aggregate ({tie.aggregate[0]}–{tie.aggregate[1]})"
            else:
                what = "level" + (" after extra time" if game.data["aet"] else "")
            yield Hit(f"{brk.name(tie.teams[0])} v {brk.name(tie.teams[1])} in {stage.label} "
                      f"ends {what}, with no penalties, replay or sentence saying who went "
                      "through", game.pointer)


def _two_leg(stage: Stage, tie: Tie) -> bool:
    return tie.aggregate is not None or (stage.two_legged and len(tie.games) == 1)


@rule("MA302", "penalties-without-level-score", Severity.ERROR,
      "A penalty shoot-out follows a score that is not level.",
      needs=("matches",))
def penalties_not_level(document: Document) -> Iterator[Hit]:
    """A shoot-out only happens after a level score (over two legs: a level aggregate).

    Failing (reported at 2:8)::

        ==Final==
        Elm FC 2–1 (4–3 p) Oak SC

    Passing::

        ==Final==
        Elm FC 1–1 (4–3 p) Oak SC
    """
    for stage in bracket(document).stages:
        for tie in stage.ties:
            for game in tie.games:
                data = game.data
                if data["home_pens"] is None or data["home_score"] is None:
                    continue
                if _two_leg(stage, tie):
                    if game is tie.games[-1] and tie.aggregate and len(set(tie.aggregate)) > 1:
                        yield Hit(f"penalties {data['home_pens']}–{data['away_pens']} after an "
                                  f"aggregate of {tie.aggregate[0]}–{tie.aggregate[1]}",
                                  _score(game))
                elif data["home_score"] != data["away_score"]:
                    yield Hit(f"penalties {data['home_pens']}–{data['away_pens']} after a "
                              f"{data['home_score']}–{data['away_score']} score that is not "
                              "level", _score(game))


@rule("MA303", "forfeit-credited-goals", Severity.ERROR,
      "The side that forfeited a match is credited with goals.",
      needs=("matches",))
def forfeit_goals(document: Document) -> Iterator[Hit]:
    """In ``0-2 (forfeit)`` the side with fewer goals forfeited; it cannot have scored.

    Failing (reported at 2:8)::

        ==Final==
        Elm FC 1-3 (forfeit) Oak SC

    Passing::

        ==Final==
        Elm FC 0-3 (forfeit) Oak SC
    """
    for stage in bracket(document).stages:
        for game in stage.games:
            data = game.data
            home, away = data["home_score"], data["away_score"]
            if data["status"] == "forfeit" and home is not None and away is not None \
                    and min(home, away) > 0:
                side = data["home"] if home < away else data["away"]
                yield Hit(f"{side} forfeited but is credited with {min(home, away)} goal"
                          f"{'s' if min(home, away) > 1 else ''} ({home}–{away})", _score(game))


@rule("MA304", "forfeit-scorelines-differ", Severity.WARNING,
      "Forfeits (or awarded results) in one document use different scorelines.",
      needs=("matches",))
def forfeit_scorelines(document: Document) -> Iterator[Hit]:
    """One competition awards one scoreline for a forfeit; a different one is very likely a
    typo. Forfeits and awarded results are compared separately.

    Failing (reported at 3:8)::

        ==First round==
        Elm FC 2-0 (forfeit) Oak SC
        Ash FC 0-3 (forfeit) Yew FC

    Passing::

        ==First round==
        Elm FC 2-0 (forfeit) Oak SC
        Ash FC 0-2 (forfeit) Yew FC
    """
    for status in ("forfeit", "awarded"):
        games = [g for s in bracket(document).stages for g in s.games
                 if g.data["status"] == status and g.data["home_score"] is not None
                 and g.data["away_score"] is not None]
        lines = Counter(_scoreline(g) for g in games)
        if len(lines) < 2:
            continue
        usual = max(lines, key=lambda k: (lines[k], -min(g.line for g in games
                                                          if _scoreline(g) == k)))
        for game in games:
            if _scoreline(game) != usual:
                yield Hit(f"{status} scoreline {game.data['home_score']}–"
                          f"{game.data['away_score']} differs from the {usual[0]}–{usual[1]} "
                          f"used elsewhere in the document", _score(game))


def _scoreline(game: Game) -> tuple[int, int]:
    home, away = game.data["home_score"], game.data["away_score"]
    return max(home, away), min(home, away)


@rule("MA305", "plays-itself", Severity.ERROR, "A match has the same team on both sides.",
      needs=("matches",))
def plays_itself(document: Document) -> Iterator[Hit]:
    """Home and away name the same team (after folding case, accents and punctuation).

    Failing (reported at 2:12)::

        ==Final==
        Elm FC 2-1 Elm F.C.

    Passing::

        ==Final==
        Elm FC 2-1 Oak SC
    """
    for stage in bracket(document).stages:
        for game in stage.games:
            if game.home == game.away:
                yield Hit(f"{game.data['home']} plays itself", f"{game.pointer}/away")


@rule("MA306", "implausible-score", Severity.WARNING,
      f"A side is credited with more than {MAX_GOALS} goals.",
      needs=("matches",))
def implausible_score(document: Document) -> Iterator[Hit]:
    """Scores above thirty goals for one side are almost always typos (``3-0`` typed ``30-0``).

    Failing (reported at 2:8)::

        ==Final==
        Elm FC 31-0 Oak SC

    Passing::

        ==Final==
        Elm FC 13-0 Oak SC
    """
    for stage in bracket(document).stages:
        for game in stage.games:
            goals = [g for g in (game.data["home_score"], game.data["away_score"]) if g]
            if goals and max(goals) > MAX_GOALS:
                yield Hit(f"implausible score {game.data['home_score']}–"
                          f"{game.data['away_score']}", _score(game))


@cache
def shootout_scores() -> frozenset[tuple[int, int]]:
    """Every (winner, loser) score a five-kick shoot-out with sudden death can end on."""
    finals: set[tuple[int, int]] = set()
    going = {(0, 0)}  # the scores after ``taken`` kicks of a shoot-out not yet decided
    for taken in range(11):
        left = [5 - (taken + 1 - side) // 2 for side in (0, 1)]
        shooter = taken % 2
        after: set[tuple[int, int]] = set()
        for home, away in going:
            if home > away + left[1] or away > home + left[0]:
                finals.add((max(home, away), min(home, away)))
            elif taken < 10:
                after.update(((home + 1, away) if shooter == 0 else (home, away + 1),
                              (home, away)))
        going = after
    finals.update((level + 1, level) for level in range(0, 40))
    return frozenset(finals)


@rule("MA307", "impossible-shootout", Severity.WARNING,
      "A penalty shoot-out score that no shoot-out can end on.",
      needs=("matches",))
def impossible_shootout(document: Document) -> Iterator[Hit]:
    """A shoot-out ends as soon as one side cannot catch up over five kicks each, then goes to
    sudden death: ``4–4``, ``5–2`` and ``6–3`` cannot be final shoot-out scores.

    Failing (reported at 2:8)::

        ==Final==
        Elm FC 1–1 (5–2 p) Oak SC

    Passing::

        ==Final==
        Elm FC 1–1 (4–2 p) Oak SC
    """
    valid = shootout_scores()
    for stage in bracket(document).stages:
        for game in stage.games:
            home, away = game.data["home_pens"], game.data["away_pens"]
            if home is not None and away is not None and (max(home, away),
                                                          min(home, away)) not in valid:
                yield Hit(f"no penalty shoot-out ends {home}–{away}", _score(game))
