"""The ``scoreline`` command: arguments -> ``Options`` -> runner -> output -> exit code.

Exit codes (README "Exit codes"): 0 no failing findings; 1 findings that fail
(errors, or warnings with --strict); 2 usage error, or an input that could not be
read or converted; 3 an output that could not be written; 130 interrupted;
141 output closed early (``| head``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._version import __version__
from ..errors import ScorelineError, UsageError
from ..formats import FORMAT_NAMES

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_OUTPUT, EXIT_PIPE = 3, 141

_CONVERT_EXAMPLE = """examples:
  scoreline convert article.txt                 # pretty JSON on stdout
  scoreline convert a.txt b.txt > all.jsonl     # several files: JSON Lines
  scoreline convert samples/ -o out/            # one .json per input into out/
  scoreline convert 'dump/**/*.txt' -o out/ --jobs 4
  cat article.txt | scoreline convert -
"""
_CHECK_EXAMPLE = """examples:
  scoreline check article.txt
  scoreline check samples/ --output-format json
  scoreline check samples/ --select CO,PR --ignore PR205 --strict
  scoreline check samples/ --output-format sarif > scoreline.sarif
  scoreline check 'dump/**/*.txt' --jobs 2      # a glob, two worker processes

settings can also live in [tool.scoreline] of the nearest pyproject.toml
(select, ignore, strict, output-format, severity); the command line wins.
Under GitHub Actions (GITHUB_ACTIONS=true) the default format is github.
"""
_RULES_EXAMPLE = """examples:
  scoreline rules                 # every code with its default severity
  scoreline rules PR201           # what one code checks, with examples
  scoreline rules --markdown > docs/rules.md
