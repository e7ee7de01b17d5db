"""Template parameters read once, rendered, with the file positions of their names and values.

Match boxes have their own reader (``boxes.read_box``, which knows the box's
parameter set); the standings and results-matrix readers share this one: every
parameter, named or positional, in source order, its value reduced to text and
its raw value kept (bold marks a winner, ``'''[[Elm]]'''``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mwparserfromhell.nodes import Template

from ..model.spans import Span
from ..read.source import Source
from ..records import record
from .text import Rendering, param_offsets, render, tidy


@dataclass
class TemplateParam:
    """One parameter: its key (``1``, ``2``, ... for positional ones), text, raw value, spans
    and ``offset``, where the raw (stripped) value starts in the file."""

    key: str
    text: str
    raw: str
    span: Span
    key_span: Span
    positional: bool
    offset: int
    rendering: Rendering = field(default_factory=Rendering)

    @property
    def bold(self) -> bool:
        """Whether the value is bold (``'''[[Elm]]'''``: a winner)."""
        return "'''" in self.raw

    @property
    def line(self) -> int:
        """Line of the parameter's name (of its value, for a positional one)."""
        return self.key_span.line


def normalised_key(key: str) -> str:
    """``Win_ELM `` -> ``win_ELM``: surrounding space removed, the prefix lower-cased.

    Team codes keep their case (``win_ELM`` and ``win_elm`` are different teams for
    the module), so only the part before the first ``_`` is folded.
    """
    key = key.strip()
    head, sep, tail = key.partition("_")
    return head.lower() + sep + tail


def read_params(template: Template, offset: int, source: Source) -> list[TemplateParam]:
    """Every parameter of ``template`` (at ``offset`` in the file), in source order."""
    out: list[TemplateParam] = []
    for param, name_at, value_at in param_offsets(template, offset):
        raw = str(param.value)
        rendering = Rendering()
        text = tidy(render(param.value, value_at, rendering))
        start = value_at + len(raw) - len(raw.lstrip())
        name = str(param.name)
        key_at = name_at + len(name) - len(name.lstrip()) if param.showkey else start
        key = normalised_key(name) if param.showkey else name.strip()
        out.append(TemplateParam(key, text, raw.strip(), Span(*source.position(start)),
                                 Span(*source.position(key_at)), not param.showkey, start,
                                 rendering))
    return out


@record
class Problem:
    """A parse finding a reader wants reported (the builder records it as info)."""

    code: str
    message: str
    span: Span
