"""«Новый ребёнок»: the form of a new-child request (child.create), validated as the operator types.

Every field shows its own message right under it (the rulebook's words, from
`Workspace.validate_new_child`), only once the operator has touched the field or pressed
«Отправить запрос». The request is saved in the background; a refusal by the service focuses the
field it names; a child already in the registry is offered instead of a duplicate.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.domain.applications import DOCUMENT_KINDS_RU, RELATIONS_RU
from pfdo_desktop.workspace_types import DuplicateChild, NewChild, ValidationError

from ..common.dialog import FormDialog
from ..common.domain_words import title
from ..common.refusals import in_ui
from ..common.styles import BAD_FIELD_STYLE, ERROR_STYLE, MUTED_STYLE
from ..errors import show_failure
from ..widgets.date_edit import PARTIAL, DateEdit
from ..widgets.snils_edit import PARTIAL as SNILS_PARTIAL
from ..widgets.snils_edit import SnilsEdit

if TYPE_CHECKING:
    from pfdo_desktop.workspace import Workspace

log = logging.getLogger(__name__)

# Names the service may use for a field, mapped to the form's field.
FIELD_ALIASES = {
    "full_name": "last_name",
    "name": "last_name",
    "document": "doc_number",
    "doc": "doc_number",
    "guardian": "guardian_last_name",
    "guardian_name": "guardian_last_name",
    "parent_name": "guardian_last_name",
    "relation": "guardian_relation",
    "certificate": "certificate_number",
}


class NewChildDialog(FormDialog):
    """Non-blocking: open() it and listen to ``requested`` / ``open_child_requested``."""

    requested = Signal(str)  # the new request's uid (the dialog then closes)
    open_child_requested = Signal(str)  # ChildRow.key of the child already in the registry
    FIELD_ALIASES = FIELD_ALIASES
    what = "child request"

    def __init__(self, workspace: Workspace, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today
        self.request_uid: str | None = None
        self.existing_key: str | None = None
        self._touched: set[str] = set()
        self.setWindowTitle(self.tr("Новый ребёнок"))
        self.setMinimumWidth(760)
        self.resize(900, 640)

        intro = QLabel(
            self.tr(
                "Запрос уйдёт на портал при синхронизации. Портал найдёт ребёнка в реестре по ФИО и дате "
                "рождения (и СНИЛС) или создаст нового с сертификатом учёта."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(MUTED_STYLE)

        cyrillic = QRegularExpressionValidator(QRegularExpression(r"[А-Яа-яЁё \-A-Za-z]{0,100}"))
        self.last_name_edit = self._line(cyrillic, self.tr("Иванов"))
        self.first_name_edit = self._line(cyrillic, self.tr("Иван"))
        self.middle_name_edit = self._line(cyrillic, self.tr("Иванович (если есть)"))
        # Typed as digits; a future or too early date gets the age rule's own message.
        self.birth_date_edit = DateEdit()
        self.birth_date_edit.set_calendar_start(date(today.year - 10, today.month, 1))
        self.birth_date_edit.setMinimumWidth(140)
        # Typed as digits and laid out as «123-456-789 01» (no mask to type over).
        self.snils_edit = SnilsEdit()
        self.doc_kind_combo = QComboBox()
        for code in DOCUMENT_KINDS_RU:
            self.doc_kind_combo.addItem(title("DocumentKind", code), code)
        self.doc_number_edit = self._line(None, self.tr("IV-МЮ 123456"))
        self.certificate_edit = self._line(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,10}")), self.tr("10 цифр, если есть")
        )
        self.guardian_last_name_edit = self._line(cyrillic, self.tr("Иванова"))
        self.guardian_first_name_edit = self._line(cyrillic, self.tr("Мария"))
        self.guardian_middle_name_edit = self._line(cyrillic, self.tr("Петровна"))
        self.relation_combo = QComboBox()
        for code in RELATIONS_RU:
            self.relation_combo.addItem(title("Relation", code), code)
        self.phone_edit = self._line(None, "+7 912 345-67-89")
        self.email_edit = self._line(None, "ivanova@mail.ru")

        # field name → widget; its message under it (``error_labels``)
        self.fields.update({
            "last_name": self.last_name_edit,
            "first_name": self.first_name_edit,
            "middle_name": self.middle_name_edit,
            "birth_date": self.birth_date_edit,
            "snils": self.snils_edit,
            "doc_kind": self.doc_kind_combo,
            "doc_number": self.doc_number_edit,
            "certificate_number": self.certificate_edit,
            "guardian_last_name": self.guardian_last_name_edit,
            "guardian_first_name": self.guardian_first_name_edit,
            "guardian_middle_name": self.guardian_middle_name_edit,
            "guardian_relation": self.relation_combo,
            "phone": self.phone_edit,
            "email": self.email_edit,
        })

        child_box = QGroupBox(self.tr("Ребёнок"))
        child_form = QFormLayout(child_box)
        self._add_row(child_form, self.tr("Фамилия:"), "last_name")
        self._add_row(child_form, self.tr("Имя:"), "first_name")
        self._add_row(child_form, self.tr("Отчество:"), "middle_name")
        self._add_row(child_form, self.tr("Дата рождения:"), "birth_date")
        self._add_row(child_form, self.tr("СНИЛС:"), "snils")
        child_form.addRow(self.tr("Документ:"), self.doc_kind_combo)
        self._add_row(child_form, self.tr("Серия и номер:"), "doc_number", also=("doc_kind",))
        self._add_row(child_form, self.tr("Сертификат:"), "certificate_number")

        guardian_box = QGroupBox(self.tr("Родитель (законный представитель)"))
        guardian_form = QFormLayout(guardian_box)
        self._add_row(guardian_form, self.tr("Фамилия:"), "guardian_last_name")
        self._add_row(guardian_form, self.tr("Имя:"), "guardian_first_name")
        self._add_row(guardian_form, self.tr("Отчество:"), "guardian_middle_name")
        self._add_row(guardian_form, self.tr("Кем приходится:"), "guardian_relation")
        self._add_row(guardian_form, self.tr("Телефон:"), "phone")
        self._add_row(guardian_form, self.tr("E-mail:"), "email")

        # A child already in the registry: say so and offer its card.
        self.duplicate_frame = QFrame()
        self.duplicate_frame.setObjectName("duplicateFrame")
        self.duplicate_frame.setStyleSheet(
            "#duplicateFrame { background: #fff4e0; border: 1px solid #e0b060; border-radius: 4px; }"
        )
        self.duplicate_label = QLabel()
        self.duplicate_label.setWordWrap(True)
        self.open_existing_button = QPushButton(self.tr("Открыть карточку"))
        self.open_existing_button.clicked.connect(self.on_open_existing_button_clicked)
        duplicate = QHBoxLayout(self.duplicate_frame)
        duplicate.addWidget(self.duplicate_label, 1)
        duplicate.addWidget(self.open_existing_button)
        self.duplicate_frame.hide()

        self.buttons = self.make_buttons(self.tr("Отправить запрос"))

        # A scroll area gives the wrapped messages the height they need (a dialog's own layout does
        # not grow for word-wrapped labels); it scrolls only on a very small screen.
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(child_box, 1, Qt.AlignmentFlag.AlignTop)
        columns.addWidget(guardian_box, 1, Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.duplicate_frame)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        for name, widget in self.fields.items():
            if isinstance(widget, DateEdit):
                continue  # its own signals, below: no «unfinished» message at every keystroke
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _t, n=name: self._on_field_changed(n))
                widget.editingFinished.connect(lambda n=name: self._on_field_changed(n))
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda _i, n=name: self._on_field_changed(n))
        self.birth_date_edit.dateChanged.connect(lambda _d: self._on_field_changed("birth_date"))
        self.birth_date_edit.editingFinished.connect(lambda: self._on_field_changed("birth_date"))
        self.last_name_edit.setFocus()

    # --- building -------------------------------------------------------------------------------

    def _line(self, validator: Any, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        if validator is not None:
            edit.setValidator(validator)
        edit.setPlaceholderText(placeholder)
        return edit

    def _add_row(self, form: QFormLayout, title: str, name: str, also: tuple[str, ...] = ()) -> None:
        """The field, and under it (across the whole form: messages are long) its message."""
        form.addRow(title, self.fields[name])
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.setContentsMargins(0, 0, 0, 4)
        error.hide()
        form.addRow(error)
        self.error_labels[name] = error
        for other in also:
            self.error_labels[other] = error

    # --- reading the form -------------------------------------------------------------------------

    def form(self) -> NewChild:
        return NewChild(
            last_name=self.last_name_edit.text().strip(),
            first_name=self.first_name_edit.text().strip(),
            middle_name=self.middle_name_edit.text().strip(),
            birth_date=self.birth_date_edit.date(),
            snils=self.snils_edit.snils(),
            doc_kind=self.doc_kind_combo.currentData() or "",
            doc_number=self.doc_number_edit.text().strip(),
            guardian_last_name=self.guardian_last_name_edit.text().strip(),
            guardian_first_name=self.guardian_first_name_edit.text().strip(),
            guardian_middle_name=self.guardian_middle_name_edit.text().strip(),
            guardian_relation=self.relation_combo.currentData() or "",
            phone=self.phone_edit.text().strip(),
            email=self.email_edit.text().strip(),
            certificate_number=self.certificate_edit.text().strip(),
        )

    def errors(self) -> dict[str, str]:
        """The rulebook's verdict on the whole form, keyed by the form's field names."""
        result: dict[str, str] = {}
        typed = self.birth_date_edit.problem()  # «01.01» left unfinished: say so, not «укажите дату»
        if typed:
            result["birth_date"] = typed
        for field, message in self.workspace.validate_new_child(self.form(), self.today).items():
            result.setdefault(self.field_name(field), in_ui(message))
        return result

    # --- live validation ---------------------------------------------------------------------------

    def _on_field_changed(self, name: str) -> None:
        self._touched.add(name)
        self.duplicate_frame.hide()
        self.error_label.hide()
        self.validate()

    def validate(self) -> dict[str, str]:
        """Show the messages of the touched fields; returns every error of the form."""
        errors = self.errors()
        shown: dict[int, str] = {}  # one label may serve two fields (the document's kind and number)
        typing = {
            "birth_date": self.birth_date_edit.hasFocus() and self.birth_date_edit.state() == PARTIAL,
            "snils": self.snils_edit.hasFocus() and self.snils_edit.state() == SNILS_PARTIAL,
        }
        for name, label in self.error_labels.items():
            message = errors.get(name, "") if name in self._touched else ""
            if typing.get(name):
                message = ""  # still being typed: the message comes when the field is left
            self.mark_bad(self.fields[name], bool(message))
            shown[id(label)] = shown.get(id(label)) or message
        for label in self.error_labels.values():
            label.setText(shown[id(label)])
            label.setVisible(bool(shown[id(label)]))
        unknown = [m for f, m in errors.items() if f not in self.error_labels]
        if unknown and self._touched >= set(self.fields):
            self.error_label.setText("\n".join(unknown))
            self.error_label.show()
        return errors

    def mark_bad(self, widget: QWidget, bad: bool) -> None:
        widget.setStyleSheet(BAD_FIELD_STYLE if bad else "")  # the date and the combos too

    def show_field_error(self, field: str, message: str) -> None:
        """A message next to ``field`` (or under the form), and the focus there."""
        name = self.field_name(field)
        if name in self.error_labels:
            self._touched.add(name)
        super().show_field_error(field, message)

    # --- sending ------------------------------------------------------------------------------------

    def prepare(self) -> Callable[[], Any] | None:
        self._touched |= set(self.fields)
        self.duplicate_frame.hide()
        self.error_label.hide()
        errors = self.validate()
        if errors:
            first = next((n for n in self.fields if n in errors), None)
            if first is not None:
                self.show_field_error(first, errors[first])
            return None
        form, workspace, today = self.form(), self.workspace, self.today
        return lambda: workspace.request_child(form, today)

    def succeeded(self, result: Any) -> None:
        self.request_uid = str(result)
        self.requested.emit(self.request_uid)

    def internal_error_text(self) -> str:
        return self.tr("Запрос не сохранён из-за внутренней ошибки.")

    def refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.show_field_error(exc.field, exc.message)
            return
        if isinstance(exc, DuplicateChild):
            self.existing_key = exc.key or None
            self.duplicate_label.setText(
                self.tr("%1\nНовый запрос не нужен: откройте карточку этого ребёнка.").replace(
                    "%1", in_ui(exc.message)
                )
            )
            self.open_existing_button.setVisible(self.existing_key is not None)
            self.duplicate_frame.show()
            self.open_existing_button.setFocus()
            return
        show_failure(self.error_label, exc, self.what, self.internal_error_text(), log)

    def on_open_existing_button_clicked(self) -> None:
        if self.existing_key is not None:
            self.open_child_requested.emit(self.existing_key)
            self.reject()

