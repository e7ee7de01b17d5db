"""Each variation FORMAT.md lists for the flat form, as a small document and what it must
give (section 1 of ../shared/FORMAT.md, in its order). Samples hold the same shapes at full
size; these cases name them one by one, and each also keeps every line covered."""

from __future__ import annotations

from typing import Any

import pytest

from parser.api import check, parse
from parser.model.coverage import uncovered_lines


def _doc(body: str, title: str = "= 2031 Elm Cup =") -> Any:
    document = parse(f"{title}\n{body}\n", "<variation>", form="flat")
    assert uncovered_lines(document, check(document)) == []
    return document


def _matches(document: Any) -> list[dict[str, Any]]:
    return [m for r in document.data["rounds"] for m in r["matches"]]


def _codes(document: Any) -> set[str]:
    return {d.code for d in [*document.diagnostics, *check(document)]}


def _blocks(document: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    stack = list(document.data["sections"])
    while stack:
        section = stack.pop(0)
        out.extend(section["blocks"])
        stack[:0] = section["children"]
    return out


# ---- title, headings -------------------------------------------------------------------

def test_heading_styles_and_skipped_levels() -> None:
    document = _doc("== First round ==\n==== Matches ====\nElm FC 1-0 Oak SC\n==Final==\n"
                    "Ash Town 2-1 Yew Rovers")
    [root] = document.data["sections"]
    assert [(c["title"], c["level"]) for c in root["children"]] == [("First round", 2),
                                                                    ("Final", 2)]
    assert [(c["title"], c["level"]) for c in root["children"][0]["children"]] == [
        ("Matches", 4)]
    assert len(_matches(document)) == 2


@pytest.mark.parametrize(("heading", "count", "region"), [
    ("===Premier League Two (21 teams)===", 21, "Premier League Two"),
    ("=== National League (12) ===", 12, "National League"),
    ("===Second round (North)===", None, "North"),
])
def test_headings_carry_facts(heading: str, count: int | None, region: str | None) -> None:
    document = _doc(f"==First round==\n{heading}\nElm FC 1-0 Oak SC")
    assert [c["count"] for c in document.data["declared_counts"]] == (
        [count] if count is not None else [])
    assert document.data["rounds"][0]["region"] == region


# ---- infobox ---------------------------------------------------------------------------

@pytest.mark.parametrize(("field", "name", "value"), [
    ("- Prevseason: 2030", "prev_season", 2030), ("- Prev Season: 2030", "prev_season", 2030),
    ("- Prev_season: 2030", "prev_season", 2030), ("- Champions: Elm FC", "champions", "Elm FC"),
    ("- Winners: Elm FC", "champions", "Elm FC"), ("- Runner-up: Oak SC", "runner_up", "Oak SC"),
    ("- Second: Oak SC", "runner_up", "Oak SC"), ("- Tourney Name: Elm Cup", "name", "Elm Cup"),
    ("- Title: Elm Cup", "name", "Elm Cup"), ("- Top Goal Scorer: Ann Lee", "top_scorer", "Ann Lee"),
    ("- Scoring Leader: Ann Lee", "top_scorer", "Ann Lee"), ("- Num Teams: 64", "num_teams", 64),
    ("- Teams: 64", "num_teams", 64), ("- Count: 64", "num_teams", 64),
    ("- Team1: Elm FC", "team1", "Elm FC"), ("- Team1Score: 2", "team1_score", 2),
    ("- Stadium: Elm Park", "stadium", "Elm Park"), ("- Attendance: 1,204", "attendance", 1204),
    ("- Next Season: 2032–33 |", "next_season", "2032–33"),
    ("- Nextseason: <s>2032</s>", "next_season", 2032),
    ("- Winners: Harbor City,", "champions", "Harbor City"),
])
def test_infobox_key_spellings_and_values(field: str, name: str, value: Any) -> None:
    [item] = _doc(f"Infobox\n{field}").data["infobox"]["fields"]
    assert (item["name"], item["value"]) == (name, value)
    assert item["raw"]  # the text as written is kept beside the typed value


@pytest.mark.parametrize(("field", "value", "leaked", "notes", "country"), [
    ("- Champions: Harbor City, (3rd title) |runner-up = Port Vale Rovers", "Harbor City",
     {"runner_up": "Port Vale Rovers"}, ["3rd title"], None),
    ("- Champions: Harbor City |runner-up=Port Vale Rovers", "Harbor City",
     {"runner_up": "Port Vale Rovers"}, [], None),
    ("- Count: 2 | runner-up = Elm FC", 2, {"runner_up": "Elm FC"}, [], None),
    ("- Champions: | runner-up =", None, {"runner_up": ""}, [], None),
    ("- Top Goal Scorer: Ann Lee , Bo Ray , (5 goals each)", "Ann Lee, Bo Ray", {},
     ["5 goals each"], None),
    ("- Top Scorer: CRC Ana Mora, (7 goals)", "Ana Mora", {}, ["7 goals"], "CRC"),
    ("- Champions: AFC Wimbledon", "AFC Wimbledon", {}, [], None),  # AFC is no country
])
def test_infobox_messy_values_keep_every_part(field: str, value: Any, leaked: dict[str, str],
                                              notes: list[str], country: str | None) -> None:
    document = _doc(f"Infobox\n{field}")
    [item] = document.data["infobox"]["fields"]
    assert item["value"] == value
    assert {leak["name"]: leak["value"] for leak in item["leaked"]} == leaked
    assert (item["notes"], item["country"]) == (notes, country)
    if leaked:
        assert "IB504" in _codes(document)  # a leak is never dropped silently


def test_no_infobox() -> None:
    assert _doc("==First round==\nElm FC 1-0 Oak SC").data["infobox"] is None


# ---- paragraphs ------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "counts"), [
    ("Twenty-one teams entered through the league.", [21]),
    ("Nine division winners, followed by 12 at large berths.", [9, 12]),
])
def test_prose_counts(sentence: str, counts: list[int]) -> None:
    document = _doc(f"==Entrants==\n{sentence}")
    assert [c["count"] for c in document.data["declared_counts"]] == counts


