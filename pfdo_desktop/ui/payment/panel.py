"""«Оплата» (Ctrl+5, issue 12): the provider's month at a glance, computed on this PC from the
journal and the contracts (``Workspace.month_view``: the domain's rules).

A month picker (default: the last finished month); per group the planned / held / cancelled
lessons, k %, contracts, the certificate sum and the parent sum; what blocks closing, each line
with a jump to the journal at that group and date (``jump_requested``); «Заявка на аванс» (the
current month), «Счёт за месяц» (the shown month) open a print preview; «Экспорт в Excel…».
Reads run off the UI thread (``LatestQuery``); the main window calls ``on_changes`` when marks,
groups or applications change.
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
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
from pfdo_desktop.domain.payment import k_text
from pfdo_desktop.workspace_types import Changes, MonthBlocker, MonthView, ServiceError

from ..common.styles import MUTED_STYLE, message_style
from ..printing.job import PrintJob, form_file_name, start_print
from ..tasks import LatestQuery, QueryOp

if TYPE_CHECKING:
    from pfdo_desktop.workspace import Workspace

# What the screen shows changes with these (marks and lesson states, groups and their lessons,
# contracts).
READS_ON = Changes.MARKS | Changes.GROUPS | Changes.APPLICATIONS
BlockerRole = Qt.ItemDataRole.UserRole + 1


def last_finished_month(today: date) -> date:
    return date(today.year - 1, 12, 1) if today.month == 1 else date(today.year, today.month - 1, 1)


def _money(value: Decimal) -> str:
    return format_rub(value).replace(" ₽", "").replace("\u00a0₽", "")


class PaymentPanel(QWidget):
    jump_requested = Signal(int, object)  # group id, lesson date: open the journal there
    message = Signal(str, bool)  # text, error

    def __init__(self, parent: QWidget | None = None, today=date.today) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.today = today
        self.view: MonthView | None = None
        self.query = LatestQuery(self)
        self.print_job: PrintJob | None = None

        self.month_edit = QDateEdit()
        self.month_edit.setDisplayFormat("MM.yyyy")
        self.month_edit.setCalendarPopup(False)
        start = last_finished_month(today())
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

    def reload(self) -> None:
        workspace, month, today = self.workspace, self.month, self.today()
        if workspace is None:
            return
        self.query.run(lambda: workspace.month_view(month, today), self._show, self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ServiceError):
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        self._say(exc.message, error=True)

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
            item = QListWidgetItem(blocker.text)
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

    @Slot()
    def export_xlsx(self) -> None:
        workspace, month = self.workspace, self.month
        if workspace is None:
            return
        name = f"оплата-{month[0]:04d}-{month[1]:02d}.xlsx"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Экспорт месяца в Excel"), name,
                                                    self.tr("Книга Excel (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, out: Path) -> None:
        workspace, month = self.workspace, self.month
        if workspace is None:
            return
        if out.suffix.lower() != ".xlsx":
            out = out.with_suffix(".xlsx")

        def done(count: int) -> None:
            self._say(self.tr("Сохранено: %1 (договоров: %2)").replace("%1", str(out))
                      .replace("%2", str(count)))

        QueryOp(self, lambda: workspace.export_month(month, out), done).failure(
            lambda exc: self._say(getattr(exc, "message", None) or self.tr("Не удалось сохранить файл: %1")
                                  .replace("%1", str(exc)), error=True)).run_in_background()
