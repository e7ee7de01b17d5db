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
    Entry("PA005", "line-too-long", Severity.INFO,
          "A line is longer than --max-line-chars: it is kept in the JSON as text, not parsed.",
          "a table row of 20,000 characters", "split the line, or raise --max-line-chars",
          "parse"),
    Entry("PA006", "unclosed-markup", Severity.INFO,
          "Markup openers that are never closed were read as plain text up front, because "
          "leaving them to the wiki parser would make it slow.",
          "<ref><ref><ref>... (thousands, never closed)", "close or remove the markup", "parse"),
    Entry("PA007", "parser-gave-up", Severity.ERROR,
          "A parser gave up on the document (nested too deeply, or mwparserfromhell or Lark "
          "failed); nothing was converted.", "a structure nested thousands of levels deep",
          "simplify the markup", "parse"),
    Entry("PA008", "over-time-budget", Severity.ERROR,
          "Parsing the file took longer than its CPU-time budget (--timeout); nothing was "
          "converted, and the other files of the run carry on.",
          "a pathological file with --timeout 1", "raise --timeout or fix the file", "parse"),
    Entry("PA009", "over-memory-ceiling", Severity.ERROR,
          "Parsing the file needed more memory than its ceiling (--max-memory); nothing was "
          "converted, and the other files of the run carry on.",
          "a 16 MiB file of dense markup with --max-memory 256", "raise --max-memory",
          "parse"),
    Entry("PA010", "internal-error", Severity.ERROR,
          "scoreline failed on the file (a bug), or the process parsing it died; nothing was "
          "converted. Please report it with the file.", "(none known)", "(report it)",
          "parse"),
    Entry("SC001", "schema-violation", Severity.ERROR,
          "The converted JSON does not match the published schema.",
          "a match with a negative score", "(a scoreline bug: please report it)", "schema"),
)


def catalogue() -> dict[str, Entry]:
    """Every code, stage codes first, then checks in registry order."""
    from .checks import ALL_RULES

    entries = {entry.code: entry for entry in STAGE_CODES}
    for item in ALL_RULES:
        entries[item.code] = Entry(item.code, item.name, item.severity, item.summary,
                                   stage="check")
    return entries
