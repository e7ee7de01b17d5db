"""Stage 3: the match-line grammar over the notations FORMAT.md lists, valid and invalid."""

from __future__ import annotations

import pytest

from parser.model.match_lines import (
    lark_match_line,
    parse_match_line,
    parse_score_cell,
    parse_team_cell,
)

# text -> (home, away, home_score, away_score, status, aet, home_pens, away_pens)
VALID = {
    "Elm Park FC 2-5 Brick Lane FC": ("Elm Park FC", "Brick Lane FC", 2, 5, "played", False, None, None),
    "Elm Park FC 2–5 Brick Lane FC": ("Elm Park FC", "Brick Lane FC", 2, 5, "played", False, None, None),
    "Elm Park FC 2 - 5 Brick Lane FC": ("Elm Park FC", "Brick Lane FC", 2, 5, "played", False, None, None),
    "Oak SC 0–12 Ash FC": ("Oak SC", "Ash FC", 0, 12, "played", False, None, None),
    "Elm Park FC 2 (4)-2 (1) Oak SC": ("Elm Park FC", "Oak SC", 2, 2, "played", False, 4, 1),
    "Elm FC 1–1 (4–3 p) Oak SC": ("Elm FC", "Oak SC", 1, 1, "played", False, 4, 3),
    "Elm FC 1–1 Oak SC (4–3 p)": ("Elm FC", "Oak SC", 1, 1, "played", False, 4, 3),
    "Elm FC 2-1 (a.e.t.) Oak SC": ("Elm FC", "Oak SC", 2, 1, "played", True, None, None),
    "Elm FC 2 - 4 a.e.t Oak SC": ("Elm FC", "Oak SC", 2, 4, "played", True, None, None),
    "Elm FC 2-1 Oak SC (aet)": ("Elm FC", "Oak SC", 2, 1, "played", True, None, None),
    "Elm FC 2-1 Oak SC after extra time": ("Elm FC", "Oak SC", 2, 1, "played", True, None, None),
    # extra time and penalties joined in one parenthesis, by a comma, a semicolon or a space
    "Elm FC 3–3 Oak SC (a.e.t., 5–4 pens)": ("Elm FC", "Oak SC", 3, 3, "played", True, 5, 4),
    "Elm FC 1–1 Oak SC (aet; 4–2 p)": ("Elm FC", "Oak SC", 1, 1, "played", True, 4, 2),
    "Elm FC 2–2 (a.e.t., 3–1 pen.) Oak SC": ("Elm FC", "Oak SC", 2, 2, "played", True, 3, 1),
    "Elm FC 2–2 Oak SC (a.e.t. 3–1 pens)": ("Elm FC", "Oak SC", 2, 2, "played", True, 3, 1),
    "Elm FC 0–0 Oak SC (a.e.t.; Oak SC won 4–3 on pens)": ("Elm FC", "Oak SC", 0, 0, "played", True, None, None),
    "Elm FC 0–0 (aet: Oak SC won on away goals) Oak SC": ("Elm FC", "Oak SC", 0, 0, "played", True, None, None),
    "Newport FC 0-2 (forfeit) Newtown Pride FC": ("Newport FC", "Newtown Pride FC", 0, 2, "forfeit", False, None, None),
    "Elm FC 3-0 awd Oak SC": ("Elm FC", "Oak SC", 3, 0, "awarded", False, None, None),
    "Elm FC w/o Oak SC": ("Elm FC", "Oak SC", None, None, "walkover", False, None, None),
    "Finchley Vale w/o-scr Stevenage Park": ("Finchley Vale", "Stevenage Park", None, None, "walkover", False, None, None),
    "Elm FC v Oak SC": ("Elm FC", "Oak SC", None, None, "scheduled", False, None, None),
    "Elm FC vs Oak SC": ("Elm FC", "Oak SC", None, None, "scheduled", False, None, None),
    "Elm FC v Oak SC postponed": ("Elm FC", "Oak SC", None, None, "postponed", False, None, None),
    "Elm FC v Oak SC (cancelled)": ("Elm FC", "Oak SC", None, None, "cancelled", False, None, None),
    "Elm FC 1-0 Oak SC abandoned": ("Elm FC", "Oak SC", 1, 0, "abandoned", False, None, None),
    "Elm FC 2-2 Oak SC void": ("Elm FC", "Oak SC", 2, 2, "void", False, None, None),
    # a status and its reason in one parenthesis
    "Elm FC v Oak SC (postponed, frozen pitch)": ("Elm FC", "Oak SC", None, None, "postponed", False, None, None),
    "Elm FC 1-0 Oak SC (abandoned: floodlight failure)": ("Elm FC", "Oak SC", 1, 0, "abandoned", False, None, None),
    "Elm FC 1-0 (Abandoned; fog) Oak SC": ("Elm FC", "Oak SC", 1, 0, "abandoned", False, None, None),
    "Elm FC (P-P, waterlogged pitch) Oak SC": ("Elm FC", "Oak SC", None, None, "postponed", False, None, None),
    "MF 10 2-0 Oak SC": ("MF 10", "Oak SC", 2, 0, "played", False, None, None),
    "Anahuac FC 2-0 MF 10": ("Anahuac FC", "MF 10", 2, 0, "played", False, None, None),
    "FC Tacoma 253 1-0 Portland Reds 2": ("FC Tacoma 253", "Portland Reds 2", 1, 0, "played", False, None, None),
    "Portland Reds 2 2-1 Oak SC": ("Portland Reds 2", "Oak SC", 2, 1, "played", False, None, None),
    "Sounders FC U-23 3-1 L.A. Wolves FC": ("Sounders FC U-23", "L.A. Wolves FC", 3, 1, "played", False, None, None),
    "IPS/Marathon Taverna 0-4 Harpo's FC": ("IPS/Marathon Taverna", "Harpo's FC", 0, 4, "played", False, None, None),
    "Folkestone & Shepway 1-1 La Máquina FC": ("Folkestone & Shepway", "La Máquina FC", 1, 1, "played", False, None, None),
    "A F C Lymington 2-0 Weston super Mare": ("A F C Lymington", "Weston super Mare", 2, 0, "played", False, None, None),
}


