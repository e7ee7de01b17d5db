"""Result rows: ``{{TwoLegResult}}`` and ``{{OneLegResult}}`` turned into matches.

A two-leg row gives one match per leg it scores: team 1 at home in the first leg,
team 2 in the second. Every score of the row (aggregate and both legs) is written
from team 1's side, as the templates show them, so the second leg's goals,
penalties and aggregate are turned round to its own home side. The last match
made from a row carries the tie's aggregate (with its away-goals note) and the
marked winner (a bold team, or a ``winner=`` parameter), as a match box's second
leg does; a shoot-out written in the aggregate (``3–3 (4–2 p)``) goes to that leg.
A one-leg row gives one match. A row whose legs are all blank but whose aggregate
says what happened (``w/o``) gives one match from the aggregate. The tie's arithmetic is
``model.two_legs``, shared with two-leg tables of both forms.
"""

from __future__ import annotations

from typing import Any

from ..diagnostics import Severity
from ..model.aggregates import tie_score
from ..model.match_lines import Result, Side, parse_team_cell
from ..model.rounds import match_dict
from ..model.spans import Span
from ..model.two_legs import tie_legs
from .context import WikiContext
from .layout import Piece
from .params import TemplateParam
from .row_params import RowParams, read_row, row_kind

_FIRST = frozenset({"1", "team1", "home", "h", "w"})
_SECOND = frozenset({"2", "team2", "away", "a", "l"})


def _side(slot: TemplateParam | None) -> Side | None:
    if slot is None or not slot.text:
        return None
    side = parse_team_cell(slot.text)
    return side if side is not None else Side(slot.text, 0, len(slot.text))


def marked_winner(row: RowParams, first: Side, second: Side) -> int | None:
    """1 or 2: the team the row marks as the winner (bold, or ``winner=``), else None."""
    one, two = row.slots["team1"], row.slots["team2"]
    if one.bold != two.bold:
        return 1 if one.bold else 2
    said = row.text("winner").casefold()
    if said in _FIRST or (said and said == first.name.casefold()):
        return 1
    if said in _SECOND or (said and said == second.name.casefold()):
        return 2
    return None


def row_matches(ctx: WikiContext, piece: Piece) -> list[dict[str, Any]]:
    """The matches of one result row (none, with a finding, when a team is missing)."""
    kind = row_kind(piece.name) or "one"
    row = read_row(piece.template, kind, piece.start, ctx.source)
    ctx.templates.extend(row.templates)
    name = piece.display_name
    for slot in row.unknown:
        ctx.note("WT011", f"{name} parameter {slot.key!r} is not one the template documents; "
                 "kept under the match's 'extra'", slot.key_span.line, slot.key_span.column)
    first, second = _side(row.slots.get("team1")), _side(row.slots.get("team2"))
    if first is None or second is None:
        line, column = ctx.source.position(piece.start)
        ctx.finding("WT012", Severity.WARNING, f"{name} row without two teams: no match made "
                    "from it", line, column, piece.end_line)
        return []
    winner = marked_winner(row, first, second)
    teams = {"team1": first, "team2": second}
    text = " ".join(str(piece.template).split())
    if kind == "one":
        score = tie_score(row.text("score"))
        found = _match(ctx, piece, row, teams, "team1", score.result, "score", text, None)
        _finish(ctx, found, row, winner, flip=False, aggregate=None)
        return [found]
    made = []
    for tie_leg in tie_legs(row.text("aggregate"), row.text("leg1"), row.text("leg2")):
        key = {"1st": "leg1", "2nd": "leg2", None: "aggregate"}[tie_leg.leg]
        home = "team2" if tie_leg.second_at_home else "team1"
        made.append((_match(ctx, piece, row, teams, home, tie_leg.result, key, text,
                            tie_leg.leg), tie_leg))
    for index, (found, tie_leg) in enumerate(made):
        last = index == len(made) - 1
        _finish(ctx, found, row, winner if last else None, tie_leg.second_at_home,
                tie_leg.aggregate)
    return [found for found, _ in made]


def _match(ctx: WikiContext, piece: Piece, row: RowParams, teams: dict[str, Side],
           home_key: str, result: Result, score_key: str, text: str,
           leg: str | None) -> dict[str, Any]:
    away_key = "team2" if home_key == "team1" else "team1"
    home_slot, away_slot = row.slots[home_key], row.slots[away_key]
    found = match_dict(home=teams[home_key], away=teams[away_key], result=result,
                       line=home_slot.span.line, column=home_slot.span.column, text=text,
                       source="template")
    found["leg"] = leg
    found["end_line"] = piece.end_line
    found["home_country"] = row.extra.get("flag" + home_key[-1]) or None
    found["away_country"] = row.extra.get("flag" + away_key[-1]) or None
    ctx.spans.mark(found, Span(home_slot.span.line, home_slot.span.column, piece.end_line))
    ctx.spans.mark(found, home_slot.span, "home")
    ctx.spans.mark(found, away_slot.span, "away")
    score_slot = row.slots.get(score_key)
    if score_slot is not None:
        for key in ("home_score", "away_score", "status", "aet", "home_pens", "away_pens"):
            ctx.spans.mark(found, score_slot.span, key)
    return found


def _finish(ctx: WikiContext, found: dict[str, Any], row: RowParams, winner: int | None,
            flip: bool, aggregate: dict[str, Any] | None) -> None:
    """Add the row-only fields: aggregate, winner (in the match's own home/away), extra."""
    home_key = "team2" if flip else "team1"
    spans = ctx.row_spans.setdefault(id(found), {})
    if aggregate is not None:
        found["aggregate"] = aggregate
        ctx.spans.mark(found, row.slots["aggregate"].span, "aggregate")
        spans["aggregate"] = row.slots["aggregate"].span
    else:
        found["aggregate"] = None
    side = None
    if winner is not None:
        side = "home" if (winner == 1) == (home_key == "team1") else "away"
        marked = row.slots.get("winner") or row.slots["team1" if winner == 1 else "team2"]
        ctx.spans.mark(found, marked.span, "winner")
        spans["winner"] = marked.span
    found["winner"] = side
    found["extra"] = dict(sorted(row.extra.items()))
