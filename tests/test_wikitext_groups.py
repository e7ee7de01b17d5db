"""Group stages in wikitext: standings tables, results matrices, stages, and what they prove."""

from __future__ import annotations

from typing import Any

import pytest

from parser.api import check, parse
from parser.model.coverage import uncovered_lines
from parser.model.group_stages import stage_of
from parser.schema import load_validator


def wiki(text: str) -> Any:
    """Parse wikitext; the document validates and every line is accounted for."""
    document = parse(text, form="wikitext")
    assert list(load_validator().iter_errors(document.data)) == []
    assert uncovered_lines(document, check(document)) == []
    return document


def findings(document: Any) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in check(document)]


def matches(document: Any) -> list[dict[str, Any]]:
    return [m for r in document.data["rounds"] for m in r["matches"]]


def box(team1: str, score: str, team2: str) -> str:
    return f"{{{{Football box\n|team1={team1}\n|score={score}\n|team2={team2}\n}}}}\n"


GROUP_A = """==Group A==
{{#invoke:Sports table|main|style=WDL
|team_order=ELM, OAK, ASH
|win_ELM=1 |draw_ELM=1 |loss_ELM=0 |gf_ELM=3 |ga_ELM=2
|win_OAK=1 |draw_OAK=0 |loss_OAK=1 |gf_OAK=2 |ga_OAK=2
|win_ASH=0 |draw_ASH=1 |loss_ASH=1 |gf_ASH=1 |ga_ASH=2
|name_ELM=[[Elm F.C.|Elm FC]] |name_OAK=Oak SC |name_ASH=Ash Town
|result1=KO |col_KO=green1 |text_KO=Advance to the knockout stage
}}
"""
GROUP_A_BOXES = (box("Elm FC", "2–1", "Oak SC") + box("Oak SC", "1–0", "Ash Town")
                 + box("Ash Town", "1–1", "Elm FC"))


# ---- Sports table --------------------------------------------------------------------------


def test_sports_table_rows_take_every_figure_with_its_line() -> None:
    document = wiki(GROUP_A + GROUP_A_BOXES)
    (table,) = document.data["standings"]
    assert (table["name"], table["source"], table["line"], table["end_line"]) == (
        "Group A", "sports_table", 2, 9)
    first = table["rows"][0]
    assert {k: first[k] for k in ("team", "code", "line", "position", "played", "won",
                                  "drawn", "lost", "goals_for", "goals_against",
                                  "goal_difference", "points", "result")} == {
        "team": "Elm FC", "code": "ELM", "line": 4, "position": 1, "played": 2, "won": 1,
        "drawn": 1, "lost": 0, "goals_for": 3, "goals_against": 2, "goal_difference": None,
        "points": None, "result": "KO: Advance to the knockout stage"}
    assert table["extra"]["col_KO"] == "green1"
    assert document.locate("/standings/0/rows/1/won").line == 5
    assert document.locate("/standings/0/rows/2/team").line == 7


def test_the_issue_case_is_a_group_stage_without_knockout_findings() -> None:
    text = GROUP_A + GROUP_A_BOXES + "==Semi-finals==\n" + box("Elm FC", "0–1", "Pine FC") + (
        "==Group B==\n" + box("Elm FC", "2–1", "Oak SC"))
    document = wiki(text)
    assert [(r["name"], r["stage"], r["group"]) for r in document.data["rounds"]] == [
        ("Group A", "group", "Group A"), ("Semi-finals", "knockout", None),
        ("Group B", "group", None)]
    assert findings(document) == []


def test_missing_figures_are_zero_and_adjustments_count() -> None:
    document = wiki("==Group A==\n{{#invoke:Sports table|main|style=WDL|team_order=ELM, OAK\n"
                    "|win_ELM=1 |gf_ELM=1\n|loss_OAK=1 |ga_OAK=1\n|adjust_points_OAK=-3\n"
                    "|status_ELM=Q |note_OAK=Deducted 3 points\n}}\n")
    elm, oak = document.data["standings"][0]["rows"]
    assert (elm["drawn"], elm["lost"], elm["status"]) == (0, 0, "Q")
    assert (oak["adjust_points"], oak["note"], oak["team"]) == (-3, "Deducted 3 points", "OAK")


def test_unknown_parameters_and_orphan_codes_are_kept_and_reported() -> None:
    document = wiki("==Group A==\n{{#invoke:Sports table|main|style=WDL|team_order=ELM\n"
                    "|win_ELM=two |win_OAK=2 |colour_scheme=blue\n}}\n")
    table = document.data["standings"][0]
    assert table["extra"]["win_OAK"] == "2" and table["extra"]["colour_scheme"] == "blue"
    assert table["rows"][0]["won"] == 0
    assert sorted(d.code for d in document.diagnostics) == ["WT021", "WT021", "WT022"]


