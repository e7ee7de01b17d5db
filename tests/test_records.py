"""``records.quick_init`` gives the same objects as the dataclass's own ``__init__``."""

from __future__ import annotations

import dataclasses
import pickle
from typing import Any

import pytest

from parser.markup.wiki import Line
from parser.model.match_parts import Result, Side
from parser.model.spans import Span
from parser.records import quick_init


def _pair(slots: bool) -> tuple[type[Any], type[Any]]:
    """The same frozen dataclass twice: as generated, and with ``quick_init``."""

    def make() -> type[Any]:
        class Item:
            name: str
            size: int = 1
            notes: tuple[str, ...] = ()
            extra: str | None = None

        return dataclasses.dataclass(frozen=True, slots=slots)(Item)

    return make(), quick_init(make())


CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    (("a",), {}),
    (("a", 2), {}),
    (("a", 2, ("x",), "e"), {}),
    (("a",), {"extra": "e"}),
    ((), {"name": "a", "size": 3}),
]
BAD_CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    ((), {}),
    (("a", 2, (), None, "too many"), {}),
    (("a",), {"name": "twice"}),
    (("a",), {"unknown": 1}),
]


@pytest.mark.parametrize("slots", [True, False])
@pytest.mark.parametrize(("args", "kwargs"), CALLS)
def test_same_object_as_the_dataclass(slots: bool, args: tuple[Any, ...],
                                      kwargs: dict[str, Any]) -> None:
    plain, quick = _pair(slots)
    want, got = plain(*args, **kwargs), quick(*args, **kwargs)
    assert dataclasses.astuple(got) == dataclasses.astuple(want)
    assert repr(got) == repr(want)
    assert hash(got) == hash(want)
    assert got == quick(*args, **kwargs)
    with pytest.raises(dataclasses.FrozenInstanceError):
        got.size = 5


@pytest.mark.parametrize("slots", [True, False])
@pytest.mark.parametrize(("args", "kwargs"), BAD_CALLS)
def test_same_errors_as_the_dataclass(slots: bool, args: tuple[Any, ...],
                                      kwargs: dict[str, Any]) -> None:
    plain, quick = _pair(slots)
    with pytest.raises(TypeError):
        plain(*args, **kwargs)
    with pytest.raises(TypeError):
        quick(*args, **kwargs)


def test_the_parser_records_survive_pickling() -> None:
    for item in (Span(3, 4, 5, 6), Span(1), Line(2, "raw", "text", ((0, 1),), None, (), 1),
                 Side("Elm FC", 0, 6, "NPSL", 9, ("note",)), Result("played", 2, 1)):
        assert pickle.loads(pickle.dumps(item)) == item


def test_refuses_what_it_would_get_wrong() -> None:
    @dataclasses.dataclass
    class Mutable:
        a: int

    @dataclasses.dataclass(frozen=True)
    class Factory:
        a: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True)
    class Post:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclasses.dataclass(frozen=True, kw_only=True)
    class KeywordOnly:
        a: int

    for cls in (Mutable, Factory, Post, KeywordOnly, int):
        with pytest.raises(TypeError):
            quick_init(cls)
