"""Unit tests of the wiki layer, blocks, infobox, tables, counts and the document builder."""

from __future__ import annotations

import pytest

from parser.api import parse
from parser.flat.blocks import split_blocks
from parser.flat.tables import parse_tables
from parser.markup.wiki import Line, scan
from parser.model.counts import from_heading, from_prose, number_value
from parser.model.infobox import parse_field
from parser.read.source import from_text


def lines_of(text: str) -> list[Line]:
    return list(scan(from_text(text)).lines)


def test_headings_nest_and_levels_can_skip() -> None:
    doc = parse("= T =\n==A==\n==== Deep ====\nx\n== B ==\ny\n").data
    root = doc["sections"][0]
    assert doc["title"] == "T" and root["level"] == 1
    assert [c["title"] for c in root["children"]] == ["A", "B"]
    assert root["children"][0]["children"][0]["title"] == "Deep"
    assert root["children"][0]["children"][0]["level"] == 4


def test_inline_markup_is_reduced_with_columns_mapped_back() -> None:
    line = lines_of("Won by [[Elm F.C.|Elm]] and '''Oak'''<ref>x</ref> today\n")[0]
    assert line.text == "Won by Elm and Oak today" and line.refs == 1
    assert line.raw[line.raw_index(line.text.index("today")):].startswith("today")


@pytest.mark.parametrize(("text", "kinds"), [
    ("Infobox\n- Year: 2031\n", ["infobox"]),
    ("Some prose here.\n", ["paragraph"]),
    ("| a | b |\n| 1 | 2 |\n", ["table"]),
    ("- Elm FC\n- Oak SC\n", ["list"]),
    ("September 10\nElm FC 2-1 Oak SC\n  Elm FC: Ann 3'\n", ["date", "match", "scorer"]),
    ("Elm FC 1-1 Oak SC\nafter extra time\n", ["match", "match_note"]),
    ("<section begin=Bracket /><section end=Bracket />\n", ["marker"]),
    ("'''\n", ["other"]),
])
def test_block_kinds(text: str, kinds: list[str]) -> None:
    assert [b.kind for b in split_blocks(lines_of(text))] == kinds


def test_label_line_names_the_list() -> None:
    blocks = split_blocks(lines_of("Playoffs\n- AFC Elm (OH)\n- Oak SC (CA)\n"))
    assert len(blocks) == 1 and blocks[0].label is not None
    assert blocks[0].label.text == "Playoffs"


def test_comma_spread_team_list_is_a_list() -> None:
    blocks = split_blocks(lines_of("Elm FC,\nOak SC,\nAsh Town\n"))
    assert blocks[0].kind == "list" and blocks[0].extra["style"] == "comma"


def test_infobox_leaks_are_split_off_not_dropped() -> None:
    text = "- Champions: Harbor City, (3rd title) |runner-up = Port Vale Rovers"
    field = parse_field(Line(1, text, text))
    assert field is not None
    assert (field.name, field.value, field.notes) == ("champions", "Harbor City", ["3rd title"])
    assert field.leaked[0]["name"] == "runner_up" and field.leaked[0]["value"] == "Port Vale Rovers"


@pytest.mark.parametrize(("text", "name", "value"), [
    ("- Prev Season: 2030", "prev_season", 2030),
    ("- Prev_season: 2030-31", "prev_season", "2030–31"),
    ("- Num Teams: 64", "num_teams", 64),
    ("- Count: 2 | runner-up = Elm FC", "num_teams", 2),
    ("- Champions: | runner-up =", "champions", None),
    ("- Next Season: 2032–33 |", "next_season", "2032–33"),
    ("- Nextseason: <s>2032</s>", "next_season", 2032),
    ("- Winners: Harbor City,", "champions", "Harbor City"),
    ("- Attendance: 18,402", "attendance", 18402),
    ("- Top Goal Scorer: Ann Lee , Bo Ray , (5 goals each)", "top_scorer", "Ann Lee, Bo Ray"),
])
def test_infobox_values(text: str, name: str, value: object) -> None:
    field = parse_field(Line(1, text, text))
    assert field is not None and (field.name, field.value) == (name, value)


def test_flag_code_is_split_from_a_name() -> None:
    field = parse_field(Line(1, "- Top Scorer: CRC Ana Mora, (7 goals)", "- Top Scorer: CRC Ana Mora, (7 goals)"))
    assert field is not None and (field.country, field.value) == ("CRC", "Ana Mora")