def test_team_order_may_span_lines_and_carry_comments() -> None:
    document = wiki("==Table==\n{{#invoke:Sports table|main|style=WDL\n|team_order=ELM, OAK,\n"
                    "  ASH\n<!-- figures -->\n|win_ASH=1\n}}\n")
    rows = document.data["standings"][0]["rows"]
    assert [r["code"] for r in rows] == ["ELM", "OAK", "ASH"]
    assert document.locate("/standings/0/rows/2/position").line == 4


def test_onlyinclude_is_looked_through() -> None:
    document = wiki("==Group A==\n<onlyinclude>{{#invoke:Sports table|main|style=WDL\n"
                    "|team_order=ELM\n|win_ELM=1\n}}</onlyinclude>\n")
    assert len(document.data["standings"]) == 1
    assert document.data["unparsed"] == []


# ---- legacy templates and wikitables ---------------------------------------------------------


def test_fb_cl2_rows_make_one_table() -> None:
    document = wiki("==Group 1==\n{{Fb cl header}}\n"
                    "{{Fb cl2 team |p=1 |t=[[Elm F.C.|Elm FC]] |w=2 |d=0 |l=0 |gf=4 |ga=1 "
                    "|bc=#ccffcc}}\n{{Fb cl2 team |p=2 |t=Oak SC |w=0 |d=0 |l=2 |gf=1 |ga=4 "
                    "|pts=1 |zz=1}}\n{{Fb cl footer |u=1 May 2031 |s=FA}}\n")
    (table,) = document.data["standings"]
    assert (table["source"], table["line"], table["end_line"]) == ("fb_cl2", 2, 5)
    assert [(r["team"], r["position"], r["played"], r["points"]) for r in table["rows"]] == [
        ("Elm FC", 1, 2, None), ("Oak SC", 2, 2, 1)]
    assert table["rows"][0]["extra"] == {"bc": "#ccffcc"}
    assert table["extra"] == {"source": "FA", "update": "1 May 2031"}
    assert [d.code for d in document.diagnostics] == ["WT021"]
    assert [c for c, _ in findings(document)] == ["ST803", "WT021"]


STANDINGS_HEADERS = [
    "Pos !! Team !! Pld !! W !! D !! L !! GF !! GA !! GD !! Pts",
    "Position !! Club !! P !! W !! D !! L !! F !! A !! +/− !! Points",
    "# !! Nation !! GP !! Won !! Drawn !! Lost !! For !! Against !! Diff !! Pts",
]


@pytest.mark.parametrize("header", STANDINGS_HEADERS)
def test_wikitable_standings_in_any_spelling(header: str) -> None:
    document = wiki("==Table==\n{| class=\"wikitable\"\n! " + header + "\n|-\n"
                    "| 1 || Elm FC (C) || 2 || 2 || 0 || 0 || 5 || 1 || +4 || 6\n|}\n")
    row = document.data["standings"][0]["rows"][0]
    assert (row["team"], row["status"], row["played"], row["goals_for"], row["goal_difference"],
            row["points"]) == ("Elm FC", "C", 2, 5, 4, 6)


@pytest.mark.parametrize("header", [
    "Home team !! Score !! Away team", "Rank !! Player !! Club !! Goals",
    "Club !! Matches !! Total !! Average"])
def test_other_wikitables_are_not_standings(header: str) -> None:
    document = wiki("==Stats==\n{| class=\"wikitable\"\n! " + header + "\n|-\n"
                    "| Elm FC || 2–1 || Oak SC || 4\n|}\n")
    assert document.data["standings"] == []


# ---- results matrices ----------------------------------------------------------------------


@pytest.mark.parametrize(("cell", "expected"), [
    ("2–1", ("played", 2, 1, None)),
    ("[[Elm derby|2–1]]", ("played", 2, 1, None)),
    ("3–0 (awd.)", ("awarded", 3, 0, None)),
    ("12 May 2032", ("scheduled", None, None, "12 May 2032")),
    ("Canc.", ("cancelled", None, None, None)),
    ("", None), ("—", None),
])
def test_matrix_cells(cell: str, expected: tuple[Any, ...] | None) -> None:
    document = wiki("==Results==\n{{#invoke:Sports results|main|team1=ELM|team2=OAK\n"
                    f"|name_ELM=Elm FC|name_OAK=Oak SC\n|match_ELM_OAK={cell}\n}}}}\n")
    found = matches(document)
    if expected is None:
        assert found == []
        return
    (match,) = found
    assert (match["home"], match["away"], match["source"], match["line"]) == (
        "Elm FC", "Oak SC", "matrix", 4)
    assert (match["status"], match["home_score"], match["away_score"], match["date"]) == expected


