"""Facts the prose states about ties and rounds, for the checks to hold the matches against.

``Oak Rovers, Ash Town and Birch United received byes to the second round.``
``All winners qualified for the tournament proper.``
``Elm FC won 3–2 on aggregate.`` / ``Elm FC and Oak SC drew 3–3 on aggregate; Elm FC won
5–4 on penalties.`` / ``Marnock Rangers withdrew and Hollin Cross FC advanced.``

Each fact keeps the 0-based index of its first character in the line, so the
builder can give it a file column.
"""

from __future__ import annotations

import re

from ..records import record
from .caseless import caseless, holds

FACT_KINDS = ("byes", "all_winners", "aggregate", "penalties", "advanced", "withdrew")

_ABBREVIATIONS = frozenset({"st", "mt", "jr", "sr", "dr", "mr", "mrs", "no", "vs", "ft"})
_LAST_WORD = re.compile(r"([\w]+)$")
_SENTENCE_END = re.compile(r"[.!?;](?=\s+[A-Z0-9“\"'])")
_TAG = re.compile(r"\s*\((?:[A-Z]{2,6}|[0-9]{1,2})\)")
_SCORE = r"(?P<a>[0-9]{1,3})\s*[-–—]\s*(?P<b>[0-9]{1,3})"
_BYES = re.compile(
    r"^(?P<teams>.+?)\s+(?:received|were given|was given|had|got|earned)\s+(?:a\s+)?byes?"
    r"(?:\s+(?:to|into|through to)\s+(?:the\s+)?(?P<target>[^.;,]+?))?\s*$",
    re.IGNORECASE,
)
_ALL_WINNERS = re.compile(
    r"^(?:all|the)\s+(?:[a-z-]+\s+)?winners\s+(?:qualified|qualify|advanced?|advances|"
    r"progress(?:ed)?|went through|go through|moved on)"
    r"(?:\s+(?:to|for|into)\s+(?:the\s+)?(?P<target>[^.;,]+?))?\s*$",
    re.IGNORECASE,
)
_WON_AGG = re.compile(rf"^(?P<winner>.+?)\s+won\s+{_SCORE}\s+on\s+aggregate\s*$", re.IGNORECASE)
_DREW_AGG = re.compile(
    rf"^(?P<one>.+?)\s+and\s+(?P<two>.+?)\s+drew\s+{_SCORE}\s+on\s+aggregate\s*$", re.IGNORECASE)
_WON_PENS = re.compile(
    rf"^(?P<winner>.+?)\s+won\s+(?:the\s+(?:penalty\s+)?shoot-?out\s+)?{_SCORE}"
    r"(?:\s+on\s+(?:penalties|pens?\.?|spot[- ]kicks))?\s*$", re.IGNORECASE)
_PENALTY_WORD = re.compile(r"penalt|shoot|\bpens?\b|spot[- ]kick", re.IGNORECASE)
# "Fir FC won on away goals", "Oak went through on the away goals rule"
_WON_AWAY = re.compile(
    r"^(?P<winner>.+?)\s+(?:won|advanced|went\s+through|progressed|qualified)\s+on\s+"
    r"(?:the\s+)?away\s+goals?(?:\s+rule)?\s*$", re.IGNORECASE)
_ADVANCED = re.compile(
    r"^(?:(?P<loser>.+?)\s+(?:withdrew|scratched|failed to fulfil[l]?\s+the\s+fixture)"
    r"(?:\s+from\s+the\s+competition)?\s+and\s+)?(?P<winner>.+?)\s+(?:advanced|went through|"
    r"progressed)(?:\s+on\s+a\s+walkover)?\s*$|"
    r"^.*?\btie\s+was\s+awarded\s+to\s+(?P<awarded>.+?)\s*$",
    re.IGNORECASE,
)
_WITHDREW = re.compile(
    r"^(?P<team>.+?)\s+(?:withdrew|scratched|failed to fulfil[l]?\s+the\s+fixture)\b.*$",
    re.IGNORECASE)
_LIST_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
# every pattern above needs one of these words (``_one`` tries each only if its own are there)
_CUES = ("bye", "winners", "aggregate", "won", "advanced", "went", "progressed", "awarded",
         "withdrew", "scratched", "failed", "away")