"""


def _parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="scoreline",
        description="Parse and validate football competition articles.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit codes: 0 ok, 1 failing findings, 2 usage or input error, 3 output error, "
               "4 a dump partition was refused, 130 interrupted, 141 output closed early",
    )
    top.add_argument("--version", action="version", version=_version_text())
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--from", dest="form", choices=("auto", "flat", "wikitext"),
                       default="auto", help="input form (default: auto-detect)")
        p.add_argument("--max-bytes", type=int, default=None, metavar="N",
                       help="refuse inputs larger than N bytes (default 16 MiB; 0: no limit)")
        p.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                       help="worker processes for several files (default 0: one per core)")
        _limits(p)

    conv = sub.add_parser("convert", help="convert articles to JSON", epilog=_CONVERT_EXAMPLE,
                          formatter_class=argparse.RawDescriptionHelpFormatter)
    conv.add_argument("paths", nargs="+", metavar="PATH",
                      help="files, directories, glob patterns ('**' recurses) or -")
    conv.add_argument("-o", "--output", metavar="OUT",
                      help="output file (one input) or directory (one .json per input)")
    common(conv)

    chk = sub.add_parser("check", help="validate articles and report discrepancies",
                         epilog=_CHECK_EXAMPLE,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    chk.add_argument("paths", nargs="+", metavar="PATH",
                     help="files, directories, glob patterns ('**' recurses) or -")
    chk.add_argument("--output-format", default=None, choices=FORMAT_NAMES,
                     help="how to print findings (default: text, or github under GitHub "
                     "Actions)")
    chk.add_argument("--select", default=None, metavar="CODES",
                     help="comma-separated codes or prefixes to report")
    chk.add_argument("--ignore", default=None, metavar="CODES",
                     help="comma-separated codes or prefixes to leave out (wins over --select)")
    chk.add_argument("--strict", action=argparse.BooleanOptionalAction, default=None,
                     help="warnings fail the run too")
    chk.add_argument("--config", metavar="FILE",
                     help="read [tool.scoreline] from FILE instead of the nearest pyproject.toml")
    common(chk)

    rules = sub.add_parser("rules", help="list the finding codes, or explain one",
                           epilog=_RULES_EXAMPLE,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    rules.add_argument("code", nargs="?", metavar="CODE", help="a code or prefix to explain")
    rules.add_argument("--markdown", action="store_true",
                       help="print the whole rules reference as Markdown")

    from . import dump as dump_command

    dmp = sub.add_parser("dump", help="convert the football pages of MediaWiki XML dumps "
                         "into JSON Lines and Parquet tables", epilog=dump_command.EXAMPLE,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    dump_command.add_arguments(dmp)
    dmp.add_argument("--max-bytes", type=int, default=None, metavar="N",
                     help="skip pages larger than N bytes with a finding (default 16 MiB)")
    _limits(dmp)

    sub.add_parser("schema", help="print the JSON Schema of the output",
                   epilog="example:\n  scoreline schema > scoreline.schema.json",
                   formatter_class=argparse.RawDescriptionHelpFormatter)
    return top


def _limits(p: argparse.ArgumentParser) -> None:
    from ..read.source import DEFAULT_MAX_LINE_CHARS, DEFAULT_MEMORY_MIB, DEFAULT_SECONDS

    p.add_argument("--max-line-chars", type=int, default=DEFAULT_MAX_LINE_CHARS, metavar="N",
                   help="keep longer lines as text without parsing them "
                   f"(default {DEFAULT_MAX_LINE_CHARS}; 0: no limit)")
    p.add_argument("--timeout", type=float, default=DEFAULT_SECONDS, metavar="SECONDS",
                   help=f"CPU time budget per file (default {DEFAULT_SECONDS:g}; 0: no limit)")
    p.add_argument("--max-memory", type=int, default=DEFAULT_MEMORY_MIB, metavar="MIB",
                   help="memory ceiling of the process parsing a file "
                   f"(default {DEFAULT_MEMORY_MIB}; 0: no limit)")
    p.add_argument("--isolate", action="store_true",
                   help="parse each file in a forked child process, so that even a crash or "
                   "a hang in compiled code costs only that file (about 20 ms more per file)")
    p.add_argument("--schema", metavar="FILE",
                   help="validate against this JSON Schema instead of the bundled one "
                   "(local $refs only)")


def _policy(args: argparse.Namespace) -> object:
    from ..read.source import DEFAULT_MAX_BYTES, InputPolicy

    max_bytes = DEFAULT_MAX_BYTES if args.max_bytes is None else args.max_bytes
    for flag, value in (("--max-bytes", max_bytes), ("--max-line-chars", args.max_line_chars),
                        ("--timeout", args.timeout), ("--max-memory", args.max_memory)):
        if not value >= 0:  # also refuses NaN
            raise UsageError(f"{flag} must be 0 (no limit) or more")
    if 0 < args.max_memory < 64:
        raise UsageError("--max-memory is in MiB and must be at least 64 (or 0: no limit)")
    if args.schema is not None:
        from ..schema import load_validator

        load_validator(args.schema)  # a bad schema stops the run before any file is read
    return InputPolicy(max_bytes=max_bytes, max_line_chars=args.max_line_chars,
                       seconds=args.timeout, memory_mib=args.max_memory)


def _version_text() -> str:
    import platform
    from importlib.metadata import PackageNotFoundError, version

    def of(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "?"

    from ..markup.wiki import c_tokenizer

    tokenizer = "C tokenizer" if c_tokenizer() else (
        "pure-Python tokenizer: its C extension did not load, parsing is slower")
    return (f"scoreline {__version__} (Python {platform.python_version()}; "
            f"mwparserfromhell {of('mwparserfromhell')} with its {tokenizer}; "
            f"lark {of('lark')}; jsonschema {of('jsonschema')})")




def _codes(text: str | None, where: str) -> tuple[str, ...] | None:
    from .config import codes

    return None if text is None else codes(text.split(","), where)


def _options(args: argparse.Namespace) -> object:
    """The run's ``Options`` from the command line (and, for ``check``, the configuration)."""
    return _settings(args)[0]


def _settings(args: argparse.Namespace) -> tuple[object, str | None]:
    from ..batch.runner import Options
    from ..read.source import InputPolicy
    from .config import Config, discover

    policy = _policy(args)
    assert isinstance(policy, InputPolicy)
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (one per core) or more")
    checking = args.command == "check"
    config = discover(args.config) if checking else Config()
    select = _codes(getattr(args, "select", None), "--select")
    ignore = _codes(getattr(args, "ignore", None), "--ignore")
    strict = getattr(args, "strict", None)
    return Options(
        form=args.form, policy=policy,
        select=select if select is not None else config.select or (),
        ignore=ignore if ignore is not None else config.ignore or (),
        strict=strict if strict is not None else bool(config.strict),
        severities=dict(config.severity), jobs=args.jobs, schema=args.schema,
        isolate=args.isolate,
    ), config.output_format


