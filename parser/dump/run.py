"""A whole dump run: plan the partitions, skip the finished ones, run the rest, total up.

``run_dump`` is the library entry point behind ``scoreline dump``; the CLI only turns
arguments into a ``DumpRun`` and prints what comes back.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._version import __version__
from ..batch.runner import usable_cores
from ..errors import UsageError
from . import live, manifest
from .engines import ENGINES, run_dask, run_local
from .sources import DEFAULT_PARTITION_BYTES, Partition, dump_files, plan
from .work import DumpOptions, PartitionResult


@dataclass(frozen=True)
class DumpRun:
    """One ``scoreline dump`` invocation. ``jobs`` 0 means one worker per usable core."""

    dumps: tuple[str, ...]
    options: DumpOptions
    engine: str = "local"
    jobs: int = 0
    scheduler: str | None = None
    partition_bytes: int = DEFAULT_PARTITION_BYTES
    force: bool = False


@dataclass
class DumpSummary:
    """Totals over every partition of the dump, the resumed ones included."""

    partitions: int = 0
    done: int = 0
    resumed: int = 0
    failed: list[str] = field(default_factory=list)
    pages_read: int = 0
    pages_selected: int = 0
    pages_failed: int = 0
    xml_bytes: int = 0
    matches: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    peak_rss_mib: float = 0.0

    def add(self, entry: dict[str, Any]) -> None:
        """Count a finished partition (a manifest entry)."""
        self.done += 1
        self.pages_read += entry.get("pages_read", 0)
        self.pages_selected += entry.get("pages_selected", 0)
        self.pages_failed += entry.get("pages_failed", 0)
        self.xml_bytes += entry.get("xml_bytes", 0)
        self.matches += entry.get("matches", 0)
        self.findings.update(entry.get("findings", {}))


def run_dump(run: DumpRun,
             on_result: Callable[[PartitionResult, DumpSummary], None] | None = None
             ) -> DumpSummary:
    """Convert every selected page of the dumps into ``run.options.outdir``.

    ``on_result`` is called after each partition of this run (for progress and for the
    one line naming a failed partition). Partitions already in the manifest are counted,
    not redone (``run.force`` redoes everything).
    """
    if run.engine not in ENGINES:
        raise UsageError(f"unknown engine {run.engine!r}; choose from {', '.join(ENGINES)}")
    if run.scheduler and run.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    files = dump_files(run.dumps)
    partitions = plan(files, run.partition_bytes)
    outdir = Path(run.options.outdir)
    expected = manifest.fingerprint(files, settings(run))
    summary = DumpSummary(partitions=len(partitions))
    with manifest.opened(outdir, expected, force=run.force) as record, _live(run):
        todo = [p for p in partitions if p.name not in record.finished]
        for entry in record.finished.values():
            summary.add(entry)
        summary.resumed = summary.done
        by_number = {p.number: p for p in todo}
        for result in _engine(run, todo):
            partition = by_number[result.number]
            if result.error is not None:
                summary.failed.append(result.error)
            else:
                entry = result.to_json()
                record.record(partition.name, entry)
                summary.add(entry)
            summary.peak_rss_mib = max(summary.peak_rss_mib, result.peak_rss_mib)
            if on_result is not None:
                on_result(result, summary)
        if not summary.failed:
            record.compact(expected)
    return summary


@contextlib.contextmanager
def _live(run: DumpRun) -> Iterator[None]:
    """No running counts left in OUTDIR before or after a run that writes them."""
    if not run.options.live:
        yield
        return
    live.clear(run.options.outdir)
    try:
        yield
    finally:
        live.clear(run.options.outdir)


def _engine(run: DumpRun, todo: list[Partition]) -> Any:
    if not todo:
        return iter(())
    jobs = run.jobs if run.jobs > 0 else usable_cores()
    if run.engine == "dask":
        return run_dask(todo, run.options, jobs, run.scheduler)
    return run_local(todo, run.options, jobs)


def settings(run: DumpRun) -> dict[str, Any]:
    """Everything besides the inputs that changes the output (the manifest's fingerprint)."""
    options = run.options.run
    policy = options.policy
    return {
        "scoreline": __version__,
        "partition_bytes": run.partition_bytes,
        "all": run.options.selection.everything,
        "title": run.options.selection.title,
        "max_bytes": policy.max_bytes, "max_line_chars": policy.max_line_chars,
        "timeout": policy.seconds, "max_memory": policy.memory_mib,
        "select": list(options.select), "ignore": list(options.ignore),
        "severities": {k: str(v) for k, v in sorted(options.severities.items())},
        "schema": options.schema,
    }
