"""The checks on real and made-up documents: every deliberate discrepancy of
samples/flat/MANIFEST.md at its line, the seed's real ones at line and column,
and nothing above info on the clean samples and the repaired seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from parser.api import check, parse_file

from ..conftest import ROOT

FLAT = ROOT / "samples" / "flat"
SEED = ROOT / "samples" / "seed" / "000_40227375bb590b15.txt"
REPAIRED = ROOT / "samples" / "seed" / "000_40227375bb590b15_repaired.txt"

# (file, manifest id, line, code) for D1-D19.
DELIBERATE = [
    ("07_truncated_bom.txt", "D1", 17, "MA301"),
    ("07_truncated_bom.txt", "D2", 24, "TL603"),
    ("07_truncated_bom.txt", "D3", 26, "TL601"),
    ("07_truncated_bom.txt", "D4", 39, "PR201"),
    ("09_knockout_errors.txt", "D5", 23, "MA305"),
    ("09_knockout_errors.txt", "D6", 25, "MA303"),
    ("09_knockout_errors.txt", "D7", 38, "PR202"),
    ("09_knockout_errors.txt", "D8", 42, "NA701"),
    ("09_knockout_errors.txt", "D9", 46, "MA302"),
    ("09_knockout_errors.txt", "D10", 47, "DA401"),
    ("09_knockout_errors.txt", "D11", 48, "PR203"),
    ("09_knockout_errors.txt", "D12", 51, "DA403"),
    ("09_knockout_errors.txt", "D12", 51, "PR204"),
    ("09_knockout_errors.txt", "D12", 53, "PR204"),
    ("10_entrants_errors.txt", "D13", 5, "IB501"),
    ("10_entrants_errors.txt", "D14", 7, "IB502"),
    ("10_entrants_errors.txt", "D15", 14, "CO101"),
    ("10_entrants_errors.txt", "D16", 20, "TL606"),
    ("10_entrants_errors.txt", "D17", 37, "CO102"),
    ("10_entrants_errors.txt", "D18", 42, "TL605"),
    ("10_entrants_errors.txt", "D19", 63, "TL604"),
]
# Side effects MANIFEST.md allows: (file, line, code).
SIDE_EFFECTS = {("09_knockout_errors.txt", 6, "CO104")}
CLEAN = ["01_cup_basic.txt", "02_results_tables.txt", "03_final_match.txt",
         "04_regional_prelims.txt", "05_league_cup_two_legs.txt", "06_no_infobox_noise.txt",
         "08_shield_leaks.txt"]


def _above_info(path: Path) -> list[tuple[int, int, str, str]]:
    return [(d.line, d.column, d.severity.value, d.code) for d in check(parse_file(path))
            if d.severity.rank > 0]


@pytest.mark.parametrize(("name", "ident", "line", "code"), DELIBERATE,
                         ids=[f"{d[1]}-{d[3]}" for d in DELIBERATE])
def test_each_deliberate_discrepancy_is_reported_at_its_line(name: str, ident: str, line: int,
                                                              code: str) -> None:
    found = _above_info(FLAT / name)
    assert any((at, c) == (line, code) for at, _, _, c in found), found


@pytest.mark.parametrize("name", ["07_truncated_bom.txt", "09_knockout_errors.txt",
                                  "10_entrants_errors.txt"])
def test_nothing_above_info_beyond_the_manifest(name: str) -> None:
    expected = {(line, code) for file, _, line, code in DELIBERATE if file == name}
    expected |= {(line, code) for file, line, code in SIDE_EFFECTS if file == name}
    assert {(line, code) for line, _, _, code in _above_info(FLAT / name)} == expected


@pytest.mark.parametrize("name", CLEAN)
def test_clean_samples_have_no_error_or_warning(name: str) -> None:
    assert _above_info(FLAT / name) == []


def test_seed_reports_exactly_its_real_discrepancies() -> None:
    assert _above_info(SEED) == [
        (16, 32, "error", "CO101"),   # "(21 teams)": 9 + 11 are listed
        (18, 1, "error", "CO102"),    # "Twenty-one teams"
        (18, 101, "error", "CO102"),  # "12 at large berths": 11 under At-Large Berths
    ]


def test_seed_infobox_count_names_its_scope() -> None:
    (note,) = [d for d in check(parse_file(SEED)) if d.code == "CO105"]
    assert (note.line, note.column) == (6, 14)
    assert "64 distinct teams of the qualifying rounds (56 in First qualifying round, 8 more in " \
           "Second qualifying round)" in note.message


def test_repaired_seed_has_no_error_or_warning() -> None:
    assert _above_info(REPAIRED) == []
    original = SEED.read_text(encoding="utf-8").splitlines()
    repaired = REPAIRED.read_text(encoding="utf-8").splitlines()
    assert [i + 1 for i, (a, b) in enumerate(zip(original, repaired, strict=True))
            if a != b] == [16, 18]
