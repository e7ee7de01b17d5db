"""Data-driven tests: every sample against its golden JSON and findings (samples/regenerate.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from parser.api import check, parse
from parser.model.coverage import uncovered_lines
from parser.schema import load_validator

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "samples"))
from regenerate import golden_paths, outputs, sample_files

SAMPLES = sample_files()
IDS = [p.relative_to(ROOT).as_posix() for p in SAMPLES]


def test_there_are_enough_samples() -> None:
    assert len([p for p in SAMPLES if "flat" in p.parts]) >= 8


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_json_matches_golden(sample: Path) -> None:
    json_path, _ = golden_paths(sample)
    actual, _ = outputs(sample)
    assert json.loads(actual) == json.loads(json_path.read_text(encoding="utf-8"))
    assert actual == json_path.read_text(encoding="utf-8"), "same data, different bytes"


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_findings_match_golden(sample: Path) -> None:
    _, findings_path = golden_paths(sample)
    _, actual = outputs(sample)
    assert actual == findings_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_schema_valid_and_every_line_covered(sample: Path) -> None:
    document = parse(sample.read_bytes(), sample.name)
    assert list(load_validator().iter_errors(document.data)) == []
    assert uncovered_lines(document, check(document)) == []


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_no_other_blocks_except_intended_noise(sample: Path) -> None:
    document = parse(sample.read_bytes(), sample.name)
    unparsed = [item["line"] for item in document.data["unparsed"]]
    noisy = {"06_no_infobox_noise.txt": [27]}
    assert unparsed == noisy.get(sample.name, [])
