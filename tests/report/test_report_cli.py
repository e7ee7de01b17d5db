"""``scoreline report`` and ``scoreline check --output-format html`` from the command line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from parser.cli import main

from ..conftest import ROOT

FLAT = ROOT / "samples" / "flat"


def test_report_writes_a_page_per_input_and_a_sortable_index(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = [str(FLAT / "09_knockout_errors.txt"), str(FLAT / "03_final_match.txt"),
              str(tmp_path / "missing.txt")]
    out = tmp_path / "out"
    assert main(["report", *inputs, "-o", str(out), "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert "missing.txt: no such file" in err and "3 pages written" in err
    assert sorted(p.name for p in out.iterdir()) == [
        "03_final_match.html", "09_knockout_errors.html", "index.html", "missing.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr class="page[^"]*">(.*?)</tr>', index, re.S)
    assert len(rows) == 3
    assert 'href="09_knockout_errors.html"' in rows[0] and "2031 Carrowmoor County Cup" in rows[0]
    assert re.findall(r'data-value="(\d+)"', rows[0]) == ["4", "7", "0", "15"]
    assert "not converted" in rows[2]
    assert '<button type="button" data-column="2">Errors</button>' in index
    page = (out / "09_knockout_errors.html").read_text(encoding="utf-8")
    assert "generated" not in page and not list(out.glob(".*.tmp"))


def test_one_input_gets_no_index_and_timestamps_only_when_asked(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["report", str(FLAT / "03_final_match.txt"), "-o", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["03_final_match.html"]
    first = (out / "03_final_match.html").read_text(encoding="utf-8")
    assert main(["report", str(FLAT / "03_final_match.txt"), "-o", str(out)]) == 0
    assert (out / "03_final_match.html").read_text(encoding="utf-8") == first
    assert main(["report", str(FLAT / "03_final_match.txt"), "-o", str(out), "--timestamp"]) == 0
    stamped = (out / "03_final_match.html").read_text(encoding="utf-8")
    assert re.search(r"generated \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", stamped)


def test_a_page_named_index_does_not_overwrite_the_index(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(FLAT / "03_final_match.txt", src / "index.txt")
    shutil.copy(FLAT / "06_no_infobox_noise.txt", src / "other.txt")
    assert main(["report", str(src), "-o", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "index.html", "index.txt.html", "other.html"]


def test_report_refuses_a_file_as_output_directory(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    assert main(["report", str(FLAT / "03_final_match.txt"), "-o", str(target)]) == 3
    assert "is a file" in capsys.readouterr().err


def test_check_html_prints_the_page_of_one_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(FLAT / "09_knockout_errors.txt"), "--output-format", "html"]) == 1
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and page.count('<li class="finding') == 11
    assert main(["check", str(FLAT / "09_knockout_errors.txt"), str(FLAT / "03_final_match.txt"),
                 "--output-format", "html"]) == 2
    assert "renders one file" in capsys.readouterr().err
