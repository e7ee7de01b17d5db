"""Match lines and results-table cells, parsed by ``grammars/match_line.lark``.

The grammar accepts any words as team names; this module then rejects lines whose
"names" read like prose (``Elm won 3-2 on aggregate.``), classifies the bracketed
suffixes (league tag, tier, note) and turns decorations into a status.

Parsing runs on ``fast_lalr.FastLALR``: Lark's own tables and scanners with the
lexer states, parser actions and tree shapes remembered per sequence of token
types, so a line costs about one regular-expression match per token. The
functions ``lark_*`` parse with Lark itself and are the reference for tests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

from ..grammar.load import fast_match_parser, match_parser


class Token(Protocol):
    """A token as both Lark and ``fast_lalr.FastLALR`` give it."""

    @property
    def type(self) -> str: ...

    @property
    def start_pos(self) -> int | None: ...

    @property
    def end_pos(self) -> int | None: ...


def _is_tree(node: object) -> bool:
    """Trees (Lark's or ``fast_lalr.Tree``) have children; tokens do not."""
    return hasattr(node, "children")

MAX_LINE_CHARS = 400
MAX_SIDE_WORDS = 10

# Lower-case words that real club names contain ("Weston super Mare", "Real de Oro").
PARTICLES = frozenset({
    "de", "del", "della", "dei", "di", "da", "do", "dos", "das", "du", "la", "le", "les",
    "los", "las", "el", "y", "e", "et", "of", "the", "and", "upon", "on", "super", "am", "an",
    "der", "den", "van", "von", "zu", "sur", "sul", "i", "und", "'n'", "d'", "al", "bin", "en",
    "op",
})
_STATUS_WORDS = {
    "postponed": "postponed", "p-p": "postponed", "cancelled": "cancelled",
    "canceled": "cancelled", "abandoned": "abandoned", "void": "void", "voided": "void",
    "annulled": "void",
}
_TAG = re.compile(r"^[A-Z][A-Za-z0-9.&/-]{0,11}$")
_TIER = re.compile(r"^[0-9]{1,2}$")
_PENS = re.compile(r"([0-9]{1,2})\s*[-‐‑‒–—−]\s*([0-9]{1,2})")
_PEN_SCORE = re.compile(
    r"([0-9]{1,3})\s*\(([0-9]{1,2})\)\s*[-‐‑‒–—−]\s*([0-9]{1,3})\s*\(([0-9]{1,2})\)"
)
_SCORE = re.compile(r"([0-9]{1,3})\s*[-‐‑‒–—−]\s*([0-9]{1,3})")
_HAS_RESULT = re.compile(
    r"[0-9)]\s*[-‐‑‒–—−]\s*[0-9]|\b(v|vs\.?|w/o|walkover|postponed|p-p|cancell?ed|abandoned|"
    r"void(ed)?|annulled)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Side:
    """One team as written: name, optional league tag ``(NPSL)``, tier ``(9)`` and notes.

    ``start``/``end`` are 0-based indexes of the name in the parsed text.
    """

    name: str
    start: int
    end: int
    tag: str | None = None
    tier: int | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    """A score or outcome: goals (None when not played), status, extra time, penalties."""

    status: str = "scheduled"
    home_score: int | None = None
    away_score: int | None = None
    aet: bool = False
    home_pens: int | None = None
    away_pens: int | None = None
    walkover_note: str | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class MatchLine:
    """A whole match line: two sides and a result."""

    home: Side
    away: Side
    result: Result
    notes: tuple[str, ...] = field(default=())


def _is_name_word(word: str) -> bool:
    first = word[0]
    if first.isupper() or first.isdigit() or not first.isalpha():
        return True
    return word.lower() in PARTICLES


def plausible_name(words: list[str]) -> bool:
    """Whether words read as a club name rather than prose."""
    if not words or len(words) > MAX_SIDE_WORDS:
        return False
    if not any(map(str.isalpha, "".join(words))):
        return False
    if not (words[0][0].isupper() or words[0][0].isdigit() or words[0][0] in "'\"[&."):
        return False
    return all(_is_name_word(w) for w in words)


class _Collector:
    """Walks a parse tree (not recursive in depth: the trees are two levels deep)."""

    def __init__(self) -> None:
        self.aet = False
        self.pens: tuple[int, int] | None = None
        self.status: str | None = None
        self.notes: list[str] = []

    def decoration(self, token: Token) -> None:
        text = str(token).strip().strip("()").strip()
        kind = token.type
        if kind == "AET":
            self.aet = True
        elif kind == "PENS":
            m = _PENS.search(text)
            if m:
                self.pens = (int(m.group(1)), int(m.group(2)))
        elif kind == "FORFEIT":
            self.status = "forfeit"
        elif kind == "AWARDED":
            self.status = "awarded"
        elif kind == "STATUS":
            self.status = _STATUS_WORDS.get(text.lower(), "void")

    def side(self, tree: Any) -> Side | None:
        return self.side_of(*_side_parts(tree))

    def side_of(self, words: list[Token], suffix: list[Token]) -> Side | None:
        """A side from its name words and the tokens of its suffixes, in source order."""
        tag: str | None = None
        tier: int | None = None
        notes: list[str] = []
        for tok in suffix:
            if tok.type != "PAREN":
                self.decoration(tok)
                continue
            inner = str(tok)[1:-1].strip()
            if _TIER.match(inner) and tier is None:
                tier = int(inner)
            elif _TAG.match(inner) and inner.upper() == inner and tag is None:
                tag = inner
            else:
                notes.append(inner)
        names = [str(w) for w in words]
        if not plausible_name(names):
            return None
        start = words[0].start_pos or 0
        end = (words[-1].end_pos or 0)
        return Side(" ".join(names), start, end, tag, tier, tuple(notes))

    def result(self, tree: Any) -> Result | None:
        return self.result_of(*_result_parts(tree))

    def result_of(self, data: str, head: Token | None, decorations: list[Token]
                  ) -> Result | None:
        """A result from its rule name, its first token and its decorations."""
        for tok in decorations:
            self.decoration(tok)
        if head is None:
            return Result(status="scheduled")
        text = str(head)
        start, end = head.start_pos or 0, head.end_pos or 0
        if data == "scored_pens":
            m = _PEN_SCORE.fullmatch(text.strip())
            if not m:
                return None
            self.pens = (int(m.group(2)), int(m.group(4)))
            return Result("played", int(m.group(1)), int(m.group(3)), start=start, end=end)
        if data == "scored":
            m = _SCORE.fullmatch(text.strip())
            if not m:
                return None
            return Result("played", int(m.group(1)), int(m.group(2)), start=start, end=end)
        if data == "walkover":
            note = text.split("-", 1)[1] if "-" in text else None
            return Result("walkover", walkover_note=note, start=start, end=end)
        if data == "status_only":
            self.decoration(head)
            return Result("scheduled", start=start, end=end)
        if data == "empty_score":
            return Result("scheduled", start=start, end=end)
        return Result("scheduled", start=start, end=end)

    def finish(self, result: Result) -> Result:
        status = result.status
        if self.status is not None:
            status = self.status
        home_pens, away_pens = self.pens if self.pens else (None, None)
        return Result(status, result.home_score, result.away_score, self.aet or result.aet,
                      home_pens, away_pens, result.walkover_note, result.start, result.end)


def _side_parts(tree: Any) -> tuple[list[Token], list[Token]]:
    """A side's name words and the tokens of its suffixes (``PAREN`` and decorations)."""
    words: list[Token] = []
    suffix: list[Token] = []
    for child in tree.children:
        if not _is_tree(child):
            words.append(child)
            continue
        for item in child.children:
            if not _is_tree(item):
                suffix.append(item)
            else:
                suffix.extend(t for t in item.children if not _is_tree(t))
    return words, suffix


def _result_parts(tree: Any) -> tuple[str, Token | None, list[Token]]:
    """A result's rule name, its first token (None when it has none) and its decorations."""
    head = tree.children[0] if tree.children else None
    decorations = [tok for child in tree.children[1:] if _is_tree(child)
                   for tok in child.children if not _is_tree(tok)]
    return str(tree.data), None if head is None or _is_tree(head) else head, decorations


# Plans: the parts above as token indices, worked out once per shape of token types
# (``FastLALR.shape`` hands over trees whose tokens carry their index as start_pos).

_SidePlan = tuple[list[int], list[int]]
_ResultPlan = tuple[str, "int | None", list[int]]


def _index(token: Token) -> int:
    return token.start_pos or 0


def _side_plan(tree: Any) -> _SidePlan:
    words, suffix = _side_parts(tree)
    return [_index(t) for t in words], [_index(t) for t in suffix]


def _result_plan(tree: Any) -> _ResultPlan:
    data, head, decorations = _result_parts(tree)
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


def _side_from(collector: _Collector, tokens: Sequence[Token], plan: _SidePlan) -> Side | None:
    return collector.side_of([tokens[i] for i in plan[0]], [tokens[i] for i in plan[1]])


def _result_from(collector: _Collector, tokens: Sequence[Token], plan: _ResultPlan
                 ) -> Result | None:
    data, head, decorations = plan
    return collector.result_of(data, None if head is None else tokens[head],
                               [tokens[i] for i in decorations])


@lru_cache(maxsize=8192)
def parse_match_line(text: str) -> MatchLine | None:
    """Parse a whole line as a match; None when it is not one."""
    if len(text) > MAX_LINE_CHARS or not _HAS_RESULT.search(text):
        return None
    fast = fast_match_parser()
    if fast is None:
        return lark_match_line(text)
    shaped = fast.shape(text, "start", _line_plan)
    if shaped is None:
        return None
    tokens, (home_plan, result_plan, away_plan) = shaped
    collector = _Collector()
    home = _side_from(collector, tokens, home_plan)
    away = _side_from(collector, tokens, away_plan)
    result = _result_from(collector, tokens, result_plan)
    if home is None or away is None or result is None:
        return None
    return MatchLine(home, away, collector.finish(result))


@lru_cache(maxsize=4096)
def parse_score_cell(text: str) -> Result | None:
    """Parse a results-table score cell; an empty cell or ``-`` is an unplayed result."""
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
    collector = _Collector()
    result = _result_from(collector, tokens, plan)
    return None if result is None else collector.finish(result)


@lru_cache(maxsize=4096)
def parse_team_cell(text: str) -> Side | None:
    """Parse a results-table team cell such as ``Elm Town (9)``."""
    if not text.strip() or len(text) > MAX_LINE_CHARS:
        return None
    fast = fast_match_parser()
    if fast is None:
        return lark_team_cell(text)
    shaped = fast.shape(text, "team_cell", _team_plan)
    if shaped is None:
        return None
    tokens, plan = shaped
    return _side_from(_Collector(), tokens, plan)


def lark_match_line(text: str) -> MatchLine | None:
    """``parse_match_line`` by ``Lark.parse`` alone (the reference for ``FastLALR``)."""
    from lark.exceptions import LarkError

    try:
        tree = match_parser().parse(text, start="start")
    except LarkError:
        return None
    collector = _Collector()
    home_tree, result_tree, away_tree = tree.children
    home = collector.side(home_tree)
    away = collector.side(away_tree)
    result = collector.result(result_tree)
    if home is None or away is None or result is None:
        return None
    return MatchLine(home, away, collector.finish(result))


def lark_score_cell(text: str) -> Result | None:
    """``parse_score_cell`` by ``Lark.parse`` alone."""
    from lark.exceptions import LarkError

    try:
        tree = match_parser().parse(text, start="score_cell")
    except LarkError:
        return None
    collector = _Collector()
    if not tree.children:
        return Result("scheduled")
    result = collector.result(tree.children[0])
    return None if result is None else collector.finish(result)


def lark_team_cell(text: str) -> Side | None:
    """``parse_team_cell`` by ``Lark.parse`` alone."""
    from lark.exceptions import LarkError

    try:
        tree = match_parser().parse(text, start="team_cell")
    except LarkError:
        return None
    return _Collector().side(tree.children[0])
