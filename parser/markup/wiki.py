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

from ..guard import at
from ..read.source import Source
from ..records import record
from .inline import Replacement, clean_inline, reduce_node, text_replacements
from .plain import headings as plain_headings
from .plain import is_plain
from .plan import RESTORE, plan


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


def scan(source: Source) -> WikiScan:
    """Parse ``source`` with mwparserfromhell and split it into headings and lines.

    ``parser.wikiplan`` decides what the tokenizer gets: the whole text, or units
    with never-closed openers neutralised; long lines are never parsed. A unit without wiki
    markup (``markup.plain``) is read without the tokenizer, to the same result.
    """
    layout = plan(source.text, source.line_starts, source.long_lines)
    headings: list[Heading] = []
    replacements: list[Replacement] = []
    restore = layout.restores
    for unit in layout.units:
        if not unit.parse:
            continue
        at(source.line_of(unit.start))
        if is_plain(unit.text):
            _scan_plain(source, unit.text, unit.start, restore, headings, replacements)
            continue
        import mwparserfromhell
        from mwparserfromhell.nodes import Heading as MwHeading
        from mwparserfromhell.nodes import Text

        code = mwparserfromhell.parse(unit.text, skip_style_tags=True)
        offset = unit.start
        for node in code.nodes:
            length = len(str(node))
            if isinstance(node, MwHeading):
                headings.append(_heading(source, offset, node.level, str(node.title), str(node),
                                         restore))
            elif not isinstance(node, Text):
                clean, kind, marker = reduce_node(node)
                if restore:
                    clean = clean.translate(RESTORE)
                    marker = marker.translate(RESTORE) if marker else marker
                replacements.append(Replacement(offset, offset + length, clean, kind, marker))
            elif "''" in node.value or "&" in node.value:
                replacements.extend(text_replacements(node.value, offset))
            offset += length
        del code
    lines = _lines(source, replacements, {heading.line for heading in headings})
    notes: list[WikiNote] = []
    if layout.neutralised and layout.first_offset is not None:
        line, column = source.position(layout.first_offset)
        notes.append(WikiNote(
            "PA006", f"{layout.neutralised} markup opener(s) are never closed, the first is "
            f"{layout.first_token!r}; read as plain text so that parsing stays fast",
            line, column))
    return WikiScan(tuple(headings), tuple(lines), tuple(notes))


def _heading(source: Source, offset: int, level: int, title: str, raw: str,
             restore: bool) -> Heading:
    line, column = source.position(offset)
    title = clean_inline(title).strip()
    if restore:
        title, raw = title.translate(RESTORE), raw.translate(RESTORE)
    return Heading(level, title, line, column, raw)


def _scan_plain(source: Source, text: str, offset: int, restore: bool,
                headings: list[Heading], replacements: list[Replacement]) -> None:
    """What the tokenizer loop does for a unit that is plain text with headings."""
    pos = 0
    for found in [*plain_headings(text), None]:
        end = found.start if found else len(text)
        gap = text[pos:end]  # the text node before the heading
        if "''" in gap or "&" in gap:
            replacements.extend(text_replacements(gap, offset + pos))
        if found is None:
            break
        headings.append(_heading(source, offset + found.start, found.level, found.title,
                                 text[found.start:found.end], restore))
        pos = found.end


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
