"""Team names as keys: normalisation, and near misses between spellings.

``normalise`` folds case, accents, punctuation, the ``F.C.``/``FC``/``A F C`` forms,
``St.``/``St``/``Saint`` (and ``Sainte``/``Ste``) and ``Utd``/``United``, so
``Harpo's F.C.`` and ``Harpos FC`` share one key, as do ``St. Elm`` and ``Saint-Elm``.
The keys are for comparing only: the JSON keeps every name as written. ``near_miss``
says whether two different keys are probably one team misspelt (``Quarrington Rover FC``
for ``Quarrington Rovers FC``) and never pairs teams that differ by a number or a
reserve marker (``Portland Reds 2``, ``Sounders FC U-23``).

``rapidfuzz`` is imported only when some key could be a near miss at all (``KeyPool``
looks for pieces of the key first, ``holds_a_piece``): a document whose new names are
nowhere near the earlier ones never loads it (about a tenth of the start of ``scoreline
check``). Once it is loaded, the look costs about what it spares and is left out.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

MIN_RATIO = 90.0
MAX_EDITS = 2
_RESERVE = frozenset({
    "ii", "iii", "b", "c", "reserves", "reserve", "res", "academy", "youth", "juniors", "junior",
    "women", "ladies", "u17", "u18", "u19", "u20", "u21", "u23", "a",
})
# Words written in more than one form (after dots are dropped): one key for each.
_WORD_FORMS = {"saint": "st", "sankt": "st", "sainte": "ste", "utd": "united"}
_SPACED_LETTERS = re.compile(r"\b(?:[a-z] ){1,4}[a-z]\b")
_PUNCT = re.compile(r"[^\w\s]")
_DROPPED = re.compile(r"['’`.]")
_UNDER = re.compile(r"\bu (\d{2})\b")
# U+0300-U+036F less U+034F (the grapheme joiner, of combining class 0): all combining
_COMMON_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]")


@lru_cache(maxsize=16384)
def normalise(name: str) -> str:
    """A comparison key: ``La Máquina F.C.`` -> ``la maquina fc``; ``U-23`` -> ``u23``."""
    if name.isascii():  # NFKD changes no ASCII text and it has no combining marks
        text = name.lower()
    else:
        text = _without_marks(unicodedata.normalize("NFKD", name)).lower()
    if "&" in text:
        text = text.replace("&", " and ")
    if "football club" in text:
        text = text.replace("football club", "fc")
    if not text.replace(" ", "").isalnum():  # the substitutions change letters and digits alone
        text = _PUNCT.sub(" ", _DROPPED.sub("", text))
    words = text.split()
    if "saint" in text or "sankt" in text or "utd" in text:  # the words of _WORD_FORMS
        words = [_WORD_FORMS.get(word, word) for word in words]
    text = " ".join(words)
    if 1 in map(len, words):  # spaced letters and "u 23" need a 1-letter word
        text = _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), text)
        text = _UNDER.sub(r"u\1", text)
    return text


def _without_marks(text: str) -> str:
    """``text`` without its combining characters. Most are accents of the Combining
    Diacritical Marks block, removed at once: when nothing but ASCII is left, no other
    combining character was there."""
    stripped = _COMMON_MARKS.sub("", text)
    if stripped.isascii():
        return stripped
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _markers(key: str) -> frozenset[str]:
    return frozenset(t for t in key.split() if t in _RESERVE or any(c.isdigit() for c in t))


def holds_a_piece(text: str, key: str) -> bool:
    """Whether ``text`` holds one of the ``MAX_EDITS + 1`` pieces ``key`` is cut into. A key
    at most ``MAX_EDITS`` edits from ``key`` does (each edit touches at most one piece), so
    a text of keys that holds none has no near miss of ``key``."""
    count, start = MAX_EDITS + 1, 0
    for index in range(1, count + 1):
        end = len(key) * index // count
        if key[start:end] in text:
            return True
        start = end
    return False


@cache
def _rapidfuzz() -> tuple[Any, Any, Any]:
    """rapidfuzz's ``fuzz``, ``process`` and ``distance.Levenshtein``, imported on first use
    (once: an import statement in the functions would cost a lookup per call)."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    return fuzz, process, Levenshtein


