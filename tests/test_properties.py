"""Property tests (hypothesis): what must hold for every input.

* Any text or bytes either converts to schema-valid JSON or raises the package's own error.
* Every non-blank line is covered by the JSON or by a finding.
* The same input gives byte-identical JSON and the same findings, in one process (warm
  caches) and across processes with different hash seeds.
* Match lines generated from ``grammars/match_line.lark`` (``hypothesis.extra.lark``) lex
  back into the tokens that generated them and convert to the match they describe.
* Reported columns point at the file's own characters; the wiki plan covers the text.
* The linear prose-list scan finds what the regex it replaced found.

``SCORELINE_EXAMPLES`` sets the number of examples per property (default 200, which keeps
this module under half a minute; ``SCORELINE_EXAMPLES=3000`` for a thorough run).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark
from lark import Lark, Token, Tree

from parser.api import check, parse
from parser.errors import ScorelineError
from parser.markup.plan import RESTORE, neutralise, plan
from parser.model.coverage import uncovered_lines
from parser.model.entrants import prose_list_candidates
from parser.model.match_lines import MAX_LINE_CHARS, parse_match_line, plausible_name
from parser.read.source import from_text
from parser.resources import grammar_path
from parser.schema import load_validator

from .conftest import ROOT, SAMPLES

EXAMPLES = int(os.environ.get("SCORELINE_EXAMPLES", "200"))
PROFILE = settings(max_examples=EXAMPLES, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                          HealthCheck.filter_too_much])

# ---- documents ------------------------------------------------------------------------

PIECES = [
    "= 2031 Elm Cup =", "==First round==", "=== North (12 teams) ===", "==== Matches ====",
    "Infobox", "- Year: 2031", "- Num Teams: 64", "- Champions: Harbor City, (3rd title) |runner-up = Oak",
    "- Prev Season: 2030–31", "| Tie | Home team (tier) | Score | Away team (tier) | ' |",
    "| 1 | Elm Town (9) | 2–1 | Oak Rovers (10) | 143 |", "| 31 | Finchley Vale w/o-scr Stevenage Park | | |",
    "| Division Winners | | | | | |", "| State | Club | Division | | | Previous Best |",
    "| | Elm City FC | South | 14th | 2030 | Quarterfinals |", "|", "|-", "|}", "| 24 | AS Elm (9",
    "!colspan=\"3\" align=\"center\"|12 October", "Elm FC 2-1 Oak SC", "Elm Park FC 2 (4)-2 (1) Oak SC",
    "Elm FC 1–1 (4–3 p) Oak SC", "Newport FC 0-2 (forfeit) Newtown Pride FC", "Elm FC v Oak SC postponed",
    "Harbor City (NPSL) 2-4 Port Vale Rovers (LQ)", "September 10", "March 7, 2031", "Saturday, 31 August 2030",
    "  Harbor City (NPSL): Smith 12' , Jones 40', 77' (pen.)", "after extra time", "(4–3 p)",
    "- AFC Elm (OH)", "- Elm FC, 2030 league champion", "Playoffs", "Elm FC,", "Oak SC,", "Ash Town",
    "Twenty-one teams entered through the league.", "The South featured Elm FC, Oak SC and Ash Town.",
    "First round games took place in 2030.", "Elm FC won 3–2 on aggregate.", "- $: Winner of the bonus",
    "<section begin=Bracket /><section end=Bracket />", "<ref>", "</ref>", "<!--", "-->", "{{a|", "}}",
    "[[Elm F.C.|Elm]]", "'''", "''", "&nbsp;", "[http://x.y/ z]", "{|", "<b>", "Elm FC 1234-1 Oak SC",
    "Elm FC \u0662-\u0661 Oak SC", "Elm FC \uff12-\uff11 Oak SC", "9" * 60, "", " ", "\t",
]
CHARS = st.sampled_from(["\u00a0", "\u2009", "\u200b", "\u2060", "\ufeff", "\u00ad", "\u200e",
                         "\u0301", "\r", "\x01", "\u2028", "-", "–", "(", ")", "|", "=", ":",
                         "'", ",", ".", "{", "[", "<", "9", "é"])
LINE = st.one_of(
    st.sampled_from(PIECES),
    st.lists(st.one_of(st.sampled_from(PIECES), CHARS), max_size=6).map("".join),
    st.text(max_size=40),
)
DOCUMENT = st.tuples(st.lists(LINE, max_size=30), st.sampled_from(["\n", "\r\n", "\r"])).map(
    lambda parts: parts[1].join(parts[0]))
TEXT = st.one_of(DOCUMENT, st.text(max_size=200),
                 st.text(alphabet=st.characters(codec=None, exclude_categories=()),
                         max_size=60))
BYTES = st.one_of(st.binary(max_size=200), DOCUMENT.map(lambda t: t.encode("utf-8")),
                  DOCUMENT.map(lambda t: t.encode("utf-16")),
                  st.tuples(DOCUMENT, st.binary(max_size=4)).map(
                      lambda p: p[0].encode("utf-8") + p[1]))


def _convert(source: str | bytes) -> Any:
    try:
        document = parse(source, "<property>")
    except ScorelineError:
        return None
    return document


@PROFILE
@given(st.one_of(TEXT, BYTES))
def test_any_input_gives_schema_valid_json_or_our_error(source: str | bytes) -> None:
    document = _convert(source)
    if document is None:
        return
    assert list(load_validator().iter_errors(document.data)) == []
    assert not [d for d in document.diagnostics if d.code == "SC001"]
    json.loads(document.to_json())


@PROFILE
@given(st.one_of(DOCUMENT, BYTES))
def test_every_non_blank_line_is_covered(source: str | bytes) -> None:
    document = _convert(source)
    if document is not None:
        assert uncovered_lines(document, check(document)) == []


@PROFILE
@given(DOCUMENT)
def test_same_input_same_bytes(text: str) -> None:
    first = _convert(text)
    if first is None:
        return
    second = parse(text, "<property>")
    assert first.to_json() == second.to_json()
    assert check(first) == check(second)


# ---- positions ------------------------------------------------------------------------

@PROFILE
@given(DOCUMENT)
def test_columns_point_at_the_files_own_characters(text: str) -> None:
    try:
        source = from_text(text)
    except ScorelineError:
        return
    original = text.replace("\r\n", "\n").replace("\r", "\n")
    original = original[1:] if original.startswith("\ufeff") else original
    for number, raw in enumerate(original.split("\n"), start=1):
        if number > source.line_count:
            break
        clean = source.line_text(number)
        for index, char in enumerate(clean):
            found = raw[source.column(number, index) - 1]
            assert found == char or (char == " " and found.isspace()), (number, index)


@PROFILE
@given(DOCUMENT, st.integers(min_value=1, max_value=64))
def test_the_wiki_plan_covers_the_text_in_order(text: str, unit: int) -> None:
    try:
        source = from_text(text)
    except ScorelineError:
        return
    layout = plan(source.text, source.line_starts, source.long_lines, force_units=True)
    assert "".join(u.text for u in layout.units).translate(RESTORE) == source.text
    assert [u.start for u in layout.units[1:]] == [u.end for u in layout.units[:-1]]
    assert neutralise(source.text).translate(RESTORE) == source.text


@PROFILE
@given(st.one_of(DOCUMENT, st.text(max_size=200)))
def test_one_tree_parse_round_trips_with_units_forced(text: str) -> None:
    from unittest import mock

    from parser.markup import plan as wikiplan

    try:
        text = from_text(text).text  # what the input policy lets through (no NUL, ...)
    except ScorelineError:
        return
    with mock.patch.object(wikiplan, "WHOLE_BUDGET_NS", -1), \
            mock.patch.object(wikiplan, "UNIT_CHARS", 16):
        assert str(wikiplan.parse_wikicode(text)) == text


# ---- prose lists ----------------------------------------------------------------------

_OLD_PROSE_LIST = re.compile(
    r"(?P<intro>[^.:;]*?\b(?:featured|included|comprised|were|are|was|entered)\b:?|[^.:;]*:)\s+"
    r"(?P<items>[^.;:]+?,[^.;:]+?\band\s+[^.;:]+?)\.(?:\s|$)"
)
SENTENCE = st.lists(st.sampled_from(
    ["were", "are", "featured", "entered", "included", "and", "Elm FC", "Oak", ",", ", ", ".",
     ". ", ":", ";", " ", "  ", "x", "band", "wasn't", "\t", "a", "_"]), max_size=25).map("".join)


@PROFILE
@given(SENTENCE)
def test_linear_prose_list_scan_matches_the_old_regex(text: str) -> None:
    old = [(m.group("intro"), m.group("items"), m.start("items"))
           for m in _OLD_PROSE_LIST.finditer(text)]
    assert list(prose_list_candidates(text)) == old


# ---- match lines from the grammar -----------------------------------------------------

# a Lark built from the grammar file itself (the cached parser lacks the grammar object
# that hypothesis.extra.lark walks)
_GRAMMAR = Lark(grammar_path("match_line.lark").read_text(encoding="utf-8"), parser="lalr",
                lexer="contextual", start=["start", "score_cell", "team_cell"])
_PATTERNS = {t.name: t.pattern.to_regexp() for t in _GRAMMAR.terminals}
_RESULT_TERMINALS = ("SCORE", "PEN_SCORE", "VERSUS", "WALKOVER", "STATUS", "STATUS_NOTE",
                     "AET", "AET_NOTE", "PENS", "FORFEIT", "AWARDED")
_STATUS = {"postponed": "postponed", "p-p": "postponed", "cancelled": "cancelled",
           "canceled": "cancelled", "abandoned": "abandoned", "void": "void",
           "voided": "void", "annulled": "void"}
_LOG: list[tuple[str, str]] = []


def _reserved(word: str) -> bool:
    return any(re.fullmatch(_PATTERNS[name], word) for name in _RESULT_TERMINALS)


def _logged(name: str, strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Each drawn token is logged, then followed by the space the real grammar ignores."""
    def log(token: str) -> str:
        _LOG.append((name, token))
        return token + " "

    return strategy.map(log)


