"""The flat tables: rows per sample (counts against the goldens), CSV and Parquet writers."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from parser.diagnostics import Diagnostic, Severity
from parser.export import TABLE_NAMES, columns, csv_text, rows, write_csv, write_parquet

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
GOLDENS = sorted(SAMPLES.glob("*/*.expected.json"))


@pytest.mark.parametrize("golden", GOLDENS, ids=lambda p: p.name)
def test_rows_match_the_golden_counts(golden: Path) -> None:
    document = json.loads(golden.read_text(encoding="utf-8"))
    tables = rows(document, [], None)
    assert set(tables) == set(TABLE_NAMES)
    expected_matches = sum(len(r["matches"]) for r in document["rounds"])
    assert len(tables["matches"]) == expected_matches
    assert len(tables["entrants"]) == len(document["entrants"])
    assert len(tables["standings"]) == sum(len(t["rows"]) for t in document.get("standings", []))
    for name, table in tables.items():
        for row in table:
            assert list(row) == [c.name for c in columns(name)]
            assert row["path"] == document["source"]["path"]
            assert row["page_id"] is None


def test_harbor_cup_rows_by_hand() -> None:
    document = json.loads((SAMPLES / "both/harbor_cup.expected.json").read_text("utf-8"))
    finding = Diagnostic("PR201", Severity.WARNING, "a, \"quoted\"\nmessage", 31, 7)
    tables = rows(document, [finding], {"title": "2031 Harbor Cup", "page_id": 7,
                                        "revision_id": 9, "timestamp": "2031-05-03T12:00:00Z"})
    first = tables["matches"][0]
    assert (first["round"], first["home"], first["away"]) == ("First round", "Harbor City",
                                                              "Brick Lane FC")
    assert (first["home_pens"], first["away_pens"], first["page_id"]) == (4, 3, 7)
    semi = tables["matches"][2]
    assert semi["aet"] is True and str(semi["date_iso"]) == "2031-04-04"
    assert len(tables["entrants"]) == 6 and tables["standings"] == []
    assert tables["findings"][0]["end_line"] == 31 and tables["findings"][0]["rev_id"] == 9


def test_a_failed_document_still_gives_its_findings() -> None:
    finding = Diagnostic("IN004", Severity.ERROR, "no such file", 1)
    tables = rows(None, [finding], {"title": "T", "page_id": 1, "revision_id": 2,
                                    "timestamp": None})
    assert len(tables["findings"]) == 1 and tables["matches"] == []


def test_csv_quotes_commas_quotes_and_newlines(tmp_path: Path) -> None:
    row = {c.name: None for c in columns("matches")}
    row.update(home='Elm, "The Oaks"\nFC', away="Oak SC", aet=False, home_score=2)
    path = tmp_path / "matches.csv"
    write_csv(path, "matches", [row])
    read = list(csv.DictReader(io.StringIO(path.read_text("utf-8"), newline="")))
    assert read[0]["home"] == 'Elm, "The Oaks"\nFC'
    assert read[0]["aet"] == "false" and read[0]["home_score"] == "2" and read[0]["date"] == ""


def test_empty_tables_keep_their_schema(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    for name in TABLE_NAMES:
        write_parquet(tmp_path / f"{name}.parquet", name, [])
        table = pq.read_table(tmp_path / f"{name}.parquet")
        assert table.num_rows == 0
        assert table.schema.names == [c.name for c in columns(name)]
        assert csv_text(name, []).strip() == ",".join(c.name for c in columns(name))


def test_parquet_round_trip(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    document = json.loads((SAMPLES / "both/harbor_cup.expected.json").read_text("utf-8"))
    tables = rows(document, [], None)
    path = tmp_path / "matches.parquet"
    write_parquet(path, "matches", tables["matches"])
    assert pq.read_table(path).to_pylist() == tables["matches"]


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    bad = [{"home_score": "not a number"}]
    with pytest.raises(Exception):  # noqa: B017 - pyarrow's own conversion error
        write_parquet(tmp_path / "matches.parquet", "matches", bad)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("form", ["csv", "parquet"])
def test_tables_get_the_mode_a_plain_open_gives(tmp_path: Path, form: str) -> None:
    # written through a private temporary file (0600), the table must not stay private
    old = os.umask(0o022)
    try:
        path = tmp_path / f"matches.{form}"
        (write_csv if form == "csv" else write_parquet)(path, "matches", [])
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
