"""``scoreline convert --to csv|parquet``: the tables of many input files.

Each file is parsed and checked under the per-file guard (``batch.runner.guarded``) and
turned into rows in the worker; the parent collects them in input order and writes the
matches table to one file, or every table into a directory (``DIR/matches.parquet`` ...).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..batch.file_report import FileReport
from ..batch.runner import Options, guarded, run_files
from ..diagnostics import Diagnostic
from ..errors import LocatedError
from .columns import TABLE_NAMES
from .rows import Row, rows
from .writers import write_table


def tables_one(path: str, options: Options) -> tuple[dict[str, list[Row]] | None, FileReport]:
    """One file's table rows (None when unreadable) and its findings (parse and checks)."""
    from ..api import read_source

    try:
        source = read_source(path, options.policy)
        return guarded(_tables_source, source, options)
    except LocatedError as error:
        return None, FileReport(path, (error.to_diagnostic(),), failed_input=True)


def _tables_source(source: Any, options: Options) -> tuple[dict[str, list[Row]], FileReport]:
    from ..api import check, parse_source

    document = parse_source(source, form=options.form, schema=options.schema)
    found = check(document, select=options.select, ignore=options.ignore,
                  severities=options.severities)
    report = FileReport(source.path, tuple(sorted(found, key=Diagnostic.sort_key)))
    return rows(document.data, found, None), report


def collect(paths: Sequence[str], options: Options
            ) -> tuple[dict[str, list[Row]], list[FileReport]]:
    """Every table's rows over ``paths`` in input order, and the reports of unreadable ones."""
    tables: dict[str, list[Row]] = {name: [] for name in TABLE_NAMES}
    failed: list[FileReport] = []
    for found, report in run_files(tables_one, paths, options):
        if found is None:
            failed.append(report)
            continue
        for name in TABLE_NAMES:
            tables[name].extend(found[name])
    return tables, failed


def write_all(tables: dict[str, list[Row]], out: Path, form: str, directory: bool) -> None:
    """The matches table to ``out``, or every table into the directory ``out``."""
    if not directory:
        write_table(out, "matches", tables["matches"], form)
        return
    out.mkdir(parents=True, exist_ok=True)
    for name in TABLE_NAMES:
        write_table(out / f"{name}.{form}", name, tables[name], form)
