"""The report page without a browser: escaping, the Content-Security-Policy, findings marked
on what they concern, standings with recomputed values, the bracket, the rule text."""

from __future__ import annotations

import copy
import html.parser
import os
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import parser
from parser.diagnostics import Diagnostic, Severity
from parser.report import build_page, render_page
from parser.report.render import asset, digest
from parser.report.rules import parts

HERE = Path(__file__).parent
HOSTILE = HERE / "data" / "hostile.wiki"
NAMES = ('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>')


class _Elements(html.parser.HTMLParser):
    """Every start tag with its attributes, and the text of every script element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def _page(text_or_path: str | Path, extra: list[Diagnostic] | None = None,
          standings: list[dict[str, object]] | None = None) -> str:
    document = (parser.parse_file(text_or_path) if isinstance(text_or_path, Path)
                else parser.parse(text_or_path, "article.txt"))
    if standings is not None:
        document.data["standings"] = standings
    found = parser.check(document) + (extra or [])
    return render_page(build_page(document, found, path=document.path))


def _elements(page: str) -> _Elements:
    elements = _Elements()
    elements.feed(page)
    return elements


def test_hostile_names_are_text_and_no_markup_gets_through() -> None:
    page = _page(HOSTILE)
    elements = _elements(page)
    assert [t for t, _ in elements.tags if t in ("script", "img", "iframe", "object")] == [
        "script"], "only the page's own script"
    assert not any(name.startswith("on") for _, attrs in elements.tags for name in attrs)
    text = "".join(elements.text)
    for name in NAMES:
        assert name in text  # shown as text, in the rounds, the bracket and the findings
    assert "2031 <b>Elm</b> Cup" in text
    assert '"><img src=x onerror=alert(1)> plays itself' in text


def test_csp_allows_exactly_the_inline_style_and_script() -> None:
    page = _page(HOSTILE)
    (policy,) = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy.startswith("default-src 'none';")
    assert f"style-src {digest(asset('report.css'))};" in policy
    assert f"script-src {digest(asset('report.js'))};" in policy
    assert "unsafe" not in policy and "http" not in policy
    (script,) = _elements(page).scripts
    assert digest(script) == digest(asset("report.js"))
    (style,) = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert digest(style) == digest(asset("report.css"))


def test_findings_are_marked_on_the_match_and_cell_they_name() -> None:
    page = _page(Path("samples/flat/09_knockout_errors.txt").resolve())
    row = re.search(r'<tr id="m-0-1" class="match has-marks marked-error".*?</tr>', page, re.S)
    assert row is not None, "MA305 marks match 2 of the first round"
    assert 'class="away cell-error"' in row.group(0)
    assert 'href="#f-2"' in row.group(0) and ">MA305<" in row.group(0)
    finding = re.search(r'<li class="finding sev-error" id="f-2".*?</li>', page, re.S)
    assert finding is not None
    assert '<span class="ln">23</span>Ostmere Rangers 2-1 <mark>Ostmere Rangers</mark>' in (
        finding.group(0))
    assert 'href="#rule-ma305"' in finding.group(0) and 'id="rule-ma305"' in page


def test_lines_a_message_names_are_shown_with_the_finding() -> None:
    page = _page(Path("samples/seed/000_40227375bb590b15.txt").resolve())
    finding = re.search(r'<li class="finding sev-error" id="f-2".*?</li>', page, re.S)
    assert finding is not None and "CO101" in finding.group(0)
    numbers = re.findall(r'<span class="ln">(\d+)</span>', finding.group(0))
    assert numbers == ["16", "20", "32"]
    assert 'id="c-1" class="count has-marks marked-error"' in page


def test_standings_show_recomputed_values_beside_wrong_ones() -> None:
    rows = [
        {"team": "Elm FC", "code": None, "line": 3, "position": 1, "played": 3, "won": 2,
         "drawn": 1, "lost": 0, "goals_for": 5, "goals_against": 2, "goal_difference": 3,
         "points": 7, "adjust_points": 0, "status": "A", "note": None},
        {"team": "<b>Oak</b>", "code": None, "line": 4, "position": 2, "played": 3, "won": 1,
         "drawn": 1, "lost": 1, "goals_for": 3, "goals_against": 3, "goal_difference": 1,
         "points": 5, "adjust_points": 0, "status": None, "note": None},
        {"team": "Ash", "code": None, "line": 5, "position": 3, "played": 2, "won": 0,
         "drawn": 0, "lost": 2, "goals_for": 0, "goals_against": 3, "goal_difference": None,
         "points": None, "adjust_points": 0, "status": None, "note": None},
    ]
    standings = [{"name": "Group A", "section": "Group A", "line": 2, "end_line": 5,
                  "source": "wikitable", "rows": rows}]
    wrong = Diagnostic("ST803", Severity.ERROR, "points 5 for 1 win and 1 draw", 4, 1,
                       pointer="/standings/0/rows/1/points")
    page = _page("= T =\n\n==Final==\nElm FC 1-0 Oak SC\n", [wrong], standings)
    row = re.search(r'<tr id="s-0-1" class="standing has-marks marked-error">.*?</tr>', page,
                    re.S)
    assert row is not None and "&lt;b&gt;Oak&lt;/b&gt;" in row.group(0)
    cells = row.group(0)
    assert '<span class="written-wrong" title="as written">1</span><span class="recomputed" ' \
           'title="recomputed">0</span>' in cells  # goal difference 3 - 3
    assert '<td class="num cell-error"><span class="written-wrong" title="as written">5' \
           '</span><span class="recomputed" title="recomputed">4</span>' in cells
    ash = re.search(r'<tr id="s-0-2".*?</tr>', page, re.S)
    assert ash is not None and '<span class="derived" title="not written; computed">-3' in (
        ash.group(0))
    assert 'id="rule-st803"' in page and "points-wrong" in page  # a catalogued rule now


def test_bracket_draws_byes_walkovers_and_the_winners_path() -> None:
    text = ("= T =\n\n==First round==\nElm FC 2-1 Oak SC\nAsh FC w/o Yew FC\n"
            "Fir FC 0-1 Box FC\n\n==Semi-finals==\nElm FC 1-0 Ash FC\nBox FC 2-0 Rowan FC\n\n"
            "==Final==\nElm FC 3-1 Box FC\n")
    page = _page(text)
    bracket = page[page.index('id="bracket"'):page.index("</section>", page.index('id="bracket"'))]
    assert bracket.count('class="box bye"') == 1 and "Rowan FC" in bracket
    assert bracket.count('class="tree span-3"') == 1, "one tree, rooted in the final"
    assert bracket.count('<a class="box') == 6
    assert '<span class="side won"><span class="name">Ash FC</span><span class="goals">w/o' in (
        bracket)
    assert bracket.index("Final") < bracket.index('class="tree')


def test_rule_text_keeps_examples_as_blocks() -> None:
    doc = "Says what.\n\nFailing (reported at 2:1)::\n\n    ==Final==\n    x\n\nPassing::\n\n    y\n"
    kinds = [(p.kind, p.text) for p in parts(doc)]
    assert kinds == [("text", "Says what."), ("title", "Failing (reported at 2:1)"),
                     ("code", "==Final==\nx"), ("title", "Passing"), ("code", "y")]


def test_a_page_of_findings_alone_for_an_input_that_failed() -> None:
    found = [Diagnostic("IN004", Severity.ERROR, "no such file", 1, 1)]
    page = render_page(build_page(None, found, path="missing.txt"))
    assert "no such file" in page and 'id="rule-in004"' in page and "Rounds</h2>" not in page


def test_a_bracket_template_of_the_article_is_listed_with_its_ties() -> None:
    document = parser.parse("= T =\n\n==Final==\nElm FC 1-0 Oak SC\n", "article.txt")
    document.data["bracket"] = [{
        "name": "Knockout stage", "template": "4TeamBracket", "line": 5, "end_line": 9,
        "ties": [{"round": 1, "round_name": "Semi-finals", "tie": 1, "line": 6,
                  "team1": "<i>Elm</i>", "team2": "Oak SC", "score1": "2", "score2": "1",
                  "legs": [[1, 0], [1, 1]], "winner": 1}]}]
    found = [Diagnostic("XX001", Severity.WARNING, "odd", 6, 1, pointer="/bracket/0/ties/0/team1")]
    page = render_page(build_page(document, found, path="article.txt"))
    row = re.search(r'<tr id="b-0-0" class="drawn-tie has-marks marked-warning">.*?</tr>', page)
    assert row is not None
    assert '<span class="winner">&lt;i&gt;Elm&lt;/i&gt;</span>' in row.group(0)
    assert "2–1" in row.group(0) and '<span class="chip">1–1</span>' in row.group(0)
    assert "{{4TeamBracket}}" in page


def test_regional_stages_of_one_name_share_a_bracket_column() -> None:
    page = _page(Path("samples/flat/04_regional_prelims.txt").resolve())
    head = re.search(r'<div class="bracket-head">(.*?)</div></div>', page)
    assert head is not None
    assert re.findall(r"<div>([^<]+)</div>", head.group(1) + "</div>") == [
        "Regional quarterfinals", "Regional semifinals", "Regional finals"]
    assert page.count('class="tree span-3"') == 2, "one tree per region, rooted in its final"


def _tag_set(page: str) -> set[str]:
    return {tag for tag, _ in _elements(page).tags}


_BASE = parser.parse("= T =\n\n==Semi-finals==\nElm FC 2-1 Oak SC\nAsh FC 0-1 Yew FC\n\n"
                     "==Final==\nElm FC 1-0 Yew FC\n", "article.txt")


def _with_names(names: list[str]) -> str:
    document = copy.deepcopy(_BASE)
    semis = document.data["rounds"][0]["matches"]
    semis[0]["home"], semis[0]["away"], semis[1]["home"] = names[:3]
    document.data["title"] = names[3]
    found = [Diagnostic("XX001", Severity.ERROR, names[0] + names[1], 4, 1,
                        pointer="/rounds/0/matches/0/home")]
    return render_page(build_page(document, found, path=names[2]))


_BASE_TAGS = _tag_set(_with_names(["Elm FC", "Oak SC", "Ash FC", "T"]))


@settings(max_examples=int(os.environ.get("SCORELINE_EXAMPLES", "200")) // 4, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=40), min_size=4, max_size=4))
def test_any_text_in_the_json_stays_text(names: list[str]) -> None:
    """Whatever the JSON holds (markup, quotes, entities, controls), it adds no kind of
    element and no event attribute, and the page keeps its one script."""
    elements = _elements(_with_names(names))
    assert {tag for tag, _ in elements.tags} <= _BASE_TAGS
    assert not any(name.startswith("on") for _, attrs in elements.tags for name in attrs)
    assert len(elements.scripts) == 1


def test_objects_missing_optional_keys_still_render() -> None:
    document = parser.parse("= T =\n\n==Final==\nElm FC 1-0 Oak SC\n", "article.txt")
    document.data["bracket"] = [{"ties": [{"team1": "Elm FC", "team2": "Oak SC"}]}]
    document.data["standings"] = [{"rows": [{"team": "Elm FC"}]}]
    document.data["entrants"] = [{"name": "Elm FC", "line": 3}]
    document.data["declared_counts"] = [{"count": 2, "line": 1}]
    page = render_page(build_page(document, [], path="article.txt"))
    assert 'id="b-0-0"' in page and 'id="s-0-0"' in page and 'id="e-0"' in page
