"""The rounds as the report lists them: every match with its score, decider and winner.

Winners come from the checks' reading of the knockout stages (``parser.checks.stages``):
one match, a match and its replay, or two legs on aggregate, then penalties, then what
the prose says; a match box's own ``winner`` is used where no tie decides one (group
games, single matches outside the knockout stages).
"""

from __future__ import annotations

from typing import Any

from ..checks.games import Bracket, Tie
from ..records import record

HOW = {"aggregate": "on aggregate", "penalties": "on penalties", "walkover": "walkover",
       "text": "as the text says", "forfeit": "forfeit", "awarded": "awarded"}


@record
class MatchRow:
    """One match of a round."""

    id: str
    pointer: str
    number: int
    line: int
    date: str | None
    home: str
    away: str
    home_tag: str | None
    away_tag: str | None
    score: str
    aet: bool
    pens: str | None
    status: str
    leg: str | None
    tie: str | None
    winner: str | None  # "home", "away" or None
    decided: str  # how the tie was decided, on the match that decided it
    notes: tuple[str, ...]
    text: str


@record
class RoundView:
    """One round and its matches."""

    id: str
    pointer: str
    name: str
    region: str | None
    section: str | None
    year: int | None
    stage: str | None
    group: str | None
    line: int
    end_line: int
    notes: tuple[str, ...]
    matches: tuple[MatchRow, ...]


def score_text(home: int | None, away: int | None) -> str:
    """``2–1``, or ``–`` when no score is known."""
    if home is None or away is None:
        return "–"
    return f"{home}–{away}"


def tie_index(bracket: Bracket) -> dict[str, Tie]:
    """Match pointer -> the tie it belongs to (counted matches of knockout stages)."""
    out: dict[str, Tie] = {}
    for stage in bracket.stages:
        for tie in stage.ties:
            for game in tie.games:
                out[game.pointer] = tie
    return out


def rounds(data: dict[str, Any], bracket: Bracket) -> list[RoundView]:
    """Every round of the document, in document order."""
    ties = tie_index(bracket)
    out = []
    for index, item in enumerate(data.get("rounds", [])):
        matches = tuple(_match(index, number, match, ties)
                        for number, match in enumerate(item.get("matches", [])))
        out.append(RoundView(
            f"r-{index}", f"/rounds/{index}", item["name"], item.get("region"),
            item.get("section"), item.get("year"), item.get("stage"), item.get("group"),
            int(item["line"]), int(item["end_line"]), tuple(item.get("notes", ())), matches))
    return out


def _match(index: int, number: int, match: dict[str, Any], ties: dict[str, Tie]) -> MatchRow:
    pointer = f"/rounds/{index}/matches/{number}"
    winner, decided = _winner(pointer, match, ties)
    pens = None
    if match.get("home_pens") is not None and match.get("away_pens") is not None:
        pens = f"{match['home_pens']}–{match['away_pens']}"
    return MatchRow(
        f"m-{index}-{number}", pointer, number + 1, int(match["line"]), match.get("date"),
        match["home"], match["away"], match.get("home_tag"), match.get("away_tag"),
        score_text(match.get("home_score"), match.get("away_score")), bool(match.get("aet")),
        pens, match["status"], match.get("leg"), match.get("tie"), winner, decided,
        tuple(match.get("notes", ())), match.get("text", ""))


def _winner(pointer: str, match: dict[str, Any], ties: dict[str, Tie]) -> tuple[str | None, str]:
    tie = ties.get(pointer)
    if tie is not None and tie.winner is not None:
        last = tie.games[-1]
        if last.pointer != pointer:
            return None, ""
        how = HOW.get(tie.how, "")
        if tie.aggregate is not None and tie.how == "aggregate":
            first, second = tie.aggregate
            if last.home != tie.teams[0]:
                first, second = second, first
            how = f"{first}–{second} on aggregate"
        return last.side(tie.winner), how
    if tie is not None and tie.open_draw:
        return None, "undecided draw"
    written = match.get("winner")
    if written in ("home", "away"):
        return str(written), "as written"
    return None, ""
