"""The rooms of the house (../shared/docs/architecture.md): who may import what.

Every `.py` file of `pfdo_desktop/` and `pfdo_portal/` belongs to one room; a folder or top-level
module that is not in this table is itself reported, so a new room has to be given its rules here.

room           files                            may import of ours (besides its own room)
-------------  -------------------------------  ---------------------------------------------------
domain         pfdo_desktop/domain/             nothing; and of the rest the standard library only
models         pfdo_desktop/models/             domain
services       pfdo_desktop/services/           domain, models, and pfdo_desktop.sync.protocol (the
                                                wire schemas: services build the ops' typed payloads)
sync           pfdo_desktop/sync/               domain, models, services
printing       pfdo_desktop/printing/           domain
ui             pfdo_desktop/ui/                 domain, printing, and of the top-level modules
                                                workspace (the one door: workspace.py and
                                                workspace_types.py), demo, logging_setup, schedule,
                                                preferences — never models, services or sync (issue 11 §3)
workspace      pfdo_desktop/workspace.py (the   domain, models, services, sync, printing; preferences
               UI's one door) and workspace_types.py (the data folder) and schedule (a moved data
               (what crosses it)                folder's task is registered again)
demo           pfdo_desktop/demo.py             domain, models, services, sync, printing, workspace,
               (`--demo`: the embedded portal)  portal
cli            pfdo_desktop/cli.py              every room of the desktop (it opens the window)
__main__       pfdo_desktop/__main__.py         cli
logging_setup  pfdo_desktop/logging_setup.py    nothing
schedule       pfdo_desktop/schedule.py (the    logging_setup (the OS's task scheduler through
               sync registered with the OS)     subprocess: no Qt, no SQL); ui may read its status
preferences    pfdo_desktop/preferences.py (the nothing (the standard library: read before anything
               user's settings.json)            else, by ui, workspace and cli)
argparse_ru    pfdo_desktop/argparse_ru.py      domain (the portal's CLI uses it too)
pfdo_desktop   pfdo_desktop/__init__.py         nothing (it holds the version)
portal         pfdo_portal/                     pfdo_desktop.domain, pfdo_desktop.sync.protocol,
                                                pfdo_desktop.argparse_ru, and nothing else of the
                                                desktop through what those import in turn

The package root `pfdo_desktop` (`__version__`) may be imported by every room of the desktop but
domain. Beyond our own packages:

what       modules                                          allowed
---------  -----------------------------------------------  ---------------------------------------
Qt         PySide6, shiboken6, __feature__                  only in ui («no Qt import below ui/»)
HTTP       httpx, httpcore, requests, urllib3, aiohttp,     in pfdo_desktop/ only in sync («no HTTP
           h11, h2, http.client, urllib.request, uvicorn,   outside sync/»); the portal is the
           fastapi, starlette                               server
SQL        sqlalchemy, alembic, sqlite3, psycopg, psycopg2  not in ui («no SQL in ui/») nor in
                                                            printing («from plain rows»)
the rest   anything not in the standard library            not in domain («stdlib only»)

An import counts wherever it is written: at the top, inside a function, under `TYPE_CHECKING`,
relative (`from .. import sync` in `pfdo_desktop/ui/x.py` is `pfdo_desktop.sync`), or as
`importlib.import_module("…")` / `__import__("…")` with a literal name.
"""

from __future__ import annotations

import ast
import functools
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pfdo_desktop", "pfdo_portal")

