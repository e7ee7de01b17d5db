"""Stage 1, reading: bytes become a ``Source`` whose positions stay true to the file.

The input policy lives here and nowhere else (README "Input policy" describes it):

* Size: files larger than ``InputPolicy.max_bytes`` are refused before decoding.
* Encodings: UTF-8, with or without a BOM (the BOM is dropped); UTF-16 only with
  a BOM. UTF-32, UTF-16 without a BOM, invalid or truncated UTF-8, UTF-8-encoded
  surrogates, NUL bytes and lone surrogates are refused with the byte offset.
* CRLF and lone CR become LF. Line numbers do not change, because every
  original line end becomes exactly one LF.
* Unicode space separators (no-break space, thin space, ideographic space, ...)
  and U+2028/U+2029 become plain spaces (same length, so columns stay put).
* Invisible format characters (zero-width space, joiners, word joiner, soft
  hyphen, a BOM inside the text, left-to-right and right-to-left marks, bidi
  controls) and control characters other than tab are removed before parsing;
  ``Source.column`` adds them back, so reported columns are the file's own.
* Lines longer than ``InputPolicy.max_line_chars`` are listed in
  ``Source.long_lines``: later stages keep them in the JSON as text and report
  them, but never hand them to mwparserfromhell, Lark or the block regexes.
* Names are compared in NFC: ``normalise_name`` is applied to every team and
  entrant name written to the JSON; ``text`` fields keep the file's characters.
* Each file gets a time budget (CPU seconds) and a memory ceiling, enforced by
  ``parser.guard`` in the process that parses it.
* Scores are ASCII digits only and bounded (see ``grammars/match_line.lark``);
  ``ascii_int`` is the one bounded integer conversion for digits from the text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import InputError
from ..records import record
from .characters import has_special, plain_spaces, strip_zero_width

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
DEFAULT_MAX_LINE_CHARS = 10_000
DEFAULT_SECONDS = 60.0
DEFAULT_MEMORY_MIB = 2048

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
MAX_INT_DIGITS = 9


@record
class InputPolicy:
    """Limits applied to each input. A value of 0 means no limit.

    ``max_bytes``: refuse larger files before decoding. ``max_line_chars``: longer
    lines are kept as text and reported, not parsed. ``seconds``: CPU time budget
    of one file. ``memory_mib``: address-space ceiling of the process parsing it.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS
    seconds: float = DEFAULT_SECONDS
    memory_mib: int = DEFAULT_MEMORY_MIB


DEFAULT_POLICY = InputPolicy()


