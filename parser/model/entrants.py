"""Entrants: teams entered through lists (``- AFC Elm (OH)``) and tables with a club column."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..read.source import normalise_name
from .match_lines import plausible_name
from .sections import Section
from .tables import Table, pot_column_indexes
from .topics import items_topic, title_topic

_ITEM = re.compile(r"^\s*[-*#•]*\s*(?P<body>.*?)\s*$")
_STATE = re.compile(r"^(?P<name>.+?)\s*\((?P<code>[A-Za-z]{2})\)\s*$")
_LEAGUE_TAG = re.compile(r"^(?P<name>.+?)\s*\((?P<tag>[A-Z][A-Z0-9.&/-]{2,11})\)\s*$")
# A team list in a sentence; run only through ``_prose_list_matches``, which keeps it linear.
_PROSE_LIST = re.compile(
    r"(?P<intro>[^.:;]*?\b(?:featured|included|comprised|were|are|was|entered)\b:?|[^.:;]*:)\s+"
    r"(?P<items>[^.;:]+?,[^.;:]+?\band\s+[^.;:]+?)\.(?:\s|$)"
)
_LEGEND = re.compile(r"^(\S{1,3}|bold|italics?|underline[d]?|\*+)\s*[:=]|^=|^[^\w\s]", re.I)
_ORDINAL = re.compile(r"^([0-9]{1,3})(st|nd|rd|th)$", re.IGNORECASE)
_YEAR = re.compile(r"^[0-9]{4}$")
_INT = re.compile(r"^[0-9]{1,3}$")
# header words of a table's columns (lower-cased) that give an entrant field
_NAME_COL = re.compile(r"\b(club|team|side|name)\b")
_APPEARANCES_COL = re.compile(r"\bapp")
_DIVISION_COL = re.compile(r"division|conference|league|region")
_TIER_COL = re.compile(r"tier|level")
_NOTE_COL = re.compile(r"note|qualified|method|berth")

# USPS codes of the states, DC and the inhabited territories.
US_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP".split()
)

ENTRANT_KEYS = ("state", "tag", "country", "division", "appearances", "last_appearance",
                "previous_best", "tier", "note")


def item_text(text: str) -> str:
    """The text of a list item without its bullet."""
    match = _ITEM.match(text)
    return match.group("body") if match else text.strip()


def parse_item(body: str) -> dict[str, Any] | None:
    """``AFC Cleveland (OH)`` / ``Elm FC, 2030 league champion`` / ``Elm FC`` -> fields."""
    body = body.strip().rstrip(",.;").strip()
    if ": " in body or body.endswith(":"):
        return None
    note = None
    state = None
    tag = None
    match = _STATE.match(body)
    league = _LEAGUE_TAG.match(body)
    if match:
        body, state = match.group("name"), match.group("code")
    elif league:
        body, tag = league.group("name"), league.group("tag")
    elif ", " in body:
        body, note = (part.strip() for part in body.split(", ", 1))
    if not plausible_name(body.split()):
        return None
    return {"name": body, "state": state, "tag": tag, "note": note}


def settle_codes(items: list[dict[str, Any]]) -> None:
    """Two-letter codes in one list are US states when most of them are; else league tags."""
    codes = [item["state"] for item in items if item["state"]]
    if not codes:
        return
    states = sum(code.upper() in US_STATES for code in codes)
    if states * 2 > len(codes):
        return
    for item in items:
        if item["state"]:
            item["tag"], item["state"] = item["state"], None


def prose_list(text: str) -> tuple[str, list[tuple[str, int]]] | None:
    """A team list inside a sentence: ``The South featured Elm FC, Oak SC and Ash Town.``

    Returns the words before the list and (name, index in ``text``) per team, or None
    unless there are at least three items and every one reads as a team name.
    """
    for match in _prose_list_matches(text):
        intro, items_text, base = match.group("intro"), match.group("items"), match.start("items")
        pieces = re.split(r",\s*(?:and\s+)?|\s+and\s+", items_text)
        found: list[tuple[str, int]] = []
        cursor = 0
        for piece in pieces:
            name = piece.strip()
            index = items_text.find(name, cursor)
            cursor = index + len(name)
            found.append((name, base + index))
        if len(found) >= 3 and all(parse_item(name) is not None for name, _ in found):
            return intro.strip(), found
    return None


_SENTENCE_END = re.compile(r"\.(?=\s|$)")
_LIST_WORD = re.compile(r"\band\s")


def _prose_list_matches(text: str) -> Iterator[re.Match[str]]:
    """``_PROSE_LIST.finditer(text)``, one sentence at a time, tried at few starts.

    A match holds no ``.`` or ``;`` but its final ``.``, which a space or the end of the
    text follows. So each such ``.`` closes the only stretch where a match can lie, and
    the pattern runs there alone, only when the stretch has a comma and an ``and``. Within
    the stretch a match can only start where a search would find it first: at the
    stretch's start or just after a ``:`` (from any other start the intro's
    ``[^.:;]*`` could have begun earlier and reached the same place). Trying ``match``
    there gives what ``search`` gives without retrying every position: the unanchored
    pattern's lazy groups backtrack in cubic time on long lines (14 ms on a 650-character
    table row).
    """
    start = 0
    for stop in _SENTENCE_END.finditer(text):
        end = stop.start()
        barrier = max(text.rfind(".", 0, end), text.rfind(";", 0, end))
        begin = max(start, barrier + 1)
        start = end + 1
        if "," not in text[begin:end] or not _LIST_WORD.search(text, begin, end):
            continue
        limit = min(len(text), end + 2)
        starts = [begin, *(i + 1 for i in range(begin, end) if text[i] == ":")]
        for at in starts:
            match = _PROSE_LIST.match(text, at, limit)
            if match is not None:
                yield match
                break


def list_role(items: list[str], titles: Sequence[str | None] = ()) -> str:
    """``legend``, ``entrants``, a non-team topic (``topics.ROLES``) or ``other`` for a
    list's item texts; ``titles`` are its label and the headings over it, nearest first."""
    if not items:
        return "other"
    by_shape = items_topic(items)  # before legends: "$10,000" starts with a symbol too
    if by_shape is not None:
        return by_shape
    if sum(bool(_LEGEND.match(item)) for item in items) * 2 > len(items):
        return "legend"
    by_title = title_topic(titles)
    if by_title is not None:
        return by_title
    parsed = sum(parse_item(item) is not None for item in items)
    return "entrants" if parsed * 4 >= len(items) * 3 else "other"


