"""The schema fast path (jsonschema-rs) and jsonschema agree on every document's validity."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parser.api import parse
from parser.schema import fast_validator, load_validator, validate

from .conftest import SAMPLES, SEED

pytest.importorskip("jsonschema_rs")

DOCS = [parse(p.read_bytes(), p.name).data
        for p in [SEED, *sorted((SAMPLES / "flat").glob("0[2479]*.txt"))]]
ODD_VALUES = [None, "", "x", -1, 0, 1000, 1.5, 2.0, True, False, [], {}, "2031-02-30",
              "2031-13-01", "31-01-2031", "2031-01-01", "Played", "played", [1], {"x": 1},
              "UPPER_case", "a" * 300]


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out.extend(_paths(value, (*prefix, index)))
    return out


def _mutate(doc: dict[str, Any], path: tuple[Any, ...], action: str, value: Any) -> Any:
    doc = copy.deepcopy(doc)
    if not path:
        return value
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "delete" and isinstance(parent, dict):
        del parent[last]
    elif action == "add" and isinstance(parent[last], dict):
        parent[last]["unknown_key"] = value
    else:
        parent[last] = value
    return doc


def _agree(doc: Any) -> None:
    fast = fast_validator()
    assert fast is not None
    slow = not any(True for _ in load_validator().iter_errors(doc))
    assert fast(doc) == slow, json.dumps(doc)[:300]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fast_and_detailed_validators_agree_on_mutated_documents(data: st.DataObject) -> None:
    doc = data.draw(st.sampled_from(DOCS))
    path = data.draw(st.sampled_from(_paths(doc)))
    action = data.draw(st.sampled_from(["set", "delete", "add"]))
    value = data.draw(st.sampled_from(ODD_VALUES))
    _agree(_mutate(doc, path, action, value))


def test_valid_documents_skip_the_detailed_validator() -> None:
    for doc in DOCS:
        _agree(doc)
        assert validate(doc, {}) == []


def test_an_invalid_document_still_gets_located_detailed_findings() -> None:
    doc = copy.deepcopy(DOCS[0])
    doc["rounds"][0]["matches"][0]["status"] = "won"
    (finding,) = validate(doc, {})
    assert finding.code == "SC001" and finding.pointer == "/rounds/0/matches/0/status"
