"""Blocks of a wikitext section: pieces (templates, tables) and runs of text lines.

Lines owned by a piece form one block of the piece's kind (``infobox``,
``template`` or ``table``). Other lines are classified by their wiki markup:
``*``/``#`` lists, ``;`` labels, ``:`` indented prose, comment-only lines,
``<section/>`` markers, magic words and category links (``marker``), prose
(``paragraph``) and anything without a word in it (``other``). A short line
directly above a list or table becomes its ``label``, as in the flat form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..markup.wiki import Line
from ..model.blocks import MAX_LABEL_CHARS
from .layout import INFOBOX_NAME, Piece

_LETTERS = re.compile(r"[^\W\d_]{2,}")
_MAGIC = re.compile(r"^(\s*(__[A-Z]+__|\[\[\s*:?\s*category\s*:[^\]]*\]\]|-{4,}))+\s*$",
                    re.IGNORECASE)


@dataclass
class WikiBlock:
    """A run of lines of one kind; ``piece`` for template and table blocks."""

    kind: str
    lines: list[Line]
    piece: Piece | None = None
    label: Line | None = None
    style: str = "bullet"
    name: str = ""

    @property
    def line(self) -> int:
        """First line (the label's, when there is one)."""
        return self.label.number if self.label else self.lines[0].number

    @property
    def end_line(self) -> int:
        """Last line."""
        return self.lines[-1].number

    @property
    def text(self) -> str:
        """Cleaned text of the lines (list and label markup removed)."""
        return "\n".join(item_body(line) for line in self.lines)


def item_body(line: Line) -> str:
    """A line's text without leading ``*#;:`` markup."""
    return line.text.lstrip().lstrip("*#;:").strip()


def _kind(line: Line) -> str:
    if line.too_long:
        return "other"
    text = line.text
    stripped = text.strip()
    if not stripped:
        if line.markers:
            return "marker"
        if line.covered in ("comment", "ref"):
            return "comment"
        if _MAGIC.match(line.raw):
            return "marker"
        return "blank" if not line.raw.strip() else "other"
    if _MAGIC.match(line.raw):
        return "marker"
    first = stripped[0]
    if first in "*#":
        return "list"
    if first == ";":
        return "label"
    if not _LETTERS.search(stripped):
        return "other"
    return "paragraph"


def _without_semicolon(line: Line) -> Line:
    """A ``;Label`` line with the ``;`` blanked (same length, so columns stay true)."""
    text = line.text
    lead = len(text) - len(text.lstrip())
    rest = text[lead:]
    marks = len(rest) - len(rest.lstrip(";"))
    return replace(line, text=text[:lead] + " " * marks + rest[marks:])


def split_blocks(lines: list[Line], owner: dict[int, Piece],
                 boxes: dict[int, str] | None = None) -> list[WikiBlock]:
    """The blocks of a section body, in source order.

    ``boxes`` maps lines of match boxes nested in other markup (``<div>{{Football box}}``)
    to the box's name: such lines are ``template`` blocks, not unreadable text.
    """
    boxes = boxes or {}
    blocks: list[WikiBlock] = []
    for line in lines:
        if line.number in boxes and line.number not in owner and not line.text.strip():
            last = blocks[-1] if blocks else None
            if last is not None and last.kind == "template" and last.piece is None \
                    and last.end_line + 1 == line.number:
                last.lines.append(line)
            else:
                blocks.append(WikiBlock("template", [line], name=boxes[line.number]))
            continue
        piece = owner.get(line.number)
        if piece is not None:
            if blocks and blocks[-1].piece is piece:
                blocks[-1].lines.append(line)
            else:
                kind = piece.kind
                if kind == "template" and INFOBOX_NAME.match(piece.name):
                    kind = "infobox"
                blocks.append(WikiBlock(kind, [line], piece))
            continue
        kind = _kind(line)
        if kind == "blank":
            blocks.append(WikiBlock("blank", [line]))
            continue
        last = blocks[-1] if blocks else None
        if (last is not None and last.piece is None and last.kind == kind
                and kind in ("list", "paragraph", "comment", "other", "marker")):
            last.lines.append(line)
            continue
        if kind == "label":
            line = _without_semicolon(line)
        block = WikiBlock(kind, [line])
        if kind == "list":
            block.style = "numbered" if line.text.lstrip().startswith("#") else "bullet"
        blocks.append(block)
    return _attach_labels(blocks)


def _is_label(block: WikiBlock) -> bool:
    if block.kind == "label":
        return True
    if block.kind != "paragraph" or len(block.lines) != 1:
        return False
    text = block.lines[0].text.strip()
    return 0 < len(text) <= MAX_LABEL_CHARS and not text.endswith((".", ";", ":"))


def _attach_labels(blocks: list[WikiBlock]) -> list[WikiBlock]:
    out: list[WikiBlock] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (prev is not None and block.kind in ("list", "table") and block.label is None
                and _is_label(prev) and prev.end_line + 1 == block.lines[0].number):
            out.pop()
            block.label = prev.lines[0]
        out.append(block)
    result = []
    for block in out:
        if block.kind == "blank":
            continue
        if block.kind == "label":
            block.kind = "paragraph"
        result.append(block)
    return result