def _own(name: str) -> st.SearchStrategy[str]:
    """The terminal's own regex from the grammar; no outer blanks, brackets balanced."""
    pattern = _PATTERNS[name]
    return st.from_regex(pattern, fullmatch=True).map(str.strip).filter(
        lambda s: re.fullmatch(pattern, s) is not None and s.count("(") == s.count(")"))


_NAME_WORD = st.one_of(
    st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True),
    st.sampled_from(["FC", "SC", "AFC", "U-23", "L.A.", "Harpo's", "&", "M\u00e1quina", "253",
                     "10", "2", "de", "la", "upon", "IPS/Marathon", "St.", "des", "l'Étoile",
                     "an", "der", "van", "y", "i", "dos"]),
).filter(lambda w: not _reserved(w))
_PLACES = ("Durham", "Saint-Étienne", "Isle of Elm")
_EXPLICIT = {name: _logged(name, _own(name)) for name in _RESULT_TERMINALS}
_EXPLICIT["WORD"] = _logged("WORD", _NAME_WORD)
_EXPLICIT["PAREN_OPEN_WORD"] = _logged("PAREN_OPEN_WORD", _NAME_WORD.map(lambda w: "(" + w))
_EXPLICIT["PAREN"] = _logged("PAREN", st.one_of(
    st.from_regex(r"\([0-9]{1,2}\)", fullmatch=True),
    st.sampled_from(["(NPSL)", "(LQ)", "(USL2)", "(Cedar disqualified)", "(at Elm Park)",
                     *(f"({place})" for place in _PLACES)])))
