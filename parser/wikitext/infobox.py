"""Infobox templates (``{{Infobox football tournament season|...}}`` and kin) to infobox fields.

Keys get the flat form's canonical names (``parser.infobox.canonical_name``:
``tourney_name`` and ``title`` are ``name``, ``num_teams``/``teams`` are
``num_teams``, ``runners-up``/``runner-up``/``second`` are ``runner_up``, ...)
and values the flat form's cleaning and typing, after nested templates are
reduced to text (``{{nowrap|...}}`` to its text, ``{{flagicon|CRC}}`` to the
field's ``country``, ``{{refn|...}}`` to a note). A multi-line value is joined
with commas, as the flat form writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from mwparserfromhell.nodes import Template

from ..model.infobox import canonical_name, parse_field_text
from ..model.spans import Span
from ..read.source import Source
from .text import Rendering, param_offsets, render, tidy

_UNSAFE = re.compile(r"[^a-z0-9_]+")
# Where a template documents a parameter with a meaning other than the flat form's alias.
TEMPLATE_NAMES: dict[str, dict[str, str]] = {
    # in this infobox ``count`` is the champion's number of titles, not a number of teams
    "infobox international football competition": {"count": "champion_titles"},
}


@dataclass
class InfoboxField:
    """One infobox field: the JSON entry and where its key and value start."""

    entry: dict[str, Any]
    key_span: Span
    value_span: Span
    unknown: list[tuple[str, int]]


def field_name(template_name: str, key: str) -> str:
    """Canonical name of ``key`` in the infobox ``template_name``."""
    override = TEMPLATE_NAMES.get(template_name, {})
    norm = " ".join(key.replace("_", " ").replace("-", " ").lower().split())
    name = override.get(norm) or canonical_name(key)
    return _UNSAFE.sub("_", name).strip("_") or "field"


def value_text(code: Any, offset: int, out: Rendering) -> str:
    """A parameter value as the flat form writes it: lines joined with ``, ``."""
    text = render(code, offset, out)
    return ", ".join(line for line in (tidy(part) for part in text.split("\n")) if line)


def infobox_fields(template: Template, name: str, offset: int,
                   source: Source) -> list[InfoboxField]:
    """Every non-empty parameter of an infobox template, in source order."""
    out: list[InfoboxField] = []
    for param, name_at, value_at in param_offsets(template, offset):
        raw_value = str(param.value)
        raw = raw_value.strip()
        key = str(param.name).strip() if param.showkey else str(param.name)
        if not key or (not param.showkey and not raw):
            continue
        rendering = Rendering()
        text = value_text(param.value, value_at, rendering)
        value, leaked, notes = parse_field_text(key, text)
        canonical = field_name(name, key)
        if canonical != canonical_name(key) and canonical in TEMPLATE_NAMES.get(name, {}).values():
            value, _, _ = parse_field_text(canonical, text)
        start = value_at + len(raw_value) - len(raw_value.lstrip())
        end = value_at + len(raw_value.rstrip())
        key_at = name_at + len(str(param.name)) - len(str(param.name).lstrip())
        line, column = source.position(key_at if param.showkey else start)
        end_line = source.line_of(max(end - 1, start)) if raw else line
        entry = {
            "key": key, "name": canonical, "raw": raw, "value": value, "leaked": leaked,
            "notes": [*notes, *rendering.notes],
            "country": rendering.flags[0] if rendering.flags else None,
            "line": line, "end_line": end_line,
        }
        value_line, value_column = source.position(start)
        out.append(InfoboxField(entry, Span(line, column), Span(value_line, value_column),
                                rendering.unknown))
    return out
