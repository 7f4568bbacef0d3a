"""«Оплата» (Ctrl+5, issue 12): the provider's month at a glance, computed on this PC from the
journal and the contracts (``Workspace.month_view``: the domain's rules).

A month picker (default: the last finished month); per group the planned / held / cancelled
lessons, k %, contracts, the certificate sum and the parent sum; what blocks closing, each line
with a jump to the journal at that group and date (``jump_requested``); «Заявка на аванс» (the
current month), «Счёт за месяц» (the shown month) open a print preview; «Экспорт в Excel…».
Below, the advance request of the current month and the invoice of the shown month as the portal
knows them (черновик → отправлен → принят / возвращён: причина → оплачен, with the portal's number),
each with «Отправить на портал» (enabled when the rules allow: from the first day, no document of the
kind standing or waiting; the send is a command in the outbox, ``Workspace.send_advance`` /
``send_invoice``). Reads run off the UI thread (``LatestQuery``); the main window calls
``on_changes`` when marks, groups, applications or the money documents change (a sync).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.domain.documents import FORM_ADVANCE, FORM_INVOICE
from pfdo_desktop.domain.money import format_rub
from pfdo_desktop.domain.payment import advance_request_from, k_text, month_ru
from pfdo_desktop.workspace_types import Changes, MoneyDocumentRow, MonthBlocker, MonthView, ServiceError

from ..common.export import ask_xlsx_path, run_export, safe_file_name
from ..common.refusals import in_ui
from ..common.styles import MUTED_STYLE, message_style
from ..printing.job import PrintJob, form_file_name, start_print
from ..tasks import CollectionOp, LatestQuery

if TYPE_CHECKING:
    from pfdo_desktop.workspace import Workspace

# What the screen shows changes with these (marks and lesson states, groups and their lessons,
# contracts, the documents sent to the portal and their statuses).
READS_ON = Changes.MARKS | Changes.GROUPS | Changes.APPLICATIONS | Changes.MONEY
# Statuses that leave no room for another document of the kind in the month.
_TAKEN = ("sent", "accepted", "paid")
BlockerRole = Qt.ItemDataRole.UserRole + 1


def blocker_text(blocker: MonthBlocker, month: tuple[int, int]) -> str:
    """What blocks closing ``month``: the domain's Russian text in Russian; in another language
    said again from the blocker's code and parts (``domain.payment_closing``)."""
    if QLocale().language() == QLocale.Language.Russian:
        return blocker.text
    day = f"{blocker.lesson_date:%d.%m}" if blocker.lesson_date else ""
    parts = {"%c": str(blocker.count), "%d": day, "%days": str(blocker.days)}
    code = blocker.code
    if code == "month_not_over" and blocker.since is not None:
        parts["%m"], parts["%since"] = month_ru(month), f"{blocker.since:%d.%m.%Y}"
        template = QCoreApplication.translate("PaymentBlockers", "счёт за %m можно выставить с %since")
    elif code == "applications_undecided":
        template = QCoreApplication.translate("PaymentBlockers", "заявок без решения старше %days дн.: %c")
    elif code == "lesson_unmarked":
        template = QCoreApplication.translate("PaymentBlockers", "занятие %d без отметок")
    elif code == "lessons_unmarked":
        template = QCoreApplication.translate("PaymentBlockers", "не отмечено занятий: %c")
    elif code == "lesson_incomplete":
        template = QCoreApplication.translate("PaymentBlockers", "занятие %d — детей без отметки: %c")
    elif code == "lessons_incomplete":
        template = QCoreApplication.translate("PaymentBlockers", "занятий, где отмечены не все дети: %c")
    else:
        return blocker.text
    for key in sorted(parts, key=len, reverse=True):  # «%days» before «%d»
        template = template.replace(key, parts[key])
    group = blocker.group_name if code not in ("month_not_over", "applications_undecided") else ""
    return f"{group}: {template}" if group else template


def last_finished_month(today: date) -> date:
    return date(today.year - 1, 12, 1) if today.month == 1 else date(today.year, today.month - 1, 1)


