"""Every check's docstring examples run: the failing one reports at the stated (line, column),
the passing one reports nothing above info. The registry and the catalogue stay in step."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import parser.checks as checks_package
from parser.api import check, parse
from parser.catalogue import catalogue
from parser.checks import ALL_RULES, Rule, run_checks
from parser.diagnostics import Severity

RULES = {rule.code: rule for rule in ALL_RULES}
FAMILIES = {"CO": "counts", "PR": "progression", "MA": "matches", "DA": "dates", "IB": "infobox",
            "TL": "tables", "NA": "names", "ST": "standings", "KO": "knockout"}
# families whose checks span more than one module: (family, module)
SPLIT_FAMILIES = {("PR", "byes"), ("IB", "totals"), ("KO", "brackets"), ("ST", "standings_results"),
                  ("CO", "infobox_counts")}


def _example(rule: Rule, kind: str) -> list[str]:
    return [e.text for e in rule.examples if e.kind == kind]


@pytest.mark.parametrize("code", sorted(RULES))
def test_failing_example_reports_at_the_stated_positions(code: str) -> None:
    rule = RULES[code]
    (failing,) = [e for e in rule.examples if e.kind == "failing"]
    assert failing.positions, f"{code}: say where the failing example is reported"
    found = run_checks(parse(failing.text), select=[code])
    assert [(d.code, d.line, d.column) for d in found] == [
        (code, line, column) for line, column in failing.positions]


@pytest.mark.parametrize("code", sorted(RULES))
def test_passing_example_reports_nothing_above_info(code: str) -> None:
    passing = _example(RULES[code], "passing")
    assert passing, f"{code}: give a passing example"
    for text in passing:
        found = check(parse(text))
        assert [d for d in found if d.code == code] == []
        assert [(d.code, d.message) for d in found if d.severity.rank > 0] == []


def test_codes_are_unique_stable_and_prefixed_by_family() -> None:
    assert len(RULES) == len(ALL_RULES)
    for rule in ALL_RULES:
        assert re.fullmatch(r"[A-Z]{2}[1-9][0-9]{2}", rule.code)
        assert rule.family in FAMILIES
        module = rule.run.__module__.rsplit(".", 1)[-1]
        assert module == FAMILIES[rule.family] or (rule.family, module) in SPLIT_FAMILIES
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
        assert rule.summary.endswith(".")


def test_every_rule_in_the_modules_is_registered() -> None:
    defined = set()
    for info in pkgutil.iter_modules(checks_package.__path__):
        module = importlib.import_module(f"parser.checks.{info.name}")
        defined |= {id(v) for v in vars(module).values() if isinstance(v, Rule)}
    assert defined == {id(rule) for rule in ALL_RULES}


def test_catalogue_lists_every_code_with_its_examples() -> None:
    entries = catalogue()
    for rule in ALL_RULES:
        entry = entries[rule.code]
        assert (entry.name, entry.severity, entry.summary) == (rule.name, rule.severity,
                                                               rule.summary)
        assert entry.example and entry.fix and entry.doc
    names = [entry.name for entry in entries.values()]
    assert len(names) == len(set(names))


def test_severity_policy_byes_and_notes_are_info() -> None:
    assert RULES["PR205"].severity is Severity.INFO
    assert all(rule.severity is not Severity.ERROR for rule in ALL_RULES
               if rule.code in ("CO103", "CO105", "IB504", "TL602"))