def test_a_cell_that_is_no_result_is_reported() -> None:
    document = wiki("==Results==\n{{#invoke:Sports results|main|team1=ELM|team2=OAK\n"
                    "|match_ELM_OAK=see below\n}}\n")
    assert matches(document) == [] and [d.code for d in document.diagnostics] == ["WT023"]


def test_table_and_matrix_with_other_codes_join_through_names() -> None:
    text = ("==League table==\n{{#invoke:Sports table|main|style=WDL|team_order=ELM, OAK, ASH\n"
            "|win_ELM=2 |gf_ELM=3 |ga_ELM=0\n|draw_OAK=1 |loss_OAK=1 |gf_OAK=1 |ga_OAK=2\n"
            "|draw_ASH=1 |loss_ASH=1 |gf_ASH=1 |ga_ASH=3\n"
            "|name_ELM=Elm FC |name_OAK=Oak SC |name_ASH=Ash Town\n}}\n"
            "==Results==\n{{#invoke:Sports results|main|team1=EFC|team2=OSC|team3=ATN\n"
            "|name_EFC=[[Elm F.C.|Elm FC]] |name_OSC=Oak SC |name_ATN=Ash Town\n"
            "|match_EFC_OSC=[[Elm derby|1–0]] |match_ATN_EFC=0–2 |match_OSC_ATN=1–1\n}}\n")
    document = wiki(text)
    (results,) = document.data["rounds"]
    assert (results["stage"], results["group"], len(results["matches"])) == (
        "league", "League table", 3)
    assert findings(document) == []
    broken = wiki(text.replace("match_ATN_EFC=0–2", "match_ATN_EFC=2–2"))
    assert sorted(c for c, _ in findings(broken)) == ["ST806", "ST806"]


def test_fb_r_codes_are_joined_to_the_table_by_abbreviation() -> None:
    document = wiki("==Group 1==\n{{Fb cl header}}\n"
                    "{{Fb cl2 team |p=1 |t=Elmstead Rovers |w=1 |gf=2 |ga=0}}\n"
                    "{{Fb cl2 team |p=2 |t=Oakfield |l=1 |gf=0 |ga=2}}\n{{Fb cl footer}}\n"
                    "{{Fb r2 header |ELM |OAK}}\n{{fb r|ELM|OAK|2–0}}\n{{Fb r footer}}\n")
    (match,) = matches(document)
    assert (match["home"], match["away"], match["source"]) == ("Elmstead Rovers", "Oakfield",
                                                              "matrix")
    assert document.data["rounds"][0]["group"] == "Group 1"
    assert findings(document) == []


def test_a_matrix_cell_repeating_a_box_is_counted_once() -> None:
    matrix = ("{{#invoke:Sports results|main|team1=ELM|team2=OAK|name_ELM=Elm FC"
              "|name_OAK=Oak SC\n|match_ELM_OAK=CELL\n}}\n")
    table = ("{{#invoke:Sports table|main|style=WDL|team_order=ELM, OAK|win_ELM=1|gf_ELM=2"
             "|ga_ELM=1|loss_OAK=1|gf_OAK=1|ga_OAK=2|name_ELM=Elm FC|name_OAK=Oak SC}}\n")
    same = wiki("==Group A==\n" + table + box("Elm FC", "2–1", "Oak SC") + matrix.replace("CELL", "2–1"))
    assert [m["source"] for m in matches(same)] == ["template"]
    assert [d.code for d in same.diagnostics] == ["WT024"]
    other = wiki("==Group A==\n" + table + box("Elm FC", "2–1", "Oak SC") + matrix.replace("CELL", "1–2"))
    assert [m["source"] for m in matches(other)] == ["template"]
    assert [d.code for d in other.diagnostics] == ["WT025"]


# ---- stages --------------------------------------------------------------------------------


def _round(name: str, pairs: list[tuple[str, str]]) -> dict[str, Any]:
    return {"name": name, "section": name, "line": 1, "end_line": 2,
            "matches": [{"home": h, "away": a, "status": "played"} for h, a in pairs]}


ROUND_ROBIN = [("A", "B"), ("C", "D"), ("A", "C"), ("B", "D"), ("A", "D"), ("B", "C")]


@pytest.mark.parametrize(("name", "pairs", "stage"), [
    ("Group A", [("A", "B")], "group"), ("Group stage", [("A", "B")], "group"),
    ("Pool 1", [("A", "B")], "group"), ("League phase", [("A", "B")], "league"),
    ("Matchday 1", ROUND_ROBIN, "group"), ("First round", [("A", "B"), ("C", "D")], "knockout"),
    ("Quarter-finals", ROUND_ROBIN, "knockout"), ("Second round", [("A", "B"), ("B", "A")],
                                                   "knockout"),
])
def test_stage_by_name_and_by_opponents(name: str, pairs: list[tuple[str, str]],
                                        stage: str) -> None:
    assert stage_of(_round(name, pairs), None) == stage


