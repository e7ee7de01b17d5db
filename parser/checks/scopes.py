"""What a count can refer to: the sections, labelled lists and rounds of a document.

Sections are found by line ranges (titles may repeat), entrants by the section
they sit in and the list or table (``block_line``) they belong to. Tables of
players (a ``Player`` or ``Goals`` column) name clubs more than once by design
and are left out of every team scope.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from ..records import record
from .memo import Memo
from .teams import normalise

GENERIC_NOUNS = frozenset({"team", "club", "side", "entrant", "participant", "entry", "member"})
_PLAYER_COLUMN = re.compile(r"player|scorer|goals|name of player", re.I)
_STOP = frozenset({"the", "a", "an", "of", "and", "for", "to", "in", "through", "via"})


@record
class SectionSpan:
    """A section and the lines it covers (its subsections included)."""

    title: str | None
    level: int
    line: int
    end_line: int

    def contains(self, line: int) -> bool:
        """Whether ``line`` lies in the section."""
        return self.line <= line <= self.end_line


@record
class Listing:
    """One list or table of entrants: its label, first line and distinct team keys."""

    label: str | None
    line: int
    keys: tuple[str, ...]


def sections(data: dict[str, Any]) -> list[SectionSpan]:
    """Every section in document order (worked out once per section tree: several checks
    ask, and ``innermost`` keeps its line table for the list it is given; read the list,
    do not change it)."""
    tree = data.get("sections", [])
    return _section_lists.get(tree) or _section_lists.keep(tree, _sections(tree))


_section_lists: Memo[list[SectionSpan]] = Memo()


def _sections(tree: list[dict[str, Any]]) -> list[SectionSpan]:
    out: list[SectionSpan] = []
    stack = list(reversed(tree))
    while stack:
        item = stack.pop()
        out.append(SectionSpan(item["title"], item["level"], item["line"], item["end_line"]))
        stack.extend(reversed(item["children"]))
    return out


def innermost(spans: list[SectionSpan], line: int) -> SectionSpan | None:
    """The deepest section containing ``line``."""
    table = _by_line(spans)
    return table[line] if 0 <= line < len(table) else None


_line_tables: Memo[list[SectionSpan | None]] = Memo()


def _by_line(spans: list[SectionSpan]) -> list[SectionSpan | None]:
    """``innermost`` for every line at once, kept for the last ``spans`` list: the checks
    ask line by line, and scanning every section each time was quadratic. The sweep
    visits the sections in the same order and keeps the same one a scan would."""
    known = _line_tables.get(spans)
    if known is not None:
        return known
    table: list[SectionSpan | None] = [None] * (max((s.end_line for s in spans), default=0) + 1)
    for span in spans:
        for line in range(max(span.line, 0), span.end_line + 1):
            found = table[line]
            if found is None or span.level >= found.level:
                table[line] = span
    return _line_tables.keep(spans, table)


def is_player_table(entrant: dict[str, Any]) -> bool:
    """Whether the entrant comes from a table of players (clubs repeat there)."""
    return any(_PLAYER_COLUMN.search(name) for name in entrant.get("columns", {}))


def team_entrants(data: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, entrant) for every entrant that names a team in a list or a table of teams."""
    return iter(_indexed(data).teams)


def listings(data: dict[str, Any], section: SectionSpan) -> list[Listing]:
    """The entrant lists and tables inside ``section``, in document order."""
    index = _indexed(data)
    low = bisect.bisect_left(index.lines, section.line)
    high = bisect.bisect_right(index.lines, section.end_line)
    by_block: dict[int, tuple[str | None, list[str]]] = {}
    for position in sorted(index.by_line[low:high]):  # back in entrant order
        _, block_line, label, key = index.keyed[position]
        _, keys = by_block.setdefault(block_line, (label, []))
        if key not in keys:
            keys.append(key)
    return [Listing(label, line, tuple(keys)) for line, (label, keys) in sorted(by_block.items())]


@record
class _Index:
    """A document's team entrants, worked out once: the checks ask per section and per count,
    and redoing it each time made them quadratic in the number of entrants."""

    entrants: list[dict[str, Any]]
    size: int
    teams: list[tuple[int, dict[str, Any]]]
    keyed: list[tuple[int, int, str | None, str]]  # (line, block line, label, key)
    by_line: list[int]  # positions in ``keyed``, by line
    lines: list[int]  # the lines of ``by_line``


_last: Memo[_Index] = Memo()


def _indexed(data: dict[str, Any]) -> _Index:
    entrants = data.get("entrants", [])
    known = _last.get(entrants)
    if known is not None and known.size == len(entrants):
        return known  # the same document's entrants, not changed since
    teams = [(i, e) for i, e in enumerate(entrants) if not is_player_table(e)]
    keyed = [(int(e["line"]), int(e["block_line"]), e["label"], normalise(e["name"]))
             for _, e in teams]
    by_line = sorted(range(len(keyed)), key=lambda i: keyed[i][0])
    found = _Index(entrants, len(entrants), teams, keyed, by_line,
                   [keyed[i][0] for i in by_line])
    return _last.keep(entrants, found)


def distinct(listed: list[Listing]) -> set[str]:
    """Distinct team keys over several listings."""
    return {key for item in listed for key in item.keys}


def words(text: str) -> frozenset[str]:
    """Content words, lower case, singular: ``At-Large Berths`` -> {at, large, berth}."""
    out = set()
    for token in re.split(r"[^a-z0-9]+", text.lower()):
        if token and token not in _STOP:
            out.add(token[:-1] if len(token) > 3 and token.endswith("s") else token)
    return frozenset(out)


def head_noun(what: str) -> str:
    """The counted noun, singular: ``amateur teams`` -> ``team``."""
    tokens = sorted(words(what.split()[-1])) if what.split() else []
    return tokens[0] if tokens else ""


def refers_to(what: str, label: str | None) -> bool:
    """Whether a counted phrase names a labelled list (``12 at large berths`` -> ``At-Large
    Berths``)."""
    if not label:
        return False
    said, named = words(what) - GENERIC_NOUNS, words(label) - GENERIC_NOUNS
    return bool(said) and bool(named) and (said <= named or named <= said)


def describe(listed: list[Listing]) -> str:
    """``9 under 'Division Winners' (line 20) and 11 under 'At-Large Berths' (line 32)``."""
    parts = [f"{len(item.keys)} under {item.label!r} (line {item.line})" if item.label
             else f"{len(item.keys)} in the list at line {item.line}" for item in listed]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
