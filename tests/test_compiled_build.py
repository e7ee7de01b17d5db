"""The optional mypyc build (``hatch_build.py``): which modules it compiles, that it stays
out of the default build, and that ``scoreline --version`` tells the two apart."""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import tomllib
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import parser.flat.reader
from parser.checks.base import docstring
from parser.compiled import build_text, compiled_modules

from .conftest import ROOT


def _hook_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scoreline_hatch_build", ROOT / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _hook_config() -> dict[str, Any]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    config: dict[str, Any] = project["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"][
        "custom"]
    return config


def test_version_tells_a_compiled_run_from_a_pure_one() -> None:
    compiled = parser.flat.reader.__file__.endswith(tuple(EXTENSION_SUFFIXES))
    assert ("parser.flat.reader" in compiled_modules()) is compiled
    assert build_text() == (f"compiled with mypyc: {len(compiled_modules())} modules"
                            if compiled else "pure Python")


def test_the_compiled_modules_are_the_hot_stages_less_those_kept_in_python() -> None:
    config = _hook_config()
    sources = _hook_module().selected_sources(ROOT, config)
    assert "parser/flat/reader.py" in sources and "parser/grammar/fast_lalr.py" in sources
    for kept in config["keep-python"]:  # each names a file the compile list would take
        assert (ROOT / kept).is_file() and kept not in sources
        assert any(kept == entry or kept.startswith(entry + "/") for entry in config["compile"])
    for name in sources:
        # signal handling, fork paths and the commands stay Python
        assert not name.startswith(("parser/cli/", "parser/batch/", "parser/guard/",
                                    "parser/dump/", "parser/report/", "parser/export/"))
        text = (ROOT / name).read_text(encoding="utf-8")
        # a compiled frozen dataclass cannot be copied or pickled (a batch's workers pickle)
        assert "frozen=True" not in text, name
        # mypyc's dataclasses leave the defaults of init=False fields unset
        assert not re.search(r"field\((?=[^)]*init=False)(?=[^)]*default)", text), name
        # a compiled class cannot extend pickle's C Unpickler (the interpreter crashes)
        assert "pickle.Unpickler)" not in text, name


def test_the_hook_does_nothing_without_the_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    module = _hook_module()
    monkeypatch.delenv(module.SWITCH, raising=False)
    hook = module.CompiledBuildHook(str(ROOT), _hook_config(), None, None, "", "wheel")
    build_data: dict[str, Any] = {"force_include": {}, "pure_python": True}
    hook.initialize("standard", build_data)
    assert hook.dependencies() == []
    assert build_data == {"force_include": {}, "pure_python": True}
    monkeypatch.setenv(module.SWITCH, "1")
    with pytest.raises(RuntimeError, match="editable"):
        hook.initialize("editable", build_data)


def test_a_check_without_docstring_reads_it_from_its_source(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    """As a compiled check does: ``__doc__`` is None, the ``.py`` beside the module has it."""
    (tmp_path / "family.py").write_text(
        'def other():\n    """Not this one."""\n\n\n'
        'def check(document):\n    """Line one.\n\n    Passing::\n\n        x\n    """\n',
        encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    family = importlib.import_module("family")
    expected = family.check.__doc__
    family.check.__doc__ = None
    assert docstring(family.check) == expected
    family.other.__doc__ = None
    assert docstring(family.other) == "Not this one."
    monkeypatch.delitem(sys.modules, "family")
