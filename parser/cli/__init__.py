"""The command line: ``scoreline`` and ``python -m parser``."""

from .main import main

__all__ = ["main"]
