"""The explicit list of every check scoreline runs, in a fixed order.

A check is written once in its family module and listed here once; nothing
registers itself. Codes are stable: a code never changes meaning once released.
"""

from __future__ import annotations

from . import (
    brackets,
    byes,
    counts,
    dates,
    infobox,
    infobox_counts,
    knockout,
    matches,
    names,
    progression,
    standings,
    standings_results,
    tables,
    totals,
)
from .base import Rule


def _all_rules() -> tuple[Rule, ...]:
    # a function body, so that mypy (as mypyc runs it) types the decorated checks of the
    # modules above, which import this package back, before it reads them here
    return (
        counts.heading_count,
        counts.prose_count,
        counts.loose_count,
        infobox_counts.infobox_count,
        infobox_counts.infobox_scope,
        progression.loser_advances,
        progression.winner_missing,
        progression.plays_twice,
        progression.played_before,
        byes.byes,
        byes.bye_contradicted,
        matches.draw_without_decider,
        matches.penalties_not_level,
        matches.forfeit_goals,
        matches.forfeit_scorelines,
        matches.plays_itself,
        matches.implausible_score,
        matches.impossible_shootout,
        dates.nonexistent_date,
        dates.outside_year,
        dates.rounds_out_of_order,
        dates.weekday_mismatch,
        infobox.year_vs_title,
        infobox.season_sequence,
        infobox.number_not_read,
        infobox.leaked_fragment,
        infobox.champion_vs_final,
        infobox.final_score,
        totals.matches_total,
        totals.goals_total,
        tables.extra_cells,
        tables.missing_cells,
        tables.required_cell_empty,
        tables.duplicate_entrant,
        tables.unknown_state,
        tables.year_after_season,
        names.near_miss_name,
        standings.played_not_sum,
        standings.goal_difference_wrong,
        standings.points_wrong,
        standings.group_unbalanced,
        standings.positions_out_of_order,
        standings_results.standings_vs_results,
        knockout.winner_contradicts_score,
        knockout.aggregate_not_sum,
        knockout.second_leg_not_swapped,
        brackets.bracket_differs,
    )


ALL_RULES: tuple[Rule, ...] = _all_rules()
