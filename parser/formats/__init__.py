"""Output formats for findings, one module each, looked up by name.

Each module has ``render(reports, summary, *, color=False, strict=False) -> str``: a pure
function of the findings (``strict`` says whether warnings fail the run, for formats that
report pass/fail). Only the CLI writes the text and chooses the exit code.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Protocol, cast

from ..batch.file_report import FileReport, Summary


class Renderer(Protocol):
    """A pure function from reports to text."""

    def __call__(self, reports: Sequence[FileReport], summary: Summary, *,
                 color: bool = False, strict: bool = False) -> str: ...


MODULES = {"text": "text", "json": "json_format", "github": "github", "sarif": "sarif",
           "junit": "junit", "html": "html"}
FORMAT_NAMES = tuple(MODULES)


def renderer(name: str) -> Renderer:
    """The render function of output format ``name``."""
    module = importlib.import_module(f"{__name__}.{MODULES[name]}")
    return cast(Renderer, module.render)
