"""The OK/accept skeleton of every form dialog (OpenLP's: validate in ``accept()``, refocus the first
bad field, stay open).

``accept()`` asks ``prepare()`` for the operation. None: the form is refused — ``prepare`` has put
the message next to the first bad field and the focus on it — and the dialog stays open. Otherwise
the operation runs in the background as a `CollectionOp` with the OK button busy; on success
``succeeded(result)`` and the dialog closes, on a failure ``refused(exc)`` and it stays open
(a ``ValidationError`` goes next to its field). The dialog cannot be closed while its write runs:
the answer needs it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QWidget

from pfdo_desktop.workspace_types import ValidationError

from ..errors import show_failure
from ..tasks import CollectionOp, Task
from .refusals import in_ui
from .styles import BAD_FIELD_STYLE, make_error_label

log = logging.getLogger(__name__)


class FormDialog(QDialog):
    """Subclasses build their form (with ``make_buttons`` or their own ``ok_button``) and implement
    ``prepare``."""

    ok_button: QPushButton  # the button that runs the operation (busy while it runs)

    # Names the service may give a field, mapped to the form's field name.
    FIELD_ALIASES: dict[str, str] = {}
    # For the log line of an unexpected failure (never a name or a number of a child).
    what = "form"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task: Task | None = None
        self.ok_text = ""
        self.fields: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.error_label = make_error_label()  # what belongs to no field (a database error, …)
        self.error_label.setContentsMargins(0, 0, 0, 0)

    def make_buttons(self, ok_text: str) -> QDialogButtonBox:
        """«``ok_text``» and «Отмена» under the form: OK runs ``accept``, «Отмена» ``reject``."""
        ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok | cancel)
        self.ok_button = buttons.button(ok)
        self.ok_text = ok_text
        self.ok_button.setText(ok_text)
        buttons.button(cancel).setText(self.tr("Отмена"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    # --- to implement -------------------------------------------------------------------------------

    def prepare(self) -> Callable[[], Any] | None:
        """Check the form; return the operation to run, or None (the bad field focused)."""
        raise NotImplementedError

    def succeeded(self, result: Any) -> None:
        """The operation is done (before the dialog closes): say so to whoever listens."""

    def refused(self, exc: BaseException) -> None:
        """The operation failed: a field's problem next to it, anything else under the form."""
        if isinstance(exc, ValidationError):
            self.show_field_error(exc.field, exc.message)
            return
        show_failure(self.error_label, exc, self.what, self.internal_error_text(), log)

    def internal_error_text(self) -> str:
        return self.tr("Изменение не сохранено из-за внутренней ошибки.")

    def busy_text(self) -> str:
        return self.tr("Сохраняю…")

    def op_pool(self) -> QThreadPool | None:
        """Where the operation runs (None: the write pool)."""
        return None

    # --- the skeleton -------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def accept(self) -> None:
        self.start()

    def start(self) -> Task | None:
        """Check and run; the task, or None when the form was refused (or a write still runs)."""
        if self.busy:
            return None
        op = self.prepare()
        if op is None:
            return None
        self.set_busy(True)
        self.task = (
            CollectionOp(self, op)
            .success(self._on_succeeded)
            .failure(self._on_refused)
            .run_in_background(pool=self.op_pool())
        )
        return self.task

    def reject(self) -> None:
        if self.busy:
            return  # the write finishes in a moment; its answer needs this dialog
        super().reject()

    def set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.ok_button.setText(self.busy_text() if busy else self.ok_text)

    def _on_succeeded(self, result: Any) -> None:
        self.set_busy(False)
        self.succeeded(result)
        super().accept()

    def _on_refused(self, exc: BaseException) -> None:
        self.set_busy(False)
        self.refused(exc)

    # --- messages next to the fields ------------------------------------------------------------------

    def field_name(self, field: str) -> str:
        return field if field in self.fields else self.FIELD_ALIASES.get(field, field)

    def mark_bad(self, widget: QWidget, bad: bool) -> None:
        """A red frame on a refused line edit (a styled combo or date edit loses its native look)."""
        if isinstance(widget, QLineEdit):
            widget.setStyleSheet(BAD_FIELD_STYLE if bad else "")

    def show_field_error(self, field: str, message: str) -> None:
        """``message`` next to ``field`` (or under the form) and the focus there; a message of the
        services or the domain in the UI's language."""
        message = in_ui(message)
        name = self.field_name(field)
        label = self.error_labels.get(name)
        if label is None:
            self.error_label.setText(message)
            self.error_label.show()
            return
        label.setText(message)
        label.show()
        widget = self.fields[name]
        self.mark_bad(widget, True)
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def clear_errors(self) -> None:
        self.error_label.hide()
        for name, label in self.error_labels.items():
            label.hide()
            self.fields[name].setStyleSheet("")
