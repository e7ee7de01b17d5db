"""The on-disk grammar cache: private directory, keyed by content, refuses anything but data."""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path

import pytest

from parser.disk_cache import default_cache_dir
from parser.grammar import cache as grammar_cache
from parser.grammar.cache import load_grammar

OPTIONS = {"parser": "lalr", "lexer": "contextual"}
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def _tables(directory: Path) -> list[Path]:
    return sorted(directory.glob("date-*.tables"))


def test_first_load_builds_and_writes_a_private_cache(tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    parser = load_grammar("date.lark", directory, **OPTIONS)
    (file,) = _tables(directory)
    if sys.platform != "win32":
        assert directory.stat().st_mode & 0o777 == 0o700
        assert file.stat().st_mode & 0o077 == 0
    again = load_grammar("date.lark", directory, **OPTIONS)
    assert again.parse("March 7, 2031").pretty() == parser.parse("March 7, 2031").pretty()


def test_cached_load_does_not_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_grammar("date.lark", tmp_path, **OPTIONS)
    import lark

    def no_build(*args: object, **kwargs: object) -> None:
        raise AssertionError("built instead of loading the cache")

    monkeypatch.setattr(lark.Lark, "__init__", no_build)
    assert load_grammar("date.lark", tmp_path, **OPTIONS).parse("Sep 10") is not None


def test_key_changes_with_the_options(tmp_path: Path) -> None:
    load_grammar("date.lark", tmp_path, **OPTIONS)
    load_grammar("date.lark", tmp_path, **OPTIONS, propagate_positions=True)
    assert len(_tables(tmp_path)) == 2


def test_a_file_holding_code_is_refused_and_rebuilt(tmp_path: Path) -> None:
    load_grammar("date.lark", tmp_path, **OPTIONS)
    (file,) = _tables(tmp_path)
    file.write_bytes(pickle.dumps(os.getcwd))  # a pickle naming a function
    parser = load_grammar("date.lark", tmp_path, **OPTIONS)
    assert parser.parse("Sep 10") is not None
    assert grammar_cache.read_plain(file) is not None  # rewritten with plain data


def test_a_garbled_file_is_rebuilt(tmp_path: Path) -> None:
    load_grammar("date.lark", tmp_path, **OPTIONS)
    (file,) = _tables(tmp_path)
    file.write_bytes(b"\x80\x05garbage")
    assert load_grammar("date.lark", tmp_path, **OPTIONS).parse("Sep 10") is not None


@posix_only
def test_a_directory_open_to_others_is_not_used(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    load_grammar("date.lark", shared, **OPTIONS)
    assert _tables(shared) == []


@posix_only
def test_a_cache_file_writable_by_others_is_not_read(tmp_path: Path) -> None:
    load_grammar("date.lark", tmp_path / "c", **OPTIONS)
    (file,) = _tables(tmp_path / "c")
    file.chmod(0o666)
    assert grammar_cache.read_plain(file) is None


def test_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SCORELINE_CACHE_DIR", str(tmp_path))
    assert default_cache_dir() == tmp_path
    monkeypatch.setenv("SCORELINE_CACHE_DIR", "")
    assert default_cache_dir() is None
    monkeypatch.delenv("SCORELINE_CACHE_DIR")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert default_cache_dir() == tmp_path / "xdg" / "scoreline"


def test_no_cache_dir_still_parses() -> None:
    assert load_grammar("date.lark", None, **OPTIONS).parse("Sep 10") is not None


def test_tables_are_cached_as_plain_data(tmp_path: Path) -> None:
    from parser.grammar.cache import load_tables
    from parser.grammar.fast_lalr import FastLALR

    tables = load_tables("date.lark", tmp_path, **OPTIONS)
    (file,) = sorted(tmp_path.glob("date-*.fast"))
    assert grammar_cache.read_plain(file, frozenset({"states"})) == tables
    fast = FastLALR(load_tables("date.lark", tmp_path, **OPTIONS))
    assert fast.tree("Sep 10", "start") is not None


def test_a_cached_check_never_imports_lark(tmp_path: Path) -> None:
    import subprocess

    from .conftest import ROOT, SEED

    env = {**os.environ, "SCORELINE_CACHE_DIR": str(tmp_path)}
    code = (f"import sys, runpy; sys.argv = ['scoreline', 'check', {str(SEED)!r}]\n"
            "try:\n    runpy.run_module('parser', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print('lark' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=120, check=True)
    assert first.stdout.strip().endswith("True")  # built the tables with Lark
    again = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=120, check=True)
    assert again.stdout.strip().endswith("False")
