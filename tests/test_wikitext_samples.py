"""Wikitext samples: the two-form differential, everything accounted for, positions, properties."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import mwparserfromhell
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parser.api import check, parse
from parser.model.country_codes import country_name
from parser.model.coverage import uncovered_lines
from parser.schema import load_validator
from parser.wikitext.text import BOX_NAMES, template_name

from .conftest import SAMPLES

WIKI_SAMPLES = sorted((SAMPLES / "wikitext").glob("*.wiki")) + sorted(
    (SAMPLES / "both").glob("*.wiki"))
BOTH = sorted(p.with_suffix("") for p in (SAMPLES / "both").glob("*.wiki")
              if p.with_suffix(".txt").exists())
MATCH_KEYS = ("home", "away", "home_score", "away_score", "status", "aet", "home_pens",
              "away_pens", "date", "date_iso", "home_tag", "away_tag", "home_tier", "away_tier",
              "tie", "leg", "notes")
WHERE = ("line", "column", "block_line", "end_line")
_ROW_TEXT = re.compile(r"^\{\{\s*(?:two|one)\s*leg\s*result\s*\|", re.IGNORECASE)


def load(path: Path) -> Any:
    return parse(path.read_bytes(), path.as_posix())


def test_there_are_enough_wikitext_samples() -> None:
    assert len(list((SAMPLES / "wikitext").glob("*.wiki"))) >= 4
    assert BOTH


# ---- the same document in both forms -----------------------------------------------------


def _summary(data: dict[str, Any]) -> dict[str, Any]:
    """What both forms must agree on: everything but positions and form-specific text."""
    return {
        "title": data["title"],
        "infobox": [(f["name"], f["value"], f["notes"], f["country"])
                    for f in data["infobox"]["fields"]],
        "entrants": [{k: v for k, v in e.items() if k not in WHERE} for e in data["entrants"]],
        "declared_counts": [(c["count"], c["what"], c["source"], c["section"])
                            for c in data["declared_counts"]],
        "rounds": [{
            "name": r["name"], "region": r["region"], "section": r["section"],
            "year": r["year"],
            "matches": [{**{k: m[k] for k in MATCH_KEYS},
                         "scorers": [(s["team"], s["text"]) for s in m["scorers"]]}
                        for m in r["matches"]],
        } for r in data["rounds"]],
    }


@pytest.mark.parametrize("stem", BOTH, ids=[p.name for p in BOTH])
def test_both_forms_give_the_same_document(stem: Path) -> None:
    flat = load(stem.with_suffix(".txt"))
    wikitext = load(stem.with_suffix(".wiki"))
    assert (flat.data["source"]["form"], wikitext.data["source"]["form"]) == ("flat", "wikitext")
    assert _summary(wikitext.data) == _summary(flat.data)
    assert sum(len(r["matches"]) for r in flat.data["rounds"]) > 0
    # messages quote keys and lines as each form writes them, so compare codes and severities
    flat_findings = [(d.code, d.severity.value) for d in check(flat)]
    wiki_findings = [(d.code, d.severity.value) for d in check(wikitext)]
    assert [f for f in flat_findings if f[1] != "info"] == []
    assert wiki_findings == flat_findings


# ---- everything accounted for ------------------------------------------------------------


@pytest.mark.parametrize("sample", WIKI_SAMPLES, ids=[p.name for p in WIKI_SAMPLES])
def test_every_box_table_row_and_infobox_field_is_accounted_for(sample: Path) -> None:
    document = load(sample)
    data = document.data
    code = mwparserfromhell.parse(document.source.text, skip_style_tags=True)
    boxes = [t for t in code.filter_templates(recursive=True)
             if BOX_NAMES.match(template_name(t))]
    matches = [m for r in data["rounds"] for m in r["matches"]]
    without_teams = [d for d in document.diagnostics if d.code == "WT005"]
    from_boxes = [m for m in matches if m["source"] == "template"
                  and not _ROW_TEXT.match(m["text"] or "")]  # result rows keep their template
    assert len(boxes) == len(from_boxes) + len(without_teams)
    found_lines = {m["line"] for m in matches if m["source"] == "table"} | {
        d.line for d in document.diagnostics if d.code in ("PA002", "WT006")}
    stack = list(data["sections"])
    while stack:
        section = stack.pop()
        stack.extend(section["children"])
        for block in section["blocks"]:
            if block["kind"] == "table" and block["role"] == "results":
                rows = {row["line"] for row in block["rows"] if any(row["cells"])}
                assert rows <= found_lines, f"rows {sorted(rows - found_lines)} lost"
    infoboxes = [t for t in code.filter_templates(recursive=False)
                 if template_name(t).startswith("infobox")]
    if infoboxes:
        params = [p for p in infoboxes[0].params if p.showkey or str(p.value).strip()]
        assert len(params) == len(data["infobox"]["fields"])


def _shows(name: str, text: str) -> bool:
    """Whether ``text`` holds the team ``name``, or the code ``{{fb|CODE}}`` names it by."""
    return name in text or any(country_name(code) == name
                               for code in re.findall(r"\b[A-Z]{3}\b", text))


@pytest.mark.parametrize("sample", WIKI_SAMPLES, ids=[p.name for p in WIKI_SAMPLES])
def test_matches_and_entrants_point_at_their_teams(sample: Path) -> None:
    document = load(sample)
    for r_index, round_ in enumerate(document.data["rounds"]):
        for m_index, match in enumerate(round_["matches"]):
            for side in ("home", "away"):
                span = document.locate(f"/rounds/{r_index}/matches/{m_index}/{side}")
                line = document.source.line_text(span.line)
                assert _shows(match[side], line[span.column - 1:]), (side, match[side], line)
    for index, entrant in enumerate(document.data["entrants"]):
        span = document.locate(f"/entrants/{index}")
        line = document.source.line_text(span.line)
        assert _shows(entrant["name"], line[span.column - 1:].replace("[[", "").replace("]]", "")
                      ) or entrant["name"] in line, (entrant["name"], line)


def test_goldens_of_wikitext_samples_say_wikitext() -> None:
    for sample in WIKI_SAMPLES:
        name = sample.name + ".expected.json" if sample.with_suffix(".txt").exists() else (
            sample.stem + ".expected.json")
        golden = json.loads((sample.parent / name).read_text(encoding="utf-8"))
        assert golden["source"]["form"] == "wikitext"


# ---- properties ------------------------------------------------------------------------------

FRAGMENTS = [
    "== First round ==", "=== North ===", "= 2031 Elm Cup =", "Twelve teams entered.",
    "{{Football box\n|date=May 3, 2031\n|team1=[[Elm F.C.|Elm]]\n|score=2–1\n|team2=Oak\n}}",
    "{{footballbox collapsible|team1=Ash|score=1–1|team2=Pine|penaltyscore=4–3}}",
    "{{Football box\n|team1=Elm\n|score=1–0", "<!-- {{Football box|team1=A|score=1–0|team2=B}} -->",
    "{| class=\"wikitable\"\n! Home team !! Score !! Away team\n|-\n| Elm || 2–1 || Oak\n|}",
    "{|\n! rowspan=2 | Date !! Club\n|-\n| Elm",
    "* [[Elm F.C.|Elm FC]] (OH)\n* Oak SC", ";Playoffs", "<section begin=R1 />",
    "{{Infobox football tournament season\n|year=2031\n|num_teams={{nowrap|8}}\n}}",
    "Text<ref>{{cite web|title=x}}</ref> and {{convert|3|km}}.", "}}", "|}", "{{", "[[",
    "'''", "{{main|Elm Cup}}", "__NOTOC__", "| 1 || Elm || 2–1 || Oak", "!! x",
    "<div>{{Football box|team1=Yew|score=3–3|team2=Fir}}</div>", "",
    "{{#invoke:Sports table|main|style=WDL|team_order=ELM, OAK|win_ELM=1|gf_ELM=x|name_OAK=Oak}}",
    "{{#invoke:Sports results|main|team1=ELM|team2=OAK|match_ELM_OAK=[[d|2–1]]|match_X=1}}",
    "{{Fb cl header}}", "{{Fb cl2 team|p=1|t=Elm|w=2|pts=9}}", "{{Fb cl footer|s=FA}}",
    "{{Fb r2 header|ELM|OAK}}", "{{fb r|ELM|OAK|2–1}}", "{{fb r|ELM}}", "<onlyinclude>",
    "</onlyinclude>", "{{TwoLegResult|Elm||3–2|Oak||2–1|1–1}}", "== Group A ==",
    "{|\n! Pos !! Team !! Pld !! W !! D !! L !! Pts\n|-\n| 1 || Elm (C) || 1 || 1 || 0 || 0 || 3\n|}",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS),
                          st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")),
                                  max_size=30)), max_size=12))
def test_any_mix_of_wikitext_converts_validates_and_covers_every_line(parts: list[str]) -> None:
    text = "\n".join(parts) + "\n"
    document = parse(text, form="wikitext")
    assert list(load_validator().iter_errors(document.data)) == []
    assert uncovered_lines(document, check(document)) == []
    assert parse(text, form="wikitext").to_json() == document.to_json()
