"""Loading the Lark grammars in ``grammars/``: built once per process, never per call.

Building the LALR tables takes longer than everything else a ``scoreline check``
of one file does, so the built parser is cached on disk, safely:

* in a per-user directory (``$SCORELINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/scoreline``,
  ``~/.cache/scoreline``, ``~/Library/Caches/scoreline`` or ``%LOCALAPPDATA%\\scoreline``),
  created with mode 0700 and used only while it is owned by the user and closed to
  group and others; ``SCORELINE_CACHE_DIR=`` (empty) turns the cache off;
* keyed by a hash of the grammar text, the parser options, and the Lark and Python
  versions, so an edited grammar or an upgrade never meets a stale table;
* holding only plain data (Lark's own serialised tables: dicts, lists, tuples,
  strings, numbers), read back by an unpickler that refuses every class and
  function, so a tampered file cannot run code; one that does not load is rebuilt;
* written to a temporary file and renamed into place, so readers never see half a file.

Lark's own ``cache=True`` is not used: it unpickles, with no such restriction, from a
predictable path in the shared temporary directory.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from .resources import grammar_path

_FORMAT = "1"


@cache
def match_parser() -> Any:
    """The match-line parser (entry points ``start``, ``score_cell``, ``team_cell``)."""
    return load_grammar(
        "match_line.lark",
        default_cache_dir(),
        parser="lalr",
        lexer="contextual",
        start=["start", "score_cell", "team_cell"],
        propagate_positions=False,
        maybe_placeholders=False,
    )


@cache
def date_parser() -> Any:
    """The date parser."""
    return load_grammar("date.lark", default_cache_dir(), parser="lalr", lexer="contextual")


def load_grammar(name: str, directory: Path | None, **options: Any) -> Any:
    """A ``Lark`` parser for ``grammars/NAME``, from the cache in ``directory`` when it holds
    this exact build (None: no cache)."""
    from lark import Lark, __version__

    text = grammar_path(name).read_text(encoding="utf-8")
    if directory is None:
        return Lark(text, **options)
    key = hashlib.sha256(
        repr((_FORMAT, text, sorted(options.items()), __version__, sys.version_info[:2])).encode()
    ).hexdigest()[:24]
    file = directory / f"{Path(name).stem}-{key}.tables"
    loaded = _read(file)
    if loaded is not None:
        try:
            return Lark.__new__(Lark)._load(loaded)
        except Exception:  # a damaged or foreign file: rebuild below
            pass
    parser = Lark(text, **options)
    _write(directory, file, parser)
    return parser


def default_cache_dir() -> Path | None:
    """The per-user cache directory (None when ``SCORELINE_CACHE_DIR`` is set empty)."""
    override = os.environ.get("SCORELINE_CACHE_DIR")
    if override is not None:
        return Path(override) if override else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "scoreline" / "Cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "scoreline"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache") / "scoreline"


def _private(path: Path, *, directory: bool) -> bool:
    """Whether ``path`` is ours alone: not a symlink, owned by us, no group/other write
    (for a directory: no group/other access at all)."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    kind = stat.S_ISDIR if directory else stat.S_ISREG
    if not kind(info.st_mode):
        return False
    if not hasattr(os, "geteuid"):
        return True  # Windows: %LOCALAPPDATA% is per-user
    loose = 0o077 if directory else 0o022
    return info.st_uid == os.geteuid() and not info.st_mode & loose


