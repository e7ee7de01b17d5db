"""Flat tables (matches, standings, entrants, findings) and their CSV/Parquet writers.

``rows(document, findings, page)`` gives one document's rows per table;
``write_parquet(path, name, rows)`` / ``write_csv`` write a table atomically.
Schemas: ``parser.export.columns`` (documented in docs/tables.md).
"""

from .columns import TABLE_NAMES, arrow_schema, columns
from .rows import rows
from .writers import csv_text, write_csv, write_parquet, write_table

__all__ = ["TABLE_NAMES", "arrow_schema", "columns", "csv_text", "rows", "write_csv",
           "write_parquet", "write_table"]