_DESKTOP = ("domain", "models", "services", "sync", "printing")
MAY_IMPORT: dict[str, tuple[str, ...]] = {
    "domain": (),
    "models": ("domain",),
    "services": ("domain", "models"),
    "sync": ("domain", "models", "services"),
    "printing": ("domain",),
    # The UI's one door is the Workspace (issue 11 §3): no services, models or sync below it.
    "ui": ("domain", "printing", "workspace", "demo", "logging_setup", "schedule", "preferences"),
    "workspace": (*_DESKTOP, "preferences", "schedule"),
    "demo": (*_DESKTOP, "workspace", "portal"),
    "cli": (*_DESKTOP, "ui", "workspace", "demo", "logging_setup", "argparse_ru", "schedule", "preferences"),
    "__main__": ("cli",),
    "logging_setup": (),
    "schedule": ("logging_setup",),
    "preferences": (),
    "argparse_ru": ("domain",),
    "pfdo_desktop": (),
    "portal": (),
}
# The portal's window into the desktop: module prefixes, not rooms.
PORTAL_MAY_IMPORT = ("pfdo_desktop.domain", "pfdo_desktop.sync.protocol", "pfdo_desktop.argparse_ru")
# Modules a room may import beyond its rooms (prefixes): the wire schemas, which load only domain.
ALSO_MAY_IMPORT: dict[str, tuple[str, ...]] = {"services": ("pfdo_desktop.sync.protocol",)}

QT = ("PySide6", "shiboken6", "__feature__")
HTTP = ("httpx", "httpcore", "requests", "urllib3", "aiohttp", "h11", "h2", "http.client", "urllib.request",
        "uvicorn", "fastapi", "starlette")
SQL = ("sqlalchemy", "alembic", "sqlite3", "psycopg", "psycopg2")
QT_ROOMS = ("ui",)
HTTP_ROOMS = ("sync", "portal")
NO_SQL_ROOMS = ("ui", "printing")
STDLIB = frozenset(sys.stdlib_module_names) | {"__future__"}


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


