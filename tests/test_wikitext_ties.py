"""Result rows ({{TwoLegResult}}, {{OneLegResult}}), brackets, and the knockout checks across
them: each case is a small page and what it must give."""

from __future__ import annotations

from typing import Any

import pytest

from parser.api import check, parse
from parser.model.coverage import uncovered_lines
from parser.schema import load_validator


def wiki(text: str) -> Any:
    document = parse(text, form="wikitext")
    assert list(load_validator().iter_errors(document.data)) == []
    assert uncovered_lines(document, check(document)) == []
    return document


def legs(document: Any) -> list[tuple[Any, ...]]:
    return [(m["leg"], m["home"], m["home_score"], m["away_score"], m["away"], m["aet"],
             m["home_pens"], m["away_pens"], m["status"],
             (m["aggregate"] or {}).get("home"), (m["aggregate"] or {}).get("away"),
             (m["aggregate"] or {}).get("away_goals"), m["winner"])
            for r in document.data["rounds"] for m in r["matches"]]


def findings(document: Any) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in check(document) if d.code != "PR205"]


ROWS = [
    pytest.param("{{TwoLegResult|Elm FC|ENG|4–2|Oak SC|ENG|2–1|2–1}}",
                 [("1st", "Elm FC", 2, 1, "Oak SC", False, None, None, "played", None, None,
                   None, None),
                  ("2nd", "Oak SC", 1, 2, "Elm FC", False, None, None, "played", 2, 4, False,
                   None)], id="plain two legs, scores from team 1's side"),
    pytest.param("{{TwoLegResult|'''[[Elm F.C.|Elm]]'''||2–2 {{pso|4–3}}|Oak||1–1|1–1 "
                 "(a.e.t.)}}",
                 [("1st", "Elm", 1, 1, "Oak", False, None, None, "played", None, None, None,
                   None),
                  ("2nd", "Oak", 1, 1, "Elm", True, 3, 4, "played", 2, 2, False, "away")],
                 id="shoot-out in the aggregate goes to the second leg, bold winner"),
    pytest.param("{{TwoLegResult|Elm||3–3 (a)|'''Oak'''||[[Elm v Oak|1–1]]|2–2}}",
                 [("1st", "Elm", 1, 1, "Oak", False, None, None, "played", None, None, None,
                   None),
                  ("2nd", "Oak", 2, 2, "Elm", False, None, None, "played", 3, 3, True,
                   "home")], id="away goals note and a linked score"),
    pytest.param("{{TwoLegResult\n|team1 = Elm\n|team2 = Oak\n|agg = 1–4\n|leg1 = 1–1\n"
                 "|leg2 = 0–3\n|winner = 2\n}}",
                 [("1st", "Elm", 1, 1, "Oak", False, None, None, "played", None, None, None,
                   None),
                  ("2nd", "Oak", 3, 0, "Elm", False, None, None, "played", 4, 1, False,
                   "home")], id="named parameters and winner="),
    pytest.param("{{TwoLegResult|Elm||w/o|'''Oak'''||—|—}}",
                 [(None, "Elm", None, None, "Oak", False, None, None, "walkover", None, None,
                   None, "away")], id="walkover written in the aggregate"),
    pytest.param("{{OneLegResult|'''{{flagicon|ENG}} Elm'''|ENG|1–1 {{pso|5–4}}|Oak|SCO}}",
                 [(None, "Elm", 1, 1, "Oak", False, 5, 4, "played", None, None, None,
                   "home")], id="one leg with a shoot-out"),
    pytest.param("{{OneLegResult|Elm||0–2 (a.e.t.)|'''Oak'''||}}",
                 [(None, "Elm", 0, 2, "Oak", True, None, None, "played", None, None, None,
                   "away")], id="one leg after extra time"),
]


@pytest.mark.parametrize(("row", "expected"), ROWS)
def test_result_rows_give_one_match_per_leg(row: str, expected: list[tuple[Any, ...]]) -> None:
    start = "{{OneLegStart}}" if "OneLeg" in row else "{{TwoLegStart}}"
    doc = wiki(f"== First round ==\n{start}\n{row}\n|}}\n")
    assert legs(doc) == expected
    assert doc.data["unparsed"] == []


