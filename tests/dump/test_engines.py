"""The same dump gives byte-identical files with any engine and any number of workers:
the local pool with 1 and 2 workers, a dask LocalCluster of 2 workers, and a real
``dask scheduler`` with two ``dask worker`` processes on 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from parser.cli import main

from .helpers import dump, tree
from .pages import build

distributed = pytest.importorskip(
    "distributed", reason="dask.distributed is not installed (pip install 'scoreline[dask]')")


@pytest.fixture(scope="module")
def wiki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("dump"), "wiki.xml.bz2")


@pytest.fixture(scope="module")
def reference(wiki: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("ref") / "out"
    assert main(["dump", str(wiki), "-o", str(out), "-j", "1", "--partition-size", "1K"]) == 0
    return tree(out)


def test_two_local_workers(wiki: Path, reference: dict[str, bytes], tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    status, err = dump(capsys, wiki, "-o", tmp_path / "out", "-j", "2",
                       "--partition-size", "1K")
    assert status == 0, err
    assert tree(tmp_path / "out") == reference


def test_dask_local_cluster(wiki: Path, reference: dict[str, bytes], tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    status, err = dump(capsys, wiki, "-o", tmp_path / "out", "--engine", "dask", "-j", "2",
                       "--partition-size", "1K")
    assert status == 0, err
    assert tree(tmp_path / "out") == reference


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def _cluster(workers: int = 2) -> Iterator[str]:
    """A real scheduler and ``workers`` worker processes on 127.0.0.1, stopped after."""
    executable = shutil.which("dask", path=str(Path(sys.executable).parent)) or shutil.which(
        "dask")
    if executable is None:
        pytest.skip("the dask command is not installed")
    address = f"tcp://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    processes = [subprocess.Popen([executable, "scheduler", "--host", "127.0.0.1", "--port",
                                   port, "--no-dashboard"], **quiet)]  # type: ignore[call-overload]
    try:
        processes += [subprocess.Popen([executable, "worker", address, "--nworkers", "1",
                                        "--nthreads", "1", "--no-dashboard", "--host",
                                        "127.0.0.1"], **quiet)  # type: ignore[call-overload]
                      for _ in range(workers)]
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=60)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in reversed(processes):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def test_real_scheduler_and_two_workers(wiki: Path, reference: dict[str, bytes],
                                        tmp_path: Path) -> None:
    with _cluster(2) as address:
        run = subprocess.run([sys.executable, "-m", "parser", "dump", str(wiki), "-o",
                              str(tmp_path / "out"), "--engine", "dask", "--scheduler",
                              address, "--partition-size", "1K"],
                             capture_output=True, text=True, timeout=180,
                             env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert run.returncode == 0, run.stderr
    assert tree(tmp_path / "out") == reference


def test_unreachable_scheduler(wiki: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    from parser.dump import engines

    monkeypatch.setattr(engines, "CONNECT_SECONDS", 3)
    start = time.monotonic()
    status, err = dump(capsys, wiki, "-o", tmp_path / "out", "--engine", "dask",
                       "--scheduler", f"tcp://127.0.0.1:{_free_port()}")
    assert status == 2 and "cannot reach the dask scheduler" in err, err
    assert time.monotonic() - start < 30
