"""The manifest of a dump run: which partitions are finished, so a killed run resumes.

``OUTDIR/_manifest.jsonl`` starts with a header line holding the run's fingerprint
(the dump files with their sizes and modification times, the partition size, the page
selection and every option that changes the output), then one line per finished
partition, appended (and flushed to disk) after all of its files were renamed into
place. A partition's files are complete exactly when its line is there: a run killed at
any moment leaves at most the last line cut short, which is ignored, and partitions
without a line are redone, overwriting whatever files they had, so the output ends with
no duplicate and no missing row. Dataset readers skip names starting with ``_`` or ``.``.

A manifest from a run with another fingerprint is refused (``--force`` starts over).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, TextIO

from ..errors import OutputError, UsageError
from .tables import DOCUMENTS, TABLES

NAME = "_manifest.jsonl"
LOCK = "_manifest.lock"
FORMAT = 1


def fingerprint(files: list[str], settings: dict[str, Any]) -> dict[str, Any]:
    """What identifies a run's output: its inputs (size and mtime) and output settings."""
    inputs = []
    for name in files:
        stat = os.stat(name)
        inputs.append({"path": os.path.abspath(name), "size": stat.st_size,
                       "mtime_ns": stat.st_mtime_ns})
    return {"manifest": FORMAT, "inputs": inputs, "settings": settings}


class Manifest:
    """The finished partitions of ``outdir`` and the open file new ones are appended to."""

    def __init__(self, outdir: Path, finished: dict[str, dict[str, Any]],
                 handle: IO[str]) -> None:
        self.outdir = outdir
        self.finished = finished
        self._handle = handle

    def record(self, name: str, entry: dict[str, Any]) -> None:
        """Mark partition ``name`` finished (after its files are in place)."""
        self._handle.write(json.dumps({"partition": name, **entry}, sort_keys=True) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self.finished[name] = entry

    def compact(self, expected: dict[str, Any]) -> None:
        """Rewrite the manifest in partition order (atomically), so that a finished run's
        manifest is the same whatever order the engine finished the partitions in."""
        path = self.outdir / NAME
        temp = self.outdir / f".{NAME}.tmp"
        with open(temp, "w", encoding="utf-8", newline="\n") as out:
            out.write(json.dumps({"fingerprint": expected}, sort_keys=True) + "\n")
            for name in sorted(self.finished):
                out.write(json.dumps({"partition": name, **self.finished[name]},
                                     sort_keys=True) + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)


def _finished_lines(path: Path, expected: dict[str, Any]) -> dict[str, dict[str, Any]] | None:
    """The finished partitions listed in ``path``; None if it belongs to another run."""
    finished: dict[str, dict[str, Any]] = {}
    with open(path, encoding="utf-8") as handle:
        header = _json_line(handle.readline())
        if header is None or header.get("fingerprint") != expected:
            return None
        for line in handle:
            entry = _json_line(line)
            if entry is not None and isinstance(entry.get("partition"), str):
                finished[entry.pop("partition")] = entry
    return finished


def _json_line(line: str) -> dict[str, Any] | None:
    if not line.endswith("\n"):
        return None  # cut short by a kill
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


@contextlib.contextmanager
def opened(outdir: Path, expected: dict[str, Any], *, force: bool) -> Iterator[Manifest]:
    """Lock ``outdir`` for this run and open its manifest (new, resumed, or redone).

    Creates the table directories and removes temporary files a killed run left.
    """
    try:
        for name in (DOCUMENTS, *TABLES):
            (outdir / name).mkdir(parents=True, exist_ok=True)
        lock = open(outdir / LOCK, "a")  # noqa: SIM115 (held for the run)
    except OSError as exc:
        raise OutputError(f"{outdir}: cannot create the output directory: "
                          f"{exc.strerror or exc}") from None
    with lock:
        _lock(lock, outdir)
        path = outdir / NAME
        finished: dict[str, dict[str, Any]] | None = {}
        if path.exists() and not force:
            finished = _finished_lines(path, expected)
            if finished is None:
                raise UsageError(f"{outdir}: holds the output of another run (other dump "
                                 "files or options); use --force to redo it, or another -o")
        elif not path.exists() and not force and _partition_files(outdir):
            raise UsageError(f"{outdir}: holds partition files but no {NAME}; use --force "
                             "to replace them, or another -o")
        _remove_leftovers(outdir, every_part=force)
        assert finished is not None
        finished = {n: e for n, e in finished.items() if _complete(outdir, n)}
        mode = "a" if finished else "w"
        with open(path, mode, encoding="utf-8") as handle:
            if mode == "w":
                handle.write(json.dumps({"fingerprint": expected}, sort_keys=True) + "\n")
                handle.flush()
            yield Manifest(outdir, finished, handle)


def _lock(handle: TextIO, outdir: Path) -> None:
    try:
        import fcntl
    except ImportError:  # not POSIX: no protection against a second run
        return
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        raise UsageError(f"{outdir}: another scoreline dump is writing there") from None


def _partition_files(outdir: Path) -> list[Path]:
    return [p for name in (DOCUMENTS, *TABLES) for p in (outdir / name).glob("part-*")]


def _remove_leftovers(outdir: Path, *, every_part: bool) -> None:
    for name in (DOCUMENTS, *TABLES):
        # ours (.part-NNNNN.PID.tmp) and the table writer's own inside them (..part-....tmp)
        for temp in (outdir / name).glob(".*.tmp"):
            temp.unlink(missing_ok=True)
        if every_part:
            for part in (outdir / name).glob("part-*"):
                part.unlink(missing_ok=True)


def _complete(outdir: Path, partition: str) -> bool:
    """Whether every file of a finished partition is still there."""
    return (outdir / DOCUMENTS / f"{partition}.jsonl").is_file() and all(
        (outdir / name / f"{partition}.parquet").is_file() for name in TABLES)
