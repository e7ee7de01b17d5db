"""Messages between the pool and its workers: pickles behind an 8-byte length, over pipes.

The worker side blocks (``send``, ``receive``); the supervisor side never does: it reads
what a pipe holds into an ``Inbox`` and writes what a pipe takes from an ``Outbox``, so a
worker that dies half-way through a message, or stops reading, cannot hang it.
"""

from __future__ import annotations

import os
import pickle
import struct
from typing import Any

HEADER = struct.Struct("!Q")
READ_SIZE = 1 << 16


def encode(message: Any) -> bytes:
    """One message as bytes: its length, then its pickle."""
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(payload)) + payload


def send(fd: int, message: Any) -> None:
    """Write one message to a blocking pipe, all of it."""
    data = memoryview(encode(message))
    while data:
        data = data[os.write(fd, data):]


def receive(fd: int) -> Any:
    """Read one message from a blocking pipe; ``None`` at the end of the pipe."""
    header = _exactly(fd, HEADER.size)
    if header is None:
        return None
    (size,) = HEADER.unpack(header)
    payload = _exactly(fd, size)
    return None if payload is None else pickle.loads(payload)


def _exactly(fd: int, size: int) -> bytes | None:
    chunks: list[bytes] = []
    left = size
    while left:
        chunk = os.read(fd, min(left, READ_SIZE))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


class Inbox:
    """Bytes read from a non-blocking pipe, cut into the messages they complete."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.closed = False
        self._buffer = bytearray()
        os.set_blocking(fd, False)

    def drain(self) -> list[Any]:
        """Read what the pipe holds now (never waiting); the messages completed so far."""
        while not self.closed:
            try:
                chunk = os.read(self.fd, READ_SIZE)
            except (BlockingIOError, InterruptedError):
                break
            except OSError:
                chunk = b""
            if not chunk:
                self.closed = True
            self._buffer += chunk
        return self._messages()

    def _messages(self) -> list[Any]:
        found = []
        while len(self._buffer) >= HEADER.size:
            (size,) = HEADER.unpack_from(self._buffer)
            end = HEADER.size + size
            if len(self._buffer) < end:
                break
            found.append(pickle.loads(bytes(self._buffer[HEADER.size:end])))
            del self._buffer[:end]
        return found


class Outbox:
    """Messages waiting for a non-blocking pipe to take them."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.broken = False
        self._pending = bytearray()
        os.set_blocking(fd, False)

    @property
    def waiting(self) -> bool:
        """Whether some bytes are still to be written."""
        return bool(self._pending) and not self.broken

    def put(self, message: Any) -> None:
        """Queue a message and write what the pipe takes now."""
        self._pending += encode(message)
        self.flush()

    def flush(self) -> None:
        """Write as much as the pipe takes without waiting."""
        while self._pending and not self.broken:
            try:
                written = os.write(self.fd, self._pending)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:  # the worker is gone: the supervisor sees it by its exit
                self.broken = True
                return
            del self._pending[:written]
