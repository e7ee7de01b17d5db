"""The wiki layer's plain-text path (``parser.markup.plain``) against mwparserfromhell itself.

Text ``is_plain`` accepts is read without the tokenizer; whatever it accepts, the
tokenizer must make nothing of but text and the same headings, and ``scan`` must give the
same result either way, on every sample and on generated text full of the characters the
tokenizer reacts to.
"""

from __future__ import annotations

import os
from pathlib import Path

import mwparserfromhell
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mwparserfromhell.definitions import URI_SCHEMES
from mwparserfromhell.nodes import Heading, Text

from parser.markup import wiki
from parser.markup.plain import headings, is_plain
from parser.read.source import decode, from_text

from .conftest import ROOT

EXAMPLES = int(os.environ.get("SCORELINE_EXAMPLES", "200"))
PROFILE = settings(max_examples=EXAMPLES * 5, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

# pieces of text around the characters the tokenizer reacts to
PIECES = ["=", "==", "===", "=======", " ", "\n", "\n\n", "'", "''", "'''", "a", "Elm", "1",
          "19:30", "Name: x", "x:", "a:b", ":", ";", "#", "*", "-", "----", "&", " & ",
          "&amp;", "&#38;", "&x", "|", "!", "}", "]", ">", "/", '"', "\t", "é", "http://x",
          "mailto:a", "news:b", "[", "{", "<", "\ud800"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)

SAMPLES = sorted(p for p in (ROOT / "samples").rglob("*")
                 if p.suffix in (".txt", ".wiki") and p.is_file())


def tokenizer_shape(text: str) -> list[tuple[object, ...]]:
    """mwparserfromhell's top-level nodes: headings as written and with their level and
    title, adjacent text joined, any other node by its type."""
    shape: list[tuple[object, ...]] = []
    for node in mwparserfromhell.parse(text, skip_style_tags=True).nodes:
        if isinstance(node, Text):
            if shape and shape[-1][0] == "text":
                shape[-1] = ("text", f"{shape[-1][1]}{node.value}")
            else:
                shape.append(("text", node.value))
        elif isinstance(node, Heading):
            shape.append(("heading", str(node), node.level, str(node.title)))
        else:
            shape.append(("other", type(node).__name__))
    return shape


def plain_shape(text: str) -> list[tuple[object, ...]]:
    shape: list[tuple[object, ...]] = []
    pos = 0
    for found in headings(text):
        if found.start > pos:
            shape.append(("text", text[pos:found.start]))
        shape.append(("heading", text[found.start:found.end], found.level, found.title))
        pos = found.end
    if pos < len(text):
        shape.append(("text", text[pos:]))
    return shape


@PROFILE
@given(TEXT)
def test_plain_text_is_what_the_tokenizer_reads(text: str) -> None:
    if is_plain(text):
        assert plain_shape(text) == tokenizer_shape(text)


@pytest.mark.parametrize(("text", "plain"), [
    ("= Elm Cup =\n\n==First round==\nElm FC 2-1 Oak SC\n", True),
    ("Kick-off 19:30, attendance: 1,200 & more\n", True),
    ("- Tourney Name: Elm Cup\n", True),
    ("'''Elm''' won\n", True),
    ("see http://example.org\n", False),
    ("mailto:a@b.c\n", False),
    ("Elm [[Oak]]\n", False),
    ("{{fb|ENG}}\n", False),
    ("a<br>b\n", False),
    ("Elm &amp; Oak\n", False),
    ("* a list item\n", False),
    (": indented\n", False),
    ("----\n", False),
])
def test_what_counts_as_plain(text: str, plain: bool) -> None:
    assert is_plain(text) is plain
    if plain:
        assert plain_shape(text) == tokenizer_shape(text)
    else:  # and the tokenizer does make something of it
        assert any(kind[0] == "other" for kind in tokenizer_shape(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("== A == b\n", [("heading", "== A ==", 2, " A "), ("text", " b\n")]),
    ("=== A ==\n", [("heading", "=== A ==", 2, "= A "), ("text", "\n")]),
    ("== a = b ==", [("heading", "== a = b ==", 2, " a = b ")]),
    ("======= A =======\n", [("heading", "======= A =======", 6, "= A ="), ("text", "\n")]),
    ("====\n", [("text", "====\n")]),
    ("=\n", [("text", "=\n")]),
])
def test_headings_as_the_tokenizer_reads_them(text: str, expected: list[tuple[object, ...]]) -> None:
    assert is_plain(text)
    assert plain_shape(text) == expected == tokenizer_shape(text)


def test_every_free_link_scheme_ends_in_a_letter() -> None:
    # ``is_plain`` lets ``19:30`` through because no scheme ends in a digit
    assert all(scheme[-1].isalpha() for scheme in URI_SCHEMES)


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.relative_to(ROOT).as_posix() for p in SAMPLES])
def test_scan_is_the_same_without_the_plain_path(sample: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    source = decode(sample.read_bytes(), sample.name)
    fast = wiki.scan(source)
    monkeypatch.setattr(wiki, "is_plain", lambda text: False)
    assert wiki.scan(source) == fast


@PROFILE
@given(TEXT)
def test_scan_is_the_same_without_the_plain_path_on_generated_text(text: str) -> None:
    source = from_text(text.replace("\ud800", "x"))
    fast = wiki.scan(source)
    saved = wiki.is_plain
    wiki.is_plain = lambda text: False
    try:
        assert wiki.scan(source) == fast
    finally:
        wiki.is_plain = saved


def test_neutralised_units_read_as_plain_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    # unclosed openers swapped for placeholders leave units the plain path reads: the result
    # (headings restored included) is the tokenizer's
    from parser.markup import plan as wikiplan

    source = from_text("= T =\n" + "<ref>\n" * 3 + "== A <b ==\nElm FC 2-1 Oak SC\n{{a|\n")
    monkeypatch.setattr(wikiplan, "WHOLE_BUDGET_NS", -1)
    layout = wikiplan.plan(source.text, source.line_starts)
    assert layout.neutralised and all(is_plain(unit.text) for unit in layout.units)
    fast = wiki.scan(source)
    monkeypatch.setattr(wiki, "is_plain", lambda text: False)
    assert wiki.scan(source) == fast
    assert [h.title for h in fast.headings] == ["T", "A <b"]
