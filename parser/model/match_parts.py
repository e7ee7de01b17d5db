"""The parts of a match line: sides, results and the walk that makes them from the
tokens of ``grammars/match_line.lark``.

The grammar accepts any words as team names; ``team_names.plausible_name`` then rejects
"names" that read like prose (``Elm won 3-2 on aggregate.``), ``Collector`` sorts the
bracketed suffixes with ``team_names.classify_paren`` (tier, league tag, a place that is
part of the name, note) and turns decorations into a status.
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Any, Protocol

from ..records import record
from .team_names import MAX_SIDE_WORDS, PARTICLES, ParenKind, classify_paren, plausible_name

__all__ = ["MAX_LINE_CHARS", "MAX_SIDE_WORDS", "PARTICLES", "Collector", "MatchLine", "Result",
           "Side", "Token", "is_tree", "plausible_name", "result_parts", "side_parts"]


class Token(Protocol):
    """A token as both Lark and ``fast_lalr.FastLALR`` give it."""

    @property
    def type(self) -> str: ...

    @property
    def start_pos(self) -> int | None: ...

    @property
    def end_pos(self) -> int | None: ...


def is_tree(node: object) -> bool:
    """Trees (Lark's or ``fast_lalr.Tree``) have children; tokens do not."""
    return hasattr(node, "children")

MAX_LINE_CHARS = 400

_STATUS_WORDS = {
    "postponed": "postponed", "p-p": "postponed", "cancelled": "cancelled",
    "canceled": "cancelled", "abandoned": "abandoned", "void": "void", "voided": "void",
    "annulled": "void",
}
# "postponed, frozen pitch", "abandoned after 70 minutes": the status word, then its reason
_STATUS_NOTE = re.compile(r"(p-p|[a-z]+\.?)(?:\s*[,;:–—-]\s*|\s+)(\S.*)",
                          re.IGNORECASE | re.DOTALL)
_NOTE_STATUS = {"forfeit": "forfeit", "forfeited": "forfeit", "forf": "forfeit",
                "forf.": "forfeit", "awarded": "awarded", "awd": "awarded", "awd.": "awarded"}
_AFTER_MARK = re.compile(r"[,;:]")  # "a.e.t.; Holly FC won 4–3 on pens": the note follows
_PENS = re.compile(r"([0-9]{1,2})\s*[-‐‑‒–—−]\s*([0-9]{1,2})")
_PEN_SCORE = re.compile(
    r"([0-9]{1,3})\s*\(([0-9]{1,2})\)\s*[-‐‑‒–—−]\s*([0-9]{1,3})\s*\(([0-9]{1,2})\)"
)
_SCORE = re.compile(r"([0-9]{1,3})\s*[-‐‑‒–—−]\s*([0-9]{1,3})")


@record
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


@record
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
    decoration_note: str | None = None  # prose after a decoration: "(postponed, frozen pitch)"


@record
class MatchLine:
    """A whole match line: two sides and a result."""

    home: Side
    away: Side
    result: Result
    notes: tuple[str, ...] = field(default=())


class Collector:
    """Walks a parse tree (not recursive in depth: the trees are two levels deep)."""

    def __init__(self) -> None:
        self.aet = False
        self.pens: tuple[int, int] | None = None
        self.status: str | None = None
        self.decoration_note: str | None = None

    def decoration(self, token: Token) -> None:
        text = str(token).strip().rstrip(",;:").strip().strip("()").strip()
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
        elif kind == "STATUS_NOTE":
            found = _STATUS_NOTE.match(text)
            if found:
                word = found.group(1).lower()
                self.status = _NOTE_STATUS.get(word) or _STATUS_WORDS.get(word, "void")
                self.decoration_note = found.group(2).strip()
        elif kind == "AET_NOTE":
            self.aet = True
            self.decoration_note = _AFTER_MARK.split(text, maxsplit=1)[-1].strip()

    def side(self, tree: Any) -> Side | None:
        return self.side_of(*side_parts(tree))

    def side_of(self, words: list[Token], suffix: list[Token]) -> Side | None:
        """A side from its name words and the tokens of its suffixes, in source order.

        A place right after the name words (``Wingate (Durham)``) is part of the name.
        """
        tag: str | None = None
        tier: int | None = None
        notes: list[str] = []
        names = [str(w) for w in words]
        if not plausible_name(names):
            return None
        start = words[0].start_pos or 0
        end = words[-1].end_pos or 0
        name = " ".join(names)
        for position, tok in enumerate(suffix):
            if tok.type != "PAREN":
                self.decoration(tok)
                continue
            inner = str(tok)[1:-1].strip()
            kind = classify_paren(inner)
            if kind is ParenKind.TIER and tier is None:
                tier = int(inner)
            elif kind is ParenKind.TAG and tag is None:
                tag = inner
            elif kind is ParenKind.PLACE and position == 0:
                gap = "" if tok.start_pos == end else " "
                name, end = f"{name}{gap}({inner})", tok.end_pos or end
            else:
                notes.append(inner)
        return Side(name, start, end, tag, tier, tuple(notes))

    def result(self, tree: Any) -> Result | None:
        return self.result_of(*result_parts(tree))

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
                      home_pens, away_pens, result.walkover_note, result.start, result.end,
                      self.decoration_note)


def side_parts(tree: Any) -> tuple[list[Token], list[Token]]:
    """A side's name words and the tokens of its suffixes (``PAREN`` and decorations)."""
    words: list[Token] = []
    suffix: list[Token] = []
    for child in tree.children:
        if not is_tree(child):
            words.append(child)
            continue
        for item in child.children:
            if not is_tree(item):
                suffix.append(item)
            else:
                suffix.extend(t for t in item.children if not is_tree(t))
    return words, suffix


def result_parts(tree: Any) -> tuple[str, Token | None, list[Token]]:
    """A result's rule name, its first token (None when it has none) and its decorations."""
    head = tree.children[0] if tree.children else None
    decorations = [tok for child in tree.children[1:] if is_tree(child)
                   for tok in child.children if not is_tree(tok)]
    return str(tree.data), None if head is None or is_tree(head) else head, decorations
