"""Report pages per input file, for ``scoreline report`` and ``check --output-format html``.

``check_page`` parses, checks and renders one file under the run's time budget and
memory ceiling; ``write_page`` also writes ``DIRECTORY/NAME.html`` (atomically) in the
process that rendered it, so a worker process sends back only its counts. An input
that cannot be read or converted still gets a page: its one finding, and nothing else.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..batch.file_report import FileReport
from ..batch.outputs import output_names, write_atomic
from ..batch.runner import Options, guarded
from ..diagnostics import Diagnostic
from ..errors import LocatedError
from ..read.source import Source
from .page import build_page
from .render import IndexEntry, render_index, render_page

INDEX = "index.html"


@dataclass(frozen=True)
class PageReport(FileReport):
    """A file's findings with its rendered page (or where the page was written)."""

    page: str = ""
    written: str | None = None
    title: str | None = None
    matches: int = 0


def timestamp_now() -> str:
    """The current time in UTC, to the second (only when a timestamp is asked for)."""
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def check_page(path: str, options: Options, *, timestamp: str | None = None) -> PageReport:
    """Parse, check and render one file (guarded); an unreadable file gets a findings page."""
    from ..api import read_source

    try:
        source = read_source(path, options.policy)
        report: PageReport = guarded(_page_source, source, options, timestamp)
        return report
    except LocatedError as error:
        found = (error.to_diagnostic(),)
        page = build_page(None, found, path=path, timestamp=timestamp)
        return PageReport(path, found, failed_input=True, page=render_page(page))


def write_page(path: str, options: Options, *, directory: str, names: dict[str, str],
               timestamp: str | None = None) -> PageReport:
    """Render one file's page and write it to ``DIRECTORY/NAME``; the page text is dropped."""
    report = check_page(path, options, timestamp=timestamp)
    target = Path(directory) / names[path]
    write_atomic(target, report.page)
    return PageReport(report.path, report.diagnostics, report.failed_input, "", str(target),
                      report.title, report.matches)


def _page_source(source: Source, options: Options, timestamp: str | None) -> PageReport:
    from ..api import check, parse_source

    document = parse_source(source, form=options.form, schema=options.schema)
    found = check(document, select=options.select, ignore=options.ignore,
                  severities=options.severities)
    page = build_page(document, found, path=source.path, timestamp=timestamp)
    return PageReport(source.path, tuple(found), page=render_page(page), title=page.title,
                      matches=page.match_count)


def page_names(paths: Sequence[str]) -> dict[str, str]:
    """One ``.html`` name per input (as ``convert -o`` names its ``.json`` files); a page
    that would be called ``index.html`` while an index is written keeps its whole name."""
    names = {p: n.removesuffix(".json") + ".html" for p, n in output_names(paths).items()}
    if len(paths) > 1:
        for path, name in names.items():
            if name == INDEX:
                names[path] = Path(path).name + ".html" if path != "-" else "stdin.html"
    return names


def index_page(reports: Sequence[PageReport], names: dict[str, str], *,
               timestamp: str | None = None) -> str:
    """The index of a run's pages: every file with its counts, linking to its page."""
    entries = []
    for report in reports:
        counts = {s: 0 for s in ("error", "warning", "info")}
        for item in report.diagnostics:
            counts[item.severity.value] += 1
        entries.append(IndexEntry(names[report.path], report.path, report.title, counts,
                                  report.matches, report.failed_input))
    return render_index(entries, timestamp=timestamp)


def findings_page(path: str, diagnostics: Sequence[Diagnostic]) -> str:
    """A page of findings alone, for a report that carries no rendered page."""
    return render_page(build_page(None, diagnostics, path=path))
