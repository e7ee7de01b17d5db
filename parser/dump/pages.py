"""Pages of a partition, read with mwxml: article namespace, no redirects, latest revision."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from .faults import DumpRefused
from .scan import PageScan

_REDIRECT = re.compile(r"\s*#REDIRECT", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """One page of a dump as scoreline uses it: its last revision's text and identity."""

    title: str
    page_id: int | None
    revision_id: int | None
    timestamp: str | None
    text: str

    def identity(self) -> dict[str, Any]:
        """The page's fields that every output row carries."""
        return {"title": self.title, "page_id": self.page_id,
                "revision_id": self.revision_id, "timestamp": self.timestamp}


@dataclass
class Counts:
    """Pages seen while reading, whether kept or not (``parsed``: those mwxml read)."""

    read: int = 0
    parsed: int = 0
    skipped_namespace: int = 0
    skipped_redirect: int = 0


def article_pages(stream: IO[bytes], counts: Counts,
                  wanted: Callable[[bytes], bool] | None = None,
                  on_page: Callable[[int], None] | None = None) -> Iterator[Page]:
    """The namespace-0, non-redirect pages of an XML stream, each with its latest revision.

    With ``wanted``, a page whose raw XML it turns down is counted but never parsed
    (``scan.PageScan``; the XML is still checked to be well-formed). ``on_page(read)`` is
    called after every page read, wanted or not.

    A page's revisions come in the order of the dump (oldest first); the last one with
    wikitext is kept. A text starting ``#REDIRECT`` counts as a redirect too (older dumps
    have no ``<redirect>`` element). Errors of the decompressor and the XML parser
    propagate; anything else mwxml raises on the way (a page id that is not a number, a
    bad timestamp) becomes ``DumpRefused``.
    """
    scan = None if wanted is None and on_page is None else PageScan(
        stream, wanted or _every_page, on_page)
    parsed_before = counts.parsed
    try:
        yield from _pages(stream if scan is None else io.BufferedReader(scan), counts)
    except (DumpRefused, OSError, EOFError, SyntaxError):
        raise
    except Exception as error:
        detail = " ".join(str(error).split())[:200]
        kind = "" if type(error).__name__ == "MalformedXML" else f"{type(error).__name__}: "
        raise DumpRefused(f"malformed XML: {kind}{detail}") from None
    finally:
        if scan is not None:
            counts.read += scan.pages
        else:
            counts.read += counts.parsed - parsed_before


def _every_page(_raw: bytes) -> bool:
    return True


def _pages(stream: IO[bytes], counts: Counts) -> Iterator[Page]:
    import mwxml

    dump = mwxml.Dump.from_file(stream)
    for page in dump.pages:
        counts.parsed += 1
        latest = None
        for revision in page:  # always drained: mwxml needs it to reach the next page
            model = getattr(revision, "model", None)
            if model in (None, "wikitext"):
                latest = revision
        if page.namespace != 0:
            counts.skipped_namespace += 1
            continue
        if latest is None:
            continue
        if page.redirect is not None or _REDIRECT.match(latest.text or ""):
            counts.skipped_redirect += 1
            continue
        timestamp = latest.timestamp
        yield Page(title=str(page.title), page_id=page.id, revision_id=latest.id,
                   timestamp=None if timestamp is None else str(timestamp),
                   text=latest.text or "")