def test_a_final_between_two_teams_of_one_group_stays_knockout() -> None:
    document = wiki(GROUP_A + GROUP_A_BOXES + "==Final==\n" + box("Elm FC", "1–0", "Oak SC"))
    assert [r["stage"] for r in document.data["rounds"]] == ["group", "knockout"]


# ---- templates nothing reads ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "reported"), [
    ("{{CupTieRow|Elm FC||3–2|Oak SC||2–1|1–1}}", True),
    ("{{TwoLegResult|Elm FC||3–2|Oak SC||2–1|1–1}}", False),  # read by the result-row reader
    ("{{Some results row|team1=Elm FC|team2=Oak SC}}", True),
    ("{{Reflist}}", False), ("{{2031 Elm Cup navbox}}", False),
    ("{{Col begin|width=50%}}", False),
])
def test_block_templates_with_teams_or_scores_are_reported(text: str, reported: bool) -> None:
    document = wiki("==First round==\n" + text + "\n")
    assert ("WT020" in [d.code for d in document.diagnostics]) is reported


def test_labelled_tables_in_one_section_are_checked_against_their_own_teams() -> None:
    def table(codes: str, figures: str, names: str) -> str:
        return ("{{#invoke:Sports table|main|style=WDL|team_order=" + codes + "\n" + figures
                + "\n" + names + "}}\n")
    text = ("==Group stage==\n;Group A\n"
            + table("ELM, OAK", "|win_ELM=1|gf_ELM=1|loss_OAK=1|ga_OAK=1",
                    "|name_ELM=Elm FC|name_OAK=Oak SC")
            + ";Group B\n"
            + table("ASH, YEW", "|win_ASH=1|gf_ASH=2|loss_YEW=1|ga_YEW=2",
                    "|name_ASH=Ash Town|name_YEW=Yew FC")
            + box("Elm FC", "1–0", "Oak SC") + box("Ash Town", "1–0", "Yew FC"))
    document = wiki(text)
    assert [t["name"] for t in document.data["standings"]] == ["Group A", "Group B"]
    assert [(r["stage"], r["group"]) for r in document.data["rounds"]] == [("group", None)]
    assert [(d.code, d.line) for d in check(document) if d.code == "ST806"] == [
        ("ST806", 8), ("ST806", 8)]


def test_a_note_may_point_at_another_teams_note() -> None:
    document = wiki("==Table==\n{{#invoke:Sports table|main|style=WDL|team_order=ELM, OAK\n"
                    "|note_ELM=Level on head-to-head |note_OAK=ELM\n}}\n")
    assert [r["note"] for r in document.data["standings"][0]["rows"]] == [
        "Level on head-to-head", "Level on head-to-head"]


def test_goals_over_for_and_against_in_two_header_rows() -> None:
    document = wiki("==Table==\n{| class=\"wikitable\"\n"
                    "! rowspan=2 | Pos !! rowspan=2 | Team !! rowspan=2 | Pld !! rowspan=2 | W "
                    "!! rowspan=2 | D !! rowspan=2 | L !! colspan=2 | Goals !! rowspan=2 | Pts\n"
                    "|-\n! F !! A\n|-\n| 1 || Elm FC || 1 || 1 || 0 || 0 || 2 || 0 || 3\n|}\n")
    row = document.data["standings"][0]["rows"][0]
    assert (row["goals_for"], row["goals_against"], row["points"]) == (2, 0, 3)


def test_boxes_naming_teams_by_code_join_the_table_by_its_codes() -> None:
    document = wiki("==Group A==\n{{#invoke:Sports table|main|style=WDL|team_order=ELM, OAK\n"
                    "|win_ELM=1|gf_ELM=1|loss_OAK=1|ga_OAK=1|name_ELM=Elm FC|name_OAK=Oak SC}}\n"
                    + box("{{fb|ELM}}", "0–1", "{{fb|OAK}}"))
    assert document.data["rounds"][0]["group"] == "Group A"
    assert [c for c, _ in findings(document)] == ["ST806", "ST806"]


def test_documented_options_that_look_like_team_keys_are_not_teams() -> None:
    document = wiki("==Table==\n{{#invoke:Sports table|main|style=WDL|team_order=ELM\n"
                    "|status_pos=after |note_header=Notes |hth_local=yes\n}}\n")
    assert document.diagnostics == []
    assert document.data["standings"][0]["extra"]["status_pos"] == "after"
