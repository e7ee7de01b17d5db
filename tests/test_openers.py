"""``openers.TokenSearch`` finds what ``TOKEN.search`` finds, from every position, on every
sample and on random strings of markup fragments (the planner's pairing depends on it)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from parser.markup.openers import TOKEN, TokenSearch

SAMPLES = Path(__file__).parent.parent / "samples"
FRAGMENTS = ("{{", "}}", "[[", "]]", "[http://x.org ", "[//y ", "[a:", "[1:", "{|", "|}", " {|",
             ":{|", "\t|}", " :|}", "<!--", "-->", "<ref>", "</ref>", "<br/>", "<b x='>'>",
             "</ b >", "<", ">", "|", "{", "}", "[", "]", "\n", "\n ", "\n:", "a", "Elm 2–1 Oak",
             "é", " ")


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8-sig") for path in sorted(SAMPLES.rglob("*"))
             if path.suffix in (".txt", ".wiki") and path.is_file()]
    rng = random.Random(15)
    texts += ["".join(rng.choice(FRAGMENTS) for _ in range(rng.randrange(1, 60)))
              for _ in range(300)]
    return texts


def _span(match: object) -> tuple[int, int, str | None] | None:
    import re

    assert match is None or isinstance(match, re.Match)
    return None if match is None else (match.start(), match.end(), match.lastgroup)


@pytest.mark.parametrize("window", ["whole", "slice"])
def test_token_search_matches_the_pattern_from_every_position(window: str) -> None:
    rng = random.Random(7)
    for text in _texts():
        start, end = 0, len(text)
        if window == "slice" and text:
            start = rng.randrange(len(text))
            end = rng.randrange(start, len(text) + 1)
        search = TokenSearch(text, start, end).search
        step = max(1, (end - start) // 400)  # long samples: a few hundred positions each
        for pos in range(start, end + 1, step):
            assert _span(search(pos)) == _span(TOKEN.search(text, pos, end)), (text[:80], pos)
