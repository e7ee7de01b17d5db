"""Reading a file or standard input into a ``Source``, never more than the size limit allows."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .source import DEFAULT_POLICY, InputPolicy, Source, decode


def read_source(path: str | Path, policy: InputPolicy = DEFAULT_POLICY) -> Source:
    """Read and decode a file (``-`` is standard input); raise ``InputError`` when it cannot be.

    At most ``policy.max_bytes`` + 1 bytes are ever read, so a device or pipe that never
    ends (``/dev/zero``) is refused as too large rather than filling the memory.
    """
    name = str(path)
    limit = policy.max_bytes
    try:
        if name == "-":
            import sys

            if sys.stdin is None:
                raise InputError(name, "standard input is closed", code="IN004")
            data = sys.stdin.buffer.read(limit + 1 if limit else -1)
        else:
            file = Path(path)
            if file.is_dir():
                raise InputError(name, "is a directory, not a file", code="IN004")
            size = file.stat().st_size
            if limit and size > limit:
                raise InputError(name, f"file is {size} bytes, over the limit of "
                                 f"{limit} (see --max-bytes)", code="IN003")
            with file.open("rb") as handle:
                data = handle.read(limit + 1 if limit else -1)
    except FileNotFoundError:
        raise InputError(name, "no such file", code="IN004") from None
    except PermissionError:
        raise InputError(name, "permission denied", code="IN004") from None
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(name, f"cannot read: {reason}", code="IN004") from None
    if limit and len(data) > limit:
        raise InputError(name, f"input is more than {limit} bytes, over the limit "
                         "(see --max-bytes)", code="IN003")
    return decode(data, name, policy)