def _money(value: Decimal) -> str:
    return format_rub(value).replace(" ₽", "").replace("\u00a0₽", "")


class PaymentPanel(QWidget):
    jump_requested = Signal(int, object)  # group id, lesson date: open the journal there
    message = Signal(str, bool)  # text, error

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self._today = today
        self.current_invoiced = False
        self.view: MonthView | None = None
        self.query = LatestQuery(self)
        self.print_job: PrintJob | None = None

        self.month_edit = QDateEdit()
        self.month_edit.setDisplayFormat("MM.yyyy")
        self.month_edit.setCalendarPopup(False)
        start = last_finished_month(self.today())
        self.month_edit.setDate(QDate(start.year, start.month, 1))
        self.month_edit.dateChanged.connect(self.on_month_changed)
        self.advance_button = QPushButton(self.tr("Заявка на аванс"))
        self.advance_button.setToolTip(self.tr("Заявка на аванс за текущий месяц: предпросмотр и печать"))
        self.advance_button.clicked.connect(self.print_advance)
        self.invoice_button = QPushButton(self.tr("Счёт за месяц"))
        self.invoice_button.setToolTip(
            self.tr("Счёт с приложением за выбранный месяц: предпросмотр и печать"))
        self.invoice_button.clicked.connect(self.print_invoice)
        self.export_button = QPushButton(self.tr("Экспорт в Excel…"))
        self.export_button.clicked.connect(self.export_xlsx)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Месяц:")))
        top.addWidget(self.month_edit)
        top.addStretch(1)
        for button in (self.advance_button, self.invoice_button, self.export_button):
            top.addWidget(button)

        self.table = QTableWidget(0, 9)
        self.table.setHorizontalHeaderLabels([
            self.tr("Группа"), self.tr("Программа"), self.tr("Запланировано"), self.tr("Проведено"),
            self.tr("Не проведено"), self.tr("Объём, %"), self.tr("Договоров"), self.tr("Сертификаты, ₽"),
            self.tr("Родители, ₽")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.totals_label = QLabel()
        self.blockers_title = QLabel()
        self.blockers = QListWidget()
        self.blockers.itemActivated.connect(self.on_blocker_activated)
        self.blockers.itemDoubleClicked.connect(self.on_blocker_activated)
        self.blockers.setToolTip(self.tr("Двойной щелчок или Enter — открыть журнал на этом занятии"))
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.documents: dict[str, MoneyDocumentRow | None] = {"advance": None, "invoice": None}
        self.notice = ""  # what a send said: shown again after the reload its change brings
        self.advance_status = QLabel()
        self.advance_status.setWordWrap(True)
        self.invoice_status = QLabel()
        self.invoice_status.setWordWrap(True)
        self.send_advance_button = QPushButton(self.tr("Отправить на портал"))
        self.send_advance_button.setToolTip(self.tr("Отправить заявку на аванс за текущий месяц на портал"))
        self.send_advance_button.clicked.connect(self.send_advance)
        self.send_invoice_button = QPushButton(self.tr("Отправить на портал"))
        self.send_invoice_button.setToolTip(self.tr("Отправить счёт за выбранный месяц на портал"))
        self.send_invoice_button.clicked.connect(self.send_invoice)
        for button in (self.send_advance_button, self.send_invoice_button):
            button.setEnabled(False)
        documents = QVBoxLayout()
        for label, button in ((self.advance_status, self.send_advance_button),
                              (self.invoice_status, self.send_invoice_button)):
            line = QHBoxLayout()
            line.addWidget(label, 1)
            line.addWidget(button)
            documents.addLayout(line)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.blockers_title)
        lower_layout.addWidget(self.blockers)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table)
        upper_layout.addWidget(self.totals_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addLayout(documents)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)

    # --- reading -------------------------------------------------------------------------------

    @property
    def month(self) -> tuple[int, int]:
        shown = self.month_edit.date()
        return (shown.year(), shown.month())

    @property
    def loading(self) -> bool:
        return self.query.loading

    def set_month(self, month: tuple[int, int]) -> None:
        self.month_edit.setDate(QDate(month[0], month[1], 1))  # reads through on_month_changed

    @Slot(QDate)
    def on_month_changed(self, _date: QDate) -> None:
        self.reload()

    def on_changes(self, changes: Changes, _initiator: object = None) -> None:
        if changes & READS_ON:
            self.reload()

    def today(self) -> date:
        """The day the portal decides documents by (``Workspace.portal_today``): the last month, the
        current month's advance and what may be sent follow the portal's clock, not a wrong one here."""
        if self._today is not None:
            return self._today()
        return self.workspace.portal_today() if self.workspace is not None else date.today()

    def reload(self) -> None:
        workspace, month, today = self.workspace, self.month, self.today()
        if workspace is None:
            return
        current = (today.year, today.month)

        def read() -> tuple[MonthView, list[MoneyDocumentRow], list[MoneyDocumentRow]]:
            return (workspace.month_view(month, today), workspace.money_documents(current),
                    workspace.money_documents(month))

        self.query.run(read, self._show_all, self._on_failed)

    def _show_all(self, result: tuple[MonthView, list[MoneyDocumentRow], list[MoneyDocumentRow]]) -> None:
        view, current_docs, shown_docs = result
        self._show(view)
        if self.notice:
            self._say(self.notice)
            self.notice = ""
        invoiced = next((d for d in current_docs if d.kind == "invoice"), None)
        # the current month's invoice stands (or waits): an advance after it is refused (too_late)
        self.current_invoiced = invoiced is not None and (invoiced.status in _TAKEN or invoiced.queued)
        self.documents = {"advance": next((d for d in current_docs if d.kind == "advance"), None),
                          "invoice": next((d for d in shown_docs if d.kind == "invoice"), None)}
        self._show_documents(view)

    def _show_documents(self, view: MonthView) -> None:
        today = self.today()
        current = (today.year, today.month)
        for kind, label, button, month, opens in (
                ("advance", self.advance_status, self.send_advance_button, current,
                 advance_request_from(current)),
                ("invoice", self.invoice_status, self.send_invoice_button, view.month, view.invoice_from)):
            doc = self.documents[kind]
            head = (self.tr("Заявка на аванс за %1") if kind == "advance" else self.tr("Счёт за %1")).replace(
                "%1", month_ru(month))
            if doc is None:
                label.setText((self.tr("%1: ещё не отправлена на портал") if kind == "advance"
                               else self.tr("%1: ещё не отправлен на портал")).replace("%1", head))
            else:
                number = f" № {doc.number}" if doc.number else ""
                label.setText(f"{head}{number}: {in_ui(doc.status_text)} · {format_rub(doc.total)}")
            label.setStyleSheet(message_style(doc is not None and (doc.status == "returned"
                                                                    or bool(doc.refused_text and
                                                                            doc.status == "draft"))))
            waiting = doc is not None and (doc.status in _TAKEN or doc.queued)
            late = kind == "advance" and self.current_invoiced
            has_contracts = kind == "advance" or view.contracts > 0
            allowed = today >= opens and not waiting and not late and has_contracts
            button.setEnabled(allowed)
            if late and not waiting:
                button.setToolTip(self.tr("За этот месяц уже выставлен счёт: аванс после счёта не подаётся"))
            elif today < opens:
                button.setToolTip(self.tr("Можно отправить с %1").replace("%1", f"{opens:%d.%m.%Y}"))
            elif waiting:
                button.setToolTip(self.tr("Документ за этот месяц уже отправлен или ждёт отправки"))
            else:
                button.setToolTip(self.tr("Отправить на портал (уйдёт при следующей синхронизации)"))

    def _on_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ServiceError):
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        self._say(in_ui(exc.message), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message_label.setStyleSheet(message_style(error))
        self.message_label.setText(text)

    def _show(self, view: MonthView) -> None:
        self.view = view
        self.table.setRowCount(len(view.groups))
        for row, g in enumerate(view.groups):
            values = (g.name, g.program_name, str(g.planned), str(g.held), str(g.cancelled), k_text(g.k),
                      str(g.contracts), _money(g.certificate_sum), _money(g.parent_sum))
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if col >= 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, cell)
        self.table.resizeColumnsToContents()
        self.totals_label.setStyleSheet(MUTED_STYLE)
        self.totals_label.setText(
            self.tr("Договоров: %1 · по сертификатам к оплате: %2 · родители: %3")
            .replace("%1", str(view.contracts)).replace("%2", format_rub(view.certificate_total))
            .replace("%3", format_rub(view.parent_total)))
        self.blockers.clear()
        if view.blockers:
            self.blockers_title.setText(self.tr("Месяц нельзя закрыть, пока не исправлено:"))
        else:
            self.blockers_title.setText(self.tr("Препятствий для закрытия месяца нет."))
        for blocker in view.blockers:
            item = QListWidgetItem(blocker_text(blocker, view.month))
            item.setData(BlockerRole, blocker)
            if blocker.group_id is None:
                item.setForeground(Qt.GlobalColor.darkGray)
            self.blockers.addItem(item)
        self._say("")

    # --- the jump ------------------------------------------------------------------------------

    @Slot(QListWidgetItem)
    def on_blocker_activated(self, item: QListWidgetItem) -> None:
        blocker: MonthBlocker = item.data(BlockerRole)
        if blocker is not None and blocker.group_id is not None and blocker.lesson_date is not None:
            self.jump_requested.emit(blocker.group_id, blocker.lesson_date)

    # --- documents -----------------------------------------------------------------------------

    def _tell(self, text: str, error: bool = False) -> None:
        self._say(text, error)

    @Slot()
    def print_invoice(self) -> None:
        month = self.month
        self._print(FORM_INVOICE, lambda ws: [ws.invoice_document(month)], month)

    @Slot()
    def print_advance(self) -> None:
        today = self.today()
        month = (today.year, today.month)
        self._print(FORM_ADVANCE, lambda ws: [ws.advance_document(month)], month)

    def _print(self, form: str, collect, month: tuple[int, int]) -> None:
        if self.workspace is None:
            return
        self.print_job = start_print(self, self.workspace, form, collect,
                                     form_file_name(form, f"{month[0]:04d}-{month[1]:02d}"), self._tell)

    # --- sending to the portal ------------------------------------------------------------------

    @Slot()
    def send_advance(self) -> None:
        today = self.today()
        self._send(lambda ws: ws.send_advance((today.year, today.month), today))

    @Slot()
    def send_invoice(self) -> None:
        month, today = self.month, self.today()
        self._send(lambda ws: ws.send_invoice(month, today))

    def _send(self, call) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        self.send_advance_button.setEnabled(False)
        self.send_invoice_button.setEnabled(False)

        def done(doc: MoneyDocumentRow) -> None:
            self.notice = (self.tr("В очереди: %1. Уйдёт на портал при следующей синхронизации.")
                           .replace("%1", doc.title))
            self._say(self.notice)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, ServiceError):
                sys.excepthook(type(exc), exc, exc.__traceback__)
                return
            self._say(in_ui(exc.message), error=True)
            self.reload()

        CollectionOp(self, lambda: call(workspace)).success(done).failure(failed).run_in_background()

    @Slot()
    def export_xlsx(self) -> None:
        if self.workspace is None:
            return
        month = self.month
        out = ask_xlsx_path(self, self.tr("Экспорт месяца в Excel"),
                            safe_file_name(self.tr("Оплата"), f"{month[0]:04d}-{month[1]:02d}"))
        if out is not None:
            self.export_to(out)

    def export_to(self, out: Path) -> None:
        workspace, month = self.workspace, self.month
        if workspace is None:
            return
        if out.suffix.lower() != ".xlsx":
            out = out.with_suffix(".xlsx")
        run_export(self, lambda: workspace.export_month(month, out), out,
                   lambda n: self.tr("договоров: %1").replace("%1", str(n)), self._say, self.export_button)
