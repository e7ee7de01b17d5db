"""Progress page by page: running counts written by the tasks, drawn on a terminal."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from parser.cli import main
from parser.dump import live

from .pages import build, mixed_pages


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_counts_are_written_summed_and_removed(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(live, "INTERVAL_SECONDS", 0.0)
    first, second = (live.LiveCounts(str(tmp_path), f"part-0000{i}") for i in (1, 2))
    first.selected = 2
    first.tick(10, 1000)
    second.tick(5, 300)
    assert live.running(str(tmp_path)) == live.Running(15, 2, 1300)
    first.close()
    assert live.running(str(tmp_path)) == live.Running(5, 0, 300)
    live.clear(str(tmp_path))
    assert not (tmp_path / live.LIVE_DIR).exists()


def test_nothing_is_written_without_a_progress_line(tmp_path: Path) -> None:
    counts = live.LiveCounts(None, "part-00000")
    counts.tick(10, 1000)
    counts.close()
    assert list(tmp_path.iterdir()) == []


def test_the_line_moves_within_a_partition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(live, "INTERVAL_SECONDS", 0.0)
    pages = mixed_pages(filler=20)
    dump = build(tmp_path, "one.xml", pages)  # plain XML, small: one partition
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["dump", str(dump), "-o", str(tmp_path / "out"), "-j", "1"]) == 0
    drawn = [int(n.replace(",", "")) for n in re.findall(r"([\d,]+) pages read",
                                                         terminal.getvalue())]
    assert drawn and drawn == sorted(drawn)  # never goes back
    assert any(0 < n < len(pages) for n in drawn), drawn  # before the partition ended
    assert f"{len(pages):,} pages read" in terminal.getvalue()
    assert not (tmp_path / "out" / live.LIVE_DIR).exists()
