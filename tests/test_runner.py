"""Many files: globs, --jobs (a process pool with results in input order), progress, summary."""

from __future__ import annotations

import functools
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from parser.batch.inputs import gather
from parser.batch.runner import Options, check_one, chunk_size, convert_into, run_files
from parser.cli.main import main
from parser.cli.progress import Progress
from parser.errors import UsageError

from .conftest import ROOT, SAMPLES

FLAT = sorted(str(p) for p in (SAMPLES / "flat").glob("*.txt"))


def _path_length(path: str, options: Options) -> tuple[str, int]:
    return path, len(Path(path).read_bytes())


def test_glob_patterns_expand_sorted_and_recursive(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    for name in ("a/2.txt", "a/1.txt", "b.txt", "c.wiki"):
        (tmp_path / name).write_text("= T =\n", encoding="utf-8")
    assert list(gather([str(tmp_path / "**" / "*.txt")])) == [
        str(tmp_path / "a" / "1.txt"), str(tmp_path / "a" / "2.txt"), str(tmp_path / "b.txt")]
    assert list(gather([str(tmp_path / "?.wiki")])) == [str(tmp_path / "c.wiki")]


def test_glob_matching_a_directory_expands_it_and_duplicates_are_dropped(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / "d" / "y.json").write_text("{}", encoding="utf-8")
    x = str(tmp_path / "d" / "x.txt")
    assert list(gather([str(tmp_path / "d*"), x])) == [x]


def test_glob_matching_nothing_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no files match"):
        list(gather([str(tmp_path / "*.txt")]))


def test_a_file_whose_name_has_glob_characters_is_taken_as_is(tmp_path: Path) -> None:
    odd = tmp_path / "[draft].txt"
    odd.write_text("x", encoding="utf-8")
    assert list(gather([str(odd)])) == [str(odd)]


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_results_come_back_in_input_order(jobs: int) -> None:
    paths = FLAT * 7
    got = list(run_files(_path_length, paths, Options(), jobs=jobs, window=2))
    assert [path for path, _ in got] == paths
    assert got == [_path_length(p, Options()) for p in paths]


def test_pool_reports_equal_serial_reports() -> None:
    serial = list(run_files(check_one, FLAT, Options(), jobs=1))
    pooled = list(run_files(check_one, FLAT, Options(), jobs=2))
    assert serial == pooled


def _pid(path: str, options: Options) -> int:
    import os

    return os.getpid()


def test_a_wrapped_per_file_function_runs_in_the_workers(tmp_path: Path) -> None:
    function = functools.partial(convert_into, directory=str(tmp_path))
    results = list(run_files(function, FLAT, Options(), jobs=2))
    assert [Path(written).name for written, _ in results if written] == [
        Path(p).stem + ".json" for p in FLAT]
    import os

    assert os.getpid() not in set(run_files(_pid, FLAT, Options(), jobs=2))


def test_a_few_files_run_in_this_process() -> None:
    import os

    assert set(run_files(_pid, FLAT[:7], Options(), jobs=2)) == {os.getpid()}


def test_chunks_are_small_enough_to_balance_the_workers() -> None:
    assert chunk_size(1, 2) == 1
    assert chunk_size(1000, 2) == 16
    assert chunk_size(100, 2) == 3


def test_check_jobs_output_equals_serial_output(tmp_path: Path) -> None:
    def run(jobs: str) -> tuple[int, list[str]]:
        result = subprocess.run([sys.executable, "-m", "parser", "check", "--jobs", jobs,
                                 str(SAMPLES)], capture_output=True, text=True, cwd=ROOT,
                                timeout=120, check=False)
        lines = result.stdout.splitlines()
        assert " files checked: " in lines[-1] and lines[-1].endswith(" s")
        return result.returncode, lines[:-1]

    assert run("1") == run("2")


def test_check_summary_counts_equal_serial_counts(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--output-format", "json", "--jobs", "1", *FLAT])
    serial = json.loads(capsys.readouterr().out)
    main(["check", "--output-format", "json", "--jobs", "2", *FLAT])
    pooled = json.loads(capsys.readouterr().out)
    assert pooled == serial and pooled["summary"]["files"] == len(FLAT)


def test_convert_many_with_jobs_is_json_lines_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "--jobs", "2", *FLAT]) == 0
    captured = capsys.readouterr()
    assert [json.loads(line)["source"]["path"] for line in captured.out.splitlines()] == FLAT
    assert f"{len(FLAT)} of {len(FLAT)} files converted" in captured.err


def test_negative_jobs_is_a_usage_error() -> None:
    assert main(["check", "--jobs", "-1", FLAT[0]]) == 2


def test_progress_draws_only_on_a_terminal() -> None:
    quiet = io.StringIO()
    bar = Progress(3, quiet)
    bar.advance(3)
    assert quiet.getvalue() == ""
    shown = io.StringIO()
    bar = Progress(3, shown, force=True)
    bar.advance(3)
    bar.clear()
    assert "3/3 files" in shown.getvalue() and shown.getvalue().endswith("\r\033[K")
