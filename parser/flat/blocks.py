"""Stage 3, blocks: the lines of one section body become typed blocks with line spans.

Kinds: ``infobox``, ``paragraph``, ``table``, ``list``, ``date``, ``match``,
``match_note`` (a line qualifying the match above it, such as ``after extra time``),
``scorer``, ``marker``, ``comment`` and ``other`` (anything no rule understood).
A short line directly above a list or table becomes that block's ``label``.
"""

from __future__ import annotations

import re
from itertools import islice

from ..markup.wiki import Line
from ..model.blocks import MAX_LABEL_CHARS, Block
from ..model.dates import parse_date
from ..model.match_lines import MatchLine, parse_match_line, plausible_name
from ..model.near_matches import near_match

_INFOBOX = re.compile(r"^\s*infobox\b.*$", re.IGNORECASE)
_FIELD = re.compile(r"^\s*[-*]\s*[^:]{1,60}:")
_BULLET = re.compile(r"^\s*([-*#•]+)(\s+|(?=[^\s\-*#]))")
_TABLE = re.compile(r"^\s*(\||\{\||!)")
_SCORER = re.compile(r"^\s+\S.*:\s*\S|^\s+\S.*[0-9]+(\+[0-9]+)?['′’]")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
# A line after a match that only qualifies its result ("after extra time", "(4–3 p)").
MATCH_NOTE = re.compile(
    r"^\(?\s*(a\.?\s*e\.?\s*t\.?|after extra time|extra time|"
    r"(?P<pens>[0-9]{1,2})\s*[-–—]\s*(?P<pens2>[0-9]{1,2})\s*(p|pens?\.?|on penalties|pso)|"
    r"(?P<forfeit>forfeit(ed)?)|(?P<awarded>awarded|awd\.?))\s*\)?\.?$",
    re.IGNORECASE,
)
_WORD = re.compile(r"\S+")
_MAX_LEAD_WORDS = 5
# how every lead parse_date or _KICK_OFF accepts begins (date.lark: WEEKDAY, MONTH, DAY)
_LEAD_START = re.compile(r"[0-9]|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|"
                         r"aug|sep|oct|nov|dec)", re.IGNORECASE)
_LEAD_END = ":,;–—- "
_KICK_OFF = re.compile(r"^[0-9]{1,2}[:.h][0-9]{2}(?:\s*(?:[ap]\.?m\.?|CET|CEST|local))?$", re.I)
_TRAILING_TAG = re.compile(r"\s*\([A-Za-z0-9.&/-]{1,12}\)\s*$")


def is_table_line(text: str) -> bool:
    """Flat-form table rows and leaked wikitable markup."""
    return bool(_TABLE.match(text))


def is_bullet(text: str) -> bool:
    """A list item line."""
    return bool(_BULLET.match(text)) and not text.lstrip().startswith(("--", "- -"))


def _classify(line: Line, previous: str | None) -> str:
    if line.too_long:
        return "other"
    text = line.text
    stripped = text.strip()
    if not stripped:
        if line.markers:
            return "marker"
        if line.covered:
            return "comment" if line.covered in ("comment", "ref") else "other"
        return "blank"
    if is_table_line(text):
        return "table"
    if previous in ("match", "scorer", "match_note") and MATCH_NOTE.match(stripped):
        return "match_note"
    if previous in ("match", "scorer", "match_note") and _SCORER.match(text) \
            and not _led_by_date(stripped):  # "  September 10: Elm FC 2–1 Oak SC" is a match
        return "scorer"
    if is_bullet(text):
        return "match" if bulleted_match(text) is not None else "list"
    if parse_date(stripped) is not None:
        return "date"
    if parse_match_line(stripped) is not None or dated_match(text) is not None:
        return "match"
    if not _LETTERS.search(stripped):
        return "other"
    return "paragraph"


def _led_by_date(stripped: str) -> bool:
    """Whether a line opens with a date or kick-off time (``September 10: ...``,
    ``19:45 ...``): scorers are led by a team, so such a line holds no scorers (it is a
    dated match, or a match-shaped line to report)."""
    head = stripped.split(": ", 1)[0] if ": " in stripped else ""
    first = stripped.split(None, 1)[0]
    return (bool(head) and parse_date(head) is not None) or bool(_KICK_OFF.match(first)) \
        or dated_match(stripped) is not None


def bulleted_match(text: str) -> tuple[MatchLine, int] | None:
    """A list item that is a match line (``- Elm FC 2–1 Oak SC``): the match and the index
    of its first character in ``text``."""
    bullet = _BULLET.match(text)
    if bullet is None:
        return None
    body = text[bullet.end():]
    parsed = parse_match_line(body.strip())
    if parsed is None:
        return None
    return parsed, bullet.end() + len(body) - len(body.lstrip())


def match_of(text: str) -> tuple[MatchLine | None, int | None]:
    """The match a match block's line holds and the index where it starts in ``text``."""
    parsed = parse_match_line(text.strip())
    if parsed is not None:
        return parsed, len(text) - len(text.lstrip())
    found = bulleted_match(text)
    return (found[0], found[1]) if found is not None else (None, None)


