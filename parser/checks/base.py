"""What a check is: a code, a name, a default severity and a function yielding hits.

A check never builds diagnostics or decides severities itself; it yields
``Hit`` objects (a message and where), and the runner turns them into
``Diagnostic``s with the configured severity.
"""

from __future__ import annotations

import ast
import functools
import inspect
import re
import sys
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from ..diagnostics import Severity
from ..model.document import Document
from ..model.spans import Span
from ..records import record


@record
class Hit:
    """One problem a check found: a message and a JSON pointer or an explicit span."""

    message: str
    pointer: str = ""
    span: Span | None = None


CheckFunction = Callable[[Document], Iterable[Hit]]
T = TypeVar("T")

_EXAMPLE = re.compile(r"^(?P<kind>Failing|Passing)(?:\s*\((?P<where>[^)]*)\))?::[ \t]*$",
                      re.MULTILINE)
_POSITION = re.compile(r"([0-9]+):([0-9]+)")


@record
class Example:
    """A document from a check's docstring: ``failing`` ones name where the check reports."""

    kind: str
    text: str
    positions: tuple[tuple[int, int], ...] = ()


def docstring(function: Callable[..., object]) -> str:
    """``function.__doc__``; for a function compiled with mypyc, which keeps no docstring,
    the docstring of the module-level function of that name in the ``.py`` file beside its
    module (the compiled build installs both)."""
    if function.__doc__ is not None:
        return function.__doc__
    file = getattr(sys.modules.get(function.__module__), "__file__", None)
    if not file:
        return ""
    source = Path(file).with_name(Path(file).name.split(".", 1)[0] + ".py")
    try:
        tree = ast.parse(source.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return ""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and (
                node.name == function.__name__):
            return ast.get_docstring(node, clean=False) or ""
    return ""


def examples(doc: str) -> list[Example]:
    """The ``Failing (reported at 3:14)::`` and ``Passing::`` blocks of a docstring."""
    found = list(_EXAMPLE.finditer(doc))
    out = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(doc)
        body = doc[match.end():end].strip("\n")
        lines = []
        for line in body.splitlines():
            if line.strip() and not line.startswith((" ", "\t")):
                break
            lines.append(line)
        text = textwrap.dedent("\n".join(lines)).strip("\n") + "\n"
        positions = tuple((int(a), int(b)) for a, b in _POSITION.findall(match["where"] or ""))
        out.append(Example(match["kind"].lower(), text, positions))
    return out


@record
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
        return inspect.cleandoc(docstring(self.run))

    @property
    def examples(self) -> list[Example]:
        """The failing and passing examples of the docstring."""
        return examples(self.doc)

    @property
    def family(self) -> str:
        """The code's prefix (``CO`` for ``CO101``)."""
        return self.code.rstrip("0123456789")


def rule(code: str, name: str, severity: Severity, summary: str) -> Callable[[CheckFunction], Rule]:
    """Decorator turning a generator function into a ``Rule`` (it does not register it)."""

    def wrap(function: CheckFunction) -> Rule:
        return Rule(code, name, severity, summary, function)

    return wrap


def once_per_document(function: Callable[[Document], T]) -> Callable[[Document], T]:
    """``function`` worked out once per document for every check that asks, not once per
    check: the result for the last document is kept with that document's JSON (so the
    JSON's id cannot be reused while the result is kept)."""
    last: list[tuple[object, T]] = []

    @functools.wraps(function)
    def cached(document: Document) -> T:
        if last and last[0][0] is document.data:
            return last[0][1]
        result = function(document)
        last[:] = [(document.data, result)]
        return result

    return cached
