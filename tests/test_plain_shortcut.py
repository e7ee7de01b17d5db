"""The plain-line shortcut gives exactly what the LALR parser gives, on generated lines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parser.match_lines import (
    USE_LARK,
    _shortcut,
    lark_match_line,
    lark_score_cell,
    lark_team_cell,
    parse_match_line,
)

CHUNKS = [
    "Elm", "Park", "FC", "SC", "U-23", "10", "2", "253", "L.A.", "Harpo's", "&", "de", "won",
    "IPS/Marathon", "Máquina", "on", "aggregate.", "v", "vs", "vs.", "v.", "aet", "a.e.t.",
    "a.", "e.", "t.", "a", "e", "t", "after", "extra", "time", "pens", "p", "pen.", "w/o",
    "w/o-scr", "walkover", "forfeit", "forf.", "awd", "awarded", "postponed", "P-P", "void",
    "(NPSL)", "(9)", "(4-3", "p)", "(forfeit)", "(", ")", "2-1", "2–1", "0-12", "3-0,", "1-1;",
    "2-1)", "1000-1", "10-12", "x2-1", "1-1abc", "2", "-", "–", "1", "2-", "-1", ",", ";",
    "4-3p", "(4)-2", "2(4)-2(1)", "1-1", "Zeta", "united", "McX", "'t", "Ünïcode", "10th",
    "(NPSL)", "(9)", "(10)", "(a b)", "((x))", "(2-1)", "Elm(9)", "2-1(x)", "(walkover, x)",
]
SEPARATORS = [" ", " ", " ", "  ", "\t", " \t "]

WORDS = ["Elm", "Park", "FC", "U-23", "10", "2", "L.A.", "Harpo's", "&", "de", "won", "on",
         "Máquina", "united", "aggregate.", "IPS/Marathon", "1-1abc", "x2-1", "2-", "-1", ",",
         "10th", "Oak", "Rovers", "SC"]
SCORES = ["2-1", "2–1", "0-12", "2 - 1", "2 -1", "10-12", "1000-1", "3-0,", "1-1;", "2-1)",
          "4-3p", "1", "-"]


def _join(parts: list[tuple[str, str]]) -> str:
    return "".join(chunk + sep for chunk, sep in parts).rstrip(" \t")


_any = st.lists(st.tuples(st.sampled_from(CHUNKS), st.sampled_from(SEPARATORS)),
                min_size=1, max_size=9).map(_join)
_part = st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS))
_score = st.tuples(st.sampled_from(SCORES), st.sampled_from(SEPARATORS))
_tricky = st.tuples(st.sampled_from(CHUNKS), st.sampled_from(SEPARATORS))
# mostly plain lines (words, a score, words), some with one arbitrary chunk put anywhere
_shaped = st.tuples(st.lists(_part, max_size=4), st.lists(_score, min_size=1, max_size=2),
                    st.lists(_part, max_size=4), st.lists(_tricky, max_size=1),
                    st.integers(0, 9)).map(
    lambda t: _join(t[0][: t[4]] + t[3] + t[0][t[4]:] + t[1] + t[2]))
_name = st.lists(st.tuples(st.sampled_from(["Elm", "Park", "FC", "U-23", "10", "L.A.", "Oak",
                                             "Harpo's", "&", "Máquina", "de", "IPS/Marathon",
                                             "(NPSL)", "(9)", "(tie moved to Elm)", "(LQ)",
                                             "Elm(9)", "(Oak", "x)"]),
                           st.sampled_from(SEPARATORS)), min_size=1, max_size=4)
# realistic lines, some with one arbitrary chunk put anywhere
_real = st.tuples(_name, _score, _name, st.lists(_tricky, max_size=1), st.integers(0, 12)).map(
    lambda t: _join([*t[0], t[1], *t[2]][: t[4]] + t[3] + [*t[0], t[1], *t[2]][t[4]:]))
_suffix = st.tuples(st.sampled_from(["(NPSL)", "(9)", "(10)", "(tie moved to Elm)", "(LQ)",
                                      "(a, b)", "(2-1)", "()", "( x )", "(Elm"]),
                    st.sampled_from(["", *SEPARATORS]))
_words = st.lists(st.tuples(st.sampled_from(["Elm", "Park", "FC", "10", "Oak", "L.A."]),
                            st.sampled_from(SEPARATORS)), min_size=1, max_size=3)
_side = st.tuples(_words, st.lists(_suffix, max_size=2)).map(
    lambda t: [*t[0][:-1], (t[0][-1][0], " " if t[1] else t[0][-1][1]), *t[1]])
# sides with league tags, tiers and notes
_tagged = st.tuples(_side, _score, _side).map(lambda t: _join([*t[0], t[1], *t[2]]))
lines = st.one_of(_real, _real, _tagged, _tagged, _shaped, _any)


def test_the_shortcut_is_on_for_the_bundled_grammar() -> None:
    plain = _shortcut()
    assert plain is not None
    assert plain.line("Elm Park FC 2-5 Brick Lane FC") is not USE_LARK
    assert plain.team("Quellbrook Town") is not USE_LARK
    assert plain.score_cell("2–1") is not USE_LARK


@settings(max_examples=3000, deadline=None)
@given(lines)
def test_match_lines_agree(text: str) -> None:
    plain = _shortcut()
    assert plain is not None
    found = plain.line(text)
    if found is not USE_LARK:
        assert found == lark_match_line(text), text


@settings(max_examples=1500, deadline=None)
@given(st.one_of(lines, _side.map(_join)))
def test_team_cells_agree(text: str) -> None:
    plain = _shortcut()
    assert plain is not None
    found = plain.team(text)
    if found is not USE_LARK:
        assert found == lark_team_cell(text), text


@settings(max_examples=1500, deadline=None)
@given(st.one_of(lines, st.sampled_from(["", " ", "2-1", " 2 - 1 ", "2-1 aet", "-", "12-0",
                                          "1000-1", "2 (4)-2 (1)", "2-1,", "w/o"])))
def test_score_cells_agree(text: str) -> None:
    plain = _shortcut()
    assert plain is not None
    found = plain.score_cell(text)
    if found is not USE_LARK:
        assert found == lark_score_cell(text), text


@settings(max_examples=300, deadline=None)
@given(lines)
def test_public_function_agrees_with_the_parser(text: str) -> None:
    parse_match_line.cache_clear()
    found = parse_match_line(text)
    if found is not None:
        assert found == lark_match_line(text), text
