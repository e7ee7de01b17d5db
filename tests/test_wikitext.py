"""Wikitext input: templates, tables, markup, positions and the pitfalls of homegrown scrapers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parser.api import check, parse
from parser.cli.main import main
from parser.errors import InputError
from parser.model.coverage import uncovered_lines
from parser.read.forms import detect
from parser.schema import load_validator


def wiki(text: str) -> Any:
    """Parse wikitext and assert the invariants every wikitext document keeps."""
    document = parse(text, form="wikitext")
    assert document.data["source"]["form"] == "wikitext"
    assert list(load_validator().iter_errors(document.data)) == []
    assert uncovered_lines(document, check(document)) == []
    return document


def matches(document: Any) -> list[dict[str, Any]]:
    return [m for r in document.data["rounds"] for m in r["matches"]]


def codes(document: Any) -> list[str]:
    return [d.code for d in document.diagnostics]


def box(**params: str) -> str:
    body = "".join(f"|{key}={value}\n" for key, value in params.items())
    return "{{Football box\n" + body + "}}\n"


def at(document: Any, pointer: str) -> str:
    """The source text from the position ``pointer`` is located at."""
    span = document.locate(pointer)
    return document.source.line_text(span.line)[span.column - 1:]


# ---- form detection ---------------------------------------------------------------------


def test_auto_detects_wikitext_and_reports_the_form() -> None:
    doc = parse("== Final ==\n" + box(team1="Elm", score="1–0", team2="Oak"))
    assert doc.data["source"]["form"] == "wikitext"
    assert parse("= T =\nInfobox\n- Year: 2031\n").data["source"]["form"] == "flat"


def test_auto_refuses_to_guess_when_both_forms_have_strong_signs() -> None:
    text = ("Infobox\n- Year: 2031\n- Num Teams: 4\n| a | b |\n"
            "{{Football box|team1=A|score=1–0|team2=B}}\n{|\n| x || y\n|}\n<ref>r</ref>\n")
    assert detect(text).form is None
    with pytest.raises(InputError) as raised:
        parse(text)
    assert raised.value.code == "IN006" and "--from flat or --from wikitext" in str(raised.value)
    assert parse(text, form="wikitext").data["source"]["form"] == "wikitext"


@pytest.mark.parametrize(("text", "form"), [
    ("Plain prose about a cup.\n", "flat"),
    ("[[Elm F.C.|Elm]] won the '''cup'''.\n", "wikitext"),
    ("= T =\n|}\n| Tie | Home team | Score | Away team |\n| 1 | Elm | 2-1 | Oak |\n", "flat"),
    ("{{Infobox football tournament season\n|year=2031\n}}\n", "wikitext"),
])
def test_detection(text: str, form: str) -> None:
    assert detect(text).form == form


@pytest.mark.parametrize(("text", "weights"), [
    ("Infobox\n- Name: Elm Cup\n", (0, 9)),  # a sign on the first line
    ("Infobox \n\nInfobox\n\n\n", (0, 12)),  # a sign whose trailing spaces reach a blank line
    ("| a | b |\n\n| c | d |  \n| e | f |", (0, 6)),
    ("{|\n|-\n| a || b\n|}\n* x\n*y\n", (3 + 2 + 2 + 2, 0)),
    ("text {| and |} mid-line\n- x\n", (0, 1)),
])
def test_detection_weighs_each_sign_at_a_line_start(text: str,
                                                    weights: tuple[int, int]) -> None:
    found = detect(text)
    assert (found.wikitext, found.flat) == weights


# ---- infoboxes ----------------------------------------------------------------------------


def infobox(document: Any) -> dict[str, Any]:
    return {f["name"]: f for f in document.data["infobox"]["fields"]}


@pytest.mark.parametrize("name", ["Infobox football tournament season",
                                  "Infobox international football competition",
                                  "infobox_football_league_season"])
def test_infobox_variants_and_aliases(name: str) -> None:
    doc = wiki("{{" + name + "\n| Tourney_Name = Elm Cup\n\n|teams=12\n| runners-up = Oak\n"
               "| top goal scorer = Ann Lee\n| Prev_season = 2030–31\n|season=2031-32\n}}\n")
    fields = infobox(doc)
    assert fields["name"]["value"] == "Elm Cup" and fields["num_teams"]["value"] == 12
    assert fields["runner_up"]["value"] == "Oak" and fields["top_scorer"]["value"] == "Ann Lee"
    assert fields["prev_season"]["value"] == "2030–31" and fields["year"]["value"] == "2031–32"
    assert doc.data["infobox"]["form"] == name.replace("_", " ") or "_" in name


def test_infobox_nested_templates_are_reduced_not_dropped() -> None:
    doc = wiki("{{Infobox football tournament season\n"
               "| dates = {{nowrap|12 April – 10 May 2031}}\n"
               "| champions = {{fbaicon|TSL}} '''[[Elm F.C.|Elm]]''' {{small|(3rd title)}}\n"
               "| top_scorer = {{flagicon|CRC}} Ana Mora{{refn|Also the best player.}}\n"
               "| num_teams = {{nowrap|16}}<ref>{{cite web|title=x}}</ref>\n"
               "| relegated = Elm<br>Oak\n}}\n")
    fields = infobox(doc)
    assert fields["dates"]["value"] == "12 April – 10 May 2031"
    assert (fields["champions"]["value"], fields["champions"]["country"],
            fields["champions"]["notes"]) == ("Elm", "TSL", ["3rd title"])
    assert fields["top_scorer"]["value"] == "Ana Mora"
    assert fields["top_scorer"]["country"] == "CRC"
    assert fields["top_scorer"]["notes"] == ["Also the best player."]
    assert fields["num_teams"]["value"] == 16
    assert fields["num_teams"]["raw"] == "{{nowrap|16}}<ref>{{cite web|title=x}}</ref>"
    assert fields["relegated"]["value"] == "Elm, Oak"


def test_infobox_multi_line_values_and_positions() -> None:
    doc = wiki("{{Infobox football league season\n|competition = Elm League\n"
               "|relegated = Oak FC\n  Ash Town\n|matches=  40\n}}\n")
    fields = infobox(doc)
    assert fields["relegated"]["value"] == "Oak FC, Ash Town"
    assert (fields["relegated"]["line"], fields["relegated"]["end_line"]) == (3, 4)
    index = doc.data["infobox"]["fields"].index(fields["matches"])
    assert at(doc, f"/infobox/fields/{index}/value") == "40"
    assert at(doc, f"/infobox/fields/{index}") == "matches=  40"


def test_international_competition_count_is_titles_not_teams() -> None:
    doc = wiki("{{Infobox international football competition\n|num_teams=8\n|count=3\n}}\n")
    assert infobox(doc)["champion_titles"]["value"] == "3"
    assert infobox(doc)["num_teams"]["value"] == 8


# ---- match boxes ---------------------------------------------------------------------------


def test_football_box_parameters() -> None:
    doc = wiki("== Final ==\n{{Football box\n|date={{Start date|2031|5|10|df=y}}\n|time=15:00\n"
               "|round=Final\n|team1='''[[Elm F.C.|Elm]]'''\n"
               "|score={{score link|2031 Cup Final|2–2}}\n|team2={{flagicon|USA}} Oak SC\n"
               "|aet=yes\n|penaltyscore=4–3\n|aggregatescore=5–4\n"
               "|goals1=Ann Lee {{goal|23}}<br>Bo Ray {{goal|90+2|pen.}}\n"
               "|goals2=Cy Doe {{goal|50||71}}\n|stadium=[[Castrel Park]]\n|location=Elmton\n"
               "|attendance=18,402\n|referee={{flagicon|CRC}} Orla Kvist\n"
               "|report=[https://example.invalid/r Report]\n|id=final\n|result=H\n}}\n")
    (match,) = matches(doc)
    assert (match["home"], match["away"], match["home_score"], match["away_score"]) == (
        "Elm", "Oak SC", 2, 2)
    assert (match["status"], match["aet"], match["home_pens"], match["away_pens"]) == (
        "played", True, 4, 3)
    assert (match["date"], match["date_iso"], match["time"]) == (
        "10 May 2031", "2031-05-10", "15:00")
    assert (match["stadium"], match["location"], match["attendance"], match["referee"]) == (
        "Castrel Park", "Elmton", 18402, "Orla Kvist")
    assert match["report"] == "https://example.invalid/r" and match["round"] == "Final"
    assert match["aggregate"] == {"text": "5–4", "home": 5, "away": 4, "away_goals": False}
    assert match["winner"] == "home" and match["source"] == "template"
    assert match["extra"] == {"id": "final", "result": "H"}
    assert [(s["team"], s["text"]) for s in match["scorers"]] == [
        ("Elm", "Elm: Ann Lee 23', Bo Ray 90+2' (pen.)"), ("Oak SC", "Oak SC: Cy Doe 50', 71'")]
    assert codes(doc) == []
    assert at(doc, "/rounds/0/matches/0/home").startswith("'''[[Elm F.C.|Elm]]'''")
    assert at(doc, "/rounds/0/matches/0/away").startswith("{{flagicon|USA}} Oak SC")
    assert at(doc, "/rounds/0/matches/0/home_score").startswith("{{score link")
    assert at(doc, "/rounds/0/matches/0/attendance") == "18,402"


@pytest.mark.parametrize("opening", [
    "{{Football box", "{{football box", "{{Footballbox", "{{footballbox collapsible",
    "{{Football box collapsible", "{{Footballbox_collapsible", "{{ Football_Box ",
    "{{#invoke:Football box|main", "{{#invoke: football box |main",
])
def test_box_names_any_capitalisation_and_spacing(opening: str) -> None:
    doc = wiki(f"== R ==\n{opening}\n|team1=Elm\n|score=1–0\n|team2=Oak\n}}}}\n")
    assert [(m["home"], m["away"], m["home_score"]) for m in matches(doc)] == [("Elm", "Oak", 1)]


@pytest.mark.parametrize(("params", "expected"), [
    ({"score": "postponed"}, ("postponed", None, None)),
    ({"score": "w/o"}, ("walkover", None, None)),
    ({"score": "3–0 (awd.)"}, ("awarded", 3, 0)),
    ({"score": "v"}, ("scheduled", None, None)),
    ({"score": ""}, ("scheduled", None, None)),
    ({"score1": "2", "score2": "1"}, ("played", 2, 1)),
    ({"score": "1–1 {{pso|5–4}}"}, ("played", 1, 1)),
    ({"score": "abandoned"}, ("abandoned", None, None)),
])
def test_box_statuses(params: dict[str, str], expected: tuple[Any, ...]) -> None:
    (match,) = matches(wiki("== R ==\n" + box(team1="Elm", team2="Oak", **params)))
    assert (match["status"], match["home_score"], match["away_score"]) == expected


def test_pso_and_penalty_takers() -> None:
    doc = wiki("== R ==\n" + box(team1="Elm", score="1–1 {{pso|5–4}}", team2="Oak")
               + box(team1="Ash", score="0–0", team2="Pine",
                     penalties1="A {{pengoal}}<br>B {{pengoal}}", penalties2="C {{penmiss}}"))
    first, second = matches(doc)
    assert (first["home_pens"], first["away_pens"]) == (5, 4)
    assert (second["home_pens"], second["away_pens"]) == (2, 0)
    assert second["extra"]["penalties1"] == "A (scored) B (scored)"


def test_team_values_links_bold_flags_and_fb() -> None:
    doc = wiki("== R ==\n" + box(team1="{{fb|ENG}}", score="0–1", team2="'''{{fb-rt|USA}}'''")
               + box(team1="[[Elm F.C.|Elm]] {{small|(9)}}", score="2–1",
                     team2="{{flagicon|USA}} [[Oak S.C.]] (NPSL)"))
    first, second = matches(doc)
    assert (first["home"], first["away"], first["winner"]) == ("England", "United States",
                                                               "away")
    assert (second["home"], second["home_tier"], second["away"], second["away_tag"]) == (
        "Elm", 9, "Oak S.C.", "NPSL")


@pytest.mark.parametrize(("team", "name"), [
    ("{{fb|GER}}", "Germany"), ("{{fb-rt|CIV}}", "Ivory Coast"), ("{{fbw|USA}}", "United States"),
    ("{{fb|IRL}}", "Republic of Ireland"), ("{{fb|FRG}}", "West Germany"),
    ("{{flag|NLD}}", "Netherlands"), ("{{flag|Brazil}}", "Brazil"),
    ("{{flagcountry|KOR}}", "South Korea"), ("{{fbu|20|FRA}}", "France U20"),
    ("{{fbu-rt|17|NGA}}", "Nigeria U17"), ("{{fb|ITA|name=Italia}}", "Italia"),
    ("{{fb|ENG|1872}}", "England"),
    ("{{fb|QQX}}", "QQX"),  # a code the table does not hold stays the name
])
def test_flag_team_templates_name_the_country(team: str, name: str) -> None:
    [match] = matches(wiki("== R ==\n" + box(team1=team, score="1–0", team2="Elm FC")))
    assert match["home"] == name


def test_unknown_parameters_are_kept_and_reported() -> None:
    doc = wiki("== R ==\n" + box(team1="Elm", score="1–0", team2="Oak", crowd="300"))
    assert matches(doc)[0]["extra"] == {"crowd": "300"}
    (finding,) = [d for d in doc.diagnostics if d.code == "WT001"]
    assert (finding.line, finding.column, finding.severity.value) == (6, 2, "info")


def test_box_without_a_team_is_reported_not_a_match() -> None:
    doc = wiki("== R ==\n" + box(team1="Elm", score="1–0"))
    assert matches(doc) == [] and codes(doc) == ["WT005"]


# ---- the pitfalls ---------------------------------------------------------------------------


def test_pipes_inside_links_and_nested_templates_do_not_split_parameters() -> None:
    doc = wiki("== R ==\n{{Football box|team1=[[Elm Town F.C.|Elm Town]]|score="
               "{{score link|Elm v Oak{{!}}x|2–1}}|team2={{nowrap|[[Oak S.C.|Oak]] (10)}}"
               "|stadium=[[Elm Park|The Park]]}}\n"
               "{|\n! Home !! Score !! Away\n|-\n| [[Ash F.C.|Ash]] || [[x|3–0]] || "
               "{{nowrap|[[Pine F.C.|Pine]]}}\n|}\n")
    assert [(m["home"], m["away"], m["home_score"], m["away_score"]) for m in matches(doc)] == [
        ("Elm Town", "Oak", 2, 1), ("Ash", "Pine", 3, 0)]
    assert matches(doc)[0]["away_tier"] == 10 and matches(doc)[0]["stadium"] == "The Park"


@pytest.mark.parametrize("score", ["2-1", "2–1", "2—1", "2−1", "2&ndash;1", "2 – 1",
                                   "2{{ndash}}1", "2 - 1"])
def test_every_dash(score: str) -> None:
    doc = wiki("== R ==\n" + box(team1="Elm", score=score, team2="Oak")
               + "{|\n! Home team !! Score !! Away team\n|-\n"
               f"| Ash || {score} || Pine\n|}}\n")
    assert [(m["home_score"], m["away_score"]) for m in matches(doc)] == [(2, 1), (2, 1)]


def test_a_date_cell_is_not_a_score() -> None:
    doc = wiki("== First round ==\n{| class=\"wikitable\"\n"
               "! Date !! Home team !! Score !! Away team\n|-\n"
               "| rowspan=\"2\" | 16–18 Oct || Elm || 2–1 || Oak\n|-\n"
               "| Ash || || Pine\n|}\n")
    first, second = matches(doc)
    assert (first["date"], first["home_score"], first["away_score"]) == ("16–18 Oct", 2, 1)
    assert (second["date"], second["home_score"], second["status"]) == (
        "16–18 Oct", None, "scheduled")


def test_a_match_in_a_bracket_and_a_box_is_counted_once() -> None:
    doc = wiki("== Final ==\n" + box(team1="Elm", score="2–1", team2="Oak")
               + "== Bracket ==\n{{2TeamBracket\n|RD1-team1=Elm\n|RD1-score1=2\n"
               "|RD1-team2=Oak\n|RD1-score2=1\n}}\n")
    assert len(matches(doc)) == 1 and codes(doc) == []
    (bracket,) = doc.data["bracket"]
    (tie,) = bracket["ties"]
    assert (bracket["name"], tie["team1"], tie["score1"], tie["team2"], tie["score2"],
            tie["winner"]) == ("Bracket", "Elm", "2", "Oak", "1", 1)


def test_a_match_in_a_results_table_and_a_box_is_counted_once() -> None:
    doc = wiki("== Final ==\n{|\n! Home team !! Score !! Away team\n|-\n| Elm || 2–1 || Oak\n"
               "|}\n" + box(team1="Elm", score="2–1", team2="Oak"))
    assert [m["source"] for m in matches(doc)] == ["template"] and codes(doc) == ["WT006"]


def test_commented_out_templates_are_not_matches() -> None:
    doc = wiki("== Final ==\n<!--\n" + box(team1="Ghost", score="1–0", team2="Phantom")
               + "-->\n<!-- {{Football box|team1=A|score=1–0|team2=B}} -->\n"
               + box(team1="Elm", score="2–1", team2="Oak"))
    assert [m["home"] for m in matches(doc)] == ["Elm"]
    blocks = doc.data["sections"][0]["blocks"]
    assert [b["kind"] for b in blocks] == ["comment", "template"]
    assert (blocks[0]["line"], blocks[0]["end_line"]) == (2, 9)


def test_a_missing_closing_marker_is_reported_not_zero_matches_silently() -> None:
    doc = wiki("== Final ==\n{{Football box\n|team1=Elm\n|score=2–1\n|team2=Oak\n")
    assert matches(doc) == []
    (finding,) = doc.diagnostics
    assert (finding.code, finding.severity.value, finding.line, finding.column) == (
        "WT002", "warning", 2, 1)
    table = wiki("== R ==\n{| class=\"wikitable\"\n! Home team !! Score !! Away team\n|-\n"
                 "| Elm || 2–1 || Oak\n")
    assert "WT002" in codes(table)


def test_unpaired_section_markers_are_reported() -> None:
    doc = wiki("== R ==\n<section begin=R1 />\n" + box(team1="Elm", score="1–0", team2="Oak")
               + "<section end=R2 />\n")
    assert len(matches(doc)) == 1
    assert sorted(d.message for d in doc.diagnostics) == [
        "<section begin=R1 /> has no matching end marker",
        "<section end=R2 /> has no matching begin marker"]


def test_boxes_inside_tables_and_tags_are_read() -> None:
    doc = wiki("== Semi-finals ==\n{|\n|-\n|" + box(team1="Elm", score="1–0", team2="Oak")
               + "|" + box(team1="Ash", score="0–2", team2="Pine") + "|}\n"
               "<div>{{Football box|team1=Yew|score=3–3|team2=Fir}}</div>\n")
    found = matches(doc)
    assert [(m["home"], m["line"]) for m in found] == [("Elm", 5), ("Ash", 10), ("Yew", 15)]
    assert at(doc, "/rounds/0/matches/2/home").startswith("Yew|score")


def test_two_boxes_on_one_line_are_two_matches() -> None:
    doc = wiki("== R ==\n{{Football box|team1=Elm|score=1–0|team2=Oak}}"
               "{{Football box|team1=Ash|score=0–2|team2=Pine}}\n")
    assert [(m["home"], m["column"]) for m in matches(doc)] == [("Elm", 22), ("Ash", 68)]


# ---- wikitables ---------------------------------------------------------------------------


def test_rowspan_and_colspan_are_expanded() -> None:
    doc = wiki("== Teams ==\n{| class=\"wikitable\"\n|+ Entrants\n"
               "! rowspan=2 | Division !! colspan=2 | Club\n|-\n! Name !! Town\n|-\n"
               "| rowspan=\"2\" | North || Elm FC || Elmton\n|-\n| Oak SC || Oakby\n|-\n"
               "| colspan=2 | South Rovers || Southby\n|}\n")
    table = doc.data["sections"][0]["blocks"][0]
    assert table["caption"] == "Entrants" and table["columns"] == [
        "Division", "Club Name", "Club Town"]
    assert [r["cells"] for r in table["rows"]] == [
        ["North", "Elm FC", "Elmton"], ["North", "Oak SC", "Oakby"],
        ["South Rovers", "South Rovers", "Southby"]]
    assert [r["line"] for r in table["rows"]] == [8, 10, 12]
    entrants = doc.data["entrants"]
    assert [(e["name"], e["division"], e["line"], e["column"]) for e in entrants] == [
        ("Elm FC", "North", 8, 26), ("Oak SC", "North", 10, 3),
        ("South Rovers", "South Rovers", 12, 15)]


def test_separator_rows_date_the_rows_below() -> None:
    doc = wiki("== First round ==\nGames were played in 2031.\n{|\n! Tie !! Home team !! Score !! Away team\n|-\n"
               "! colspan=4 | 12 October\n|-\n| 1 || Elm || 1–0 || Oak\n|-\n"
               "! colspan=4 | 13 October\n|-\n| 2 || Ash || 2–2 (4–3 p) || Pine\n|}\n")
    found = matches(doc)
    assert [(m["tie"], m["date"], m["date_iso"]) for m in found] == [
        ("1", "12 October", "2031-10-12"), ("2", "13 October", "2031-10-13")]
    assert (found[1]["home_pens"], found[1]["away_pens"]) == (4, 3)
    table = doc.data["sections"][0]["blocks"][1]
    assert [a["text"] for a in table["artifacts"]] == ["12 October", "13 October"]


def test_two_leg_summary_gives_one_match_per_leg() -> None:
    doc = wiki("== Play-off ==\n{|\n! Team 1 !! Agg. !! Team 2 !! 1st leg !! 2nd leg\n|-\n"
               "| Elm || 3–4 || '''Oak''' || 2–1 || 1–3\n|}\n")
    assert [(m["home"], m["away"], m["home_score"], m["away_score"], m["leg"])
            for m in matches(doc)] == [("Elm", "Oak", 2, 1, "1st"), ("Oak", "Elm", 3, 1, "2nd")]
    assert doc.data["entrants"] == []
    first, second = matches(doc)  # the last leg carries the aggregate, in its own home/away
    assert (first.get("aggregate"), first.get("winner")) == (None, None)
    assert second["aggregate"] == {"text": "3–4", "home": 4, "away": 3, "away_goals": False}
    assert second["winner"] == "home"  # bold Oak, at home in the second leg


def test_two_leg_summary_skips_date_and_word_cells() -> None:
    doc = wiki("== Play-off ==\n{|\n! Team 1 !! Agg. !! Team 2 !! 1st leg !! 2nd leg\n|-\n"
               "| Ash || 2–0 || Birch || 2–0 || Not played\n|-\n"
               "| Pine || – || Cedar || 12 Oct || 16–18 Oct\n|}\n")
    assert [(m["home"], m["away"], m["leg"]) for m in matches(doc)] == [("Ash", "Birch", "1st")]


def test_results_rows_keep_positions_of_their_cells() -> None:
    doc = wiki("== R ==\n{|\n! Tie !! Home team !! Score !! Away team\n|-\n"
               "| 1\n| '''Elm''' (9)\n| 2–1\n| Oak (10)\n|}\n")
    (match,) = matches(doc)
    assert (match["line"], match["column"], match["winner"], match["home_tier"]) == (
        6, 3, "home", 9)
    assert at(doc, "/rounds/0/matches/0/away") == "Oak (10)"
    assert at(doc, "/rounds/0/matches/0/home_score") == "2–1"


# ---- everything else --------------------------------------------------------------------------


def test_headings_paragraphs_lists_refs_hatnotes_and_markers() -> None:
    doc = wiki("= 2031 Elm Cup =\n{{Use mdy dates}}\n"
               "The '''cup''' had [[Elm F.C.|twelve]] teams.<ref>a</ref>{{cite web|t=b}}\n\n"
               "== Teams ==\n{{main|Elm Cup teams}}\n;Division Winners\n* [[Elm F.C.|Elm FC]] (OH)\n"
               "* Oak SC (CA)\n# Ash Town\n__NOTOC__\n[[Category:Elm Cup]]\n")
    data = doc.data
    assert data["title"] == "2031 Elm Cup" and data["title_line"] == 1
    root = data["sections"][0]
    assert [b["kind"] for b in root["blocks"]] == ["template", "paragraph"]
    assert root["blocks"][1]["text"] == "The cup had twelve teams."
    assert root["blocks"][1]["refs"] == 2
    teams = root["children"][0]["blocks"]
    assert [b["kind"] for b in teams] == ["template", "list", "marker"]
    assert teams[0]["text"] == "Main article: Elm Cup teams"
    assert teams[1]["label"] == "Division Winners"
    assert [(e["name"], e["state"], e["column"]) for e in data["entrants"]] == [
        ("Elm FC", "OH", 3), ("Oak SC", "CA", 3), ("Ash Town", None, 3)]
    assert [(c["count"], c["text"]) for c in data["declared_counts"]] == [(12, "twelve teams")]
    assert data["declared_counts"][0]["column"] == 19


def test_unknown_inline_templates_are_rendered_and_reported_once() -> None:
    doc = wiki("The ground holds {{convert|5000|seats}} and {{convert|10|acre}}.\n")
    assert doc.data["sections"][0]["blocks"][0]["text"] == (
        "The ground holds 5000 seats and 10 acre.")
    assert [(d.code, d.column) for d in doc.diagnostics] == [("WT007", 18)]


def test_counts_in_wikitext_headings_are_located() -> None:
    doc = wiki("== Premier League (21 teams) ==\nText.\n")
    (count,) = doc.data["declared_counts"]
    assert (count["count"], count["line"], count["column"]) == (21, 1, 19)


# ---- the command line ---------------------------------------------------------------------


def test_cli_reads_wikitext_and_refuses_an_undecidable_form(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "final.wiki"
    article.write_text("== Final ==\n" + box(team1="Elm", score="2–1", team2="Oak"),
                       encoding="utf-8")
    assert main(["convert", str(article)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"]["form"] == "wikitext" and data["rounds"][0]["matches"][0]["home"] == "Elm"
    assert main(["convert", "--from", "flat", str(article)]) == 0
    assert json.loads(capsys.readouterr().out)["source"]["form"] == "flat"
    mixed = tmp_path / "mixed.txt"
    mixed.write_text("Infobox\n- Year: 2031\n- Num Teams: 4\n| a | b |\n"
                     "{{Football box|team1=A|score=1–0|team2=B}}\n{|\n| x || y\n|}\n<ref>r</ref>\n",
                     encoding="utf-8")
    assert main(["convert", str(mixed)]) == 2
    assert "pass --from flat or --from wikitext" in capsys.readouterr().err
    assert main(["check", str(mixed)]) == 2
    assert "IN006" in capsys.readouterr().out
    assert main(["check", "--from", "wikitext", str(mixed)]) == 0
