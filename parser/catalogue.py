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
          "Retired: wikitext input was refused before the wikitext reader existed.",
          "{{Infobox football tournament season | year = 2031 }}", "--from flat", "input"),
    Entry("IN006", "undecidable-form", Severity.ERROR,
          "--from auto cannot tell the flat form from wikitext: both have strong signs.",
          "Infobox\n- Year: 2031\n{{Football box|team1=Elm|team2=Oak}}",
          "--from flat or --from wikitext", "input"),
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
    Entry("WT001", "unknown-box-parameter", Severity.INFO,
          "A match box has a parameter outside its documented set; it is kept under 'extra'.",
          "{{Football box|team1=Elm|score=1–0|team2=Oak|crowd=300}}", "|attendance=300", "parse"),
    Entry("WT002", "unclosed-markup", Severity.WARNING,
          "A match box, infobox or table is not closed, so it was read as text: nothing in "
          "it was converted.", "{{Football box|team1=Elm|score=1–0|team2=Oak",
          "{{Football box|team1=Elm|score=1–0|team2=Oak}}", "parse"),
    Entry("WT003", "bracket-not-read", Severity.INFO,
          "A bracket template is kept as a block; its matches are taken from match boxes and "
          "results tables only, so no match is counted twice.",
          "{{4TeamBracket|RD1-team1=Elm|...}}", "add a Football box per match", "parse"),
    Entry("WT004", "second-infobox", Severity.INFO,
          "A second infobox is kept as a block; only the first fills 'infobox'.",
          "{{Infobox football match|...}} after {{Infobox football tournament season|...}}",
          "one infobox per article", "parse"),
    Entry("WT005", "box-without-teams", Severity.WARNING,
          "A match box lacks team1 or team2, so no match was made from it.",
          "{{Football box|team1=Elm|score=1–0}}",
          "{{Football box|team1=Elm|score=1–0|team2=Oak}}", "parse"),
    Entry("WT006", "duplicate-match", Severity.INFO,
          "A results-table row repeats a match box of the same round; it is counted once.",
          "| Elm || 1–0 || Oak  and  {{Football box|team1=Elm|score=1–0|team2=Oak}}",
          "keep one of them", "parse"),
    Entry("WT007", "unknown-template", Severity.INFO,
          "An inline template scoreline does not know was rendered as its unnamed parameters "
          "(reported once per template name).", "{{convert|5|km}}", "(informational)",
          "parse"),
    Entry("WT008", "unpaired-section-marker", Severity.INFO,
          "A <section begin=X /> marker has no matching end marker, or the reverse.",
          "<section begin=Final />", "<section begin=Final />...<section end=Final />",
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
