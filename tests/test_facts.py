"""Facts stated by prose (byes, aggregates, shoot-outs, walkovers) and the spans checks use."""

from __future__ import annotations

import pytest

from parser.api import parse
from parser.model import facts


@pytest.mark.parametrize(
    ("text", "kind", "teams", "winner", "score", "pens", "target"),
    [
        ("Oak Rovers, Ash Town and Birch United received byes to the second round.", "byes",
         ("Oak Rovers", "Ash Town", "Birch United"), None, None, None, "second round"),
        ("Elm FC (NPSL) and Oak SC (LQ) received byes.", "byes", ("Elm FC", "Oak SC"), None,
         None, None, None),
        ("All winners qualified for the tournament proper.", "all_winners", (), None, None, None,
         "tournament proper"),
        ("Elm FC won 3–2 on aggregate.", "aggregate", ("Elm FC",), "Elm FC", (3, 2), None, None),
        ("Elm FC and Oak SC drew 3-3 on aggregate", "aggregate", ("Elm FC", "Oak SC"), None,
         (3, 3), None, None),
        ("L.A. Wolves FC won 5–4 on penalties.", "penalties", ("L.A. Wolves FC",),
         "L.A. Wolves FC", None, (5, 4), None),
        ("Holly FC won 4–3 on pens.", "penalties", ("Holly FC",), "Holly FC", None, (4, 3),
         None),
        ("Elm FC won 4–2 on spot-kicks", "penalties", ("Elm FC",), "Elm FC", None, (4, 2), None),
        ("Fir FC won on away goals.", "advanced", ("Fir FC",), "Fir FC", None, None, None),
        ("Oak SC went through on the away goals rule", "advanced", ("Oak SC",), "Oak SC", None,
         None, None),
        ("Oak SC withdrew and Elm FC advanced on a walkover.", "advanced", ("Elm FC", "Oak SC"),
         "Elm FC", None, None, None),
        ("Oak SC fielded a suspended player and the tie was awarded to Elm FC.", "advanced",
         ("Elm FC",), "Elm FC", None, None, None),
        ("Oak SC failed to fulfil the fixture.", "withdrew", ("Oak SC",), None, None, None, None),
    ],
)
def test_one_fact_per_sentence(text: str, kind: str, teams: tuple[str, ...], winner: str | None,
                               score: tuple[int, int] | None, pens: tuple[int, int] | None,
                               target: str | None) -> None:
    (fact,) = facts.from_prose(text)
    assert (fact.kind, fact.teams, fact.winner, fact.score, fact.pens, fact.target) == (
        kind, teams, winner, score, pens, target)
    assert fact.index == 0


def test_sentences_keep_abbreviated_names_whole() -> None:
    text = "Games took place in 2030. L.A. Wolves FC and St. Elm F.C. received byes. Done."
    assert [s for _, s in facts.sentences(text)] == [
        "Games took place in 2030", "L.A. Wolves FC and St. Elm F.C. received byes", "Done"]


def test_clauses_after_a_semicolon() -> None:
    found = facts.from_prose("Elm FC and Oak SC drew 3–3 on aggregate; Elm FC won 5–4 on penalties.")
    assert [(f.kind, f.index) for f in found] == [("aggregate", 0), ("penalties", 41)]


def test_prose_without_facts() -> None:
    assert facts.from_prose("The match was played in front of 6,318 spectators.") == []
    assert facts.from_prose("Elm FC won 2–1 on the day.") == []  # no shoot-out word
    assert facts.from_prose("The away goals rule was dropped in 2031.") == []
    assert facts.from_prose("The match finished 2–2 and Elm FC won the final 4–1.") == []


def test_facts_in_the_json_with_columns() -> None:
    doc = parse("= T =\n\n==First round==\nGames took place in 2031. Elm FC received a bye.\n"
                "May 1\nOak SC 2-1 Ash FC\n")
    (fact,) = doc.data["facts"]
    assert (fact["kind"], fact["line"], fact["column"], fact["section"]) == (
        "byes", 4, 27, "First round")
    assert doc.locate("/facts/0").end_column == 47


def test_date_and_cell_spans() -> None:
    doc = parse("= T =\n\n==First round==\n| Tie | Home | Score | Away |\n"
                "| 1 | Elm FC | 2–1 | |\n\n==Final==\n  March 7, 2031\nElm FC 2-1 Oak SC\n")
    rows = "/sections/0/children/0/blocks/0/rows/0/cells"
    span = doc.locate(f"{rows}/1")
    assert (span.line, span.column, span.end_column) == (5, 7, 12)
    empty = doc.locate(f"{rows}/3")
    assert (empty.line, empty.column) == (5, 21)
    final = doc.data["rounds"][-1]
    assert final["name"] == "Final"
    date = doc.locate("/rounds/1/matches/0/date")
    assert (date.line, date.column, date.end_column) == (8, 3, 15)
