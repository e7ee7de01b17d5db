"""``scoreline convert``: articles to JSON, on stdout, into a file or one file per input."""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .exit_codes import EXIT_OK, EXIT_USAGE
from .options import run_options


def run(args: argparse.Namespace) -> int:
    import functools

    from ..batch.file_report import lost_convert
    from ..batch.inputs import gather
    from ..batch.outputs import output_names
    from ..batch.pool_stats import PoolStats
    from ..batch.runner import Options, convert_into, convert_line, convert_one, run_files
    from .progress import Progress

    options = run_options(args)
    assert isinstance(options, Options)
    paths = list(gather(args.paths))
    if not paths:
        raise UsageError("no input files found")
    if args.to in ("csv", "parquet"):
        return run_tables(args, paths, options)
    if args.to == "football.txt":
        return run_football(args, paths, options)
    out = Path(args.output) if args.output else None
    to_dir = out is not None and (len(paths) > 1 or out.is_dir())
    names = output_names(paths) if to_dir else {}
    if out is not None:
        prepare_output(out, paths, to_dir, names)
    if to_dir and out is not None:
        function: Any = functools.partial(convert_into, directory=str(out), names=names)
    else:
        function = convert_one if len(paths) == 1 and args.to == "json" else convert_line
    started = time.perf_counter()
    progress = Progress(len(paths))
    status = EXIT_OK
    failed = 0
    stats = PoolStats()
    results = run_files(function, paths, options, lost=lost_convert, stats=stats)
    with contextlib.closing(results):  # leaving early stops the workers at once
        for text, report in results:
            progress.advance()
            if text is None:
                progress.clear()
                print(f"scoreline: {input_line(report)}", file=sys.stderr)
                status = EXIT_USAGE
                failed += 1
            elif out is None:
                write_out(sys.stdout.write, text, progress)
            elif not to_dir:
                from ..batch.outputs import write_atomic

                write_atomic(out, text)
    progress.clear()
    report_deaths(stats)
    if len(paths) > 1:
        print(f"scoreline: {len(paths) - failed} of {len(paths)} files converted "
              f"in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    return status


def report_deaths(stats: Any) -> None:
    """One line on stderr when pool workers died during the run."""
    line = stats.line()
    if line:
        print(f"scoreline: {line}", file=sys.stderr)


def run_tables(args: argparse.Namespace, paths: list[str], options: Any) -> int:
    """``--to csv|parquet``: the matches table to -o FILE (csv: or stdout), or every table
    into -o DIR (an existing directory, or a name ending in /)."""
    from ..export.files import collect, write_all
    from ..export.writers import csv_text

    if args.to == "parquet":
        from ..export.writers import require_pyarrow

        require_pyarrow()
        if not args.output:
            raise UsageError("--to parquet needs -o FILE or -o DIR")
    tables, failed = collect(paths, options)
    for report in failed:
        print(f"scoreline: {input_line(report)}", file=sys.stderr)
    if args.output:
        out = Path(args.output)
        write_all(tables, out, args.to, out.is_dir() or args.output.endswith("/"))
    else:
        sys.stdout.write(csv_text("matches", tables["matches"]))
    return EXIT_USAGE if failed else EXIT_OK


def run_football(args: argparse.Namespace, paths: list[str], options: Any) -> int:
    """``--to football.txt``: each input's rounds in Football.TXT, on stdout or into -o FILE
    (one after another), or one NAME.txt per input into -o DIR (a directory, or a name
    ending in /). An input that cannot be read, or has no rounds, is one line on stderr and
    exit 2; the others are written."""
    from ..batch.outputs import output_names, write_atomic
    from ..batch.runner import run_files
    from ..export.football_txt import football_one, lost_football

    out = Path(args.output) if args.output else None
    to_dir = out is not None and (out.is_dir() or args.output.endswith("/"))
    names = {p: n.removesuffix(".json") + ".txt" for p, n in output_names(paths).items()}
    if out is not None:
        prepare_output(out, paths, to_dir, names)
    texts: list[str] = []
    status = EXIT_OK
    results = run_files(football_one, paths, options, lost=lost_football)
    with contextlib.closing(results):
        for path, (text, refusal, _report) in zip(paths, results, strict=True):
            if text is None:
                print(f"scoreline: {refusal}", file=sys.stderr)
                status = EXIT_USAGE
            elif to_dir and out is not None:
                write_atomic(out / names[path], text)
            else:
                texts.append(text)
    if texts and out is not None and not to_dir:
        write_atomic(out, "\n".join(texts))
    elif texts and out is None:
        sys.stdout.write("\n".join(texts))
    return status


def write_out(write: Any, text: str, progress: Any) -> None:
    if sys.stdout.isatty():
        progress.clear()
    write(text)


def prepare_output(out: Path, paths: list[str], to_dir: bool, names: dict[str, str]) -> None:
    """Refuse an output that would overwrite an input; create an output directory."""
    from ..errors import OutputError

    targets = {out.resolve()} if not to_dir else {(out / names[p]).resolve() for p in paths}
    for path in paths:
        if path != "-" and Path(path).resolve() in targets:
            raise UsageError(f"{path}: the output would overwrite this input; choose another -o")
    if to_dir:
        if out.exists() and not out.is_dir():
            raise OutputError(f"{out}: is a file; with several inputs -o names a directory")
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{out}: cannot create the output directory: "
                              f"{exc.strerror or exc}") from None


def input_line(report: object) -> str:
    from ..batch.file_report import FileReport

    assert isinstance(report, FileReport)
    first = report.diagnostics[0]
    where = report.path if first.line <= 1 and first.column <= 1 else (
        f"{report.path}:{first.line}:{first.column}")
    return f"{where}: {first.message}"
