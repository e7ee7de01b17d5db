"""Source lengths of mwparserfromhell nodes, each computed once per tree.

Nodes carry no positions, so readers sum lengths to find offsets: a node's offset
is its parent's plus the lengths of what precedes it. ``len(str(node))`` gives a
length, but ``str`` rebuilds the text of the whole subtree, and a reader that
asks for a template, then for each of its parameters, then for each node of a
value, converts the same text again at every level. ``length`` works the length
out from the parts instead (a template is ``{{`` + name + ``|`` + parameter ...
``}}``, as mwparserfromhell's ``__str__`` writes it), remembering each part's.

``measuring(code, text)`` walks the document's tree once on entering and remembers
the length of every part by ``id`` for the whole block (one document's build). The
block holds the tree, so none of its parts is freed and no ``id`` is reused
meanwhile; anything else (a string parsed on its own while rendering) is measured
from its parts on each call and never remembered, so a freed object's ``id`` cannot
bring back a stale length. On entering, the lengths of the top-level nodes must add
up to ``len(text)`` (mwparserfromhell round-trips its input): if a version of
mwparserfromhell wrote a node differently, the sum would differ, and the block
falls back to ``len(str(node))``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.nodes.extras import Attribute, Parameter
from mwparserfromhell.wikicode import Wikicode

# id of a part of the measured tree -> its length
Known = dict[int, int]
_KNOWN: ContextVar[Known | None] = ContextVar("scoreline_node_lengths", default=None)
_BY_STR: Known = {}  # marker: the block measures with ``len(str(node))``


def length(item: Any) -> int:
    """``len(str(item))`` of a node, ``Wikicode``, parameter or attribute."""
    known = _KNOWN.get()
    if known is not None:
        size = known.get(id(item))  # the usual case inside a block: a part of the tree
        if size is not None:
            return size
        if known is _BY_STR:
            return len(str(item))
    return _measure(item, {})


@contextmanager
def measuring(code: Any, text: str) -> Iterator[None]:
    """Remember lengths while the block runs; ``code`` is the tree parsed from ``text``."""
    known: Known = {}
    if sum(_measure(node, known) for node in code.nodes) != len(text):
        known = _BY_STR
    token = _KNOWN.set(known)
    try:
        yield
    finally:
        _KNOWN.reset(token)
        if known is not _BY_STR:
            known.clear()


def contents_offset(tag: Tag, offset: int) -> int:
    """Offset of a tag's contents, the tag being at ``offset`` (``<b>``+ or ``|``+ ...)."""
    attrs = sum(length(attr) for attr in tag.attributes)
    if tag.wiki_markup:
        return (offset + len(tag.wiki_markup) + attrs + len(tag.padding or "")
                + len(tag.wiki_style_separator or ""))
    return offset + (2 if tag.invalid else 1) + length(tag.tag) + attrs + len(tag.padding) + 1


def _measure(item: Any, known: Known) -> int:
    kind = type(item)
    if kind is Text:
        return len(item.value)
    size = known.get(id(item))
    if size is not None:
        return size
    rule = _RULES.get(kind)
    size = rule(item, known) if rule is not None else len(str(item))
    known[id(item)] = size
    return size


def _wikicode(code: Wikicode, known: Known) -> int:
    total = 0
    for node in code.nodes:
        total += len(node.value) if type(node) is Text else _measure(node, known)
    return total


def _template(node: Template, known: Known) -> int:
    size = 4 + _measure(node.name, known)
    for param in node.params:
        size += 1 + _measure(param, known)
    return size


def _parameter(param: Parameter, known: Known) -> int:
    value = _measure(param.value, known)
    return _measure(param.name, known) + 1 + value if param.showkey else value


def _wikilink(node: Wikilink, known: Known) -> int:
    size = 4 + _measure(node.title, known)
    return size if node.text is None else size + 1 + _measure(node.text, known)


def _external_link(node: ExternalLink, known: Known) -> int:
    url = _measure(node.url, known)
    if not node.brackets:
        return url
    if node.title is None:
        return url + 2
    space = 0 if node.suppress_space is True else 1
    return url + 2 + space + _measure(node.title, known)


def _tag(node: Tag, known: Known) -> int:
    attrs = sum(_measure(attr, known) for attr in node.attributes)
    if node.wiki_markup:
        size = (len(node.wiki_markup) + attrs + len(node.padding or "")
                + len(node.wiki_style_separator or ""))
        if node.self_closing:
            return size
        return size + _measure(node.contents, known) + len(node.closing_wiki_markup or "")
    size = (2 if node.invalid else 1) + _measure(node.tag, known) + attrs + len(node.padding)
    if node.self_closing:
        return size + (1 if node.implicit else 2)
    return size + 1 + _measure(node.contents, known) + 2 + _measure(node.closing_tag, known) + 1


def _attribute(attr: Attribute, known: Known) -> int:
    size = len(attr.pad_first) + _measure(attr.name, known) + len(attr.pad_before_eq)
    if attr.value is None:
        return size
    quotes = 2 * len(attr.quotes) if attr.quotes else 0
    return size + 1 + len(attr.pad_after_eq) + quotes + _measure(attr.value, known)


def _heading(node: Heading, known: Known) -> int:
    return 2 * node.level + _measure(node.title, known)


def _argument(node: Argument, known: Known) -> int:
    size = 6 + _measure(node.name, known)
    return size if node.default is None else size + 1 + _measure(node.default, known)


def _comment(node: Comment, known: Known) -> int:
    return 7 + len(node.contents)


def _entity(node: HTMLEntity, known: Known) -> int:
    return len(str(node))


_RULES: dict[type, Callable[[Any, Known], int]] = {
    Wikicode: _wikicode, Template: _template, Parameter: _parameter, Wikilink: _wikilink,
    ExternalLink: _external_link, Tag: _tag, Attribute: _attribute, Heading: _heading,
    Argument: _argument, Comment: _comment, HTMLEntity: _entity,
}
