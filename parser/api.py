"""The library API: read, parse, validate and check documents.

    >>> import parser
    >>> doc = parser.parse("= 2031 Elm Cup =\\n\\n==Final==\\nMay 3, 2031\\nElm FC 2-1 Oak SC\\n")
    >>> doc.data["rounds"][0]["matches"][0]["home_score"]
    2
    >>> [d.code for d in parser.check(doc)]
    []
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .collector import collector_paused
from .diagnostics import Diagnostic, Severity
from .errors import InputError, LocatedError, UsageError
from .model.document import Document
from .read.files import read_source
from .read.forms import FORMS, detect
from .read.source import DEFAULT_POLICY, InputPolicy, Source, decode, from_text

__all__ = ["check", "convert", "parse", "parse_file", "parse_source", "read_source"]


def parse_source(source: Source, *, form: str = "auto", validate: bool = True,
                 schema: str | None = None) -> Document:
    """Convert a decoded source into a ``Document`` (validated against the schema by default).

    ``schema`` is a schema file to validate against instead of the bundled one. A parser
    that gives up (``RecursionError``, ``MemoryError``, mwparserfromhell's ``ParserError``,
    a Lark error) raises ``ParseError``; time and memory limits are ``parser.guard``'s job.
    """
    from .guard import failure, parser_failures

    try:
        with collector_paused():
            return _parse_source(source, form, validate, schema)
    except parser_failures() as error:
        raise failure(error, source.path) from None


def _parse_source(source: Source, form: str, validate: bool, schema: str | None) -> Document:
    if form not in FORMS:
        raise UsageError(f"unknown input form {form!r}; choose from {', '.join(FORMS)}")
    chosen = form
    if form == "auto":
        detection = detect(source.text)
        if detection.form is None:
            raise InputError(source.path, "cannot tell whether this is the flat form or raw "
                             f"wikitext ({detection.reason}); pass --from flat or "
                             "--from wikitext", code="IN006")
        chosen = detection.form
    from .readers import reader_for

    data, spans, diagnostics = reader_for(chosen).build(source)
    document = Document(source, data, spans, diagnostics)
    if validate:
        from .guard import at
        from .schema import validate as schema_validate

        at(0)  # past the source lines: a failure from here on has no line to name
        document.diagnostics.extend(schema_validate(data, spans, schema))
    return document


def parse(text: str | bytes, path: str = "<string>", *, form: str = "auto",
          policy: InputPolicy = DEFAULT_POLICY) -> Document:
    """Parse text (or raw bytes) into a validated ``Document``."""
    source = (decode(text, path, policy) if isinstance(text, bytes)
              else from_text(text, path, policy=policy))
    return parse_source(source, form=form)


def parse_file(path: str | Path, *, form: str = "auto",
               policy: InputPolicy = DEFAULT_POLICY) -> Document:
    """Read and parse a file."""
    return parse_source(read_source(path, policy), form=form)


def convert(text: str | bytes, path: str = "<string>", *, form: str = "auto") -> dict[str, Any]:
    """The JSON (as a dict) of a document's text."""
    return parse(text, path, form=form).data


def check(document: Document, *, select: Iterable[str] = (), ignore: Iterable[str] = (),
          severities: Mapping[str, Severity] | None = None) -> list[Diagnostic]:
    """All findings for a document (parse, schema and checks), filtered and in a stable order.

    ``select``/``ignore`` take codes or prefixes; ``severities`` maps codes or prefixes to the
    severity to report them with (the longest match wins).
    """
    from .checks import run_checks, selected, severity_for

    select, ignore = tuple(select), tuple(ignore)
    found = [d.with_severity(severity_for(d.code, d.severity, severities))
             for d in document.diagnostics if selected(d.code, select, ignore)]
    with collector_paused():
        found.extend(run_checks(document, select=select, ignore=ignore, severities=severities))
    return sorted(set(found), key=Diagnostic.sort_key)


def input_error_diagnostic(error: LocatedError) -> Diagnostic:
    """An ``InputError`` (or ``ParseError``) as a diagnostic, for reports listing findings."""
    return error.to_diagnostic()
