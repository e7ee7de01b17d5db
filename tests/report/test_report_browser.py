"""The report in a real browser: headless Chromium loads every sample's page from disk.

Checked through the DOM (DevTools protocol): every match and every finding is present and
visible; unticking "info" hides the info findings and nothing else; the page makes no
request but for itself, and its policy refuses inline handlers and remote loads; team names
made of markup run no script. A screenshot of each page is kept: in
``$SCORELINE_REPORT_ARTIFACTS`` when set, else in pytest's temporary directory.
Skipped, saying why, when no Chromium is installed (``apt-get install chromium``), unless
``SCORELINE_REQUIRE_CHROMIUM=1`` (as in ``.ci/run``) makes that an error.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import parser
from parser.batch.runner import Options
from parser.report import check_page

from ..conftest import SAMPLES
from .chromium import Browser, executable

HOSTILE = Path(__file__).parent / "data" / "hostile.wiki"
PAGES = [*sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".txt", ".wiki")), HOSTILE]
BINARY = executable()
if BINARY is None and os.environ.get("SCORELINE_REQUIRE_CHROMIUM") == "1":
    raise RuntimeError("SCORELINE_REQUIRE_CHROMIUM=1 but no Chromium was found")

pytestmark = pytest.mark.skipif(
    BINARY is None, reason="no Chromium found (apt-get install chromium, or set "
    "SCORELINE_CHROMIUM): the report's browser test needs a real browser")

_STATE = """(() => {
  const visible = (e) => { const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const rows = [...document.querySelectorAll('tr.match')];
  const items = [...document.querySelectorAll('li.finding')];
  return {
    matches: rows.map((r) => ({pointer: r.dataset.pointer, text: r.innerText, shown: visible(r)})),
    findings: items.map((f) => ({code: f.dataset.code, severity: f.dataset.severity,
                                 line: Number(f.dataset.line), text: f.innerText,
                                 shown: visible(f)})),
    marks: [...document.querySelectorAll('a.mark')].map((m) => ({
      severity: m.classList.contains('sev-info') ? 'info' : 'other', shown: visible(m)})),
    filters: visible(document.getElementById('filters')),
    shownCount: document.getElementById('shown-count').textContent,
    images: document.images.length,
    scripts: document.scripts.length,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  };
})()"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert BINARY is not None
    with Browser(BINARY, 1280, 900) as opened:
        yield opened


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("SCORELINE_REPORT_ARTIFACTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("report-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _write(source: Path, folder: Path) -> tuple[Path, dict[str, object], list[parser.Diagnostic]]:
    report = check_page(str(source), Options(jobs=1))
    page = folder / f"{source.name}.html"
    page.write_text(report.page, encoding="utf-8")
    document = parser.parse_file(source)
    return page, document.data, list(report.diagnostics)


@pytest.mark.parametrize("source", PAGES, ids=[p.name for p in PAGES])
def test_every_match_and_finding_is_visible_and_filterable(
        source: Path, browser: Browser, tmp_path: Path, artifacts: Path) -> None:
    page, data, found = _write(source, tmp_path)
    url = page.as_uri()
    browser.open(url)
    state = browser.evaluate(_STATE)
    browser.screenshot(artifacts / f"{source.name}.png")

    matches = [(r, n, m) for r, item in enumerate(data["rounds"])
               for n, m in enumerate(item["matches"])]
    assert [m["pointer"] for m in state["matches"]] == [
        f"/rounds/{r}/matches/{n}" for r, n, _ in matches]
    for shown, (_, _, match) in zip(state["matches"], matches, strict=True):
        assert shown["shown"], shown
        assert match["home"] in shown["text"] and match["away"] in shown["text"]
    assert [(f["code"], f["severity"], f["line"]) for f in state["findings"]] == [
        (d.code, d.severity.value, d.line) for d in found]
    for shown, item in zip(state["findings"], found, strict=True):
        assert shown["shown"] and " ".join(item.message.split()) in " ".join(shown["text"].split())
    assert state["filters"], "the filter script ran (the policy let exactly it through)"
    assert state["overflow"] <= 0, "nothing wider than the window but the bracket's own scroller"

    browser.evaluate("document.getElementById('show-info').click()")
    after = browser.evaluate(_STATE)
    for item in after["findings"]:
        assert item["shown"] == (item["severity"] != "info"), item
    assert all(m["shown"] == (m["severity"] != "info") for m in after["marks"])
    assert after["shownCount"] == str(sum(d.severity.value != "info" for d in found))

    assert browser.requests() == [url], "no request leaves the page"
    assert browser.dialogs() == [] and browser.errors() == []
    assert after["images"] == 0 and after["scripts"] == 1


def test_markup_in_names_runs_no_script_and_the_policy_blocks_the_rest(
        browser: Browser, tmp_path: Path) -> None:
    page, _, _ = _write(HOSTILE, tmp_path)
    browser.open(page.as_uri())
    text = browser.evaluate("document.body.innerText")
    assert "<script>alert(1)</script>" in text and '"><img src=x onerror=alert(1)>' in text
    assert browser.dialogs() == []
    # Even markup that got in would be refused: an inline handler and a remote load.
    probe = """new Promise((done) => {
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.ranHandler = true');
      img.src = 'data:image/png;base64,AAAA';
      document.body.appendChild(img);
      fetch('http://127.0.0.1:9/').then(() => 'loaded', () => 'blocked').then((remote) =>
        setTimeout(() => done({remote: remote, handler: window.ranHandler === true}), 200));
    })"""
    assert browser.evaluate(probe) == {"remote": "blocked", "handler": False}
    assert not any(url.startswith("http") for url in browser.requests())
    assert any("Content Security Policy" in e for e in browser.errors())


def _many_matches() -> str:
    """A cup of 319 matches: 64 preliminary ties, then 256 teams down to a final."""
    lines = ["= 2031 Big Cup =", ""]
    teams = [f"Club {n:03d} FC" for n in range(320)]
    lines += ["==Preliminary round==", "May 1, 2031"]
    winners = []
    for n in range(64):
        home, away = teams[2 * n], teams[2 * n + 1]
        lines.append(f"{home} {n % 4 + 1}-0 {away}")
        winners.append(home)
    alive = winners + teams[128:]
    names = ["First round", "Second round", "Third round", "Fourth round", "Fifth round",
             "Quarter-finals", "Semi-finals", "Final"]
    for number, name in enumerate(names):
        lines += ["", f"=={name}==", f"June {number + 1}, 2031"]
        following = []
        for n in range(0, len(alive), 2):
            lines.append(f"{alive[n]} 2-1 {alive[n + 1]}")
            following.append(alive[n])
        alive = following
    return "\n".join(lines) + "\n"


def test_a_page_of_300_matches_stays_usable(browser: Browser, tmp_path: Path,
                                           artifacts: Path) -> None:
    source = tmp_path / "big_cup.txt"
    source.write_text(_many_matches(), encoding="utf-8")
    page, data, _ = _write(source, tmp_path)
    assert sum(len(r["matches"]) for r in data["rounds"]) == 319
    browser.open(page.as_uri())
    state = browser.evaluate(_STATE)
    assert len(state["matches"]) == 319 and all(m["shown"] for m in state["matches"])
    assert state["overflow"] <= 0
    bar = browser.evaluate("(() => { window.scrollTo(0, 20000); const b = document.querySelector("
                           "'.bar').getBoundingClientRect(); return [b.top, b.height]; })()")
    assert bar[0] == 0 and bar[1] > 0, "the section links and filters stay on screen"
    browser.evaluate("window.scrollTo(0, 0)")
    browser.screenshot(artifacts / "big_cup.png", height=3000)
    assert json.dumps(browser.requests()) == json.dumps([page.as_uri()])


def test_the_index_sorts_by_a_column_and_links_every_page(
        browser: Browser, tmp_path: Path, artifacts: Path) -> None:
    from parser.cli import main

    out = tmp_path / "out"
    assert main(["report", str(SAMPLES / "flat"), "-o", str(out), "--jobs", "1"]) == 0
    index = out / "index.html"
    browser.open(index.as_uri())
    rows = "[...document.querySelectorAll('#pages tbody tr')]"
    links = browser.evaluate(f"{rows}.map((r) => r.querySelector('a').getAttribute('href'))")
    inputs = sorted((SAMPLES / "flat").glob("*.txt"))
    assert len(links) == len(inputs) and all((out / link).is_file() for link in links)
    errors = f"{rows}.map((r) => Number(r.cells[2].dataset.value))"
    browser.evaluate("document.querySelector('button[data-column=\"2\"]').click()")
    ascending = browser.evaluate(errors)
    assert ascending == sorted(ascending) and ascending[0] < ascending[-1]
    browser.evaluate("document.querySelector('button[data-column=\"2\"]').click()")
    assert browser.evaluate(errors) == sorted(ascending, reverse=True)
    browser.screenshot(artifacts / "index.png")
    assert browser.requests() == [index.as_uri()] and browser.errors() == []


def test_a_mark_leads_to_its_finding_below_the_bar(browser: Browser, tmp_path: Path) -> None:
    page, _, _ = _write(SAMPLES / "flat" / "09_knockout_errors.txt", tmp_path)
    browser.open(page.as_uri())
    where = browser.evaluate("""(() => {
      document.querySelector('#m-0-1 a.mark').click();
      const target = document.querySelector(location.hash).getBoundingClientRect();
      const bar = document.querySelector('.bar').getBoundingClientRect();
      return {hash: location.hash, top: target.top, bar: bar.bottom};
    })()""")
    assert where["hash"] == "#f-2" and where["top"] >= where["bar"] - 1, where