@pytest.mark.parametrize(("sentence", "kind", "teams"), [
    ("Elm FC won 3–2 on aggregate.", "aggregate", ["Elm FC"]),
    ("Oak Rovers, Ash Town and Birch United received byes.", "byes",
     ["Oak Rovers", "Ash Town", "Birch United"]),
])
def test_prose_facts(sentence: str, kind: str, teams: list[str]) -> None:
    [fact] = _doc(f"==First round==\n{sentence}").data["facts"]
    assert (fact["kind"], fact["teams"]) == (kind, teams)


def test_prose_year_dates_the_round() -> None:
    document = _doc("==First round==\nFirst round games took place in 2030.\nSeptember 10\n"
                    "Elm FC 1-0 Oak SC")
    assert document.data["rounds"][0]["year"] == 2030


# ---- tables ----------------------------------------------------------------------------

RESULTS = """==First round==
First round results: North
| Tie | Home team (tier) | Score | Away team (tier) | ' |
| 1 | Elm Town (9) | 2–1 | Oak Rovers (10) | 143 |
| 2. | Birch United (11) | 1–1 | Ash Athletic (9) | |
| 31 | Finchley Vale w/o-scr Stevenage Park | | |
| 14 | Pine Wanderers | 0-2 | Cedar Mechanics (Cedar disqualified) |
| 15 | Pine Town | 2 - 4 a.e.t | Cedar Rovers |
| 16 | Fir Town | - | Yew Rovers |
|
  - First round results: South**
| Home team | Score | Away team |
| Elm A | 3-0 | Oak B |
|-
!colspan="3" align="center"|12 October
|}"""


def test_results_tables_and_their_artifacts() -> None:
    document = _doc(RESULTS)
    got = [(m["home"], m["home_tier"], m["away"], m["home_score"], m["away_score"],
            m["status"], m["aet"]) for m in _matches(document)]
    assert got == [
        ("Elm Town", 9, "Oak Rovers", 2, 1, "played", False),
        ("Birch United", 11, "Ash Athletic", 1, 1, "played", False),
        ("Finchley Vale", None, "Stevenage Park", None, None, "walkover", False),
        ("Pine Wanderers", None, "Cedar Mechanics", 0, 2, "played", False),
        ("Pine Town", None, "Cedar Rovers", 2, 4, "played", True),
        ("Fir Town", None, "Yew Rovers", None, None, "scheduled", False),
        ("Elm A", None, "Oak B", 3, 0, "played", False),
    ]
    tables = [b for b in _blocks(document) if b["kind"] == "table"]
    assert [t["caption"] for t in tables] == ["First round results: North",
                                              "First round results: South"]
    assert "PA003" in _codes(document)  # leaked |-, !colspan, |}


