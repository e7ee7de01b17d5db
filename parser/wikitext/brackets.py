"""Brackets: ``{{8TeamBracket}}`` (and its variants), ``{{#invoke:RoundN|main}}``,
``{{#invoke:Team bracket|main}}`` read into the top-level ``bracket`` array.

Every bracket template of this family names its slots ``RDn-teamNN``,
``RDn-scoreNN`` (legs ``RDn-scoreNN-1``, ``-2``, aggregate ``-agg``) and
``RDn-seedNN``; ``RDn`` names round *n*. Slots 2k-1 and 2k of a round are tie k.
A bracket repeats the match boxes and result rows of the same ties, so its ties are
kept apart from ``rounds`` (nothing is counted twice) and compared with them by
the checks (KO904). Parameters that are not slots or round names (widths, legends,
``boldwinner``) are kept under the bracket's ``extra``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from mwparserfromhell.nodes import Template

from ..model.aggregates import slot_score, slot_winner
from ..model.spans import Span
from ..read.source import normalise_name
from . import roundn
from .context import WikiContext
from .layout import Piece
from .text import Rendering, param_offsets, render, tidy

_SLOT = re.compile(r"^rd([0-9]{1,2})[a-z]?-(team|score|seed)0*([0-9]{1,3})"
                   r"(?:-(agg|[0-9]))?$", re.IGNORECASE)
_ROUND = re.compile(r"^rd([0-9]{1,2})$", re.IGNORECASE)
_NAME = re.compile(r"^[0-9]{1,2}teambracket|^#invoke:(roundn|team ?bracket|build ?bracket)$"
                   r"|^round(2|4|8|16|32|64)\b|bracket$")


def is_bracket(name: str) -> bool:
    """Whether a normalised template name is a bracket template."""
    return bool(_NAME.search(name.replace(" ", "") if not name.startswith("#") else name))


@dataclass
class SlotText:
    """One slot value: rendered text, bold or not, where it starts."""

    text: str
    bold: bool
    span: Span


@dataclass
class Slots:
    """The parameters of one bracket by (round, slot)."""

    teams: dict[tuple[int, int], SlotText] = field(default_factory=dict)
    scores: dict[tuple[int, int], SlotText] = field(default_factory=dict)
    legs: dict[tuple[int, int], dict[int, SlotText]] = field(default_factory=dict)
    seeds: dict[tuple[int, int], SlotText] = field(default_factory=dict)
    rounds: dict[int, str] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)


def _put(slots: Slots, where: tuple[int, int], kind: str, leg: int | None,
         item: SlotText) -> None:
    if kind == "team":
        slots.teams[where] = item
    elif kind == "seed":
        slots.seeds[where] = item
    elif leg is None:
        slots.scores[where] = item
    else:
        slots.legs.setdefault(where, {})[leg] = item


def _read(ctx: WikiContext, template: Template, offset: int, module: str | None) -> Slots:
    """The slots of a bracket; ``module`` is the invoked module's name (``roundn``), if any."""
    slots = Slots()
    function: str | None = None
    unnamed: list[tuple[str, SlotText]] = []
    for param, _, value_at in param_offsets(template, offset):
        raw = str(param.value)
        if not param.showkey and module is not None and function is None:
            function = raw.strip()  # the module function: ``main``, ``N8``
            continue
        rendering = Rendering()
        text = tidy(render(param.value, value_at, rendering))
        ctx.templates.extend(rendering.unknown)
        key = str(param.name).strip()
        start = value_at + len(raw) - len(raw.lstrip())
        item = SlotText(text, "'''" in raw, Span(*ctx.source.position(start)))
        found = _SLOT.match(key)
        if found is not None:
            leg = found.group(4)
            _put(slots, (int(found.group(1)), int(found.group(3))), found.group(2).lower(),
                 None if leg is None or leg.lower() == "agg" else int(leg), item)
            continue
        named = _ROUND.match(key)
        if named is not None:
            slots.rounds[int(named.group(1))] = text
        elif not param.showkey and module == "roundn":
            unnamed.append((key, item))
        elif text:
            slots.extra[key] = text
    _place_unnamed(slots, function or "", unnamed)
    return slots


