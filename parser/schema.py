"""Stage 5, schema validation: the JSON is checked against ``schemas/scoreline.schema.json``.

The schema is loaded and checked once per process. ``$ref`` resolution is
local only: a reference to anything outside the schema itself is refused when
the schema is loaded, so validation never touches the network or the disk.
Formats the schema uses (``date``) are checked.

Two validators share the work. When ``jsonschema-rs`` (compiled, a dependency)
is importable, it answers "is this document valid?" in a fraction of a
millisecond; only a document it rejects goes through ``jsonschema``, which
gives every error with its path for the located SC001 findings. Valid
documents, the usual case, never import ``jsonschema`` at all, which also keeps
the command's start-up short. Without ``jsonschema-rs`` every document goes
through ``jsonschema``; the findings are the same either way (a differential
test keeps the two validators' verdicts in step).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, Severity
from .errors import SchemaError
from .resources import schema_path
from .spans import Span, escape, locate

MAX_MESSAGE_CHARS = 200


def _local_refs(node: Any, path: str, found: list[str]) -> None:
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                found.append(ref)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


@cache
def load_schema(path: str | None = None) -> dict[str, Any]:
    """The bundled schema (or ``path``), read once; external ``$ref``s are refused."""
    file = Path(path) if path else schema_path()
    try:
        schema = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SchemaError(f"{file}: cannot read schema: {exc}") from None
    if not isinstance(schema, dict):
        raise SchemaError(f"{file}: invalid schema: not a JSON object")
    external: list[str] = []
    _local_refs(schema, "", external)
    if external:
        raise SchemaError(
            f"{file}: $ref {external[0]!r} points outside the schema; only local references "
            "('#/...') are allowed, nothing is fetched"
        )
    return schema


@cache
def load_validator(path: str | None = None) -> Any:
    """A compiled Draft 2020-12 ``jsonschema`` validator for the bundled schema (or ``path``)."""
    from jsonschema import Draft202012Validator, FormatChecker
    from jsonschema.exceptions import SchemaError as JsonSchemaError
    from referencing import Registry
    from referencing.exceptions import Unresolvable

    file = Path(path) if path else schema_path()
    schema = load_schema(path)
    try:
        Draft202012Validator.check_schema(schema)
    except JsonSchemaError as exc:
        raise SchemaError(f"{file}: invalid schema: {exc.message}") from None

    def refuse(uri: str) -> Any:
        raise Unresolvable(uri)

    registry: Registry[Any] = Registry(retrieve=refuse)  # type: ignore[call-arg]
    validator = Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
    return validator


@cache
def fast_validator(path: str | None = None) -> Callable[[Any], bool] | None:
    """``jsonschema-rs``'s compiled ``is_valid`` for the schema; None when it is not installed.

    A schema it finds invalid is left to ``load_validator``, which names the problem.
    """
    try:
        import jsonschema_rs
    except ImportError:
        return None
    schema = load_schema(path)
    try:
        if not jsonschema_rs.meta.is_valid(schema):
            load_validator(path)  # raises SchemaError with jsonschema's message
            return None

        def refuse(uri: str) -> Any:
            raise ValueError(f"not fetching {uri}: only local references are allowed")

        validator = jsonschema_rs.Draft202012Validator(schema, validate_formats=True,
                                                       retriever=refuse)
    except (ValueError, jsonschema_rs.ReferencingError):
        return None  # let jsonschema report it
    is_valid: Callable[[Any], bool] = validator.is_valid
    return is_valid


def validate(data: dict[str, Any], spans: dict[str, Span],
             schema_file: str | None = None) -> list[Diagnostic]:
    """Every schema violation as an SC001 error placed at the source of the object it concerns."""
    fast = fast_validator(schema_file)
    if fast is not None and fast(data):
        return []
    validator = load_validator(schema_file)
    out: list[Diagnostic] = []
    for error in validator.iter_errors(data):
        pointer = "".join(f"/{escape(str(part))}" for part in error.absolute_path)
        span = locate(spans, pointer)
        message = error.message
        if len(message) > MAX_MESSAGE_CHARS:
            message = message[: MAX_MESSAGE_CHARS - 3] + "..."
        out.append(Diagnostic(
            "SC001", Severity.ERROR, f"schema: {message} (at {pointer or '/'})",
            span.line, span.column, span.end_line, span.end_column, pointer, "schema",
        ))
    return out
