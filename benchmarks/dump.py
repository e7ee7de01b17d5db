"""Benchmark of ``scoreline dump``: ``python benchmarks/dump.py`` (``--quick`` for a smoke run).

Generates a bz2 multistream dump with its index (100 pages a stream, as Wikimedia writes
them) of at least ``--size-mb`` MB of XML (default 200) in which about 1% of the bytes
are football competition pages (the wikitext samples; the rest is generated prose with
links, templates and categories), then times, as processes (wall clock):

* the decompression floor: ``bzip2 -dc FILE > /dev/null``;
* ``scoreline dump FILE -o OUT --force`` with the local engine and the dask engine
  (a LocalCluster), 1 and 2 workers each;
* the largest process's peak RSS of each run, and of a run on a dump a quarter of the
  size, to show that a worker's memory does not grow with the dump;
* the CPU time (user + system) of every run's processes, and from it the best ratio to the
  floor the run could reach with a free core per worker: on a shared machine the
  wall-clock ratio of a 2-worker run depends on what else runs, its CPU time does not.

``--engine`` and ``--jobs`` (each repeatable) measure only some of the rows.

The rows are measured round by round (each command once, then again), so that a change of
the machine's load affects every row alike. Prints one Markdown table. The generated dump
is kept in ``--cache`` (default: a directory in the system's temporary directory) and
reused while its parameters match.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parser.dump.writer import DumpPage, index_path, write_dump  # noqa: E402

FOOTBALL_SHARE = 0.01
_FOOTBALL_TITLE = re.compile(rb"<title>\d{4} Cup \d+</title>")
_MEASURE = ("import resource, subprocess, sys; s = subprocess.run(sys.argv[1:], "
            "stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
            "sys.stderr.write(s.stderr.decode()[-400:]); "
            "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
            "print(s.returncode, u.ru_maxrss, u.ru_utime + u.ru_stime)")


def _words(rng: random.Random, count: int) -> list[str]:
    letters = "etaoinshrdlucmfwypvbgkqjxz"
    weights = [12, 9, 8, 7.5, 7, 6.7, 6.3, 6, 5.9, 4.3, 4, 2.8, 2.8, 2.4, 2.4, 2.2, 2, 2, 1.9,
               1, 1.5, 1.3, 0.8, 0.2, 0.15, 0.1]
    return ["".join(rng.choices(letters, weights, k=rng.randint(2, 10))) for _ in range(count)]


def _paragraphs(rng: random.Random, count: int) -> list[str]:
    vocabulary = _words(rng, 6000)
    ranks = [1 / (i + 1) for i in range(len(vocabulary))]  # Zipf-like word frequencies
    out = []
    for _ in range(count):
        words = rng.choices(vocabulary, ranks, k=rng.randint(40, 110))
        for i in rng.sample(range(len(words)), k=min(4, len(words))):
            words[i] = f"[[{words[i].title()} {rng.choice(vocabulary)}]]"
        out.append(" ".join(words).capitalize() + ".")
    return out


def pages(size_bytes: int, seed: int = 2031) -> Iterator[DumpPage]:
    """Pages adding up to ``size_bytes`` of text, about 1% of it football competitions."""
    rng = random.Random(seed)
    pool = _paragraphs(rng, 20000)
    football = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").rglob("*.wiki"))]
    total = football_bytes = 0
    number = 0
    while total < size_bytes:
        number += 1
        if football_bytes < FOOTBALL_SHARE * total:
            text = rng.choice(football)
            football_bytes += len(text)
            title = f"{2000 + number % 40} Cup {number}"
        else:
            sections = [f"== {rng.choice(pool)[:24].strip()} ==\n" + "\n\n".join(
                rng.sample(pool, rng.randint(1, 4))) for _ in range(rng.randint(1, 5))]
            text = ("{{Short description|" + rng.choice(pool)[:30] + "}}\n"
                    + "\n\n".join(sections)
                    + "\n\n{{cite web|url=https://example.invalid/" + str(number) + "}}\n"
                    + f"[[Category:{rng.choice(pool)[:16]}]]\n")
            title = f"Page {number}"
        total += len(text)
        yield DumpPage(title, text, number, 10 * number)


@dataclass
class Generated:
    path: Path
    xml_mb: float
    football_pages: int


def generate(cache: Path, size_mb: int) -> Generated:
    """The dump for ``size_mb``, generated once into ``cache``."""
    path = cache / f"bench-{size_mb}mb-multistream.xml.bz2"
    marker = path.with_suffix(".done")
    if not (marker.is_file() and path.is_file() and index_path(path).is_file()):
        cache.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        write_dump(pages(size_mb * 1_000_000), path, pages_per_stream=100)
        marker.write_text(f"{time.perf_counter() - started:.1f}\n")
    xml = subprocess.run(["bzip2", "-dc", str(path)], capture_output=True, check=True).stdout
    return Generated(path, len(xml) / 1e6, len(_FOOTBALL_TITLE.findall(xml)))


@dataclass
class Run:
    seconds: float
    peak_mib: float
    cpu_seconds: float = 0.0  # user + system time of the command and all its processes


def measure(command: list[str]) -> Run:
    """Wall time of ``command`` and the peak RSS of its largest process."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True,
                          text=True, check=False)
    seconds = time.perf_counter() - started
    status, peak, cpu = done.stdout.split()
    if status != "0":
        raise SystemExit(f"benchmark: {' '.join(command)} failed ({status}): {done.stderr}")
    return Run(seconds, int(peak) / 1024, float(cpu))


