"""Compiled regular expressions kept between runs of the command.

``scoreline check`` of one file compiles some 200 regular expressions (the grammars' lexer
patterns, the readers' and the checks' module-level patterns, a few of the standard
library's): about a sixth of its start. What ``re`` compiles a pattern into depends only on
the pattern, its flags and the interpreter, so the command keeps it: ``preload`` puts the
patterns a file in the per-user cache directory holds (``parser.disk_cache``'s rules:
private, plain data, written atomically) into ``re``'s own cache, where every
``re.compile``, ``re.match``, ... of a known pattern finds it; ``RegexCache.save`` writes
back what a run had to compile that the file lacked (at most ``CAPACITY`` patterns, once
at least ``MIN_NEW`` are missing, so that patterns made from data seldom cause a write).

A pattern is kept as the regex engine's code (a list of integers) with its group names,
and rebuilt by ``_sre.compile``, which checks the code it is given. The file is named after
the exact interpreter build and the engine's version (``_sre.MAGIC``), for which the code
is valid, and an entry is written only after the pattern rebuilt from it compares equal
(flags and code) to the one ``re.compile`` made. This leans on CPython's internals
(``re._cache``, ``re._parser``, ``re._compiler``, ``_sre.compile``): where they are not as
expected, or a probe pattern rebuilt from its code is not the one ``re`` makes, nothing is
preloaded or saved and ``re`` compiles as usual. Only the command
uses it; the library never touches ``re``'s cache.
"""

from __future__ import annotations

import functools
import hashlib
import re
import sys
from pathlib import Path
from typing import Any

from .disk_cache import default_cache_dir, read_plain, write_plain

CAPACITY = 400  # below re's own limit (512), so preloading never evicts what a run compiled
MIN_NEW = 8
_FORMAT = "1"

Key = tuple[type, str | bytes, int]
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


@functools.cache
def _engine() -> Any:
    """``_sre``, where ``re`` has the internals this module relies on and a pattern rebuilt
    from its code is the one ``re.compile`` makes (else None: nothing is kept)."""
    try:
        import _sre  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - not CPython
        return None
    if not isinstance(getattr(re, "_cache", None), dict) or not hasattr(_sre, "MAGIC"):
        return None
    parser, compiler = getattr(re, "_parser", None), getattr(re, "_compiler", None)
    if not hasattr(parser, "parse") or not hasattr(compiler, "_code"):
        return None
    probe = r"(?P<name>[a-z]+)\s*(\d+)?"
    try:
        re.compile(probe)  # what _entry compares with
    except Exception:  # pragma: no cover - re itself is broken
        return None
    return _sre if _entry(_sre, probe, 0) is not None else None


def cache_file(directory: Path, engine: Any) -> Path:
    build = repr((_FORMAT, sys.version, sys.implementation.cache_tag, engine.MAGIC,
                  engine.CODESIZE, engine.MAXREPEAT, engine.MAXGROUPS))
    return directory / f"regex-{hashlib.sha256(build.encode()).hexdigest()[:24]}.patterns"


class RegexCache:
    """What ``preload`` put into ``re``'s cache, and where it came from."""

    def __init__(self, file: Path | None, entries: dict[Key, Entry]) -> None:
        self.file = file
        self.entries = entries

    def save(self) -> None:
        """Write back the patterns ``re`` compiled since ``preload`` that the file lacks."""
        engine = _engine()
        if self.file is None or engine is None or len(self.entries) >= CAPACITY:
            return
        cached: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
        new = [key for key in list(cached) if _storable(key) and key not in self.entries]
        if len(new) < MIN_NEW and (self.entries or not new):
            return
        entries = dict(self.entries)
        for key in new[:CAPACITY - len(entries)]:
            entry = _entry(engine, key[1], key[2])
            if entry is not None:
                entries[key] = entry
        plain = [(isinstance(pattern, bytes), pattern, flags, entry)
                 for (_, pattern, flags), entry in entries.items()]
        write_plain(self.file.parent, self.file, {"format": _FORMAT, "patterns": plain})


def preload(directory: Path | None = None) -> RegexCache:
    """Fill ``re``'s cache from the file in ``directory`` (default: the per-user cache)."""
    engine = _engine()
    directory = directory if directory is not None else default_cache_dir()
    if engine is None or directory is None:
        return RegexCache(None, {})
    file = cache_file(directory, engine)
    data = read_plain(file, frozenset({"format", "patterns"}))
    entries: dict[Key, Entry] = {}
    if data is None or data["format"] != _FORMAT or not isinstance(data["patterns"], list):
        return RegexCache(file, entries)
    cached: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    for item in data["patterns"][:CAPACITY]:
        try:
            is_bytes, pattern, flags, entry = item
            if not isinstance(pattern, bytes if is_bytes else str) or type(flags) is not int:
                continue
            compiled = engine.compile(pattern, *entry)
        except Exception:  # a damaged entry (the engine refuses bad code): re compiles it
            continue
        key = (type(pattern), pattern, flags)
        cached.setdefault(key, compiled)
        entries[key] = entry
    return RegexCache(file, entries)


def _storable(key: Any) -> bool:
    return (isinstance(key, tuple) and len(key) == 3 and key[0] in (str, bytes)
            and type(key[2]) is int and not key[2] & re.DEBUG)


def _entry(engine: Any, pattern: str | bytes, flags: int) -> Entry | None:
    """How ``re`` compiles ``pattern``, checked by rebuilding it (None: not kept)."""
    try:
        parsed = re._parser.parse(pattern, flags)
        code = re._compiler._code(parsed, flags)  # type: ignore[attr-defined]
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry: Entry = (flags | parsed.state.flags, [int(op) for op in code],
                        parsed.state.groups - 1, groupindex, tuple(indexgroup))
        rebuilt = engine.compile(pattern, *entry)
        original = re.compile(pattern, flags)
    except Exception:
        return None
    same = (rebuilt == original and rebuilt.groupindex == original.groupindex
            and rebuilt.groups == original.groups)
    return entry if same else None
