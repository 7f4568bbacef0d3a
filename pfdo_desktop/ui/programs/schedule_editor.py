"""«Расписание» of a group in the programme editor: weekly slots (a row each, with its message under
it) or explicit dates typed as digits (an unfinished one is said under the list)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.domain.program_card import GroupCard, SlotCard

from ..common.styles import ERROR_COLOR, MUTED_STYLE, make_error_label
from ..widgets.date_edit import DateEdit
from .editor_state import EditorState
from .widgets import SlotRow


def date_edit(today: date) -> DateEdit:
    edit = DateEdit()
    edit.set_calendar_start(today)
    return edit


class ScheduleEditor(QGroupBox):
    """Edits the schedule of the shown group; ``edited(field)`` — «slots», «slots.N» or
    «explicit_dates» — after an edit."""

    edited = Signal(str)

    def __init__(self, state: EditorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Расписание"))
        self.state = state
        self.slot_rows: list[SlotRow] = []
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
        self.new_date_edit = date_edit(state.today)
        self.new_date_edit.setDate(state.today)
        self.new_date_problem = ""  # «Добавить дату» with an unfinished date: said under the list
        self.new_date_edit.textEdited.connect(self._on_new_date_edited)
        self.add_date_button = QPushButton(self.tr("Добавить дату"))
        self.add_date_button.clicked.connect(self.on_add_date_button_clicked)
        self.remove_date_button = QPushButton(self.tr("Удалить дату"))
        self.remove_date_button.clicked.connect(self.on_remove_date_button_clicked)
        self.dates_error_label = make_error_label()
        self.dates_page = QWidget()
        dates_layout = QGridLayout(self.dates_page)
        dates_layout.setContentsMargins(0, 0, 0, 0)
        dates_layout.addWidget(self.dates_list, 0, 0, 3, 1)
        dates_layout.addWidget(self.new_date_edit, 0, 1)
        dates_layout.addWidget(self.add_date_button, 1, 1)
        dates_layout.addWidget(self.remove_date_button, 2, 1, Qt.AlignmentFlag.AlignTop)
        dates_layout.addWidget(self.dates_error_label, 3, 0, 1, 2)
        self.dates_page.hide()
        self.schedule_error_label = make_error_label()  # «Задайте расписание…»
        layout = QVBoxLayout(self)
        modes = QHBoxLayout()
        modes.addWidget(self.weekly_radio)
        modes.addWidget(self.dates_radio)
        modes.addStretch(1)
        layout.addLayout(modes)
        layout.addWidget(self.weekly_page)
        layout.addWidget(self.dates_page)
        layout.addWidget(self.schedule_error_label)
        layout.addStretch(1)
        self.regenerate_note = QLabel(
            self.tr("Изменение расписания пересоздаёт будущие занятия; занятия с отметками сохраняются.")
        )
        self.regenerate_note.setWordWrap(True)
        self.regenerate_note.setStyleSheet(MUTED_STYLE)
        layout.addWidget(self.regenerate_note)

    # --- the group's schedule ------------------------------------------------------------------------

    def show_schedule(self, group: GroupCard | None) -> None:
        """Fill the editor from ``group`` (the caller holds ``state.filling()``)."""
        by_dates = bool(group and group.explicit_dates and not group.slots)
        self.dates_radio.setChecked(by_dates)
        self.weekly_radio.setChecked(not by_dates)
        self.weekly_page.setVisible(not by_dates)
        self.dates_page.setVisible(by_dates)
        self._build_slot_rows(group.slots if group else ())
        self._fill_dates(group.explicit_dates if group else ())

    def by_dates(self) -> bool:
        return self.dates_radio.isChecked()

    def slots(self) -> tuple[SlotCard, ...]:
        return () if self.by_dates() else tuple(row.slot() for row in self.slot_rows)

    def explicit_dates(self) -> tuple[date, ...]:
        return tuple(sorted(self._dates())) if self.by_dates() else ()

    def _dates(self) -> list[date]:
        items = (self.dates_list.item(i) for i in range(self.dates_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items]

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
        row.set_read_only(not self.state.editable)
        self.slots_layout.addWidget(row)
        # Shown unconditionally: a row built while the «Группы» tab is hidden (an existing group is
        # filled as the editor opens) must appear with the tab. Hiding it here, as the tab's own
        # visibility once decided, kept an existing group's schedule empty until a module switch.
        row.show()
        self.slot_rows.append(row)
        return row

    def _on_slot_changed(self, row: SlotRow) -> None:
        if row in self.slot_rows:
            self.edited.emit(f"slots.{self.slot_rows.index(row)}")

    def _on_slot_remove_requested(self, row: SlotRow) -> None:
        if row not in self.slot_rows:
            return
        self.slot_rows.remove(row)
        self.slots_layout.removeWidget(row)
        row.deleteLater()
        self.edited.emit("slots")

    def on_add_slot_button_clicked(self) -> None:
        last = self.slot_rows[-1].slot() if self.slot_rows else None
        slot = SlotCard(
            weekday=min(last.weekday + 2, 7) if last else 1,
            time_from=last.time_from if last else "15:00",
            time_to=last.time_to if last else "16:30",
            room=last.room if last else "",
        )
        row = self._add_slot_row(slot)
        self.edited.emit("slots")
        row.weekday_combo.setFocus()

    def on_schedule_mode_toggled(self, weekly: bool) -> None:
        self.weekly_page.setVisible(weekly)
        self.dates_page.setVisible(not weekly)
        self.edited.emit("slots")

    def _fill_dates(self, dates: tuple[date, ...] | list[date]) -> None:
        self.dates_list.clear()
        for day in sorted(dates):
            item = QListWidgetItem(f"{day:%d.%m.%Y}")
            item.setData(Qt.ItemDataRole.UserRole, day)
            self.dates_list.addItem(item)

    def _on_new_date_edited(self, _text: str) -> None:
        if self.new_date_problem:
            self.new_date_problem = ""
            self.state.check_requested.emit()

    def on_add_date_button_clicked(self) -> None:
        day = self.new_date_edit.date()
        if day is None:
            self.new_date_problem = self.new_date_edit.problem() or self.tr(
                "Введите дату занятия (ДД.ММ.ГГГГ), затем нажмите «Добавить дату»."
            )
            self.state.check_requested.emit()
            self.new_date_edit.setFocus()
            return
        self.new_date_problem = ""
        current = self._dates()
        if day in current:
            return
        self._fill_dates([*current, day])
        self.edited.emit("explicit_dates")
        self.new_date_edit.setDate(date.fromordinal(day.toordinal() + 7))  # next week, likely

    def on_remove_date_button_clicked(self) -> None:
        row = self.dates_list.currentRow()
        if row >= 0:
            self.dates_list.takeItem(row)
            self.edited.emit("explicit_dates")

    # --- messages and modes --------------------------------------------------------------------------

    def show_errors(self, mine: dict[str, str]) -> None:
        """The shown group's schedule messages (paths relative to the group)."""
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
        messages = [*bad_dates.values(), *([self.new_date_problem] if self.new_date_problem else [])]
        text = "\n".join(dict.fromkeys(messages))
        self.dates_error_label.setText(text)
        self.dates_error_label.setVisible(bool(text))

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.weekly_radio, self.dates_radio, self.new_date_edit, self.add_date_button,
                       self.remove_date_button, self.add_slot_button):
            widget.setEnabled(not read_only)
        for row in self.slot_rows:
            row.set_read_only(read_only)

    def focus_field(self, field: str, item: int | None, message: str) -> QWidget:
        """The widget of the schedule ``field`` («slots», «explicit_dates») and its ``item``."""
        if field == "slots" and item is not None and item < len(self.slot_rows):
            row = self.slot_rows[item]
            return row.to_edit if "позже" in message else row.weekday_combo
        if field == "slots":
            return self.slot_rows[0].weekday_combo if self.slot_rows else self.add_slot_button
        if item is not None and item < self.dates_list.count():
            self.dates_list.setCurrentRow(item)
        return self.dates_list
