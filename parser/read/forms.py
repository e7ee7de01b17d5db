"""Input forms: the flat form (primary) and raw MediaWiki wikitext; ``auto`` tells them apart.

Detection weighs signs each form has and the other lacks. Templates
(``{{...}}``), wikitable rows (``{|``, ``|-``, ``||``), ``<ref>`` tags and
``*`` bullets are wikitext; an ``Infobox`` line with ``- Key: value`` fields,
``| a | b |`` rows closed by a pipe and ``- `` bullets are the flat form (which
can carry leaked ``'''``, ``[[...]]`` or a stray ``|-``, so those weigh little).
When both forms have strong signs and neither outweighs the other, ``auto``
refuses to guess and asks for ``--from``.
"""

from __future__ import annotations

import re

from ..records import record

FORMS = ("auto", "flat", "wikitext")  # "auto" and the names of parser.readers.READERS
HEAD_CHARS = 200_000

# (pattern, weight): strong signs weigh 3, weak ones 1. A sign at the start of a line opens
# with the line end before it, and ``detect`` puts a line end in front of the text: that
# finds what ``^`` in MULTILINE mode would, as many times (no sign can end in a line end and
# then be followed by another at the next line's start), and faster, the regular-expression
# engine jumping from line end to line end instead of trying ``^`` at every character.
_WIKI_SIGNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\{\{[^{}|]{1,80}?(\||\}\})"), 3),
    (re.compile(r"\n[ \t]*\{\|"), 3),
    (re.compile(r"\n[ \t]*\|\}[ \t]*$", re.MULTILINE), 2),
    (re.compile(r"\n[ \t]*[|!][^|\n]*(\|\||!!)"), 2),
    (re.compile(r"<ref[ >]|</ref>|<references\s*/>", re.IGNORECASE), 3),
    (re.compile(r"\n\*+ ?\S"), 1),
    (re.compile(r"\[\[[^\]\n]+\]\]|'''"), 1),
)
_FLAT_SIGNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\nInfobox\s*$", re.MULTILINE), 6),
    (re.compile(r"\n- [A-Z][^:\n]{0,40}: "), 2),
    (re.compile(r"\n\|( [^|\n]*\|){2,}\s*$", re.MULTILINE), 2),
    (re.compile(r"\n- \S"), 1),
)


@record
class Detection:
    """The form ``auto`` chose (None when it cannot tell) and the weighed signs."""

    form: str | None
    wikitext: int
    flat: int

    @property
    def reason(self) -> str:
        """A sentence saying why, for messages."""
        return f"wikitext signs weigh {self.wikitext}, flat-form signs weigh {self.flat}"


def _weigh(text: str, signs: tuple[tuple[re.Pattern[str], int], ...]) -> tuple[int, int]:
    """(weight of strong signs, weight of weak signs)."""
    strong = weak = 0
    for pattern, weight in signs:
        found = len(pattern.findall(text)) * weight
        if weight > 1:
            strong += found
        else:
            weak += found
    return strong, weak


def detect(text: str) -> Detection:
    """Weigh both forms' signs in the first ``HEAD_CHARS`` characters.

    Strong signs of one form only decide for it; weak signs decide only when
    neither form has strong ones (plain prose is read as the flat form); strong
    signs of both decide when one side weighs at least twice the other.
    """
    head = "\n" + text[:HEAD_CHARS]  # the line end the signs at a line start open with
    wiki_strong, wiki_weak = _weigh(head, _WIKI_SIGNS)
    flat_strong, flat_weak = _weigh(head, _FLAT_SIGNS)
    wiki, flat = wiki_strong + wiki_weak, flat_strong + flat_weak
    if not wiki_strong and not flat_strong:
        return Detection("wikitext" if wiki_weak > flat_weak else "flat", wiki, flat)
    if not wiki_strong or flat >= 2 * wiki:
        return Detection("flat", wiki, flat)
    if not flat_strong or wiki >= 2 * flat:
        return Detection("wikitext", wiki, flat)
    return Detection(None, wiki, flat)


def detect_form(text: str) -> str:
    """``wikitext`` or ``flat``; a text that cannot be told apart counts as ``flat``."""
    return detect(text).form or "flat"
