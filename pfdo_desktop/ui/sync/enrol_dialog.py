"""First run: connect this PC to the portal with its address and a one-time code."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..errors import error_code, expected_message
from ..tasks import Task, run_task, sync_pool

log = logging.getLogger(__name__)

EnrolFn = Callable[[str, str], str]  # (portal_url, code) → provider name


class EnrolDialog(QDialog):
    """Validates in `accept()`: a bad field keeps the focus and the dialog stays open. The network
    call runs in the background; its error is shown in the dialog."""

    def __init__(self, enrol: EnrolFn, portal_url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enrol = enrol
        self.provider_name: str | None = None
        self.task: Task | None = None
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
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Подключить"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Отмена"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

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

    def accept(self) -> None:
        if self.task is not None and self.task.running:
            return
        url = self.url_edit.text().strip()
        code = self.code_edit.text().strip()
        parsed = QUrl(url, QUrl.ParsingMode.StrictMode)
        if not url:
            self._refuse(self.url_edit, self.tr("Введите адрес портала."))
            return
        if not parsed.isValid() or parsed.scheme() not in ("http", "https") or not parsed.host():
            self._refuse(
                self.url_edit,
                self.tr(
                    "Адрес портала должен начинаться с http:// или https://, например https://pfdo.example.ru"
                ),
            )
            return
        if not code:
            self._refuse(self.code_edit, self.tr("Введите код подключения."))
            return
        self.show_error("")
        self._set_busy(True)
        self.task = run_task(
            lambda: self.enrol(url, code), self._on_enrolled, self._on_enrol_failed, pool=sync_pool()
        )

    def _refuse(self, field: QLineEdit, message: str) -> None:
        self.show_error(message)
        field.setFocus()
        field.selectAll()

    def _set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.url_edit.setEnabled(not busy)
        self.code_edit.setEnabled(not busy)
        self.ok_button.setText(self.tr("Подключение…") if busy else self.tr("Подключить"))

    def _on_enrolled(self, provider_name: str) -> None:
        self.provider_name = provider_name
        self._set_busy(False)
        super().accept()

    def _on_enrol_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
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
