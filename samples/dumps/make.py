"""Regenerate the bundled sample dump: ``python samples/dumps/make.py``.

Writes ``samples/dumps/samplewiki-multistream.xml.bz2`` and its index: every wikitext
sample as a page, among plain prose pages, a redirect and a talk page, 5 pages a stream.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from parser.dump.writer import DumpPage, write_dump  # noqa: E402

PROSE = ("'''{title}''' is a village by the river. It has a church, a mill and a school.\n\n"
         "== History ==\nThe village grew around the mill in the 1820s.\n")


def pages() -> list[DumpPage]:
    out: list[DumpPage] = []
    for number, path in enumerate(sorted((HERE.parent).rglob("*.wiki")), 1):
        title = path.stem.replace("_", " ")
        for k in range(3):
            place = f"Elmstead {number}{'abc'[k]}"
            out.append(DumpPage(place, PROSE.format(title=place), 100 * number + k,
                                1000 * number + k))
        out.append(DumpPage(title, path.read_text(encoding="utf-8"), 100 * number + 5,
                            1000 * number + 5))
        out.append(DumpPage(f"{title} (redirect)", f"#REDIRECT [[{title}]]", 100 * number + 6,
                            1000 * number + 6, redirect=title))
        out.append(DumpPage(title, "Talk about the page.", 100 * number + 7,
                            1000 * number + 7, namespace=1))
    return out


if __name__ == "__main__":
    target = write_dump(pages(), HERE / "samplewiki-multistream.xml.bz2", pages_per_stream=5)
    print(f"wrote {target}")