def test_row_extras_and_unknown_parameters_are_kept() -> None:
    doc = wiki("== First round ==\n{{TwoLegStart}}\n"
               "{{TwoLegResult|Elm|ENG|3–1|Oak|SCO|2–0|1–1|nowrap=y|crowd=300}}<ref>r</ref>\n"
               "|}\n")
    first, second = (m for r in doc.data["rounds"] for m in r["matches"])
    assert first["extra"] == second["extra"] == {
        "crowd": "300", "flag1": "ENG", "flag2": "SCO", "nowrap": "y"}
    assert [(d.code, d.line) for d in doc.diagnostics] == [("WT011", 3)]
    assert (first["end_line"], first["source"], first["line"]) == (3, "template", 3)


def test_a_row_without_two_teams_is_reported() -> None:
    doc = wiki("== First round ==\n{{TwoLegStart}}\n{{TwoLegResult|Elm||3–1|||2–0|1–1}}\n|}\n")
    assert legs(doc) == []
    assert [d.code for d in doc.diagnostics] == ["WT012"]


def test_rows_inside_a_wikitable_are_read_once() -> None:
    doc = wiki("== First round ==\n{| class=\"wikitable\"\n!Team 1!!Agg.!!Team 2!!1st leg!!"
               "2nd leg\n{{TwoLegResult|Elm||2–0|Oak||1–0|1–0}}\n|}\n")
    assert [m[:5] for m in legs(doc)] == [("1st", "Elm", 1, 0, "Oak"),
                                          ("2nd", "Oak", 0, 1, "Elm")]
    assert [d.code for d in doc.diagnostics] == []


def test_legs_take_their_own_prose_dates() -> None:
    doc = wiki("== First round ==\nThe first legs were played on 1 August 2031 and the second "
               "legs on 8 August 2031.\n{{TwoLegStart}}\n{{TwoLegResult|Elm||2–0|Oak||1–0|1–0}}"
               "\n|}\n")
    assert [m["date_iso"] for r in doc.data["rounds"] for m in r["matches"]] == [
        "2031-08-01", "2031-08-08"]


BRACKET = ("== Bracket ==\n{{#invoke:RoundN|main|columns=1|legs=2\n|RD1=Final\n"
           "|RD1-seed01=1|RD1-team01='''Elm'''|RD1-score01-1=2|RD1-score01-2=1"
           "|RD1-score01-agg=3\n|RD1-seed02=2|RD1-team02=Oak|RD1-score02-1=0|RD1-score02-2=1"
           "|RD1-score02-agg=1\n}}\n")


def test_a_bracket_is_read_apart_from_the_rounds() -> None:
    doc = wiki(BRACKET)
    assert doc.data["rounds"] == []
    (item,) = doc.data["bracket"]
    assert (item["template"], item["extra"]) == ("#invoke:RoundN", {"columns": "1", "legs": "2"})
    (tie,) = item["ties"]
    assert {k: tie[k] for k in ("round_name", "team1", "team2", "seed1", "seed2", "score1",
                                "score2", "legs", "winner", "bold")} == {
        "round_name": "Final", "team1": "Elm", "team2": "Oak", "seed1": "1", "seed2": "2",
        "score1": "3", "score2": "1", "legs": [[2, 0], [1, 1]], "winner": 1, "bold": 1}


def test_a_bracket_without_slots_is_noted() -> None:
    doc = wiki("== Bracket ==\n{{16TeamBracket-Compact}}\n")
    assert doc.data["bracket"] == [] and [d.code for d in doc.diagnostics] == ["WT010"]


TWO_LEG_BOXES = ("== Final ==\n=== First leg ===\n{{Football box\n|team1=Elm\n|score=2–0\n"
                 "|team2=Oak\n}}\n=== Second leg ===\n{{Football box\n|team1=Oak\n"
                 "|score=1–0\n|team2='''Elm'''\n|aggregatescore=1–2\n}}\n")

