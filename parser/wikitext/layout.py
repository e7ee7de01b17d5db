"""The wikitext layout: one mwparserfromhell parse split into headings, pieces and lines.

Top-level nodes are walked once, each with its offset (the sum of the lengths
of the nodes before it). Three things come out:

* ``Heading`` records (the flat form's type, so ``sections.build_tree`` is reused);
* ``Piece``s: constructs that own whole lines — match boxes and infoboxes
  wherever they stand, tables, and any other template alone on its lines;
* ``Line``s (the flat form's type) for everything else, with inline markup
  reduced to text and ``anchors`` mapping clean columns back to the file.

Markup that mwparserfromhell could not close (``{{Football box`` without
``}}``, ``{|`` without ``|}``) stays text; it is recorded in ``unclosed`` so
the builder reports it instead of silently finding no matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from mwparserfromhell.nodes import Comment, Tag, Template, Text
from mwparserfromhell.nodes import Heading as MwHeading

from ..markup.inline import Replacement
from ..markup.lengths import contents_offset, length
from ..markup.plan import Plan
from ..markup.wiki import Heading, Line, line_with_markup
from ..read.source import Source
from ..records import record
from .row_params import is_frame, row_kind
from .text import (
    BOX_NAMES,
    Rendering,
    param_offsets,
    render,
    render_node,
    template_name,
    tidy,
)
from .wrappers import WrapperEdge, top_nodes, without_edges

INFOBOX_NAME = re.compile(r"^infobox\b")
_UNCLOSED = re.compile(
    r"\{\{\s*(?P<box>(?:#invoke:\s*)?football[ _]?box[^|{}\n]*|infobox[^|{}\n]*)"
    r"|^[ \t]*(?P<table>\{\|)",
    re.IGNORECASE | re.MULTILINE,
)
_QUOTES = re.compile(r"'{2,}")
_TRAILING_OK = re.compile(r"^(\s|<!--.*?-->)*$", re.DOTALL)


def is_box(name: str) -> bool:
    """Whether a normalised template name is a match box."""
    return bool(BOX_NAMES.match(name))


def is_match_template(name: str) -> bool:
    """Whether a template makes matches: a match box or a result row (``TwoLegResult``)."""
    return is_box(name) or row_kind(name) is not None

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)

@dataclass
class Piece:
    """A construct owning lines ``line``..``end_line``: ``template`` or ``table``."""

    kind: str
    node: Any
    start: int
    end: int
    line: int
    end_line: int
    name: str = ""
    extra: list[str] = field(default_factory=list)
    refs: int = 0

    @property
    def template(self) -> Template:
        """The piece's template (for ``template`` pieces)."""
        assert isinstance(self.node, Template)
        return self.node

    @property
    def display_name(self) -> str:
        """The template's name as written (``Football box``), without comments beside it."""
        return tidy(_COMMENT.sub("", str(self.template.name)))


@record
class NestedBox:
    """A match box inside another construct (a table cell, a tag, a template parameter)."""

    node: Template
    offset: int
    line: int
    end_line: int


@dataclass
class Layout:
    """Headings, pieces, lines (those owned by a piece have empty text) and loose ends."""

    headings: list[Heading]
    lines: list[Line]
    pieces: list[Piece]
    owner: dict[int, Piece]
    unclosed: list[tuple[str, int]] = field(default_factory=list)
    rendering: Rendering = field(default_factory=Rendering)
    nested: list[NestedBox] = field(default_factory=list)
    # (how many, offset of the first, its text) of never-closed openers read as plain text
    neutralised: tuple[int, int, str] | None = None


def _line_bounds(text: str, start: int, end: int) -> tuple[str, str]:
    """Text before ``start`` on its line and after ``end`` on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start:start], text[end: len(text) if line_end < 0 else line_end]


def _owns_lines(node: Any, name: str, before: str, after: str) -> bool:
    if isinstance(node, Tag) and node.wiki_markup == "{|":
        return True
    if not isinstance(node, Template):
        return False
    if is_match_template(name) or is_frame(name) or INFOBOX_NAME.match(name):
        return True
    return not before.strip() and bool(_TRAILING_OK.match(after))


def scan(source: Source, code: Any, plan: Plan) -> Layout:
    """Lay out the document's one tree, ``code``, parsed from it as ``plan`` says."""
    text = source.text
    headings: list[Heading] = []
    heading_lines: set[int] = set()
    pieces: list[Piece] = []
    loose: list[tuple[Any, int, int]] = []
    rendering = Rendering()
    unclosed: list[tuple[str, int]] = []
    for node, offset, end in top_nodes(code.nodes):
        if isinstance(node, MwHeading):
            line, column = source.position(offset)
            title = tidy(render(node.title, offset + node.level, rendering))
            headings.append(Heading(node.level, title, line, column, str(node)))
            heading_lines.add(line)
        else:
            name = template_name(node) if isinstance(node, Template) else ""
            before, after = _line_bounds(text, offset, end)
            if _owns_lines(node, name, without_edges(before), without_edges(after)):
                kind = "template" if isinstance(node, Template) else "table"
                last = source.line_of(max(end - 1, offset))
                pieces.append(Piece(kind, node, offset, end, source.line_of(offset), last, name))
            else:
                loose.append((node, offset, end))
                if isinstance(node, Text):
                    unclosed.extend(_unclosed(node.value, offset))
    owner = {n: piece for piece in pieces for n in range(piece.line, piece.end_line + 1)}
    replacements: list[Replacement] = []
    for node, start, end in loose:
        if isinstance(node, Text):
            _attach_text(source, owner, node.value, start)
            replacements.extend(_replacements(node, start, end, rendering))
            continue
        piece = owner.get(source.line_of(start))
        if piece is not None and not isinstance(node, WrapperEdge):
            _attach(piece, node, start)
            continue
        replacements.extend(_replacements(node, start, end, rendering))
    lines = _lines(source, replacements, heading_lines, owner)
    nested: list[NestedBox] = []
    for piece in pieces:
        if not (piece.kind == "template" and is_match_template(piece.name)):
            nested.extend(nested_boxes(piece.node, piece.start, source))
        elif not any(owner[n] is piece for n in range(piece.line, piece.end_line + 1)):
            # a box sharing all its lines with a later one (``{{Football box|...}}{{Football
            # box|...}}``) owns no block of its own: read it as a nested box
            nested.append(NestedBox(piece.node, piece.start, piece.line, piece.end_line))
    for node, start, _ in loose:
        nested.extend(nested_boxes(node, start, source))
    nested.sort(key=lambda box: box.offset)
    neutralised = (plan.neutralised, plan.first_offset or 0, plan.first_token) \
        if plan.neutralised else None
    return Layout(headings, lines, pieces, owner, unclosed, rendering, nested, neutralised)


