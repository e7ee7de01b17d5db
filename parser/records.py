"""Frozen dataclasses that are cheap to create.

A frozen dataclass's generated ``__init__`` stores each field with
``object.__setattr__`` (its own ``__setattr__`` refuses), which makes creating one
three to four times dearer than creating a plain object. The parser creates tens of
thousands of some of them per document (``Span``, ``Line``, the parts of a match
line), so ``quick_init`` gives such a class an ``__init__`` that stores the fields
directly: through the slot descriptors of a ``slots=True`` class, or in the instance
``__dict__`` otherwise. Signature, defaults, the frozen behaviour afterwards,
equality, hashing and ``repr`` stay those of the dataclass.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Replace the ``__init__`` of frozen dataclass ``cls`` with one that stores its fields
    directly. Refuses what it would get wrong: a class that is not a frozen dataclass,
    or with ``__post_init__``, ``default_factory``, ``init=False`` or keyword-only fields."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen:
        raise TypeError(f"{cls.__name__} is not a frozen dataclass")
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if hasattr(cls, "__post_init__") or any(
            f.default_factory is not dataclasses.MISSING or not f.init or f.kw_only
            for f in fields):
        raise TypeError(f"{cls.__name__}: quick_init handles plain fields only")
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
    exec(source, namespace)  # the source is built from the class's own field names
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = dict(getattr(cls.__init__, "__annotations__", {}))
    init.__doc__ = cls.__init__.__doc__
    setattr(cls, "__init__", init)  # noqa: B010 - mypy refuses assigning to __init__
    return cls
