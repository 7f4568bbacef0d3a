"""«Восстановить из резервной копии…»: the backups next to a damaged database, and restoring one.

The same list and the same checks as ``pfdo-desktop restore`` (``models/backups.py`` through the
``workspace`` functions): the date, the kind and size of each backup and what it holds; the newest
sound one is chosen; restoring keeps the damaged file aside. Listing (a read of every backup: slow
on a slow disk) and restoring run in the background.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .common.dialog import FormDialog
from .common.refusals import in_ui
from .errors import error_code, expected_message
from .tasks import QueryOp

if TYPE_CHECKING:
    from pfdo_desktop.workspace import BackupInfo, RestoreResult

log = logging.getLogger(__name__)

BackupRole = Qt.ItemDataRole.UserRole + 1

ListFn = Callable[[Path], "list[BackupInfo]"]  # data_dir → the backups, newest first
RestoreFn = Callable[[Path, Path], "RestoreResult"]  # (data_dir, backup) → what was done


def _default_list(data_dir: Path) -> list[BackupInfo]:
    from pfdo_desktop.workspace import list_backups

    return list_backups(data_dir)


def _default_restore(data_dir: Path, backup: Path) -> RestoreResult:
    from pfdo_desktop.workspace import restore_backup

    return restore_backup(data_dir, backup)


def _replace_sound(data_dir: Path, backup: Path) -> RestoreResult:
    from pfdo_desktop.workspace import restore_backup

    return restore_backup(data_dir, backup, force=True)  # the person chose it over a sound database


def _size(n: int) -> str:
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} МБ".replace(".", ",")
    return f"{max(1, n >> 10)} КБ"


class BackupsModel(QAbstractTableModel):
    """The backups (``BackupInfo`` rows), newest first; a damaged one is shown but not selectable."""

    COL_DATE, COL_KIND, COL_SIZE, COL_HOLDS = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[BackupInfo] = []
        self.headers = [self.tr("Дата"), self.tr("Когда сделана"), self.tr("Размер"),
                        self.tr("Что в копии")]

    def set_rows(self, rows: list[BackupInfo]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self.rows[index.row()].sound:
            return Qt.ItemFlag.NoItemFlags  # a damaged backup cannot be chosen
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self.rows[index.row()]
        if role == BackupRole:
            return info
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.data(index)}\n{info.path}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.COL_DATE:
            return info.taken_at.strftime("%d.%m.%Y %H:%M")
        if column == self.COL_KIND:
            return {
                "daily": self.tr("ежедневная"),
                "migration": self.tr("перед обновлением программы"),
                "enrolled": self.tr("после подключения к порталу"),
            }.get(info.kind, self.tr("сделана вручную"))
        if column == self.COL_SIZE:
            return _size(info.size)
        if not info.sound:
            return self.tr("повреждена: %1").replace("%1", in_ui(info.problem))
        holds = (self.tr("детей %1, групп %2, отметок %3, неотправленных изменений %4")
                 .replace("%1", _n(info.children)).replace("%2", _n(info.groups))
                 .replace("%3", _n(info.marks)).replace("%4", _n(info.unsent)))
        if info.not_enrolled:  # taken before the first enrolment: restoring it needs a new code
            holds += self.tr("; ПК в копии не подключён к порталу")
        return holds


def _n(value: int | None) -> str:
    return "—" if value is None else f"{value:,}".replace(",", "\u00a0")


class RestoreDialog(FormDialog):
    """Lists the backups of ``data_dir`` and restores the chosen one; ``result_info`` is the
    ``RestoreResult`` after «Восстановить» succeeded."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None, list_fn: ListFn | None = None,
                 restore_fn: RestoreFn | None = None,
                 before_restore: Callable[[], None] | None = None) -> None:
        """``before_restore`` (Файл → Резервные копии… on a working database): called on the UI
        thread once a copy is chosen, to close the open database; the sound database is then
        replaced (kept aside as ``pfdo.sqlite3.replaced-…``)."""
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.list_fn = list_fn or _default_list
        self.before_restore = before_restore
        self.restore_fn = restore_fn or (_replace_sound if before_restore is not None else _default_restore)
        self.result_info: RestoreResult | None = None
        self.listing = False
        self.setWindowTitle(self.tr("Восстановление из резервной копии"))
        self.setMinimumWidth(900)

        intro = QLabel(self.tr(
            "Выберите резервную копию базы. Текущий файл базы не удаляется: он будет сохранён рядом "
            "(pfdo.sqlite3.damaged-…), и изменения, сделанные после копии и не отправленные на портал, "
            "останутся только в нём.") if before_restore is None else self.tr(
            "База в порядке: восстанавливать её нужно, только если в ней что-то испорчено. Выбранная "
            "копия заменит текущую базу; текущая сохранится рядом (pfdo.sqlite3.replaced-…). Отметки и "
            "изменения, сделанные после копии и ещё не отправленные на портал, останутся только в ней "
            "— сначала синхронизируйте."))
        intro.setWordWrap(True)
        # What to do after restoring the chosen copy: sync, or — for a copy taken before the PC
        # was enrolled — connect it again with a new code.
        self.advice_label = QLabel()
        self.advice_label.setWordWrap(True)
        self.model = BackupsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        self.status_label = QLabel(self.tr("Ищу резервные копии…"))
        self.status_label.setWordWrap(True)
        self.buttons = self.make_buttons(self.tr("Восстановить"))
        self.restore_button = self.ok_button
        self.restore_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.advice_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_button())
        self.load()

    def load(self) -> None:
        data_dir, list_fn = self.data_dir, self.list_fn
        self.listing = True
        QueryOp(self, lambda: list_fn(data_dir), self._on_listed).failure(self._on_failed).run_in_background()

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], BackupRole) if rows else None

    def _update_button(self) -> None:
        busy = self.busy or self.listing
        info = self.chosen()
        self.restore_button.setEnabled(not busy and info is not None)
        if info is None:
            self.advice_label.setText("")
        elif info.not_enrolled:
            self.advice_label.setText(self.tr(
                "ПК в этой копии не подключён к порталу — после восстановления понадобится новый код "
                "подключения (его выдаёт муниципальный опорный центр)."))
        else:
            self.advice_label.setText(self.tr(
                "После восстановления синхронизируйте: всё, что есть на портале, загрузится заново."))

    def _on_listed(self, found: list[BackupInfo]) -> None:
        self.listing = False
        self.model.set_rows(found)
        sound = [row for row, info in enumerate(found) if info.sound]
        if not found:
            self.status_label.setText(self.tr(
                "Резервных копий нет (папка %1). Переименуйте повреждённый файл pfdo.sqlite3 и "
                "запустите программу: она создаст новую базу; подключите ПК заново и синхронизируйте. "
                "Неотправленные изменения останутся только в старом файле.")
                .replace("%1", str(self.data_dir / "backups")))
        elif not sound:
            self.status_label.setText(
                self.tr("Все резервные копии повреждены: восстановить базу из них нельзя."))
        else:
            self.status_label.setText(self.tr("Самая свежая исправная копия выбрана."))
            # A copy dated ahead by a fast clock is not proposed while another sound one exists.
            self.table.selectRow(next((row for row in sound if not found[row].clock_ahead), sound[0]))
        self._update_button()

    def prepare(self) -> Callable[[], Any] | None:
        info = self.chosen()
        if info is None:
            return None
        data_dir, path, restore_fn = self.data_dir, info.path, self.restore_fn
        if self.before_restore is not None:
            self.before_restore()  # the open database closed before its file is replaced
        return lambda: restore_fn(data_dir, path)

    def set_busy(self, busy: bool) -> None:
        if busy:
            self.restore_button.setEnabled(False)
            self.status_label.setText(self.tr("Восстанавливаю…"))

    def succeeded(self, result: Any) -> None:
        self.result_info = result
        log.info("database restored from a backup")

    def refused(self, exc: BaseException) -> None:
        self._on_failed(exc)

    def _on_failed(self, exc: BaseException) -> None:
        self.listing = False
        message = expected_message(exc, alert=False)
        if message is None:
            message = self.tr("Не удалось из-за внутренней ошибки.")
            sys.excepthook(type(exc), exc, exc.__traceback__)
        else:
            log.info("restore refused: %s", error_code(exc))
        self.status_label.setText(message)
        self._update_button()
