"""The window comes before the data layer: building it loads neither the ORM nor HTTP (issue 15,
cold start: a start pays for what its first screen needs, and the rest loads when first used)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("sqlalchemy", "alembic", "httpx", "pydantic", "openpyxl")
# What the first frame, the workspace and the last-used journal never need: the printing
# (ReportLab, Pillow through it, the PDF preview's pdfium), the XLSX export, the sync's HTTP and
# keyring, the migrations, the reference portal.
NEVER_AT_START = ("alembic", "httpx", "keyring", "reportlab", "PIL", "openpyxl", "pypdfium2", "pfdo_portal")


def _run(code: str, *args: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_ui_and_the_types_it_takes_from_the_workspace_load_no_orm_and_no_http():
    """The main window and every screen import without SQLAlchemy, httpx or pydantic: the window
    is shown first and the workspace (≈ 300 ms of ORM) opens right after on a worker thread
    (setup-notes.md, «Speed facts»). The UI takes its rows, errors and `Changes` from
    `workspace_types`, which must stay light — it replaced the loaders that imported the services
    on first use."""
    code = (
        "import sys, json, pfdo_desktop.ui.app, pfdo_desktop.workspace_types; "
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))"
    )
    assert _run(code) == []


FIRST_FRAME = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from pfdo_desktop.ui.app import install_fonts
from pfdo_desktop.ui.i18n import install_translator
from pfdo_desktop.ui.main_window import MainWindow

app = QApplication(sys.argv)
install_fonts(app)
install_translator(app)
window = MainWindow(screens_later=True)  # as run_gui builds it
window.show()
seen = {}

class FirstPaint(QObject):  # the first Paint the application delivers: the window's first frame
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen["modules"] = sorted(m for m in sys.modules if m.split(".")[0] in (
                "sqlalchemy", "alembic", "httpx", "pydantic", "keyring", "reportlab", "openpyxl",
                "pypdfium2", "pfdo_portal", "fontpkg") or m.startswith((
                "pfdo_desktop.ui.", "pfdo_desktop.workspace", "pfdo_desktop.services",
                "pfdo_desktop.models", "pfdo_desktop.sync", "pfdo_desktop.printing")))
            seen["journal_built"] = window.screens_built
        return False

def after_first_frame():
    seen["journal_built_after"] = window.screens_built
    app.quit()

watcher = FirstPaint()
app.installEventFilter(watcher)
window.first_painted.connect(after_first_frame)
app.exec()
print(json.dumps(seen))
"""


def test_the_first_frame_of_the_window_is_painted_before_any_screen_or_the_data_layer_is_loaded():
    """What the operator sees first — the window with its menus, toolbar, tabs and status bar —
    is built from Qt alone: no screen's module, no workspace types, no ORM, HTTP, pydantic,
    keyring, printing or fonts package is imported on the UI thread before that frame; the
    journal's tab is built right after it."""
    seen = _run(FIRST_FRAME)
    assert (seen["journal_built"], seen["journal_built_after"]) == (False, True)
    assert seen["modules"] == ["pfdo_desktop.ui.app", "pfdo_desktop.ui.errors", "pfdo_desktop.ui.i18n",
                               "pfdo_desktop.ui.main_thread_gc", "pfdo_desktop.ui.main_window",
                               "pfdo_desktop.ui.preferences", "pfdo_desktop.ui.sync",
                               "pfdo_desktop.ui.sync.progress", "pfdo_desktop.ui.tasks"]


JOURNAL_SHOWN = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import pfdo_desktop.ui.app as app_module
from pfdo_desktop.ui.journal.panel import JournalPanel
from pfdo_desktop.ui.tasks import idle

seen = {}
shown = JournalPanel._show_journal

def show_journal(panel, journal, keep):  # the journal's first rows reach the screen
    if journal is not None and journal.children and "journal" not in seen:
        window = panel.window()
        seen["journal"] = [journal.group.id, panel.month.isoformat()]
        seen["tabs_then"] = sorted(window._screens)
    shown(panel, journal, keep)

JournalPanel._show_journal = show_journal

def watch():
    windows = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow"]
    window = windows[0] if windows else None
    if window is not None and "journal" in seen:
        if len(window._screens) == window.tabs.count() and idle():  # every tab built and read
            seen["modules"] = sorted({m.split(".")[0] for m in sys.modules})
            window.close()
            return
    QTimer.singleShot(20, watch)

QTimer.singleShot(0, watch)
QTimer.singleShot(60_000, QApplication.quit)  # never hang the test run
code = app_module.run_gui(Path(sys.argv[1]))
print(json.dumps(seen))
"""


def test_a_start_opens_the_last_used_journal_first_and_loads_nothing_it_does_not_need(enrolled_workspace):
    """A start on a synced school reopens the journal last shown (its group, its month) before any
    other tab is built; once every tab is built and has read what it shows, none of the printing,
    the XLSX export, the sync's HTTP and keyring, the migrations (the database is current) or the
    portal has been loaded: they load when first used."""
    ws = enrolled_workspace
    groups = ws.groups()
    group = groups[-1]  # not the first of the list: the start must reopen it, not default to it
    month = group.date_from.replace(day=1)
    ws.remember_journal(group.id, month)
    seen = _run(JOURNAL_SHOWN, str(Path(ws.data_dir)))
    assert seen["journal"] == [group.id, month.isoformat()]
    assert seen["tabs_then"] == [0]  # the journal's tab only: the others are built after it
    assert set(seen["modules"]) & set(NEVER_AT_START) == set()
    assert "sqlalchemy" in seen["modules"]  # the data layer did load: the journal is read through it
