"""The explicit list of every check scoreline runs, in a fixed order."""

from __future__ import annotations

from .base import Rule

ALL_RULES: tuple[Rule, ...] = ()
