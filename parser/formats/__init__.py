"""Output formats for findings, one module each, looked up by name."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from ..report import FileReport, Summary


class Renderer(Protocol):
    """A pure function from reports to text."""

    def __call__(self, reports: Sequence[FileReport], summary: Summary, *,
                 color: bool = False) -> str: ...


def _text() -> Renderer:
    from .text import render

    return render


def _json() -> Renderer:
    from .json_format import render

    return render


_LOADERS: dict[str, Callable[[], Renderer]] = {"text": _text, "json": _json}
FORMAT_NAMES = tuple(_LOADERS)


def renderer(name: str) -> Renderer:
    """The render function of output format ``name``."""
    return _LOADERS[name]()
