"""Everything one report page shows, gathered from a document and its findings.

``build_page`` is a pure function: the same document and findings give the same page
model (and so the same HTML). Every element findings can be marked on gets an id here,
and the anchors (JSON pointer -> id) and line index (source line -> id) that
``findings.findings`` uses to place them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Diagnostic
from ..model.document import Document
from ..records import record
from .bracket import BracketView, draw
from .findings import Finding, Marks, findings
from .rounds import RoundView, rounds
from .rules import Rule, rules_for
from .standings import Table, tables

SEVERITIES = ("error", "warning", "info")


@record
class Item:
    """A located element of the page (infobox field, entrant, count, unread line)."""

    id: str
    pointer: str
    line: int
    values: dict[str, Any]


@record
class EntrantGroup:
    """Entrants listed under one label of one section."""

    section: str | None
    label: str | None
    items: tuple[Item, ...]


@record
class DrawnBracket:
    """A bracket the article draws itself (a bracket template), with its ties."""

    id: str
    name: str
    template: str | None
    line: int
    ties: tuple[Item, ...]


@dataclass
class Page:
    """The model of one report page."""

    path: str
    title: str | None
    source: dict[str, Any]
    counts: dict[str, int]
    findings: list[Finding]
    marks: Marks
    rules: list[Rule]
    infobox: list[Item] = field(default_factory=list)
    infobox_form: str | None = None
    rounds: list[RoundView] = field(default_factory=list)
    standings: list[Table] = field(default_factory=list)
    bracket: BracketView | None = None
    entrants: list[EntrantGroup] = field(default_factory=list)
    entrant_count: int = 0
    declared: list[Item] = field(default_factory=list)
    unparsed: list[Item] = field(default_factory=list)
    drawn: list[DrawnBracket] = field(default_factory=list)
    timestamp: str | None = None

    @property
    def match_count(self) -> int:
        """Matches over all rounds."""
        return sum(len(r.matches) for r in self.rounds)


def severity_counts(diagnostics: Sequence[Diagnostic]) -> dict[str, int]:
    """Findings per severity, every severity present."""
    counter = Counter(d.severity.value for d in diagnostics)
    return {s: counter.get(s, 0) for s in SEVERITIES}


def _items(data: list[dict[str, Any]], prefix: str, pointer: str) -> list[Item]:
    return [Item(f"{prefix}-{n}", f"{pointer}/{n}", int(item.get("line") or 0), item)
            for n, item in enumerate(data)]


def build_page(document: Document | None, diagnostics: Sequence[Diagnostic], *,
               path: str, timestamp: str | None = None) -> Page:
    """The page of one input; ``document`` is None when the input could not be converted."""
    data: dict[str, Any] = document.data if document is not None else {}
    infobox = data.get("infobox") or {}
    fields = _items(list(infobox.get("fields") or []), "i", "/infobox/fields")
    declared = _items(list(data.get("declared_counts") or []), "c", "/declared_counts")
    entrants = _items(list(data.get("entrants") or []), "e", "/entrants")
    unparsed = _items(list(data.get("unparsed") or []), "u", "/unparsed")
    from ..checks.stages import bracket as read_bracket

    knockout = read_bracket(document) if document is not None else None
    round_views = rounds(data, knockout) if knockout is not None else []
    standing_tables = tables(data)
    drawn = [DrawnBracket(f"b-{n}", str(b.get("name") or b.get("template") or "Bracket"),
                          b.get("template"), int(b.get("line") or 0),
                          tuple(_items(list(b.get("ties") or []), f"b-{n}", f"/bracket/{n}/ties")))
             for n, b in enumerate(data.get("bracket") or [])]

    anchors: dict[str, str] = {"/infobox": "infobox"} if infobox else {}
    lines: dict[int, str] = {}
    for group in (fields, declared, entrants, unparsed, *(list(b.ties) for b in drawn)):
        for item in group:
            anchors[item.pointer] = item.id
            lines.setdefault(item.line, item.id)
    for view in round_views:
        anchors[view.pointer] = view.id
        for match in view.matches:
            anchors[match.pointer] = match.id
            lines.setdefault(match.line, match.id)
        lines.setdefault(view.line, view.id)
    for index, table in enumerate(standing_tables):
        anchors[f"/standings/{index}"] = table.id
        for row in table.rows:
            anchors[row.pointer] = row.id
            lines.setdefault(row.line, row.id)
        if table.line:
            lines.setdefault(table.line, table.id)
    source = document.source if document is not None else None
    found, marks = findings(diagnostics, anchors, lines, source)
    page = Page(path, data.get("title"), dict(data.get("source") or {"path": path}),
                severity_counts(diagnostics), found, marks,
                rules_for(sorted({d.code for d in diagnostics})), fields,
                infobox.get("form"), round_views, standing_tables, None,
                _groups(entrants), len(entrants), declared, unparsed, drawn, timestamp)
    if knockout is not None:
        page.bracket = draw(knockout, marks, list(data.get("rounds") or []))
    return page


def _groups(entrants: list[Item]) -> list[EntrantGroup]:
    groups: dict[tuple[Any, Any], list[Item]] = {}
    for item in entrants:
        key = (item.values.get("section"), item.values.get("label"))
        groups.setdefault(key, []).append(item)
    return [EntrantGroup(section, label, tuple(items))
            for (section, label), items in groups.items()]