def test_table_caption_header_and_positional_columns() -> None:
    text = ("| Division Winners | | | | | |\n| State | Club | Division | | | Previous Best |\n"
            "| | Elm City FC | South | 14th | 2030 | Quarterfinals |\n")
    (table,) = parse_tables(lines_of(text))
    assert table.caption_text == "Division Winners"
    assert table.columns == ["State", "Club", "Division", "column_4", "column_5", "Previous Best"]
    assert table.role == "entrants" and len(table.rows) == 1


def test_entrant_columns_are_typed() -> None:
    text = ("== L ==\n| Division Winners | | | | | |\n| State | Club | Division | | | Previous Best |\n"
            "| | Elm City FC | South | 14th | 2030 | Quarterfinals |\n")
    (entrant,) = parse(text).data["entrants"]
    assert (entrant["name"], entrant["appearances"], entrant["last_appearance"]) == (
        "Elm City FC", 14, 2030)
    assert entrant["label"] == "Division Winners" and entrant["column"] == 5


def test_results_table_yields_matches_like_match_lines() -> None:
    text = ("== First round ==\n| Tie | Home team (tier) | Score | Away team (tier) | ' |\n"
            "| 1 | Elm Town (9) | 2–1 | Oak Rovers (10) | 143 |\n"
            "| 31 | Finchley Vale w/o-scr Stevenage Park | | |\n")
    matches = parse(text).data["rounds"][0]["matches"]
    assert [(m["home"], m["away"], m["home_score"], m["status"], m["tie"]) for m in matches] == [
        ("Elm Town", "Oak Rovers", 2, "played", "1"),
        ("Finchley Vale", "Stevenage Park", None, "walkover", "31"),
    ]
    assert matches[0]["home_tier"] == 9


def test_side_by_side_tables_split_on_lone_pipe() -> None:
    tables = parse_tables(lines_of("| A | B |\n| 1 | 2 |\n|\n| C | D |\n| 3 | 4 |\n"))
    assert [t.columns for t in tables] == [["A", "B"], ["C", "D"]]


@pytest.mark.parametrize(("text", "value"), [("21", 21), ("Twenty-one", 21), ("nine", 9),
                                             ("twenty one", 21), ("eleventy", None)])
def test_number_words(text: str, value: int | None) -> None:
    assert number_value(text) == value


def test_counts_in_headings_and_prose() -> None:
    assert [(c.count, c.what) for c in from_heading("Premier League (21 teams)")] == [(21, "teams")]
    assert [(c.count, c.what) for c in from_heading("National League (12)")] == [(12, "teams")]
    assert from_heading("Second round (North)") == []
    found = from_prose("Nine division winners, followed by 12 at large berths.")
    assert [(c.count, c.what) for c in found] == [(9, "division winners"), (12, "at large berths")]
    assert from_prose("teams play in up to five qualifying rounds") == []
    assert from_prose("The rounds decided eight of the teams of the group stage.") == []
    assert [c.count for c in from_prose("Eight of the 32 teams were seeded.")] == [32]
    assert from_prose("a play-off between the two losing teams of the semi-finals") == []


def test_year_comes_from_round_prose_then_infobox() -> None:
    text = ("= T =\nInfobox\n- Year: 2017\n\n== First round ==\nGames took place in 2016.\n"
            "September 10\nElm FC 2-1 Oak SC\n== Second round ==\nMarch 3\nElm FC 1-0 Ash FC\n")
    rounds = parse(text).data["rounds"]
    assert rounds[0]["matches"][0]["date_iso"] == "2016-09-10"
    assert rounds[1]["matches"][0]["date_iso"] == "2017-03-03"


def test_two_leg_sections_become_one_round_name_with_legs() -> None:
    text = "== Quarter-finals ==\n=== First legs ===\nElm FC 1-0 Oak SC\n=== Second legs ===\nOak SC 2-0 Elm FC\n"
    rounds = parse(text).data["rounds"]
    assert [(r["name"], r["matches"][0]["leg"]) for r in rounds] == [
        ("Quarter-finals", "1st"), ("Quarter-finals", "2nd")]


def test_region_heading_under_a_round() -> None:
    rounds = parse("== First round ==\n=== North ===\nElm FC 1-0 Oak SC\n").data["rounds"]
    assert (rounds[0]["name"], rounds[0]["region"]) == ("First round", "North")


def test_a_subsection_naming_a_match_is_not_a_region() -> None:
    text = ("== Round of 16 ==\n=== Elm vs Oak ===\n{{Football box|team1=Elm|score=1–0|team2=Oak}}"
            "\n=== North ===\n{{Football box|team1=Ash|score=2–0|team2=Yew}}\n")
    rounds = parse(text, "r.wiki", form="wikitext").data["rounds"]
    assert [(r["name"], r["region"]) for r in rounds] == [("Round of 16", None),
                                                         ("Round of 16", "North")]
