"""The heading tree: headings nest by level (levels may skip), each with its body lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..markup.wiki import Heading, Line, WikiScan

_REGION = re.compile(r"^(?P<base>.*?)\s*\((?P<qualifier>[^()]*)\)\s*$")


@dataclass
class Section:
    """A heading (None for text before the first heading) and the lines under it."""

    heading: Heading | None
    lines: list[Line] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    parent: Section | None = None

    @property
    def level(self) -> int:
        """Heading level; 0 for the text before any heading."""
        return self.heading.level if self.heading else 0

    @property
    def title(self) -> str | None:
        """The cleaned heading title."""
        return self.heading.title if self.heading else None

    @property
    def line(self) -> int:
        """The heading's line (or the first body line)."""
        if self.heading:
            return self.heading.line
        return self.lines[0].number if self.lines else 1

    @property
    def end_line(self) -> int:
        """Last line of the section, its subsections included."""
        last = self.lines[-1].number if self.lines else self.line
        for child in self.children:
            last = max(last, child.end_line)
        return last

    def ancestors(self) -> list[Section]:
        """Parents from the nearest outwards."""
        out = []
        node = self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def walk(self) -> list[Section]:
        """This section and all below it, in document order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


def split_title(title: str) -> tuple[str, str | None]:
    """``Second round (North)`` -> (``Second round``, ``North``)."""
    match = _REGION.match(title)
    if match and match.group("base"):
        return match.group("base"), match.group("qualifier").strip()
    return title, None


def build_tree(scan: WikiScan) -> list[Section]:
    """Top-level sections of the document, with body lines assigned in order."""
    roots: list[Section] = []
    lead = Section(None)
    stack: list[Section] = []
    headings = list(scan.headings)
    h_index = 0
    current = lead
    for line in scan.lines:
        while h_index < len(headings) and headings[h_index].line < line.number:
            current = _open(headings[h_index], stack, roots)
            h_index += 1
        current.lines.append(line)
    while h_index < len(headings):
        _open(headings[h_index], stack, roots)
        h_index += 1
    if lead.lines and any(line.text.strip() or line.raw.strip() for line in lead.lines):
        roots.insert(0, lead)
    return roots


def _open(heading: Heading, stack: list[Section], roots: list[Section]) -> Section:
    section = Section(heading)
    while stack and stack[-1].level >= heading.level:
        stack.pop()
    if stack:
        section.parent = stack[-1]
        stack[-1].children.append(section)
    else:
        roots.append(section)
    stack.append(section)
    return section
