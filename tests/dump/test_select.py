"""The pre-filter: no football sample is missed, and the other pages are left out."""

from __future__ import annotations

import pytest

from parser.dump.select import Selection, looks_like_competition, signals

from .pages import FOOTBALL_FILES, OTHER_TEXTS


def test_there_are_samples_to_measure() -> None:
    assert len(FOOTBALL_FILES) >= 5


@pytest.mark.parametrize("path", FOOTBALL_FILES, ids=lambda p: p.name)
def test_no_football_sample_is_missed(path: object) -> None:
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    assert looks_like_competition(text), f"{path}: the pre-filter misses it"


def test_false_negative_rate_is_zero() -> None:
    missed = [p for p in FOOTBALL_FILES if not looks_like_competition(p.read_text("utf-8"))]
    assert len(missed) / len(FOOTBALL_FILES) == 0


@pytest.mark.parametrize("title", sorted(OTHER_TEXTS))
def test_other_pages_are_left_out(title: str) -> None:
    assert not looks_like_competition(OTHER_TEXTS[title]), signals(OTHER_TEXTS[title])


SIGNAL_EXAMPLES = [
    ("{{Football box\n|date=May 3}}", "match box"),
    ("{{footballbox_collapsible|date=May 3}}", "match box"),
    ("{{#invoke:Football box|main}}", "match box"),
    ("{{TwoLegResult|Elm FC|ELM|3–2|Oak SC|OAK|2–1|1–1}}", "tie row"),
    ("{{OneLegResult|Elm FC||2–1|Oak SC|}}", "tie row"),
    ("{{Infobox international football competition\n|name=X}}", "football infobox"),
    ("{{infobox_football_league_season|name=X}}", "football infobox"),
    ("{{#invoke:Sports table|main|style=WDL}}", "sports module"),
    ("{{Fb cl2 team|p=1|t=Elm FC}}", "football table template"),
    ("{{8TeamBracket-2legs|RD1=Quarter-finals}}", "bracket"),
    ("{{Round16\n|RD1=Round of 16}}", "bracket"),
    ('{| class="wikitable"\n! Team 1 !! Agg. !! Team 2\n|}', "results table"),
    ('{| class="wikitable"\n! Tie !! Home team !! Score !! Away team\n|}', "results table"),
]


@pytest.mark.parametrize(("text", "signal"), SIGNAL_EXAMPLES)
def test_each_signal(text: str, signal: str) -> None:
    assert looks_like_competition(text)
    assert signal in signals(text)


def test_title_and_all() -> None:
    assert Selection(title=r"Cup$").chooses("2031 Elm Cup", "no markup")
    assert not Selection(title=r"^Cup").chooses("2031 Elm Cup", "{{Football box}}")
    assert Selection(everything=True).chooses("Elm Valley", "prose")
