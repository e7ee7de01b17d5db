"""Loading the Lark grammars in ``grammars/``: built once per process, never per call.

Building the LALR tables takes longer than everything else a ``scoreline check``
of one file does, so the built parser is cached on disk, safely:

* in a per-user directory (``$SCORELINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/scoreline``,
  ``~/.cache/scoreline``, ``~/Library/Caches/scoreline`` or ``%LOCALAPPDATA%\\scoreline``),
  created with mode 0700 and used only while it is owned by the user and closed to
  group and others; ``SCORELINE_CACHE_DIR=`` (empty) turns the cache off;
* keyed by a hash of the grammar text, the parser options, and the Lark and Python
  versions, so an edited grammar or an upgrade never meets a stale table;
* holding only plain data (Lark's own serialised tables: dicts, lists, tuples,
  strings, numbers), read back by an unpickler that refuses every class and
  function, so a tampered file cannot run code; one that does not load is rebuilt;
* written to a temporary file and renamed into place, so readers never see half a file.

Lark's own ``cache=True`` is not used: it unpickles, with no such restriction, from a
predictable path in the shared temporary directory.

Parsing itself runs on ``FastLALR``, which needs only the tables (the parse table,
the contextual lexer's pattern per state and the tree-building rules), kept in the
same cache as plain data: a ``scoreline check`` whose tables are cached never
imports Lark at all (Lark's import alone took longer than checking a file). Lark
builds the tables on a cache miss, and ``match_parser()``/``date_parser()`` give
Lark itself, the reference the tests compare ``FastLALR`` with.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..disk_cache import default_cache_dir
from .cache import load_grammar, load_tables
from .fast_lalr import FastLALR


@cache
def match_parser() -> Any:
    """The match-line parser (entry points ``start``, ``score_cell``, ``team_cell``)."""
    return load_grammar("match_line.lark", default_cache_dir(), **_MATCH_OPTIONS)


@cache
def date_parser() -> Any:
    """The date parser."""
    return load_grammar("date.lark", default_cache_dir(), **_DATE_OPTIONS)


_MATCH_OPTIONS: dict[str, Any] = {
    "parser": "lalr", "lexer": "contextual", "start": ["start", "score_cell", "team_cell"],
    "propagate_positions": False, "maybe_placeholders": False,
}
_DATE_OPTIONS: dict[str, Any] = {"parser": "lalr", "lexer": "contextual"}


@cache
def fast_match_parser() -> FastLALR | None:
    """The match-line grammar run by ``FastLALR`` (None: use ``match_parser()``)."""
    try:
        return FastLALR(load_tables("match_line.lark", default_cache_dir(), **_MATCH_OPTIONS))
    except ValueError:
        return None


@cache
def fast_date_parser() -> FastLALR | None:
    """The date grammar run by ``FastLALR`` (None: use ``date_parser()``)."""
    try:
        return FastLALR(load_tables("date.lark", default_cache_dir(), **_DATE_OPTIONS))
    except ValueError:
        return None
