"""A worker's stop signal is never lost, nor reported as an ignored exception, when it
arrives where Python cannot raise it (a finaliser, a weakref callback such as importlib's
module-lock clean-up during an import)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_SWALLOWED = textwrap.dedent("""
    import os, signal, sys, time
    from parser.batch.signals import Stopped, become_worker, stop_requested

    become_worker(os.getppid())

    class Finalised:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGUSR1)
            time.sleep(0.05)  # the handler runs here, inside the finaliser

    Finalised()  # dropped at once: its finaliser swallows the Stopped it raised
    try:
        stop_requested()
    except Stopped as stop:
        print("stopped by", stop.name)
    else:
        print("the stop was lost")
""")


def test_a_stop_swallowed_by_a_finaliser_is_kept_and_not_reported() -> None:
    done = subprocess.run([sys.executable, "-c", _SWALLOWED], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False)
    assert (done.stdout, done.stderr) == ("stopped by SIGUSR1\n", "")


def test_other_unraisable_exceptions_are_still_reported_in_a_worker() -> None:
    code = textwrap.dedent("""
        import os
        from parser.batch.signals import become_worker
        become_worker(os.getppid())
        class Broken:
            def __del__(self):
                raise ValueError("from a finaliser")
        Broken()
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False)
    assert "ValueError: from a finaliser" in done.stderr
