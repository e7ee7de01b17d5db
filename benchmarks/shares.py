"""Rows 8 and 9 of the benchmark: what the checks cost against the parse, sample by sample,
and the wikitext reader's time per KB against the flat reader's on pages of about 50 KB.

Both are CPU time of this process. Every measured document is a fresh variant (its teams
renamed by ``corpus.renamed``), so no per-line cache from an earlier document helps.
"""

from __future__ import annotations

import functools
import statistics
import time
from dataclasses import dataclass

from benchmarks.corpus import all_sample_texts, big_wikitext, renamed, seed_variants, team_names
from benchmarks.table import Row, fmt_time, timed, verdict

CHECK_SHARE_TARGET = 0.30
WIKITEXT_PER_KB_TARGET = 2.0
FLAT_FACTOR = 10  # the seed's body ten times: about 50 KB, the size of the wikitext page


@dataclass(frozen=True)
class Share:
    """One sample's parse and check CPU seconds per document in one run."""

    stem: str
    parse: float
    check: float

    @property
    def ratio(self) -> float:
        return self.check / self.parse


def _share(stem: str, text: str, names: list[str], seed: int, variants: int) -> Share:
    from parser.api import check, parse

    parse_s = check_s = 0.0
    for index in range(variants):
        data = renamed(text, names, seed * 10_007 + index).encode("utf-8")
        start = time.process_time()
        document = parse(data, stem)
        middle = time.process_time()
        check(document)
        parse_s += middle - start
        check_s += time.process_time() - middle
    return Share(stem, parse_s / variants, check_s / variants)


def check_share_row(runs: int, variants: int, quick: bool) -> Row:
    """Row 8: checks / parse on every sample; the row shows the worst one by name."""
    samples = [(stem, text, team_names(text)) for stem, _, text in all_sample_texts()]
    by_stem: dict[str, list[Share]] = {stem: [] for stem, _, _ in samples}
    for run in range(runs):
        for stem, text, names in samples:
            by_stem[stem].append(_share(stem, text, names, 500 + run, variants))
    medians = {stem: statistics.median(s.ratio for s in shares)
               for stem, shares in by_stem.items()}
    worst = max(medians, key=lambda stem: medians[stem])
    best = min(medians, key=lambda stem: medians[stem])
    shares = by_stem[worst]
    return Row("8", f"checks of one doc, worst of {len(samples)} samples: `{worst}` "
               f"(best `{best}`: {medians[best]:.0%})", [s.check for s in shares],
               per_doc=f"parse {fmt_time(statistics.median(s.parse for s in shares))}",
               ratio=f"{medians[worst]:.0%} of its parse",
               target=f"≤ {CHECK_SHARE_TARGET:.0%} on every sample",
               met=verdict(medians[worst] <= CHECK_SHARE_TARGET, quick))


def reader_rows(runs: int, quick: bool) -> list[Row]:
    """Rows 9a and 9b: parse (reader + schema) of a ~50 KB flat page and a ~50 KB wikitext
    page, per KB, side by side in each run."""
    from parser.api import parse

    wiki_text = big_wikitext()
    wiki_names = team_names(wiki_text)
    flat_t, wiki_t, flat_kb, wiki_kb, ratios = [], [], 0.0, 0.0, []
    for run in range(runs):
        (flat,) = seed_variants(1, seed=600 + run, factor=FLAT_FACTOR)
        wiki = renamed(wiki_text, wiki_names, 700 + run).encode("utf-8")
        flat_kb, wiki_kb = len(flat.data) / 1e3, len(wiki) / 1e3
        flat_s = timed(functools.partial(parse, flat.data, "flat.txt"))
        wiki_s = timed(functools.partial(parse, wiki, "page.wiki"))
        flat_t.append(flat_s)
        wiki_t.append(wiki_s)
        ratios.append((wiki_s / wiki_kb) / (flat_s / flat_kb))
    ratio = statistics.median(ratios)

    def per_kb(times: list[float], kb: float) -> str:
        return f"{fmt_time(statistics.median(times) / kb)}/KB"

    return [
        Row("9a", f"flat reader: parse + schema of one {flat_kb:.0f} KB page "
            f"(the seed's body {FLAT_FACTOR}×)", flat_t, per_doc=per_kb(flat_t, flat_kb),
            rate=f"{flat_kb / 1e3 / statistics.median(flat_t):.2f}", ratio="1×"),
        Row("9b", f"wikitext reader: parse + schema of one {wiki_kb:.0f} KB page "
            "(wikitext samples 05–07 joined)", wiki_t, per_doc=per_kb(wiki_t, wiki_kb),
            rate=f"{wiki_kb / 1e3 / statistics.median(wiki_t):.2f}",
            ratio=f"{ratio:.2f}× 9a per KB", target=f"≤ {WIKITEXT_PER_KB_TARGET:.0f}× 9a per KB",
            met=verdict(ratio <= WIKITEXT_PER_KB_TARGET, quick)),
    ]
