"""Running scoreline over many files: converting and checking them, one by one or in a pool.

Kept apart from the CLI so it can be tested and reused without argument parsing.
``run_files`` applies a per-file function to many paths, in a process pool when
asked, and yields the results in input order while holding only a bounded
window of them in memory.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ..diagnostics import Diagnostic, Severity
from ..errors import LocatedError
from ..guard import run_guarded
from ..read.source import InputPolicy, Source
from .file_report import FileReport
from .outputs import output_names, write_atomic
from .pool_stats import PoolStats

MIN_FILES_PER_WORKER = 4

R = TypeVar("R")


@dataclass(frozen=True)
class Options:
    """Everything a run needs, from the command line or ``[tool.scoreline]``.

    ``jobs`` is the number of worker processes; 0 means one per usable core.
    """

    form: str = "auto"
    policy: InputPolicy = field(default_factory=InputPolicy)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    jobs: int = 0
    severities: dict[str, Severity] = field(default_factory=dict)
    schema: str | None = None
    isolate: bool = False


def usable_cores() -> int:
    """Cores this process may run on (its CPU affinity, where the platform tells)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def check_one(path: str, options: Options) -> FileReport:
    """Parse, validate and check one file; an unreadable file becomes a failed report.

    The file is read here and parsed under ``parser.guard``: its time budget and memory
    ceiling come from ``options.policy``, and a failure of any kind becomes a failed
    report with one finding, so the other files of a batch carry on.
    """
    from ..api import read_source

    try:
        source = read_source(path, options.policy)
        return guarded(_check_source, source, options)
    except LocatedError as error:
        return FileReport(path, (error.to_diagnostic(),), failed_input=True)


def convert_one(path: str, options: Options) -> tuple[str | None, FileReport]:
    """The JSON text of one file (None when unreadable) and its parse findings (guarded)."""
    return _convert(path, options, "pretty")


def convert_line(path: str, options: Options) -> tuple[str | None, FileReport]:
    """Like ``convert_one``, with the JSON on one compact line (for JSON Lines)."""
    return _convert(path, options, "line")


def convert_into(path: str, options: Options, *, directory: str,
                 names: dict[str, str] | None = None) -> tuple[str | None, FileReport]:
    """Convert one file and write ``DIRECTORY/NAME`` (atomically) where it runs.

    ``NAME`` comes from ``names`` (see ``output_names``), else the input's stem plus
    ``.json``. Returns the written path (None when the input was unreadable) and the
    findings, so a worker process writes its own outputs and sends back only a few bytes.
    """
    text, report = _convert(path, options, "pretty")
    if text is None:
        return None, report
    target = Path(directory) / ((names or {}).get(path) or output_names([path])[path])
    write_atomic(target, text)
    return str(target), report


def _convert(path: str, options: Options, style: str) -> tuple[str | None, FileReport]:
    from ..api import read_source

    try:
        source = read_source(path, options.policy)
        text, report = guarded(_convert_source, source, options, style)
    except LocatedError as error:
        return None, FileReport(path, (error.to_diagnostic(),), failed_input=True)
    return text, report


def guarded(function: Callable[..., R], source: Source, options: Options, *extra: object) -> R:
    """``function(source, options, *extra)`` under the policy's time budget and memory
    ceiling (``parser.guard``); a failure of any kind raises a ``LocatedError``."""
    policy = options.policy
    if options.isolate:
        _load_once(options.schema)
    return run_guarded(function, source, options, *extra, path=source.path,
                       seconds=policy.seconds, memory_mib=policy.memory_mib,
                       isolate=options.isolate)


@functools.cache
def _load_once(schema: str | None) -> None:
    """Build the grammars and the schema validator in this process, before any fork.

    With ``--isolate`` each file is parsed in a forked child: what the child loads dies
    with it, so everything shared is loaded here first.
    """
    import gc

    from ..api import check, parse_source
    from ..read.source import from_text

    warm_up(schema)
    warm = "= T =\nInfobox\n- Year: 2031\n== Final ==\n| a | b |\nMay 3\nElm FC 2-1 Oak SC\n"
    check(parse_source(from_text(warm, "<warm-up>"), schema=schema))
    gc.freeze()  # what is loaded now stays out of the collector's way in every child


