"""entrants.prose_list looks at one sentence at a time: same answers as the plain finditer."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parser.model import entrants
from parser.model.entrants import _PROSE_LIST, parse_item, prose_list

from .conftest import SAMPLES, SEED


def reference(text: str) -> tuple[str, list[tuple[str, int]]] | None:
    """The function as written before the speed-up."""
    for match in _PROSE_LIST.finditer(text):
        items_text = match.group("items")
        pieces = re.split(r",\s*(?:and\s+)?|\s+and\s+", items_text)
        base = match.start("items")
        found: list[tuple[str, int]] = []
        cursor = 0
        for piece in pieces:
            name = piece.strip()
            index = items_text.find(name, cursor)
            cursor = index + len(name)
            found.append((name, base + index))
        if len(found) >= 3 and all(parse_item(name) is not None for name, _ in found):
            return match.group("intro").strip(), found
    return None


PIECES = ["The", "South", "featured", "included", "were", "entered", "Elm FC", "Oak SC (OH)",
          "Ash Town", "and", "or", ",", ", ", ".", ". ", ";", ":", ": ", " ", "  ", "U.S.",
          "teams", "clubs", "2031", "Northern Region:", "x", "and the", "played"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join))
def test_same_answers_as_finditer(text: str) -> None:
    assert prose_list(text) == reference(text)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_same_answers_unspaced(text: str) -> None:
    assert prose_list(text) == reference(text)


def test_same_answers_on_every_sample_line() -> None:
    for path in [SEED, *sorted((SAMPLES / "flat").glob("*.txt"))]:
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            assert prose_list(line) == reference(line), line


def test_the_pattern_does_not_run_where_no_sentence_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    class Spy:
        def match(self, text: str, *args: int) -> re.Match[str] | None:
            calls.append(text)
            return _PROSE_LIST.match(text, *args)

    monkeypatch.setattr(entrants, "_PROSE_LIST", Spy())
    row = "| First round | " + ", ".join(f"Elm League Division {i}" for i in range(40)) + " |"
    assert prose_list(row) is None and calls == []
    assert prose_list("The South featured Elm FC, Oak SC and Ash Town. Then x.") is not None
    assert len(calls) == 1
    calls.clear()
    assert prose_list("Note: the South: Elm FC, Oak SC and Ash Town.") is not None
    assert len(calls) <= 3  # the sentence start and after each colon, not every position


TEAMS = ["Elm FC", "Oak SC", "Ash Town", "Birch United (OH)", "Cedar AFC (NPSL)", "the rest", "x"]
INTROS = ["The South featured", "Entrants were", "Region: ", "Note: North:", "Clubs: ", "It was",
          "They included:", "A: b featured", "Elm, Oak were"]


@settings(max_examples=2000, deadline=None)
@given(st.sampled_from(["", "Intro. ", "a; ", "x: "]), st.sampled_from(INTROS),
       st.sampled_from([" ", "  ", ": "]), st.lists(st.sampled_from(TEAMS), min_size=2, max_size=5),
       st.sampled_from([" and ", ", and ", " and  "]),
       st.sampled_from([".", ". More.", ".x", ";", ". and, x."]))
def test_same_answers_on_sentences_with_lists(lead: str, intro: str, gap: str, items: list[str],
                                              joiner: str, tail: str) -> None:
    text = lead + intro + gap + ", ".join(items[:-1]) + joiner + items[-1] + tail
    assert prose_list(text) == reference(text)
