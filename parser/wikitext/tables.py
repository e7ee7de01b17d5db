"""Wikitables (``{| ... |}``): rows and cells from mwparserfromhell's table tags, spans expanded.

mwparserfromhell parses ``!``/``!!`` header cells, ``|``/``||`` data cells,
``|-`` rows and cell attributes into tags. Each cell's content offset is the
tag's offset plus the lengths of its markup, attributes, padding and separator
(``str(tag)`` is exactly those, then the contents), so every cell knows where it
starts in the file. ``rowspan``/``colspan`` are expanded so that every row has
every column; a copied cell keeps its origin's position.

The result is also given as the flat form's ``Table``/``Row`` so that roles,
column names, results columns and entrant columns are decided by the same code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mwparserfromhell.nodes import Comment, Tag, Text

from ..markup.lengths import contents_offset, length
from ..markup.wiki import Line
from ..model.tables import Row, Table
from ..read.source import Source
from .text import Rendering, render, tidy

MAX_SPAN = 100
_DIGITS = re.compile(r"[0-9]+")
_BOLD = re.compile(r"'''")


@dataclass
class Cell:
    """One cell as written: rendered text, header or data, span sizes, content offset."""

    text: str
    raw: str
    header: bool
    offset: int
    rowspan: int = 1
    colspan: int = 1
    rendering: Rendering = field(default_factory=Rendering)

    @property
    def bold(self) -> bool:
        """Whether the cell's text is bold (a winner, in results tables)."""
        return bool(_BOLD.search(self.raw))


@dataclass
class GridRow:
    """A row with spans expanded: one cell per column (copies are the same objects)."""

    cells: list[Cell]
    offset: int
    raw: str
    copied: list[bool] = field(default_factory=list)

    @property
    def first_offset(self) -> int:
        """Offset of the row's first cell of its own (not one copied from a row above)."""
        own = [c for c, copied in zip(self.cells, self.copied, strict=False) if not copied]
        return own[0].offset if own else (self.cells[0].offset if self.cells else self.offset)

    @property
    def texts(self) -> list[str]:
        """The cells' texts."""
        return [cell.text for cell in self.cells]


@dataclass
class WikiTable:
    """A parsed wikitable."""

    offset: int
    caption: Cell | None = None
    header_rows: list[GridRow] = field(default_factory=list)
    rows: list[GridRow] = field(default_factory=list)
    separators: list[tuple[int, GridRow]] = field(default_factory=list)
    refs: int = 0

    @property
    def width(self) -> int:
        """Number of columns."""
        return max((len(r.cells) for r in [*self.header_rows, *self.rows]), default=0)


def _span(tag: Tag, name: str) -> int:
    if not tag.has(name):
        return 1
    found = _DIGITS.search(str(tag.get(name).value))
    value = int(found.group()) if found else 1
    return min(max(value, 1), MAX_SPAN)


def _cell(tag: Tag, offset: int) -> Cell:
    start = contents_offset(tag, offset)
    raw = str(tag.contents)
    out = Rendering()
    text = tidy(render(tag.contents, start, out))
    lead = len(raw) - len(raw.lstrip())
    header = str(tag.tag).strip().lower() == "th"
    return Cell(text, raw, header, start + lead, _span(tag, "rowspan"), _span(tag, "colspan"), out)


def _is_caption(tag: Tag) -> bool:
    return tag.wiki_markup == "|" and str(tag.contents).startswith("+")


def parse_table(node: Tag, offset: int) -> WikiTable:
    """Rows of a table tag (``offset`` is the tag's offset in the document)."""
    table = WikiTable(offset)
    raw_rows: list[tuple[list[Cell], int, str]] = []
    loose: list[Cell] = []
    loose_at = -1
    position = contents_offset(node, offset)
    for child in node.contents.nodes:
        size = length(child)
        if isinstance(child, Tag):
            name = str(child.tag).strip().lower()
            if name == "tr":
                if loose:
                    raw_rows.append((loose, loose_at, ""))
                    loose = []
                cells = _row_cells(child, position)
                raw_rows.append((cells, position, str(child)))
            elif name in ("td", "th"):
                if _is_caption(child) and not raw_rows and not loose and table.caption is None:
                    caption = _cell(child, position)
                    caption.text = caption.text[1:].strip() if caption.text.startswith("+") \
                        else caption.text
                    table.caption = caption
                else:
                    if not loose:
                        loose_at = position
                    loose.append(_cell(child, position))
            elif name == "caption":
                table.caption = _cell(child, position)
        elif not isinstance(child, (Text, Comment)):
            out = Rendering()
            render(str(child), position, out)
            table.refs += out.refs
        position += size
    if loose:
        raw_rows.append((loose, loose_at, ""))
    _grid(table, raw_rows)
    return table


