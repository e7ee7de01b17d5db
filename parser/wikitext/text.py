"""Wikitext to plain text: links, tags, entities and templates reduced to what a reader sees.

``render`` walks mwparserfromhell nodes and returns their text, while a
``Rendering`` collects what the text alone would lose: references removed
(``<ref>``, ``{{cite ...}}``, counted), footnote texts (``{{refn|...}}``, kept as
notes), flag codes (``{{flagicon|USA}}``), and unknown templates with their
offsets so the builder can report them. Offsets are summed from node lengths
(``markup.lengths``), since nodes carry no positions.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from ..markup.lengths import contents_offset, length
from ..markup.plan import parse_wikicode
from ..model.country_codes import country_name

_QUOTES = re.compile(r"'{2,}")
BOX_NAMES = re.compile(r"^(football ?box|footballbox)( collapsible)?$|^#invoke:football ?box$")
# result rows and their frames (``{{TwoLegResult}}``, ``{{OneLegStart}}``): read as matches
ROW_NAMES = re.compile(r"^(two|one)[ _-]?leg[ _-]?(result|start|end|header)$")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_MINUTE = re.compile(r"^[0-9]{1,3}(\+[0-9]{1,2})?['′]?$")
_HIDDEN_NAMESPACES = re.compile(r"^\s*:?\s*(category|file|image|media)\s*:", re.IGNORECASE)


@dataclass
class Rendering:
    """What rendering removed from the text but must not be lost."""

    refs: int = 0
    notes: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    unknown: list[tuple[str, int]] = field(default_factory=list)


def template_name(template: Template) -> str:
    """Normalised template name: lower case, ``_`` as space, no ``Template:`` prefix."""
    name = str(template.name)
    if "<!--" in name:
        name = re.sub(r"<!--.*?-->", "", name, flags=re.DOTALL)
    name = " ".join(name.replace("_", " ").split()).lower()
    if name.startswith("template:"):
        name = name[len("template:"):].strip()
    if name.startswith("#invoke:"):
        name = "#invoke:" + name[len("#invoke:"):].strip()
    return name


def positional(template: Template) -> list[Any]:
    """The positional (unnamed) parameters of a template, in order."""
    return [p for p in template.params if not p.showkey]


def param_offsets(template: Template, offset: int) -> list[tuple[Any, int, int]]:
    """(parameter, offset of its name, offset of its value) for each parameter.

    ``str(template)`` is ``{{`` + name + (``|`` + param)* + ``}}`` and a parameter is
    ``name=value`` or just ``value``, so every offset follows from string lengths.
    """
    out = []
    pos = offset + 2 + length(template.name)
    for param in template.params:
        pos += 1
        value_at = pos + length(param.name) + 1 if param.showkey else pos
        out.append((param, pos, value_at))
        pos += length(param)
    return out


def param_offset(template: Template, offset: int, param: Any) -> int:
    """Offset of ``param``'s value."""
    for item, _, value_at in param_offsets(template, offset):
        if item is param:
            return value_at
    return offset


def render(code: Wikicode | str, offset: int = 0, out: Rendering | None = None) -> str:
    """The plain text of wikicode (``str`` input is parsed first)."""
    if isinstance(code, str):
        parsed: Wikicode = parse_wikicode(code)
        code = parsed
    out = out if out is not None else Rendering()
    parts: list[str] = []
    for node in code.nodes:
        parts.append(render_node(node, offset, out))
        offset += length(node)
    return "".join(parts)


def strip_quotes(text: str) -> str:
    """Remove bold and italic quote runs (``'''``, ``''``)."""
    return _QUOTES.sub("", text) if "''" in text else text


def tidy(text: str) -> str:
    """Collapse whitespace (newlines included) and strip."""
    return " ".join(strip_quotes(text).split())


def render_node(node: Any, offset: int, out: Rendering) -> str:
    """The text of one node."""
    if isinstance(node, Text):
        return str(node.value)
    if isinstance(node, Comment):
        return ""
    if isinstance(node, Template):
        return render_template(node, offset, out)
    if isinstance(node, Wikilink):
        return _link(node, offset, out)
    if isinstance(node, ExternalLink):
        if node.title is None:
            return str(node.url) if not node.brackets else ""
        title_at = offset + 1 + length(node.url) + (0 if node.suppress_space else 1)
        return render(node.title, title_at, out)
    if isinstance(node, HTMLEntity):
        return html.unescape(str(node)).replace("\u00a0", " ")
    if isinstance(node, Tag):
        return _tag(node, offset, out)
    if isinstance(node, Heading):
        return render(node.title, offset + node.level, out)
    if isinstance(node, Argument):
        return render(node.default, offset, out) if node.default is not None else ""
    return str(node)


