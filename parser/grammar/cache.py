"""A safe on-disk cache for built grammar tables (see ``parser/grammar/load.py`` for the
policy; the files are ``parser.disk_cache``'s: private to the user, plain data, written
atomically).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

from ..disk_cache import read_plain, write_plain
from ..resources import grammar_path
from .fast_lalr import tables_of

_FORMAT = "1"


def cache_key(text: str, options: dict[str, Any], version: str) -> str:
    return hashlib.sha256(
        repr((_FORMAT, text, sorted(options.items()), version, sys.version_info[:2])).encode()
    ).hexdigest()[:24]


def load_grammar(name: str, directory: Path | None, **options: Any) -> Any:
    """A ``Lark`` parser for ``grammars/NAME``, from the cache in ``directory`` when it holds
    this exact build (None: no cache)."""
    from lark import Lark, __version__

    text = grammar_path(name).read_text(encoding="utf-8")
    if directory is None:
        return Lark(text, **options)
    file = directory / f"{Path(name).stem}-{cache_key(text, options, __version__)}.tables"
    loaded = read_plain(file)
    if loaded is not None:
        try:
            return Lark.__new__(Lark)._load(loaded)
        except Exception:  # a damaged or foreign file: rebuild below
            pass
    parser = Lark(text, **options)
    write_plain(directory, file, _lark_data(parser))
    return parser


def _lark_data(parser: Any) -> dict[str, Any]:
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    data, memo = parser.memo_serialize([TerminalDef, Rule])
    return {"data": data, "memo": memo}





def load_tables(name: str, directory: Path | None, **options: Any) -> dict[str, Any]:
    """``tables_of`` the parser for ``grammars/NAME``: from the cache, else built with Lark."""
    text = grammar_path(name).read_text(encoding="utf-8")
    file = None
    if directory is not None:
        file = directory / f"{Path(name).stem}-{cache_key(text, options, lark_version())}.fast"
        cached = read_plain(file, frozenset({"states", "scanners", "rules", "builders"}))
        if cached is not None:
            return cached
    tables = tables_of(load_grammar(name, directory, **options))
    if directory is not None and file is not None:
        write_plain(directory, file, tables)
    return tables


def lark_version() -> str:
    """Lark's version without importing Lark (which costs more than a whole check) or
    ``importlib.metadata`` (which costs a third of one): read from its ``__init__.py``."""
    import importlib.util
    import re

    spec = importlib.util.find_spec("lark")
    if spec is not None and spec.origin:
        try:
            head = Path(spec.origin).read_text(encoding="utf-8")[:4000]
        except OSError:
            head = ""
        found = re.search(r"""^__version__\s*(?::\s*str\s*)?=\s*["']([^"']+)["']""", head, re.M)
        if found:
            return found.group(1)
    from lark import __version__  # pragma: no cover - an unusual installation

    return str(__version__)
