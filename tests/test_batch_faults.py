"""The batch runner under process faults, each run through the real command line in its own
process while busy loops load both cores, repeated (SCORELINE_FAULT_REPEAT, default 20):
a pool worker SIGKILLed mid-batch, SIGTERM and SIGHUP mid-batch, standard output on
/dev/full and a closed pipe. Each run must end within its timeout with one clear line and
its documented exit code, every file accounted for, and no process of it left behind.
Then the pool itself: a file that kills its worker twice, a worker that will not stop.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parser.batch.pool import STOP_SECONDS, Pool, PoolError, PoolStats

from .batch_faults import await_workers, busy_cores, children, left_behind, start
from .conftest import SAMPLES, SEED

REPEAT = int(os.environ.get("SCORELINE_FAULT_REPEAT", "20"))
FILES = 160  # copies of the seed: long enough under load for a fault to land mid-batch
STOP_LIMIT = 4.0  # seconds from the signal to the end, on a loaded machine (1 s idle)
DEATH_LINE = ("scoreline: 1 worker process died (SIGKILL); the files they held were "
              "retried one by one\n")
POISON = """
import os, signal, sys
import parser.api as api
real = api.parse_source
def deadly(source, *args, **kwargs):
    if source.path.endswith("_poison.txt"):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(source, *args, **kwargs)
api.parse_source = deadly
from parser.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("batch")
    for number in range(FILES):
        shutil.copy(SEED, directory / f"a{number:03d}.txt")
    for path in sorted((SAMPLES / "flat").glob("*.txt")):
        shutil.copy(path, directory / path.name)
    return directory


@pytest.fixture(scope="module")
def expected(batch: Path) -> tuple[int, dict[str, Any]]:
    """The exit code and JSON report of the batch without faults (one process)."""
    run = start(["check", "--jobs", "1", "--output-format", "json", str(batch)])
    code, out, _ = run.finish()
    return code, json.loads(out)


@pytest.fixture(scope="module")
def loaded() -> Iterator[None]:
    with busy_cores(2):
        yield


def _check_args(batch: Path, *extra: str) -> list[str]:
    return ["check", "--jobs", "2", "--output-format", "json", *extra, str(batch)]


@pytest.mark.parametrize("rep", range(REPEAT))
def test_a_worker_killed_mid_batch(rep: int, batch: Path, expected: tuple[int, Any],
                                   loaded: None) -> None:
    run = start(_check_args(batch))
    victim = random.choice(await_workers(run, 2))
    time.sleep(random.uniform(0.0, 0.1))
    os.kill(victim, signal.SIGKILL)
    code, out, err = run.finish()
    assert left_behind(run) == []
    assert err == DEATH_LINE
    assert (code, json.loads(out)["summary"]) == (expected[0], expected[1]["summary"])
    assert json.loads(out)["files"] == expected[1]["files"]


@pytest.mark.parametrize("rep", range(REPEAT))
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_stopped_by_a_signal_mid_batch(number: int, rep: int, batch: Path, tmp_path: Path,
                                       loaded: None) -> None:
    out = tmp_path / "out"
    converting = rep % 2 == 1  # every other run converts into a directory, isolated
    args = (["convert", "--jobs", "2", "--isolate", str(batch), "-o", str(out)] if converting
            else _check_args(batch))
    run = start(args)
    await_workers(run, 2)
    time.sleep(random.uniform(0.0, 0.2))
    signalled = time.monotonic()
    os.kill(run.pid, number)
    code, _, err = run.finish()
    took = time.monotonic() - signalled
    assert left_behind(run) == []
    name = signal.Signals(number).name
    assert (code, err) == (128 + number, f"scoreline: stopped by {name}\n")
    assert took < STOP_LIMIT, f"{took:.2f} s from {name} to the end"
    if converting:
        assert [p.name for p in out.iterdir() if not p.name.endswith(".json")] == []
        for written in out.iterdir():
            json.loads(written.read_text(encoding="utf-8"))  # complete, never half-written


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("rep", range(REPEAT))
@pytest.mark.parametrize("command", ["check", "convert"])
def test_output_on_a_full_disk(command: str, rep: int, batch: Path, loaded: None) -> None:
    with open("/dev/full", "wb") as full:
        run = start([command, "--jobs", "2", str(batch)], stdout=full)
        code, _, err = run.finish()
    assert left_behind(run) == []
    assert (code, err) == (3, "scoreline: cannot write standard output: "
                              "No space left on device\n")


