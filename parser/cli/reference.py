"""``scoreline rules`` and ``scoreline schema``: the finding codes and the output schema."""

from __future__ import annotations

import argparse
import sys

from .exit_codes import EXIT_OK


def rules(args: argparse.Namespace) -> int:
    from . import explain

    if args.markdown:
        sys.stdout.write(explain.markdown())
    elif args.code:
        sys.stdout.write(explain.explain(args.code))
    else:
        sys.stdout.write(explain.table())
    return EXIT_OK


def schema(args: argparse.Namespace) -> int:
    from ..resources import schema_path

    sys.stdout.write(schema_path().read_text(encoding="utf-8"))
    return EXIT_OK
