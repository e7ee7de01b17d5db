"""Stage 6, semantic checks: small registered rules over the document JSON."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

from ..diagnostics import Diagnostic, Severity
from ..model.document import Document
from .base import Hit, Rule, rule
from .memo import forget
from .needs import features
from .registry import ALL_RULES

__all__ = ["ALL_RULES", "Hit", "Rule", "rule", "run_checks", "selected", "severity_for"]


def selected(code: str, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> bool:
    """Whether ``code`` passes ``--select``/``--ignore`` (codes or prefixes; ignore wins)."""
    select = tuple(select)
    if any(code.startswith(prefix) for prefix in ignore):
        return False
    return not select or any(code.startswith(prefix) for prefix in select)


def severity_for(code: str, default: Severity,
                 overrides: Mapping[str, Severity] | None = None) -> Severity:
    """The configured severity of ``code``: the longest matching code or prefix, else default."""
    matching = [key for key in (overrides or {}) if code.startswith(key)]
    return (overrides or {})[max(matching, key=len)] if matching else default


def run_checks(document: Document, *, select: Iterable[str] = (), ignore: Iterable[str] = (),
               severities: Mapping[str, Severity] | None = None) -> list[Diagnostic]:
    """Run every selected rule on ``document`` and return its findings. A rule whose
    ``needs`` the document lacks is not called: it would have nothing to say."""
    overrides = tuple(sorted((severities or {}).items()))
    out: list[Diagnostic] = []
    has = features(document.data)
    try:
        for item, severity in _plan(tuple(select), tuple(ignore), overrides):
            if not item.needs <= has:
                continue
            for hit in item.run(document):
                span = hit.span or document.locate(hit.pointer)
                out.append(Diagnostic(item.code, severity, hit.message, span.line, span.column,
                                      span.end_line, span.end_column, hit.pointer, item.name))
    finally:
        forget()  # the shared results of this document: none outlives its check
    return out


@lru_cache(maxsize=64)
def _plan(select: tuple[str, ...], ignore: tuple[str, ...],
          overrides: tuple[tuple[str, Severity], ...]) -> tuple[tuple[Rule, Severity], ...]:
    """The selected rules and their severities: the same for every document of a run, so
    worked out once rather than per document."""
    severities = dict(overrides)
    return tuple((item, severity_for(item.code, item.severity, severities))
                 for item in ALL_RULES if selected(item.code, select, ignore))
