"""Dates (DA4xx): days that do not exist, years that contradict the text, rounds out of order.

Every date is read again from the text the document gives (``date``), so a date
whose year was inferred is never held to a year it was never given.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Any

from ..diagnostics import Severity
from ..model.dates import WrittenDate, parse_date
from ..model.document import Document
from ..model.spans import SpanTable
from .base import Hit, rule
from .memo import once_per_document
from .stages import Game, Stage, bracket

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekdays_by_prefix() -> dict[str, str]:
    """The first weekday starting with each prefix of up to three letters (``t``: tuesday)."""
    out: dict[str, str] = {}
    for day in _WEEKDAYS:
        for size in range(4):
            out.setdefault(day[:size], day)
    return out


_WEEKDAY_OF = _weekdays_by_prefix()
ROLLOVER_DAYS = 120


@once_per_document
def _dated(document: Document) -> list[tuple[str, dict[str, Any], WrittenDate]]:
    """(pointer, match, parsed date) once per written date (shared date lines count once);
    four checks ask, so it is read once per document."""
    return list(_each_dated(document))


def _each_dated(document: Document) -> Iterator[tuple[str, dict[str, Any], WrittenDate]]:
    seen: set[tuple[int, int]] = set()
    table = document.spans if isinstance(document.spans, SpanTable) else None
    for index, item in enumerate(document.data.get("rounds", [])):
        for number, match in enumerate(item["matches"]):
            written = parse_date(match["date"]) if match["date"] else None
            if written is None:
                continue
            pointer = f"/rounds/{index}/matches/{number}/date"
            # what locate(pointer) finds: the date's span, else the match's, else further up
            span = (table.of(match, "date") or table.of(match)) if table is not None else None
            if span is None:
                span = document.locate(pointer)
            if (span.line, span.column) in seen:
                continue
            seen.add((span.line, span.column))
            yield pointer, match, written


@rule("DA401", "nonexistent-date", Severity.WARNING, "A date that does not exist.")
def nonexistent_date(document: Document) -> Iterator[Hit]:
    """``September 31`` or ``February 29, 2031`` is no day of the calendar (February 29 without
    a year is accepted).

    Failing (reported at 2:1)::

        ==Final==
        September 31
        Elm FC 2-1 Oak SC

    Passing::

        ==Final==
        September 30
        Elm FC 2-1 Oak SC
    """
    for pointer, match, written in _dated(document):
        year = written.year
        if not written.exists(year) or (written.day_end and not WrittenDate(
                written.month, written.day_end, year).exists(year)):
            yield Hit(f"date {match['date']!r} does not exist", pointer)
    infobox = document.data.get("infobox") or {}
    for index, item in enumerate(infobox.get("fields", [])):
        if item["name"] == "date" and isinstance(item["value"], str):
            stated = parse_date(item["value"])
            if stated is not None and not stated.exists(stated.year):
                yield Hit(f"infobox date {item['value']!r} does not exist",
                          f"/infobox/fields/{index}/value")


@rule("DA402", "date-outside-round-year", Severity.WARNING,
      "A match date's year differs from the year the text gives for its round.",
      needs=("matches",))
def outside_year(document: Document) -> Iterator[Hit]:
    """``First round games took place in 2030`` and a first-round match dated ``March 7, 2031``
    cannot both be right.

    Failing (reported at 3:1)::

        ==First round==
        Games took place in 2030.
        March 7, 2031
        Elm FC 2-1 Oak SC

    Passing::

        ==First round==
        Games took place in 2030.
        March 7, 2030
        Elm FC 2-1 Oak SC
    """
    years = {index: item["year"] for index, item in enumerate(document.data.get("rounds", []))}
    for pointer, _, written in _dated(document):
        year = years.get(int(pointer.split("/")[2]))
        if year is not None and written.year is not None and written.year != year:
            yield Hit(f"dated {written.year}, but the text says this round's games took place "
                      f"in {year}", pointer)


def _first(stage: Stage) -> tuple[_dt.date, bool, Game] | None:
    dated = [(when[0], when[1], game) for game in stage.games if (when := game.when)]
    return min(dated, key=lambda item: (item[0], item[2].line)) if dated else None


@rule("DA403", "rounds-out-of-order", Severity.WARNING,
      "A round starts before the round it follows.",
      needs=("matches",))
def rounds_out_of_order(document: Document) -> Iterator[Hit]:
    """The first match of a round cannot be dated before the first match of the round before
    it (in the same region, sharing teams with it). Inferred years are not compared across a
    turn of the year.

    Failing (reported at 5:1)::

        ==Semi-finals==
        May 10, 2031
        Elm FC 2-1 Oak SC
        ==Final==
        May 3, 2031
        Elm FC 1-0 Ash FC

    Passing::

        ==Semi-finals==
        May 10, 2031
        Elm FC 2-1 Oak SC
        ==Final==
        May 24, 2031
        Elm FC 1-0 Ash FC
    """
    brk = bracket(document)
    for stage in brk.stages:
        before = _first(stage)
        if before is None:
            continue
        for nxt in brk.successors(stage):
            if not stage.appearances().keys() & nxt.appearances().keys():
                continue
            after = _first(nxt)
            if after is None or after[0] >= before[0]:
                continue
            if not (after[1] and before[1]) and (before[0] - after[0]).days > ROLLOVER_DAYS:
                continue
            yield Hit(f"{nxt.label} starts on {after[0].isoformat()}, before {stage.label} "
                      f"(from {before[0].isoformat()}, line {before[2].line})",
                      f"{after[2].pointer}/date")


@rule("DA404", "weekday-mismatch", Severity.WARNING,
      "The weekday written with a date is not that date's weekday.",
      needs=("matches",))
def weekday_mismatch(document: Document) -> Iterator[Hit]:
    """``Saturday, 31 August 2030`` must fall on a Saturday.

    Failing (reported at 2:1)::

        ==Final==
        Sunday, 31 August 2030
        Elm FC 2-1 Oak SC

    Passing::

        ==Final==
        Saturday, 31 August 2030
        Elm FC 2-1 Oak SC
    """
    for pointer, match, written in _dated(document):
        iso = match.get("date_iso")
        if not written.weekday or not iso:
            continue
        named = _WEEKDAY_OF.get(written.weekday.lower()[:3])
        actual = _WEEKDAYS[_dt.date.fromisoformat(iso).weekday()]
        if named is not None and named != actual:
            yield Hit(f"{match['date']!r}: {iso} is a {actual.title()}", pointer)