CHECKS = [
    pytest.param("== Final ==\n{{Football box collapsible\n|team1 = '''[[Elm F.C.|Elm FC]]'''"
                 "\n|score = 1–2\n|team2 = Oak SC\n}}\n", [("KO901", 3, 10)],
                 id="bold loser of a match box"),
    pytest.param("== Final ==\n{{OneLegStart}}\n{{OneLegResult|'''Elm'''||1–1 {{pso|3–4}}|Oak"
                 "||}}\n|}\n", [("KO901", 3, 16)], id="bold loser of a shoot-out"),
    pytest.param("== Final ==\n{{TwoLegStart}}\n{{TwoLegResult|'''Elm'''||2–2 (a)|Oak||2–2|"
                 "0–0}}\n|}\n", [("KO901", 3, 16)], id="bold side has fewer away goals"),
    pytest.param("== Final ==\n{{TwoLegStart}}\n{{TwoLegResult|Elm||2–2 (a)|'''Oak'''||2–2|"
                 "0–0}}\n|}\n", [], id="away goals decide for the bold side"),
    pytest.param(TWO_LEG_BOXES.replace("1–2", "1–3"), [("KO902", 13, 17)],
                 id="aggregate not the sum of the legs"),
    pytest.param(TWO_LEG_BOXES, [], id="aggregate the sum of the legs"),
    pytest.param(TWO_LEG_BOXES.replace("team1=Oak", "team1=Ash"),
                 [("PR205", 0, 0), ("KO903", 10, 8)], id="second leg against another team"),
    pytest.param(BRACKET + TWO_LEG_BOXES.replace("1–2", "1–3").replace(
        "score=1–0", "score=1–1"), [], id="bracket agrees with the two-leg boxes"),
    pytest.param(BRACKET + TWO_LEG_BOXES.replace("1–2", "2–2"), [("KO904", 4, 84), ("KO904", 4, 84), ("KO902", 19, 17)],
                 id="bracket leg and aggregate differ from the boxes"),
    pytest.param(BRACKET.replace("RD1-team02=Oak", "RD1-team02=Ash") + TWO_LEG_BOXES.replace(
        "1–2", "1–3").replace("score=1–0", "score=1–1"), [("KO904", 5, 26)],
        id="bracket names another team"),
    pytest.param(BRACKET.replace("'''Elm'''", "Elm").replace("team02=Oak", "team02='''Oak'''"),
                 [("KO901", 5, 26)], id="bracket bold slot has the lower score"),
]


@pytest.mark.parametrize(("text", "expected"), CHECKS)
def test_knockout_checks(text: str, expected: list[tuple[str, int, int]]) -> None:
    doc = wiki(text)
    wanted = [e for e in expected if e[0] != "PR205"]
    assert [f for f in findings(doc) if f[0].startswith("KO")] == wanted


def test_infobox_totals_agree_with_walkovers_either_way() -> None:
    page = ("{{Infobox football tournament\n| matches = N\n| goals = 3\n}}\n== Final ==\n"
            "{{OneLegStart}}\n{{OneLegResult|Elm||2–1|Oak||}}\n{{OneLegResult|Ash||w/o|Yew||}}"
            "\n|}\n")
    for count, codes in (("1", []), ("2", []), ("3", ["IB507"]), ("0", ["IB507"])):
        doc = wiki(page.replace("N", count))
        assert [f[0] for f in findings(doc) if f[0].startswith("IB5")] == codes, count


SUMMARY_AND_BOXES = ("== Play-off round ==\n=== Summary ===\n{{TwoLegStart}}\n"
                     "{{TwoLegResult|Elm||3–1|'''Oak'''||2–0|1–1}}\n|}\n=== Matches ===\n"
                     "{{Football box|team1=Elm|score=2–0|team2=Oak}}\n"
                     "{{Football box|team1=Oak|score=1–1|team2=Elm}}\n")


def test_rows_repeating_boxes_are_counted_once_and_fill_the_box() -> None:
    doc = wiki(SUMMARY_AND_BOXES)
    (item,) = doc.data["rounds"]
    assert (item["name"], item["section"]) == ("Play-off round", "Matches")
    first, second = item["matches"]
    assert (first["line"], second["line"], second["leg"], second["winner"]) == (7, 8, "2nd",
                                                                                 "home")
    assert second["aggregate"] == {"text": "3–1", "home": 1, "away": 3, "away_goals": False}
    assert [d.code for d in doc.diagnostics] == ["WT013"]  # one note for the round
    assert [(f[0], f[1]) for f in findings(doc) if f[0].startswith("KO")] == [("KO901", 4)]


