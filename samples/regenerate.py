"""Regenerate the golden outputs beside every sample: ``python samples/regenerate.py``.

For each ``samples/**/NAME.txt`` (or ``.wiki``) it writes ``NAME.expected.json``
(the converted document) and ``NAME.findings`` (``scoreline check`` text
output, without the summary line), then the Football.TXT goldens of
``FOOTBALL_TXT_SAMPLES`` into ``tests/export/golden/NAME.football.txt``
(``scoreline convert --to football.txt``). Review the diff before committing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parser.api import check, parse  # noqa: E402

SUFFIXES = (".txt", ".wiki")
FOOTBALL_TXT_SAMPLES = ("flat/05_league_cup_two_legs.txt", "wikitext/01_cup_boxes.wiki")
FOOTBALL_TXT_GOLDENS = ROOT / "tests" / "export" / "golden"


def sample_files() -> list[Path]:
    """Every sample document, sorted."""
    return sorted(
        p for p in (ROOT / "samples").rglob("*")
        if p.suffix in SUFFIXES
    )


def outputs(sample: Path) -> tuple[str, str]:
    """(JSON text, findings text) for one sample, with its path relative to the repo root."""
    relative = sample.relative_to(ROOT).as_posix()
    document = parse(sample.read_bytes(), relative)
    findings = "".join(
        f"{relative}:{d.line}:{d.column}: {d.severity.value} {d.code} {d.message}\n"
        for d in check(document)
    )
    return document.to_json(), findings


def golden_paths(sample: Path) -> tuple[Path, Path]:
    """Where the goldens of a sample live (``NAME.wiki.*`` when a ``NAME.txt`` sits beside it)."""
    stem = sample.with_suffix("")
    if sample.suffix != ".txt" and sample.with_suffix(".txt").exists():
        stem = sample
    return stem.with_name(stem.name + ".expected.json"), stem.with_name(
        stem.name + ".findings")


def main() -> int:
    for sample in sample_files():
        json_text, findings = outputs(sample)
        json_path, findings_path = golden_paths(sample)
        json_path.write_text(json_text, encoding="utf-8")
        findings_path.write_text(findings, encoding="utf-8")
        print(f"wrote {json_path.relative_to(ROOT)} and {findings_path.name}")
    from parser.export.football_txt import render

    FOOTBALL_TXT_GOLDENS.mkdir(parents=True, exist_ok=True)
    for name in FOOTBALL_TXT_SAMPLES:
        sample = ROOT / "samples" / name
        document = parse(sample.read_bytes(), sample.relative_to(ROOT).as_posix())
        golden = FOOTBALL_TXT_GOLDENS / (sample.name.split(".")[0] + ".football.txt")
        golden.write_text(render(document.data, document.path), encoding="utf-8")
        print(f"wrote {golden.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
