"""Which pages of a dump are converted: a fast pre-filter for football competition pages.

Most pages of a wiki are not football competitions; parsing each one would cost about
hundred times what reading it does. The pre-filter looks only at the raw text for the
markup competition pages are made of, and lets a page through on any one of:

* a match box: ``{{Football box``, ``{{footballbox collapsible``, ``{{#invoke:Football box``;
* a two-legged or one-legged tie row: ``{{TwoLegResult``, ``{{TwoLegStart``,
  ``{{OneLegResult``, ``{{OneLegStart``;
* a football infobox other than a person's, a club's or a ground's
  (``{{Infobox football tournament season``, ``{{Infobox international football
  competition``, ``{{Infobox football league season``, ``{{Infobox football match``, ...);
* a standings or results module: ``{{#invoke:Sports table``, ``{{#invoke:Sports results``,
  and the older ``{{Fb cl team``/``{{Fb cl2 team``/``{{Fb r header`` families;
* a bracket: ``{{16TeamBracket``, ``{{8TeamBracket-2legs``, ``{{Round16``,
  ``{{#invoke:RoundN``;
* a results table: a wikitable header cell naming ``Home team``, ``Team 1`` or ``Agg.``.

Names are matched case-insensitively, with spaces or underscores. Its false-negative rate
on the bundled wikitext samples wrapped as pages is 0 (``tests/dump/test_select.py``
measures it); what it lets through by mistake costs only time, since the wikitext
reader decides what is there. ``--title REGEX`` selects by title instead, ``--all``
takes every page.

Before any of that, ``might_be_competition`` looks at a page's raw XML bytes with
``RAW_PREFILTER``, a looser form of the same signals: a ``{{`` (spaces allowed) followed by
the first word of a template signal (``football``, ``infobox``, ``#invoke:`` then
``sports``, a digit, ...), or a ``!`` followed on its line by ``home team``, ``team 1`` or
``agg.``. Each signal needs one of these in the text, and none of their characters is
one XML escapes, so it is a necessary condition, not a guess, as long as the dump writes
characters as themselves but for ``&<>"`` and spaces (MediaWiki does); bytes match
case-insensitively as ``IGNORECASE`` does on text (``tests/dump/test_select.py`` checks
which non-ASCII characters that takes in). Most pages of a wiki stop there, before they
are parsed as XML (``scan.py``), for about a twentieth of the regex on the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_S = r"[ _]*"
SIGNALS: dict[str, str] = {
    "match box": rf"\{{\{{\s*(?:#invoke:\s*)?football{_S}box",
    "tie row": rf"\{{\{{\s*(?:two|one){_S}leg{_S}(?:result|start)",
    "football infobox": (rf"\{{\{{\s*infobox(?!{_S}(?:football|soccer){_S}"
                         rf"(?:biography|club|official|ground|manager|player|person|venue))"
                         r"[^|}\n]{0,60}?(?:football|soccer|futsal)"),
    "sports module": rf"\{{\{{\s*#invoke:\s*sports{_S}(?:table|results|rbr)",
    "football table template": rf"\{{\{{\s*fb{_S}(?:cl2?|r|rs){_S}(?:team|header|footer)",
    "bracket": (rf"\{{\{{\s*(?:\d+{_S}(?:team|round){_S}bracket|round{_S}\d+\b"
                r"|#invoke:\s*roundn)"),
    "results table": r"(?m:^)[ \t]*!.*?\b(?:home team|team 1|agg\.)",
}
_PREFILTER = re.compile("|".join(f"(?:{p})" for p in SIGNALS.values()), re.IGNORECASE)
_EACH = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in SIGNALS.items()}


# What ``\s`` matches in a str beyond ASCII, as UTF-8 (and the character references an
# XML writer may use for a space); the bytes pattern below cannot use ``\s`` alone.
UNICODE_SPACES = "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008" \
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_RAW_S = (rb"(?:\s|&\#[0-9]+;|&\#x[0-9a-fA-F]+;|"
          + b"|".join(re.escape(c.encode()) for c in UNICODE_SPACES) + rb")*")
# The only non-ASCII letters IGNORECASE takes for an ASCII one (tests/dump/test_scan.py
# checks this over all of Unicode for the letters of the words below).
NON_ASCII_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _raw_word(word: str) -> bytes:
    """``word`` as a bytes pattern matching it as ``IGNORECASE`` does in a str."""
    out = b""
    for char in word:
        folds = NON_ASCII_FOLDS.get(char, "")
        alternatives = [re.escape(char.encode()), *(re.escape(f.encode()) for f in folds)]
        out += alternatives[0] if not folds else b"(?:" + b"|".join(alternatives) + b")"
    return out


# The words that can follow "{{" in a signal: each signal's first word; a digit outside
# ASCII starts with a byte from 0x80 up.
RAW_WORDS = ("football", "two", "one", "infobox", "sports", "fb", "round")
RAW_PREFILTER = re.compile(
    rb"\{\{" + _RAW_S + rb"(?:" + _raw_word("#invoke:") + _RAW_S + rb")?(?:"
    + b"|".join(_raw_word(w) for w in RAW_WORDS) + rb"|[0-9]|[\x80-\xff])"
    + rb"|![^\n]*?(?:" + b"|".join(_raw_word(w) for w in ("home team", "team 1", "agg."))
    + rb")", re.IGNORECASE)


def might_be_competition(raw: bytes) -> bool:
    """False only when ``raw`` (a page's XML, UTF-8) cannot match the pre-filter."""
    return RAW_PREFILTER.search(raw) is not None


def looks_like_competition(text: str) -> bool:
    """Whether the page's wikitext has any of the markup of a football competition page."""
    return _PREFILTER.search(text) is not None


def signals(text: str) -> list[str]:
    """The names of the signals that let ``text`` through (for reports and tests)."""
    return [name for name, pattern in _EACH.items() if pattern.search(text)]


@dataclass(frozen=True)
class Selection:
    """How pages are chosen: every page (``everything``), by title regex, or the pre-filter.

    With ``title`` set, a page is selected when the regex matches its title (searched,
    not anchored); the pre-filter is then not used.
    """

    everything: bool = False
    title: str | None = None

    def might_choose(self, raw: bytes) -> bool:
        """Whether the page whose raw XML is ``raw`` needs parsing at all: False only
        when ``chooses`` would be False for it (the pre-filter's necessary words)."""
        if self.everything or self.title is not None:
            return True
        return might_be_competition(raw)

    def chooses(self, title: str, text: str) -> bool:
        """Whether a page is converted."""
        if self.everything:
            return True
        if self.title is not None:
            return _title_pattern(self.title).search(title) is not None
        return looks_like_competition(text)


_TITLES: dict[str, re.Pattern[str]] = {}


def _title_pattern(pattern: str) -> re.Pattern[str]:
    compiled = _TITLES.get(pattern)
    if compiled is None:
        compiled = _TITLES[pattern] = re.compile(pattern)
    return compiled
