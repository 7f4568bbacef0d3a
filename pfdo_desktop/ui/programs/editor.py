"""The programme card editor: «Основное», «Модули», «Группы».

The working copy is a frozen `ProgramCard` replaced on every edit; `validate_card` runs on each
change (a few hundred microseconds for 4 modules and 20 groups) and every message stands next to
its field — for a module or a group next to its row («Замечание») and under the form of the
selected one, for a weekly slot under that slot. A message shows once the field was touched, or
for every field after «Отправить на модерацию», which then focuses the first bad field (switching
to its tab and row).

«Сохранить черновик» always works (an unfinished card is kept on the PC). A card under moderation
opens read-only with the service's reason at the top; a returned one shows the moderator's
comment; a card changed on the portal while a local draft exists shows the portal's version beside
the draft, with «Оставить мой черновик» / «Взять версию портала» (`services.programs.resolve_conflict`).

Groups are not part of a draft (`services.programs`): a group of a module the portal knows is sent
on its own with «Сохранить группу» (a command the portal validates, no moderation); a new
programme gets its groups after publication. Groups changed here and not yet saved are marked in
their row, and closing the editor warns about them.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
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
    FieldError,
    GroupCard,
    ModuleCard,
    ProgramCard,
    SlotCard,
    validate_card,
)

from ..applications.texts import ERROR_COLOR, MUTED_STYLE, OK_COLOR
from ..errors import show_failure
from ..rows_model import row_list_view, set_column_widths
from ..tasks import Task, run_task, write_pool
from ..widgets.date_edit import PARTIAL, DateEdit
from .model import (
    GCOL_CAPACITY,
    GCOL_DATES,
    GCOL_NAME,
    GCOL_SCHEDULE,
    GCOL_TEACHER,
    MCOL_CHILDREN,
    MCOL_GROUPS,
    MCOL_HOURS,
    MCOL_NAME,
    MCOL_NORMATIVE,
    MCOL_PRICE,
    GroupsTableModel,
    ModulesTableModel,
)
from .services import programs
from .widgets import ConflictTable, SlotRow, StringListEditor, differences, error_label, mark_bad

log = logging.getLogger(__name__)

TAB_MAIN, TAB_MODULES, TAB_GROUPS = range(3)
MAIN_FIELDS = (
    "name", "short_name", "annotation", "direction", "kind", "form", "level", "registry",
    "age_from_years", "age_to_years", "duration_weeks", "ovz", "medical_certificate", "addresses",
    "teachers",
)  # fmt: skip
MODULE_FIELDS = ("name", "hours", "min_children", "max_children", "price", "normative_price")
GROUP_FIELDS = ("name", "date_from", "date_to", "capacity", "teacher", "slots", "explicit_dates")
# Fields that share one message line: touching one reveals the other's message too.
TOGETHER = {
    "age_from_years": ("age_from_years", "age_to_years"),
    "age_to_years": ("age_from_years", "age_to_years"),
    "min_children": ("min_children", "max_children"),
    "max_children": ("min_children", "max_children"),
    "date_from": ("date_from", "date_to", "explicit_dates"),
    "date_to": ("date_from", "date_to", "explicit_dates"),
}
MODULE_PATH = re.compile(r"^modules\.(\d+)\.(\w+)$")
GROUP_PATH = re.compile(r"^modules\.(\d+)\.groups\.(\d+)\.(\w+)(?:\.(\d+))?$")


def _group_key(group: GroupCard) -> str:
    """As `services.programs.group_key` (``CardView.pending_groups`` holds these)."""
    return f"g:{group.id}" if group.id is not None else f"u:{group.uid}"


def _money(value: float) -> Decimal:
    return Decimal(f"{value:.2f}")


def _combo(items: dict[str, str], placeholder: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(placeholder, "")
    for code, title in items.items():
        combo.addItem(title, code)
    return combo


def _set_combo(combo: QComboBox, code: str) -> None:
    """Choose ``code``; a card that holds the Russian title instead of the code gets the code."""
    index = combo.findData(code)
    if index < 0 and code:
        index = combo.findText(code, Qt.MatchFlag.MatchFixedString)
    combo.setCurrentIndex(index if index >= 0 else 0)


def _date_edit(today: date) -> DateEdit:
    edit = DateEdit()
    edit.set_calendar_start(today)
    return edit


class ProgramEditorDialog(QDialog):
    """Non-blocking: open() it and listen to ``saved`` / ``submitted`` / ``group_saved``."""

    saved = Signal(str)  # the draft's key (the dialog stays open)
    submitted = Signal(str)  # the draft's key (the dialog then closes)
    group_saved = Signal(str)  # the group's uid (a command for the portal)

    def __init__(
        self,
        db: Any,
        today: date,
        view: Any | None = None,
        card: ProgramCard | None = None,
        price_cap_ratio: Decimal | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today
        self.view = view
        self.key: str = view.key if view is not None else programs().NEW_KEY
        self.price_cap_ratio = price_cap_ratio
        self.task: Task | None = None
        self.editable = view is None or bool(view.editable)
        self.dirty = False
        self._close_warned = False
        self._loading = False
        self._touched: set[str] = set()
        self._show_all = view is not None  # an existing card: its problems show at once
        self._extra: list[FieldError] = []  # the service's verdict, until the next edit
        self.errors: list[FieldError] = []
        self._module_row = -1  # selected on «Модули»
        self._group_module = -1  # chosen on «Группы»
        self._group_row = -1
        self.slot_rows: list[SlotRow] = []
        self._unsaved_groups: set[tuple[int, int]] = set()  # (module, group) changed, not yet sent
        self._sent_groups: set[tuple[int, int]] = set()  # saved in this session, waiting for a sync
        self._card = card if card is not None else (view.card if view is not None else programs().new_card())

        title = self._card.name or self.tr("Новая программа")
        self.setWindowTitle(self.tr("Программа: %1").replace("%1", title))
        self.setMinimumSize(900, 620)
        self.resize(1060, 760)

        self._build_banner()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_main_tab(), self.tr("Основное"))
        self.tabs.addTab(self._build_modules_tab(), self.tr("Модули"))
        self.tabs.addTab(self._build_groups_tab(), self.tr("Группы"))
        self._tab_titles = [self.tabs.tabText(i) for i in range(self.tabs.count())]

        self.message_label = QLabel()  # what belongs to no field, and «Черновик сохранён»
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Сохранить черновик"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.submit_button = self.buttons.addButton(
            self.tr("Отправить на модерацию"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(self.tr("Закрыть"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save_draft)
        self.submit_button.clicked.connect(self.submit)
        self.close_button.clicked.connect(self.reject)
        self.submit_button.setDefault(False)
        self.submit_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

        self.load(self._card)
        self._show_banner()
        if not self.editable:
            self._set_read_only(True)
        self.name_edit.setFocus()

    # === building ====================================================================================

    def _build_banner(self) -> None:
        self.banner = QFrame()
        self.banner.setObjectName("programBanner")
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.compare_button = QPushButton(self.tr("Показать версию портала"))
        self.compare_button.setCheckable(True)
        self.compare_button.toggled.connect(self.on_compare_button_toggled)
        self.keep_draft_button = QPushButton(self.tr("Оставить мой черновик"))
        self.keep_draft_button.setToolTip(
            self.tr("Черновик ляжет поверх новой версии портала; его можно будет отправить на модерацию")
        )
        self.keep_draft_button.clicked.connect(lambda _c=False: self.resolve_conflict(keep_draft=True))
        self.take_portal_button = QPushButton(self.tr("Взять версию портала"))
        self.take_portal_button.setToolTip(self.tr("Удалить черновик и открыть карточку, как она на портале"))
        self.take_portal_button.clicked.connect(lambda _c=False: self.resolve_conflict(keep_draft=False))
        self.conflict_table = ConflictTable()
        self.conflict_table.hide()
        line = QHBoxLayout()
        line.addWidget(self.banner_label, 1)
        for button in (self.compare_button, self.keep_draft_button, self.take_portal_button):
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self.banner)
        layout.addLayout(line)
        layout.addWidget(self.conflict_table)
        self.banner.hide()

    def _scroll(self, body: QWidget) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        return scroll

    def _add_row(
        self,
        form: QFormLayout,
        title: str,
        path: str,
        widget: QWidget | None = None,
        also: tuple[str, ...] = (),
    ) -> QLabel:
        """The field and its message under it; ``also`` are the paths sharing that line."""
        form.addRow(title, widget if widget is not None else self.fields[path])
        label = error_label()
        form.addRow(label)
        for p in (path, *also):
            self.error_labels[p] = label
        return label

    def _build_main_tab(self) -> QWidget:
        self.fields: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Как в приказе об утверждении программы"))
        self.short_name_edit = QLineEdit()
        self.short_name_edit.setPlaceholderText(self.tr("Для списков и журнала"))
        self.annotation_edit = QPlainTextEdit()
        self.annotation_edit.setPlaceholderText(self.tr("О чём программа: для родителей на портале"))
        self.annotation_edit.setMaximumHeight(96)
        self.direction_combo = _combo(DIRECTIONS, self.tr("— выберите —"))
        self.kind_combo = _combo(KINDS_RU, self.tr("— не указан —"))
        self.form_combo = _combo(FORMS_RU, self.tr("— не указана —"))
        self.level_combo = _combo(LEVELS_RU, self.tr("— не указан —"))
        self.registry_combo = _combo(REGISTRIES, self.tr("— выберите —"))
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
        self.ovz_checks: dict[str, QCheckBox] = {code: QCheckBox(title) for code, title in OVZ_RU.items()}
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
        self.error_labels["medical_certificate"] = error_label()
        left.addRow(self.error_labels["medical_certificate"])

        ovz_box = QGroupBox(self.tr("Принимает детей с ОВЗ"))
        ovz_layout = QVBoxLayout(ovz_box)
        for check in self.ovz_checks.values():
            ovz_layout.addWidget(check)
        self.error_labels["ovz"] = error_label()
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

        for widget in (self.name_edit, self.short_name_edit):
            widget.textEdited.connect(self._main_changed_slot(widget))
        self.annotation_edit.textChanged.connect(lambda: self._on_main_changed("annotation"))
        for path in ("direction", "kind", "form", "level", "registry"):
            combo = self.fields[path]
            assert isinstance(combo, QComboBox)
            combo.currentIndexChanged.connect(lambda _i, p=path: self._on_main_changed(p))
        for path in ("age_from_years", "age_to_years", "duration_weeks"):
            number_spin = self.fields[path]
            assert isinstance(number_spin, QSpinBox)
            number_spin.valueChanged.connect(lambda _v, p=path: self._on_main_changed(p))
        self.medical_check.toggled.connect(lambda _c: self._on_main_changed("medical_certificate"))
        for check in self.ovz_checks.values():
            check.toggled.connect(lambda _c: self._on_main_changed("ovz"))
        self.addresses_editor.changed.connect(lambda: self._on_main_changed("addresses"))
        self.teachers_editor.changed.connect(lambda: self._on_main_changed("teachers"))
        return self._scroll(body)

    def _main_changed_slot(self, widget: QWidget) -> Any:
        path = next(p for p, w in self.fields.items() if w is widget)
        return lambda _t: self._on_main_changed(path)

    def _build_modules_tab(self) -> QWidget:
        self.modules_model = ModulesTableModel(self)
        self.modules_table = row_list_view(self.modules_model)
        set_column_widths(self.modules_table, (
            (MCOL_NAME, 230),
            (MCOL_HOURS, 60),
            (MCOL_CHILDREN, 110),
            (MCOL_PRICE, 110),
            (MCOL_NORMATIVE, 150),
            (MCOL_GROUPS, 60),
        ))
        self.modules_table.selectionModel().selectionChanged.connect(self.on_modules_selection_changed)
        self.add_module_button = QPushButton(self.tr("Добавить модуль"))
        self.add_module_button.clicked.connect(self.on_add_module_button_clicked)
        self.remove_module_button = QPushButton(self.tr("Удалить модуль"))
        self.remove_module_button.clicked.connect(self.on_remove_module_button_clicked)
        self.modules_error_label = error_label()  # «Добавьте хотя бы один модуль»
        self.error_labels["modules"] = self.modules_error_label

        self.module_box = QGroupBox(self.tr("Модуль (год обучения)"))
        self.module_name_edit = QLineEdit()
        self.module_name_edit.setPlaceholderText(self.tr("Например: 1-й год обучения"))
        self.module_name_edit.setMinimumWidth(380)
        self.hours_spin = QSpinBox()
        self.hours_spin.setRange(0, 2000)
        self.hours_spin.setSuffix(self.tr(" ч"))
        self.min_children_spin = QSpinBox()
        self.max_children_spin = QSpinBox()
        for spin in (self.min_children_spin, self.max_children_spin):
            spin.setRange(0, 500)
        self.price_spin = QDoubleSpinBox()
        self.normative_spin = QDoubleSpinBox()
        for money_spin in (self.price_spin, self.normative_spin):
            money_spin.setRange(0, 10_000_000)
            money_spin.setDecimals(2)
            money_spin.setSuffix(" ₽")
            money_spin.setGroupSeparatorShown(True)
            money_spin.setMinimumWidth(150)
        self.price_spin.setSpecialValueText(self.tr("бесплатно"))  # a zero price, not «0,00 ₽»
        self.module_fields: dict[str, QWidget] = {
            "name": self.module_name_edit,
            "hours": self.hours_spin,
            "min_children": self.min_children_spin,
            "max_children": self.max_children_spin,
            "price": self.price_spin,
            "normative_price": self.normative_spin,
        }
        self.module_labels: dict[str, QLabel] = {}
        form = QFormLayout(self.module_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self._module_row_widgets(form, self.tr("Название:"), ("name",), self.module_name_edit)
        self.hours_spin.setMinimumWidth(110)
        self._module_row_widgets(form, self.tr("Часов:"), ("hours",), self.hours_spin)
        children = QWidget()
        line = QHBoxLayout(children)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(QLabel(self.tr("от")))
        line.addWidget(self.min_children_spin)
        line.addWidget(QLabel(self.tr("до")))
        line.addWidget(self.max_children_spin)
        line.addStretch(1)
        self._module_row_widgets(form, self.tr("Детей в группе:"), ("min_children", "max_children"), children)
        self._module_row_widgets(form, self.tr("Цена:"), ("price",), self.price_spin)
        self._module_row_widgets(
            form, self.tr("Нормативная стоимость:"), ("normative_price",), self.normative_spin
        )
        if self.price_cap_ratio is not None:
            cap = QLabel(
                self.tr("Цена не выше нормативной стоимости × %1 (предел региона)").replace(
                    "%1", str(self.price_cap_ratio)
                )
            )
            cap.setStyleSheet(MUTED_STYLE)
            form.addRow("", cap)

        self.module_name_edit.textEdited.connect(lambda _t: self._on_module_changed("name"))
        for path in ("hours", "min_children", "max_children", "price", "normative_price"):
            module_spin = self.module_fields[path]
            assert isinstance(module_spin, QAbstractSpinBox)
            module_spin.valueChanged.connect(  # type: ignore[attr-defined]
                lambda _v, p=path: self._on_module_changed(p))

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_module_button)
        buttons.addWidget(self.remove_module_button)
        buttons.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.modules_table, 1)
        layout.addWidget(self.modules_error_label)
        layout.addLayout(buttons)
        layout.addWidget(self.module_box)
        return page

    def _module_row_widgets(
        self, form: QFormLayout, title: str, paths: tuple[str, ...], widget: QWidget
    ) -> None:
        form.addRow(title, widget)
        label = error_label()
        form.addRow(label)
        for path in paths:
            self.module_labels[path] = label

    def _build_groups_tab(self) -> QWidget:
        self.group_module_combo = QComboBox()
        self.group_module_combo.setMinimumContentsLength(30)
        self.group_module_combo.currentIndexChanged.connect(self.on_group_module_combo_changed)
        self.groups_model = GroupsTableModel(self)
        self.groups_table = row_list_view(self.groups_model)
        set_column_widths(self.groups_table, (
            (GCOL_NAME, 150),
            (GCOL_DATES, 170),
            (GCOL_CAPACITY, 50),
            (GCOL_TEACHER, 150),
            (GCOL_SCHEDULE, 240),
        ))
        self.groups_table.selectionModel().selectionChanged.connect(self.on_groups_selection_changed)
        self.add_group_button = QPushButton(self.tr("Добавить группу"))
        self.add_group_button.clicked.connect(self.on_add_group_button_clicked)
        self.remove_group_button = QPushButton(self.tr("Удалить группу"))
        self.remove_group_button.clicked.connect(self.on_remove_group_button_clicked)
        self.save_group_button = QPushButton(self.tr("Сохранить группу"))
        self.save_group_button.setToolTip(
            self.tr("Группа и её расписание уходят на портал при синхронизации, без модерации")
        )
        self.save_group_button.clicked.connect(self.save_group)
        self.groups_note = QLabel()
        self.groups_note.setWordWrap(True)
        self.groups_note.setStyleSheet(MUTED_STYLE)

        self.group_box = QGroupBox(self.tr("Группа"))
        self.group_name_edit = QLineEdit()
        self.group_name_edit.setPlaceholderText(self.tr("Например: Робототехника-1"))
        self.date_from_edit = _date_edit(self.today)
        self.date_to_edit = _date_edit(self.today)
        self.capacity_spin = QSpinBox()
        self.capacity_spin.setRange(0, 500)
        self.teacher_combo = QComboBox()
        self.teacher_combo.setEditable(True)
        self.teacher_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.group_fields: dict[str, QWidget] = {
            "name": self.group_name_edit,
            "date_from": self.date_from_edit,
            "date_to": self.date_to_edit,
            "capacity": self.capacity_spin,
            "teacher": self.teacher_combo,
        }
        self.group_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        self.capacity_spin.setMinimumWidth(90)
        self.capacity_spin.setMaximumWidth(120)
        self._group_row_widgets(form, self.tr("Название:"), ("name",), self.group_name_edit)
        dates = QWidget()
        line = QHBoxLayout(dates)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(QLabel(self.tr("с")))
        line.addWidget(self.date_from_edit)
        line.addWidget(QLabel(self.tr("по")))
        line.addWidget(self.date_to_edit)
        line.addStretch(1)
        self._group_row_widgets(form, self.tr("Сроки занятий:"), ("date_from", "date_to"), dates)
        self._group_row_widgets(form, self.tr("Мест:"), ("capacity",), self.capacity_spin)
        self._group_row_widgets(form, self.tr("Педагог:"), ("teacher",), self.teacher_combo)

        # --- schedule ---
        self.weekly_radio = QRadioButton(self.tr("По дням недели"))
        self.dates_radio = QRadioButton(self.tr("По датам"))
        self.schedule_mode = QButtonGroup(self)
        self.schedule_mode.addButton(self.weekly_radio)
        self.schedule_mode.addButton(self.dates_radio)
        self.weekly_radio.setChecked(True)
        self.weekly_radio.toggled.connect(self.on_schedule_mode_toggled)
        self.slots_box = QWidget()
        self.slots_layout = QVBoxLayout(self.slots_box)
        self.slots_layout.setContentsMargins(0, 0, 0, 0)
        self.slots_layout.setSpacing(4)
        self.add_slot_button = QPushButton(self.tr("Добавить день"))
        self.add_slot_button.clicked.connect(self.on_add_slot_button_clicked)
        self.weekly_page = QWidget()
        weekly = QVBoxLayout(self.weekly_page)
        weekly.setContentsMargins(0, 0, 0, 0)
        weekly.addWidget(self.slots_box)
        add_line = QHBoxLayout()
        add_line.addWidget(self.add_slot_button)
        add_line.addStretch(1)
        weekly.addLayout(add_line)
        weekly.addStretch(1)
        self.dates_list = QListWidget()
        self.dates_list.setMaximumHeight(130)
        self.new_date_edit = _date_edit(self.today)
        self.new_date_edit.setDate(self.today)
        self._new_date_problem = ""  # «Добавить дату» with an unfinished date: said under the list
        self.new_date_edit.textEdited.connect(self._on_new_date_edited)
        self.add_date_button = QPushButton(self.tr("Добавить дату"))
        self.add_date_button.clicked.connect(self.on_add_date_button_clicked)
        self.remove_date_button = QPushButton(self.tr("Удалить дату"))
        self.remove_date_button.clicked.connect(self.on_remove_date_button_clicked)
        self.dates_error_label = error_label()
        self.dates_page = QWidget()
        dates_layout = QGridLayout(self.dates_page)
        dates_layout.setContentsMargins(0, 0, 0, 0)
        dates_layout.addWidget(self.dates_list, 0, 0, 3, 1)
        dates_layout.addWidget(self.new_date_edit, 0, 1)
        dates_layout.addWidget(self.add_date_button, 1, 1)
        dates_layout.addWidget(self.remove_date_button, 2, 1, Qt.AlignmentFlag.AlignTop)
        dates_layout.addWidget(self.dates_error_label, 3, 0, 1, 2)
        self.dates_page.hide()
        self.schedule_error_label = error_label()  # «Задайте расписание…»
        schedule_box = QGroupBox(self.tr("Расписание"))
        schedule = QVBoxLayout(schedule_box)
        modes = QHBoxLayout()
        modes.addWidget(self.weekly_radio)
        modes.addWidget(self.dates_radio)
        modes.addStretch(1)
        schedule.addLayout(modes)
        schedule.addWidget(self.weekly_page)
        schedule.addWidget(self.dates_page)
        schedule.addWidget(self.schedule_error_label)
        schedule.addStretch(1)
        self.regenerate_note = QLabel(
            self.tr("Изменение расписания пересоздаёт будущие занятия; занятия с отметками сохраняются.")
        )
        self.regenerate_note.setWordWrap(True)
        self.regenerate_note.setStyleSheet(MUTED_STYLE)
        schedule.addWidget(self.regenerate_note)

        columns = QHBoxLayout(self.group_box)
        form_column = QVBoxLayout()
        form_column.addLayout(form)
        form_column.addStretch(1)
        columns.addLayout(form_column, 4)
        columns.addWidget(schedule_box, 5)

        self.group_name_edit.textEdited.connect(lambda _t: self._on_group_changed("name"))
        self.date_from_edit.dateChanged.connect(lambda _d: self._on_group_changed("date_from"))
        self.date_to_edit.dateChanged.connect(lambda _d: self._on_group_changed("date_to"))
        # an unfinished date («01.09») is said when the field is left, not at every keystroke
        self.date_from_edit.editingFinished.connect(lambda: self._on_group_changed("date_from"))
        self.date_to_edit.editingFinished.connect(lambda: self._on_group_changed("date_to"))
        self.capacity_spin.valueChanged.connect(lambda _v: self._on_group_changed("capacity"))
        self.teacher_combo.currentTextChanged.connect(lambda _t: self._on_group_changed("teacher"))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Модуль:")))
        top.addWidget(self.group_module_combo, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_group_button)
        buttons.addWidget(self.remove_group_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_group_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.groups_note)
        layout.addWidget(self.groups_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.group_box)
        return page

    def _group_row_widgets(
        self, form: QFormLayout, title: str, paths: tuple[str, ...], widget: QWidget
    ) -> None:
        form.addRow(title, widget)
        label = error_label()
        form.addRow(label)
        for path in paths:
            self.group_labels[path] = label

    # === loading and reading =========================================================================

    def load(self, card: ProgramCard) -> None:
        """Put ``card`` into every form (the working copy becomes ``card``)."""
        self._loading = True
        try:
            self._card = card
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
            self._card = self._read_main()  # a dictionary's Russian title read back as its code
            self.modules_model.set_registry(self._card.registry)
            self.modules_model.set_rows(list(self._card.modules))
            self._refresh_module_combo()
            self._unsaved_groups = set()
            self._sent_groups = set()
        finally:
            self._loading = False
        self._select_module(0 if card.modules else -1)
        self._choose_group_module(0 if card.modules else -1)
        self.validate()

    def card(self) -> ProgramCard:
        """The working copy as the forms show it."""
        return self._card

    def _read_main(self) -> ProgramCard:
        return replace(
            self._card,
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

    def _set_modules(self, modules: list[ModuleCard]) -> None:
        self._card = replace(self._card, modules=tuple(modules))

    def _set_module(self, row: int, module: ModuleCard) -> None:
        modules = list(self._card.modules)
        modules[row] = module
        self._set_modules(modules)
        self.modules_model.replace_row(row, module)

    def _set_group(self, m: int, g: int, group: GroupCard) -> None:
        module = self._card.modules[m]
        groups = list(module.groups)
        groups[g] = group
        self._set_module(m, replace(module, groups=tuple(groups)))
        if m == self._group_module:
            self.groups_model.replace_row(g, group)

    # === edits =======================================================================================

    def _touch(self, path: str, field: str) -> None:
        """Mark ``path`` (and the fields sharing its message line) as touched."""
        base = path[: len(path) - len(field)]
        for name in TOGETHER.get(field, (field,)):
            self._touched.add(base + name)

    def _changed(self, draft: bool = True) -> None:
        """An edit: ``draft`` — of the card itself (not of a group, which is saved on its own)."""
        if draft:
            self.dirty = True
        self._close_warned = False
        self._extra = []
        self.message_label.hide()
        self.validate()

    def _on_main_changed(self, path: str) -> None:
        if self._loading:
            return
        self._touch(path, path)
        self._card = self._read_main()
        self.modules_model.set_registry(self._card.registry)  # a budget programme: «бесплатно»
        if path == "teachers":
            self._refresh_teachers()
        self._changed()

    def _on_module_changed(self, field: str) -> None:
        row = self._module_row
        if self._loading or row < 0:
            return
        old = self._card.modules[row]
        module = replace(
            old,
            name=self.module_name_edit.text().strip(),
            hours=self.hours_spin.value(),
            min_children=self.min_children_spin.value(),
            max_children=self.max_children_spin.value(),
            price=_money(self.price_spin.value()),
            normative_price=_money(self.normative_spin.value()),
        )
        self._touch(f"modules.{row}.{field}", field)
        if field in ("min_children", "max_children"):  # the groups' capacity is checked against them
            for g in range(len(old.groups)):
                self._touched.add(f"modules.{row}.groups.{g}.capacity")
        self._set_module(row, module)
        if field == "name":
            self._refresh_module_combo()
        self._changed()

    def _on_group_changed(self, field: str) -> None:
        m, g = self._group_module, self._group_row
        if self._loading or m < 0 or g < 0:
            return
        self._touch(f"modules.{m}.groups.{g}.{field}", field)
        self._set_group(m, g, self._read_group(self._card.modules[m].groups[g]))
        self._unsaved_groups.add((m, g))
        self._changed(draft=False)
        self._show_group_notes()

    def _read_group(self, old: GroupCard) -> GroupCard:
        by_dates = self.dates_radio.isChecked()
        dates = tuple(
            self.dates_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.dates_list.count())
        )
        return replace(
            old,
            name=self.group_name_edit.text().strip(),
            date_from=self.date_from_edit.date(),
            date_to=self.date_to_edit.date(),
            capacity=self.capacity_spin.value(),
            teacher=self.teacher_combo.currentText().strip(),
            slots=() if by_dates else tuple(row.slot() for row in self.slot_rows),
            explicit_dates=tuple(sorted(dates)) if by_dates else (),
        )

    # --- modules ---

    def _refresh_module_combo(self) -> None:
        combo = self.group_module_combo
        keep = combo.currentIndex()
        combo.blockSignals(True)
        combo.clear()
        untitled = self.tr("(без названия)")
        for number, module in enumerate(self._card.modules, start=1):
            combo.addItem(f"{number}. {module.name or untitled}")
        combo.setCurrentIndex(min(keep, combo.count() - 1) if keep >= 0 else (0 if combo.count() else -1))
        combo.blockSignals(False)

    def _select_module(self, row: int) -> None:
        if row >= 0:
            self.modules_table.selectRow(row)  # → on_modules_selection_changed
        else:
            self.modules_table.clearSelection()
            self._show_module(-1)

    def on_modules_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        rows = self.modules_table.selectionModel().selectedRows()
        self._show_module(rows[0].row() if rows else -1)

    def _show_module(self, row: int) -> None:
        self._module_row = row
        self._loading = True
        try:
            module = self._card.modules[row] if row >= 0 else None
            self.module_box.setEnabled(module is not None)
            self.module_box.setTitle(
                self.tr("Модуль %1").replace("%1", str(row + 1))
                if module
                else self.tr("Модуль (год обучения)")
            )
            self.module_name_edit.setText(module.name if module else "")
            self.hours_spin.setValue(module.hours if module else 0)
            self.min_children_spin.setValue(module.min_children if module else 0)
            self.max_children_spin.setValue(module.max_children if module else 0)
            self.price_spin.setValue(float(module.price) if module else 0.0)
            self.normative_spin.setValue(float(module.normative_price) if module else 0.0)
        finally:
            self._loading = False
        self._update_enabled()
        self.validate()

    def on_add_module_button_clicked(self) -> None:
        previous = self._card.modules[-1] if self._card.modules else None
        module = ModuleCard(
            name="",
            hours=previous.hours if previous else 0,
            min_children=previous.min_children if previous else 1,
            max_children=previous.max_children if previous else 15,
            price=previous.price if previous else Decimal("0.00"),
            normative_price=previous.normative_price if previous else Decimal("0.00"),
        )
        self._set_modules([*self._card.modules, module])
        self.modules_model.set_rows(list(self._card.modules))
        self._refresh_module_combo()
        self._touched.add("modules")
        self._select_module(len(self._card.modules) - 1)
        if self._group_module < 0:
            self._choose_group_module(0)
        self.module_name_edit.setFocus()
        self._changed()

    def on_remove_module_button_clicked(self) -> None:
        row = self._module_row
        if row < 0:
            return
        modules = list(self._card.modules)
        del modules[row]
        self._set_modules(modules)
        self._touched = {p for p in self._touched if not p.startswith("modules.")}  # indexes moved
        self._unsaved_groups = {(mm, g) for mm, g in self._unsaved_groups if mm < row} | {
            (mm - 1, g) for mm, g in self._unsaved_groups if mm > row
        }
        self._sent_groups = {(mm, g) for mm, g in self._sent_groups if mm < row} | {
            (mm - 1, g) for mm, g in self._sent_groups if mm > row
        }
        self.modules_model.set_rows(modules)
        self._refresh_module_combo()
        self._select_module(min(row, len(modules) - 1))
        self._choose_group_module(min(max(self._group_module, 0), len(modules) - 1))
        self._changed()

    # --- groups ---

    def _choose_group_module(self, m: int) -> None:
        if self.group_module_combo.currentIndex() != m:
            self.group_module_combo.setCurrentIndex(m)  # → on_group_module_combo_changed
        else:
            self.on_group_module_combo_changed(m)

    def on_group_module_combo_changed(self, m: int) -> None:
        self._group_module = m
        module = self._card.modules[m] if m >= 0 else None
        groups = list(module.groups) if module is not None else []
        self.groups_model.set_rows(groups)
        self._show_group_notes()
        if module is None:
            self.groups_note.setText(self.tr("Добавьте модуль на вкладке «Модули»."))
        elif module.id is None or self._card.id is None:
            self.groups_note.setText(
                self.tr(
                    "Группы добавляются к модулю опубликованной программы: отправьте карточку на "
                    "модерацию, а после публикации добавьте группы."
                )
            )
        else:
            self.groups_note.setText(
                self.tr(
                    "Группы не входят в черновик карточки: каждую сохраняйте кнопкой «Сохранить "
                    "группу» — она уйдёт на портал при синхронизации, без модерации."
                )
            )
        self._select_group(0 if groups else -1)

    def _show_group_notes(self) -> None:
        m = self._group_module
        if m < 0:
            self.groups_model.set_notes({})
            return
        waiting = set(getattr(self.view, "pending_groups", ()) or ()) if self.view is not None else set()
        notes: dict[int, str] = {}
        for g, group in enumerate(self._card.modules[m].groups):
            if (m, g) in self._unsaved_groups:
                notes[g] = self.tr("изменена — нажмите «Сохранить группу»")
            elif (m, g) in self._sent_groups or _group_key(group) in waiting:
                notes[g] = self.tr("ожидает отправки")
        self.groups_model.set_notes(notes)

    def _select_group(self, g: int) -> None:
        if g >= 0:
            self.groups_table.selectRow(g)  # → on_groups_selection_changed
        else:
            self.groups_table.clearSelection()
            self._show_group(-1)

    def on_groups_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        rows = self.groups_table.selectionModel().selectedRows()
        self._show_group(rows[0].row() if rows else -1)

    def _show_group(self, g: int) -> None:
        self._group_row = g
        m = self._group_module
        group = self._card.modules[m].groups[g] if m >= 0 and g >= 0 else None
        self._loading = True
        try:
            self.group_box.setEnabled(group is not None)
            self.group_box.setTitle(
                self.tr("Группа «%1»").replace("%1", group.name)
                if group and group.name
                else self.tr("Группа")
            )
            self.group_name_edit.setText(group.name if group else "")
            self.date_from_edit.setDate(group.date_from if group else None)
            self.date_to_edit.setDate(group.date_to if group else None)
            self.capacity_spin.setValue(group.capacity if group else 0)
            self._refresh_teachers()
            self.teacher_combo.setCurrentText(group.teacher if group else "")
            by_dates = bool(group and group.explicit_dates and not group.slots)
            self.dates_radio.setChecked(by_dates)
            self.weekly_radio.setChecked(not by_dates)
            self.weekly_page.setVisible(not by_dates)
            self.dates_page.setVisible(by_dates)
            self._build_slot_rows(group.slots if group else ())
            self._fill_dates(group.explicit_dates if group else ())
        finally:
            self._loading = False
        self._update_enabled()
        self.validate()

    def _refresh_teachers(self) -> None:
        text = self.teacher_combo.currentText()
        self.teacher_combo.blockSignals(True)
        self.teacher_combo.clear()
        self.teacher_combo.addItems(list(self._card.teachers))
        self.teacher_combo.setCurrentText(text)
        self.teacher_combo.blockSignals(False)

    def _build_slot_rows(self, slots: tuple[SlotCard, ...]) -> None:
        for row in self.slot_rows:
            self.slots_layout.removeWidget(row)
            row.deleteLater()
        self.slot_rows = []
        for slot in slots:
            self._add_slot_row(slot)

    def _add_slot_row(self, slot: SlotCard) -> SlotRow:
        row = SlotRow(slot)
        row.changed.connect(lambda r=row: self._on_slot_changed(r))
        row.remove_requested.connect(self._on_slot_remove_requested)
        row.set_read_only(not self.editable)
        self.slots_layout.addWidget(row)
        # Shown unconditionally: a row built while the «Группы» tab is hidden (an existing group is
        # filled as the editor opens) must appear with the tab. Hiding it here, as the tab's own
        # visibility once decided, kept an existing group's schedule empty until a module switch.
        row.show()
        self.slot_rows.append(row)
        return row

    def _on_slot_changed(self, row: SlotRow) -> None:
        if row in self.slot_rows:
            i = self.slot_rows.index(row)
            self._on_group_changed(f"slots.{i}")

    def _on_slot_remove_requested(self, row: SlotRow) -> None:
        if row not in self.slot_rows:
            return
        self.slot_rows.remove(row)
        self.slots_layout.removeWidget(row)
        row.deleteLater()
        self._on_group_changed("slots")

    def on_add_slot_button_clicked(self) -> None:
        last = self.slot_rows[-1].slot() if self.slot_rows else None
        slot = SlotCard(
            weekday=min(last.weekday + 2, 7) if last else 1,
            time_from=last.time_from if last else "15:00",
            time_to=last.time_to if last else "16:30",
            room=last.room if last else "",
        )
        row = self._add_slot_row(slot)
        self._on_group_changed("slots")
        row.weekday_combo.setFocus()

    def on_schedule_mode_toggled(self, weekly: bool) -> None:
        self.weekly_page.setVisible(weekly)
        self.dates_page.setVisible(not weekly)
        self._on_group_changed("slots")

    def _fill_dates(self, dates: tuple[date, ...]) -> None:
        self.dates_list.clear()
        for day in sorted(dates):
            item = QListWidgetItem(f"{day:%d.%m.%Y}")
            item.setData(Qt.ItemDataRole.UserRole, day)
            self.dates_list.addItem(item)

    def _on_new_date_edited(self, _text: str) -> None:
        if self._new_date_problem:
            self._new_date_problem = ""
            self.validate()

    def on_add_date_button_clicked(self) -> None:
        day = self.new_date_edit.date()
        if day is None:
            self._new_date_problem = self.new_date_edit.problem() or self.tr(
                "Введите дату занятия (ДД.ММ.ГГГГ), затем нажмите «Добавить дату»."
            )
            self.validate()
            self.new_date_edit.setFocus()
            return
        self._new_date_problem = ""
        current = [
            self.dates_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.dates_list.count())
        ]
        if day in current:
            return
        self._fill_dates((*current, day))
        self._on_group_changed("explicit_dates")
        self.new_date_edit.setDate(date.fromordinal(day.toordinal() + 7))  # next week, likely

    def on_remove_date_button_clicked(self) -> None:
        row = self.dates_list.currentRow()
        if row >= 0:
            self.dates_list.takeItem(row)
            self._on_group_changed("explicit_dates")

    def on_add_group_button_clicked(self) -> None:
        m = self._group_module
        if m < 0:
            return
        module = self._card.modules[m]
        previous = module.groups[-1] if module.groups else None
        group = GroupCard(
            name="",
            date_from=previous.date_from if previous else None,
            date_to=previous.date_to if previous else None,
            capacity=previous.capacity if previous else module.max_children,
            teacher=previous.teacher if previous else (self._card.teachers[0] if self._card.teachers else ""),
            slots=previous.slots if previous else (),
        )
        self._set_module(m, replace(module, groups=(*module.groups, group)))
        self._unsaved_groups.add((m, len(module.groups)))
        self.groups_model.set_rows(list(self._card.modules[m].groups))
        self._show_group_notes()
        self._select_group(len(self._card.modules[m].groups) - 1)
        self.group_name_edit.setFocus()
        self._changed(draft=False)

    def on_remove_group_button_clicked(self) -> None:
        m, g = self._group_module, self._group_row
        if m < 0 or g < 0:
            return
        module = self._card.modules[m]
        groups = list(module.groups)
        del groups[g]
        self._set_module(m, replace(module, groups=tuple(groups)))
        prefix = f"modules.{m}.groups."
        self._touched = {p for p in self._touched if not p.startswith(prefix)}
        self._unsaved_groups = {
            (mm, gg) if mm != m or gg < g else (mm, gg - 1)
            for mm, gg in self._unsaved_groups
            if (mm, gg) != (m, g)
        }
        self._sent_groups = {
            (mm, gg) if mm != m or gg < g else (mm, gg - 1)
            for mm, gg in self._sent_groups
            if (mm, gg) != (m, g)
        }
        self.groups_model.set_rows(groups)
        self._select_group(min(g, len(groups) - 1))
        self._changed(draft=False)

    # === validation ==================================================================================

    def validate(self) -> list[FieldError]:
        """Check the working copy; show each visible message next to its field or row."""
        typed = self._typed_date_errors()  # «01.09» left unfinished: before «Укажите дату…»
        errors = typed + validate_card(self._card, self.price_cap_ratio)
        known = {(e.path, e.message) for e in errors}
        errors += [e for e in self._extra if (e.path, e.message) not in known]
        self.errors = errors
        shown: dict[str, str] = {}
        for error in errors:
            if self._show_all or error.path in self._touched or error in self._extra:
                shown.setdefault(error.path, error.message)
        for path in self._typing_date_paths():
            shown.pop(path, None)  # still being typed: the message comes when the field is left
        self._show_main_errors(shown)
        self._show_module_errors(shown)
        self._show_group_errors(shown)
        self._mark_tabs(shown)
        return errors

    def _group_date_edits(self) -> dict[str, DateEdit]:
        m, g = self._group_module, self._group_row
        if m < 0 or g < 0:
            return {}
        prefix = f"modules.{m}.groups.{g}."
        return {prefix + "date_from": self.date_from_edit, prefix + "date_to": self.date_to_edit}

    def _typed_date_errors(self) -> list[FieldError]:
        """The shown group's dates as typed: unfinished or impossible (the card holds None then)."""
        edits = self._group_date_edits().items()
        return [FieldError(path, edit.problem()) for path, edit in edits if edit.problem()]

    def _typing_date_paths(self) -> list[str]:
        return [
            path
            for path, edit in self._group_date_edits().items()
            if edit.hasFocus() and edit.state() == PARTIAL
        ]

    def _put(self, labels: dict[str, QLabel], fields: dict[str, QWidget], messages: dict[str, str]) -> None:
        text: dict[int, list[str]] = {id(label): [] for label in labels.values()}
        for path, label in labels.items():
            message = messages.get(path, "")
            if message and message not in text[id(label)]:
                text[id(label)].append(message)
            widget = fields.get(path)
            if widget is not None and not isinstance(widget, QCheckBox):
                mark_bad(widget, bool(message))
        for label in labels.values():
            label.setText("\n".join(text[id(label)]))
            label.setVisible(bool(text[id(label)]))

    def _show_main_errors(self, shown: dict[str, str]) -> None:
        self._put(self.error_labels, self.fields, shown)

    def _show_module_errors(self, shown: dict[str, str]) -> None:
        problems: dict[int, str] = {}
        for path, message in shown.items():
            match = MODULE_PATH.match(path)
            if match:
                problems.setdefault(int(match.group(1)), message)
        for path in shown:
            match = GROUP_PATH.match(path)
            if match and int(match.group(1)) not in problems:
                problems[int(match.group(1))] = self.tr("есть замечания в группах: вкладка «Группы»")
        self.modules_model.set_problems(problems)
        prefix = f"modules.{self._module_row}."
        mine = {p[len(prefix) :]: m for p, m in shown.items() if p.startswith(prefix) and ".groups." not in p}
        self._put(self.module_labels, self.module_fields, mine)

    def _show_group_errors(self, shown: dict[str, str]) -> None:
        m, g = self._group_module, self._group_row
        problems: dict[int, str] = {}
        group_prefix = f"modules.{m}.groups."
        for path, message in shown.items():
            match = GROUP_PATH.match(path)
            if match and int(match.group(1)) == m:
                problems.setdefault(int(match.group(2)), message)
        self.groups_model.set_problems(problems)
        prefix = f"{group_prefix}{g}."
        mine = {p[len(prefix) :]: msg for p, msg in shown.items() if p.startswith(prefix)}
        self._put(self.group_labels, self.group_fields, mine)
        schedule = mine.get("slots", "")
        self.schedule_error_label.setText(schedule)
        self.schedule_error_label.setVisible(bool(schedule))
        for i, row in enumerate(self.slot_rows):
            row.show_error(mine.get(f"slots.{i}", ""))
        bad_dates = {int(k.split(".")[1]): v for k, v in mine.items() if k.startswith("explicit_dates.")}
        for i in range(self.dates_list.count()):
            item = self.dates_list.item(i)
            item.setForeground(QColor(ERROR_COLOR) if i in bad_dates else QColor("#000000"))
            item.setToolTip(bad_dates.get(i, ""))
        messages = [*bad_dates.values(), *([self._new_date_problem] if self._new_date_problem else [])]
        text = "\n".join(dict.fromkeys(messages))
        self.dates_error_label.setText(text)
        self.dates_error_label.setVisible(bool(text))

    def _mark_tabs(self, shown: dict[str, str]) -> None:
        counts = [0, 0, 0]
        for path in shown:
            counts[self.tab_of(path)] += 1
        bar = self.tabs.tabBar()
        for i, count in enumerate(counts):
            self.tabs.setTabText(i, f"{self._tab_titles[i]} ({count})" if count else self._tab_titles[i])
            bar.setTabTextColor(i, QColor(ERROR_COLOR) if count else QColor())

    @staticmethod
    def tab_of(path: str) -> int:
        if ".groups." in path:
            return TAB_GROUPS
        if path.startswith("modules"):
            return TAB_MODULES
        return TAB_MAIN

    def focus_error(self, path: str) -> QWidget | None:
        """Show the tab and the row of ``path`` and put the focus on its field."""
        widget: QWidget | None = None
        group = GROUP_PATH.match(path)
        module = MODULE_PATH.match(path)
        if group:
            m, g, field, item = int(group.group(1)), int(group.group(2)), group.group(3), group.group(4)
            self.tabs.setCurrentIndex(TAB_GROUPS)
            if self._group_module != m:
                self._choose_group_module(m)
            if self._group_row != g:
                self._select_group(g)  # the same group stays as it is (its slot rows too)
            if field == "slots" and item is not None and int(item) < len(self.slot_rows):
                row = self.slot_rows[int(item)]
                widget = row.to_edit if "позже" in (self._message(path)) else row.weekday_combo
            elif field == "slots":
                widget = self.slot_rows[0].weekday_combo if self.slot_rows else self.add_slot_button
            elif field == "explicit_dates":
                if item is not None and int(item) < self.dates_list.count():
                    self.dates_list.setCurrentRow(int(item))
                widget = self.dates_list
            else:
                widget = self.group_fields.get(field)
        elif module:
            self.tabs.setCurrentIndex(TAB_MODULES)
            if self._module_row != int(module.group(1)):
                self._select_module(int(module.group(1)))
            widget = self.module_fields.get(module.group(2))
        elif path == "modules":
            self.tabs.setCurrentIndex(TAB_MODULES)
            widget = self.add_module_button
        else:
            self.tabs.setCurrentIndex(TAB_MAIN)
            widget = self.fields.get(path)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
                widget.selectAll()
        return widget

    def _message(self, path: str) -> str:
        return next((e.message for e in self.errors if e.path == path), "")

    # === banner, read-only ===========================================================================

    def _show_banner(self) -> None:
        view = self.view
        for button in (self.compare_button, self.keep_draft_button, self.take_portal_button):
            button.hide()
        style = "#programBanner { background: %s; border: 1px solid %s; border-radius: 4px; }"
        if view is None:
            self.banner.hide()
            return
        if view.conflict_card is not None:
            self.banner_label.setText(
                self.tr(
                    "Карточка изменена на портале после того, как вы начали черновик. Черновик сохранён "
                    "на ПК; сравните его с версией портала и решите, что отправить."
                )
            )
            self.banner.setStyleSheet(style % ("#fff4e0", "#e0b060"))
            for button in (self.compare_button, self.keep_draft_button, self.take_portal_button):
                button.show()
                button.setEnabled(self.editable)
            self.conflict_table.show_differences(differences(self._card, view.conflict_card))
        elif not view.editable:
            self.banner_label.setText(view.why_not or self.tr("Эту карточку сейчас изменить нельзя."))
            self.banner.setStyleSheet(style % ("#eef3fb", "#9db4d6"))
        elif view.status == "returned":
            comment = view.comment or self.tr("(без комментария)")
            self.banner_label.setText(
                self.tr(
                    "Модератор вернул карточку на доработку: «%1». Исправьте и отправьте снова — "
                    "это будет новая редакция."
                ).replace("%1", comment)
            )
            self.banner.setStyleSheet(style % ("#fdecee", "#d88a94"))
        elif view.pending:
            self.banner_label.setText(view.pending)
            self.banner.setStyleSheet(style % ("#eef3fb", "#9db4d6"))
        else:
            self.banner.hide()
            return
        self.banner.show()

    def on_compare_button_toggled(self, checked: bool) -> None:
        if self.view is not None and self.view.conflict_card is not None:
            self.conflict_table.show_differences(differences(self._card, self.view.conflict_card))
        self.conflict_table.setVisible(checked)
        self.compare_button.setText(
            self.tr("Скрыть версию портала") if checked else self.tr("Показать версию портала")
        )

    def resolve_conflict(self, keep_draft: bool) -> Task | None:
        """Keep the draft on top of the portal's new revision, or take the portal's card."""
        if self.task is not None and self.task.running or self.view is None:
            return None
        db, key, card = self.db, self.key, self._card
        svc = programs()

        def work() -> Any:
            if keep_draft and self.dirty:
                svc.save_draft(db, key, card)  # what is on screen is the draft that stays
            return svc.open_card(db, svc.resolve_conflict(db, key, keep_draft=keep_draft))

        self.task = run_task(work, self._on_conflict_resolved, self._on_failed, pool=write_pool())
        self._busy(True, self.tr("Сохраняю выбор…"))
        return self.task

    def _on_conflict_resolved(self, view: Any) -> None:
        self.view = view
        self.key = view.key
        self.editable = bool(view.editable)
        self.compare_button.setChecked(False)
        self.load(view.card)
        self.dirty = False
        self._show_banner()
        self._set_read_only(not self.editable)
        self._busy(False)
        self.show_message(
            self.tr("Черновик оставлен: его можно отправить на модерацию.")
            if view.draft_uid
            else self.tr("В редакторе — карточка с портала; черновик удалён.")
        )
        self.saved.emit(view.key)

    def _set_read_only(self, read_only: bool) -> None:
        for line_edit in (self.name_edit, self.short_name_edit, self.module_name_edit, self.group_name_edit):
            line_edit.setReadOnly(read_only)
        self.annotation_edit.setReadOnly(read_only)
        for widget in (
            self.direction_combo, self.kind_combo, self.form_combo, self.level_combo, self.registry_combo,
            self.age_from_spin, self.age_to_spin, self.duration_spin, self.medical_check,
            *self.ovz_checks.values(), self.hours_spin, self.min_children_spin, self.max_children_spin,
            self.price_spin, self.normative_spin, self.date_from_edit, self.date_to_edit, self.capacity_spin,
            self.teacher_combo, self.weekly_radio, self.dates_radio, self.new_date_edit, self.add_date_button,
            self.remove_date_button, self.add_slot_button,
        ):  # fmt: skip
            widget.setEnabled(not read_only)
        self.addresses_editor.set_read_only(read_only)
        self.teachers_editor.set_read_only(read_only)
        for row in self.slot_rows:
            row.set_read_only(read_only)
        self._update_enabled()

    def _update_enabled(self) -> None:
        busy = self.task is not None and self.task.running
        editable = self.editable and not busy
        self.save_button.setEnabled(editable)
        self.submit_button.setEnabled(editable)
        self.add_module_button.setEnabled(editable)
        self.remove_module_button.setEnabled(editable and self._module_row >= 0)
        module = self._card.modules[self._group_module] if self._group_module >= 0 else None
        on_portal = module is not None and module.id is not None and self._card.id is not None
        self.add_group_button.setEnabled(editable and on_portal)
        group = module.groups[self._group_row] if module is not None and self._group_row >= 0 else None
        # A group the portal knows is never deleted from here (its lessons and marks live on).
        self.remove_group_button.setEnabled(editable and group is not None and group.id is None)
        self.save_group_button.setEnabled(editable and on_portal and group is not None)

    # === saving ======================================================================================

    def show_message(self, text: str, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(f"color: {ERROR_COLOR if error else OK_COLOR};")
        self.message_label.setVisible(bool(text))

    def _busy(self, busy: bool, text: str = "") -> None:
        if busy:
            self.show_message(text)
        self._update_enabled()

    def save_draft(self) -> Task | None:
        """Keep the card on the PC as it is (even unfinished)."""
        if self.task is not None and self.task.running or not self.editable:
            return None
        db, key, card = self.db, self.key, self._card
        svc = programs()
        self.task = run_task(
            lambda: svc.save_draft(db, key, card), self._on_saved, self._on_failed, pool=write_pool()
        )
        self._busy(True, self.tr("Сохраняю черновик…"))
        return self.task

    def _on_saved(self, draft_key: str) -> None:
        self.key = draft_key
        self.dirty = False
        self._busy(False)
        self.show_message(
            self.tr("Черновик сохранён на ПК. На портал он уйдёт, когда вы отправите его на модерацию.")
        )
        self.saved.emit(draft_key)

    def submit(self) -> Task | None:
        """Check everything; the first bad field gets the focus; else save and send to moderation."""
        if self.task is not None and self.task.running or not self.editable:
            return None
        if self.view is not None and self.view.conflict_card is not None:
            self.show_message(
                self.tr(
                    "Сначала решите расхождение с порталом: «Оставить мой черновик» или «Взять версию "
                    "портала»."
                ),
                error=True,
            )
            self.keep_draft_button.setFocus()
            return None
        self._show_all = True
        errors = self.validate()
        if errors:
            self.show_message(
                self.tr("Карточка не отправлена: исправьте замечания (%1).").replace("%1", str(len(errors))),
                error=True,
            )
            self.focus_error(errors[0].path)
            return None
        db, key, card, today = self.db, self.key, self._card, self.today
        svc = programs()

        def work() -> str:
            draft_key = svc.save_draft(db, key, card)
            try:
                svc.submit_card(db, draft_key, today)
            except Exception as exc:
                exc.draft_key = draft_key  # type: ignore[attr-defined]  # the draft is saved anyway
                raise
            return draft_key

        self.task = run_task(work, self._on_submitted, self._on_failed, pool=write_pool())
        self._busy(True, self.tr("Отправляю на модерацию…"))
        return self.task

    def _on_submitted(self, draft_key: str) -> None:
        self.key = draft_key
        self.dirty = False
        self._busy(False)
        self.submitted.emit(draft_key)
        super().accept()

    def _on_failed(self, exc: BaseException, group_prefix: str = "") -> None:
        draft_key = getattr(exc, "draft_key", None)
        if isinstance(draft_key, str):
            self.key = draft_key
            self.dirty = False
            self.saved.emit(draft_key)
        self._busy(False)
        errors = getattr(exc, "errors", None)
        if isinstance(errors, list) and errors and all(isinstance(e, FieldError) for e in errors):
            if group_prefix:  # save_group names its fields «group.capacity», «group.slots.1»
                errors = [FieldError(group_prefix + e.path.removeprefix("group."), e.message) for e in errors]
            self._extra = list(errors)
            self._show_all = True
            self.validate()
            self.show_message(
                getattr(exc, "message", "") or self.tr("Портал не примет карточку: исправьте замечания."),
                error=True,
            )
            self.focus_error(errors[0].path)
            return
        self.message_label.setStyleSheet(f"color: {ERROR_COLOR};")
        show_failure(
            self.message_label,
            exc,
            "programme card",
            self.tr("Карточка не сохранена из-за внутренней ошибки."),
            log,
        )

    def save_group(self) -> Task | None:
        """A published programme's group goes to the portal as a command (no moderation)."""
        m, g = self._group_module, self._group_row
        if self.task is not None and self.task.running or m < 0 or g < 0 or self._card.id is None:
            return None
        module = self._card.modules[m]
        prefix = f"modules.{m}.groups.{g}."
        self._touched |= {f"{prefix}{f}" for f in GROUP_FIELDS}
        errors = [e for e in self.validate() if e.path.startswith(prefix)]
        if errors:
            for error in errors:
                self._touched.add(error.path)
            self.validate()
            self.focus_error(errors[0].path)
            return None
        db, program_id, module_id, group = self.db, self._card.id, module.id, module.groups[g]
        if module_id is None:
            return None
        svc = programs()
        self.task = run_task(
            lambda: svc.save_group(db, program_id, module_id, group),
            lambda uid: self._on_group_saved(m, g, uid),
            lambda exc: self._on_failed(exc, group_prefix=prefix),
            pool=write_pool(),
        )
        self._busy(True, self.tr("Сохраняю группу…"))
        return self.task

    def _on_group_saved(self, m: int, g: int, uid: str) -> None:
        self._busy(False)
        group = self._card.modules[m].groups[g]
        if group.id is None and not group.uid:
            self._set_group(m, g, replace(group, uid=uid))  # a second save replaces the waiting one
        self._unsaved_groups.discard((m, g))
        self._sent_groups.add((m, g))
        self._show_group_notes()
        self.show_message(self.tr("Группа сохранена: она уйдёт на портал при синхронизации."))
        self.group_saved.emit(uid)

    # === closing =====================================================================================

    def reject(self) -> None:
        if self.task is not None and self.task.running:
            return  # the write finishes in a moment; its answer needs this dialog
        if self.editable and not self._close_warned and (self.dirty or self._unsaved_groups):
            self._close_warned = True
            self.show_message(
                self.tr(
                    "Есть несохранённые изменения (черновик или группы). Сохраните их или нажмите "
                    "«Закрыть» ещё раз, чтобы выйти без сохранения."
                ),
                error=True,
            )
            return
        super().reject()
