"""Schemas are vetted when loaded: local references only, all resolved, no cycles, formats
checkable; a bad --schema stops the run with one line and exit 2, before any file is read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from parser.api import parse
from parser.errors import SchemaError
from parser.resources import schema_path
from parser.schema import MAX_ERRORS, load_validator, validate

from .conftest import SEED

BAD = {
    "remote": ({"$ref": "https://example.com/s.json"}, "points outside the schema"),
    "file": ({"properties": {"a": {"$ref": "file:///etc/passwd"}}}, "points outside the schema"),
    "relative-file": ({"$ref": "other.json#/x"}, "points outside the schema"),
    "dynamic-remote": ({"$dynamicRef": "https://example.com/s.json#meta"},
                       "points outside the schema"),
    "nowhere": ({"$ref": "#/$defs/missing"}, "points to nothing in the schema"),
    "no-anchor": ({"properties": {"a": {"$ref": "#nope"}}}, "names an anchor"),
    "cycle": ({"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}},
               "$ref": "#/$defs/a"}, "$ref cycle"),
    "self": ({"$ref": "#"}, "$ref cycle"),
    "format": ({"properties": {"a": {"format": "uri"}}}, "format 'uri' at /properties/a"),
    "dialect": ({"$schema": "https://example.com/my-dialect"}, "unknown $schema"),
    "invalid": ({"type": 12}, "invalid schema"),
    "array": ([1, 2], "not a JSON object"),
}
GOOD = {
    "recursive": {"type": "object", "properties": {
        "title": {"type": "string"}, "sections": {"type": "array", "items": {"$ref": "#"}}}},
    "anchor": {"$defs": {"x": {"$anchor": "line", "type": "string"}},
               "properties": {"title": {"$ref": "#line"}}},
    "draft-7": {"$schema": "http://json-schema.org/draft-07/schema#",
                "definitions": {"s": {"type": "string"}},
                "properties": {"title": {"$ref": "#/definitions/s"}}},
    "data-not-refs": {"properties": {"title": {"type": "string",
                                               "default": {"$ref": "https://example.com"}}}},
    "own-id": {"$id": "https://x.invalid/s.json", "$defs": {"s": {"type": "string"}},
               "properties": {"title": {"$ref": "https://x.invalid/s.json#/$defs/s"}}},
    "escaped": {"$defs": {"a b": {"type": "string"}},
                "properties": {"title": {"$ref": "#/$defs/a%20b"}}},
}


def _write(tmp_path: Path, name: str, schema: Any) -> str:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(schema), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("name", list(BAD))
def test_bad_schemas_are_refused_at_load(tmp_path: Path, name: str) -> None:
    schema, words = BAD[name]
    with pytest.raises(SchemaError) as info:
        load_validator(_write(tmp_path, name, schema))
    message = str(info.value)
    assert words in message and "\n" not in message and len(message) < 600


@pytest.mark.parametrize("name", list(GOOD))
def test_good_schemas_load_and_validate(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path, name, GOOD[name])
    document = parse("= T =\n== Final ==\nElm FC 2-1 Oak SC\n")
    assert validate(document.data, document.spans, path) == []
    document.data["title"] = 5
    assert [d.pointer for d in validate(document.data, document.spans, path)] == ["/title"]


def test_unreadable_and_broken_schema_files(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"a": 1,,}', encoding="utf-8")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    for path, words in ((broken, "broken.json:1:9: invalid JSON"), (deep, "nested too deeply"),
                        (tmp_path / "missing.json", "cannot read schema"),
                        (tmp_path, "is a directory")):
        with pytest.raises(SchemaError, match=words):
            load_validator(str(path))


def test_the_bundled_schema_passes_its_own_vetting() -> None:
    assert load_validator(str(schema_path())) is not None
    assert load_validator() is load_validator()


def test_violations_are_bounded_in_number_and_length(tmp_path: Path) -> None:
    path = _write(tmp_path, "strict", {"properties": {"rounds": {"items": {"properties": {
        "matches": {"items": {"properties": {"home": {"maxLength": 1}}}}}}}}})
    text = "= T =\n== Final ==\n" + "".join(f"Elm FC {i % 10}-1 Oak SC\n" for i in range(1200))
    document = parse(text)
    document.data["title"] = "x" * 100_000
    found = validate(document.data, document.spans, path)
    assert len(found) == MAX_ERRORS + 1 and "not listed" in found[-1].message
    assert max(len(d.message) for d in found) < 400


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "parser", *args], capture_output=True,
                          text=True, timeout=60, check=False)


@pytest.mark.parametrize("command", ["convert", "check"])
def test_cli_refuses_a_remote_ref_with_one_line_and_exit_2(tmp_path: Path, command: str) -> None:
    path = _write(tmp_path, "remote", BAD["remote"][0])
    result = _cli(command, "--schema", path, str(SEED))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "points outside the schema" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_validates_against_a_user_schema(tmp_path: Path) -> None:
    path = _write(tmp_path, "title", {"properties": {"title": {"maxLength": 3}}})
    result = _cli("check", "--schema", path, str(SEED))
    assert result.returncode == 1 and "SC001 schema:" in result.stdout
