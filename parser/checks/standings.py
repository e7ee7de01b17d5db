"""Standings (ST8xx): group and league tables that contradict themselves or their own matches.

A row's figures must add up (won + drawn + lost = played, goals for − against =
goal difference, points = the points rule plus any adjustment); a closed group's
goals for and against, and wins and losses, balance; positions follow points; and
a table must agree with the table worked out from the group's own matches (rounds
whose ``group`` names it) wherever those matches are complete enough to prove it.
A table ranking teams of other tables (``best third-placed teams``) is not a closed
group and is left out of the balance and results checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..diagnostics import Severity
from ..model.document import Document
from ..model.standings import expected_points, games, points_of, points_rule, team_key
from ..model.tally import Tally, tally
from .base import Hit, rule

_EXCUSED = re.compile(r"deduct|docked|expel|withdr|disqualif|annul|penal|stripped|awarded",
                      re.IGNORECASE)
_MAX_LINES = 10
_SHOWN = {"played": "played", "won": "won", "drawn": "drawn", "lost": "lost",
          "goals_for": "goals for", "goals_against": "goals against", "points": "points"}


def _tables(document: Document) -> Iterator[tuple[str, dict[str, Any]]]:
    for index, table in enumerate(document.data.get("standings", [])):
        yield f"/standings/{index}", table


def _rows(document: Document) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    for pointer, table in _tables(document):
        for number, row in enumerate(table["rows"]):
            yield f"{pointer}/rows/{number}", table, row


@rule("ST801", "played-not-sum-of-results", Severity.ERROR,
      "A standings row's won, drawn and lost do not add up to its matches played.")
def played_not_sum(document: Document) -> Iterator[Hit]:
    """``Pld`` must be ``W + D + L``.

    Failing (reported at 5:18)::

        ==Table==
        {| class="wikitable"
        ! Pos !! Team !! Pld !! W !! D !! L !! Pts
        |-
        | 1 || Elm FC || 3 || 2 || 0 || 0 || 6
        |}

    Passing::

        ==Table==
        {| class="wikitable"
        ! Pos !! Team !! Pld !! W !! D !! L !! Pts
        |-
        | 1 || Elm FC || 2 || 2 || 0 || 0 || 6
        |}
    """
    for pointer, _, row in _rows(document):
        parts = [row[k] for k in ("won", "drawn", "lost")]
        if row["played"] is not None and None not in parts and sum(parts) != row["played"]:
            yield Hit(f"{row['team']}: played {row['played']}, but won {parts[0]} + drawn "
                      f"{parts[1]} + lost {parts[2]} = {sum(parts)}", f"{pointer}/played")


@rule("ST802", "goal-difference-wrong", Severity.ERROR,
      "A standings row's goal difference is not its goals for minus its goals against.")
def goal_difference_wrong(document: Document) -> Iterator[Hit]:
    """``GD`` must be ``GF − GA``.

    Failing (reported at 5:48)::

        ==Table==
        {| class="wikitable"
        ! Pos !! Team !! Pld !! W !! D !! L !! GF !! GA !! GD !! Pts
        |-
        | 1 || Elm FC || 2 || 2 || 0 || 0 || 5 || 1 || +3 || 6
        |}

    Passing::

        ==Table==
        {| class="wikitable"
        ! Pos !! Team !! Pld !! W !! D !! L !! GF !! GA !! GD !! Pts
        |-
        | 1 || Elm FC || 2 || 2 || 0 || 0 || 5 || 1 || +4 || 6
        |}
    """
    for pointer, _, row in _rows(document):
        scored, conceded, written = row["goals_for"], row["goals_against"], row["goal_difference"]
        if None not in (scored, conceded, written) and scored - conceded != written:
            yield Hit(f"{row['team']}: goal difference {written:+d}, but {scored} − {conceded} "
                      f"= {scored - conceded:+d}", f"{pointer}/goal_difference")


@rule("ST803", "points-wrong", Severity.ERROR,
      "A standings row's points are not what its results earn, and no adjustment is noted.")
def points_wrong(document: Document) -> Iterator[Hit]:
    """``Pts`` must be the points rule (3 for a win, 1 for a draw unless the table says
    otherwise) applied to ``W`` and ``D``, plus any adjustment; a row whose note speaks of a
    deduction or an award is left alone.

    Failing (reported at 5:38)::

        ==Table==
        {| class="wikitable"
        ! Pos !! Team !! Pld !! W !! D !! L !! Pts
        |-
        | 1 || Elm FC || 3 || 2 || 1 || 0 || 6
        |}

    Passing::

        ==Table==
        {| class="wikitable"
        ! Pos !! Team !! Pld !! W !! D !! L !! Pts
        |-
        | 1 || Elm FC || 3 || 2 || 1 || 0 || 7
        |}
    """
    for pointer, table, row in _rows(document):
        expected = expected_points(row, table)
        if row["points"] is None or expected is None or row["points"] == expected:
            continue
        if row["note"] and _EXCUSED.search(row["note"]):
            continue
        win, draw, _ = points_rule(table)
        rule_text = f"{win} × {row['won']} + {draw} × {row['drawn']}"
        if row.get("adjust_points"):
            rule_text += f" {row['adjust_points']:+d} adjustment"
        yield Hit(f"{row['team']}: {row['points']} points, but {rule_text} = {expected}",
                  f"{pointer}/points")


def _closed(document: Document, table: dict[str, Any]) -> bool:
    """Whether the table is a group of its own (not a ranking of other tables' teams)."""
    others = {team_key(row["team"]) for other in document.data.get("standings", [])
              if other is not table for row in other["rows"]}
    own = {team_key(row["team"]) for row in table["rows"]}
    return not own or not own <= others


@rule("ST804", "group-does-not-balance", Severity.ERROR,
      "A group's goals for and against, or its wins and losses, do not balance.")
def group_unbalanced(document: Document) -> Iterator[Hit]:
    """In a closed group every goal scored is one conceded and every win is another team's
    loss, so the columns' totals must be equal (and the draws even).

    Failing (reported at 2:1)::

        ==Group A==
        {{#invoke:Sports table|main|style=WDL
        |team_order=ELM, OAK
        |win_ELM=1 |loss_ELM=0 |gf_ELM=2 |ga_ELM=1
        |win_OAK=0 |loss_OAK=1 |gf_OAK=2 |ga_OAK=2
        |name_ELM=Elm FC |name_OAK=Oak SC
        }}

    Passing::

        ==Group A==
        {{#invoke:Sports table|main|style=WDL
        |team_order=ELM, OAK
        |win_ELM=1 |loss_ELM=0 |gf_ELM=2 |ga_ELM=1
        |win_OAK=0 |loss_OAK=1 |gf_OAK=1 |ga_OAK=2
        |name_ELM=Elm FC |name_OAK=Oak SC
        }}
    """
    for pointer, table in _tables(document):
        rows = table["rows"]
        if len(rows) < 2 or not _closed(document, table):
            continue
        problems = []
        for one, two, what in (("goals_for", "goals_against", "goals for and against"),
                               ("won", "lost", "wins and losses")):
            if all(row[one] is not None and row[two] is not None for row in rows):
                first, second = sum(r[one] for r in rows), sum(r[two] for r in rows)
                if first != second:
                    problems.append(f"{what} total {first} and {second}")
        if all(row["drawn"] is not None for row in rows) and sum(r["drawn"] for r in rows) % 2:
            problems.append(f"draws total {sum(r['drawn'] for r in rows)}, an odd number")
        if problems:
            yield Hit(f"{table['name']} does not balance: {'; '.join(problems)}", pointer)


@rule("ST805", "positions-out-of-points-order", Severity.WARNING,
      "A team is placed below a team with fewer points.")
def positions_out_of_order(document: Document) -> Iterator[Hit]:
    """Tables are ordered by points (tie-breakers only order teams level on points). Tables
    split into sections (``split``) or ranked otherwise (``ranking_style``), and disqualified
    teams, are left alone.

    Failing (reported at 3:18)::

        ==Group A==
        {{#invoke:Sports table|main|style=WDL
        |team_order=OAK, ELM
        |win_ELM=1 |loss_ELM=0 |gf_ELM=2 |ga_ELM=1
        |win_OAK=0 |loss_OAK=1 |gf_OAK=1 |ga_OAK=2
        |name_ELM=Elm FC |name_OAK=Oak SC
        }}

    Passing::

        ==Group A==
        {{#invoke:Sports table|main|style=WDL
        |team_order=ELM, OAK
        |win_ELM=1 |loss_ELM=0 |gf_ELM=2 |ga_ELM=1
        |win_OAK=0 |loss_OAK=1 |gf_OAK=1 |ga_OAK=2
        |name_ELM=Elm FC |name_OAK=Oak SC
        }}
    """
    for pointer, table in _tables(document):
        options = table.get("extra", {})
        if any(key.startswith(("split", "ranking_style", "sort")) for key in options):
            continue
        above: tuple[dict[str, Any], int] | None = None
        for number, row in enumerate(table["rows"]):
            points = points_of(row, table)
            if points is None or "dq" in row.get("extra", {}) or (row["note"] and _EXCUSED.search(
                    row["note"])):
                continue
            if above is not None and points > above[1]:
                yield Hit(f"{row['team']} has {points} points but is placed below "
                          f"{above[0]['team']} with {above[1]}",
                          f"{pointer}/rows/{number}/position")
            above = (row, points)


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
      "A standings row differs from the table worked out from the group's own matches.")
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
    for pointer, table in _tables(document):
        if not _closed(document, table):
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
