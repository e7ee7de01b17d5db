"""Standings (ST8xx): group and league tables that contradict themselves or their own matches.

A row's figures must add up (won + drawn + lost = played, goals for − against =
goal difference, points = the points rule plus any adjustment); a closed group's
goals for and against, and wins and losses, balance; positions follow points; and
a table must agree with the table worked out from the group's own matches
(``standings_results``).
A table ranking teams of other tables (``best third-placed teams``) is not a closed
group and is left out of the balance and results checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..diagnostics import Severity
from ..model.document import Document
from ..model.standings import expected_points, points_of, points_rule, team_key
from .base import Hit, rule

_EXCUSED = re.compile(r"deduct|docked|expel|withdr|disqualif|annul|penal|stripped|awarded",
                      re.IGNORECASE)


def tables_of(document: Document) -> Iterator[tuple[str, dict[str, Any]]]:
    for index, table in enumerate(document.data.get("standings", [])):
        yield f"/standings/{index}", table


def _rows(document: Document) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    for pointer, table in tables_of(document):
        for number, row in enumerate(table["rows"]):
            yield f"{pointer}/rows/{number}", table, row


@rule("ST801", "played-not-sum-of-results", Severity.ERROR,
      "A standings row's won, drawn and lost do not add up to its matches played.",
      needs=("standings",))
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
      "A standings row's goal difference is not its goals for minus its goals against.",
      needs=("standings",))
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
      "A standings row's points are not what its results earn, and no adjustment is noted.",
      needs=("standings",))
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


def closed_group(document: Document, table: dict[str, Any]) -> bool:
    """Whether the table is a group of its own (not a ranking of other tables' teams)."""
    others = {team_key(row["team"]) for other in document.data.get("standings", [])
              if other is not table for row in other["rows"]}
    own = {team_key(row["team"]) for row in table["rows"]}
    return not own or not own <= others


@rule("ST804", "group-does-not-balance", Severity.ERROR,
      "A group's goals for and against, or its wins and losses, do not balance.",
      needs=("standings",))
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
    for pointer, table in tables_of(document):
        rows = table["rows"]
        if len(rows) < 2 or not closed_group(document, table):
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
      "A team is placed below a team with fewer points.",
      needs=("standings",))
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
    for pointer, table in tables_of(document):
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
