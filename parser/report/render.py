"""HTML from page models: Jinja2 templates with autoescaping, styles and scripts inline.

The page loads nothing: its Content-Security-Policy is ``default-src 'none'`` and allows
exactly the page's one ``<style>`` and one ``<script>`` element by their SHA-256 hashes,
so inline event handlers, injected scripts and remote loads are all refused by the
browser even if some text escaped the templates' escaping.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..records import record
from .page import Page

TEMPLATES = Path(__file__).resolve().parent / "templates"


@record
class IndexEntry:
    """One line of the index page: a page, its title and its counts."""

    href: str
    path: str
    title: str | None
    counts: dict[str, int]
    matches: int
    failed: bool = False


def _blank_none(value: object) -> object:
    """What ``{{ value }}`` prints: a JSON null prints nothing (not ``None``)."""
    return "" if value is None else value


@cache
def environment() -> jinja2.Environment:
    """The template environment (autoescape on for every template)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_blank_none,
    )
    return env


def warm_up() -> None:
    """Compile the templates now (about 0.1 s), so that worker processes forked afterwards
    share them instead of compiling them once each."""
    for name in ("page.html.j2", "index.html.j2"):
        environment().get_template(name)


@cache
def asset(name: str) -> str:
    """A static file of the templates folder (stylesheet or script), as text."""
    return (TEMPLATES / name).read_text(encoding="utf-8")


def digest(text: str) -> str:
    """The CSP source expression allowing exactly ``text`` as an inline element."""
    value = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{value}'"


def policy(style: str, script: str) -> Markup:
    """The Content-Security-Policy of a page with one style and one script element (our own
    text: fixed words and base64 digests, so it needs no escaping in the attribute)."""
    return Markup(f"default-src 'none'; style-src {digest(style)}; script-src {digest(script)}; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def render_page(page: Page) -> str:
    """The HTML text of one report page."""
    style, script = asset("report.css"), asset("report.js")
    return environment().get_template("page.html.j2").render(
        page=page, style=style, script=script, csp=policy(style, script))


def render_index(entries: Sequence[IndexEntry], *, timestamp: str | None = None) -> str:
    """The HTML text of the index page listing ``entries``."""
    style, script = asset("report.css"), asset("index.js")
    totals = {s: sum(e.counts.get(s, 0) for e in entries) for s in ("error", "warning", "info")}
    return environment().get_template("index.html.j2").render(
        entries=entries, totals=totals, style=style, script=script,
        csp=policy(style, script), timestamp=timestamp)
