"""Stage 7, the HTML report: one self-contained page per article, and an index.

``page.build_page`` gathers what a page shows from a document and its findings
(rounds, standings, bracket, entrants, counts, findings with their source lines and
rule text); ``render`` turns it into HTML with Jinja2 templates (autoescaped, styles
and script inline, a Content-Security-Policy that allows nothing else);
``pipeline`` runs it per file for ``scoreline report`` and ``check --output-format html``.
"""

from __future__ import annotations

from .page import Page, build_page
from .pipeline import PageReport, check_page, index_page, page_names, write_page
from .render import render_index, render_page

__all__ = ["Page", "PageReport", "build_page", "check_page", "index_page", "page_names",
           "render_index", "render_page", "write_page"]
