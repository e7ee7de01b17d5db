"""The run's settings: the command line over ``[tool.scoreline]``, turned into ``Options``."""

from __future__ import annotations

import argparse
import os

from ..errors import UsageError


def input_policy(args: argparse.Namespace) -> object:
    from ..read.source import DEFAULT_MAX_BYTES, InputPolicy

    max_bytes = DEFAULT_MAX_BYTES if args.max_bytes is None else args.max_bytes
    for flag, value in (("--max-bytes", max_bytes), ("--max-line-chars", args.max_line_chars),
                        ("--timeout", args.timeout), ("--max-memory", args.max_memory)):
        if not value >= 0:  # also refuses NaN
            raise UsageError(f"{flag} must be 0 (no limit) or more")
    if 0 < args.max_memory < 64:
        raise UsageError("--max-memory is in MiB and must be at least 64 (or 0: no limit)")
    if args.schema is not None:
        from ..schema import load_validator

        load_validator(args.schema)  # a bad schema stops the run before any file is read
    return InputPolicy(max_bytes=max_bytes, max_line_chars=args.max_line_chars,
                       seconds=args.timeout, memory_mib=args.max_memory)


def codes_option(text: str | None, where: str) -> tuple[str, ...] | None:
    from .config import codes

    return None if text is None else codes(text.split(","), where)


def run_options(args: argparse.Namespace) -> object:
    """The run's ``Options`` from the command line (and, for ``check``, the configuration)."""
    return settings(args)[0]


def settings(args: argparse.Namespace) -> tuple[object, str | None]:
    from ..batch.runner import Options
    from ..read.source import InputPolicy
    from .config import Config, discover

    policy = input_policy(args)
    assert isinstance(policy, InputPolicy)
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (one per core) or more")
    checking = args.command in ("check", "report")
    config = discover(args.config) if checking else Config()
    select = codes_option(getattr(args, "select", None), "--select")
    ignore = codes_option(getattr(args, "ignore", None), "--ignore")
    strict = getattr(args, "strict", None)
    return Options(
        form=args.form, policy=policy,
        select=select if select is not None else config.select or (),
        ignore=ignore if ignore is not None else config.ignore or (),
        strict=strict if strict is not None else bool(config.strict),
        severities=dict(config.severity or {}), jobs=args.jobs, schema=args.schema,
        isolate=args.isolate,
    ), config.output_format


def output_format(explicit: str | None, configured: str | None) -> str:
    """The command line's format, else the configured one, else github under GitHub Actions,
    else text."""
    if explicit:
        return explicit
    if configured:
        return configured
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