@functools.cache
def _raw_imports(text: str) -> tuple[tuple[int, int, str, tuple[str, ...]], ...]:
    """(line, level, module, names) of every import statement and literal dynamic import."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, 0, alias.name, ()) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, node.level, node.module or "", tuple(a.name for a in node.names)))
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)
              and (isinstance(node.func, ast.Name) and node.func.id == "__import__"
                   or isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")):
            found.append((node.lineno, 0, node.args[0].value, ()))
    return tuple(found)


def _module_name(rel: Path) -> str:
    parts = rel.with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


# Top-level modules that belong to another module's room.
PART_OF = {"workspace_types": "workspace"}


def _room(module: str) -> str:
    """The room a module of ours belongs to (module names as in `_module_name`)."""
    parts = module.split(".")
    if parts[0] == "pfdo_portal":
        return "portal"
    return PART_OF.get(parts[1], parts[1]) if len(parts) > 1 else "pfdo_desktop"


def _imports(root: Path, rel: Path, modules: set[str]) -> Iterator[tuple[int, str]]:
    """(line, absolute module name) of each import in one file; `from a import b` names `a.b` when
    that is a module of ours, and both `a` and `a.b` when `a` is not ours (`from http import client`)."""
    module = _module_name(rel)
    package = module if rel.name == "__init__.py" else module.rpartition(".")[0]
    for line, level, name, names in _raw_imports((root / rel).read_text(encoding="utf-8")):
        if level:
            base = ".".join(package.split(".")[: len(package.split(".")) - level + 1])
            name = f"{base}.{name}" if name else base
        if not names:
            yield line, name
            continue
        ours = name.split(".")[0] in PACKAGES
        subs = [f"{name}.{n}" for n in names if n != "*"]
        submodules = [s for s in subs if s in modules] if ours else subs
        for sub in submodules:
            yield line, sub
        if not ours or len(submodules) < len(names):
            yield line, name  # a name defined in the module itself (or, for others, maybe)


def violations(root: Path) -> list[str]:
    """Every import in `root`'s pfdo_desktop/ and pfdo_portal/ that breaks the table above, one line
    each: `path:line: room imports name: the rule`."""
    files = sorted(p.relative_to(root) for pkg in PACKAGES for p in (root / pkg).rglob("*.py"))
    modules = {_module_name(rel) for rel in files}
    graph: dict[str, set[str]] = {}
    found: dict[tuple[str, int, str], str] = {}
    for rel in files:
        room = _room(_module_name(rel))
        where = rel.as_posix()
        if room not in MAY_IMPORT:
            found[where, 0, ""] = f"{where}: room {room!r} is not in the table of rooms above"
            continue
        for line, name in _imports(root, rel, modules):
            if name.split(".")[0] in PACKAGES:
                graph.setdefault(_module_name(rel), set()).add(name)
            rule = _broken_rule(room, name)
            if rule:
                found.setdefault((where, line, rule), f"{where}:{line}: {room} imports {name}: {rule}")
    return list(found.values()) + _portal_reach(graph, modules)


def _broken_rule(room: str, name: str) -> str | None:
    """The rule of the table that `room` importing `name` breaks, if any."""
    top = name.split(".")[0]
    if top in PACKAGES:
        target = _room(name)
        if room == "portal":
            if target != "portal" and not _within(name, PORTAL_MAY_IMPORT):
                return f"the portal may import only {PORTAL_MAY_IMPORT} of the desktop"
        elif not (target in (room, *MAY_IMPORT[room]) or target == "pfdo_desktop" and room != "domain"
                  or _within(name, ALSO_MAY_IMPORT.get(room, ()))):
            return f"{room} may import only {MAY_IMPORT[room] or 'its own room'}"
    elif room == "domain" and top not in STDLIB:
        return "domain uses the standard library only"
    elif _within(name, QT) and room not in QT_ROOMS:
        return "no Qt below ui/"
    elif _within(name, HTTP) and room not in HTTP_ROOMS:
        return "no HTTP outside sync/"
    elif _within(name, SQL) and room in NO_SQL_ROOMS:
        return f"no SQL in {room}/"
    return None


def _portal_reach(graph: dict[str, set[str]], modules: set[str]) -> list[str]:
    """The desktop modules the portal loads through what it may import: an import loads the packages
    around the module too, and what they import in turn. Each must be within PORTAL_MAY_IMPORT or one
    of the packages around those; an import already reported as a broken rule is not followed."""
    packages = {p.rsplit(".", n)[0] for p in PORTAL_MAY_IMPORT for n in range(1, p.count(".") + 1)}
    via: dict[str, str] = {}
    found = []
    queue = sorted(m for m in graph if _room(m) == "portal")
    while queue:
        current = queue.pop(0)
        for name in sorted(graph.get(current, ())):
            if not name.startswith("pfdo_desktop.") or _broken_rule(_room(current), name):
                continue
            parts = name.split(".")
            for reached in (".".join(parts[:n]) for n in range(1, len(parts) + 1)):
                if reached not in modules or reached in via:
                    continue
                via[reached] = current
                if _within(reached, PORTAL_MAY_IMPORT) or reached in packages:
                    queue.append(reached)
                    continue
                chain = [reached]
                while chain[-1] in via:
                    chain.append(via[chain[-1]])
                found.append(f"the portal loads {reached} ({' ← '.join(chain)}): the portal may import "
                             f"only {PORTAL_MAY_IMPORT} of the desktop")
    return found


def test_the_code_keeps_to_its_rooms():
    assert violations(ROOT) == []


# Each kind of violation, planted in a copy of the real tree: (file, code appended to it, what the
# report must say). Appended at the end, many inside a function: imports there count too.
PLANTED = [
    ("pfdo_desktop/services/children.py", "import PySide6.QtCore", "services imports PySide6.QtCore: no Qt"),
    ("pfdo_desktop/models/entities.py", "def f():\n    import shiboken6", "models imports shiboken6: no Qt"),
    ("pfdo_desktop/sync/engine.py", "from __feature__ import snake_case", "imports __feature__"),
    ("pfdo_desktop/printing/render.py", "from PySide6 import QtGui", "printing imports PySide6.QtGui"),
    ("pfdo_desktop/workspace.py", "from PySide6.QtCore import QObject", "workspace imports PySide6.QtCore"),
    ("pfdo_portal/app.py", "import PySide6", "portal imports PySide6: no Qt"),
    # a path with "sync" in it is not the sync room
    ("pfdo_desktop/ui/sync/issues.py", "import httpx", "ui imports httpx: no HTTP outside sync/"),
    ("pfdo_desktop/services/outbox.py", "def f():\n    from urllib import request",
     "services imports urllib.request: no HTTP"),
    ("pfdo_desktop/cli.py", "import http.client", "cli imports http.client: no HTTP"),
    ("pfdo_desktop/demo.py", "import uvicorn", "demo imports uvicorn: no HTTP"),
    ("pfdo_desktop/services/rows.py", "def f():\n    from ..ui import tasks",
     "services imports pfdo_desktop.ui.tasks: services may import only"),
    ("pfdo_desktop/services/rows.py", "from .. import sync", "services imports pfdo_desktop.sync:"),
    ("pfdo_desktop/models/__init__.py", "from .. import services", "models imports pfdo_desktop.services:"),
    ("pfdo_desktop/domain/money.py", "import pydantic", "domain imports pydantic: domain uses the standard"),
    ("pfdo_desktop/domain/ages.py", "def f():\n    from sqlalchemy import select",
     "domain imports sqlalchemy"),
    ("pfdo_desktop/domain/plural.py", "from ..models import entities",
     "domain imports pfdo_desktop.models.entities: domain may import only its own room"),
    ("pfdo_desktop/domain/plural.py", "from .. import __version__", "domain imports pfdo_desktop:"),
    ("pfdo_desktop/printing/text.py", "from pfdo_desktop.services import rows",
     "printing imports pfdo_desktop.services.rows"),
    ("pfdo_desktop/sync/protocol.py", "import pfdo_desktop.ui.tasks as t",
     "sync imports pfdo_desktop.ui.tasks"),
    ("pfdo_desktop/models/clock.py", "from pfdo_desktop.services.outbox import queue",
     "models imports pfdo_desktop.services.outbox"),
    ("pfdo_desktop/ui/journal/panel.py", "def f():\n    import sqlite3", "ui imports sqlite3: no SQL in ui/"),
    ("pfdo_desktop/ui/journal/model.py", "from sqlalchemy.orm import Session",
     "ui imports sqlalchemy.orm.Session: no SQL in ui/"),
    ("pfdo_desktop/printing/layout.py", "import sqlalchemy",
     "printing imports sqlalchemy: no SQL in printing/"),
    ("pfdo_desktop/ui/groups/panel.py", "from pfdo_portal import db", "ui imports pfdo_portal.db"),
    # the UI's one door is the Workspace
    ("pfdo_desktop/ui/journal/panel.py", "from pfdo_desktop.services import journal",
     "ui imports pfdo_desktop.services.journal: ui may import only"),
    ("pfdo_desktop/ui/groups/panel.py", "def f():\n    from ...models import Database",
     "ui imports pfdo_desktop.models: ui may import only"),
    ("pfdo_desktop/ui/sync/issues.py", "from ...sync import engine", "ui imports pfdo_desktop.sync.engine"),
    ("pfdo_desktop/services/groups.py", "def f():\n    import pfdo_portal.seed",
     "services imports pfdo_portal.seed"),
    ("pfdo_portal/service.py", "from pfdo_desktop.services import rows",
     "portal imports pfdo_desktop.services.rows: the portal may import only"),
    ("pfdo_portal/db.py", "from pfdo_desktop.sync import client", "portal imports pfdo_desktop.sync.client"),
    ("pfdo_portal/seed.py", "def f():\n    from pfdo_desktop import sync",
     "portal imports pfdo_desktop.sync:"),
    ("pfdo_portal/admin.py", "from pfdo_desktop import __version__", "portal imports pfdo_desktop:"),
    ("pfdo_portal/enrolment/contracts.py", "import pfdo_desktop.models",
     "portal imports pfdo_desktop.models"),
    # allowed for sync, but the portal imports protocol and would load the HTTP client with it
    ("pfdo_desktop/sync/protocol.py", "def f():\n    from . import client",
     "the portal loads pfdo_desktop.sync.client"),
    ("pfdo_desktop/sync/__init__.py", "from . import engine", "the portal loads pfdo_desktop.sync.engine"),
    ("pfdo_desktop/workspace.py", "from .ui import tasks", "workspace imports pfdo_desktop.ui.tasks"),
    ("pfdo_desktop/logging_setup.py", "def f():\n    import pfdo_desktop.ui",
     "logging_setup imports pfdo_desktop.ui:"),
    ("pfdo_desktop/argparse_ru.py", "from pfdo_desktop import workspace",
     "argparse_ru imports pfdo_desktop.workspace"),
    ("pfdo_desktop/demo.py", "from pfdo_desktop.ui import app", "demo imports pfdo_desktop.ui.app"),
    ("pfdo_desktop/__init__.py", "from . import domain", "pfdo_desktop imports pfdo_desktop.domain"),
    ("pfdo_desktop/services/journal.py",
     "import importlib\nimportlib.import_module('pfdo_desktop.sync.engine')",
     "services imports pfdo_desktop.sync.engine"),
    ("pfdo_desktop/models/base.py", "__import__('PySide6.QtWidgets')", "models imports PySide6.QtWidgets"),
    ("pfdo_desktop/reports.py", "X = 1", "room 'reports' is not in the table of rooms"),
    ("pfdo_desktop/charts/__init__.py", "X = 1", "room 'charts' is not in the table of rooms"),
]
# The planted paths that are meant to be new files (a room the table does not know); every other
# planted path edits a file that exists, or the plant would test a module nobody wrote.
PLANTED_NEW_FILES = {"pfdo_desktop/reports.py", "pfdo_desktop/charts/__init__.py"}


@pytest.fixture(scope="module")
def clean_report() -> list[str]:
    return violations(ROOT)


@pytest.mark.parametrize("path,code,expected", PLANTED, ids=[f"{p}:{c.splitlines()[-1].strip()}"
                                                            for p, c, _ in PLANTED])
def test_a_planted_violation_is_reported(tmp_path, clean_report, path, code, expected):
    for pkg in PACKAGES:
        shutil.copytree(ROOT / pkg, tmp_path / pkg, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    target = tmp_path / path
    if path in PLANTED_NEW_FILES:
        assert not (ROOT / path).exists(), f"{path} exists now: plant into it as into any other file"
        target.parent.mkdir(parents=True, exist_ok=True)
        before = ""
    else:
        assert (ROOT / path).is_file(), f"{path} is gone: plant into a file that exists"
        before = target.read_text(encoding="utf-8")
    target.write_text(before + "\n\n" + code + "\n", encoding="utf-8")

    new = [line for line in violations(tmp_path) if line not in clean_report]

    assert len(new) == 1 and expected in new[0], new


def test_what_the_rooms_may_import_is_allowed(tmp_path):
    """The other side of the planted cases: imports the table allows are not reported."""
    allowed = [
        ("pfdo_desktop/ui/sync/issues.py",
         "from ... import workspace\nfrom ...workspace_types import Changes"),
        ("pfdo_desktop/ui/app.py", "def f():\n    from __feature__ import snake_case\n    import shiboken6"),
        ("pfdo_desktop/sync/client.py", "import httpcore\nfrom pfdo_desktop import __version__"),
        ("pfdo_desktop/services/rows.py", "from ..models import entities\nfrom ..domain import money"),
        ("pfdo_portal/app.py", "from pfdo_desktop.sync import protocol\n"
                               "from pfdo_desktop import argparse_ru\n"
                               "from pfdo_desktop.domain.money import Decimal\nimport fastapi"),
        ("pfdo_desktop/domain/money.py", "import decimal\nfrom . import plural\nfrom .ages import age_on"),
        ("pfdo_desktop/cli.py", "def f():\n    from pfdo_desktop.ui.app import run_gui"),
        ("pfdo_desktop/demo.py", "def f():\n    from pfdo_portal.embedded import EmbeddedPortal"),
    ]
    for pkg in PACKAGES:
        shutil.copytree(ROOT / pkg, tmp_path / pkg, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for path, code in allowed:
        target = tmp_path / path
        target.write_text(target.read_text(encoding="utf-8") + "\n\n" + code + "\n", encoding="utf-8")

    assert violations(tmp_path) == violations(ROOT)
