"""The span table is worked out on first use and equals the eager walk in every way it is read."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Iterator
from typing import Any

from parser.api import parse
from parser.model.spans import Span, SpanRecorder, SpanTable, escape

from .conftest import SAMPLES, SEED


def _recorded() -> tuple[SpanRecorder, dict[str, object]]:
    recorder = SpanRecorder()
    leaf = {"a": 1}
    root = {"x": [leaf], "y/z": {"b": 2}}
    recorder.mark(leaf, Span(3, 4))
    recorder.mark(root["y/z"], Span(5), "b")  # type: ignore[arg-type]
    return recorder, root


def test_lazy_table_equals_the_walk() -> None:
    recorder, root = _recorded()
    table = recorder.resolve(root)
    assert isinstance(table, SpanTable) and isinstance(table, dict)
    expected = {"/x/0": Span(3, 4), "/y~1z/b": Span(5)}
    assert recorder.walk(root) == expected
    assert table == expected and dict(table) == expected and len(table) == 2
    assert list(table) == list(recorder.walk(root)) and "/x/0" in table and table.get("/nope") is None
    assert {**table} == expected and copy.copy(table) == expected
    assert pickle.loads(pickle.dumps(table)) == expected


def test_documents_locate_as_before() -> None:
    for path in [SEED, *sorted((SAMPLES / "flat").glob("*.txt"))]:
        document = parse(path.read_bytes(), path.name)
        spans = document.spans
        assert isinstance(spans, SpanTable)
        eager = dict(spans.items())
        for pointer, span in eager.items():
            assert document.locate(pointer) == span
        assert document.locate("/rounds/0/matches/0/home/x") == eager.get(
            "/rounds/0/matches/0/home", document.locate("/rounds/0/matches/0"))


def test_writes_fill_the_table_first() -> None:
    recorder, root = _recorded()
    table = recorder.resolve(root)
    table["/new"] = Span(9)
    assert set(table) == {"/x/0", "/y~1z/b", "/new"}


def _pointers(node: object, prefix: str = "") -> list[str]:
    from parser.model.spans import escape

    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_pointers(value, f"{prefix}/{escape(key)}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out.extend(_pointers(value, f"{prefix}/{index}"))
    return out


def test_single_pointer_lookups_equal_the_filled_table() -> None:
    import sys

    from parser.api import parse as parse_doc

    from .conftest import ROOT

    sys.path.insert(0, str(ROOT))
    from benchmarks.corpus import corpus

    paths = sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".txt", ".wiki"))
    docs = [parse_doc(p.read_bytes(), p.name) for p in paths]
    docs += [parse_doc(d.data, d.name) for d in corpus(24, 3)]
    bogus = ["/nope", "/rounds/999", "/rounds/01", "/rounds/-1", "x", "/title/0", "/rounds/²"]
    for document in docs:
        table = document.spans
        assert isinstance(table, SpanTable)
        pointers = [*_pointers(document.data), *bogus]
        looked_up = [table.get(p) for p in pointers]
        assert table._fill is not None  # nothing above filled it
        filled = dict(table.items())
        assert looked_up == [filled.get(p) for p in pointers], document.path



def _objects_in_lists(node: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """(pointer, object) of every JSON object that is an item of a list, anywhere in ``node``."""
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _objects_in_lists(child, f"{pointer}/{escape(key)}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            if isinstance(child, dict):
                yield f"{pointer}/{index}", child
            yield from _objects_in_lists(child, f"{pointer}/{index}")


def test_spans_by_identity_are_the_spans_of_the_pointers() -> None:
    paths = sorted(SAMPLES.glob("*/*.txt")) + sorted(SAMPLES.glob("*/*.wiki"))
    assert len(paths) > 20
    for path in paths:
        document = parse(path.read_bytes(), str(path))
        table = document.spans
        assert isinstance(table, SpanTable)
        objects = list(_objects_in_lists(document.data))
        assert objects and all(table.get(p) == table.of(obj) for p, obj in objects), path
        assert all(table.get(f"{p}/{escape(k)}") == table.of(obj, k) for p, obj in objects
                   for k, v in obj.items() if not isinstance(v, (dict, list))), path
        filled = dict(table)  # after the walk, the identity lookups still agree with it
        assert all(filled.get(p) == table.of(obj) for p, obj in objects), path


def test_a_table_without_its_recorder_finds_nothing_by_identity() -> None:
    assert SpanTable(dict).of({}) is None
