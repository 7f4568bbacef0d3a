"""Small editors of the programme card: a list of strings (addresses, teachers), a weekly slot row,
and the side-by-side view of the portal's version in a conflict."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTime, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.domain.money import format_rub
from pfdo_desktop.domain.program_card import ProgramCard, SlotCard

from ..common.styles import make_error_label
from ..common.texts import cost_text
from .texts import (
    ages_text,
    direction_text,
    form_text,
    kind_text,
    level_text,
    ovz_text,
    registry_text,
    schedule_text,
)

WEEKDAYS = (
    QT_TRANSLATE_NOOP("SlotRow", "понедельник"),
    QT_TRANSLATE_NOOP("SlotRow", "вторник"),
    QT_TRANSLATE_NOOP("SlotRow", "среда"),
    QT_TRANSLATE_NOOP("SlotRow", "четверг"),
    QT_TRANSLATE_NOOP("SlotRow", "пятница"),
    QT_TRANSLATE_NOOP("SlotRow", "суббота"),
    QT_TRANSLATE_NOOP("SlotRow", "воскресенье"),
)


BAD_BASE = QColor("#fde7ea")


def mark_bad(widget: QWidget, bad: bool) -> None:
    """Tint a field with a problem. A palette, not a style sheet: a style sheet would switch spin
    boxes and combo boxes to style-sheet drawing (flat arrows, different heights)."""
    if bad:
        palette = QPalette(widget.palette())
        for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Button):
            palette.setColor(role, BAD_BASE)
        widget.setPalette(palette)
        widget.setProperty("bad", True)
    elif widget.property("bad"):
        widget.setPalette(QPalette())
        widget.setProperty("bad", False)


def show_messages(
    labels: Mapping[str, QLabel], fields: Mapping[str, QWidget], messages: Mapping[str, str]
) -> None:
    """Each message under its field (one label may serve several fields: each message once) and
    each field with a message tinted (a check box keeps its look)."""
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


class StringListEditor(QWidget):
    """Editable lines (addresses, teachers): double-click or F2 edits, «Добавить» adds one."""

    changed = Signal()

    def __init__(self, add_text: str, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = placeholder
        self.list = QListWidget()
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.list.setMinimumHeight(64)
        self.list.setMaximumHeight(110)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.remove_button = QPushButton(self.tr("Удалить"))
        self.remove_button.clicked.connect(self.on_remove_button_clicked)
        self.list.itemChanged.connect(lambda _i: self.changed.emit())
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def set_values(self, values: Sequence[str]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for value in values:
            self._add(value)
        self.list.blockSignals(False)

    def values(self) -> tuple[str, ...]:
        texts = (self.list.item(i).text().strip() for i in range(self.list.count()))
        return tuple(t for t in texts if t)

    def _add(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setToolTip(self.placeholder)
        self.list.addItem(item)
        return item

    def on_add_button_clicked(self) -> None:
        item = self._add("")
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def on_remove_button_clicked(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)


class SlotRow(QWidget):
    """One weekly slot: weekday, time from, time to, room, ✕; its message right under it."""

    changed = Signal()
    remove_requested = Signal(object)  # self

    def __init__(self, slot: SlotCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weekday_combo = QComboBox()
        for number, title in enumerate(WEEKDAYS, start=1):
            self.weekday_combo.addItem(QCoreApplication.translate("SlotRow", str(title)), number)
        self.weekday_combo.setCurrentIndex(max(0, self.weekday_combo.findData(slot.weekday)))
        self.from_edit = QTimeEdit(_qtime(slot.time_from))
        self.from_edit.setDisplayFormat("HH:mm")
        self.to_edit = QTimeEdit(_qtime(slot.time_to))
        self.to_edit.setDisplayFormat("HH:mm")
        self.room_edit = QLineEdit(slot.room)
        self.room_edit.setPlaceholderText(self.tr("кабинет"))
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(self.tr("Удалить этот день"))
        self.remove_button.clicked.connect(lambda _c=False: self.remove_requested.emit(self))
        self.error_label = make_error_label()
        self.weekday_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.from_edit.timeChanged.connect(lambda _t: self.changed.emit())
        self.to_edit.timeChanged.connect(lambda _t: self.changed.emit())
        self.room_edit.textEdited.connect(lambda _t: self.changed.emit())
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.weekday_combo)
        line.addWidget(QLabel(self.tr("с")))
        line.addWidget(self.from_edit)
        line.addWidget(QLabel(self.tr("до")))
        line.addWidget(self.to_edit)
        self.room_edit.setMinimumWidth(70)
        line.addWidget(self.room_edit, 1)
        line.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(line)
        layout.addWidget(self.error_label)

    def slot(self) -> SlotCard:
        return SlotCard(
            weekday=int(self.weekday_combo.currentData() or 0),
            time_from=self.from_edit.time().toString("HH:mm"),
            time_to=self.to_edit.time().toString("HH:mm"),
            room=self.room_edit.text().strip(),
        )

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        mark_bad(self.from_edit, bool(message))
        mark_bad(self.to_edit, bool(message))

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.weekday_combo, self.from_edit, self.to_edit, self.remove_button):
            widget.setEnabled(not read_only)
        self.room_edit.setReadOnly(read_only)


def _qtime(text: str) -> QTime:
    time = QTime.fromString(text or "", "HH:mm")
    return time if time.isValid() else QTime(15, 0)


# --- a conflict: the local draft beside the portal's version --------------------------------------


FIELD_TITLES = (
    QT_TRANSLATE_NOOP("ProgramTexts", "Полное название"),
    QT_TRANSLATE_NOOP("ProgramTexts", "Краткое название"),
    QT_TRANSLATE_NOOP("ProgramTexts", "Аннотация"),
    QT_TRANSLATE_NOOP("ProgramTexts", "Направленность"),
    QT_TRANSLATE_NOOP("ProgramTexts", "Вид"),
    QT_TRANSLATE_NOOP("ProgramTexts", "Форма обучения"),
    QT_TRANSLATE_NOOP("ProgramTexts", "Уровень"),
    QT_TRANSLATE_NOOP("ProgramTexts", "Реестр"),
    QT_TRANSLATE_NOOP("ProgramTexts", "Возраст"),
    QT_TRANSLATE_NOOP("ProgramTexts", "Продолжительность, недель"),
    QT_TRANSLATE_NOOP("ProgramTexts", "ОВЗ"),
    QT_TRANSLATE_NOOP("ProgramTexts", "Медицинская справка"),
    QT_TRANSLATE_NOOP("ProgramTexts", "Адреса"),
    QT_TRANSLATE_NOOP("ProgramTexts", "Педагоги"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("ProgramTexts", text)


def card_fields(card: ProgramCard) -> list[tuple[str, str]]:
    """(title, value) of everything a person compares, in the card's order."""
    values = (
        card.name,
        card.short_name,
        card.annotation,
        direction_text(card.direction),
        kind_text(card.kind),
        form_text(card.form),
        level_text(card.level),
        registry_text(card.registry),
        ages_text(card.age_from_years, card.age_to_years),
        str(card.duration_weeks),
        ", ".join(ovz_text(c) for c in card.ovz),
        QCoreApplication.translate("ProgramTexts", "да")
        if card.medical_certificate
        else QCoreApplication.translate("ProgramTexts", "нет"),
        "; ".join(card.addresses),
        ", ".join(card.teachers),
    )
    rows = [(_t(str(title)), value) for title, value in zip(FIELD_TITLES, values, strict=True)]
    for number, module in enumerate(card.modules, start=1):
        title = QCoreApplication.translate("ProgramTexts", "Модуль %1").replace("%1", str(number))
        rows.append(
            (
                title,
                QCoreApplication.translate("ProgramTexts", "%1: %2 ч, детей %3–%4, цена %5, норматив %6")
                .replace("%1", module.name)
                .replace("%2", str(module.hours))
                .replace("%3", str(module.min_children))
                .replace("%4", str(module.max_children))
                .replace("%5", cost_text(module.price, card.registry))
                .replace("%6", format_rub(module.normative_price)),
            )
        )
        for group in module.groups:
            dates = (
                f"{group.date_from:%d.%m.%Y}–{group.date_to:%d.%m.%Y}"
                if group.date_from and group.date_to
                else ""
            )
            rows.append(
                (
                    QCoreApplication.translate("ProgramTexts", "%1, группа «%2»")
                    .replace("%1", title)
                    .replace("%2", group.name),
                    QCoreApplication.translate("ProgramTexts", "%1, мест %2, %3; %4")
                    .replace("%1", dates)
                    .replace("%2", str(group.capacity))
                    .replace("%3", group.teacher)
                    .replace("%4", schedule_text(group)),
                )
            )
    return rows


def differences(local: ProgramCard, portal: ProgramCard) -> list[tuple[str, str, str]]:
    """(field, the local draft's value, the portal's value) for every field that differs."""
    mine = dict(card_fields(local))
    theirs = dict(card_fields(portal))
    keys = list(mine) + [k for k in theirs if k not in mine]
    return [(k, mine.get(k, "—"), theirs.get(k, "—")) for k in keys if mine.get(k) != theirs.get(k)]


class ConflictTable(QTableWidget):
    """Поле | Черновик на ПК | На портале — only the fields that differ."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Поле"), self.tr("Черновик на ПК"), self.tr("На портале")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def show_differences(self, rows: list[tuple[str, str, str]]) -> None:
        self.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.setItem(r, c, item)
        self.resizeRowsToContents()
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth() + 2
        height += sum(self.rowHeight(r) for r in range(len(rows)))
        self.setFixedHeight(min(max(height, 60), 220))  # as tall as its rows, never a blank box