_NAME = re.compile(r"^[A-Z0-9ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝ][\w.'’&/ -]{0,60}$")


@record
class Fact:
    """A fact stated by one sentence; ``index`` is where the sentence starts in the line."""

    kind: str
    text: str
    index: int
    teams: tuple[str, ...] = ()
    winner: str | None = None
    score: tuple[int, int] | None = None
    pens: tuple[int, int] | None = None
    target: str | None = None


def sentences(text: str) -> list[tuple[int, str]]:
    """Split prose into (start index, sentence) without breaking ``L.A. Wolves`` or ``F.C.``."""
    out: list[tuple[int, str]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        word = _LAST_WORD.search(text[start:end])
        before = word.group(1) if word else ""
        if (len(before) == 1 and before.isalpha()) or before.lower() in _ABBREVIATIONS:
            continue
        out.append((start, text[start:end]))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    tail = text[start:].rstrip().rstrip(".!?")
    if tail.strip():
        out.append((start, tail))
    return [(index + len(s) - len(s.lstrip()), s.strip()) for index, s in out if s.strip()]


def _team(text: str) -> str | None:
    name = _TAG.sub("", text).strip().strip("'\"“”")
    return name if _NAME.match(name) else None


def _teams(text: str) -> tuple[str, ...] | None:
    names = [_team(part) for part in _LIST_SPLIT.split(text) if part.strip()]
    if not names or any(name is None for name in names):
        return None
    return tuple(name for name in names if name)


def _score(match: re.Match[str]) -> tuple[int, int]:
    return int(match.group("a")), int(match.group("b"))


def _one(index: int, sentence: str) -> Fact | None:
    lowered = caseless(sentence)  # each pattern is tried only if its words may be there

    def has(*words: str) -> bool:
        return holds(lowered, *words)

    if has("bye") and (found := _BYES.match(sentence)) and (
            teams := _teams(found.group("teams"))):
        return Fact("byes", sentence, index, teams, target=found.group("target"))
    if has("winners") and (found := _ALL_WINNERS.match(sentence)):
        return Fact("all_winners", sentence, index, target=found.group("target"))
    aggregate = has("aggregate")
    if aggregate and has("won") and (found := _WON_AGG.match(sentence)) and (
            team := _team(found.group("winner"))):
        return Fact("aggregate", sentence, index, (team,), team, _score(found))
    if aggregate and has("drew") and (found := _DREW_AGG.match(sentence)) and (
            teams := _teams(f"{found.group('one')} and {found.group('two')}")
    ) and len(teams) == 2:
        return Fact("aggregate", sentence, index, teams, None, _score(found))
    if has("won") and (found := _WON_PENS.match(sentence)) and (
            team := _team(found.group("winner"))) and _PENALTY_WORD.search(sentence):
        return Fact("penalties", sentence, index, (team,), team, pens=_score(found))
    if has("away") and (found := _WON_AWAY.match(sentence)) and (
            team := _team(found.group("winner"))):
        return Fact("advanced", sentence, index, (team,), team)
    if has("advanced", "went", "progressed", "awarded") and (
            found := _ADVANCED.match(sentence)):
        winner = _team(found.group("winner") or found.group("awarded") or "")
        loser = _team(found.group("loser") or "") if found.group("loser") else None
        if winner:
            return Fact("advanced", sentence, index, (winner, loser) if loser else (winner,),
                        winner)
    if has("withdrew", "scratched", "failed") and (
            found := _WITHDREW.match(sentence)) and (team := _team(found.group("team"))):
        return Fact("withdrew", sentence, index, (team,))
    return None


def from_prose(text: str) -> list[Fact]:
    """Every fact the sentences of one prose line state."""
    out: list[Fact] = []
    if not holds(caseless(text), *_CUES):
        return out
    for index, sentence in sentences(text):
        for part_index, part in _clauses(index, sentence):
            fact = _one(part_index, part)
            if fact is not None:
                out.append(fact)
    return out


def _clauses(index: int, sentence: str) -> list[tuple[int, str]]:
    """A sentence split at ``;`` (``... drew 3–3 on aggregate; Elm won 5–4 on penalties``)."""
    out = []
    for piece in sentence.split(";"):
        stripped = piece.strip()
        if stripped:
            out.append((index + piece.find(stripped[:1]), stripped))
        index += len(piece) + 1
    return out
