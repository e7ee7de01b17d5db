"""Results-table rows read by what their cells hold: collapsed spanned cells, dates and
kick-off times carried down, matches cut across two rows, empty scores."""

from __future__ import annotations

from typing import Any

import pytest

from parser.api import parse
from parser.model.results_cells import CellKind, cell_kind, read_rows


@pytest.mark.parametrize(("cell", "kind"), [
    ("", CellKind.EMPTY), ("21 August", CellKind.DATE), ("Saturday, 6 September 2031", CellKind.DATE),
    ("19:00", CellKind.TIME), ("15h30", CellKind.TIME), ("1 - 3", CellKind.RESULT),
    ("2–1 a.e.t", CellKind.RESULT), ("w/o", CellKind.RESULT), ("-", CellKind.UNPLAYED),
    ("v", CellKind.UNPLAYED), ("143", CellKind.NUMBER), ("8.", CellKind.NUMBER),
    ("1,204", CellKind.NUMBER), ("SC Sélestat", CellKind.TEAM),
    ("Avenir de l'Étoile (12)", CellKind.TEAM), ("Elm Vale w/o-scr Oak Park", CellKind.MERGED),
    ("played behind closed doors", CellKind.OTHER), ("16–18 Oct", CellKind.DATE),
])
def test_cell_kinds(cell: str, kind: CellKind) -> None:
    assert cell_kind(cell) is kind


def _read(rows: list[list[str]]) -> list[tuple[Any, ...]]:
    return [(m.home, m.result, m.away, m.date, m.time) for m in read_rows(rows)]


def test_a_whole_match_in_one_row_with_the_date_carried_down() -> None:
    rows = [["21 August", "SC Elm", "1 - 3", "FC Oak"], ["AS Ash", "0 - 1", "FC Yew"]]
    assert _read(rows) == [((0, 1), (0, 2), (0, 3), (0, 0), None),
                           ((1, 0), (1, 1), (1, 2), (0, 0), None)]


def test_a_time_holds_until_the_next_date() -> None:
    rows = [["19:00", "SC Elm", "3 - 2", "FC Oak"], ["22 August", "AS Ash", "1-1", "FC Yew"]]
    found = read_rows(rows)
    assert [(m.date, m.time) for m in found] == [(None, (0, 0)), ((1, 0), None)]


def test_a_match_cut_after_its_score_carries_on_into_the_next_row() -> None:
    rows = [["21 August", "SC Elm", "1 - 3"], ["FC Oak", "", ""], ["AS Ash", "0-1", "FC Yew"]]
    assert [(m.home, m.result, m.away) for m in read_rows(rows)] == [
        ((0, 1), (0, 2), (1, 0)), ((2, 0), (2, 1), (2, 2))]


def test_a_match_cut_before_its_score_carries_on_into_the_next_row() -> None:
    rows = [["19:00", "SC Elm"], ["3 - 2", "FC Oak"]]
    assert [(m.home, m.result, m.away) for m in read_rows(rows)] == [((0, 1), (1, 0), (1, 1))]


def test_a_row_that_is_a_whole_match_does_not_finish_a_cut() -> None:
    rows = [["21 August", "SC Elm", "1 - 3"], ["AS Ash", "0 - 1", "FC Yew"]]
    assert [(m.home, m.away) for m in read_rows(rows)] == [((1, 0), (1, 2))]


def test_an_empty_score_between_teams_of_one_row_is_unplayed() -> None:
    assert [(m.home, m.result, m.away) for m in read_rows([["SS Elm", "", "FR Oak"]])] == [
        ((0, 0), None, (0, 2))]


def test_an_empty_cell_never_joins_teams_of_two_rows() -> None:
    assert read_rows([["SS Elm", "2-1", "FR Oak", ""], ["AS Ash", "", ""]]) == read_rows(
        [["SS Elm", "2-1", "FR Oak", ""]])


def test_skipped_rows_give_no_match_but_keep_their_date() -> None:
    rows = [["21 August", "SC Elm", "1 - 3", "FC Oak"], ["AS Ash", "0 - 1", "FC Yew"]]
    found = read_rows(rows, skip=frozenset({0}))
    assert [(m.home, m.date) for m in found] == [((1, 0), (0, 0))]


COLLAPSED = """= 2031 Vallée Cup =
== First round ==
| Date | Kick off | Home |
| 21 August | SC Elmstein | 1 - 3 |
| FC Eichdorf | | |
| AS Ahornbach | 0 - 1 | FC Keskental |
| 19:00 | USI Birkenau | 3 - 2 |
| SS Pinsheim | | FR Eibenau |
| FC Boofstal | - | SC Ebertal |
| AS Lindenau | 2 - 0 |
"""


def test_a_document_of_collapsed_rows_gives_its_matches() -> None:
    document = parse(COLLAPSED)
    [round_] = document.data["rounds"]
    got = [(m["home"], m["home_score"], m["away_score"], m["away"], m["status"], m["date"],
            m.get("time"), m["line"]) for m in round_["matches"]]
    assert got == [
        ("SC Elmstein", 1, 3, "FC Eichdorf", "played", "21 August", None, 4),
        ("AS Ahornbach", 0, 1, "FC Keskental", "played", "21 August", None, 6),
        ("SS Pinsheim", None, None, "FR Eibenau", "scheduled", "21 August", "19:00", 8),
        ("FC Boofstal", None, None, "SC Ebertal", "scheduled", "21 August", "19:00", 9),
    ]
    # Birkenau's away team is lost (the next row is a match of its own); Lindenau's too
    assert [(d.code, d.line) for d in document.diagnostics if d.code == "PA002"] == [
        ("PA002", 7), ("PA002", 10)]
    [table] = [b for b in document.data["sections"][0]["children"][0]["blocks"]]
    assert table["role"] == "results"


@pytest.mark.parametrize("table", [
    # a score column in the header: its positions rule (a table of past finals stays "other")
    "| Year | Winner | Score | Runner-up |\n| 2024 | Elm Town | 1–0 | Oak Vale |\n",
    # no home/away/kick-off header word
    "| State | Club | Division |\n| OH | Elm FC | 2-1 | Oak League |\n",
    # matches without any written result
    "| Home | | |\n| SS Elm | | FR Oak |\n| AS Ash | | SC Yew |\n",
])
def test_tables_that_are_not_read_by_content(table: str) -> None:
    document = parse("= Elm Cup =\n== Final ==\n" + table)
    assert document.data["rounds"] == []
