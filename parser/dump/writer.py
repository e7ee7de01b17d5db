"""Writing MediaWiki XML dumps: the test fixtures, the bundled sample dump and the benchmark.

``write_dump(pages, path)`` writes pages in the export format (version 0.11) as a plain
``.xml``, a ``.xml.gz``, or a bz2 *multistream* ``.xml.bz2`` with its index
(``NAME-index.txt.bz2``) beside it, laid out as Wikimedia lays out its dumps: a first
stream with ``<mediawiki>`` and ``<siteinfo>``, ``pages_per_stream`` pages per stream,
a last stream with ``</mediawiki>``, and one ``offset:page_id:title`` line per page.
"""

from __future__ import annotations

import bz2
import gzip
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

EXPORT_NS = "http://www.mediawiki.org/xml/export-0.11/"
NAMESPACES = ((-2, "Media"), (-1, "Special"), (0, ""), (1, "Talk"), (2, "User"),
              (4, "Wikipedia"), (6, "File"), (10, "Template"), (14, "Category"))


@dataclass(frozen=True)
class DumpPage:
    """A page to write: its text is the latest (only) revision."""

    title: str
    text: str
    page_id: int
    revision_id: int
    timestamp: str = "2031-05-03T12:00:00Z"
    namespace: int = 0
    redirect: str | None = None


def header(site: str = "Scoreline test wiki") -> str:
    """``<mediawiki>`` and ``<siteinfo>``: what the first stream of a dump holds."""
    spaces = "\n".join(
        f'      <namespace key="{key}" case="first-letter"' + (f">{name}</namespace>"
                                                             if name else " />")
        for key, name in NAMESPACES)
    return (f'<mediawiki xmlns="{EXPORT_NS}" version="0.11" xml:lang="en">\n'
            f"  <siteinfo>\n    <sitename>{escape(site)}</sitename>\n"
            "    <dbname>testwiki</dbname>\n    <base>https://test.invalid/wiki/Main</base>\n"
            "    <generator>MediaWiki 1.43</generator>\n    <case>first-letter</case>\n"
            f"    <namespaces>\n{spaces}\n    </namespaces>\n  </siteinfo>\n")


FOOTER = "</mediawiki>\n"


def page_xml(page: DumpPage) -> str:
    """One ``<page>`` element, text escaped."""
    prefix = dict(NAMESPACES).get(page.namespace, "")
    title = f"{prefix}:{page.title}" if prefix else page.title
    redirect = f"    <redirect title={quoteattr(page.redirect)} />\n" if page.redirect else ""
    size = len(page.text.encode("utf-8"))
    return (f"  <page>\n    <title>{escape(title)}</title>\n    <ns>{page.namespace}</ns>\n"
            f"    <id>{page.page_id}</id>\n{redirect}    <revision>\n"
            f"      <id>{page.revision_id}</id>\n      <timestamp>{page.timestamp}</timestamp>\n"
            "      <contributor>\n        <username>Editor</username>\n        <id>1</id>\n"
            "      </contributor>\n      <model>wikitext</model>\n"
            "      <format>text/x-wiki</format>\n"
            f'      <text bytes="{size}" xml:space="preserve">{escape(page.text)}</text>\n'
            "      <sha1>0</sha1>\n    </revision>\n  </page>\n")


def index_path(path: Path) -> Path:
    """Where the index of a multistream dump goes: ``NAME-index.txt.bz2``."""
    return path.with_name(path.name.replace(".xml.bz2", "-index.txt.bz2"))


def write_dump(pages: Iterable[DumpPage], path: str | Path, *,
               pages_per_stream: int = 100) -> Path:
    """Write ``pages`` to ``path``; the name's ending picks the format. Returns ``path``."""
    target = Path(path)
    if target.name.endswith(".xml.bz2"):
        _write_multistream(pages, target, pages_per_stream)
    elif target.name.endswith(".xml.gz"):
        with gzip.open(target, "wt", encoding="utf-8", newline="\n") as out:
            _write_plain(pages, out.write)
    else:
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            _write_plain(pages, handle.write)
    return target


def _write_plain(pages: Iterable[DumpPage], write: object) -> None:
    assert callable(write)
    write(header())
    for page in pages:
        write(page_xml(page))
    write(FOOTER)


def _write_multistream(pages: Iterable[DumpPage], target: Path, per_stream: int) -> None:
    with open(target, "wb") as out, bz2.open(index_path(target), "wt",
                                             encoding="utf-8") as index:
        out.write(bz2.compress(header().encode("utf-8")))
        for group in _groups(pages, per_stream):
            offset = out.tell()
            for page in group:
                index.write(f"{offset}:{page.page_id}:{page.title}\n")
            out.write(bz2.compress("".join(page_xml(p) for p in group).encode("utf-8")))
        out.write(bz2.compress(FOOTER.encode("utf-8")))


def _groups(pages: Iterable[DumpPage], size: int) -> Iterator[list[DumpPage]]:
    group: list[DumpPage] = []
    for page in pages:
        group.append(page)
        if len(group) == size:
            yield group
            group = []
    if group:
        yield group
