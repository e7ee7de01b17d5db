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

Parsing itself runs on ``FastLALR``, which needs only the tables (the parse table,
the contextual lexer's pattern per state and the tree-building rules), kept in the
same cache as plain data: a ``scoreline check`` whose tables are cached never
imports Lark at all (Lark's import alone took longer than checking a file). Lark
builds the tables on a cache miss, and ``match_parser()``/``date_parser()`` give
Lark itself, the reference the tests compare ``FastLALR`` with.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import re
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
    return load_grammar("match_line.lark", default_cache_dir(), **_MATCH_OPTIONS)


@cache
def date_parser() -> Any:
    """The date parser."""
    return load_grammar("date.lark", default_cache_dir(), **_DATE_OPTIONS)


def _key(text: str, options: dict[str, Any], version: str) -> str:
    return hashlib.sha256(
        repr((_FORMAT, text, sorted(options.items()), version, sys.version_info[:2])).encode()
    ).hexdigest()[:24]


def load_grammar(name: str, directory: Path | None, **options: Any) -> Any:
    """A ``Lark`` parser for ``grammars/NAME``, from the cache in ``directory`` when it holds
    this exact build (None: no cache)."""
    from lark import Lark, __version__

    text = grammar_path(name).read_text(encoding="utf-8")
    if directory is None:
        return Lark(text, **options)
    file = directory / f"{Path(name).stem}-{_key(text, options, __version__)}.tables"
    loaded = _read(file)
    if loaded is not None:
        try:
            return Lark.__new__(Lark)._load(loaded)
        except Exception:  # a damaged or foreign file: rebuild below
            pass
    parser = Lark(text, **options)
    _write(directory, file, _lark_data(parser))
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


def _read(file: Path, keys: frozenset[str] = frozenset({"data", "memo"})
          ) -> dict[str, Any] | None:
    if not _private(file.parent, directory=True) or not _private(file, directory=False):
        return None
    try:
        data = _PlainUnpickler(io.BytesIO(file.read_bytes())).load()
    except Exception:  # unreadable, truncated or refused: rebuild
        return None
    return data if isinstance(data, dict) and keys <= set(data) else None


def _lark_data(parser: Any) -> dict[str, Any]:
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    data, memo = parser.memo_serialize([TerminalDef, Rule])
    return {"data": data, "memo": memo}


def _write(directory: Path, file: Path, data: dict[str, Any]) -> None:
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(directory, directory=True):
            return
        payload = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
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


# ---- FastLALR -------------------------------------------------------------------------


class Token:
    """A token: its terminal's name, its text and its 0-based start and end in the input."""

    __slots__ = ("end_pos", "start_pos", "type", "value")

    def __init__(self, type: str, value: str, start_pos: int, end_pos: int) -> None:
        self.type = type
        self.value = value
        self.start_pos = start_pos
        self.end_pos = end_pos

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.value!r})"


class Tree:
    """A parse-tree node, shaped exactly as Lark shapes it for the same grammar."""

    __slots__ = ("children", "data")

    def __init__(self, data: str, children: list[Any]) -> None:
        self.data = data
        self.children = children

    def __repr__(self) -> str:
        return f"Tree({self.data!r}, {self.children!r})"


def tables_of(lark: Any) -> dict[str, Any]:
    """What ``FastLALR`` needs from a loaded ``Lark``, as plain data.

    Raises ``ValueError`` for a parser it cannot run: another lexer or parser, lexer
    callbacks, or tree-building callbacks other than Lark's plain ones.
    """
    from functools import partial

    from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders, ExpandSingleChild
    from lark.parsers.lalr_analysis import Shift
    from lark.tree import Tree as LarkTree

    frontend = lark.parser
    table = frontend.parser._parse_table
    callbacks = frontend.parser.parser.callbacks
    rules = list(callbacks)
    index = {rule: i for i, rule in enumerate(rules)}

    def builder(callback: Any) -> tuple[Any, ...]:
        if isinstance(callback, partial) and callback.func is LarkTree and not callback.keywords:
            return ("tree", str(callback.args[0]))
        if type(callback) is ExpandSingleChild:
            return ("expand1", builder(callback.node_builder))
        if type(callback) is ChildFilterLALR_NoPlaceholders:
            include = [(int(i), bool(expand)) for i, expand in callback.to_include]
            return ("filter", include, builder(callback.node_builder))
        raise ValueError(f"unsupported tree callback {callback!r}")

    states: dict[int, dict[str, tuple[bool, int]]] = {}
    for state, row in table.states.items():
        states[int(state)] = {
            str(symbol): (True, int(arg)) if action is Shift else (False, index[arg])
            for symbol, (action, arg) in row.items()
        }
    scanners: dict[int, tuple[str, int, list[str]]] = {}
    for state, lexer in frontend.lexer.lexers.items():
        mres = lexer.scanner._mres  # builds the scanner, and the lexer's callbacks with it
        if lexer.callback or lexer.user_callbacks or len(mres) != 1:
            raise ValueError("unsupported lexer")
        pattern = mres[0]
        scanners[int(state)] = (pattern.pattern, int(pattern.flags), sorted(lexer.ignore_types))
    return {
        "states": states,
        "scanners": scanners,
        "rules": [(str(rule.origin.name), len(rule.expansion)) for rule in rules],
        "builders": [builder(callbacks[rule]) for rule in rules],
        "start_states": {str(k): int(v) for k, v in table.start_states.items()},
        "end_states": {str(k): int(v) for k, v in table.end_states.items()},
    }


