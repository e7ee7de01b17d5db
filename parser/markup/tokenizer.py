"""Which tokenizer mwparserfromhell runs: its C extension, or the pure-Python fallback it
takes without a word when the extension does not load (and which is much slower)."""

from __future__ import annotations

import sys
from typing import Any


def c_tokenizer(*, load: bool = True) -> bool:
    """Whether mwparserfromhell uses its C tokenizer (it falls back to Python without a word).

    With ``load=False`` mwparserfromhell is not imported for the answer when it is not loaded
    yet (a flat file without markup never loads it): then the answer is whether its C
    extension is installed beside it, for the interpreter running.
    """
    mw_parser: Any = sys.modules.get("mwparserfromhell.parser")
    if mw_parser is None:
        if not load:
            return _c_extension_installed()
        import importlib

        # import_module, not ``from ... import parser as``: compiled by mypyc, that form
        # left the local unset
        mw_parser = importlib.import_module("mwparserfromhell.parser")
    return bool(mw_parser.use_c and getattr(mw_parser, "CTokenizer", None) is not None)


def _c_extension_installed() -> bool:
    from importlib.machinery import EXTENSION_SUFFIXES
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("mwparserfromhell")  # a top-level package: found, not imported
    folders = (spec.submodule_search_locations or []) if spec is not None else []
    return any((Path(folder) / "parser" / f"_tokenizer{suffix}").is_file()
               for folder in folders for suffix in EXTENSION_SUFFIXES)
