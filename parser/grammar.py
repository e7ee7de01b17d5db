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
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import stat
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from .resources import grammar_path

_FORMAT = "1"


@cache
def match_parser() -> Any:
    """The match-line parser (entry points ``start``, ``score_cell``, ``team_cell``)."""
    return load_grammar(
        "match_line.lark",
        default_cache_dir(),
        parser="lalr",
        lexer="contextual",
        start=["start", "score_cell", "team_cell"],
        propagate_positions=False,
        maybe_placeholders=False,
    )


@cache
def date_parser() -> Any:
    """The date parser."""
    return load_grammar("date.lark", default_cache_dir(), parser="lalr", lexer="contextual")


def load_grammar(name: str, directory: Path | None, **options: Any) -> Any:
    """A ``Lark`` parser for ``grammars/NAME``, from the cache in ``directory`` when it holds
    this exact build (None: no cache)."""
    from lark import Lark, __version__

    text = grammar_path(name).read_text(encoding="utf-8")
    if directory is None:
        return Lark(text, **options)
    key = hashlib.sha256(
        repr((_FORMAT, text, sorted(options.items()), __version__, sys.version_info[:2])).encode()
    ).hexdigest()[:24]
    file = directory / f"{Path(name).stem}-{key}.tables"
    loaded = _read(file)
    if loaded is not None:
        try:
            return Lark.__new__(Lark)._load(loaded)
        except Exception:  # a damaged or foreign file: rebuild below
            pass
    parser = Lark(text, **options)
    _write(directory, file, parser)
    return parser


def default_cache_dir() -> Path | None:
    """The per-user cache directory (None when ``SCORELINE_CACHE_DIR`` is set empty)."""
    override = os.environ.get("SCORELINE_CACHE_DIR")
    if override is not None:
        return Path(override) if override else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "scoreline" / "Cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "scoreline"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache") / "scoreline"


def _private(path: Path, *, directory: bool) -> bool:
    """Whether ``path`` is ours alone: not a symlink, owned by us, no group/other write
    (for a directory: no group/other access at all)."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    kind = stat.S_ISDIR if directory else stat.S_ISREG
    if not kind(info.st_mode):
        return False
    if not hasattr(os, "geteuid"):
        return True  # Windows: %LOCALAPPDATA% is per-user
    loose = 0o077 if directory else 0o022
    return info.st_uid == os.geteuid() and not info.st_mode & loose


class _PlainUnpickler(pickle.Unpickler):
    """Builds only built-in containers and scalars; any class or function is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refusing {module}.{name}")


def _read(file: Path) -> dict[str, Any] | None:
    if not _private(file.parent, directory=True) or not _private(file, directory=False):
        return None
    try:
        data = _PlainUnpickler(io.BytesIO(file.read_bytes())).load()
    except Exception:  # unreadable, truncated or refused: rebuild
        return None
    return data if isinstance(data, dict) and {"data", "memo"} <= set(data) else None


def _write(directory: Path, file: Path, parser: Any) -> None:
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(directory, directory=True):
            return
        data, memo = parser.memo_serialize([TerminalDef, Rule])
        payload = pickle.dumps({"data": data, "memo": memo}, protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
            os.replace(tmp, file)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only home or a full disk: run without the cache