def nested_boxes(node: Any, offset: int, source: Source) -> list[NestedBox]:
    """Match boxes and result rows anywhere inside ``node`` (not ``node`` itself)."""
    found: list[NestedBox] = []
    stack: list[tuple[Any, int]] = [(node, offset)]
    while stack:
        item, at = stack.pop()
        if isinstance(item, Template):
            if item is not node and is_match_template(template_name(item)):
                end = at + length(item)
                found.append(NestedBox(item, at, source.line_of(at), source.line_of(end - 1)))
                continue
            for param, _, value_at in param_offsets(item, at):
                stack.extend(_children(param.value, value_at))
        elif isinstance(item, Tag) and item.contents is not None and not isinstance(
                item, Comment) and str(item.tag).strip().lower() != "nowiki":
            stack.extend(_children(item.contents, contents_offset(item, at)))
    return found


def _children(code: Any, offset: int) -> list[tuple[Any, int]]:
    out = []
    for child in code.nodes:
        if isinstance(child, (Template, Tag)):
            out.append((child, offset))
        offset += length(child)
    return out


def _unclosed(value: str, offset: int) -> list[tuple[str, int]]:
    found = []
    for match in _UNCLOSED.finditer(value):
        if match.group("table"):
            found.append(("table", offset + match.start("table")))
        else:
            found.append((" ".join(match.group("box").split()), offset + match.start()))
    return found


def _attach_text(source: Source, owner: dict[int, Piece], value: str, start: int) -> None:
    """Words of a text node that stand on a piece's lines (``}} and more``) go with the piece."""
    if not owner or not value.strip():
        return
    at = start
    for part in value.split("\n"):
        if part.strip():
            piece = owner.get(source.line_of(at))
            if piece is not None:
                piece.extra.append(tidy(strip_inline(part)))
        at += len(part) + 1


def _attach(piece: Piece, node: Any, start: int) -> None:
    """A node sharing a line with a piece: its references and text go with the piece."""
    out = Rendering()
    clean = tidy(render_node(node, start, out))
    piece.refs += out.refs
    if clean:
        piece.extra.append(clean)


def _replacements(node: Any, start: int, end: int, rendering: Rendering) -> list[Replacement]:
    if isinstance(node, Text):
        value = node.value
        if "''" not in value:
            return []
        return [Replacement(start + m.start(), start + m.end(), "", "quote")
                for m in _QUOTES.finditer(value)]
    if isinstance(node, Comment):
        return [Replacement(start, end, "", "comment")]
    if isinstance(node, WrapperEdge):
        return [Replacement(start, end, "", "marker", str(node).strip())]
    if isinstance(node, Tag):
        name = str(node.tag).strip().lower()
        if node.wiki_markup:
            return [Replacement(start, end, str(node), "markup")]
        if name == "section":
            return [Replacement(start, end, "", "marker", str(node).strip())]
        if name == "ref":
            rendering.refs += 1
            return [Replacement(start, end, "", "ref")]
    before = rendering.refs
    clean = strip_inline(render_node(node, start, rendering))
    kind = "ref" if rendering.refs > before and not clean.strip() else "inline"
    return [Replacement(start, end, clean, kind)]


def strip_inline(text: str) -> str:
    """Inline text without quote runs; newlines (from ``<br>``) become spaces."""
    return _QUOTES.sub("", text).replace("\n", " ")


def _lines(source: Source, replacements: list[Replacement], skip: set[int],
           owner: dict[int, Piece]) -> list[Line]:
    text = source.text
    out: list[Line] = []
    index = 0
    for number, start in enumerate(source.line_starts, start=1):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        while index < len(replacements) and replacements[index].end <= start:
            index += 1
        if number in skip:
            continue
        raw = text[start:end]
        if number in owner:
            out.append(Line(number, raw, "", (), "piece"))
        elif number in source.long_lines:
            out.append(Line(number, raw, raw, too_long=True))
        elif index >= len(replacements) or replacements[index].start >= end:
            out.append(Line(number, raw, raw))
        else:
            out.append(line_with_markup(number, raw, start, end, replacements, index))
    return out