def load_tables(name: str, directory: Path | None, **options: Any) -> dict[str, Any]:
    """``tables_of`` the parser for ``grammars/NAME``: from the cache, else built with Lark."""
    text = grammar_path(name).read_text(encoding="utf-8")
    file = None
    if directory is not None:
        file = directory / f"{Path(name).stem}-{_key(text, options, _lark_version())}.fast"
        cached = _read(file, frozenset({"states", "scanners", "rules", "builders"}))
        if cached is not None:
            return cached
    tables = tables_of(load_grammar(name, directory, **options))
    if directory is not None and file is not None:
        _write(directory, file, tables)
    return tables


def _lark_version() -> str:
    """Lark's version without importing Lark (which costs more than a whole check)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lark")
    except PackageNotFoundError:  # pragma: no cover - vendored or renamed
        from lark import __version__

        return str(__version__)


class FastLALR:
    """Lark's LALR parser for one grammar, run from its own tables, with memory.

    Lark spends most of a parse on bookkeeping around two facts: which lexer state the
    contextual lexer is in before each token, and which shifts and reductions each token
    causes. Both depend only on the types of the tokens before it, so they are kept in a
    trie keyed by token types: parsing a line is then one match of Lark's own per-state
    pattern (its terminals in its order) and one dict lookup per token. Trees are built
    with Lark's tree-building rules (``tables_of``), and the shape of the tree a path
    yields (which token lands where) can be worked out once per path. Results are those
    of ``Lark.parse`` by construction; tests compare the two on generated input.

    The trie is bounded (``MAX_NODES``); past that, new paths are walked without being
    kept.
    """

    MAX_NODES = 20_000

    def __init__(self, tables: dict[str, Any]) -> None:
        self._states: dict[int, dict[str, tuple[bool, int]]] = tables["states"]
        self._rules: list[tuple[str, int]] = tables["rules"]
        self._start_states: dict[str, int] = tables["start_states"]
        self._end_states: dict[str, int] = tables["end_states"]
        self._patterns: dict[int, tuple[str, int, list[str]]] = tables["scanners"]
        self._scanners: dict[int, tuple[Any, frozenset[str]]] = {}
        self._builders = [_builder(spec) for spec in tables["builders"]]
        self._roots: dict[str, _Node] = {}
        self._nodes = 0

    def walk(self, text: str, start: str) -> tuple[list[Token], list[_Node]] | None:
        """Lex and check ``text``: its tokens and the trie nodes of its path (the root
        first); None where ``Lark.parse`` raises."""
        node = self._roots.get(start)
        if node is None:
            node = self._roots[start] = self._node((self._start_states[start],), ())
        path = [node]
        tokens: list[Token] = []
        pos, size = 0, len(text)
        while pos < size:
            found = node.match(text, pos)
            if found is None:
                return None
            kind, end = found.lastgroup, found.end()
            if kind in node.ignore:
                pos = end
                continue
            tokens.append(Token(kind, found.group(), pos, end))
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
        """The tree ``Lark.parse(text, start=start)`` gives (as ``Tree``/``Token``); None
        where it raises."""
        walked = self.walk(text, start)
        return None if walked is None else self._replay(*walked)

    def shape(self, text: str, start: str, plan: Callable[[Any], Any]
              ) -> tuple[list[Token], Any] | None:
        """The tokens of ``text`` and ``plan(tree)`` for the tree of its path, where each
        token's ``start_pos`` is its index in the token list; None where Lark fails."""
        walked = self.walk(text, start)
        if walked is None:
            return None
        tokens, path = walked
        last = path[-1]
        planned = last.plans.get(start)
        if planned is None:
            stand_ins = [Token(t.type, t.value, i, i) for i, t in enumerate(tokens)]
            planned = last.plans[start] = plan(self._replay(stand_ins, path))
        return tokens, planned

    # ---- internals ----

    def _node(self, stack: tuple[int, ...], actions: tuple[int | None, ...]) -> _Node:
        self._nodes += 1
        state = stack[-1]
        scanner = self._scanners.get(state)
        if scanner is None:  # compiled on first use: most states never lex anything
            pattern, flags, ignore = self._patterns[state]
            scanner = self._scanners[state] = (re.compile(pattern, flags).match,
                                               frozenset(ignore))
        return _Node(stack, actions, *scanner)

    def _child(self, node: _Node, kind: str, start: str) -> _Node | bool:
        fed = self._feed(node.stack, kind, start)
        child: _Node | bool = False if fed is None else self._node(*fed)
        if self._nodes < self.MAX_NODES:
            node.children[kind] = child
        return child

    def _feed(self, stack: tuple[int, ...], kind: str, start: str
              ) -> tuple[tuple[int, ...], tuple[int | None, ...]] | None:
        """Lark's ``ParserState.feed_token`` on states alone: the stack after a token of
        type ``kind`` (``$END``: up to the end state) and the rules reduced on the way,
        the token's shift marked None."""
        states, rules = self._states, self._rules
        at_end = kind == "$END"
        end_state = self._end_states[start]
        work = list(stack)
        actions: list[int | None] = []
        while True:
            row = states[work[-1]]
            if kind not in row:
                return None
            shift, arg = row[kind]
            if shift:
                if at_end:
                    return None
                work.append(arg)
                actions.append(None)
                return tuple(work), tuple(actions)
            origin, size = rules[arg]
            if size:
                del work[-size:]
            actions.append(arg)
            work.append(states[work[-1]][origin][1])
            if at_end and work[-1] == end_state:
                return tuple(work), tuple(actions)

    def _replay(self, tokens: list[Token], path: list[_Node]) -> Any:
        """Build the tree, replaying the path's shifts and reductions."""
        builders, rules = self._builders, self._rules
        values: list[Any] = []
        last = path[-1].end
        assert isinstance(last, tuple)
        index = 0
        for actions in [*(node.actions for node in path[1:]), last]:
            for rule in actions:
                if rule is None:
                    values.append(tokens[index])
                    index += 1
                    continue
                size = rules[rule][1]
                children = values[-size:] if size else []
                if size:
                    del values[-size:]
                values.append(builders[rule](children))
        return values[-1]


