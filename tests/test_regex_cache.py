"""``parser.regex_cache``: patterns kept between runs are the patterns ``re`` compiles."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from parser import regex_cache
from parser.disk_cache import write_plain

from .conftest import ROOT, SEED

PATTERNS: list[tuple[str | bytes, int]] = [
    (r"(?P<home>.+?)\s+(?P<hs>\d{1,3})\s*[-–]\s*(?P<as>\d{1,3})\s+(?P<away>.+)", 0),
    (r"(?<![\w-])(?:broadcast(?:ing|ers?)?|television|tv)(?![\w-])", re.IGNORECASE),
    (r"^(=+)([^\n]*)", re.MULTILINE),
    (r"[\u200b\u200c\ufeff\xad]", 0),
    (r"ÉLAN|straße", re.IGNORECASE),
    (r"(a)(b)?(?:c)(?P<d>d)\2", re.VERBOSE | re.DOTALL),
    (rb"[\x00-\x1f]+(?P<tail>\xff)?", 0),
    (r"\b(1[89]|20)[0-9]{2}\b", re.ASCII),
]
SUBJECTS = ["Elm FC 2 – 1 Oak SC", "TV rights", "== A ==\nx", "Élan STRASSE", "abcdbd",
            "\u200bx", "born 1987 or 2031"]


def _fresh(pattern: str | bytes, flags: int) -> re.Pattern[str] | re.Pattern[bytes]:
    """What ``re`` compiles, bypassing its cache."""
    return re._compiler.compile(pattern, flags)  # type: ignore[attr-defined,no-any-return]


def _save(directory: Path, patterns: list[tuple[str | bytes, int]]) -> None:
    re.purge()
    cache = regex_cache.preload(directory)
    for pattern, flags in patterns:
        re.compile(pattern, flags)
    for number in range(regex_cache.MIN_NEW):  # enough new patterns for a write
        re.compile(f"filler{number}")
    cache.save()


def test_preloaded_patterns_are_the_ones_re_compiles(tmp_path: Path) -> None:
    _save(tmp_path, PATTERNS)
    re.purge()
    loaded = regex_cache.preload(tmp_path)
    assert all((type(p), p, f) in loaded.entries for p, f in PATTERNS)
    for pattern, flags in PATTERNS:
        got, expected = re.compile(pattern, flags), _fresh(pattern, flags)
        assert got is not expected and got == expected
        assert (got.groups, got.groupindex, got.flags) == (
            expected.groups, expected.groupindex, expected.flags)
        for subject in SUBJECTS:
            text: str | bytes = subject.encode() if isinstance(pattern, bytes) else subject
            assert [m.span() for m in got.finditer(text)] == [  # type: ignore[arg-type]
                m.span() for m in expected.finditer(text)]  # type: ignore[arg-type]
    re.purge()


def test_a_damaged_entry_is_compiled_as_usual(tmp_path: Path) -> None:
    engine = regex_cache._engine()
    assert engine is not None
    file = regex_cache.cache_file(tmp_path, engine)
    write_plain(tmp_path, file, {"format": "1", "patterns": [
        (False, "damaged(x)", 0, (32, [1, 2, 3], 0, {}, (None,))),  # code the engine refuses
        (False, "wrong", "0", (32, [], 0, {}, (None,))),
        "not an entry",
    ]})
    re.purge()
    loaded = regex_cache.preload(tmp_path)
    assert loaded.entries == {}
    assert re.compile("damaged(x)").match("damagedx") is not None
    re.purge()


def test_the_command_writes_the_file_once_and_then_reads_it(tmp_path: Path) -> None:
    env = {**os.environ, "SCORELINE_CACHE_DIR": str(tmp_path)}
    command = [sys.executable, "-m", "parser", "check", str(SEED)]
    first = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=120, check=False)
    files = list(tmp_path.glob("regex-*.patterns"))
    assert len(files) == 1
    written = files[0].stat().st_mtime_ns
    second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert files[0].stat().st_mtime_ns == written  # nothing new to write
    assert first.returncode == second.returncode

    def findings(out: str) -> list[str]:
        return [line for line in out.splitlines() if " checked: " not in line]

    assert findings(first.stdout) == findings(second.stdout) and findings(first.stdout)


@pytest.mark.parametrize("value", [""])
def test_no_cache_directory_means_no_file(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCORELINE_CACHE_DIR", value)
    cache = regex_cache.preload()
    assert cache.file is None and cache.entries == {}
    cache.save()  # nothing to do, no error


def test_nothing_is_kept_where_rebuilt_patterns_would_differ(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # an interpreter whose internals no longer rebuild the probe pattern: the cache is off
    monkeypatch.setattr(regex_cache, "_entry", lambda engine, pattern, flags: None)
    regex_cache._engine.cache_clear()
    try:
        assert regex_cache._engine() is None
        _save(tmp_path, PATTERNS)
        assert list(tmp_path.iterdir()) == []
        assert regex_cache.preload(tmp_path).entries == {}
    finally:
        monkeypatch.undo()
        regex_cache._engine.cache_clear()
        re.purge()
