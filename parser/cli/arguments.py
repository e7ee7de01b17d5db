"""The command line's arguments: one sub-parser per command, with examples."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .._version import __version__
from ..read.forms import FORMS

_CONVERT_EXAMPLE = """examples:
  scoreline convert article.txt                 # pretty JSON on stdout
  scoreline convert a.txt b.txt > all.jsonl     # several files: JSON Lines
  scoreline convert samples/ -o out/            # one .json per input into out/
  scoreline convert 'dump/**/*.txt' -o out/ --jobs 4
  cat article.txt | scoreline convert -
  scoreline convert samples/ --to csv > matches.csv
  scoreline convert samples/ --to parquet -o tables/   # tables/matches.parquet ...
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


class _VersionAction(argparse.Action):
    """``--version``: the versions are looked up only when asked (importlib.metadata is slow
    to import, and every other run would pay for it)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        sys.stdout.write(version_text() + "\n")
        parser.exit()


# what ``scoreline --help`` says of each command
HELP = {
    "convert": "convert articles to JSON",
    "check": "validate articles and report discrepancies",
    "rules": "list the finding codes, or explain one",
    "report": "write an HTML report page per article",
    "dump": "convert the football pages of MediaWiki XML dumps into JSON Lines and Parquet "
            "tables",
    "schema": "print the JSON Schema of the output",
}


def command_of(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs: its first word that is not an option (None: none, or a
    ``--help`` before it, which lists every command)."""
    for word in argv:
        if word in ("-h", "--help"):
            return None
        if not word.startswith("-"):
            return word
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser. With ``command`` (one of ``HELP``), it has that command's
    sub-parser only: all that parsing a line running ``command`` needs (its own ``--help``
    included), for a fraction of the cost; otherwise every command's."""
    top = argparse.ArgumentParser(
        prog="scoreline",
        description="Parse and validate football competition articles.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit codes: 0 ok, 1 failing findings, 2 usage or input error, 3 output error, "
               "4 the run could not finish (or a dump partition was refused), "
               "129/143 stopped by SIGHUP/SIGTERM, 130 interrupted, "
               "141 output closed early",
    )
    top.add_argument("--version", action=_VersionAction, nargs=0,
                     help="show the versions in use and exit")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name, add in _SUBPARSERS.items():
        if command not in HELP or name == command:
            add(sub)
    return top


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="form", choices=FORMS,
                   default="auto", help="input form (default: auto-detect)")
    p.add_argument("--max-bytes", type=int, default=None, metavar="N",
                   help="refuse inputs larger than N bytes (default 16 MiB; 0: no limit)")
    p.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="worker processes for several files (default 0: one per core)")
    add_limits(p)


def _convert(sub: Any) -> None:
    conv = sub.add_parser("convert", help=HELP["convert"], epilog=_CONVERT_EXAMPLE,
                          formatter_class=argparse.RawDescriptionHelpFormatter)
    conv.add_argument("paths", nargs="+", metavar="PATH",
                      help="files, directories, glob patterns ('**' recurses) or -")
    conv.add_argument("-o", "--output", metavar="OUT",
                      help="output file (one input) or directory (one .json per input)")
    conv.add_argument("--to", choices=("json", "jsonl", "csv", "parquet", "football.txt"),
                      default="json",
                      help="json (default), jsonl (one line per document), the flat "
                      "tables: csv/parquet write the matches table, or every table into "
                      "-o DIR (see docs/tables.md); or football.txt: the rounds in "
                      "openfootball's Football.TXT")
    _common(conv)


def _check(sub: Any) -> None:
    from ..formats import FORMAT_NAMES

    chk = sub.add_parser("check", help=HELP["check"], epilog=_CHECK_EXAMPLE,
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
    _common(chk)


def _rules(sub: Any) -> None:
    rules = sub.add_parser("rules", help=HELP["rules"], epilog=_RULES_EXAMPLE,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    rules.add_argument("code", nargs="?", metavar="CODE", help="a code or prefix to explain")
    rules.add_argument("--markdown", action="store_true",
                       help="print the whole rules reference as Markdown")


def _report(sub: Any) -> None:
    from .report import add_parser as add_report

    add_report(sub, _common)


def _dump(sub: Any) -> None:
    from .dump import EXAMPLE as DUMP_EXAMPLE
    from .dump import add_arguments as dump_arguments

    dmp = sub.add_parser("dump", help=HELP["dump"], epilog=DUMP_EXAMPLE,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    dump_arguments(dmp)
    dmp.add_argument("--max-bytes", type=int, default=None, metavar="N",
                     help="pages larger than N bytes become a finding (default 16 MiB)")
    add_limits(dmp)


def _schema(sub: Any) -> None:
    sub.add_parser("schema", help=HELP["schema"],
                   epilog="example:\n  scoreline schema > scoreline.schema.json",
                   formatter_class=argparse.RawDescriptionHelpFormatter)


_SUBPARSERS: dict[str, Callable[[Any], None]] = {
    "convert": _convert, "check": _check, "rules": _rules, "report": _report, "dump": _dump,
    "schema": _schema,
}


def add_limits(p: argparse.ArgumentParser) -> None:
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


def version_text() -> str:
    import platform
    from importlib.metadata import PackageNotFoundError, version

    def of(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "?"

    from ..compiled import build_text
    from ..markup.tokenizer import c_tokenizer

    tokenizer = "C tokenizer" if c_tokenizer() else (
        "pure-Python tokenizer: its C extension did not load, parsing is slower")
    return (f"scoreline {__version__} ({build_text()}; Python {platform.python_version()}; "
            f"mwparserfromhell {of('mwparserfromhell')} with its {tokenizer}; "
            f"lark {of('lark')}; jsonschema {of('jsonschema')})")
