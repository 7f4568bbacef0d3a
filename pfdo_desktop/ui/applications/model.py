"""Applications (заявки) as a table model: rows come from `services.applications.list_applications`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from pfdo_desktop.domain.applications import APP_ACTIVE, APP_CONFIRMED, APP_NEW, ENDED
from pfdo_desktop.workspace_types import ApplicationRow

from ..common.texts import contract_split, ru_date, status_cell
from ..rows_model import RowRole, RowsTableModel  # noqa: F401 - RowRole re-exported

COL_NUMBER, COL_CHILD, COL_GROUP, COL_START, COL_STATUS, COL_REASON, COL_CONTRACT = range(7)

HEADERS = (
    QT_TRANSLATE_NOOP("ApplicationsTableModel", "№"),
    QT_TRANSLATE_NOOP("ApplicationsTableModel", "Ребёнок"),
    QT_TRANSLATE_NOOP("ApplicationsTableModel", "Группа / программа"),
    QT_TRANSLATE_NOOP("ApplicationsTableModel", "Начало"),
    QT_TRANSLATE_NOOP("ApplicationsTableModel", "Статус"),
    QT_TRANSLATE_NOOP("ApplicationsTableModel", "Причина отклонения"),
    QT_TRANSLATE_NOOP("ApplicationsTableModel", "Договор: стоимость и оплата"),
)

PENDING_COLOR = QColor("#8a5300")
ENDED_COLOR = QColor("#6b6b6b")
STATUS_COLORS = {
    APP_NEW: QColor("#1d4a80"),
    APP_CONFIRMED: QColor("#1d4a80"),
    APP_ACTIVE: QColor("#1e5c2b"),
}


class ApplicationsTableModel(RowsTableModel[ApplicationRow]):
    """One row per application; ``RowRole`` gives the backing `ApplicationRow`. No I/O here."""

    context = "ApplicationsTableModel"
    headers = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def key_of(self, row: ApplicationRow) -> object:
        return row.uid

    def cell(self, row: ApplicationRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_CHILD and row.certificate_number:
                return (
                    QCoreApplication.translate("ApplicationsTableModel", "%1, %2\nсертификат %3")
                    .replace("%1", row.child_name)
                    .replace("%2", ru_date(row.child_birth_date))
                    .replace("%3", row.certificate_number)
                )
            if column == COL_NUMBER and not row.number:
                return QCoreApplication.translate(
                    "ApplicationsTableModel", "Номер присвоит портал, когда получит заявку"
                )
            if column == COL_CONTRACT and row.contract_number:
                return QCoreApplication.translate("ApplicationsTableModel", "Договор № %1").replace(
                    "%1", row.contract_number
                )
            text = self._text(row, column)
            return text or None
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS:
            if row.pending_action:
                return QBrush(PENDING_COLOR)
            if row.status in ENDED:
                return QBrush(ENDED_COLOR)
            color = STATUS_COLORS.get(row.status)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.FontRole and column == COL_STATUS and row.pending_action:
            return self._bold
        return None

    def _text(self, row: ApplicationRow, column: int) -> str:
        if column == COL_NUMBER:
            return row.number or "—"
        if column == COL_CHILD:
            return f"{row.child_name}, {ru_date(row.child_birth_date)}"
        if column == COL_GROUP:
            return f"{row.group_name} — {row.program_name}" if row.program_name else row.group_name
        if column == COL_START:
            return ru_date(row.start_date)
        if column == COL_STATUS:
            return status_cell(row)
        if column == COL_REASON:
            return row.reason_text
        if column == COL_CONTRACT:
            return contract_split(row.price_total, row.certificate_part, row.parent_part, row.registry)
        return ""
