"""Team-name keys for comparisons across rounds: one club written several ways is one key,
different clubs stay apart, and the JSON keeps every name as written."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from parser.api import check, parse
from parser.checks.teams import MAX_EDITS, holds_a_piece, near_miss, normalise


@pytest.mark.parametrize("forms", [
    ("St. Elm Rovers", "St Elm Rovers", "Saint Elm Rovers", "Saint-Elm Rovers", "ST ELM ROVERS"),
    ("Sainte-Ève FC", "Ste. Eve F.C.", "Sainte Ève Football Club"),
    ("Elm Utd", "Elm United", "Elm Utd."),
    ("Avenir de l'Étoile", "Avenir de l’Etoile", "AVENIR DE L'ETOILE"),
    ("A.F.C. Lymwood", "AFC Lymwood", "A F C Lymwood"),
    ("Folkestone & Shepwold", "Folkestone and Shepwold"),
])
def test_one_club_written_several_ways_has_one_key(forms: tuple[str, ...]) -> None:
    assert len({normalise(form) for form in forms}) == 1, [normalise(f) for f in forms]


@pytest.mark.parametrize(("name", "key"), [
    ("Elm Rovers", "elm rovers"),  # letters and spaces alone: no substitution runs
    ("Elm U 23", "elm u23"), ("Elm U-23", "elm u23"), ("E L M Rovers", "elm rovers"),
    ("Elm_Rovers", "elm_rovers"), ("Elm Rovers.", "elm rovers"), ("Saint Elm Utd", "st elm united"),
    ("Überlingen FC", "uberlingen fc"), ("Elm Football Club", "elm fc"), ("", ""),
])
def test_keys_of_plain_and_marked_names(name: str, key: str) -> None:
    assert normalise(name) == key


@pytest.mark.parametrize(("first", "second"), [
    ("Elm Reds 2", "Elm Reds"), ("Elm FC U-23", "Elm FC"), ("St. Elm", "Elm"),
    ("Wingate (Durham)", "Wingate"),
])
def test_different_clubs_keep_different_keys(first: str, second: str) -> None:
    assert normalise(first) != normalise(second)
    assert not near_miss(normalise(first), normalise(second))


_KEYS = st.text(alphabet="abcdeor 2", max_size=14)


@given(_KEYS, _KEYS, st.data())
def test_a_key_at_most_max_edits_away_holds_a_piece(
        key: str, other: str, data: st.DataObject) -> None:
    edited = list(key)  # ``key`` after at most MAX_EDITS edits, and an unrelated ``other``
    for _ in range(data.draw(st.integers(0, MAX_EDITS))):
        at = data.draw(st.integers(0, len(edited)))
        kind = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        if kind == "insert":
            edited.insert(at, data.draw(st.sampled_from("abx ")))
        elif at < len(edited):
            if kind == "delete":
                del edited[at]
            else:
                edited[at] = data.draw(st.sampled_from("abx "))
    assert holds_a_piece("".join(edited), key)
    if not holds_a_piece(other, key):
        assert Levenshtein.distance(key, other) > MAX_EDITS


ROUNDS = """= 2031 Elm Cup =
==First round==
St. Elm Rovers 2-1 Oak SC
Ash Utd 0-1 Yew FC
==Final==
Saint-Elm Rovers 1-0 Yew F.C.
"""


def test_progression_and_names_checks_compare_folded_names() -> None:
    document = parse(ROUNDS)
    codes = {d.code for d in check(document)}
    assert not codes & {"PR201", "PR202", "PR205", "NA701"}, codes
    final = document.data["rounds"][1]["matches"][0]
    assert (final["home"], final["away"]) == ("Saint-Elm Rovers", "Yew F.C.")  # as written


def test_a_real_difference_is_still_reported() -> None:
    document = parse(ROUNDS.replace("Saint-Elm Rovers 1-0", "Saint-Elm Rover 1-0"))
    assert "NA701" in {d.code for d in check(document)}


def _reference_key(name: str) -> str:
    """``normalise`` written plainly, every step on every name (the function takes short
    cuts when a step cannot change the name)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("&", " and ").replace("football club", "fc")
    text = re.sub(r"[^\w\s]", " ", re.sub(r"['’`.]", "", text))
    words = [_FORMS.get(word, word) for word in text.split()]
    text = " ".join(words)
    text = re.sub(r"\b(?:[a-z] ){1,4}[a-z]\b", lambda m: m.group(0).replace(" ", ""), text)
    return re.sub(r"\bu (\d{2})\b", r"u\1", text)


_FORMS = {"saint": "st", "sankt": "st", "sainte": "ste", "utd": "united"}
_NAME_PIECES = st.sampled_from([
    "Elm", "FC", "F.C.", "Saint", "Sainte", "Sankt", "St.", "Utd", "U", "23", "U-23", "&", "A",
    "b", "Football Club", "Björk", "Ève", "Ålvik", "Øster", "Łódź", "Ğ", "ǅ", "ﬁ", "Ⅻ", "ß",
    "e\u0301", "o\u034f\u0308", "Bj\u034fo\u0308rk", "a\u0591", "\u0915\u093c", "l'Étoile",
    "’", "`", "-", "_", "  ", "\t", "İ", "K\u0331", "\U0001D165x"])


@given(st.lists(_NAME_PIECES, max_size=6).map(" ".join) | st.text(max_size=12))
def test_normalise_gives_the_plain_steps_key(name: str) -> None:
    assert normalise(name) == _reference_key(name)
