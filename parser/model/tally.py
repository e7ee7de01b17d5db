"""A group's table worked out from its own matches, to hold the written table against.

Only results that count are tallied: played, awarded and forfeited matches with a
score; a walkover counts as a win for the side it names (its goals are unknown, so
that team's goals cannot be compared). Postponed, cancelled, void, abandoned and
scheduled matches are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .standings import team_key

SCORED = frozenset({"played", "awarded", "forfeit"})


@dataclass
class Tally:
    """One team's record over the matches tallied, and the lines of those matches."""

    played: int = 0
    won: int = 0
    drawn: int = 0
    lost: int = 0
    goals_for: int = 0
    goals_against: int = 0
    goals_known: bool = True
    results_known: bool = True
    lines: list[int] = field(default_factory=list)

    def add(self, scored: int | None, conceded: int | None, line: int,
            won: bool | None = None) -> None:
        """One match: goals for and against (None for a walkover), or the walkover's winner."""
        self.played += 1
        self.lines.append(line)
        if scored is None or conceded is None:
            self.goals_known = False
            if won is True:
                self.won += 1
            elif won is False:
                self.lost += 1
            else:
                self.results_known = False
            return
        self.goals_for += scored
        self.goals_against += conceded
        if scored > conceded:
            self.won += 1
        elif scored == conceded:
            self.drawn += 1
        else:
            self.lost += 1


def tally(matches: list[dict[str, Any]]) -> dict[str, Tally]:
    """Team key -> its record over ``matches``."""
    out: dict[str, Tally] = {}
    for found in matches:
        home, away = found["home"], found["away"]
        if not home or not away or team_key(home) == team_key(away):
            continue
        status = found["status"]
        home_goals, away_goals = found["home_score"], found["away_score"]
        first = out.setdefault(team_key(home), Tally())
        second = out.setdefault(team_key(away), Tally())
        line = int(found["line"])
        if status in SCORED and home_goals is not None and away_goals is not None:
            first.add(home_goals, away_goals, line)
            second.add(away_goals, home_goals, line)
        elif status == "walkover":
            winner = found.get("winner")
            first.add(None, None, line, None if winner is None else winner == "home")
            second.add(None, None, line, None if winner is None else winner == "away")
    return out
