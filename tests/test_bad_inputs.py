"""The bad-input corpus (tests/bad_inputs/MANIFEST) and the pathological inputs generated
here, each run through ``scoreline check`` in its own process with a hard timeout, as
cmark's pathological tests do; then the command line's own failure modes.

Every run must end within its time limit, with the exit code and findings the corpus names,
at most one line on stderr and never a traceback. The processes run two at a time (the
machine has two cores); a module fixture starts the selected ones up front.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from parser.api import check, parse
from parser.model.coverage import uncovered_lines

from .conftest import ROOT, SAMPLES, SEED

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
HARD_TIMEOUT = 120  # seconds of wall clock for one process: past it, the run is a hang


@dataclass(frozen=True)
class Case:
    """One input: committed (``file``) or generated (``make``), and what must happen."""

    name: str
    exits: frozenset[int]
    codes: tuple[str, ...] = ()
    args: tuple[str, ...] = ()
    why: str = ""
    make: Callable[[], bytes] | None = field(default=None, compare=False)
    # for i_ cases that may also end at their budget: codes allowed instead of success
    budget_codes: tuple[str, ...] = ()


def _manifest() -> list[Case]:
    cases = []
    for raw in (CORPUS / "MANIFEST").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        name, exits, codes, args, why = (part.strip() for part in raw.split("|", 4))
        cases.append(Case(name, frozenset(int(e) for e in exits.split(",")),
                          tuple(c for c in codes.split(",") if c), tuple(args.split()), why))
    return cases


MATCH = b"Elm FC 2-1 Oak SC\n"
GENERATED = [
    Case("i_10mb_single_line.txt", frozenset({0}), ("PA005",), (),
         "a 10 MB line: kept as text, never parsed",
         lambda: b"= T =\n== Final ==\n" + b"Elm FC 2-1 Oak SC " * 555_556 + b"\n" + MATCH),
    Case("i_million_blank_lines.txt", frozenset({0}), (), (),
         "a million lines, almost all blank",
         lambda: b"= T =\n== Final ==\n" + MATCH + b"\n" * 1_000_000 + MATCH),
    Case("i_million_match_lines.txt", frozenset({0, 2}), (),
         ("--max-bytes", "0", "--timeout", "8", "--max-memory", "512"),
         "a million match lines (18 MB): converted, or stopped cleanly at its budget",
         lambda: b"= T =\n== Final ==\n" + MATCH * 1_000_000, ("PA008", "PA009")),
    Case("i_20000_unclosed_refs.txt", frozenset({0}), ("PA006",), (),
         "20,000 unclosed <ref>, one per line (quadratic in the tokenizer)",
         lambda: b"= T =\n== Final ==\n" + b"<ref>\n" * 20_000 + MATCH),
    Case("i_20000_unclosed_refs_one_line.txt", frozenset({0}), ("PA005",), (),
         "20,000 unclosed <ref> on one line",
         lambda: b"= T =\n== Final ==\n" + b"<ref>" * 20_000 + b"\n" + MATCH),
    Case("i_dense_unclosed_refs.txt", frozenset({0}), ("PA006",), (),
         "lines of 1,998 unclosed <ref>, just under the line-length limit",
         lambda: b"= T =\n" + (b"<ref>" * 1998 + b"\n") * 20 + MATCH),
    Case("i_8000_unclosed_templates.txt", frozenset({0}), ("PA006",), (),
         "8,000 unclosed {{a| (tens of seconds in the tokenizer)",
         lambda: b"= T =\n== Final ==\n" + b"{{a|\n" * 8000 + MATCH),
    Case("i_deep_template_nesting.txt", frozenset({0}), (), (),
         "templates nested 5,000 deep, all closed",
         lambda: b"= T =\n" + b"{{a|\n" * 5000 + b"}}\n" * 5000 + MATCH),
    Case("i_deep_brace_run.txt", frozenset({0}), ("PA005",), (),
         "100,000 '{{' in one line",
         lambda: b"= T =\n" + b"{{" * 100_000 + b"\n" + MATCH),
    Case("i_unclosed_wikitables_flat.txt", frozenset({0}), ("PA006",), ("--from", "flat"),
         "3,000 unclosed '{|' tables read as the flat form (cubic in the tokenizer)",
         lambda: b"= T =\n" + b"{|\n|-\n| a\n" * 3000 + MATCH),
    Case("i_unclosed_wikitables.txt", frozenset({0, 1, 2}), (), ("--timeout", "10"),
         "3,000 unclosed '{|' tables, form detected: any clean answer in time",
         lambda: b"{|\n|-\n| a\n" * 3000),
    Case("i_unclosed_tags_without_gt.txt", frozenset({0}), ("PA006",), (),
         "tags that never get their '>'",
         lambda: b"= T =\n" + (b"<a " * 3000 + b"\n") * 10 + MATCH),
    Case("i_whitespace_run.txt", frozenset({0}), (), (),
         "200,000 blank and whitespace lines (quadratic form-detection regexes)",
         lambda: b" \t\n" * 100_000 + b"\n" * 100_000 + MATCH),
    Case("i_long_sentence.txt", frozenset({0}), (), (),
         "a 9,000-character sentence of 'were A, B and C' without a full stop",
         lambda: b"= T =\n" + b"Teams were Elm FC, Oak SC and Ash FC " * 240 + b"\n" + MATCH),
    Case("i_million_zero_width.txt", frozenset({0}), (), (),
         "a million zero-width spaces",
         lambda: b"= T =\n" + ("Elm\u200b FC 2-1 Oak SC" + "\u200b" * 9000 + "\n").encode()
         * 110 + MATCH),
    Case("i_dense_tags_over_budget.txt", frozenset({2}), ("PA008",), ("--timeout", "1"),
         "400,000 closed tags: over a 1 s budget, stopped with a finding",
         lambda: b"= T =\n" + b"<b>x</b>\n" * 400_000),
    Case("i_dense_tags_over_budget_isolated.txt", frozenset({2}), ("PA008",),
         ("--timeout", "1", "--isolate"), "the same in a forked child",
         lambda: b"= T =\n" + b"<b>x</b>\n" * 400_000),
    Case("n_over_max_bytes.txt", frozenset({2}), ("IN003",), (),
         "17 MiB: refused before decoding", lambda: b"x\n" * (17 * 512 * 1024)),
]
CASES = [*_manifest(), *GENERATED]
IDS = [case.name for case in CASES]


@dataclass(frozen=True)
class Run:
    returncode: int | None  # None: killed at HARD_TIMEOUT
    stdout: str
    stderr: str
    seconds: float


STAGE_CODES = "IN,PA,SC,WT"


def _run(case: Case, directory: Path) -> Run:
    path = CORPUS / case.name
    if case.make is not None:
        path = directory / case.name
        path.write_bytes(case.make())
    # the corpus is about reading and parsing: the discrepancy checks (CO, PR, MA, ...) would
    # only add findings about the made-up matches, so the stage codes alone are selected
    command = [sys.executable, "-m", "parser", "check", "--output-format", "json",
               "--select", STAGE_CODES, *case.args, str(path)]
    started = time.monotonic()
    try:
        done = subprocess.run(command, capture_output=True, timeout=HARD_TIMEOUT, check=False,
                              cwd=ROOT)
    except subprocess.TimeoutExpired as expired:
        return Run(None, "", (expired.stderr or b"").decode(errors="replace"),
                   time.monotonic() - started)
    finally:
        if case.make is not None:
            path.unlink()
    return Run(done.returncode, done.stdout.decode(errors="replace"),
               done.stderr.decode(errors="replace"), time.monotonic() - started)


@pytest.fixture(scope="module")
def runs(request: pytest.FixtureRequest,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Future[Run]]]:
    """Start every selected case, two processes at a time; tests wait for their own."""
    selected = {item.callspec.params["case"].name for item in request.session.items
                if hasattr(item, "callspec") and "case" in item.callspec.params}
    directory = tmp_path_factory.mktemp("generated")
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {case.name: pool.submit(_run, case, directory)
                   for case in CASES if case.name in selected}
        _STARTED.update(futures)
        yield futures
    _STARTED.clear()


# The cases above run in background threads. A test that runs the CLI in this process
# lowers RLIMIT_AS (the in-process memory ceiling) for the whole process while it parses,
# and a case process spawned meanwhile would inherit that ceiling (its exec then fails
# with EFAULT, or it runs out of memory early): every other test waits for the cases.
_STARTED: dict[str, Future[Run]] = {}


@pytest.fixture(autouse=True)
def _cases_settled(request: pytest.FixtureRequest) -> None:
    if "case" not in getattr(getattr(request.node, "callspec", None), "params", {}):
        for future in list(_STARTED.values()):
            future.result()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_bad_input(case: Case, runs: dict[str, Future[Run]]) -> None:
    run = runs[case.name].result()
    assert run.returncode is not None, f"{case.name}: no answer within {HARD_TIMEOUT} s"
    assert "Traceback" not in run.stderr, run.stderr
    assert run.stderr.count("\n") <= 1, run.stderr
    assert run.returncode in case.exits, (run.returncode, run.stdout[-2000:], run.stderr)
    report = json.loads(run.stdout)
    found = [d["code"] for f in report["files"] for d in f["discrepancies"]]
    if case.budget_codes and run.returncode == 2:
        assert set(found) & set(case.budget_codes), [
            (d["code"], d["message"]) for f in report["files"] for d in f["discrepancies"]]
        return
    for code in case.codes:
        assert code in found, (case.name, found)
    if case.name.startswith("n_"):
        assert found[0] == case.codes[0] and report["summary"]["input_errors"] == 1
    if case.name.startswith("y_"):
        assert not any(d["severity"] == "error" for f in report["files"]
                       for d in f["discrepancies"])


# What some accepted inputs must turn into: (home, home score, away score, away) per match.
EXPECTED_MATCHES = {
    "y_cr_only_headings.txt": [("Elm FC", 2, 1, "Oak SC")] * 2,
    "y_crlf.txt": [("Elm FC", 2, 1, "Oak SC")],
    "y_utf16le_bom.txt": [("Élan FC", 2, 1, "Oak SC")],
    "y_zero_width_heading.txt": [("Elm FC", 2, 1, "Oak SC")],
    "y_nbsp_and_thin_spaces.txt": [("Elm FC", 2, 1, "Oak SC")],
    "y_soft_hyphen_and_bidi_marks.txt": [("Elm FC", 2, 1, "Oak SC")],
    "y_nfd_names.txt": [("La M\u00e1quina FC", 2, 1, "Oak SC")],
    "y_huge_score_is_not_a_score.txt": [("Birch FC", 2, 1, "Oak SC")],
    "y_negative_score.txt": [("Birch FC", 3, 1, "Oak SC")],
    "y_non_ascii_digits.txt": [("Cedar FC", 3, 1, "Oak SC")],
    "y_dash_variants.txt": [(f"Team{i} FC", 2, 1, "Oak SC") for i in range(7)],
    "y_5000_digit_numbers.txt": [],
    "y_team_names_digits_dashes.txt": [
        ("MF 10", 2, 0, "Oak SC"), ("FC Tacoma 253", 1, 0, "Portland Reds 2"),
        ("Sounders FC U-23", 3, 1, "L.A. Wolves FC"), ("IPS/Marathon Taverna", 0, 4, "Harpo's FC"),
        ("Saint-Étienne B", 1, 1, "Racing-Club 92")],
    "y_truncated_table.txt": [("Elm Town", 2, 1, "Oak Rovers")],
}
EXPECTED_HEADINGS = {
    "y_cr_only_headings.txt": ["2031 Elm Cup", "Final", "Replay"],
    "y_bom_then_heading.txt": ["Final"],
    "y_zero_width_heading.txt": ["Final"],
    "y_utf8_bom.txt": ["2031 Elm Cup", "Final"],
}
ACCEPTED = sorted(p.name for p in CORPUS.glob("[yi]_*.txt"))


def _headings(sections: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    for section in sections:
        if section["level"]:
            out.append(section["title"])
        out.extend(_headings(section["children"]))
    return out


@pytest.mark.parametrize("name", ACCEPTED)
def test_accepted_inputs_convert_completely(name: str) -> None:
    document = parse((CORPUS / name).read_bytes(), name, form="flat")
    assert uncovered_lines(document, check(document)) == []
    data = document.data
    matches = [(m["home"], m["home_score"], m["away_score"], m["away"])
               for r in data["rounds"] for m in r["matches"]]
    if name in EXPECTED_MATCHES:
        assert matches == EXPECTED_MATCHES[name]
    if name in EXPECTED_HEADINGS:
        assert _headings(data["sections"]) == EXPECTED_HEADINGS[name]
    for entrant in data["entrants"]:
        assert entrant["name"] == "La M\u00e1quina FC" or entrant["name"].isascii()
    assert all(isinstance(m["home_score"], (int, type(None))) and
               (m["home_score"] is None or 0 <= m["home_score"] <= 999) for r in data["rounds"]
               for m in r["matches"])


def test_the_manifest_names_every_corpus_file() -> None:
    listed = {case.name for case in _manifest()}
    on_disk = {p.name for p in CORPUS.glob("*.txt")}
    assert listed == on_disk
    assert all(case.name[:2] in ("y_", "n_", "i_") for case in CASES)


# ---- a batch over samples and corpus -------------------------------------------------


def _cli(*args: str, stdin: Any = None, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "parser", *args], capture_output=True,
                          text=True, timeout=HARD_TIMEOUT, check=False, stdin=stdin, **kwargs)


def test_a_batch_reports_each_bad_file_and_converts_the_good_ones(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    for path in [*SAMPLES.rglob("*.txt"), *CORPUS.glob("*.txt")]:
        shutil.copy(path, batch / path.name)
    (batch / "i_slow.txt").write_bytes(b"= T =\n" + b"<b>x</b>\n" * 200_000)
    out = tmp_path / "out"
    result = _cli("convert", str(batch), "-o", str(out), "--timeout", "1")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    *per_file, summary = result.stderr.splitlines()
    assert re.fullmatch(r"scoreline: \d+ of \d+ files converted in [0-9.]+ s", summary)
    refused = sorted(line.removeprefix("scoreline: ").split(":")[0].rsplit("/", 1)[-1]
                     for line in per_file)
    assert refused == sorted([*(p.name for p in CORPUS.glob("n_*.txt")), "i_slow.txt"])
    converted = sorted(p.name for p in out.iterdir())
    expected = sorted(p.stem + ".json" for p in batch.iterdir()
                      if p.name not in refused)
    assert converted == expected
    from parser.schema import load_validator

    for path in out.iterdir():
        assert list(load_validator().iter_errors(json.loads(path.read_text("utf-8")))) == []
    checked = _cli("check", str(batch), "--output-format", "json", "--timeout", "1")
    report = json.loads(checked.stdout)
    assert checked.returncode == 2 and report["summary"]["input_errors"] == len(refused)
    assert report["summary"]["files"] == len(list(batch.iterdir()))


# ---- the command line's own failure modes ------------------------------------------


def test_missing_file_and_empty_directory(tmp_path: Path) -> None:
    missing = _cli("check", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "IN004" in missing.stdout and "no such file" in missing.stdout
    empty = _cli("convert", str(tmp_path))
    assert (empty.returncode, empty.stderr) == (2, "scoreline: no input files found\n")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    dangling = _cli("convert", str(tmp_path / "dangling.txt"))
    assert dangling.stderr == f"scoreline: {tmp_path / 'dangling.txt'}: no such file\n"
    from parser.api import read_source
    from parser.errors import InputError

    with pytest.raises(InputError, match="is a directory") as info:
        read_source(tmp_path)
    assert info.value.code == "IN004"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads unreadable files")
def test_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("= T =\n", encoding="utf-8")
    locked.chmod(0)
    result = _cli("convert", str(locked))
    assert result.returncode == 2 and result.stderr == f"scoreline: {locked}: permission denied\n"


def test_device_that_never_ends_is_refused_as_too_large() -> None:
    result = _cli("convert", "/dev/zero", "--max-bytes", "1000")
    assert result.returncode == 2 and "more than 1000 bytes" in result.stderr


def test_output_path_problems(tmp_path: Path) -> None:
    single = _cli("convert", str(SEED), "-o", str(tmp_path / "no" / "such" / "x.json"))
    assert single.returncode == 3 and single.stderr.startswith("scoreline: cannot write ")
    into_dir = _cli("convert", str(SEED), "-o", str(tmp_path))
    assert into_dir.returncode == 0 and (tmp_path / f"{SEED.stem}.json").exists()
    a_file = tmp_path / "file.json"
    a_file.write_text("{}", encoding="utf-8")
    several = _cli("convert", str(SEED), str(SEED.with_name("x.txt")), "-o", str(a_file))
    assert several.returncode == 3 and "with several inputs -o names a directory" in several.stderr
    copy = tmp_path / "in.txt"
    shutil.copy(SEED, copy)
    same = _cli("convert", str(copy), "-o", str(copy))
    assert same.returncode == 2 and "would overwrite this input" in same.stderr
    assert copy.read_bytes() == SEED.read_bytes()
    assert not [p for p in tmp_path.rglob(".*.tmp")]


def test_stdin_closed_and_stdout_closed() -> None:
    stdin = _cli("convert", "-", stdin=subprocess.DEVNULL, pass_fds=())
    assert stdin.returncode == 0  # an empty stdin is an empty document
    closed_in = subprocess.run(f"{sys.executable} -m parser convert - <&-", shell=True,
                               capture_output=True, text=True, timeout=60, check=False)
    assert (closed_in.returncode, closed_in.stderr) == (
        2, "scoreline: -: standard input is closed\n")
    closed_out = subprocess.run(f"{sys.executable} -m parser convert {SEED} >&-", shell=True,
                                capture_output=True, text=True, timeout=60, check=False)
    assert (closed_out.returncode, closed_out.stderr) == (
        3, "scoreline: standard output is closed\n")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["convert", "check"])
def test_full_disk(command: str) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "parser", command, str(SAMPLES / "flat")],
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
                                check=False)
    assert result.returncode == 3
    assert result.stderr == "scoreline: cannot write standard output: No space left on device\n"


def test_full_disk_leaves_no_half_written_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from parser.cli.main import main

    real_fdopen = os.fdopen

    class Full:
        """An output file on a full disk: the first write fails with ENOSPC."""

        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def fileno(self) -> int:
            return int(self.handle.fileno())

        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: Full(real_fdopen(fd, *a, **k)))
    out = tmp_path / "out.json"
    assert main(["convert", str(SEED), "-o", str(out)]) == 3
    assert capsys.readouterr().err == f"scoreline: cannot write {out}: No space left on device\n"
    assert list(tmp_path.iterdir()) == []


def test_output_piped_into_head() -> None:
    result = subprocess.run(
        f"{sys.executable} -m parser convert {SAMPLES} | head -c 10 > /dev/null; "
        "echo ${PIPESTATUS[0]}", shell=True, executable="/bin/bash", capture_output=True,
        text=True, timeout=120, check=False)
    assert result.stdout.strip() == "141" and result.stderr == ""


def test_ctrl_c_exits_130_with_one_line(tmp_path: Path) -> None:
    slow = tmp_path / "slow.txt"
    slow.write_bytes(b"= T =\n" + b"<b>x</b>\n" * 400_000)
    process = subprocess.Popen([sys.executable, "-m", "parser", "convert", str(slow), "-o",
                                str(tmp_path / "out.json")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2.0)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130 and err == "scoreline: interrupted\n", (process.returncode, err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slow.txt"]


def test_version_names_the_tokenizer_and_a_fallback_is_warned_about() -> None:
    version = _cli("--version")
    assert version.returncode == 0 and "with its C tokenizer" in version.stdout
    code = ("import mwparserfromhell.parser as p; p.use_c = False; import sys; "
            "from parser.cli.main import main; sys.exit(main(sys.argv[1:]))")
    fallback = subprocess.run([sys.executable, "-c", code, "check", "--select", STAGE_CODES,
                               str(SEED)], cwd=ROOT,
                              capture_output=True, text=True, timeout=120, check=False)
    assert fallback.returncode == 0
    assert fallback.stderr.startswith("scoreline: warning: mwparserfromhell's C tokenizer")
    slow_version = subprocess.run([sys.executable, "-c", code, "--version"], cwd=ROOT,
                                  capture_output=True, text=True, timeout=60, check=False)
    assert "pure-Python tokenizer" in slow_version.stdout
