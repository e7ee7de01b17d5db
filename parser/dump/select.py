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
