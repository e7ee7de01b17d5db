"""Lists and tables that hold no teams stay blocks with a role and give no entrants."""

from __future__ import annotations

import json

import pytest

from parser.api import convert, parse
from parser.model.topics import ROLES
from parser.resources import schema_path


def _blocks(data: dict) -> list[dict]:
    out: list[dict] = []
    stack = list(data["sections"])
    while stack:
        section = stack.pop(0)
        out.extend(section["blocks"])
        stack[:0] = section["children"]
    return out


def _read(body: str) -> tuple[list[str], list[str]]:
    """(roles of the lists and tables, names of the entrants) of a one-section document."""
    document = parse(f"= 2031 Elm Cup =\n{body}\n", "<topics>", form="flat")
    roles = [b["role"] for b in _blocks(document.data) if b["kind"] in ("list", "table")]
    return roles, [e["name"] for e in document.data["entrants"]]


NON_TEAM = [
    # by the heading over the list
    ("==Prize fund==\n- Elm FC\n- Oak SC", "prizes"),
    ("==Top scorers==\n- John Smith\n- Mary Jones", "scorers"),
    ("==Broadcasting==\n- ESPN\n- Fox Sports\n- BBC Sport", "broadcasting"),
    ("==Sponsors==\n- Acme Corporation\n- Globex", "sponsors"),
    ("==See also==\n- Elm Rovers\n- Oak Town", "links"),
    ("==References==\n- Elm Times\n- Oak Gazette", "references"),
    ("==External links==\n- Official website\n- Elm Cup", "links"),
    ("==Statistics==\n===Goals===\n- John Smith\n- Mary Jones", None),  # no topic word
    ("==Statistics==\n===Top goalscorers===\n- John Smith\n- Mary Jones", "scorers"),
    ("==Awards==\n===Player of the tournament===\n- John Smith", "awards"),
    ("==Venues==\n- Elm Park\n- Oak Road", "venues"),
    # by a heading further up
    ("==Media coverage==\n===Radio===\n- Elm FM\n- Oak Radio", "broadcasting"),
    # by the label above the list
    ("==Final==\nMatch officials\n- John Smith\n- Mary Jones", "officials"),
    # by the shape of most items
    ("==Final==\n- $10,000\n- €5,000\n- US$ 2,500", "prizes"),
    ("==Final==\n- Ann Lee (Elm FC) – 7 goals\n- Bo Ray, 5 goals", "scorers"),
    ("==Final==\n- \"Elm Cup results\". Elm Times. 12 March 2031.\n"
     "- Smith, John (2031). Cup football. ISBN 0-00-000000-0", "references"),
    ("==Final==\n- 2030 Elm Cup\n- 2032 Elm Cup\n- List of Elm Cup finals", "links"),
    ("==Final==\n- 2030–31 Elm League season\n- 2031–32 Elm League season", "links"),
    # tables: a club column does not make a table of scorers an entrants table
    ("==Statistics==\n| Rank | Player | Club | Goals |\n| 1 | Ann Lee | Elm FC | 7 |", "scorers"),
    ("==Prize money==\n| Round | Club |\n| Final | Elm FC |", "prizes"),
]


@pytest.mark.parametrize(("body", "role"), [case for case in NON_TEAM if case[1]])
def test_a_non_team_list_keeps_its_role_and_gives_no_entrants(body: str, role: str) -> None:
    roles, entrants = _read(body)
    assert roles and roles[-1] == role
    assert entrants == []


TEAMS = [
    "==Teams==\n- Elm FC\n- Oak SC\n- Ash Town",
    "==Participants==\n- MF 10\n- FC Tacoma 253\n- Portland Reds 2",
    "==First round==\nAt-Large Berths\n- 1860 Elm\n- Oak SC (NPSL)\n- Ash Town (LQ)",
    "==Qualified teams==\n| Club | Division |\n| Elm FC | South |\n| Oak SC | North |",
    "==Statistics==\n===Goals===\n- Elm FC\n- Oak SC",  # no topic word, team-shaped items
]


@pytest.mark.parametrize("body", TEAMS)
def test_a_team_list_still_gives_entrants(body: str) -> None:
    roles, entrants = _read(body)
    assert roles[-1] == "entrants"
    assert entrants


def test_prose_under_a_non_team_heading_gives_no_entrants() -> None:
    _, entrants = _read("==Broadcasting==\nThe rights holders were ESPN, Fox Sports and BBC.")
    assert entrants == []
    _, entrants = _read("==Teams==\nThe South featured Elm FC, Oak SC and Ash Town.")
    assert entrants == ["Elm FC", "Oak SC", "Ash Town"]


def _role_enums(node: object) -> list[list[str]]:
    if isinstance(node, dict):
        found = [node["role"]["enum"]] if isinstance(node.get("role"), dict) \
            and "enum" in node["role"] else []
        return found + [e for value in node.values() for e in _role_enums(value)]
    if isinstance(node, list):
        return [e for value in node for e in _role_enums(value)]
    return []


def test_every_role_is_in_the_schema() -> None:
    enums = _role_enums(json.loads(schema_path().read_text(encoding="utf-8")))
    assert enums and all(set(ROLES) <= set(enum) for enum in enums)


def test_a_stadiums_table_with_a_team_column_still_gives_its_teams() -> None:
    # league pages list their clubs in "Stadiums and locations": the teams are entrants
    text = ("2031 Elm League\n\nStadiums and locations\n| Team | Location | Stadium | Capacity |\n"
            "| Elm FC | Elmton | Elm Park | 12,000 |\n| Oak SC | Oakford | Oak Road | 9,000 |\n")
    data = convert(text, "venues.txt", form="flat")
    assert [entrant["name"] for entrant in data["entrants"]] == ["Elm FC", "Oak SC"]
