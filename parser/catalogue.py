"""Every finding code scoreline can emit, with its stage, default severity and summary.

Stage codes (reading, parsing, schema) are listed here; check codes come from
the check registry. A code never changes meaning once released.
"""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Severity


@dataclass(frozen=True)
class Entry:
    """One catalogue entry. ``example`` is a failing input, ``fix`` the passing variant."""

    code: str
    name: str
    severity: Severity
    summary: str
    example: str = ""
    fix: str = ""
    stage: str = "check"
    doc: str = ""

    @property
    def family(self) -> str:
        """The code's prefix (``CO`` for ``CO101``)."""
        return self.code.rstrip("0123456789")


STAGE_CODES: tuple[Entry, ...] = (
    Entry("IN001", "invalid-encoding", Severity.ERROR,
          "The file is not valid UTF-8 (or UTF-16 with a BOM); nothing was converted.",
          "bytes ff fe 00 41 without a BOM", "save the file as UTF-8", "input"),
    Entry("IN002", "nul-byte", Severity.ERROR,
          "The file contains a NUL byte, so it is not text; nothing was converted.",
          "Elm FC\\x00 2-1 Oak", "remove the NUL byte", "input"),
    Entry("IN003", "too-large", Severity.ERROR,
          "The file is larger than --max-bytes; nothing was converted.",
          "a 40 MB file with the default limit", "raise --max-bytes or split the file", "input"),
    Entry("IN004", "unreadable", Severity.ERROR,
          "The path is missing, a directory where a file was expected, or cannot be read.",
          "scoreline convert missing.txt", "give an existing file", "input"),
    Entry("IN005", "unsupported-form", Severity.ERROR,
          "The input looks like raw wikitext, which this version cannot read yet.",
          "{{Infobox football tournament season | year = 2031 }}", "--from flat", "input"),
    Entry("PA001", "unrecognised-line", Severity.INFO,
          "No rule understood the line; it is kept in the JSON under 'unparsed'.",
          "'''", "remove the stray markup", "parse"),
    Entry("PA002", "results-row-without-match", Severity.INFO,
          "A row of a results table holds no readable match.",
          "| 7 | | | |", "| 7 | Elm FC | 2-1 | Oak SC |", "parse"),
    Entry("PA003", "leaked-table-markup", Severity.INFO,
          "Raw wikitable markup leaked into the flat form; it is kept as a table artifact.",
          "|-", "remove the markup line", "parse"),
    Entry("PA004", "truncated-row", Severity.INFO,
          "A table row has no closing '|': the document may have been cut off.",
          "| 24 | AS Elm (9", "| 24 | AS Elm (9) | 1-0 | Oak (10) |", "parse"),
    Entry("SC001", "schema-violation", Severity.ERROR,
          "The converted JSON does not match the published schema.",
          "a match with a negative score", "(a scoreline bug: please report it)", "schema"),
)


def catalogue() -> dict[str, Entry]:
    """Every code, stage codes first, then checks in registry order."""
    from .checks import ALL_RULES

    entries = {entry.code: entry for entry in STAGE_CODES}
    for item in ALL_RULES:
        failing = [e.text for e in item.examples if e.kind == "failing"]
        passing = [e.text for e in item.examples if e.kind == "passing"]
        entries[item.code] = Entry(item.code, item.name, item.severity, item.summary,
                                   failing[0] if failing else "", passing[0] if passing else "",
                                   "check", item.doc)
    return entries
