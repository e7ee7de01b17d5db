"""Where partition tasks run: the project's process pool (``local``) or dask.distributed.

Both run ``work.run_partition`` on each partition and yield its ``PartitionResult``; the
order results arrive in does not matter, since every partition writes its own files.
An engine failure on one task (a worker lost, an exception in scoreline) becomes a
failed result for that partition, never a traceback.

* ``local``: ``parser.batch.runner.run_files``, the pool ``check`` and ``convert`` use
  (forked worker processes, results in input order, a bounded number in flight).
* ``dask``: a ``dask.distributed.Client`` on ``--scheduler tcp://HOST:PORT``, or on a
  ``LocalCluster`` of ``jobs`` single-threaded worker processes when no address is
  given. Dask runs tasks on worker threads, where the per-page CPU timer and memory
  ceiling cannot be set, so each task forks a child (``parser.guard``'s isolation) whose
  only thread is its main thread and runs the partition there. The workers must see the
  dump and the output directory at the same paths (a shared file system) and have
  scoreline installed. dask is imported only when this engine is chosen.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

from ..batch.runner import Options, run_files
from ..errors import ScorelineError, UsageError
from ..guard import run_guarded
from .sources import Partition
from .work import DumpOptions, PartitionResult, run_partition

ENGINES = ("local", "dask")
CONNECT_SECONDS = 30


def run_local(partitions: Sequence[Partition], options: DumpOptions,
              jobs: int) -> Iterator[PartitionResult]:
    """Run the partitions in the batch pool (``jobs`` workers; 1: in this process)."""
    by_number = {str(p.number): p for p in partitions}
    task = functools.partial(_numbered, partitions=by_number, options=options)
    yield from run_files(task, list(by_number), options.run, jobs=jobs)


def _numbered(number: str, _run: Options, *, partitions: dict[str, Partition],
              options: DumpOptions) -> PartitionResult:
    partition = partitions[number]
    try:
        return run_partition(partition, options)
    except ScorelineError as error:
        return PartitionResult(partition.number, error=f"{partition.describe()}: {error}")
    except Exception as error:
        return PartitionResult(partition.number, error=f"{partition.describe()}: internal "
                               f"error: {type(error).__name__}: {_short(error)} (a scoreline "
                               "bug: please report it)")


def run_dask(partitions: Sequence[Partition], options: DumpOptions, jobs: int,
             scheduler: str | None) -> Iterator[PartitionResult]:
    """Run the partitions on a dask.distributed cluster (started here without ``scheduler``)."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise UsageError("--engine dask needs dask.distributed: pip install "
                         "'scoreline[dask]'") from None
    import contextlib
    import logging
    import uuid

    with contextlib.ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(  # type: ignore[no-untyped-call]
                    scheduler, timeout=CONNECT_SECONDS))
            except (OSError, TimeoutError) as exc:
                raise UsageError(f"cannot reach the dask scheduler at {scheduler}: "
                                 f"{' '.join(str(exc).split())}") from None
        else:
            cluster = stack.enter_context(LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=jobs, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR))
            client = stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]
        token = uuid.uuid4().hex
        futures = {client.submit(run_in_child, p, options, pure=False,
                                 key=f"scoreline-dump-{p.name}-{token}"): p
                   for p in partitions}
        try:
            for future in as_completed(futures):  # type: ignore[no-untyped-call]
                partition = futures[future]
                try:
                    yield future.result()
                except Exception as error:  # the task raised, or its worker was lost
                    yield PartitionResult(partition.number, error=f"{partition.describe()}: "
                                          f"the task failed on the cluster: "
                                          f"{type(error).__name__}: {_short(error)}")
        finally:
            client.cancel(list(futures))


def run_in_child(partition: Partition, options: DumpOptions) -> PartitionResult:
    """``run_partition`` in a forked child (whose thread is a main thread, so the per-page
    guard applies); a child that dies is a failed partition, not a lost worker."""
    try:
        return run_guarded(run_partition, partition, options, path=partition.path,
                           isolate=True)
    except ScorelineError as error:
        return PartitionResult(partition.number, error=f"{partition.describe()}: "
                               f"{_short(error)}")


def _short(error: BaseException, limit: int = 300) -> str:
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
