"""The outputs are datasets DuckDB, Polars and pyarrow open by folder name, as they are,
with as many rows as the documents hold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from parser.cli import main

from .helpers import TABLES, documents
from .pages import build

duckdb = pytest.importorskip("duckdb")
polars = pytest.importorskip("polars")
pa_dataset = pytest.importorskip("pyarrow.dataset")

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readers")
    dump = build(folder, "wiki.xml.bz2")
    target = folder / "out"
    assert main(["dump", str(dump), "-o", str(target), "-j", "1",
                 "--partition-size", "1K"]) == 0
    return target


def expected_rows(out: Path) -> dict[str, int]:
    """Each table's row count worked out from the documents and the manifest."""
    docs = [line["document"] or {} for line in documents(out)]
    findings = 0
    for line in (out / "_manifest.jsonl").read_text("utf-8").splitlines():
        entry = json.loads(line)
        findings += sum((entry.get("entry") or entry).get("findings", {}).values())
    return {
        "matches": sum(len(r["matches"]) for d in docs for r in d.get("rounds") or []),
        "standings": sum(len(t.get("rows") or []) for d in docs for t in d.get("standings") or []),
        "entrants": sum(len(d.get("entrants") or []) for d in docs),
        "findings": findings,
        "documents": len(docs),
    }


def one(relation: Any) -> Any:
    [(value,)] = relation.fetchall()
    return value


def test_the_expected_counts_are_not_trivial(out: Path) -> None:
    counts = expected_rows(out)
    assert all(counts[name] > 0 for name in (*TABLES, "documents")), counts
    assert len(list((out / "matches").glob("part-*.parquet"))) > 3


@pytest.mark.parametrize("table", TABLES)
def test_duckdb_counts_every_table_by_its_folder(out: Path, table: str) -> None:
    count = one(duckdb.sql(f"select count(*) from '{out}/{table}/*.parquet'"))
    assert count == expected_rows(out)[table]


@pytest.mark.parametrize("table", TABLES)
def test_polars_scans_every_table_by_its_folder(out: Path, table: str) -> None:
    frame = polars.scan_parquet(f"{out}/{table}/*.parquet").select(polars.len()).collect()
    assert frame.item() == expected_rows(out)[table]


@pytest.mark.parametrize("table", TABLES)
def test_pyarrow_opens_every_table_as_a_dataset(out: Path, table: str) -> None:
    dataset = pa_dataset.dataset(out / table, format="parquet")
    assert dataset.count_rows() == expected_rows(out)[table]
    assert dataset.schema.names == pa_dataset.dataset(
        next((out / table).glob("part-*.parquet")), format="parquet").schema.names


def test_duckdb_reads_the_documents_as_json_lines(out: Path) -> None:
    rows = f"read_ndjson_auto('{out}/documents/*.jsonl')"
    assert one(duckdb.sql(f"select count(*) from {rows}")) == expected_rows(out)["documents"]
    matches = one(duckdb.sql(
        "select sum(m) from (select (select sum(len(r.matches)) from "
        f"(select unnest(document.rounds) as r)) as m from {rows})"))
    assert matches == expected_rows(out)["matches"]


def test_polars_reads_each_documents_part(out: Path) -> None:
    # Polars infers a JSON schema from the first file of a glob, and the nested documents of
    # different parts differ (a field null in one, an object in another): one part at a time;
    # and it refuses an empty file (a partition without a selected page), which has no rows.
    matches_per_round = (polars.col("document").struct.field("rounds")
                         .list.eval(polars.element().struct.field("matches").list.len()))
    documents = matches = 0
    parts = sorted((out / "documents").glob("part-*.jsonl"))
    assert any(p.stat().st_size == 0 for p in parts)  # the case the comment is about
    for part in (p for p in parts if p.stat().st_size):
        frame = polars.read_ndjson(part)
        documents += frame.height
        matches += frame.select(matches_per_round.list.sum().sum()).item() or 0
    assert documents == expected_rows(out)["documents"]
    assert matches == expected_rows(out)["matches"]


def test_duckdb_and_polars_read_convert_tables(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "parser", "convert", str(SAMPLES / "flat"),
                           "--to", "parquet", "-o", f"{tmp_path}/"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    goldens = sorted((SAMPLES / "flat").glob("*.expected.json"))
    expected = sum(len(r["matches"]) for g in goldens
                   for r in json.loads(g.read_text("utf-8"))["rounds"])
    assert one(duckdb.sql(f"select count(*) from '{tmp_path}/matches.parquet'")) == expected
    assert polars.read_parquet(tmp_path / "matches.parquet").height == expected
