"""After every section is read: stages, repeated matrix cells, and templates nothing read.

``finish`` gives every round its ``stage`` and ``group`` (``model.group_stages``) and
then, group by group (a round outside every table by itself), drops a results-matrix
match that a match box of the same group also gives (counted once, as the box; WT024, or
WT025 when the two scores differ). ``unread_template`` says whether a block-level
template that no reader took carries team- or score-shaped parameters, so that its
matches are not lost without a word (WT020).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from ..diagnostics import Severity
from ..model.group_stages import assign_stages, table_scopes
from ..model.standings import team_key
from ..read.source import Source
from .context import WikiContext
from .layout import Piece
from .params import read_params

TEAM_KEY = re.compile(
    r"^(?:team|club|side|home|away|nation|opponent)s?[ _-]?[0-9]*(?:[ _-]?name)?$|^t[0-9]?$"
    r"|^name_\w+$|^(?:score|result|agg|aggregate|leg|goals)[ _-]?[0-9]*$", re.IGNORECASE)
SCORE = re.compile(r"^[0-9]{1,2}\s*[–—−-]\s*[0-9]{1,2}(?:\s*\(.*\))?$")


def unread_template(piece: Piece, source: Source) -> str | None:
    """What makes an unread template look like it holds matches, or None."""
    for item in read_params(piece.template, piece.start, source):
        if not item.positional and TEAM_KEY.match(item.key) and item.text:
            return f"parameter {item.key}={item.text!r}"
        if SCORE.match(item.text):
            return f"score-shaped value {item.text!r}"
    return None


def finish(ctx: WikiContext, rounds: list[dict[str, Any]]) -> None:
    """Stages and groups of the rounds; matrix cells that repeat a box dropped."""
    assign_stages(rounds, table_scopes(ctx))
    by_group: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for index, item in enumerate(rounds):
        # a round outside every table is its own group: its matrix and boxes still overlap
        by_group[item["group"] if item["group"] is not None else f"\0{index}"].append(item)
    for items in by_group.values():
        _drop_repeats(ctx, items)


def _key(found: dict[str, Any]) -> tuple[str, str]:
    return team_key(found["home"]), team_key(found["away"])


def _score(found: dict[str, Any], flip: bool = False) -> str:
    home, away = found["home_score"], found["away_score"]
    if home is None or away is None:
        return str(found["status"])
    return f"{away}–{home}" if flip else f"{home}–{away}"


def _drop_repeats(ctx: WikiContext, items: list[dict[str, Any]]) -> None:
    others: dict[tuple[str, str], dict[str, Any]] = {}
    pairs: dict[frozenset[str], int] = defaultdict(int)
    for item in items:
        for found in item["matches"]:
            if found["source"] != "matrix":
                others.setdefault(_key(found), found)
            else:
                pairs[frozenset(_key(found))] += 1
    if not others:
        return
    for item in items:
        kept = []
        for found in item["matches"]:
            if found["source"] != "matrix":
                kept.append(found)
                continue
            home, away = _key(found)
            box, flip = others.get((home, away)), False
            if box is None and pairs[frozenset((home, away))] == 1:
                box, flip = others.get((away, home)), True
            if box is None:
                kept.append(found)
                continue
            said, boxed = _score(found), _score(box, flip)
            where = f"{found['home']} v {found['away']}"
            if said == boxed:
                ctx.note("WT024", f"{where} is both a results-matrix cell and a match box "
                         f"(line {box['line']}); counted once (the box)", found["line"],
                         found["column"])
            else:
                ctx.finding("WT025", Severity.WARNING, f"the results matrix gives {where} "
                            f"as {said}, the match box at line {box['line']} as {boxed}; "
                            "counted once (the box)", found["line"], found["column"])
        item["matches"] = kept
