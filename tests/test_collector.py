"""The cyclic collector is off while a document is parsed or checked, and on afterwards."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from parser import api
from parser.collector import collector_paused


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_inside_and_on_again_after_an_error() -> None:
    with pytest.raises(ValueError), collector_paused():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_parse_and_check_run_with_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    build = api.Document.__init__

    def spy(self: api.Document, *args: object, **kwargs: object) -> None:
        seen.append(gc.isenabled())
        build(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(api.Document, "__init__", spy)
    document = api.parse("= 2031 Elm Cup =\n\n==Final==\nMay 3, 2031\nElm FC 2-1 Oak SC\n")
    assert seen == [False] and gc.isenabled()
    assert api.check(document) == [] and gc.isenabled()
