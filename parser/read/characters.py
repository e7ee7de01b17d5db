"""The input's character policy: which characters become a plain space and which are
removed before parsing (``Source`` keeps the columns true to the file). The markup layer
applies the same policy to the characters it decodes from entities."""

from __future__ import annotations

import re

# Removed before parsing (columns keep counting them): zero-width space, joiners,
# word joiner, BOM, soft hyphen, Mongolian vowel separator, LRM/RLM/ALM, bidi controls,
# and the C0 and C1 control characters other than tab and the line ends.
_ZERO_WIDTH = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u061c"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
)
_ZERO_WIDTH_RE = re.compile(f"[{_ZERO_WIDTH}]")
# Unicode space separators other than U+0020, and the line and paragraph separators
# (which are not line ends here): each becomes one plain space.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
    "\u202f\u205f\u3000\u2028\u2029"
_SPACE_TABLE = str.maketrans(dict.fromkeys(_SPACES, " "))
_SPACE_RE = re.compile(f"[{_SPACES}]")
# Any character the policy changes, or a lone surrogate (``Source`` refuses those): most
# texts have none, and one search for all of them is cheaper than one for each kind.
_SPECIAL_RE = re.compile(f"[{_SPACES}{_ZERO_WIDTH}" + r"\ud800-\udfff]")


def has_special(text: str) -> bool:
    """Whether ``text`` holds a character the policy changes or a lone surrogate."""
    return _SPECIAL_RE.search(text) is not None


def plain_spaces(text: str) -> str:
    """``text`` with every unicode space separator as one plain space (same length)."""
    return text.translate(_SPACE_TABLE) if _SPACE_RE.search(text) else text


def plain_characters(text: str) -> str:
    """``text`` under the character policy of the input: unicode spaces as one plain space,
    zero-width and control characters gone. For text the markup layer decodes from entities
    (``&thinsp;``, ``&zwj;``), so it reads as the same characters written raw would."""
    text = plain_spaces(text)
    return _ZERO_WIDTH_RE.sub("", text) if _ZERO_WIDTH_RE.search(text) else text


def strip_zero_width(text: str) -> tuple[str, dict[int, tuple[int, ...]]]:
    """``text`` without its zero-width and control characters, and per line the positions
    they were removed from (relative to the cleaned line, for ``Source.column``)."""
    if not _ZERO_WIDTH_RE.search(text):
        return text, {}
    lines = text.split("\n")
    removed: dict[int, tuple[int, ...]] = {}
    search = _ZERO_WIDTH_RE.search
    for number, line in enumerate(lines, start=1):
        if search(line) is None:
            continue
        positions = [m.start() for m in _ZERO_WIDTH_RE.finditer(line)]
        lines[number - 1] = _ZERO_WIDTH_RE.sub("", line)
        # store positions relative to the cleaned line, for ``Source.column``
        removed[number] = tuple(p - i for i, p in enumerate(positions))
    return "\n".join(lines), removed
