"""Shared fixtures: paths of the repository, samples and the seed."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "seed" / "000_40227375bb590b15.txt"

# A suite started in the background of a non-interactive shell (``pytest &``) inherits
# SIGINT ignored, and so would every process it starts: the Ctrl-C tests need it delivered.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
