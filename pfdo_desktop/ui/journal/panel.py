"""The journal screen: month navigation, the children × lessons table, marking by mouse and keys.

Every change is shown at once (optimistic) and saved through `Workspace.mark` as an operation;
if the service refuses it the cell goes back and the reason is shown. A month is read in the
background (``LatestQuery``), after the marks typed before it.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QColor, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.domain.attendance import AttendanceCode
from pfdo_desktop.workspace_types import GroupRow, Journal, LessonColumn, MarkChange, ServiceError

from ..common.export import ask_xlsx_path, run_export, safe_file_name
from ..common.refusals import in_ui
from ..common.texts import group_schedule
from ..errors import error_code, expected_message
from ..tasks import CollectionOp, LatestQuery
from .model import CODE_BACKGROUND, CODE_FOREGROUND, JournalModel, code_letter, code_title

if TYPE_CHECKING:
    from pfdo_desktop.workspace import Workspace

    from ..printing.job import PrintJob
    from .lesson_dialogs import CancelLessonDialog, LessonThemeDialog, MoveLessonDialog

log = logging.getLogger(__name__)

CLEAR = object()  # «no code» in signals (None is a valid payload, but reads as a bug)

# What the journal says when the PC has no groups at all (`JournalPanel.show_start_hint`).
HINT_NOT_ENROLLED = "not_enrolled"  # → «Подключить к порталу…»
HINT_NO_GROUPS = "no_groups"  # enrolled, nothing loaded yet (or the first sync failed) → «Синхронизировать»
HINT_LOADING = "loading"  # the first sync is running

LESSON_COLUMN_WIDTH = 46
TODAY_COLUMN_WIDTH = 64

_KEY_CODES = {
    Qt.Key.Key_1: AttendanceCode.PRESENT,
    Qt.Key.Key_2: AttendanceCode.ABSENT,
    Qt.Key.Key_3: AttendanceCode.SICK,
    Qt.Key.Key_4: AttendanceCode.EXCUSED,
    Qt.Key.Key_Space: AttendanceCode.PRESENT,
    Qt.Key.Key_Plus: AttendanceCode.PRESENT,
}
_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
# Double-click walks through the codes in this order and back to an empty cell.
_CYCLE: tuple[int | None, ...] = (None, 1, 2, 3, 4)


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, delta: int) -> date:
    index = month.year * 12 + month.month - 1 + delta
    return date(index // 12, index % 12 + 1, 1)


def default_month(group: GroupRow, today: date | None = None) -> date:
    """The current month, clamped into the group's dates."""
    today = today or date.today()
    day = min(max(today, group.date_from), group.date_to)
    return month_start(day)


