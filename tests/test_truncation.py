"""Documents cut off mid-line: nothing read from the cut line looks whole."""

from __future__ import annotations

from typing import Any

import pytest

from parser.api import check, parse
from parser.flat.truncation import cut_last_line
from parser.model.coverage import uncovered_lines
from parser.read.source import from_text

HEAD = "= 2031 Elm Cup =\n== Final ==\nMay 3, 2031\nElm FC 2-1 Oak SC\n"


@pytest.mark.parametrize(("text", "cut"), [
    (HEAD + "Frickley Vale 2–4 H", 5),          # stops inside a word
    (HEAD + "Frickley Vale 2–4 Harrow (1", 5),   # inside a bracket
    (HEAD + "- Elm Rovers FC", 5),
    (HEAD + "Frickley Vale 2–4 Harrowby Town\n", None),  # a line end: whole
    (HEAD + "All winners advance.", None),        # ends on a full stop
    (HEAD + "Frickley Vale (NPSL) 2–4 Harrowby Town (LQ)", None),
    ("", None),
])
def test_which_last_lines_are_cut(text: str, cut: int | None) -> None:
    assert cut_last_line(from_text(text)) == cut


def _matches(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [m for r in data["rounds"] for m in r["matches"]]


def test_a_match_on_a_cut_last_line_is_marked_and_reported() -> None:
    document = parse(HEAD + "Frickley Vale 2–4 H")
    first, last = _matches(document.data)
    assert "truncated" not in first and last["truncated"] is True and last["away"] == "H"
    [finding] = [d for d in document.diagnostics if d.code == "PA012"]
    assert (finding.line, finding.column) == (5, 20)
    assert uncovered_lines(document, check(document)) == []


def test_a_match_from_a_row_without_its_closing_pipe_is_marked() -> None:
    text = "= Elm Cup =\n== Final ==\n| Tie | Home | Score | Away |\n| 1 | Elm | 2-1 | Oak Ro"
    document = parse(text)
    [match] = _matches(document.data)
    assert match["truncated"] is True and match["away"] == "Oak Ro"
    codes = [d.code for d in document.diagnostics]
    assert "PA004" in codes and "PA012" not in codes  # the row's own finding says it


def test_an_entrant_from_a_cut_row_or_line_is_marked() -> None:
    table = parse("= Elm Cup =\n| Club | Division |\n| Elm FC | South |\n| Oak Ro")
    assert [e.get("truncated") for e in table.data["entrants"]] == [None, True]
    listed = parse("= Elm Cup =\nEntrants\n- Elm FC\n- Oak Rov")
    assert [e.get("truncated") for e in listed.data["entrants"]] == [None, True]


def test_a_truncated_match_takes_no_part_in_the_progression_checks() -> None:
    text = ("= Elm Cup =\n==Semi-finals==\nElm FC 2-1 Oak SC\nAsh FC 0-1 Yew FC\n"
            "==Final==\nElm FC 1-0 Ye")
    codes = {d.code for d in check(parse(text))}
    assert not codes & {"PR202", "PR205", "NA701"}, codes
