"""``markup.lengths`` against the computation it replaced: ``len(str(node))`` and offsets found
in ``str(node)``, on every wikitext sample and on pages cut, shuffled and spliced from them."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mwparserfromhell.nodes import Argument, ExternalLink, Heading, Tag, Template, Wikilink
from mwparserfromhell.nodes.extras import Attribute, Parameter
from mwparserfromhell.wikicode import Wikicode

from parser.markup import lengths
from parser.markup.lengths import contents_offset, length, measuring
from parser.markup.plan import parse_wikicode
from parser.wikitext.text import param_offsets
from parser.wikitext.wrappers import top_nodes

SAMPLES = sorted((Path(__file__).parent.parent / "samples" / "wikitext").glob("*.wiki"))
# markup whose lengths have their own rules: every node type, attributes quoted three ways,
# a ``>`` inside an attribute, invalid and implicit tags, wiki-markup tags, arguments
EDGES = (
    "{{a|b=c|{{d|e}}|[[f|g]]}} [http://x.org y] [http://x.org] http://z.org\n"
    "<span title=\"a>b\" class='c' id=d>in{{e}}</span> <br> <br/> </b> <ref name=r />\n"
    "{{{1|def}}} {{{2}}} &amp; &#123; &#x4F; <!-- c -->\n== H ==\n"
    "{| class=\"wikitable\" style=x\n|+ cap\n|- id=r\n! a !! b\n| c || d=e\n|}\n"
    "* item\n# num\n; term : def\n----\n'''b''' ''i''\n"
    "<onlyinclude>{{Football box|team1=A|team2=B}}</onlyinclude>\n"
)


def _pages() -> Iterator[tuple[str, str]]:
    texts = [path.read_text(encoding="utf-8-sig") for path in SAMPLES]
    yield from ((path.stem, text) for path, text in zip(SAMPLES, texts, strict=True))
    yield "edges", EDGES
    rng = random.Random(15)
    for index in range(40):
        text = rng.choice([*texts, EDGES])
        lines = text.split("\n")
        if index % 3 == 0:  # cut anywhere: unclosed templates, tables and tags
            start = rng.randrange(len(text))
            page = text[start: start + rng.randrange(1, len(text) - start + 1)]
        elif index % 3 == 1:  # lines shuffled
            rng.shuffle(lines)
            page = "\n".join(lines)
        else:  # spliced from two pages
            other = rng.choice(texts).split("\n")
            page = "\n".join(lines[: rng.randrange(len(lines))] + other[rng.randrange(len(other)):])
        yield f"random-{index}", page


PAGES = list(_pages())


def _parts(code: Wikicode) -> Iterator[Any]:
    """Every node, ``Wikicode``, parameter and attribute of a tree."""
    yield code
    for node in code.filter(recursive=True):
        yield node
        if isinstance(node, Template):
            yield from node.params
        if isinstance(node, Tag):
            yield from node.attributes
    for item in code.ifilter(recursive=True):
        yield from item.__children__()


def _old_param_offsets(template: Template, offset: int) -> list[tuple[Any, int, int]]:
    """The computation ``text.param_offsets`` made before ``markup.lengths``."""
    out = []
    pos = offset + 2 + len(str(template.name))
    for param in template.params:
        pos += 1
        value_at = pos + len(str(param.name)) + 1 if param.showkey else pos
        out.append((param, pos, value_at))
        pos += len(str(param))
    return out


def _old_contents_offset(tag: Tag, offset: int) -> int:
    """The computation ``layout.contents_offset`` made before ``markup.lengths``."""
    if tag.wiki_markup:
        attrs = "".join(str(attr) for attr in tag.attributes)
        return (offset + len(tag.wiki_markup) + len(attrs) + len(tag.padding or "")
                + len(tag.wiki_style_separator or ""))
    raw = str(tag)
    inner = str(tag.contents)
    at = raw.find(inner, raw.find(">") + 1) if inner else raw.find(">") + 1
    return offset + max(at, 0)


def _old_top_nodes(nodes: list[Any], offset: int = 0) -> Iterator[tuple[str, int, int]]:
    """The computation ``wrappers.top_nodes`` made before ``markup.lengths``."""
    for node in nodes:
        raw = str(node)
        end = offset + len(raw)
        tag = isinstance(node, Tag) and not node.wiki_markup and not node.self_closing
        if not (tag and node.contents is not None
                and str(node.tag).strip().lower() in ("onlyinclude", "noinclude")):
            yield raw, offset, end
            offset = end
            continue
        inner = str(node.contents)
        at = raw.find(inner, raw.find(">") + 1) if inner else raw.find(">") + 1
        yield raw[:at], offset, offset + at
        yield from _old_top_nodes(node.contents.nodes, offset + at)
        yield raw[at + len(inner):], offset + at + len(inner), end
        offset = end


@pytest.mark.parametrize(("name", "text"), PAGES, ids=[name for name, _ in PAGES])
def test_lengths_and_offsets_equal_the_old_computation(name: str, text: str) -> None:
    code = parse_wikicode(text)
    assert str(code) == text
    outside = {id(part): length(part) for part in _parts(code)}
    with measuring(code, text):
        for part in _parts(code):
            assert length(part) == len(str(part)) == outside[id(part)], (name, str(part)[:60])
        for node in code.filter(recursive=True):
            at = text.find(str(node))  # any offset will do: the rules only add lengths
            if isinstance(node, Template):
                assert param_offsets(node, at) == _old_param_offsets(node, at)
            if isinstance(node, Tag) and not node.self_closing and node.contents is not None:
                start = contents_offset(node, 0)
                assert str(node)[start: start + len(str(node.contents))] == str(node.contents)
                if ">" not in "".join(str(attr) for attr in node.attributes):
                    assert start == _old_contents_offset(node, 0)
        new = [(str(node), start, end) for node, start, end in top_nodes(code.nodes)]
        assert new == list(_old_top_nodes(code.nodes))


def test_the_parts_of_a_tree_are_its_own_objects() -> None:
    """``measuring`` remembers parts by ``id`` for as long as it holds the tree: that is
    sound because mwparserfromhell stores the parts (no property makes a new object)."""
    parts = {Template: ("name", "params"), Tag: ("tag", "contents", "closing_tag", "attributes"),
             Wikilink: ("title", "text"), ExternalLink: ("url", "title"), Heading: ("title",),
             Argument: ("name", "default"), Parameter: ("name", "value"),
             Attribute: ("name", "value")}
    seen = set()
    for part in _parts(parse_wikicode(EDGES)):
        for name in parts.get(type(part), ()):
            assert getattr(part, name) is getattr(part, name), (type(part), name)
            seen.add(type(part))
    assert seen == set(parts)


def test_a_contents_offset_past_a_quoted_greater_than_sign() -> None:
    text = '<span title="a>span">span</span>'
    (tag,) = parse_wikicode(text).nodes
    with measuring(parse_wikicode(text), text):
        assert contents_offset(tag, 10) == 10 + text.index(">span<") + 1


def test_a_tree_whose_lengths_do_not_add_up_is_measured_by_its_text(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule that no longer matches how mwparserfromhell writes a node (another version)
    shows in the sum of the top-level lengths: the block then measures with ``str``."""
    text = "a {{b|c={{d}}}} e"
    code = parse_wikicode(text)
    monkeypatch.setitem(lengths._RULES, Template, lambda node, known: 1)
    assert length(code) != len(text)
    with measuring(code, text):
        for part in _parts(code):
            assert length(part) == len(str(part))
