"""JUnit XML for CI systems that read test reports: one test case per checked file.

A file fails when it has an error (or a warning, with ``--strict``); the failure
lists every error and warning as ``path:line:col: severity CODE message``. Info
findings go to the case's ``system-out``. An unreadable file is an ``error``.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from ..batch.file_report import FileReport, Summary
from ..diagnostics import Diagnostic


def _line(path: str, item: Diagnostic) -> str:
    return f"{path}:{item.line}:{item.column}: {item.severity.value} {item.code} {item.message}"


def render(reports: Sequence[FileReport], summary: Summary, *, color: bool = False,
           strict: bool = False) -> str:
    """Render one ``testsuites`` document."""
    limit = 1 if strict else 2
    cases = []
    failures = errors = 0
    for report in reports:
        name = quoteattr(report.path)
        body: list[str] = []
        failing = [d for d in report.diagnostics if d.severity.rank >= limit]
        shown = [d for d in report.diagnostics if d.severity.rank >= 1]
        notes = [d for d in report.diagnostics if d.severity.rank == 0]
        if report.failed_input:
            errors += 1
            first = report.diagnostics[0]
            body.append(f'<error type={quoteattr(first.code)} message={quoteattr(first.message)}'
                        f'>{escape(_line(report.path, first))}</error>')
        elif failing:
            failures += 1
            counts = f"{sum(d.severity.rank == 2 for d in shown)} error(s), " \
                     f"{sum(d.severity.rank == 1 for d in shown)} warning(s)"
            text = "\n".join(_line(report.path, d) for d in shown)
            body.append(f"<failure type={quoteattr(failing[0].code)} message={quoteattr(counts)}>"
                        f"{escape(text)}</failure>")
        if notes:
            text = "\n".join(_line(report.path, d) for d in notes)
            body.append(f"<system-out>{escape(text)}</system-out>")
        inner = "".join(f"\n      {part}" for part in body)
        close = f"{inner}\n    </testcase>" if body else "/>"
        cases.append(f'    <testcase classname="scoreline.check" name={name} file={name}'
                     f'{"" if not body else ">"}{close}')
    head = (f'tests="{len(reports)}" failures="{failures}" errors="{errors}" '
            f'time="{summary.seconds:.3f}"')
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="scoreline" {head}>',
        f'  <testsuite name="scoreline check" {head}>',
        *cases,
        "  </testsuite>",
        "</testsuites>",
    ]) + "\n"
