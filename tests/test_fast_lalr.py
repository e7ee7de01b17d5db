"""FastLALR (Lark's tables with memory) gives exactly what ``Lark.parse`` gives."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parser.grammar.fast_lalr import FastLALR, tables_of
from parser.grammar.load import date_parser, fast_date_parser, fast_match_parser, match_parser
from parser.model.match_lines import (
    MAX_LINE_CHARS,
    has_result,
    lark_match_line,
    lark_score_cell,
    lark_team_cell,
    parse_match_line,
    parse_score_cell,
    parse_team_cell,
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




def _norm(node: Any) -> Any:
    """A tree (Lark's or FastLALR's) as nested tuples, tokens with their positions."""
    if node is None:
        return None
    if hasattr(node, "children"):
        return (str(node.data), [_norm(child) for child in node.children])
    return (node.type, str(node), node.start_pos, node.end_pos)


def _lark_tree(lark: Any, text: str, start: str) -> Any:
    from lark.exceptions import LarkError

    try:
        return _norm(lark.parse(text, start=start))
    except LarkError:
        return None


# What ``has_result`` stands for, as one case-blind pattern (its first form).
_HAS_RESULT = re.compile(
    r"[0-9)]\s*[-‐‑‒–—−]\s*[0-9]|\b(v|vs\.?|w/o|walkover|postponed|p-p|cancell?ed|abandoned|"
    r"void(ed)?|annulled|awarded|awd|forf\w*)\b",
    re.IGNORECASE,
)


def test_the_fast_runner_is_on_for_both_grammars() -> None:
    assert isinstance(fast_match_parser(), FastLALR)
    assert isinstance(fast_date_parser(), FastLALR)


@settings(max_examples=3000, deadline=None)
@given(lines)
def test_match_lines_agree(text: str) -> None:
    parse_match_line.cache_clear()
    offered = len(text) <= MAX_LINE_CHARS and _HAS_RESULT.search(text)
    assert parse_match_line(text) == (lark_match_line(text) if offered else None), text


@settings(max_examples=3000, deadline=None)
@given(st.one_of(lines, st.text(alphabet="vVsSwW/oOpP-cCaAnNlLdDeEiI.ſİıK 1–2)(_é\n",
                                max_size=12)))
def test_has_result_is_the_one_pattern(text: str) -> None:
    assert has_result(text) == bool(_HAS_RESULT.search(text)), text


@settings(max_examples=1500, deadline=None)
@given(st.one_of(lines, _side.map(_join)))
def test_team_cells_agree(text: str) -> None:
    parse_team_cell.cache_clear()
    if text.strip():
        assert parse_team_cell(text) == lark_team_cell(text), text


@settings(max_examples=1500, deadline=None)
@given(st.one_of(lines, st.sampled_from(["", " ", "2-1", " 2 - 1 ", "2-1 aet", "-", "12-0",
                                          "1000-1", "2 (4)-2 (1)", "2-1,", "w/o", "v",
                                          "postponed", "3-0 awd", "1-1 (4-3 p)"])))
def test_score_cells_agree(text: str) -> None:
    parse_score_cell.cache_clear()
    assert parse_score_cell(text) == lark_score_cell(text), text


@settings(max_examples=1500, deadline=None)
@given(lines, st.sampled_from(["start", "score_cell", "team_cell"]))
def test_trees_equal_lark_trees(text: str, start: str) -> None:
    fast = fast_match_parser()
    assert fast is not None
    assert _norm(fast.tree(text, start)) == _lark_tree(match_parser(), text, start), text


DATE_PIECES = ["September", "Sep", "Sept.", "sat", "Saturday,", "Sun", "March", "May", "10",
               "1st", "22nd", "2031", "2031-09-10", "13–14", "to", ",", "Elm", "2-1", "–", "x"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=5).map(" ".join))
def test_date_trees_equal_lark_trees(text: str) -> None:
    fast = fast_date_parser()
    assert fast is not None
    assert _norm(fast.tree(text, "start")) == _lark_tree(date_parser(), text, "start"), text


def test_the_trie_stops_growing_at_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = FastLALR(tables_of(match_parser()))
    monkeypatch.setattr(FastLALR, "MAX_NODES", 5)
    text = "A B C D E F G H 2-1 I J K"
    assert _norm(fast.tree(text, "start")) == _lark_tree(match_parser(), text, "start")
    assert _norm(fast.tree(text, "start")) == _lark_tree(match_parser(), text, "start")
    assert fast._nodes >= 5