@pytest.mark.parametrize("rows", [
    "| 1 | Elm Town (9) | 2–1 | Oak Rovers (10) | 143 |\n| 2 | Ash FC | 1-0 | Yew Rovers | 10 |",
    "| Elm Town | 2–1 | Oak Rovers |",
])
def test_a_results_table_whose_header_was_lost(rows: str) -> None:
    document = _doc(f"==First round==\n{rows}")
    assert [m["line"] for m in _matches(document)] == list(range(3, 3 + rows.count("\n") + 1))


def test_two_leg_table_with_a_leg_column() -> None:
    document = _doc("==Final==\n| Leg | Home team | Score | Away team |\n"
                    "| 1st | Elm FC | 2–1 | Oak SC |\n| 2nd | Oak SC | 1–1 | Elm FC |\n"
                    "Elm FC won 3–2 on aggregate.")
    assert [(m["leg"], m["home"]) for m in _matches(document)] == [("1st", "Elm FC"),
                                                                  ("2nd", "Oak SC")]


def test_caption_row_empty_header_cells_and_empty_row_cells() -> None:
    document = _doc("==Entrants==\n| Division Winners | | | | | |\n"
                    "| State | Club | Division | | | Previous Best |\n"
                    "| | Elm City FC | South Atlantic | 14th | 2030 | Quarterfinals |\n"
                    "| | Oak SC | | | | |")
    [table] = [b for b in _blocks(document) if b["kind"] == "table"]
    assert table["caption"] == "Division Winners" and table["role"] == "entrants"
    entrants = document.data["entrants"]
    assert [(e["name"], e["division"], e["previous_best"]) for e in entrants] == [
        ("Elm City FC", "South Atlantic", "Quarterfinals"), ("Oak SC", None, None)]


def test_merged_header_spilling_into_a_second_row() -> None:
    document = _doc("==Walkovers==\n| Tie | Round | Result | | Method |\n"
                    "| Losing club | Winning club | | | |\n"
                    "| 3 | First round | Elm Park | Oak Vale | Walkover |")
    assert "Losing club" not in [e["name"] for e in document.data["entrants"]]
    assert "Winning club" not in [e["name"] for e in document.data["entrants"]]


# ---- lists -----------------------------------------------------------------------------

def test_lists_labels_legends_and_comma_lists() -> None:
    document = _doc("==Teams==\n- $: Winner of the bonus\n- = after extra time\n- Bold: winner"
                    "\n\nPlayoffs\n- AFC Elm (OH)\n- Oak SC (TX)\n\n"
                    "- Elm FC, 2030 league champion\n- Ash Town\n\nNorthern Region:\n"
                    "Birch FC,\nPine SC,\nYew Town")
    lists = [b for b in _blocks(document) if b["kind"] == "list"]
    assert [(b["role"], b["label"], b["style"]) for b in lists] == [
        ("legend", None, "bullet"), ("entrants", "Playoffs", "bullet"),
        ("entrants", None, "bullet"), ("entrants", "Northern Region", "comma")]
    assert [(e["name"], e["state"], e["note"]) for e in document.data["entrants"]] == [
        ("AFC Elm", "OH", None), ("Oak SC", "TX", None),
        ("Elm FC", None, "2030 league champion"), ("Ash Town", None, None),
        ("Birch FC", None, None), ("Pine SC", None, None), ("Yew Town", None, None)]


# ---- dates, match lines, scorer lines ----------------------------------------------------

@pytest.mark.parametrize("date", ["September 10", "Sep 10", "10 September", "March 7, 2031",
                                  "March 22nd", "Saturday, 31 August 2030", "13–14 April 2031"])
def test_date_lines(date: str) -> None:
    [match] = _matches(_doc(f"==First round==\n{date}\nElm FC 1-0 Oak SC"))
    assert match["date"] == date


