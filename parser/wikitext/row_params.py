"""Parameters of result-row templates: ``{{TwoLegResult}}`` and ``{{OneLegResult}}``.

A row names its slots by position (``team1|flag1|aggregate|team2|flag2|leg1|leg2`` for
two legs, ``team1|flag1|score|team2|flag2`` for one) or by name (``team1=``, ``agg=``,
``leg1=``, ...). Every parameter ends up in a slot, under ``extra`` (documented
presentation parameters such as ``nowrap`` or ``bold``), or under ``extra`` *and* in
``unknown`` (reported), so nothing written in a row is lost. The parameters themselves are
read by ``params.read_params``, the one reader of template parameters the standings and
matrix readers share, and a slot *is* a ``params.TemplateParam`` (keyed by its slot name);
this module only maps the parameters onto a row's slots.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from mwparserfromhell.nodes import Template

from ..read.source import Source
from .params import TemplateParam, read_params

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
class RowParams:
    """A row's parameters by slot; ``extra`` keeps the rest, ``unknown`` the undocumented."""

    kind: str
    slots: dict[str, TemplateParam]
    extra: dict[str, str]
    unknown: list[TemplateParam]
    refs: int = 0
    templates: list[tuple[str, int]] = field(default_factory=list)

    def text(self, key: str) -> str:
        """The slot's text (empty when absent)."""
        slot = self.slots.get(key)
        return slot.text if slot is not None else ""


def _slot_name(param: TemplateParam, kind: str, index: int) -> str | None:
    """The slot a parameter fills: by its position, or by its (aliased) name."""
    positions = _POSITIONS[kind]
    if param.positional:
        return positions[index - 1] if index <= len(positions) else None
    key = " ".join(param.key.replace("_", " ").lower().split())
    slot_name = _ALIASES.get(key) or _ALIASES.get(key.replace(" ", ""))
    if slot_name == "score_or_winner":
        slot_name = "score" if kind == "one" and re.search(r"[0-9]", param.text) else "winner"
    if slot_name is not None and slot_name not in positions and slot_name != "winner":
        return None
    return slot_name


def read_row(template: Template, kind: str, offset: int, source: Source) -> RowParams:
    """Read a row template at ``offset`` into slots (its parameters read by ``read_params``)."""
    row = RowParams(kind, {}, {}, [])
    index = 0
    for param in read_params(template, offset, source):
        row.refs += param.rendering.refs
        row.templates.extend(param.rendering.unknown)
        if param.positional:
            index += 1
        key = str(index) if param.positional else \
            " ".join(param.key.replace("_", " ").lower().split())
        slot_name = _slot_name(param, kind, index)
        text = param.text
        slot = replace(param, key=slot_name or key)
        if slot_name is not None:
            row.slots[slot_name] = slot
            if (slot_name.startswith("flag") or slot_name == "winner") and text:
                row.extra[slot_name] = text
        elif not param.positional and key in _PRESENTATION:
            row.extra[key] = text
        elif text or not param.positional:
            row.extra[key] = text
            row.unknown.append(slot)
    for key in ("team1", "team2"):
        team = row.slots.get(key)
        if team is not None and team.rendering.flags and "flag" + key[-1] not in row.extra:
            row.extra["flag" + key[-1]] = team.rendering.flags[0]
    return row
