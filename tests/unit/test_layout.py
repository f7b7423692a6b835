"""The layout's walls, checked on the import graph of generator/ rather than promised in prose.

Each wall keeps a part replaceable: page generation without MkDocs (so ProperDocs or Zensical
can take over), loading and checking without templates or the command line, the command line
as the only way in, and no cycles, so every folder can be read from the top of the flow down.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "generator"
MAX_MODULE_LINES = 400
# The modules every part may use; anything else belongs in a folder of its own concern.
ROOT_MODULES = {
    "__init__",
    "forking",
    "handles",
    "jinja_environment",
    "labels",  # every GitHub label: for the forms, the weekly issues and the doctor
    "markdown_safe",
    "problems",
    "reporting",
    "settings",
    "site_paths",  # section names and the ids they reserve: for pages and for the checks
    "vocabulary",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """Every module `path` imports, by full name, resolving `from x import module` too.

    Imports under `if TYPE_CHECKING:` count: a cycle in the types is still a cycle in the design.
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(
                f"{node.module}.{alias.name}"
                for alias in node.names
                if f"{node.module}.{alias.name}" in known
            )
    return found


def graph() -> dict[str, set[str]]:
    known = set(modules())
    return {name: imports_of(path, known) for name, path in modules().items()}


def internal(graph_: dict[str, set[str]]) -> dict[str, set[str]]:
    """Imports between generator's own modules; importing a package counts as its __init__."""
    return {m: {i for i in targets if i in graph_ and i != m} for m, targets in graph_.items()}


def folder_of(module: str) -> str:
    parts = module.split(".")
    is_folder = len(parts) > 2 or (len(parts) == 2 and (PACKAGE / parts[1]).is_dir())
    return parts[1] if is_folder else "(root)"


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle in a directed graph, as the list of its nodes, or None (iterative DFS)."""
    colour: dict[str, int] = defaultdict(int)  # 0 new, 1 on the stack, 2 done
    for start in sorted(edges):
        if colour[start]:
            continue
        stack = [(start, iter(sorted(edges[start])))]
        path = [start]
        colour[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                colour[node] = 2
                stack.pop()
                path.pop()
            elif colour[child] == 1:
                return [*path[path.index(child) :], child]
            elif colour[child] == 0:
                colour[child] = 1
                stack.append((child, iter(sorted(edges.get(child, ())))))
                path.append(child)
    return None


def test_no_import_cycle_between_modules() -> None:
    cycle = find_cycle(internal(graph()))
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_no_import_cycle_between_folders() -> None:
    folders: dict[str, set[str]] = defaultdict(set)
    for module, targets in internal(graph()).items():
        for target in targets:
            if folder_of(module) != folder_of(target):
                folders[folder_of(module)].add(folder_of(target))
    folders.pop("(root)", None)  # root modules are shared by all; checked on their own below
    cycle = find_cycle({k: {t for t in v if t != "(root)"} for k, v in folders.items()})
    assert cycle is None, "folders import each other: " + " -> ".join(cycle or [])


def test_root_modules_import_no_folder() -> None:
    for module, targets in internal(graph()).items():
        if folder_of(module) == "(root)" and module != "generator":
            folders = {folder_of(t) for t in targets} - {"(root)"}
            assert not folders, f"{module} is shared by all, so it cannot import {folders}"


def _importers_of(library: str) -> set[str]:
    return {
        module
        for module, targets in graph().items()
        if any(t == library or t.startswith(f"{library}.") for t in targets)
    }


@pytest.mark.parametrize(
    ("library", "allowed_folders"),
    [
        ("mkdocs", {"mkdocs_plugin"}),
        ("material", {"mkdocs_plugin"}),
        ("click", {"cli"}),
    ],
)
def test_libraries_stay_behind_their_wall(library: str, allowed_folders: set[str]) -> None:
    outside = {m for m in _importers_of(library) if folder_of(m) not in allowed_folders}
    assert not outside, f"{library} imported outside {allowed_folders}: {sorted(outside)}"


def test_loading_and_checking_use_no_templates_or_command_line() -> None:
    for library in ("jinja2", "click", "mkdocs"):
        bad = {m for m in _importers_of(library) if folder_of(m) in {"loading", "checking"}}
        assert not bad, f"{library} imported by {sorted(bad)}"


def test_nothing_imports_the_command_line() -> None:
    bad = {
        module
        for module, targets in internal(graph()).items()
        if folder_of(module) != "cli" and any(folder_of(t) == "cli" for t in targets)
    }
    assert not bad, f"only the console script may use generator.cli: {sorted(bad)}"


def test_no_module_over_the_size_limit() -> None:
    long = {
        name: lines
        for name, path in modules().items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not long, f"split these by job (over {MAX_MODULE_LINES} lines): {long}"


def test_root_holds_only_the_shared_modules() -> None:
    root = {p.stem for p in PACKAGE.glob("*.py")}
    assert root <= ROOT_MODULES, f"give these a folder of their concern: {root - ROOT_MODULES}"


def test_the_cycle_finder_finds_cycles() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a"}}) is None
