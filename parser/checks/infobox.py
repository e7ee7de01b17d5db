"""Infobox (IB5xx): the infobox against the title, itself, and the final.

Seasons are compared by their first year (``2031–32`` -> 2031), so a season
infobox and a single-year title agree when either year matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..diagnostics import Severity
from ..model.document import Document
from .base import Hit, rule
from .memo import once_per_document
from .stages import Tie, bracket
from .teams import normalise

_YEAR = re.compile(r"(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})(?:\s*[-–—/]\s*([0-9]{4}|[0-9]{2}))?"
                   r"(?![0-9])")
NUMERIC = frozenset({"num_teams", "team1_score", "team2_score", "attendance", "matches", "goals",
                     "year", "prev_season", "next_season"})
_FINAL = re.compile(r"\bfinals?\b|^match$|^details$", re.I)
USUAL_GAPS = (1, 2, 4)


@lru_cache(maxsize=1024)
def years(text: str) -> tuple[int, int] | None:
    """(first, last) year of ``2031``, ``2031–32`` or ``2031-2032`` at the start of ``text``."""
    found = _YEAR.search(text)
    if found is None:
        return None
    first = int(found.group(1))
    end = found.group(2)
    if not end:
        return first, first
    last = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
    return (first, last) if first < last <= first + 1 else (first, first)


def _fields(document: Document) -> Iterator[tuple[int, dict[str, Any]]]:
    infobox = document.data.get("infobox") or {}
    yield from enumerate(infobox.get("fields", []))


def _field(document: Document, name: str) -> tuple[str, dict[str, Any]] | None:
    """The first field ``name`` with a value, and the pointer to that value."""
    return _filled_fields(document).get(name)


@once_per_document
def _filled_fields(document: Document) -> dict[str, tuple[str, dict[str, Any]]]:
    """Name -> (pointer, field) of the first field of each name with a value (six checks ask
    for fields by name, once per document rather than a scan per question)."""
    out: dict[str, tuple[str, dict[str, Any]]] = {}
    for index, item in _fields(document):
        if item["name"] not in out and item["value"] not in (None, ""):
            out[item["name"]] = (f"/infobox/fields/{index}/value", item)
    return out


def _season(item: dict[str, Any]) -> tuple[int, int] | None:
    value = item["value"]
    return (value, value) if isinstance(value, int) else years(str(value))


@rule("IB501", "year-differs-from-title", Severity.ERROR,
      "The infobox year contradicts the year in the title.",
      needs=("infobox",))
def year_vs_title(document: Document) -> Iterator[Hit]:
    """``= 2031 Elm Cup =`` and ``- Year: 2030`` cannot both be right.

    Failing (reported at 3:9)::

        = 2031 Elm Cup =
        Infobox
        - Year: 2030

    Passing::

        = 2031 Elm Cup =
        Infobox
        - Year: 2031
    """
    title = years(document.data.get("title") or "")
    found = _field(document, "year")
    if title is None or found is None:
        return
    pointer, item = found
    stated = _season(item)
    if stated is not None and not set(range(stated[0], stated[1] + 1)) & set(
            range(title[0], title[1] + 1)):
        yield Hit(f"infobox {item['key']} is {item['raw']}, but the title says "
                  f"{document.data['title']!r}", pointer)


def _reference(document: Document) -> tuple[int, str] | None:
    title = years(document.data.get("title") or "")
    if title is not None:
        return title[0], "the title's year"
    found = _field(document, "year")
    stated = _season(found[1]) if found else None
    return (stated[0], "the infobox year") if stated else None


@rule("IB502", "season-sequence", Severity.WARNING,
      "The previous or next season does not fit the season's year.",
      needs=("infobox",))
def season_sequence(document: Document) -> Iterator[Hit]:
    """Previous and next season sit an equal number of years away (1, 2 or 4); one edition may
    be skipped (gaps 1 and 2). A previous season after this one is always wrong.

    Failing (reported at 3:15)::

        = 2031 Elm Cup =
        Infobox
        - Prevseason: 2028
        - Nextseason: 2032

    Passing::

        = 2031 Elm Cup =
        Infobox
        - Prevseason: 2030
        - Nextseason: 2032
    """
    reference = _reference(document)
    if reference is None:
        return
    year, what = reference
    gaps: dict[str, tuple[int, str, dict[str, Any]]] = {}
    for name, sign in (("prev_season", 1), ("next_season", -1)):
        found = _field(document, name)
        stated = _season(found[1]) if found else None
        if found and stated:
            gaps[name] = (sign * (year - stated[0]), found[0], found[1])
    for gap, pointer, item in gaps.values():
        if gap <= 0:
            yield Hit(f"infobox {item['key']} {item['raw']} is not "
                      f"{'before' if 'prev' in item['name'] else 'after'} {year} ({what})",
                      pointer)
    if len(gaps) == 2:
        (prev, p_ptr, p_item), (nxt, n_ptr, n_item) = gaps["prev_season"], gaps["next_season"]
        if prev > 0 and nxt > 0 and prev != nxt and sorted((prev, nxt)) != [1, 2]:
            pointer, item, gap = (p_ptr, p_item, prev) if prev > nxt else (n_ptr, n_item, nxt)
            yield Hit(f"infobox {item['key']} {item['raw']} is {gap} years from {year} ({what}), "
                      f"but {(n_item if item is p_item else p_item)['key']} is "
                      f"{min(prev, nxt)} year{'s' if min(prev, nxt) > 1 else ''} away", pointer)
    elif len(gaps) == 1:
        gap, pointer, item = next(iter(gaps.values()))
        if gap > 0 and gap not in USUAL_GAPS:
            yield Hit(f"infobox {item['key']} {item['raw']} is {gap} years from {year} ({what})",
                      pointer)


@rule("IB503", "number-not-read", Severity.WARNING,
      "A numeric infobox field holds a value that is not a number.",
      needs=("infobox",))
def number_not_read(document: Document) -> Iterator[Hit]:
    """Team counts, scores, attendances and years must be numbers (``64``, ``18,402``,
    ``2031–32``).

    Failing (reported at 3:14)::

        = Elm Cup =
        Infobox
        - Num Teams: sixty

    Passing::

        = Elm Cup =
        Infobox
        - Num Teams: 60
    """
    for index, item in _fields(document):
        value = item["value"]
        if item["name"] not in NUMERIC or value is None or isinstance(value, int):
            continue
        if item["name"] in ("year", "prev_season", "next_season") and years(str(value)):
            continue
        yield Hit(f"infobox {item['key']} {item['raw']!r} is not a number",
                  f"/infobox/fields/{index}/value")


@rule("IB504", "leaked-template-fragment", Severity.INFO,
      "A template parameter leaked into an infobox value (kept under 'leaked').",
      needs=("infobox",))
def leaked_fragment(document: Document) -> Iterator[Hit]:
    """``- Champions: Elm FC |runner-up = Oak SC``: the ``|runner-up = ...`` part belongs to
    another field; the value is cleaned and the fragment kept in the JSON.

    Failing (reported at 3:14)::

        = Elm Cup =
        Infobox
        - Champions: Elm FC |runner-up = Oak SC

    Passing::

        = Elm Cup =
        Infobox
        - Champions: Elm FC
        - Runner-up: Oak SC
    """
    for index, item in _fields(document):
        for leak in item["leaked"]:
            yield Hit(f"infobox {item['key']} holds a leaked template parameter "
                      f"{leak['raw']!r}", f"/infobox/fields/{index}/value")


def _final(document: Document) -> Tie | None:
    stages = [s for s in bracket(document).stages if s.knockout and not s.beside]
    if not stages or not _FINAL.search(stages[-1].name) or len(stages[-1].ties) != 1:
        return None
    return stages[-1].ties[0]


@rule("IB505", "champion-lost-final", Severity.ERROR,
      "The infobox champion (or runner-up) is the other finalist.",
      needs=("infobox", "matches"))
def champion_vs_final(document: Document) -> Iterator[Hit]:
    """The champion must be the winner of the final and the runner-up its loser.

    Failing (reported at 3:14)::

        = Elm Cup =
        Infobox
        - Champions: Oak SC

        ==Final==
        Elm FC 2-1 Oak SC

    Passing::

        = Elm Cup =
        Infobox
        - Champions: Elm FC

        ==Final==
        Elm FC 2-1 Oak SC
    """
    tie = _final(document)
    if tie is None or tie.winner is None:
        return
    brk = bracket(document)
    for name, wrong in (("champions", tie.loser), ("runner_up", tie.winner)):
        found = _field(document, name)
        if found and isinstance(found[1]["value"], str) and normalise(found[1]["value"]) == wrong:
            yield Hit(f"infobox {found[1]['key']} is {found[1]['value']}, but "
                      f"{brk.name(tie.winner)} won the final (line {tie.games[-1].line})",
                      found[0])


@rule("IB506", "final-score-differs", Severity.ERROR,
      "The infobox score of a single match differs from the match itself.",
      needs=("infobox", "matches"))
def final_score(document: Document) -> Iterator[Hit]:
    """``Team1``/``Team1Score``/``Team2``/``Team2Score`` must repeat the final's score.

    Failing (reported at 4:15)::

        = Elm Cup Final =
        Infobox
        - Team1: Elm FC
        - Team1Score: 3
        - Team2: Oak SC
        - Team2Score: 1

        ==Match==
        Elm FC 2-1 Oak SC

    Passing::

        = Elm Cup Final =
        Infobox
        - Team1: Elm FC
        - Team1Score: 2
        - Team2: Oak SC
        - Team2Score: 1

        ==Match==
        Elm FC 2-1 Oak SC
    """
    tie = _final(document)
    teams = [_field(document, n) for n in ("team1", "team1_score", "team2", "team2_score")]
    if tie is None or any(t is None for t in teams):
        return
    game = tie.games[-1]
    for team, score in ((teams[0], teams[1]), (teams[2], teams[3])):
        assert team is not None and score is not None
        key = normalise(str(team[1]["value"]))
        if key not in (game.home, game.away) or not isinstance(score[1]["value"], int):
            return
        goals = game.goals(key)
        if goals is not None and goals != score[1]["value"]:
            yield Hit(f"infobox {score[1]['key']} is {score[1]['value']}, but "
                      f"{team[1]['value']} scored {goals} in the match (line {game.line})",
                      score[0])
