"""Benchmarks of scoreline: ``python benchmarks/run.py`` (see run.py)."""
