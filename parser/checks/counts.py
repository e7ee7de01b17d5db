"""Counts (CO1xx): what the text says there are against what it actually lists.

A heading count (``(21 teams)``) is held against the teams listed in its section;
a prose count against the labelled list it names (``12 at large berths`` ->
``At-Large Berths``) or, for plain ``teams``/``clubs``, against the section's
teams. ``global_scopes`` are the team scopes a whole document can prove (the
distinct teams of its rounds, of its entrant lists, or of both); the infobox team
count is held against them in ``infobox_counts``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from ..diagnostics import Severity
from ..model.document import Document
from ..records import record
from . import scopes
from .base import Hit, rule
from .memo import Memo, once_per_document
from .stages import Stage, bracket
from .teams import normalise

_PART_BEFORE = re.compile(r"\b(remaining|other|additional|further|another|last|first|top|bottom|"
                          r"best|worst|only|of the)\s*$", re.I)
_PART_AFTER = re.compile(r"^\s*(from|in|of)\s+(each|every)\b|^\s*(per|each|apiece)\b", re.I)
_PART_WORDS = frozenset({"more", "other", "additional", "remaining", "new", "further", "extra"})


def partial(document: Document, item: dict[str, Any]) -> bool:
    """Whether a prose count states a part, not a whole (``two teams from each region``,
    ``the remaining 12 clubs``, ``eight more clubs``)."""
    if _PART_WORDS & set(item["what"].split()):
        return True
    line = document.source.line_text(item["line"]) if item["line"] <= \
        document.source.line_count else ""
    at = line.find(item["text"])
    if at < 0:
        return False
    return bool(_PART_BEFORE.search(line[:at]) or _PART_AFTER.search(line[at + len(item["text"]):]))


def _round_teams(document: Document, section: scopes.SectionSpan) -> set[str]:
    games = _games_by_line(bracket(document))
    low = bisect.bisect_left(games.lines, section.line)
    high = bisect.bisect_right(games.lines, section.end_line)
    return {key for home, away in games.teams[low:high] for key in (home, away)}


@record
class _GamesByLine:
    """Every game's teams, ordered by line: a section's teams are then one slice (asking
    every game of every stage per counted section was quadratic)."""

    source: Any
    lines: list[int]
    teams: list[tuple[str, str]]


_games_cache: Memo[_GamesByLine] = Memo()


def _games_by_line(current: Any) -> _GamesByLine:
    known = _games_cache.get(current)
    if known is not None:
        return known
    games = sorted(((game.line, game.home, game.away) for stage in current.stages
                    for game in stage.games), key=lambda item: item[0])
    found = _GamesByLine(current, [line for line, _, _ in games],
                         [(home, away) for _, home, away in games])
    return _games_cache.keep(current, found)


def _plural(count: int, noun: str = "team") -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _counts(document: Document, source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for index, item in enumerate(document.data.get("declared_counts", [])):
        if item["source"] == source:
            yield index, item


@rule("CO101", "heading-count-mismatch", Severity.ERROR,
      "A count in a heading differs from the teams listed under that heading.",
      needs=("counts",))
def heading_count(document: Document) -> Iterator[Hit]:
    """The number in ``(21 teams)`` or ``(12)`` must equal the distinct teams listed in the
    section (its lists and tables, or else the teams of its matches).

    Failing (reported at 1:16)::

        ===Elm League (3 teams)===
        - Elm FC
        - Oak SC

    Passing::

        ===Elm League (2 teams)===
        - Elm FC
        - Oak SC
    """
    spans = scopes.sections(document.data)
    for index, item in _counts(document, "heading"):
        section = next((s for s in spans if s.line == item["line"]), None)
        if section is None:
            continue
        listed = scopes.listings(document.data, section)
        listed_keys, played = scopes.distinct(listed), _round_teams(document, section)
        found = [len(keys) for keys in (listed_keys, played) if keys]
        if not found or item["count"] in found:
            continue
        where = (f"{len(listed_keys)} are listed in this section: {scopes.describe(listed)}"
                 if listed_keys else f"{len(played)} play the matches of this section")
        yield Hit(f"heading says {_plural(item['count'])}, but {where}",
                  f"/declared_counts/{index}")


@rule("CO102", "prose-count-mismatch", Severity.ERROR,
      "A count in the prose differs from the list it names or the teams of its section.",
      needs=("counts",))
def prose_count(document: Document) -> Iterator[Hit]:
    """``Nine division winners, followed by 12 at large berths`` is held against the lists
    labelled ``Division Winners`` and ``At-Large Berths``; ``Twenty-one teams`` against every
    team listed in the section. Counts in rounds and at the top level are CO103's; counts of a
    part (``two teams from each region``, ``the remaining 12 clubs``) are not compared.

    Failing (reported at 2:1)::

        ===Elm League===
        Three teams entered through the league.

        Entrants
        - Elm FC
        - Oak SC

    Passing::

        ===Elm League===
        Two teams entered through the league.

        Entrants
        - Elm FC
        - Oak SC
    """
    spans = scopes.sections(document.data)
    for index, item in _counts(document, "prose"):
        section = scopes.innermost(spans, item["line"])
        if section is None or section.level <= 1 or partial(document, item):
            continue
        listed = scopes.listings(document.data, section)
        named = [x for x in listed if scopes.refers_to(item["what"], x.label)]
        if named:
            total = len(scopes.distinct(named))
            if total != item["count"]:
                lists = " and ".join(f"{x.label!r} (line {x.line})" for x in named)
                yield Hit(f"the text says {item['text']!r}, but {lists} "
                          f"list{'s' if len(named) == 1 else ''} {_plural(total)}",
                          f"/declared_counts/{index}")
        elif listed and scopes.head_noun(item["what"]) in scopes.GENERIC_NOUNS:
            total = len(scopes.distinct(listed))
            if total != item["count"] and item["count"] not in (
                    len(x.keys) for x in listed):
                yield Hit(f"the text says {item['text']!r}, but {_plural(total)} are listed in "
                          f"this section: {scopes.describe(listed)}", f"/declared_counts/{index}")


def _stage_of(document: Document, line: int) -> Stage | None:
    return next((s for s in bracket(document).stages if s.contains(line)), None)


@once_per_document
def global_scopes(document: Document) -> list[tuple[str, int]]:
    """(description, size) of every team scope the whole document can prove (worked out once
    per document: three checks ask)."""
    stages = bracket(document).stages
    seen: set[str] = set()
    parts = []
    for stage in stages:
        new = {k for g in stage.games for k in (g.home, g.away)} - seen
        if new:
            parts.append(f"{len(new)} {'in' if not seen else 'more in'} {stage.label}")
        seen |= new
    listed = {normalise(e["name"]) for _, e in scopes.team_entrants(document.data)}
    out = []
    if seen:
        kind = "qualifying rounds" if all("qualif" in s.name.lower() for s in stages) \
            else "rounds"
        out.append((f"distinct teams of the {kind} ({', '.join(parts)})", len(seen)))
    if listed:
        out.append(("distinct teams in the entrant lists and tables", len(listed)))
    if seen and listed and seen | listed not in (seen, listed):
        out.append((f"distinct teams in entrant lists and rounds together ({len(listed)} "
                    f"listed, {len(seen | listed) - len(listed)} more in rounds)",
                    len(seen | listed)))
    return out


@rule("CO103", "count-not-matched", Severity.INFO,
      "A team count at the top level or in a round matches none of the document's scopes.",
      needs=("counts",))
def loose_count(document: Document) -> Iterator[Hit]:
    """Counts at the top of the article (``A record 64 amateur teams entered``) or in a round
    (``Eight clubs entered at this stage``) may count a subset the text does not list, so a
    mismatch is a note, not a warning.

    Failing (reported at 2:1)::

        = Elm Cup =
        Three clubs entered.

        ==Final==
        Elm FC 2-1 Oak SC

    Passing::

        = Elm Cup =
        Two clubs entered.

        ==Final==
        Elm FC 2-1 Oak SC
    """
    spans = scopes.sections(document.data)
    found = global_scopes(document)
    for index, item in _counts(document, "prose"):
        if scopes.head_noun(item["what"]) not in scopes.GENERIC_NOUNS or partial(document, item):
            continue
        section = scopes.innermost(spans, item["line"])
        stage = _stage_of(document, item["line"])
        if section is not None and section.level > 1 and stage is None:
            continue
        if stage is not None and section is not None and section.level > 1:
            sizes = _stage_sizes(document, stage)
            scope = f"{stage.label} has {sizes[0]} teams, {sizes[1]} of them new"
        else:
            sizes = [size for _, size in found]
            scope = "; ".join(f"{size} {what}" for what, size in found) or "no teams listed"
        if item["count"] not in sizes:
            yield Hit(f"the text says {item['text']!r}, which matches no list the document "
                      f"gives ({scope})",
                      f"/declared_counts/{index}")


def _stage_sizes(document: Document, stage: Stage) -> list[int]:
    brk = bracket(document)
    earlier = {k for s in brk.stages[: brk.stages.index(stage)] for g in s.games
               for k in (g.home, g.away)}
    teams = {k for g in stage.games for k in (g.home, g.away)}
    winners = [t.winner for t in stage.ties if t.winner]
    return [len(teams), len(teams - earlier), len(winners), len(stage.ties)]
