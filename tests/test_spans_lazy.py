"""The span table is worked out on first use and equals the eager walk in every way it is read."""

from __future__ import annotations

import copy
import pickle

from parser.api import parse
from parser.model.spans import Span, SpanRecorder, SpanTable

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
