"""One partition, start to finish: read its pages, convert the selected ones, write its files.

``run_partition`` is the task every engine runs; it takes and returns only small,
picklable values, reads the dump itself and writes its own files, so a worker on another
machine needs nothing but the same paths. Each selected page is converted and checked
under the per-page time budget and memory ceiling (``parser.guard``); a page over either
becomes a finding (``PA008``/``PA009``) with ``"document": null`` and the run goes on.

Files are written under temporary names (``.part-NNNNN.*.tmp``, which dataset readers
skip) and renamed once all of them are complete; the caller records the partition in the
manifest after that. A partition whose bytes cannot be read (``faults.reason``) writes
nothing and returns the reason.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..batch.runner import Options, guarded
from ..diagnostics import Diagnostic
from ..errors import LocatedError
from ..read.source import Source, from_text
from .faults import reason
from .live import LiveCounts
from .pages import Counts, Page, article_pages
from .select import Selection
from .sources import Partition
from .streams import PartitionStream
from .tables import DOCUMENTS, TABLES, page_rows, write_table


@dataclass(frozen=True)
class DumpOptions:
    """What every partition task needs: where to write, which pages, and the per-page run."""

    outdir: str
    selection: Selection = field(default_factory=Selection)
    run: Options = field(default_factory=Options)
    live: bool = False  # write running counts for a progress line (``live.py``)


@dataclass(frozen=True)
class PartitionResult:
    """What a task reports back: counts for the summary, or why the partition failed."""

    number: int
    pages_read: int = 0
    pages_selected: int = 0
    pages_failed: int = 0
    xml_bytes: int = 0
    matches: int = 0
    findings: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    seconds: float = 0.0
    peak_rss_mib: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """The manifest entry of a finished partition (its counts, not its timing)."""
        return {"pages_read": self.pages_read, "pages_selected": self.pages_selected,
                "pages_failed": self.pages_failed, "xml_bytes": self.xml_bytes,
                "matches": self.matches, "findings": dict(sorted(self.findings.items()))}


def run_partition(partition: Partition, options: DumpOptions) -> PartitionResult:
    """Read, convert and write one partition; never raises for a fault of the dump."""
    started = time.perf_counter()
    out = Path(options.outdir)
    temps = {name: out / name / f".{partition.name}.{os.getpid()}.tmp"
             for name in (DOCUMENTS, *TABLES)}
    try:
        result = _convert_partition(partition, options, temps)
        for name, temp in temps.items():
            suffix = ".jsonl" if name == DOCUMENTS else ".parquet"
            os.replace(temp, out / name / f"{partition.name}{suffix}")
    except Exception as error:
        why = reason(error, partition.compressed)
        if why is None:
            raise
        return PartitionResult(partition.number, error=f"{partition.describe()}: {why}",
                               seconds=time.perf_counter() - started, peak_rss_mib=_peak())
    finally:
        for temp in temps.values():
            with contextlib.suppress(OSError):
                temp.unlink()
    return PartitionResult(**{**result.__dict__, "seconds": time.perf_counter() - started,
                              "peak_rss_mib": _peak()})


def _convert_partition(partition: Partition, options: DumpOptions,
                       temps: dict[str, Path]) -> PartitionResult:
    counts = Counts()
    selected = failed = matches = 0
    severities: Counter[str] = Counter()
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    live = LiveCounts(options.outdir if options.live else None, partition.name)
    with (PartitionStream(partition) as stream, _text_file(temps[DOCUMENTS]) as documents,
          contextlib.closing(live)):
        def tick(read: int) -> None:
            live.tick(read, stream.bytes_read)

        for page in article_pages(stream.xml, counts, options.selection.might_choose,
                                  tick if options.live else None):
            if not options.selection.chooses(page.title, page.text):
                continue
            selected += 1
            live.selected = selected
            data, findings, error = convert_page(page, options.run)
            failed += error is not None
            severities.update(d.severity.value for d in findings)
            documents.write(document_line(page, data, error))
            for name, rows in page_rows(data, findings, page.identity()).items():
                tables[name].extend(rows)
        xml_bytes = stream.bytes_read
    matches = len(tables["matches"])
    for name in TABLES:
        write_table(temps[name], name, tables[name])
    return PartitionResult(partition.number, counts.read, selected, failed, xml_bytes,
                           matches, dict(severities))


def convert_page(page: Page, options: Options
                 ) -> tuple[dict[str, Any] | None, list[Diagnostic], Diagnostic | None]:
    """The page's document (None when it could not be converted), its findings, and the
    finding that stopped it, if any. Guarded: a budget overrun is a finding, not a crash."""
    try:
        source = from_text(page.text, page.title, policy=options.policy)
        data, findings = guarded(_convert_and_check, source, options)
        return data, findings, None
    except LocatedError as error:
        finding = error.to_diagnostic()
        return None, [finding], finding


def _convert_and_check(source: Source, options: Options
                       ) -> tuple[dict[str, Any], list[Diagnostic]]:
    from ..api import check, parse_source

    document = parse_source(source, form="wikitext", schema=options.schema)
    findings = check(document, select=options.select, ignore=options.ignore,
                     severities=options.severities)
    return document.data, findings


def document_line(page: Page, data: dict[str, Any] | None, error: Diagnostic | None) -> str:
    """One line of ``documents/part-NNNNN.jsonl``: the page and its document (or why not)."""
    line: dict[str, Any] = {"page": page.identity(), "document": data}
    if error is not None:
        line["error"] = {"code": error.code, "message": error.message}
    return json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n"


@contextlib.contextmanager
def _text_file(path: Path) -> Iterator[TextIO]:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        yield handle


def _peak() -> float:
    """This process's peak resident memory in MiB (0 where the platform does not say)."""
    try:
        import resource
    except ImportError:
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
