"""Nothing in a flat document is silently lost (hypothesis).

Documents are built from the grammar of the flat form (title, headings in both styles,
infobox, date and match lines with scorer lines, tables, labelled lists, prose) and then
roughened the way real renderings are: HTML entities where a space, dash or ampersand was,
non-breaking and thin spaces, tabs, unicode dashes, junk lines between the pieces.

Two properties:

* every non-blank line is covered by a JSON object's ``line``..``end_line`` or a finding
  (``model.coverage``);
* every generated match line is read as a match on that line, or a finding names the line:
  a match may never turn into prose without a word.

``SCORELINE_EXAMPLES`` sets the number of examples (default 200).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parser.api import check, parse
from parser.model.coverage import uncovered_lines

EXAMPLES = int(os.environ.get("SCORELINE_EXAMPLES", "200"))
PROFILE = settings(max_examples=EXAMPLES, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

TEAMS = ["Elm FC", "Oak SC", "Harbor City (NPSL)", "Port Vale Rovers (LQ)", "MF 10",
         "FC Tacoma 253", "Sounders FC U-23", "L.A. Wolves FC", "IPS/Marathon Taverna",
         "Harpo's FC", "Folkestone & Shepway", "La Máquina FC", "A F C Lymington",
         "Weston super Mare", "Elm Town (9)", "Birch United (11)", "“Elm” Rovers",
         "«Oak» Athletic", "Ash ‘Reds’ Town"]
SCORES = ["2-5", "2–5", "2 - 5", "0–12", "2 (4)-2 (1)", "1–1 (4–3 p)", "2-1 (a.e.t.)",
          "1-0 a.e.t", "3–2 (aet)", "0-2 (forfeit)", "3-0 awd", "v", "vs", "w/o",
          "\uff12-\uff11", "\u0662-\u0661"]  # non-ASCII digits: not goals, but a finding
DATES = ["September 10", "Sep 10", "10 September", "March 7, 2031", "March 22nd",
         "Saturday, 31 August 2030", "13–14 April 2031", "March 7, 2031 7:30 pm",
         "Saturday, 31 August 2030, 15:00", "10 September 19:45 CEST"]
HEADINGS = ["First round", "Second round (North)", "Premier League Two (21 teams)",
            "Matches", "Qualifying round", "Final"]
INFOBOX = ["- Tourney Name: Atlantic Cup qualification", "- Year: 2031", "- Num Teams: 64",
           "- Prev Season: 2030", "- Champions: Harbor City, (3rd title) |runner-up = Oak SC",
           "- Top Goal Scorer: Ann Lee , Bo Ray , (5 goals each)", "- Nextseason: <s>2032</s>"]
PROSE = ["Twenty-one teams entered through the league.", "First round games took place in 2030.",
         "Winner advances to the regional final.", "Elm FC won 3–2 on aggregate.",
         "Oak Rovers, Ash Town and Birch United received byes."]
JUNK = ["'''", "''", "[[", "]]", "|", "|-", "|}", "{{", "}}", "<b>", "&nbsp;", "&#160;", "----",
        "<section begin=Bracket /><section end=Bracket />", "~~~", "*", "…", "&bogus;", "#"]

# What a rendering may have put where the grammar has a space, a dash or an ampersand.
SPACES = [" ", " ", " ", "\u00a0", "&nbsp;", "&#160;", "\t", "  ", "\u2009", "&thinsp;"]
DASHES = ["-", "–", "&ndash;", "&#8211;", "&#x2013;", "&mdash;", "—", "\u2212", "&minus;",
          "\u2010", "\u2011", "\u2012", "\ufe63", "\uff0d", "&#45;", "&hyphen;"]
AMPERSANDS = ["&", "&amp;", "&#38;"]
APOSTROPHES = ["'", "’", "&#39;", "&rsquo;", "&apos;"]


@st.composite
def roughened(draw: st.DrawFn, text: str) -> str:
    """``text`` with each space, dash and ampersand drawn from what renderings write."""
    out = []
    for char in text:
        if char == " ":
            out.append(draw(st.sampled_from(SPACES)))
        elif char in "-–":
            out.append(draw(st.sampled_from(DASHES)))
        elif char == "&":
            out.append(draw(st.sampled_from(AMPERSANDS)))
        elif char == "'":
            out.append(draw(st.sampled_from(APOSTROPHES)))
        else:
            out.append(char)
    return "".join(out)


@dataclass
class Built:
    """A generated document and the line numbers of its match lines."""

    lines: list[str] = field(default_factory=list)
    match_lines: list[int] = field(default_factory=list)

    def add(self, line: str, match: bool = False) -> None:
        self.lines.append(line)
        if match:
            self.match_lines.append(len(self.lines))


@st.composite
def match_box(draw: st.DrawFn, built: Built) -> None:
    if draw(st.booleans()):
        built.add(draw(roughened(draw(st.sampled_from(DATES)))))
    home, away = draw(st.lists(st.sampled_from(TEAMS), min_size=2, max_size=2, unique=True))
    score = draw(st.sampled_from(SCORES))
    edge = st.sampled_from(["", "", " ", "\t", "&nbsp;", "\u00a0", "\u200b"])
    bullet = draw(st.sampled_from(["", "", "", "- ", "* ", "• "]))
    if not bullet and draw(st.integers(min_value=0, max_value=4)) == 0:  # its date leads
        bullet = draw(st.sampled_from(DATES)) + draw(st.sampled_from([": ", " ", " – "]))
    footnote = draw(st.sampled_from(["", "", "", " [1]", "[a]"]))
    line = draw(edge) + bullet + draw(roughened(f"{home} {score} {away}")) + footnote + \
        draw(edge)
    built.add(line, match=True)
    if draw(st.booleans()):
        built.add("  " + draw(roughened(f"{home}: Smith 12' , Jones 40', 77' (pen.)")))


@st.composite
def section_body(draw: st.DrawFn, built: Built) -> None:
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        piece = draw(st.sampled_from(["match", "match", "table", "list", "prose", "junk", "blank"]))
        if piece == "match":
            draw(match_box(built))
        elif piece == "table":
            if draw(st.booleans()):  # else the header was lost in the rendering
                built.add("| Tie | Home team (tier) | Score | Away team (tier) | ' |")
            for number in range(1, draw(st.integers(min_value=1, max_value=3)) + 1):
                home, away = draw(st.lists(st.sampled_from(TEAMS), min_size=2, max_size=2,
                                           unique=True))
                score = draw(roughened(draw(st.sampled_from(["2–1", "1-1", "0 - 3", "w/o"]))))
                built.add(f"| {number} | {home} | {score} | {away} | 143 |", match=True)
        elif piece == "list":
            if draw(st.booleans()):
                built.add("Playoffs")
            for team in draw(st.lists(st.sampled_from(TEAMS), min_size=1, max_size=3)):
                built.add("- " + draw(roughened(team)))
        elif piece == "prose":
            built.add(draw(roughened(draw(st.sampled_from(PROSE)))))
        elif piece == "junk":
            built.add(draw(st.sampled_from(JUNK)))
        else:
            built.add(draw(st.sampled_from(["", " ", "\t"])))


@st.composite
def documents(draw: st.DrawFn) -> Built:
    built = Built()
    built.add("= 2031 Atlantic Cup qualification =")
    if draw(st.booleans()):
        built.add("Infobox")
        for item in draw(st.lists(st.sampled_from(INFOBOX), min_size=1, max_size=4)):
            built.add(item[:2] + draw(roughened(item[2:])))
        built.add("")
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        level = draw(st.integers(min_value=2, max_value=4))
        title = draw(st.sampled_from(HEADINGS))
        pad = draw(st.sampled_from(["", " "]))
        built.add(f"{'=' * level}{pad}{title}{pad}{'=' * level}")
        draw(section_body(built))
    return built


def _text(built: Built, newline: str = "\n") -> str:
    return newline.join(built.lines) + newline


NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])


@PROFILE
@given(documents(), NEWLINES)
def test_every_non_blank_line_is_covered(built: Built, newline: str) -> None:
    document = parse(_text(built, newline), "<fidelity>", form="flat")
    uncovered = uncovered_lines(document, check(document))
    assert uncovered == [], [built.lines[n - 1] for n in uncovered]


@PROFILE
@given(documents())
def test_every_match_line_is_a_match_or_a_finding(built: Built) -> None:
    document = parse(_text(built), "<fidelity>", form="flat")
    matched = {m["line"] for r in document.data["rounds"] for m in r["matches"]}
    found = {d.line for d in [*document.diagnostics, *check(document)]}
    lost = [built.lines[n - 1] for n in built.match_lines if n not in matched | found]
    assert lost == []


# ---- the classes the properties found, one case each ----------------------------------

@pytest.mark.parametrize(("line", "home", "away", "scores"), [
    ("Elm FC&nbsp;2&ndash;1&nbsp;Oak SC", "Elm FC", "Oak SC", (2, 1)),
    ("Ash &amp; Birch FC 3-0 Pine Town", "Ash & Birch FC", "Pine Town", (3, 0)),
    ("Elm FC 2-5 Oak&thinsp;SC", "Elm FC", "Oak SC", (2, 5)),  # decoded to U+2009
    ("Elm FC 2&hyphen;5 Oak SC", "Elm FC", "Oak SC", (2, 5)),  # HTML 5 only
    ("Elm&#x20;FC 2&#8211;5 Oak SC", "Elm FC", "Oak SC", (2, 5)),
    ("Elm&zwj;FC 1-0 Oak SC", "ElmFC", "Oak SC", (1, 0)),  # zero-width, as written raw
    ("Elm FC 2\ufe631 Oak SC", "Elm FC", "Oak SC", (2, 1)),  # small hyphen-minus
    ("Elm FC 2\uff0d1 Oak SC", "Elm FC", "Oak SC", (2, 1)),  # full-width hyphen-minus
    ("Elm FC 2\u20151 Oak SC", "Elm FC", "Oak SC", (2, 1)),  # horizontal bar
    ("“Elm” FC 2-1 Oak SC", "“Elm” FC", "Oak SC", (2, 1)),  # curly quotes open a name
    ("Harpo&rsquo;s FC 2-1 «Oak» SC", "Harpo’s FC", "«Oak» SC", (2, 1)),
])
def test_a_match_line_with_entities_or_other_dashes_is_read(
        line: str, home: str, away: str, scores: tuple[int, int]) -> None:
    document = parse(f"= T =\n==First round==\n{line}\n", "<fidelity>", form="flat")
    matches = [m for r in document.data["rounds"] for m in r["matches"]]
    assert [(m["home"], m["away"], m["home_score"], m["away_score"], m["line"])
            for m in matches] == [(home, away, *scores, 3)]


def test_entities_in_a_results_table_cell_are_decoded() -> None:
    document = parse("= T =\n==First round==\n| Tie | Home team | Score | Away team |\n"
                     "| 1 | Elm&nbsp;Town | 2&hyphen;1 | Oak &amp; Ash |\n", "<fidelity>",
                     form="flat")
    matches = [m for r in document.data["rounds"] for m in r["matches"]]
    assert [(m["home"], m["away"], m["home_score"], m["away_score"]) for m in matches] == [
        ("Elm Town", "Oak & Ash", 2, 1)]


@pytest.mark.parametrize(("line", "found"), [
    ("Elm FC \uff12-\uff11 Oak SC", True),  # full-width digits
    ("Elm FC \u0662\u2013\u0661 Oak SC", True),  # Arabic-Indic digits
    ("Birch FC \u0968-\u0967 Oak SC", True),  # Devanagari digits
    ("Elm FC 2-1 Oak SC won the cup.", False),  # a sentence
    ("Played 13–14 April 2031 at Elm Park", False),  # a date range
    ("Elm beat Oak 2-1 in the final", False),  # prose: the away side is lower-case
    ("The 2030–31 season ran from August to May", False),
    ("Elm FC 2-1 Oak SC", False),  # read as a match
    ("Elm FC – Oak SC 2–1", True),  # teams first, then the score
    ("Elm FC 2:1 Oak SC", True),  # a colon score
    ("Elm FC 19:45 Oak SC", False),  # a kick-off time
    ("The season 2030 - 2031 ended 2-1", False),
    ("- Elm FC \uff12-\uff11 Oak SC", True),  # a list item
])
def test_a_match_shaped_line_not_read_gets_pa013(line: str, found: bool) -> None:
    document = parse(f"= T =\n==First round==\n{line}\n", "<fidelity>", form="flat")
    codes = [(d.code, d.line, d.column) for d in document.diagnostics if d.code == "PA013"]
    column = 3 if line.startswith("- ") else 1
    assert codes == ([("PA013", 3, column)] if found else [])


@pytest.mark.parametrize(("line", "column"), [
    (" September 10: Elm FC \uff12-\uff11 Oak SC", 2),  # indented like a scorer line
    ("  19:45 Elm FC \uff12-\uff11 Oak SC", 3),
])
def test_a_dated_line_after_a_match_holds_no_scorers(line: str, column: int) -> None:
    # a scorer line is led by its team, never by a date or a kick-off time
    document = parse(f"= T =\n==First round==\nAsh Town 1-0 Pine FC\n{line}\n", "<fidelity>",
                     form="flat")
    assert [m["scorers"] for r in document.data["rounds"] for m in r["matches"]] == [[]]
    codes = [(d.code, d.line, d.column) for d in document.diagnostics if d.code == "PA013"]
    assert codes == [("PA013", 4, column)]


@pytest.mark.parametrize(("table", "found"), [
    ("| Date | Venue | Attendance |\n| Elm Town | 2–1 | Oak Rovers |", [4]),  # shifted rows
    ("| Year | Winner | Score | Runner-up |\n| 2024 | Elm Town | 1–0 | Oak Rovers |", []),
    ("| Home team | Score | Away team |\n| Elm Town | 2–1 | Oak Rovers |", []),  # read
])
def test_a_match_row_of_a_table_not_read_as_results_gets_pa013(table: str,
                                                               found: list[int]) -> None:
    document = parse(f"= T =\n==First round==\n{table}\n", "<fidelity>", form="flat")
    assert [d.line for d in document.diagnostics if d.code == "PA013"] == found


@pytest.mark.parametrize(("line", "home", "away", "column"), [
    ("- Elm FC 2–1 Oak SC", "Elm FC", "Oak SC", 3),  # a bulleted match line
    ("• Elm FC 2–1 Oak SC", "Elm FC", "Oak SC", 3),
    ("Elm FC 2-1 Oak SC [1]", "Elm FC", "Oak SC", 1),  # footnote marks after a name
    ("Elm FC[a] 2–1 Oak SC[2]", "Elm FC", "Oak SC", 1),
])
def test_bullets_and_footnote_marks_around_a_match(line: str, home: str, away: str,
                                                   column: int) -> None:
    document = parse(f"= T =\n==First round==\n{line}\n", "<fidelity>", form="flat")
    [match] = [m for r in document.data["rounds"] for m in r["matches"]]
    assert (match["home"], match["away"], match["line"], match["column"]) == (
        home, away, 3, column)


@pytest.mark.parametrize(("line", "home", "date", "time"), [
    ("September 10: Elm FC 2-1 Oak SC", "Elm FC", "September 10", None),
    ("Saturday, 31 August 2030 – Elm FC 2-1 Oak SC", "Elm FC", "Saturday, 31 August 2030",
     None),
    ("19:45 Elm FC 2-1 Oak SC", "Elm FC", "April 1", "19:45"),  # the date line above holds
    ("1860 Munich 2-1 Oak SC", "1860 Munich", "April 1", None),  # a number is no date
    ("MF 10 2-1 Oak SC", "MF 10", "April 1", None),
])
def test_a_date_or_kick_off_time_leading_a_match_line(line: str, home: str, date: str,
                                                      time: str | None) -> None:
    document = parse(f"= T =\n==First round==\nApril 1\n{line}\n", "<fidelity>", form="flat")
    [match] = [m for r in document.data["rounds"] for m in r["matches"]]
    assert (match["home"], match["away"], match["date"], match.get("time")) == (
        home, "Oak SC", date, time)


@pytest.mark.parametrize(("date_line", "date", "iso", "time"), [
    ("September 11, 2031 7:30 pm", "September 11, 2031", "2031-09-11", "7:30 pm"),
    ("Saturday, 31 August 2030, 15:00", "Saturday, 31 August 2030", "2030-08-31", "15:00"),
    ("10 September 2031 – 19:45 CEST", "10 September 2031", "2031-09-10", "19:45 CEST"),
    ("March 7, 2031 20.00 (UTC+1)", "March 7, 2031", "2031-03-07", "20.00 (UTC+1)"),
    ("13–14 April 2031", "13–14 April 2031", "2031-04-13", None),  # a range, no time
    ("10 September 2031 20:45 CET (UTC+1)", "10 September 2031", "2031-09-10",
     "20:45 CET (UTC+1)"),
    ("11 September 2031 19:30 AEST", "11 September 2031", "2031-09-11", "19:30 AEST"),
    ("12 September 2031 7 pm", "12 September 2031", "2031-09-12", "7 pm"),
    ("10 September 2031 at 19:45", "10 September 2031", "2031-09-10", "at 19:45"),
    ("September 11, 2031 (19:45)", "September 11, 2031", "2031-09-11", "(19:45)"),
])
def test_a_date_line_that_gives_the_kick_off_time(date_line: str, date: str, iso: str,
                                                  time: str | None) -> None:
    text = f"= T =\n==First round==\n{date_line}\nElm FC 2-1 Oak SC\nAsh FC 0-1 Fir FC\n"
    document = parse(text, "<fidelity>", form="flat")
    matches = [m for r in document.data["rounds"] for m in r["matches"]]
    assert [(m["date"], m["date_iso"], m.get("time")) for m in matches] == [(date, iso, time)] * 2
    [block] = [b for b in document.data["sections"][0]["children"][0]["blocks"]
               if b["line"] == 3]
    assert block["kind"] == "date"
    assert not [d for d in check(document) if d.line == 3]  # the date line raises nothing


@pytest.mark.parametrize("line", ["September 11, 2031 Elm Park", "2031 7:30 pm",
                                  "Elm FC 7:30 pm", "September 11, 2031 7:30 pm tickets"])
def test_no_date_and_time_line_without_both(line: str) -> None:
    document = parse(f"= T =\n==First round==\n{line}\n", "<fidelity>", form="flat")
    [block] = document.data["sections"][0]["children"][0]["blocks"]
    assert block["kind"] != "date"


@pytest.mark.parametrize(("line", "home", "time"), [
    ("15:00 West Didsbury 0–1 Oak SC", "West Didsbury", "15:00"),  # "West" is no time zone
    ("10 September 2031 19:45 West Ham United 2–1 Oak SC", "West Ham United", "19:45"),
    ("19:00 UT Arlington 0–1 Oak SC", "UT Arlington", "19:00"),
    ("7:30 pm ET Elm FC 0–1 Oak SC", "Elm FC", "7:30 pm ET"),
])
def test_a_capitalised_word_after_a_kick_off_time_is_the_home_team(line: str, home: str,
                                                                    time: str) -> None:
    document = parse(f"= T =\n==First round==\n{line}\n", "<fidelity>", form="flat")
    [match] = [m for r in document.data["rounds"] for m in r["matches"]]
    assert (match["home"], match["time"]) == (home, time)


def _first_round(lines: str) -> tuple[list[dict[str, object]], list[dict[str, object]], list[str]]:
    document = parse(f"= T =\n==First round==\n{lines}\n", "<fidelity>", form="flat")
    matches = [m for r in document.data["rounds"] for m in r["matches"]]
    return matches, document.data["facts"], [d.code for d in check(document)]


def test_a_note_naming_the_shoot_out_winner_gives_the_penalties() -> None:
    matches, facts, codes = _first_round("Yew FC 2–2 Box FC (Box FC won 5–4 on penalties)")
    [match] = matches
    assert (match["home_pens"], match["away_pens"], match["winner"]) == (4, 5, "away")
    [fact] = facts
    assert (fact["kind"], fact["winner"], fact["line"], fact["column"]) == (
        "penalties", "Box FC", 3, 20)
    assert "MA301" not in codes  # the note decides the level tie


def test_a_note_after_extra_time_decides_the_tie() -> None:
    matches, facts, codes = _first_round(
        "Hazel FC 0–0 Holly FC (a.e.t.; Holly FC won 4–3 on penalties)")
    assert (matches[0]["aet"], matches[0]["home_pens"], matches[0]["away_pens"]) == (True, 3, 4)
    assert [f["column"] for f in facts] == [32]
    assert "MA301" not in codes


def test_a_clause_of_a_note_can_decide_the_tie() -> None:
    matches, facts, codes = _first_round(
        "Ash FC 1–1 Fir FC (3–3 agg., Fir FC won on away goals)")
    assert matches[0]["winner"] == "away"
    assert [(f["kind"], f["winner"], f["column"]) for f in facts] == [("advanced", "Fir FC", 30)]
    assert "MA301" not in codes


@pytest.mark.parametrize("row", [
    "| Elm FC | 1–1 (a.e.t.; Oak SC won 4–3 on pens) | Oak SC |",
    "| Elm FC | 1–1 | Oak SC (Oak SC won 4–3 on penalties) |"])
def test_a_results_table_row_note_decides_the_tie(row: str) -> None:
    matches, facts, codes = _first_round(f"| Home team | Score | Away team |\n{row}")
    assert (matches[0]["home_pens"], matches[0]["away_pens"], matches[0]["winner"]) == (
        3, 4, "away")
    assert [(f["kind"], f["line"]) for f in facts] == [("penalties", 4)]
    assert "MA301" not in codes


def test_a_note_may_shorten_a_side_s_name() -> None:
    matches, facts, codes = _first_round(
        "Elm FC 1–1 Birch United (a.e.t.; Birch won 4–3 on penalties)")
    assert (matches[0]["home_pens"], matches[0]["away_pens"], matches[0]["winner"]) == (
        3, 4, "away")
    assert [f["winner"] for f in facts] == ["Birch United"]
    assert "MA301" not in codes


def test_shoot_out_words_after_extra_time() -> None:
    matches, _, codes = _first_round("Elm FC 1–1 Oak SC (a.e.t., 4–3 on pens)\n"
                                     "Ash FC 0–0 Fir FC (a.e.t.: 3–1 on penalties)")
    assert [(m["aet"], m["home_pens"], m["away_pens"]) for m in matches] == [
        (True, 4, 3), (True, 3, 1)]
    assert "MA301" not in codes


@pytest.mark.parametrize(("line", "status", "note"), [
    ("Lime FC v Rose FC (postponed – frozen pitch)", "postponed", "frozen pitch"),
    ("Fir FC v Yew FC (postponed due to a frozen pitch)", "postponed",
     "due to a frozen pitch"),
    ("Fir FC 1–0 Yew FC (abandoned after 70 minutes)", "abandoned", "after 70 minutes"),
    ("Ash Town 0–3 Pine FC (forfeit: Ash Town failed to travel)", "forfeit",
     "Ash Town failed to travel"),
    ("Elm FC 3–0 Oak SC (awarded, Oak SC fielded an ineligible player)", "awarded",
     "Oak SC fielded an ineligible player"),
    ("Elm FC v Oak SC (P-P, waterlogged pitch)", "postponed", "waterlogged pitch"),
])
def test_a_status_and_its_reason(line: str, status: str, note: str) -> None:
    matches, _, _ = _first_round(line)
    assert (matches[0]["status"], matches[0]["notes"]) == (status, [note])


def test_leg_dates_reach_leg_subsections() -> None:
    document = parse("= T =\n==Semi-finals==\nThe first legs were played on 9 October 2031 "
                     "and the second legs on 16 October 2031.\n===First leg===\n"
                     "Elm FC 2–1 Oak SC\n===Second leg===\nOak SC 1–1 Elm FC\n",
                     "<fidelity>", form="flat")
    assert [(m["leg"], m["date_iso"]) for r in document.data["rounds"]
            for m in r["matches"]] == [("1st", "2031-10-09"), ("2nd", "2031-10-16")]


def test_a_tally_by_tier_is_no_standings_table() -> None:
    document = parse("= T =\n==Results by tier==\n| Tier | League | Teams | W | D | L |\n"
                     "| 9 | Northern League | 12 | 7 | 2 | 3 |\n"
                     "| 10 | County League | 8 | 1 | 1 | 6 |\n", "<fidelity>", form="flat")
    assert document.data["standings"] == []
    assert not [d for d in check(document) if d.code.startswith("ST")]


def test_a_table_from_the_two_points_era() -> None:
    document = parse("= T =\n==Group A==\n| Pos | Team | Pld | W | D | L | GF | GA | Pts |\n"
                     "| 1 | Elm FC | 2 | 1 | 1 | 0 | 3 | 2 | 3 |\n"
                     "| 2 | Oak SC | 2 | 0 | 1 | 1 | 2 | 3 | 1 |\n"
                     "Elm FC 2–1 Oak SC\nOak SC 1–1 Elm FC\n", "<fidelity>", form="flat")
    [table] = document.data["standings"]
    assert (table["win_points"], table["draw_points"]) == (2, 1)
    assert not [d for d in check(document) if d.code == "ST803"]


def test_a_note_naming_another_team_fills_nothing() -> None:
    matches, facts, _ = _first_round("Yew FC 2–2 Box FC (Elm FC won 5–4 on penalties)")
    assert (matches[0]["home_pens"], matches[0].get("winner")) == (None, None)
    assert [f["winner"] for f in facts] == ["Elm FC"]  # the fact is kept for the checks


def test_a_shoot_out_note_on_a_decided_match_is_a_contradiction() -> None:
    matches, _, codes = _first_round("Elm FC 2–1 Oak SC (Oak SC won 5–4 on penalties)")
    assert (matches[0]["home_pens"], matches[0]["away_pens"]) == (4, 5)
    assert "MA302" in codes  # penalties after a score that is not level


TWO_LEGS = ("| Team 1 | Agg. | Team 2 | 1st leg | 2nd leg |\n"
            "| Elm FC | 3–2 | Ash FC | 2–1 | 1–1 |\n"
            "| Fir FC | 1–1 (4–3 p) | Oak SC | 1–0 | 0–1 |\n"
            "| Yew FC | w/o | Box FC | | |\n")


def test_a_two_leg_table_gives_one_match_per_leg() -> None:
    matches, _, codes = _first_round(TWO_LEGS)
    assert [(m["home"], m["away"], m["home_score"], m["away_score"], m["leg"], m["column"])
            for m in matches] == [
        ("Elm FC", "Ash FC", 2, 1, "1st", 3), ("Ash FC", "Elm FC", 1, 1, "2nd", 18),
        ("Fir FC", "Oak SC", 1, 0, "1st", 3), ("Oak SC", "Fir FC", 1, 0, "2nd", 26),
        ("Yew FC", "Box FC", None, None, None, 3)]
    # the second leg, at team 2's ground, carries the aggregate and the shoot-out, its way round
    assert matches[1]["aggregate"] == {"text": "3–2", "home": 2, "away": 3, "away_goals": False}
    assert (matches[3]["home_pens"], matches[3]["away_pens"]) == (3, 4)
    assert matches[4]["status"] == "walkover"
    assert not [c for c in codes if c.startswith(("PA", "KO"))]


def test_a_two_leg_row_with_a_date_or_words_for_a_leg_gives_no_such_leg() -> None:
    matches, _, _ = _first_round(
        "| Team 1 | Agg. | Team 2 | 1st leg | 2nd leg |\n"
        "| Ash FC | 2–0 | Birch FC | 2–0 | Not played |\n"
        "| Box FC | – | Holly FC | 12 Oct | 16–18 Oct |\n")  # dates, never scores
    assert [(m["home"], m["away"], m["leg"]) for m in matches] == [("Ash FC", "Birch FC", "1st")]
    assert matches[0]["aggregate"]["text"] == "2–0"


def test_a_two_leg_table_whose_aggregate_is_not_the_sum_of_its_legs() -> None:
    _, _, codes = _first_round(TWO_LEGS.replace("| 3–2 |", "| 4–2 |"))
    assert "KO902" in codes


def test_a_two_leg_table_holds_no_entrants() -> None:
    document = parse(f"= T =\n==First round==\n{TWO_LEGS}", "<fidelity>", form="flat")
    assert document.data["entrants"] == []
    [table] = [b for b in document.data["sections"][0]["children"][0]["blocks"]
               if b["kind"] == "table"]
    assert table["role"] == "results"


@pytest.mark.parametrize(("key", "name"), [
    ("$", "field"), ("Año", "ano"), ("Top Scorer (league)", "top_scorer_league"),
    ("Prev_season", "prev_season"), ("Ground(s)", "ground_s")])
def test_an_infobox_key_of_any_characters_gets_a_schema_valid_name(key: str, name: str) -> None:
    document = parse(f"Infobox\n- {key}: Winner of the bonus\n", "<fidelity>", form="flat")
    [field_] = document.data["infobox"]["fields"]
    assert (field_["key"], field_["name"]) == (key, name)
    assert not [d for d in document.diagnostics if d.code == "SC001"]
