"""MediaWiki XML dumps: reading, page selection, partitions, engines (``scoreline dump``).

Stages in data-flow order: ``sources`` (dump files, indexes, partitions), ``streams``
(a partition as guarded XML bytes), ``pages`` (mwxml), ``select`` (the pre-filter),
``work`` (one partition's task), ``engines`` (local pool, dask), ``manifest`` (resume),
``run`` (the whole run). ``writer`` writes dumps (fixtures, samples, benchmark).
"""

from .run import DumpRun, DumpSummary, run_dump
from .select import Selection, looks_like_competition
from .work import DumpOptions, PartitionResult

__all__ = ["DumpOptions", "DumpRun", "DumpSummary", "PartitionResult", "Selection",
           "looks_like_competition", "run_dump"]
