"""«Заявки»: every application with filters, and the commands the portal decides.

A command is enabled when the rulebook allows it from the application's status
(`domain.applications.may`) and no earlier command waits for the portal's answer. Confirming and
withdrawing are queued at once; the others ask for their data in `ApplicationActionDialog`.
«Отменить неотправленное» takes back a command that has not left the PC yet
(`Workspace.cancel_pending`; an unsent new application is deleted). The list is read again when an
operation reports that applications, children or groups changed (``on_changes``), in the
background (``LatestQuery``: with thousands of applications and a free-text filter it is no
longer a few milliseconds); the free text waits ``FILTER_DELAY_MS`` after the last key.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from pfdo_desktop.domain.applications import (
    ACT_CONFIRM,
    ACT_ENROL,
    ACT_EXPEL,
    ACT_REJECT,
    ACT_TERMINATE,
    ACT_TRANSFER,
    ACT_WITHDRAW,
    APP_EXPELLED,
    APP_TERMINATED,
    APP_TRANSFERRED,
    APPLICATION_STATUSES_RU,
    may,
)
from pfdo_desktop.domain.documents import (
    APPLICATION_FORMS,
    FORM_ENROLMENT_APPLICATION,
    FORM_TERMINATION,
)
from pfdo_desktop.workspace_types import ApplicationRow, Changes

from ..common.export import ask_xlsx_path, export_button, run_export, safe_file_name
from ..common.list_panel import ListPanel
from ..common.texts import action_text, status_text, wrong_status_text
from ..printing.job import PrintJob, form_file_name, print_menu, start_print
from ..tasks import CollectionOp, LatestQuery
from .action_dialog import ApplicationActionDialog
from .model import (
    COL_CHILD,
    COL_GROUP,
    COL_NUMBER,
    COL_REASON,
    COL_START,
    COL_STATUS,
    ApplicationsTableModel,
)
from .new_dialog import NewApplicationDialog, group_title

log = logging.getLogger(__name__)

ENDED_CONTRACTS = frozenset({APP_EXPELLED, APP_TERMINATED, APP_TRANSFERRED})  # a termination to print


class ApplicationsPanel(ListPanel[ApplicationRow]):
    open_child_requested = Signal(str)  # ChildRow.key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ApplicationsTableModel(), parent, word_wrap=True)
        self.print_job: PrintJob | None = None
        self._loading = False
        self._select_next: str | None = None  # an application to select at the next reading
        self.list_query = LatestQuery(self)

        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Все статусы"), None)
        for code in APPLICATION_STATUSES_RU:
            self.status_combo.addItem(status_text(code), code)
        self.group_combo = QComboBox()
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.group_combo.setMinimumContentsLength(26)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("ФИО, номер заявки или сертификата"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda _t: self.filter_timer.start())
        self.status_combo.currentIndexChanged.connect(self.on_filter_combo_changed)
        self.group_combo.currentIndexChanged.connect(self.on_filter_combo_changed)

        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.column_widths((
            (COL_NUMBER, 84),
            (COL_CHILD, 220),
            (COL_GROUP, 210),
            (COL_START, 84),
            (COL_STATUS, 190),
            (COL_REASON, 150),
        ))  # the contract stretches
        self.table.doubleClicked.connect(lambda _i: self.on_child_button_clicked())

        self.action_buttons: dict[str, QPushButton] = {}
        for action, title in (
            (ACT_CONFIRM, self.tr("Подтвердить")),
            (ACT_REJECT, self.tr("Отклонить…")),
            (ACT_WITHDRAW, self.tr("Отозвать")),
            (ACT_ENROL, self.tr("Зачислить…")),
            (ACT_EXPEL, self.tr("Отчислить…")),
            (ACT_TRANSFER, self.tr("Перевести…")),
            (ACT_TERMINATE, self.tr("Расторгнуть по заявлению…")),
        ):
            button = QPushButton(title)
            button.clicked.connect(lambda _c=False, a=action: self.start_action(a))
            self.action_buttons[action] = button
        self.confirm_button = self.action_buttons[ACT_CONFIRM]
        self.reject_button = self.action_buttons[ACT_REJECT]
        self.withdraw_button = self.action_buttons[ACT_WITHDRAW]
        self.enrol_button = self.action_buttons[ACT_ENROL]
        self.expel_button = self.action_buttons[ACT_EXPEL]
        self.transfer_button = self.action_buttons[ACT_TRANSFER]
        self.terminate_button = self.action_buttons[ACT_TERMINATE]
        self.cancel_pending_button = QPushButton(self.tr("Отменить неотправленное"))
        self.cancel_pending_button.clicked.connect(self.on_cancel_pending_button_clicked)
        self.new_button = QPushButton(self.tr("Новая заявка…"))
        self.new_button.clicked.connect(self.on_new_button_clicked)
        self.child_button = QPushButton(self.tr("Карточка ребёнка"))
        self.child_button.clicked.connect(self.on_child_button_clicked)
        self.print_button = QPushButton(self.tr("Печать"))
        self.print_menu, self.print_actions = print_menu(self, APPLICATION_FORMS, self.print_selected)
        self.print_menu.addSeparator()
        self.print_group_action = QAction(self.tr("Все заявления группы…"), self.print_menu)
        self.print_group_action.setToolTip(
            self.tr("Заявления о зачислении всех детей группы (новые, подтверждённые, обучаются) одним PDF")
        )
        self.print_group_action.triggered.connect(lambda _c=False: self.print_group())
        self.print_menu.addAction(self.print_group_action)
        self.print_button.setMenu(self.print_menu)
        self.export_button = export_button(self)
        self.export_button.clicked.connect(self.on_export_button_clicked)

        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Статус:")))
        filters.addWidget(self.status_combo)
        filters.addSpacing(8)
        filters.addWidget(QLabel(self.tr("Группа:")))
        filters.addWidget(self.group_combo)
        filters.addSpacing(8)
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.export_button)
        actions = QHBoxLayout()
        for button in self.action_buttons.values():
            actions.addWidget(button)
        actions.addWidget(self.cancel_pending_button)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.child_button)
        actions.addWidget(self.new_button)
        self.assemble(filters, actions)
        self._update_buttons()

    # --- feeding ----------------------------------------------------------------------------

    def on_changes(self, changes: Changes, initiator: object) -> None:
        if changes & Changes.GROUPS:
            self.reload_groups()
        if changes & (Changes.APPLICATIONS | Changes.CHILDREN | Changes.GROUPS):
            self.reload()

    def reload_groups(self) -> None:
        keep = self.group_combo.currentData()
        self._loading = True
        try:
            self.group_combo.clear()
            self.group_combo.addItem(self.tr("Все группы"), None)
            if self.workspace is not None:
                for group in self.workspace.groups_for_application():
                    self.group_combo.addItem(group_title(group), group.id)
                    self.group_combo.setItemData(
                        self.group_combo.count() - 1, group_title(group), Qt.ItemDataRole.ToolTipRole
                    )
            self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(keep)))
        finally:
            self._loading = False

    @property
    def loading(self) -> bool:
        """The list is being read."""
        return self.list_query.loading

    def reload(self) -> None:
        """Read the list again with the filters (in the background); the answer keeps the selected
        application (or selects the one an operation asked for)."""
        self.filter_timer.stop()
        workspace = self.workspace
        if workspace is None:
            self.list_query.cancel()
            self._show_rows([])
            return
        status, group_id, query = (
            self.status_combo.currentData(), self.group_combo.currentData(), self.filter_edit.text()
        )
        self.list_query.run(
            lambda: workspace.applications(status=status, group_id=group_id, query=query),
            self._show_rows,
            self._on_list_failed,
        )

    def _on_list_failed(self, exc: BaseException) -> None:
        self.report_failure(exc, "applications list")

    def _show_rows(self, rows: list[ApplicationRow]) -> None:
        selected = self.selected_application()  # as it is now: the operator may have moved meanwhile
        wanted, self._select_next = self._select_next, None
        self.model.set_rows(rows)
        pending = sum(1 for r in rows if r.pending_action)
        text = self.tr("Заявок: %1").replace("%1", str(len(rows)))
        if pending:
            text += " · " + self.tr("ожидают отправки: %1").replace("%1", str(pending))
        self.count_label.setText(text)
        keep = wanted or (selected.uid if selected is not None else None)
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    # --- «Экспорт в Excel…» -------------------------------------------------------------------------

    @Slot()
    def on_export_button_clicked(self) -> None:
        if self.workspace is None:
            return
        out = ask_xlsx_path(self, self.tr("Экспорт заявок в Excel"), safe_file_name(self.tr("Заявки")))
        if out is not None:
            self.export_to(out)

    def export_to(self, out: Path) -> None:
        """The applications the filters select (as listed), to ``out``."""
        workspace = self.workspace
        if workspace is None:
            return
        status, group_id, query = (
            self.status_combo.currentData(), self.group_combo.currentData(), self.filter_edit.text()
        )
        run_export(self, lambda: workspace.export_applications(out, status=status, group_id=group_id,
                                                               query=query),
                   out, lambda n: self.tr("заявок: %1").replace("%1", str(n)), self.show_message,
                   self.export_button)

    def refresh_all(self) -> None:
        """After a sync: groups may have changed too."""
        self.reload_groups()
        self.reload()

    def selected_application(self) -> ApplicationRow | None:
        return self.selected_row()

    def select_application(self, uid: str) -> bool:
        row = self.model.row_of(uid)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _update_buttons(self) -> None:
        app = self.selected_application()
        for action, button in self.action_buttons.items():
            if app is None:
                button.setEnabled(False)
                button.setToolTip(self.tr("Выберите заявку в списке"))
            elif app.pending_action:
                button.setEnabled(False)
                button.setToolTip(
                    self.tr("Ждёт ответа портала на прежнюю команду: %1").replace(
                        "%1", action_text(app.pending_action)
                    )
                )
            elif not may(action, app.status):
                button.setEnabled(False)
                button.setToolTip(wrong_status_text(action, app.status))
            else:
                button.setEnabled(True)
                button.setToolTip("")
        self.new_button.setEnabled(self.workspace is not None)
        self.child_button.setEnabled(app is not None and bool(app.child_key))
        for form, item in self.print_actions.items():
            ended = app is not None and app.status in ENDED_CONTRACTS
            item.setEnabled(app is not None and (form != FORM_TERMINATION or ended))
            if app is None:
                item.setToolTip(self.tr("Выберите заявку в списке"))
            elif form == FORM_TERMINATION and not ended:
                item.setToolTip(self.tr("Уведомление печатается, когда договор расторгнут: "
                                        "ребёнок отчислен, переведён или договор расторгнут по заявлению"))
            else:
                item.setToolTip("")
        self.print_group_action.setEnabled(self.workspace is not None and self.group_combo.count() > 1)
        waiting = app is not None and bool(app.pending_action)
        self.cancel_pending_button.setEnabled(waiting)
        self.cancel_pending_button.setToolTip(
            self.tr("Отменить «%1», пока оно не отправлено на портал").replace(
                "%1", action_text(app.pending_action)
            )
            if app is not None and app.pending_action
            else self.tr("У выбранной заявки нет команды, ожидающей отправки")
        )

    # --- slots ----------------------------------------------------------------------------------

    @Slot(int)
    def on_filter_combo_changed(self, _index: int) -> None:
        if not self._loading:
            self.reload()

    def on_selection_changed(self) -> None:
        self._update_buttons()

    @Slot()
    def on_child_button_clicked(self) -> None:
        app = self.selected_application()
        if app is not None and app.child_key:
            self.open_child_requested.emit(app.child_key)

    @Slot()
    def on_new_button_clicked(self) -> None:
        if self.workspace is None or self.dialog is not None:
            return
        dialog = NewApplicationDialog(
            self.workspace, self.today(), group_id=self.group_combo.currentData(), parent=self
        )
        dialog.submitted.connect(self._on_submitted)
        self.open_dialog(dialog)

    def _on_submitted(self, uid: str) -> None:
        self.show_message(self.tr("Заявка сохранена: она уйдёт на портал при синхронизации."))
        self._select_next = uid

    # --- «Печать» -------------------------------------------------------------------------------

    def print_selected(self, form: str) -> PrintJob | None:
        """Print ``form`` for the selected application (in the background, then the preview)."""
        app = self.selected_application()
        if self.workspace is None or app is None:
            return None
        uid, today = app.uid, self.today()
        name = form_file_name(form, *app.child_name.split()[:2], app.number)
        self.print_job = start_print(
            self, self.workspace, form, lambda ws: [ws.application_document(uid, today)], name,
            self.show_message,
        )
        return self.print_job

    def print_group(self, group_id: int | None = None) -> PrintJob | None:
        """All the enrolment applications of a group in one PDF: the group of the filter, else of the
        selected application, else the one the operator picks."""
        if self.workspace is None:
            return None
        if group_id is None:
            group_id = self.group_combo.currentData()
        if group_id is None:
            app = self.selected_application()
            group_id = app.group_id if app is not None else self.ask_group()
        if group_id is None:
            return None
        index = self.group_combo.findData(group_id)
        group_name = self.group_combo.itemText(index).split(" — ")[0] if index >= 0 else str(group_id)
        today = self.today()
        self.print_job = start_print(
            self,
            self.workspace,
            FORM_ENROLMENT_APPLICATION,
            lambda ws: ws.group_application_documents(group_id, today),
            form_file_name(FORM_ENROLMENT_APPLICATION, group_name),
            self.show_message,
            empty_message=self.tr("В группе нет действующих заявок: печатать нечего."),
        )
        return self.print_job

    def ask_group(self) -> int | None:
        """The group whose applications to print, chosen in a list."""
        titles = [self.group_combo.itemText(i) for i in range(1, self.group_combo.count())]
        if not titles:
            return None
        title, ok = QInputDialog.getItem(
            self, self.tr("Все заявления группы"), self.tr("Группа:"), titles, 0, False
        )
        if not ok:
            return None
        return self.group_combo.itemData(titles.index(title) + 1)

    # --- commands ---------------------------------------------------------------------------------

    def start_action(self, action: str) -> ApplicationActionDialog | None:
        """Queue ``action`` for the selected application (asking for its data first if it needs any)."""
        app = self.selected_application()
        workspace = self.workspace
        if workspace is None or app is None or self.dialog is not None:
            return None
        uid, today = app.uid, self.today()
        if action in (ACT_CONFIRM, ACT_WITHDRAW):
            def call() -> None:
                if action == ACT_CONFIRM:
                    workspace.confirm_application(uid, today)
                else:
                    workspace.withdraw_application(uid)

            for button in self.action_buttons.values():
                button.setEnabled(False)
            CollectionOp(self, call).success(lambda _r: self._on_queued(uid)).failure(
                self._on_command_failed
            ).run_in_background()
            return None
        dialog = ApplicationActionDialog(action, app, workspace, today, parent=self)
        dialog.queued.connect(lambda _result: self._on_queued(uid))
        self.open_dialog(dialog)
        return dialog

    @Slot()
    def on_cancel_pending_button_clicked(self) -> None:
        """Take back the selected application's command that has not been sent yet."""
        app = self.selected_application()
        workspace = self.workspace
        if workspace is None or app is None or not app.pending_action:
            return
        uid = app.uid
        self.cancel_pending_button.setEnabled(False)
        CollectionOp(self, lambda: workspace.cancel_pending(uid)).success(
            lambda kind: self._on_cancelled(uid, kind)
        ).failure(self._on_command_failed).run_in_background()

    def _on_cancelled(self, uid: str, kind: str) -> None:
        self.show_message(
            self.tr("Отменено, на портал не уйдёт: %1.").replace("%1", action_text(kind))
        )
        self._select_next = uid

    def _on_queued(self, uid: str) -> None:
        self.show_message(self.tr("Команда сохранена и ожидает отправки: портал решит при синхронизации."))
        self._select_next = uid

    def _on_command_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        self.report_failure(
            exc, "application command", self.tr("Команда не сохранена из-за внутренней ошибки.")
        )