@pytest.mark.parametrize("text", list(VALID))
def test_valid_match_lines(text: str) -> None:
    parsed = parse_match_line(text)
    assert parsed is not None, text
    r = parsed.result
    got = (parsed.home.name, parsed.away.name, r.home_score, r.away_score, r.status, r.aet,
           r.home_pens, r.away_pens)
    assert got == VALID[text]


def test_league_tags_and_tiers_are_fields_of_their_own() -> None:
    parsed = parse_match_line("Harbor City (NPSL) 2-4 Port Vale Rovers (LQ)")
    assert parsed is not None
    assert (parsed.home.name, parsed.home.tag, parsed.away.name, parsed.away.tag) == (
        "Harbor City", "NPSL", "Port Vale Rovers", "LQ")
    tiers = parse_match_line("Elm Town (9) 2–1 Oak Rovers (10)")
    assert tiers is not None and (tiers.home.tier, tiers.away.tier) == (9, 10)


def test_team_positions_point_at_the_names() -> None:
    text = "Harbor City (NPSL) 2-4 Port Vale Rovers (LQ)"
    parsed = parse_match_line(text)
    assert parsed is not None
    assert text[parsed.away.start:parsed.away.end] == "Port Vale Rovers"


INVALID = [
    "Elm FC won 3–2 on aggregate.",
    "First round games took place in 2016.",
    "Winner advances to the regional final",
    "Elm FC 1234-1 Oak SC",           # too many digits
    "Elm FC ٢-١ Oak SC",              # Arabic-Indic digits are not scores
    "Elm FC ２-１ Oak SC",             # full-width digits neither
    "2-1",
    "Elm FC 2-1",
    "September 10",
    "",
]


@pytest.mark.parametrize("text", INVALID)
def test_invalid_lines_are_not_matches(text: str) -> None:
    assert parse_match_line(text) is None


@pytest.mark.parametrize(("cell", "expected"), [
    ("2–1", (2, 1, "played", False)),
    ("2 - 4 a.e.t", (2, 4, "played", True)),
    ("-", (None, None, "scheduled", False)),
    ("", (None, None, "scheduled", False)),
    ("3-0 awd", (3, 0, "awarded", False)),
])
def test_score_cells(cell: str, expected: tuple[object, ...]) -> None:
    result = parse_score_cell(cell)
    assert result is not None
    assert (result.home_score, result.away_score, result.status, result.aet) == expected


@pytest.mark.parametrize(("line", "status", "note"), [
    ("Elm FC v Oak SC (postponed, frozen pitch)", "postponed", "frozen pitch"),
    ("Elm FC 1-0 (abandoned: floodlight failure, 70') Oak SC", "abandoned", "floodlight failure, 70'"),
    ("Elm FC (cancelled; Oak SC folded) Oak SC", "cancelled", "Oak SC folded"),
    ("Elm FC 0–0 Oak SC (a.e.t.; Oak SC won 4–3 on pens)", "played", "Oak SC won 4–3 on pens"),
])
def test_a_decoration_keeps_the_prose_after_it_as_a_note(line: str, status: str,
                                                         note: str) -> None:
    match = parse_match_line(line)
    assert match is not None
    assert (match.result.status, match.result.decoration_note) == (status, note)
    assert lark_match_line(line) == match  # the fast runner reads it as Lark does


def test_a_status_word_in_prose_is_no_status() -> None:
    """Only a status word right after the parenthesis opens, then ',', ';' or ':' counts."""
    match = parse_match_line("Elm FC 1-0 Oak SC (match abandoned, replayed)")
    assert match is not None
    assert (match.result.status, match.result.decoration_note) == ("played", None)
    assert match.away.notes == ("match abandoned, replayed",)


def test_a_status_reason_in_a_score_cell() -> None:
    result = parse_score_cell("1–0 (abandoned, floodlight failure)")
    assert result is not None
    assert (result.status, result.decoration_note) == ("abandoned", "floodlight failure")


def test_a_date_cell_is_not_a_score() -> None:
    assert parse_score_cell("16–18 Oct") is None


def test_team_cell_with_note() -> None:
    side = parse_team_cell("Cedar Mechanics (Cedar disqualified)")
    assert side is not None and side.name == "Cedar Mechanics"
    assert side.notes == ("Cedar disqualified",)
