"""Standings against results (ST806): a group or league table must agree with the table
worked out from the group's own matches (rounds whose ``group`` names it) wherever those
matches are complete enough to prove it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..diagnostics import Severity
from ..model.document import Document
from ..model.standings import games, points_rule, team_key
from ..model.tally import Tally, tally
from .base import Hit, rule
from .standings import closed_group, tables_of

_MAX_LINES = 10
_SHOWN = {"played": "played", "won": "won", "drawn": "drawn", "lost": "lost",
          "goals_for": "goals for", "goals_against": "goals against", "points": "points"}


def _group_matches(document: Document, table: dict[str, Any]) -> list[dict[str, Any]]:
    """The group's matches: those of its rounds, and, from a group round that belongs to no
    table but holds this one (a ``Group stage`` section of several labelled tables), those
    between its own teams."""
    teams = {team_key(row[key]) for row in table["rows"] for key in ("team", "code")
             if row[key]}
    out = []
    for item in document.data.get("rounds", []):
        if item.get("group") == table["name"]:
            out.extend(item["matches"])
        elif item.get("group") is None and item.get("stage", "knockout") != "knockout" \
                and item["line"] <= table["line"] <= item["end_line"]:
            out.extend(m for m in item["matches"] if m["home"] and m["away"]
                       and team_key(m["home"]) in teams and team_key(m["away"]) in teams)
    return out


def _differences(row: dict[str, Any], table: dict[str, Any], found: Tally
                 ) -> list[tuple[str, int, int]]:
    """(column, table's value, the matches' value) for each column the matches prove."""
    played = games(row)
    if played is None or found.played < played:
        return []  # matches are missing: nothing can be proved
    if found.played > played:
        return [("played", played, found.played)]
    out: list[tuple[str, int, int]] = []
    if found.results_known:
        out.extend((c, row[c], getattr(found, c)) for c in ("won", "drawn", "lost")
                   if row[c] is not None and row[c] != getattr(found, c))
    if found.goals_known:
        out.extend((c, row[c], getattr(found, c)) for c in ("goals_for", "goals_against")
                   if row[c] is not None and row[c] != getattr(found, c))
    written = all(row[c] is not None for c in ("won", "drawn", "lost"))
    if row["points"] is not None and found.results_known and not written:
        # with won/drawn/lost written, a wrong total is ST803's; here only points are given
        win, draw, loss = points_rule(table)
        earned = (win * found.won + draw * found.drawn + loss * found.lost
                  + (row.get("adjust_points") or 0))
        if earned != row["points"]:
            out.append(("points", row["points"], earned))
    return out


@rule("ST806", "standings-differ-from-results", Severity.WARNING,
      "A standings row differs from the table worked out from the group's own matches.",
      needs=("standings", "matches"))
def standings_vs_results(document: Document) -> Iterator[Hit]:
    """Where a group's matches are all there for a team (as many as the table says it
    played), its wins, draws, losses and goals must be what those matches give; more
    matches than the table counts means the table is behind.

    Failing (reported at 4:10 and 5:10)::

        ==Group A==
        {{#invoke:Sports table|main|style=WDL
        |team_order=ELM, OAK
        |win_ELM=1 |loss_ELM=0 |gf_ELM=2 |ga_ELM=1
        |win_OAK=0 |loss_OAK=1 |gf_OAK=1 |ga_OAK=2
        |name_ELM=Elm FC |name_OAK=Oak SC
        }}
        {{Football box|team1=Elm FC|score=1–2|team2=Oak SC}}

    Passing::

        ==Group A==
        {{#invoke:Sports table|main|style=WDL
        |team_order=ELM, OAK
        |win_ELM=1 |loss_ELM=0 |gf_ELM=2 |ga_ELM=1
        |win_OAK=0 |loss_OAK=1 |gf_OAK=1 |ga_OAK=2
        |name_ELM=Elm FC |name_OAK=Oak SC
        }}
        {{Football box|team1=Elm FC|score=2–1|team2=Oak SC}}
    """
    for pointer, table in tables_of(document):
        if not closed_group(document, table):
            continue
        records = tally(_group_matches(document, table))
        if not records:
            continue
        for number, row in enumerate(table["rows"]):
            found = records.get(team_key(row["team"])) or (
                records.get(team_key(row["code"])) if row["code"] else None)
            if found is None:
                continue
            differences = _differences(row, table, found)
            if not differences:
                continue
            said = ", ".join(f"{_SHOWN[c]} {a}" for c, a, _ in differences)
            made = ", ".join(f"{_SHOWN[c]} {b}" for c, _, b in differences)
            numbers = sorted(set(found.lines))
            lines = ", ".join(str(n) for n in numbers[:_MAX_LINES]) + (
                f" and {len(numbers) - _MAX_LINES} more" if len(numbers) > _MAX_LINES else "")
            yield Hit(f"{row['team']}: the table gives {said}; the group's "
                      f"{found.played} match{'es' if found.played != 1 else ''} "
                      f"(line{'s' if len(numbers) > 1 else ''} {lines}) give {made}",
                      f"{pointer}/rows/{number}/{differences[0][0]}")
