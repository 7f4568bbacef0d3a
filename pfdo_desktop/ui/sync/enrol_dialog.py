"""First run: connect this PC to the portal with its address and a one-time code."""

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

log = logging.getLogger(__name__)

EnrolFn = Callable[[str, str], str]  # (portal_url, code) → provider name


class EnrolDialog(FormDialog):
    """Validates in `accept()`: a bad field keeps the focus and the dialog stays open. The network
    call (``Workspace.enrol``) runs in the background; its error is shown in the dialog."""

    what = "enrolment"

    def __init__(self, enrol: EnrolFn, portal_url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enrol = enrol
        self.provider_name: str | None = None
        self.setWindowTitle(self.tr("Подключение к порталу ПФДО"))
        self.setMinimumWidth(520)

        intro = QLabel(
            self.tr(
                "Этот компьютер ещё не подключён к региональному порталу. Введите адрес портала и "
                "одноразовый код подключения, который выдал муниципальный опорный центр."
            )
        )
        intro.setWordWrap(True)
        self.url_edit = QLineEdit(portal_url)
        self.url_edit.setPlaceholderText("https://pfdo.example.ru")
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("ABCD-EFGH")
        self.buttons = self.make_buttons(self.tr("Подключить"))

        form = QFormLayout()
        form.addRow(self.tr("Адрес портала:"), self.url_edit)
        form.addRow(self.tr("Код подключения:"), self.code_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        (self.code_edit if portal_url else self.url_edit).setFocus()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def op_pool(self) -> QThreadPool | None:
        return sync_pool()  # the portal is asked: never behind the database writes

    def prepare(self) -> Callable[[], Any] | None:
        url = self.url_edit.text().strip()
        code = self.code_edit.text().strip()
        problem = address_problem(url)
        if problem is not None:
            self._refuse(self.url_edit, problem)
            return None
        if not code:
            self._refuse(self.code_edit, self.tr("Введите код подключения."))
            return None
        self.show_error("")
        enrol = self.enrol
        return lambda: enrol(url, code)

    def _refuse(self, field: QLineEdit, message: str) -> None:
        self.show_error(message)
        field.setFocus()
        field.selectAll()

    def busy_text(self) -> str:
        return self.tr("Подключение…")

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.url_edit.setEnabled(not busy)
        self.code_edit.setEnabled(not busy)

    def succeeded(self, result: Any) -> None:
        self.provider_name = str(result)

    def refused(self, exc: BaseException) -> None:
        message = expected_message(exc)
        if message is not None:
            log.info("enrolment refused: %s", error_code(exc))
            # Another portal at this address (other_portal): the address is what to look at.
            field = (self.url_edit if error_code(exc) in ("bad_url", "unreachable", "other_portal")
                     else self.code_edit)
            self._refuse(field, message)
            return
        self._refuse(self.code_edit, self.tr("Подключение не удалось из-за внутренней ошибки."))
        sys.excepthook(type(exc), exc, exc.__traceback__)
