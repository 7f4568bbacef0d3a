"""«Новая заявка»: child, group and start date, with the rulebook's pre-check as the operator types.

The pre-check (`Workspace.precheck`) runs on every change — it is a few local reads —
and shows every refusal with its reason, the figures of this application and what to do, or, when
the child is eligible, what the contract costs and who pays what. «Подать заявку» stays disabled
while anything refuses. The portal decides for real when the application arrives.

«Номер сертификата» (issue 10 §1, ``domain.privacy``): the number from the parent's application,
10 digits kept as text, checked as the operator types (``identity.certificate_number_error``) with
the message next to the field. It is prefilled when this PC already sees the child's certificate,
empty for a child the portal answered «уже есть в реестре»; required for a certified programme and
for such a child; compared with the number this PC knows before anything is sent.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.domain.enrolment import F_BIRTH_DATE, F_CERTIFICATE, F_GROUP, F_START_DATE
from pfdo_desktop.domain.identity import certificate_number_error
from pfdo_desktop.domain.privacy import F_CERTIFICATE_NUMBER, normalize_certificate_number
from pfdo_desktop.workspace_types import ChildRow, GroupRow, Precheck, ServiceError

from ..common.dialog import FormDialog
from ..common.domain_words import title
from ..common.refusals import in_ui
from ..common.styles import BAD_FIELD_STYLE, ERROR_COLOR, ERROR_STYLE, MUTED_STYLE, OK_COLOR
from ..common.texts import cost_text, money, ru_date
from ..errors import show_failure
from ..widgets.date_edit import DateEdit
from ..widgets.text_width import fit_placeholder

if TYPE_CHECKING:
    from pfdo_desktop.workspace import Workspace

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 120


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def child_title(child: ChildRow) -> str:
    """«Иванов Иван Иванович, 05.03.2016, серт. 5201123456»: namesakes told apart at a glance."""
    parts = [child.full_name, ru_date(child.birth_date)]
    if child.certificate_number:
        parts.append(f"№ {child.certificate_number}")
    return ", ".join(parts)


def group_title(group: GroupRow) -> str:
    return f"{group.name} — {group.program_name}"


class NewApplicationDialog(FormDialog):
    """Non-blocking: open() it and listen to ``submitted``."""

    submitted = Signal(str)  # the new application's uid (the dialog then closes)
    what = "application"

    def __init__(
        self,
        workspace: Workspace,
        today: date,
        child: ChildRow | None = None,
        group_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today
        self.application_uid: str | None = None
        self.check: Precheck | None = None
        self._start_touched = False
        self._loading = False
        self.setWindowTitle(self.tr("Новая заявка"))
        self.setMinimumWidth(660)
        self.resize(720, 600)

        self.child_search_edit = QLineEdit()
        self.child_search_edit.setPlaceholderText(self.tr("ФИО, дата рождения, сертификат или СНИЛС"))
        self.child_search_edit.setClearButtonEnabled(True)
        self.child_combo = QComboBox()
        self.child_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.child_combo.setMinimumContentsLength(40)
        self.group_combo = QComboBox()
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.group_combo.setMinimumContentsLength(40)
        self.group_details_label = QLabel()
        self.group_details_label.setWordWrap(True)
        self.group_details_label.setStyleSheet(MUTED_STYLE)
        self.start_date_edit = DateEdit()
        self.start_date_edit.setDate(today)
        self.start_date_edit.setMinimumWidth(140)

        self.certificate_number_edit = QLineEdit()
        self.certificate_number_edit.setPlaceholderText(self.tr("10 цифр из заявления родителя"))
        self.certificate_number_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9 \-]{0,16}"), self.certificate_number_edit)
        )
        # As wide as its placeholder (also in English): «10 цифр из заявлени…» hid what to type.
        fit_placeholder(self.certificate_number_edit, minimum=140)
        self.certificate_number_label = QLabel()
        self.certificate_number_label.setWordWrap(True)
        self.certificate_number_label.setStyleSheet(MUTED_STYLE)
        certificate_row = QHBoxLayout()
        certificate_row.addWidget(self.certificate_number_edit)
        certificate_row.addWidget(self.certificate_number_label, 1)

        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        self.check_label.setTextFormat(Qt.TextFormat.RichText)
        self.check_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.check_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_label.setContentsMargins(8, 8, 8, 8)
        self.check_frame = QScrollArea()
        self.check_frame.setWidgetResizable(True)
        self.check_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.check_frame.setWidget(self.check_label)
        self.check_frame.setMinimumHeight(220)

        self.buttons = self.make_buttons(self.tr("Подать заявку"))

        form = QFormLayout()
        form.addRow(self.tr("Найти ребёнка:"), self.child_search_edit)
        form.addRow(self.tr("Ребёнок:"), self.child_combo)
        form.addRow(self.tr("Группа:"), self.group_combo)
        form.addRow("", self.group_details_label)
        form.addRow(self.tr("Дата начала обучения:"), self.start_date_edit)
        form.addRow(self.tr("Номер сертификата:"), certificate_row)
        check_title = QLabel(self.tr("Предварительная проверка (окончательно решает портал):"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(check_title)
        layout.addWidget(self.check_frame, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.on_search_timer_timeout)
        self.child_search_edit.textEdited.connect(lambda _t: self.search_timer.start())
        self.certificate_number_edit.textEdited.connect(self.on_certificate_number_edited)

        self._load_groups(group_id)
        if child is not None:
            self.child_search_edit.setText(child.full_name)
        self._load_children(child)
        self._prefill_certificate_number()
        self.child_combo.currentIndexChanged.connect(self.on_child_combo_changed)
        self.group_combo.currentIndexChanged.connect(self.on_group_combo_changed)
        self.start_date_edit.dateChanged.connect(self.on_start_date_changed)
        self.start_date_edit.editingFinished.connect(self.on_form_changed)
        self._default_start_date()
        self.run_precheck()
        (self.group_combo if child is not None else self.child_search_edit).setFocus()

    # --- choices --------------------------------------------------------------------------------

    def _load_groups(self, group_id: int | None) -> None:
        self._loading = True
        try:
            self.group_combo.clear()
            self.group_combo.addItem(self.tr("— выберите группу —"), None)
            for group in self.workspace.groups_for_application():
                self.group_combo.addItem(group_title(group), group)
                self.group_combo.setItemData(
                    self.group_combo.count() - 1, group_title(group), Qt.ItemDataRole.ToolTipRole
                )
            if group_id is not None:
                for index in range(1, self.group_combo.count()):
                    if self.group_combo.itemData(index).id == group_id:
                        self.group_combo.setCurrentIndex(index)
                        break
        finally:
            self._loading = False

    def _load_children(self, keep: ChildRow | None = None) -> None:
        query = self.child_search_edit.text().strip()
        current = keep or self.selected_child()
        rows = self.workspace.search_children(query, limit=100) if query else []
        if current is not None and all(r.key != current.key for r in rows):
            rows.insert(0, current)
        self._loading = True
        try:
            self.child_combo.clear()
            if not rows:
                self.child_combo.addItem(
                    self.tr("— найдите ребёнка по ФИО, дате рождения или сертификату —")
                    if not query
                    else self.tr("— никого не нашлось —"),
                    None,
                )
            for row in rows:
                self.child_combo.addItem(child_title(row), row)
                self.child_combo.setItemData(
                    self.child_combo.count() - 1, child_title(row), Qt.ItemDataRole.ToolTipRole
                )
            if current is not None:
                for index in range(self.child_combo.count()):
                    data = self.child_combo.itemData(index)
                    if data is not None and data.key == current.key:
                        self.child_combo.setCurrentIndex(index)
                        break
        finally:
            self._loading = False

    def selected_child(self) -> ChildRow | None:
        data = self.child_combo.currentData()
        return data if isinstance(data, ChildRow) else None

    def selected_group(self) -> GroupRow | None:
        data = self.group_combo.currentData()
        return data if isinstance(data, GroupRow) else None

    def start_date(self) -> date | None:
        """The start date, or None while it is empty or unfinished (the check says so)."""
        return self.start_date_edit.date()

    def _default_start_date(self) -> None:
        """Today, or the group's first day if it starts later (until the operator picks a date)."""
        group = self.selected_group()
        if self._start_touched or group is None:
            return
        day = max(self.today, group.date_from)
        if day > group.date_to:
            day = self.today
        self._loading = True
        try:
            self.start_date_edit.setDate(day)
        finally:
            self._loading = False

    def on_search_timer_timeout(self) -> None:
        self._load_children()
        self.run_precheck()

    def on_group_combo_changed(self, _index: int) -> None:
        if self._loading:
            return
        self._default_start_date()
        self.run_precheck()

    def on_start_date_changed(self, _day: object) -> None:
        if self._loading:
            return
        self._start_touched = True
        self.run_precheck()

    def on_form_changed(self, _index: int = 0) -> None:
        if not self._loading:
            self.run_precheck()

    # --- the pre-check ------------------------------------------------------------------------------

    def on_child_combo_changed(self, _index: int) -> None:
        if self._loading:
            return
        self._prefill_certificate_number()
        self.run_precheck()

    def on_certificate_number_edited(self, _text: str) -> None:
        self.run_precheck()

    def _prefill_certificate_number(self) -> None:
        """The number this PC already sees for the chosen child (the provider is linked to it), or
        empty: the operator types it from the parent's application."""
        child = self.selected_child()
        number = self.workspace.certificate_prefill(child.key) if child is not None else ""
        self.certificate_number_edit.setText(number)

    def certificate_number(self) -> str:
        """The number as typed (spaces and hyphens allowed; the service keeps the digits)."""
        return self.certificate_number_edit.text()

    def certificate_number_error(self) -> str | None:
        """What is wrong with the typed number's form (``identity.certificate_number_error``)."""
        number = normalize_certificate_number(self.certificate_number())
        if not number or certificate_number_error(number) is None:
            return None
        message = self.tr("Номер сертификата — ровно 10 цифр, а введено %1: сверьте с заявлением родителя")
        return message.replace("%1", str(len(number)))

    def _show_certificate_number(self, check: Precheck | None) -> None:
        """The message next to «Номер сертификата»: what is wrong with it, or what it is for."""
        edit, label = self.certificate_number_edit, self.certificate_number_label
        problem = self.certificate_number_error()
        if problem is None and check is not None:
            problem = next((in_ui(r.message) for r in check.refusals if r.field == F_CERTIFICATE_NUMBER),
                           None)
        if problem is not None:
            edit.setStyleSheet(BAD_FIELD_STYLE)
            label.setStyleSheet(ERROR_STYLE)
            label.setText(problem)
            if self.certificate_number_error() is not None:
                self.ok_button.setEnabled(False)
            return
        edit.setStyleSheet("")
        label.setStyleSheet(MUTED_STYLE)
        if check is None:
            label.setText("")
        elif check.certificate_number_compared:
            label.setText(self.tr("Совпадает с номером сертификата ребёнка на этом ПК."))
        elif check.certificate_number:
            label.setText(self.tr("Номер сверит портал при подаче заявки."))
        elif check.certificate_number_required:
            label.setText(self.tr("Обязательно: номер из заявления родителя."))
        else:
            label.setText(self.tr("Для этой программы номер можно не указывать."))

    def run_precheck(self) -> Precheck | None:
        """Check the form now and show the verdict; returns it (None when the form is incomplete)."""
        child, group = self.selected_child(), self.selected_group()
        self.error_label.hide()
        self._show_group(group)
        self._show_certificate_number(None)
        self.check = None
        for widget in (self.child_combo, self.group_combo, self.start_date_edit):
            widget.setStyleSheet("")
        if child is None or group is None:
            missing = self.tr("Выберите ребёнка.") if child is None else self.tr("Выберите группу.")
            self.check_label.setText(f"<span style='color:#555'>{_html(missing)}</span>")
            self.ok_button.setEnabled(False)
            return None
        start = self.start_date()
        if start is None:  # «01.09» unfinished (or emptied): say so instead of checking
            problem = self.start_date_edit.problem() or self.tr(
                "Укажите дату начала обучения (ДД.ММ.ГГГГ)."
            )
            self.check_label.setText(
                f"<p style='color:{ERROR_COLOR}; font-weight:bold'>✖ "
                + _html(self.tr("Дата начала обучения: %1").replace("%1", problem))
                + "</p>"
            )
            self.start_date_edit.setStyleSheet(BAD_FIELD_STYLE)
            self.ok_button.setEnabled(False)
            return None
        try:
            check = self.workspace.precheck(child.key, group.id, start, self.today, self.certificate_number())
        except ServiceError as exc:
            self.check_label.setText(f"<span style='color:{ERROR_COLOR}'>{_html(in_ui(exc.message))}</span>")
            self.ok_button.setEnabled(False)
            return None
        self.check = check
        self.show_check(check)
        self._show_certificate_number(check)
        return check

    def _show_group(self, group: GroupRow | None) -> None:
        if group is None:
            self.group_details_label.clear()
            return
        parts = [
            group.module_name,
            group.teacher,
            group.schedule,
            self.tr("занятия с %1 по %2")
            .replace("%1", ru_date(group.date_from))
            .replace("%2", ru_date(group.date_to)),
        ]
        self.group_details_label.setText(" · ".join(p for p in parts if p))

    def show_check(self, check: Precheck) -> None:
        fields = {
            F_BIRTH_DATE: self.child_combo,
            F_CERTIFICATE: self.child_combo,
            F_GROUP: self.group_combo,
            F_START_DATE: self.start_date_edit,
            F_CERTIFICATE_NUMBER: self.certificate_number_edit,
        }
        places = (
            self.tr("Свободных мест: %1 из %2.")
            .replace("%1", str(max(check.free_places, 0)))
            .replace("%2", str(check.capacity))
        )
        if check.refusals:
            blocks = [
                f"<p style='color:{ERROR_COLOR}; font-weight:bold'>"
                + _html(self.tr("Заявку не примут — причин: %1").replace("%1", str(len(check.refusals))))
                + "</p>"
            ]
            what_to_do = self.tr("Что делать:")
            for refusal in check.refusals:
                blocks.append(
                    f"<p style='margin-top:6px'><span style='color:{ERROR_COLOR}; font-weight:bold'>"
                    f"✖ {_html(in_ui(refusal.text))}</span><br>"
                    f"<span style='color:{ERROR_COLOR}'>{_html(in_ui(refusal.message))}</span><br>"
                    f"<b>{_html(what_to_do)}</b> {_html(in_ui(refusal.advice))}</p>"
                )
                widget = fields.get(refusal.field)
                if widget is not None:
                    widget.setStyleSheet(BAD_FIELD_STYLE)
            blocks.append(f"<p style='color:#555'>{_html(places)}</p>")
            self.check_label.setText("".join(blocks))
            self.ok_button.setEnabled(False)
            return
        lines = [
            f"<p style='color:{OK_COLOR}; font-weight:bold'>✔ "
            + _html(self.tr("Ребёнка можно записать в эту группу."))
            + "</p>",
            f"<p>{_html(places)}</p>",
        ]
        cost = check.cost
        if cost is not None:
            months = cost.months
            rows = [
                (
                    self.tr("Стоимость по договору"),
                    money(cost.all) + " " + self.tr("за %1 мес.").replace("%1", str(months)),
                ),
                (self.tr("Оплачивает сертификат"), money(cost.certificate_part)),
                (self.tr("Доплачивает родитель"), money(cost.parent_part)),
                (self.tr("Остаток сертификата после резерва"), money(cost.balance_after)),
            ]
            if months > 1:
                rows.append(
                    (
                        self.tr("По месяцам (сертификат / родитель)"),
                        self.tr("первый месяц %1 / %2, далее %3 / %4")
                        .replace("%1", money(cost.certificate_monthly[0]))
                        .replace("%2", money(cost.parent_monthly[0]))
                        .replace("%3", money(cost.certificate_monthly[-1]))
                        .replace("%4", money(cost.parent_monthly[-1])),
                    )
                )
            table = "".join(
                f"<tr><td style='padding-right:12px'>{_html(title)}:</td><td><b>{_html(value)}</b></td></tr>"
                for title, value in rows
            )
            lines.append(f"<table>{table}</table>")
            if cost.parent_pays:
                note = self.tr("Сертификат покрывает не всё: родитель доплачивает разницу.")
                lines.append(f"<p style='color:#8a5300'>{_html(note)}</p>")
        else:
            registry = title("Registry", check.registry)
            free = cost_text(None, check.registry)  # «бесплатно» for a budget programme
            if free:
                row = (
                    f"<tr><td style='padding-right:12px'>{_html(self.tr('Стоимость'))}:</td>"
                    f"<td><b>{_html(free)}</b></td></tr>"
                )
                lines.append(f"<table>{row}</table>")
            if check.registry == "paid":
                text = self.tr("Платная программа: сертификат не используется.")
            else:
                text = self.tr("Программа из реестра «%1»: оплата по сертификату не списывается.").replace(
                    "%1", registry
                )
            lines.append(f"<p>{_html(text)}</p>")
        self.check_label.setText("".join(lines))
        self.ok_button.setEnabled(not self.busy)

    # --- submitting -------------------------------------------------------------------------------

    def prepare(self) -> Callable[[], Any] | None:
        check = self.run_precheck()
        start = self.start_date()
        if start is None and self.selected_child() is not None and self.selected_group() is not None:
            self.start_date_edit.setFocus()  # the check says what is wrong with the date
            self.start_date_edit.selectAll()
            return None
        if self.certificate_number_error() is not None or (
            check is not None and any(r.field == F_CERTIFICATE_NUMBER for r in check.refusals)
        ):
            self.certificate_number_edit.setFocus()  # the message next to it says what is wrong
            return None
        if check is None or check.refusals or start is None:
            return None
        child, group = self.selected_child(), self.selected_group()
        assert child is not None and group is not None
        workspace, today, number = self.workspace, self.today, self.certificate_number()
        return lambda: workspace.submit_application(child.key, group.id, start, today, number)

    def succeeded(self, result: Any) -> None:
        self.application_uid = str(result)
        self.submitted.emit(self.application_uid)

    def internal_error_text(self) -> str:
        return self.tr("Заявка не сохранена из-за внутренней ошибки.")

    def refused(self, exc: BaseException) -> None:
        refusals = getattr(exc, "refusals", None)  # `Refused`: the rulebook's reasons
        if refusals:
            check = self.check
            self.show_check(
                Precheck(
                    refusals=tuple(refusals),
                    cost=None,
                    registry=check.registry if check else "",
                    free_places=check.free_places if check else 0,
                    capacity=check.capacity if check else 0,
                )
            )
            return
        show_failure(self.error_label, exc, self.what, self.internal_error_text(), log)
        self.ok_button.setEnabled(True)
