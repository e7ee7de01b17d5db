"""Match lines and results-table cells, parsed by ``grammars/match_line.lark``.

The grammar accepts any words as team names; this module then rejects lines whose
"names" read like prose (``Elm won 3-2 on aggregate.``), classifies the bracketed
suffixes (league tag, tier, note) and turns decorations into a status.

Most lines are plain: words, one score, words (``Elm Park FC 2-5 Brick Lane FC``).
For those the grammar's outcome is forced, and ``_Plain`` computes it directly
from the grammar's own terminal patterns, about twenty times faster than a run
of the LALR parser. A line is plain when it has no parenthesis, no whitespace but
spaces and tabs, and no match anywhere of a terminal other than ``SCORE``,
``WORD`` and whitespace: then, with the contextual lexer, every word is a
``WORD`` token until the first word where ``SCORE`` matches (``SCORE`` outranks
``WORD``), and after it every word is a ``WORD`` again. Anything else, and any
line where that reasoning would need one more case, goes to Lark. The shortcut
checks the parse table's start states and the terminal priorities it relies on
when it is built, and turns itself off if the grammar no longer fits them; a
differential test compares it with Lark on generated lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lark import Token, Tree
from lark.exceptions import LarkError

from .grammar import match_parser

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
    r"[0-9)]\s*[-‐‑‒–—−]\s*[0-9]|\b(v|vs\.?|w/o|walkover|postponed|cancell?ed|abandoned|void)\b",
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
    if not any(ch.isalpha() for w in words for ch in w):
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

    def side(self, tree: Tree[Token]) -> Side | None:
        words: list[Token] = []
        tag: str | None = None
        tier: int | None = None
        notes: list[str] = []
        for child in tree.children:
            if isinstance(child, Token):
                words.append(child)
                continue
            tokens: list[Token] = []
            for item in child.children:
                if isinstance(item, Token):
                    tokens.append(item)
                else:
                    tokens.extend(t for t in item.children if isinstance(t, Token))
            for tok in tokens:
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

    def result(self, tree: Tree[Token]) -> Result | None:
        head = tree.children[0] if tree.children else None
        for child in tree.children[1:]:
            if isinstance(child, Tree):
                for tok in child.children:
                    if isinstance(tok, Token):
                        self.decoration(tok)
        if not isinstance(head, Token):
            return Result(status="scheduled")
        text = str(head)
        start, end = head.start_pos or 0, head.end_pos or 0
        if tree.data == "scored_pens":
            m = _PEN_SCORE.fullmatch(text.strip())
            if not m:
                return None
            self.pens = (int(m.group(2)), int(m.group(4)))
            return Result("played", int(m.group(1)), int(m.group(3)), start=start, end=end)
        if tree.data == "scored":
            m = _SCORE.fullmatch(text.strip())
            if not m:
                return None
            return Result("played", int(m.group(1)), int(m.group(2)), start=start, end=end)
        if tree.data == "walkover":
            note = text.split("-", 1)[1] if "-" in text else None
            return Result("walkover", walkover_note=note, start=start, end=end)
        if tree.data == "status_only":
            self.decoration(head)
            return Result("scheduled", start=start, end=end)
        if tree.data == "empty_score":
            return Result("scheduled", start=start, end=end)
        return Result("scheduled", start=start, end=end)

    def finish(self, result: Result) -> Result:
        status = result.status
        if self.status is not None:
            status = self.status
        home_pens, away_pens = self.pens if self.pens else (None, None)
        return Result(status, result.home_score, result.away_score, self.aet or result.aet,
                      home_pens, away_pens, result.walkover_note, result.start, result.end)


class _UseLark:
    """The shortcut's answer for input that is not plain: run the parser."""


USE_LARK = _UseLark()


