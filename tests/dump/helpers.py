"""Running ``scoreline dump`` in the tests and reading what it wrote."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parser.cli import main

TABLES = ("matches", "standings", "entrants", "findings")


def dump(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str]:
    """Run the CLI in this process: (exit code, stderr)."""
    capsys.readouterr()
    status = main(["dump", *map(str, argv)])
    return status, capsys.readouterr().err


def documents(outdir: Path) -> list[dict[str, Any]]:
    """Every line of documents/, in partition order."""
    lines: list[dict[str, Any]] = []
    for part in sorted((outdir / "documents").glob("part-*.jsonl")):
        lines.extend(json.loads(line) for line in part.read_text(encoding="utf-8").splitlines())
    return lines


def tree(outdir: Path) -> dict[str, bytes]:
    """Every file under ``outdir`` (but the lock) by relative path, as bytes."""
    return {str(p.relative_to(outdir)): p.read_bytes() for p in sorted(outdir.rglob("*"))
            if p.is_file() and p.name != "_manifest.lock"}


def partitions(outdir: Path) -> list[str]:
    return sorted(p.stem for p in (outdir / "documents").glob("part-*.jsonl"))
