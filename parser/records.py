"""Frozen dataclasses that are cheap to define and cheap to create.

``@dataclass(frozen=True)`` writes the source of six methods for every class and compiles
each when the module is imported, and its ``__init__`` stores each field with
``object.__setattr__`` (the class's own ``__setattr__`` refuses), which makes creating one
three to four times dearer than creating a plain object. The parser defines dozens of such
classes on the path of every command and creates tens of thousands of some of them per
document (``Span``, ``Line``, the parts of a match line). ``record`` makes the same
dataclass with one compiled method, an ``__init__`` that stores the fields directly
(through the slot descriptors of a ``slots=True`` class, or in the instance ``__dict__``),
and shared functions for the rest. Signature, defaults, frozenness, equality, hashing,
``repr``, pickling and ``dataclasses.fields``/``replace``/``asdict`` stay those of the
dataclass.
"""

from __future__ import annotations

import dataclasses
import inspect
import operator
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


def _write_init(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> None:
    """Give ``cls`` an ``__init__`` storing ``fields`` through the slots or the ``__dict__``
    (the source is built from the class's own field names)."""
    namespace: dict[str, Any] = {}
    arguments = []
    for item in fields:
        if item.default is dataclasses.MISSING:
            arguments.append(item.name)
        else:
            namespace[f"default_{item.name}"] = item.default
            arguments.append(f"{item.name}=default_{item.name}")
    if "__slots__" in cls.__dict__:
        namespace.update({f"set_{f.name}": cls.__dict__[f.name].__set__ for f in fields})
        body = [f"    set_{f.name}(self, {f.name})" for f in fields]
    else:
        body = ["    fields = self.__dict__"] + [f"    fields[{f.name!r}] = {f.name}"
                                                 for f in fields]
    source = f"def __init__(self, {', '.join(arguments)}):\n" + "\n".join(body or ["    pass"])
    exec(source, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = {f.name: f.type for f in fields} | {"return": None}
    setattr(cls, "__init__", init)  # noqa: B010 - mypy refuses assigning to __init__


_PLAIN = "plain fields only (no default_factory, init=False, kw_only, InitVar or __post_init__)"


@dataclass_transform(frozen_default=True)
def record(cls: type[T] | None = None, /, *, slots: bool = False) -> Any:
    """``@dataclass(frozen=True)`` (``slots`` as there) without the code generation.

    ``dataclasses`` writes the source of six methods for every frozen class and compiles
    each at import: on the path of ``scoreline check`` that was about a tenth of the
    start-up. A record is the same dataclass (``fields``, ``replace``, ``asdict`` and
    ``__match_args__`` work) whose ``__eq__``, ``__hash__``, ``__repr__``,
    ``__setattr__`` and ``__delattr__`` are shared functions reading the field names, and
    whose ``__init__`` is the one ``quick_init`` writes (one compilation, fields stored
    directly). Equality, hashing (the tuple of the compared fields), ``repr`` and the
    ``FrozenInstanceError`` on assignment are the dataclass's. Refuses fields it would get
    wrong (see ``_PLAIN``) and dataclass bases or subclasses, whose checks expect
    ``dataclasses``' own frozen classes.
    """

    def wrap(target: type[T]) -> type[T]:
        if any(dataclasses.is_dataclass(base) for base in target.__mro__[1:]):
            raise TypeError(f"{target.__name__}: a record cannot extend a dataclass")
        documented = bool(target.__doc__)
        made: Any = dataclasses.dataclass(target, init=False, repr=False, eq=False,
                                          slots=slots)
        fields = dataclasses.fields(made)
        init_only = [f for f in made.__dataclass_fields__.values()
                     if isinstance(f.type, dataclasses.InitVar) or "InitVar" in str(f.type)]
        if init_only or hasattr(made, "__post_init__") or any(
                f.default_factory is not dataclasses.MISSING or not f.init or f.kw_only
                for f in fields):
            raise TypeError(f"{target.__name__}: a record takes {_PLAIN}")
        compared = operator.attrgetter(*[f.name for f in fields if f.compare] or ["__class__"])
        hashed = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]
        made.__record_compared__ = _as_tuple(compared, sum(f.compare for f in fields))
        made.__record_hashed__ = _as_tuple(operator.attrgetter(*hashed or ["__class__"]),
                                           len(hashed))
        made.__record_shown__ = tuple(f.name for f in fields if f.repr)
        for name, method in _METHODS.items():
            setattr(made, name, method)
        if slots:
            made.__getstate__, made.__setstate__ = _get_state, _set_state
        made.__init_subclass__ = classmethod(_no_subclass)
        _write_init(made, fields)
        if not documented:  # what dataclasses writes: the name and the signature
            made.__doc__ = made.__name__ + str(inspect.signature(made)).replace(" -> None", "")
        return made  # type: ignore[no-any-return]

    return wrap if cls is None else wrap(cls)


def _as_tuple(getter: Callable[[Any], Any], count: int) -> Callable[[Any], tuple[Any, ...]]:
    """``getter`` as a function that always gives a tuple (attrgetter of one name does not)."""
    if count == 0:
        return lambda _: ()
    if count == 1:
        return lambda item: (getter(item),)
    return getter


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        return self.__record_compared__(self) == other.__record_compared__(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self.__record_hashed__(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_shown__)
    return f"{self.__class__.__qualname__}({shown})"


def _setattr(self: Any, name: str, value: Any) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _get_state(self: Any) -> list[Any]:
    return [getattr(self, f.name) for f in dataclasses.fields(self)]


def _set_state(self: Any, state: list[Any]) -> None:
    for item, value in zip(dataclasses.fields(self), state, strict=True):
        object.__setattr__(self, item.name, value)


def _no_subclass(cls: type, /, **kwargs: Any) -> None:
    raise TypeError(f"{cls.__name__}: a record cannot be subclassed")


_METHODS: dict[str, Any] = {"__eq__": _eq, "__hash__": _hash, "__repr__": _repr,
                            "__setattr__": _setattr, "__delattr__": _delattr}
