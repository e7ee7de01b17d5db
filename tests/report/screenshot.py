"""Render one article's report and save a screenshot of it (headless Chromium).

    python -m tests.report.screenshot samples/flat/09_knockout_errors.txt docs/report.png

``--width`` sets the window width (CSS pixels), ``--height`` how much of the page to keep
(0: all of it), ``--element ID`` where to start (default: the top).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from parser.batch.runner import Options
from parser.report import check_page

from .chromium import Browser, executable


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("source")
    options.add_argument("png")
    options.add_argument("--width", type=int, default=1280)
    options.add_argument("--height", type=int, default=1600)
    options.add_argument("--element", default=None, metavar="ID",
                         help="start at this element of the page (e.g. bracket)")
    args = options.parse_args()
    binary = executable()
    if binary is None:
        raise SystemExit("screenshot: no Chromium found (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.html"
        page.write_text(check_page(args.source, Options(jobs=1)).page, encoding="utf-8")
        with Browser(binary, args.width, 900) as browser:
            browser.open(page.as_uri())
            top = 0
            if args.element:
                top = int(browser.evaluate(
                    f"document.getElementById({args.element!r}).getBoundingClientRect().top"
                    " + window.scrollY"))
            browser.screenshot(Path(args.png), top=top, height=args.height or None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
