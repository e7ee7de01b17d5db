"""A safe on-disk cache for built grammar tables (see ``parser/grammar.py`` for the policy).

Files live in a per-user directory created 0700 and are used only while private to the
user; they hold plain data read back by an unpickler that refuses every class and
function, and are written through a temporary file renamed into place.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

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


def read_plain(file: Path, keys: frozenset[str] = frozenset({"data", "memo"})
          ) -> dict[str, Any] | None:
    if not _private(file.parent, directory=True) or not _private(file, directory=False):
        return None
    try:
        data = _PlainUnpickler(io.BytesIO(file.read_bytes())).load()
    except Exception:  # unreadable, truncated or refused: rebuild
        return None
    return data if isinstance(data, dict) and keys <= set(data) else None


def _lark_data(parser: Any) -> dict[str, Any]:
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    data, memo = parser.memo_serialize([TerminalDef, Rule])
    return {"data": data, "memo": memo}


def write_plain(directory: Path, file: Path, data: dict[str, Any]) -> None:
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(directory, directory=True):
            return
        payload = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
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
