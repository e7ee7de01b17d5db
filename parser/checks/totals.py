"""Infobox totals (IB507, IB508): the infobox's ``matches`` and ``goals`` against the matches read.

Played matches count; walkovers and awarded or forfeited results may or may not be counted
by the infobox's editors, so they widen the range that agrees (the total is fine anywhere
from the played matches alone to the played and the decided-without-play ones, and the
same for their goals). Bracket ties are not matches (they repeat the match boxes). A
page may hold fewer matches than its infobox counts (the qualifying rounds are on
another page), so a total above the range is reported only when the page reads as
complete (every round has a played match and none is still to be played); a total
below the range is always reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..diagnostics import Severity
from ..model.document import Document
from .base import Hit, rule


def _total(document: Document, name: str) -> tuple[str, int] | None:
    infobox = document.data.get("infobox") or {}
    for index, item in enumerate(infobox.get("fields", [])):
        if item["name"] == name and isinstance(item["value"], int):
            return f"/infobox/fields/{index}/value", item["value"]
    return None


_DECIDED = frozenset({"walkover", "awarded", "forfeit"})


def _played(document: Document) -> list[dict[str, Any]]:
    return [m for r in document.data.get("rounds", []) for m in r["matches"]
            if m["status"] == "played" and m["home_score"] is not None
            and m["away_score"] is not None]


def _decided(document: Document) -> list[dict[str, Any]]:
    """Matches decided without being played through (walkovers, awarded, forfeited)."""
    return [m for r in document.data.get("rounds", []) for m in r["matches"]
            if m["status"] in _DECIDED]


def _goals(matches: list[dict[str, Any]]) -> int:
    return sum(int(m["home_score"] or 0) + int(m["away_score"] or 0) for m in matches)


def _complete(document: Document) -> bool:
    """Whether the page reads as complete: no round without a played match, none scheduled."""
    rounds = document.data.get("rounds", [])
    return bool(rounds) and all(
        any(m["status"] == "played" for m in r["matches"])
        and not any(m["status"] == "scheduled" for m in r["matches"]) for r in rounds)


@rule("IB507", "infobox-matches-differ", Severity.WARNING,
      "The infobox's number of matches differs from the matches played on the page.",
      needs=("infobox",))
def matches_total(document: Document) -> Iterator[Hit]:
    """``matches`` in the infobox counts the matches played: never fewer than the page holds,
    and on a complete page (every round played) not more either.

    Failing (reported at 3:13)::

        {{Infobox football tournament
        | name = Elm Cup
        | matches = 3
        }}
        ==Final==
        {{Football box|team1=Elm FC|score=2–1|team2=Oak SC}}

    Passing::

        {{Infobox football tournament
        | name = Elm Cup
        | matches = 1
        }}
        ==Final==
        {{Football box|team1=Elm FC|score=2–1|team2=Oak SC}}
    """
    total = _total(document, "matches")
    if total is None:
        return
    played, decided = len(_played(document)), len(_decided(document))
    if played > total[1] or (played + decided < total[1] and _complete(document)):
        besides = f" (and {decided} decided without play)" if decided else ""
        yield Hit(f"the infobox says {total[1]} matches, but {played} played matches{besides} "
                  "are read from the page", total[0])


@rule("IB508", "infobox-goals-differ", Severity.WARNING,
      "The infobox's number of goals differs from the goals of the matches played on the page.",
      needs=("infobox",))
def goals_total(document: Document) -> Iterator[Hit]:
    """``goals`` in the infobox adds up the goals of the matches played (shoot-outs do not
    count): never fewer than the page's, and on a complete page not more either.

    Failing (reported at 4:11)::

        {{Infobox football tournament
        | name = Elm Cup
        | matches = 1
        | goals = 4
        }}
        ==Final==
        {{Football box|team1=Elm FC|score=2–1|team2=Oak SC}}

    Passing::

        {{Infobox football tournament
        | name = Elm Cup
        | matches = 1
        | goals = 3
        }}
        ==Final==
        {{Football box|team1=Elm FC|score=2–1|team2=Oak SC}}
    """
    total = _total(document, "goals")
    if total is None:
        return
    played, decided = _played(document), _decided(document)
    goals = _goals(played)
    matches = _total(document, "matches")
    comparable = _complete(document) and (
        matches is None or len(played) <= matches[1] <= len(played) + len(decided))
    if goals > total[1] or (goals + _goals(decided) < total[1] and comparable):
        yield Hit(f"the infobox says {total[1]} goals, but the {len(played)} played matches read "
                  f"from the page have {goals}", total[0])