class _Plain:
    """The grammar's outcome on plain lines and cells, without running the parser."""

    _OTHERS = ("PEN_SCORE", "AET", "PENS", "FORFEIT", "AWARDED", "STATUS", "WALKOVER", "VERSUS")

    def __init__(self, patterns: dict[str, str]) -> None:
        self.special = re.compile("|".join(patterns[name] for name in self._OTHERS))
        self.score = re.compile(patterns["SCORE"])
        self.pen_score = re.compile(patterns["PEN_SCORE"])
        self.paren = re.compile(patterns["PAREN"])
        self.word = re.compile(patterns["WORD"])
        self.odd = re.compile(r"[^\S \t]")  # whitespace other than space and tab

    @classmethod
    def build(cls) -> _Plain | None:
        """The shortcut for the loaded grammar; None if the grammar breaks its assumptions."""
        lark = match_parser()
        try:
            terminals = {t.name: t for t in lark.terminals}
            table = lark.parser.parser._parse_table
            starts = {name: {k for k in table.states[state] if k in terminals or k == "$END"}
                      for name, state in table.start_states.items()}
            rank = {name: t.priority for name, t in terminals.items()}
            fits = (
                starts["start"] == starts["team_cell"] == {"WORD", "PAREN_OPEN_WORD"}
                and set(lark.lexer_conf.ignore) == {"WS_INLINE"}
                and rank["PEN_SCORE"] > rank["SCORE"] > max(
                    rank[n] for n in ("AET", "PENS", "FORFEIT", "AWARDED", "STATUS",
                                      "WALKOVER", "VERSUS", "PAREN", "PAREN_OPEN_WORD"))
                and rank["PAREN"] > rank["PAREN_OPEN_WORD"] > rank["WORD"]
                and rank["SCORE"] >= rank["DASH_ONLY"] > rank["WORD"]
                and terminals["WORD"].pattern.to_regexp() == r"[^\s()]+"
                and terminals["PAREN"].pattern.to_regexp().startswith(r"\(")
                and terminals["SCORE"].pattern.max_width > terminals["DASH_ONLY"].pattern.max_width
            )
            patterns = {name: t.pattern.to_regexp() for name, t in terminals.items()}
        except (AttributeError, KeyError):
            return None
        return cls(patterns) if fits else None

    def _side(self, text: str, pos: int, *, home: bool
              ) -> tuple[list[tuple[int, int]], list[str], int, re.Match[str] | None] | None:
        """Lex one side from ``pos``: its words, its parenthesised suffixes, where it stopped
        and (home side only) the SCORE that ended it. None: not plain, ask Lark.

        The first token is a WORD (the start and after-result states accept only WORD and
        PAREN_OPEN_WORD); then, ``SPECIAL`` matching nowhere, the contextual lexer picks
        SCORE where it matches, else a balanced PAREN at ``(``, else a WORD; a WORD after
        a PAREN, a ``)`` or an unbalanced ``(`` go to Lark.
        """
        words: list[tuple[int, int]] = []
        parens: list[str] = []
        size = len(text)
        while True:
            while pos < size and text[pos] in " \t":
                pos += 1
            if pos >= size:
                return words, parens, pos, None
            if words:
                score = self.score.match(text, pos)
                if score is not None:
                    return (words, parens, pos, score) if home else None
            if text[pos] == "(":
                paren = self.paren.match(text, pos) if words else None
                if paren is None:
                    return None
                parens.append(paren.group()[1:-1].strip())
                pos = paren.end()
                continue
            word = self.word.match(text, pos)
            if word is None or parens:
                return None
            words.append(word.span())
            pos = word.end()

    def line(self, text: str) -> MatchLine | _UseLark | None:
        """The parse of a match line (None for no match), or ``USE_LARK``."""
        if self.odd.search(text) or self.special.search(text):
            return USE_LARK
        home = self._side(text, 0, home=True)
        score = home[3] if home is not None else None
        if home is None or score is None:
            return USE_LARK
        home_words, home_parens = home[0], home[1]
        end = score.end()
        away = self._side(text, end, home=False)
        if away is None or not away[0] or end >= len(text) or text[end] not in " \t(":
            return USE_LARK
        home_side = _plain_side(text, home_words, home_parens)
        away_side = _plain_side(text, away[0], away[1])
        result = _scored(score.group(), score.start(), end)
        if home_side is None or away_side is None or result is None:
            return None
        return MatchLine(home_side, away_side, result)

    def team(self, text: str) -> Side | _UseLark | None:
        """The parse of a team cell (None for no team), or ``USE_LARK``."""
        if self.odd.search(text) or self.special.search(text):
            return USE_LARK
        found = self._side(text, 0, home=False)
        if found is None or not found[0]:
            return USE_LARK
        return _plain_side(text, found[0], found[1])

    def score_cell(self, text: str) -> Result | _UseLark | None:
        """The parse of a score cell (None for no result), or ``USE_LARK``."""
        if self.odd.search(text) or "(" in text or ")" in text:
            return USE_LARK
        stripped = text.strip(" \t")
        if not stripped:
            return Result("scheduled")
        if self.pen_score.match(stripped):
            return USE_LARK
        score = self.score.match(stripped)
        if score is None or score.end() != len(stripped):
            return USE_LARK
        offset = len(text) - len(text.lstrip(" \t"))
        return _scored(score.group(), offset, offset + score.end())


