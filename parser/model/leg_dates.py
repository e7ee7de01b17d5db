"""Leg dates from the prose: ``The first legs were played on 1 August and the second legs on
8 August 2031.``

A round of two-legged ties often gives both dates in one sentence; the round's single prose
date (``rounds.prose_date``) would date both legs alike. ``leg_dates`` finds the date
written after each leg's name (``first leg(s)``, ``1st leg``, ``second leg(s)``,
``return leg(s)``) within the same sentence, and only dates that exist.
"""

from __future__ import annotations

import re

from .dates import parse_date

_DATE = (r"(?:[A-Z][a-z]+day,?\s+)?(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+(?:,?\s+[0-9]{4})?"
         r"|[A-Z][a-z]+\s+[0-9]{1,2}(?:st|nd|rd|th)?(?:,?\s+[0-9]{4})?)")
_LEG = re.compile(r"\b(?P<leg>first|1st|second|2nd|return)\s+legs?\b[^.;]{0,60}?\bon\s+"
                  rf"(?P<date>{_DATE})", re.IGNORECASE)
_NAMES = {"first": "1st", "1st": "1st", "second": "2nd", "2nd": "2nd", "return": "2nd"}


def leg_dates(texts: list[str]) -> dict[str, str]:
    """``{"1st": date, "2nd": date}`` as the prose writes them (the first mention wins)."""
    found: dict[str, str] = {}
    for text in texts:
        for match in _LEG.finditer(text):
            date = match.group("date").strip()
            if parse_date(date) is not None:
                found.setdefault(_NAMES[match.group("leg").lower()], date)
    return found
