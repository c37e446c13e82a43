"""The package's structure drawing in text: rooms (top-level modules and subpackages), the
import arrows between them, loops, and the layer of each room.

Every ``import`` of a storydesk module counts, wherever it stands: at the top, under
``if TYPE_CHECKING:`` or inside a function. A loop is a set of rooms (or files) that reach
one another; with none, every arrow runs down from a room to a lower layer.

    python tools/structure.py            # rooms by layer, arrows, loops
    python tools/structure.py --files    # the same for files
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Collection, Iterable
from pathlib import Path

PACKAGE = "storydesk"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> tuple[str, list[str]]:
    """The module an ``ImportFrom`` imports from, and the names it takes (``from .x import
    y`` may take the module ``x.y``)."""
    if node.level:
        base = module.split(".")
        if not is_package:
            base = base[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join([*base, node.module] if node.module else base)
    else:
        target = node.module or ""
    return target, [f"{target}.{a.name}" for a in node.names]


def imports_of(path: Path, files: Collection[str], root: Path = ROOT) -> set[str]:
    """Every storydesk module (in ``files``) that ``path`` imports."""
    module = module_name(path, root)
    is_package = path.name == "__init__.py"
    out: set[str] = set()

    def add(name: str) -> None:
        while name and name not in files:  # `from .x import y` names x's y, not a module
            name = name.rpartition(".")[0]
        if name and name != module:
            out.add(name)

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] == PACKAGE:
                    add(a.name)
        elif isinstance(node, ast.ImportFrom):
            target, names = _resolve(module, is_package, node)
            if not target.startswith(PACKAGE):
                continue
            submodules = [n for n in names if n in files]
            # `from . import limits` takes the submodule only; the package around it is
            # loaded already (it is the importer's own)
            for name in submodules or [target]:
                add(name)
    return out


def graph(root: Path = ROOT) -> dict[str, set[str]]:
    """File-level arrows: module -> the storydesk modules it imports."""
    files = {module_name(p, root): p for p in sorted(root.rglob("*.py"))}
    return {name: imports_of(path, files, root) for name, path in files.items()}


def room(module: str) -> str:
    """``storydesk.quotes.direct`` -> ``quotes``; ``storydesk.pipeline`` -> ``pipeline``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def rooms(arrows: dict[str, set[str]]) -> dict[str, set[str]]:
    """Room-level arrows; the package's ``__init__`` (the public API) is left out, as every
    room's import of a sibling passes through it by name only."""
    out: dict[str, set[str]] = {}
    for src, targets in arrows.items():
        a = room(src)
        if a == "__init__":
            continue
        out.setdefault(a, set())
        out[a].update(room(t) for t in targets if room(t) not in (a, "__init__"))
    return out


def loops(arrows: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on.add(v)
        for w in sorted(arrows.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    sys.setrecursionlimit(10_000)
    for v in sorted(arrows):
        if v not in index:
            visit(v)
    return sorted(found)


def layers(arrows: dict[str, set[str]]) -> dict[str, int]:
    """Each node's layer: 0 for one that imports nothing, else one above the highest it
    imports (only defined without loops)."""
    memo: dict[str, int] = {}

    def layer(v: str) -> int:
        if v not in memo:
            memo[v] = 1 + max((layer(w) for w in arrows.get(v, ())), default=-1)
        return memo[v]

    for v in arrows:
        layer(v)
    return memo


def _print(arrows: dict[str, set[str]], out: Iterable[str] = ()) -> int:
    found = loops(arrows)
    n = sum(len(t) for t in arrows.values())
    print(f"{len(arrows)} nodes, {n} arrows, {len(found)} loops")
    for comp in found:
        print("  loop:", " ".join(comp))
    if found:
        return 1
    by_layer = layers(arrows)
    for level in range(max(by_layer.values()) + 1):
        names = sorted(v for v, k in by_layer.items() if k == level)
        print(f"layer {level}: " + ", ".join(f"{v} -> {sorted(arrows[v])}" for v in names))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", action="store_true", help="files instead of rooms")
    args = parser.parse_args(argv)
    arrows = graph()
    return _print(arrows if args.files else rooms(arrows))


if __name__ == "__main__":
    raise SystemExit(main())