def _plain_side(text: str, words: list[tuple[int, int]], parens: list[str]) -> Side | None:
    names = [text[start:end] for start, end in words]
    if not plausible_name(names):
        return None
    tag, tier, notes = _suffixes(parens)
    return Side(" ".join(names), words[0][0], words[-1][1], tag, tier, tuple(notes))


def _suffixes(parens: list[str]) -> tuple[str | None, int | None, list[str]]:
    """League tag, tier and notes from the insides of a side's parentheses, in order."""
    tag: str | None = None
    tier: int | None = None
    notes: list[str] = []
    for inner in parens:
        if _TIER.match(inner) and tier is None:
            tier = int(inner)
        elif _TAG.match(inner) and inner.upper() == inner and tag is None:
            tag = inner
        else:
            notes.append(inner)
    return tag, tier, notes


def _scored(text: str, start: int, end: int) -> Result | None:
    m = _SCORE.fullmatch(text.strip())
    if not m:
        return None
    return Result("played", int(m.group(1)), int(m.group(2)), start=start, end=end)


_plain: list[_Plain | None] = []


def _shortcut() -> _Plain | None:
    if not _plain:
        _plain.append(_Plain.build())
    return _plain[0]


@lru_cache(maxsize=8192)
def parse_match_line(text: str) -> MatchLine | None:
    """Parse a whole line as a match; None when it is not one."""
    if len(text) > MAX_LINE_CHARS or not _HAS_RESULT.search(text):
        return None
    plain = _shortcut()
    found = plain.line(text) if plain is not None else USE_LARK
    return lark_match_line(text) if isinstance(found, _UseLark) else found


@lru_cache(maxsize=4096)
def parse_score_cell(text: str) -> Result | None:
    """Parse a results-table score cell; an empty cell or ``-`` is an unplayed result."""
    if len(text) > MAX_LINE_CHARS:
        return None
    plain = _shortcut()
    found = plain.score_cell(text) if plain is not None else USE_LARK
    return lark_score_cell(text) if isinstance(found, _UseLark) else found


@lru_cache(maxsize=4096)
def parse_team_cell(text: str) -> Side | None:
    """Parse a results-table team cell such as ``Elm Town (9)``."""
    if not text.strip() or len(text) > MAX_LINE_CHARS:
        return None
    plain = _shortcut()
    found = plain.team(text) if plain is not None else USE_LARK
    return lark_team_cell(text) if isinstance(found, _UseLark) else found


def lark_match_line(text: str) -> MatchLine | None:
    """``parse_match_line`` by the LALR parser alone (the reference for the shortcut)."""
    try:
        tree = match_parser().parse(text, start="start")
    except LarkError:
        return None
    collector = _Collector()
    home_tree, result_tree, away_tree = tree.children
    assert isinstance(home_tree, Tree) and isinstance(away_tree, Tree)
    assert isinstance(result_tree, Tree)
    home = collector.side(home_tree)
    away = collector.side(away_tree)
    result = collector.result(result_tree)
    if home is None or away is None or result is None:
        return None
    return MatchLine(home, away, collector.finish(result))


def lark_score_cell(text: str) -> Result | None:
    """``parse_score_cell`` by the LALR parser alone."""
    try:
        tree = match_parser().parse(text, start="score_cell")
    except LarkError:
        return None
    collector = _Collector()
    if not tree.children:
        return Result("scheduled")
    inner = tree.children[0]
    assert isinstance(inner, Tree)
    result = collector.result(inner)
    return None if result is None else collector.finish(result)


def lark_team_cell(text: str) -> Side | None:
    """``parse_team_cell`` by the LALR parser alone."""
    try:
        tree = match_parser().parse(text, start="team_cell")
    except LarkError:
        return None
    side_tree = tree.children[0]
    assert isinstance(side_tree, Tree)
    return _Collector().side(side_tree)
