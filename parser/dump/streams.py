"""A partition as one stream of XML bytes: decompressed as it is read, never whole in memory.

A byte-range partition of a multistream dump reads as its header stream (``<mediawiki>``
and ``<siteinfo>``), then its own bz2 streams, then ``</mediawiki>`` unless its last
stream closes the document itself, so that it is a whole XML document for mwxml. A range
of a plain XML file reads the same way: the bytes before its first page, then its pages.

Every stream goes through ``SafeXML``, which refuses any markup declaration
(``<!DOCTYPE``, ``<!ENTITY``, ``<!ELEMENT``, ...) before the XML parser sees it. MediaWiki
never writes one (page text is escaped, ``<!--`` and ``<![CDATA[`` stay allowed), and
without a document type definition there is nothing to expand: no entity-expansion bomb,
no external entity, nothing fetched or read from outside the dump.
"""

from __future__ import annotations

import bz2
import gzip
import io
import re
from typing import Protocol

from .faults import DumpRefused
from .sources import Partition

CHUNK = 1 << 20  # bytes per read through the layers: fewer calls, less copying
MAX_HEADER_BYTES = 16 * 1024 * 1024
_DECLARATION = re.compile(rb"<!\s*[A-Za-z]")
_CARRY = 16
_CLOSE = b"</mediawiki>"


class Reader(Protocol):
    """Anything with ``read(size)``: files, decompressors, the readers below."""

    def read(self, size: int = -1, /) -> bytes | None: ...


class SafeXML(io.RawIOBase):
    """Reads from ``raw`` and refuses a markup declaration anywhere in the bytes.

    ``count`` is the number of bytes read so far (the decompressed size, for MB/s).
    """

    def __init__(self, raw: Reader) -> None:
        self.raw = raw
        self.count = 0
        self._tail = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.raw.read(len(buffer))
        if not data:
            return 0
        window = self._tail + data
        found = _DECLARATION.search(window)
        if found:
            name = window[found.start():found.start() + 12].decode("ascii", "replace")
            raise DumpRefused(f"the XML has a markup declaration ({name.split()[0]}...): "
                              "document type definitions and entities are refused "
                              "(nothing is expanded or fetched)")
        self._tail = window[-_CARRY:]
        self.count += len(data)
        buffer[: len(data)] = data
        return len(data)


class StrictBZ2(io.RawIOBase):
    """Decompresses concatenated bz2 streams, refusing what ``bz2.BZ2File`` forgives.

    ``BZ2File`` silently drops everything after the first stream that fails to decode
    (it takes it for trailing garbage), which would lose the pages of a corrupt stream
    in the middle of a partition without a word. Here a bad stream anywhere raises
    ``OSError`` and input that ends inside a stream raises ``EOFError``.
    """

    def __init__(self, raw: Reader) -> None:
        self.raw = raw
        self.decompressor = bz2.BZ2Decompressor()
        self.pending = b""
        self.fresh = True  # the current decompressor has been fed nothing yet

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while True:
            if self.decompressor.eof:
                self.pending = self.decompressor.unused_data + self.pending
                self.decompressor = bz2.BZ2Decompressor()
                self.fresh = True
            data = b""
            if self.decompressor.needs_input:
                data, self.pending = (self.pending or self.raw.read(CHUNK) or b""), b""
                if not data:
                    if self.fresh:
                        return 0  # the input ended between two streams
                    raise EOFError("the input ends inside a bz2 stream")
                self.fresh = False
            out = self.decompressor.decompress(data, len(buffer))
            if out:
                buffer[: len(out)] = out
                return len(out)


class _Range(io.RawIOBase):
    """Bytes ``[start, end)`` of a file (``end`` None: to its end)."""

    def __init__(self, handle: io.BufferedReader, start: int, end: int | None) -> None:
        self.handle = handle
        self.left = None if end is None else end - start
        handle.seek(start)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        size = len(buffer) if self.left is None else min(len(buffer), self.left)
        data = self.handle.read(size) if size else b""
        if self.left is not None:
            self.left -= len(data)
        buffer[: len(data)] = data
        return len(data)


class _Body(io.RawIOBase):
    """``header``, then ``body``, then ``</mediawiki>`` if the body did not end with it."""

    def __init__(self, header: bytes, body: Reader) -> None:
        self.pending = header
        self.body: Reader | None = body
        self.tail = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self.pending and self.body is not None:
            data = self.body.read(len(buffer))
            if data:
                self.tail = (self.tail + data)[-64:]
                self.pending = data
            else:
                self.body = None
                if not self.tail.rstrip().endswith(_CLOSE):
                    self.pending = b"\n" + _CLOSE + b"\n"
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size


class PartitionStream:
    """A partition's XML (``xml``, guarded) over its open file; closes both on exit."""

    def __init__(self, partition: Partition) -> None:
        self.handle = open(partition.path, "rb")  # noqa: SIM115 (closed in close())
        try:
            if partition.header_end:
                header = _header(self.handle, partition)
                body: Reader = _Range(self.handle, partition.start, partition.end)
                if partition.compressed == "bz2":
                    body = io.BufferedReader(StrictBZ2(body), CHUNK)
                raw: Reader = io.BufferedReader(_Body(header, body), CHUNK)
            else:
                raw = _decompressed(self.handle, partition.compressed)
            self.guard = SafeXML(raw)
            self.xml = io.BufferedReader(self.guard, CHUNK)
        except BaseException:
            self.handle.close()
            raise

    @property
    def bytes_read(self) -> int:
        """Decompressed XML bytes read so far."""
        return self.guard.count

    def close(self) -> None:
        """Close the file (the decompressors hold nothing else)."""
        self.handle.close()

    def __enter__(self) -> PartitionStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _decompressed(handle: io.BufferedReader, compressed: str) -> Reader:
    if compressed == "bz2":
        return io.BufferedReader(StrictBZ2(handle), CHUNK)
    if compressed == "gz":
        return gzip.GzipFile(fileobj=handle)
    return handle


def _header(handle: io.BufferedReader, partition: Partition) -> bytes:
    """The header (its decompressed stream, or the bytes before the first page of a plain
    file), which must hold no page and not close the document."""
    raw: io.RawIOBase = _Range(handle, 0, partition.header_end)
    if partition.compressed == "bz2":
        raw = StrictBZ2(raw)
    header = io.BufferedReader(raw, CHUNK).read(MAX_HEADER_BYTES + 1)
    if len(header) > MAX_HEADER_BYTES:
        raise DumpRefused(f"the header stream decompresses to more than {MAX_HEADER_BYTES} "
                          "bytes")
    if b"<page" in header or _CLOSE in header:
        raise DumpRefused("the first bz2 stream holds pages: the index does not match this "
                          "dump (or the dump is not multistream)")
    return header
