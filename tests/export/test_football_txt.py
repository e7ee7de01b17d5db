"""``convert --to football.txt``: every match once, in order, with scores that read back the
same; golden files for two samples; a document without rounds is refused."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from parser.export.football_txt import NoRounds, render

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
GOLDEN_SAMPLES = ("flat/05_league_cup_two_legs.txt", "wikitext/01_cup_boxes.wiki")


def expected_documents() -> list[Path]:
    return sorted(p for p in SAMPLES.rglob("*.expected.json")
                  if any(r["matches"] for r in json.loads(p.read_text("utf-8"))["rounds"]))


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


# A match line as written: [time  ]home  score  away[  @ venue][  [status]][  # comment]
MATCH = re.compile(
    r"^    (?:(?P<time>\d{1,2}:\d{2}(?: UTC[+-]\d+(?::\d\d)?)?)  )?(?P<home>.+?)  "
    r"(?P<score>v|(?P<h>\d+)-(?P<a>\d+)(?P<aet> a\.e\.t\.)?(?:, (?P<hp>\d+)-(?P<ap>\d+) pen\.)?)"
    r"  (?P<away>.+?)(?:  @ (?P<venue>.+?))?(?:  \[(?P<status>[a-z]+)\])?"
    r"(?:  # (?P<agg_h>\d+)-(?P<agg_a>\d+) on aggregate)?$")


def read_back(text: str) -> list[dict[str, Any]]:
    """The matches of a Football.TXT text, as the format spells them."""
    out = []
    for line in text.splitlines():
        if not line.startswith("    "):
            continue
        found = MATCH.match(line)
        assert found, f"not a match line: {line!r}"
        g = found.groupdict()
        out.append({"home": g["home"], "away": g["away"], "home_score": number(g["h"]),
                    "away_score": number(g["a"]), "aet": g["aet"] is not None,
                    "home_pens": number(g["hp"]), "away_pens": number(g["ap"]),
                    "status": g["status"]})
    return out


def number(value: str | None) -> int | None:
    return None if value is None else int(value)


def in_text_order(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The document's matches in the order the text lists them (a round's legs apart)."""
    out: list[dict[str, Any]] = []
    for round_ in data["rounds"]:
        matches = round_["matches"]
        legs = list(dict.fromkeys(m.get("leg") for m in matches))
        if any(legs) and not re.search(r"\blegs?\b", round_["name"] or "", re.IGNORECASE):
            for leg in legs:
                out += [m for m in matches if m.get("leg") == leg]
        else:
            out += matches
    return out


@pytest.mark.parametrize("path", expected_documents(), ids=lambda p: p.name)
def test_every_match_appears_once_and_reads_back(path: Path) -> None:
    data = load(path)
    text = render(data, str(path))
    assert text.startswith("= ") and "\n▪ " in text
    written = read_back(text)
    expected = in_text_order(data)
    assert len(written) == sum(len(r["matches"]) for r in data["rounds"])
    for line, match in zip(written, expected, strict=True):
        assert line["home"] == " ".join((match["home"] or "?").split())
        assert line["away"] == " ".join((match["away"] or "?").split())
        has_score = isinstance(match["home_score"], int) and isinstance(match["away_score"], int)
        assert (line["home_score"], line["away_score"]) == (
            (match["home_score"], match["away_score"]) if has_score else (None, None))
        assert line["aet"] == bool(match["aet"] and has_score)
        if has_score and match["home_pens"] is not None and match["away_pens"] is not None:
            assert (line["home_pens"], line["away_pens"]) == (match["home_pens"],
                                                             match["away_pens"])
        shown = match["status"] if match["status"] not in ("played", "scheduled") else None
        assert line["status"] == shown


@pytest.mark.parametrize("path", expected_documents(), ids=lambda p: p.name)
def test_dates_are_written_in_order_of_the_document(path: Path) -> None:
    text = render(load(path), str(path))
    dates = [line.strip() for line in text.splitlines()
             if line.startswith("  ") and not line.startswith("    ")
             and not line.strip().startswith("#")]
    assert all(re.fullmatch(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{1,2}( \d{4})?", d)
               for d in dates), dates
    if dates:
        assert re.search(r" \d{4}$", dates[0]), "the first date carries its year"
    years = [int(d[-4:]) for d in dates if re.search(r" \d{4}$", d)]
    assert all(a != b for a, b in itertools.pairwise(years)), "a year only when it changes"


@pytest.mark.parametrize("sample", GOLDEN_SAMPLES)
def test_golden(sample: str) -> None:
    golden = GOLDEN / (Path(sample).name.split(".")[0] + ".football.txt")
    expected_json = SAMPLES / (sample.rsplit(".", 1)[0] + ".expected.json")
    assert render(load(expected_json), f"samples/{sample}") == golden.read_text("utf-8")


def test_the_command_writes_what_render_gives(tmp_path: Path) -> None:
    sample = SAMPLES / GOLDEN_SAMPLES[1]
    done = scoreline("convert", str(sample), "--to", "football.txt")
    assert done.returncode == 0, done.stderr
    golden = GOLDEN / "01_cup_boxes.football.txt"
    assert done.stdout == golden.read_text("utf-8")
    done = scoreline("convert", str(SAMPLES / "wikitext"), "--to", "football.txt",
                     "-o", f"{tmp_path}/")
    assert done.returncode == 0, done.stderr
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(p.stem + ".txt" for p in (SAMPLES / "wikitext").glob("*.wiki"))
    assert (tmp_path / "01_cup_boxes.txt").read_text("utf-8") == golden.read_text("utf-8")


def test_a_document_without_rounds_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NoRounds, match="no rounds with matches"):
        render({"title": "Empty", "rounds": []}, "empty.txt")
    empty = tmp_path / "notes.txt"
    empty.write_text("2031 Elm Cup\n\nThe 2031 Elm Cup was not played.\n", encoding="utf-8")
    done = scoreline("convert", str(empty), "--to", "football.txt")
    assert done.returncode == 2
    assert done.stderr.strip() == (f"scoreline: {empty}: no rounds with matches, nothing to "
                                   "write as Football.TXT")
    assert done.stdout == ""


def scoreline(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "parser", *args], capture_output=True,
                          text=True, check=False, cwd=ROOT)
