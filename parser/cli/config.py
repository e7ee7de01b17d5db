"""A repository's scoreline policy: ``[tool.scoreline]`` in the nearest ``pyproject.toml``.

    [tool.scoreline]
    select = ["CO", "PR", "MA101"]      # codes or prefixes to report (default: all)
    ignore = ["PA001"]                  # codes or prefixes to leave out (wins over select)
    strict = true                       # warnings fail the run too
    output-format = "github"            # text, json, github, sarif, junit
    [tool.scoreline.severity]
    PR202 = "error"                     # override a code's default severity

The file is looked for from the working directory upward; the first
``pyproject.toml`` with a ``[tool.scoreline]`` table wins. Settings given on the
command line win over the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..diagnostics import Severity
from ..errors import UsageError
from ..records import record

KEYS = frozenset({"select", "ignore", "strict", "output-format", "severity"})


@record  # not a dataclass: its six generated methods were most of this module's import
class Config:
    """Settings read from a file; ``None`` means "not set there"."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    strict: bool | None = None
    output_format: str | None = None
    severity: dict[str, Severity] | None = None
    path: Path | None = None


def find(start: Path | None = None) -> Path | None:
    """The nearest ``pyproject.toml`` holding ``[tool.scoreline]``, from ``start`` upward."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file() and "scoreline" in _read(candidate).get("tool", {}):
            return candidate
    return None


def _read(path: Path) -> dict[str, Any]:
    import tomllib  # here: a run with no pyproject.toml above it never needs it

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"{path}: cannot read the configuration: {error}") from None


def known_codes() -> tuple[str, ...]:
    """Every code in the catalogue."""
    from ..catalogue import catalogue

    return tuple(catalogue())


def codes(values: Iterable[str], where: str) -> tuple[str, ...]:
    """Upper-cased codes or prefixes, each checked against the catalogue."""
    out = []
    every = known_codes()
    for value in values:
        code = value.strip().upper()
        if not code:
            continue
        if not any(known.startswith(code) for known in every):
            raise UsageError(f"{where}: unknown code or prefix {value.strip()!r} "
                             "(see 'scoreline rules')")
        out.append(code)
    return tuple(out)


def _code_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{where}: expected a list of codes")
    return codes(value, where)


def load(path: Path) -> Config:
    """The ``[tool.scoreline]`` settings of one file, validated."""
    from ..formats import FORMAT_NAMES

    table = _read(path).get("tool", {}).get("scoreline", {})
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [tool.scoreline] must be a table")
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise UsageError(f"{path}: unknown [tool.scoreline] setting {unknown[0]!r}; "
                         f"known: {', '.join(sorted(KEYS))}")
    strict = table.get("strict")
    if strict is not None and not isinstance(strict, bool):
        raise UsageError(f"{path}: strict must be true or false")
    output = table.get("output-format")
    if output is not None and output not in FORMAT_NAMES:
        raise UsageError(f"{path}: output-format must be one of {', '.join(FORMAT_NAMES)}")
    severity: dict[str, Severity] = {}
    raw = table.get("severity", {})
    if not isinstance(raw, dict):
        raise UsageError(f"{path}: [tool.scoreline.severity] must be a table")
    for code, level in raw.items():
        (checked,) = codes([code], f"{path}: severity")
        if level not in {s.value for s in Severity}:
            raise UsageError(f"{path}: severity of {code} must be error, warning or info")
        severity[checked] = Severity(level)
    return Config(
        select=_code_list(table["select"], f"{path}: select") if "select" in table else None,
        ignore=_code_list(table["ignore"], f"{path}: ignore") if "ignore" in table else None,
        strict=strict, output_format=output, severity=severity, path=path,
    )


def discover(explicit: str | None = None) -> Config:
    """The configuration of ``explicit`` (a file), else of the nearest pyproject, else none."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise UsageError(f"{explicit}: no such configuration file")
        return load(path)
    found = find()
    return load(found) if found is not None else Config()
