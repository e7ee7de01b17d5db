"""Match lines and results-table cells, parsed by ``grammars/match_line.lark``.

Parsing runs on ``fast_lalr.FastLALR``: Lark's own tables and scanners with the
lexer states, parser actions and tree shapes remembered per sequence of token
types, so a line costs about one regular-expression match per token. The parts
(sides, results) are made by ``match_parts.Collector``. The functions ``lark_*``
parse with Lark itself and are the reference for tests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..grammar.load import fast_match_parser, match_parser
from .match_parts import (
    MAX_LINE_CHARS,
    PARTICLES,
    Collector,
    MatchLine,
    Result,
    Side,
    Token,
    plausible_name,
    result_parts,
    side_parts,
)

__all__ = ["MAX_LINE_CHARS", "PARTICLES", "MatchLine", "Result", "Side", "Token", "grammar_text",
           "has_result", "lark_match_line",
           "lark_score_cell", "lark_team_cell", "parse_match_line", "parse_score_cell",
           "parse_team_cell", "plausible_name"]

# What a match line needs somewhere: a score, or a word of a fixture or an outcome
# (``\b(v|vs\.?|w/o|walkover|postponed|p-p|cancell?ed|abandoned|void(ed)?|annulled)\b``,
# case-blind). The words are written to start with a set of letters, both cases spelt out,
# and the boundary before them checked behind that letter (``(?<!\w.)``): the engine then
# jumps to those letters instead of trying the boundary at every character, which
# ``re.IGNORECASE`` on the whole pattern would make it do.
_HAS_SCORE = re.compile(r"[0-9)]\s*[-‐‑‒–—−]\s*[0-9]")
_HAS_RESULT_WORD = re.compile(
    r"[vVwWpPcCaAfF](?<!\w.)(?i:(?<=v)(?:s\.?|oid(?:ed)?)?|(?<=w)(?:/o|alkover)"
    r"|(?<=p)(?:ostponed|-p)|(?<=c)ancell?ed|(?<=a)(?:bandoned|nnulled|warded|wd)"
    r"|(?<=f)orf\w*)\b")  # forfeit and awarded open a status-only result with its reason


def has_result(text: str) -> bool:
    """Whether ``text`` holds a score or a fixture or outcome word (no match line without)."""
    return _HAS_SCORE.search(text) is not None or _HAS_RESULT_WORD.search(text) is not None

# Dashes the grammar's dash class leaves out, as renderings write them (small and
# full-width hyphen-minus, small em dash, horizontal bar): read as the dash they stand for,
# one character for one, so every position in the line stays where it was.
_OTHER_DASHES = str.maketrans({"\ufe63": "-", "\uff0d": "-", "\ufe58": "—", "\u2015": "—"})
_OTHER_DASH = re.compile("[\ufe63\uff0d\ufe58\u2015]")  # translating costs more than looking


# Footnote and reference marks the rendering left after a word: [1], [a], [note 2]. They
# are read as blanks of the same length.
_FOOTNOTE = re.compile(r"\[(?:[0-9]{1,3}|[a-z]|(?:note|nb) [0-9]{1,3})\]", re.IGNORECASE)


def grammar_text(text: str) -> str:
    """``text`` as the match-line grammar reads it (same length, same positions): other
    dashes as the dashes they stand for, footnote marks as blanks."""
    if not text.isascii() and _OTHER_DASH.search(text):
        text = text.translate(_OTHER_DASHES)
    if "[" in text:
        text = _FOOTNOTE.sub(lambda m: " " * len(m.group()), text)
    return text


# Plans: the parts above as token indices, worked out once per shape of token types
# (``FastLALR.shape`` hands over trees whose tokens carry their index as start_pos).

_SidePlan = tuple[list[int], list[int]]
_ResultPlan = tuple[str, "int | None", list[int]]


def _index(token: Token) -> int:
    return token.start_pos or 0


def _side_plan(tree: Any) -> _SidePlan:
    words, suffix = side_parts(tree)
    return [_index(t) for t in words], [_index(t) for t in suffix]


def _result_plan(tree: Any) -> _ResultPlan:
    data, head, decorations = result_parts(tree)
    return data, None if head is None else _index(head), [_index(t) for t in decorations]


def _line_plan(tree: Any) -> tuple[_SidePlan, _ResultPlan, _SidePlan]:
    home, result, away = tree.children
    return _side_plan(home), _result_plan(result), _side_plan(away)


def _score_plan(tree: Any) -> tuple[_ResultPlan | None]:
    if not tree.children:
        return (None,)
    return (_result_plan(tree.children[0]),)


def _team_plan(tree: Any) -> _SidePlan:
    return _side_plan(tree.children[0])


def _side_from(collector: Collector, tokens: Sequence[Token], plan: _SidePlan) -> Side | None:
    return collector.side_of([tokens[i] for i in plan[0]], [tokens[i] for i in plan[1]])


def _result_from(collector: Collector, tokens: Sequence[Token], plan: _ResultPlan
                 ) -> Result | None:
    data, head, decorations = plan
    return collector.result_of(data, None if head is None else tokens[head],
                               [tokens[i] for i in decorations])


@lru_cache(maxsize=8192)
def parse_match_line(text: str) -> MatchLine | None:
    """Parse a whole line as a match; None when it is not one.

    A sentence's full stop after a closing parenthesis (``Elm 1-1 Oak (4-3 p.).``) is
    punctuation, not part of the line: such a line is read without it.
    """
    text = grammar_text(text)
    found = _parse_line(text)
    if found is None:
        stripped = text.rstrip()
        if stripped.endswith(")."):
            found = _parse_line(stripped[:-1])
    return found


def _parse_line(text: str) -> MatchLine | None:
    if len(text) > MAX_LINE_CHARS or not has_result(text):
        return None
    fast = fast_match_parser()
    if fast is None:
        return lark_match_line(text)
    shaped = fast.shape(text, "start", _line_plan)
    if shaped is None:
        return None
    tokens, (home_plan, result_plan, away_plan) = shaped
    collector = Collector()
    home = _side_from(collector, tokens, home_plan)
    away = _side_from(collector, tokens, away_plan)
    result = _result_from(collector, tokens, result_plan)
    if home is None or away is None or result is None:
        return None
    return MatchLine(home, away, collector.finish(result))


@lru_cache(maxsize=4096)
def parse_score_cell(text: str) -> Result | None:
    """Parse a results-table score cell; an empty cell or ``-`` is an unplayed result."""
    text = grammar_text(text)
    if len(text) > MAX_LINE_CHARS:
        return None
    fast = fast_match_parser()
    if fast is None:
        return lark_score_cell(text)
    shaped = fast.shape(text, "score_cell", _score_plan)
    if shaped is None:
        return None
    tokens, (plan,) = shaped
    if plan is None:
        return Result("scheduled")
    collector = Collector()
    result = _result_from(collector, tokens, plan)
    return None if result is None else collector.finish(result)


@lru_cache(maxsize=4096)
def parse_team_cell(text: str) -> Side | None:
    """Parse a results-table team cell such as ``Elm Town (9)``."""
    text = grammar_text(text)
    if not text.strip() or len(text) > MAX_LINE_CHARS:
        return None
    fast = fast_match_parser()
    if fast is None:
        return lark_team_cell(text)
    shaped = fast.shape(text, "team_cell", _team_plan)
    if shaped is None:
        return None
    tokens, plan = shaped
    return _side_from(Collector(), tokens, plan)


def lark_match_line(text: str) -> MatchLine | None:
    """``parse_match_line`` by ``Lark.parse`` alone (the reference for ``FastLALR``)."""
    text = grammar_text(text)
    from lark.exceptions import LarkError

    try:
        tree = match_parser().parse(text, start="start")
    except LarkError:
        return None
    collector = Collector()
    home_tree, result_tree, away_tree = tree.children
    home = collector.side(home_tree)
    away = collector.side(away_tree)
    result = collector.result(result_tree)
    if home is None or away is None or result is None:
        return None
    return MatchLine(home, away, collector.finish(result))


def lark_score_cell(text: str) -> Result | None:
    """``parse_score_cell`` by ``Lark.parse`` alone."""
    text = grammar_text(text)
    from lark.exceptions import LarkError

    try:
        tree = match_parser().parse(text, start="score_cell")
    except LarkError:
        return None
    collector = Collector()
    if not tree.children:
        return Result("scheduled")
    result = collector.result(tree.children[0])
    return None if result is None else collector.finish(result)


def lark_team_cell(text: str) -> Side | None:
    """``parse_team_cell`` by ``Lark.parse`` alone."""
    text = grammar_text(text)
    from lark.exceptions import LarkError

    try:
        tree = match_parser().parse(text, start="team_cell")
    except LarkError:
        return None
    return Collector().side(tree.children[0])
