"""«Доступна версия X.Y» (issue 14 §5): a notice in the status bar, shown when the portal published
a newer PFDO Desktop at the last sync, and its dialog — the notes, «Скачать» (in the background,
with progress), then «Установить», which checks the file's SHA-256 once more and asks the OS to
open it (the OS opens the installer; the program runs nothing itself), and «Позже».

Nothing is downloaded before the operator presses «Скачать». The notice reads the workspace after
each sync (the main window calls ``refresh``).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.domain.updates import UpdateInfo

from .errors import error_code, expected_message
from .tasks import CollectionOp, QueryOp, Report, Task, alive, sync_pool

if TYPE_CHECKING:
    from pfdo_desktop.workspace import Workspace

log = logging.getLogger(__name__)

LINK_STYLE = "QPushButton { color: #1a5fb4; text-decoration: underline; border: none; padding: 0 6px; }"


class UpdateNotice(QPushButton):
    """The status bar's «Доступна версия X.Y»: hidden while there is nothing newer; a click opens
    `UpdateDialog`."""

    def __init__(self, workspace: Callable[[], Workspace | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.update_info: UpdateInfo | None = None
        self.dialog: UpdateDialog | None = None
        self.setFlat(True)
        self.setStyleSheet(LINK_STYLE)
        self.setToolTip(self.tr("Портал опубликовал новую версию программы: что в ней нового и как её "
                                "установить"))
        self.hide()
        self.clicked.connect(self.on_clicked)

    @Slot()
    def refresh(self) -> None:
        """Read again whether a newer version is published (in the background)."""
        workspace = self._workspace()
        if workspace is None:
            self.show_update(None)
            return
        QueryOp(self, workspace.available_update, self.show_update).failure(self._on_read_failed) \
            .run_in_background()

    def show_update(self, info: UpdateInfo | None) -> None:
        self.update_info = info
        if info is None:
            self.hide()
            return
        self.setText(self.tr("Доступна версия %1").replace("%1", info.version))
        self.show()

    def _on_read_failed(self, exc: BaseException) -> None:
        log.info("reading the published version failed: %s", error_code(exc))
        self.show_update(None)

    @Slot()
    def on_clicked(self) -> None:
        workspace = self._workspace()
        if workspace is None or self.update_info is None:
            return
        if self.dialog is not None and alive(self.dialog) and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        self.dialog = UpdateDialog(workspace, self.update_info, self.window())
        self.dialog.show()


class UpdateDialog(QDialog):
    """What is new in the published version, and «Скачать» / «Установить» / «Позже»."""

    def __init__(self, workspace: Workspace, info: UpdateInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.info = info
        self.downloaded: Path | None = None
        self.task: Task | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a download under way is cancelled
        self.setWindowTitle(self.tr("Доступна версия %1").replace("%1", info.version))
        self.resize(520, 380)

        self.title_label = QLabel(self.tr("Портал опубликовал PFDO Desktop %1. Что нового:")
                                  .replace("%1", info.version))
        self.title_label.setWordWrap(True)
        self.notes_view = QPlainTextEdit()  # plain text: the portal's words are shown, never rendered
        self.notes_view.setReadOnly(True)
        self.notes_view.setPlainText(info.notes or self.tr("Портал не описал изменения."))
        self.status_label = QLabel(self.tr("Файл установки скачивается только по кнопке «Скачать» и "
                                           "проверяется по контрольной сумме портала."))
        self.status_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.hide()

        self.download_button = QPushButton(self.tr("Скачать"))
        self.download_button.setDefault(True)
        self.download_button.clicked.connect(self.on_download_button_clicked)
        self.install_button = QPushButton(self.tr("Установить"))
        self.install_button.setToolTip(self.tr("Открыть проверенный файл установки (его откроет система)"))
        self.install_button.hide()
        self.install_button.clicked.connect(self.on_install_button_clicked)
        self.later_button = QPushButton(self.tr("Позже"))
        self.later_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.download_button, self.install_button, self.later_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.notes_view, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress_bar)
        layout.addLayout(buttons)

    # --- download -----------------------------------------------------------------------------

    @Slot()
    def on_download_button_clicked(self) -> None:
        if self.task is not None and self.task.running:
            return
        workspace = self.workspace

        def work(report: Report, cancel: threading.Event) -> Path:
            return workspace.download_update(report, cancel)

        self.download_button.setEnabled(False)
        self.status_label.setText(self.tr("Скачиваю…"))
        # The sync pool: one transfer at a time, a slow line is not split between a download and a sync.
        self.task = (
            CollectionOp.reporting(self, work, self._on_progress)
            .success(self._on_downloaded)
            .failure(self._on_failed)
            .run_in_background(pool=sync_pool())
        )

    def _on_progress(self, _stage: str, done: int, total: int | None) -> None:
        if not alive(self) or self.task is None or not self.task.running:
            return
        self.progress_bar.show()
        if total:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(min(1000, done * 1000 // total))
        else:
            self.progress_bar.setRange(0, 0)
        megabytes = f"{done / 1_000_000:.1f}"
        self.status_label.setText(self.tr("Скачано %1 МБ…").replace("%1", megabytes))

    def _on_downloaded(self, path: Path) -> None:
        self.downloaded = path
        self.progress_bar.hide()
        self.status_label.setText(self.tr("Файл скачан и проверен: %1. Нажмите «Установить», затем "
                                          "закройте программу, чтобы установщик мог её обновить.")
                                  .replace("%1", str(path)))
        self.download_button.hide()
        self.install_button.show()
        self.install_button.setDefault(True)

    def _on_failed(self, exc: BaseException) -> None:
        self.progress_bar.hide()
        self.download_button.setEnabled(True)
        self.download_button.show()
        message = expected_message(exc)
        log.info("update download refused: %s", error_code(exc))
        self.status_label.setText(message or self.tr("Не удалось скачать новую версию из-за внутренней "
                                                     "ошибки."))
        if message is None:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    # --- install ------------------------------------------------------------------------------

    @Slot()
    def on_install_button_clicked(self) -> None:
        path = self.downloaded
        if path is None:
            return
        workspace = self.workspace
        self.install_button.setEnabled(False)
        QueryOp(self, lambda: workspace.verify_update(path), self._open_installer) \
            .failure(self._on_install_failed).run_in_background()

    def _open_installer(self, path: Path) -> None:
        self.install_button.setEnabled(True)
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            log.info("installer of version %s handed to the system", self.info.version)
            self.status_label.setText(self.tr("Установщик открыт. Закройте программу, чтобы он мог "
                                              "заменить её файлы."))
        else:
            self.status_label.setText(self.tr("Система не открыла файл. Откройте его сами: %1")
                                      .replace("%1", str(path)))

    def _on_install_failed(self, exc: BaseException) -> None:
        self.downloaded = None
        self.install_button.hide()
        self.install_button.setEnabled(True)
        self.download_button.setEnabled(True)
        self.download_button.show()
        self._on_failed(exc)

    # --- closing ------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        """«Позже» (or Esc) stops a download under way; what was fetched of it is deleted."""
        if self.task is not None and self.task.running:
            self.task.cancel()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.task is not None and self.task.running:
            self.task.cancel()
        super().closeEvent(event)
