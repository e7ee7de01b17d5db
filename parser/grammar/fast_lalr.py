"""``FastLALR``: Lark's LALR tables and contextual-lexer patterns run without Lark.

The tables come from ``tables_of`` (plain data, cached by ``parser/grammar_cache.py``);
the trees it builds are shaped exactly as Lark's for the same grammar, which the tests
check against ``Lark.parse``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any


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
