"""parser.guard: time budget, memory ceiling, failures as ParseError, in-process and forked."""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import subprocess
import sys
from pathlib import Path

import mwparserfromhell
import pytest

from parser.batch.runner import Options, check_one, convert_one
from parser.errors import InputError, ParseError
from parser.guard import at, run_guarded
from parser.read.source import InputPolicy

MODES = [pytest.param(False, id="in-process"),
         pytest.param(True, id="isolated", marks=pytest.mark.skipif(
             not hasattr(os, "fork"), reason="needs fork"))]


def _spin() -> None:
    at(7)
    while True:
        pass


def _eat() -> None:
    hoard = []
    while True:
        hoard.append(bytearray(16 * 1024 * 1024))


def _deep(n: int) -> int:
    return _deep(n + 1)


def _slow_tokenizer() -> int:
    return len(mwparserfromhell.parse("{{a|" * 8000).nodes)


def _refuse() -> None:
    raise InputError("x.txt", "refused", code="IN002", line=3, column=4, offset=9)


def _bug() -> None:
    raise KeyError("oops")


def _segfault() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


@pytest.mark.parametrize("isolate", MODES)
def test_a_result_comes_back(isolate: bool) -> None:
    assert run_guarded(sorted, [3, 1, 2], seconds=5, memory_mib=512, isolate=isolate) == [1, 2, 3]


@pytest.mark.parametrize("isolate", MODES)
def test_a_busy_loop_stops_at_its_budget_with_the_line(isolate: bool) -> None:
    with pytest.raises(ParseError) as info:
        run_guarded(_spin, path="f.txt", seconds=0.3, isolate=isolate)
    error = info.value
    assert (error.code, error.line) == ("PA008", 7)
    assert str(error) == ("f.txt:7: parsing took longer than 0.3 CPU seconds (near line 7); the "
                          "file was not converted (see --timeout)")


