"""Start-up of the desktop application: fonts, language, logging, crash hook, window, workspace.

The window is shown first (issue 15, cold start): its frame — menus, toolbar, tabs, status bar —
is built from Qt alone, and the workspace (SQLAlchemy, the journal's use cases) starts opening on a
worker thread as the frame is painted (the painting is Qt's own work, which the import beside it
hardly slows); the journal's tab is built right after that first frame, and the last-used journal
is read as soon as the workspace is open. Nothing of the screens, the printing or the data layer is
imported on the UI thread before the first frame (tests/ui/test_startup_imports.py).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from pfdo_desktop.logging_setup import setup_logging

from .errors import alert_storage_problem, error_code, expected_message, in_ui_language, is_storage_problem
from .i18n import install_qt_gaps, install_translator
from .main_thread_gc import MainThreadGarbageCollector
from .main_window import FirstView, MainWindow, read_first_view
from .tasks import run_task, sync_pool, wait_for_all, write_pool

if TYPE_CHECKING:
    from pfdo_desktop.workspace import Workspace
    from pfdo_desktop.workspace_types import StartJournal

    from .first_run import FirstRunWizard
    from .restore_dialog import RestoreDialog

log = logging.getLogger(__name__)

FONT_FAMILY = "PT Sans"
START_JOURNAL_WAIT_S = 1.0  # the opening waits this long at most for the journal read before it
FONT_PACKAGE = "fontpkg_pt_sans"  # the fontpkg family package that ships it


def _font_files(weights: tuple[int, ...]) -> list[Path]:
    """PT Sans's files of ``weights`` (upright), from its package's own list of files
    (``fontpkg_pt_sans/metadata.json``): found without importing fontpkg, which scans every installed
    distribution's entry points (≈ 25 ms of each start); through fontpkg when that list is not there."""
    try:
        spec = importlib.util.find_spec(FONT_PACKAGE)
        if spec is None or spec.origin is None:
            raise LookupError(FONT_PACKAGE)
        root = Path(spec.origin).parent
        listed = json.loads((root / "metadata.json").read_text(encoding="utf-8"))["files"]
        files = {int(f["weight"]): root / f["path"] for f in listed
                 if f.get("style") == "normal" and not f.get("variable")}
        found = [files[weight] for weight in weights]
        if all(path.is_file() for path in found):
            return found
    except (ImportError, LookupError, OSError, ValueError, TypeError, KeyError):
        pass
    try:
        import fontpkg
    except ImportError:  # pragma: no cover - a dependency; keep the UI usable without it
        log.warning("fontpkg is missing: using the system font")
        return []
    found = []
    for weight in weights:
        try:
            found.append(Path(fontpkg.path(FONT_FAMILY, weight=weight)))
        except Exception:  # noqa: BLE001 - a missing font file must not stop the program
            log.warning("font %s %s not found", FONT_FAMILY, weight)
    return found


def install_fonts(app: QApplication) -> str | None:
    """Register the packaged PT Sans (regular and bold) and make it the application font.

    Machines without system fonts would otherwise show empty boxes instead of Cyrillic.
    """
    family = None
    for path in _font_files((400, 700)):
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else None)
    if family:
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        app.setFont(font)
    return family


