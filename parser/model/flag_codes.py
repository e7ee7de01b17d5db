"""Flag codes before team names: ``CRC Alajuelense``, ``- MEX Club León``.

Rendering a page to the flat form turns each ``{{flagicon|CRC}}`` into its code, so on an
international page every team may be preceded by one. Where the document shows such flags
(at least ``MIN_CODES`` different country codes before ``MIN_NAMES`` team names), the code
is taken off each match side and entrant whose first word is a country code
(``country_codes``) and kept in ``home_country`` / ``away_country`` / ``country``; the
positions of the names move past the code. A single ``ASA Târgu Mureș`` on a domestic page
keeps its name. The infobox does the same for its champion and people (``model.infobox``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .context import Context
from .country_codes import flag_code
from .spans import Span

MIN_CODES = 2
MIN_NAMES = 3


def split_flag_codes(ctx: Context, rounds: list[dict[str, Any]]) -> None:
    """Move flag codes off the teams' names of ``rounds`` and ``ctx.entrants`` when the
    document shows flags; the spans of the names move with them."""
    named = list(_names(rounds, ctx.entrants))
    flagged = [(obj, key, found) for obj, key in named
               if (found := flag_code(obj[key])) is not None]
    if len(flagged) < MIN_NAMES or len({code for _, _, (code, _) in flagged}) < MIN_CODES:
        return
    for obj, key, (code, rest) in flagged:
        shift = len(obj[key]) - len(rest)
        obj[key] = rest
        if key == "name":  # an entrant: its own position is its name's
            obj["country"] = code
            obj["column"] += shift
            _move(ctx, obj, "", shift)
        else:
            obj[f"{key}_country"] = code
            _move(ctx, obj, key, shift)


def _names(rounds: list[dict[str, Any]],
           entrants: list[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], str]]:
    for round_ in rounds:
        for match in round_["matches"]:
            yield match, "home"
            yield match, "away"
    for entrant in entrants:
        yield entrant, "name"


def _move(ctx: Context, obj: dict[str, Any], key: str, shift: int) -> None:
    span = ctx.spans.recorded(obj, key)
    if span is not None and (span.end_line is None or span.end_line == span.line):
        ctx.spans.mark(obj, Span(span.line, span.column + shift, span.end_line,
                                 span.end_column), key)
