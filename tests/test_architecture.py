"""The layout ARCHITECTURE.md describes: no import cycle inside ``parser``, no module
reaching into another's underscore names, every reader registered, the stages in place."""

from __future__ import annotations

import ast
from pathlib import Path

from parser.read.forms import FORMS
from parser.readers import READERS

PACKAGE = Path(__file__).resolve().parent.parent / "parser"
STAGES = ("read", "guard", "markup", "grammar", "flat", "wikitext", "model", "schema",
          "checks", "formats", "batch", "cli")


def _modules() -> dict[str, Path]:
    found = {}
    for file in PACKAGE.rglob("*.py"):
        parts = list(file.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = file
    return found


def _imports(modules: dict[str, Path]) -> tuple[dict[str, set[str]], list[str]]:
    """Module-level and function-level import edges, and cross-module underscore uses."""
    graph: dict[str, set[str]] = {name: set() for name in modules}
    private: list[str] = []
    for name, file in modules.items():
        package = name if file.name == "__init__.py" else name.rsplit(".", 1)[0]
        tree = ast.parse(file.read_text(encoding="utf-8"))
        aliases: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")
                if node.level > 1:
                    base = base[: len(base) - node.level + 1]
                target = (".".join(base + ([node.module] if node.module else []))
                          if node.level else node.module or "")
                if not target.startswith("parser"):
                    continue
                for alias in node.names:
                    if f"{target}.{alias.name}" in modules:
                        graph[name].add(f"{target}.{alias.name}")
                        aliases[alias.asname or alias.name] = f"{target}.{alias.name}"
                    elif target in modules:
                        graph[name].add(target)
                        if (alias.name.startswith("_") and not alias.name.startswith("__")
                                and target != name):
                            private.append(f"{name} imports {alias.name} from {target}")
            elif isinstance(node, ast.Import):
                graph[name].update(a.name for a in node.names if a.name in modules)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in aliases and node.attr.startswith("_")
                    and not node.attr.startswith("__")):
                private.append(f"{name} uses {node.value.id}.{node.attr}")
    return graph, private


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (iterative Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    item = stack.pop()
                    on_stack.discard(item)
                    component.append(item)
                    if item == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycle_inside_the_package() -> None:
    graph, _ = _imports(_modules())
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_uses_another_modules_underscore_names() -> None:
    _, private = _imports(_modules())
    assert private == []


def test_every_form_but_auto_has_a_reader() -> None:
    assert set(FORMS) - {"auto"} == set(READERS)


def test_the_folder_listing_names_the_stages() -> None:
    listed = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert set(STAGES) <= listed
    architecture = (PACKAGE.parent / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for stage in listed:
        assert f"parser/{stage}/" in architecture, f"ARCHITECTURE.md does not describe {stage}/"
