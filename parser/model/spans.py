"""Source spans of JSON objects, kept beside the JSON rather than inside it.

Builders ``mark`` the dicts they create (and single fields of them); once the
JSON tree is complete, ``resolve`` walks it and returns JSON pointer -> span.
Schema errors and check findings use that table to point at the source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, cast

from ..records import record


@record(slots=True)
class Span:
    """1-based source position; ``end_*`` inclusive, None when the same as the start."""

    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None


def escape(token: str) -> str:
    """Escape one JSON-pointer reference token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


# A span not made yet: the fields of its ``Span``, which ``SpanRecorder`` makes when the
# span is first asked for (most are never asked for: a document without schema errors or
# findings needs none, and a parse marks tens of thousands).
_Place = tuple[int, int, "int | None", "int | None"]


class SpanRecorder:
    """Collects spans for objects by identity while the JSON is being built."""

    def __init__(self) -> None:
        self._spans: dict[tuple[int, str], Span | _Place] = {}
        self._keep: list[Any] = []

    def mark(self, obj: dict[str, Any], span: Span, key: str = "") -> None:
        """Record the span of ``obj`` (or of its field ``key``)."""
        self._spans[(id(obj), key)] = span
        self._keep.append(obj)

    def mark_item(self, obj: dict[str, Any], key: str, index: int, span: Span) -> None:
        """Record the span of item ``index`` of the list in field ``key`` of ``obj``."""
        self._spans[(id(obj), f"{key}/{index}")] = span
        self._keep.append(obj)

    def at(self, obj: dict[str, Any], line: int, column: int = 1, end_line: int | None = None,
           end_column: int | None = None, key: str = "") -> None:
        """``mark(obj, Span(line, column, end_line, end_column), key)``, the ``Span`` made
        only if it is asked for."""
        self._spans[(id(obj), key)] = (line, column, end_line, end_column)
        self._keep.append(obj)

    def item_at(self, obj: dict[str, Any], key: str, index: int, line: int, column: int,
                end_line: int | None = None, end_column: int | None = None) -> None:
        """``mark_item`` of ``Span(line, column, end_line, end_column)``, made when asked for."""
        self._spans[(id(obj), f"{key}/{index}")] = (line, column, end_line, end_column)
        self._keep.append(obj)

    def _made(self) -> dict[tuple[int, str], Span]:
        """The recorded spans, every one recorded by its fields made."""
        spans = self._spans
        for key, found in spans.items():
            if not isinstance(found, Span):
                spans[key] = Span(*found)
        return cast(dict[tuple[int, str], Span], spans)

    def _get(self, key: tuple[int, str]) -> Span | None:
        """The span recorded under ``key``, made (once) if it was recorded by its fields."""
        found = self._spans.get(key)
        if found is None or isinstance(found, Span):
            return found
        span = self._spans[key] = Span(*found)
        return span

    def resolve(self, root: Any) -> dict[str, Span]:
        """The table JSON pointer -> span of the finished JSON ``root``.

        The walk over the JSON that finds each marked object's pointer costs more than
        parsing the document, and most documents never need a position (no schema
        error, no finding), so the table is worked out on first use. ``root`` must not
        change before then.
        """
        return SpanTable(lambda: self.walk(root), lambda pointer: self.find(root, pointer),
                         self.recorded)

    def recorded(self, obj: Any, key: str = "") -> Span | None:
        """The span marked for ``obj`` (``key`` empty) or for its field ``key``, if any."""
        return self._get((id(obj), key))

    def find(self, root: Any, pointer: str) -> Span | None:
        """What ``walk(root)`` maps ``pointer`` to, found by following the pointer alone.

        A finding needs the span of its own pointer, not the whole table; ``SpanTable.get``
        asks here until something needs the table itself.
        """
        spans = self._get
        if not pointer:
            return spans((id(root), "")) if isinstance(root, dict) else None
        if pointer[0] != "/":
            return None
        tokens = pointer[1:].split("/")
        if "~" in pointer:
            tokens = [t.replace("~1", "/").replace("~0", "~") for t in tokens]
        grandparent: Any = None
        parent: Any = None
        node = root
        for token in tokens:
            if isinstance(node, dict):
                if token not in node:
                    return None
                child = node[token]
            elif isinstance(node, list):
                # an index: ASCII digits without a leading zero, inside the list
                if not (token.isdigit() and token.isascii()) \
                        or (token[0] == "0" and len(token) > 1):
                    return None
                number = int(token)
                if number >= len(node):
                    return None
                child = node[number]
            else:
                return None
            grandparent, parent, node = parent, node, child
        last = tokens[-1]
        found: Span | None = None
        if isinstance(parent, dict):
            found = spans((id(parent), last))
        elif len(tokens) >= 2 and isinstance(grandparent, dict) \
                and not isinstance(parent[0], dict):
            found = spans((id(grandparent), f"{tokens[-2]}/{last}"))  # an item span
        if isinstance(node, dict):
            found = spans((id(node), "")) or found
        return found

    def walk(self, root: Any) -> dict[str, Span]:
        """Walk the JSON and map each marked object or field to its pointer."""
        out: dict[str, Span] = {}
        stack: list[tuple[str, Any]] = [("", root)]
        spans = self._made()
        while stack:
            pointer, value = stack.pop()
            if isinstance(value, dict):
                ident = id(value)
                span = spans.get((ident, ""))
                if span is not None:
                    out[pointer] = span
                for key, child in value.items():
                    field_span = spans.get((ident, key))
                    is_container = isinstance(child, (dict, list))
                    if field_span is None and not is_container:
                        continue
                    child_ptr = f"{pointer}/{escape(key) if '~' in key or '/' in key else key}"
                    if field_span is not None:
                        out[child_ptr] = field_span
                    if isinstance(child, list) and child and not isinstance(child[0], dict):
                        for index in range(len(child)):
                            item_span = spans.get((ident, f"{key}/{index}"))
                            if item_span is not None:
                                out[f"{child_ptr}/{index}"] = item_span
                    if is_container:
                        stack.append((child_ptr, child))
            elif isinstance(value, list):
                for index, child in enumerate(value):
                    if isinstance(child, (dict, list)):
                        stack.append((f"{pointer}/{index}", child))
        return out


