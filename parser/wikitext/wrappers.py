"""Transclusion wrappers: ``<onlyinclude>`` and ``<noinclude>`` are looked through, not read.

Real pages wrap whole group tables in ``<onlyinclude>...</onlyinclude>`` so that
other pages can transclude them; the page itself shows the contents. The layout
walks the wrapper's contents as if they stood at the top level, and the wrapper's
own opening and closing tags become ``WrapperEdge`` nodes, which read as markers
(no text) and do not keep a template on the same line from owning its lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from mwparserfromhell.nodes import Node, Tag

from ..markup.lengths import contents_offset, length

WRAPPERS = frozenset({"onlyinclude", "noinclude"})
_EDGE = re.compile(r"</?\s*(?:onlyinclude|noinclude)\s*>", re.IGNORECASE)


class WrapperEdge(Node):
    """The opening or closing tag of a wrapper, exactly as written."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def __str__(self) -> str:
        return self.text


def _is_wrapper(node: Any) -> bool:
    return (isinstance(node, Tag) and not node.wiki_markup and not node.self_closing
            and node.contents is not None and str(node.tag).strip().lower() in WRAPPERS)


def top_nodes(nodes: list[Any], offset: int = 0) -> Iterator[tuple[Any, int, int]]:
    """(node, offset, end offset) for each top-level node, wrappers opened (nested ones too)."""
    for node in nodes:
        end = offset + length(node)
        if not _is_wrapper(node):
            yield node, offset, end
            offset = end
            continue
        raw = str(node)
        at = contents_offset(node, 0)
        inner = length(node.contents)
        yield WrapperEdge(raw[:at]), offset, offset + at
        yield from top_nodes(node.contents.nodes, offset + at)
        yield WrapperEdge(raw[at + inner:]), offset + at + inner, end
        offset = end


def without_edges(text: str) -> str:
    """``text`` without wrapper tags (to decide whether a template stands alone on its line)."""
    return _EDGE.sub("", text) if "include" in text else text
