"""The input files of a run: paths, directories (walked for input suffixes) and glob
patterns, expanded in a stable order, each file once."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import UsageError

INPUT_SUFFIXES = (".txt", ".wiki", ".wikitext", ".mediawiki")
_GLOB_CHARS = frozenset("*?[")


def gather(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories (recursively, input suffixes only, sorted) and glob patterns.

    A pattern (``*``, ``?``, ``[``; ``**`` crosses directories) that names no existing
    file is expanded, sorted; one that matches nothing is a ``UsageError``. Files and
    ``-`` pass through; a path given twice is kept once.
    """
    seen: set[str] = set()
    for name in paths:
        if name != "-" and _GLOB_CHARS & set(name) and not os.path.lexists(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                raise UsageError(f"no files match {name!r}")
            found: Iterable[str] = (str(p) for m in matches for p in _expand(m))
        else:
            found = _expand(name)
        for path in found:
            if path not in seen:
                seen.add(path)
                yield path


def _expand(name: str) -> list[str]:
    path = Path(name)
    if name != "-" and path.is_dir():
        return sorted(
            str(p) for p in path.rglob("*") if p.is_file() and p.suffix in INPUT_SUFFIXES
        )
    return [name]
