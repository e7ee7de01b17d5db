"""Input forms: the flat form (primary) and raw MediaWiki wikitext; ``auto`` tells them apart."""

from __future__ import annotations

import re

FORMS = ("auto", "flat", "wikitext")

_WIKITEXT_SIGNS = re.compile(
    r"^[ \t]*\{\{\s*(infobox|football ?box|footballbox|#invoke:\s*football ?box)"
    r"|^[ \t]*\{\|"
    r"|\{\{\s*(fb|flagicon|fbaicon|cite [a-z]+|main|use [mdy]+ dates|score link|pso)\s*\|",
    re.IGNORECASE | re.MULTILINE,
)
_FLAT_SIGNS = re.compile(r"^Infobox[ \t]*$|^[ \t]*- [^:\n]{1,40}: ", re.MULTILINE)


def detect_form(text: str) -> str:
    """``wikitext`` when the text has template or wikitable markup, else ``flat``."""
    head = text[:200_000]
    wiki = len(_WIKITEXT_SIGNS.findall(head))
    flat = len(_FLAT_SIGNS.findall(head))
    return "wikitext" if wiki > 0 and wiki >= flat // 4 else "flat"
