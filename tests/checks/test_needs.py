"""A rule the runner skips for what a document lacks (``Rule.needs``) would have said nothing.

Two ways of failing a wrong declaration: on every sample and every docstring example, the
rules run without the skip give the findings ``run_checks`` gives with it; and the same
documents with one feature taken out of their JSON (no declared counts, no matches, no
infobox, ...) leave every rule that needs that feature silent when it is called directly.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parser.api import parse
from parser.checks import ALL_RULES, Rule, rule, run_checks
from parser.checks.needs import FEATURES, features
from parser.diagnostics import Severity
from parser.model.document import Document

from ..conftest import ROOT

sys.path.insert(0, str(ROOT / "samples"))
from regenerate import sample_files

SAMPLES = sample_files()
EXAMPLES = [(f"{r.code}-{e.kind}-{i}", e.text) for r in ALL_RULES
            for i, e in enumerate(r.examples)]


def _parse_file(path: Path) -> Document:
    return parse(path.read_bytes(), str(path))


def _documents() -> list[tuple[str, Callable[[], Document]]]:
    """(name, a maker of a fresh document): the checks keep results per document."""
    out: list[tuple[str, Callable[[], Document]]] = [
        (p.relative_to(ROOT).as_posix(), functools.partial(_parse_file, p)) for p in SAMPLES]
    out += [(name, functools.partial(parse, text)) for name, text in EXAMPLES]
    return out


DOCUMENTS = _documents()
IDS = [name for name, _ in DOCUMENTS]


def _unskipped(document: Document) -> list[tuple[str, str, str]]:
    """Every rule's hits, each rule called whatever the document has."""
    return [(item.code, hit.message, hit.pointer) for item in ALL_RULES
            for hit in item.run(document)]


def _remove_tables(sections: list[dict[str, Any]]) -> None:
    for section in sections:
        section["blocks"] = [b for b in section["blocks"] if b["kind"] != "table"]
        _remove_tables(section["children"])


def without(data: dict[str, Any], feature: str) -> dict[str, Any]:
    """A copy of the JSON with ``feature`` taken out."""
    out = copy.deepcopy(data)
    if feature == "counts":
        out["declared_counts"] = []
    elif feature == "matches":
        for item in out.get("rounds", []):
            item["matches"] = []
    elif feature == "infobox":
        out["infobox"] = None
    elif feature == "tables":
        _remove_tables(out.get("sections", []))
    else:
        out[feature] = []
    return out


def test_every_feature_can_be_taken_out() -> None:
    assert set(FEATURES) == {"counts", "matches", "infobox", "entrants", "tables", "standings",
                             "facts", "bracket"}
    document = parse((ROOT / "samples" / "seed" / "000_40227375bb590b15.txt").read_bytes())
    assert {"counts", "matches", "infobox", "entrants", "tables", "facts"} <= features(
        document.data)
    for feature in FEATURES:
        assert feature not in features(without(document.data, feature))


def test_some_rules_are_skipped_on_some_documents() -> None:
    # the equivalence below compares something: the skip is taken on real documents
    skipped = {item.code for _, make in DOCUMENTS[:len(SAMPLES)]
               for item in ALL_RULES if not item.needs <= features(make().data)}
    assert len(skipped) >= 10


@pytest.mark.parametrize(("name", "make"), DOCUMENTS, ids=IDS)
def test_skipping_changes_no_finding(name: str, make: Callable[[], Document]) -> None:
    document = make()
    found = [(d.code, d.message, d.pointer) for d in run_checks(document)]
    assert found == _unskipped(make())


@pytest.mark.parametrize(("name", "make"), DOCUMENTS, ids=IDS)
def test_a_rule_is_silent_without_what_it_needs(name: str, make: Callable[[], Document]
                                                ) -> None:
    document = make()
    for feature in FEATURES:
        stripped = dataclasses.replace(document, data=without(document.data, feature))
        talking = [(item.code, hit.message) for item in ALL_RULES if feature in item.needs
                   for hit in item.run(stripped)]
        assert talking == [], f"without {feature}"


def test_an_unknown_need_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown needs"):
        rule("ZZ999", "x", Severity.INFO, "X.", needs=("match",))


def test_declared_needs_are_known_features() -> None:
    for item in ALL_RULES:
        assert isinstance(item, Rule) and item.needs <= FEATURES.keys()
