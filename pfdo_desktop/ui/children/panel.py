"""«Дети и сертификаты»: search as you type on the left, the child card on the right.

The search runs ``SEARCH_DELAY_MS`` after the last key (a local SQLite read of a few milliseconds),
so typing never waits for it. Writes — a new-child request, the choice among the portal's
candidates, a new application — go through the write pool; the card and the list are read again
when they are done.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.services.errors import ServiceError
from pfdo_desktop.services.rows import ChildRow

from ..applications import services
from ..applications.new_dialog import NewApplicationDialog
from ..applications.texts import ERROR_STYLE, OK_COLOR
from ..errors import error_code, expected_message
from ..printing.job import PrintJob, form_file_name, start_print
from ..roster.wizard import RosterImportWizard
from ..rows_model import list_and_card, row_list_view
from ..tasks import run_task, write_pool
from .card import ChildCardWidget
from .model import COL_BIRTH, COL_CERTIFICATE, COL_NAME, COL_SNILS, ChildrenTableModel, RowRole
from .new_child_dialog import NewChildDialog

if TYPE_CHECKING:
    from pfdo_desktop.workspace import Workspace

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 120  # after the last key; well under what a typist notices
SEARCH_LIMIT = 200


class ChildrenPanel(QWidget):
    changed = Signal()  # something was queued for the portal (the pending count changed)
    application_submitted = Signal(str)  # uid

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.today: Callable[[], date] = date.today
        self.dialog: NewChildDialog | NewApplicationDialog | RosterImportWizard | None = None
        self.print_job: PrintJob | None = None

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Поиск: ФИО, дата рождения (12.03.2015), номер сертификата или СНИЛС")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.on_search_timer_timeout)
        self.search_edit.textChanged.connect(self.on_search_edit_text_changed)

        self.new_child_button = QPushButton(self.tr("Новый ребёнок…"))
        self.new_child_button.clicked.connect(self.on_new_child_button_clicked)
        self.import_button = QPushButton(self.tr("Импорт списка…"))
        self.import_button.setToolTip(self.tr("Загрузить список детей из Excel (.xlsx) или CSV"))
        self.import_button.clicked.connect(self.on_import_button_clicked)
        self.new_application_button = QPushButton(self.tr("Новая заявка…"))
        self.new_application_button.clicked.connect(self.on_new_application_button_clicked)

        self.model = ChildrenTableModel(self)
        self.table = row_list_view(self.model)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((COL_NAME, 215), (COL_BIRTH, 92), (COL_CERTIFICATE, 140), (COL_SNILS, 112)):
            header.resizeSection(column, width)  # the state stretches: a 1240-pixel window shows all
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #555;")
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        self.card = ChildCardWidget()
        self.card.new_application_requested.connect(self.open_new_application)
        self.card.resolve_requested.connect(self.on_card_resolve_requested)
        self.card.cancel_pending_requested.connect(self.on_card_cancel_pending_requested)
        self.card.print_requested.connect(self.on_card_print_requested)
        self.card.resend_requested.connect(self.on_card_resend_requested)

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_child_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_application_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.addWidget(self.search_edit)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        left_layout.addWidget(self.message_label)
        left_layout.addLayout(buttons)
        self.splitter = list_and_card(left, self.card, stretch=(1, 1), sizes=(700, 540))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.addWidget(self.splitter)
        self._update_buttons()

    # --- feeding ----------------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.reload()

    def reload(self) -> None:
        """Search again with the current text, keeping the selected child (after a sync or a write)."""
        self.search_timer.stop()
        selected = self.selected_child()
        self._search(selected.key if selected else None)

    def _search(self, keep_key: str | None) -> None:
        rows: list[ChildRow] = []
        if self.workspace is not None:
            try:
                rows = services.children().search_children(
                    self.workspace.db, self.search_edit.text(), limit=SEARCH_LIMIT
                )
            except ServiceError as exc:
                self.show_message(exc.message, error=True)
        self.model.set_rows(rows)
        if len(rows) >= SEARCH_LIMIT:
            text = self.tr("Показаны первые %1: уточните поиск").replace("%1", str(len(rows)))
        elif self.search_edit.text().strip():
            text = self.tr("Найдено: %1").replace("%1", str(len(rows)))
        else:
            text = self.tr("Детей: %1").replace("%1", str(len(rows)))
        self.count_label.setText(text)
        row = self.model.row_of(keep_key) if keep_key else -1
        if row >= 0:
            self.table.selectRow(row)  # the reset cleared the selection: this reads the card again
        elif keep_key and self.card.card is not None and self.card.card.child.key == keep_key:
            self._show_card(keep_key)  # the card stays open even when the search no longer lists it
        elif len(rows) == 1:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_child(self) -> ChildRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.data(indexes[0], RowRole) if indexes else None

    def current_child(self) -> ChildRow | None:
        """The child whose card is open (selected in the list or opened from elsewhere)."""
        return self.card.card.child if self.card.card is not None else self.selected_child()

    def show_child(self, key: str) -> None:
        """Open ``key``'s card, selecting it in the list when the search shows it."""
        row = self.model.row_of(key)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
        self._show_card(key)

    def _show_card(self, key: str | None) -> None:
        if self.workspace is None or key is None:
            self.card.show_card(None)
            self._update_buttons()
            return
        try:
            card = services.children().child_card(self.workspace.db, key)
        except ServiceError as exc:
            self.card.show_card(None)
            self.show_message(exc.message, error=True)
        else:
            self.card.show_card(card)
        self._update_buttons()

    def show_message(self, text: str, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(ERROR_STYLE if error else f"color: {OK_COLOR};")
        self.message_label.setVisible(bool(text))

    def _update_buttons(self) -> None:
        has = self.workspace is not None
        child = self.current_child()
        self.new_child_button.setEnabled(has)
        self.import_button.setEnabled(has)
        self.new_application_button.setEnabled(has and (child is None or child.state != "rejected"))

    # --- search -------------------------------------------------------------------------------

    @Slot(str)
    def on_search_edit_text_changed(self, _text: str) -> None:
        self.search_timer.start()  # restarts: only the last key searches

    @Slot()
    def on_search_timer_timeout(self) -> None:
        selected = self.selected_child()
        self._search(selected.key if selected else None)

    @Slot(QItemSelection, QItemSelection)
    def on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        child = self.selected_child()
        if child is not None:
            self._show_card(child.key)
        else:
            self._update_buttons()

    # --- new child ------------------------------------------------------------------------------

    @Slot()
    def on_new_child_button_clicked(self) -> None:
        if self.workspace is None or self.dialog is not None:
            return
        dialog = NewChildDialog(self.workspace.db, self.today(), parent=self)
        dialog.requested.connect(self._on_child_requested)
        dialog.open_child_requested.connect(self._on_open_existing_child)
        self._open(dialog)

    def _on_child_requested(self, uid: str) -> None:
        self.show_message(self.tr("Запрос на нового ребёнка сохранён: он уйдёт на портал при синхронизации."))
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._search(None)
        self.show_child(f"r:{uid}")
        self.changed.emit()

    def _on_open_existing_child(self, key: str) -> None:
        self.show_child(key)

    # --- roster import ----------------------------------------------------------------------------

    @Slot()
    def on_import_button_clicked(self) -> RosterImportWizard | None:
        if self.workspace is None or self.dialog is not None:
            return None
        wizard = RosterImportWizard(self.workspace.db, self.today(), parent=self)
        wizard.imported.connect(self._on_roster_imported)
        self._open(wizard)
        return wizard

    def _on_roster_imported(self, report: object) -> None:
        imported = getattr(report, "imported", 0)
        self.show_message(
            self.tr(
                "Импорт списка: запросов на новых детей — %1; они уйдут на портал при синхронизации."
            ).replace("%1", str(imported))
        )
        self.reload()
        self.changed.emit()

    # --- new application -----------------------------------------------------------------------

    @Slot()
    def on_new_application_button_clicked(self) -> None:
        self.open_new_application(self.current_child())

    @Slot(object)
    def open_new_application(self, child: ChildRow | None) -> NewApplicationDialog | None:
        if self.workspace is None or self.dialog is not None:
            return None
        dialog = NewApplicationDialog(self.workspace.db, self.today(), child=child, parent=self)
        dialog.submitted.connect(self._on_application_submitted)
        self._open(dialog)
        return dialog

    def _on_application_submitted(self, uid: str) -> None:
        self.show_message(self.tr("Заявка сохранена: она уйдёт на портал при синхронизации."))
        child = self.current_child()
        if child is not None:
            self._show_card(child.key)
        self.application_submitted.emit(uid)
        self.changed.emit()

    def _open(self, dialog: NewChildDialog | NewApplicationDialog | RosterImportWizard) -> None:
        self.dialog = dialog
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    # --- «Печать» -----------------------------------------------------------------------------------

    @Slot(str, str)
    def on_card_print_requested(self, form: str, key: str) -> PrintJob | None:
        """Print ``form`` for the child ``key`` (in the background, then the preview)."""
        card = self.card.card
        if self.workspace is None or card is None:
            return None
        today = self.today()
        name = form_file_name(form, card.last_name, card.first_name)
        self.print_job = start_print(
            self, self.workspace, form, lambda ws: [ws.child_document(key, today)], name, self.show_message
        )
        return self.print_job

    # --- ambiguous requests ----------------------------------------------------------------------

    @Slot(str, object)
    def on_card_resolve_requested(self, uid: str, child_id: int | None) -> None:
        if self.workspace is None:
            return
        db = self.workspace.db
        resolve = services.children().resolve_request
        self.card.set_busy(True)
        run_task(
            lambda: resolve(db, uid, child_id),
            lambda _r: self._on_resolved(uid, child_id),
            self._on_write_failed,
            pool=write_pool(),
        )

    def _on_resolved(self, uid: str, child_id: int | None) -> None:
        self.card.set_busy(False)
        self.show_message(
            self.tr("Выбор сохранён: портал получит его при синхронизации.")
            if child_id is not None
            else self.tr("Будет создан новый ребёнок: портал получит запрос при синхронизации.")
        )
        self._show_card(f"r:{uid}")
        self.reload()
        self.changed.emit()

    # --- «Это другой ребёнок»: the request again with its СНИЛС -----------------------------------

    @Slot(str, str)
    def on_card_resend_requested(self, uid: str, snils: str) -> None:
        if self.workspace is None:
            return
        db = self.workspace.db
        resend = services.children().resend_request
        self.card.set_busy(True)
        run_task(lambda: resend(db, uid, snils), self._on_resent, self._on_resend_failed, pool=write_pool())

    def _on_resent(self, new_uid: object) -> None:
        self.card.set_busy(False)
        self.show_message(self.tr("Запрос с СНИЛС уйдёт на портал снова при синхронизации."))
        self.search_edit.blockSignals(True)
        self.search_edit.clear()  # the old request is gone: list everyone, with the new one
        self.search_edit.blockSignals(False)
        self._search(None)
        self.show_child(f"r:{new_uid}")
        self.changed.emit()

    def _on_resend_failed(self, exc: BaseException) -> None:
        message = expected_message(exc)
        if message is None:
            self._on_write_failed(exc)
            return
        self.card.set_busy(False)
        log.info("children write refused: %s", error_code(exc))
        self.card.show_resend_error(message)

    # --- «Отменить неотправленное» ---------------------------------------------------------------

    @Slot(str)
    def on_card_cancel_pending_requested(self, key: str) -> None:
        if self.workspace is None:
            return
        db = self.workspace.db
        cancel = services.pending().cancel_pending
        self.card.set_busy(True)
        run_task(lambda: cancel(db, key), lambda kind: self._on_cancelled(key, kind), self._on_write_failed,
                 pool=write_pool())

    def _on_cancelled(self, key: str, kind: object) -> None:
        self.card.set_busy(False)
        if kind == "child.create":
            self.show_message(self.tr("Запрос на нового ребёнка отменён: на портал он не уйдёт."))
            self.card.show_card(None)
        else:
            self.show_message(self.tr("Выбор ребёнка отменён: выберите снова."))
        self.reload()
        if kind != "child.create":
            self._show_card(key)
        self.changed.emit()

    def _on_write_failed(self, exc: BaseException) -> None:
        self.card.set_busy(False)
        message = expected_message(exc)
        if message is not None:
            log.info("children write refused: %s", error_code(exc))
            self.show_message(message, error=True)
        else:
            self.show_message(self.tr("Изменение не сохранено из-за внутренней ошибки."), error=True)
            sys.excepthook(type(exc), exc, exc.__traceback__)
