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
