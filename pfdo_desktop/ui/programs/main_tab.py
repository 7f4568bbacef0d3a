"""«Основное» of the programme editor: names, annotation, the dictionaries, ages, duration, ОВЗ,
addresses and teachers — each field with its message under it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.domain.catalog import DIRECTIONS, REGISTRIES
from pfdo_desktop.domain.program_card import (
    FORMS_RU,
    KINDS_RU,
    LEVELS_RU,
    MAX_AGE_YEARS,
    MIN_AGE_YEARS,
    OVZ_RU,
    ProgramCard,
)

from ..common.domain_words import title
from ..common.styles import make_error_label
from .editor_state import EditorState
from .widgets import StringListEditor, show_messages

MAIN_FIELDS = (
    "name", "short_name", "annotation", "direction", "kind", "form", "level", "registry",
    "age_from_years", "age_to_years", "duration_weeks", "ovz", "medical_certificate", "addresses",
    "teachers",
)  # fmt: skip


def _combo(context: str, items: dict[str, str], placeholder: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(placeholder, "")
    for code in items:
        combo.addItem(title(context, code), code)
    return combo


def _set_combo(combo: QComboBox, code: str) -> None:
    """Choose ``code``; a card that holds the Russian title instead of the code gets the code."""
    index = combo.findData(code)
    if index < 0 and code:
        index = combo.findText(code, Qt.MatchFlag.MatchFixedString)
    combo.setCurrentIndex(index if index >= 0 else 0)


class MainTab(QScrollArea):
    """Edits the card's own fields; ``field_edited(path)`` after the working copy took the edit."""

    field_edited = Signal(str)

    def __init__(self, state: EditorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.fields: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Как в приказе об утверждении программы"))
        self.short_name_edit = QLineEdit()
        self.short_name_edit.setPlaceholderText(self.tr("Для списков и журнала"))
        self.annotation_edit = QPlainTextEdit()
        self.annotation_edit.setPlaceholderText(self.tr("О чём программа: для родителей на портале"))
        self.annotation_edit.setMaximumHeight(96)
        self.direction_combo = _combo("Direction", DIRECTIONS, self.tr("— выберите —"))
        self.kind_combo = _combo("ProgramKind", KINDS_RU, self.tr("— не указан —"))
        self.form_combo = _combo("StudyForm", FORMS_RU, self.tr("— не указана —"))
        self.level_combo = _combo("ProgramLevel", LEVELS_RU, self.tr("— не указан —"))
        self.registry_combo = _combo("Registry", REGISTRIES, self.tr("— выберите —"))
        self.age_from_spin = QSpinBox()
        self.age_to_spin = QSpinBox()
        for spin in (self.age_from_spin, self.age_to_spin):
            spin.setRange(0, 99)
            spin.setToolTip(
                self.tr("Полных лет: от %1 до %2")
                .replace("%1", str(MIN_AGE_YEARS))
                .replace("%2", str(MAX_AGE_YEARS))
            )
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(0, 520)
        self.duration_spin.setSuffix(self.tr(" нед."))
        self.duration_spin.setMinimumWidth(110)
        self.duration_spin.setMaximumWidth(150)
        self.medical_check = QCheckBox(self.tr("Нужна медицинская справка"))
        self.ovz_checks: dict[str, QCheckBox] = {
            code: QCheckBox(title("Disability", code)) for code in OVZ_RU
        }
        self.addresses_editor = StringListEditor(
            self.tr("Добавить адрес"), self.tr("Адрес, где идут занятия")
        )
        self.teachers_editor = StringListEditor(self.tr("Добавить педагога"), self.tr("ФИО педагога"))
        self.fields.update(
            {
                "name": self.name_edit,
                "short_name": self.short_name_edit,
                "annotation": self.annotation_edit,
                "direction": self.direction_combo,
                "kind": self.kind_combo,
                "form": self.form_combo,
                "level": self.level_combo,
                "registry": self.registry_combo,
                "age_from_years": self.age_from_spin,
                "age_to_years": self.age_to_spin,
                "duration_weeks": self.duration_spin,
                "ovz": next(iter(self.ovz_checks.values())),
                "medical_certificate": self.medical_check,
                "addresses": self.addresses_editor.list,
                "teachers": self.teachers_editor.list,
            }
        )

        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._add_row(left, self.tr("Полное название:"), "name")
        self._add_row(left, self.tr("Краткое название:"), "short_name")
        self._add_row(left, self.tr("Аннотация:"), "annotation")
        self._add_row(left, self.tr("Направленность:"), "direction")
        self._add_row(left, self.tr("Вид:"), "kind")
        self._add_row(left, self.tr("Форма обучения:"), "form")
        self._add_row(left, self.tr("Уровень:"), "level")
        self._add_row(left, self.tr("Реестр:"), "registry")
        ages = QWidget()
        ages_line = QHBoxLayout(ages)
        ages_line.setContentsMargins(0, 0, 0, 0)
        ages_line.addWidget(QLabel(self.tr("от")))
        ages_line.addWidget(self.age_from_spin)
        ages_line.addWidget(QLabel(self.tr("до")))
        ages_line.addWidget(self.age_to_spin)
        ages_line.addWidget(QLabel(self.tr("лет (включительно)")))
        ages_line.addStretch(1)
        self._add_row(left, self.tr("Возраст детей:"), "age_from_years", ages, also=("age_to_years",))
        self._add_row(left, self.tr("Продолжительность:"), "duration_weeks")
        left.addRow("", self.medical_check)
        self.error_labels["medical_certificate"] = make_error_label()
        left.addRow(self.error_labels["medical_certificate"])

        ovz_box = QGroupBox(self.tr("Принимает детей с ОВЗ"))
        ovz_layout = QVBoxLayout(ovz_box)
        for check in self.ovz_checks.values():
            ovz_layout.addWidget(check)
        self.error_labels["ovz"] = make_error_label()
        ovz_layout.addWidget(self.error_labels["ovz"])
        places = QFormLayout()
        self._add_row(places, self.tr("Адреса:"), "addresses", self.addresses_editor)
        self._add_row(places, self.tr("Педагоги:"), "teachers", self.teachers_editor)
        right = QVBoxLayout()
        right.addWidget(ovz_box)
        right.addLayout(places)
        right.addStretch(1)

        body = QWidget()
        columns = QHBoxLayout(body)
        left_column = QVBoxLayout()
        left_column.addLayout(left)
        left_column.addStretch(1)  # extra height below the form, never between its rows
        columns.addLayout(left_column, 3)
        columns.addLayout(right, 2)

        self.name_edit.textEdited.connect(lambda _t: self.on_field_edited("name"))
        self.short_name_edit.textEdited.connect(lambda _t: self.on_field_edited("short_name"))
        self.annotation_edit.textChanged.connect(lambda: self.on_field_edited("annotation"))
        for path, combo in (("direction", self.direction_combo), ("kind", self.kind_combo),
                            ("form", self.form_combo), ("level", self.level_combo),
                            ("registry", self.registry_combo)):
            combo.currentIndexChanged.connect(lambda _i, p=path: self.on_field_edited(p))
        for path, number_spin in (("age_from_years", self.age_from_spin), ("age_to_years", self.age_to_spin),
                                  ("duration_weeks", self.duration_spin)):
            number_spin.valueChanged.connect(lambda _v, p=path: self.on_field_edited(p))
        self.medical_check.toggled.connect(lambda _c: self.on_field_edited("medical_certificate"))
        for check in self.ovz_checks.values():
            check.toggled.connect(lambda _c: self.on_field_edited("ovz"))
        self.addresses_editor.changed.connect(lambda: self.on_field_edited("addresses"))
        self.teachers_editor.changed.connect(lambda: self.on_field_edited("teachers"))

        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(body)

    def _add_row(self, form: QFormLayout, title: str, path: str, widget: QWidget | None = None,
                 also: tuple[str, ...] = ()) -> QLabel:
        """The field and its message under it; ``also`` are the paths sharing that line."""
        form.addRow(title, widget if widget is not None else self.fields[path])
        label = make_error_label()
        form.addRow(label)
        for p in (path, *also):
            self.error_labels[p] = label
        return label

    # --- the card ------------------------------------------------------------------------------------

    def load(self, card: ProgramCard) -> None:
        """Put ``card``'s own fields into the form (the caller holds ``state.filling()``)."""
        self.name_edit.setText(card.name)
        self.short_name_edit.setText(card.short_name)
        self.annotation_edit.setPlainText(card.annotation)
        _set_combo(self.direction_combo, card.direction)
        _set_combo(self.kind_combo, card.kind)
        _set_combo(self.form_combo, card.form)
        _set_combo(self.level_combo, card.level)
        _set_combo(self.registry_combo, card.registry)
        self.age_from_spin.setValue(card.age_from_years)
        self.age_to_spin.setValue(card.age_to_years)
        self.duration_spin.setValue(card.duration_weeks)
        self.medical_check.setChecked(card.medical_certificate)
        for code, check in self.ovz_checks.items():
            check.setChecked(code in card.ovz)
        self.addresses_editor.set_values(card.addresses)
        self.teachers_editor.set_values(card.teachers)

    def read(self, card: ProgramCard) -> ProgramCard:
        """``card`` with the form's fields (a dictionary's Russian title read back as its code)."""
        return replace(
            card,
            name=self.name_edit.text().strip(),
            short_name=self.short_name_edit.text().strip(),
            annotation=self.annotation_edit.toPlainText().strip(),
            direction=self.direction_combo.currentData() or "",
            kind=self.kind_combo.currentData() or "",
            form=self.form_combo.currentData() or "",
            level=self.level_combo.currentData() or "",
            registry=self.registry_combo.currentData() or "",
            age_from_years=self.age_from_spin.value(),
            age_to_years=self.age_to_spin.value(),
            duration_weeks=self.duration_spin.value(),
            ovz=tuple(code for code, check in self.ovz_checks.items() if check.isChecked()),
            medical_certificate=self.medical_check.isChecked(),
            addresses=self.addresses_editor.values(),
            teachers=self.teachers_editor.values(),
        )

    def on_field_edited(self, path: str) -> None:
        """The operator changed the field ``path``: the working copy takes the whole form."""
        state = self.state
        if state.loading:
            return
        state.touch(path, path)
        state.card = self.read(state.card)
        self.field_edited.emit(path)
        state.edit(draft=True)

    # --- messages and modes --------------------------------------------------------------------------

    def show_errors(self, shown: dict[str, str]) -> None:
        show_messages(self.error_labels, self.fields, shown)

    def set_read_only(self, read_only: bool) -> None:
        for line_edit in (self.name_edit, self.short_name_edit):
            line_edit.setReadOnly(read_only)
        self.annotation_edit.setReadOnly(read_only)
        for widget in (
            self.direction_combo, self.kind_combo, self.form_combo, self.level_combo, self.registry_combo,
            self.age_from_spin, self.age_to_spin, self.duration_spin, self.medical_check,
            *self.ovz_checks.values(),
        ):  # fmt: skip
            widget.setEnabled(not read_only)
        self.addresses_editor.set_read_only(read_only)
        self.teachers_editor.set_read_only(read_only)

    def field(self, path: str) -> QWidget | None:
        """The widget to focus for ``path``."""
        return self.fields.get(path)
