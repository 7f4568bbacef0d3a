"""«Модули» of the programme editor: the modules (years of study) in a table with each one's
problem in its row, and the form of the selected one under it."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.domain.program_card import ModuleCard

from ..common.styles import MUTED_STYLE, make_error_label
from ..rows_model import row_list_view, set_column_widths
from .editor_state import GROUP_PATH, MODULE_PATH, EditorState, money
from .model import (
    MCOL_CHILDREN,
    MCOL_GROUPS,
    MCOL_HOURS,
    MCOL_NAME,
    MCOL_NORMATIVE,
    MCOL_PRICE,
    ModulesTableModel,
)
from .widgets import show_messages

MODULE_FIELDS = ("name", "hours", "min_children", "max_children", "price", "normative_price")


class ModulesTab(QWidget):
    """Edits the modules; the groups tab lists them: ``modules_renamed`` when a name changed,
    ``modules_listed(removed)`` when one was added or removed."""

    modules_renamed = Signal()
    modules_listed = Signal(bool)  # True: one was removed

    def __init__(self, state: EditorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.row = -1  # the module shown in the form
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
        self.modules_error_label = make_error_label()  # «Добавьте хотя бы один модуль»

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
        self._row_widgets(form, self.tr("Название:"), ("name",), self.module_name_edit)
        self.hours_spin.setMinimumWidth(110)
        self._row_widgets(form, self.tr("Часов:"), ("hours",), self.hours_spin)
        children = QWidget()
        line = QHBoxLayout(children)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(QLabel(self.tr("от")))
        line.addWidget(self.min_children_spin)
        line.addWidget(QLabel(self.tr("до")))
        line.addWidget(self.max_children_spin)
        line.addStretch(1)
        self._row_widgets(form, self.tr("Детей в группе:"), ("min_children", "max_children"), children)
        self._row_widgets(form, self.tr("Цена:"), ("price",), self.price_spin)
        self._row_widgets(form, self.tr("Нормативная стоимость:"), ("normative_price",), self.normative_spin)
        if state.price_cap_ratio is not None:
            cap = QLabel(
                self.tr("Цена не выше нормативной стоимости × %1 (предел региона)").replace(
                    "%1", str(state.price_cap_ratio)
                )
            )
            cap.setStyleSheet(MUTED_STYLE)
            form.addRow("", cap)

        self.module_name_edit.textEdited.connect(lambda _t: self.on_field_edited("name"))
        for path, spin in (("hours", self.hours_spin), ("min_children", self.min_children_spin),
                           ("max_children", self.max_children_spin)):
            spin.valueChanged.connect(lambda _v, p=path: self.on_field_edited(p))
        for path, money_spin in (("price", self.price_spin), ("normative_price", self.normative_spin)):
            money_spin.valueChanged.connect(lambda _v, p=path: self.on_field_edited(p))

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_module_button)
        buttons.addWidget(self.remove_module_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.modules_table, 1)
        layout.addWidget(self.modules_error_label)
        layout.addLayout(buttons)
        layout.addWidget(self.module_box)
        state.module_replaced.connect(self._on_module_replaced)

    def _row_widgets(self, form: QFormLayout, title: str, paths: tuple[str, ...], widget: QWidget) -> None:
        form.addRow(title, widget)
        label = make_error_label()
        form.addRow(label)
        for path in paths:
            self.module_labels[path] = label

    # --- the modules ---------------------------------------------------------------------------------

    def load(self) -> None:
        """List the working copy's modules (the caller holds ``state.filling()``)."""
        self.modules_model.set_registry(self.state.card.registry)
        self.modules_model.set_rows(list(self.state.card.modules))

    def set_registry(self, registry: str) -> None:
        """A budget programme's prices read «бесплатно»."""
        self.modules_model.set_registry(registry)

    def _on_module_replaced(self, row: int) -> None:
        self.modules_model.replace_row(row, self.state.card.modules[row])

    def select_module(self, row: int) -> None:
        if row >= 0:
            self.modules_table.selectRow(row)  # → on_modules_selection_changed
        else:
            self.modules_table.clearSelection()
            self.show_module(-1)

    def on_modules_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        rows = self.modules_table.selectionModel().selectedRows()
        self.show_module(rows[0].row() if rows else -1)

    def show_module(self, row: int) -> None:
        self.row = row
        module = self.state.card.modules[row] if row >= 0 else None
        with self.state.filling():
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
        self.update_enabled()
        self.state.check_requested.emit()

    def on_field_edited(self, field: str) -> None:
        state, row = self.state, self.row
        if state.loading or row < 0:
            return
        old = state.card.modules[row]
        module = replace(
            old,
            name=self.module_name_edit.text().strip(),
            hours=self.hours_spin.value(),
            min_children=self.min_children_spin.value(),
            max_children=self.max_children_spin.value(),
            price=money(self.price_spin.value()),
            normative_price=money(self.normative_spin.value()),
        )
        state.touch(f"modules.{row}.{field}", field)
        if field in ("min_children", "max_children"):  # the groups' capacity is checked against them
            for g in range(len(old.groups)):
                state.touched.add(f"modules.{row}.groups.{g}.capacity")
        state.set_module(row, module)
        if field == "name":
            self.modules_renamed.emit()
        state.edit(draft=True)

    def on_add_module_button_clicked(self) -> None:
        state = self.state
        previous = state.card.modules[-1] if state.card.modules else None
        module = ModuleCard(
            name="",
            hours=previous.hours if previous else 0,
            min_children=previous.min_children if previous else 1,
            max_children=previous.max_children if previous else 15,
            price=previous.price if previous else Decimal("0.00"),
            normative_price=previous.normative_price if previous else Decimal("0.00"),
        )
        state.set_modules([*state.card.modules, module])
        self.modules_model.set_rows(list(state.card.modules))
        state.touched.add("modules")
        self.modules_listed.emit(False)
        self.select_module(len(state.card.modules) - 1)
        self.module_name_edit.setFocus()
        state.edit(draft=True)

    def on_remove_module_button_clicked(self) -> None:
        state, row = self.state, self.row
        if row < 0:
            return
        modules = list(state.card.modules)
        del modules[row]
        state.set_modules(modules)
        state.forget_module(row)
        self.modules_model.set_rows(modules)
        self.modules_listed.emit(True)
        self.select_module(min(row, len(modules) - 1))
        state.edit(draft=True)

    # --- messages and modes --------------------------------------------------------------------------

    def show_errors(self, shown: dict[str, str]) -> None:
        """Each module's first problem in its row (a group's: «see «Группы»»), the selected one's
        under its fields, «Добавьте хотя бы один модуль» under the table."""
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
        prefix = f"modules.{self.row}."
        mine = {p[len(prefix):]: m for p, m in shown.items() if p.startswith(prefix) and ".groups." not in p}
        show_messages(self.module_labels, self.module_fields, mine)
        show_messages({"modules": self.modules_error_label}, {}, shown)

    def set_read_only(self, read_only: bool) -> None:
        self.module_name_edit.setReadOnly(read_only)
        for widget in (self.hours_spin, self.min_children_spin, self.max_children_spin, self.price_spin,
                       self.normative_spin):
            widget.setEnabled(not read_only)

    def update_enabled(self) -> None:
        editable = self.state.may_edit()
        self.add_module_button.setEnabled(editable)
        self.remove_module_button.setEnabled(editable and self.row >= 0)

    def focus_field(self, path: str) -> QWidget | None:
        """Select the module of ``path`` (``modules.N.field``); the widget to focus."""
        match = MODULE_PATH.match(path)
        if match is None:
            return self.add_module_button  # «modules»: add one
        if self.row != int(match.group(1)):
            self.select_module(int(match.group(1)))
        return self.module_fields.get(match.group(2))

