"""Running scoreline over many files: gathering paths, converting, checking, writing outputs.

Kept apart from the CLI so it can be tested and reused without argument parsing.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .diagnostics import Diagnostic
from .errors import LocatedError, OutputError
from .guard import run_guarded
from .report import FileReport
from .source import InputPolicy, Source

INPUT_SUFFIXES = (".txt", ".wiki", ".wikitext", ".mediawiki")

R = TypeVar("R")


@dataclass(frozen=True)
class Options:
    """Everything a run needs, from the command line or ``[tool.scoreline]``."""

    form: str = "auto"
    policy: InputPolicy = field(default_factory=InputPolicy)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    jobs: int = 1
    schema: str | None = None
    isolate: bool = False


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
    """Parse, validate and check one file; an unreadable file becomes a failed report.

    The file is read here and parsed under ``parser.guard``: its time budget and memory
    ceiling come from ``options.policy``, and a failure of any kind becomes a failed
    report with one finding, so the other files of a batch carry on.
    """
    from .api import read_source

    try:
        source = read_source(path, options.policy)
        return guarded(_check_source, source, options)
    except LocatedError as error:
        return FileReport(path, (error.to_diagnostic(),), failed_input=True)


def convert_one(path: str, options: Options) -> tuple[str | None, FileReport]:
    """The JSON text of one file (None when unreadable) and its parse findings (guarded)."""
    from .api import read_source

    try:
        source = read_source(path, options.policy)
        return guarded(_convert_source, source, options)
    except LocatedError as error:
        return None, FileReport(path, (error.to_diagnostic(),), failed_input=True)


def guarded(function: Callable[[Source, Options], R], source: Source, options: Options) -> R:
    """``function(source, options)`` under the policy's time budget and memory ceiling."""
    policy = options.policy
    if options.isolate:
        _load_once(options.schema)
    return run_guarded(function, source, options, path=source.path, seconds=policy.seconds,
                       memory_mib=policy.memory_mib, isolate=options.isolate)


@functools.cache
def _load_once(schema: str | None) -> None:
    """Build the grammars and the schema validator in this process, before any fork.

    Each file is parsed in a forked child: what the child loads dies with it, so
    everything shared is loaded here first.
    """
    import gc

    from .api import check, parse_source
    from .schema import load_validator
    from .source import from_text

    load_validator(schema)
    warm = "= T =\nInfobox\n- Year: 2031\n== Final ==\n| a | b |\nMay 3\nElm FC 2-1 Oak SC\n"
    check(parse_source(from_text(warm, "<warm-up>"), schema=schema))
    gc.freeze()  # what is loaded now stays out of the collector's way in every child


def _check_source(source: Source, options: Options) -> FileReport:
    from .api import check, parse_source

    document = parse_source(source, form=options.form, schema=options.schema)
    found = check(document, select=options.select, ignore=options.ignore)
    return FileReport(source.path, tuple(found))


def _convert_source(source: Source, options: Options) -> tuple[str, FileReport]:
    from .api import parse_source

    document = parse_source(source, form=options.form, schema=options.schema)
    return document.to_json(), FileReport(source.path, tuple(
        sorted(document.diagnostics, key=Diagnostic.sort_key)))


def fails(report: FileReport, strict: bool) -> bool:
    """Whether a report makes the run fail (errors; warnings too when ``strict``)."""
    limit = 1 if strict else 2
    return any(d.severity.rank >= limit for d in report.diagnostics)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so it is never half-written.

    The file gets the mode a plain ``open`` would give it (or keeps the mode of the file
    it replaces). A failure (no such directory, a full disk, a directory in the way)
    raises ``OutputError`` naming the path and leaves nothing behind.
    """
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            os.fchmod(handle.fileno(), _mode_for(path))
            handle.write(text)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
