"""The rooms of the house (architecture.md): who may import what."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "pfdo_desktop"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            base = ".".join(path.relative_to(ROOT).with_suffix("").parts[: -node.level])
            names.add(f"{base}.{node.module}" if node.module else base)
    return names


def _files(room: str) -> list[Path]:
    return sorted((PKG / room).rglob("*.py"))


@pytest.mark.parametrize("room", ["domain", "models", "services", "sync", "printing"])
def test_no_qt_below_ui(room):
    for path in _files(room):
        assert not any(n.startswith("PySide6") for n in _imports(path)), path


def test_domain_uses_the_standard_library_only():
    allowed = set(sys.stdlib_module_names) | {"pfdo_desktop"}
    for path in _files("domain"):
        for name in _imports(path):
            top = name.split(".")[0]
            assert top in allowed, f"{path}: {name}"
            if top == "pfdo_desktop":
                assert name.startswith("pfdo_desktop.domain"), f"{path}: {name}"


def test_http_only_in_sync():
    for path in PKG.rglob("*.py"):
        if "sync" in path.relative_to(PKG).parts:
            continue
        assert not any(n.split(".")[0] in {"httpx", "urllib3", "requests"} for n in _imports(path)), path


@pytest.mark.parametrize("room,forbidden", [
    ("models", ("pfdo_desktop.services", "pfdo_desktop.sync", "pfdo_desktop.ui", "pfdo_desktop.printing")),
    ("services", ("pfdo_desktop.sync", "pfdo_desktop.ui", "pfdo_desktop.printing")),
    ("sync", ("pfdo_desktop.ui", "pfdo_desktop.printing")),
    ("printing", ("pfdo_desktop.models", "pfdo_desktop.services", "pfdo_desktop.sync", "pfdo_desktop.ui")),
])
def test_rooms_import_only_what_they_may(room, forbidden):
    for path in _files(room):
        for name in _imports(path):
            assert not name.startswith(forbidden), f"{path}: {name}"


def test_no_sql_in_ui():
    for path in _files("ui"):
        assert not any(n.split(".")[0] == "sqlalchemy" for n in _imports(path)), path
