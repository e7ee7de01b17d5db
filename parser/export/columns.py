"""The flat tables' schemas, fixed in one place: column names, types and meanings.

Every table starts with the page columns (``PAGE_COLUMNS``): the input's path, and for a
page of a MediaWiki dump its title, page id, revision id and revision timestamp (null
for single files). Types are named here without importing pyarrow, so the CSV writer and
the documentation need nothing optional; ``arrow_schema`` builds the pyarrow schema.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Column(NamedTuple):
    """One column: name, type (string, int32, int64, bool, date, timestamp) and meaning."""

    name: str
    type: str
    description: str


PAGE_COLUMNS = (
    Column("path", "string", "The input path (a dump page: its title, as it was read)."),
    Column("page_title", "string", "Title of the dump page, null for single files."),
    Column("page_id", "int64", "Page id in the dump, null for single files."),
    Column("rev_id", "int64", "Revision id of the page's latest revision, null for files."),
    Column("rev_timestamp", "string", "Revision timestamp as the dump writes it (ISO 8601)."),
)

MATCH_COLUMNS = (
    Column("match_index", "int32", "0-based position of the match in the document."),
    Column("round", "string", "Name of the round holding the match."),
    Column("region", "string", "Regional qualifier of the round, such as North."),
    Column("stage", "string", "knockout, group or league (null before format 1.1)."),
    Column("group", "string", "The standings (group) the round belongs to, else null."),
    Column("date", "string", "The match date as written."),
    Column("date_iso", "date", "The date when the year is known and the date exists."),
    Column("home", "string", "Home (first-named) team as written."),
    Column("away", "string", "Away (second-named) team as written."),
    Column("home_score", "int32", "Goals of the home team; null when not played."),
    Column("away_score", "int32", "Goals of the away team; null when not played."),
    Column("status", "string", "played, forfeit, awarded, walkover, postponed, cancelled, "
           "abandoned, void or scheduled."),
    Column("aet", "bool", "True when the result came after extra time."),
    Column("home_pens", "int32", "Home penalties in a shoot-out, else null."),
    Column("away_pens", "int32", "Away penalties in a shoot-out, else null."),
    Column("tie", "string", "Tie number from a results table."),
    Column("leg", "string", "Leg of a two-legged tie (1st, 2nd)."),
    Column("aggregate", "string", "Aggregate score as written (match boxes), else null."),
    Column("aggregate_home", "int32", "Aggregate goals of the home side, else null."),
    Column("aggregate_away", "int32", "Aggregate goals of the away side, else null."),
    Column("winner", "string", "home or away when the source marks the winner, else null."),
    Column("home_tag", "string", "League tag after the home team, such as NPSL."),
    Column("away_tag", "string", "League tag after the away team."),
    Column("home_country", "string", "Country code of the flag before the home team (null "
           "before format 1.2)."),
    Column("away_country", "string", "Country code of the flag before the away team."),
    Column("home_tier", "int32", "Tier after the home team, such as 9."),
    Column("away_tier", "int32", "Tier after the away team."),
    Column("time", "string", "Kick-off time as written (match boxes)."),
    Column("stadium", "string", "Stadium (match boxes)."),
    Column("location", "string", "Town or city (match boxes)."),
    Column("attendance", "int64", "Attendance when a number (match boxes), else null."),
    Column("referee", "string", "Referee (match boxes)."),
    Column("source", "string", "line, table or template: where the match came from."),
    Column("text", "string", "The match's source text as written."),
    Column("line", "int32", "1-based source line of the match."),
    Column("column", "int32", "1-based column of the home team."),
)

STANDINGS_COLUMNS = (
    Column("table_index", "int32", "0-based position of the standings table in the document."),
    Column("group", "string", "Name of the standings table, such as Group A."),
    Column("section", "string", "Title of the section holding the table."),
    Column("table_source", "string", "sports_table, fb_cl2 or wikitable."),
    Column("team", "string", "Team name."),
    Column("code", "string", "Team code in the table (Sports table modules), else null."),
    Column("position", "int32", "Position in the table."),
    Column("played", "int32", "Matches played."),
    Column("won", "int32", "Matches won."),
    Column("drawn", "int32", "Matches drawn."),
    Column("lost", "int32", "Matches lost."),
    Column("goals_for", "int32", "Goals scored."),
    Column("goals_against", "int32", "Goals conceded."),
    Column("goal_difference", "int32", "Goal difference as written, else null."),
    Column("points", "int32", "Points as written, else null."),
    Column("adjust_points", "int32", "Points adjustment."),
    Column("status", "string", "Status letter (A: advanced ...), else null."),
    Column("note", "string", "Remark given with the row."),
    Column("line", "int32", "1-based source line of the row."),
)

ENTRANT_COLUMNS = (
    Column("name", "string", "Team name."),
    Column("label", "string", "Label of the list or caption of the table."),
    Column("section", "string", "Title of the section the entrant is listed in."),
    Column("source", "string", "list, table or prose."),
    Column("state", "string", "Two-letter state code given with the team."),
    Column("tag", "string", "League tag given with the team."),
    Column("country", "string", "Country code of the flag before the team's name."),
    Column("division", "string", "Division or conference column."),
    Column("appearances", "int32", "Number of appearances when a number, else null."),
    Column("last_appearance", "int32", "Year of the last appearance when a number."),
    Column("previous_best", "string", "Previous best result."),
    Column("tier", "int32", "Tier or level when a number, else null."),
    Column("note", "string", "Remark given with the team."),
    Column("line", "int32", "1-based source line."),
    Column("column", "int32", "1-based column of the team name."),
)

FINDING_COLUMNS = (
    Column("code", "string", "Finding code, such as PR201 (see docs/rules.md)."),
    Column("severity", "string", "error, warning or info."),
    Column("line", "int32", "1-based line where the finding starts."),
    Column("column", "int32", "1-based column where the finding starts."),
    Column("end_line", "int32", "Line of the last character (inclusive)."),
    Column("end_column", "int32", "Column of the last character (inclusive)."),
    Column("pointer", "string", "JSON Pointer into the document, or empty."),
    Column("message", "string", "What is wrong, in one sentence."),
    Column("check", "string", "The check that produced the finding, or empty."),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "matches": PAGE_COLUMNS + MATCH_COLUMNS,
    "standings": PAGE_COLUMNS + STANDINGS_COLUMNS,
    "entrants": PAGE_COLUMNS + ENTRANT_COLUMNS,
    "findings": PAGE_COLUMNS + FINDING_COLUMNS,
}
TABLE_NAMES = tuple(TABLES)


def columns(table: str) -> tuple[Column, ...]:
    """The columns of ``table``; a ``KeyError`` names an unknown table."""
    return TABLES[table]


def arrow_schema(table: str) -> Any:
    """The pyarrow schema of ``table`` (pyarrow imported here, only when called)."""
    import pyarrow as pa

    types = {"string": pa.string(), "int32": pa.int32(), "int64": pa.int64(),
             "bool": pa.bool_(), "date": pa.date32()}
    return pa.schema([pa.field(c.name, types[c.type], nullable=True) for c in columns(table)])


def markdown() -> str:
    """docs/tables.md: every table with its columns, generated from this module."""
    out = ["# The flat tables", "",
           "`scoreline convert --to csv|parquet` and `scoreline dump` write these tables. "
           "Every column may be null. Generated by `python -m parser.export.columns`.", ""]
    for name, cols in TABLES.items():
        out += [f"## {name}", "", "| column | type | meaning |", "|---|---|---|"]
        out += [f"| `{c.name}` | {c.type} | {c.description} |" for c in cols]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(markdown(), end="")
