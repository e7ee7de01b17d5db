"""Dump files and their partitions: the units of work of ``scoreline dump``.

A dump is a MediaWiki XML export, plain (``.xml``), gzip (``.xml.gz``) or bzip2
(``.xml.bz2``), or a directory of dump parts (``*.xml*``, searched recursively, sorted).
A bzip2 *multistream* dump with its index beside it (``NAME-index.txt.bz2`` for
``NAME.xml.bz2``; ``...-multistream-indexN.txt-pA-pB.bz2`` for the part
``...-multistreamN.xml-pA-pB.bz2``) is split into byte ranges of whole bz2 streams taken
from the index, so each task decompresses only its own streams; any other file is one
partition. Partitions are numbered in a fixed order (files sorted, then by offset) that
depends only on the inputs and the partition size, never on the engine or worker count.

Index lines are ``offset:page_id:title``; the offsets are where the streams begin. The
bytes before the first offset are the header stream (``<mediawiki>`` and ``<siteinfo>``),
which every range task reads first.

A plain ``.xml`` file is split the same way at page starts: ``page_offsets`` seeks to about
every ``partition_bytes`` and reads on to the next ``<page`` tag, so planning reads a few
kilobytes per partition, not the file. Page text is escaped in a dump, so a literal
``<page`` is always the element (MediaWiki writes no comments or CDATA between pages; if
a file had one with ``<page`` in it, the cut would make that partition's XML malformed
and it would be refused, never read wrongly). A ``.gz`` file is one partition: gzip has no
index, and reaching a byte of its middle means decompressing everything before it.
"""

from __future__ import annotations

import bz2
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import UsageError

DEFAULT_PARTITION_BYTES = 4 * 1024 * 1024
PAGE_START = re.compile(rb"<page[\s>]")
SCAN_BYTES = 1 << 16
DUMP_NAME = re.compile(r"\.xml(?:-p\d+p\d+)?(?:\.bz2|\.gz)?$")
_INDEX_NAME = re.compile(r"-index\d*\.txt")


@dataclass(frozen=True)
class Partition:
    """One unit of work: a whole dump file, or a byte range of bz2 streams in one.

    ``start``/``end`` are byte offsets of the range (``end`` None: to the end of the file);
    ``header_end`` is where the header stream ends (0 for a whole file). ``compressed``
    says which decompressor reads the file (``"bz2"``, ``"gz"`` or ``""``).
    """

    number: int
    path: str
    compressed: str
    start: int = 0
    end: int | None = None
    header_end: int = 0

    @property
    def name(self) -> str:
        """``part-00012``: the stem of this partition's files in every table."""
        return f"part-{self.number:05d}"

    def describe(self) -> str:
        """How an error names the partition: the file, and the byte range when it is only
        a part of the file."""
        if self.header_end and not (self.start == self.header_end and self.end is None):
            end = "end" if self.end is None else str(self.end)
            return f"{self.path} (bytes {self.start}-{end}, {self.name})"
        return f"{self.path} ({self.name})"

    def key(self) -> str:
        """What identifies the partition's work in the manifest."""
        return f"{self.path}|{self.compressed}|{self.start}|{self.end}|{self.header_end}"


def dump_files(names: Iterable[str]) -> list[str]:
    """The dump files named, directories expanded (recursively, sorted); index files skipped.

    A name that does not exist, or a directory holding no dump file, is a ``UsageError``.
    """
    found: list[str] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            parts = sorted(str(p) for p in path.rglob("*") if p.is_file() and is_dump_name(p.name))
            if not parts:
                raise UsageError(f"{name}: no dump files (*.xml, *.xml.bz2, *.xml.gz) in "
                                 "this directory")
            found.extend(parts)
        elif path.is_file():
            found.append(str(path))
        elif path.exists():
            raise UsageError(f"{name}: not a file or directory")
        else:
            raise UsageError(f"{name}: no such file or directory")
    unique: list[str] = []
    for name in found:
        if name not in unique:
            unique.append(name)
    return unique


