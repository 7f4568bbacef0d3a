"""The children list as a table model: rows come from `services.children.search_children`.

Namesakes (another child with the same ФИО) are marked in the name column — a warning sign, bold
text and a tooltip — so two children with one name are never taken for each other: the date of
birth and the certificate number always stand beside the name.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from pfdo_desktop.workspace_types import ChildRow

from ..common.texts import certificate_status_text, pending_text, request_state_text, ru_date
from ..rows_model import RowRole, RowsTableModel  # noqa: F401 - RowRole re-exported

COL_NAME, COL_BIRTH, COL_CERTIFICATE, COL_SNILS, COL_STATE = range(5)

HEADERS = (
    QT_TRANSLATE_NOOP("ChildrenTableModel", "ФИО"),
    QT_TRANSLATE_NOOP("ChildrenTableModel", "Дата рождения"),
    QT_TRANSLATE_NOOP("ChildrenTableModel", "Сертификат"),
    QT_TRANSLATE_NOOP("ChildrenTableModel", "СНИЛС"),
    QT_TRANSLATE_NOOP("ChildrenTableModel", "Состояние"),
)

NAMESAKE_MARK = "⚠"
NAMESAKE_COLOR = QColor("#8a5300")
REQUEST_COLOR = QColor("#1d4a80")
REJECTED_COLOR = QColor("#b00020")
NamesakeRole = Qt.ItemDataRole.UserRole + 2  # int: other children with the same ФИО


def namesake_note(count: int) -> str:
    return (
        QCoreApplication.translate("ChildrenTableModel", "тёзка: сверьте дату рождения и сертификат")
        if count == 1
        else QCoreApplication.translate(
            "ChildrenTableModel", "%1 тёзки: сверьте дату рождения и сертификат"
        ).replace("%1", str(count))
    )


class ChildrenTableModel(RowsTableModel[ChildRow]):
    """One row per child or new-child request; ``RowRole`` gives the `ChildRow`. No I/O here."""

    context = "ChildrenTableModel"
    headers = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def key_of(self, row: ChildRow) -> object:
        return row.key

    def cell(self, row: ChildRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == NamesakeRole:
            return row.namesakes
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_NAME and row.namesakes:
                return f"{row.full_name}\n{namesake_note(row.namesakes)}"
            return self._text(row, column) or None
        if (
            role == Qt.ItemDataRole.FontRole
            and row.namesakes
            and column in (COL_NAME, COL_BIRTH, COL_CERTIFICATE)
        ):
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_NAME and row.namesakes:
                return QBrush(NAMESAKE_COLOR)
            if column == COL_STATE and row.state:
                if row.pending_action:
                    return QBrush(REQUEST_COLOR)
                return QBrush(REJECTED_COLOR if row.state in ("rejected", "ambiguous") else REQUEST_COLOR)
        return None

    def _text(self, row: ChildRow, column: int) -> str:
        if column == COL_NAME:
            return f"{NAMESAKE_MARK} {row.full_name}" if row.namesakes else row.full_name
        if column == COL_BIRTH:
            return ru_date(row.birth_date)
        if column == COL_CERTIFICATE:
            if not row.certificate_number:
                return "—"
            status = certificate_status_text(row.certificate_status)
            return f"{row.certificate_number} ({status})" if status else row.certificate_number
        if column == COL_SNILS:
            return row.snils
        if column == COL_STATE:
            if row.state == "ambiguous" and row.pending_action:
                return pending_text(row.pending_action)  # «ожидает отправки: выбор ребёнка»
            if row.state:
                return request_state_text(row.state)
            return namesake_note(row.namesakes) if row.namesakes else ""
        return ""
