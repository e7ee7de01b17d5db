"""How the wiki layer hands text to mwparserfromhell without hitting its slow paths.

mwparserfromhell's tokenizer retries every opener that is never closed from
scratch, to the end of its input: 20,000 unclosed ``<ref>`` tags, 8,000
unclosed ``{{a|`` or 2,000 unclosed ``{|`` take tens of seconds, and the cost is
quadratic (cubic for tables) in the input length. Such openers end up as plain
text anyway, so a cheap linear pre-scan finds them first:

* ``plan`` tokenises the text (templates, links, external links, tags,
  comments, wikitables) and pairs openers with closers. An opener left without
  a closer is "unclosed".
* When the estimated cost of the unclosed openers is small and the text is not
  large, the whole text is parsed at once, exactly as written (the common case).
* Otherwise the unclosed openers are neutralised (their first characters
  swapped for lone surrogates, which no source text holds, the tokenizer reads
  as text and ``RESTORE`` turns back) and the text is parsed in units
  that end at line boundaries outside every closed construct, so no unit is
  much larger than ``UNIT_CHARS`` unless one construct is.
* Lines in ``Source.long_lines`` are never handed to mwparserfromhell.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from ..records import record
from .openers import TokenSearch

# A unit parsed in one go; larger only when a single closed construct is larger.
UNIT_CHARS = 64 * 1024
# Up to this size, text with cheap unclosed markup is parsed whole, as written.
WHOLE_CHARS = 1024 * 1024
# Estimated tokenizer cost (ns) above which unclosed openers are neutralised.
WHOLE_BUDGET_NS = 250_000_000
# The same for a short string parsed on its own (a cell, a title, a link's text).
SHORT_BUDGET_NS = 20_000_000
# Measured cost (ns) of one unclosed opener per character of input after it.
_COST_NS = {"template": 200, "table": 1500, "link": 40, "extlink": 200, "tag": 50,
            "comment": 20}
# Tags mwparserfromhell reads without a closing tag (definitions.SINGLE).
_SINGLE_TAGS = frozenset({"br", "wbr", "hr", "meta", "link", "img", "li", "dt", "dd", "th",
                          "td", "tr"})

# Lone high surrogates: the input policy refuses them in every source text, both
# tokenizers read them as plain text, and two of them side by side never form a pair.
_PLACEHOLDERS = {"{": chr(0xD800), "[": chr(0xD801), "<": chr(0xD802)}  # chr: see below
_NEUTRALISE = str.maketrans(_PLACEHOLDERS)
RESTORE = str.maketrans({v: k for k, v in _PLACEHOLDERS.items()})
# (escapes, not the characters themselves: mypyc refuses surrogates in string literals)
_HAS_PLACEHOLDER = re.compile(r"[\ud800-\udfff]")


@record(slots=True)
class Unit:
    """A slice ``[start, end)`` of the source text and what mwparserfromhell gets for it.

    ``text`` has the same length as the slice; ``parse`` is False for a long line,
    which is kept as written and never parsed.
    """

    start: int
    end: int
    text: str
    parse: bool = True


@record(slots=True)
class Plan:
    """Units covering the text in order; ``neutralised`` counts unclosed openers read as text."""

    units: tuple[Unit, ...]
    neutralised: int = 0
    first_offset: int | None = None
    first_token: str = ""

    @property
    def restores(self) -> bool:
        """Whether parsed text may hold placeholders that ``RESTORE`` must turn back."""
        return self.neutralised > 0


@dataclass
class _Scan:
    unclosed: list[tuple[int, int, str]]  # (offset, characters to neutralise, kind)
    closed: list[tuple[int, int]]  # spans of constructs with both ends


def _scan(text: str, start: int, end: int) -> _Scan:
    """Pair openers with closers in ``text[start:end]`` (offsets stay absolute)."""
    stacks: dict[str, list[tuple[int, int, str]]] = {}
    tags: dict[str, list[tuple[int, int, str]]] = {}
    closed: list[tuple[int, int]] = []
    unclosed: list[tuple[int, int, str]] = []
    pos = start
    search = TokenSearch(text, start, end).search
    while True:
        match = search(pos)
        if match is None:
            break
        kind = match.lastgroup
        at, after = match.start(), match.end()
        pos = after
        if kind == "comment":
            close = text.find("-->", after, end)
            if close < 0:
                unclosed.append((at, 1, "comment"))
            else:
                closed.append((at, close + 3))
                pos = close + 3
        elif kind in ("topen", "lopen", "wopen"):
            name = kind[0]
            width = 2 if kind != "wopen" else after - at
            stacks.setdefault(name, []).append((at, width, kind))
        elif kind in ("tclose", "lclose", "wclose"):
            stack = stacks.get(kind[0])
            if stack:
                closed.append((stack.pop()[0], after))
        elif kind == "eopen":
            line_end = text.find("\n", after, end)
            close = text.find("]", after, end if line_end < 0 else line_end)
            if close < 0:
                unclosed.append((at, 1, "extlink"))
            else:
                closed.append((at, close + 1))
        elif match.group("cname") is not None:
            stack = tags.get(match.group("cname").lower())
            if stack:
                closed.append((stack.pop()[0], after))
        else:
            name = match.group("oname").lower()
            attrs = match.group("attrs")
            if match.group("gt") is None:
                unclosed.append((at, 1, "tag"))  # a tag that never gets its '>'
            elif name not in _SINGLE_TAGS and not attrs.rstrip().endswith("/"):
                tags.setdefault(name, []).append((at, 1, "tag"))
            pos = at + 1  # attributes may hold markup of their own
    for kind_name, stack in stacks.items():
        label = {"t": "template", "l": "link", "w": "table"}[kind_name]
        unclosed.extend((at, width, label) for at, width, _ in stack)
    for stack in tags.values():
        unclosed.extend(stack)
    unclosed.sort()
    return _Scan(unclosed, closed)


def neutralise(text: str) -> str:
    """``text`` with costly unclosed openers neutralised (for strings parsed on their own).

    The result has the same length; apply ``RESTORE`` to text taken from its parse.
    Text that already holds a placeholder character is returned unchanged.
    """
    if not any(ch in text for ch in "{[<") or _HAS_PLACEHOLDER.search(text):
        return text
    found = _scan(text, 0, len(text))
    cost = sum(_COST_NS[kind] * (len(text) - at) for at, _, kind in found.unclosed)
    if cost <= SHORT_BUDGET_NS:
        return text
    chars = list(text)
    for at, width, _ in found.unclosed:
        for index in range(at, at + width):
            chars[index] = chars[index].translate(_NEUTRALISE)
    return "".join(chars)


def plan(text: str, line_starts: tuple[int, ...], long_lines: frozenset[int] = frozenset(),
         *, force_units: bool = False) -> Plan:
    """Decide how ``text`` goes to mwparserfromhell (see the module docstring).

    ``force_units`` always takes the neutralising, unit-by-unit path (for tests).
    """
    regions = _regions(text, line_starts, long_lines)
    scans = [(start, end, _scan(text, start, end)) for start, end, parse in regions if parse]
    cost = sum(_COST_NS[kind] * (end - at)
               for _, end, found in scans for at, _, kind in found.unclosed)
    if not force_units and not long_lines and len(text) <= WHOLE_CHARS and (
            cost <= WHOLE_BUDGET_NS):
        return Plan((Unit(0, len(text), text),))
    units: list[Unit] = []
    neutralised = 0
    first: tuple[int, int, str] | None = None
    by_start = {start: found for start, _, found in scans}
    for start, end, parse in regions:
        if not parse:
            units.append(Unit(start, end, text[start:end], parse=False))
            continue
        found = by_start[start]
        region = text[start:end]
        if found.unclosed:
            if _HAS_PLACEHOLDER.search(region):  # not from a Source: cannot restore, keep as text
                units.append(Unit(start, end, region, parse=False))
                continue
            chars = list(region)
            for at, width, _ in found.unclosed:
                for index in range(at - start, at - start + width):
                    chars[index] = chars[index].translate(_NEUTRALISE)
            region = "".join(chars)
            neutralised += len(found.unclosed)
            if first is None or found.unclosed[0][0] < first[0]:
                at, width, _ = found.unclosed[0]
                first = (at, width, text[at:at + max(width, 2) + 4].split("\n")[0])
        units.extend(_cut(region, start, found.closed, line_starts))
    return Plan(tuple(units), neutralised, first[0] if first else None,
                first[2] if first else "")


def _regions(text: str, line_starts: tuple[int, ...],
             long_lines: frozenset[int]) -> list[tuple[int, int, bool]]:
    """Runs of ordinary lines between long lines; each long line is a region of its own."""
    out: list[tuple[int, int, bool]] = []
    start = 0
    for number in sorted(long_lines):
        line_start = line_starts[number - 1]
        line_end = line_starts[number] if number < len(line_starts) else len(text)
        if line_start > start:
            out.append((start, line_start, True))
        out.append((line_start, line_end, False))
        start = line_end
    if start < len(text) or not out:
        out.append((start, len(text), True))
    return out


def _cut(region: str, start: int, closed: list[tuple[int, int]],
         line_starts: tuple[int, ...]) -> list[Unit]:
    """Split a region at line starts outside closed constructs, about ``UNIT_CHARS`` apart."""
    end = start + len(region)
    if len(region) <= UNIT_CHARS:
        return [Unit(start, end, region)]
    spans = sorted(closed)
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    units: list[Unit] = []
    unit_start = start
    span_index = 0
    first_line = bisect.bisect_right(line_starts, start)
    for boundary in line_starts[first_line:]:
        if boundary >= end:
            break
        if boundary - unit_start < UNIT_CHARS:
            continue
        while span_index < len(merged) and merged[span_index][1] <= boundary:
            span_index += 1
        if span_index < len(merged) and merged[span_index][0] < boundary:
            continue  # inside a closed construct
        units.append(Unit(unit_start, boundary, region[unit_start - start:boundary - start]))
        unit_start = boundary
    units.append(Unit(unit_start, end, region[unit_start - start:]))
    return units


def parse_wikicode(text: str) -> Any:
    """A drop-in for ``mwparserfromhell.parse(text, skip_style_tags=True)`` without its slow
    paths (see ``parse_planned``)."""
    return parse_planned(text)[0]


def parse_planned(text: str) -> tuple[Any, Any]:
    """One mwparserfromhell tree without the tokenizer's slow paths, and the plan used
    (its ``neutralised``, ``first_offset`` and ``first_token`` say what was read as text),
    for readers that want one tree (the wikitext form).

    The text is planned as for the flat form (without long lines); when openers were
    neutralised, the units are parsed one by one, joined into one ``Wikicode``, and every
    text node gets its characters back, so ``str(result) == text`` always holds.
    """
    import mwparserfromhell
    from mwparserfromhell.nodes import Text
    from mwparserfromhell.wikicode import Wikicode

    starts = [0, *(m.end() for m in re.finditer("\n", text) if m.end() < len(text))]
    layout = plan(text, tuple(starts))
    if len(layout.units) == 1 and not layout.restores:
        return mwparserfromhell.parse(text, skip_style_tags=True), layout
    nodes: list[Any] = []
    for unit in layout.units:
        nodes.extend(mwparserfromhell.parse(unit.text, skip_style_tags=True).nodes)
    code = Wikicode(nodes)
    if layout.restores:
        for node in code.filter(recursive=True, forcetype=Text):
            if _HAS_PLACEHOLDER.search(node.value):
                node.value = node.value.translate(RESTORE)
    return code, layout