def _link(node: Wikilink, offset: int, out: Rendering) -> str:
    title = str(node.title)
    if _HIDDEN_NAMESPACES.match(title):
        return ""
    if node.text is not None:
        return render(node.text, offset + 2 + len(title) + 1, out)
    return render(node.title, offset + 2, out).lstrip(":").split("#")[0] or title


_SELF_CLOSED = {"br": "\n", "hr": "\n", "wbr": ""}
_DROPPED_TAGS = {"ref", "section", "references", "math", "gallery", "timeline", "templatestyles",
                 "score", "graph", "mapframe", "maplink", "noinclude"}


def _tag(node: Tag, offset: int, out: Rendering) -> str:
    name = str(node.tag).strip().lower()
    if name == "ref":
        out.refs += 1
        return ""
    if name in _SELF_CLOSED:
        return _SELF_CLOSED[name]
    if node.wiki_markup:
        return ""  # list, table and rule markup is structure, not text
    if name in _DROPPED_TAGS or node.self_closing or node.contents is None:
        return ""
    if name in ("nowiki", "pre"):
        return str(node.contents)
    return render(node.contents, contents_offset(node, offset), out)


# ---- templates ----------------------------------------------------------------------


def _first(template: Template, offset: int, out: Rendering) -> str:
    params = positional(template)
    return render(params[0].value, param_offset(template, offset, params[0]), out) if params else ""


def _last(template: Template, offset: int, out: Rendering) -> str:
    params = positional(template)
    if not params:
        return ""
    return render(params[-1].value, param_offset(template, offset, params[-1]), out)


def _second_or_first(template: Template, offset: int, out: Rendering) -> str:
    params = positional(template)
    use = params[1] if len(params) > 1 else (params[0] if params else None)
    return "" if use is None else render(use.value, param_offset(template, offset, use), out)


def _flag_icon(template: Template, offset: int, out: Rendering) -> str:
    code = tidy(_first(template, offset, Rendering()))
    if code:
        out.flags.append(code)
    return ""


def _flag_team(template: Template, offset: int, out: Rendering) -> str:
    """``{{fb|ENG}}``, ``{{flag|USA}}``: a flag and a name: ``name=``, else the country the
    code stands for (``country_codes``), else the code itself. ``{{fbu|20|ENG}}`` (an age
    group, then the code) is ``England U20``."""
    values = [tidy(render(p.value, 0, Rendering())) for p in positional(template)[:2]]
    age = ""
    if template_name(template).startswith("fbu") and len(values) == 2 and values[0].isdigit():
        age, values = values[0], values[1:]
    code = values[0] if values else ""
    if code:
        out.flags.append(code)
    if template.has("name"):
        param = template.get("name")
        return render(param.value, param_offset(template, offset, param), out)
    name = country_name(code) or code
    return f"{name} U{age}" if age and name else name


def _footnote(template: Template, offset: int, out: Rendering) -> str:
    out.refs += 1
    note = tidy(_first(template, offset, out))
    if note:
        out.notes.append(note)
    return ""


def _citation(template: Template, offset: int, out: Rendering) -> str:
    out.refs += 1
    return ""


def _nothing(template: Template, offset: int, out: Rendering) -> str:
    return ""


def _goal(template: Template, offset: int, out: Rendering) -> str:
    """``{{goal|23|pen.|67}}`` -> ``23' (pen.), 67'``: minutes, each with an optional note.

    The template alternates minute and note; a "note" that is itself a minute
    (``{{goal|12|80}}``) starts the next goal.
    """
    values = [tidy(render(p.value, param_offset(template, offset, p), out))
              for p in positional(template)]
    goals: list[list[str]] = []
    for value in values:
        if _MINUTE.match(value):
            goals.append([value.rstrip("'′")])
        elif value and goals and len(goals[-1]) == 1:
            goals[-1].append(value)
    return ", ".join(f"{g[0]}' ({g[1]})" if len(g) > 1 else f"{g[0]}'" for g in goals)


def _start_date(template: Template, offset: int, out: Rendering) -> str:
    values = [tidy(render(p.value)) for p in positional(template)]
    numbers = [int(v) for v in values[:3] if v.isdigit()]
    day_first = False
    if template.has("df"):
        day_first = tidy(render(template.get("df").value)).lower() in ("y", "yes", "1", "true")
    if not numbers:
        return ""
    year = numbers[0]
    if len(numbers) == 1 or not 1 <= numbers[1] <= 12:
        return str(year)
    month = _MONTH_NAMES[numbers[1] - 1]
    if len(numbers) == 2:
        return f"{month} {year}"
    day = numbers[2]
    return f"{day} {month} {year}" if day_first else f"{month} {day}, {year}"


def _pso(template: Template, offset: int, out: Rendering) -> str:
    score = tidy(_first(template, offset, out))
    return f"({score} p)" if score else ""


