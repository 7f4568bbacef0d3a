"""«Требует внимания»: what the portal refused, its reason code, and what to do about it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelection,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.workspace_types import SyncIssueRow

from ..rows_model import RowRole, RowsTableModel, row_list_view

COL_WHEN, COL_TITLE, COL_REASON, COL_ADVICE, COL_CODE = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("IssuesTableModel", "Когда"),
    QT_TRANSLATE_NOOP("IssuesTableModel", "Что случилось"),
    QT_TRANSLATE_NOOP("IssuesTableModel", "Причина (ответ портала)"),
    QT_TRANSLATE_NOOP("IssuesTableModel", "Что делать"),
    QT_TRANSLATE_NOOP("IssuesTableModel", "Код"),
)
CODE_COLOR = QColor("#666666")  # the portal's reason code: for support, quieter than the reason


class IssuesTableModel(RowsTableModel[SyncIssueRow]):
    context = "IssuesTableModel"
    headers = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._small = QFont()
        self._small.setPointSizeF(max(6.0, self._small.pointSizeF() * 0.9))

    def cell(self, row: SyncIssueRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == COL_WHEN:
                return row.created_at.astimezone().strftime("%d.%m.%Y %H:%M")
            if column == COL_TITLE:
                return row.title
            if column == COL_REASON:
                return row.message
            if column == COL_CODE:
                if role == Qt.ItemDataRole.ToolTipRole:
                    tip = QCoreApplication.translate(
                        "IssuesTableModel", "Код причины (для службы поддержки): %1"
                    )
                    return tip.replace("%1", row.code)
                return row.code
            if column == COL_ADVICE:
                return row.advice
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_CODE:
            return QBrush(CODE_COLOR)
        if role == Qt.ItemDataRole.FontRole and column == COL_CODE:
            return self._small
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        return None


class IssuesPanel(QWidget):
    """The list and a «mark as read» button; the main window does the writing."""

    resolve_requested = Signal(int)  # issue id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = IssuesTableModel(self)
        self.table = row_list_view(self.model, word_wrap=True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CODE, QHeaderView.ResizeMode.ResizeToContents)
        for column in (COL_TITLE, COL_REASON, COL_ADVICE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)

        self.empty_label = QLabel(self.tr("Нет замечаний: портал принял все изменения."))
        self.empty_label.setStyleSheet("color: #2e6b34;")
        self.resolve_button = QPushButton(self.tr("Отметить как прочитанное"))
        self.resolve_button.setEnabled(False)
        self.resolve_button.clicked.connect(self.on_resolve_button_clicked)

        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label)
        buttons.addStretch(1)
        buttons.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def set_issues(self, rows: Sequence[SyncIssueRow]) -> None:
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.resolve_button.setEnabled(False)
        if rows:
            self.table.selectRow(0)

    def selected_issue(self) -> SyncIssueRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], RowRole) if rows else None

    @Slot(QItemSelection, QItemSelection)
    def on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.resolve_button.setEnabled(self.selected_issue() is not None)

    @Slot()
    def on_resolve_button_clicked(self) -> None:
        issue = self.selected_issue()
        if issue is not None:
            self.resolve_button.setEnabled(False)
            self.resolve_requested.emit(issue.id)
