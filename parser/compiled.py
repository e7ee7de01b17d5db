"""Whether this installation runs the optional mypyc-compiled build.

``SCORELINE_COMPILE=1 pip install .`` (``hatch_build.py``) puts an extension module beside
the ``.py`` file of every module it compiles, and Python imports the extension first.
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

_SUFFIXES = sorted(EXTENSION_SUFFIXES, key=len, reverse=True)


def compiled_modules() -> list[str]:
    """The dotted names of the package's modules that are extension modules here (none in
    the default, pure-Python install)."""
    package = Path(__file__).resolve().parent
    names = set()
    for path in package.rglob("*"):
        # the longest suffix first: ".cpython-311-x86_64-linux-gnu.so" before ".so"
        suffix = next((s for s in _SUFFIXES if path.name.endswith(s)), None)
        if suffix is not None and path.is_file():
            parts = path.relative_to(package).with_name(path.name[: -len(suffix)]).parts
            names.add(".".join(("parser", *parts)).removesuffix(".__init__"))
    return sorted(names)


def build_text() -> str:
    """``compiled with mypyc: N modules`` or ``pure Python``: for ``scoreline --version``."""
    count = len(compiled_modules())
    return f"compiled with mypyc: {count} modules" if count else "pure Python"
