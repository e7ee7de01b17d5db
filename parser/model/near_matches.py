"""Lines shaped like a match that the match grammar did not read, so they are not lost
as prose without a word (PA013).

The shape is the grammar's, loosened: words, a score of any digits with any dash between
them (``２-１``, ``٢-١``), words. A sentence (ending in ``.``, ``!``, ``?`` or ``:``), a long
line, or a side without letters is prose, not a near miss.
"""

from __future__ import annotations

import re
import unicodedata

from .team_names import plausible_name

MAX_NEAR_CHARS = 120
MAX_NEAR_WORDS = 14

_NEAR = re.compile(
    r"^(?P<home>\S.*?)\s+(?P<score>\d{1,3}\s*(?:\(\d{1,2}\)\s*)?(?P<dash>[^\w\s()])\s*"
    r"\d{1,3}(?:\s*\(\d{1,2}\))?)(?=\s)\s*(?P<away>\S.*)$")
# The other order: both teams, then the score ("Elm FC – Oak SC 2–1", "Elm - Oak 2:1").
_TEAMS_FIRST = re.compile(
    r"^(?P<home>\S.*?)\s+[-‐‑‒–—−]\s+(?P<away>\S.*?)\s+(?P<score>\d{1,3}\s*[-‐‑‒–—−:]\s*\d{1,3})$")
_LETTER = re.compile(r"[^\W\d_]")
_YEAR = re.compile(r"\b(1[89]|20)[0-9]{2}\b")
# A day range next to a month is a date ("13–14 April 2031", "April 13–14"), not a score.
_MONTH = re.compile(
    r"^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|"
    r"oct(ober)?|nov(ember)?|dec(ember)?)\.?,?$", re.IGNORECASE)


def near_match(text: str) -> str | None:
    """Why ``text`` looks like a match line the grammar could not read, or None.

    Call it only on lines that ``parse_match_line`` gave None for.
    """
    stripped = text.strip()
    if len(stripped) > MAX_NEAR_CHARS or stripped.endswith((".", "!", "?", ":", ";")):
        return None
    if len(stripped.split()) > MAX_NEAR_WORDS:
        return None
    first = _TEAMS_FIRST.match(stripped)
    if first is not None and _two_names(first.group("home"), first.group("away")) and all(
            plausible_name(first.group(side).split()) and not _YEAR.search(first.group(side))
            for side in ("home", "away")):
        return "the score comes after both teams, where the grammar reads team, score, team"
    match = _NEAR.match(stripped)
    if match is None:
        return None
    home, away, score = match.group("home"), match.group("away"), match.group("score")
    if not _two_names(home, away):
        return None
    dash = match.group("dash")
    if dash == ":" and re.fullmatch(r"\d{1,2}\s*:\s*\d", score):  # 19:45 is a time
        return "its score is written with a colon (2:1), which the grammar does not read " \
            "as a score because a kick-off time looks the same"
    if not unicodedata.category(dash).startswith(("Pd", "Sm")):
        return None
    if not score.isascii() and any(c.isdigit() and not c.isascii() for c in score):
        return "its score is written in non-ASCII digits, which are not read as goals"
    return "a team name does not read as a name (lower-case words, a word the grammar " \
        "reserves, or more than its words allow)"


def _two_names(home: str, away: str) -> bool:
    """Both sides have letters, open like names and are no month of a date."""
    if not (_LETTER.search(home) and _LETTER.search(away)):
        return False
    if not (_opens_name(home) and _opens_name(away)):
        return False
    return not (_MONTH.match(away.split()[0]) or _MONTH.match(home.split()[-1]))


def _opens_name(side: str) -> bool:
    first = side[0]
    return not (first.isalpha() and first.islower())
