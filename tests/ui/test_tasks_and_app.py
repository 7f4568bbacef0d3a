"""Background tasks, the crash hook and the whole start-up through `run_gui`."""

from __future__ import annotations

import inspect
import logging
import sys
import threading

import httpx
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from pfdo_desktop.ui.tasks import PROGRESS_DELAY_MS, idle, run_task, sync_pool, write_pool


def test_results_arrive_on_the_ui_thread(qtbot):
    seen = {}

    def work():
        seen["worker"] = QThread.currentThread()
        return 42

    with qtbot.waitSignal(
        run_task(work, lambda r: seen.update(result=r, ui=QThread.currentThread())).finished
    ):
        pass
    assert seen["result"] == 42
    assert seen["ui"] is QApplication.instance().thread()
    assert seen["worker"] is not seen["ui"]


def test_errors_go_to_on_error(qtbot):
    errors = []
    task = run_task(lambda: 1 / 0, lambda _r: None, errors.append, pool=sync_pool())
    qtbot.waitUntil(lambda: not task.running)
    assert isinstance(errors[0], ZeroDivisionError)


# The progress delay runs on the task's own timer (style.md: 600 ms). The tests below give it an
# hour, so real time never runs it out, and run it out themselves when they mean to (its timeout).
AN_HOUR_MS = 3_600_000


def _delay_timer(task) -> QTimer:
    (timer,) = task.findChildren(QTimer)
    assert timer.isSingleShot() and timer.isActive()
    return timer


def test_progress_waits_600_ms_by_default():
    assert inspect.signature(run_task).parameters["delay_ms"].default == PROGRESS_DELAY_MS == 600


def test_progress_shows_only_once_the_delay_has_run_out_and_cancel_reaches_the_worker(qtbot):
    calls, results = [], []
    go = threading.Event()

    def slow(report, cancel):
        go.wait(30)
        report("push", 1, 2)
        return cancel.wait(30)

    task = run_task(slow, results.append, None, progress=lambda *a: calls.append(a), pool=write_pool(),
                    delay_ms=AN_HOUR_MS)
    timer = _delay_timer(task)
    assert timer.interval() == AN_HOUR_MS
    with qtbot.waitSignal(task.progressed, timeout=10_000):
        go.set()
    assert calls == []  # the worker reported, but the delay has not run out yet

    timer.timeout.emit()  # the delay runs out
    assert calls == [("push", 1, 2)]  # the latest report, shown at once
    task.report("push", 2, 2)
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=10_000)
    assert calls[1] == ("push", 2, 2)  # from now on every report is shown

    task.cancel()
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert results == [True]  # the worker saw the cancel


def test_a_quick_task_never_flashes_a_progress_bar(qtbot):
    calls, results, destroyed = [], [], []
    go = threading.Event()

    def quick(report, cancel):
        go.wait(30)
        report("push", 1, 2)
        return "done"

    task = run_task(quick, results.append, None, progress=lambda *a: calls.append(a), delay_ms=AN_HOUR_MS)
    timer = _delay_timer(task)
    task.finished.connect(timer.timeout.emit)  # the delay runs out the moment the task ends
    task.destroyed.connect(lambda: destroyed.append(True))
    with qtbot.waitSignal(task.finished, timeout=10_000):
        go.set()
    qtbot.waitUntil(lambda: bool(destroyed), timeout=10_000)  # and the timer with it: nothing later
    assert results == ["done"]
    assert calls == []


def test_crash_hook_logs_and_tells_where_the_log_is(qtbot, tmp_path, monkeypatch):
    from pfdo_desktop.logging_setup import setup_logging
    from pfdo_desktop.ui.app import CrashHook

    log_path = setup_logging(directory=tmp_path / "logs")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()) or 0)
    hook = CrashHook(log_path)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        hook(*sys.exc_info())
    assert str(log_path) in shown[0]
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "RuntimeError: boom" in log_path.read_text(encoding="utf-8")


def test_run_gui_demo_opens_the_window_then_the_demo_workspace(qtbot, qapp, data_dir, monkeypatch):
    """The whole start: window first, the demo portal in the background, data in the journal."""
    from pfdo_desktop.ui import app as app_module
    from pfdo_desktop.ui.main_window import MainWindow

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    seen = {}

    def check():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(50, check)
            return
        window = windows[0]
        seen.setdefault("title_before", window.windowTitle())
        seen.setdefault("had_workspace_at_show", window.workspace is not None)
        if window.workspace is None or window.groups_panel.model.rowCount() == 0 or not idle():
            QTimer.singleShot(100, check)  # (the status bar and the title are read in the background)
            return
        seen["title"] = window.windowTitle()
        seen["groups"] = window.groups_panel.model.rowCount()
        seen["journal"] = window.journal_panel.group is not None
        seen["message"] = window.message_label.text()
        catalog = seen["message"].rsplit(" ", 1)[-1]
        seen["catalog"] = httpx.get(catalog, timeout=20).text if catalog.startswith("http") else ""
        window.close()

    QTimer.singleShot(0, check)
    timer = threading.Timer(60, lambda: QTimer.singleShot(0, qapp.quit))  # never hang the suite
    timer.start()
    try:
        code = app_module.run_gui(data_dir, demo=True)
    finally:
        timer.cancel()
    assert code == 0
    assert seen["had_workspace_at_show"] is False  # the window came before the database
    assert seen["title_before"].endswith("(демо)")
    assert seen["title"].startswith("PFDO Desktop — ") and seen["title"].endswith("(демо)")
    assert seen["groups"] > 0 and seen["journal"]
    assert seen["message"].startswith("Демо: портал запущен на http://127.0.0.1:")
    assert seen["message"].endswith("/catalog")  # the parents' pages of the demo district
    assert "Каталог программ" in seen["catalog"]


def test_a_database_from_a_newer_version_is_refused_with_a_russian_message(qtbot, data_dir,
                                                                         monkeypatch):
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    from pfdo_desktop.ui.app import Startup
    from pfdo_desktop.ui.main_window import MainWindow
    from pfdo_desktop.ui.tasks import wait_for_all
    from pfdo_desktop.workspace import Workspace

    Workspace.open(data_dir).close()
    con = sqlite3.connect(data_dir / "pfdo.sqlite3")
    con.execute("update alembic_version set version_num = '9999_future'")
    con.commit()
    con.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    startup = Startup(window, data_dir, demo=False)
    startup.start()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    wait_for_all(5_000)
    assert "более новой версией" in shown[0] and "Установите последнюю версию" in shown[0]
    assert startup.workspace is None  # nothing was opened, nothing was touched


def test_qt_objects_in_garbage_cycles_die_on_the_ui_thread(qtbot):
    """A worker that allocates a lot must not collect a cycle holding a Qt object (a crash)."""
    import gc
    import threading

    from PySide6.QtCore import QObject

    assert not gc.isenabled()  # the collector of the app (and of these tests) is installed
    destroyed_on: list[str] = []

    class Holder:
        pass

    holder = Holder()
    holder.me = holder  # a cycle: only the cyclic collector can free it
    holder.obj = QObject()
    holder.obj.destroyed.connect(lambda: destroyed_on.append(threading.current_thread().name))
    del holder
    kept: list[list[object]] = []
    worker = threading.Thread(target=lambda: kept.extend([] for _ in range(50_000)), name="worker")
    worker.start()
    worker.join()
    assert destroyed_on == []  # the busy worker allocated far past the threshold, yet left it
    qtbot.waitUntil(lambda: bool(destroyed_on), timeout=5_000)  # the UI thread's timer collects
    assert destroyed_on == ["MainThread"]
