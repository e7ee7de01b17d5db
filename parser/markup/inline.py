"""Inline wiki markup reduced to text: links to their text, ``'''`` removed, character
references decoded, comments, ``<ref>`` and section markers dropped (and kept apart).

Shared by the wiki layer (``markup.wiki``, for the flat form) and the wikitext reader.
mwparserfromhell is imported only for a string that holds markup.
"""

from __future__ import annotations

import html
import re

from ..read.characters import plain_characters
from ..records import record
from .plan import RESTORE, neutralise

_QUOTES = re.compile(r"'{2,}")
# Inside plain text: bold/italic quotes, and character references mwparserfromhell leaves as
# text because its entity table is HTML 4's (``&hyphen;``, ``&thinsp;`` in HTML 5).
_TEXT_MARKUP = re.compile(
    r"'{2,}|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


@record(slots=True)
class Replacement:
    """Inline markup at ``start:end`` of the text, shown as ``clean`` (shared by both readers)."""

    start: int
    end: int
    clean: str
    kind: str
    marker: str | None = None


def reduce_node(node: object) -> tuple[str, str, str | None]:
    """(clean text, kind, marker) for a non-text node."""
    from mwparserfromhell.nodes import Comment, ExternalLink, HTMLEntity, Tag, Wikilink

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


def clean_inline(text: str) -> str:
    """Reduce inline wiki markup in a short string to plain text (used for cells and titles)."""
    if "[" in text or "<" in text or "&" in text or "{" in text:
        import mwparserfromhell
        from mwparserfromhell.nodes import Text

        safe = neutralise(text)
        code = mwparserfromhell.parse(safe, skip_style_tags=True)
        parts: list[str] = []
        for node in code.nodes:
            if isinstance(node, Text):
                parts.append(_decoded(node.value) if "&" in node.value else node.value)
            else:
                parts.append(reduce_node(node)[0])
        text = "".join(parts)
        if safe is not text:
            text = text.translate(RESTORE)
    if "''" in text:
        text = _QUOTES.sub("", text)
    return text
