"""Time and peak memory of ``scoreline check`` on every bad input: ``python tests/bad_inputs/measure.py``.

Each input (the committed corpus and the ones ``tests/test_bad_inputs.py`` generates) runs
in its own process, one at a time; the wall time, the CPU time and the peak resident
memory come from ``wait4`` on that process. Prints a Markdown table, slowest first.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.test_bad_inputs import CASES, CORPUS  # noqa: E402


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory() as directory:
        for case in CASES:
            path = CORPUS / case.name
            if case.make is not None:
                path = Path(directory) / case.name
                path.write_bytes(case.make())
            command = [sys.executable, "-m", "parser", "check", "--output-format", "json",
                       *case.args, str(path)]
            started = time.monotonic()
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, cwd=ROOT)
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.monotonic() - started
            size = path.stat().st_size
            if case.make is not None:
                path.unlink()
            rows.append((wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                         os.waitstatus_to_exitcode(status), size, case))
    print("| input | size | exit | wall s | CPU s | peak MB | args |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for wall, cpu, peak, code, size, case in sorted(rows, key=lambda r: -r[0]):
        print(f"| {case.name} | {size:,} | {code} | {wall:.2f} | {cpu:.2f} | {peak:.0f} | "
              f"{' '.join(case.args)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
