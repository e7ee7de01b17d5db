"""``records.record`` makes the same frozen dataclass as ``@dataclass(frozen=True)``: same
objects, equality, hashes, ``repr``, errors, pickling and ``dataclasses`` helpers."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
from typing import Any, ClassVar

import pytest

from parser.markup.wiki import Line
from parser.model.match_parts import Result, Side
from parser.model.spans import Span
from parser.records import record


def _pair(slots: bool) -> tuple[type[Any], type[Any]]:
    """The same class twice: as ``dataclass(frozen=True)`` makes it, and as ``record``."""

    def make() -> type[Any]:
        class Item:
            """An item."""

            name: str
            size: int = 1
            notes: tuple[str, ...] = ()
            extra: str | None = dataclasses.field(default=None, compare=False)
            secret: str = dataclasses.field(default="s", repr=False)
            kind: ClassVar[str] = "item"

        return Item

    return dataclasses.dataclass(frozen=True, slots=slots)(make()), record(slots=slots)(make())


CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    (("a",), {}),
    (("a", 2), {}),
    (("a", 2, ("x",), "e"), {}),
    (("a",), {"extra": "e"}),
    ((), {"name": "a", "size": 3}),
    (("a", 2, (), None, "t"), {}),
]
BAD_CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    ((), {}),
    (("a", 2, (), None, "s", "too many"), {}),
    (("a",), {"name": "twice"}),
    (("a",), {"unknown": 1}),
]


@pytest.mark.parametrize("slots", [True, False])
@pytest.mark.parametrize(("args", "kwargs"), CALLS)
def test_same_object_as_the_dataclass(slots: bool, args: tuple[Any, ...],
                                      kwargs: dict[str, Any]) -> None:
    plain, fast = _pair(slots)
    want, got = plain(*args, **kwargs), fast(*args, **kwargs)
    assert dataclasses.astuple(got) == dataclasses.astuple(want)
    assert dataclasses.asdict(got) == dataclasses.asdict(want)
    assert repr(got) == repr(want).replace(plain.__qualname__, fast.__qualname__)
    assert hash(got) == hash(want)
    assert got == fast(*args, **kwargs) and got == dataclasses.replace(got, extra="other")
    assert got != dataclasses.replace(got, size=99) and got != want  # another class
    assert dataclasses.replace(got, size=7).size == 7
    assert copy.deepcopy(got) == got
    assert copy.copy(got) == got
    with pytest.raises(dataclasses.FrozenInstanceError):
        got.size = 5
    with pytest.raises(dataclasses.FrozenInstanceError):
        del got.size


@pytest.mark.parametrize("slots", [True, False])
def test_same_class_surface_as_the_dataclass(slots: bool) -> None:
    plain, fast = _pair(slots)
    assert inspect.signature(fast) == inspect.signature(plain)
    assert fast.__match_args__ == plain.__match_args__
    assert [f.name for f in dataclasses.fields(fast)] == [f.name for f in
                                                          dataclasses.fields(plain)]
    assert fast.__doc__ == plain.__doc__ == "An item." and fast.kind == "item"
    assert ("__slots__" in fast.__dict__) == slots
    assert dataclasses.is_dataclass(fast)


@pytest.mark.parametrize("slots", [True, False])
@pytest.mark.parametrize(("args", "kwargs"), BAD_CALLS)
def test_same_errors_as_the_dataclass(slots: bool, args: tuple[Any, ...],
                                      kwargs: dict[str, Any]) -> None:
    plain, fast = _pair(slots)
    with pytest.raises(TypeError):
        plain(*args, **kwargs)
    with pytest.raises(TypeError):
        fast(*args, **kwargs)


@record
class Kept:
    name: str
    sizes: tuple[int, ...] = ()


@record(slots=True)
class KeptInSlots:
    name: str
    sizes: tuple[int, ...] = ()


def test_the_parser_records_survive_pickling() -> None:
    for item in (Kept("a", (1,)), KeptInSlots("b", (2, 3)),Span(3, 4, 5, 6), Span(1), Line(2, "raw", "text", ((0, 1),), None, (), 1),
                 Side("Elm FC", 0, 6, "NPSL", 9, ("note",)), Result("played", 2, 1)):
        assert pickle.loads(pickle.dumps(item)) == item


def test_an_undocumented_record_is_documented_as_a_dataclass_is() -> None:
    class Bare:
        a: int
        b: str = "x"

    class Same:
        a: int
        b: str = "x"

    assert record(Bare).__doc__ == "Bare(a: 'int', b: 'str' = 'x')"
    assert dataclasses.dataclass(frozen=True)(Same).__doc__ == "Same(a: 'int', b: 'str' = 'x')"


def test_refuses_what_it_would_get_wrong() -> None:
    class Factory:
        a: list[int] = dataclasses.field(default_factory=list)

    class Post:
        a: int

        def __post_init__(self) -> None:
            pass

    class NotInit:
        a: int = dataclasses.field(default=0, init=False)

    class InitOnly:
        a: dataclasses.InitVar[int]

    for cls in (Factory, Post, NotInit, InitOnly):
        with pytest.raises(TypeError, match="plain fields only"):
            record(cls)

    @dataclasses.dataclass(frozen=True)
    class Base:
        a: int

    class Child(Base):
        b: int

    with pytest.raises(TypeError, match="cannot extend a dataclass"):
        record(Child)

    @record
    class Parent:
        a: int

    with pytest.raises(TypeError, match="cannot be subclassed"):
        type("Sub", (Parent,), {})