_EXPLICIT["WS_INLINE"] = st.just(" ")


@st.composite
def generated_lines(draw: st.DrawFn) -> tuple[str, list[tuple[str, str]]]:
    _LOG.clear()
    text = draw(from_lark(_GRAMMAR, start="start", explicit=_EXPLICIT))
    return text.rstrip(), list(_LOG)


def _parts(tree: Tree[Token]) -> tuple[Tree[Token], Tree[Token], Tree[Token]]:
    home, result, away = tree.children
    assert isinstance(home, Tree) and isinstance(result, Tree) and isinstance(away, Tree)
    return home, result, away


def _leaves(tree: Tree[Token]) -> list[Token]:
    return list(tree.scan_values(lambda v: isinstance(v, Token)))


def _expected(tree: Tree[Token]) -> dict[str, Any] | None:
    """What the line says, read off the generating tokens with the rules of FORMAT.md."""
    home, result, away = _parts(tree)
    sides = []
    decorations: list[Token] = []
    for side in (home, away):
        words = [t for t in _leaves(side) if t.type in ("WORD", "PAREN_OPEN_WORD")]
        names = [str(w) for w in words]
        if not plausible_name(names):
            return None
        tag = tier = None
        name = " ".join(names)
        suffix = [t for t in _leaves(side) if t.type not in ("WORD", "PAREN_OPEN_WORD")]
        for position, token in enumerate(suffix):
            if token.type == "PAREN":
                inner = str(token)[1:-1].strip()
                if re.fullmatch(r"[0-9]{1,2}", inner) and tier is None:
                    tier = int(inner)
                elif (re.fullmatch(r"[A-Z][A-Za-z0-9.&/-]{0,11}", inner) and inner.upper() == inner
                      and tag is None):  # a league tag is written in capitals: (NPSL), (LQ)
                    tag = inner
                elif inner in _PLACES and position == 0:  # a place right after the name
                    name = f"{name} ({inner})"
            else:
                decorations.append(token)
        sides.append((name, tag, tier))
    head, *rest = _leaves(result)
    decorations.extend(rest)
    scores: list[int | None] = [None, None]
    pens: tuple[int, int] | None = None
    status = {"scored": "played", "scored_pens": "played", "fixture": "scheduled",
              "walkover": "walkover", "status_only": "scheduled"}[str(result.data)]
    if result.data == "status_only":
        decorations.append(head)
    numbers = [int(n) for n in re.findall(r"[0-9]+", str(head))]
    if result.data == "scored":
        scores = numbers
    elif result.data == "scored_pens":
        scores = [numbers[0], numbers[2]]
    aet = False
    for token in decorations:
        word = str(token).strip().rstrip(",;:").strip().strip("()").strip().lower()
        if token.type in ("AET", "AET_NOTE"):  # "(a.e.t.; Elm won 4–3 on pens)": aet and prose
            aet = True
        elif token.type == "PENS":
            first, second = re.findall(r"[0-9]+", word)[:2]
            pens = (int(first), int(second))
        elif token.type == "FORFEIT":
            status = "forfeit"
        elif token.type == "AWARDED":
            status = "awarded"
        elif token.type == "STATUS":
            status = _STATUS[word]
        elif token.type == "STATUS_NOTE":  # "(postponed, frozen pitch)": the word before the mark
            head = re.match(r"[a-z]+(?:-p)?\.?", word)
            assert head is not None
            status = {"forfeit": "forfeit", "forfeited": "forfeit", "forf": "forfeit",
                      "forf.": "forfeit", "awarded": "awarded", "awd": "awarded",
                      "awd.": "awarded"}.get(head.group()) or _STATUS[head.group()]
    if result.data == "scored_pens":
        pens = (numbers[1], numbers[3])
    return {"home": sides[0], "away": sides[1], "scores": scores, "status": status, "aet": aet,
            "pens": pens}


