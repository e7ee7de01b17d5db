"""What the command loads to start: only what the command it runs uses.

Asserted on ``sys.modules`` of a fresh interpreter (never on time): ``scoreline check`` of a
flat file without wiki markup loads no wikitext reader, report, dump, export, mwparserfromhell,
Lark, Jinja2, pyarrow, pure-Python jsonschema or (for the seed) rapidfuzz; building the argument
parser for one command parses a line running it as the whole parser does.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from parser.cli.arguments import HELP, build_parser, command_of
from parser.markup.plain import is_plain

from .conftest import ROOT, SEED

NEVER_FOR_A_PLAIN_FLAT_CHECK = (
    "mwparserfromhell", "lark", "jinja2", "markupsafe", "pyarrow", "jsonschema", "mwxml",
    "importlib.metadata", "multiprocessing", "parser.wikitext", "parser.report", "parser.dump",
    "parser.export", "parser.cli.report", "parser.cli.dump", "parser.cli.reference",
    "parser.explain", "parser.formats.json_format", "parser.formats.sarif",
    "rapidfuzz",  # the seed's new names in later rounds are nowhere near the earlier ones
)


def _modules_after(code: str, tmp_path: Path, *args: str) -> set[str]:
    out = tmp_path / "modules.json"
    script = (f"import sys, json\n{code}\n"
              f"open({str(out)!r}, 'w').write(json.dumps(sorted(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    assert out.exists(), done.stderr
    return set(json.loads(out.read_text()))


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(f"{n}.") for n in names))


def test_check_of_a_plain_flat_file_loads_only_what_it_uses(tmp_path: Path) -> None:
    assert is_plain(SEED.read_text(encoding="utf-8"))
    modules = _modules_after("from parser.cli.main import main\nstatus = main(sys.argv[1:])",
                             tmp_path, "check", str(SEED))
    assert "parser.checks.registry" in modules and "parser.flat.reader" in modules
    assert _loaded(modules, NEVER_FOR_A_PLAIN_FLAT_CHECK) == []


def test_flat_markup_still_loads_the_tokenizer(tmp_path: Path) -> None:
    sample = ROOT / "samples" / "flat" / "06_no_infobox_noise.txt"
    assert not is_plain(sample.read_text(encoding="utf-8"))
    modules = _modules_after("from parser.cli.main import main\nstatus = main(sys.argv[1:])",
                             tmp_path, "check", str(sample))
    assert "mwparserfromhell" in modules and "parser.wikitext" not in modules


def test_importing_the_command_loads_no_stage(tmp_path: Path) -> None:
    modules = _modules_after("import parser.cli.main", tmp_path)
    assert _loaded(modules, ("parser.checks", "parser.model", "parser.flat", "parser.markup",
                             "parser.batch", "parser.schema", "argparse", "jsonschema_rs",
                             "mwparserfromhell", "rapidfuzz")) == []


def test_the_tokenizer_check_can_answer_without_loading_it(tmp_path: Path) -> None:
    modules = _modules_after("from parser.markup.tokenizer import c_tokenizer\n"
                             "answer = c_tokenizer(load=False)\n"
                             "assert answer == c_tokenizer(load=True)\n", tmp_path)
    assert "mwparserfromhell" in modules  # loaded by the second call only
    quiet = _modules_after("from parser.markup.tokenizer import c_tokenizer\n"
                           "assert c_tokenizer(load=False)\n", tmp_path)
    assert "mwparserfromhell" not in quiet


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    choices: dict[str, argparse.ArgumentParser] = action.choices  # type: ignore[assignment]
    return choices


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    return _subparsers(parser)[name]


LINES = [
    ["convert", "a.txt", "-o", "out/", "--to", "csv", "--jobs", "2"],
    ["check", "a.txt", "b/", "--select", "CO,PR", "--strict", "--output-format", "sarif"],
    ["rules", "PR201"], ["rules", "--markdown"],
    ["report", "a.txt", "-o", "pages/", "--timeout", "3"],
    ["dump", "d.xml.bz2", "-o", "out/", "--max-bytes", "10"],
    ["schema"],
]


@pytest.mark.parametrize("argv", LINES, ids=[line[0] for line in LINES])
def test_a_parser_built_for_one_command_parses_and_helps_as_the_whole(argv: list[str]) -> None:
    command = command_of(argv)
    assert command == argv[0]
    one, whole = build_parser(command), build_parser()
    assert one.parse_args(argv) == whole.parse_args(argv)
    assert _subparser(one, command).format_help() == _subparser(whole, command).format_help()
    assert set(_subparsers(one)) == {command} and set(_subparsers(whole)) == set(HELP)


@pytest.mark.parametrize(("argv", "command"), [
    (["check", "a.txt", "--strict"], "check"), (["--version", "rules"], "rules"),
    ([], None), (["-h", "rules"], None), (["--help"], None), (["chek", "x"], "chek"),
])
def test_the_command_is_the_first_word_that_is_no_option(argv: list[str],
                                                         command: str | None) -> None:
    assert command_of(argv) == command
    if command not in HELP:  # unknown, missing or help asked for: every command is built
        assert set(_subparsers(build_parser(command))) == set(HELP)
