"""The indexes the bracket keeps for long documents answer as the plain definitions do:
``Stage.contains`` as "some span holds the line", ``KeyPool.closest`` as ``closest_in`` over
the whole sorted pool."""

from __future__ import annotations

import random

import pytest

from parser.checks import teams
from parser.checks.games import Stage, merged_ranges
from parser.checks.teams import KeyPool, closest_in

WORDS = ["elm", "oak", "ash", "yew", "fc", "sc", "rovers", "rover", "united", "city", "town",
         "reds", "2", "u23", "a", "ii", "st", "ford", "ham"]


@pytest.mark.parametrize(("spans", "ranges"), [
    ([], ([], [])),
    ([(5, 9)], ([5], [9])),
    ([(5, 9), (10, 12)], ([5], [12])),  # touching lines merge
    ([(20, 30), (5, 9), (7, 25)], ([5], [30])),
    ([(5, 9), (11, 12), (3, 2)], ([5, 11], [9, 12])),  # an empty range holds nothing
])
def test_spans_merge_into_sorted_disjoint_ranges(spans: list[tuple[int, int]],
                                                 ranges: tuple[list[int], list[int]]) -> None:
    assert merged_ranges(spans) == ranges


def test_contains_answers_as_any_span_does_and_follows_new_spans() -> None:
    rng = random.Random(7)
    for _ in range(300):
        stage = Stage("Round", None, [], [])
        for _ in range(rng.randint(0, 6)):
            start = rng.randint(1, 60)
            stage.spans.append((start, start + rng.randint(-2, 12)))
            for line in range(0, 80):
                assert stage.contains(line) == any(a <= line <= b for a, b in stage.spans)


def _mutated(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.randint(0, 3)):
        at = rng.randrange(len(chars) + 1)
        choice = rng.random()
        if choice < 0.4 and at < len(chars):
            chars[at] = rng.choice("aeiorst ")
        elif choice < 0.7:
            chars.insert(at, rng.choice("aeiors"))
        elif at < len(chars):
            del chars[at]
    return "".join(chars)


@pytest.mark.parametrize("loaded", [True, False], ids=["rapidfuzz-loaded", "bound-first"])
def test_key_pool_finds_what_closest_in_finds(loaded: bool,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(teams, "scoring_loaded", lambda: loaded)
    rng = random.Random(3)
    compared = found = 0
    for _ in range(400):
        names = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
                 for _ in range(rng.randint(1, 50))]
        pool = KeyPool({_mutated(n, rng) for n in names} | set(names))
        for _ in range(10):
            key = _mutated(rng.choice(names), rng)
            if key in pool.keys:
                continue
            expected = closest_in(key, pool.keys)
            assert pool.closest(key) == expected, key
            compared += 1
            found += expected is not None
    assert compared > 2000 and found > 500  # both outcomes are exercised
