"""The portal's rooms (issue 11 §4): every module imports on its own in a fresh interpreter, and the
imports between the portal's modules — every import statement, inside functions too — form no
cycle. A function-level import that dodges a cycle is still a cycle here."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "pfdo_portal"


def package_modules(root: Path, package: str) -> dict[str, Path]:
    """Dotted name → file of every module of ``package`` under ``root`` (a package by its name)."""
    out: dict[str, Path] = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def imported_modules(module: str, path: Path, known: set[str]) -> set[str]:
    """The modules of ``known`` that ``module`` imports anywhere in its file (relative imports
    resolved against its package; ``from x import y`` names the module ``x.y`` when there is one)."""
    is_package = path.name == "__init__.py"
    here = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = here.split(".")
                base_parts = base_parts[: len(base_parts) - (node.level - 1)]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                targets.append(sub if sub in known else base)
        for target in targets:
            # «import a.b.c» runs a.b.c; the nearest known module is what the name stands for.
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != module:
                found.add(target)
    return found


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    modules = package_modules(root, package)
    known = set(modules)
    return {name: imported_modules(name, path, known) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as a path that ends where it starts, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state and (cycle := visit(nxt)) is not None:
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)) is not None:
            return cycle
    return None


# ``__main__`` runs the command line when imported (``python -m pfdo_portal``): it is only in the graph.
MODULES = sorted(name for name in package_modules(ROOT, PACKAGE) if not name.endswith(".__main__"))


@pytest.mark.parametrize("module", MODULES)
def test_each_portal_module_imports_alone_in_a_fresh_interpreter(module):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = "import importlib, sys; print(importlib.import_module(sys.argv[1]).__file__)"
    done = subprocess.run([sys.executable, "-c", code, module], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()).resolve().is_relative_to(ROOT / PACKAGE)  # this tree's portal


def test_the_portal_imports_form_no_cycle():
    graph = import_graph(ROOT, PACKAGE)
    assert "pfdo_portal.db" in graph["pfdo_portal.service"]  # the checker sees the real imports
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " → ".join(cycle or ())


def test_only_the_command_line_and_the_emulator_take_anything_from_the_demo_generator():
    """The portal's rules never depend on the demo district: the region's codes live in
    ``region.py`` and ``seed.py`` takes them from there, not the other way round. Besides the
    command line, only the Navigator emulator's seeding (a test double filled with the same
    fictional district, issue 16) reads the generator."""
    graph = import_graph(ROOT, PACKAGE)
    users = sorted(name for name, imported in graph.items() if "pfdo_portal.seed" in imported)
    assert users == ["pfdo_portal.cli", "pfdo_portal.navigator_emulator.seeding"]


def _plant(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_the_checker_finds_a_cycle_hidden_in_a_function_and_resolves_relative_imports(tmp_path):
    _plant(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/service.py": "def push():\n    from .sub import commands  # dodges the cycle at import time\n",
        "pkg/base.py": "X = 1\n",
        "pkg/sub/__init__.py": "",
        "pkg/sub/commands.py": "from .. import base\nfrom ..service import push\nimport pkg.sub.helpers\n",
        "pkg/sub/helpers.py": "from ..base import X\n",
    })
    graph = import_graph(tmp_path, "pkg")
    assert graph["pkg.sub.commands"] == {"pkg.base", "pkg.service", "pkg.sub.helpers"}
    assert graph["pkg.sub.helpers"] == {"pkg.base"}
    assert graph["pkg.service"] == {"pkg.sub.commands"}
    assert find_cycle(graph) == ["pkg.service", "pkg.sub.commands", "pkg.service"]


def test_the_checker_passes_a_tree_without_a_cycle(tmp_path):
    _plant(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/base.py": "",
        "pkg/ops.py": "from . import base\nfrom .sub import commands\n",
        "pkg/service.py": "from .ops import apply\n",
        "pkg/sub/__init__.py": "",
        "pkg/sub/commands.py": "from ..base import X\n",
    })
    graph = import_graph(tmp_path, "pkg")
    assert graph["pkg.ops"] == {"pkg.base", "pkg.sub.commands"}
    assert find_cycle(graph) is None
