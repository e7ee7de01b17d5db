"""Which rounds are group or league stages, and which standings each belongs to.

Every round gets ``stage`` (``knockout``, ``group`` or ``league``) and ``group`` (the
name of the standings it belongs to, or null). A round belongs to a standings table
when it stands in the table's group section (``==Group A==`` with the table and its
match boxes, or a ``===Matches===`` under it), else when every team it holds is a
team of one table (a league's results matrix in a ``==Results==`` section). The stage
is then the table's: ``league`` when the names say league (``League phase``,
``League table``, ``Standings`` of a season) or the page has one table only, else
``group``. A round with no table is a group stage by its name (``Group A``,
``Group stage``, ``Pool 1``, ``Round robin``), a league stage by its name
(``League phase``), or a group stage when most of its teams meet more than one
opponent; anything else is a knockout round.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from ..records import record
from .context import Context
from .sections import Section
from .standings import TableRead, standings_json, team_key

STAGES = ("knockout", "group", "league")
_FIRST = ("name", "region", "section", "year", "stage", "group")
COUNTED = frozenset({"played", "forfeit", "awarded", "walkover"})
GROUP_NAME = re.compile(r"\bgroups?\b|\bpools?\b|round[- ]?robin|\bmini[- ]league", re.I)
LEAGUE_NAME = re.compile(
    r"\bleague (?:phase|stage|table|season|standings|round)\b|^league$|\bstandings\b"
    r"|\bregular season\b|^(?:final |overall )?table$|\bleague\b(?! cup)(?=.*\btable\b)", re.I)
# a section title that says "the table" but not whose: its group is the section above
GENERIC_TABLE = re.compile(
    r"^(?:final |group |league )?(?:standings|table|tables|classification)$|^results$"
    r"|^matches$|^fixtures(?: and results)?$|^results? matrix$|^summary$", re.IGNORECASE)
KNOCKOUT_NAME = re.compile(r"knock-?out|\bfinals?\b|semi|quarter|play-?offs?|round of [0-9]+"
                           r"|\bties\b|\bbracket\b", re.I)


@record
class Scope:
    """Where a standings table's group lies in the file and which teams it ranks."""

    name: str
    line: int
    end_line: int
    teams: frozenset[str]
    league: bool


def table_scope(table: dict[str, Any], line: int, end_line: int, titles: Iterable[str | None],
                tables_on_page: int) -> Scope:
    """The scope of one table: its group section's lines, its teams and whether it is a
    league table (by the names around it, or by being the page's only table)."""
    named = [t for t in (table["name"], *titles) if t]
    if any(GROUP_NAME.search(t) for t in named):
        league = False
    elif any(LEAGUE_NAME.search(t) for t in named):
        league = True
    else:
        league = tables_on_page == 1
    teams = frozenset(team_key(row[key]) for row in table["rows"] for key in ("team", "code")
                      if row[key])  # codes too: boxes may name teams by ``{{fb|ELM}}``
    return Scope(table["name"], line, end_line, teams, league)


@record
class _Naming:
    """What one round name or section title says of the stage."""

    knockout: bool
    group: bool
    league: bool


@lru_cache(maxsize=2048)
def _naming(name: str) -> _Naming:
    """(a title is asked about for both its round's table and its stage, and many rounds
    share one)"""
    return _Naming(bool(KNOCKOUT_NAME.search(name)), bool(GROUP_NAME.search(name)),
                   bool(LEAGUE_NAME.search(name)))


def _knockout_named(names: list[str]) -> bool:
    return any(_naming(n).knockout for n in names) and not any(
        _naming(n).group for n in names)


def _teams(matches: list[dict[str, Any]]) -> set[str]:
    return {team_key(m[side]) for m in matches for side in ("home", "away") if m[side]}


def busy(matches: list[dict[str, Any]]) -> bool:
    """Whether most teams meet more than one opponent (a round robin, not a knockout)."""
    opponents: dict[str, set[str]] = defaultdict(set)
    for found in matches:
        if found["status"] not in COUNTED or not found["home"] or not found["away"]:
            continue
        home, away = team_key(found["home"]), team_key(found["away"])
        if home != away:
            opponents[home].add(away)
            opponents[away].add(home)
    crowded = sum(len(o) > 1 for o in opponents.values())
    return len(opponents) > 2 and crowded * 2 > len(opponents)


def _scope_of(item: dict[str, Any], scopes: list[Scope]) -> Scope | None:
    """The table a round belongs to: one whose group section holds the round and ranks most
    of its teams, else one that ranks all of them (the smallest such table)."""
    names = [n for n in (item.get("name"), item.get("section")) if n]
    if _knockout_named(names) or not scopes:
        return None
    teams = _teams(item["matches"])
    inside = [s for s in scopes if s.line <= item["line"] and item["end_line"] <= s.end_line
              and (not teams or len(teams & s.teams) * 2 > len(teams))]
    if inside:
        return min(inside, key=lambda s: (not teams <= s.teams, s.end_line - s.line))
    if len(teams) < 3:
        return None
    holding = [s for s in scopes if teams <= s.teams]
    return min(holding, key=lambda s: len(s.teams)) if holding else None


def stage_of(item: dict[str, Any], scope: Scope | None) -> str:
    """``knockout``, ``group`` or ``league`` for one round."""
    names = [n for n in (item.get("name"), item.get("section")) if n]
    if scope is not None:
        return "league" if scope.league else "group"
    if _knockout_named(names):
        return "knockout"
    if any(_naming(n).group for n in names):
        return "group"
    if any(_naming(n).league for n in names):
        return "league"
    return "group" if busy(item["matches"]) else "knockout"


def assign_stages(rounds: list[dict[str, Any]], scopes: list[Scope]) -> None:
    """Set ``stage`` and ``group`` on every round (in place, keys appended)."""
    for item in rounds:
        scope = _scope_of(item, scopes)
        item["stage"] = stage_of(item, scope)
        item["group"] = scope.name if scope is not None else None
        for key in [k for k in item if k not in _FIRST]:
            item[key] = item.pop(key)  # keys after ``year``, same dict (spans are by identity)


def group_section(section: Section) -> Section:
    """The section naming a table's group (the parent of a generic ``Standings`` section)."""
    parent = section.parent
    if section.title and GENERIC_TABLE.match(section.title) and parent is not None \
            and parent.title and parent.level > 1:
        return parent
    return section


def record_standings(ctx: Context, read: TableRead, *, label: str | None, section: Section,
                     line: int, end_line: int) -> dict[str, Any]:
    """Add a standings table read in ``section`` to the document and keep its group
    section's lines for the stages. It is named by its label, else its group section; a
    name the page already gave a table gets a number (``Group A (2)``)."""
    home = group_section(section)
    name = label or home.title or section.title or "Standings"
    taken = {table["name"] for table in ctx.standings}
    if name in taken:
        name = next(f"{name} ({n})" for n in range(2, len(taken) + 3)
                    if f"{name} ({n})" not in taken)
    table = standings_json(read, name=name, section=section.title, line=line,
                           end_line=end_line, spans=ctx.spans)
    ctx.standings.append(table)
    ctx.table_lines.append((home.line, home.end_line,
                            [s.title for s in (section, home) if s.title]))
    return table


def table_scopes(ctx: Context) -> list[Scope]:
    """The scope of every standings table the document recorded."""
    count = len(ctx.standings)
    return [table_scope(table, line, end_line, titles, count)
            for table, (line, end_line, titles) in zip(ctx.standings, ctx.table_lines,
                                                       strict=True)]
