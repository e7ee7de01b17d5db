"""A plain XML dump is cut at page starts into several partitions, with the same output as
reading it whole; a .gz file stays one partition."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from parser.cli.exit_codes import EXIT_PARTITION
from parser.dump.sources import page_offsets, plan
from parser.dump.writer import FOOTER, DumpPage, header, page_xml

from .helpers import TABLES, documents, dump, partitions
from .pages import build, football_titles, mixed_pages


def rows(out: Path, table: str) -> list[dict[str, object]]:
    import pyarrow.parquet as pq

    found: list[dict[str, object]] = []
    for part in sorted((out / table).glob("part-*.parquet")):
        found += pq.read_table(part).to_pylist()
    return found


def test_the_cuts_are_page_starts(tmp_path: Path) -> None:
    path = build(tmp_path, "wiki.xml")
    data = path.read_bytes()
    offsets = page_offsets(str(path), 2048)
    assert len(offsets) > 3
    assert all(data[o:o + 6] == b"<page>" for o in offsets)
    assert offsets[0] == data.index(b"<page>")
    assert all(b - a >= 2048 for a, b in itertools.pairwise(offsets))
    assert page_offsets(str(path), 1 << 30) == offsets[:1]


def test_split_output_equals_the_whole_read(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = build(tmp_path, "wiki.xml")
    status, err = dump(capsys, path, "-o", tmp_path / "whole", "--partition-size", "1G")
    assert status == 0, err
    status, err = dump(capsys, path, "-o", tmp_path / "split", "--partition-size", "2K")
    assert status == 0, err
    assert partitions(tmp_path / "whole") == ["part-00000"]
    assert len(partitions(tmp_path / "split")) > 3
    assert documents(tmp_path / "split") == documents(tmp_path / "whole")
    assert [d["page"]["title"] for d in documents(tmp_path / "split")] == football_titles()
    for table in TABLES:
        assert rows(tmp_path / "split", table) == rows(tmp_path / "whole", table)
    pages_read = f"{len(mixed_pages())} pages read"
    assert pages_read in err


def test_gzip_stays_one_partition(tmp_path: Path) -> None:
    path = build(tmp_path, "wiki.xml.gz")
    assert len(plan([str(path)], 1024)) == 1


def test_a_page_tag_in_a_comment_makes_the_cut_loud(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    pages = [DumpPage(f"Prose {i}", "plain words " * 40, i, 100 + i) for i in range(1, 30)]
    body = [page_xml(p) for p in pages]
    body.insert(15, "  <!-- <page> -->\n")
    path = tmp_path / "odd.xml"
    path.write_text(header() + "".join(body) + FOOTER, encoding="utf-8")
    status, err = dump(capsys, path, "-o", tmp_path / "out", "--partition-size", "2K")
    assert status == EXIT_PARTITION
    assert "malformed XML" in err
