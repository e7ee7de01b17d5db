"""scoreline's benchmark: ``python benchmarks/run.py`` (``--quick`` for a smoke run).

Generates a corpus from ``samples/`` into a temporary directory (see
``benchmarks/corpus.py``) and prints one Markdown table with the median and the
spread (min–max) of several runs of:

1. ``mwparserfromhell.parse`` alone over the corpus: the floor;
2. scoreline's library: parse (convert) + schema validation + checks;
3. a naive baseline: regex line splitting + ``jsonschema.validate`` per document;
4. ``scoreline check`` on one seed-sized file as a process, against
   ``check-jsonschema --schemafile schemas/scoreline.schema.json`` on that file's JSON;
5. ``scoreline check`` over 1,000 files with ``--jobs 1`` and ``--jobs 2``;
6. one document 100 times the seed's size against the seed itself;
7. peak memory (largest process's RSS) of the batch runs, for two numbers of files;
8. the checks' CPU time against the parse's, on every sample (the worst one shown);
9. the wikitext reader's time per KB on a ~50 KB page against the flat reader's
   (``benchmarks/shares.py``).

Every repetition of the in-process measurements uses a freshly generated corpus
(new team names), so no per-line cache carries over from one run to the next; row 2b
parses other variants of the same samples than row 2, for the same reason.
In-process rows are CPU seconds of the benchmark process (``time.process_time``);
process rows are wall-clock seconds. Each ratio is the median of per-run ratios of
numbers taken side by side; the machine may be shared, so read ratios, not absolute
times. ``check-jsonschema`` comes with the ``bench``
extra: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import Doc, corpus, seed_variants, write_files  # noqa: E402
from benchmarks.shares import check_share_row, reader_rows  # noqa: E402
from benchmarks.table import Row, fmt_time, render, timed, verdict  # noqa: E402
from parser.model.assemble import FORMAT_VERSION  # noqa: E402

SCHEMA_FILE = ROOT / "schemas" / "scoreline.schema.json"


@dataclass(frozen=True)
class Settings:
    """Sizes of one benchmark run."""

    runs: int
    docs: int
    files: int
    few_files: int
    growth: int
    seed_samples: int
    variants: int
    quick: bool


FULL = Settings(runs=5, docs=220, files=1000, few_files=100, growth=100, seed_samples=20,
                variants=3, quick=False)
QUICK = Settings(runs=1, docs=11, files=12, few_files=4, growth=5, seed_samples=2, variants=1,
                 quick=True)


CHILD_ENV: dict[str, str] = dict(os.environ)


def child_env(work: Path) -> None:
    """Run the measured processes as after ``pip install``: with compiled bytecode (kept in
    ``work``, whatever PYTHONDONTWRITEBYTECODE says) and scoreline's grammar cache in
    ``work``; each command runs once untimed first to fill both."""
    CHILD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    CHILD_ENV["SCORELINE_CACHE_DIR"] = str(work / "cache")


def run_process(argv: Sequence[str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MiB of the process and its children, exit code)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(argv), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err,
                                env=CHILD_ENV)
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - start
            code = os.waitstatus_to_exitcode(status)
            proc.returncode = code
            scale = 1024 * 1024 if sys.platform == "darwin" else 1024
            rss = usage.ru_maxrss / scale
        else:  # pragma: no cover - Windows has no wait4
            code = proc.wait()
            elapsed, rss = time.perf_counter() - start, float("nan")
        if code not in (0, 1):
            err.seek(0)
            raise SystemExit(f"{' '.join(argv)} failed ({code}): {err.read().decode()[-500:]}")
    return elapsed, rss, code


_BURN = "import sys\nn = int(sys.argv[1])\ns = 0\nfor i in range(n):\n    s += i * i\n"


def burn_argv(processes: int, settings: Settings) -> list[str]:
    """A shell-free command running ``processes`` copies of a fixed CPU-bound loop at once."""
    loops = 2_000_000 if settings.quick else 15_000_000
    code = ("import subprocess, sys\n"
            f"procs = [subprocess.Popen([sys.executable, '-c', {_BURN!r}, '{loops}'])"
            f" for _ in range({processes})]\n"
            "sys.exit(max(p.wait() for p in procs))\n")
    return [sys.executable, "-c", code]


def scoreline_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "parser", *args]


def check_jsonschema_argv() -> list[str] | None:
    beside = Path(sys.executable).parent / "check-jsonschema"
    found = str(beside) if beside.exists() else shutil.which("check-jsonschema")
    return [found] if found else None


_NAIVE_MATCH = re.compile(r"^(?P<home>.+?)\s+(?P<hs>\d{1,3})\s*[-–]\s*(?P<as>\d{1,3})\s+"
                          r"(?P<away>.+?)\s*$")


def naive(text: str, path: str, schema: dict[str, Any]) -> dict[str, Any]:
    """What a user might write: split lines, regex the match lines, ``jsonschema.validate``."""
    import jsonschema

    rounds: list[dict[str, Any]] = []
    title = None
    current: dict[str, Any] | None = None
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if line.startswith("="):
            name = line.strip().strip("=").strip()
            if title is None and not line.startswith("=="):
                title = name
            current = {"name": name, "region": None, "section": name, "year": None,
                       "stage": "knockout", "group": None,
                       "line": number, "end_line": number, "notes": [], "matches": []}
            rounds.append(current)
            continue
        found = _NAIVE_MATCH.match(line)
        if found and current is not None:
            current["end_line"] = number
            current["matches"].append({
                "home": found["home"], "away": found["away"], "home_score": int(found["hs"]),
                "away_score": int(found["as"]), "status": "played", "aet": False,
                "home_pens": None, "away_pens": None, "date": None, "date_iso": None,
                "home_tag": None, "away_tag": None, "home_country": None,
                "away_country": None, "home_tier": None, "away_tier": None,
                "tie": None, "leg": None, "notes": [], "scorers": [], "source": "line",
                "text": line, "line": number, "column": 1,
            })
    document = {
        "format_version": FORMAT_VERSION,
        "source": {"path": path, "form": "flat", "encoding": "utf-8", "bom": False,
                   "newline": "lf", "lines": len(lines)},
        "title": title, "title_line": 1 if title else None, "infobox": None, "sections": [],
        "entrants": [], "declared_counts": [], "rounds": [r for r in rounds if r["matches"]],
        "standings": [], "bracket": [], "unparsed": [],
    }
    jsonschema.validate(document, schema)
    return document


def naive_all(docs: list[Doc], schema: dict[str, Any]) -> None:
    for doc in docs:
        naive(doc.text, doc.name, schema)


def library(docs: list[Doc]) -> None:
    from parser.api import check, parse

    for doc in docs:
        check(parse(doc.data, doc.name))


def convert_only(docs: list[Doc]) -> None:
    from parser.api import parse

    for doc in docs:
        parse(doc.data, doc.name)


def floor(texts: list[str]) -> None:
    import mwparserfromhell

    for text in texts:
        mwparserfromhell.parse(text)


# ---- the benchmark ------------------------------------------------------------------------


def in_process(settings: Settings) -> tuple[list[Row], int, int]:
    """Rows 1-3 and 6: library, floor, naive baseline, growth."""
    from parser.api import check, parse

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    warm = next(seed_variants(1, 999))
    check(parse(warm.data, warm.name))  # build the grammars, the validator, the checks once
    floor_t, lib_t, naive_t, seed_t, big_t, conv_t = [], [], [], [], [], []
    docs_count = size = 0
    for run in range(settings.runs):
        docs = corpus(settings.docs, seed=run + 1)
        # the same samples and sizes with other names: parsing a document ``library`` has
        # just parsed would find its lines in the per-line caches
        others = corpus(settings.docs, seed=run + 1 + 1_000)
        texts = [doc.text for doc in docs]
        docs_count, size = len(docs), sum(len(doc.data) for doc in docs)
        # document by document, the three side by side, so load changes hit all alike
        low = mine = simple = parsed = 0.0
        for doc, other, text in zip(docs, others, texts, strict=True):
            low += timed(functools.partial(floor, [text]))
            mine += timed(functools.partial(library, [doc]))
            parsed += timed(functools.partial(convert_only, [other]))
            simple += timed(functools.partial(naive_all, [doc], schema))
        floor_t.append(low)
        lib_t.append(mine)
        conv_t.append(parsed)
        naive_t.append(simple)
        seeds = list(seed_variants(settings.seed_samples, seed=100 + run))
        seed_t.append(statistics.median(timed(functools.partial(library, [d])) for d in seeds))
        (big,) = seed_variants(1, seed=200 + run, factor=settings.growth)
        big_t.append(timed(functools.partial(library, [big])))
    mb = size / 1e6

    def per_doc(times: list[float]) -> str:
        return fmt_time(statistics.median(times) / docs_count)

    def rate(times: list[float]) -> str:
        return f"{mb / statistics.median(times):.2f}"

    # ratios of numbers taken side by side in each run, then their median
    lib_ratio = statistics.median(lib / low for lib, low in zip(lib_t, floor_t, strict=True))
    naive_ratio = statistics.median(n / low for n, low in zip(naive_t, floor_t, strict=True))
    conv_ratio = statistics.median(c / low for c, low in zip(conv_t, floor_t, strict=True))
    growth = statistics.median(big / one for big, one in zip(big_t, seed_t, strict=True))
    corpus_note = f"{docs_count} docs, {mb:.2f} MB"
    rows = [
        Row("1", f"mwparserfromhell.parse alone (floor), {corpus_note}", floor_t,
            per_doc=per_doc(floor_t), rate=rate(floor_t), ratio="1.0× floor"),
        Row("2", "scoreline library: parse + schema + checks, same docs", lib_t,
            per_doc=per_doc(lib_t), rate=rate(lib_t), ratio=f"{lib_ratio:.1f}× floor",
            target="≤ 12× floor", met=verdict(lib_ratio <= 12, settings.quick)),
        Row("2b", "of which parse + schema alone (no checks), same samples renamed", conv_t,
            per_doc=per_doc(conv_t), rate=rate(conv_t), ratio=f"{conv_ratio:.1f}× floor",
            target="≤ 8× floor", met=verdict(conv_ratio <= 8, settings.quick)),
        Row("3", "naive: regex lines + jsonschema.validate, same docs", naive_t,
            per_doc=per_doc(naive_t), rate=rate(naive_t),
            ratio=f"{naive_ratio:.1f}× floor"),
        Row("6a", "library on one seed-sized doc (median of "
            f"{settings.seed_samples} variants)", seed_t, ratio="1×"),
        Row("6b", f"library on one doc {settings.growth}× the seed", big_t,
            ratio=f"{growth:.1f}× the seed", target=f"≤ {settings.growth * 1.2:.0f}×",
            met=verdict(growth <= settings.growth * 1.2, settings.quick)),
    ]
    return rows, docs_count, size


def processes(settings: Settings, work: Path) -> list[Row]:
    """Rows 4, 5 and 7: the command line as a process."""
    from parser.api import parse_file

    seed_file = write_files(work / "one", list(seed_variants(1, seed=300)))[0]
    seed_json = work / "one" / "seed.json"
    seed_json.write_text(parse_file(seed_file).to_json(), encoding="utf-8")
    many = corpus(settings.files, seed=400, factors=(1,))
    write_files(work / "many", many)
    write_files(work / "few", many[: settings.few_files])
    cj = check_jsonschema_argv()
    child_env(work)
    run_process(scoreline_argv("check", str(seed_file)))  # untimed: bytecode, grammar cache
    if cj:
        run_process([*cj, "--schemafile", str(SCHEMA_FILE), str(seed_json)])
    mine, theirs, jobs1, jobs2, few_mem, mem1, mem2 = [], [], [], [], [], [], []
    one, two, bare = [], [], []
    for _ in range(settings.runs):
        one.append(run_process(burn_argv(1, settings))[0])
        two.append(run_process(burn_argv(2, settings))[0])
        mine.append(run_process(scoreline_argv("check", str(seed_file)))[0])
        bare.append(run_process([sys.executable, "-c", "pass"])[0])
        if cj:
            theirs.append(run_process([*cj, "--schemafile", str(SCHEMA_FILE),
                                       str(seed_json)])[0])
        seconds, rss, _ = run_process(scoreline_argv("check", "--jobs", "1", str(work / "many")))
        jobs1.append(seconds)
        mem1.append(rss)
        seconds, rss, _ = run_process(scoreline_argv("check", "--jobs", "2", str(work / "many")))
        jobs2.append(seconds)
        mem2.append(rss)
        few_mem.append(run_process(scoreline_argv("check", "--jobs", "2",
                                                  str(work / "few")))[1])
    size = sum(len(d.data) for d in many) / 1e6
    def paired(top: list[float], bottom: list[float]) -> float:
        return statistics.median(a / b for a, b in zip(top, bottom, strict=True))

    capacity = 2 * paired(one, two)
    start_ratio = paired(mine, theirs) if theirs else float("nan")
    python_ratio = paired(mine, bare)
    speedup = paired(jobs1, jobs2)
    mem_ratio = paired(mem2, few_mem)
    n = settings.files
    return [
        Row("4a", "`scoreline check` one seed-sized file (process)", mine,
            ratio=f"{start_ratio:.2f}× check-jsonschema" if theirs else "",
            target="≤ 0.25× check-jsonschema",
            met=verdict(start_ratio <= 0.25, settings.quick) if theirs else "n/a"),
        Row("4c", "`python -c pass` (process; interpreter start-up floor)", bare,
            ratio=f"4a is {python_ratio:.1f}× this", target="4a ≤ 4× this",
            met=verdict(python_ratio <= 4, settings.quick)),
        Row("4b", "`check-jsonschema --schemafile` on its JSON (process)"
            if cj else "check-jsonschema not installed (`pip install -e '.[bench]'`)", theirs),
        Row("5a", f"`scoreline check --jobs 1` {n} files ({size:.2f} MB)", jobs1,
            per_doc=fmt_time(statistics.median(jobs1) / n),
            rate=f"{size / statistics.median(jobs1):.2f}"),
        Row("5b", f"`scoreline check --jobs 2` {n} files", jobs2,
            per_doc=fmt_time(statistics.median(jobs2) / n),
            rate=f"{size / statistics.median(jobs2):.2f}", ratio=f"{speedup:.2f}× faster",
            target="≥ 1.7× faster", met=verdict(speedup >= 1.7, settings.quick)),
        Row("5c", "calibration: the same CPU-bound loop in 2 processes at once vs 1 "
            "(what 2 cores give right now)", two, ratio=f"{capacity:.2f}× the work per second",
            target="2× if both cores are free"),
        Row("7a", f"peak RSS, `check --jobs 2`, {settings.few_files} files", few_mem,
            unit="MiB"),
        Row("7b", f"peak RSS, `check --jobs 2`, {n} files (`--jobs 1`: "
            f"{statistics.median(mem1):.0f} MiB)", mem2, unit="MiB",
            ratio=f"{mem_ratio:.2f}× 7a", target="≈ 1× (≤ 1.2×)",
            met=verdict(mem_ratio <= 1.2, settings.quick)),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true",
                         help="tiny sizes and one run: a smoke test, not a measurement")
    options.add_argument("--runs", type=int, help="repetitions of every measurement")
    args = options.parse_args(argv)
    settings = QUICK if args.quick else FULL
    if args.runs:
        settings = Settings(**{**settings.__dict__, "runs": args.runs})
    from importlib.metadata import version

    cores = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    try:
        import jsonschema_rs  # noqa: F401

        fast = "jsonschema-rs"
    except ImportError:
        fast = "none (jsonschema only)"
    print(f"scoreline benchmark{' (--quick)' if settings.quick else ''}: {cores} cores "
          f"({usable} usable), {platform.python_implementation()} {platform.python_version()}, "
          f"mwparserfromhell {version('mwparserfromhell')}, lark {version('lark')}, "
          f"schema fast path: {fast}; median of {settings.runs} run(s); processes run with "
          "compiled bytecode and a warm grammar cache, as after `pip install`\n", flush=True)
    with tempfile.TemporaryDirectory(prefix="scoreline-bench-") as tmp:
        rows, _, _ = in_process(settings)
        rows.append(check_share_row(settings.runs, settings.variants, settings.quick))
        rows += reader_rows(settings.runs, settings.quick)
        rows += processes(settings, Path(tmp))
    order = ["1", "2", "2b", "3", "4a", "4b", "4c", "5a", "5b", "5c", "6a", "6b", "7a", "7b",
             "8", "9a", "9b"]
    rows.sort(key=lambda row: order.index(row.number))
    print(render(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
