"""Running scoreline over many files: gathering paths, converting, checking, writing outputs.

Kept apart from the CLI so it can be tested and reused without argument parsing.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, Severity
from .errors import InputError
from .report import FileReport
from .source import InputPolicy

INPUT_SUFFIXES = (".txt", ".wiki", ".wikitext", ".mediawiki")


@dataclass(frozen=True)
class Options:
    """Everything a run needs, from the command line or ``[tool.scoreline]``."""

    form: str = "auto"
    policy: InputPolicy = field(default_factory=InputPolicy)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    jobs: int = 1
    severities: dict[str, Severity] = field(default_factory=dict)


def gather(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories (recursively, input suffixes only, sorted); keep files and ``-``."""
    for name in paths:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(
                str(p) for p in path.rglob("*") if p.is_file() and p.suffix in INPUT_SUFFIXES
            )
            yield from found
        else:
            yield name


def check_one(path: str, options: Options) -> FileReport:
    """Parse, validate and check one file; an unreadable file becomes a failed report."""
    from .api import check, input_error_diagnostic, parse_source, read_source

    try:
        document = parse_source(read_source(path, options.policy), form=options.form)
    except InputError as error:
        return FileReport(path, (input_error_diagnostic(error),), failed_input=True)
    found = check(document, select=options.select, ignore=options.ignore,
                  severities=options.severities)
    return FileReport(path, tuple(found))


def convert_one(path: str, options: Options) -> tuple[str | None, FileReport]:
    """The JSON text of one file (None when unreadable) and its parse findings."""
    from .api import input_error_diagnostic, parse_source, read_source

    try:
        document = parse_source(read_source(path, options.policy), form=options.form)
    except InputError as error:
        return None, FileReport(path, (input_error_diagnostic(error),), failed_input=True)
    return document.to_json(), FileReport(path, tuple(
        sorted(document.diagnostics, key=Diagnostic.sort_key)))


def fails(report: FileReport, strict: bool) -> bool:
    """Whether a report makes the run fail (errors; warnings too when ``strict``)."""
    limit = 1 if strict else 2
    return any(d.severity.rank >= limit for d in report.diagnostics)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so it is never half-written."""
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
