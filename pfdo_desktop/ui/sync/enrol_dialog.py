"""Connect this PC to the region's portal: a PFDO portal with its address and a one-time code, or
a «Навигатор» with its address and the organisation's e-mail and password (issue 16)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..common.dialog import FormDialog
from ..errors import error_code, expected_message
from ..first_run import address_problem
from ..tasks import sync_pool
from .portal_kind import (
    NAVIGATOR,
    NAVIGATOR_PLACEHOLDER,
    PORTAL,
    PortalKindChoice,
    navigator_field,
    navigator_login_problem,
    navigator_refusal_text,
)

log = logging.getLogger(__name__)

EnrolFn = Callable[[str, str], str]  # (portal_url, code) → provider name (Workspace.enrol)
# (navigator_url, e-mail, password) → organisation name (Workspace.enrol_navigator)
NavigatorEnrolFn = Callable[[str, str, str], str]


class EnrolDialog(FormDialog):
    """Validates in `accept()`: a bad field keeps the focus and the dialog stays open. The network
    call (``Workspace.enrol`` or, for a Navigator, ``Workspace.enrol_navigator``) runs in the
    background; its error is shown in the dialog and the field to fix gets the focus.

    Without ``enrol_navigator`` only the PFDO portal is offered (no choice is shown)."""

    what = "enrolment"

    def __init__(self, enrol: EnrolFn, portal_url: str = "", parent: QWidget | None = None, *,
                 enrol_navigator: NavigatorEnrolFn | None = None, kind: str = PORTAL) -> None:
        super().__init__(parent)
        self.enrol = enrol
        self.enrol_navigator = enrol_navigator
        self.provider_name: str | None = None
        self.setWindowTitle(self.tr("Подключение к порталу ПФДО"))
        self.setMinimumWidth(560)

        self.kind_choice = PortalKindChoice(kind if enrol_navigator is not None else PORTAL)
        self.kind_choice.setVisible(enrol_navigator is not None)
        self.kind_choice.changed.connect(self._show_kind)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.url_edit = QLineEdit(portal_url)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("ABCD-EFGH")
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText("org@example.ru")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.buttons = self.make_buttons(self.tr("Подключить"))

        self.form = QFormLayout()
        self.form.addRow(self.tr("Адрес портала:"), self.url_edit)
        self.form.addRow(self.tr("Код подключения:"), self.code_edit)
        self.form.addRow(self.tr("E-mail организации:"), self.email_edit)
        self.form.addRow(self.tr("Пароль:"), self.password_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind_choice)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._show_kind(self.kind_choice.kind())
        (self.url_edit if not portal_url else
         self.email_edit if self.navigator else self.code_edit).setFocus()

    @property
    def navigator(self) -> bool:
        return self.kind_choice.kind() == NAVIGATOR

    def _show_kind(self, kind: str) -> None:
        navigator = kind == NAVIGATOR
        if navigator:
            self.setWindowTitle(self.tr("Подключение к Навигатору"))
            self.intro.setText(self.tr(
                "Введите адрес Навигатора дополнительного образования вашего региона, e-mail и пароль "
                "учётной записи вашей организации в нём — те же, с которыми вы входите в Навигатор. "
                "Пароль хранится только в хранилище паролей этого компьютера."))
            self.url_edit.setPlaceholderText(NAVIGATOR_PLACEHOLDER)
        else:
            self.setWindowTitle(self.tr("Подключение к порталу ПФДО"))
            self.intro.setText(self.tr(
                "Этот компьютер ещё не подключён к региональному порталу. Введите адрес портала и "
                "одноразовый код подключения, который выдал муниципальный опорный центр."))
            self.url_edit.setPlaceholderText("https://pfdo.example.ru")
        label = self.form.labelForField(self.url_edit)
        if isinstance(label, QLabel):
            label.setText(self.tr("Адрес Навигатора:") if navigator else self.tr("Адрес портала:"))
        self.form.setRowVisible(self.code_edit, not navigator)
        self.form.setRowVisible(self.email_edit, navigator)
        self.form.setRowVisible(self.password_edit, navigator)
        self.show_error("")

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        self._fit()

    def _fit(self) -> None:
        """Grow to what the wrapped texts need at this width: a top-level dialog's minimum size does
        not count a word-wrapped label's height, and a three-line refusal would squash the fields."""
        layout = self.layout()
        if not self.isVisible() or layout is None or not layout.hasHeightForWidth():
            return  # before it is shown, the dialog takes its size from its contents anyway
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def op_pool(self) -> QThreadPool | None:
        return sync_pool()  # the portal is asked: never behind the database writes

    def prepare(self) -> Callable[[], Any] | None:
        url = self.url_edit.text().strip()
        problem = address_problem(url, self.navigator)
        if problem is not None:
            self._refuse(self.url_edit, problem)
            return None
        if self.navigator:
            return self._prepare_navigator(url)
        code = self.code_edit.text().strip()
        if not code:
            self._refuse(self.code_edit, self.tr("Введите код подключения."))
            return None
        self.show_error("")
        enrol = self.enrol
        return lambda: enrol(url, code)

    def _prepare_navigator(self, url: str) -> Callable[[], Any] | None:
        email, password = self.email_edit.text().strip(), self.password_edit.text()
        missing = navigator_login_problem(email, password)
        if missing is not None:
            field, message = missing
            self._refuse(self.email_edit if field == "email" else self.password_edit, message)
            return None
        self.show_error("")
        enrol_navigator = self.enrol_navigator
        assert enrol_navigator is not None
        return lambda: enrol_navigator(url, email, password)

    def _refuse(self, field: QLineEdit, message: str) -> None:
        self.show_error(message)
        field.setFocus()
        field.selectAll()

    def busy_text(self) -> str:
        return self.tr("Подключение…")

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        for widget in (self.kind_choice, self.url_edit, self.code_edit, self.email_edit, self.password_edit):
            widget.setEnabled(not busy)

    def succeeded(self, result: Any) -> None:
        self.provider_name = str(result)
        self.password_edit.clear()  # the keyring has it now; the dialog keeps none

    def done(self, result: int) -> None:
        self.password_edit.clear()  # closed either way: no password left in a hidden widget
        super().done(result)

    def refused(self, exc: BaseException) -> None:
        message = expected_message(exc)
        code = error_code(exc) or ""
        if message is not None:
            log.info("enrolment refused: %s", code)
            if self.navigator:
                url = self.url_edit.text().strip()
                self._refuse_navigator(navigator_field(code), navigator_refusal_text(code, message, url))
                return
            # Another portal at this address (other_portal): the address is what to look at.
            field = (self.url_edit if code in ("bad_url", "unreachable", "other_portal")
                     else self.code_edit)
            self._refuse(field, message)
            return
        self._refuse(self.password_edit if self.navigator else self.code_edit,
                     self.tr("Подключение не удалось из-за внутренней ошибки."))
        sys.excepthook(type(exc), exc, exc.__traceback__)

    def _refuse_navigator(self, field: str, message: str) -> None:
        if field == "password":
            self.password_edit.clear()  # refused (or not storable): typed again, not kept
        self._refuse({"url": self.url_edit, "email": self.email_edit}.get(field, self.password_edit), message)
