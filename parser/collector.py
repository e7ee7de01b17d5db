"""The cyclic garbage collector held off while one document is parsed or checked.

A parse allocates hundreds of thousands of objects that all live until the document is
done (lines, spans, the JSON), and every collection those allocations trigger walks the
survivors again: on a 1 MB document that is about a quarter of the time, and a share
that grows with the document (the benchmark's row 6b). Hardly anything a parse or a check
creates is cyclic garbage, so the collector is paused for the duration and runs as usual
afterwards, when it also finds whatever cycles were left.

The pause is process-wide (the collector has one switch): other threads allocate
uncollected meanwhile. If the collector is already off (the caller turned it off, or
another parse is running), ``collector_paused`` leaves it as it is.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the ``with`` body with the cyclic collector off, then turn it back on (if it
    was on)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
