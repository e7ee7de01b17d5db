"""Result rows that repeat match boxes: counted once, the box.

Real pages often give a round twice: a ``===Summary===`` of ``{{TwoLegResult}}`` rows and
``===Matches===`` with a ``{{Football box}}`` per leg. Both sections are the same round
(``rounds.round_name`` gives them the parent's name), so a row's leg that a box of that
round also gives (same home and away team) is dropped, with one note per round (WT013,
at the first such row: a full Summary repeats every leg, and one note says so); when the two
disagree on the score the box is kept and the difference reported (WT014). The row's
aggregate and marked winner fill the box's when the box has none, so nothing the row said
is lost. A round left with no match of its own is dropped.
"""

from __future__ import annotations

from typing import Any

from ..diagnostics import Severity
from .context import WikiContext

Key = tuple[str, str]


def _key(match: dict[str, Any]) -> Key:
    return " ".join(match["home"].casefold().split()), " ".join(match["away"].casefold().split())


def _score(match: dict[str, Any]) -> str:
    if match["home_score"] is None or match["away_score"] is None:
        return str(match["status"])
    return f"{match['home_score']}–{match['away_score']}"


def drop_repeated_rows(ctx: WikiContext, rounds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rounds without the row matches that repeat a box of the same round."""
    if not ctx.row_spans:
        return rounds
    boxes: dict[tuple[str, str | None], dict[Key, list[dict[str, Any]]]] = {}
    for item in rounds:
        stage = boxes.setdefault((item["name"], item["region"]), {})
        for match in item["matches"]:
            if id(match) not in ctx.row_spans:
                stage.setdefault(_key(match), []).append(match)
    out = []
    for item in rounds:
        stage = boxes[(item["name"], item["region"])]
        kept = []
        repeats: list[tuple[dict[str, Any], dict[str, Any]]] = []
        for match in item["matches"]:
            same = stage.get(_key(match)) if id(match) in ctx.row_spans else None
            if not same:
                kept.append(match)
                continue
            box = same.pop(0)
            if _merge(ctx, match, box):
                repeats.append((match, box))
        _note_repeats(ctx, item["name"], repeats)
        if kept or not item["matches"]:
            item["matches"] = kept
            out.append(item)
    return out


def _note_repeats(ctx: WikiContext, round_name: str,
                  repeats: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    """One WT013 for the legs of a round's rows that repeat its boxes with the same score."""
    if not repeats:
        return
    row, box = repeats[0]
    where = f"{row['home']} v {row['away']}"
    if len(repeats) == 1:
        message = (f"{where} is both a result row and a match box (line {box['line']}); "
                   "counted once (the box)")
    else:
        message = (f"{len(repeats)} legs of the result rows of {round_name} repeat its match "
                   f"boxes with the same score (the first, {where}, the box at line "
                   f"{box['line']}); each counted once (the box)")
    ctx.note("WT013", message, row["line"], row["column"])


def _merge(ctx: WikiContext, row: dict[str, Any], box: dict[str, Any]) -> bool:
    """Fill the box from the row; whether they agree (else WT014 is reported)."""
    where = f"{row['home']} v {row['away']}"
    agree = _score(row) == _score(box)
    if not agree:
        ctx.finding("WT014", Severity.WARNING, f"the result row gives {where} as "
                    f"{_score(row)}, the match box (line {box['line']}) as {_score(box)}; "
                    "the box is counted", row["line"], row["column"])
    spans = ctx.row_spans[id(row)]
    for field in ("aggregate", "winner"):
        if row.get(field) is not None and box.get(field) is None:
            box[field] = row[field]
            if field in spans:
                ctx.spans.mark(box, spans[field], field)
    if box["leg"] is None and row["leg"]:
        box["leg"] = row["leg"]
    return agree
