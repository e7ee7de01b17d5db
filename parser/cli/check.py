"""``scoreline check``: parse, validate and check; print findings; the exit code gates CI."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from typing import Any

from ..errors import UsageError
from .convert import report_deaths, write_out
from .exit_codes import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from .options import output_format, settings


def run(args: argparse.Namespace) -> int:
    from collections import Counter

    from ..batch.file_report import FileReport, Summary, lost_check
    from ..batch.inputs import gather
    from ..batch.pool_stats import PoolStats
    from ..batch.runner import Options, check_one, fails, run_files
    from ..formats import renderer
    from .progress import Progress

    options, configured = settings(args)
    assert isinstance(options, Options)
    paths = list(gather(args.paths))
    if not paths:
        raise UsageError("no input files found")
    started = time.perf_counter()
    name = output_format(args.output_format, configured)
    function: Any = check_one
    if name == "html":  # the page needs the document: render it where the file is parsed
        from ..formats.html import ONE_FILE
        from ..report.pipeline import check_page

        if len(paths) != 1:
            raise UsageError(ONE_FILE)
        function = check_page
    color = name == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    stream = name == "text"
    progress = Progress(len(paths))
    kept: list[FileReport] = []
    counts: Counter[str] = Counter()
    failed_input = failing = False
    stats = PoolStats()
    results = run_files(function, paths, options, lost=lost_check, stats=stats)
    with contextlib.closing(results):  # leaving early stops the workers at once
        for report in results:
            progress.advance()
            counts.update(d.severity.value for d in report.diagnostics)
            counts["input_errors"] += report.failed_input
            failed_input = failed_input or report.failed_input
            failing = failing or fails(report, options.strict)
            if not stream:
                kept.append(report)
            elif report.diagnostics:
                from ..formats.text import render_report

                write_out(sys.stdout.write, render_report(report, color=color), progress)
    progress.clear()
    report_deaths(stats)
    summary = Summary(len(paths), {s: counts[s] for s in ("error", "warning", "info")},
                      counts["input_errors"], time.perf_counter() - started)
    if stream:
        from ..formats.text import render_summary

        sys.stdout.write(render_summary(summary))
    else:
        sys.stdout.write(renderer(name)(kept, summary, color=color, strict=options.strict))
    if failed_input:
        return EXIT_USAGE
    return EXIT_FINDINGS if failing else EXIT_OK
