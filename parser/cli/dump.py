"""``scoreline dump DUMP... -o OUTDIR``: every football competition page of MediaWiki dumps.

Exit codes: 0 every partition written; 4 at least one partition was refused (corrupt or
truncated compressed data, malformed XML, a document type declaration), each named on
one line of the closing summary while the others were written; 2 usage error; 3 output
not writable.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from typing import TextIO

from ..errors import UsageError
from .exit_codes import EXIT_OK, EXIT_PARTITION

EXAMPLE = """examples:
  scoreline dump enwiki-pages-articles-multistream.xml.bz2 -o football/
  scoreline dump samples/dumps/ -o out/ --jobs 2
  scoreline dump dump.xml.gz -o out/ --title '^20[0-9]{2}.* Cup$'
  scoreline dump dump.xml.bz2 -o out/ --engine dask --scheduler tcp://10.0.0.5:8786

A multistream .xml.bz2 with its -index.txt.bz2 beside it is split into byte ranges of
bz2 streams; any other file is one partition. Outputs: OUTDIR/documents/part-NNNNN.jsonl
and OUTDIR/{matches,standings,entrants,findings}/part-NNNNN.parquet. A killed run
resumes where it stopped (OUTDIR/_manifest.jsonl); --force redoes everything.
exit codes: 0 done, 4 a partition was refused (the others were written), 2 usage error,
3 output error
"""
_SIZE = re.compile(r"^\s*(\d+)\s*([kmg]?)i?b?\s*$", re.IGNORECASE)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The ``dump`` command's own arguments (the per-page limits are added by the caller)."""
    p.add_argument("dumps", nargs="+", metavar="DUMP",
                   help="MediaWiki XML dumps (.xml, .xml.bz2, .xml.gz) or directories of parts")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR",
                   help="directory for documents/ and the Parquet tables")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local process pool (default) or dask.distributed")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="a running dask scheduler (default with --engine dask: a local "
                   "cluster of --jobs workers)")
    p.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="workers (default 0: one per usable core)")
    chosen = p.add_mutually_exclusive_group()
    chosen.add_argument("--title", metavar="REGEX",
                        help="convert the pages whose title matches REGEX (searched)")
    chosen.add_argument("--all", action="store_true",
                        help="convert every article page, not only football competitions")
    p.add_argument("--partition-size", default="4M", metavar="SIZE",
                   help="compressed bytes per partition of a multistream dump (default 4M)")
    p.add_argument("--force", action="store_true",
                   help="redo every partition, ignoring what an earlier run finished")


def partition_bytes(text: str) -> int:
    """``4M`` -> 4194304; a bad or zero size is a ``UsageError``."""
    found = _SIZE.match(text)
    if not found or int(found.group(1)) <= 0:
        raise UsageError(f"--partition-size {text!r}: give a positive size such as 512K or 4M")
    scale = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[found.group(2).lower()]
    return int(found.group(1)) * scale


def run(args: argparse.Namespace) -> int:
    """Run the command (the per-page limits come from the same flags as ``convert``'s)."""
    from ..batch.runner import Options
    from ..dump.run import DumpRun, run_dump
    from ..dump.select import Selection
    from ..dump.work import DumpOptions
    from ..read.source import InputPolicy
    from .dump_progress import DumpProgress, render_summary
    from .options import input_policy

    policy = input_policy(args)
    assert isinstance(policy, InputPolicy)
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (one per core) or more")
    if args.title is not None:
        try:
            re.compile(args.title)
        except re.error as exc:
            raise UsageError(f"--title {args.title!r}: not a regular expression: {exc}") from None
    stream: TextIO = sys.stderr
    progress = DumpProgress(stream)
    options = DumpOptions(
        outdir=args.output, live=progress.enabled,
        selection=Selection(everything=args.all, title=args.title),
        run=Options(form="wikitext", policy=policy, schema=args.schema, isolate=args.isolate),
    )
    request = DumpRun(tuple(args.dumps), options, engine=args.engine, jobs=args.jobs,
                      scheduler=args.scheduler, partition_bytes=partition_bytes(
                          args.partition_size), force=args.force)
    started = time.perf_counter()
    progress.start(args.output)
    try:
        summary = run_dump(request, lambda _result, totals: progress.update(totals))
    finally:
        progress.clear()
    print(render_summary(summary, time.perf_counter() - started), file=stream)
    return EXIT_PARTITION if summary.failed else EXIT_OK
