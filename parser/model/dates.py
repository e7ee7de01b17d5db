"""Dates as written in articles, parsed by ``grammars/date.lark``.

``parse_date("March 7, 2031")`` gives a ``WrittenDate``; ``WrittenDate.iso(year)``
turns it into ``YYYY-MM-DD`` when the date exists, else ``None``.

Dates are parsed by ``fast_lalr.FastLALR`` (a line that is not a date fails on its
first token); ``lark_date`` parses with Lark itself, for tests.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import Any

from ..grammar.load import date_parser, fast_date_parser
from ..records import record

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MAX_DATE_CHARS = 60
_NOT_DIGIT = re.compile(r"[^0-9]")
_DIGIT_START = re.compile(r"[0-9A-Za-z]")


@record
class WrittenDate:
    """A parsed date; ``year`` is None when the text gives none."""

    month: int
    day: int
    year: int | None = None
    day_end: int | None = None
    weekday: str | None = None

    def iso(self, year: int | None = None) -> str | None:
        """ISO date using the date's own year, else ``year``; None if unknown or impossible."""
        use = self.year if self.year is not None else year
        if use is None or not self.exists(use):
            return None
        return f"{use:04d}-{self.month:02d}-{self.day:02d}"

    def exists(self, year: int | None = None) -> bool:
        """Whether the day exists in the month (Feb 29 needs a leap ``year`` when known)."""
        use = self.year if self.year is not None else (year if year is not None else 2000)
        try:
            _dt.date(use, self.month, self.day)
        except ValueError:
            return False
        return True


def _day(token: Any) -> int:
    return int(_NOT_DIGIT.sub("", str(token)))


def _is_tree(node: object) -> bool:
    """Trees (Lark's or ``fast_lalr.Tree``) have children; tokens do not."""
    return hasattr(node, "children")


def _from_tree(tree: Any) -> WrittenDate:
    weekday: str | None = None
    body: Any = None
    for child in tree.children:
        if not _is_tree(child) and child.type == "WEEKDAY":
            weekday = str(child)
        elif _is_tree(child):
            body = child
    assert body is not None
    if body.data == "iso":
        y, m, d = (int(p) for p in str(body.children[0]).split("-"))
        return WrittenDate(m, d, y, None, weekday)
    month = year = 0
    days: list[int] = []
    for child in body.children:
        if _is_tree(child):
            days = [_day(t) for t in child.children if not _is_tree(t)]
        elif child.type == "MONTH":
            month = MONTHS[str(child)[:3].lower()]
        elif child.type == "YEAR":
            year = int(str(child))
    return WrittenDate(month, days[0], year or None, days[1] if len(days) > 1 else None, weekday)


@lru_cache(maxsize=4096)
def parse_date(text: str) -> WrittenDate | None:
    """Parse a whole string as a date; None when it is not one."""
    text = text.strip()
    if not text or len(text) > _MAX_DATE_CHARS or not _DIGIT_START.match(text):
        return None
    if not any(map(str.isdigit, text)):
        return None
    fast = fast_date_parser()
    if fast is None:
        return lark_date(text)
    tree = fast.tree(text, "start")
    return None if tree is None else _from_tree(tree)


def lark_date(text: str) -> WrittenDate | None:
    """``parse_date`` by ``Lark.parse`` alone (the reference for ``FastLALR``)."""
    from lark.exceptions import LarkError

    try:
        return _from_tree(date_parser().parse(text.strip()))
    except LarkError:
        return None
