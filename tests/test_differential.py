"""Differential tests of the wiki layer.

* mwparserfromhell's C tokenizer against its pure-Python tokenizer, on every sample and on
  the shapes the bad-input corpus is made of: the wiki layer must not depend on which one
  is loaded (the C extension can fail to import and the library falls back silently).
* The whole-text parse against the unit-by-unit parse of ``parser.markup.plan`` (forced, with
  tiny units): on documents whose markup is all closed, cutting between constructs must not
  change a single heading or line.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import mwparserfromhell
import mwparserfromhell.parser
import pytest
from mwparserfromhell.nodes import Text

from parser.markup import plan as wikiplan
from parser.markup.wiki import WikiScan, scan
from parser.read.source import decode, from_text

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "samples"))
from regenerate import sample_files

SAMPLES = sample_files()
IDS = [p.relative_to(ROOT).as_posix() for p in SAMPLES]

SHAPES = [
    "= T =\n== A ==\nElm [[Elm F.C.|Elm]] 2-1 '''Oak'''<ref>x\ny</ref> SC\n<!-- a\n-->\n",
    "== H ==\n<section begin=Bracket /><section end=Bracket />\n&nbsp;x&amp;y\n",
    "= T =\n" + "<ref>\n" * 300 + "== After ==\nElm FC 2-1 Oak SC\n",
    "= T =\n" + "{{a|\n" * 200 + "== After ==\n",
    "= T =\n" + "[[a|" * 100 + "\n== After ==\n[http://x.y/ z\n",
    "= T =\n" + "<!--\n" * 100 + "== After ==\n",
    "= T =\n" + "{{{a|\n" * 100 + "<b>x</b> <a \n" * 50,
    "{{a|b}}}\n[[a]]]\n}} ]] |}\n== H ==\n",
]


@pytest.fixture
def python_tokenizer() -> Iterator[None]:
    saved = mwparserfromhell.parser.use_c
    mwparserfromhell.parser.use_c = False
    try:
        yield
    finally:
        mwparserfromhell.parser.use_c = saved


def _scan_bytes(path: Path) -> WikiScan:
    return scan(decode(path.read_bytes(), path.name))


def test_the_c_tokenizer_is_the_one_in_use() -> None:
    assert mwparserfromhell.parser.use_c and mwparserfromhell.parser.CTokenizer is not None


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_python_tokenizer_gives_the_same_scan(sample: Path, python_tokenizer: None) -> None:
    expected = _c_scan(sample)
    assert _scan_bytes(sample) == expected


@pytest.mark.parametrize("text", SHAPES)
def test_python_tokenizer_agrees_on_odd_shapes(text: str, python_tokenizer: None) -> None:
    mwparserfromhell.parser.use_c = True
    expected = scan(from_text(text))
    mwparserfromhell.parser.use_c = False
    assert scan(from_text(text)) == expected


def _c_scan(sample: Path) -> WikiScan:
    saved = mwparserfromhell.parser.use_c
    mwparserfromhell.parser.use_c = True
    try:
        return _scan_bytes(sample)
    finally:
        mwparserfromhell.parser.use_c = saved


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_parsing_in_units_changes_nothing_on_closed_markup(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _scan_bytes(sample)
    monkeypatch.setattr(wikiplan, "WHOLE_CHARS", 0)
    monkeypatch.setattr(wikiplan, "UNIT_CHARS", 64)
    source = decode(sample.read_bytes(), sample.name)
    layout = wikiplan.plan(source.text, source.line_starts)
    if layout.neutralised:  # e.g. wikitext/04 leaves a {{Football box open on purpose (WT002)
        assert "".join(u.text for u in layout.units).translate(wikiplan.RESTORE) == source.text
        return
    assert len(layout.units) > 1 and "".join(u.text for u in layout.units) == source.text
    units = _scan_bytes(sample)
    assert units.headings == whole.headings
    assert units.lines == whole.lines


def test_units_never_cut_inside_a_closed_construct(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wikiplan, "UNIT_CHARS", 8)
    text = "a\n<!-- one\ntwo\nthree -->\nb\n{{x|\ny\n}}\nc\n"
    source = from_text(text)
    layout = wikiplan.plan(source.text, source.line_starts, force_units=True)
    cuts = [unit.start for unit in layout.units]
    comment, template = text.index("<!--"), text.index("{{")
    assert not any(comment < cut < text.index("-->") for cut in cuts)
    assert not any(template < cut < text.index("}}") for cut in cuts)
    assert "".join(unit.text for unit in layout.units) == text


def test_unclosed_openers_are_neutralised_and_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "= T =\n" + "<ref>\n" * 3 + "Elm [[Elm F.C.|Elm]] {{a| <ref>x</ref> 2-1 Oak\n"
    source = from_text(text)
    layout = wikiplan.plan(source.text, source.line_starts, force_units=True)
    assert layout.neutralised == 4 and layout.first_token.startswith("<ref>")
    whole = scan(source)  # so little markup is parsed whole, as written
    assert not whole.notes
    monkeypatch.setattr(wikiplan, "WHOLE_BUDGET_NS", -1)
    neutral = scan(source)
    assert neutral.lines == whole.lines and neutral.headings == whole.headings
    assert neutral.lines[-1].text == "Elm Elm {{a|  2-1 Oak"
    assert [(n.code, n.line, n.column) for n in neutral.notes] == [("PA006", 2, 1)]


def test_long_lines_are_never_handed_to_the_tokenizer() -> None:
    source = from_text("== A ==\n" + "{{a|" * 5000 + "\n== B ==\n")
    layout = wikiplan.plan(source.text, source.line_starts, source.long_lines)
    assert [unit.parse for unit in layout.units] == [True, False, True]
    result = scan(source)
    assert [h.title for h in result.headings] == ["A", "B"]
    assert result.lines[0].too_long


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_one_tree_parse_matches_mwparserfromhell_on_samples(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = decode(sample.read_bytes(), sample.name).text
    expected = mwparserfromhell.parse(text, skip_style_tags=True)
    monkeypatch.setattr(wikiplan, "WHOLE_BUDGET_NS", -1)
    monkeypatch.setattr(wikiplan, "UNIT_CHARS", 64)
    got = wikiplan.parse_wikicode(text)
    assert str(got) == text
    assert [type(n).__name__ for n in got.nodes if not isinstance(n, Text)] == [
        type(n).__name__ for n in expected.nodes if not isinstance(n, Text)]
    assert [str(n) for n in got.filter_tags() + got.filter_wikilinks()] == [
        str(n) for n in expected.filter_tags() + expected.filter_wikilinks()]


def test_one_tree_parse_stays_fast_on_unclosed_markup() -> None:
    import time

    text = "{|\n|-\n| a\n" * 3000 + "<ref>\n" * 20_000 + "{{a|\n" * 8000
    started = time.perf_counter()
    code = wikiplan.parse_wikicode(text)
    assert str(code) == text and time.perf_counter() - started < 10
