"""«Настройки» (Сервис → Настройки…, issue 14): the interface language (applied on restart), the
automatic sync while the app is open, the portal this PC works with and «Проверить соединение»,
the data and backup folders (opened in the file manager).

The language and the interval are the user's preferences (``preferences.py``); the portal and the
folders are the workspace's, shown here. The connection check runs off the UI thread and says in
Russian what to do when it fails (``SyncError``'s message: no network, wrong address, not a
portal).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.workspace_types import PortalCheck

from . import preferences
from .common.styles import MUTED_STYLE, message_style
from .tasks import QueryOp

if TYPE_CHECKING:
    from pfdo_desktop.workspace import Workspace


class SettingsDialog(QDialog):
    def __init__(self, workspace: Workspace | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Настройки"))
        self.workspace = workspace
        self.prefs = preferences.load()
        self.restart_needed = False

        self.language = QComboBox()
        self.language.addItem("Русский", "ru")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(self.prefs.language)))
        self.language_note = QLabel(self.tr("Язык меняется после перезапуска программы."))
        self.language_note.setStyleSheet(MUTED_STYLE)

        self.sync_every = QComboBox()
        for minutes in preferences.SYNC_EVERY_MINUTES:
            text = (self.tr("только вручную") if minutes == 0 else
                    self.tr("каждые %1 мин").replace("%1", str(minutes)) if minutes < 60 else
                    self.tr("каждые %1 ч").replace("%1", str(minutes // 60)))
            self.sync_every.addItem(text, minutes)
        self.sync_every.setCurrentIndex(max(0, self.sync_every.findData(self.prefs.sync_every_minutes)))


        device = workspace.device() if workspace is not None else None
        self.portal = QLineEdit(device.portal_url if device is not None and device.portal_url else "")
        self.portal.setReadOnly(True)
        self.portal.setPlaceholderText(self.tr("не подключён"))
        self.check_button = QPushButton(self.tr("Проверить соединение"))
        self.check_button.clicked.connect(self.check_connection)
        self.check_button.setEnabled(bool(self.portal.text()))
        self.check_result = QLabel()
        self.check_result.setWordWrap(True)
        portal_row = QHBoxLayout()
        portal_row.addWidget(self.portal, 1)
        portal_row.addWidget(self.check_button)

        self.data_dir = QLabel(str(workspace.data_dir) if workspace is not None else "—")
        self.backups_dir = QLabel(str(workspace.backups_dir) if workspace is not None else "—")
        for label in (self.data_dir, self.backups_dir):
            label.setWordWrap(True)
        open_data = QPushButton(self.tr("Открыть папку"))
        open_data.clicked.connect(lambda: self._open(self.data_dir.text()))
        open_backups = QPushButton(self.tr("Открыть папку"))
        open_backups.clicked.connect(lambda: self._open(self.backups_dir.text()))
        open_data.setEnabled(workspace is not None)
        open_backups.setEnabled(workspace is not None)

        form = QFormLayout()
        form.addRow(self.tr("Язык интерфейса:"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Синхронизировать, пока программа открыта:"), self.sync_every)
        form.addRow(self.tr("Портал:"), portal_row)
        form.addRow("", self.check_result)
        self.schedule = QLabel(self.tr("Проверяю…") if workspace is not None else "—")
        self.schedule.setWordWrap(True)
        self.schedule.setToolTip(self.tr("Включается командой pfdo-desktop schedule install"))
        form.addRow(self.tr("Синхронизация по расписанию:"), self.schedule)
        form.addRow(self.tr("Папка данных:"), self._with(self.data_dir, open_data))
        form.addRow(self.tr("Резервные копии:"), self._with(self.backups_dir, open_backups))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())
        if workspace is not None:
            self._read_schedule(workspace.data_dir)

    def _read_schedule(self, data_dir: Path) -> None:
        """The OS's timer for this data folder (``pfdo-desktop schedule``): how often, the next and
        the last run — asked off the UI thread (it runs the OS's tool)."""
        from pfdo_desktop.schedule import ScheduleStatus, schedule_status

        def show(status: ScheduleStatus) -> None:
            if not status.installed:
                self.schedule.setText(self.tr("не настроена (pfdo-desktop schedule install)"))
                return
            parts = [status.interval_ru()]
            if status.next_run is not None:
                parts.append(self.tr("следующая %1").replace("%1", f"{status.next_run:%d.%m.%Y %H:%M}"))
            if status.last_run is not None:
                parts.append(self.tr("последняя %1 (%2)").replace("%1", f"{status.last_run:%d.%m.%Y %H:%M}")
                             .replace("%2", status.last_result or "—"))
            self.schedule.setText("; ".join(parts))

        QueryOp(self, lambda: schedule_status(data_dir), show).failure(
            lambda exc: self.schedule.setText(getattr(exc, "message", None) or str(exc))).run_in_background()

    @staticmethod
    def _with(label: QLabel, button: QPushButton) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(label, 1)
        box.addWidget(button)
        return row

    def _open(self, folder: str) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

    @Slot()
    def check_connection(self) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        self.check_button.setEnabled(False)
        self.check_result.setStyleSheet(MUTED_STYLE)
        self.check_result.setText(self.tr("Проверяю…"))

        def done(check: PortalCheck) -> None:
            self.check_button.setEnabled(True)
            self.check_result.setStyleSheet(message_style(False))
            text = self.tr("Портал «%1» отвечает (%2 мс).")
            text = text.replace("%1", check.portal_name).replace("%2", str(check.milliseconds))
            self.check_result.setText(text)

        def failed(exc: BaseException) -> None:
            self.check_button.setEnabled(True)
            self.check_result.setStyleSheet(message_style(True))
            self.check_result.setText(getattr(exc, "message", None) or str(exc))

        QueryOp(self, workspace.check_portal, done).failure(failed).run_in_background()

    def accept(self) -> None:
        chosen = preferences.Preferences(self.language.currentData(), self.sync_every.currentData())
        self.restart_needed = chosen.language != self.prefs.language
        preferences.save(chosen)
        self.prefs = chosen
        super().accept()


__all__ = ["SettingsDialog"]
