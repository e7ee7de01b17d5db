"""Team names as written: which words a club name may hold, and what a bracketed part is.

Club names in every European language hold lower-case particles (``Avenir de l'Étoile``,
``Fraternelle des Chemniots``, ``Weston super Mare``, ``Rot-Weiß an der Ems``). They may
stand anywhere *inside* a name, never first (``de Elm`` is prose) nor last (``Elm de`` is a
cut-off name); an elided particle (``l'``, ``d'``, ``dell'``) joins the word after it and
needs a capital there (``l'Étoile``). Any other lower-case word makes the words prose
(``Elm won 3-2 on aggregate.``).

A bracketed part after a name (``classify_paren``) is a tier ``(9)``, a league tag
``(NPSL)``, a place that tells two clubs apart and so belongs to the name
``Wingate (Durham)``, or a note ``(Cedar disqualified)``.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum

MAX_SIDE_WORDS = 10
MAX_PLACE_WORDS = 4

# Lower-case words that real club names hold between their capitalised words.
PARTICLES = frozenset({
    # Romance: French, Spanish, Portuguese, Italian, Catalan
    "de", "des", "du", "del", "dels", "della", "delle", "dello", "degli", "dei", "di", "da",
    "do", "dos", "das", "la", "le", "les", "los", "las", "lo", "el", "y", "e", "et", "i",
    "en", "sur", "sous", "lès", "sul", "al",
    # Germanic: Dutch, German, Scandinavian, English
    "van", "von", "der", "den", "het", "ter", "te", "aan", "op", "am", "an",
    "zu", "zum", "und", "bei", "ob", "og", "och", "of", "the", "and", "upon", "on", "super",
    "'n'", "'t", "bin",
})
# An elided particle written onto the next word: ``l'Étoile``, ``d'Ornano``, ``dell'Olmo``.
_ELIDED = re.compile(r"^(?:l|d|dell|dall|all|nell|sull|degl)['’](?=[^\W\d_])", re.I)
# Lower-case abbreviations that end German club names (``e.V.``).
_LOWER_ABBREVIATIONS = frozenset({"e.v."})
_FIRST_MARKS = "'\"[&.„‚"
# Curly and angle quotation marks, opening or closing (“Elm” FC, «Oak» SC, ”Ash” in
# Swedish use): a nickname in quotes may open a name as straight quotes do.
_QUOTE_CATEGORIES = ("Pi", "Pf")


class ParenKind(Enum):
    """What a bracketed part after a team name is."""

    TIER = "tier"
    TAG = "tag"
    PLACE = "place"
    NOTE = "note"


_TIER = re.compile(r"^[0-9]{1,2}$")
_TAG = re.compile(r"^[A-Z][A-Za-z0-9.&/-]{0,11}$")
# A capitalised word of a place name: ``Durham``, ``Saint-Étienne``, ``Isle``, ``O'Hara``.
_PLACE_WORD = re.compile(r"^[^\W\d_a-z][^\W\d_]*[a-zà-ÿ][^\W\d_]*(?:[-'’][^\W\d_]+)*$")
# Capitalised words that say something about a team rather than name a place.
_NOTE_WORDS = frozenset({
    "holders", "holder", "champions", "champion", "winners", "winner", "losers", "loser",
    "runners-up", "hosts", "host", "withdrew", "withdrawn", "disqualified", "expelled",
    "scratched", "replay", "walkover", "bye", "home", "away", "neutral", "played", "at",
    "tier", "level", "league", "division", "conference", "premier", "amateur", "regional",
    "national", "reserve", "reserves", "women", "youth", "new", "defending", "title",
    "cup", "qualifier", "qualifiers", "seeded", "unseeded", "promoted", "relegated",
    "liga", "ligue", "serie", "divisie", "klasse", "oberliga", "landesliga", "bezirksliga",
    "kreisliga", "verbandsliga", "regionalliga", "scr", "wd", "res", "aet", "agg", "pens",
    "pen", "og", "ot", "asdet", "pso", "penalties", "aggregate", "golden", "silver",
    "report", "details", "highlights", "video", "summary", "notes", "note", "ref", "source",
    "final", "round", "match", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "abd", "postponed", "void",
})


def _is_inner_word(word: str) -> bool:
    """A word that may stand inside a name but not open it: a particle, or an elided
    particle on a capitalised word (``l'Étoile``; ``l'étoile`` is prose)."""
    if word.lower() in PARTICLES:
        return True
    elided = _ELIDED.match(word)
    return elided is not None and word[elided.end()].isupper()


def _is_capital_word(word: str) -> bool:
    """A word that may open a name: capitalised, a number, or led by a mark (``'s``)."""
    first = word[0]
    return first.isupper() or first.isdigit() or not first.isalpha()


def plausible_name(words: list[str]) -> bool:
    """Whether words read as a club name rather than prose.

    The first word is capitalised, a number or led by a mark; particles (``de``, ``l'``,
    ``an der``) stand only between name words; any other lower-case word is prose.
    """
    if not words or len(words) > MAX_SIDE_WORDS:
        return False
    if not any(map(str.isalpha, "".join(words))):
        return False
    first = words[0][0]
    if not (first.isupper() or first.isdigit() or first in _FIRST_MARKS
            or unicodedata.category(first) in _QUOTE_CATEGORIES):
        return False
    last = len(words) - 1
    for index, word in enumerate(words):
        if _is_capital_word(word):
            continue
        if index == last:  # a name ends in a name word (or ``e.V.``), never in a particle
            if word.lower() in _LOWER_ABBREVIATIONS and index > 0:
                continue
            if not (_ELIDED.match(word) and _is_inner_word(word)):
                return False
        elif not _is_inner_word(word):
            return False
    return True


def classify_paren(inner: str) -> ParenKind:
    """``9`` -> tier, ``NPSL`` -> tag, ``Durham`` -> place, ``Cedar disqualified`` -> note."""
    text = inner.strip()
    if _TIER.match(text):
        return ParenKind.TIER
    if _TAG.match(text) and text.upper() == text:
        return ParenKind.TAG
    if _is_place(text):
        return ParenKind.PLACE
    return ParenKind.NOTE


def _is_place(text: str) -> bool:
    """One to four capitalised words (particles between them) that name no outcome."""
    words = text.split()
    if not words or len(words) > MAX_PLACE_WORDS:
        return False
    if any(w.lower().strip(".,") in _NOTE_WORDS for w in words):
        return False
    last = len(words) - 1
    for index, word in enumerate(words):
        if _PLACE_WORD.match(word):
            continue
        if index == 0 or not _is_inner_word(word):
            return False
        if index == last and not _ELIDED.match(word):
            return False
    return True
