"""The adapter to ``parser.export``: a page's table rows, and a partition's files.

``parser.export`` owns the flat tables (their schemas, one row per match, standings row,
entrant and finding) and the writers; this module only names what ``dump`` uses of it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic

TABLES = ("matches", "standings", "entrants", "findings")
DOCUMENTS = "documents"


def page_rows(document: Mapping[str, Any] | None, findings: Sequence[Diagnostic],
              page: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows a page adds to each table (every name of ``TABLES`` is a key)."""
    from ..export import rows

    tables = rows(document, findings, page)
    return {name: list(tables.get(name, ())) for name in TABLES}


def write_table(path: Path, name: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Write one table's rows as Parquet at ``path`` (a temporary name: the caller renames)."""
    from ..export import write_parquet

    write_parquet(path, name, rows)
