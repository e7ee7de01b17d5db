"""The rule text of the codes a page reports, embedded in the page so its links work offline.

A check's documentation is its docstring (paragraphs, and ``Failing::``/``Passing::``
blocks of indented example text); a stage code's is its summary, example and fix.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..catalogue import Entry, catalogue
from ..records import record


@record
class Part:
    """A paragraph (``kind == "text"``), the title of an example, or its text (``"code"``)."""

    kind: str
    text: str


@record
class Rule:
    """One code as the page explains it."""

    id: str
    code: str
    name: str
    severity: str
    summary: str
    parts: tuple[Part, ...]


def rule_id(code: str) -> str:
    """The element id of a code's rule text."""
    return f"rule-{code.lower()}"


def rules_for(codes: Iterable[str]) -> list[Rule]:
    """The rules of ``codes`` (unknown codes get a rule saying so), in the order given."""
    known = catalogue()
    out = []
    for code in codes:
        entry = known.get(code)
        if entry is None:
            out.append(Rule(rule_id(code), code, "", "", "This code is not in the catalogue.",
                            ()))
            continue
        out.append(Rule(rule_id(code), code, entry.name, entry.severity.value, entry.summary,
                        parts(_documentation(entry))))
    return out


def _documentation(entry: Entry) -> str:
    if entry.doc:
        return entry.doc
    text = entry.summary
    if entry.example:
        text += "\n\nFailing::\n\n" + "\n".join("    " + line for line in entry.example.split("\n"))
    if entry.fix:
        text += f"\n\nFix: {entry.fix}"
    return text


def parts(doc: str) -> tuple[Part, ...]:
    """Split a docstring into paragraphs, example titles and example blocks."""
    out: list[Part] = []
    paragraph: list[str] = []
    block: list[str] | None = None

    def flush_block() -> None:
        nonlocal block
        if block is not None:
            while block and not block[-1].strip():
                block.pop()
            if block:
                out.append(Part("code", "\n".join(block)))
            block = None

    for line in [*doc.strip("\n").splitlines(), ""]:
        if block is not None and (not line.strip() or line.startswith("    ")):
            if block or line.strip():
                block.append(line[4:])
            continue
        flush_block()
        if line.strip():
            paragraph.append(line.strip())
            if line.rstrip().endswith("::"):
                title = " ".join(paragraph)[:-2].replace("``", "")
                out.append(Part("title", title))
                paragraph, block = [], []
            continue
        if paragraph:
            out.append(Part("text", " ".join(paragraph).replace("``", "")))
            paragraph = []
    flush_block()
    return tuple(out)
