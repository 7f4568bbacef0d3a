"""«Настройки» (Сервис → Настройки…, issue 14 §2), four tabs:

- «Общие»: the interface language (applied on restart), the automatic sync while the app is open;
- «Портал»: the portal this PC works with and «Проверить соединение», the scheduled sync's next and
  last run, «Отключить ПК от портала…»; for a PC connected to a regional «Навигатор» (issue 16), what
  a «уважительная причина» is sent there as («не был» or «болел»: the Navigator has three codes);
- «Данные»: the data folder («Открыть папку», «Перенести…»), the backup folder («Изменить…», «Как
  обычно») and how many days of daily copies are kept;
- «Печать»: the printer the print dialog starts on and two-sided printing (the paper is A4: the
  forms have no other size).

The language, the interval, the printer and two-sided printing are the user's preferences
(``pfdo_desktop/preferences.py``), saved by «Сохранить». The backup folder and the count are the data
folder's (``Workspace.set_backup_settings``), and so is the Navigator's code for a «уважительная
причина» (``Workspace.set_navigator_excused_code``): «Сохранить» applies them in the background (a new
backup folder gets a copy at once; a folder that cannot take one keeps the dialog open with the
reason). Moving the
data folder and disconnecting act at once, after a confirmation, in the background; the workspace is
reopened in place on the new folder (``Workspace.move_data_folder``). The main window learns what
happened from ``data_dir_moved_to`` / ``data_dir_moved`` and ``disconnected`` /
``portal_disconnected``; the screens refresh through the operations' `Changes`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.domain.attendance import NAVIGATOR_EXCUSED_CHOICES, AttendanceCode
from pfdo_desktop.workspace_types import PortalCheck

from . import preferences
from .common.refusals import in_ui
from .common.styles import MUTED_STYLE, WARN_STYLE, message_style
from .errors import expected_message
from .tasks import CollectionOp, QueryOp

if TYPE_CHECKING:
    from pfdo_desktop.workspace import DataFolderMove, Workspace

log = logging.getLogger(__name__)

KEEP_DAYS = (7, 14, 30, 60)  # as Workspace.BACKUP_KEEP_CHOICES (the dialog loads no ORM to know it)


def _printers() -> list[str]:
    from .printing.preview import available_printers

    return available_printers()


class SettingsDialog(QDialog):
    data_dir_moved = Signal(object)  # Path: the data are there now (the workspace reopened in place)
    portal_disconnected = Signal()  # the PC forgot its portal: offer to connect again

    def __init__(self, workspace: Workspace | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Настройки"))
        self.workspace = workspace
        self.prefs = preferences.load()
        self.restart_needed = False
        self.data_dir_moved_to: Path | None = None
        self.disconnected = False
        self.confirm_box: QMessageBox | None = None  # the confirmation on screen (move, disconnect)
        self.busy = False

        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), self.tr("Общие"))
        self.tabs.addTab(self._portal_tab(), self.tr("Портал"))
        self.tabs.addTab(self._data_tab(), self.tr("Данные"))
        self.tabs.addTab(self._printing_tab(), self.tr("Печать"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.resize(700, self.sizeHint().height())
        if workspace is not None:
            self._read_schedule(workspace.data_dir)

    # --- the tabs -----------------------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
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

        tab, form = self._form_tab()
        form.addRow(self.tr("Язык интерфейса:"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Синхронизировать, пока программа открыта:"), self.sync_every)
        return tab

    def _portal_tab(self) -> QWidget:
        workspace = self.workspace
        device = workspace.device() if workspace is not None else None
        self.navigator = workspace is not None and workspace.is_navigator()
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

        self.schedule = QLabel(self.tr("Проверяю…") if workspace is not None else "—")
        self.schedule.setWordWrap(True)
        self.schedule.setToolTip(self.tr("Включается командой pfdo-desktop schedule install"))

        self.disconnect_button = QPushButton(self.tr("Отключить ПК от Навигатора…") if self.navigator
                                             else self.tr("Отключить ПК от портала…"))
        self.disconnect_button.clicked.connect(self.on_disconnect_button_clicked)
        self.disconnect_button.setEnabled(bool(device is not None and device.device_id))
        disconnect_note = QLabel(self.tr(
            "Пароль и ключи доступа к Навигатору удаляются с этого ПК; данные остаются. Подключить ПК "
            "снова можно e-mail и паролем организации.") if self.navigator else self.tr(
            "Ключ доступа к порталу удаляется с этого ПК; данные остаются. Подключить ПК снова можно "
            "новым кодом подключения."))
        disconnect_note.setWordWrap(True)
        disconnect_note.setStyleSheet(MUTED_STYLE)
        self.disconnect_result = QLabel()
        self.disconnect_result.setWordWrap(True)

        # The Navigator: «Проверить соединение» asks a PFDO portal who it is, which a Navigator does not
        # answer; the first sync says whether the Navigator lets the account in.
        self.check_button.setVisible(not self.navigator)

        # «Уважительная причина»: the Navigator has «был», «не был», «болел» only.
        self.excused = QComboBox()
        self.excused.setObjectName("navigator_excused")
        names = {int(AttendanceCode.ABSENT): self.tr("«не был»"),
                 int(AttendanceCode.SICK): self.tr("«болел»")}
        for code in NAVIGATOR_EXCUSED_CHOICES:
            self.excused.addItem(names[code], code)
        self._saved_excused = workspace.navigator_excused_code() if workspace is not None and self.navigator \
            else NAVIGATOR_EXCUSED_CHOICES[0]
        self.excused.setCurrentIndex(max(0, self.excused.findData(self._saved_excused)))
        self.excused_note = QLabel(self.tr(
            "В Навигаторе у посещения три отметки: был, не был, болел. Отметка «уважительная причина» "
            "из журнала уходит туда как выбранная здесь, а на этом ПК остаётся уважительной. Отметки, "
            "уже отправленные, не меняются."))
        self.excused_note.setWordWrap(True)
        self.excused_note.setStyleSheet(MUTED_STYLE)
        # How many requests a push sends at once: the region's server is shared (≈ 5 s a request).
        self.at_once = QSpinBox()
        self.at_once.setObjectName("navigator_at_once")
        self.at_once.setRange(1, 5)
        self._saved_at_once = workspace.navigator_at_once() if workspace is not None and self.navigator else 3
        self.at_once.setValue(self._saved_at_once)
        self.at_once.setToolTip(self.tr(
            "Сколько отметок отправлять в Навигатор одновременно. Сервер Навигатора общий на весь регион: "
            "больше 3 — только если так разрешил региональный оператор."))

        tab, form = self._form_tab()
        self.portal_form = form
        form.addRow(self.tr("Навигатор:") if self.navigator else self.tr("Портал:"), portal_row)
        form.addRow("", self.check_result)
        # Two lines: one would widen the label column of the whole tab.
        form.addRow(self.tr("Уважительная причина\nотправляется в Навигатор как:"), self.excused)
        form.addRow("", self.excused_note)
        form.addRow(self.tr("Запросов к Навигатору\nодновременно:"), self.at_once)
        form.setRowVisible(self.excused, self.navigator)
        form.setRowVisible(self.excused_note, self.navigator)
        form.setRowVisible(self.at_once, self.navigator)
        form.addRow(self.tr("Синхронизация по расписанию:"), self.schedule)
        form.addRow("", self.disconnect_button)
        form.addRow("", disconnect_note)
        form.addRow("", self.disconnect_result)
        return tab

    def _data_tab(self) -> QWidget:
        workspace = self.workspace
        self.data_dir = QLabel(str(workspace.data_dir) if workspace is not None else "—")
        self.backups_dir = QLabel("—")
        for label in (self.data_dir, self.backups_dir):
            label.setWordWrap(True)
        open_data = QPushButton(self.tr("Открыть папку"))
        open_data.clicked.connect(lambda: self._open(self.data_dir.text()))
        self.move_button = QPushButton(self.tr("Перенести…"))
        self.move_button.setToolTip(self.tr("Перенести базу и резервные копии в другую папку или на другой "
                                            "диск"))
        self.move_button.clicked.connect(self.on_move_button_clicked)
        self.move_result = QLabel()
        self.move_result.setWordWrap(True)
        open_backups = QPushButton(self.tr("Открыть папку"))
        open_backups.clicked.connect(lambda: self._open(self.backups_dir.text()))
        self.backups_button = QPushButton(self.tr("Изменить…"))
        self.backups_button.setToolTip(self.tr(
            "Другой диск или флешка: копии переживут поломку этого диска. В копиях — персональные данные "
            "детей (ФИО, СНИЛС, даты рождения) без шифрования: храните флешку под замком или используйте "
            "зашифрованную (например, BitLocker To Go)."))
        self.backups_button.clicked.connect(self.on_backups_button_clicked)
        self.backups_default_button = QPushButton(self.tr("Как обычно"))
        self.backups_default_button.setToolTip(self.tr("Папка backups в папке данных"))
        self.backups_default_button.clicked.connect(self.on_backups_default_button_clicked)
        self.backups_note = QLabel()
        self.backups_note.setWordWrap(True)
        self.keep_daily = QComboBox()
        for days in KEEP_DAYS:
            self.keep_daily.addItem(self.tr("%1 дней").replace("%1", str(days)), days)
        keep_note = QLabel(self.tr(
            "Лишние ежедневные копии удаляются, начиная с самых старых; копии перед обновлением "
            "программы и после подключения к порталу хранятся отдельно."))
        keep_note.setWordWrap(True)
        keep_note.setStyleSheet(MUTED_STYLE)

        self.backup_folder: Path | None = None  # chosen here, saved by «Сохранить»; None: backups/
        self._saved_backups: tuple[Path | None, int] = (None, KEEP_DAYS[0])
        for widget in (open_data, self.move_button, open_backups, self.backups_button,
                       self.backups_default_button, self.keep_daily):
            widget.setEnabled(workspace is not None)
        if workspace is not None:
            settings = workspace.backup_settings()
            self.backup_folder = workspace.chosen_backups_dir() if settings.folder else None
            self._saved_backups = (self.backup_folder, settings.keep_daily)
            self.keep_daily.setCurrentIndex(max(0, self.keep_daily.findData(settings.keep_daily)))
            self.move_button.setEnabled(not workspace.is_demo)
            if workspace.is_demo:
                self.move_result.setStyleSheet(MUTED_STYLE)
                self.move_result.setText(self.tr("Учебные данные не переносятся."))
        self.keep_daily.currentIndexChanged.connect(lambda _i: self._show_backup_folder())
        self._show_backup_folder()

        tab, form = self._form_tab()
        form.addRow(self.tr("Папка данных:"), self._row(self.data_dir, open_data, self.move_button))
        form.addRow("", self.move_result)
        backups_row = self._row(self.backups_dir, open_backups, self.backups_button,
                                self.backups_default_button)
        form.addRow(self.tr("Резервные копии:"), backups_row)
        form.addRow("", self.backups_note)
        form.addRow(self.tr("Хранить ежедневные копии:"), self.keep_daily)
        form.addRow("", keep_note)
        return tab

    def _printing_tab(self) -> QWidget:
        self.printer = QComboBox()
        self.printer.addItem(self.tr("Принтер по умолчанию системы"), "")
        names = _printers()
        for name in names:
            self.printer.addItem(name, name)
        if self.prefs.printer and self.prefs.printer not in names:
            self.printer.addItem(self.tr("%1 (сейчас не найден)").replace("%1", self.prefs.printer),
                                 self.prefs.printer)
        self.printer.setCurrentIndex(max(0, self.printer.findData(self.prefs.printer)))
        self.duplex = QCheckBox(self.tr("Печатать на обеих сторонах листа (если принтер умеет)"))
        self.duplex.setChecked(self.prefs.duplex)
        paper = QLabel(self.tr(
            "Бумага — A4: все формы программы рассчитаны на A4 (журнал и реестр договоров — альбомные). "
            "Принтер и двусторонняя печать выбираются заранее в окне печати; там же их можно изменить "
            "для одного документа."))
        paper.setWordWrap(True)
        paper.setStyleSheet(MUTED_STYLE)
        if not names:
            paper.setText(paper.text() + " " + self.tr(
                "Принтеры в системе не найдены: документ можно сохранить в PDF."))

        tab, form = self._form_tab()
        form.addRow(self.tr("Принтер:"), self.printer)
        form.addRow("", self.duplex)
        form.addRow("", paper)
        return tab

    @staticmethod
    def _form_tab() -> tuple[QWidget, QFormLayout]:
        """A tab whose rows stay at the top (the space left goes below them)."""
        tab = QWidget()
        outer = QVBoxLayout(tab)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        return tab, form

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        # Wrapped notes were measured before the dialog had its width: their text sits at the top of
        # the room they were given, not in its middle.
        for label in self.findChildren(QLabel):
            if label.wordWrap():
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    @staticmethod
    def _row(label: QLabel, *buttons: QPushButton) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(label, 1)
        for button in buttons:
            box.addWidget(button)
        return row

    def _open(self, folder: str) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

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

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.buttons.setEnabled(not busy)
        for button in (self.move_button, self.backups_button, self.backups_default_button,
                       self.disconnect_button):
            button.setEnabled(not busy and self.workspace is not None)
        if not busy and self.workspace is not None:
            self.move_button.setEnabled(not self.workspace.is_demo)
            self.disconnect_button.setEnabled(not self.disconnected and bool(self.portal.text()))

    @staticmethod
    def _message(exc: BaseException) -> str:
        return expected_message(exc, alert=False) or getattr(exc, "message", None) or str(exc)

    # --- «Проверить соединение» ---------------------------------------------------------------------

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

    # --- «Отключить ПК от портала» ------------------------------------------------------------------

    @Slot()
    def on_disconnect_button_clicked(self) -> None:
        """Count what the portal has not got yet (off the UI thread), then ask."""
        workspace = self.workspace
        if workspace is None:
            return
        self._set_busy(True)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self._say(self.disconnect_result, self._message(exc), "error")

        QueryOp(self, workspace.unsent_count, self.confirm_disconnect).failure(failed).run_in_background()

    def confirm_disconnect(self, unsent: int) -> None:
        """The confirmation: what happens; with unsent changes, their count, «сначала синхронизируйте»
        and an explicit «Отключить всё равно»."""
        self._set_busy(False)
        text = self.tr(
            "После отключения ПК перестанет синхронизироваться: пароль и ключи доступа к Навигатору будут "
            "удалены из хранилища паролей этого ПК, а при следующем запуске программа предложит "
            "подключиться заново (нужны e-mail и пароль организации в Навигаторе). Журнал, дети и заявки "
            "останутся на этом ПК.\n\n"
            "Если компьютер передают другой организации, удалите папку данных (или перенесите её на "
            "носитель своей организации) — в ней персональные данные ваших детей — и смените пароль "
            "организации в Навигаторе. Новая организация подключается в своей папке данных.") \
            if self.navigator else self.tr(
            "После отключения ПК перестанет синхронизироваться: ключ доступа к порталу будет удалён из "
            "хранилища паролей этого ПК, а при следующем запуске программа предложит подключиться заново "
            "(нужен новый одноразовый код из муниципального опорного центра). Журнал, дети и заявки "
            "останутся на этом ПК. На портале запись об этом ПК остаётся, пока её не отзовёт опорный "
            "центр.\n\n"
            "Если компьютер передают другой организации, этого мало: попросите опорный центр отозвать "
            "этот ПК и удалите папку данных (или перенесите её на носитель своей организации) — в ней "
            "персональные данные ваших детей. Новая организация подключается в своей папке данных.")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Отключить ПК от портала"), text,
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("disconnect_box")
        if unsent:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setInformativeText(self.tr(
                "На портал ещё не отправлено изменений: %1. Сначала синхронизируйте, чтобы они дошли до "
                "портала. Если отключить всё равно, они останутся на этом ПК и уйдут, когда его снова "
                "подключат к тому же порталу и той же организации.").replace("%1", str(unsent)))
            go = box.addButton(self.tr("Отключить всё равно"), QMessageBox.ButtonRole.DestructiveRole)
        else:
            go = box.addButton(self.tr("Отключить"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Отмена"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        self.confirm_box = box
        box.buttonClicked.connect(lambda clicked: self._disconnect(bool(unsent)) if clicked is go else None)
        box.open()

    def _disconnect(self, force: bool) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        self._set_busy(True)
        self._say(self.disconnect_result, self.tr("Отключаю…"))

        def done(unsent: Any) -> None:
            self.disconnected = True
            self.portal.clear()
            self.check_button.setEnabled(False)
            self.check_result.clear()
            self._set_busy(False)
            text = self.tr("ПК отключён от Навигатора. Чтобы подключить его снова, выберите «Сервис → "
                           "Подключить к порталу» и введите e-mail и пароль организации.") if self.navigator \
                else self.tr("ПК отключён от портала. Чтобы подключить его снова, выберите «Сервис → "
                             "Подключить к порталу» и введите новый код.")
            if unsent:
                kept = self.tr("Не отправлено на портал: %1 — изменения сохранены на этом ПК.")
                text += " " + kept.replace("%1", str(unsent))
            self._say(self.disconnect_result, text, "ok")
            self.portal_disconnected.emit()

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self._say(self.disconnect_result, self._message(exc), "error")

        CollectionOp(self, lambda: workspace.disconnect(force=force)).success(done).failure(failed) \
            .run_in_background()

    # --- «Перенести…» ------------------------------------------------------------------------------

    def choose_folder(self, title: str, start: Path) -> Path | None:
        """A folder from the system's dialog (where «Создать папку» is); None when cancelled."""
        name = QFileDialog.getExistingDirectory(self, title, str(start))
        return Path(name) if name else None

    @Slot()
    def on_move_button_clicked(self) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        title = self.tr("Новая папка данных (пустая или новая)")
        target = self.choose_folder(title, workspace.data_dir.parent)
        if target is not None:
            self.confirm_move(target)

    def confirm_move(self, target: Path) -> QMessageBox:
        assert self.workspace is not None
        text = self.tr(
            "Перенести данные программы из папки %1 в папку %2?\n\nПрограмма скопирует базу, резервные "
            "копии и журналы, проверит копию и дальше будет работать с новой папкой; прежняя папка будет "
            "удалена только после успешной проверки. Синхронизация по расписанию будет перенесена на новую "
            "папку. Во время переноса работать с программой нельзя.") \
            .replace("%1", str(self.workspace.data_dir)).replace("%2", str(target))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Перенести папку данных"), text,
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("move_box")
        go = box.addButton(self.tr("Перенести"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Отмена"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        self.confirm_box = box
        box.buttonClicked.connect(lambda button: self.move_data(target) if button is go else None)
        box.open()
        return box

    def move_data(self, target: Path) -> None:
        """Move in the background (on the write pool: after every edit queued before it)."""
        workspace = self.workspace
        if workspace is None:
            return
        self._set_busy(True)
        self._say(self.move_result, self.tr("Переношу данные…"))

        def progress(stage: str, done: int, total: int | None) -> None:
            if stage:
                self._say(self.move_result, in_ui(stage) + (f" {done}/{total}" if total else ""))

        def work(report: Any, _cancel: Any) -> DataFolderMove:
            return workspace.move_data_folder(target, progress=report)

        def moved(result: DataFolderMove) -> None:
            self._set_busy(False)
            self.data_dir_moved_to = result.target
            self.data_dir.setText(str(result.target))
            if self.backup_folder is not None and not self.backup_folder.exists():
                self.backup_folder = workspace.chosen_backups_dir()  # one inside the folder moved with it
                self._saved_backups = (self.backup_folder, self._saved_backups[1])
            self._show_backup_folder()
            self._say(self.move_result, result.message_ru(),
                      "warn" if result.old_kept or result.schedule_advice else "ok")
            self._read_schedule(result.target)
            self.data_dir_moved.emit(result.target)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self._say(self.move_result, self._message(exc), "error")

        op = CollectionOp.reporting(self, work, progress).success(moved).failure(failed)
        op.run_in_background(delay_ms=0)

    # --- the backup folder ------------------------------------------------------------------------

    def _show_backup_folder(self) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        default = workspace.data_dir / "backups"
        shown = self.backup_folder or default
        self.backups_dir.setText(str(shown))
        self.backups_default_button.setEnabled(self.backup_folder is not None and not self.busy)
        if self.backup_folder is not None and not self.backup_folder.is_dir():
            away = self.tr("Папка сейчас недоступна (диск или флешка не подключены): копии сохраняются в %1.")
            self._say(self.backups_note, away.replace("%1", str(default)), "warn")
        elif (self.backup_folder, self.keep_daily.currentData()) != self._saved_backups:
            self._say(self.backups_note, self.tr("Изменение вступит в силу после «Сохранить»: в новую папку "
                                                 "сразу будет сделана копия."))
        else:
            self.backups_note.clear()

    @Slot()
    def on_backups_button_clicked(self) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        folder = self.choose_folder(self.tr("Папка для резервных копий"), self.backup_folder or Path.home())
        if folder is None:
            return
        self.backup_folder = None if folder == workspace.data_dir / "backups" else folder
        self._show_backup_folder()

    @Slot()
    def on_backups_default_button_clicked(self) -> None:
        self.backup_folder = None
        self._show_backup_folder()

    @staticmethod
    def _say(label: QLabel, text: str, kind: str = "muted") -> None:
        """``kind``: muted (under way), ok, warn (done, but look), error."""
        styles = {"ok": message_style(False), "warn": WARN_STYLE, "error": message_style(True)}
        label.setStyleSheet(styles.get(kind, MUTED_STYLE))
        label.setText(text)

    # --- «Сохранить» ----------------------------------------------------------------------------------

    def reject(self) -> None:
        if self.busy:
            return  # a move, a disconnection or a copy under way: its result is said here when it ends
        super().reject()

    def accept(self) -> None:
        if self.busy:
            return
        self.restart_needed = self.language.currentData() != self.prefs.language
        self.prefs = preferences.update(language=self.language.currentData(),
                                        sync_every_minutes=self.sync_every.currentData(),
                                        printer=self.printer.currentData(), duplex=self.duplex.isChecked())
        workspace = self.workspace
        chosen = (self.backup_folder, int(self.keep_daily.currentData()))
        excused = int(self.excused.currentData())
        at_once = self.at_once.value()
        new_backups = chosen != self._saved_backups
        new_excused = self.navigator and (excused != self._saved_excused or at_once != self._saved_at_once)
        if workspace is None or not (new_backups or new_excused):
            super().accept()
            return
        self._set_busy(True)
        if new_backups:
            self._say(self.backups_note, self.tr("Сохраняю резервную копию в выбранную папку…"))

        excused_saved: list[bool] = []  # set by the worker before the backups: which one failed

        def save() -> None:
            if new_excused:  # first: a backup folder refused must not lose this choice
                workspace.set_navigator_excused_code(excused)
                workspace.set_navigator_at_once(at_once)
                excused_saved.append(True)
            if new_backups:
                workspace.set_backup_settings(*chosen)

        def saved(_made: Any) -> None:
            self._saved_backups, self._saved_excused, self._saved_at_once = chosen, excused, at_once
            self._set_busy(False)
            super(SettingsDialog, self).accept()

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            if new_excused and not excused_saved:
                self.tabs.setCurrentIndex(1)
                self._say(self.excused_note, self._message(exc), "error")
                return
            self._saved_excused, self._saved_at_once = excused, at_once
            self.tabs.setCurrentIndex(2)
            self._say(self.backups_note, self._message(exc), "error")

        CollectionOp(self, save).success(saved).failure(failed).run_in_background()


__all__ = ["SettingsDialog"]