def test_a_row_that_differs_from_its_box_is_reported() -> None:
    doc = wiki(SUMMARY_AND_BOXES.replace("score=1–1", "score=1–2"))
    assert sorted(d.code for d in doc.diagnostics) == ["WT013", "WT014"]


ROUNDN = [
    pytest.param("{{#invoke:RoundN|N4|3rdplace=yes\n|RD1=Semi-finals|RD2=Final\n"
                 "| 1 |'''Elm'''|'''2'''| 4 |Oak|1\n| 2 |Ash|0| 3 |'''Yew'''|'''1'''\n"
                 "| 1 |'''Elm'''|'''3'''| 3 |Yew|1\n| 4 |Oak|2| 2 |'''Ash'''|'''3'''\n}}",
                 [(1, "Semi-finals", "Elm", "Oak", "1", "2", "1", [], 1),
                  (1, "Semi-finals", "Ash", "Yew", "2", "0", "1", [], 2),
                  (2, "Final", "Elm", "Yew", "1", "3", "1", [], 1),
                  (3, None, "Oak", "Ash", "4", "2", "3", [], 2)],
                 id="seed team score, third-place match last"),
    pytest.param("{{#invoke:RoundN|main|columns=1|seeds=no|legs=2|agg=y\n"
                 "|'''Elm'''|1|2|3|Oak|0|1|1\n}}",
                 [(1, None, "Elm", "Oak", None, "3", "1", [[1, 0], [2, 1]], 1)],
                 id="no seeds, two legs and the aggregate"),
    pytest.param("{{#invoke:RoundN|main\n|Elm|2|Oak|1\n|Ash|0|Yew|1\n|Elm|1|Yew|0\n}}",
                 [(1, None, "Elm", "Oak", None, "2", "1", [], 1),
                  (1, None, "Ash", "Yew", None, "0", "1", [], 2),
                  (2, None, "Elm", "Yew", None, "1", "0", [], 1)],
                 id="size and layout found from the values"),
]


@pytest.mark.parametrize(("text", "expected"), ROUNDN)
def test_roundn_positional_matches(text: str, expected: list[tuple[Any, ...]]) -> None:
    (item,) = wiki("== Knockout stage ==\n" + text + "\n").data["bracket"]
    assert [(t["round"], t["round_name"], t["team1"], t["team2"], t["seed1"], t["score1"],
             t["score2"], t["legs"], t["winner"]) for t in item["ties"]] == expected


def test_roundn_values_that_make_no_bracket_are_noted() -> None:
    doc = wiki("== B ==\n{{#invoke:RoundN|N8\n|Elm|2|Oak|1\n}}\n")
    assert doc.data["bracket"] == [] and [d.code for d in doc.diagnostics] == ["WT010"]


@pytest.mark.parametrize(("prose", "expected"), [
    ("The draw was held on 12 July 2031. The ties were played on 9 August 2031.",
     ["2031-08-09"]),
    ("The draw for the round was held on 12 July 2031.", [None]),
    ("The ties were played on 9 August 2031, a week after the draw.", ["2031-08-09"]),
])
def test_a_draw_date_is_not_the_games_date(prose: str, expected: list[str | None]) -> None:
    doc = wiki(f"== First round ==\n{prose}\n{{{{OneLegStart}}}}\n"
               "{{OneLegResult|Elm||2–0|Oak||}}\n|}\n")
    assert [m["date_iso"] for r in doc.data["rounds"] for m in r["matches"]] == expected


def test_a_comment_after_the_template_name_is_not_part_of_it() -> None:
    doc = wiki("== Bracket ==\n{{4TeamBracket\n<!-- Semi-finals -->\n| RD1-team1 = Elm\n"
               "| RD1-score1 = 2\n| RD1-team2 = Oak\n| RD1-score2 = 1\n}}\n")
    (item,) = doc.data["bracket"]
    assert item["template"] == "4TeamBracket"
