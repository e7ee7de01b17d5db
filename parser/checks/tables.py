"""Tables and lists (TL6xx): rows against their header, required cells, entrant lists.

Rows that a results table turned into a match were understood and are left alone
(a walkover merges both teams into one cell by design); truncated rows are the
parser's PA004.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..diagnostics import Severity
from ..model.document import Document
from . import scopes
from .base import Hit, rule
from .infobox import years
from .memo import once_per_document
from .teams import normalise

_STATES = ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
           "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP")
US_STATES = frozenset(_STATES.split())
CA_PROVINCES = frozenset(("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK",
                          "YT"))
_TEAM_COLUMN = re.compile(r"\b(club|team|side|home|away|winning|losing|winner|loser)\b|^team ?[12]",
                          re.I)
_NAME_COLUMN = re.compile(r"\b(club|team|side|name)\b", re.I)
_SCORE_COLUMN = re.compile(r"\b(score|result|res\.?)\b", re.I)


def tables(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(pointer, table block) for every table in the section tree."""
    stack = [(f"/sections/{i}", s) for i, s in enumerate(data.get("sections", []))]
    while stack:
        pointer, section = stack.pop(0)
        for index, block in enumerate(section["blocks"]):
            if block["kind"] == "table":
                yield f"{pointer}/blocks/{index}", block
        stack[:0] = [(f"{pointer}/children/{i}", c) for i, c in enumerate(section["children"])]


@once_per_document
def _tables(document: Document) -> list[tuple[str, dict[str, Any]]]:
    """``tables`` once per document: three checks ask."""
    return list(tables(document.data))


@once_per_document
def _match_lines(document: Document) -> frozenset[int]:
    return frozenset(m["line"] for r in document.data.get("rounds", []) for m in r["matches"])


def _rows(document: Document, *, unread: bool = True
          ) -> Iterator[tuple[str, dict[str, Any], int, dict[str, Any]]]:
    """(table pointer, table, row index, row) for complete rows (``unread``: no match was read
    from them)."""
    matched = _match_lines(document) if unread else frozenset()
    for pointer, table in _tables(document):
        for index, row in enumerate(table["rows"]):
            if not row["truncated"] and row["line"] not in matched:
                yield pointer, table, index, row


@rule("TL601", "row-has-extra-cells", Severity.WARNING,
      "A table row has more filled cells than its header has columns.",
      needs=("tables",))
def extra_cells(document: Document) -> Iterator[Hit]:
    """A value beyond the last column has no column to belong to (checked even when a match
    was read from the row).

    Failing (reported at 2:20)::

        | Club | Division |
        | Elm FC | North | 14 |

    Passing::

        | Club | Division |
        | Elm FC | North |
    """
    for pointer, table, index, row in _rows(document, unread=False):
        width = len(table["header"])
        extra = [i for i in range(width, len(row["cells"])) if row["cells"][i]]
        if width and extra:
            yield Hit(f"row has {len(row['cells'])} cells but the header (line "
                      f"{table['header_line']}) has {width}",
                      f"{pointer}/rows/{index}/cells/{extra[0]}")


@rule("TL602", "row-has-missing-cells", Severity.INFO,
      "A table row has fewer cells than its header (often a collapsed spanned cell).",
      needs=("tables",))
def missing_cells(document: Document) -> Iterator[Hit]:
    """Spanned cells collapse in the flat form, so a short row is a note, not a fault.

    Failing (reported at 2:1)::

        | Club | Division | Best |
        | Elm FC | North |

    Passing::

        | Club | Division | Best |
        | Elm FC | North | Final |
    """
    for pointer, table, index, row in _rows(document):
        width = len(table["header"])
        if width and len(row["cells"]) < width:
            yield Hit(f"row has {len(row['cells'])} cells but the header (line "
                      f"{table['header_line']}) has {width}", f"{pointer}/rows/{index}")


def _required(table: dict[str, Any]) -> list[int]:
    columns = table["columns"]
    if table["role"] == "results":
        score = next((i for i, n in enumerate(columns) if _SCORE_COLUMN.search(n)), None)
        return [i for i, n in enumerate(columns) if _TEAM_COLUMN.search(n) and i != score][:2]
    if table["role"] == "entrants":
        return [i for i, n in enumerate(columns) if _NAME_COLUMN.search(n)][:1]
    return []


@rule("TL603", "required-cell-empty", Severity.WARNING,
      "A row leaves its club cell (or a results table's team cell) empty.",
      needs=("tables",))
