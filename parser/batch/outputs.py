"""The output files of a run: one name per input that no other input shares, and writes
that never leave a half-written file behind."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import OutputError


def output_names(paths: Sequence[str]) -> dict[str, str]:
    """One output file name per input: ``STEM.json``, or, where two inputs share a stem,
    the whole name (``cup.wiki.json``), then the path's folders (``flat__cup.txt.json``)."""
    def stem(path: str) -> str:
        return "stdin.json" if path == "-" else f"{Path(path).stem}.json"

    def full(path: str, depth: int) -> str:
        parts = Path(path).parts[-depth - 1:]
        return "__".join(parts) + ".json"

    names = {path: stem(path) for path in paths}
    for depth in range(0, 64):
        taken: dict[str, int] = {}
        for name in names.values():
            taken[name] = taken.get(name, 0) + 1
        clashing = [p for p, n in names.items() if taken[n] > 1]
        if not clashing:
            break
        for path in clashing:
            names[path] = full(path, depth)
    return names


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` through ``write_through``."""
    write_through(path, lambda handle: handle.write(text.encode("utf-8")))


def write_through(path: Path, write: Callable[[IO[bytes]], Any]) -> None:
    """Call ``write`` on a temporary file beside ``path``, then move it into place, so
    ``path`` is never half-written.

    The file gets the mode a plain ``open`` would give it (or keeps the mode of the file
    it replaces). A failure (no such directory, a full disk, a directory in the way)
    raises ``OutputError`` naming the path and leaves nothing behind.
    """
    import tempfile

    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), _mode_for(path))
            write(handle)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
