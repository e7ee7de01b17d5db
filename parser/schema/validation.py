"""Validating a document: every violation becomes an SC001 finding placed at the source.

Two validators share the work. When ``jsonschema-rs`` (compiled, a dependency) is
importable, it answers "is this document valid?" in a fraction of a millisecond; only
a document it rejects goes through ``jsonschema``, which gives every error with its
path for the located SC001 findings. Valid documents, the usual case, never import
``jsonschema`` at all, which keeps the command's start-up short. Without
``jsonschema-rs`` every document goes through ``jsonschema``; the findings are the same
either way (a differential test keeps the two validators' verdicts in step).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Severity
from ..model.spans import Span, escape, locate
from ..resources import schema_path
from .vetting import DRAFT_2020_12, load_schema, validator_class

MAX_MESSAGE_CHARS = 200
MAX_ERRORS = 1000


@cache
def load_validator(path: str | None = None) -> Any:
    """A compiled validator for the bundled schema (or ``path``), built once."""
    from jsonschema import FormatChecker
    from referencing import Registry
    from referencing.exceptions import NoSuchResource

    file = Path(path) if path else schema_path()
    schema = load_schema(path)
    cls = validator_class(schema, file)

    def refuse(uri: str) -> Any:
        raise NoSuchResource(ref=uri)  # type: ignore[call-arg]

    registry: Registry[Any] = Registry(retrieve=refuse)  # type: ignore[call-arg]
    return cls(schema, registry=registry, format_checker=FormatChecker())


@cache
def fast_validator(path: str | None = None) -> Callable[[Any], bool] | None:
    """``jsonschema-rs``'s compiled ``is_valid`` for a 2020-12 schema; None when it is not
    installed or the schema is of another draft (then ``jsonschema`` alone is used)."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    schema = load_schema(path)
    dialect = schema.get("$schema", "") if isinstance(schema, dict) else ""
    if not isinstance(schema, dict) or dialect.rstrip("#") not in ("", DRAFT_2020_12):
        return None

    def refuse(uri: str) -> Any:
        raise ValueError(f"not fetching {uri}: only local references are allowed")

    try:
        validator = jsonschema_rs.Draft202012Validator(schema, validate_formats=True,
                                                       retriever=refuse)
    except (ValueError, jsonschema_rs.ReferencingError):
        return None  # let jsonschema report it
    is_valid: Callable[[Any], bool] = validator.is_valid
    return is_valid


def validate(data: dict[str, Any], spans: Mapping[str, Span],
             schema_file: str | None = None) -> list[Diagnostic]:
    """Every schema violation as an SC001 error placed at the source of the object it concerns.

    At most ``MAX_ERRORS`` are listed; a last finding says when more were left out.
    """
    fast = fast_validator(schema_file)
    if fast is not None and fast(data):
        return []
    validator = load_validator(schema_file)
    out: list[Diagnostic] = []
    for error in validator.iter_errors(data):
        if len(out) == MAX_ERRORS:
            out.append(Diagnostic(
                "SC001", Severity.ERROR, f"schema: more than {MAX_ERRORS} violations; the "
                "rest are not listed", 1, 1, None, None, "", "schema"))
            break
        pointer = "".join(f"/{escape(str(part))}" for part in error.absolute_path)
        span = locate(spans, pointer)
        message = " ".join(str(error.message).split())
        if len(message) > MAX_MESSAGE_CHARS:
            message = message[: MAX_MESSAGE_CHARS - 3] + "..."
        shown = pointer if len(pointer) <= 120 else pointer[:117] + "..."
        out.append(Diagnostic(
            "SC001", Severity.ERROR, f"schema: {message} (at {shown or '/'})",
            span.line, span.column, span.end_line, span.end_column, pointer, "schema",
        ))
    return out