@pytest.mark.parametrize(("result", "scores", "status", "aet", "pens"), [
    ("2-5", (2, 5), "played", False, None), ("2–5", (2, 5), "played", False, None),
    ("2 - 5", (2, 5), "played", False, None), ("0–12", (0, 12), "played", False, None),
    ("2 (4)-2 (1)", (2, 2), "played", False, (4, 1)),
    ("1–1 (4–3 p)", (1, 1), "played", False, (4, 3)),
    ("1–1 (4–3 p.)", (1, 1), "played", False, (4, 3)),
    ("1-1 (4-3 pens.)", (1, 1), "played", False, (4, 3)),
    ("1-1 (a.e.t.)", (1, 1), "played", True, None), ("2-1 a.e.t", (2, 1), "played", True, None),
    ("2-1 (aet)", (2, 1), "played", True, None),
    ("2-1 after extra time", (2, 1), "played", True, None),
    ("0-2 (forfeit)", (0, 2), "forfeit", False, None), ("3-0 awd", (3, 0), "awarded", False, None),
    ("w/o", (None, None), "walkover", False, None), ("v", (None, None), "scheduled", False, None),
    ("vs", (None, None), "scheduled", False, None),
    ("v Oak SC postponed", (None, None), "postponed", False, None),
    ("v Oak SC cancelled", (None, None), "cancelled", False, None),
    ("1-1 Oak SC abandoned", (1, 1), "abandoned", False, None),
    ("2-2 Oak SC void", (2, 2), "void", False, None),
])
def test_scores(result: str, scores: tuple[int | None, int | None], status: str, aet: bool,
                pens: tuple[int, int] | None) -> None:
    line = f"Elm FC {result}" if "Oak SC" in result else f"Elm FC {result} Oak SC"
    [match] = _matches(_doc(f"==First round==\n{line}"))
    assert (match["home"], match["away"]) == ("Elm FC", "Oak SC")
    assert (match["home_score"], match["away_score"], match["status"], match["aet"]) == (
        *scores, status, aet)
    assert (None if match["home_pens"] is None else (match["home_pens"], match["away_pens"])
            ) == pens


@pytest.mark.parametrize(("line", "aet", "pens"), [
    ("Elm FC 1-1 Oak SC (4-3 p.).", False, (4, 3)),
    ("Elm FC 2-1 Oak SC (a.e.t.).", True, None),
    ("Elm FC 2-1 Oak SC (NPSL). ", False, None),
])
def test_a_full_stop_after_the_line_is_punctuation(line: str, aet: bool,
                                                   pens: tuple[int, int] | None) -> None:
    [match] = _matches(_doc(f"==First round==\n{line}"))
    assert (match["home"], match["away"], match["aet"]) == ("Elm FC", "Oak SC", aet)
    assert (None if match["home_pens"] is None else (match["home_pens"], match["away_pens"])
            ) == pens


@pytest.mark.parametrize("name", ["MF 10", "FC Tacoma 253", "Portland Reds 2", "Sounders FC U-23",
                                  "L.A. Wolves FC", "IPS/Marathon Taverna", "Harpo's FC",
                                  "Folkestone & Shepway", "La Máquina FC", "A F C Lymington",
                                  "Weston super Mare"])
def test_team_names(name: str) -> None:
    [match] = _matches(_doc(f"==First round==\n{name} 2-1 Oak SC"))
    assert (match["home"], match["away"]) == (name, "Oak SC")


@pytest.mark.parametrize(("line", "name", "tag"), [
    ("Harbor City (NPSL) 2-4 Port Vale Rovers (LQ)", "Harbor City", "NPSL")])
def test_league_tags(line: str, name: str, tag: str) -> None:
    [match] = _matches(_doc(f"==First round==\n{line}"))
    assert (match["home"], match["home_tag"], match["away_tag"]) == (name, tag, "LQ")


def test_scorer_lines_belong_to_the_match() -> None:
    document = _doc("==First round==\nMarch 7, 2031\nHarbor City (NPSL) 2-4 Port Vale Rovers (LQ)"
                    "\n  Harbor City (NPSL): Smith 12' , Jones 40', 77' (pen.)\n"
                    "  Port Vale Rovers (LQ): Diaz 9', 90+3' (o.g.)\n  Elm: Ann Lee, Bo Ray\n"
                    "Winner advances to the regional final")
    kinds = [b["kind"] for b in _blocks(document)]
    assert kinds[:3] == ["date", "match", "scorer"]