def dated_match(text: str) -> tuple[MatchLine, int, str, str] | None:
    """A match line led by its date or kick-off time (``September 10: Elm FC 2–1 Oak SC``,
    ``19:45 Elm FC 2–1 Oak SC``): the match, the index where it starts in ``text``, ``date``
    or ``time``, and the date or time as written. The longest such lead wins."""
    first = _WORD.search(text)
    if first is None or not _LEAD_START.match(first.group()):
        return None  # a date or a kick-off time opens with a digit, a weekday or a month
    # the lead's words and three after it (the least a match line has), no more
    words = list(islice(_WORD.finditer(text, first.start()), _MAX_LEAD_WORDS + 3))
    longest = min(len(words) - 3, _MAX_LEAD_WORDS)
    if longest < 1 or not any(map(str.isdigit, text[:words[longest - 1].end()])):
        return None
    for count in range(longest, 0, -1):
        lead = text[words[0].start():words[count - 1].end()].rstrip(_LEAD_END)
        kind = "date" if parse_date(lead) is not None else "time" if _KICK_OFF.match(lead) \
            else None
        if kind is None:
            continue
        parsed = parse_match_line(text[words[count].start():].strip())
        if parsed is not None:
            return parsed, words[count].start(), kind, lead
    return None


def _continues_value(text: str) -> bool:
    """A line under an infobox field that carries on its value (not a row, item, date or match)."""
    stripped = text.strip()
    return not (is_table_line(text) or is_bullet(text) or parse_date(stripped) is not None
                or parse_match_line(stripped) is not None)


def split_blocks(lines: list[Line]) -> list[Block]:
    """Group a section body's lines into blocks."""
    blocks: list[Block] = []
    index = 0
    previous: str | None = None
    # (index, kind): the line that ended the last run, classified after that run's kind,
    # which is what the next turn asks again
    known: tuple[int, str] | None = None
    while index < len(lines):
        line = lines[index]
        if _INFOBOX.match(line.text) and line.text.strip().lower() == "infobox":
            end = index + 1
            while end < len(lines) and not lines[end].too_long and lines[end].text.strip() and (
                _FIELD.match(lines[end].text) or _continues_value(lines[end].text)
            ):
                end += 1
            blocks.append(Block("infobox", lines[index:end]))
            index, previous = end, "infobox"
            continue
        kind = known[1] if known is not None and known[0] == index else _classify(line, previous)
        known = None
        if kind == "blank":
            index += 1
            previous = None
            continue
        if kind in ("table", "list", "paragraph", "comment", "scorer"):
            end = index + 1
            while end < len(lines):
                following = _classify(lines[end], kind)
                if following != kind:
                    known = (end, following)
                    break
                end += 1
            blocks.append(Block(kind, lines[index:end]))
            index = end
        else:
            block = Block(kind, [line])
            if kind == "match":
                dated = dated_match(line.text)
                if dated is not None:
                    block.match, block.match_at = dated[0], dated[1]
                    block.extra[dated[2]] = dated[3]
                else:
                    block.match, block.match_at = match_of(line.text)
            elif kind == "date":
                block.date = parse_date(line.text.strip())
            blocks.append(block)
            index += 1
        previous = kind
    return _attach_labels(_split_comma_lists(blocks))


def _is_label(block: Block) -> bool:
    if block.kind not in ("paragraph", "list") or len(block.lines) != 1 or block.label:
        return False  # a block with a label of its own would lose it
    text = block.lines[0].text.strip()
    return 0 < len(text) <= MAX_LABEL_CHARS and not text.endswith((".", ";")) \
        and near_match(text) is None  # a match the grammar missed stays a line of its own


def _attach_labels(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and block.kind in ("list", "table")
            and block.label is None
            and _is_label(prev)
            and prev.end_line + 1 == block.lines[0].number
            and not (prev.kind == "list" and block.kind == "list")
        ):
            out.pop()
            block.label = prev.lines[0]
        out.append(block)
    return out


def _split_comma_lists(blocks: list[Block]) -> list[Block]:
    """A paragraph whose lines are each one team name ending in a comma is a list.

    A first line ending in ``:`` (``Northern Region:``) becomes the list's label.
    """
    out: list[Block] = []
    for block in blocks:
        out.append(block)
        if block.kind != "paragraph" or len(block.lines) < 2:
            continue
        lines = block.lines
        label = lines[0] if lines[0].text.rstrip().endswith(":") else None
        items = [line.text.strip() for line in (lines[1:] if label else lines)]
        if len(items) < 2 or not all(item.endswith(",") for item in items[:-1]):
            continue
        if all(plausible_name(strip_tag(item.rstrip(",.")).split()) for item in items):
            block.kind = "list"
            block.extra["style"] = "comma"
            if label is not None:
                block.lines, block.label = lines[1:], label
    return out


def strip_tag(text: str) -> str:
    """``Elm FC (NPSL)`` -> ``Elm FC``: drop one trailing bracketed tag or state code."""
    return _TRAILING_TAG.sub("", text).strip()
