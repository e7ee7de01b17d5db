"""Why a partition was refused: one line naming the fault, never a traceback.

A partition is refused as a whole (its files are not written and it stays out of the
manifest, so a later run tries it again) when its compressed data is corrupt or cut
short, its XML is malformed, or it declares a document type (``streams.SafeXML``).
"""

from __future__ import annotations

import zlib
from xml.etree.ElementTree import ParseError as XMLParseError

from ..errors import ScorelineError


class DumpRefused(ScorelineError):
    """The bytes of a partition cannot be read as a MediaWiki XML dump."""


def reason(error: BaseException, compressed: str) -> str | None:
    """The one-line reason for a read failure, or None when ``error`` is not one."""
    kind = {"bz2": "bzip2", "gz": "gzip"}.get(compressed, "compressed")
    if isinstance(error, DumpRefused):
        return str(error)
    if isinstance(error, EOFError):
        return f"the {kind} data ends early (truncated file?): {_short(error)}"
    if isinstance(error, zlib.error) or type(error).__name__ == "BadGzipFile":
        return f"corrupt {kind} data: {_short(error)}"
    if isinstance(error, XMLParseError):
        return f"malformed XML: {_short(error)}"
    if type(error).__name__ == "MalformedXML":
        return f"malformed XML: {_short(error)}"
    if isinstance(error, OSError) and compressed:
        return f"corrupt {kind} data: {_short(error)}"
    if isinstance(error, OSError):
        return f"cannot read: {error.strerror or _short(error)}"
    return None


def _short(error: BaseException, limit: int = 200) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= limit else text[: limit - 3] + "..."
