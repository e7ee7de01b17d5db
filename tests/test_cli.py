"""The command line: convert, check, schema; exit codes; one-line errors; --help examples."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from parser.cli.main import main

from .conftest import SAMPLES, SEED


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "parser", *args], input=stdin,
                          capture_output=True, timeout=60, check=False)


def test_convert_prints_schema_valid_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "2017 U.S. Open Cup qualification"
    assert len(data["rounds"]) == 2


def test_convert_several_files_is_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(p) for p in (SAMPLES / "flat").glob("0[12]*.txt"))
    assert main(["convert", *files]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == files


def test_convert_to_directory(tmp_path: Path) -> None:
    files = sorted(str(p) for p in (SAMPLES / "flat").glob("0[12]*.txt"))
    assert main(["convert", *files, "-o", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "01_cup_basic.json", "02_results_tables.json"]


def test_convert_stdin() -> None:
    result = run("convert", "-", stdin=b"= T =\n==Final==\nElm FC 2-1 Oak SC\n")
    assert result.returncode == 0
    assert json.loads(result.stdout)["rounds"][0]["matches"][0]["away"] == "Oak SC"


def test_python_dash_m_and_console_script_are_the_same_program() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith(b"scoreline ")


def test_check_clean_file_exits_zero() -> None:
    result = run("check", str(SAMPLES / "flat" / "01_cup_basic.txt"))
    assert result.returncode == 0, result.stdout


def test_check_json_output_shape() -> None:
    result = run("check", "--output-format", "json", str(SAMPLES / "flat" / "07_truncated_bom.txt"))
    data = json.loads(result.stdout)
    finding = data["files"][0]["discrepancies"][0]
    assert {"code", "severity", "message", "line", "column", "pointer"} <= set(finding)
    assert data["summary"]["files"] == 1


def test_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("convert", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert result.stderr.decode().strip() == f"scoreline: {tmp_path / 'nope.txt'}: no such file"
    assert b"Traceback" not in result.stderr


def test_invalid_utf8_is_one_line_with_offset(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"= T =\nab\xffc\n")
    result = run("convert", str(bad))
    assert result.returncode == 2
    assert result.stderr.decode().strip() == (
        f"scoreline: {bad}:2:3: invalid UTF-8 at byte offset 8 (invalid start byte; bytes ff 63 0a)")
    assert result.stdout == b""


def test_output_is_not_left_half_written_on_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00")
    out = tmp_path / "out.json"
    assert run("convert", str(bad), "-o", str(out)).returncode == 2
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


def test_usage_error_exit_2() -> None:
    assert run("convert").returncode == 2
    assert run("frobnicate").returncode == 2


@pytest.mark.parametrize("command", ["convert", "check", "schema"])
def test_help_shows_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0 and b"example" in result.stdout


def test_schema_command_prints_the_schema() -> None:
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["$schema"].endswith("2020-12/schema") and schema["$id"]
