"""The ``scoreline`` command: arguments -> ``Options`` -> runner -> output -> exit code.

Exit codes (README "Exit codes"): 0 no failing findings; 1 findings that fail
(errors, or warnings with --strict); 2 usage error, or an input that could not be
read or converted; 3 an output that could not be written; 4 the run could not finish
(worker processes could not be started or kept dying, or a dump partition was
refused); 129/143 stopped by SIGHUP/SIGTERM; 130 interrupted; 141 output closed early (``| head``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from ..errors import ScorelineError
from .exit_codes import EXIT_INTERRUPTED, EXIT_OUTPUT, EXIT_PIPE
from .streams import closed_streams, discard_stdout, one_line

# the command modules are imported by ``main`` inside its handlers, so that a Ctrl-C while
# they load is an ordinary interrupt (exit 130, one line), not a traceback


# each command's module (in this package) and the function that runs it
COMMANDS = {"convert": ("convert", "run"), "check": ("check", "run"),
            "schema": ("reference", "schema"), "rules": ("reference", "rules"),
            "report": ("report", "run"), "dump": ("dump", "run")}


def _command(name: str) -> Callable[..., int]:
    """The function running command ``name``; only its own module is imported."""
    import importlib

    module, function = COMMANDS[name]
    run: Callable[..., int] = getattr(importlib.import_module(f".{module}", __package__),
                                      function)
    return run


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``scoreline`` console script."""
    closed_streams()
    try:
        from ..regex_cache import preload

        regexes = preload()  # the patterns an earlier run compiled: not compiled again
        from ..batch.signals import stop_on_signals

        with stop_on_signals():  # SIGTERM and SIGHUP: stopped as by Ctrl-C
            from .arguments import build_parser, command_of
            from .streams import warn_slow_tokenizer

            words = sys.argv[1:] if argv is None else argv
            args = build_parser(command_of(words)).parse_args(words)
            if args.command in ("convert", "check", "report", "dump"):
                warn_slow_tokenizer()
            status = _command(args.command)(args)
            sys.stdout.flush()
            regexes.save()
        return status
    except ScorelineError as error:
        print(f"scoreline: {one_line(str(error))}", file=sys.stderr)
        if error.exit_code == EXIT_OUTPUT:
            discard_stdout()
        return error.exit_code
    except KeyboardInterrupt as stop:  # Ctrl-C, or ``Stopped`` by SIGTERM/SIGHUP
        code = getattr(stop, "exit_code", None)
        print(f"scoreline: {stop if code else 'interrupted'}", file=sys.stderr)
        return code or EXIT_INTERRUPTED
    except BrokenPipeError:
        discard_stdout()
        return EXIT_PIPE
    except OSError as exc:  # writing the output failed: a full disk, a closed stream, ...
        where = getattr(exc, "filename", None) or "standard output"
        print(f"scoreline: cannot write {where}: {exc.strerror or exc}", file=sys.stderr)
        discard_stdout()
        return EXIT_OUTPUT
