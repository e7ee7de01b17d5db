"""Quick word tests ahead of case-blind regular expressions.

A pattern compiled with ``re.IGNORECASE`` that needs a word (``aggregate``, ``teams``)
cannot match a text whose lower-cased form lacks that word, so the pattern need not be
tried. That holds as long as no character of the text folds to an ASCII letter under
``re.IGNORECASE`` without lower-casing to it: exactly four do (``İ``, ``ı``, ``ſ`` and
the Kelvin sign), and a text holding one of them is tested as if it held every word.
"""

from __future__ import annotations

import re

_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def caseless(text: str) -> str | None:
    """``text`` lower-cased for ``holds``; None when it has a character ``re.IGNORECASE``
    matches to an ASCII letter it does not lower-case to."""
    if not text.isascii() and _FOLDS_TO_ASCII.search(text):
        return None
    return text.lower()


def holds(lowered: str | None, *words: str) -> bool:
    """Whether a case-blind pattern may find one of ``words`` (lower-case ASCII) in the text
    ``caseless`` gave ``lowered`` for: False only when it certainly cannot."""
    return lowered is None or any(word in lowered for word in words)
