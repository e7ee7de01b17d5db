"""The optional compiled build: ``SCORELINE_COMPILE=1 pip install .`` compiles the hot
modules with mypyc; without that variable this hook does nothing and the wheel is the
usual pure-Python one.

The modules to compile are listed in ``pyproject.toml`` under
``[tool.hatch.build.targets.wheel.hooks.custom]`` (``compile``: files or folders;
``keep-python``: files left out of them). The extension modules are built with setuptools'
``build_ext`` in a temporary folder, never in the source tree, and added to the wheel
beside the ``.py`` files (Python imports an extension module before a source file of the
same name). mypyc type-checks the modules with the project's own mypy configuration, so
the build environment gets mypy, setuptools, the type stubs and the runtime dependencies
only when the variable is set.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SWITCH = "SCORELINE_COMPILE"


class CompiledBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def _wanted(self) -> bool:
        return self.target_name == "wheel" and os.environ.get(SWITCH, "") not in ("", "0")

    def dependencies(self) -> list[str]:
        if not self._wanted():
            return []
        return ["mypy>=1.10", "setuptools>=70", "types-jsonschema",
                *self.metadata.core.dependencies]

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if not self._wanted():
            return
        if version == "editable":
            raise RuntimeError(f"{SWITCH}=1 compiles a wheel; an editable install stays pure "
                               f"Python (run `pip install .`, without -e)")
        self._work = tempfile.mkdtemp(prefix="scoreline-mypyc-")
        built = compile_modules(Path(self.root), self.sources(), Path(self._work))
        for file in built:
            build_data["force_include"][str(file)] = file.relative_to(
                Path(self._work) / "lib").as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work:
            shutil.rmtree(work, ignore_errors=True)

    def sources(self) -> list[str]:
        return selected_sources(Path(self.root), self.config)


def selected_sources(root: Path, config: dict[str, Any]) -> list[str]:
    """The ``.py`` files the hook's ``config`` compiles, relative to ``root``, in a stable
    order: those under ``compile`` less those named in ``keep-python``."""
    kept = {Path(name).as_posix() for name in config.get("keep-python", [])}
    files: list[str] = []
    for entry in config.get("compile", []):
        path = root / entry
        found = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        if not found or not all(item.is_file() for item in found):
            raise FileNotFoundError(f"{SWITCH}: nothing to compile at {entry}")
        files += [item.relative_to(root).as_posix() for item in found]
    return [name for name in dict.fromkeys(files) if name not in kept]


def compile_modules(root: Path, sources: list[str], work: Path) -> list[Path]:
    """Compile ``sources`` (paths relative to ``root``) with mypyc into ``work/lib``: the
    extension modules built, one per source plus mypyc's shared library."""
    from mypyc.build import mypycify  # the build environment has it only when compiling
    from setuptools import Distribution  # type: ignore[import-untyped]

    here = os.getcwd()
    os.chdir(root)  # mypy reads the project's configuration and resolves the modules here
    try:
        extensions = mypycify(sources, opt_level=os.environ.get("MYPYC_OPT_LEVEL", "3"),
                              target_dir=str(work / "c"))
        # A bare Distribution: setup() would read pyproject.toml as setuptools' own.
        distribution = Distribution({"name": "scoreline-compiled", "ext_modules": extensions})
        command = distribution.get_command_obj("build_ext")
        command.build_lib = str(work / "lib")
        command.build_temp = str(work / "temp")
        command.parallel = os.cpu_count() or 1
        distribution.run_command("build_ext")
    finally:
        os.chdir(here)
    built = sorted(path for path in (work / "lib").rglob("*") if path.suffix in (".so", ".pyd"))
    if len(built) < len(sources):
        raise RuntimeError(f"{SWITCH}: mypyc built {len(built)} modules for {len(sources)}")
    return built
