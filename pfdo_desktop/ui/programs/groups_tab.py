"""«Группы» of the programme editor: a module's groups in a table (each one's problem or
«ожидает отправки» in its row) and the form of the selected one with its schedule.

Groups are not part of a draft (`services.programs`): a group of a module the portal knows is sent
on its own with «Сохранить группу» (a command the portal validates, no moderation); a new
programme gets its groups after publication. Groups changed here and not yet saved are marked in
their row.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QComboBox,
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

from pfdo_desktop.domain.program_card import FieldError, GroupCard

from ..common.styles import MUTED_STYLE, make_error_label
from ..rows_model import row_list_view, set_column_widths
from ..widgets.date_edit import PARTIAL, DateEdit
from .editor_state import GROUP_PATH, EditorState, group_key
from .model import GCOL_CAPACITY, GCOL_DATES, GCOL_NAME, GCOL_SCHEDULE, GCOL_TEACHER, GroupsTableModel
from .schedule_editor import ScheduleEditor, date_edit
from .widgets import show_messages


class GroupsTab(QWidget):
    """Edits the groups of one module at a time; «Сохранить группу» asks the editor
    (``save_requested``), which sends it."""

    save_requested = Signal()

    def __init__(self, state: EditorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.module_row = -1  # the module whose groups are listed
        self.group_row = -1  # the group shown in the form
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
        self.save_group_button.clicked.connect(lambda _c=False: self.save_requested.emit())
        self.groups_note = QLabel()
        self.groups_note.setWordWrap(True)
        self.groups_note.setStyleSheet(MUTED_STYLE)

        self.group_box = QGroupBox(self.tr("Группа"))
        self.group_name_edit = QLineEdit()
        self.group_name_edit.setPlaceholderText(self.tr("Например: Робототехника-1"))
        self.date_from_edit = date_edit(state.today)
        self.date_to_edit = date_edit(state.today)
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
        self._row_widgets(form, self.tr("Название:"), ("name",), self.group_name_edit)
        dates = QWidget()
        line = QHBoxLayout(dates)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(QLabel(self.tr("с")))
        line.addWidget(self.date_from_edit)
        line.addWidget(QLabel(self.tr("по")))
        line.addWidget(self.date_to_edit)
        line.addStretch(1)
        self._row_widgets(form, self.tr("Сроки занятий:"), ("date_from", "date_to"), dates)
        self._row_widgets(form, self.tr("Мест:"), ("capacity",), self.capacity_spin)
        self._row_widgets(form, self.tr("Педагог:"), ("teacher",), self.teacher_combo)
        self.schedule = ScheduleEditor(state)
        self.schedule.edited.connect(self.on_field_edited)

        columns = QHBoxLayout(self.group_box)
        form_column = QVBoxLayout()
        form_column.addLayout(form)
        form_column.addStretch(1)
        columns.addLayout(form_column, 4)
        columns.addWidget(self.schedule, 5)

        self.group_name_edit.textEdited.connect(lambda _t: self.on_field_edited("name"))
        self.date_from_edit.dateChanged.connect(lambda _d: self.on_field_edited("date_from"))
        self.date_to_edit.dateChanged.connect(lambda _d: self.on_field_edited("date_to"))
        # an unfinished date («01.09») is said when the field is left, not at every keystroke
        self.date_from_edit.editingFinished.connect(lambda: self.on_field_edited("date_from"))
        self.date_to_edit.editingFinished.connect(lambda: self.on_field_edited("date_to"))
        self.capacity_spin.valueChanged.connect(lambda _v: self.on_field_edited("capacity"))
        self.teacher_combo.currentTextChanged.connect(lambda _t: self.on_field_edited("teacher"))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Модуль:")))
        top.addWidget(self.group_module_combo, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_group_button)
        buttons.addWidget(self.remove_group_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_group_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.groups_note)
        layout.addWidget(self.groups_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.group_box)
        state.group_replaced.connect(self._on_group_replaced)

    def _row_widgets(self, form: QFormLayout, title: str, paths: tuple[str, ...], widget: QWidget) -> None:
        form.addRow(title, widget)
        label = make_error_label()
        form.addRow(label)
        for path in paths:
            self.group_labels[path] = label

    # --- modules -------------------------------------------------------------------------------------

    def refresh_module_combo(self) -> None:
        combo = self.group_module_combo
        keep = combo.currentIndex()
        combo.blockSignals(True)
        combo.clear()
        untitled = self.tr("(без названия)")
        for number, module in enumerate(self.state.card.modules, start=1):
            combo.addItem(f"{number}. {module.name or untitled}")
        combo.setCurrentIndex(min(keep, combo.count() - 1) if keep >= 0 else (0 if combo.count() else -1))
        combo.blockSignals(False)

    def on_modules_listed(self, removed: bool) -> None:
        """A module was added or removed on «Модули»."""
        self.refresh_module_combo()
        count = len(self.state.card.modules)
        if removed:
            self.choose_module(min(max(self.module_row, 0), count - 1))
        elif self.module_row < 0:
            self.choose_module(0)

    def choose_module(self, m: int) -> None:
        """List the groups of module ``m`` (-1: none)."""
        if self.group_module_combo.currentIndex() != m:
            self.group_module_combo.setCurrentIndex(m)  # → on_group_module_combo_changed
        else:
            self.on_group_module_combo_changed(m)

    def on_group_module_combo_changed(self, m: int) -> None:
        card = self.state.card
        self.module_row = m
        module = card.modules[m] if m >= 0 else None
        groups = list(module.groups) if module is not None else []
        self.groups_model.set_rows(groups)
        self.show_group_notes()
        if module is None:
            self.groups_note.setText(self.tr("Добавьте модуль на вкладке «Модули»."))
        elif module.id is None or card.id is None:
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
        self.select_group(0 if groups else -1)

    # --- groups --------------------------------------------------------------------------------------

    def show_group_notes(self) -> None:
        """«изменена — нажмите «Сохранить группу»» or «ожидает отправки» in the groups' rows."""
        m, state = self.module_row, self.state
        if m < 0:
            self.groups_model.set_notes({})
            return
        notes: dict[int, str] = {}
        for g, group in enumerate(state.card.modules[m].groups):
            if (m, g) in state.unsaved_groups:
                notes[g] = self.tr("изменена — нажмите «Сохранить группу»")
            elif (m, g) in state.sent_groups or group_key(group) in state.pending_groups:
                notes[g] = self.tr("ожидает отправки")
        self.groups_model.set_notes(notes)

    def _on_group_replaced(self, m: int, g: int) -> None:
        if m == self.module_row:
            self.groups_model.replace_row(g, self.state.card.modules[m].groups[g])

    def select_group(self, g: int) -> None:
        if g >= 0:
            self.groups_table.selectRow(g)  # → on_groups_selection_changed
        else:
            self.groups_table.clearSelection()
            self.show_group(-1)

    def on_groups_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        rows = self.groups_table.selectionModel().selectedRows()
        self.show_group(rows[0].row() if rows else -1)

    def current_group(self) -> GroupCard | None:
        m, g = self.module_row, self.group_row
        return self.state.card.modules[m].groups[g] if m >= 0 and g >= 0 else None

    def show_group(self, g: int) -> None:
        self.group_row = g
        group = self.current_group()
        with self.state.filling():
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
            self.refresh_teachers()
            self.teacher_combo.setCurrentText(group.teacher if group else "")
            self.schedule.show_schedule(group)
        self.update_enabled()
        self.state.check_requested.emit()

    def refresh_teachers(self) -> None:
        """The programme's teachers to choose from (typing another name stays possible)."""
        text = self.teacher_combo.currentText()
        self.teacher_combo.blockSignals(True)
        self.teacher_combo.clear()
        self.teacher_combo.addItems(list(self.state.card.teachers))
        self.teacher_combo.setCurrentText(text)
        self.teacher_combo.blockSignals(False)

    def read_group(self, old: GroupCard) -> GroupCard:
        return replace(
            old,
            name=self.group_name_edit.text().strip(),
            date_from=self.date_from_edit.date(),
            date_to=self.date_to_edit.date(),
            capacity=self.capacity_spin.value(),
            teacher=self.teacher_combo.currentText().strip(),
            slots=self.schedule.slots(),
            explicit_dates=self.schedule.explicit_dates(),
        )

    def on_field_edited(self, field: str) -> None:
        """The operator changed the shown group's ``field`` (a group is saved on its own: not an
        edit of the draft)."""
        state, m, g = self.state, self.module_row, self.group_row
        if state.loading or m < 0 or g < 0:
            return
        state.touch(f"modules.{m}.groups.{g}.{field}", field)
        state.set_group(m, g, self.read_group(state.card.modules[m].groups[g]))
        state.unsaved_groups.add((m, g))
        state.edit(draft=False)
        self.show_group_notes()

    def on_add_group_button_clicked(self) -> None:
        state, m = self.state, self.module_row
        if m < 0:
            return
        module = state.card.modules[m]
        previous = module.groups[-1] if module.groups else None
        teachers = state.card.teachers
        group = GroupCard(
            name="",
            date_from=previous.date_from if previous else None,
            date_to=previous.date_to if previous else None,
            capacity=previous.capacity if previous else module.max_children,
            teacher=previous.teacher if previous else (teachers[0] if teachers else ""),
            slots=previous.slots if previous else (),
        )
        state.set_module(m, replace(module, groups=(*module.groups, group)))
        state.unsaved_groups.add((m, len(module.groups)))
        self.groups_model.set_rows(list(state.card.modules[m].groups))
        self.show_group_notes()
        self.select_group(len(state.card.modules[m].groups) - 1)
        self.group_name_edit.setFocus()
        state.edit(draft=False)

    def on_remove_group_button_clicked(self) -> None:
        state, m, g = self.state, self.module_row, self.group_row
        if m < 0 or g < 0:
            return
        module = state.card.modules[m]
        groups = list(module.groups)
        del groups[g]
        state.set_module(m, replace(module, groups=tuple(groups)))
        state.forget_group(m, g)
        self.groups_model.set_rows(groups)
        self.select_group(min(g, len(groups) - 1))
        state.edit(draft=False)

    def group_saved(self, m: int, g: int, uid: str) -> None:
        """«Сохранить группу» went through: the group waits to be sent (a new one keeps its uid, so
        a second save replaces the waiting one)."""
        state = self.state
        group = state.card.modules[m].groups[g]
        if group.id is None and not group.uid:
            state.set_group(m, g, replace(group, uid=uid))
        state.unsaved_groups.discard((m, g))
        state.sent_groups.add((m, g))
        self.show_group_notes()

    # --- dates as typed ------------------------------------------------------------------------------

    def _date_edits(self) -> dict[str, DateEdit]:
        m, g = self.module_row, self.group_row
        if m < 0 or g < 0:
            return {}
        prefix = f"modules.{m}.groups.{g}."
        return {prefix + "date_from": self.date_from_edit, prefix + "date_to": self.date_to_edit}

    def typed_date_errors(self) -> list[FieldError]:
        """The shown group's dates as typed: unfinished or impossible (the card holds None then)."""
        edits = self._date_edits().items()
        return [FieldError(path, edit.problem()) for path, edit in edits if edit.problem()]

    def typing_date_paths(self) -> list[str]:
        """Dates still being typed: their message waits until the field is left."""
        return [
            path for path, edit in self._date_edits().items() if edit.hasFocus() and edit.state() == PARTIAL
        ]

    # --- messages and modes --------------------------------------------------------------------------

    def show_errors(self, shown: dict[str, str]) -> None:
        m, g = self.module_row, self.group_row
        problems: dict[int, str] = {}
        for path, message in shown.items():
            match = GROUP_PATH.match(path)
            if match and int(match.group(1)) == m:
                problems.setdefault(int(match.group(2)), message)
        self.groups_model.set_problems(problems)
        prefix = f"modules.{m}.groups.{g}."
        mine = {p[len(prefix):]: msg for p, msg in shown.items() if p.startswith(prefix)}
        show_messages(self.group_labels, self.group_fields, mine)
        self.schedule.show_errors(mine)

    def set_read_only(self, read_only: bool) -> None:
        self.group_name_edit.setReadOnly(read_only)
        for widget in (self.date_from_edit, self.date_to_edit, self.capacity_spin, self.teacher_combo):
            widget.setEnabled(not read_only)
        self.schedule.set_read_only(read_only)

    def update_enabled(self) -> None:
        state = self.state
        editable = state.may_edit()
        card = state.card
        module = card.modules[self.module_row] if self.module_row >= 0 else None
        on_portal = module is not None and module.id is not None and card.id is not None
        self.add_group_button.setEnabled(editable and on_portal)
        group = module.groups[self.group_row] if module is not None and self.group_row >= 0 else None
        # A group the portal knows is never deleted from here (its lessons and marks live on).
        self.remove_group_button.setEnabled(editable and group is not None and group.id is None)
        self.save_group_button.setEnabled(editable and on_portal and group is not None)

    def focus_field(self, path: str) -> QWidget | None:
        """Show the module and the group of ``path``; the widget to focus."""
        match = GROUP_PATH.match(path)
        if match is None:
            return None
        m, g, field, item = int(match.group(1)), int(match.group(2)), match.group(3), match.group(4)
        if self.module_row != m:
            self.choose_module(m)
        if self.group_row != g:
            self.select_group(g)  # the same group stays as it is (its slot rows too)
        if field in ("slots", "explicit_dates"):
            return self.schedule.focus_field(field, int(item) if item is not None else None,
                                             self.state.message(path))
        return self.group_fields.get(field)
