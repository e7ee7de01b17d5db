"""What a list or table is about when it is not about teams: prizes, scorers, links, ...

Two signs, either enough: the label above the block or a heading over it names a topic
that holds no entrants (``Prize fund``, ``Top scorers``, ``See also``, ``Broadcasting``), or
most of its items have the shape of that topic (money, a person with a goal count, a
citation, a link to a season or list article). ``entrants`` and the readers use it so that
such blocks stay lists and tables in the JSON, with a role that says what they hold, and
never give entrants.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

# Role -> words of a heading or label that name it. Matched as whole words, anywhere in
# the title, case-insensitively: "2031 prize money", "Top goalscorers", "Media coverage".
_TOPIC_WORDS: dict[str, str] = {
    "prizes": r"prizes?|prize money|prize fund|fund|purse|payouts?|financial|"
              r"distribution of money|revenue",
    "scorers": r"(?:top |leading )?(?:goal)?scorers?|goalscoring|assists|hat-tricks?|"
               r"clean sheets|discipline",
    "references": r"references|notes|footnotes|citations|sources|bibliography|further reading",
    "links": r"see also|external links|links",
    "broadcasting": r"broadcast(?:ing|ers?)?|television|tv|media|coverage|radio|streaming",
    "sponsors": r"sponsors?(?:hip)?|partners|kit suppliers?|suppliers",
    "officials": r"officials|referees|match officials|officiating",
    "awards": r"awards?|player of the (?:round|tournament|season|month)|golden boot|"
              r"team of the (?:tournament|season)",
    "venues": r"venues?|stadiums?|stadia|grounds",
}
_TOPICS = [(role, re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE))
           for role, words in _TOPIC_WORDS.items()]
ROLES = tuple(_TOPIC_WORDS)

# Shapes of single items.
_MONEY = re.compile(
    r"(?:^|[\s(])(?:[A-Z]{0,3}[$€£¥₹₩]|(?:USD|EUR|GBP|CHF|AUD|CAD)\s?)\s?[0-9]"
    r"|[0-9][0-9,.]*\s?(?:million|mn|m|bn|k)?\s?(?:USD|EUR|GBP|CHF|dollars|euros|pounds)\b")
# (each pattern opens with a lookahead on the characters its alternatives start with, so
# that a search skips the other positions at once)
_GOALS = re.compile(r"(?=[0-9])(?<![\w-])[0-9]{1,3}\s+goals?\b", re.IGNORECASE)
_CITATION = re.compile(r"(?=[\"“‘«RAI(])"
                       r"(?:^[\"“‘«]|\b(?:Retrieved|Archived from|ISBN)\b|\([0-9]{4}\)\.)")
_ARTICLE = re.compile(
    r"^(?:List of\b|[0-9]{4}(?:\s?[-–/][0-9]{2,4})?\s+\S.*\b(?:cup|league|championship|"
    r"tournament|season|finals?|trophy|qualification|qualifying|shield|series|competition)s?$)",
    re.IGNORECASE)
_URL = re.compile(r"^(?:https?://|www\.)\S+$|\b(?:official website|on twitter|on facebook)\b",
                  re.IGNORECASE)
# Header cells of a table that hold no entrants, whatever its club column says.
_HEADER_WORDS = (
    ("scorers", re.compile(r"^(?:players?|scorers?|goalscorers?|goals|assists)$", re.I)),
    ("prizes", re.compile(r"^(?:prize(?: money)?|amount|money|payout|purse)$", re.I)),
    ("broadcasting", re.compile(r"^(?:broadcasters?|channels?|networks?|tv)$", re.I)),
    ("officials", re.compile(r"^(?:referees?|officials?)$", re.I)),
    ("venues", re.compile(r"^(?:stadiums?|venues?|capacity)$", re.I)),
)
_SHAPES = (("prizes", _MONEY), ("scorers", _GOALS), ("references", _CITATION),
           ("links", _ARTICLE), ("links", _URL))


def title_topic(titles: Iterable[str | None]) -> str | None:
    """The role the first title naming a non-team topic gives (label, section, parents)."""
    for title in titles:
        role = _title_role(title) if title else None
        if role is not None:
            return role
    return None


@lru_cache(maxsize=1024)
def _title_role(title: str) -> str | None:
    """The role ``title`` names, if any (a section's title is asked again for each of its
    blocks and lines, and for those of the sections under it)."""
    for role, pattern in _TOPICS:
        if pattern.search(title):
            return role
    return None


def header_topic(columns: Iterable[str]) -> str | None:
    """The role a table's header cells give (``Player | Club | Goals`` holds scorers)."""
    for column in columns:
        for role, pattern in _HEADER_WORDS:
            if pattern.match(column.strip()):
                return role
    return None


def item_topic(text: str) -> str | None:
    """The role whose shape one item has (``$10,000``, ``Ann Lee – 7 goals``), or None."""
    for role, pattern in _SHAPES:
        if pattern.search(text):
            return role
    return None


def items_topic(items: Sequence[str]) -> str | None:
    """The role most of the items share by their shape, or None."""
    counts: dict[str, int] = {}
    for item in items:
        role = item_topic(item)
        if role is not None:
            counts[role] = counts.get(role, 0) + 1
    if not counts:
        return None
    role, count = max(counts.items(), key=lambda pair: pair[1])
    return role if count * 2 > len(items) else None
