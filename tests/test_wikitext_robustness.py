"""Damaged wikitext never raises: every sample cut short at many points, and with its lines
shuffled, still parses into a document and its findings (a reader that meets half a template,
an unclosed table or a row without its frame reports it; it does not crash)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from parser.api import check, parse

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").rglob("*.wiki"))
STEP = 997  # a prime, so the cuts fall at every kind of place in a line


def _survives(text: str, label: str) -> None:
    document = parse(text, label, form="wikitext")
    check(document)
    document.to_json()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_cut_short_anywhere(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    for cut in range(STEP, len(text), STEP):
        _survives(text[:cut], f"{sample.name}[:{cut}]")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_lines_shuffled(sample: Path) -> None:
    lines = sample.read_text(encoding="utf-8").splitlines(keepends=True)
    shuffler = random.Random(sample.name)  # the same order every run
    for attempt in range(3):
        shuffler.shuffle(lines)
        _survives("".join(lines), f"{sample.name} shuffled #{attempt}")
