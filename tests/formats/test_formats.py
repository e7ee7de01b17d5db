"""One snapshot per output format, all rendered from the same findings; SARIF validates
against the SARIF 2.1.0 schema, JUnit parses as XML, GitHub lines follow the workflow
command syntax. Refresh the snapshots with SCORELINE_UPDATE_SNAPSHOTS=1 and review the diff."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from parser.batch.file_report import FileReport, Summary
from parser.catalogue import catalogue
from parser.diagnostics import Diagnostic, Severity
from parser.formats import FORMAT_NAMES, renderer

HERE = Path(__file__).parent
SNAPSHOTS = HERE / "snapshots"
SARIF_SCHEMA = HERE.parent / "data" / "sarif-2.1.0.json"

REPORTS = [
    FileReport("samples/seed/000_40227375bb590b15.txt", (
        Diagnostic("CO105", Severity.INFO, "infobox Num Teams 64 counts the 64 distinct teams in "
                   "the rounds", 6, 14, None, None, "/infobox/fields/2/value",
                   "infobox-count-scope"),
        Diagnostic("CO101", Severity.ERROR, "heading says 21 teams, but 20 are listed in this "
                   "section: 9 under 'Division Winners' (line 20) and 11 under 'At-Large "
                   "Berths' (line 32)", 16, 32, 16, 40, "/declared_counts/1",
                   "heading-count-mismatch"),
        Diagnostic("CO102", Severity.ERROR, "the text says '12 at large berths', but "
                   "'At-Large Berths' (line 32) lists 11 teams", 18, 101, 18, 118,
                   "/declared_counts/4", "prose-count-mismatch"),
    )),
    FileReport("dir with space/ünïcode & <odd>.txt", (
        Diagnostic("PA001", Severity.INFO, "line not understood, kept as text: \"'''\"", 3, 1,
                   3, None, "/unparsed/0", "parse"),
        Diagnostic("DA401", Severity.WARNING, "date 'September 31' does not exist: 100% sure, "
                   "a, b: c", 7, 1, 7, 12, "/rounds/0/matches/0/date", "nonexistent-date"),
        Diagnostic("NA701", Severity.WARNING, "'Quarrington Rover FC' in Quarter-finals is not a "
                   "team of the earlier rounds; did you mean 'Quarrington Rovers FC' (line 21)?",
                   42, 1, 42, 20, "/rounds/1/matches/0/home", "near-miss-name"),
    )),
    FileReport("clean.txt", ()),
    FileReport("missing.txt", (Diagnostic("IN004", Severity.ERROR, "no such file", 1, 1,
                                          check="input"),), failed_input=True),
]
SUMMARY = Summary.of(list(REPORTS), 0.0)
# html is the report page of one file (tests/report/); these render four files at once
FINDINGS_FORMATS = [name for name in FORMAT_NAMES if name != "html"]
CASES = [(name, False) for name in FINDINGS_FORMATS] + [("text", True)]


def _render(name: str, color: bool = False, strict: bool = False) -> str:
    return renderer(name)(REPORTS, SUMMARY, color=color, strict=strict)


@pytest.mark.parametrize(("name", "color"), CASES,
                         ids=[f"{n}{'-color' if c else ''}" for n, c in CASES])
def test_snapshot(name: str, color: bool) -> None:
    snapshot = SNAPSHOTS / f"{name}{'-color' if color else ''}.txt"
    actual = _render(name, color)
    if os.environ.get("SCORELINE_UPDATE_SNAPSHOTS") == "1":
        snapshot.write_text(actual, encoding="utf-8")
    assert actual == snapshot.read_text(encoding="utf-8")


def test_every_format_is_a_module_found_by_name() -> None:
    assert set(FORMAT_NAMES) == {"text", "json", "github", "sarif", "junit", "html"}
    for name in FINDINGS_FORMATS:
        assert _render(name) == _render(name), "pure and deterministic"


def test_html_renders_the_page_of_one_file_and_refuses_several() -> None:
    from parser.errors import UsageError

    page = renderer("html")(REPORTS[1:2], SUMMARY)
    assert page.startswith("<!DOCTYPE html>") and page.count('<li class="finding') == 3
    assert "ünïcode &amp; &lt;odd&gt;.txt" in page
    with pytest.raises(UsageError, match="renders one file"):
        renderer("html")(REPORTS, SUMMARY)


def test_sarif_validates_and_has_one_rule_per_code() -> None:
    log = json.loads(_render("sarif"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=lambda e: e.path)
    assert errors == [], errors[0].message if errors else ""
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(catalogue())
    assert all(r["shortDescription"]["text"] and r["help"]["text"] for r in rules)
    first = run["results"][1]
    assert first["ruleId"] == "CO101" and rules[first["ruleIndex"]]["id"] == "CO101"
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 16, "startColumn": 32, "endLine": 16, "endColumn": 41}
    uri = run["results"][3]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert " " not in uri and "<" not in uri


def test_json_carries_spans_names_and_doc_anchors() -> None:
    data = json.loads(_render("json"))
    finding = data["files"][0]["discrepancies"][1]
    assert finding["end_line"] == 16 and finding["end_column"] == 40
    assert finding["check"] == "heading-count-mismatch" and finding["url"] == "docs/rules.md#co101"
    assert data["summary"] == {"files": 4, "error": 3, "warning": 2, "info": 2,
                               "input_errors": 1}


def test_github_annotations_escape_properties_and_data() -> None:
    lines = _render("github").splitlines()
    command = re.compile(r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+"
                         r"(,endLine=\d+|,endColumn=\d+)?,title=[A-Z]{2}\d{3}::.+$")
    assert all(command.match(line) for line in lines[:-1]), lines
    assert "100%25 sure, a, b: c" in lines[4]
    assert lines[-1].startswith("scoreline: 4 files checked")


def test_junit_is_xml_and_fails_files_by_policy() -> None:
    root = ET.fromstring(_render("junit"))
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == [r.path for r in REPORTS]
    assert [bool(c.find("failure") is not None) for c in cases] == [True, False, False, False]
    assert cases[3].find("error") is not None
    strict = ET.fromstring(_render("junit", strict=True))
    assert [bool(c.find("failure") is not None) for c in strict.findall("./testsuite/testcase")
            ] == [True, True, False, False]
