"""«Дети и сертификаты»: search as you type on the left, the child card on the right.

The search runs ``FILTER_DELAY_MS`` after the last key (a local SQLite read of a few milliseconds),
so typing never waits for it; the card is read in the background (``LatestQuery``). Writes — a
new-child request, the choice among the portal's candidates, a new application — run as
operations; the list and the card are read again when an operation reports that children or
applications changed (``on_changes``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pfdo_desktop.workspace_types import Changes, ChildCard, ChildRow, ImportReport, ServiceError

from ..applications.new_dialog import NewApplicationDialog
from ..common.export import ask_xlsx_path, export_button, run_export, safe_file_name
from ..common.list_panel import ListPanel
from ..common.refusals import in_ui
from ..errors import error_code, expected_message
from ..printing.job import PrintJob, form_file_name, start_print
from ..roster.wizard import RosterImportWizard
from ..tasks import CollectionOp, LatestQuery
from .card import ChildCardWidget
from .model import COL_BIRTH, COL_CERTIFICATE, COL_NAME, COL_SNILS, ChildrenTableModel
from .new_child_dialog import NewChildDialog

log = logging.getLogger(__name__)

SEARCH_LIMIT = 200


class ChildrenPanel(ListPanel[ChildRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ChildrenTableModel(), parent)
        self.print_job: PrintJob | None = None
        self.card_query = LatestQuery(self)
        self._select_next: str | None = None  # a key to open at the next reading of the list

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Поиск: ФИО, дата рождения (12.03.2015), номер сертификата или СНИЛС")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.on_search_edit_text_changed)
        self.search_timer = self.filter_timer

        self.new_child_button = QPushButton(self.tr("Новый ребёнок…"))
        self.new_child_button.clicked.connect(self.on_new_child_button_clicked)
        self.import_button = QPushButton(self.tr("Импорт списка…"))
        self.import_button.setToolTip(self.tr("Загрузить список детей из Excel (.xlsx) или CSV"))
        self.import_button.clicked.connect(self.on_import_button_clicked)
        self.new_application_button = QPushButton(self.tr("Новая заявка…"))
        self.new_application_button.clicked.connect(self.on_new_application_button_clicked)
        self.export_button = export_button(self)
        self.export_button.clicked.connect(self.on_export_button_clicked)
        # the state stretches: a 1240-pixel window shows all
        self.column_widths(((COL_NAME, 215), (COL_BIRTH, 92), (COL_CERTIFICATE, 140), (COL_SNILS, 112)))

        self.card = ChildCardWidget()
        self.card.new_application_requested.connect(self.open_new_application)
        self.card.resolve_requested.connect(self.on_card_resolve_requested)
        self.card.cancel_pending_requested.connect(self.on_card_cancel_pending_requested)
        self.card.print_requested.connect(self.on_card_print_requested)
        self.card.resend_requested.connect(self.on_card_resend_requested)
        self.card.activation_requested.connect(self.on_card_activation_requested)

        filters = QVBoxLayout()
        filters.addWidget(self.search_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_child_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_application_button)
        self.assemble(filters, buttons, card=self.card, stretch=(1, 1), sizes=(700, 540))
        self._update_buttons()

    # --- feeding ----------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """The card is being read."""
        return self.card_query.loading

    def reload(self) -> None:
        """Search again with the current text, keeping the selected child (or opening the one an
        operation asked for)."""
        self.filter_timer.stop()
        wanted, self._select_next = self._select_next, None
        selected = self.selected_child()
        self._search(wanted or (selected.key if selected else None), open_anyway=wanted is not None)

    def on_changes(self, changes: Changes, initiator: object) -> None:
        if changes & (Changes.CHILDREN | Changes.APPLICATIONS):
            self.reload()

    def _search(self, keep_key: str | None, open_anyway: bool = False) -> None:
        rows: list[ChildRow] = []
        if self.workspace is not None:
            try:
                rows = self.workspace.search_children(self.search_edit.text(), limit=SEARCH_LIMIT)
            except ServiceError as exc:
                self.show_message(in_ui(exc.message), error=True)
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
        elif keep_key and (open_anyway or self._card_key() == keep_key):
            self._show_card(keep_key)  # the card stays open even when the search no longer lists it
        elif len(rows) == 1:
            self.table.selectRow(0)
        self._update_buttons()

    def _card_key(self) -> str | None:
        return self.card.card.child.key if self.card.card is not None else None

    def selected_child(self) -> ChildRow | None:
        return self.selected_row()

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
        workspace = self.workspace
        if workspace is None or key is None:
            self.card_query.cancel()  # an answer still on its way is dropped
            self._on_card_read(None)
            return
        self.card_query.run(lambda: workspace.child_card(key), self._on_card_read, self._on_card_failed)

    def _on_card_read(self, card: ChildCard | None) -> None:
        self.card.show_card(card)
        self._update_buttons()

    def _on_card_failed(self, exc: BaseException) -> None:
        self.card.show_card(None)
        self._update_buttons()
        self.report_failure(exc, "child card")

    def _update_buttons(self) -> None:
        has = self.workspace is not None
        child = self.current_child()
        self.new_child_button.setEnabled(has)
        self.import_button.setEnabled(has)
        self.export_button.setEnabled(has)
        self.new_application_button.setEnabled(has and (child is None or child.state != "rejected"))

    # --- search -------------------------------------------------------------------------------

    @Slot(str)
    def on_search_edit_text_changed(self, _text: str) -> None:
        self.filter_timer.start()  # restarts: only the last key searches

    def on_selection_changed(self) -> None:
        child = self.selected_child()
        if child is not None:
            self._show_card(child.key)
        else:
            self._update_buttons()

    def _clear_search(self) -> None:
        """List everyone (a new request shows among them), without a search of its own."""
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)

    # --- new child ------------------------------------------------------------------------------

    @Slot()
    def on_new_child_button_clicked(self) -> None:
        if self.workspace is None or self.dialog is not None:
            return
        dialog = NewChildDialog(self.workspace, self.today(), parent=self)
        dialog.requested.connect(self._on_child_requested)
        dialog.open_child_requested.connect(self.show_child)
        self.open_dialog(dialog)

    def _on_child_requested(self, uid: str) -> None:
        self.show_message(self.tr("Запрос на нового ребёнка сохранён: он уйдёт на портал при синхронизации."))
        self._clear_search()
        self._select_next = f"r:{uid}"

    # --- roster import ----------------------------------------------------------------------------

    @Slot()
    def on_import_button_clicked(self) -> RosterImportWizard | None:
        if self.workspace is None or self.dialog is not None:
            return None
        wizard = RosterImportWizard(self.workspace, self.today(), parent=self)
        wizard.imported.connect(self._on_roster_imported)
        self.open_dialog(wizard)
        return wizard

    def _on_roster_imported(self, report: ImportReport) -> None:
        self.show_message(
            self.tr(
                "Импорт списка: запросов на новых детей — %1; они уйдут на портал при синхронизации."
            ).replace("%1", str(report.imported))
        )

    # --- «Экспорт в Excel…» -------------------------------------------------------------------------

    @Slot()
    def on_export_button_clicked(self) -> None:
        if self.workspace is None:
            return
        out = ask_xlsx_path(self, self.tr("Экспорт списка детей в Excel"),
                            safe_file_name(self.tr("Дети и сертификаты")))
        if out is not None:
            self.export_to(out)

    def export_to(self, out: Path) -> None:
        """Every child the search finds (not only the first 200 shown) with the certificate, to ``out``."""
        workspace, query = self.workspace, self.search_edit.text()
        if workspace is None:
            return
        run_export(self, lambda: workspace.export_children(out, query), out,
                   lambda n: self.tr("строк: %1").replace("%1", str(n)), self.show_message,
                   self.export_button)

    # --- new application -----------------------------------------------------------------------

    @Slot()
    def on_new_application_button_clicked(self) -> None:
        self.open_new_application(self.current_child())

    @Slot(object)
    def open_new_application(self, child: ChildRow | None) -> NewApplicationDialog | None:
        if self.workspace is None or self.dialog is not None:
            return None
        dialog = NewApplicationDialog(self.workspace, self.today(), child=child, parent=self)
        dialog.submitted.connect(self._on_application_submitted)
        self.open_dialog(dialog)
        return dialog

    def _on_application_submitted(self, _uid: str) -> None:
        self.show_message(self.tr("Заявка сохранена: она уйдёт на портал при синхронизации."))
        child = self.current_child()
        if child is not None:
            self._select_next = child.key  # its card, with the new application, stays open

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
        workspace = self.workspace
        if workspace is None:
            return
        self.card.set_busy(True)
        CollectionOp(self, lambda: workspace.resolve_request(uid, child_id)).success(
            lambda _r: self._on_resolved(uid, child_id)
        ).failure(self._on_write_failed).run_in_background()

    def _on_resolved(self, uid: str, child_id: int | None) -> None:
        self.card.set_busy(False)
        self.show_message(
            self.tr("Выбор сохранён: портал получит его при синхронизации.")
            if child_id is not None
            else self.tr("Будет создан новый ребёнок: портал получит запрос при синхронизации.")
        )
        self._select_next = f"r:{uid}"

    # --- «Это другой ребёнок»: the request again with its СНИЛС -----------------------------------

    @Slot(str, str)
    def on_card_resend_requested(self, uid: str, snils: str) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        self.card.set_busy(True)
        CollectionOp(self, lambda: workspace.resend_request(uid, snils)).success(self._on_resent).failure(
            self._on_resend_failed
        ).run_in_background()

    def _on_resent(self, new_uid: str) -> None:
        self.card.set_busy(False)
        self.show_message(self.tr("Запрос с СНИЛС уйдёт на портал снова при синхронизации."))
        self._clear_search()  # the old request is gone: list everyone, with the new one
        self._select_next = f"r:{new_uid}"

    def _on_resend_failed(self, exc: BaseException) -> None:
        message = expected_message(exc)
        if message is None:
            self._on_write_failed(exc)
            return
        self.card.set_busy(False)
        log.info("children write refused: %s", error_code(exc))
        self.card.show_resend_error(message)

    # --- «Запросить ПФ (заявление родителя)» (issue 17 §1) ------------------------------------------

    @Slot(str)
    def on_card_activation_requested(self, key: str) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        CollectionOp(self, lambda: workspace.request_certificate_activation(key)).success(
            lambda _uid: self._on_activation_queued(key)
        ).failure(self._on_activation_failed).run_in_background()

    def _on_activation_queued(self, key: str) -> None:
        self.show_message(self.tr("Запрос ПФ уйдёт на портал при синхронизации."))
        self._select_next = key

    def _on_activation_failed(self, exc: BaseException) -> None:
        message = expected_message(exc)
        if message is None:
            self._on_write_failed(exc)
            return
        log.info("certificate activation refused: %s", error_code(exc))
        self.card.show_activation_error(message)

    # --- «Отменить неотправленное» ---------------------------------------------------------------

    @Slot(str)
    def on_card_cancel_pending_requested(self, key: str) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        self.card.set_busy(True)
        CollectionOp(self, lambda: workspace.cancel_pending(key)).success(
            lambda kind: self._on_cancelled(key, kind)
        ).failure(self._on_write_failed).run_in_background()

    def _on_cancelled(self, key: str, kind: str) -> None:
        self.card.set_busy(False)
        if kind == "child.create":
            self.show_message(self.tr("Запрос на нового ребёнка отменён: на портал он не уйдёт."))
            self.table.clearSelection()
            self._show_card(None)
        else:
            self.show_message(self.tr("Выбор ребёнка отменён: выберите снова."))
            self._select_next = key

    def _on_write_failed(self, exc: BaseException) -> None:
        self.card.set_busy(False)
        self.report_failure(exc, "children write", self.tr("Изменение не сохранено из-за внутренней ошибки."))

