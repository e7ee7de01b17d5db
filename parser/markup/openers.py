"""The markup openers and closers the planner pairs up, found quickly.

``TOKEN`` names every construct ``plan`` pairs (comments, templates, links, external
links, wikitables, tags). Searched as it is, the pattern is tried at every position of
the text, because two of its branches (a wikitable's ``{|`` and ``|}``) start with
``^`` and indentation; on a page with little markup that is most of the planner's
time. ``TokenSearch`` gives the same matches: every other branch starts with one of
``<{}[]``, so a match can only start at such a character or where a wikitable edge
stands; it jumps to the next of those and tries ``TOKEN`` there.
"""

from __future__ import annotations

import bisect
import re

TOKEN = re.compile(
    r"(?P<comment><!--)"
    r"|(?P<topen>\{\{)|(?P<tclose>\}\})"
    r"|(?P<lopen>\[\[)|(?P<lclose>\]\])"
    r"|(?P<eopen>\[(?=[A-Za-z][A-Za-z0-9+.\-]{0,20}:|//))"
    r"|(?P<wopen>^[ \t:]*\{\|)|(?P<wclose>^[ \t]*\|\})"
    r"|</(?P<cname>[A-Za-z][A-Za-z0-9]{0,30})[^<>\n]{0,200}>"
    r"|<(?P<oname>[A-Za-z][A-Za-z0-9]{0,30})(?P<attrs>[^<>]{0,500})(?P<gt>>)?",
    re.MULTILINE,
)
# where a branch of TOKEN can start: its first characters, and the wikitable edges
_FIRST = re.compile(r"[<{}\[\]]")
_TABLE_EDGE = re.compile(r"^[ \t:]*\{\||^[ \t]*\|\}", re.MULTILINE)


class TokenSearch:
    """``search(pos)`` is ``TOKEN.search(text, pos, end)``, for ``start <= pos``."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.end = end
        self.edges = [m.start() for m in _TABLE_EDGE.finditer(text, start, end)]

    def search(self, pos: int) -> re.Match[str] | None:
        """The first match of ``TOKEN`` at ``pos`` or after it."""
        text, end, edges = self.text, self.end, self.edges
        while True:
            found = _FIRST.search(text, pos, end)
            at = found.start() if found is not None else end
            if edges:
                index = bisect.bisect_left(edges, pos)
                if index < len(edges) and edges[index] < at:
                    at = edges[index]
            if at >= end:
                return None
            match = TOKEN.match(text, at, end)
            if match is not None:
                return match
            pos = at + 1