class SpanTable(dict[str, Span]):
    """A ``dict`` of JSON pointer -> span that fills itself from ``fill`` on first use.

    Every way of reading or changing it fills it first, so it behaves as the filled
    dict would; a copy or a pickle is a plain ``dict``. Code compiled with mypyc reads a
    value declared ``dict`` with the dict's own C functions, past these methods: readers
    of a span table declare it a ``Mapping`` (``locate``, ``schema.validate``).
    """

    __slots__ = ("_fill", "_find", "_recorded")

    def __init__(self, fill: Callable[[], dict[str, Span]],
                 find: Callable[[str], Span | None] | None = None,
                 recorded: Callable[[Any, str], Span | None] | None = None) -> None:
        super().__init__()
        self._fill: Callable[[], dict[str, Span]] | None = fill
        self._find = find
        self._recorded = recorded

    def of(self, obj: Any, key: str = "") -> Span | None:
        """The span marked for the JSON object ``obj`` itself (``key`` empty) or for its field
        ``key``, found by the object's identity instead of by following a pointer from the
        root; None when nothing was marked (or the table has no recorder).

        For an object in a list, ``of(obj)`` is what ``get`` gives for its pointer, and for
        a field holding no object or list, ``of(obj, key)`` is what ``get`` gives for the
        field's pointer; the checks know the objects they report on and ask by the
        thousand."""
        return self._recorded(obj, key) if self._recorded is not None else None

    def _ready(self) -> None:
        fill = self._fill
        if fill is not None:
            self._fill = None
            dict.update(self, fill())

    def __getitem__(self, key: str) -> Span:
        self._ready()
        return dict.__getitem__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        if self._fill is not None and self._find is not None:
            found = self._find(key)  # one pointer: no need to fill the whole table
            return default if found is None else found
        self._ready()
        return dict.get(self, key, default)

    def __contains__(self, key: object) -> bool:
        self._ready()
        return dict.__contains__(self, key)

    def __iter__(self) -> Iterator[str]:
        self._ready()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._ready()
        return dict.__len__(self)

    def __eq__(self, other: object) -> bool:
        self._ready()
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None

    def __repr__(self) -> str:
        self._ready()
        return dict.__repr__(self)

    def keys(self) -> Any:
        self._ready()
        return dict.keys(self)

    def values(self) -> Any:
        self._ready()
        return dict.values(self)

    def items(self) -> Any:
        self._ready()
        return dict.items(self)

    def copy(self) -> dict[str, Span]:
        self._ready()
        return dict(dict.items(self))

    def __reduce__(self) -> Any:
        return dict, (self.copy(),)

    def __setitem__(self, key: str, value: Span) -> None:
        self._ready()
        dict.__setitem__(self, key, value)

    def __delitem__(self, key: str) -> None:
        self._ready()
        dict.__delitem__(self, key)

    def setdefault(self, key: str, default: Any = None) -> Any:
        self._ready()
        return dict.setdefault(self, key, default)

    def pop(self, key: str, *default: Any) -> Any:
        self._ready()
        return dict.pop(self, key, *default)

    def popitem(self) -> tuple[str, Span]:
        self._ready()
        return dict.popitem(self)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._ready()
        dict.update(self, *args, **kwargs)

    def clear(self) -> None:
        self._fill = self._find = None
        dict.clear(self)

    def __or__(self, other: Any) -> Any:
        self._ready()
        return dict.__or__(self, other)

    def __ror__(self, other: Any) -> Any:
        self._ready()
        return dict.__ror__(self, other)

    def __ior__(self, other: Any) -> Any:
        self._ready()
        return dict.__ior__(self, other)

    def __reversed__(self) -> Iterator[str]:
        self._ready()
        return dict.__reversed__(self)


def locate(spans: Mapping[str, Span], pointer: str) -> Span:
    """The span of ``pointer`` or of its nearest ancestor that has one (else line 1)."""
    while True:
        span = spans.get(pointer)
        if span is not None:
            return span
        if not pointer:
            return Span(1, 1)
        pointer = pointer.rsplit("/", 1)[0]