def _place_unnamed(slots: Slots, function: str, unnamed: list[tuple[str, SlotText]]) -> None:
    """RoundN's positional matches into slots; values that make no bracket stay in ``extra``."""
    if not unnamed:
        return
    shape = roundn.layout(function, slots.extra, len(unnamed))
    if shape is None:
        slots.extra.update((key, item.text) for key, item in unnamed if item.text)
        return
    for placed in roundn.place([item for _, item in unnamed], shape):
        _put(slots, (placed.round, placed.slot), placed.kind, placed.leg, placed.value)


def _tie(ctx: WikiContext, slots: Slots, round_number: int, tie: int) -> dict[str, Any] | None:
    keys = [(round_number, 2 * tie - 1), (round_number, 2 * tie)]
    teams = [slots.teams.get(k) for k in keys]
    if not any(t is not None and t.text for t in teams):
        return None
    scores = [slots.scores.get(k) for k in keys]
    legs_written = [slots.legs.get(k, {}) for k in keys]
    legs: list[list[int]] = []
    for number in sorted(set(legs_written[0]) & set(legs_written[1])):
        pair = [slot_score(legs_written[side][number].text) for side in (0, 1)]
        if pair[0] is not None and pair[1] is not None:
            legs.append([pair[0][0], pair[1][0]])
    texts = [s.text if s is not None and s.text else None for s in scores]
    if texts == [None, None] and legs:
        texts = [str(sum(leg[0] for leg in legs)), str(sum(leg[1] for leg in legs))]
    bold = [(t is not None and t.bold) or (s is not None and s.bold)
            for t, s in zip(teams, scores, strict=True)]
    marked = (1 if bold[0] else 2) if bold[0] != bold[1] else None
    seeds = [slots.seeds.get(k) for k in keys]
    anchor = next(t for t in teams if t is not None and t.text)
    result = {
        "round": round_number, "round_name": slots.rounds.get(round_number) or None,
        "tie": tie, "line": anchor.span.line,
        "team1": normalise_name(teams[0].text) if teams[0] is not None else "",
        "team2": normalise_name(teams[1].text) if teams[1] is not None else "",
        "seed1": seeds[0].text or None if seeds[0] is not None else None,
        "seed2": seeds[1].text or None if seeds[1] is not None else None,
        "score1": texts[0], "score2": texts[1], "legs": legs,
        "winner": marked or slot_winner(texts[0], texts[1]), "bold": marked,
    }
    ctx.spans.mark(result, anchor.span)
    for side, team in (("team1", teams[0]), ("team2", teams[1])):
        if team is not None:
            ctx.spans.mark(result, team.span, side)
    for side, score in (("score1", scores[0]), ("score2", scores[1])):
        if score is not None:
            ctx.spans.mark(result, score.span, side)
    if marked is not None:
        marked_team = teams[marked - 1]
        if marked_team is not None:
            ctx.spans.mark(result, marked_team.span, "bold")
    return result


def read_bracket(ctx: WikiContext, piece: Piece, section: str | None) -> dict[str, Any] | None:
    """The ``bracket`` entry of a bracket template, or None when it has no team slots."""
    module = piece.name.removeprefix("#invoke:").replace(" ", "") \
        if piece.name.startswith("#invoke:") else None
    slots = _read(ctx, piece.template, piece.start, module)
    if not slots.teams:
        return None
    ties = []
    for round_number in sorted({r for r, _ in slots.teams}):
        last = max(slot for r, slot in slots.teams if r == round_number)
        for tie in range(1, (last + 1) // 2 + 1):
            found = _tie(ctx, slots, round_number, tie)
            if found is not None:
                ties.append(found)
    result = {
        "name": section or piece.display_name, "template": piece.display_name,
        "line": piece.line, "end_line": piece.end_line, "ties": ties,
        "extra": dict(sorted(slots.extra.items())),
    }
    ctx.spans.mark(result, Span(*ctx.source.position(piece.start), piece.end_line))
    return result
