"""Counts (CO104, CO105): the infobox team count against the scopes a document can prove
(``counts.global_scopes``: the distinct teams of its rounds, of its entrant lists, or of
both); the message says which one it matches."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..diagnostics import Severity
from ..model.document import Document
from .base import Hit, rule
from .counts import global_scopes


def _num_teams(document: Document) -> tuple[int, dict[str, Any]] | None:
    infobox = document.data.get("infobox") or {}
    for index, item in enumerate(infobox.get("fields", [])):
        if item["name"] == "num_teams" and isinstance(item["value"], int):
            return index, item
    return None


@rule("CO104", "infobox-count-mismatch", Severity.WARNING,
      "The infobox team count matches no set of teams the document lists.",
      needs=("infobox",))
def infobox_count(document: Document) -> Iterator[Hit]:
    """``Num Teams`` is compared with the distinct teams of the rounds, of the entrant lists,
    and of both together; a value that matches none of them is very likely wrong.

    Failing (reported at 3:14)::

        = Elm Cup =
        Infobox
        - Num Teams: 3

        ==Final==
        Elm FC 2-1 Oak SC

    Passing::

        = Elm Cup =
        Infobox
        - Num Teams: 2

        ==Final==
        Elm FC 2-1 Oak SC
    """
    found = _num_teams(document)
    if found is None:
        return
    scoped = global_scopes(document)
    if not scoped:
        return
    index, item = found
    if all(item["value"] != size for _, size in scoped):
        tried = "; ".join(f"{size} {what}" for what, size in scoped)
        yield Hit(f"infobox {item['key']} is {item['value']}, but the document names "
                  f"{tried}", f"/infobox/fields/{index}/value")


@rule("CO105", "infobox-count-scope", Severity.INFO,
      "Which set of teams the infobox team count was found to count.",
      needs=("infobox",))
def infobox_scope(document: Document) -> Iterator[Hit]:
    """A note saying which scope the infobox team count agrees with, so a reader can see what
    was verified.

    Failing (reported at 3:14)::

        = Elm Cup =
        Infobox
        - Num Teams: 2

        ==Final==
        Elm FC 2-1 Oak SC

    Passing::

        = Elm Cup =

        ==Final==
        Elm FC 2-1 Oak SC
    """
    found = _num_teams(document)
    if found is None:
        return
    index, item = found
    for what, size in global_scopes(document):
        if size == item["value"]:
            yield Hit(f"infobox {item['key']} {item['value']} counts the {size} {what}",
                      f"/infobox/fields/{index}/value")
            return
