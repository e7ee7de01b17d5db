"""Names (NA7xx): one team written two ways.

The bracket aliases a name first seen in a later round to a near miss of a team
of an earlier round that does not play that round (``teams.near_miss``: case,
accents, punctuation and ``F.C.`` folded; at most two edits; numbers and reserve
markers must agree). Each alias is reported once, where the odd spelling first
appears.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..model.document import Document
from .base import Hit, rule
from .stages import bracket
from .teams import normalise


@rule("NA701", "near-miss-name", Severity.WARNING,
      "A team in a later round is spelt almost like a team of an earlier round.",
      needs=("matches",))
def near_miss_name(document: Document) -> Iterator[Hit]:
    """``Quarrington Rover FC`` in the quarter-finals, where the first round had
    ``Quarrington Rovers FC``, is one team misspelt: one finding names both spellings.

    Failing (reported at 5:1)::

        ==First round==
        Elm Rovers FC 2-1 Oak SC

        ==Final==
        Elm Rover FC 1-0 Ash FC

    Passing::

        ==First round==
        Elm Rovers FC 2-1 Oak SC

        ==Final==
        Elm Rovers FC 1-0 Ash FC
    """
    brk = bracket(document)
    reported: set[str] = set()
    for stage in brk.stages:
        for game in stage.games:
            for side in ("home", "away"):
                written = game.data[side]
                key = normalise(written)
                if key not in brk.aliases or key in reported:
                    continue
                reported.add(key)
                target = brk.aliases[key]
                first = next(g for s in brk.stages for g in s.games if target in (g.home, g.away)
                             and normalise(g.data[g.side(target)]) == target)
                yield Hit(f"{written!r} in {stage.label} is not a team of the earlier rounds; "
                          f"did you mean {brk.name(target)!r} (line {first.line})?",
                          f"{game.pointer}/{side}")