def _row_cells(row: Tag, offset: int) -> list[Cell]:
    cells: list[Cell] = []
    position = contents_offset(row, offset)
    for child in row.contents.nodes:
        if isinstance(child, Tag) and str(child.tag).strip().lower() in ("td", "th"):
            cells.append(_cell(child, position))
        position += length(child)
    return cells


def _grid(table: WikiTable, raw_rows: list[tuple[list[Cell], int, str]]) -> None:
    pending: dict[int, tuple[Cell, int]] = {}
    grid: list[GridRow] = []
    for cells, offset, raw in raw_rows:
        if not cells and not pending:
            continue
        out: list[Cell] = []
        copied: list[bool] = []
        queue = list(cells)
        column = 0
        while queue or any(c >= column for c in pending):
            if column in pending:
                cell, left = pending[column]
                out.append(cell)
                copied.append(True)
                if left <= 1:
                    del pending[column]
                else:
                    pending[column] = (cell, left - 1)
                column += 1
                continue
            if not queue:
                # a gap left by a row above: fill it with an empty cell
                out.append(Cell("", "", False, offset))
                copied.append(True)
                column += 1
                continue
            cell = queue.pop(0)
            for part in range(cell.colspan):
                out.append(cell)
                copied.append(part > 0)
                if cell.rowspan > 1:
                    pending[column] = (cell, cell.rowspan - 1)
                column += 1
        grid.append(GridRow(out, offset, raw, copied))
    _split_header(table, grid)


def _split_header(table: WikiTable, grid: list[GridRow]) -> None:
    width = max((len(r.cells) for r in grid), default=0)
    for row in grid:
        while len(row.cells) < width:
            row.cells.append(Cell("", "", False, row.offset))
            row.copied.append(True)
    index = 0
    while index < len(grid) and all(c.header for c in grid[index].cells) and not (
        _is_separator(grid[index], width) and index > 0
    ):
        table.header_rows.append(grid[index])
        index += 1
    for row in grid[index:]:
        if _is_separator(row, width) and table.header_rows:
            table.separators.append((len(table.rows), row))
        else:
            table.rows.append(row)


def _is_separator(row: GridRow, width: int) -> bool:
    """A row whose one cell spans every column (``!colspan=5 | 12 October``)."""
    distinct = {id(c) for c in row.cells}
    return width > 1 and len(distinct) == 1 and bool(row.cells[0].text)


def column_names(table: WikiTable) -> list[str]:
    """Header texts per column; several header rows are joined (``Home team`` + ``Score``)."""
    names: list[str] = []
    for column in range(table.width):
        words: list[str] = []
        for row in table.header_rows:
            text = row.cells[column].text if column < len(row.cells) else ""
            if text and text not in words:
                words.append(text)
        names.append(" ".join(words))
    return names


def as_flat(table: WikiTable, source: Source, label: Line | None) -> Table:
    """The table as the flat form's ``Table`` (cell starts are column indexes)."""
    def line_of(row: GridRow, texts: list[str]) -> Line:
        number = source.line_of(row.first_offset)
        return Line(number, row.raw, " | ".join(texts))

    header = None
    if table.header_rows:
        names = column_names(table)
        first = table.header_rows[0]
        header = Row(line_of(first, names), names, list(range(len(names))))
    flat = Table([], header=header, label=label)
    for row in table.rows:
        texts = row.texts
        flat.rows.append(Row(line_of(row, texts), texts, list(range(len(texts)))))
    if table.caption is not None and table.caption.text:
        caption = table.caption
        flat.caption = Row(Line(source.line_of(caption.offset), caption.raw, caption.text),
                           [caption.text], [0])
    return flat


def row_source(row: GridRow) -> str:
    """The row's source text without its ``|-`` line."""
    text = row.raw
    if text.startswith("|-"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
    return text.strip()


def cell_at(row: GridRow, column: int) -> Cell | None:
    """The cell in ``column`` (None past the end)."""
    return row.cells[column] if 0 <= column < len(row.cells) else None

