"""Stage 1, reading: bytes become a ``Source`` whose positions stay true to the file.

The input policy lives here and nowhere else:

* UTF-8, with or without a BOM (the BOM is dropped); UTF-16 only with a BOM.
* Invalid UTF-8, NUL bytes and lone surrogates are refused with the byte offset.
* CRLF and lone CR become LF. Line numbers do not change, because every
  original line end becomes exactly one LF.
* Non-breaking spaces become plain spaces (same length, so columns stay put).
* Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, a BOM inside the text)
  are removed before parsing; ``Source.column`` adds them back, so reported
  columns are the file's own.
* Files larger than ``InputPolicy.max_bytes`` are refused before decoding.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .errors import InputError

DEFAULT_MAX_BYTES = 16 * 1024 * 1024

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_SPACES = {"\u00a0": " ", "\u202f": " ", "\u2007": " "}
_UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class InputPolicy:
    """Limits applied while reading. ``max_bytes`` of 0 means no limit."""

    max_bytes: int = DEFAULT_MAX_BYTES


DEFAULT_POLICY = InputPolicy()


@dataclass(frozen=True)
class Source:
    """A decoded document. ``text`` uses LF line ends only."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "lf"
    removed: dict[int, tuple[int, ...]] = field(default_factory=dict)
    line_starts: tuple[int, ...] = ()

    @property
    def line_count(self) -> int:
        """Number of lines (a final line without LF counts)."""
        return len(self.line_starts)

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its line end."""
        start = self.line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end < 0 else self.text[start:end]

    def line_of(self, offset: int) -> int:
        """1-based line holding character ``offset`` of ``text``."""
        return bisect.bisect_right(self.line_starts, offset)

    def column(self, line: int, index: int) -> int:
        """1-based file column of the 0-based ``index`` into the cleaned line."""
        removed = self.removed.get(line)
        if not removed:
            return index + 1
        return index + sum(1 for pos in removed if pos <= index) + 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of character ``offset`` of ``text``."""
        line = self.line_of(offset)
        return line, self.column(line, offset - self.line_starts[line - 1])


def _line_col_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    if b"\n" not in before:
        line = before.count(b"\r") + 1
    start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    column = len(before[start:].decode("utf-8", errors="replace")) + 1
    return line, column


def decode(data: bytes, path: str, policy: InputPolicy = DEFAULT_POLICY) -> Source:
    """Decode raw bytes according to the input policy; raise ``InputError`` if refused."""
    if policy.max_bytes and len(data) > policy.max_bytes:
        raise InputError(
            path,
            f"file is {len(data)} bytes, over the limit of {policy.max_bytes} (see --max-bytes)",
            code="IN003",
        )
    encoding = "utf-8"
    bom = False
    if data.startswith(_UTF8_BOM):
        data, bom = data[3:], True
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, bom = ("utf-16-le" if data[0] == 0xFF else "utf-16-be"), True
        try:
            text = data[2:].decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                path, f"invalid UTF-16 at byte {exc.start + 2}: {exc.reason}",
                code="IN001", offset=exc.start + 2,
            ) from None
        return from_text(text, path, encoding=encoding, bom=True)
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _line_col_of_byte(data, nul)
        raise InputError(
            path, f"NUL byte at byte offset {nul + 3 * bom}; the file is not text",
            code="IN002", line=line, column=column, offset=nul,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_col_of_byte(data, exc.start)
        bad = data[exc.start : exc.start + 4].hex(" ")
        raise InputError(
            path,
            f"invalid UTF-8 at byte offset {exc.start + 3 * bom} ({exc.reason}; bytes {bad})",
            code="IN001", line=line, column=column, offset=exc.start + 3 * bom,
        ) from None
    return from_text(text, path, encoding=encoding, bom=bom)


def from_text(text: str, path: str = "<string>", *, encoding: str = "utf-8",
              bom: bool = False) -> Source:
    """Normalise already-decoded text into a ``Source`` (library entry point for ``str``)."""
    if text.startswith("\ufeff"):
        text, bom = text[1:], True
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        raise InputError(path, f"NUL character at offset {offset}; the file is not text",
                         code="IN002", line=line, offset=offset)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        raise InputError(path, f"lone surrogate at character offset {exc.start}",
                         code="IN001", line=line, offset=exc.start) from None
    newline = "lf"
    if "\r" in text:
        crlf = text.count("\r\n")
        lone_cr = text.count("\r") - crlf
        lone_lf = text.count("\n") - crlf
        if lone_cr == 0 and lone_lf == 0:
            newline = "crlf"
        elif crlf == 0 and lone_lf == 0:
            newline = "cr"
        else:
            newline = "mixed"
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for char, repl in _SPACES.items():
        if char in text:
            text = text.replace(char, repl)
    removed: dict[int, tuple[int, ...]] = {}
    if any(ch in text for ch in _ZERO_WIDTH):
        text, removed = _strip_zero_width(text)
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    if starts[-1] == len(text) and len(starts) > 1:
        starts.pop()
    return Source(path, text, encoding, bom, newline, removed, tuple(starts))


def _strip_zero_width(text: str) -> tuple[str, dict[int, tuple[int, ...]]]:
    lines = text.split("\n")
    removed: dict[int, tuple[int, ...]] = {}
    for number, line in enumerate(lines, start=1):
        if not any(ch in line for ch in _ZERO_WIDTH):
            continue
        kept: list[str] = []
        positions: list[int] = []
        for index, ch in enumerate(line):
            if ch in _ZERO_WIDTH:
                positions.append(index)
            else:
                kept.append(ch)
        lines[number - 1] = "".join(kept)
        # store positions relative to the cleaned line, for ``Source.column``
        removed[number] = tuple(p - i for i, p in enumerate(positions))
    return "\n".join(lines), removed
