"""What a check is: a code, a name, a default severity and a function yielding hits.

A check never builds diagnostics or decides severities itself; it yields
``Hit`` objects (a message and where), and the runner turns them into
``Diagnostic``s with the configured severity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..diagnostics import Severity
from ..document import Document
from ..spans import Span


@dataclass(frozen=True)
class Hit:
    """One problem a check found: a message and a JSON pointer or an explicit span."""

    message: str
    pointer: str = ""
    span: Span | None = None


CheckFunction = Callable[[Document], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A registered check. ``doc`` is the function's docstring (passing and failing examples)."""

    code: str
    name: str
    severity: Severity
    summary: str
    run: CheckFunction

    @property
    def doc(self) -> str:
        """The check's documentation."""
        return (self.run.__doc__ or "").strip()


def rule(code: str, name: str, severity: Severity, summary: str) -> Callable[[CheckFunction], Rule]:
    """Decorator turning a generator function into a ``Rule`` (it does not register it)."""

    def wrap(function: CheckFunction) -> Rule:
        return Rule(code, name, severity, summary, function)

    return wrap
