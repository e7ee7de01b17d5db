"""The bracket drawn from the knockout rounds: each tie fed by the ties its teams won.

Columns are the knockout stages in order (``parser.checks.stages``: legs and replays of
a round are one stage; group and league stages and side draws such as a third-place
match are left out); stages of one name in several regions (``Second round (North)``,
``Second round (South)``) share a column. A tie of column *k* is fed, for each of its
teams, by the tie of an earlier knockout stage that team won (else one it played in);
a team with no earlier tie gets a *bye* box, and a team whose last tie lies more than
one column back is carried through the columns between by bye boxes, so every box
stands in its stage's column. A tie whose winner is not found in a later stage is the
root of its own tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..checks.games import Bracket, Stage, Tie
from ..records import record
from .findings import Marks
from .rounds import HOW, score_text

MAX_COLUMNS = 16
"""Columns the stylesheet has widths for; deeper trees are drawn at this width."""


@record
class Side:
    """One team of a bracket box."""

    name: str
    score: str
    won: bool


@record
class Box:
    """One tie of the bracket."""

    target: str  # id of the match row of its first game
    sides: tuple[Side, Side]
    note: str
    severity: str


@dataclass
class Node:
    """A box (or a bye) in column ``column`` and the nodes feeding it."""

    column: int
    box: Box | None = None
    bye: str | None = None
    feeders: list[Node] = field(default_factory=list)

    @property
    def span(self) -> int:
        """Columns the subtree occupies, up to ``MAX_COLUMNS`` (for the stylesheet)."""
        return min(self.column + 1, MAX_COLUMNS)


@record
class BracketView:
    """The column titles and the trees, in document order of their roots."""

    columns: tuple[str, ...]
    trees: tuple[Node, ...]


def knockout_stages(bracket: Bracket, rounds: list[dict[str, Any]]) -> list[Stage]:
    """The stages drawn: knockout (by the checks' reading and by the rounds' own ``stage``
    where the JSON has one), in the main draw, with at least one tie."""
    def grouped(stage: Stage) -> bool:
        kinds = {rounds[i].get("stage") for i in stage.rounds if i < len(rounds)}
        return bool(kinds) and kinds <= {"group", "league"}

    return [s for s in bracket.stages
            if s.knockout and not s.beside and s.ties and not grouped(s)]


def draw(bracket: Bracket, marks: Marks, rounds: list[dict[str, Any]]) -> BracketView | None:
    """The bracket of the knockout stages, or None when there are none."""
    columns: dict[str, tuple[str, list[Tie]]] = {}
    for stage in knockout_stages(bracket, rounds):
        columns.setdefault(stage.key[0], (stage.name, []))[1].extend(stage.ties)
    if not columns:
        return None
    ties = [column_ties for _, column_ties in columns.values()]
    builder = _Builder(bracket, ties, marks)
    roots: list[tuple[int, int, Node]] = []
    for column in range(len(ties) - 1, -1, -1):
        for tie in ties[column]:
            if id(tie) not in builder.used:
                roots.append((-column, tie.games[0].line, builder.node(column, tie)))
    roots.sort(key=lambda item: item[:2])  # the deepest trees first, then by line
    return BracketView(tuple(name for name, _ in columns.values()),
                       tuple(node for *_, node in roots))


class _Builder:
    def __init__(self, bracket: Bracket, columns: list[list[Tie]], marks: Marks) -> None:
        self.bracket = bracket
        self.columns = columns
        self.marks = marks
        self.used: set[int] = set()

    def node(self, column: int, tie: Tie) -> Node:
        self.used.add(id(tie))
        out = Node(column, box=self.box(tie))
        if column == 0:
            return out
        for team in tie.teams:
            out.feeders.append(self.feeder(column, team))
        return out

    def feeder(self, column: int, team: str) -> Node:
        found = self.earlier(column, team)
        if found is None:
            return Node(column - 1, bye=self.bracket.name(team))
        at, tie = found
        node = self.node(at, tie)
        for between in range(at + 1, column):
            node = Node(between, bye=self.bracket.name(team), feeders=[node])
        return node

    def earlier(self, column: int, team: str) -> tuple[int, Tie] | None:
        for wanted in ("winner", "played"):
            for at in range(column - 1, -1, -1):
                for tie in self.columns[at]:
                    if id(tie) in self.used:
                        continue
                    if (tie.winner == team) if wanted == "winner" else team in tie.teams:
                        return at, tie
        return None

    def box(self, tie: Tie) -> Box:
        first = tie.games[0]
        target = _target(first.pointer)
        sides = (self.side(tie, tie.teams[0], 0), self.side(tie, tie.teams[1], 1))
        severity = ""
        for rank in ("error", "warning", "info"):
            if any(self.marks.worst(_target(g.pointer)) == rank for g in tie.games):
                severity = rank
                break
        return Box(target, sides, _note(tie), severity)

    def side(self, tie: Tie, team: str, position: int) -> Side:
        name = self.bracket.name(team)
        if tie.aggregate is not None:
            score = str(tie.aggregate[position])
        else:
            game = tie.games[-1]
            side = game.side(team) if team in (game.home, game.away) else "home"
            goals = game.data.get(f"{side}_score")
            score = "" if goals is None else str(goals)
            pens = game.data.get(f"{side}_pens")
            if pens is not None:
                score += f" ({pens})"
            if game.data["status"] == "walkover" and tie.winner == team:
                score = "w/o"
        return Side(name, score, tie.winner == team)


def _target(pointer: str) -> str:
    return "m-" + "-".join(pointer.split("/")[2::2])


def _note(tie: Tie) -> str:
    games = tie.games
    if len(games) > 1 and tie.aggregate is not None:
        legs = ", ".join(score_text(g.goals(tie.teams[0]), g.goals(tie.teams[1])) for g in games)
        note = f"legs {legs}"
        decided = HOW.get(tie.how, "") if tie.how != "aggregate" else ""
        return note + (f" · {decided}" if decided else "")
    data = games[-1].data
    parts = []
    if data.get("aet"):
        parts.append("a.e.t.")
    if data["status"] not in ("played",):
        parts.append(data["status"])
    if tie.open_draw:
        parts.append("undecided")
    return " · ".join(parts)
