"""``model.caseless``: the word tests that let case-blind patterns be skipped."""

from __future__ import annotations

import re
import sys

from parser.model import counts, facts
from parser.model.caseless import caseless, holds


def test_exactly_the_four_characters_fold_to_ascii_letters() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    folding = {chr(cp) for cp in range(0x80, sys.maxunicode + 1)
               if letter.fullmatch(chr(cp))}
    assert folding == {"\u0130", "\u0131", "\u017f", "\u212a"}
    assert all(caseless(f"Elm {ch} Oak") is None for ch in folding)


def test_holds() -> None:
    assert holds(caseless("Elm FC WON 3-2 on Aggregate"), "aggregate")
    assert not holds(caseless("Elm FC – Oak SC"), "aggregate", "won")
    assert holds(None, "anything")


def test_folding_characters_still_find_facts_and_counts() -> None:
    # 'ſ' matches 's' under re.IGNORECASE: the patterns are tried as before
    assert [f.kind for f in facts.from_prose("Elm FC ſcratched.")] == ["withdrew"]
    assert [f.kind for f in facts.from_prose("Elm FC won 3-2 on AGGREGATE.")] == ["aggregate"]
    assert [c.count for c in counts.from_prose("Twelve ſides took part.")] == [12]
    assert [c.count for c in counts.from_prose("Twelve TEAMS took part.")] == [12]
    assert counts.from_prose("Twelve players took part.") == []
