"""Entrants of a wikitext page: draw-pot tables, and the back-matter lists that are not teams."""

from __future__ import annotations

from parser.api import parse

POTS = ("== Teams ==\n{| class=\"wikitable\"\n! Seeded !! Unseeded\n|-\n"
        "| {{flagicon|ELM}} [[Elm FC]] || {{flagicon|OAK}} [[Oak SC]]\n|-\n"
        "| [[Ash Town]] || [[Yew United]]\n|}\n")


def test_every_team_of_a_draw_pot_table_is_an_entrant() -> None:
    document = parse(POTS, "pots.wiki", form="wikitext")
    assert [(e["name"], e["note"], e["line"]) for e in document.data["entrants"]] == [
        ("Elm FC", "Seeded", 5), ("Oak SC", "Unseeded", 5), ("Ash Town", "Seeded", 7),
        ("Yew United", "Unseeded", 7)]


def test_lists_at_the_end_of_the_article_are_not_entrants() -> None:
    text = ("== Clubs ==\n* [[Elm FC]]\n* [[Oak SC]]\n== See also ==\n* [[2031 Elm Cup]]\n"
            "* [[2031 Oak Shield]]\n== External links ==\n* [https://example.invalid Elm Cup]\n")
    document = parse(text, "back.wiki", form="wikitext")
    assert [e["name"] for e in document.data["entrants"]] == ["Elm FC", "Oak SC"]


def test_the_flat_form_reads_a_draw_pot_table_alike() -> None:
    text = ("2031 Elm Cup\n\nTeams\n\n| Seeded | Unseeded |\n| Elm FC | Oak SC |\n"
            "| Ash Town | Yew United |\n")
    document = parse(text, "pots.txt", form="flat")
    assert sorted((e["name"], e["note"]) for e in document.data["entrants"]) == [
        ("Ash Town", "Seeded"), ("Elm FC", "Seeded"), ("Oak SC", "Unseeded"),
        ("Yew United", "Unseeded")]


def test_a_top_scorers_table_is_not_a_list_of_entrants() -> None:
    text = ("== Clubs ==\n* [[Elm FC]]\n* [[Oak SC]]\n== Top goalscorers ==\n"
            "{| class=\"wikitable\"\n! Rank !! Player !! Club !! Goals\n|-\n"
            "| 1 || Ansel Ardel || [[Elm FC]] || 6\n|}\n")
    document = parse(text, "scorers.wiki", form="wikitext")
    assert [e["name"] for e in document.data["entrants"]] == ["Elm FC", "Oak SC"]


def test_a_qualified_teams_table_beside_a_group_column_gives_entrants() -> None:
    text = ("== Qualified teams ==\n{| class=\"wikitable\"\n! Group !! Winners !! Runners-up\n"
            "|-\n| A || {{fb|ELM}} || {{fb|OAK}}\n|}\n== Past finals ==\n"
            "{| class=\"wikitable\"\n! Season !! Winners !! Runners-up\n|-\n"
            "| 2030 || {{fb|ASH}} || {{fb|YEW}}\n|}\n")
    document = parse(text, "qualified.wiki", form="wikitext")
    assert [(e["name"], e["note"]) for e in document.data["entrants"]] == [
        ("ELM", "Winners"), ("OAK", "Runners-up")]