def required_cell_empty(document: Document) -> Iterator[Hit]:
    """A filled row of a results or entrants table needs its team cells.

    Failing (reported at 2:7)::

        | Tie | Home team | Score | Away team |
        | 10 | | 1–2 | Oak SC |

    Passing::

        | Tie | Home team | Score | Away team |
        | 10 | Elm FC | 1–2 | Oak SC |
    """
    for pointer, table, index, row in _rows(document):
        cells = row["cells"]
        if sum(bool(c) for c in cells) < 2:
            continue
        for column in _required(table):
            if column < len(cells) and not cells[column]:
                yield Hit(f"the {table['columns'][column]!r} cell is empty",
                          f"{pointer}/rows/{index}/cells/{column}")


@rule("TL604", "duplicate-entrant", Severity.WARNING,
      "A team is listed twice in one list, or in two differently labelled lists of a section.",
      needs=("entrants",))
def duplicate_entrant(document: Document) -> Iterator[Hit]:
    """A team cannot take two places in one list, nor be both a division winner and an
    at-large berth. (A bare list of qualified teams followed by a table about them is fine.)

    Failing (reported at 4:3)::

        Entrants
        - Elm FC
        - Oak SC
        - Elm FC

    Passing::

        Entrants
        - Elm FC
        - Oak SC
    """
    spans = scopes.sections(document.data)
    seen: dict[tuple[int, str], dict[str, Any]] = {}
    for index, entrant in scopes.team_entrants(document.data):
        section = scopes.innermost(spans, entrant["line"])
        key = (section.line if section else 0, normalise(entrant["name"]))
        first = seen.get(key)
        if first is None:
            seen[key] = entrant
        elif first["block_line"] == entrant["block_line"] or (
                first["label"] and entrant["label"] and first["label"] != entrant["label"]):
            where = "this list" if first["block_line"] == entrant["block_line"] else \
                repr(first["label"])
            yield Hit(f"{entrant['name']} is already listed in {where} at line {first['line']}",
                      f"/entrants/{index}")


@rule("TL605", "unknown-state-code", Severity.WARNING,
      "A list of US state codes holds a code that is no state.",
      needs=("entrants",))
def unknown_state(document: Document) -> Iterator[Hit]:
    """In a list whose items carry US state (or Canadian province) codes, ``(XZ)`` is none.

    Failing (reported at 3:11)::

        Playoffs
        - Elm FC (OH)
        - Oak SC (XZ)
        - Ash FC (NY)

    Passing::

        Playoffs
        - Elm FC (OH)
        - Oak SC (PA)
        - Ash FC (NY)
    """
    blocks: dict[int, list[tuple[int, dict[str, Any]]]] = {}
    for index, entrant in enumerate(document.data.get("entrants", [])):
        if entrant["state"]:
            blocks.setdefault(entrant["block_line"], []).append((index, entrant))
    valid = US_STATES | CA_PROVINCES
    for items in blocks.values():
        known = sum(e["state"].upper() in valid for _, e in items)
        if len(items) < 2 or known * 2 < len(items):
            continue
        for index, entrant in items:
            if entrant["state"].upper() not in valid:
                yield Hit(f"{entrant['state']!r} ({entrant['name']}) is not a US state code",
                          f"/entrants/{index}/state")


def _season_end(document: Document) -> int | None:
    found = [years(document.data.get("title") or "")]
    infobox = document.data.get("infobox") or {}
    for item in infobox.get("fields", []):
        if item["name"] == "year" and item["value"] is not None:
            found.append(years(str(item["value"])))
    ends = [y[1] for y in found if y]
    return max(ends) if ends else None


@rule("TL606", "year-after-season", Severity.WARNING,
      "An entrant's last appearance is later than the season itself.",
      needs=("entrants",))
def year_after_season(document: Document) -> Iterator[Hit]:
    """A team's previous appearance cannot come after the season the article is about.

    Failing (reported at 4:20)::

        = 2031 Elm Cup =
        Division Winners
        | Club | Division | Last |
        | Elm FC | North | 2032 |

    Passing::

        = 2031 Elm Cup =
        Division Winners
        | Club | Division | Last |
        | Elm FC | North | 2030 |
    """
    end = _season_end(document)
    if end is None:
        return
    for index, entrant in enumerate(document.data.get("entrants", [])):
        last = entrant["last_appearance"]
        if isinstance(last, int) and last > end:
            yield Hit(f"{entrant['name']}: last appearance {last} is after the {end} season",
                      f"/entrants/{index}/last_appearance")
