"""Writing a table as CSV or Parquet: always a complete file, atomically.

A table is written to a temporary name beside its path and renamed when complete, so a
reader never sees half a file and a failure leaves nothing behind. A table with no rows
is still written, with its full schema (CSV: the header line).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..batch.outputs import write_through
from ..errors import UsageError
from .columns import arrow_schema, columns

WRITERS = ("csv", "parquet")


def write_table(path: str | Path, name: str, rows: Sequence[Mapping[str, Any]],
                form: str) -> None:
    """Write table ``name`` to ``path`` as ``form`` (csv or parquet)."""
    if form == "csv":
        write_csv(path, name, rows)
    elif form == "parquet":
        write_parquet(path, name, rows)
    else:
        raise UsageError(f"unknown table format {form!r}; choose from {', '.join(WRITERS)}")


def write_csv(path: str | Path, name: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """RFC 4180 CSV with a header; null is an empty field, booleans true/false."""
    write_through(Path(path), lambda handle: handle.write(csv_text(name, rows).encode("utf-8")))


def csv_text(name: str, rows: Sequence[Mapping[str, Any]]) -> str:
    names = [c.name for c in columns(name)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([_csv_value(row.get(n)) for n in names])
    return buffer.getvalue()


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_parquet(path: str | Path, name: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Parquet through pyarrow (the ``parquet`` extra), with the table's fixed schema."""
    pa, pq = require_pyarrow()
    schema = arrow_schema(name)
    table = pa.Table.from_pylist([dict(r) for r in rows], schema=schema)
    write_through(Path(path), lambda handle: pq.write_table(table, handle))


def require_pyarrow() -> tuple[Any, Any]:
    """pyarrow and pyarrow.parquet, or a one-line ``UsageError`` saying how to get them."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError("Parquet output needs pyarrow: pip install 'scoreline[parquet]'") \
            from None
    return pa, pq