def _builder(spec: Any) -> Callable[[list[Any]], Any]:
    """Lark's tree callbacks, from ``tables_of``'s description of them."""
    kind = spec[0]
    if kind == "tree":
        name = spec[1]
        return lambda children: Tree(name, children)
    if kind == "expand1":
        inner = _builder(spec[1])
        return lambda children: children[0] if len(children) == 1 else inner(children)
    include: list[tuple[int, bool]] = [(int(i), bool(e)) for i, e in spec[1]]
    inner = _builder(spec[2])

    def child_filter(children: list[Any]) -> Any:
        filtered: list[Any] = []
        for i, expand in include:
            if expand:
                if filtered:
                    filtered += children[i].children
                else:  # as Lark: reuse the left-recursive child's list
                    filtered = children[i].children
            else:
                filtered.append(children[i])
        return inner(filtered)

    return child_filter


class _Node:
    """A prefix of token types: the parser stack after it, and how its last token was fed."""

    __slots__ = ("actions", "children", "end", "ignore", "match", "plans", "stack")

    def __init__(self, stack: tuple[int, ...], actions: tuple[int | None, ...], match: Any,
                 ignore: frozenset[str]) -> None:
        self.stack = stack
        self.actions = actions
        self.match = match
        self.ignore = ignore
        self.children: dict[str, _Node | bool] = {}
        self.end: tuple[int | None, ...] | bool | None = None
        self.plans: dict[str, Any] = {}


_MATCH_OPTIONS: dict[str, Any] = {
    "parser": "lalr", "lexer": "contextual", "start": ["start", "score_cell", "team_cell"],
    "propagate_positions": False, "maybe_placeholders": False,
}
_DATE_OPTIONS: dict[str, Any] = {"parser": "lalr", "lexer": "contextual"}


@cache
def fast_match_parser() -> FastLALR | None:
    """The match-line grammar run by ``FastLALR`` (None: use ``match_parser()``)."""
    try:
        return FastLALR(load_tables("match_line.lark", default_cache_dir(), **_MATCH_OPTIONS))
    except ValueError:
        return None


@cache
def fast_date_parser() -> FastLALR | None:
    """The date grammar run by ``FastLALR`` (None: use ``date_parser()``)."""
    try:
        return FastLALR(load_tables("date.lark", default_cache_dir(), **_DATE_OPTIONS))
    except ValueError:
        return None
