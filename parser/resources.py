"""The one place that finds the package's data files (grammars and schemas).

In a checkout they live at the top level (``grammars/``, ``schemas/``); in an
installed wheel hatchling maps them into ``parser/_data/``. Both layouts are
looked up here and nowhere else.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir(kind: str) -> Path:
    """Return the directory holding ``kind`` ("grammars" or "schemas")."""
    for candidate in (_PACKAGE_DIR / "_data" / kind, _PACKAGE_DIR.parent / kind):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"scoreline data directory {kind!r} is missing from the installation")


def grammar_path(name: str) -> Path:
    """Path of a grammar file such as ``match_line.lark``."""
    return data_dir("grammars") / name


def schema_path(name: str = "scoreline.schema.json") -> Path:
    """Path of a bundled JSON Schema file."""
    return data_dir("schemas") / name
