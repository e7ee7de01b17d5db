"""The raw-bytes stage before mwxml: what it leaves out can never be selected, every page is
counted, and malformed XML in a page it leaves out still refuses the partition."""

from __future__ import annotations

import io
import re
import sys

import pytest

from parser.dump.faults import DumpRefused
from parser.dump.pages import Counts, article_pages
from parser.dump.scan import PageScan
from parser.dump.select import (
    NON_ASCII_FOLDS,
    RAW_WORDS,
    SIGNALS,
    UNICODE_SPACES,
    Selection,
    looks_like_competition,
    might_be_competition,
)
from parser.dump.writer import FOOTER, DumpPage, header, page_xml

from .pages import FOOTBALL_FILES, OTHER_TEXTS, mixed_pages
from .test_select import SIGNAL_EXAMPLES


class Trickle(io.RawIOBase):
    """``data`` a few bytes per read, so that tags and pages straddle every boundary."""

    def __init__(self, data: bytes, size: int) -> None:
        self.data, self.size = data, size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        piece, self.data = self.data[: min(self.size, len(buffer))], self.data[self.size:]
        buffer[: len(piece)] = piece
        return len(piece)


def raw(text: str, title: str = "T") -> bytes:
    return page_xml(DumpPage(title, text, 1, 2)).encode()


def dump_bytes(pages: list[DumpPage]) -> bytes:
    return (header() + "".join(page_xml(p) for p in pages) + FOOTER).encode()


@pytest.mark.parametrize("path", FOOTBALL_FILES, ids=lambda p: p.name)
def test_no_football_sample_is_left_out(path: object) -> None:
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    assert might_be_competition(raw(text))


def variants(text: str) -> list[str]:
    """The text in other cases, with other spaces and the letters IGNORECASE folds."""
    return [text, text.upper(), text.lower(), text.replace(" ", "\u00a0"),
            text.replace("{{", "{{\u2003 "), text.replace("s", "\u017f").replace("S", "\u017f"),
            text.replace("k", "\u212a"), text.replace("i", "\u0131"),
            text.replace("I", "\u0130"), text.replace("{{", "{{\t&<>\"")]


@pytest.mark.parametrize(("text", "signal"), SIGNAL_EXAMPLES)
def test_whatever_the_text_matches_the_raw_bytes_match(text: str, signal: str) -> None:
    for variant in variants(text):
        if looks_like_competition(variant):
            assert might_be_competition(raw(variant)), (variant, signal)


@pytest.mark.parametrize("title", ["2031 Elm election", "Cup (vessel)"])
def test_pages_without_the_markup_stop_at_the_bytes(title: str) -> None:
    # (the other OTHER_TEXTS open an infobox: they are parsed, then the regex turns them down)
    assert not might_be_competition(raw(OTHER_TEXTS[title]))


def test_the_non_ascii_folds_are_all_there_are() -> None:
    words = " ".join((*RAW_WORDS, "#invoke:", "home team", "team 1", "agg."))
    for letter in sorted(set(re.sub(r"[^a-z]", "", words))):
        pattern = re.compile(letter, re.IGNORECASE)
        folded = {chr(c) for c in range(128, sys.maxunicode + 1) if pattern.fullmatch(chr(c))}
        assert folded == set(NON_ASCII_FOLDS.get(letter, "")), letter


def test_every_signal_has_its_raw_form() -> None:
    assert set(SIGNALS) == {name for _, name in SIGNAL_EXAMPLES}


@pytest.mark.parametrize("size", [1, 7, 64, 1 << 16])
def test_pages_are_counted_and_kept_across_read_boundaries(size: int) -> None:
    pages = mixed_pages(filler=2)
    data = dump_bytes(pages)
    whole = list(article_pages(io.BytesIO(data), Counts()))
    counts = Counts()
    scanned = list(article_pages(io.BufferedReader(Trickle(data, size)), counts,
                                 Selection().might_choose))
    assert counts.read == len(pages)
    chosen = [p for p in whole if Selection().chooses(p.title, p.text)]
    assert [p for p in scanned if Selection().chooses(p.title, p.text)] == chosen
    assert counts.parsed < len(pages)


def test_everything_passes_when_every_page_is_wanted() -> None:
    pages = mixed_pages(filler=1)
    data = dump_bytes(pages)
    counts = Counts()
    kept = list(article_pages(io.BytesIO(data), counts, Selection(everything=True).might_choose))
    assert kept == list(article_pages(io.BytesIO(data), Counts()))
    assert counts.read == counts.parsed == len(pages)


@pytest.mark.parametrize("bad", [
    "<page><title>T</title></revision></page>",  # mismatched tag in a page left out
    "<page><title>A &nbsp; B</title></page>",  # an entity XML does not define
])
def test_malformed_xml_in_a_page_left_out_still_refuses(bad: str) -> None:
    data = (header() + page_xml(DumpPage("Prose", "plain words", 1, 2)) + bad + FOOTER).encode()
    scan = PageScan(io.BytesIO(data), lambda page: False)
    with pytest.raises(DumpRefused, match="malformed XML"):
        scan.read()


def test_a_stream_that_ends_inside_a_page_is_refused() -> None:
    data = (header() + page_xml(DumpPage("Prose", "plain words", 1, 2))[:-30]).encode()
    with pytest.raises(DumpRefused, match="malformed XML"):
        PageScan(io.BytesIO(data), lambda page: True).read()


def test_the_spaces_are_all_that_backslash_s_takes_beyond_ascii() -> None:
    spaces = {chr(c) for c in range(128, sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c))}
    assert spaces == set(UNICODE_SPACES)
