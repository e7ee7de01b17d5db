"""Damaged wikitext never raises: every sample cut short at many points, and with its lines
shuffled, still parses into a document and its findings (a reader that meets half a template,
an unclosed table or a row without its frame reports it; it does not crash). A cut through the
middle of a UTF-8 character is the one exception, and it is the documented one: the input is
refused with a one-line IN001 error naming the file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from parser.api import check, parse
from parser.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").rglob("*.wiki"))
STEP = 997  # a prime, so the cuts fall at every kind of place in a line


def _survives(text: str, label: str) -> None:
    document = parse(text, label, form="wikitext")
    check(document)
    document.to_json()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_cut_short_at_every_997th_byte(sample: Path) -> None:
    data = sample.read_bytes()
    for cut in range(STEP, len(data), STEP):
        label = f"{sample.name}[:{cut}]"
        try:
            data[:cut].decode("utf-8")
        except UnicodeDecodeError:
            with pytest.raises(InputError) as refused:
                parse(data[:cut], label, form="wikitext")
            assert refused.value.code == "IN001" and label in str(refused.value)
            assert "\n" not in str(refused.value)
            continue
        document = parse(data[:cut], label, form="wikitext")
        check(document)
        document.to_json()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_cut_short_at_every_997th_character(sample: Path) -> None:
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