def scoring_loaded() -> bool:
    """Whether rapidfuzz is imported (its scoring of a short pool costs about what
    ``holds_a_piece`` does: the look is worth it only while it spares the import)."""
    return "rapidfuzz.process" in sys.modules


def near_miss(first: str, second: str) -> bool:
    """Whether two different keys are probably one team spelt two ways."""
    if first == second or _markers(first) != _markers(second):
        return False
    fuzz, _, levenshtein = _rapidfuzz()
    if fuzz.ratio(first, second) < MIN_RATIO:
        return False
    return bool(levenshtein.distance(first, second) <= MAX_EDITS)


def closest(key: str, candidates: Iterable[str]) -> str | None:
    """The candidate key that is a near miss of ``key`` (the closest one), if any."""
    return closest_in(key, sorted(c for c in candidates if c != key))


def closest_in(key: str, pool: list[str]) -> str | None:
    """``closest`` over candidates already sorted and without ``key`` (sorting them once
    for many keys, instead of once per key, keeps a long document from going quadratic)."""
    if not pool:
        return None
    fuzz, process, _ = _rapidfuzz()
    found = process.extract(key, pool, scorer=fuzz.ratio, score_cutoff=MIN_RATIO, limit=3)
    for candidate, _, _ in found:
        if near_miss(key, candidate):
            return str(candidate)
    return None


class KeyPool:
    """Sorted candidate keys for ``closest_in``, indexed by length.

    A near miss is at most ``MAX_EDITS`` edits away, so at most that much longer or
    shorter: only the keys of a length in reach are scored first. When none of the best
    three of those is a near miss, none of the best three of all is either (the ones out
    of reach are no near misses, and the ones in reach rank among all as among
    themselves); when one is, the best three of all decide, as ``closest_in`` does. A
    document with thousands of teams scores each new key against a fraction of the pool.
    While rapidfuzz is not loaded, a key no key in reach ``holds_a_piece`` of is known to
    have no near miss without it (two thirds of the keys of the benchmark's documents).
    """

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys = sorted(keys)
        self._by_length: dict[int, list[int]] = {}
        for index, key in enumerate(self.keys):
            self._by_length.setdefault(len(key), []).append(index)
        self._in_reach: dict[int, list[str]] = {}  # key length -> the keys in reach, sorted
        self._reach_text: dict[int, str] = {}  # key length -> the keys in reach, joined

    def in_reach(self, size: int) -> list[str]:
        """The keys at most ``MAX_EDITS`` longer or shorter than ``size``, in sorted order
        (worked out once per length: the keys of a document cluster around a few)."""
        found = self._in_reach.get(size)
        if found is None:
            near = sorted(index for length in range(size - MAX_EDITS, size + MAX_EDITS + 1)
                          for index in self._by_length.get(length, ()))
            found = self._in_reach[size] = [self.keys[index] for index in near]
        return found

    def reach_text(self, size: int) -> str:
        """The keys of ``in_reach(size)`` joined by newlines: one text to look for pieces in."""
        found = self._reach_text.get(size)
        if found is None:
            found = self._reach_text[size] = "\n".join(self.in_reach(size))
        return found

    def closest(self, key: str) -> str | None:
        """What ``closest_in(key, self.keys)`` gives (``key`` not among the keys)."""
        if not self.keys:
            return None  # the pool of a document's first stage
        if not scoring_loaded() and not holds_a_piece(self.reach_text(len(key)), key):
            return None  # no key in reach holds a piece of ``key``: none is a near miss
        near = self.in_reach(len(key))
        if len(near) < len(self.keys) and closest_in(key, near) is None:
            return None
        return closest_in(key, self.keys)
