"""``scoreline convert --to csv|parquet|jsonl`` through the command line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
HARBOR = SAMPLES / "both" / "harbor_cup.txt"


def scoreline(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "parser", *args], capture_output=True,
                          text=True, check=False)


def test_csv_on_stdout_is_the_matches_table() -> None:
    done = scoreline("convert", str(HARBOR), "--to", "csv")
    assert done.returncode == 0, done.stderr
    table = list(csv.DictReader(io.StringIO(done.stdout, newline="")))
    golden = json.loads((SAMPLES / "both/harbor_cup.expected.json").read_text("utf-8"))
    assert len(table) == sum(len(r["matches"]) for r in golden["rounds"])
    assert table[0]["home"] == "Harbor City" and table[0]["home_pens"] == "4"


def test_parquet_into_a_directory_writes_every_table(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    done = scoreline("convert", str(SAMPLES / "flat"), "--to", "parquet", "-o", f"{tmp_path}/")
    assert done.returncode == 0, done.stderr
    goldens = sorted((SAMPLES / "flat").glob("*.expected.json"))
    expected = sum(len(r["matches"]) for g in goldens
                   for r in json.loads(g.read_text("utf-8"))["rounds"])
    assert pq.read_table(tmp_path / "matches.parquet").num_rows == expected
    for name in ("standings", "entrants", "findings"):
        assert (tmp_path / f"{name}.parquet").exists()


def test_parquet_needs_an_output() -> None:
    done = scoreline("convert", str(HARBOR), "--to", "parquet")
    assert done.returncode == 2 and done.stderr.count("\n") == 1


def test_jsonl_is_one_line_per_document() -> None:
    done = scoreline("convert", str(HARBOR), "--to", "jsonl")
    assert done.returncode == 0 and done.stdout.count("\n") == 1
    assert json.loads(done.stdout)["title"] == "2031 Harbor Cup"
