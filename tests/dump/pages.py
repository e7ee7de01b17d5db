"""Pages for the dump tests: every bundled wikitext sample, and pages that are not football.

The dumps themselves are built at run time from these (``build``), in every format.
"""

from __future__ import annotations

from pathlib import Path

from parser.dump.writer import DumpPage, write_dump
from tests.conftest import SAMPLES

FOOTBALL_FILES = sorted(SAMPLES.rglob("*.wiki"))

# Not football competitions, some of them close to it.
OTHER_TEXTS = {
    "Elm Valley": "'''Elm Valley''' is a river valley.\n\n== History ==\nSettled in 1820.\n"
                  "{{Infobox settlement|name=Elm Valley|population=3,400}}\n",
    "Ann Lee (footballer)": "{{Infobox football biography\n| name = Ann Lee\n| clubs1 = Elm FC\n}}"
                            "\n'''Ann Lee''' (born 2001) is a footballer who plays for Elm FC.\n",
    "Elm FC": "{{Infobox football club\n| clubname = Elm FC\n| ground = Elm Park\n}}\n"
              "'''Elm FC''' is a football club. They won the 2031 Elm Cup 2–1 against Oak SC.\n",
    "2031 Elm election": "{| class=\"wikitable\"\n! Party !! Votes !! Seats\n|-\n| Elm || 1,203 "
                         "|| 4\n|}\n",
    "Cup (vessel)": "A '''cup''' is a small container. See [[Cup (football)]] & <b>trophies</b>.\n",
}


def football_pages(first_id: int = 1) -> list[DumpPage]:
    """One page per wikitext sample, titled by its file name."""
    return [DumpPage(title_of(path), path.read_text(encoding="utf-8"), first_id + i,
                     10_000 + first_id + i, timestamp=f"2031-05-{i % 28 + 1:02d}T12:00:00Z")
            for i, path in enumerate(FOOTBALL_FILES)]


def mixed_pages(filler: int = 6) -> list[DumpPage]:
    """Football pages among others: plain pages, redirects and non-article namespaces."""
    pages: list[DumpPage] = []
    next_id = 1
    others = list(OTHER_TEXTS.items())
    for index, page in enumerate(football_pages(1000)):
        for k in range(filler):
            title, text = others[(index + k) % len(others)]
            pages.append(DumpPage(f"{title} {next_id}", text, next_id, 50_000 + next_id))
            next_id += 1
        pages.append(page)
        # a redirect to it, and its talk page (the same text, namespace 1): both skipped
        pages.append(DumpPage(f"{page.title} redirect", f"#REDIRECT [[{page.title}]]",
                              next_id, 50_000 + next_id, redirect=page.title))
        pages.append(DumpPage(page.title, page.text, next_id + 1, 50_001 + next_id,
                              namespace=1))
        next_id += 2
    return pages


def football_titles() -> list[str]:
    return [title_of(path) for path in FOOTBALL_FILES]


def build(directory: Path, name: str, pages: list[DumpPage] | None = None,
          per_stream: int = 4) -> Path:
    """Write ``pages`` (default: ``mixed_pages()``) as ``directory/name``."""
    return write_dump(mixed_pages() if pages is None else pages, directory / name,
                      pages_per_stream=per_stream)


def title_of(path: Path) -> str:
    """A sample's page title: its file name, with spaces as MediaWiki titles have them."""
    return path.stem.replace("_", " ")
