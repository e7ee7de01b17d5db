"""``scoreline report PATH... -o DIR``: one HTML page per input, and an index for several.

Pages are rendered (and written, atomically) where each file is parsed, in worker
processes for large batches; the index is written last, from the counts that come back.
An input that cannot be read or converted gets a page with its one finding and a one-line
message on standard error, and the run exits 2; findings themselves never fail a report.
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import OutputError, UsageError
from .exit_codes import EXIT_OK, EXIT_USAGE

EXAMPLE = """examples:
  scoreline report article.txt -o report/        # report/article.html
  scoreline report samples/ -o report/           # one page per file and report/index.html
  scoreline report 'dump/**/*.txt' -o report/ --jobs 2 --ignore PA
"""


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the ``report`` command to the top-level parser's subcommands."""
    rep = sub.add_parser("report", help="write an HTML report page per article",
                         epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    rep.add_argument("paths", nargs="+", metavar="PATH",
                     help="files, directories, glob patterns ('**' recurses) or -")
    rep.add_argument("-o", "--output", metavar="DIR", required=True,
                     help="directory for the pages (NAME.html per input, index.html for several)")
    rep.add_argument("--select", default=None, metavar="CODES",
                     help="comma-separated codes or prefixes to report")
    rep.add_argument("--ignore", default=None, metavar="CODES",
                     help="comma-separated codes or prefixes to leave out (wins over --select)")
    rep.add_argument("--config", metavar="FILE",
                     help="read [tool.scoreline] from FILE instead of the nearest pyproject.toml")
    rep.add_argument("--timestamp", action="store_true",
                     help="write the time of the run on every page (off: pages are reproducible)")
    common(rep)


def run(args: argparse.Namespace) -> int:
    """Write the pages and the index; 0, or 2 when an input could not be converted."""
    from ..batch.inputs import gather
    from ..batch.runner import Options, run_files
    from ..report.pipeline import (
        INDEX,
        PageReport,
        index_page,
        page_names,
        timestamp_now,
        write_page,
    )
    from .options import run_options
    from .progress import Progress

    options = run_options(args)
    assert isinstance(options, Options)
    paths = list(gather(args.paths))
    if not paths:
        raise UsageError("no input files found")
    out = Path(args.output)
    names = page_names(paths)
    _prepare(out, paths, names)
    stamp = timestamp_now() if args.timestamp else None
    if len(paths) > 1:
        from ..report.render import warm_up

        warm_up()  # before the pool forks: the workers inherit the compiled templates
    function = functools.partial(write_page, directory=str(out), names=names, timestamp=stamp)
    started = time.perf_counter()
    progress = Progress(len(paths))
    reports: list[PageReport] = []
    for report in run_files(function, paths, options):
        progress.advance()
        reports.append(report)
        if report.failed_input:
            progress.clear()
            first = report.diagnostics[0]
            print(f"scoreline: {report.path}: {first.message}", file=sys.stderr)
    progress.clear()
    if len(paths) > 1:
        from ..batch.outputs import write_atomic

        write_atomic(out / INDEX, index_page(reports, names, timestamp=stamp))
    failed = sum(r.failed_input for r in reports)
    where = out / INDEX if len(paths) > 1 else out / names[paths[0]]
    print(f"scoreline: {len(paths)} page{'s' if len(paths) != 1 else ''} written to {where} "
          f"in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    return EXIT_USAGE if failed else EXIT_OK


def _prepare(out: Path, paths: list[str], names: dict[str, str]) -> None:
    """Refuse a page that would overwrite an input; create the output directory."""
    from ..report.pipeline import INDEX

    targets = {(out / names[p]).resolve() for p in paths} | {(out / INDEX).resolve()}
    for path in paths:
        if path != "-" and Path(path).resolve() in targets:
            raise UsageError(f"{path}: a page would overwrite this input; choose another -o")
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: is a file; -o names a directory for the pages")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the output directory: "
                          f"{exc.strerror or exc}") from None