def is_dump_name(name: str) -> bool:
    """Whether a file name looks like a dump (part), not its index."""
    return bool(DUMP_NAME.search(name)) and not _INDEX_NAME.search(name)


def compression_of(path: str) -> str:
    """``"bz2"``, ``"gz"`` or ``""``, from the file's first bytes (not its name)."""
    try:
        with open(path, "rb") as handle:
            magic = handle.read(3)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if magic == b"BZh":
        return "bz2"
    if magic[:2] == b"\x1f\x8b":
        return "gz"
    return ""


def index_for(path: str) -> Path | None:
    """The multistream index beside a ``.bz2`` dump (compressed or not), if there is one."""
    file = Path(path)
    name = file.name
    stems = {re.sub(r"\.xml", "-index.txt", name, count=1),
             re.sub(r"multistream(\d*)\.xml", r"multistream-index\1.txt", name, count=1)}
    for stem in sorted(stems):
        if stem == name:
            continue
        for candidate in (stem, stem.removesuffix(".bz2")):
            if (file.parent / candidate).is_file():
                return file.parent / candidate
    return None


def stream_offsets(index: Path) -> list[int]:
    """The distinct stream offsets of an index, ascending; a bad line is a ``UsageError``."""
    offsets: set[int] = set()
    opener = bz2.open if index.name.endswith(".bz2") else open
    try:
        with opener(index, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                head = line.split(":", 1)[0]
                if not head.isascii() or not head.isdigit():
                    raise UsageError(f"{index}:{number}: not an index line "
                                     "(offset:page_id:title)")
                offsets.add(int(head))
    except (OSError, EOFError, UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"{index}: cannot read the index: {exc}") from None
    return sorted(offsets)


def plan(files: Iterable[str], partition_bytes: int = DEFAULT_PARTITION_BYTES) -> list[Partition]:
    """Every partition of the given dump files, numbered from 0 in a fixed order."""
    out: list[Partition] = []
    for path in files:
        for part in _file_partitions(path, partition_bytes):
            out.append(Partition(len(out), *part))
    return out


def _file_partitions(path: str, partition_bytes: int
                     ) -> Iterator[tuple[str, str, int, int | None, int]]:
    compressed = compression_of(path)
    index = index_for(path) if compressed == "bz2" else None
    offsets = stream_offsets(index) if index is not None else []
    if not compressed:
        offsets = page_offsets(path, partition_bytes)
    size = Path(path).stat().st_size
    offsets = [o for o in offsets if o < size]
    if not offsets or offsets[0] == 0:
        # no index, or no separate header stream: the file is read as one
        yield path, compressed, 0, None, 0
        return
    header_end = offsets[0]
    for start, end in _ranges(offsets, size, partition_bytes):
        yield path, compressed, start, end, header_end


def page_offsets(path: str, partition_bytes: int) -> list[int]:
    """Where a plain XML dump is cut: its first page's start, then the first page start
    at least ``partition_bytes`` after the cut before."""
    offsets: list[int] = []
    try:
        with open(path, "rb") as handle:
            found = _next_page(handle, 0)
            while found is not None:
                offsets.append(found)
                found = _next_page(handle, found + partition_bytes)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return offsets


def _next_page(handle: BinaryIO, start: int) -> int | None:
    """The offset of the first ``<page`` tag at or after ``start``, None if there is none."""
    handle.seek(start)
    position, data = start, handle.read(SCAN_BYTES)
    while data:
        found = PAGE_START.search(data)
        if found:
            return position + found.start()
        keep = data[-8:]  # a tag cut between two reads
        more = handle.read(SCAN_BYTES)
        if not more:
            return None
        position += len(data) - len(keep)
        data = keep + more
    return None


def _ranges(offsets: list[int], size: int,
            partition_bytes: int) -> Iterator[tuple[int, int | None]]:
    """Runs of consecutive streams of about ``partition_bytes`` compressed bytes each."""
    start = offsets[0]
    for following in offsets[1:]:
        if following - start >= partition_bytes:
            yield start, following
            start = following
    yield start, None
