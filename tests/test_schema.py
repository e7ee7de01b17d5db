"""Schema validation: violations become SC001 findings placed at the source of the object."""

from __future__ import annotations

import json

from parser.api import parse
from parser.resources import schema_path
from parser.schema import load_validator, validate

TEXT = "= T =\n\n== Final ==\nMay 3, 2031\nElm FC 2-1 Oak SC\n"


def test_bundled_schema_is_draft_2020_12_with_descriptions_everywhere() -> None:
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    missing: list[str] = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if "description" not in sub:
                    missing.append(f"{where}/{name}")
            for key, sub in node.items():
                walk(sub, f"{where}/{key}")
        elif isinstance(node, list):
            for index, sub in enumerate(node):
                walk(sub, f"{where}/{index}")

    walk(schema, "")
    assert missing == []


def test_violation_points_at_the_source_line_of_its_object() -> None:
    document = parse(TEXT)
    assert [d for d in document.diagnostics if d.code == "SC001"] == []
    document.data["rounds"][0]["matches"][0]["home_score"] = -1
    document.data["rounds"][0]["matches"][0]["status"] = "won"
    found = validate(document.data, document.spans)
    assert sorted((d.code, d.pointer, d.line) for d in found) == [
        ("SC001", "/rounds/0/matches/0/home_score", 5),
        ("SC001", "/rounds/0/matches/0/status", 5),
    ]
    assert all(d.severity.value == "error" for d in found)


def test_unknown_property_is_reported_not_ignored() -> None:
    document = parse(TEXT)
    document.data["rounds"][0]["extra"] = 1
    (finding,) = validate(document.data, document.spans)
    assert finding.pointer == "/rounds/0" and finding.line == 3


def test_formats_are_checked() -> None:
    document = parse(TEXT)
    document.data["rounds"][0]["matches"][0]["date_iso"] = "2031-02-30"
    (finding,) = validate(document.data, document.spans)
    assert finding.pointer.endswith("/date_iso")


def test_validator_is_built_once() -> None:
    assert load_validator() is load_validator()


def test_bundled_schema_passes_the_vetting_given_to_user_schemas() -> None:
    from parser.schema import read_schema as _read
    from parser.schema import vet_schema

    vet_schema(_read(schema_path()), schema_path())
