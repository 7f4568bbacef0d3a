"""The window comes before the data layer: building it loads neither the ORM nor HTTP."""

from __future__ import annotations

import os
import subprocess
import sys

HEAVY = ("sqlalchemy", "alembic", "httpx", "pydantic", "openpyxl")


def test_the_ui_and_the_types_it_takes_from_the_workspace_load_no_orm_and_no_http():
    """The main window and every screen import without SQLAlchemy, httpx or pydantic: the window
    is shown first and the workspace (≈ 300 ms of ORM) opens right after on a worker thread
    (setup-notes.md, «Speed facts»). The UI takes its rows, errors and `Changes` from
    `workspace_types`, which must stay light — it replaced the loaders that imported the services
    on first use."""
    code = (
        "import sys, pfdo_desktop.ui.app, pfdo_desktop.workspace_types; "
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "[]", done.stdout