def _check_source(source: Source, options: Options) -> FileReport:
    from ..api import check, parse_source

    document = parse_source(source, form=options.form, schema=options.schema)
    found = check(document, select=options.select, ignore=options.ignore,
                  severities=options.severities)
    return FileReport(source.path, tuple(found))


def _convert_source(source: Source, options: Options, style: str) -> tuple[str, FileReport]:
    from ..api import parse_source

    document = parse_source(source, form=options.form, schema=options.schema)
    report = FileReport(source.path, tuple(sorted(document.diagnostics, key=Diagnostic.sort_key)))
    if style == "line":
        import json

        return json.dumps(document.data, ensure_ascii=False, separators=(",", ":")) + "\n", report
    return document.to_json(), report


# ---- many files ------------------------------------------------------------------------


def run_files(function: Callable[[str, Options], R], paths: Sequence[str], options: Options,
              *, jobs: int | None = None, window: int | None = None,
              lost: Callable[[str, str], R] | None = None,
              stats: PoolStats | None = None) -> Generator[R, None, None]:
    """``function(path, options)`` for every path, yielded in input order.

    With more than one job (``jobs``, else ``options.jobs``; 0 means every usable core)
    the calls run in a supervised pool of worker processes (``parser.batch.pool``), a
    chunk of paths per task. At most ``window`` chunks are in flight (default: four per
    worker), so memory stays bounded whatever the number of files, and results stream out
    as soon as the ones before them are done.

    A worker that dies is replaced and the files it held are retried one by one; a file
    whose worker dies twice gets ``lost(path, cause)`` as its result (``file_report.lost_check``
    or ``lost_convert``), or stops the run with ``PoolError`` when ``lost`` is None.
    ``stats`` collects the deaths. Close the iterator (``contextlib.closing``) when
    leaving it early: that stops the workers at once.

    ``function`` must be picklable: a module-level function or a ``functools.partial``
    of one. Standard input (``-``) is always read in this process, and so are fewer than
    ``MIN_FILES_PER_WORKER`` files per worker: starting a pool costs more than it saves.
    """
    count = len(paths)
    wanted = options.jobs if jobs is None else jobs
    workers = min(wanted if wanted > 0 else usable_cores(), count)
    if workers <= 1 or count < MIN_FILES_PER_WORKER * workers or "-" in paths:
        for path in paths:
            yield function(path, options)
        return
    size = chunk_size(count, workers)
    chunks = (paths[i : i + size] for i in range(0, count, size))
    forking = sys.platform.startswith("linux")
    if forking:
        warm_up(options.schema)  # forked workers inherit the loaded grammars and validator
    from .pool import Pool  # multiprocessing: only when a pool runs

    each = functools.partial(_with_options, function, options)
    with Pool(each, workers, initializer=None if forking else warm_up, lost=lost,
              stats=stats) as pool:
        yield from pool.run(chunks, window or workers * 4)


def chunk_size(count: int, workers: int) -> int:
    """Paths per task: about 16 tasks per worker for load balance, 1 to 16 paths each."""
    return max(1, min(16, count // (workers * 16)))


def _with_options(function: Callable[[str, Options], R], options: Options, path: str) -> R:
    return function(path, options)


def warm_up(schema: str | None = None) -> None:
    """Load the grammars and the schema validator now (once per process)."""
    import gc

    from ..grammar.load import fast_date_parser, fast_match_parser
    from ..schema import fast_validator, load_validator

    fast_match_parser()
    fast_date_parser()
    if fast_validator(schema) is None:
        load_validator(schema)
    gc.freeze()  # long-lived objects: out of the collector's way, and shared after fork


def fails(report: FileReport, strict: bool) -> bool:
    """Whether a report makes the run fail (errors; warnings too when ``strict``)."""
    limit = 1 if strict else 2
    return any(d.severity.rank >= limit for d in report.diagnostics)