@PROFILE
@given(generated_lines())
def test_generated_match_lines_parse_back_to_what_generated_them(
        generated: tuple[str, list[tuple[str, str]]]) -> None:
    text, tokens = generated
    tree = _GRAMMAR.parse(text, start="start")
    assert [(t.type, str(t).strip()) for t in _leaves(tree)] == tokens
    expected = _expected(tree)
    parsed = parse_match_line(text)
    if len(text) > MAX_LINE_CHARS or expected is None:
        assert parsed is None
        return
    assert parsed is not None, text
    r = parsed.result
    got = {"home": (parsed.home.name, parsed.home.tag, parsed.home.tier),
           "away": (parsed.away.name, parsed.away.tag, parsed.away.tier),
           "scores": [r.home_score, r.away_score], "status": r.status, "aet": r.aet,
           "pens": None if r.home_pens is None else (r.home_pens, r.away_pens)}
    assert got == expected, text
    for side in (parsed.home, parsed.away):  # the span covers the name as written
        assert " ".join(text[side.start:side.end].split()) == side.name


@pytest.mark.parametrize(("line", "status"), [
    ("Elm FC postponed Oak SC", "postponed"), ("Elm FC P-P Oak SC", "postponed"),
    ("Elm FC annulled Oak SC", "void"), ("Elm FC v Oak SC postponed", "postponed"),
    ("Elm FC 2-2 Oak SC void", "void")])
def test_status_only_results_found_by_the_generator(line: str, status: str) -> None:
    parsed = parse_match_line(line)
    assert parsed is not None and (parsed.home.name, parsed.away.name, parsed.result.status) == (
        "Elm FC", "Oak SC", status)


def test_a_label_above_a_list_labelling_a_table_is_kept() -> None:
    document = parse("Champions\n- Year: 2031\n| Club | Division |\n| Elm FC | South |\n")
    assert uncovered_lines(document, check(document)) == []


# ---- determinism across processes -----------------------------------------------------


def _run(seed: str, *args: str) -> bytes:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-m", "parser", *args], capture_output=True,
                          timeout=300, check=False, cwd=ROOT, env=environment).stdout


@pytest.mark.parametrize("command", [["convert"], ["check", "--output-format", "json"]])
def test_output_is_byte_identical_across_hash_seeds(command: list[str]) -> None:
    inputs = [str(p) for p in sorted(SAMPLES.rglob("*.txt"))]
    inputs += [str(ROOT / "tests" / "bad_inputs" / n) for n in (
        "y_leaked_markup.txt", "i_unclosed_markup_everywhere.txt", "y_ragged_table.txt")]
    first = _run("1", *command, *inputs)
    assert first and first == _run("4242", *command, *inputs)
    if command[0] == "check":
        report = json.loads(first)
        for entry in report["files"]:
            keys = [(d["line"], d["column"], d["code"], d["message"])
                    for d in entry["discrepancies"]]
            assert keys == sorted(keys)
    else:
        for line in first.splitlines():
            data = json.loads(line)
            assert list(data) == ["format_version", "source", "title", "title_line", "infobox",
                                  "sections", "entrants", "declared_counts", "rounds",
                                  "standings", "bracket", "unparsed", "facts"]
