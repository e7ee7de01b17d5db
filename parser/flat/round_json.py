"""Flat-form rounds as JSON: the date, match, note, scorer and table blocks of a round
section become its matches, with dates resolved against the years the text gives."""

from __future__ import annotations

from typing import Any

from ..markup.wiki import Line
from ..model.assemble import add_fact
from ..model.blocks import Block
from ..model.context import Context
from ..model.leg_dates import leg_dates
from ..model.match_notes import apply_fact, note_facts, resolved
from ..model.rounds import (
    RoundDraft,
    YearContext,
    leg_of,
    match_from_line,
    prose_date,
    prose_year,
    resolve_dates,
    round_name,
)
from ..model.sections import Section
from ..model.spans import Span
from .blocks import MATCH_NOTE
from .table_json import table_matches, tables_of


def round_json(ctx: Context, section: Section, own: list[Block],
                years: YearContext) -> dict[str, Any]:
    name, region = round_name(section)
    texts = [b.text for b in own if b.kind == "paragraph"]
    for ancestor in section.ancestors():
        texts.extend(line.text for line in ancestor.lines)
    year = prose_year(texts)
    draft = RoundDraft(section, name, region, year)
    current_date: str | None = None
    current_time: str | None = None
    date_span: Span | None = None
    for block in own:
        if block.kind == "date":
            lead = block.extra.get("date")
            current_date = lead if isinstance(lead, str) else block.text.strip()
            kick_off = block.extra.get("time")
            current_time = kick_off if isinstance(kick_off, str) else None
            date_line = block.lines[0]
            start = date_line.text.index(current_date[:1]) if current_date else 0
            date_span = Span(date_line.number, ctx.col(date_line, start), date_line.number,
                             ctx.col(date_line, start + max(len(current_date) - 1, 0)))
        elif block.kind == "match" and block.match is not None:
            line = block.lines[0]
            text = line.text.strip()
            offset = block.match_at if block.match_at is not None else \
                line.text.index(text[:1])
            column = ctx.col(line, offset + block.match.home.start)
            found = match_from_line(block.match, line.number, column, text)
            found["date"] = current_date
            if date_span is not None:
                ctx.spans.mark(found, date_span, "date")
            lead_date, lead_time = block.extra.get("date"), block.extra.get("time")
            if isinstance(lead_date, str):  # written before the teams on the match's own line
                found["date"] = lead_date
                lead_at = line.text.index(lead_date)
                ctx.spans.at(found, line.number, ctx.col(line, lead_at), line.number,
                             ctx.col(line, lead_at + len(lead_date) - 1), key="date")
            if isinstance(lead_time, str):
                found["time"] = lead_time
            elif current_time is not None:  # given on the date line above
                found["time"] = current_time
            for at, fact in note_facts(found["notes"], line.text):
                fact = resolved(found, fact)
                add_fact(ctx, fact, section.title, line, at)
                apply_fact(found, fact)
            draft.matches.append(found)
            mark_match(ctx, found, line, offset, block.match)
        elif block.kind == "match_note" and draft.matches:
            apply_note(draft.matches[-1], block.text.strip())
        elif block.kind == "scorer" and draft.matches:
            for line in block.lines:
                team, _, detail = line.text.strip().partition(":")
                scorer = {"line": line.number, "team": team.strip() if detail else None,
                          "text": line.text.strip()}
                draft.matches[-1]["scorers"].append(scorer)
        elif block.kind == "paragraph":
            draft.notes.append(block.text)
        elif block.kind == "table":
            for table in tables_of(block, block.label):
                table_matches(ctx, table, draft)
    leg = leg_of(section)
    default_date = prose_date(texts, section.title)
    by_leg = leg_dates(texts) if leg or any(m["leg"] for m in draft.matches) else {}
    for found in draft.matches:
        if leg and not found["leg"]:
            found["leg"] = leg
        if not found["date"]:  # "the first legs were played on 1 August and the second ..."
            found["date"] = by_leg.get(found["leg"] or "") or default_date
    context = YearContext(prose=year, infobox=years.infobox, season=years.season)
    resolve_dates(draft.matches, context)
    result = {
        "name": name, "region": region, "section": section.title, "year": year,
        "line": section.line, "end_line": section.end_line, "notes": draft.notes,
        "matches": draft.matches,
    }
    ctx.spans.at(result, section.line, 1, section.end_line)
    return result


def apply_note(found: dict[str, Any], text: str) -> None:
    """Apply a ``match_note`` line (``after extra time``, ``(4–3 p)``) to the match above."""
    note = MATCH_NOTE.match(text)
    if note is None:
        return
    if note.group("pens"):
        found["home_pens"], found["away_pens"] = int(note.group("pens")), int(note.group("pens2"))
    elif note.group("forfeit"):
        found["status"] = "forfeit"
    elif note.group("awarded"):
        found["status"] = "awarded"
    else:
        found["aet"] = True
    found["notes"].append(text)


def mark_match(ctx: Context, found: dict[str, Any], line: Line, offset: int,
                parsed: Any) -> None:
    col, number = ctx.columns(line), line.number
    ctx.spans.at(found, number, found["column"])
    for key, side in (("home", parsed.home), ("away", parsed.away)):
        start = col(offset + side.start)
        end = col(offset + side.end - 1)
        ctx.spans.at(found, number, start, number, end, key=key)
    result = col(offset + parsed.result.start)
    ctx.spans.at(found, number, result, key="home_score")
    ctx.spans.at(found, number, result, key="status")