def test_bracket_markers_around_nothing() -> None:
    document = _doc("==Bracket==\n<section begin=Bracket />\n<section end=Bracket />\n"
                    "<section begin=Bracket /><section end=Bracket />")
    assert [b["kind"] for b in _blocks(document)] == ["marker"] * 3


# ---- truncation and noise ----------------------------------------------------------------

@pytest.mark.parametrize(("tail", "code"), [
    ("Elm FC 2-1 Oak Ro", "PA012"),  # mid-word
    ("| Tie | Home | Score | Away |\n| 1 | Elm | 2-1 | Oak |\n| 24 | AS Elm (9", "PA004"),
])
def test_cut_off_documents(tail: str, code: str) -> None:
    document = parse(f"= 2031 Elm Cup =\n==First round==\n{tail}", "<variation>", form="flat")
    assert code in _codes(document)
    assert uncovered_lines(document, check(document)) == []


def test_a_document_ending_on_a_lone_pipe() -> None:
    document = parse("= 2031 Elm Cup =\n==First round==\n| Home | Score | Away |\n"
                     "| Elm | 2-1 | Oak |\n|", "<variation>", form="flat")
    assert len(_matches(document)) == 1
    assert uncovered_lines(document, check(document)) == []


def test_crlf_bom_tabs_nbsp_curly_quotes_and_stray_markup() -> None:
    text = ("\ufeff= 2031 Elm Cup =\r\n==First round==\r\nSeptember\u00a010\r\n"
            "Elm\u00a0FC\t2-1\tOak SC\r\n'''Ash Town''' 1-0 [[Pine F.C.|Pine FC]]\r\n"
            "“Birch” FC 0-0 ''Yew Rovers''\r\n")
    document = parse(text.encode("utf-8"), "<variation>", form="flat")
    assert document.data["source"]["bom"] and document.data["source"]["newline"] == "crlf"
    assert [(m["home"], m["away"]) for m in _matches(document)] == [
        ("Elm FC", "Oak SC"), ("Ash Town", "Pine FC"), ("“Birch” FC", "Yew Rovers")]
    assert uncovered_lines(document, check(document)) == []


# ---- flag codes before names ---------------------------------------------------------------

_FLAGGED = ("==Teams==\n- CRC Alajuelense\n- MEX Club León\n- USA Elm FC\n==Final==\n"
            "May 3, 2031\nCRC Alajuelense 2-1 MEX Club León")


def test_flag_codes_go_to_country_where_the_page_shows_flags() -> None:
    document = _doc(_FLAGGED)
    [match] = _matches(document)
    assert (match["home"], match["home_country"], match["away"], match["away_country"]) == (
        "Alajuelense", "CRC", "Club León", "MEX")
    assert [(e["name"], e["country"]) for e in document.data["entrants"]] == [
        ("Alajuelense", "CRC"), ("Club León", "MEX"), ("Elm FC", "USA")]
    span = document.locate("/rounds/0/matches/0/away")
    assert document.source.line_text(span.line)[span.column - 1:] == "Club León"
    entrant = document.data["entrants"][0]
    assert document.source.line_text(entrant["line"])[entrant["column"] - 1:] == "Alajuelense"


def test_the_final_is_checked_against_the_infobox_through_the_flags() -> None:
    document = _doc("Infobox\n- Champions: MEX Club León\n" + _FLAGGED)
    assert "IB505" in _codes(document)


@pytest.mark.parametrize("body", [
    "==Final==\nASA Târgu Mureș 2-1 Elm FC",  # one code-like word on a domestic page
    "==Final==\nAFC Wimbledon 2-1 SCO Angers\nAFC Elm 1-0 AFC Oak",  # no country codes
])
def test_names_keep_a_code_like_first_word_without_flags(body: str) -> None:
    matches = _matches(_doc(body))
    assert all(m["home_country"] is None and m["away_country"] is None for m in matches)
    assert matches[0]["home"] in ("ASA Târgu Mureș", "AFC Wimbledon")
