"""Stage 2, the wiki layer: mwparserfromhell finds headings and inline markup.

The document is parsed once. Nodes carry no positions, but the parse round-trips
its input exactly, so each top-level node's offset is the sum of the lengths of
the nodes before it. Headings become ``Heading`` records; every other line
becomes a ``Line`` whose ``text`` has inline markup reduced (links to their
text, ``'''`` removed, comments and ``<ref>`` dropped, section markers lifted
out) while ``raw_index`` maps a column of ``text`` back to the file.
"""

from __future__ import annotations

import bisect
import html
import re

import mwparserfromhell
from mwparserfromhell.nodes import (
    Comment,
    ExternalLink,
    HTMLEntity,
    Tag,
    Text,
    Wikilink,
)
from mwparserfromhell.nodes import (
    Heading as MwHeading,
)

from ..guard import at
from ..read.characters import plain_characters
from ..read.source import Source
from ..records import record
from .plan import RESTORE, neutralise, plan

_QUOTES = re.compile(r"'{2,}")
# Inside plain text: bold/italic quotes, and character references mwparserfromhell leaves as
# text because its entity table is HTML 4's (``&hyphen;``, ``&thinsp;`` in HTML 5).
_TEXT_MARKUP = re.compile(
    r"'{2,}|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


@record(slots=True)
class Heading:
    """A section heading: level 1 (``= T =``) to 6, its cleaned title and line."""

    level: int
    title: str
    line: int
    column: int
    raw: str


@record(slots=True)
class Line:
    """One source line that is not a heading.

    ``text`` is the cleaned line; ``anchors`` are (clean index, raw index) pairs
    from which ``raw_index`` maps positions back; ``covered`` names a multi-line
    construct (comment, ref) that hides the whole line; ``markers`` lists
    ``<section .../>`` markers found on it; ``refs`` counts references removed;
    ``too_long`` marks a line over the input policy's length limit, kept as written
    and never parsed.
    """

    number: int
    raw: str
    text: str
    anchors: tuple[tuple[int, int], ...] = ()
    covered: str | None = None
    markers: tuple[str, ...] = ()
    refs: int = 0
    too_long: bool = False

    def raw_index(self, index: int) -> int:
        """0-based index into ``raw`` of 0-based ``index`` into ``text``."""
        if not self.anchors:
            return index
        pos = bisect.bisect_right(self.anchors, (index, 1 << 62)) - 1
        if pos < 0:
            return index
        clean_at, raw_at = self.anchors[pos]
        return raw_at + (index - clean_at)


@record(slots=True)
class WikiNote:
    """Something the wiki layer did on purpose that the user should hear about."""

    code: str
    message: str
    line: int
    column: int = 1


@record(slots=True)
class WikiScan:
    """Headings and lines of a document, in source order, and notes about the parse."""

    headings: tuple[Heading, ...]
    lines: tuple[Line, ...]
    notes: tuple[WikiNote, ...] = ()


@record(slots=True)
class Replacement:
    """Inline markup at ``start:end`` of the text, shown as ``clean`` (shared by both readers)."""

    start: int
    end: int
    clean: str
    kind: str
    marker: str | None = None


def _reduce(node: object) -> tuple[str, str, str | None]:
    """(clean text, kind, marker) for a non-text node."""
    if isinstance(node, Comment):
        return "", "comment", None
    if isinstance(node, Wikilink):
        inner = node.text if node.text is not None else node.title
        return clean_inline(str(inner)), "link", None
    if isinstance(node, ExternalLink):
        return clean_inline(str(node.title or "")), "link", None
    if isinstance(node, HTMLEntity):
        return plain_characters(html.unescape(str(node))), "entity", None
    if isinstance(node, Tag):
        name = str(node.tag).strip().lower()
        if name == "section":
            return "", "marker", str(node).strip()
        if name == "ref":
            return "", "ref", None
        if name == "br":
            return " ", "tag", None
        if node.self_closing or node.contents is None:
            return "", "tag", None
        return clean_inline(str(node.contents)), "tag", None
    return str(node), "other", None


def _decoded(value: str) -> str:
    """``value`` with the character references mwparserfromhell left as text decoded."""
    return _TEXT_MARKUP.sub(lambda m: m.group() if m.group().startswith("'")
                            else plain_characters(html.unescape(m.group())), value)


def text_replacements(value: str, offset: int) -> list[Replacement]:
    """Quotes removed and character references decoded in a text node at ``offset``."""
    out = []
    for match in _TEXT_MARKUP.finditer(value):
        found = match.group()
        if found.startswith("'"):
            out.append(Replacement(offset + match.start(), offset + match.end(), "", "quote"))
            continue
        decoded = html.unescape(found)
        if decoded != found:
            out.append(Replacement(offset + match.start(), offset + match.end(),
                                   plain_characters(decoded), "entity"))
    return out


def c_tokenizer() -> bool:
    """Whether mwparserfromhell uses its C tokenizer (it falls back to Python without a word)."""
    from mwparserfromhell import parser as mw_parser

    return bool(mw_parser.use_c and getattr(mw_parser, "CTokenizer", None) is not None)


def clean_inline(text: str) -> str:
    """Reduce inline wiki markup in a short string to plain text (used for cells and titles)."""
    if "[" in text or "<" in text or "&" in text or "{" in text:
        safe = neutralise(text)
        code = mwparserfromhell.parse(safe, skip_style_tags=True)
        parts: list[str] = []
        for node in code.nodes:
            if isinstance(node, Text):
                parts.append(_decoded(node.value) if "&" in node.value else node.value)
            else:
                parts.append(_reduce(node)[0])
        text = "".join(parts)
        if safe is not text:
            text = text.translate(RESTORE)
    if "''" in text:
        text = _QUOTES.sub("", text)
    return text


def scan(source: Source) -> WikiScan:
    """Parse ``source`` with mwparserfromhell and split it into headings and lines.

    ``parser.wikiplan`` decides what the tokenizer gets: the whole text, or units
    with never-closed openers neutralised; long lines are never parsed.
    """
    layout = plan(source.text, source.line_starts, source.long_lines)
    headings: list[Heading] = []
    heading_lines: set[int] = set()
    replacements: list[Replacement] = []
    restore = layout.restores
    for unit in layout.units:
        if not unit.parse:
            continue
        at(source.line_of(unit.start))
        code = mwparserfromhell.parse(unit.text, skip_style_tags=True)
        offset = unit.start
        for node in code.nodes:
            length = len(str(node))
            if isinstance(node, MwHeading):
                line, column = source.position(offset)
                title = clean_inline(str(node.title)).strip()
                raw = str(node)
                if restore:
                    title, raw = title.translate(RESTORE), raw.translate(RESTORE)
                headings.append(Heading(node.level, title, line, column, raw))
                heading_lines.add(line)
            elif not isinstance(node, Text):
                clean, kind, marker = _reduce(node)
                if restore:
                    clean = clean.translate(RESTORE)
                    marker = marker.translate(RESTORE) if marker else marker
                replacements.append(Replacement(offset, offset + length, clean, kind, marker))
            elif "''" in node.value or "&" in node.value:
                replacements.extend(text_replacements(node.value, offset))
            offset += length
        del code
    lines = _lines(source, replacements, heading_lines)
    notes: list[WikiNote] = []
    if layout.neutralised and layout.first_offset is not None:
        line, column = source.position(layout.first_offset)
        notes.append(WikiNote(
            "PA006", f"{layout.neutralised} markup opener(s) are never closed, the first is "
            f"{layout.first_token!r}; read as plain text so that parsing stays fast",
            line, column))
    return WikiScan(tuple(headings), tuple(lines), tuple(notes))


def _lines(source: Source, replacements: list[Replacement], skip: set[int]) -> list[Line]:
    text = source.text
    starts = source.line_starts
    long_lines = source.long_lines
    out: list[Line] = []
    rep_index = 0
    for number, start in enumerate(starts, start=1):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        while rep_index < len(replacements) and replacements[rep_index].end <= start:
            rep_index += 1
        if number in skip:
            continue
        raw = text[start:end]
        if number in long_lines:
            out.append(Line(number, raw, raw, too_long=True))
            continue
        if rep_index >= len(replacements) or replacements[rep_index].start >= end:
            out.append(Line(number, raw, raw))
            continue
        out.append(line_with_markup(number, raw, start, end, replacements, rep_index))
    return out


def line_with_markup(number: int, raw: str, start: int, end: int,
                      replacements: list[Replacement], index: int) -> Line:
    parts: list[str] = []
    anchors: list[tuple[int, int]] = []
    markers: list[str] = []
    refs = 0
    pos = start
    clean_len = 0
    touched: list[str] = []
    while index < len(replacements) and replacements[index].start < end:
        rep = replacements[index]
        index += 1
        touched.append(rep.kind)
        if rep.start < start:  # continues from an earlier line
            pos = min(rep.end, end)
            anchors.append((clean_len, pos - start))
            continue
        piece = raw[pos - start : rep.start - start]
        parts.append(piece)
        clean_len += len(piece)
        clean = rep.clean.replace("\n", " ")
        parts.append(clean)
        clean_len += len(clean)
        pos = min(rep.end, end)
        anchors.append((clean_len, pos - start))
        if rep.marker:
            markers.append(rep.marker)
        if rep.kind == "ref":
            refs += 1
    tail = raw[pos - start:]
    parts.append(tail)
    clean_text = "".join(parts)
    covered = None
    if not clean_text.strip() and not markers:
        covered = next((k for k in touched if k in ("comment", "ref")), touched[0])
    return Line(number, raw, clean_text, tuple(anchors), covered, tuple(markers), refs)
