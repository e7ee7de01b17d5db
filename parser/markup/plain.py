"""Text the wiki tokenizer would read as nothing but text and headings, recognised without it.

mwparserfromhell (and importing it, with the ``importlib.metadata`` its ``__init__`` loads)
costs a large share of the start of ``scoreline check`` on one flat file, while most flat
files hold no wiki markup at all. Outside headings, the tokenizer makes a node of anything
but text only at a few places (with ``skip_style_tags``, as the wiki layer parses):

* an opener: ``{`` (templates, arguments, tables), ``[`` (links, external links), ``<``
  (tags, comments);
* ``&`` before a letter, a digit or ``#`` (a character reference);
* ``#``, ``*``, ``;`` or ``:`` at the start of a line (lists), ``----`` there (a rule);
* a free external link: ``:`` after a letter (every scheme the tokenizer knows, such as
  ``http`` or ``mailto``, ends in one) followed by something other than a space or the end
  of the line.

``is_plain`` is True when the text holds none of them. The test is conservative (``a:b``
is refused whatever the word before the colon, ``19:30`` is not): text it refuses simply goes to the
tokenizer. For plain text, ``headings`` finds the headings as the tokenizer does: a line
that starts with ``=`` and has another run of ``=`` after the first one is a heading that
ends with the last run on the line; its level is the smaller of the two runs (at most 6),
and the ``=`` that one run has beyond the level belong to the title. Whatever follows the
last run on the line is text. ``tests/test_plain_markup.py`` holds this against
mwparserfromhell itself.
"""

from __future__ import annotations

import re

from ..records import record

# The signs but the free link, each searched on its own (the regular-expression engine
# then jumps to the characters a sign can start with), those at a line start after a line
# end put in front of the text; a free link is looked for from its colon.
_NOT_PLAIN = (re.compile(r"[{\[<]"), re.compile(r"&[#A-Za-z0-9]"),
              re.compile(r"\n(?:[#*;:]|----)"))
_LINK_COLON = re.compile(r":(?![ \n]|\Z)")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_HEADING_LINE = re.compile(r"\n(=+)([^\n]*)")  # searched after a line end put in front
_LAST_RUN = re.compile(r"(=+)[^=]*\Z")
MAX_LEVEL = 6


@record(slots=True)
class PlainHeading:
    """A heading of plain text: ``text[start:end]`` is the heading as written (its ``=`` runs
    included, what follows the last run excluded); ``title`` is the text between the
    level's ``=`` runs."""

    start: int
    end: int
    level: int
    title: str


def is_plain(text: str) -> bool:
    """Whether the tokenizer would make nothing of ``text`` but text and headings."""
    lined = "\n" + text
    if any(sign.search(lined) for sign in _NOT_PLAIN):
        return False
    return not any(lined[colon.start() - 1] in _ASCII_LETTERS
                   for colon in _LINK_COLON.finditer(lined))


def headings(text: str) -> list[PlainHeading]:
    """The headings of ``text``, in order (``text`` must be plain: see ``is_plain``)."""
    found: list[PlainHeading] = []
    for line in _HEADING_LINE.finditer("\n" + text):  # positions one on in that text
        opening = len(line.group(1))
        rest = line.group(2)
        last = _LAST_RUN.search(rest)
        if last is None:
            continue  # no closing run: the tokenizer gives up at the end of the line
        closing = len(last.group(1))
        level = min(opening, closing, MAX_LEVEL)
        title = ("=" * (opening - level) + rest[:last.start()]
                 + "=" * (closing - level))
        found.append(PlainHeading(line.start(1) - 1, line.start(2) - 1 + last.end(1), level,
                                  title))
    return found
