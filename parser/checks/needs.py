"""What a rule needs from a document to have anything to say, and what a document has.

A rule declares its needs (``@rule(..., needs=("matches",))``): the parts of the JSON
without which it cannot report, because every finding it makes is about one of them. A
rule needing ``counts`` reports declared counts only, so on a document that declares
none it has nothing to say, and ``run_checks`` does not call it. Needs are all required
(a rule needing ``infobox`` and ``matches`` is skipped when either is missing); a rule
that can report from either of two parts (a match date or an infobox date) declares
neither.

``features`` works out, once per document, which of these parts the document has. Each
test is as wide as the rules that rely on it read: ``matches`` is any match of any
round, ``tables`` any table block in any section, however deep.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

Data = dict[str, Any]


def _has_matches(data: Data) -> bool:
    return any(item["matches"] for item in data.get("rounds", []))


def _has_infobox(data: Data) -> bool:
    infobox = data.get("infobox") or {}
    return bool(infobox.get("fields"))


def _has_tables(data: Data) -> bool:
    stack = list(data.get("sections", []))
    while stack:
        section = stack.pop()
        if any(block["kind"] == "table" for block in section["blocks"]):
            return True
        stack.extend(section["children"])
    return False


def _has(field: str) -> Callable[[Data], bool]:
    def test(data: Data) -> bool:
        return bool(data.get(field))

    test.__name__ = f"has_{field}"
    return test


FEATURES: dict[str, Callable[[Data], bool]] = {
    "counts": _has("declared_counts"),  # counts the text declares (``(21 teams)``)
    "matches": _has_matches,  # a match in some round
    "infobox": _has_infobox,  # an infobox with at least one field
    "entrants": _has("entrants"),  # entrants of lists and tables
    "tables": _has_tables,  # a table block in some section
    "standings": _has("standings"),  # group tables
    "facts": _has("facts"),  # facts read from the prose (aggregates, byes, ...)
    "bracket": _has("bracket"),  # bracket templates
}


def checked_needs(needs: Iterable[str]) -> frozenset[str]:
    """``needs`` as a set, refusing a name that is no feature (a typo would skip a rule
    on every document)."""
    found = frozenset(needs)
    unknown = sorted(found.difference(FEATURES))  # a frozenset (a keys view would give a set)
    if unknown:
        raise ValueError(f"unknown needs {unknown}: choose among {sorted(FEATURES)}")
    return found


def features(data: Data) -> frozenset[str]:
    """The features ``data`` has."""
    return frozenset(name for name, test in FEATURES.items() if test(data))
