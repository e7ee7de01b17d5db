"""Progression logic on the shapes knockout articles take: legs, replays, regions, walkovers,
third-place matches, group stages, misspellings that are not misspellings."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parser.api import check, parse


def findings(text: str) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in check(parse(text)) if d.severity.rank > 0]


def codes(text: str) -> list[str]:
    return [d.code for d in check(parse(text))]


TWO_LEGS = """==Semi-finals==
=== First legs ===
May 1, 2031
Elm FC 2-0 Oak SC
Ash FC 1-1 Yew FC
=== Second legs ===
May 8, 2031
Oak SC 3-0 Elm FC
Yew FC 1-1 Ash FC

Ash FC and Yew FC drew 2–2 on aggregate; Yew FC won 4–2 on penalties.

==Final==
May 20, 2031
{final}
"""


def test_two_legs_decided_on_aggregate_and_by_prose_penalties() -> None:
    assert findings(TWO_LEGS.format(final="Oak SC 1-0 Yew FC")) == []


def test_two_legs_loser_on_aggregate_cannot_play_the_final() -> None:
    assert findings(TWO_LEGS.format(final="Elm FC 1-0 Yew FC")) == [(8, "PR202"), (15, "PR201")]


def test_level_aggregate_without_decider_is_a_warning() -> None:
    text = TWO_LEGS.replace("Ash FC and Yew FC drew 2–2 on aggregate; Yew FC won 4–2 on "
                            "penalties.", "")
    assert (9, "MA301") in findings(text.format(final="Oak SC 1-0 Yew FC"))


def test_replay_decides_a_drawn_tie() -> None:
    text = ("==First round==\nElm FC 1-1 Oak SC\nAsh FC 2-0 Yew FC\n==== Replay ====\n"
            "Oak SC 2-1 Elm FC\n\n==Final==\n{final}\n")
    assert findings(text.format(final="Oak SC 1-0 Ash FC")) == []
    assert findings(text.format(final="Elm FC 1-0 Ash FC")) == [(5, "PR202"), (8, "PR201")]


def test_void_match_is_replayed_without_counting_twice() -> None:
    text = ("==Semi-finals==\nElm FC 2-1 Oak SC void\nElm FC 0-1 Oak SC\nAsh FC 1-0 Yew FC\n\n"
            "==Final==\nOak SC 1-0 Ash FC\n")
    assert findings(text) == []


def test_walkover_forfeit_and_award_decide_ties() -> None:
    text = ("==First round==\nElm FC w/o Oak SC\nAsh FC 0-2 (forfeit) Yew FC\n"
            "Pine FC 3-0 awd Fir FC\nBay FC 2-1 Cod FC\n\n==Semi-finals==\nElm FC 1-0 Yew FC\n"
            "Pine FC 2-0 Bay FC\n")
    assert findings(text) == []
    assert (8, "PR201") in findings(text.replace("Elm FC 1-0 Yew FC", "Oak SC 1-0 Yew FC"))


def test_regions_hand_over_to_the_regional_final() -> None:
    text = ("== North ==\n=== Semi-finals (North) ===\nElm FC 1-0 Oak SC\nAsh FC 2-1 Yew FC\n"
            "=== Final (North) ===\nElm FC 1-0 Ash FC\n"
            "== South ==\n=== Semi-finals (South) ===\nPine FC 1-0 Fir FC\nBay FC 2-1 Cod FC\n"
            "=== Final (South) ===\nPine FC 1-0 Bay FC\n"
            "==Regional final==\n{final}\n")
    assert findings(text.format(final="Elm FC 2-0 Pine FC")) == []
    assert (14, "PR201") in findings(text.format(final="Elm FC 2-0 Bay FC"))


def test_third_place_match_is_not_the_next_round() -> None:
    text = ("==Semi-finals==\nElm FC 1-0 Oak SC\nAsh FC 2-1 Yew FC\n\n"
            "==Third place play-off==\nOak SC 3-2 Yew FC\n\n==Final==\nElm FC 1-0 Ash FC\n")
    assert findings(text) == []


def test_group_stage_teams_play_several_opponents() -> None:
    text = ("==Group A==\nElm FC 1-0 Oak SC\nAsh FC 1-1 Yew FC\nElm FC 2-2 Ash FC\n"
            "Oak SC 0-1 Yew FC\nElm FC 3-0 Yew FC\nOak SC 1-1 Ash FC\n")
    assert findings(text) == []


def test_reserve_sides_and_numbered_teams_are_not_near_misses() -> None:
    text = ("==First round==\nPortland Reds 2-1 Oak SC\nSounders FC 1-0 Yew FC\n\n"
            "==Final==\nPortland Reds 2 1-0 Sounders FC U-23\n")
    assert "NA701" not in codes(text)


def test_near_miss_with_case_accents_and_fc_forms() -> None:
    text = ("==First round==\nLa Máquina F.C. 2-1 Oak SC\nAsh FC 1-0 Yew FC\n\n"
            "==Final==\nLa Maquinas FC 1-0 Ash FC\n")
    assert findings(text) == [(6, "NA701")]


def test_dates_across_new_year_without_written_years_are_not_compared() -> None:
    text = ("= 2031–32 Elm Cup =\n\n==Quarter-finals==\nDecember 20\nElm FC 1-0 Oak SC\n"
            "Ash FC 1-0 Yew FC\n\n==Semi-finals==\nJanuary 10\nElm FC 2-1 Ash FC\n")
    assert findings(text) == []


def test_byes_named_by_the_text_are_info_and_a_contradiction_is_an_error() -> None:
    text = ("==First round==\nElm FC received a bye to the second round.\n{match}\n"
            "Ash FC 1-0 Yew FC\n\n==Second round==\nElm FC 2-1 Ash FC\n")
    assert findings(text.format(match="Pine FC 1-0 Oak SC")) == [(3, "PR202")]
    assert (2, "PR206") in findings(text.format(match="Elm FC 1-0 Oak SC"))
    assert "PR205" in codes(text.format(match="Pine FC 1-0 Oak SC"))


def test_sub_lists_counted_by_label() -> None:
    text = ("===Elm League (4 teams)===\nTwo division winners, followed by 2 at large berths.\n\n"
            "Division Winners\n- Elm FC\n- Oak SC\n\nAt-Large Berths\n- Ash FC\n- Yew FC\n")
    assert findings(text) == []
    assert findings(text.replace("2 at large", "3 at large")) == [(2, "CO102")]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "==First round==", "==Final==", "=== Replay ===", "==Group B==", "Elm FC 1-1 Oak SC",
    "Oak SC 2-0 Elm FC", "Elm FC w/o Ash FC", "Ash FC 0-2 (forfeit) Elm FC", "May 3",
    "September 31", "Saturday, 1 May 2031", "Elm FC 1–1 (4–4 p) Oak SC", "- Elm FC (ZZ)",
    "| Club | Last |", "| Elm FC | 2099 |", "Elm FC received a bye.", "Infobox",
    "- Num Teams: 7", "- Year: 2020", "Three teams entered.", "",
]), max_size=25))
def test_checks_never_crash(lines: list[str]) -> None:
    check(parse("\n".join(lines) + "\n"))


def test_counts_of_a_part_are_not_compared() -> None:
    text = ("===Elm League===\nTwo teams from each division qualified.\n\nEntrants\n- Elm FC\n"
            "- Oak SC\n- Ash FC\n- Yew FC\n\n===Oak League===\nThe remaining 3 teams and eight "
            "more clubs entered.\n\nEntrants\n- Pine FC\n")
    assert findings(text) == []


def test_separate_brackets_on_one_page_are_not_one_draw() -> None:
    text = ("==Men's semi-finals==\nMay 10, 2031\nElm FC 2-1 Oak SC\nAsh FC 1-0 Yew FC\n"
            "==Men's final==\nMay 20, 2031\nElm FC 1-0 Ash FC\n"
            "==Women's semi-finals==\nMay 1, 2031\nPine FC 2-1 Fir FC\nBay FC 1-0 Cod FC\n"
            "==Women's final==\nMay 8, 2031\nPine FC 1-0 Bay FC\n")
    assert findings(text) == []
