"""Loading and vetting a schema, once, so that validation itself cannot fetch, loop or crash:

* it must be a JSON object (or boolean) of at most ``MAX_SCHEMA_BYTES``, valid against
  the metaschema of its ``$schema`` (drafts 4, 6, 7, 2019-09 and 2020-12; 2020-12 when
  absent);
* every ``$ref`` and ``$dynamicRef`` is resolved now: only references inside the schema
  itself (``#``, ``#/json/pointer``, ``#anchor``) are allowed; a remote or file
  reference, or one that points nowhere, is refused with a one-line ``SchemaError``
  (exit 2), and nothing is ever fetched (the registry refuses all retrieval);
* a cycle of references that never descends into the instance (``a`` -> ``b`` -> ``a``,
  which passes ``check_schema`` and then raises ``RecursionError``) is refused;
* every ``format`` the schema uses must have a checker here (``date`` does).

The bundled schema is trusted (a test vets it the same way), so a run that uses it
skips the vetting; a schema given with ``--schema`` is always vetted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..errors import SchemaError
from ..model.spans import escape
from ..resources import schema_path

MAX_SCHEMA_BYTES = 10 * 1024 * 1024
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"

# Keywords whose value is a schema, an object of schemas, or an array of schemas.
_SCHEMA_VALUED = ("additionalProperties", "propertyNames", "contains", "not", "if", "then",
                  "else", "unevaluatedItems", "unevaluatedProperties", "contentSchema",
                  "additionalItems", "items")
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions",
                "dependentSchemas", "dependencies")
_SCHEMA_ARRAYS = ("allOf", "anyOf", "oneOf", "prefixItems", "items")
# Applicators that apply to the same instance: a cycle through these alone never ends.
_IN_PLACE_VALUED = ("not", "if", "then", "else")
_IN_PLACE_ARRAYS = ("allOf", "anyOf", "oneOf")


def _fail(file: Path, message: str) -> SchemaError:
    text = " ".join(message.split())
    if len(text) > 300:
        text = text[:297] + "..."
    return SchemaError(f"{file}: {text}")


@cache
def load_schema(path: str | None = None) -> dict[str, Any] | bool:
    """The bundled schema (trusted) or the schema at ``path`` (vetted), read once."""
    file = Path(path) if path else schema_path()
    schema = read_schema(file)
    if path is not None:
        vet_schema(schema, file)
    return schema


def vet_schema(schema: dict[str, Any] | bool, file: Path) -> None:
    """Refuse a schema that could fetch, loop or crash (see the module docstring)."""
    cls = validator_class(schema, file)
    try:
        cls.check_schema(schema)
    except RecursionError:
        raise _fail(file, "invalid schema: nested too deeply") from None
    except Exception as exc:  # jsonschema.exceptions.SchemaError
        raise _fail(file, f"invalid schema: {getattr(exc, 'message', exc)}") from None
    walk = _walk(schema)
    _check_references(schema, walk, file)
    _check_formats(walk.nodes, file)


def read_schema(file: Path) -> dict[str, Any] | bool:
    try:
        if file.is_dir():
            raise _fail(file, "cannot read schema: is a directory")
        if file.stat().st_size > MAX_SCHEMA_BYTES:
            raise _fail(file, f"cannot read schema: larger than {MAX_SCHEMA_BYTES} bytes")
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise _fail(file, f"cannot read schema: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise _fail(file, "cannot read schema: not UTF-8") from None
    try:
        schema = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(f"{file}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from None
    except RecursionError:
        raise _fail(file, "invalid JSON: nested too deeply") from None
    if not isinstance(schema, (dict, bool)):
        raise _fail(file, "invalid schema: not a JSON object")
    return schema


def validator_class(schema: dict[str, Any] | bool, file: Path) -> Any:
    from jsonschema import validators

    known = {
        cls.META_SCHEMA["$schema"].rstrip("#"): cls
        for cls in (validators.Draft4Validator, validators.Draft6Validator,
                    validators.Draft7Validator, validators.Draft201909Validator,
                    validators.Draft202012Validator)
    }
    dialect = schema.get("$schema") if isinstance(schema, dict) else None
    if dialect is None:
        return validators.Draft202012Validator
    if not isinstance(dialect, str) or dialect.rstrip("#") not in known:
        raise _fail(file, f"unknown $schema {dialect!r}; use one of the JSON Schema drafts "
                    "4, 6, 7, 2019-09 or 2020-12")
    return known[dialect.rstrip("#")]


class _Walk:
    """Every subschema by JSON pointer, the resource root each one is in (an embedded
    ``$id`` starts a new one), and anchors as (resource root, name) -> pointer."""

    def __init__(self) -> None:
        self.nodes: dict[str, Any] = {}
        self.roots: dict[str, str] = {}
        self.anchors: dict[tuple[str, str], str] = {}


def _walk(schema: Any) -> _Walk:
    found = _Walk()
    nodes, anchors = found.nodes, found.anchors
    stack: list[tuple[str, Any, str]] = [("", schema, "")]
    while stack:
        pointer, node, root = stack.pop()
        nodes[pointer] = node
        if not isinstance(node, dict):
            continue
        if pointer and isinstance(node.get("$id"), str) and not node["$id"].startswith("#"):
            root = pointer  # an embedded resource: '#...' inside it is relative to it
        for key in ("$anchor", "$dynamicAnchor"):
            if isinstance(node.get(key), str):
                anchors[(root, node[key])] = pointer
        found.roots[pointer] = root
        for key, child in _children(node):
            stack.append((f"{pointer}/{key}", child, root))
    return found


def _children(node: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """(pointer suffix, subschema) for each subschema directly under ``node``."""
    for key in _SCHEMA_VALUED:
        value = node.get(key)
        if isinstance(value, (dict, bool)):
            yield escape(key), value
    for key in _SCHEMA_MAPS:
        value = node.get(key)
        if isinstance(value, dict):
            for name, sub in value.items():
                if isinstance(sub, (dict, bool)):
                    yield f"{escape(key)}/{escape(name)}", sub
    for key in _SCHEMA_ARRAYS:
        value = node.get(key)
        if isinstance(value, list):
            for index, sub in enumerate(value):
                if isinstance(sub, (dict, bool)):
                    yield f"{escape(key)}/{index}", sub


def _check_references(schema: Any, walk: _Walk, file: Path) -> None:
    nodes = walk.nodes
    root_id = schema.get("$id", "") if isinstance(schema, dict) else ""
    root_id = root_id.split("#")[0] if isinstance(root_id, str) else ""
    edges: dict[str, list[str]] = {}
    for pointer, node in nodes.items():
        if not isinstance(node, dict):
            continue
        targets: list[str] = []
        for key in ("$ref", "$dynamicRef", "$recursiveRef"):
            ref = node.get(key)
            if ref is None:
                continue
            if not isinstance(ref, str):
                raise _fail(file, f"{key} at {pointer or '/'} is not a string")
            targets.append(_resolve(ref, key, pointer, walk, root_id, file))
        for key in _IN_PLACE_VALUED:
            if key in node and isinstance(node[key], (dict, bool)):
                targets.append(f"{pointer}/{key}")
        for key in _IN_PLACE_ARRAYS:
            if isinstance(node.get(key), list):
                targets.extend(f"{pointer}/{key}/{index}" for index in range(len(node[key])))
        if isinstance(node.get("dependentSchemas"), dict):
            targets.extend(f"{pointer}/dependentSchemas/{escape(name)}"
                           for name in node["dependentSchemas"])
        edges[pointer] = targets
    _refuse_cycles(edges, nodes, file)


def _resolve(ref: str, key: str, pointer: str, walk: _Walk, root_id: str, file: Path) -> str:
    """The pointer a local reference leads to; ``SchemaError`` for any other."""
    where = pointer or "/"
    resource = walk.roots.get(pointer, "")
    if root_id and ref.startswith(root_id + "#"):
        ref, resource = ref[len(root_id):], ""
    if not ref.startswith("#"):
        raise _fail(file, f"{key} {ref!r} at {where} points outside the schema; only local "
                    "references ('#/...') are allowed, nothing is fetched")
    fragment = unquote(ref[1:])
    if fragment == "" or fragment.startswith("/"):
        target = resource + fragment
        if target not in walk.nodes:
            raise _fail(file, f"{key} {ref!r} at {where} points to nothing in the schema")
        return target
    found = walk.anchors.get((resource, fragment))
    if found is None:
        raise _fail(file, f"{key} {ref!r} at {where} names an anchor the schema does not "
                    "define")
    return found


def _refuse_cycles(edges: dict[str, list[str]], nodes: dict[str, Any], file: Path) -> None:
    """A cycle of in-place applicators (``$ref``, ``allOf``, ...) recurses forever."""
    state: dict[str, int] = {}  # 1 on the path, 2 done
    for start in edges:
        if state.get(start):
            continue
        path: list[str] = [start]
        iters = [iter(edges.get(start, ()))]
        state[start] = 1
        while iters:
            nxt = next(iters[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                iters.pop()
                continue
            if state.get(nxt) == 1:
                loop = [*path[path.index(nxt):], nxt]
                shown = " -> ".join(f"#{p}" for p in loop if "$ref" in _keys(nodes, p)) or \
                    " -> ".join(f"#{p}" for p in loop)
                raise _fail(file, f"$ref cycle that never reaches the instance: {shown}")
            if not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                iters.append(iter(edges.get(nxt, ())))


def _keys(nodes: dict[str, Any], pointer: str) -> tuple[str, ...]:
    node = nodes.get(pointer)
    return tuple(node) if isinstance(node, dict) else ()


def _check_formats(nodes: dict[str, Any], file: Path) -> None:
    from jsonschema import FormatChecker

    checkable = FormatChecker().checkers
    for pointer, node in sorted(nodes.items()):
        if isinstance(node, dict) and isinstance(node.get("format"), str) and (
                node["format"] not in checkable):
            raise _fail(file, f"format {node['format']!r} at {pointer or '/'} cannot be "
                        "checked here (no checker is installed for it); remove it, or "
                        f"use one of: {', '.join(sorted(checkable))}")
