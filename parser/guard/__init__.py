"""The per-file time budget and memory ceiling that wrap every stage.

``run_guarded(func, *args, seconds=..., memory_mib=..., isolate=...)`` runs a call under
both limits, in the calling process or in a forked child, and turns a budget overrun or a
parser that gives up into a ``ParseError`` with its ``PA`` code.
"""

from .core import at, failure, parser_failures, run_guarded

__all__ = ["at", "failure", "parser_failures", "run_guarded"]
