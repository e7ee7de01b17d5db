"""Faults of a dump: a partition that cannot be read is refused with one line naming it
(exit 4), the other partitions are written; a page over its budget is a finding."""

from __future__ import annotations

import bz2
import gzip
from pathlib import Path

import pytest

from parser.cli.dump import EXIT_PARTITION
from parser.dump.writer import FOOTER, DumpPage, header, page_xml

from .helpers import documents, dump, partitions
from .pages import build, football_pages, football_titles, mixed_pages


def _failed_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("scoreline: failed: ")]


def _stream_offsets(dump_file: Path) -> list[int]:
    index = dump_file.with_name(dump_file.name.replace(".xml.bz2", "-index.txt.bz2"))
    return sorted({int(line.split(":", 1)[0]) for line in
                   bz2.decompress(index.read_bytes()).decode().splitlines()})


def test_a_corrupt_bz2_stream_fails_its_partition_only(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    good = build(tmp_path, "good.xml.bz2")
    status, _ = dump(capsys, good, "-o", tmp_path / "good", "--partition-size", "1K")
    assert status == 0
    bad = build(tmp_path, "bad.xml.bz2")
    offsets = _stream_offsets(bad)
    data = bytearray(bad.read_bytes())
    middle = offsets[len(offsets) // 2]
    data[middle + 20: middle + 60] = b"\x00" * 40  # inside one stream, past its header
    bad.write_bytes(bytes(data))
    status, err = dump(capsys, bad, "-o", tmp_path / "bad", "--partition-size", "1K")
    assert status == EXIT_PARTITION
    [line] = _failed_lines(err)
    assert str(bad) in line and "corrupt bzip2 data" in line
    written = partitions(tmp_path / "bad")
    assert 0 < len(written) == len(partitions(tmp_path / "good")) - 1
    for name in written:
        assert (tmp_path / "bad" / "documents" / f"{name}.jsonl").read_bytes() == (
            tmp_path / "good" / "documents" / f"{name}.jsonl").read_bytes()
    # the failed partition is tried again by the next run, and fails again
    status, err = dump(capsys, bad, "-o", tmp_path / "bad", "--partition-size", "1K")
    assert status == EXIT_PARTITION and "resumed" in err


def test_a_truncated_multistream_dump(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = build(tmp_path, "cut.xml.bz2")
    offsets = _stream_offsets(bad)
    cut = offsets[len(offsets) // 2] + 30
    bad.write_bytes(bad.read_bytes()[:cut])
    status, err = dump(capsys, bad, "-o", tmp_path / "out", "--partition-size", "1K")
    assert status == EXIT_PARTITION
    [line] = _failed_lines(err)
    assert str(bad) in line and "ends early" in line
    assert partitions(tmp_path / "out")


@pytest.mark.parametrize("suffix", [".xml.bz2", ".xml.gz"])
def test_a_truncated_single_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 suffix: str) -> None:
    pages = mixed_pages()
    whole = tmp_path / f"whole{suffix}"
    text = (header() + "".join(page_xml(p) for p in pages) + FOOTER).encode()
    data = bz2.compress(text) if suffix == ".xml.bz2" else gzip.compress(text)
    whole.write_bytes(data[: len(data) // 2])
    status, err = dump(capsys, whole, "-o", tmp_path / "out")
    assert status == EXIT_PARTITION
    [line] = _failed_lines(err)
    assert f"{whole} (part-00000)" in line and "ends early" in line
    assert partitions(tmp_path / "out") == []


def _parts_with(tmp_path: Path, bad_text: str) -> Path:
    parts = tmp_path / "parts"
    parts.mkdir()
    build(parts, "a-good.xml", football_pages()[:2])
    (parts / "b-bad.xml").write_text(bad_text, encoding="utf-8")
    build(parts, "c-good.xml.gz", football_pages()[2:])
    return parts


BOMB = ('<?xml version="1.0"?>\n<!DOCTYPE mediawiki [\n<!ENTITY a "aaaaaaaaaa">\n'
        + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">\n'
                  for p, c in zip("abcdefgh", "bcdefghi", strict=True))
        + "]>\n" + header() + page_xml(DumpPage("Bomb", "&i;", 1, 2)).replace("&amp;i;", "&i;")
        + FOOTER)


@pytest.mark.parametrize(("name", "text", "words"), [
    ("malformed", header() + "<page><title>T</title></revision></page>" + FOOTER,
     "malformed XML"),
    ("unclosed", header() + page_xml(DumpPage("T", "x", 1, 2))[:-20], "malformed XML"),
    ("bomb", BOMB, "markup declaration"),
])
def test_bad_xml_fails_its_part_only(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     name: str, text: str, words: str) -> None:
    parts = _parts_with(tmp_path, text)
    status, err = dump(capsys, parts, "-o", tmp_path / "out")
    assert status == EXIT_PARTITION
    [line] = _failed_lines(err)
    assert f"{parts / 'b-bad.xml'} (part-00001)" in line and words in line, line
    assert partitions(tmp_path / "out") == ["part-00000", "part-00002"]
    assert [d["page"]["title"] for d in documents(tmp_path / "out")] == football_titles()


def test_an_external_entity_is_never_read(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("{{Football box|team1=SECRET}}", encoding="utf-8")
    text = (f'<?xml version="1.0"?>\n<!DOCTYPE mediawiki [<!ENTITY e SYSTEM '
            f'"file://{secret}">]>\n' + header()
            + page_xml(DumpPage("Leak", "&e;", 1, 2)).replace("&amp;e;", "&e;") + FOOTER)
    parts = _parts_with(tmp_path, text)
    status, err = dump(capsys, parts, "-o", tmp_path / "out", "--all")
    assert status == EXIT_PARTITION
    [line] = _failed_lines(err)
    assert "b-bad.xml" in line and "markup declaration (<!DOCTYPE" in line
    for file in (tmp_path / "out").rglob("*"):
        if file.is_file():
            assert b"SECRET" not in file.read_bytes()


def test_a_page_over_its_budget_is_a_finding(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    import pyarrow.parquet as pq

    pages = football_pages()
    # far over the budget whatever the speed of the parse (60 copies fitted in 0.2 s once
    # the wikitext reader got faster)
    big = DumpPage("Huge cup", pages[0].text * 400, 900, 901)
    build(tmp_path, "budget.xml", [pages[1], big, pages[2]])
    status, err = dump(capsys, tmp_path / "budget.xml", "-o", tmp_path / "out",
                       "--timeout", "0.2")
    assert status == 0, err
    lines = documents(tmp_path / "out")
    assert [line["page"]["title"] for line in lines] == [pages[1].title, "Huge cup",
                                                         pages[2].title]
    assert lines[1]["document"] is None and lines[1]["error"]["code"] == "PA008"
    assert lines[0]["document"] is not None and lines[2]["document"] is not None
    findings = pq.read_table(tmp_path / "out" / "findings" / "part-00000.parquet").to_pylist()
    assert any(row["code"] == "PA008" for row in findings)
    assert "1 not converted" in err
