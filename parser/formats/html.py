"""The HTML report of one file (``check --output-format html``); see ``parser.report``.

The page needs the converted document, not only the findings, so the CLI runs
``parser.report.check_page`` for this format and the rendered page travels in the
report; a report without one (a plain ``FileReport``) gets a page of its findings.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..batch.file_report import FileReport, Summary
from ..errors import UsageError

ONE_FILE = ("--output-format html renders one file; for several, use "
            "'scoreline report PATH... -o DIR'")


def render(reports: Sequence[FileReport], summary: Summary, *, color: bool = False,
           strict: bool = False) -> str:
    """The report page of the one file in ``reports``."""
    from ..report.pipeline import PageReport, findings_page

    if len(reports) != 1:
        raise UsageError(ONE_FILE)
    report = reports[0]
    if isinstance(report, PageReport) and report.page:
        return report.page
    return findings_page(report.path, report.diagnostics)