def _hatnote(prefix: str) -> Callable[[Template, int, Rendering], str]:
    def hatnote(template: Template, offset: int, out: Rendering) -> str:
        names = [tidy(render(p.value, param_offset(template, offset, p), out))
                 for p in positional(template)]
        names = [n for n in names if n]
        return f"{prefix}: {', '.join(names)}" if names else ""
    return hatnote


def _constant(text: str) -> Callable[[Template, int, Rendering], str]:
    def constant(template: Template, offset: int, out: Rendering) -> str:
        return text
    return constant


def _joined(template: Template, offset: int, out: Rendering) -> str:
    values = [render(p.value, param_offset(template, offset, p), out)
              for p in positional(template)]
    return " ".join(v.strip() for v in values if v.strip())


Renderer = Callable[[Template, int, Rendering], str]

TEMPLATES: dict[str, Renderer] = {
    # wrappers: their text is their first parameter
    **dict.fromkeys(("nowrap", "nobr", "small", "smaller", "big", "larger", "center", "nobold",
                     "noitalic", "nowrap begin", "bold", "italic", "sup", "sub", "no wrap",
                     "abbr", "tooltip", "lang", "section link", "hlist", "plainlist",
                     "ubl", "ubli", "unbulleted list", "flatlist"), _first),
    **dict.fromkeys(("resize", "font", "lang-x", "langx"), _last),
    "sortname": _joined,
    "sort": _second_or_first,
    "score link": _second_or_first, "scorelink": _second_or_first, "score": _second_or_first,
    "pso": _pso,
    "aet": _constant("(a.e.t.)"), "a.e.t.": _constant("(a.e.t.)"),
    "goal": _goal, "goals": _goal, "pengoal": _constant("(scored)"),
    "penmiss": _constant("(missed)"),
    **dict.fromkeys(("flagicon", "flag icon", "flagdeco", "flagicon image", "fbaicon",
                     "fbicon", "flagathlete"), _flag_icon),
    **dict.fromkeys(("fb", "fb-rt", "fbw", "fbu", "fbu-rt", "fbw-rt", "flag", "flagcountry",
                     "flagu", "fba", "fba-rt", "flag link"), _flag_team),
    **dict.fromkeys(("refn", "efn", "efn-ua", "efn-lr", "notetag", "ref label", "sfn",
                     "sfnp", "r", "rp"), _footnote),
    **dict.fromkeys(("citation", "cite", "webarchive", "citation needed", "cn", "fact",
                     "better source needed", "dead link", "verify source"), _citation),
    **dict.fromkeys(("start date", "start-date", "dts", "start date and age", "end date"),
                    _start_date),
    **dict.fromkeys(("yel", "sent off", "subon", "suboff", "sub on", "sub off", "yellow card",
                     "red card", "booked", "ycard", "rcard", "anchor", "anchors", "0", "hs",
                     "clear", "-", "clear left", "clear right", "void", "toc", "toc limit",
                     "reflist", "notelist", "references", "portal", "defaultsort", "hidden",
                     "short description", "use mdy dates", "use dmy dates",
                     "use american english", "use british english", "italic title",
                     "good article", "featured article", "authority control", "col begin",
                     "col end", "col-begin", "col-end", "col break", "col-break", "div col",
                     "div col end", "end", "fb start", "fb end", "fs start", "fs end",
                     "legend", "color box", "colorbox", "tick", "cross", "yes", "no",
                     "increase", "decrease", "steady"), _nothing),
    "ndash": _constant("–"), "mdash": _constant("—"), "snd": _constant(" – "),
    "spaced ndash": _constant(" – "), "nbsp": _constant(" "), "!": _constant("|"),
    "=": _constant("="), "·": _constant(" · "), "dot": _constant(" · "), "en dash": _constant("–"),
    "main": _hatnote("Main article"), "see also": _hatnote("See also"),
    "further": _hatnote("Further information"), "details": _hatnote("Further details"),
    "main article": _hatnote("Main article"), "for": _hatnote("For"),
    "about": _hatnote("About"),
}


def is_citation(name: str) -> bool:
    """``cite web``, ``cite news``, ... and ``citation``."""
    return name.startswith("cite ") or name in ("cite", "citation")


def render_template(template: Template, offset: int, out: Rendering) -> str:
    """The text of a template: by its rule, else its positional values joined (and noted)."""
    name = template_name(template)
    if BOX_NAMES.match(name) or ROW_NAMES.match(name):
        return ""  # a match box is read as a match (see ``layout.nested_boxes``), not as text
    rule = TEMPLATES.get(name)
    if rule is None and is_citation(name):
        rule = _citation
    if rule is not None:
        return rule(template, offset, out)
    out.unknown.append((name, offset))
    return _joined(template, offset, out)