@dataclass(frozen=True)
class Source:
    """A decoded document. ``text`` uses LF line ends only.

    ``long_lines`` holds the numbers of lines over the policy's line-length limit.
    """

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "lf"
    removed: dict[int, tuple[int, ...]] = field(default_factory=dict)
    line_starts: tuple[int, ...] = ()
    long_lines: frozenset[int] = frozenset()
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS

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
        return index + bisect.bisect_right(removed, index) + 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of character ``offset`` of ``text``."""
        line = self.line_of(offset)
        return line, self.column(line, offset - self.line_starts[line - 1])


def normalise_name(name: str) -> str:
    """A name as written to the JSON: NFC, so composed and decomposed accents compare equal."""
    if name.isascii() or unicodedata.is_normalized("NFC", name):
        return name
    return unicodedata.normalize("NFC", name)


def ascii_int(digits: str, *, max_digits: int = MAX_INT_DIGITS) -> int | None:
    """``int`` of 1 to ``max_digits`` ASCII digits; None for anything else.

    ``int()`` alone accepts Arabic-Indic and full-width digits, underscores and
    signs, and raises on numbers over 4,300 digits: text never reaches it directly.
    """
    if not 0 < len(digits) <= max_digits or not digits.isascii() or not digits.isdigit():
        return None
    return int(digits)


def _line_col_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    if b"\n" not in before:
        line = before.count(b"\r") + 1
    start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    column = len(before[start:].decode("utf-8", errors="replace")) + 1
    return line, column


def _line_col_of_text(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def _looks_wide(data: bytes) -> bool:
    """Whether NUL bytes fall on every other (or every fourth) byte: UTF-16/32 without a BOM."""
    head = data[:4096]
    if len(head) < 4:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return max(even, odd) >= 0.4 * (len(head) // 2) and min(even, odd) <= 0.1 * (len(head) // 2)


def decode(data: bytes, path: str, policy: InputPolicy = DEFAULT_POLICY) -> Source:
    """Decode raw bytes according to the input policy; raise ``InputError`` if refused.

    Byte offsets in errors count from the start of the file (a BOM included).
    """
    if policy.max_bytes and len(data) > policy.max_bytes:
        raise InputError(
            path,
            f"file is {len(data)} bytes, over the limit of {policy.max_bytes} (see --max-bytes)",
            code="IN003",
        )
    if data.startswith(_UTF32_BOMS):
        raise InputError(path, "UTF-32 is not supported; save the file as UTF-8",
                         code="IN001", line=1, column=1, offset=0)
    if data.startswith(_UTF16_BOMS):
        return _decode_utf16(data, path, policy)
    skip = 3 if data.startswith(_UTF8_BOM) else 0
    body = data[skip:] if skip else data
    nul = body.find(b"\x00")
    if nul >= 0:
        line, column = _line_col_of_byte(body, nul)
        if _looks_wide(body):
            raise InputError(
                path, f"NUL bytes from byte offset {nul + skip} on: this looks like UTF-16 "
                "without a byte-order mark; save the file as UTF-8 (or UTF-16 with a BOM)",
                code="IN001", line=line, column=column, offset=nul + skip,
            )
        raise InputError(
            path, f"NUL byte at byte offset {nul + skip}; the file is not text",
            code="IN002", line=line, column=column, offset=nul + skip,
        )
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_col_of_byte(body, exc.start)
        bad = body[exc.start : exc.start + 4].hex(" ")
        offset = exc.start + skip
        if body[exc.start] == 0xED and body[exc.start + 1 : exc.start + 2] >= b"\xa0":
            reason = "a UTF-8-encoded surrogate; lone surrogates are not text"
        elif exc.end >= len(body) and exc.reason == "unexpected end of data":
            reason = "a character cut off at the end of the file"
        else:
            reason = exc.reason
        raise InputError(
            path, f"invalid UTF-8 at byte offset {offset} ({reason}; bytes {bad})",
            code="IN001", line=line, column=column, offset=offset,
        ) from None
    return _normalise(text, path, "utf-8", bool(skip), policy)


def _decode_utf16(data: bytes, path: str, policy: InputPolicy) -> Source:
    encoding = "utf-16-le" if data[0] == 0xFF else "utf-16-be"
    body = data[2:]
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        prefix = body[: exc.start - exc.start % 2].decode(encoding, errors="replace")
        line, column = _line_col_of_text(prefix, len(prefix))
        reason = "a character cut off at the end of the file" if exc.reason == "truncated data" \
            else "a lone surrogate" if "surrogate" in exc.reason else exc.reason
        raise InputError(
            path, f"invalid UTF-16 at byte offset {exc.start + 2} ({reason})",
            code="IN001", line=line, column=column, offset=exc.start + 2,
        ) from None
    return _normalise(text, path, encoding, True, policy)


def from_text(text: str, path: str = "<string>", *, encoding: str = "utf-8",
              bom: bool = False, policy: InputPolicy = DEFAULT_POLICY) -> Source:
    """Normalise already-decoded text into a ``Source`` (library entry point for ``str``).

    ``policy.max_bytes`` applies to the text's UTF-8 size.
    """
    if policy.max_bytes and len(text) > policy.max_bytes // 4:
        size = len(text.encode("utf-8", errors="surrogatepass"))
        if size > policy.max_bytes:
            raise InputError(path, f"text is {size} bytes as UTF-8, over the limit of "
                             f"{policy.max_bytes} (see --max-bytes)", code="IN003")
    return _normalise(text, path, encoding, bom, policy)


_SURROGATE = re.compile(r"[\ud800-\udfff]")  # escapes for re: mypyc refuses surrogate literals


def _normalise(text: str, path: str, encoding: str, bom: bool, policy: InputPolicy) -> Source:
    if text.startswith("\ufeff"):
        text, bom = text[1:], True
    nul = text.find("\x00")
    if nul >= 0:
        line, column = _line_col_of_text(text, nul)
        raise InputError(path, f"NUL character at character offset {nul}; the file is not text",
                         code="IN002", line=line, column=column, offset=nul)
    special = has_special(text)
    surrogate = _SURROGATE.search(text) if special else None
    if surrogate is not None:
        line, column = _line_col_of_text(text, surrogate.start())
        raise InputError(path, f"lone surrogate U+{ord(surrogate.group()):04X} at character "
                         f"offset {surrogate.start()}; the text is not valid Unicode",
                         code="IN001", line=line, column=column, offset=surrogate.start())
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
    removed: dict[int, tuple[int, ...]] = {}
    if special:
        text = plain_spaces(text)
        text, removed = strip_zero_width(text)
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    if starts[-1] == len(text) and len(starts) > 1:
        starts.pop()
    long_lines: frozenset[int] = frozenset()
    limit = policy.max_line_chars
    if limit and len(text) > limit:
        ends = [*starts[1:], len(text) + (not text.endswith("\n"))]
        long_lines = frozenset(
            number for number, (start, end) in enumerate(zip(starts, ends, strict=True), start=1)
            if end - start - 1 > limit
        )
    return Source(path, text, encoding, bom, newline, removed, tuple(starts), long_lines,
                  limit)