class CurrentCellDelegate(QStyledItemDelegate):
    """Keeps the code colours under the cursor and draws a frame instead of a blue fill (a filled
    selection hid the letter in the cell being marked)."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        opt = QStyleOptionViewItem(option)
        opt.state &= ~QStyle.StateFlag.State_Selected  # type: ignore[attr-defined]
        opt.state &= ~QStyle.StateFlag.State_HasFocus  # type: ignore[attr-defined]
        super().paint(painter, opt, index)
        if selected:
            painter.save()
            painter.setPen(QPen(QColor("#1f57c3"), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))  # type: ignore[attr-defined]
            painter.restore()


class JournalTableView(QTableView):
    """Keys 1–4 / Space / Delete mark the current cell; arrows move as usual."""

    code_entered = Signal(QModelIndex, object)  # index, AttendanceCode or CLEAR
    painted = Signal()  # the paint asked for by ``announce_next_paint`` is done

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._announce = False

    def announce_next_paint(self) -> None:
        self._announce = True
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self._announce:
            self._announce = False
            QTimer.singleShot(0, self.painted.emit)  # once this frame is flushed

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = Qt.Key(event.key())
        index = self.currentIndex()
        if index.isValid() and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if key in _KEY_CODES:
                self.code_entered.emit(index, _KEY_CODES[key])
                event.accept()
                return
            if key in _CLEAR_KEYS:
                self.code_entered.emit(index, CLEAR)
                event.accept()
                return
        super().keyPressEvent(event)


class JournalPanel(QWidget):
    """The right side of the main window."""

    message = Signal(str)  # a short Russian message for the status bar
    sync_requested = Signal()  # «Синхронизировать» in the empty journal
    enrol_requested = Signal()  # «Подключить к порталу…» in the empty journal
    month_shown = Signal(int, object)  # group id, month (its 1st): a group's month chosen to be shown
    journal_shown = Signal()  # a month read (or its failure) is painted on screen

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.today = today  # injected by tests: the marked column, the totals, the default month
        self.workspace: Workspace | None = None
        self.group: GroupRow | None = None
        self.month: date | None = None
        self.print_job: PrintJob | None = None
        self.hint: str | None = None  # HINT_* while the PC has no groups at all
        self.hint_detail = ""
        self.month_query = LatestQuery(self)
        # A start's journal shown before the workspace is open (``show_early``): marks typed on it
        # wait here (group, day, child, code, the code before) and are saved, in order, when the
        # workspace comes.
        self.early = False
        self._early_marks: list[tuple[int, date, int, int | None, int | None]] = []
        self._marked_early = False  # … and a read of the journal made before they were saved is stale

        self.title_label = QLabel(self.tr("Выберите группу слева"))
        self.title_label.setObjectName("journalTitle")
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.details_label = QLabel()
        self.details_label.setWordWrap(True)
        self.details_label.setStyleSheet("color: #555;")

        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Предыдущий месяц"))
        self.prev_button.clicked.connect(self.on_prev_button_clicked)
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Следующий месяц"))
        self.next_button.clicked.connect(self.on_next_button_clicked)
        self.month_label = QLabel()
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.month_label.setMinimumWidth(150)
        month_font = self.month_label.font()
        month_font.setBold(True)
        self.month_label.setFont(month_font)
        self.print_button = QToolButton()
        self.print_button.setText(self.tr("Печать журнала"))
        self.print_button.setToolTip(
            self.tr("Журнал посещаемости группы за этот месяц: предпросмотр и печать (Ctrl+P)")
        )
        self.print_button.clicked.connect(self.print_journal)
        # «Экспорт в Excel…»: a click — this group's month; the arrow's menu — every group's month.
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Экспорт в Excel…"))
        self.export_button.setToolTip(self.tr("Журнал группы за этот месяц в файл Excel (.xlsx); "
                                              "стрелка — все группы за месяц, лист на группу"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.export_menu = QMenu(self.export_button)
        self.export_group_action = self.export_menu.addAction(self.tr("Эта группа за месяц…"))
        self.export_group_action.triggered.connect(lambda _c=False: self.export_journal())
        self.export_all_action = self.export_menu.addAction(self.tr("Все группы за месяц…"))
        self.export_all_action.triggered.connect(lambda _c=False: self.export_journal(all_groups=True))
        self.export_button.setMenu(self.export_menu)
        self.export_button.clicked.connect(lambda _c=False: self.export_journal())

        self.model = JournalModel(self, today=today)
        self.table = JournalTableView()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(False)
        self.table.setStyleSheet("QTableView { gridline-color: #c8c8c8; }")
        self.table.setItemDelegate(CurrentCellDelegate(self.table))
        palette = self.table.palette()  # the frame marks the cursor; the code colours stay visible
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(0, 0, 0, 0))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("black"))
        self.table.setPalette(palette)
        horizontal = self.table.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        horizontal.setDefaultSectionSize(LESSON_COLUMN_WIDTH)
        horizontal.setMinimumHeight(44)
        # A lesson's state (issue 12): the column header's menu.
        horizontal.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        horizontal.customContextMenuRequested.connect(self.on_header_context_menu_requested)
        # the open question
        self.lesson_dialog: CancelLessonDialog | MoveLessonDialog | LessonThemeDialog | None = None
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(26)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.code_entered.connect(self.on_table_code_entered)
        self.table.painted.connect(self.journal_shown)
        self.table.doubleClicked.connect(self.on_table_double_clicked)
        self.table.customContextMenuRequested.connect(self.on_table_context_menu_requested)

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #666; font-size: 12pt;")
        self.empty_label.setWordWrap(True)
        self.empty_button = QPushButton()  # the next step when there are no groups at all
        self.empty_button.setMinimumHeight(34)
        self.empty_button.clicked.connect(self.on_empty_button_clicked)
        self.empty_box = QWidget()
        empty = QVBoxLayout(self.empty_box)
        empty.addStretch(1)
        empty.addWidget(self.empty_label)
        empty.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty.addStretch(2)
        self.empty_box.hide()

        self.legend_label = QLabel(self._legend_html())
        self.legend_label.setWordWrap(True)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)

        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.month_label)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        nav.addWidget(self.export_button)
        nav.addWidget(self.print_button)
        title_box = QVBoxLayout()
        title_box.addWidget(self.title_label)
        title_box.addWidget(self.details_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addLayout(title_box)
        layout.addLayout(nav)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_box, 1)
        layout.addWidget(self.legend_label)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._update_navigation()

    # --- feeding ----------------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        if workspace is None or not self.early:
            return
        self.early = False  # the workspace is open: the marks typed meanwhile are saved now
        marks, self._early_marks = self._early_marks, []
        self._marked_early = bool(marks)
        for group_id, day, child_id, code, old in marks:
            self._save_mark(workspace, group_id, day, child_id, code, old)
        self._update_navigation()

    def show_early(self, group: GroupRow, month: date, journal: Journal) -> None:
        """A start's last-used journal, read before the workspace is open (issue 15): shown at
        once and marked as usual — the marks are saved when the workspace is open (``set_workspace``);
        the month's navigation, printing and export wait for it."""
        if self.workspace is not None:
            return
        self.early = True
        self.setEnabled(True)
        self.show_group(group, month, journal)

    def drop_early(self) -> None:
        """The workspace did not open: the early journal goes, and the marks typed on it with it
        (there is nothing to save them in; the opening's failure is said)."""
        if self._early_marks:
            log.warning("%d mark(s) typed before the workspace opened were not saved: it did not open",
                        len(self._early_marks))
        self.early, self._early_marks = False, []
        self.show_group(None)

    def show_group(self, group: GroupRow | None, month: date | None = None,
                   read: Journal | None = None) -> None:
        """Open ``group``'s journal at ``month`` (default: this month, clamped into its dates).
        ``read``: that month's journal, read already (a start's first view, on its worker thread)."""
        self.group = group
        if group is None:
            self.month = None
            self.model.set_journal(None)
            self.title_label.setText(self._hint_title() or self.tr("Выберите группу слева"))
            self.details_label.clear()
            self._update_navigation()
            return
        self.month = month_start(month) if month else default_month(group, self.today())
        self.title_label.setText(f"{group.name} — {group.program_name}")
        details = [
            group.module_name,
            group.teacher,
            group_schedule(group),
            self.tr("с %1 по %2")
            .replace("%1", f"{group.date_from:%d.%m.%Y}")
            .replace("%2", f"{group.date_to:%d.%m.%Y}"),
        ]
        self.details_label.setText(" · ".join(d for d in details if d))
        if self._fresh(read):
            assert read is not None
            self.month_query.cancel()  # a read of another month still under way is not shown
            self._show_journal(read, None)
        else:
            self.reload()
        self.month_shown.emit(group.id, self.month)

    def _fresh(self, read: Journal | None) -> bool:
        """``read`` is the shown group's shown month, read after every mark typed on it."""
        if self._marked_early:  # read before the marks typed at start were saved: read again
            self._marked_early = False
            return False
        group = self.group
        return read is not None and group is not None and read.group.id == group.id and \
            read.date_from == self.month

    @property
    def loading(self) -> bool:
        """A month is being read."""
        return self.month_query.loading

    def reload(self, read: Journal | None = None) -> None:
        """Read the journal again (after a sync or a month change), keeping the current cell.
        ``read``: the shown month read already (a start's first view), shown if it is still fresh."""
        workspace, group, month = self.workspace, self.group, self.month
        if workspace is None or group is None or month is None:
            return
        current = self.table.currentIndex()
        keep = (current.row(), current.column()) if current.isValid() else None
        if self._fresh(read):
            assert read is not None
            self.month_query.cancel()
            self._show_journal(read, keep)
            return
        self.month_query.run(
            lambda: workspace.journal_month(group.id, month),
            lambda journal: self._show_journal(journal, keep),
            lambda exc: self._on_read_failed(exc, keep),
        )

    def _on_read_failed(self, exc: BaseException, keep: tuple[int, int] | None) -> None:
        if not isinstance(exc, ServiceError):
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        self.message.emit(in_ui(exc.message))
        self._show_journal(None, keep)

    def _show_journal(self, journal: Journal | None, keep: tuple[int, int] | None) -> None:
        self.model.set_journal(journal)
        self._size_columns()
        if keep and self.model.rowCount() > 0:
            row = min(keep[0], self.model.rowCount() - 1)
            col = min(keep[1], self.model.columnCount() - 1)
            self.table.setCurrentIndex(self.model.index(row, col))
        self._update_navigation()
        self.table.announce_next_paint()

    def show_month(self, month: date) -> None:
        self.month = month_start(month)
        self.table.setCurrentIndex(QModelIndex())
        self.reload()
        if self.group is not None:
            self.month_shown.emit(self.group.id, self.month)

    def show_start_hint(self, hint: str | None, detail: str = "") -> None:
        """The PC has no groups at all: say what to do next (``HINT_*``), with a button for it;
        ``detail`` is a line more (why the last sync failed). None: back to the usual texts."""
        self.hint, self.hint_detail = hint, detail
        if self.group is None:
            self.title_label.setText(self._hint_title() or self.tr("Выберите группу слева"))
        self._update_navigation()

    def _hint_title(self) -> str:
        return {
            HINT_NOT_ENROLLED: self.tr("ПК не подключён к порталу"),
            HINT_NO_GROUPS: self.tr("Групп пока нет"),
            HINT_LOADING: self.tr("Загружаю группы с портала…"),
        }.get(self.hint or "", "")

    def _hint_text(self) -> tuple[str, str]:
        """(what to do, the button's text or "")."""
        if self.hint == HINT_NOT_ENROLLED:
            return (
                self.tr(
                    "Подключите ПК к порталу: нажмите «Подключить к порталу…» и введите одноразовый "
                    "код, который выдаёт муниципальный опорный центр. После подключения группы "
                    "загрузятся с портала."
                ),
                self.tr("Подключить к порталу…"),
            )
        if self.hint == HINT_NO_GROUPS:
            text = self.tr(
                "Групп пока нет. Нажмите «Синхронизировать», чтобы загрузить группы с портала."
            )
            if self.hint_detail:
                text += "\n\n" + self.hint_detail
            return text, self.tr("⟳ Синхронизировать")
        if self.hint == HINT_LOADING:
            return (
                self.tr(
                    "Идёт первая синхронизация: группы, дети и расписания загружаются с портала. "
                    "Ход загрузки — внизу окна."
                ),
                "",
            )
        return "", ""

    @Slot()
    def on_empty_button_clicked(self) -> None:
        if self.hint == HINT_NOT_ENROLLED:
            self.enrol_requested.emit()
        elif self.hint == HINT_NO_GROUPS:
            self.sync_requested.emit()

    # --- marking ----------------------------------------------------------------------------

    def set_code_at(self, index: QModelIndex, code: int | None, move_down: bool = True) -> bool:
        """Set (or clear, ``None``) the mark in ``index``; saved in the background (a start's early
        journal: once the workspace is open)."""
        if (self.workspace is None and not self.early) or not index.isValid() or self.model.journal is None:
            return False
        child, lesson = self.model.child_at(index.row()), self.model.lesson_at(index.column())
        if child is None or lesson is None:
            return False
        if not self.model.is_editable(index):
            if lesson.cancelled:
                self.message.emit(self.tr(
                    "Занятие %1 не проведено по вине исполнителя: отметки на нём не ставятся. Если "
                    "занятие было, отметьте его проведённым (меню заголовка столбца) и повторите "
                    "отметку.").replace("%1", f"{lesson.lesson_date:%d.%m.%Y}"))
            elif self.model.is_billed(lesson.lesson_date) and child.is_member_on(lesson.lesson_date):
                self.message.emit(self.tr(
                    "Месяц %1 уже закрыт для оплаты: отметки за него не меняются. Если отметка неверна, "
                    "обратитесь в уполномоченную организацию.").replace("%1", f"{lesson.lesson_date:%m.%Y}"))
            else:
                self.message.emit(
                    self.tr("%1 ребёнок не числился в группе: отметку поставить нельзя.").replace(
                        "%1", f"{lesson.lesson_date:%d.%m.%Y}"
                    )
                )
            return False
        old = self.model.code_of(child.child_id, lesson.lesson_date)
        if old != code:
            group_id, workspace = self.model.journal.group.id, self.workspace
            child_id, day = child.child_id, lesson.lesson_date
            self.model.set_code(child_id, day, code)
            if workspace is None:  # the early journal: saved when the workspace is open
                self._early_marks.append((group_id, day, child_id, code, old))
            else:
                self._save_mark(workspace, group_id, day, child_id, code, old)
        if move_down and index.row() + 1 < self.model.child_count:
            self.table.setCurrentIndex(self.model.index(index.row() + 1, index.column()))
        return True

    def _save_mark(self, workspace: Workspace, group_id: int, day: date, child_id: int, code: int | None,
                   old: int | None) -> None:
        """One cell's change saved in the background; a refusal puts ``old`` back."""
        CollectionOp(self, lambda: workspace.mark(group_id, day, [MarkChange(child_id, code)])).failure(
            lambda exc: self._on_mark_failed(exc, group_id, child_id, day, old, code)
        ).run_in_background()

    def _on_mark_failed(
        self, exc: BaseException, group_id: int, child_id: int, day: date, old: int | None, new: int | None
    ) -> None:
        journal = self.model.journal
        if journal is not None and journal.group.id == group_id and self.model.code_of(child_id, day) == new:
            self.model.set_code(child_id, day, old)  # only if nothing newer was typed over it
        message = expected_message(exc)
        if message is not None:
            log.info("mark refused: %s", error_code(exc))
            self.message.emit(message)
        else:
            self.message.emit(self.tr("Отметка не сохранена из-за внутренней ошибки."))
            sys.excepthook(type(exc), exc, exc.__traceback__)

    @Slot(QModelIndex, object)
    def on_table_code_entered(self, index: QModelIndex, code: object) -> None:
        self.set_code_at(index, int(code) if isinstance(code, int) else None)  # CLEAR: no code

    @Slot(QModelIndex)
    def on_table_double_clicked(self, index: QModelIndex) -> None:
        if not self.model.is_editable(index):
            self.set_code_at(index, None)  # explains why nothing happens
            return
        child, lesson = self.model.child_at(index.row()), self.model.lesson_at(index.column())
        assert child is not None and lesson is not None
        current = self.model.code_of(child.child_id, lesson.lesson_date)
        position = _CYCLE.index(current) if current in _CYCLE else 0
        self.set_code_at(index, _CYCLE[(position + 1) % len(_CYCLE)], move_down=False)

    @Slot(QPoint)
    def on_table_context_menu_requested(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if (
            not index.isValid()
            or self.model.lesson_at(index.column()) is None
            or self.model.child_at(index.row()) is None
        ):
            return
        self.table.setCurrentIndex(index)
        menu = self.code_menu(index)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def code_menu(self, index: QModelIndex) -> QMenu:
        """The context menu of a cell: the four codes and «clear»."""
        menu = QMenu(self)
        editable = self.model.is_editable(index)
        for code in AttendanceCode:
            action = QAction(f"{code_letter(code)}   {code_title(code)}   ({int(code)})", menu)
            action.setEnabled(editable)
            action.triggered.connect(lambda _c=False, c=int(code): self.set_code_at(index, c, False))
            menu.addAction(action)
        menu.addSeparator()
        clear = QAction(self.tr("Очистить   (Delete)"), menu)
        clear.setEnabled(editable)
        clear.triggered.connect(lambda _c=False: self.set_code_at(index, None, False))
        menu.addAction(clear)
        return menu

    # --- a lesson's state (issue 12) -------------------------------------------------------------

    @Slot(QPoint)
    def on_header_context_menu_requested(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = self.lesson_menu(header.logicalIndexAt(pos))
        if menu is not None:
            menu.exec(header.mapToGlobal(pos))

    def lesson_menu(self, column: int) -> QMenu | None:
        """The menu of a lesson column's header: its theme (КТП), not held by the provider's fault
        (asks the reason), moved (asks the date), held again. None for the totals column."""
        lesson = self.model.lesson_at(column)
        if lesson is None or self.model.journal is None:
            return None
        menu = QMenu(self)
        cancel = QAction(self.tr("Занятие не проведено по вине исполнителя…"), menu)
        cancel.setEnabled(not lesson.cancelled)
        cancel.triggered.connect(lambda _c=False: self.ask_cancel(lesson))
        move = QAction(self.tr("Перенести занятие на…"), menu)
        move.triggered.connect(lambda _c=False: self.ask_move(lesson))
        held = QAction(self.tr("Занятие проведено"), menu)
        held.setEnabled(lesson.cancelled or lesson.moved_from is not None)
        held.triggered.connect(lambda _c=False: self.set_lesson_state(
            lesson, lambda ws, g, d: ws.hold_lesson(g, d)))
        theme = QAction(self.tr("Тема занятия…"), menu)
        theme.triggered.connect(lambda _c=False: self.ask_theme(lesson))
        menu.addAction(theme)
        menu.addSeparator()
        for action in (cancel, move, held):
            menu.addAction(action)
        return menu

    def ask_theme(self, lesson: LessonColumn) -> LessonThemeDialog:
        from .lesson_dialogs import LessonThemeDialog

        dialog = LessonThemeDialog(self, lesson.own_date, lesson.theme)

        def save() -> None:  # the dialog's value is read here, on the UI thread
            theme = dialog.theme()
            self.set_lesson_state(lesson, lambda ws, g, d: ws.set_lesson_theme(g, d, theme))

        dialog.accepted.connect(save)
        self._open(dialog)
        return dialog

    def ask_cancel(self, lesson: LessonColumn) -> CancelLessonDialog:
        from .lesson_dialogs import CancelLessonDialog  # a header menu's question: loaded when asked

        dialog = CancelLessonDialog(self, lesson.own_date)
        reason = lesson.reason if lesson.cancelled else ""
        dialog.reason_edit.setText(reason)

        def cancel() -> None:  # the dialog's values are read here, on the UI thread
            reason = dialog.reason()
            self.set_lesson_state(lesson, lambda ws, g, d: ws.cancel_lesson(g, d, reason))

        dialog.accepted.connect(cancel)
        self._open(dialog)
        return dialog

    def ask_move(self, lesson: LessonColumn) -> MoveLessonDialog:
        journal = self.model.journal
        assert journal is not None
        from .lesson_dialogs import MoveLessonDialog

        dialog = MoveLessonDialog(self, lesson.own_date, journal.group.date_from, journal.group.date_to)
        if lesson.moved_from is not None:
            dialog.date_edit.setDate(lesson.lesson_date)
            dialog.reason_edit.setText(lesson.reason)

        def move() -> None:  # the dialog's values are read here, on the UI thread
            moved_to, reason = dialog.moved_to(), dialog.reason()
            assert moved_to is not None
            self.set_lesson_state(lesson, lambda ws, g, d: ws.move_lesson(g, d, moved_to, reason))

        dialog.accepted.connect(move)
        self._open(dialog)
        return dialog

    def _open(self, dialog: CancelLessonDialog | MoveLessonDialog | LessonThemeDialog) -> None:
        self.lesson_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def set_lesson_state(self, lesson: LessonColumn,
                         change: Callable[[Workspace, int, date], bool]) -> None:
        """Run the state change in the background; the journal reads itself again after it (a moved
        lesson changes columns), a refusal says why (the domain's message)."""
        journal, workspace = self.model.journal, self.workspace
        if journal is None or workspace is None:
            return
        group_id, day = journal.group.id, lesson.own_date
        CollectionOp(self, lambda: change(workspace, group_id, day)).success(
            lambda _changed: self.reload()).failure(self._on_lesson_state_failed).run_in_background()

    def _on_lesson_state_failed(self, exc: BaseException) -> None:
        message = expected_message(exc)
        if message is None:
            self.message.emit(self.tr("Состояние занятия не сохранено из-за внутренней ошибки."))
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        log.info("lesson state refused: %s", error_code(exc))
        self.message.emit(message)
        self.reload()

    # --- «Печать журнала» -------------------------------------------------------------------------

    @Slot()
    def print_journal(self) -> PrintJob | None:
        """The shown group's journal for the shown month: in the background, then the preview."""
        if self.workspace is None or self.group is None or self.month is None:
            return None
        from pfdo_desktop.domain.documents import FORM_JOURNAL

        from ..printing.job import form_file_name, start_print  # the printing machinery: on first use

        group_id, month, today = self.group.id, self.month, self.today()
        self.print_job = start_print(
            self,
            self.workspace,
            FORM_JOURNAL,
            lambda ws: [ws.journal_document(group_id, month, today)],
            form_file_name(FORM_JOURNAL, self.group.name, f"{month:%Y-%m}"),
            lambda text, _error: self.message.emit(text),
        )
        return self.print_job

    # --- «Экспорт в Excel…» ----------------------------------------------------------------------

    def export_journal(self, all_groups: bool = False) -> None:
        """Ask where to save the shown month (of the shown group, or of every group), then save it."""
        if self.workspace is None or self.group is None or self.month is None:
            return
        month = self.month
        if all_groups:
            name = safe_file_name(self.tr("Журнал"), self.tr("все группы"), f"{month:%Y-%m}")
        else:
            name = safe_file_name(self.tr("Журнал"), self.group.name, f"{month:%Y-%m}")
        out = ask_xlsx_path(self, self.tr("Экспорт журнала в Excel"), name)
        if out is not None:
            self.export_to(out, all_groups)

    def export_to(self, out: Path, all_groups: bool = False) -> None:
        """The shown month of the shown group (or of every group with lessons then) to ``out``; the
        result goes to the status bar (``message``)."""
        workspace, group, month, today = self.workspace, self.group, self.month, self.today()
        if workspace is None or group is None or month is None:
            return
        group_id = None if all_groups else group.id
        run_export(self, lambda: workspace.export_journal(month, out, group_id, today), out,
                   lambda n: self.tr("групп: %1").replace("%1", str(n)),
                   lambda text, _error: self.message.emit(text), self.export_button)

    # --- month navigation -------------------------------------------------------------------

    @Slot()
    def on_prev_button_clicked(self) -> None:
        if self.month is not None:
            self.show_month(add_months(self.month, -1))

    @Slot()
    def on_next_button_clicked(self) -> None:
        if self.month is not None:
            self.show_month(add_months(self.month, 1))

    def _update_navigation(self) -> None:
        group, month = self.group, self.month
        has = group is not None and month is not None
        if group is not None and month is not None:
            self.prev_button.setEnabled(month > month_start(group.date_from))
            self.next_button.setEnabled(month < month_start(group.date_to))
            name = QLocale().standaloneMonthName(month.month, QLocale.FormatType.LongFormat)
            self.month_label.setText(f"{name[:1].upper()}{name[1:]} {month.year}")
        else:
            self.prev_button.setEnabled(False)
            self.next_button.setEnabled(False)
            self.month_label.clear()
        if self.early:  # a start's journal, before the workspace is open: marks only, for now
            self.prev_button.setEnabled(False)
            self.next_button.setEnabled(False)
        self.print_button.setEnabled(has and not self.early)
        self.export_button.setEnabled(has and not self.early)
        empty = self.model.rowCount() == 0 or self.model.lesson_count == 0
        button = ""
        if not has and self.hint:
            text, button = self._hint_text()
        elif not has:
            text = self.tr("Выберите группу в списке слева, чтобы открыть журнал.")
        elif self.model.journal is not None and not self.model.journal.children:
            text = self.tr("В этом месяце в группе нет детей.")
        else:
            text = self.tr("В этом месяце у группы нет занятий по расписанию.")
        self.empty_label.setText(text)
        self.empty_button.setText(button)
        self.empty_button.setVisible(bool(button))
        self.empty_box.setVisible(empty)
        self.table.setVisible(not empty)
        self.legend_label.setVisible(has)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        last = self.model.lesson_count
        for column in range(last):  # «сегодня» in bold needs a little more than «пн»
            lesson = self.model.lesson_at(column)
            today = lesson is not None and lesson.lesson_date == self.model.today
            header.resizeSection(column, TODAY_COLUMN_WIDTH if today else LESSON_COLUMN_WIDTH)
        if self.model.columnCount() > last:
            header.resizeSection(last, 72)

    def _legend_html(self) -> str:
        parts = []
        for code in AttendanceCode:
            bg, fg = CODE_BACKGROUND[code].name(), CODE_FOREGROUND[code].name()
            parts.append(
                f"<span style='background:{bg}; color:{fg}; font-weight:bold;'>"
                f"&nbsp;{code_letter(code)}&nbsp;</span>&nbsp;{code_title(code)} ({int(code)})"
            )
        keys = self.tr(
            "Пробел — был, Delete — очистить, двойной щелчок — следующая отметка, "
            "правая кнопка — меню. Серые клетки — ребёнок не числился в группе."
        )
        return "&nbsp;&nbsp; ".join(parts) + f"<br><span style='color:#555'>{keys}</span>"

    def current_cell(self) -> tuple[int, int]:
        index = self.table.currentIndex()
        return index.row(), index.column()

    def __repr__(self) -> str:  # pragma: no cover - debugging aid only
        return f"<JournalPanel group={self.group.id if self.group else None} month={self.month}>"
