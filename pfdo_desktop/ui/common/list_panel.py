"""The list-and-card screen the children, applications and programmes tabs share: filters on top,
the table of rows, a count line, a message line and the buttons; with a card, the list is on the
left and the selected record's card on the right.

The screen reads through its `Workspace` only. What it shows is read again when an operation
reports that it changed (``on_changes``, called by the main window) — never because a dialog
asked for it. A screen opens one dialog at a time (``open_dialog``); it is deleted once closed.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QItemSelection, QTimer, Slot
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QLayout, QSplitter, QVBoxLayout, QWidget

from pfdo_desktop.workspace_types import Changes

from ..errors import error_code, expected_message
from ..rows_model import RowRole, RowsTableModel, list_and_card, row_list_view
from .styles import MUTED_STYLE, message_style

if TYPE_CHECKING:
    from pfdo_desktop.workspace import Workspace

log = logging.getLogger(__name__)

R = TypeVar("R")
FILTER_DELAY_MS = 120  # after the last key of a search; well under what a typist notices


class ListPanel(QWidget, Generic[R]):
    """Subclasses build their filters and buttons, call ``assemble`` and implement ``reload``,
    ``on_changes`` and (when they care) ``on_selection_changed``."""

    def __init__(self, model: RowsTableModel[R], parent: QWidget | None = None, *,
                 word_wrap: bool = False) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.today: Callable[[], date] = date.today
        self.dialog: QDialog | None = None

        self.model = model
        model.setParent(self)
        self.table = row_list_view(model, word_wrap=word_wrap)
        self.table.setAlternatingRowColors(True)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.filter_timer = QTimer(self)  # the free text waits for the last key
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(FILTER_DELAY_MS)
        self.filter_timer.timeout.connect(self.reload)
        self.count_label = QLabel()
        self.count_label.setStyleSheet(MUTED_STYLE)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.splitter: QSplitter | None = None

    def column_widths(self, widths: Iterable[tuple[int, int]], *, stretch_last: bool = True) -> None:
        """Columns the operator may resize, starting at ``widths``."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(stretch_last)
        for column, width in widths:
            header.resizeSection(column, width)

    def assemble(self, filters: QLayout, buttons: QLayout, card: QWidget | None = None,
                 stretch: tuple[int, int] = (1, 1), sizes: tuple[int, int] = (700, 540)) -> None:
        """Lay the parts out: the list (with the card beside it, if any)."""
        list_side = QWidget() if card is not None else self
        column = QVBoxLayout(list_side)
        if card is not None:
            column.setContentsMargins(0, 0, 4, 0)
        else:
            column.setContentsMargins(6, 4, 6, 0)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        column.addWidget(self.count_label)
        column.addWidget(self.message_label)
        column.addLayout(buttons)
        if card is not None:
            self.splitter = list_and_card(list_side, card, stretch=stretch, sizes=sizes)
            layout = QVBoxLayout(self)
            layout.setContentsMargins(6, 4, 6, 0)
            layout.addWidget(self.splitter)

    # --- to implement -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the list again with the filters, keeping the selection."""
        raise NotImplementedError

    def on_changes(self, changes: Changes, initiator: object) -> None:
        """An operation changed ``changes``: read again what this screen shows of them."""
        raise NotImplementedError

    def on_selection_changed(self) -> None:
        """The selected row changed."""

    # --- shared -------------------------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.refresh_all()

    def refresh_all(self) -> None:
        """Read everything the screen shows (a workspace opened): the filters' choices too."""
        self.reload()

    def selected_row(self) -> R | None:
        indexes = self.table.selectionModel().selectedRows()
        row: R | None = self.model.data(indexes[0], RowRole) if indexes else None
        return row

    def show_message(self, text: str, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(message_style(error))
        self.message_label.setVisible(bool(text))

    def open_dialog(self, dialog: QDialog) -> None:
        """Open ``dialog`` (window-modal, not blocking); it is deleted once closed."""
        self.dialog = dialog
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()

    def report_failure(self, exc: BaseException, what: str, internal_text: str = "") -> None:
        """An operation failed: the expected error's message, or for a bug ``internal_text`` (if
        any) and the crash hook. The log names only ``what`` and the code (never a child)."""
        message = expected_message(exc)
        if message is not None:
            log.info("%s refused: %s", what, error_code(exc))
            self.show_message(message, error=True)
            return
        if internal_text:
            self.show_message(internal_text, error=True)
        sys.excepthook(type(exc), exc, exc.__traceback__)

    @Slot(QItemSelection, QItemSelection)
    def on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.on_selection_changed()

    def _on_dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

