"""Loading the Lark grammars in ``grammars/``: built once per process, never per call.

Lark's own ``cache=True`` unpickles from a predictable path in the shared temp
directory, so it is not used; the grammars are small and LALR tables build in
milliseconds.
"""

from __future__ import annotations

from functools import cache

from lark import Lark

from .resources import grammar_path


@cache
def match_parser() -> Lark:
    """The match-line parser (entry points ``start``, ``score_cell``, ``team_cell``)."""
    return Lark(
        grammar_path("match_line.lark").read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        start=["start", "score_cell", "team_cell"],
        propagate_positions=False,
        maybe_placeholders=False,
    )


@cache
def date_parser() -> Lark:
    """The date parser."""
    return Lark(
        grammar_path("date.lark").read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
    )
