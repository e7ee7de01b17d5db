"""What the checks share per document is worked out once, and nothing of a document is kept
after its check (a run over many documents holds none of the earlier ones)."""

from __future__ import annotations

import sys

from parser.api import check, parse
from parser.checks import run_checks
from parser.checks.memo import Memo, forget, once_per_document
from parser.checks.stages import bracket
from parser.model.document import Document

from ..conftest import ROOT

SEED = ROOT / "samples" / "seed" / "000_40227375bb590b15.txt"


def _held(document: Document) -> list[int]:
    data = document.data
    parts = [data, data["rounds"], data["rounds"][0]["matches"][0], data["sections"],
             data["entrants"], data["declared_counts"]]
    return [sys.getrefcount(part) for part in parts]


def test_a_check_keeps_no_reference_to_the_documents_json() -> None:
    document = parse(SEED.read_bytes(), str(SEED))
    before = _held(document)
    assert check(document)  # the seed has findings: the shared structures were built
    assert _held(document) == before


def test_shared_results_are_worked_out_once_per_document_until_forgotten() -> None:
    calls: list[int] = []

    @once_per_document
    def rounds(document: Document) -> int:
        calls.append(1)
        return len(document.data.get("rounds", []))

    first, second = parse(SEED.read_bytes()), parse(SEED.read_bytes())
    assert rounds(first) == rounds(first) == 2 and len(calls) == 1
    assert rounds(second) == 2 and len(calls) == 2  # another document, though equal
    assert rounds(first) == 2 and len(calls) == 3  # one document is kept at a time
    forget()
    assert rounds(first) == 2 and len(calls) == 4


def test_a_memo_answers_only_for_the_object_it_was_given() -> None:
    memo: Memo[str] = Memo()
    source, equal = [1, 2], [1, 2]
    assert memo.keep(source, "found") == "found"
    assert memo.get(source) == "found" and memo.get(equal) is None
    forget()
    assert memo.get(source) is None


def test_the_bracket_a_check_built_is_dropped_with_it() -> None:
    document = parse(SEED.read_bytes())
    kept = bracket(document)
    assert bracket(document) is kept  # shared while the document is being checked
    run_checks(document)
    assert bracket(document) is not kept
