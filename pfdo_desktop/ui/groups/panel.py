"""The left side of the main window: the provider's groups, filtered by programme and teacher."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.workspace_types import GroupRow, ProgramRow

from ..rows_model import row_list_view
from .model import COL_CHILDREN, COL_NAME, COL_PROGRAM, COL_SCHEDULE, COL_TEACHER, GroupsTableModel, RowRole

if TYPE_CHECKING:
    from pfdo_desktop.workspace import Workspace


@dataclass(frozen=True)
class GroupsRead:
    """The groups' list with its filters' choices, read off the UI thread (a start's first view)."""

    programs: list[ProgramRow]
    teachers: list[str]
    groups: list[GroupRow]


class GroupsPanel(QWidget):
    group_selected = Signal(object)  # GroupRow or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None

        self.program_combo = QComboBox()
        self.program_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.program_combo.setMinimumContentsLength(18)
        self.teacher_combo = QComboBox()
        self.teacher_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.teacher_combo.setMinimumContentsLength(18)
        self.program_combo.currentIndexChanged.connect(self.on_filter_combo_changed)
        self.teacher_combo.currentIndexChanged.connect(self.on_filter_combo_changed)

        self.model = GroupsTableModel(self)
        self.table = row_list_view(self.model)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (COL_NAME, 118),
            (COL_PROGRAM, 140),
            (COL_TEACHER, 128),
            (COL_CHILDREN, 54),
            (COL_SCHEDULE, 220),
        ):
            header.resizeSection(column, width)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)

        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #555;")

        filters = QFormLayout()
        filters.addRow(self.tr("Программа:"), self.program_combo)
        filters.addRow(self.tr("Педагог:"), self.teacher_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._loading = False

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.reload()

    def reload(self, group_id: int | None = None, read: GroupsRead | None = None) -> None:
        """Read filters and groups again, keeping the chosen filters and group if they still exist;
        with none chosen, ``group_id`` (the last-used journal's) if it is listed, else the first.
        ``read``: what a start read already on its worker thread (all groups, no filter chosen)."""
        program_id, teacher = self.program_combo.currentData(), self.teacher_combo.currentData()
        if read is not None and (program_id is not None or teacher is not None):
            read = None  # read for no filter: a filter is chosen, read again
        selected = self.selected_group()
        self._loading = True
        try:
            self.program_combo.clear()
            self.teacher_combo.clear()
            self.program_combo.addItem(self.tr("Все программы"), None)
            self.teacher_combo.addItem(self.tr("Все педагоги"), None)
            if self.workspace is not None:
                for program in (read.programs if read is not None else self.workspace.programs()):
                    self.program_combo.addItem(program.name, program.id)
                    self.program_combo.setItemData(
                        self.program_combo.count() - 1, program.name, Qt.ItemDataRole.ToolTipRole
                    )  # long names are cut
                for name in (read.teachers if read is not None else self.workspace.teachers()):
                    self.teacher_combo.addItem(name, name)
            self.program_combo.setCurrentIndex(max(0, self.program_combo.findData(program_id)))
            self.teacher_combo.setCurrentIndex(max(0, self.teacher_combo.findData(teacher)))
        finally:
            self._loading = False
        self._load_groups(selected.id if selected else group_id, read.groups if read is not None else None)

    def _load_groups(self, keep_group_id: int | None, rows: list[GroupRow] | None = None) -> None:
        if rows is None:
            rows = [] if self.workspace is None else self.workspace.groups(
                program_id=self.program_combo.currentData(), teacher=self.teacher_combo.currentData()
            )
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("Групп: %1").replace("%1", str(len(rows))))
        row = self.model.row_of(keep_group_id) if keep_group_id is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.group_selected.emit(None)

    def selected_group(self) -> GroupRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.data(indexes[0], RowRole) if indexes else None

    def select_group(self, group_id: int) -> bool:
        row = self.model.row_of(group_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    @Slot(int)
    def on_filter_combo_changed(self, _index: int) -> None:
        if not self._loading:
            selected = self.selected_group()
            self._load_groups(selected.id if selected else None)

    @Slot(QItemSelection, QItemSelection)
    def on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.group_selected.emit(self.selected_group())
