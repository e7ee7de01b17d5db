"""The benchmark corpus: documents generated from ``samples/``, never committed.

Every variant keeps a sample's structure (headings, infobox, tables, date and
match lines) but renames its teams: each capitalised word that is not
structural (months, weekdays, table-header words, outcome keywords) becomes an
invented word, different in every variant. Lines therefore differ between
documents, so no per-line cache makes later documents cheaper than the first.
Sizes vary by repeating a document's body (everything from its first ``==``
heading) with fresh names.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "seed" / "000_40227375bb590b15.txt"

# Words that carry structure and are never renamed.
_STRUCTURAL = re.compile(
    r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
    r"infobox|club|team|side|home|away|score|result|tier|date|venue|winner|loser|losing|"
    r"winning|round|attendance|division|state|best|appearance|leg|tie|note|league|region|"
    r"conference|first|second|third|fourth|fifth|final|semi|quarter|qualif|preliminary|"
    r"replay|stage|group|play|match|game|fixture|summary|walkover|forfeit|awarded|"
    r"postponed|cancel|abandon|void|after|extra|time|pen|previous|last|name|total)",
    re.IGNORECASE,
)
_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
_FIELD_LINE = re.compile(r"^\s*[-*]\s*[^:|]{1,40}:")
_SYLLABLES = ("ba", "ce", "di", "fo", "gu", "ha", "ke", "li", "mo", "nu", "pa", "re", "si",
              "to", "vu", "wa", "ye", "zo", "bra", "cle", "dro", "fli", "gra", "kro", "pla",
              "ste", "tri", "vor", "wen", "mar", "lin", "dal")


@dataclass(frozen=True)
class Doc:
    """One generated document: a name for its file, its bytes and its size factor."""

    name: str
    data: bytes
    factor: int

    @property
    def text(self) -> str:
        """The document as text (for the wiki-parser floor, which takes ``str``)."""
        return self.data.decode("utf-8-sig")


def sample_texts() -> list[tuple[str, str]]:
    """(stem, text) of every flat-form sample, the seed first."""
    paths = [SEED, *sorted((SAMPLES / "flat").glob("*.txt"))]
    return [(p.stem, p.read_bytes().decode("utf-8")) for p in paths]


class _Renamer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names: dict[str, str] = {}

    def word(self, match: re.Match[str]) -> str:
        word = match.group(0)
        if _STRUCTURAL.match(word):
            return word
        new = self.names.get(word)
        if new is None:
            count = max(2, min(4, len(word) // 3))
            new = "".join(self.rng.choice(_SYLLABLES) for _ in range(count)).capitalize()
            self.names[word] = new
        return new

    def text(self, text: str) -> str:
        out = []
        for line in text.split("\n"):
            if line.lstrip().startswith("=") or _FIELD_LINE.match(line):
                out.append(line)
            else:
                out.append(_WORD.sub(self.word, line))
        return "\n".join(out)


def variant(text: str, seed: int, factor: int = 1) -> str:
    """``text`` with renamed teams, its body repeated ``factor`` times (fresh names each)."""
    rng = random.Random(seed)
    start = text.find("\n==")
    head, body = (text, "") if start < 0 else (text[: start + 1], text[start + 1 :])
    parts = [_Renamer(rng).text(head)]
    for _ in range(factor if body else 0):
        chunk = _Renamer(rng).text(body)
        parts.append(chunk if chunk.endswith("\n") else chunk + "\n")
    return "".join(parts)


def corpus(count: int, seed: int, factors: tuple[int, ...] = (1, 1, 2, 1, 3, 1, 4)) -> list[Doc]:
    """``count`` documents cycling over the samples and the size ``factors``."""
    samples = sample_texts()
    docs = []
    for index in range(count):
        stem, text = samples[index % len(samples)]
        factor = factors[index % len(factors)]
        body = variant(text, seed * 1_000_003 + index, factor)
        docs.append(Doc(f"{index:05d}_{stem}.txt", body.encode("utf-8"), factor))
    return docs


def seed_variants(count: int, seed: int, factor: int = 1) -> Iterator[Doc]:
    """Variants of the seed document alone, ``factor`` times its size."""
    text = SEED.read_text(encoding="utf-8")
    for index in range(count):
        body = variant(text, seed * 7_919 + index, factor)
        yield Doc(f"seed_x{factor}_{index:03d}.txt", body.encode("utf-8"), factor)


def write_files(directory: Path, docs: list[Doc]) -> list[Path]:
    """Write ``docs`` into ``directory`` and return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in docs:
        path = directory / doc.name
        path.write_bytes(doc.data)
        paths.append(path)
    return paths


# ---- variants by team name (both forms) ---------------------------------------------------

WIKITEXT = SAMPLES / "wikitext"
BIG_WIKITEXT_PARTS = ("05_tournament_groups", "06_league_cup_legacy", "07_league_season")


def all_sample_texts() -> list[tuple[str, str, str]]:
    """(stem, form, text) of the seed and every flat and wikitext sample."""
    flat = [(stem, "flat", text) for stem, text in sample_texts()]
    wiki = [(p.stem, "wikitext", p.read_bytes().decode("utf-8-sig"))
            for p in sorted(WIKITEXT.glob("*.wiki"))]
    return flat + wiki


def team_names(text: str) -> list[str]:
    """The team names scoreline reads in ``text`` (matches, standings, entrants), longest
    first: what ``renamed`` replaces, so the structure (templates, headers, parameters)
    is left as the reader needs it."""
    from parser.api import parse

    data = parse(text.encode("utf-8"), "<sample>").data
    names = {m[side] for r in data.get("rounds", []) for m in r["matches"]
             for side in ("home", "away") if m[side]}
    names |= {row["team"] for table in data.get("standings", []) for row in table["rows"]
              if row.get("team")}
    names |= {e["name"] for e in data.get("entrants", []) if e.get("name")}
    return sorted((n for n in names if len(n) >= 3), key=len, reverse=True)


def renamed(text: str, names: list[str], seed: int) -> str:
    """``text`` with every occurrence of each of ``names`` replaced by an invented name (one
    per name, new for every ``seed``): a variant of a document in either form."""
    if not names:
        return text
    rng = random.Random(seed)
    mapping: dict[str, str] = {}
    for name in names:
        words = max(1, len(name.split()))
        mapping[name] = " ".join(
            "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize() for _ in range(words))
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
    return pattern.sub(lambda m: mapping[m.group(0)], text)


def big_wikitext() -> str:
    """A wikitext page of about 50 KB: the lead of sample 05, then the bodies (from the first
    ``==`` heading) of samples 05, 06 and 07."""
    texts = [(WIKITEXT / f"{stem}.wiki").read_bytes().decode("utf-8-sig")
             for stem in BIG_WIKITEXT_PARTS]
    first = texts[0]
    parts = [first[: first.find("\n==") + 1]]
    for text in texts:
        body = text[text.find("\n==") + 1 :]
        parts.append(body if body.endswith("\n") else body + "\n")
    return "".join(parts)
