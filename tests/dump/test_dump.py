"""``scoreline dump`` on small dumps built from the samples: selection, documents, tables,
every format, the manifest and resuming."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from parser.cli import main

from .helpers import TABLES, documents, dump, partitions, tree
from .pages import build, football_pages, football_titles, mixed_pages


@pytest.fixture(scope="module")
def dumps(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dumps")
    for name in ("wiki.xml", "wiki.xml.gz", "wiki.xml.bz2"):
        build(folder, name)
    return folder


@pytest.fixture(scope="module")
def converted(dumps: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "bz2"
    status = main(["dump", str(dumps / "wiki.xml.bz2"), "-o", str(out), "-j", "1",
                   "--partition-size", "1K"])
    assert status == 0
    return out


def test_multistream_is_split_by_its_index(dumps: Path, converted: Path) -> None:
    assert (dumps / "wiki-index.txt.bz2").is_file()
    assert len(partitions(converted)) > 3


def test_selected_pages_are_the_football_ones(converted: Path) -> None:
    titles = [line["page"]["title"] for line in documents(converted)]
    assert titles == football_titles()


def test_each_document_is_what_convert_gives(converted: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    lines = {line["page"]["title"]: line for line in documents(converted)}
    for page in football_pages(1000):
        file = tmp_path / f"{page.page_id}.wiki"
        file.write_text(page.text, encoding="utf-8")
        capsys.readouterr()
        assert main(["convert", str(file)]) == 0
        expected = json.loads(capsys.readouterr().out)
        expected["source"]["path"] = page.title  # the dump names a page by its title
        line = lines[page.title]
        assert line["document"] == expected
        assert line["page"] == {"title": page.title, "page_id": page.page_id,
                                "revision_id": page.revision_id, "timestamp": page.timestamp}


def test_every_table_has_a_file_per_partition(converted: Path) -> None:
    import pyarrow.parquet as pq

    names = partitions(converted)
    for table in TABLES:
        files = sorted(p.stem for p in (converted / table).glob("part-*.parquet"))
        assert files == names, table
    matches = sum(pq.read_table(converted / "matches" / f"{n}.parquet").num_rows
                  for n in names)
    expected = sum(len(r["matches"]) for line in documents(converted)
                   for r in line["document"]["rounds"])
    assert matches == expected > 0


@pytest.mark.parametrize("name", ["wiki.xml", "wiki.xml.gz"])
def test_plain_and_gzip_give_the_same_documents(dumps: Path, converted: Path, tmp_path: Path,
                                                name: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    status, err = dump(capsys, dumps / name, "-o", tmp_path / "out")
    assert status == 0, err
    assert partitions(tmp_path / "out") == ["part-00000"]
    assert documents(tmp_path / "out") == documents(converted)


def test_a_directory_of_parts(dumps: Path, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    parts = tmp_path / "parts"
    parts.mkdir()
    pages = mixed_pages()
    half = len(pages) // 2
    build(parts, "wiki-p1.xml.gz", pages[:half])
    build(parts, "wiki-p2.xml", pages[half:])
    status, err = dump(capsys, parts, "-o", tmp_path / "out")
    assert status == 0, err
    assert partitions(tmp_path / "out") == ["part-00000", "part-00001"]
    assert [d["page"]["title"] for d in documents(tmp_path / "out")] == football_titles()


def test_summary_counts(dumps: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, err = dump(capsys, dumps / "wiki.xml", "-o", tmp_path / "out")
    pages = mixed_pages()
    assert status == 0
    assert f"{len(pages)} pages read, {len(football_titles())} selected;" in err
    assert "findings:" in err and " error, " in err


def test_title_and_all(dumps: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dump(capsys, dumps / "wiki.xml", "-o", tmp_path / "t", "--title", r"^Elm FC \d+$")
    titles = {d["page"]["title"] for d in documents(tmp_path / "t")}
    assert titles and all(t.startswith("Elm FC ") for t in titles)
    dump(capsys, dumps / "wiki.xml", "-o", tmp_path / "a", "--all")
    articles = [p for p in mixed_pages() if p.namespace == 0 and p.redirect is None]
    assert len(documents(tmp_path / "a")) == len(articles)


def test_a_second_run_resumes_and_force_redoes(dumps: Path, converted: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    shutil.copytree(converted, out)
    before = tree(out)
    status, err = dump(capsys, dumps / "wiki.xml.bz2", "-o", out, "--partition-size", "1K")
    assert status == 0 and "resumed" in err
    assert tree(out) == before
    status, err = dump(capsys, dumps / "wiki.xml.bz2", "-o", out, "--partition-size", "2K")
    assert status == 2 and "another run" in err
    status, err = dump(capsys, dumps / "wiki.xml.bz2", "-o", out, "--partition-size", "1K",
                       "--force")
    assert status == 0 and "resumed" not in err
    assert tree(out) == before


def test_a_killed_run_resumes_to_the_same_output(dumps: Path, converted: Path,
                                                 tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "parser", "dump", str(dumps / "wiki.xml.bz2"), "-o",
               str(out), "-j", "1", "--partition-size", "1K"]
    manifest = out / "_manifest.jsonl"
    for _attempt in range(5):
        shutil.rmtree(out, ignore_errors=True)
        process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if manifest.is_file() and len(manifest.read_text().splitlines()) >= 2:
                os.kill(process.pid, signal.SIGKILL)
                break
            time.sleep(0.005)
        process.wait(timeout=30)
        if process.returncode == -signal.SIGKILL:
            break
    else:
        pytest.skip("the run always finished before it could be killed")
    finished = len(manifest.read_text().splitlines()) - 1
    assert 1 <= finished < len(partitions(converted))
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert "resumed" in rerun.stderr
    assert tree(out) == tree(converted)


def test_bad_arguments(dumps: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv, words in [
        ((tmp_path / "missing.xml",), "no such file"),
        ((tmp_path,), "no dump files"),
        ((dumps / "wiki.xml", "--partition-size", "0"), "--partition-size"),
        ((dumps / "wiki.xml", "--title", "("), "not a regular expression"),
        ((dumps / "wiki.xml", "--scheduler", "tcp://127.0.0.1:1"), "--engine dask"),
    ]:
        status, err = dump(capsys, *argv, "-o", tmp_path / "o")
        assert status == 2 and words in err, err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
