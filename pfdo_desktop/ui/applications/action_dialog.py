"""The dialogs of the commands on an application that need data: reject (reason), enrol (order),
expel (order and reason), transfer (group, date and order), terminate (the parent's request date).

Each dialog queues its command through the service in the background and stays open on a refusal,
with the message next to the field it concerns.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.domain.applications import (
    ACT_ENROL,
    ACT_EXPEL,
    ACT_REJECT,
    ACT_TERMINATE,
    ACT_TRANSFER,
    EXPEL_REASONS_RU,
    REJECT_REASONS_RU,
)
from pfdo_desktop.domain.pricing import termination_effective_date
from pfdo_desktop.workspace_types import ApplicationRow, GroupRow

from ..common.dialog import FormDialog
from ..common.domain_words import word
from ..common.styles import ERROR_STYLE, MUTED_STYLE
from ..common.texts import ru_date, status_text
from ..widgets.date_edit import DateEdit
from .new_dialog import group_title

if TYPE_CHECKING:
    from pfdo_desktop.workspace import Workspace

log = logging.getLogger(__name__)

# Names the service may give a field, mapped to the dialog's field.
FIELD_ALIASES = {
    "reason_code": "reason",
    "to_group": "group",
    "to_group_id": "group",
    "group_id": "group",
    "date": "on_date",
    "start_date": "date_from",
    "end_date": "date_to",
}


class ApplicationActionDialog(FormDialog):
    """One command on one application; ``queued`` carries the service's result on success."""

    queued = Signal(object)  # the service's result (a new uid for a transfer, else None)
    FIELD_ALIASES = FIELD_ALIASES
    what = "application command"

    def __init__(
        self, action: str, application: ApplicationRow, workspace: Workspace, today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.action = action
        self.application = application
        self.workspace = workspace
        self.today = today
        self.setMinimumWidth(560)

        titles = {
            ACT_REJECT: (self.tr("Отклонить заявку"), self.tr("Отклонить")),
            ACT_ENROL: (self.tr("Зачислить по приказу"), self.tr("Зачислить")),
            ACT_EXPEL: (self.tr("Отчислить по приказу"), self.tr("Отчислить")),
            ACT_TRANSFER: (self.tr("Перевести в другую группу"), self.tr("Перевести")),
            ACT_TERMINATE: (self.tr("Расторгнуть договор по заявлению родителя"), self.tr("Расторгнуть")),
        }
        title, ok_text = titles[action]
        self.setWindowTitle(title)

        about = QLabel(
            self.tr("%1, %2 — %3, с %4. Статус: %5.")
            .replace("%1", application.child_name)
            .replace("%2", ru_date(application.child_birth_date))
            .replace(
                "%3",
                f"{application.group_name} ({application.program_name})"
                if application.program_name
                else application.group_name,
            )
            .replace("%4", ru_date(application.start_date))
            .replace("%5", status_text(application.status))
        )
        about.setWordWrap(True)
        note = QLabel(self.tr("Команда уйдёт на портал при синхронизации; статус изменит ответ портала."))
        note.setWordWrap(True)
        note.setStyleSheet(MUTED_STYLE)

        self.form = QFormLayout()
        self.effect_label = QLabel()  # what the command will mean (terminate: from which day)
        self.effect_label.setWordWrap(True)
        self.effect_label.setStyleSheet("font-weight: bold;")
        self.effect_label.hide()
        self.buttons = self.make_buttons(ok_text)

        self._build(action)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # room for the messages
        layout.addWidget(about)
        layout.addLayout(self.form)
        layout.addWidget(self.effect_label)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())

    # --- building ---------------------------------------------------------------------------------

    def _add(self, name: str, title: str, widget: QWidget) -> QWidget:
        """The field, and under it its message (a row of its own: the field keeps its height)."""
        self.form.addRow(title, widget)
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        self.form.addRow("", error)
        self.fields[name] = widget
        self.error_labels[name] = error
        return widget

    def _date(self, name: str, title: str, day: date) -> DateEdit:
        edit = DateEdit()
        edit.setDate(day)
        edit.setMinimumWidth(140)
        edit.editingFinished.connect(lambda: self._check_date(name))
        self._add(name, title, edit)
        return edit

    def _check_date(self, name: str) -> bool:
        """The date field ``name`` as typed: its message under it (the focus stays); False if bad."""
        edit = self.fields[name]
        assert isinstance(edit, DateEdit)
        problem = edit.problem() or (self.tr("Укажите дату (ДД.ММ.ГГГГ).") if edit.date() is None else "")
        label = self.error_labels[name]
        label.setText(problem)
        label.setVisible(bool(problem))
        edit.setStyleSheet("border: 1px solid #b00020;" if problem else "")
        return not problem

    def _dates(self) -> dict[str, date] | None:
        """Every date field's date; None (the first bad one focused, with its message) if one is not."""
        days: dict[str, date] = {}
        for name, widget in self.fields.items():
            if not isinstance(widget, DateEdit):
                continue
            day = widget.date()
            if day is None:
                self._check_date(name)
                widget.setFocus()
                widget.selectAll()
                return None
            days[name] = day
        return days

    def _line(self, name: str, title: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        self._add(name, title, edit)
        return edit

    def _combo(self, name: str, title: str, items: dict[str, str], context: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("— выберите —"), None)
        for code, text in items.items():
            combo.addItem(word(context, text), code)
        self._add(name, title, combo)
        return combo

    def _build(self, action: str) -> None:
        app = self.application
        if action == ACT_REJECT:
            self.reason_combo = self._combo("reason", self.tr("Причина:"), REJECT_REASONS_RU, "RejectReason")
            self.comment_edit = self._line("comment", self.tr("Комментарий:"), self.tr("для родителя"))
        elif action == ACT_ENROL:
            self.order_number_edit = self._line("order_number", self.tr("Номер приказа:"), self.tr("12-о"))
            self.order_date_edit = self._date("order_date", self.tr("Дата приказа:"), self.today)
            self.date_from_edit = self._date("date_from", self.tr("Зачислить с:"), app.start_date)
        elif action == ACT_EXPEL:
            self.order_number_edit = self._line("order_number", self.tr("Номер приказа:"), self.tr("15-о"))
            self.order_date_edit = self._date("order_date", self.tr("Дата приказа:"), self.today)
            self.date_to_edit = self._date("date_to", self.tr("Последний день обучения:"), self.today)
            self.reason_combo = self._combo("reason", self.tr("Причина:"), EXPEL_REASONS_RU, "EndReason")
        elif action == ACT_TRANSFER:
            self.group_combo = QComboBox()
            self.group_combo.addItem(self.tr("— выберите группу —"), None)
            for group in self.workspace.groups_for_application():
                if group.id != app.group_id:
                    self.group_combo.addItem(group_title(group), group)
            self._add("group", self.tr("В группу:"), self.group_combo)
            self.on_date_edit = self._date("on_date", self.tr("Дата перевода:"), self.today)
            self.order_number_edit = self._line("order_number", self.tr("Номер приказа:"), self.tr("16-о"))
            self.order_date_edit = self._date("order_date", self.tr("Дата приказа:"), self.today)
            self.on_date_edit.dateChanged.connect(self._show_effect)
            self._show_effect()
        elif action == ACT_TERMINATE:
            self.request_date_edit = self._date(
                "request_date", self.tr("Дата заявления родителя:"), self.today
            )
            self.request_date_edit.dateChanged.connect(self._show_effect)
            self._show_effect()

    def _show_effect(self, *_args: object) -> None:
        if self.action == ACT_TERMINATE:
            request = self.request_date_edit.date()
            if request is None:  # being typed: the effect waits for a whole date
                self.effect_label.hide()
                return
            effective = termination_effective_date(request)
            self.effect_label.setText(
                self.tr(
                    "Договор будет расторгнут с %1 — с 1-го числа месяца, следующего за заявлением."
                ).replace("%1", ru_date(effective))
            )
        elif self.action == ACT_TRANSFER:
            day = self.on_date_edit.date()
            if day is None:
                self.effect_label.hide()
                return
            self.effect_label.setText(
                self.tr("В старой группе договор закончится %1, в новой ребёнок будет зачислен с %2.")
                .replace("%1", ru_date(date.fromordinal(day.toordinal() - 1)))
                .replace("%2", ru_date(day))
            )
        self.effect_label.show()

    # --- the command -------------------------------------------------------------------------------

    def command(self) -> Callable[[], Any] | None:
        """The `Workspace` call for the form as filled in, or None (a message is shown)."""
        workspace, uid, today = self.workspace, self.application.uid, self.today
        action = self.action
        days = self._dates()  # an unfinished date: its message, and the focus goes back to it
        if days is None:
            return None
        if action == ACT_REJECT:
            reason = self.reason_combo.currentData()
            if reason is None:
                self.show_field_error("reason", self.tr("Выберите причину отклонения."))
                return None
            comment = self.comment_edit.text().strip()
            return lambda: workspace.reject_application(uid, reason, comment)
        if action == ACT_ENROL:
            number = self.order_number_edit.text().strip()
            order_date = days["order_date"]
            date_from = days["date_from"]
            return lambda: workspace.enrol_application(uid, number, order_date, date_from, today=today)
        if action == ACT_EXPEL:
            number = self.order_number_edit.text().strip()
            order_date = days["order_date"]
            date_to = days["date_to"]
            reason = self.reason_combo.currentData()
            if reason is None:
                self.show_field_error("reason", self.tr("Выберите причину отчисления."))
                return None
            return lambda: workspace.expel_application(uid, number, order_date, date_to, reason, today=today)
        if action == ACT_TRANSFER:
            group: GroupRow | None = self.group_combo.currentData()
            if group is None:
                self.show_field_error("group", self.tr("Выберите группу, в которую переводится ребёнок."))
                return None
            on_date = days["on_date"]
            number = self.order_number_edit.text().strip()
            order_date = days["order_date"]
            return lambda: workspace.transfer_application(uid, group.id, on_date, number, order_date, today)
        if action == ACT_TERMINATE:
            request_date = days["request_date"]
            return lambda: workspace.terminate_application(uid, request_date, today=today)
        raise ValueError(action)

    def prepare(self) -> Callable[[], Any] | None:
        self.clear_errors()
        return self.command()

    def succeeded(self, result: Any) -> None:
        self.queued.emit(result)

    def internal_error_text(self) -> str:
        return self.tr("Команда не сохранена из-за внутренней ошибки.")
