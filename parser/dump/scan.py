"""A partition's XML with the pages nobody wants left out, before mwxml parses it.

mwxml builds an element tree for every page and walks it in Python, which costs about
twice what decompressing the page does; most pages of a wiki are then dropped by the
pre-filter. ``PageScan`` sits between the decompressed bytes and mwxml: it cuts the
stream at ``<page>``/``</page>`` tags, counts every page, and passes on a page only when
``wanted(raw_page_bytes)`` says it may be selected (``Selection.might_choose``, a
necessary condition, so nothing the pre-filter would choose is lost). What lies between
pages (the header with ``<siteinfo>``, the closing ``</mediawiki>``) is passed on as it is.

Leaving pages out must not hide a broken dump, so every byte also goes through expat
(C, no handlers: a well-formedness check only) before it is cut: malformed XML anywhere
in the partition, in a page passed on or not, refuses the partition as before. Page text
is escaped in a dump (``&lt;page&gt;``), so a literal ``<page`` is always the element;
MediaWiki writes no comments or CDATA sections between pages.
"""

from __future__ import annotations

import io
import re
import xml.parsers.expat
from collections.abc import Callable

from .faults import DumpRefused
from .streams import CHUNK, Reader

MAX_PAGE_BYTES = 256 * 1024 * 1024
_START = re.compile(rb"<page[\s>]")
_END = re.compile(rb"</page\s*>")
_KEEP = 16  # bytes kept back while no tag is found: a tag cut between two reads


class PageScan(io.RawIOBase):
    """Reads ``raw`` and yields its XML without the pages ``wanted`` turns down.

    ``pages`` counts every page seen, passed on or not; ``on_page(pages)``, if given, is
    called after each one (the live progress counts).
    """

    def __init__(self, raw: Reader, wanted: Callable[[bytes], bool],
                 on_page: Callable[[int], None] | None = None) -> None:
        self.raw = raw
        self.wanted = wanted
        self.on_page = on_page
        self.pages = 0
        self._expat = xml.parsers.expat.ParserCreate()
        self._buffer = bytearray()
        self._inside = False  # the buffer starts with a page's start tag
        self._searched = 0  # how far the buffer was searched for the closing tag
        self._out = bytearray()
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._out and not self._done:
            self._fill()
        size = min(len(buffer), len(self._out))
        buffer[:size] = self._out[:size]
        del self._out[:size]
        return size

    def _fill(self) -> None:
        data = self.raw.read(CHUNK)
        self._check(data or b"", final=not data)
        if not data:
            self._done = True
            self._out += self._buffer  # after the last page: </mediawiki>
            self._buffer.clear()
            return
        self._buffer += data
        self._cut()

    def _check(self, data: bytes, final: bool) -> None:
        try:
            self._expat.Parse(data, final)
        except xml.parsers.expat.ExpatError as error:
            raise DumpRefused(f"malformed XML: {error}") from None

    def _cut(self) -> None:
        """Move what is decided from the buffer to the output: text between pages as it
        is, each complete page if it is wanted."""
        buffer, at = self._buffer, 0
        while True:
            if not self._inside:
                start = _START.search(buffer, at)
                if start is None:
                    keep = max(len(buffer) - _KEEP, at)
                    self._out += buffer[at:keep]
                    at = keep
                    break
                self._out += buffer[at:start.start()]
                at = start.start()
                self._inside, self._searched = True, at
            end = _END.search(buffer, max(self._searched - _KEEP, at))
            if end is None:
                if len(buffer) - at > MAX_PAGE_BYTES:
                    raise DumpRefused(f"a page of more than {MAX_PAGE_BYTES} bytes of XML "
                                      "(no </page> found)")
                self._searched = len(buffer)
                break
            page = bytes(buffer[at:end.end()])
            at = end.end()
            self._inside = False
            self.pages += 1
            if self.wanted(page):
                self._out += page
            if self.on_page is not None:
                self.on_page(self.pages)
        del buffer[:at]
        self._searched -= at
