"""What the checks work out once per document and share, and its forgetting.

Many checks ask for the same structure (the bracket, the section spans, the dated
matches): each is worked out on first use and kept in a ``Memo`` with the object it
was worked out from, for as long as that document is being checked. ``run_checks``
calls ``forget`` when it is done, so no result, and none of the JSON a result holds,
outlives the check of its document: a run over many documents keeps none of the earlier
ones alive, and frees each when its caller drops it rather than in bulk later.

A result is taken for an object only when it was worked out from that very object
(``is``); keeping the object with the result keeps its id from being reused.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from ..model.document import Document

T = TypeVar("T")
_MEMOS: list[Memo[Any]] = []


class Memo(Generic[T]):
    """One result and the object it was worked out from (one entry: reads and writes of
    the entry are single steps, so a thread reading it never sees half of one)."""

    __slots__ = ("entry",)

    def __init__(self) -> None:
        self.entry: tuple[object, T] | None = None
        _MEMOS.append(self)

    def get(self, source: object) -> T | None:
        """The result worked out from ``source``, if it is the one kept."""
        entry = self.entry
        return entry[1] if entry is not None and entry[0] is source else None

    def keep(self, source: object, result: T) -> T:
        """Keep ``result`` as worked out from ``source`` (the earlier one is dropped)."""
        self.entry = (source, result)
        return result


def forget() -> None:
    """Drop every kept result (the document they were worked out from is done)."""
    for memo in _MEMOS:
        memo.entry = None


def once_per_document(function: Callable[[Document], T]) -> Callable[[Document], T]:
    """``function`` worked out once per document for every check that asks, not once per
    check (kept with the document's JSON until ``forget``)."""
    memo: Memo[T] = Memo()

    @functools.wraps(function)
    def cached(document: Document) -> T:
        entry = memo.entry
        if entry is not None and entry[0] is document.data:
            return entry[1]
        return memo.keep(document.data, function(document))

    return cached
