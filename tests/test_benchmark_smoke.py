"""The benchmark script runs (tiny, ``--quick``) and prints its one table. No timing asserts."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_quick_benchmark_prints_the_table() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
                            capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert " cores (" in out.splitlines()[0]
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| # | measurement | median |")
    numbers = [row.split("|")[1].strip() for row in rows[1:]]
    assert numbers == ["1", "2", "2b", "3", "4a", "4b", "4c", "5a", "5b", "5c", "6a", "6b", "7a", "7b",
                       "8", "9a", "9b"]