def output_format(explicit: str | None, configured: str | None) -> str:
    """The command line's format, else the configured one, else github under GitHub Actions,
    else text."""
    if explicit:
        return explicit
    if configured:
        return configured
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _convert(args: argparse.Namespace) -> int:
    import functools

    from ..batch.runner import (
        Options,
        convert_into,
        convert_line,
        convert_one,
        gather,
        output_names,
        run_files,
    )
    from .progress import Progress

    options = _options(args)
    assert isinstance(options, Options)
    paths = list(gather(args.paths))
    if not paths:
        raise UsageError("no input files found")
    out = Path(args.output) if args.output else None
    to_dir = out is not None and (len(paths) > 1 or out.is_dir())
    names = output_names(paths) if to_dir else {}
    if out is not None:
        _prepare_output(out, paths, to_dir, names)
    if to_dir and out is not None:
        function: Any = functools.partial(convert_into, directory=str(out), names=names)
    else:
        function = convert_one if len(paths) == 1 else convert_line
    started = time.perf_counter()
    progress = Progress(len(paths))
    status = EXIT_OK
    failed = 0
    for text, report in run_files(function, paths, options):
        progress.advance()
        if text is None:
            progress.clear()
            print(f"scoreline: {_input_line(report)}", file=sys.stderr)
            status = EXIT_USAGE
            failed += 1
        elif out is None:
            _write_out(sys.stdout.write, text, progress)
        elif not to_dir:
            from ..batch.runner import write_atomic

            write_atomic(out, text)
    progress.clear()
    if len(paths) > 1:
        print(f"scoreline: {len(paths) - failed} of {len(paths)} files converted "
              f"in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    return status


def _write_out(write: Any, text: str, progress: Any) -> None:
    if sys.stdout.isatty():
        progress.clear()
    write(text)


def _prepare_output(out: Path, paths: list[str], to_dir: bool, names: dict[str, str]) -> None:
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


def _input_line(report: object) -> str:
    from ..batch.file_report import FileReport

    assert isinstance(report, FileReport)
    first = report.diagnostics[0]
    where = report.path if first.line <= 1 and first.column <= 1 else (
        f"{report.path}:{first.line}:{first.column}")
    return f"{where}: {first.message}"


def _check(args: argparse.Namespace) -> int:
    from collections import Counter

    from ..batch.file_report import FileReport, Summary
    from ..batch.runner import Options, check_one, fails, gather, run_files
    from ..formats import renderer
    from .progress import Progress

    options, configured = _settings(args)
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

            _write_out(sys.stdout.write, render_report(report, color=color), progress)
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


def _rules(args: argparse.Namespace) -> int:
    from . import explain

    if args.markdown:
        sys.stdout.write(explain.markdown())
    elif args.code:
        sys.stdout.write(explain.explain(args.code))
    else:
        sys.stdout.write(explain.table())
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from ..resources import schema_path

    sys.stdout.write(schema_path().read_text(encoding="utf-8"))
    return EXIT_OK


def _dump(args: argparse.Namespace) -> int:
    from . import dump as dump_command

    return dump_command.run(args, _policy(args))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``scoreline`` console script."""
    _closed_streams()
    handlers = {"convert": _convert, "check": _check, "schema": _schema, "rules": _rules,
                "dump": _dump}
    try:
        args = _parser().parse_args(argv)
        if args.command in ("convert", "check", "dump"):
            _warn_slow_tokenizer()
        status = handlers[args.command](args)
        sys.stdout.flush()
        return status
    except ScorelineError as error:
        print(f"scoreline: {_one_line(str(error))}", file=sys.stderr)
        if error.exit_code == EXIT_OUTPUT:
            _discard_stdout()
        return error.exit_code
    except KeyboardInterrupt:
        print("scoreline: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_PIPE
    except OSError as exc:  # writing the output failed: a full disk, a closed stream, ...
        where = getattr(exc, "filename", None) or "standard output"
        print(f"scoreline: cannot write {where}: {exc.strerror or exc}", file=sys.stderr)
        _discard_stdout()
        return EXIT_OUTPUT


def _one_line(text: str, limit: int = 1000) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _warn_slow_tokenizer() -> None:
    from ..markup.wiki import c_tokenizer

    if not c_tokenizer():
        print("scoreline: warning: mwparserfromhell's C tokenizer did not load; using its "
              "pure-Python tokenizer, which is much slower", file=sys.stderr)


class _ClosedStream:
    """Stands in for a standard stream that was closed before the program started."""

    def __init__(self, name: str) -> None:
        self.name = name

    def write(self, text: str) -> int:
        from ..errors import OutputError

        raise OutputError(f"{self.name} is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _closed_streams() -> None:
    if sys.stdout is None:
        sys.stdout = _ClosedStream("standard output")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _discard_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
