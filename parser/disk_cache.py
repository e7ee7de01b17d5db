"""Safe files in scoreline's per-user cache directory (the grammar tables, the compiled
regular expressions).

The directory is created 0700 and a file is used only while both are private to the user;
files hold plain data (dicts, lists, tuples, strings, numbers) read back by an unpickler
that refuses every class and function, so a tampered file cannot run code, and are written
through a temporary file renamed into place, so readers never see half a file.
"""

from __future__ import annotations

import io
import os
import pickle
import stat
import sys
from pathlib import Path
from typing import Any


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


def write_plain(directory: Path, file: Path, data: dict[str, Any]) -> None:
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(directory, directory=True):
            return
        import tempfile

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
