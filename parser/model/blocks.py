"""The block model both readers produce: a run of lines of one kind, with its label,
its parsed match line or date, and reader-specific extras."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..markup.wiki import Line
from .dates import WrittenDate
from .match_lines import MatchLine

MAX_LABEL_CHARS = 80


@dataclass
class Block:
    """A run of lines of one kind. ``label`` is the caption line above a list or table."""

    kind: str
    lines: list[Line]
    label: Line | None = None
    match: MatchLine | None = None
    match_at: int | None = None  # index in the line's text where the match starts
    date: WrittenDate | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def line(self) -> int:
        """First line of the block (the label's, when there is one)."""
        return self.label.number if self.label else self.lines[0].number

    @property
    def end_line(self) -> int:
        """Last line of the block."""
        return self.lines[-1].number

    @property
    def text(self) -> str:
        """The cleaned text of the block's own lines, joined with newlines."""
        return "\n".join(line.text for line in self.lines)
