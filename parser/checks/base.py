"""What a check is: a code, a name, a default severity and a function yielding hits.

A check never builds diagnostics or decides severities itself; it yields
``Hit`` objects (a message and where), and the runner turns them into
``Diagnostic``s with the configured severity.
"""

from __future__ import annotations

import ast
import inspect
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from ..diagnostics import Severity
from ..model.document import Document
from ..model.spans import Span
from ..records import record
from .needs import checked_needs


@record
class Hit:
    """One problem a check found: a message and a JSON pointer or an explicit span."""

    message: str
    pointer: str = ""
    span: Span | None = None


CheckFunction = Callable[[Document], Iterable[Hit]]

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
    import textwrap  # here: only the documentation and the tests read the examples

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
    """A registered check. ``doc`` is the function's docstring (passing and failing examples);
    ``needs`` the features (``needs.FEATURES``) a document must have for the check to have
    anything to say: the runner skips it on a document without them."""

    code: str
    name: str
    severity: Severity
    summary: str
    run: CheckFunction
    needs: frozenset[str] = frozenset()

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


def rule(code: str, name: str, severity: Severity, summary: str,
         needs: Iterable[str] = ()) -> Callable[[CheckFunction], Rule]:
    """Decorator turning a generator function into a ``Rule`` (it does not register it).
    ``needs`` names what the check reads (see ``needs.py``): declare only what the check
    cannot report without."""
    wanted = checked_needs(needs)

    def wrap(function: CheckFunction) -> Rule:
        return Rule(code, name, severity, summary, function, wanted)

    return wrap
