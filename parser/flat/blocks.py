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
_MAX_LEAD_WORDS = 7  # "Saturday, 31 August 2030, 7:30 pm EDT"
# how every lead parse_date or _KICK_OFF accepts begins (date.lark: WEEKDAY, MONTH, DAY)
_LEAD_START = re.compile(r"[0-9]|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|"
                         r"aug|sep|oct|nov|dec)", re.IGNORECASE)
_LEAD_END = ":,;–—- "
# a kick-off time: "19:45", "7.30 pm", "15h00", "19.45h", "7 pm", "at 19:45", "(19:45)",
# "7:30 p.m. EDT", "20:45 CET (UTC+1)", "15:00 local time (UTC+3)". Zones are written in
# capitals: a capitalised word after the time ("15:00 West Didsbury") is a team's.
_CLOCK = r"(?:[0-9]{1,2}[:.h][0-9]{2}h?(?:\s*[ap]\.?m\.?)?|[0-9]{1,2}\s*[ap]\.?m\.?)"
_OFFSET = r"(?-i:UTC|GMT)(?:\s*[-+−–]\s*[0-9]{1,2}(?::?[0-9]{2})?)?"
_ZONE = (rf"(?:{_OFFSET}|(?-i:[A-Z]{{2,3}}[SD]?T|[ECMP]T|MSK|WIB|WITA|WIT|SGT|HKT|IST)"
         r"|local(?:\s+time)?)")
_KICK_OFF = re.compile(
    rf"^(?:at\s+)?(?:\({_CLOCK}\)|{_CLOCK})(?:\s*{_ZONE})?(?:\s*\({_OFFSET}\))?$", re.I)
# a date line that also gives the time: "September 11, 2031 7:30 pm", "31 August 2030, 15:00"
_DATE_THEN_TIME = re.compile(
    r"^(?P<date>.*?[0-9a-z.])[\s,]+(?:[-–—]\s*)?"
    r"(?P<time>(?:at\s+)?\(?[0-9]{1,2}(?:[:.h][0-9]{2}|\s*[ap]\.?m)(?![0-9]).*)$", re.I)
# what every such time holds: a line without it is refused before the lazy pattern above,
# which would try each of its positions as the date's end
_CLOCK_HINT = re.compile(r"[0-9][:.h][0-9]|[0-9]\s*[ap]\.?m", re.I)
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
    if parse_date(stripped) is not None or date_and_time(stripped) is not None:
        return "date"
    if parse_match_line(stripped) is not None or dated_match(text) is not None:
        return "match"
    if not _LETTERS.search(stripped):
        return "other"
    return "paragraph"


def _led_by_date(stripped: str) -> bool:
    """Whether a line opens with a date or kick-off time (``September 10: ...``,
    ``19:45 ...``, ``March 7, 2031 7:30 pm ...``): scorers are led by a team, so such a
    line holds no scorers (it is a dated match, or a match-shaped line to report)."""
    return bool(_KICK_OFF.match(stripped.split(None, 1)[0])) or without_lead(stripped) is not None


def date_and_time(stripped: str) -> tuple[str, str] | None:
    """A date line that ends in the kick-off time (``September 11, 2031 7:30 pm``,
    ``Saturday, 31 August 2030, 15:00``): the date and the time, each as written."""
    if not _LEAD_START.match(stripped) or not _CLOCK_HINT.search(stripped):
        return None  # a date opens with a digit, a weekday or a month; a time has a clock
    found = _DATE_THEN_TIME.match(stripped)
    if found is None or not _KICK_OFF.match(found.group("time")):
        return None
    date = found.group("date")
    return (date, found.group("time")) if parse_date(date) is not None else None


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


def dated_match(text: str) -> tuple[MatchLine, int, dict[str, str]] | None:
    """A match line led by its date, kick-off time or both (``September 10: Elm FC 2–1
    Oak SC``, ``19:45 Elm FC 2–1 Oak SC``, ``March 7, 2031 7:30 pm: Elm FC 2–1 Oak SC``):
    the match, the index where it starts in ``text``, and the lead as written under
    ``date`` and/or ``time``. The longest such lead wins."""
    first = _WORD.search(text)
    if first is None or not _LEAD_START.match(first.group()):
        return None  # a date or a kick-off time opens with a digit, a weekday or a month
    # the lead's words and three after it (the least a match line has), no more
    words = list(islice(_WORD.finditer(text, first.start()), _MAX_LEAD_WORDS + 3))
    longest = min(len(words) - 3, _MAX_LEAD_WORDS)
    if longest < 1 or not any(map(str.isdigit, text[:words[longest - 1].end()])):
        return None
    for count in range(longest, 0, -1):
        lead = _lead(text[words[0].start():words[count - 1].end()].rstrip(_LEAD_END))
        if lead is None:
            continue
        parsed = parse_match_line(text[words[count].start():].strip())
        if parsed is not None:
            return parsed, words[count].start(), lead
    return None


def without_lead(text: str) -> str | None:
    """``text`` after the date or kick-off time it opens with (``March 7, 2031 7:30 pm:
    Elm FC ２-１ Oak SC``), or None when it opens with neither."""
    first = _WORD.search(text)
    if first is None or not _LEAD_START.match(first.group()):
        return None
    words = list(islice(_WORD.finditer(text, first.start()), _MAX_LEAD_WORDS + 1))
    for count in range(min(len(words) - 1, _MAX_LEAD_WORDS), 0, -1):
        if _lead(text[words[0].start():words[count - 1].end()].rstrip(_LEAD_END)) is not None:
            return text[words[count].start():]
    return None


def _lead(text: str) -> dict[str, str] | None:
    """What the words before a match's teams give: a date, a kick-off time, or both."""
    if parse_date(text) is not None:
        return {"date": text}
    if _KICK_OFF.match(text):
        return {"time": text}
    timed = date_and_time(text)
    return None if timed is None else {"date": timed[0], "time": timed[1]}


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
                    block.extra.update(dated[2])
                else:
                    block.match, block.match_at = match_of(line.text)
            elif kind == "date":
                stripped = line.text.strip()
                timed = date_and_time(stripped)
                if timed is not None:  # the date line also gives the kick-off time
                    block.extra["date"], block.extra["time"] = timed
                block.date = parse_date(stripped if timed is None else timed[0])
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