def block_titles(label: str | None, section: Section) -> list[str | None]:
    """A block's label, then its section's heading and the headings over it (not the
    document's title, which names the whole page), nearest first."""
    return [label, section.title, *(s.title for s in section.ancestors() if s.level > 1)]


def new_entrant(name: str, **fields: Any) -> dict[str, Any]:
    """An entrant dict with every key present, in a fixed order."""
    entrant: dict[str, Any] = {"name": normalise_name(name), "label": fields.get("label"),
                               "section": fields.get("section"), "source": fields["source"]}
    for key in ENTRANT_KEYS:
        entrant[key] = fields.get(key)
    entrant["columns"] = fields.get("columns", {})
    entrant["block_line"] = fields["block_line"]
    entrant["line"] = fields["line"]
    entrant["column"] = fields.get("column", 1)
    return entrant


def table_column_roles(table: Table) -> dict[int, str]:
    """Map column index -> entrant field, from header words or, for unnamed columns, content."""
    roles: dict[int, str] = {}
    columns = table.columns
    for index, name in enumerate(columns):
        low = name.lower()
        if _NAME_COL.search(low) and "name" not in roles.values():
            roles[index] = "name"
        elif "state" in low:
            roles[index] = "state"
        elif "best" in low:
            roles[index] = "previous_best"
        elif "last" in low:
            roles[index] = "last_appearance"
        elif _APPEARANCES_COL.search(low):
            roles[index] = "appearances"
        elif _DIVISION_COL.search(low):
            roles[index] = "division"
        elif _TIER_COL.search(low):
            roles[index] = "tier"
        elif _NOTE_COL.search(low):
            roles[index] = "note"
        elif name.startswith("column_"):
            values = [r.cells[index] for r in table.rows if index < len(r.cells) and r.cells[index]]
            if values and all(_ORDINAL.match(v) for v in values):
                roles[index] = "appearances"
            elif values and all(_YEAR.match(v) for v in values):
                roles[index] = "last_appearance"
    return roles


def pot_columns(table: Table) -> list[int]:
    """The team columns of a draw-pot table (``Seeded | Unseeded``, ``Pot 1 | Pot 2``) or a
    qualified-teams table (``Group | Winners | Runners-up``): every cell of such a column is
    a team, and the column's header says which pot or place."""
    return pot_column_indexes(table.columns)


def typed(role: str, value: str) -> Any:
    """Cell text -> typed entrant value (ordinals and years as integers)."""
    if not value:
        return None
    if role == "appearances":
        match = _ORDINAL.match(value)
        return int(match.group(1)) if match else value
    if role == "last_appearance" and _YEAR.match(value):
        return int(value)
    if role == "tier" and _INT.match(value):
        return int(value)
    return value


def prose_list_candidates(text: str) -> Iterator[tuple[str, str, int]]:
    """(intro, items, start of items) wherever ``_PROSE_LIST.finditer`` would match."""
    for match in _prose_list_matches(text):
        yield match.group("intro"), match.group("items"), match.start("items")
