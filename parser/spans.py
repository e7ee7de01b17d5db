"""Source spans of JSON objects, kept beside the JSON rather than inside it.

Builders ``mark`` the dicts they create (and single fields of them); once the
JSON tree is complete, ``resolve`` walks it and returns JSON pointer -> span.
Schema errors and check findings use that table to point at the source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """1-based source position; ``end_*`` inclusive, None when the same as the start."""

    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None


def escape(token: str) -> str:
    """Escape one JSON-pointer reference token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


class SpanRecorder:
    """Collects spans for objects by identity while the JSON is being built."""

    def __init__(self) -> None:
        self._spans: dict[tuple[int, str], Span] = {}
        self._keep: list[Any] = []

    def mark(self, obj: dict[str, Any], span: Span, key: str = "") -> None:
        """Record the span of ``obj`` (or of its field ``key``)."""
        self._spans[(id(obj), key)] = span
        self._keep.append(obj)

    def mark_item(self, obj: dict[str, Any], key: str, index: int, span: Span) -> None:
        """Record the span of item ``index`` of the list in field ``key`` of ``obj``."""
        self._spans[(id(obj), f"{key}/{index}")] = span
        self._keep.append(obj)

    def resolve(self, root: Any) -> dict[str, Span]:
        """Walk the finished JSON and map each marked object or field to its pointer."""
        out: dict[str, Span] = {}
        stack: list[tuple[str, Any]] = [("", root)]
        spans = self._spans
        while stack:
            pointer, value = stack.pop()
            if isinstance(value, dict):
                ident = id(value)
                span = spans.get((ident, ""))
                if span is not None:
                    out[pointer] = span
                for key, child in value.items():
                    child_ptr = f"{pointer}/{escape(key)}"
                    field_span = spans.get((ident, key))
                    if field_span is not None:
                        out[child_ptr] = field_span
                    if isinstance(child, list) and child and not isinstance(child[0], dict):
                        for index in range(len(child)):
                            item_span = spans.get((ident, f"{key}/{index}"))
                            if item_span is not None:
                                out[f"{child_ptr}/{index}"] = item_span
                    if isinstance(child, (dict, list)):
                        stack.append((child_ptr, child))
            elif isinstance(value, list):
                for index, child in enumerate(value):
                    if isinstance(child, (dict, list)):
                        stack.append((f"{pointer}/{index}", child))
        return out


def locate(spans: dict[str, Span], pointer: str) -> Span:
    """The span of ``pointer`` or of its nearest ancestor that has one (else line 1)."""
    while True:
        span = spans.get(pointer)
        if span is not None:
            return span
        if not pointer:
            return Span(1, 1)
        pointer = pointer.rsplit("/", 1)[0]
