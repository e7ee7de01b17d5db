"""``scoreline check``: parse, validate and check; print findings; the exit code gates CI."""

from __future__ import annotations

import argparse
import os
import sys
import time

from ..errors import UsageError
from .convert import write_out
from .exit_codes import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from .options import output_format, settings


def run(args: argparse.Namespace) -> int:
    from collections import Counter

    from ..batch.file_report import FileReport, Summary
    from ..batch.runner import Options, check_one, fails, gather, run_files
    from ..formats import renderer
    from .progress import Progress

    options, configured = settings(args)
    assert isinstance(options, Options)
    paths = list(gather(args.paths))
    if not paths:
        raise UsageError("no input files found")
    started = time.perf_counter()
    name = output_format(args.output_format, configured)
    color = name == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    stream = name == "text"
    progress = Progress(len(paths))
    kept: list[FileReport] = []
    counts: Counter[str] = Counter()
    failed_input = failing = False
    for report in run_files(check_one, paths, options):
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
