"""Start the desktop app (or packaging/bare_window.py) from the checkout and time it from outside:
the first painted frame, the groups' list filled, and a journal usable (its table holding the
children's rows and painted). Used by benchmarks/start_bench.py; not part of the app.

    python -m benchmarks.start_probe app|bare REPORT [app arguments…]

``PFDO_PROBE_T0`` is the launcher's ``time.time()`` taken right before the process was created;
every time in the report counts from it. The probe watches as packaging/rthook_smoke.py does (an
application-wide event filter until the first Paint, then a 10 ms timer), and does what a user
does: when the groups' list is filled and no group is selected, it picks the first group (the app
reopens the last-used journal itself, or selects the first group). When the journal has rows and
has painted them — and the groups' list is filled, which a start showing the last-used journal
first does after it (waited for ``GROUPS_AFTER_S`` more at most) — or at ``PFDO_PROBE_SECONDS``, it
writes the report (JSON) and closes the window: the app leaves through its own exit path.
"""

from __future__ import annotations

import json
import os
import runpy
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GROUPS_AFTER_S = 5.0  # after the journal's paint, how long the groups' list is waited for (its time)


def install(mode: str, report_path: str) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    t0 = float(os.environ.get("PFDO_PROBE_T0") or time.time())
    deadline = time.time() + float(os.environ.get("PFDO_PROBE_SECONDS") or 60)
    seen: dict[str, Any] = {"first_paint_s": None, "groups_s": None, "picked_s": None,
                            "journal_rows_s": None, "journal_paint_s": None, "journal_rows": 0,
                            "picked_by_probe": False, "error": None}

    def now() -> float:
        return round(time.time() - t0, 4)

    class PaintWatcher(QObject):
        def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and seen["first_paint_s"] is None:
                seen["first_paint_s"] = now()
                QApplication.instance().removeEventFilter(self)
            return False

    class JournalPaint(QObject):
        def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and seen["journal_paint_s"] is None:
                seen["journal_paint_s"] = now()
            return False

    watcher, journal_paint = PaintWatcher(), JournalPaint()
    state: dict[str, Any] = {"viewport": None}

    def main_window() -> Any:
        for widget in QApplication.topLevelWidgets():
            if hasattr(widget, "journal_panel") and hasattr(widget, "groups_panel"):
                return widget
        return None

    def finish(window: Any) -> None:
        if state["viewport"] is not None:
            state["viewport"].removeEventFilter(journal_paint)
        Path(report_path).write_text(json.dumps(seen), encoding="utf-8")
        if window is not None:
            window.close()
        else:
            QApplication.quit()

    def check() -> None:
        if mode == "bare":
            if seen["first_paint_s"] is not None or time.time() > deadline:
                finish(None)
            else:
                QTimer.singleShot(10, check)
            return
        window = main_window()
        try:
            if window is not None and seen["first_paint_s"] is not None:
                groups = window.groups_panel
                if groups.model.rowCount() and seen["groups_s"] is None:
                    seen["groups_s"] = now()
                journal = window.journal_panel
                rows = journal.table.model().rowCount() if journal.table.model() is not None else 0
                if rows and seen["journal_rows_s"] is None:
                    seen["journal_rows_s"] = now()
                    seen["journal_rows"] = rows
                    seen["journal_paint_s"] = None  # the paint of the rows, not of the empty table
                    state["viewport"] = journal.table.viewport()
                    state["viewport"].installEventFilter(journal_paint)
                    state["viewport"].update()
                elif not rows and seen["groups_s"] is not None and groups.selected_group() is None:
                    groups.table.selectRow(0)  # what a user does first: pick a group
                    seen["picked_s"] = now()
                    seen["picked_by_probe"] = True
        except Exception as exc:  # report, never a crash dialog from the probe itself
            seen["error"] = f"{type(exc).__name__}: {exc}"
            finish(window)
            return
        # the groups' list (a diagnostic: a start shows the last-used journal before it) is waited
        # for a little after the journal
        painted = seen["journal_paint_s"]
        if painted is not None and (seen["groups_s"] is not None or now() > painted + GROUPS_AFTER_S) \
                or time.time() > deadline:
            finish(window)
        else:
            QTimer.singleShot(10, check)

    original_exec = QApplication.exec

    def exec_with_probe(*_args: Any) -> int:
        QApplication.instance().installEventFilter(watcher)
        QTimer.singleShot(0, check)
        return original_exec()

    QApplication.exec = exec_with_probe  # type: ignore[method-assign]


def main() -> int:
    mode, report, *args = sys.argv[1:]
    install(mode, report)
    if mode == "bare":
        os.environ["PFDO_SMOKE_REPORT"] = report  # bare_window.py then leaves the closing to the watcher
        sys.argv = [str(ROOT / "packaging" / "bare_window.py")]
        runpy.run_path(sys.argv[0], run_name="__main__")
        return 0
    from pfdo_desktop.cli import main as app_main

    return app_main(args)


if __name__ == "__main__":
    sys.exit(main())
