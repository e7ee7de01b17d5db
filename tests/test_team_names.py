"""Team names: particles of every language inside names, prose kept out, and the kinds of
bracketed parts (tier, league tag, place, note)."""

from __future__ import annotations

import pytest

from parser.model.match_lines import parse_match_line, parse_team_cell
from parser.model.team_names import ParenKind, classify_paren, plausible_name

NAMES = [
    "Avenir de l'Étoile", "Fraternelle des Chemniots", "Union du Val", "Étoile de la Vallée",
    "Real Club de los Olmos", "Unió Esportiva Pins i Roures", "Deportivo Alto y Bajo",
    "Clube Atlético dos Santos", "Grêmio da Serra", "Sport Clube do Vale", "Virtus dell'Olmo",
    "Vitesse van de Berg", "Rot-Weiß an der Ems", "SV Grün am Hang", "Eintracht von Elm e.V.",
    "Idrottsförening Ek och Björk", "Weston super Mare", "Stoke upon Elm", "Kinross on Tay",
    "Sporting Clube de Aves", "Borussia Elmtal", "'s-Eikendorp Boys", "AS Saint-Étienne du Pré",
]
PROSE = [
    ["Elm", "won", "3–2"],                  # a verb
    ["de", "Elm"],                          # a particle opens nothing
    ["Elm", "de"],                          # nor ends a name (a cut-off name)
    ["Avenir", "de", "l'étoile"],           # an elision needs a capital after it
    ["Elm", "FC", "in", "the", "final"],
    ["the", "Elm", "FC"],
    ["l'Étoile", "FC"],                     # first word lower-case
]


@pytest.mark.parametrize("name", NAMES)
def test_names_with_particles_are_names(name: str) -> None:
    assert plausible_name(name.split())


@pytest.mark.parametrize("words", PROSE)
def test_prose_is_not_a_name(words: list[str]) -> None:
    assert not plausible_name(words)


@pytest.mark.parametrize(("cell", "name", "tier"), [
    ("Avenir de l'Étoile (12)", "Avenir de l'Étoile", 12),
    ("Fraternelle des Chemniots (11)", "Fraternelle des Chemniots", 11),
    ("Vitesse van de Berg (6)", "Vitesse van de Berg", 6),
])
def test_team_cells_with_particles(cell: str, name: str, tier: int) -> None:
    side = parse_team_cell(cell)
    assert side is not None and (side.name, side.tier) == (name, tier)


def test_match_line_with_particles_on_both_sides() -> None:
    parsed = parse_match_line("Union du Val 0–2 Avenir de l'Étoile")
    assert parsed is not None
    assert (parsed.home.name, parsed.away.name) == ("Union du Val", "Avenir de l'Étoile")


@pytest.mark.parametrize("line", [
    "Elm FC won 3–2 on aggregate.",
    "The winners of the 2-1 tie went on",
    "Elm FC 2-1 Oak SC in the final",
    "Elm de 2-1 Oak SC",
])
def test_looser_names_let_no_prose_through(line: str) -> None:
    assert parse_match_line(line) is None


@pytest.mark.parametrize(("inner", "kind"), [
    ("9", ParenKind.TIER), ("12", ParenKind.TIER),
    ("NPSL", ParenKind.TAG), ("LQ", ParenKind.TAG), ("USL2", ParenKind.TAG), ("H", ParenKind.TAG),
    ("Durham", ParenKind.PLACE), ("Saint-Étienne", ParenKind.PLACE),
    ("Isle of Elm", ParenKind.PLACE), ("Val d'Or", ParenKind.PLACE),
    ("Cedar disqualified", ParenKind.NOTE), ("at Elm Park", ParenKind.NOTE),
    ("Holders", ParenKind.NOTE), ("Premier Division", ParenKind.NOTE),
    ("USL League Two", ParenKind.NOTE), ("Scr", ParenKind.NOTE), ("a", ParenKind.NOTE),
    ("2 goals", ParenKind.NOTE), ("Elm withdrew", ParenKind.NOTE), ("Report", ParenKind.NOTE),
    ("Match report", ParenKind.NOTE), ("Replay", ParenKind.NOTE),
])
def test_bracketed_parts_are_classified(inner: str, kind: ParenKind) -> None:
    assert classify_paren(inner) is kind


@pytest.mark.parametrize(("cell", "name", "tier", "notes"), [
    ("Wingate (Durham)", "Wingate (Durham)", None, ()),
    ("Wingate (Durham) (9)", "Wingate (Durham)", 9, ()),
    ("Wingate(Durham)", "Wingate(Durham)", None, ()),
    ("Cedar Mechanics (Cedar disqualified)", "Cedar Mechanics", None, ("Cedar disqualified",)),
    ("Elm Town (9) (Holders)", "Elm Town", 9, ("Holders",)),
    ("Elm Town (9) (Durham)", "Elm Town", 9, ("Durham",)),  # a place only right after the name
])
def test_a_place_is_part_of_the_name(cell: str, name: str, tier: int | None,
                                     notes: tuple[str, ...]) -> None:
    side = parse_team_cell(cell)
    assert side is not None and (side.name, side.tier, side.notes) == (name, tier, notes)
    assert cell[side.start:side.end] == name


def test_a_place_on_a_match_line_keeps_the_league_tag_apart() -> None:
    parsed = parse_match_line("Wingate (Durham) 2-1 Harbor City (NPSL)")
    assert parsed is not None
    assert (parsed.home.name, parsed.away.name, parsed.away.tag) == (
        "Wingate (Durham)", "Harbor City", "NPSL")