class _PlainUnpickler(pickle.Unpickler):
    """Builds only built-in containers and scalars; any class or function is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refusing {module}.{name}")


def _read(file: Path) -> dict[str, Any] | None:
    if not _private(file.parent, directory=True) or not _private(file, directory=False):
        return None
    try:
        data = _PlainUnpickler(io.BytesIO(file.read_bytes())).load()
    except Exception:  # unreadable, truncated or refused: rebuild
        return None
    return data if isinstance(data, dict) and {"data", "memo"} <= set(data) else None


def _write(directory: Path, file: Path, parser: Any) -> None:
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(directory, directory=True):
            return
        data, memo = parser.memo_serialize([TerminalDef, Rule])
        payload = pickle.dumps({"data": data, "memo": memo}, protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
            os.replace(tmp, file)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only home or a full disk: run without the cache


class FastLALR:
    """Lark's LALR parser for one grammar, run from its own tables, with memory.

    Lark spends most of a parse on bookkeeping around two facts: which lexer state the
    contextual lexer is in before each token, and which shifts and reductions each token
    causes. Both depend only on the types of the tokens before it, so they are kept in a
    trie keyed by token types: parsing a line is then one regular-expression match per
    token (with Lark's own per-state scanner, in its own terminal order) and one dict
    lookup. The shape of the tree a complete path yields (which token lands where) is
    worked out once per path from Lark's own tree callbacks. Results are those of
    ``Lark.parse`` by construction; a test compares the two on generated input.

    The trie is bounded (``MAX_NODES``); past that, new paths are walked without being
    kept.
    """

    MAX_NODES = 20_000

    def __init__(self, lark: Any) -> None:
        from lark.parsers.lalr_analysis import Shift

        frontend = lark.parser
        table = frontend.parser._parse_table
        self._shift = Shift
        self._states: dict[Any, dict[str, tuple[Any, Any]]] = table.states
        self._start_states: dict[str, Any] = table.start_states
        self._end_states: dict[str, Any] = table.end_states
        self._callbacks: dict[Any, Any] = frontend.parser.parser.callbacks
        self._scanners: dict[Any, tuple[Any, frozenset[str]]] = {}
        for state, lexer in frontend.lexer.lexers.items():
            (pattern,) = lexer.scanner._mres  # one alternation per state: small grammars
            if lexer.callback:
                raise ValueError("lexer callbacks are not supported")
            self._scanners[state] = (pattern.match, frozenset(lexer.ignore_types))
        self._roots: dict[str, _Node] = {}
        self._nodes = 0

    @classmethod
    def of(cls, lark: Any) -> FastLALR | None:
        """The fast runner for a loaded ``Lark`` (contextual lexer, LALR), else None."""
        try:
            return cls(lark)
        except (AttributeError, KeyError, TypeError, ValueError):
            return None

    def walk(self, text: str, start: str) -> tuple[list[Any], list[_Node]] | None:
        """Lex and check ``text``: its tokens and the trie nodes of its path (the root
        first); None where ``Lark.parse`` raises."""
        from lark import Token

        node = self._roots.get(start)
        if node is None:
            node = self._roots[start] = self._node((self._start_states[start],), ())
        path = [node]
        tokens: list[Any] = []
        pos, size = 0, len(text)
        while pos < size:
            found = node.match(text, pos)
            if found is None:
                return None
            kind, end = found.lastgroup, found.end()
            if kind in node.ignore:
                pos = end
                continue
            tokens.append(Token(kind, found.group(), pos, 1, pos + 1, 1, end + 1, end))
            pos = end
            child = node.children.get(kind)
            if child is None:
                child = self._child(node, kind, start)
            if not isinstance(child, _Node):
                return None
            node = child
            path.append(node)
        if node.end is None:
            fed = self._feed(node.stack, "$END", start)
            node.end = fed[1] if fed is not None else False
        return (tokens, path) if node.end is not False else None

    def tree(self, text: str, start: str) -> Any:
        """The tree ``Lark.parse(text, start=start)`` gives; None where it raises."""
        walked = self.walk(text, start)
        return None if walked is None else self._replay(*walked)

    def shape(self, text: str, start: str, plan: Callable[[Any], Any]
              ) -> tuple[list[Any], Any] | None:
        """The tokens of ``text`` and ``plan(tree)`` for the tree of its path, where each
        token's ``start_pos`` is its index in the token list; None where Lark fails."""
        walked = self.walk(text, start)
        if walked is None:
            return None
        tokens, path = walked
        last = path[-1]
        planned = last.plans.get(start)
        if planned is None:
            from lark import Token

            stand_ins = [Token(t.type, str(t), i, 1, 1, 1, 1, i) for i, t in enumerate(tokens)]
            planned = last.plans[start] = plan(self._replay(stand_ins, path))
        return tokens, planned

    # ---- internals ----

    def _node(self, stack: tuple[Any, ...], actions: tuple[Any, ...]) -> _Node:
        self._nodes += 1
        match, ignore = self._scanners[stack[-1]]
        return _Node(stack, actions, match, ignore)

    def _child(self, node: _Node, kind: str, start: str) -> _Node | bool:
        fed = self._feed(node.stack, kind, start)
        child: _Node | bool = False if fed is None else self._node(*fed)
        if self._nodes < self.MAX_NODES:
            node.children[kind] = child
        return child

    def _feed(self, stack: tuple[Any, ...], kind: str, start: str
              ) -> tuple[tuple[Any, ...], tuple[Any, ...]] | None:
        """Lark's ``ParserState.feed_token`` on states alone: the stack after a token of
        type ``kind`` (``$END``: up to the end state) and the reductions on the way, the
        token's shift marked None."""
        states, shift = self._states, self._shift
        at_end = kind == "$END"
        end_state = self._end_states[start]
        work = list(stack)
        actions: list[Any] = []
        while True:
            row = states[work[-1]]
            if kind not in row:
                return None
            action, arg = row[kind]
            if action is shift:
                if at_end:
                    return None
                work.append(arg)
                actions.append(None)
                return tuple(work), tuple(actions)
            size = len(arg.expansion)
            if size:
                del work[-size:]
            actions.append(arg)
            work.append(states[work[-1]][arg.origin.name][1])
            if at_end and work[-1] == end_state:
                return tuple(work), tuple(actions)

    def _replay(self, tokens: list[Any], path: list[_Node]) -> Any:
        """Build the tree with Lark's callbacks, replaying the path's shifts and reductions."""
        callbacks = self._callbacks
        values: list[Any] = []
        last = path[-1].end
        assert isinstance(last, tuple)
        index = 0
        for actions in [*(node.actions for node in path[1:]), last]:
            for rule in actions:
                if rule is None:
                    token = tokens[index]
                    index += 1
                    values.append(callbacks[token.type](token) if token.type in callbacks
                                  else token)
                    continue
                size = len(rule.expansion)
                children = values[-size:] if size else []
                if size:
                    del values[-size:]
                values.append(callbacks[rule](children))
        return values[-1]


class _Node:
    """A prefix of token types: the parser stack after it, and how its last token was fed."""

    __slots__ = ("actions", "children", "end", "ignore", "match", "plans", "stack")

    def __init__(self, stack: tuple[Any, ...], actions: tuple[Any, ...], match: Any,
                 ignore: frozenset[str]) -> None:
        self.stack = stack
        self.actions = actions
        self.match = match
        self.ignore = ignore
        self.children: dict[str, _Node | bool] = {}
        self.end: tuple[Any, ...] | bool | None = None
        self.plans: dict[str, Any] = {}


@cache
def fast_match_parser() -> FastLALR | None:
    """``match_parser()`` run by ``FastLALR`` (None if the parser does not fit it)."""
    return FastLALR.of(match_parser())


@cache
def fast_date_parser() -> FastLALR | None:
    """``date_parser()`` run by ``FastLALR``."""
    return FastLALR.of(date_parser())
