"""Parameters of result-row templates: ``{{TwoLegResult}}`` and ``{{OneLegResult}}``.

A row names its slots by position (``team1|flag1|aggregate|team2|flag2|leg1|leg2`` for
two legs, ``team1|flag1|score|team2|flag2`` for one) or by name (``team1=``, ``agg=``,
``leg1=``, ...). Every parameter ends up in a slot, under ``extra`` (documented
presentation parameters such as ``nowrap`` or ``bold``), or under ``extra`` *and* in
``unknown`` (reported), so nothing written in a row is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mwparserfromhell.nodes import Template

from ..model.spans import Span
from ..read.source import Source
from .text import Rendering, param_offsets, render, tidy

ROW_TEMPLATES = {"twolegresult": "two", "onelegresult": "one"}
FRAME_TEMPLATES = frozenset({"twolegstart", "onelegstart", "twolegend", "onelegend",
                             "twolegheader", "onelegheader"})
_POSITIONS = {
    "two": ("team1", "flag1", "aggregate", "team2", "flag2", "leg1", "leg2"),
    "one": ("team1", "flag1", "score", "team2", "flag2"),
}
_ALIASES = {
    "team1": "team1", "team 1": "team1", "home": "team1", "club1": "team1",
    "team2": "team2", "team 2": "team2", "away": "team2", "club2": "team2",
    "flag1": "flag1", "nation1": "flag1", "country1": "flag1", "flagicon1": "flag1",
    "flag2": "flag2", "nation2": "flag2", "country2": "flag2", "flagicon2": "flag2",
    "agg": "aggregate", "aggregate": "aggregate", "aggregatescore": "aggregate",
    "leg1": "leg1", "1st leg": "leg1", "first leg": "leg1", "leg 1": "leg1",
    "leg2": "leg2", "2nd leg": "leg2", "second leg": "leg2", "leg 2": "leg2",
    "score": "score", "result": "score_or_winner", "winner": "winner",
}
# kept under ``extra`` without a finding: presentation and bookkeeping parameters
_PRESENTATION = frozenset({"nowrap", "bold", "nobold", "style", "bg", "note", "notes", "id",
                           "class", "align", "width", "ref", "refs", "date", "col", "colspan",
                           "flagvar1", "flagvar2", "variant1", "variant2", "size", "nolink"})
_NAME = re.compile(r"[\s_-]+")


def row_kind(name: str) -> str | None:
    """``two`` or ``one`` for a result-row template name (``TwoLegResult``), else None."""
    return ROW_TEMPLATES.get(_NAME.sub("", name))


def is_frame(name: str) -> bool:
    """Whether a template opens or closes a block of result rows (``{{TwoLegStart}}``)."""
    return _NAME.sub("", name) in FRAME_TEMPLATES


@dataclass
class Slot:
    """One parameter of a row: rendered text, raw value, where it starts, bold or not."""

    key: str
    text: str
    raw: str
    span: Span
    key_span: Span
    rendering: Rendering = field(default_factory=Rendering)

    @property
    def bold(self) -> bool:
        """Whether the value is bold (``'''[[Elm]]'''``: the winner)."""
        return "'''" in self.raw


@dataclass
class RowParams:
    """A row's parameters by slot; ``extra`` keeps the rest, ``unknown`` the undocumented."""

    kind: str
    slots: dict[str, Slot]
    extra: dict[str, str]
    unknown: list[Slot]
    refs: int = 0
    templates: list[tuple[str, int]] = field(default_factory=list)

    def text(self, key: str) -> str:
        """The slot's text (empty when absent)."""
        slot = self.slots.get(key)
        return slot.text if slot is not None else ""


def read_row(template: Template, kind: str, offset: int, source: Source) -> RowParams:
    """Read a row template at ``offset`` into slots."""
    positions = _POSITIONS[kind]
    row = RowParams(kind, {}, {}, [])
    index = 0
    for param, name_at, value_at in param_offsets(template, offset):
        raw = str(param.value)
        rendering = Rendering()
        text = tidy(render(param.value, value_at, rendering))
        row.refs += rendering.refs
        row.templates.extend(rendering.unknown)
        start = value_at + len(raw) - len(raw.lstrip())
        name = str(param.name)
        key_at = name_at + len(name) - len(name.lstrip()) if param.showkey else start
        if param.showkey:
            key = " ".join(name.replace("_", " ").lower().split())
            slot_name = _ALIASES.get(key) or _ALIASES.get(key.replace(" ", ""))
            if slot_name == "score_or_winner":
                slot_name = "score" if kind == "one" and re.search(r"[0-9]", text) else "winner"
            if slot_name is not None and slot_name not in positions and slot_name != "winner":
                slot_name = None
        else:
            index += 1
            key = str(index)
            slot_name = positions[index - 1] if index <= len(positions) else None
        slot = Slot(slot_name or key, text, raw.strip(), Span(*source.position(start)),
                    Span(*source.position(key_at)), rendering)
        if slot_name is not None:
            row.slots[slot_name] = slot
            if (slot_name.startswith("flag") or slot_name == "winner") and text:
                row.extra[slot_name] = text
        elif param.showkey and key in _PRESENTATION:
            row.extra[key] = text
        elif text or param.showkey:
            row.extra[key] = text
            row.unknown.append(slot)
    for key in ("team1", "team2"):
        team = row.slots.get(key)
        if team is not None and team.rendering.flags and "flag" + key[-1] not in row.extra:
            row.extra["flag" + key[-1]] = team.rendering.flags[0]
    return row