def dump_command(path: Path, out: Path, engine: str, jobs: int,
                 partition: str) -> list[str]:
    return [sys.executable, "-m", "parser", "dump", str(path), "-o", str(out), "--force",
            "--engine", engine, "-j", str(jobs), "--partition-size", partition]


def main() -> int:
    args = _arguments()
    size = 8 if args.quick else args.size_mb
    runs = 1 if args.quick else args.runs
    partition = "256K" if args.quick else args.partition_size
    cache = Path(args.cache)
    dump = generate(cache, size)
    small = generate(cache, max(1, size // 4))
    out = Path(tempfile.mkdtemp(prefix="scoreline-dump-bench-"))
    commands: list[tuple[str, list[str], int]] = [
        ("`bzip2 -dc FILE > /dev/null` (the decompression floor)",
         ["bzip2", "-dc", str(dump.path)], 1)]
    for engine in args.engine or ("local", "dask"):
        for jobs in args.jobs or (1, 2):
            commands.append((f"`scoreline dump --engine {engine} -j {jobs}`",
                             dump_command(dump.path, out / f"{engine}{jobs}", engine, jobs,
                                          partition), jobs))
    commands.append(("quarter", dump_command(small.path, out / "small", "local", 2, partition),
                     2))
    timed: list[list[Run]] = [[] for _ in commands]
    try:
        for _ in range(runs):  # round by round, so that a change of load hits every row
            for runs_of, (_name, command, _jobs) in zip(timed, commands, strict=True):
                runs_of.append(measure(command))
    finally:
        shutil.rmtree(out, ignore_errors=True)
    rows = [(name, runs_of, jobs) for (name, _c, jobs), runs_of
            in zip(commands[:-1], timed[:-1], strict=True)]
    _print(dump, small, rows, timed[-1])
    return 0


def _print(dump: Generated, small: Generated, rows: list[tuple[str, list[Run], int]],
           quarter: list[Run]) -> None:
    floor = statistics.median(r.seconds for r in rows[0][1])
    floor_cpu = statistics.median(r.cpu_seconds for r in rows[0][1])
    print(f"scoreline dump benchmark: {os.cpu_count()} cores, CPython "
          f"{platform.python_version()}; {dump.path.name}: "
          f"{dump.path.stat().st_size / 1e6:.1f} MB bz2, {dump.xml_mb:.1f} MB XML, "
          f"{dump.football_pages} football pages (about {FOOTBALL_SHARE:.0%} of the bytes), "
          f"100 pages a stream; median of {len(rows[0][1])} run(s), wall clock; load average "
          f"{os.getloadavg()[0]:.1f} at the end. CPU: user + system seconds of all the "
          "run's processes; best × floor on free cores: the floor's CPU time × workers / the "
          "run's CPU time, the wall-clock ratio with a free core per worker if the work "
          "divided evenly (an upper bound, independent of other load)\n")
    print("| measurement | median | XML MB/s | × floor throughput | CPU | best × floor on "
          "free cores | peak RSS, largest process |")
    print("|---|---|---|---|---|---|---|")
    for name, timed, jobs in rows:
        seconds = statistics.median(r.seconds for r in timed)
        cpu = statistics.median(r.cpu_seconds for r in timed)
        peak = max(r.peak_mib for r in timed)
        print(f"| {name} | {seconds:.2f} s | {dump.xml_mb / seconds:.1f} | "
              f"{floor / seconds:.2f}× | {cpu:.2f} s | {floor_cpu * jobs / cpu:.2f}× | "
              f"{peak:.0f} MiB |")
    peak = max(r.peak_mib for r in quarter)
    seconds = statistics.median(r.seconds for r in quarter)
    print(f"| `--engine local -j 2` on a dump of {small.xml_mb:.0f} MB XML (memory vs size) | "
          f"{seconds:.2f} s | {small.xml_mb / seconds:.1f} |  |  |  | {peak:.0f} MiB |")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=200, help="XML size of the dump (MB)")
    parser.add_argument("--runs", type=int, default=1, help="runs of each measurement")
    parser.add_argument("--quick", action="store_true", help="an 8 MB dump, one run")
    parser.add_argument("--engine", action="append", choices=("local", "dask"),
                        help="only this engine (repeat for both; default: both)")
    parser.add_argument("--jobs", action="append", type=int,
                        help="only this number of workers (repeat; default: 1 and 2)")
    parser.add_argument("--partition-size", default="4M",
                        help="scoreline dump --partition-size (default 4M, its default)")
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir())
                                              / "scoreline-dump-bench"),
                        help="where the generated dumps are kept")
    return parser.parse_args()


if __name__ == "__main__":
    raise SystemExit(main())
