"""One document's rows for each flat table (``columns.TABLES``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..diagnostics import Diagnostic
from .columns import TABLE_NAMES, columns

Row = dict[str, Any]


def rows(document: Mapping[str, Any] | None, findings: Sequence[Diagnostic],
         page: Mapping[str, Any] | None = None) -> dict[str, list[Row]]:
    """Every table's rows for one document (None when it could not be converted: then
    only its findings), each row holding exactly the table's columns in order.

    ``page`` is a dump page's identity (``title``, ``page_id``, ``revision_id``,
    ``timestamp``), None for a single file.
    """
    base = page_columns(document, page)
    doc: Mapping[str, Any] = document or {}
    tables = {
        "matches": [match_row(base, i, r, m) for i, (r, m) in enumerate(_matches(doc))],
        "standings": [standing_row(base, i, t, r)
                      for i, t in enumerate(doc.get("standings") or [])
                      for r in t.get("rows") or []],
        "entrants": [entrant_row(base, e) for e in doc.get("entrants") or []],
        "findings": [finding_row(base, d) for d in findings],
    }
    return {name: [_ordered(name, row) for row in tables[name]] for name in TABLE_NAMES}


def page_columns(document: Mapping[str, Any] | None,
                 page: Mapping[str, Any] | None) -> Row:
    source = (document or {}).get("source") or {}
    page = page or {}
    return {"path": source.get("path", page.get("title")), "page_title": page.get("title"),
            "page_id": page.get("page_id"), "rev_id": page.get("revision_id"),
            "rev_timestamp": page.get("timestamp")}


def _matches(doc: Mapping[str, Any]) -> Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    for round_ in doc.get("rounds") or []:
        for match in round_.get("matches") or []:
            yield round_, match


def match_row(base: Row, index: int, round_: Mapping[str, Any],
              match: Mapping[str, Any]) -> Row:
    aggregate = match.get("aggregate") or {}
    row = dict(base, match_index=index, round=round_.get("name"), region=round_.get("region"),
               stage=round_.get("stage"), group=round_.get("group"),
               date_iso=_date(match.get("date_iso")), aggregate=aggregate.get("text"),
               aggregate_home=aggregate.get("home"), aggregate_away=aggregate.get("away"),
               attendance=_integer(match.get("attendance")))
    for name in ("date", "home", "away", "home_score", "away_score", "status", "aet",
                 "home_pens", "away_pens", "tie", "leg", "winner", "home_tag", "away_tag",
                 "home_country", "away_country",
                 "home_tier", "away_tier", "time", "stadium", "location", "referee",
                 "source", "text", "line", "column"):
        row[name] = match.get(name)
    return row


def standing_row(base: Row, index: int, table: Mapping[str, Any],
                 entry: Mapping[str, Any]) -> Row:
    row = dict(base, table_index=index, group=table.get("name"), section=table.get("section"),
               table_source=table.get("source"))
    for name in ("team", "code", "position", "played", "won", "drawn", "lost", "goals_for",
                 "goals_against", "goal_difference", "points", "adjust_points", "status",
                 "note", "line"):
        row[name] = entry.get(name)
    return row


def entrant_row(base: Row, entrant: Mapping[str, Any]) -> Row:
    row = dict(base)
    for name in ("name", "label", "section", "source", "state", "tag", "country", "division",
                 "previous_best", "note", "line", "column"):
        row[name] = entrant.get(name)
    for name in ("appearances", "last_appearance", "tier"):
        row[name] = _integer(entrant.get(name))
    return row


def finding_row(base: Row, finding: Diagnostic) -> Row:
    data = finding.to_json()
    return dict(base, **{c.name: data.get(c.name) for c in columns("findings")
                         if c.name in data})


def _ordered(table: str, row: Row) -> Row:
    return {c.name: row.get(c.name) for c in columns(table)}


def _integer(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
