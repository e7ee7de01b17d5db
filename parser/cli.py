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

from ._version import __version__
from .errors import ScorelineError, UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_OUTPUT, EXIT_PIPE = 3, 141

_CONVERT_EXAMPLE = """examples:
  scoreline convert article.txt                 # pretty JSON on stdout
  scoreline convert a.txt b.txt > all.jsonl     # several files: JSON Lines
  scoreline convert samples/ -o out/            # one .json per input into out/
  cat article.txt | scoreline convert -
"""
_CHECK_EXAMPLE = """examples:
  scoreline check article.txt
  scoreline check samples/ --output-format json
"""


def _parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="scoreline",
        description="Parse and validate football competition articles.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit codes: 0 ok, 1 failing findings, 2 usage or input error, 3 output error, "
               "130 interrupted, 141 output closed early",
    )
    top.add_argument("--version", action="version", version=_version_text())
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--from", dest="form", choices=("auto", "flat", "wikitext"),
                       default="auto", help="input form (default: auto-detect)")
        p.add_argument("--max-bytes", type=int, default=None, metavar="N",
                       help="refuse inputs larger than N bytes (default 16 MiB; 0: no limit)")
        _limits(p)

    conv = sub.add_parser("convert", help="convert articles to JSON", epilog=_CONVERT_EXAMPLE,
                          formatter_class=argparse.RawDescriptionHelpFormatter)
    conv.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or -")
    conv.add_argument("-o", "--output", metavar="OUT",
                      help="output file (one input) or directory (one .json per input)")
    common(conv)

    chk = sub.add_parser("check", help="validate articles and report discrepancies",
                         epilog=_CHECK_EXAMPLE,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    chk.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or -")
    chk.add_argument("--output-format", default="text", choices=("text", "json"),
                     help="how to print findings (default: text)")
    chk.add_argument("--select", default="", metavar="CODES",
                     help="comma-separated codes or prefixes to report")
    chk.add_argument("--ignore", default="", metavar="CODES",
                     help="comma-separated codes or prefixes to leave out")
    chk.add_argument("--strict", action="store_true", help="warnings fail the run too")
    common(chk)

    sub.add_parser("schema", help="print the JSON Schema of the output",
                   epilog="example:\n  scoreline schema > scoreline.schema.json",
                   formatter_class=argparse.RawDescriptionHelpFormatter)
    return top


def _limits(p: argparse.ArgumentParser) -> None:
    from .source import DEFAULT_MAX_LINE_CHARS, DEFAULT_MEMORY_MIB, DEFAULT_SECONDS

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
    from .source import DEFAULT_MAX_BYTES, InputPolicy

    max_bytes = DEFAULT_MAX_BYTES if args.max_bytes is None else args.max_bytes
    for flag, value in (("--max-bytes", max_bytes), ("--max-line-chars", args.max_line_chars),
                        ("--timeout", args.timeout), ("--max-memory", args.max_memory)):
        if not value >= 0:  # also refuses NaN
            raise UsageError(f"{flag} must be 0 (no limit) or more")
    if 0 < args.max_memory < 64:
        raise UsageError("--max-memory is in MiB and must be at least 64 (or 0: no limit)")
    if args.schema is not None:
        from .schema import load_validator

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

    from .wiki import c_tokenizer

    tokenizer = "C tokenizer" if c_tokenizer() else (
        "pure-Python tokenizer: its C extension did not load, parsing is slower")
    return (f"scoreline {__version__} (Python {platform.python_version()}; "
            f"mwparserfromhell {of('mwparserfromhell')} with its {tokenizer}; "
            f"lark {of('lark')}; jsonschema {of('jsonschema')})")


def _codes(text: str) -> tuple[str, ...]:
    return tuple(part.strip().upper() for part in text.split(",") if part.strip())


def _options(args: argparse.Namespace) -> object:
    from .runner import Options
    from .source import InputPolicy

    policy = _policy(args)
    assert isinstance(policy, InputPolicy)
    return Options(
        form=args.form, policy=policy,
        select=_codes(getattr(args, "select", "")), ignore=_codes(getattr(args, "ignore", "")),
        strict=getattr(args, "strict", False), schema=args.schema,
        isolate=args.isolate,
    )


def _convert(args: argparse.Namespace) -> int:
    from .runner import Options, convert_one, gather, write_atomic

    options = _options(args)
    assert isinstance(options, Options)
    paths = list(gather(args.paths))
    if not paths:
        raise UsageError("no input files found")
    out = Path(args.output) if args.output else None
    to_dir = out is not None and (len(paths) > 1 or out.is_dir())
    if out is not None:
        _prepare_output(out, paths, to_dir)
    status = EXIT_OK
    for path in paths:
        text, report = convert_one(path, options)
        if text is None:
            print(f"scoreline: {_input_line(report)}", file=sys.stderr)
            status = EXIT_USAGE
            continue
        if out is None:
            sys.stdout.write(_as_output(text, len(paths)))
        elif to_dir:
            name = "stdin" if path == "-" else Path(path).stem
            write_atomic(out / f"{name}.json", text)
        else:
            write_atomic(out, text)
    return status


def _prepare_output(out: Path, paths: list[str], to_dir: bool) -> None:
    """Refuse an output that would overwrite an input; create an output directory."""
    from .errors import OutputError

    targets = {out.resolve()} if not to_dir else {
        (out / f"{'stdin' if p == '-' else Path(p).stem}.json").resolve() for p in paths}
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


def _as_output(text: str, count: int) -> str:
    if count == 1:
        return text
    import json

    return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":")) + "\n"


def _input_line(report: object) -> str:
    from .report import FileReport

    assert isinstance(report, FileReport)
    first = report.diagnostics[0]
    where = report.path if first.line <= 1 and first.column <= 1 else (
        f"{report.path}:{first.line}:{first.column}")
    return f"{where}: {first.message}"


def _check(args: argparse.Namespace) -> int:
    from .formats import renderer
    from .report import Summary
    from .runner import Options, check_one, fails, gather

    options = _options(args)
    assert isinstance(options, Options)
    paths = list(gather(args.paths))
    if not paths:
        raise UsageError("no input files found")
    started = time.perf_counter()
    reports = [check_one(path, options) for path in paths]
    summary = Summary.of(reports, time.perf_counter() - started)
    color = args.output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    render = renderer(args.output_format)
    sys.stdout.write(render(reports, summary, color=color) if args.output_format == "text"
                     else render(reports, summary))
    if any(r.failed_input for r in reports):
        return EXIT_USAGE
    return EXIT_FINDINGS if any(fails(r, options.strict) for r in reports) else EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from .resources import schema_path

    sys.stdout.write(schema_path().read_text(encoding="utf-8"))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``scoreline`` console script."""
    _closed_streams()
    handlers = {"convert": _convert, "check": _check, "schema": _schema}
    try:
        args = _parser().parse_args(argv)
        if args.command in ("convert", "check"):
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
    from .wiki import c_tokenizer

    if not c_tokenizer():
        print("scoreline: warning: mwparserfromhell's C tokenizer did not load; using its "
              "pure-Python tokenizer, which is much slower", file=sys.stderr)


class _ClosedStream:
    """Stands in for a standard stream that was closed before the program started."""

    def __init__(self, name: str) -> None:
        self.name = name

    def write(self, text: str) -> int:
        from .errors import OutputError

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