@pytest.mark.parametrize("rep", range(REPEAT))
def test_output_pipe_closed_early(rep: int, batch: Path, loaded: None) -> None:
    run = start(["convert", "--jobs", "2", str(batch)])
    assert run.process.stdout is not None
    run.process.stdout.read(10)
    run.process.stdout.close()
    code, _, err = run.finish()
    assert left_behind(run) == []
    assert (code, err) == (141, "")


@pytest.mark.parametrize("command", ["check", "convert"])
def test_a_file_that_kills_its_worker_twice_is_a_finding(command: str, batch: Path,
                                                         tmp_path: Path,
                                                         expected: tuple[int, Any]) -> None:
    poisoned = tmp_path / "poisoned"
    shutil.copytree(batch, poisoned)
    poison = poisoned / "a050_poison.txt"
    shutil.copy(SEED, poison)
    out = tmp_path / "out"
    args = (_check_args(poisoned) if command == "check"
            else ["convert", "--jobs", "2", str(poisoned), "-o", str(out)])
    run = start(args, code=POISON)
    code, stdout, err = run.finish()
    assert left_behind(run) == []
    assert code == 2
    summary = ("scoreline: 2 worker processes died (SIGKILL); the files they held were "
               "retried one by one, 1 file skipped after killing its worker twice (PA011)")
    lost = ("the worker process reading this file died twice (SIGKILL); the file was "
            "skipped and the rest of the run carried on")
    if command == "check":
        assert err == summary + "\n"
        report = json.loads(stdout)
        (found,) = [f for f in report["files"] if f["path"] == str(poison)]
        assert [(d["code"], d["message"]) for d in found["discrepancies"]] == [("PA011", lost)]
        others = [f for f in report["files"] if f["path"] != str(poison)]
        assert [f["discrepancies"] for f in others] == [
            f["discrepancies"] for f in expected[1]["files"]]
    else:
        assert err.splitlines()[:2] == [f"scoreline: {poison}: {lost}", summary]
        assert len(list(out.iterdir())) == len(list(batch.iterdir()))


# ---- the pool itself, in this process ------------------------------------------------


def _doubled(item: int) -> int:
    if item == 13:
        raise ValueError("thirteen")
    return item * 2


def _suicidal(item: int) -> int:
    if item in (5, 17):
        os.kill(os.getpid(), signal.SIGKILL)
    return item


def _stubborn(item: int) -> int:
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
    time.sleep(60)
    return item


def _lost(item: int, cause: str) -> int:
    return -1


def test_results_in_order_and_errors_raised_in_their_turn() -> None:
    chunks = [list(range(i, i + 3)) for i in range(0, 12, 3)]
    with Pool(_doubled, 2) as pool:
        assert list(pool.run(chunks, window=2)) == [i * 2 for i in range(12)]
    got: list[int] = []
    with pytest.raises(ValueError, match="thirteen"), Pool(_doubled, 2) as pool:
        got.extend(pool.run([list(range(i, i + 4)) for i in range(0, 20, 4)], window=3))
    assert got == [i * 2 for i in range(13)]


def test_items_that_kill_their_worker_are_given_up_and_the_rest_answered() -> None:
    stats = PoolStats()
    chunks = [list(range(i, i + 4)) for i in range(0, 24, 4)]
    with Pool(_suicidal, 2, lost=_lost, stats=stats) as pool:
        got = list(pool.run(chunks, window=4))
    assert got == [-1 if i in (5, 17) else i for i in range(24)]
    assert [d.cause for d in stats.deaths] == ["SIGKILL"] * 4 and stats.given_up == 2
    with pytest.raises(PoolError, match="died twice"), Pool(_suicidal, 2) as pool:
        list(pool.run(chunks, window=4))


def test_a_worker_that_ignores_the_stop_request_is_killed_in_time() -> None:
    before = set(children(os.getpid()))
    pool: Pool[int, int] = Pool(_stubborn, 2)
    results = pool.run([[1], [2], [3]], window=3)
    with pytest.raises(TimeoutError):
        _interrupted(results, after=0.5)
    began = time.monotonic()
    pool.stop()
    assert time.monotonic() - began < STOP_SECONDS + 1.0
    assert set(children(os.getpid())) <= before


def _interrupted(results: Iterator[int], after: float) -> None:
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, after)
    try:
        list(results)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
