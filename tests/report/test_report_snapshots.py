"""Snapshots of the report page of two samples (one flat, one wikitext): the HTML is stable,
byte for byte, from run to run. Refresh with SCORELINE_UPDATE_SNAPSHOTS=1 and review the diff."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parser.batch.runner import Options
from parser.report import check_page

from ..conftest import ROOT

SNAPSHOTS = Path(__file__).parent / "snapshots"
SAMPLES = ["samples/flat/09_knockout_errors.txt", "samples/wikitext/01_cup_boxes.wiki"]


@pytest.mark.parametrize("sample", SAMPLES, ids=[Path(s).stem for s in SAMPLES])
def test_page_snapshot(sample: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    page = check_page(sample, Options(jobs=1)).page
    snapshot = SNAPSHOTS / f"{Path(sample).name}.html"
    if os.environ.get("SCORELINE_UPDATE_SNAPSHOTS") == "1":
        snapshot.write_text(page, encoding="utf-8")
    assert page == snapshot.read_text(encoding="utf-8")
    assert check_page(sample, Options(jobs=1)).page == page, "same input, same page"
