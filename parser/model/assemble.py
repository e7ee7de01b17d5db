"""Stage 4, the domain model: sections and blocks become the scoreline JSON document.

``build`` returns the JSON, the span table (JSON pointer -> source position) and
the parse-stage diagnostics (lines no rule understood, rows with no match, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Diagnostic, Severity
from ..flat.blocks import MATCH_NOTE, Block, split_blocks
from ..flat.tables import Row, Table, parse_tables
from ..guard.core import at
from ..markup.wiki import Line, scan
from ..read.source import Source
from . import counts, facts
from .dates import parse_date
from .entrants import (
    item_text,
    list_role,
    new_entrant,
    parse_item,
    prose_list,
    settle_codes,
    table_column_roles,
    typed,
)
from .infobox import parse_infobox
from .rounds import (
    ResultsColumns,
    RoundDraft,
    YearContext,
    leg_of,
    match_from_line,
    match_from_row,
    prose_date,
    prose_year,
    resolve_dates,
    round_name,
)
from .sections import Section, build_tree
from .spans import Span, SpanRecorder

FORMAT_VERSION = "1.1"
_SEASON = re.compile(r"[0-9]{4}–(?:[0-9]{2}|[0-9]{4})")


@dataclass
class Context:
    """State shared while one document is built."""

    source: Source
    spans: SpanRecorder = field(default_factory=SpanRecorder)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    entrants: list[dict[str, Any]] = field(default_factory=list)
    declared: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    unparsed: list[dict[str, Any]] = field(default_factory=list)
    infobox: dict[str, Any] | None = None
    bracket: list[dict[str, Any]] = field(default_factory=list)

    def col(self, line: Line, index: int) -> int:
        """File column of 0-based ``index`` into a cleaned line."""
        return self.source.column(line.number, line.raw_index(index))

    def note(self, code: str, message: str, line: int, column: int = 1,
             end_line: int | None = None) -> None:
        """Record an info-level parse diagnostic."""
        self.diagnostics.append(Diagnostic(code, Severity.INFO, message, line, column,
                                           end_line, None, "", "parse"))


def build(source: Source) -> tuple[dict[str, Any], dict[str, Span], list[Diagnostic]]:
    """Build the JSON document of a flat-form source."""
    ctx = Context(source)
    wiki = scan(source)
    for note in wiki.notes:
        ctx.note(note.code, note.message, note.line, note.column)
    roots = build_tree(wiki)
    all_sections = [s for root in roots for s in root.walk()]
    blocks = {id(s): split_blocks(s.lines) for s in all_sections}
    title, title_line = _title(roots)
    for section in all_sections:
        infobox = next((b for b in blocks[id(section)] if b.kind == "infobox"), None)
        if infobox is not None:
            ctx.infobox = _infobox_json(ctx, infobox)
            break
    years = _infobox_years(ctx.infobox)
    rounds: list[dict[str, Any]] = []
    sections_json = [_section_json(ctx, root, blocks, rounds, years) for root in roots]
    data = document_json(ctx, "flat", title, title_line, sections_json, rounds)
    return data, ctx.spans.resolve(data), ctx.diagnostics


def document_json(ctx: Context, form: str, title: str | None, title_line: int | None,
                  sections: list[dict[str, Any]], rounds: list[dict[str, Any]]
                  ) -> dict[str, Any]:
    """The top-level JSON object, the same for every input form."""
    source = ctx.source
    return {
        "format_version": FORMAT_VERSION,
        "source": {
            "path": source.path, "form": form, "encoding": source.encoding,
            "bom": source.bom, "newline": source.newline, "lines": source.line_count,
        },
        "title": title,
        "title_line": title_line,
        "infobox": ctx.infobox,
        "sections": sections,
        "entrants": ctx.entrants,
        "declared_counts": ctx.declared,
        "rounds": rounds,
        "bracket": ctx.bracket,
        "unparsed": ctx.unparsed,
        "facts": ctx.facts,
    }


def _title(roots: list[Section]) -> tuple[str | None, int | None]:
    for root in roots:
        if root.heading is not None:
            if root.level == 1:
                return root.title, root.line
            return None, None
    return None, None


def _infobox_years(infobox: dict[str, Any] | None) -> YearContext:
    years = YearContext()
    if infobox is None:
        return years
    for item in infobox["fields"]:
        if item["name"] == "date" and years.infobox is None and isinstance(item["value"], str):
            written = parse_date(item["value"])
            if written is not None and written.year is not None:
                years.infobox = written.year
        if item["name"] == "year":
            value = item["value"]
            if isinstance(value, int):
                years.infobox = value
            elif isinstance(value, str) and _SEASON.fullmatch(value):
                start, end = value.split("–")
                first = int(start)
                second = int(end) if len(end) == 4 else (first // 100) * 100 + int(end)
                years.season = (first, second)
    return years


def _infobox_json(ctx: Context, block: Block) -> dict[str, Any]:
    fields, stray = parse_infobox(block.lines)
    out = []
    for item in fields:
        entry = {
            "key": item.key, "name": item.name, "raw": item.raw, "value": item.value,
            "leaked": item.leaked, "notes": item.notes, "country": item.country,
            "line": item.line.number,
            "end_line": item.continuation[-1].number if item.continuation else item.line.number,
        }
        ctx.spans.mark(entry, Span(item.line.number, ctx.col(item.line, item.key_start)))
        ctx.spans.mark(entry, Span(item.line.number, ctx.col(item.line, item.value_start)),
                       "value")
        out.append(entry)
    for line in stray:
        _unparsed(ctx, line.number, line.number, line.text, "Infobox")
    result = {"line": block.line, "end_line": block.end_line, "fields": out}
    ctx.spans.mark(result, Span(block.line, 1, block.end_line))
    return result


def _unparsed(ctx: Context, line: int, end_line: int, text: str, section: str | None,
              *, too_long: bool = False) -> None:
    entry = {"line": line, "end_line": end_line, "text": text, "section": section}
    ctx.unparsed.append(entry)
    ctx.spans.mark(entry, Span(line, 1, end_line))
    shown = text.strip()
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    if too_long:
        ctx.note("PA005", f"line is {len(text)} characters long, over the limit of "
                 f"{ctx.source.max_line_chars} (--max-line-chars); kept as text, not parsed: "
                 f"{shown!r}", line, 1, end_line)
        return
    ctx.note("PA001", f"line not understood, kept as text: {shown!r}", line, 1, end_line)


def _section_json(ctx: Context, section: Section, blocks: dict[int, list[Block]],
                  rounds: list[dict[str, Any]], years: YearContext) -> dict[str, Any]:
    at(section.line)
    title = section.title
    if section.heading is not None and title:
        for found in counts.from_heading(title):
            raw_index = section.heading.raw.find(found.text)
            column = section.heading.column + max(raw_index, 0) + 1
            _declare(ctx, found, "heading", title, section.line, column)
    own = blocks[id(section)]
    blocks_json: list[dict[str, Any]] = []
    for block in own:
        blocks_json.extend(_block_json(ctx, section, block))
    if any(b.kind == "match" for b in own) or any(
        b["kind"] == "table" and b["role"] == "results" for b in blocks_json
    ):
        rounds.append(_round_json(ctx, section, own, years))
    children = [_section_json(ctx, child, blocks, rounds, years) for child in section.children]
    result = {
        "title": title, "level": section.level, "line": section.line,
        "end_line": section.end_line, "blocks": blocks_json, "children": children,
    }
    ctx.spans.mark(result, Span(section.line, 1, section.end_line))
    return result


def _declare(ctx: Context, found: counts.DeclaredCount, source: str, section: str | None,
             line: int, column: int) -> None:
    entry = {"count": found.count, "what": found.what, "text": found.text, "source": source,
             "section": section, "line": line, "column": column}
    ctx.declared.append(entry)
    number_at = found.text.find(str(found.count)) if source == "heading" else 0
    ctx.spans.mark(entry, Span(line, column, line,
                               column + len(found.text) - 1 - max(number_at, 0)))


def _block_json(ctx: Context, section: Section, block: Block) -> list[dict[str, Any]]:
    base: dict[str, Any] = {"kind": block.kind, "line": block.line, "end_line": block.end_line}
    if block.kind == "table":
        return [_table_json(ctx, section, table) for table in _tables_of(block,
                                                                             block.label)]
    if block.kind == "list":
        return [_list_json(ctx, section, block, base)]
    if block.kind == "infobox":
        return [base]
    raw_kinds = ("comment", "other", "marker")
    base["text"] = "\n".join(line.raw for line in block.lines) if block.kind in raw_kinds \
        else block.text
    if block.kind == "paragraph":
        for line in block.lines:
            _prose_counts(ctx, section, line)
            _prose_entrants(ctx, section, line)
    elif block.kind == "other":
        _unparsed(ctx, block.line, block.end_line, base["text"], section.title,
                  too_long=block.lines[0].too_long)
    ctx.spans.mark(base, Span(block.line, 1, block.end_line))
    return [base]


def _tables_of(block: Block, label: Line | None) -> list[Table]:
    """``parse_tables`` of a table block, parsed once (a results table is read for its
    JSON and again for its matches)."""
    tables = block.extra.get("tables")
    if tables is None:
        tables = block.extra["tables"] = parse_tables(block.lines, label)
    assert isinstance(tables, list)
    return tables


def _prose_counts(ctx: Context, section: Section, line: Line) -> None:
    for found in counts.from_prose(line.text):
        _declare(ctx, found, "prose", section.title, line.number, ctx.col(line, found.index))
    for fact in facts.from_prose(line.text):
        column = ctx.col(line, fact.index)
        entry = {"kind": fact.kind, "text": fact.text, "teams": list(fact.teams),
                 "winner": fact.winner, "score": list(fact.score) if fact.score else None,
                 "pens": list(fact.pens) if fact.pens else None, "target": fact.target,
                 "section": section.title, "line": line.number,
                 "column": column}
        ctx.facts.append(entry)
        ctx.spans.mark(entry, Span(line.number, column, line.number,
                                   ctx.col(line, fact.index + len(fact.text) - 1)))


def _prose_entrants(ctx: Context, section: Section, line: Line) -> None:
    found = prose_list(line.text)
    if found is None:
        return
    intro, names = found
    for text, index in names:
        parsed = parse_item(text)
        assert parsed is not None
        column = ctx.col(line, index)
        entrant = new_entrant(parsed["name"], label=intro, section=section.title,
                              source="prose", block_line=line.number, state=parsed["state"],
                              tag=parsed["tag"], note=parsed["note"], line=line.number,
                              column=column)
        ctx.entrants.append(entrant)
        ctx.spans.mark(entrant, Span(line.number, column))


def _list_json(ctx: Context, section: Section, block: Block,
               base: dict[str, Any]) -> dict[str, Any]:
    texts = [item_text(line.text) for line in block.lines]
    role = list_role(texts)
    label = block.label.text.strip().rstrip(":").strip() if block.label else None
    if block.label is not None:
        _prose_counts(ctx, section, block.label)
    items = []
    parsed_items: list[tuple[Line, dict[str, Any]]] = []
    for line, text in zip(block.lines, texts, strict=True):
        item = {"line": line.number, "text": text}
        items.append(item)
        ctx.spans.mark(item, Span(line.number, ctx.col(line, line.text.find(text[:1]))))
        parsed = parse_item(text) if role == "entrants" else None
        if parsed is not None:
            parsed_items.append((line, parsed))
    settle_codes([parsed for _, parsed in parsed_items])
    for line, parsed in parsed_items:
        entrant = new_entrant(parsed["name"], label=label, section=section.title,
                              source="list", block_line=block.line, state=parsed["state"],
                              tag=parsed["tag"], note=parsed["note"], line=line.number,
                              column=ctx.col(line, max(line.text.find(parsed["name"]), 0)))
        ctx.entrants.append(entrant)
        ctx.spans.mark(entrant, Span(entrant["line"], entrant["column"]))
        state_at = line.text.rfind(f"({parsed['state']})") if parsed["state"] else -1
        if state_at >= 0:
            ctx.spans.mark(entrant, Span(line.number, ctx.col(line, state_at + 1),
                                         line.number, ctx.col(line, state_at + 2)), "state")
    base.update({"label": label, "style": block.extra.get("style", "bullet"), "role": role,
                 "items": items})
    ctx.spans.mark(base, Span(block.line, 1, block.end_line))
    return base


def _table_json(ctx: Context, section: Section, table: Table) -> dict[str, Any]:
    role = table.role
    rows = []
    for row in table.rows:
        entry = {"line": row.line.number, "cells": row.cells, "truncated": row.truncated}
        rows.append(entry)
        ctx.spans.mark(entry, Span(row.line.number, 1))
        _mark_cells(ctx, entry, row)
        if row.truncated:
            ctx.note("PA004", "table row ends without a closing '|' (truncated?)",
                     row.line.number, len(row.line.raw.rstrip()) + 1)
    for line in table.artifacts:
        if line.text.strip() != "|":
            ctx.note("PA003", f"leaked wikitable markup kept as an artifact: "
                     f"{line.text.strip()[:40]!r}", line.number)
    first = table.label.number if table.label else table.lines[0].number
    result = {
        "kind": "table", "line": first, "end_line": table.lines[-1].number,
        "label": table.label.text.strip() if table.label else None,
        "caption": table.caption_text, "role": role, "columns": table.columns,
        "header": table.header.cells if table.header else [],
        "header_line": table.header.line.number if table.header else None,
        "rows": rows,
        "artifacts": [{"line": line.number, "text": line.text} for line in table.artifacts],
    }
    ctx.spans.mark(result, Span(first, 1, table.lines[-1].number))
    if table.label is not None:
        _prose_counts(ctx, section, table.label)
    if role == "entrants":
        _table_entrants(ctx, section, table)
    return result


def _mark_cells(ctx: Context, entry: dict[str, Any], row: Row) -> None:
    """Span of every cell (an empty cell points just after its opening pipe)."""
    for index, (cell, start) in enumerate(zip(row.cells, row.starts, strict=True)):
        first = start if cell else max(start - 1, 0)
        last = first + max(len(cell) - 1, 0)
        ctx.spans.mark_item(entry, "cells", index, Span(
            row.line.number, ctx.col(row.line, first), row.line.number, ctx.col(row.line, last)))


def _table_entrants(ctx: Context, section: Section, table: Table) -> None:
    roles = table_column_roles(table)
    name_index = next((i for i, r in roles.items() if r == "name"), None)
    if name_index is None:
        return
    columns = table.columns
    for row in table.rows:
        if name_index >= len(row.cells) or not row.cells[name_index]:
            continue
        fields: dict[str, Any] = {}
        for index, role in roles.items():
            if role != "name" and index < len(row.cells):
                fields[role] = typed(role, row.cells[index])
        raw_columns = {columns[i]: row.cells[i] for i in range(min(len(columns), len(row.cells)))}
        column = ctx.col(row.line, row.starts[name_index])
        entrant = new_entrant(row.cells[name_index], label=table.caption_text,
                              section=section.title, source="table", columns=raw_columns,
                              block_line=table.lines[0].number if table.label is None
                              else table.label.number,
                              line=row.line.number, column=column, **fields)
        ctx.entrants.append(entrant)
        ctx.spans.mark(entrant, Span(row.line.number, column))
        for index, role in roles.items():
            if role != "name" and index < len(row.cells) and row.cells[index]:
                start = row.starts[index]
                ctx.spans.mark(entrant, Span(
                    row.line.number, ctx.col(row.line, start), row.line.number,
                    ctx.col(row.line, start + len(row.cells[index]) - 1)), role)


def _round_json(ctx: Context, section: Section, own: list[Block],
                years: YearContext) -> dict[str, Any]:
    name, region = round_name(section)
    texts = [b.text for b in own if b.kind == "paragraph"]
    for ancestor in section.ancestors():
        texts.extend(line.text for line in ancestor.lines)
    year = prose_year(texts)
    draft = RoundDraft(section, name, region, year)
    current_date: str | None = None
    date_span: Span | None = None
    for block in own:
        if block.kind == "date":
            current_date = block.text.strip()
            date_line = block.lines[0]
            start = date_line.text.index(current_date[:1]) if current_date else 0
            date_span = Span(date_line.number, ctx.col(date_line, start), date_line.number,
                             ctx.col(date_line, start + max(len(current_date) - 1, 0)))
        elif block.kind == "match" and block.match is not None:
            line = block.lines[0]
            text = line.text.strip()
            column = ctx.col(line, line.text.index(text[:1]) + block.match.home.start)
            found = match_from_line(block.match, line.number, column, text)
            found["date"] = current_date
            if date_span is not None:
                ctx.spans.mark(found, date_span, "date")
            draft.matches.append(found)
            _mark_match(ctx, found, line, line.text.index(text[:1]), block.match)
        elif block.kind == "match_note" and draft.matches:
            _apply_note(draft.matches[-1], block.text.strip())
        elif block.kind == "scorer" and draft.matches:
            for line in block.lines:
                team, _, detail = line.text.strip().partition(":")
                scorer = {"line": line.number, "team": team.strip() if detail else None,
                          "text": line.text.strip()}
                draft.matches[-1]["scorers"].append(scorer)
        elif block.kind == "paragraph":
            draft.notes.append(block.text)
        elif block.kind == "table":
            for table in _tables_of(block, block.label):
                _table_matches(ctx, table, draft)
    leg = leg_of(section)
    default_date = prose_date(texts, section.title)
    for found in draft.matches:
        if leg and not found["leg"]:
            found["leg"] = leg
        if default_date and not found["date"]:
            found["date"] = default_date
    context = YearContext(prose=year, infobox=years.infobox, season=years.season)
    resolve_dates(draft.matches, context)
    result = {
        "name": name, "region": region, "section": section.title, "year": year,
        "line": section.line, "end_line": section.end_line, "notes": draft.notes,
        "matches": draft.matches,
    }
    ctx.spans.mark(result, Span(section.line, 1, section.end_line))
    return result


def _apply_note(found: dict[str, Any], text: str) -> None:
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


def _mark_match(ctx: Context, found: dict[str, Any], line: Line, offset: int,
                parsed: Any) -> None:
    ctx.spans.mark(found, Span(line.number, found["column"]))
    for key, side in (("home", parsed.home), ("away", parsed.away)):
        start = ctx.col(line, offset + side.start)
        end = ctx.col(line, offset + side.end - 1)
        ctx.spans.mark(found, Span(line.number, start, line.number, end), key)
    start = ctx.col(line, offset + parsed.result.start)
    ctx.spans.mark(found, Span(line.number, start), "home_score")
    ctx.spans.mark(found, Span(line.number, start), "status")


def _table_matches(ctx: Context, table: Table, draft: RoundDraft) -> None:
    cols = ResultsColumns.of(table)
    if cols is None:
        return
    for row in table.rows:
        made = match_from_row(row, cols)
        if made is None:
            if any(row.cells):
                ctx.note("PA002", "results-table row holds no match that could be read",
                         row.line.number)
            continue
        found, index = made
        found["column"] = ctx.col(row.line, index)
        draft.matches.append(found)
        ctx.spans.mark(found, Span(row.line.number, found["column"]))
        if cols.date is not None and cols.date < len(row.starts) and found["date"]:
            date_at = row.starts[cols.date]
            ctx.spans.mark(found, Span(row.line.number, ctx.col(row.line, date_at), row.line.number,
                                       ctx.col(row.line, date_at + len(found["date"]) - 1)),
                           "date")
