"""Dates in the spellings FORMAT.md lists."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parser.model.dates import parse_date


@pytest.mark.parametrize(("text", "year", "iso"), [
    ("September 10", 2016, "2016-09-10"),
    ("Sep 10", 2016, "2016-09-10"),
    ("10 September", 2016, "2016-09-10"),
    ("March 7, 2031", None, "2031-03-07"),
    ("March 22nd", 2031, "2031-03-22"),
    ("Saturday, 31 August 2030", None, "2030-08-31"),
    ("13–14 April 2031", None, "2031-04-13"),
    ("September 10", None, None),
    ("September 31", 2016, None),
    ("February 29", 2031, None),
    ("February 29", 2032, "2032-02-29"),
])
def test_dates(text: str, year: int | None, iso: str | None) -> None:
    written = parse_date(text)
    assert written is not None
    assert written.iso(year) == iso


@pytest.mark.parametrize("text", ["Elm FC 2-1 Oak", "May", "Playoffs", "10", "2031"])
def test_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_range_keeps_its_end_day() -> None:
    written = parse_date("13–14 April 2031")
    assert written is not None and written.day_end == 14


DATE_CHUNKS = ["September", "Sep", "Sept.", "sat", "Saturday,", "Sun", "Monaco", "March", "Mar",
               "Marathon", "May", "10", "1st", "22nd", "2031", "2031-09-10", "13–14", "to", ",",
               "Elm", "FC", "2-1", "–", "-", "x", "10th", "7,", "Tues.", "31"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(DATE_CHUNKS), min_size=1, max_size=5).map(" ".join))
def test_fast_parse_equals_lark_parse(text: str) -> None:
    from parser.model.dates import _DIGIT_START, _MAX_DATE_CHARS, lark_date

    parse_date.cache_clear()
    stripped = text.strip()
    offered = (len(stripped) <= _MAX_DATE_CHARS and _DIGIT_START.match(stripped)
               and any(ch.isdigit() for ch in stripped))
    assert parse_date(text) == (lark_date(text) if offered else None)
