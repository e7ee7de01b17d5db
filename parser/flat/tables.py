"""Flat-form tables: ``| a | b |`` rows become a caption, a header and records.

A table block may hold several tables (side-by-side tables are separated by a
lone ``|`` line). Leaked wikitable markup (``|-``, ``|}``, ``{|``, ``!...``) is
kept as artifacts. Each table gets a role: ``results`` (home / score / away
columns), ``entrants`` (a club or team column) or ``other``.
"""

from __future__ import annotations

import re

from ..markup.wiki import Line
from ..model.results_cells import is_match_row
from ..model.tables import Row, Table

_ARTIFACT = re.compile(r"^\s*(\|-|\|\}|\{\||\|\+|!)")
_HEADER_WORDS = re.compile(
    r"club|team|score|result|tier|date|venue|winner|loser|losing|winning|round|home|away|"
    r"attendance|division|state|best|appearance|leg|tie|notes?|league|region|conference",
    re.IGNORECASE,
)
def split_row(line: Line) -> Row:
    """Split a ``| a | b |`` line into cells; a missing closing pipe marks it truncated."""
    text = line.text
    body_start = text.index("|") + 1
    stripped = text.rstrip()
    truncated = not stripped.endswith("|") or stripped == "|"
    body_end = len(stripped) - 1 if not truncated else len(stripped)
    cells: list[str] = []
    starts: list[int] = []
    pos = body_start
    for piece in text[body_start:max(body_end, body_start)].split("|"):
        lead = len(piece) - len(piece.lstrip())
        cells.append(piece.strip())
        starts.append(pos + lead)
        pos += len(piece) + 1
    return Row(line, cells, starts, truncated)


def _is_caption(row: Row) -> bool:
    filled = [c for c in row.cells if c]
    return len(row.cells) >= 3 and len(filled) == 1 and bool(row.cells[0])


def _is_header_extra(row: Row) -> bool:
    filled = [c for c in row.cells if c]
    return bool(filled) and all(
        _HEADER_WORDS.search(c) and not any(ch.isdigit() for ch in c) for c in filled
    )


def parse_tables(lines: list[Line], label: Line | None = None) -> list[Table]:
    """Parse one table block into tables."""
    tables: list[Table] = []
    current = Table([], label=label)
    for line in lines:
        stripped = line.text.strip()
        if stripped == "|":
            current.lines.append(line)
            current.artifacts.append(line)
            tables.append(current)
            current = Table([])
            continue
        current.lines.append(line)
        if _ARTIFACT.match(line.text) or not stripped.startswith("|"):
            current.artifacts.append(line)
            continue
        row = split_row(line)
        if current.header is None and current.caption is None and _is_caption(row):
            current.caption = row
        elif current.header is None and not current.rows and is_match_row(row.cells):
            current.rows.append(row)  # the header was lost: a match is no header
        elif current.header is None and not current.rows:
            current.header = row
        elif not current.rows and _is_header_extra(row):
            current.header_extra.append(row)
        else:
            current.rows.append(row)
    if current.lines:
        tables.append(current)
    return [t for t in tables if t.lines]