@pytest.mark.parametrize("isolate", MODES)
def test_the_c_tokenizer_is_stopped_too(isolate: bool) -> None:
    # in a fresh interpreter: the in-process timer's effect on the C tokenizer must not
    # depend on what earlier tests left in this process
    code = ("import sys, mwparserfromhell\n"
            "from parser.guard import run_guarded\n"
            "from parser.errors import ParseError\n"
            "def slow():\n"
            "    return len(mwparserfromhell.parse('{{a|' * 8000).nodes)\n"
            "try:\n"
            f"    run_guarded(slow, seconds=0.5, isolate={isolate})\n"
            "except ParseError as error:\n"
            "    print(error.code)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False, cwd=Path(__file__).resolve().parent.parent)
    assert done.stdout.strip() == "PA008", done.stderr


@pytest.mark.parametrize("isolate", MODES)
def test_memory_ceiling(isolate: bool) -> None:
    with pytest.raises(ParseError) as info:
        run_guarded(_eat, memory_mib=400, isolate=isolate)
    assert info.value.code == "PA009" and "400 MiB" in info.value.message
    assert run_guarded(len, "after", memory_mib=400, isolate=isolate) == 5  # still usable


@pytest.mark.parametrize("isolate", MODES)
@pytest.mark.parametrize(("function", "code"), [(_deep, "PA007"), (_bug, "PA010")])
def test_failures_become_parse_errors(isolate: bool, function: object, code: str) -> None:
    with pytest.raises(ParseError) as info:
        run_guarded(function, 0, isolate=isolate) if function is _deep else run_guarded(
            function, isolate=isolate)
    assert info.value.code == code
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("isolate", MODES)
def test_the_package_errors_pass_through_with_their_fields(isolate: bool) -> None:
    with pytest.raises(InputError) as info:
        run_guarded(_refuse, isolate=isolate)
    error = info.value
    assert (error.code, error.line, error.column, error.offset) == ("IN002", 3, 4, 9)


def test_errors_survive_pickling() -> None:
    error = pickle.loads(pickle.dumps(InputError("a", "b", code="IN004", line=2, offset=5)))
    assert (type(error), error.code, error.line, error.offset, str(error)) == (
        InputError, "IN004", 2, 5, "a:2: b")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_crashed_child_is_reported_not_fatal() -> None:
    with pytest.raises(ParseError) as info:
        run_guarded(_segfault, isolate=True)
    assert info.value.code == "PA010" and "SIGSEGV" in info.value.message


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_an_isolated_child_cannot_hang_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from parser.guard import isolated as guard

    monkeypatch.setattr(guard, "WALL_FACTOR", 1.0)
    monkeypatch.setattr(guard, "WALL_GRACE", 0.5)
    started = time.monotonic()
    with pytest.raises(ParseError) as info:
        run_guarded(time.sleep, 60, seconds=0.5, isolate=True)  # no CPU used: the wall clock
    assert info.value.code == "PA008" and time.monotonic() - started < 10


@pytest.mark.parametrize("isolate", [False, True])
def test_runner_turns_a_timeout_into_a_failed_report(tmp_path: Path, isolate: bool) -> None:
    bad = tmp_path / "slow.txt"
    # distinct lines, so that no cache makes the file cheap
    bad.write_text("= T =\n" + "".join(f"Elm FC {i} 2-1 Oak SC {i}\n" for i in range(20000)),
                   encoding="utf-8")
    options = Options(policy=InputPolicy(seconds=0.05), isolate=isolate)
    report = check_one(str(bad), options)
    assert report.failed_input and [d.code for d in report.diagnostics] == ["PA008"]
    text, converted = convert_one(str(bad), options)
    assert text is None and converted.diagnostics[0].code == "PA008"
    fine = Options(policy=InputPolicy(seconds=30), isolate=isolate)
    text, converted = convert_one(str(bad), fine)
    assert text is not None and not converted.failed_input


def _interrupted_then_converted() -> str:
    """What mwparserfromhell's C tokenizer does with an exception raised inside it: it
    turns it into its own error (here, a Ctrl-C into a ValueError)."""
    try:
        signal.raise_signal(signal.SIGINT)
    except KeyboardInterrupt:
        raise ValueError("empty token stack") from None
    return "not reached"


def _interrupted_then_swallowed() -> str:
    with contextlib.suppress(KeyboardInterrupt):
        signal.raise_signal(signal.SIGINT)
    return "swallowed"


def _interrupted_then_reported() -> str:
    """What ``api.parse_source`` then does with the tokenizer's error: a ``ParseError``
    (PA007, exit 2) that must not hide the Ctrl-C behind it."""
    try:
        _interrupted_then_converted()
    except ValueError as error:
        raise ParseError("x.txt", f"the wiki parser failed: {error}", code="PA007") from None
    return "not reached"


@pytest.mark.parametrize("func", [_interrupted_then_converted, _interrupted_then_swallowed,
                                  _interrupted_then_reported])
def test_ctrl_c_inside_a_parser_stays_an_interrupt(func: object) -> None:
    # a Ctrl-C that a parser turns into its own error is not a PA010 parser failure (exit 2)
    with pytest.raises(KeyboardInterrupt):
        run_guarded(func, path="x.txt", seconds=30)  # type: ignore[arg-type]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_parser_error_without_an_interrupt_is_still_a_failure() -> None:
    def fails() -> str:
        raise ValueError("empty token stack")

    with pytest.raises(ParseError):
        run_guarded(fails, path="x.txt", seconds=30)
    with pytest.raises(ParseError):  # the interrupt of an earlier call does not linger
        run_guarded(fails, path="x.txt", seconds=30)


def _failing_while_out_of_memory() -> str:
    try:
        raise MemoryError()
    except MemoryError:
        raise ValueError("clean-up failed for want of memory") from None  # its context stays
    return "not reached"


def _failing_after_the_budget() -> str:
    from parser.guard.budget import _Timeout

    try:
        raise _Timeout()
    except BaseException as timeout:
        raise RuntimeError("a C extension reported it as its own error") from timeout


@pytest.mark.parametrize(("func", "code"), [(_failing_while_out_of_memory, "PA009"),
                                            (_failing_after_the_budget, "PA008")])
def test_an_error_raised_by_exhaustion_is_reported_as_that(func: object, code: str) -> None:
    # an error raised while memory or time ran out is the budget's finding, not PA010
    with pytest.raises(ParseError) as raised:
        run_guarded(func, path="x.txt", seconds=30, memory_mib=4096)  # type: ignore[arg-type]
    assert raised.value.code == code