class CrashHook:
    """``sys.excepthook``: log the traceback, then tell the operator where the log is."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self._showing = False

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        app = QApplication.instance()
        on_ui_thread = app is not None and QThread.currentThread() is app.thread()
        if is_storage_problem(exc) and on_ui_thread:
            # A full disk or a damaged database met outside a handler (e.g. a read on the UI
            # thread): an operator's problem with a known remedy, not a crash.
            log.error("storage problem: %s", error_code(exc))
            alert_storage_problem(in_ui_language(exc, getattr(exc, "message", None) or str(exc)))
            return
        log.critical("unexpected error: %s", error_code(exc), exc_info=(exc_type, exc, tb))
        if app is None or self._showing or not on_ui_thread:
            traceback.print_exception(exc_type, exc, tb)
            return
        self._showing = True
        try:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                "PFDO Desktop",
                app.translate("CrashHook", "Произошла непредвиденная ошибка."),
            )
            box.setInformativeText(
                app.translate(
                    "CrashHook",
                    "Ваши данные сохранены. Подробности записаны в журнал программы:\n%1\n"
                    "Отправьте этот файл в службу поддержки.",
                ).replace("%1", str(self.log_path))
            )
            box.setDetailedText("".join(traceback.format_exception_only(exc_type, exc)))
            box.exec()
        finally:
            self._showing = False


class Startup(QObject):
    """Opens the workspace (or the demo) after the window is up, then asks for enrolment."""

    def __init__(self, window: MainWindow, data_dir: Path | None, demo: bool) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = data_dir
        self.demo = demo
        self.workspace: Workspace | None = None
        self.demo_session: Any = None
        self.first_run: FirstRunWizard | None = None
        self._follows_moves = False
        self.damaged_box: QMessageBox | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.restore_button: Any = None
        self.restored_message = ""  # said once the restored database is open
        self.restored_box: QMessageBox | None = None
        self.release_sync: Any = None  # the sync lock held over a restore (``_close_for_restore``)

    def start(self) -> None:
        if self.demo:
            self.window.show_busy(self.tr("Запускаю демонстрационный портал и загружаю данные…"))
            data_dir = self.data_dir

            def start_demo(report: Any, _cancel: Any) -> Any:
                from pfdo_desktop.demo import start_demo

                return start_demo(data_dir, step=lambda text: report(text, 0, None))

            run_task(
                start_demo,
                self._on_demo_started,
                self._on_open_failed,
                progress=self._on_demo_step,
                pool=sync_pool(),
                delay_ms=0,
            )
        else:
            self.window.show_busy(self.tr("Открываю базу данных…"))
            data_dir = self.data_dir

            def read_start_journal() -> StartJournal | None:  # before the ORM loads (issue 15)
                from pfdo_desktop.workspace_types import start_journal

                return start_journal(data_dir)

            # The write pool runs one task at a time: the workspace opens right after this read, and
            # loads the ORM once that journal is painted (the window's thread and disk are the
            # journal's meanwhile; at most START_JOURNAL_WAIT_S, a window that does not paint).
            shown = threading.Event()
            self.window.start_journal_done.connect(shown.set)

            def not_read(exc: BaseException) -> None:
                shown.set()
                log.info("no journal read before the opening: %s", error_code(exc))

            run_task(read_start_journal, self.window.show_start_journal, not_read, pool=write_pool())

            def open_workspace() -> tuple[Workspace, FirstView | None]:
                shown.wait(START_JOURNAL_WAIT_S)
                from pfdo_desktop.workspace import Workspace

                workspace = Workspace.open(data_dir, window=True)  # one window per data folder
                try:  # the groups and the last-used journal, read here too: the window shows them as is
                    return workspace, read_first_view(workspace)
                except Exception as exc:  # noqa: BLE001 - the window reads them itself and says what failed
                    log.info("the first view was not read with the opening: %s", error_code(exc))
                    return workspace, None

            run_task(open_workspace, lambda opened: self._on_opened(*opened), self._on_open_failed,
                     pool=write_pool())

    def _on_demo_step(self, text: str, _done: int, _total: int | None) -> None:
        if text:
            self.window.set_message(text)

    def _on_demo_started(self, session: Any) -> None:
        self.demo_session = session
        self.window.hide_busy()
        self._on_opened(session.workspace)
        self.window.set_message(
            self.tr("Демо: портал запущен на %1, каталог для родителей — %1/catalog").replace(
                "%1", session.portal_url), ok=True
        )

    def _on_opened(self, workspace: Workspace, first: FirstView | None = None) -> None:
        self.workspace = workspace
        self.window.hide_busy()
        self.window.set_message(self.restored_message, ok=bool(self.restored_message))
        self.restored_message = ""
        self.window.enrol_requested = self.ask_enrolment
        # the demo's database is the training portal's: its folder is shown, nothing restored
        self.window.backups_requested = None if self.demo else self.show_backups
        if not self.demo and not self._follows_moves:
            self.window.data_dir_moved.connect(self._on_data_dir_moved)
            self._follows_moves = True
        self.window.set_workspace(workspace, first)
        if not workspace.enrolled:
            QTimer.singleShot(0, self.ask_enrolment)

    def _on_data_dir_moved(self, folder: object) -> None:
        self.data_dir = Path(str(folder))  # a restore offer or a restart looks there now

    def ask_enrolment(self) -> None:
        """The first-run wizard (window-modal, not blocking the event loop): connect to the portal
        and load the data, or open the training portal, or later."""
        if self.workspace is None or self.first_run is not None:
            return
        from .first_run import FirstRunWizard

        wizard = FirstRunWizard(self.workspace, parent=self.window)
        wizard.finished.connect(self._on_first_run_finished)
        self.first_run = wizard
        wizard.open()

    def _on_first_run_finished(self, _result: int) -> None:
        wizard, self.first_run = self.first_run, None
        assert wizard is not None
        wizard.deleteLater()
        outcome = wizard.outcome
        if outcome == "demo":
            self.switch_to_demo()
            return
        if outcome in ("synced", "connected"):
            # The wizard ran the first sync (or it failed there): the screens read what came.
            self.window.refresh_all()
            if outcome == "synced":
                self.window.set_message(
                    self.tr("ПК подключён: %1. Данные загружены.").replace("%1", wizard.provider_name),
                    ok=True)
            else:
                self.window.set_message(
                    self.tr("ПК подключён: %1. Данные загрузятся при следующей синхронизации.")
                    .replace("%1", wizard.provider_name))
            return
        self.window.set_message(
            self.tr("ПК не подключён к порталу: отметки сохраняются, отправить их можно после подключения."),
            error=True,
        )

    def switch_to_demo(self) -> None:
        """«Открыть учебный портал»: the demo district in its own folder (``<data>/demo``); this
        folder's database stays as it was (not connected), and the next start asks again."""
        workspace, self.workspace = self.workspace, None
        self.window.set_workspace(None)
        wait_for_all(30_000)
        if workspace is not None:
            workspace.close()
        self.demo = True
        self.window.demo = True
        self.start()

    def _on_open_failed(self, exc: BaseException) -> None:
        self.window.hide_busy()
        self.window.drop_start_journal()
        message = expected_message(exc, alert=False)
        if message is None:
            sys.excepthook(type(exc), exc, exc.__traceback__)
            message = self.tr("Не удалось открыть данные программы.")
        log.error("start-up failed: %s", error_code(exc))
        self.window.set_message(message, error=True)
        damaged = getattr(exc, "path", None) if error_code(exc) == "database_damaged" else None
        if error_code(exc) == "window_already_open":  # «Программа уже открыта с этой папкой данных»
            QMessageBox.information(self.window, "PFDO Desktop", message)
            self.window.close()
        elif damaged is not None:
            self.offer_restore(message, Path(damaged).parent)
        else:
            QMessageBox.critical(self.window, "PFDO Desktop", message)

    def offer_restore(self, message: str, data_dir: Path) -> None:
        """The database is damaged: say so and offer «Восстановить из резервной копии…»."""
        box = QMessageBox(QMessageBox.Icon.Critical, "PFDO Desktop", message,
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("damaged_database_box")
        self.restore_button = box.addButton(self.tr("Восстановить из резервной копии…"),
                                            QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Закрыть"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.restore_button)
        box.finished.connect(lambda _result: self._on_damaged_box_finished(box, data_dir))
        self.damaged_box = box
        box.open()

    def _on_damaged_box_finished(self, box: QMessageBox, data_dir: Path) -> None:
        chosen = box.clickedButton()
        self.damaged_box = None
        box.deleteLater()
        if chosen is not None and chosen is self.restore_button:
            self.show_restore_dialog(data_dir)

    def show_backups(self) -> None:
        """Файл → Резервные копии…: the copies of the open database; restoring one closes it first
        and opens the restored one (whatever the outcome, the database is opened again)."""
        if self.workspace is None or self.restore_dialog is not None:
            return
        self.show_restore_dialog(self.workspace.data_dir, live=True)

    def _close_for_restore(self) -> None:
        workspace, self.workspace = self.workspace, None
        if self.window.sync_task is not None and self.window.sync_task.running:
            self.window.sync_task.cancel()  # it stops at its next step; what it did is kept
        self.window.set_workspace(None)
        wait_for_all(30_000)  # no read or write of the old file is left
        if workspace is not None:
            workspace.close()
            from pfdo_desktop.workspace import hold_sync_lock

            self.release_sync = hold_sync_lock(workspace.data_dir)  # a scheduled sync skips its run

    def show_restore_dialog(self, data_dir: Path, live: bool = False) -> None:
        from .restore_dialog import RestoreDialog

        dialog = RestoreDialog(data_dir, parent=self.window,
                               before_restore=self._close_for_restore if live else None)
        dialog.finished.connect(lambda result: self._on_restore_finished(dialog, result))
        self.restore_dialog = dialog
        dialog.open()

    def _on_restore_finished(self, dialog: RestoreDialog, result: int) -> None:
        self.restore_dialog = None
        release, self.release_sync = self.release_sync, None
        if release is not None:
            release()
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted.value or dialog.result_info is None:
            if dialog.before_restore is not None and self.workspace is None:
                self.start()  # the restore failed after the database was closed: open it again
            return
        from .common.refusals import in_ui

        self.restored_message = in_ui(dialog.result_info.message_ru())
        box = QMessageBox(QMessageBox.Icon.Information, "PFDO Desktop", self.restored_message,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("restored_box")
        box.open()  # what was restored and where the replaced file is: more than a status line holds
        self.restored_box = box
        self.start()  # open the restored database

    def close(self) -> None:
        """At exit: stop a sync, wait for writes, close the database and the demo portal."""
        if self.window.sync_task is not None and self.window.sync_task.running:
            self.window.sync_task.cancel()
        wait_for_all(30_000)
        if self.demo_session is not None:
            self.demo_session.close()
        elif self.workspace is not None:
            self.workspace.close()


def run_gui(data_dir: Path | None, demo: bool = False) -> int:
    """Run the desktop application until its window closes; returns the exit code."""
    log_path = setup_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("PFDO Desktop")
    app.setOrganizationName("pfdo-desktop")
    install_fonts(app)
    language = install_translator(app, gaps_later=True)  # the rest right after the first frame
    sys.excepthook = CrashHook(log_path)
    collector = MainThreadGarbageCollector(app)  # Qt objects must die on the UI thread
    log.info("starting the UI (language %s, demo %s)", language, demo)

    window = MainWindow(demo=demo, screens_later=True)  # the journal's tab after the first frame
    window.first_painted.connect(lambda: install_qt_gaps(app))
    window.show()
    startup = Startup(window, data_dir, demo)
    startup.start()  # the data layer loads on a worker thread while the frame is painted
    try:
        return app.exec()
    finally:
        startup.close()
        collector.stop()
