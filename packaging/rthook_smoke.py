"""PyInstaller runtime hook: an end-to-end self-check of the *built* app, inert unless asked.

With ``PFDO_SMOKE_REPORT=<file>`` in the environment the built app, once its event loop runs,
watches its own main window: the first paint, the demo portal's address in the status bar (and
that the portal answers ``/api/sync/v1/info``), the groups and the journal's rows. When all are
there (or after ``PFDO_SMOKE_SECONDS``, 90 by default) it writes what it saw as JSON to the file
and closes the window, so the app leaves through its ordinary exit path (sync stopped, database
and demo portal closed) and the exit code tells whether that was clean. ``PFDO_SMOKE_T0`` (a
``time.time()`` taken by the launcher) makes ``first_paint_s`` a cold-start time, and
``journal_paint_s`` the time the journal's first rows were painted (the last-used journal opened,
or the first group's when none was remembered): the first paint of the journal table's viewport
while its model has rows, taken once that paint has been delivered. ``PFDO_SMOKE_UNTIL=journal``
ends the check as soon as that paint is seen (a start timed by benchmarks/packaging_bench.py, no
portal to wait for).

It lives in the build, not in the sources, so the package under test is exactly the one shipped;
without the variable it costs one ``os.environ`` look-up. Used by tests/packaging and
benchmarks/packaging_bench.py.
"""

import os


def _install_smoke_check(report_path: str) -> None:
    import json
    import re
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    started = time.time()
    t0 = float(os.environ.get("PFDO_SMOKE_T0") or started)
    deadline = started + float(os.environ.get("PFDO_SMOKE_SECONDS") or 90)
    seen: dict[str, object] = {"first_paint_s": None, "portal_url": None, "portal_answered": False,
                               "groups": 0, "journal_rows": 0, "journal_title": "", "journal_paint_s": None,
                               "error": None}

    class PaintWatcher(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and seen["first_paint_s"] is None:
                seen["first_paint_s"] = round(time.time() - t0, 4)
                QApplication.instance().removeEventFilter(self)  # every event through Python: only until then
            return False

    watcher = PaintWatcher()

    def journal_painted() -> None:  # a zero timer: runs once the paint under way has been delivered
        if seen["journal_paint_s"] is None:
            seen["journal_paint_s"] = round(time.time() - t0, 4)

    class JournalWatcher(QObject):
        def __init__(self, table):
            super().__init__(table)
            self.table = table

        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and self.table.model().rowCount() > 0:
                obj.removeEventFilter(self)
                QTimer.singleShot(0, journal_painted)
            return False

    journal_watchers: list[QObject] = []

    def main_window():
        for widget in QApplication.topLevelWidgets():
            if hasattr(widget, "journal_panel") and hasattr(widget, "groups_panel"):
                return widget
        return None

    def finish(window) -> None:
        seen["elapsed_s"] = round(time.time() - started, 3)
        with open(report_path, "w", encoding="utf-8") as out:
            json.dump(seen, out, ensure_ascii=False)
        if window is not None:
            window.close()  # the last window: app.exec() returns and run_gui cleans up
        else:
            QApplication.quit()

    def check() -> None:
        window = main_window()
        try:
            if window is not None:
                if not journal_watchers:
                    table = window.journal_panel.table
                    journal_watchers.append(JournalWatcher(table))
                    table.viewport().installEventFilter(journal_watchers[0])
                text = window.message_label.text()
                match = re.search(r"http://127\.0\.0\.1:\d+", text)
                if match and not seen["portal_answered"]:
                    import urllib.request  # only with a portal to ask: a start is not timed with it

                    seen["portal_url"] = match.group(0)
                    with urllib.request.urlopen(match.group(0) + "/api/sync/v1/info", timeout=5) as answer:
                        seen["portal_answered"] = answer.status == 200
                groups = window.groups_panel
                seen["groups"] = groups.model.rowCount()
                if seen["groups"] and groups.selected_group() is None:
                    groups.table.selectRow(0)  # what a user does first: pick a group
                journal = window.journal_panel
                seen["journal_rows"] = journal.table.model().rowCount()
                seen["journal_title"] = journal.title_label.text()
        except Exception as exc:  # report, never a crash dialog from the check itself
            seen["error"] = f"{type(exc).__name__}: {exc}"
            finish(window)
            return
        done = (seen["first_paint_s"] is not None and seen["portal_answered"]
                and seen["groups"] and seen["journal_rows"] and seen["journal_paint_s"] is not None)
        if os.environ.get("PFDO_SMOKE_UNTIL") == "journal":
            done = seen["journal_paint_s"] is not None
        if done or time.time() > deadline:
            finish(window)
        else:
            QTimer.singleShot(100, check)

    original_exec = QApplication.exec

    def exec_with_smoke_check(*_self):  # app.exec() passes the instance; Qt's exec() takes none
        QApplication.instance().installEventFilter(watcher)
        QTimer.singleShot(0, check)
        return original_exec()

    QApplication.exec = exec_with_smoke_check


if os.environ.get("PFDO_SMOKE_REPORT"):
    _install_smoke_check(os.environ["PFDO_SMOKE_REPORT"])
