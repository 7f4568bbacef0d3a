"""The questions of a lesson column's header menu: why a lesson was not held by the provider's fault
and which date it moves to (issue 12), and the lesson's theme, the КТП (issue 16). Each is a small
dialog opened without blocking (``open()``); the journal panel runs the operation when it is
accepted."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from pfdo_desktop.domain.lesson_themes import THEME_MAX
from pfdo_desktop.domain.lessons import REASON_MAX

from ..widgets.date_edit import DateEdit


class _LessonDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, question: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.question_label = QLabel(question)
        self.question_label.setWordWrap(True)
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #b00020;")
        self.problem_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.on_ok)
        self.buttons.rejected.connect(self.reject)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.question_label)

    def finish_layout(self) -> None:
        self.box.addWidget(self.problem_label)
        self.box.addWidget(self.buttons)

    def problem(self) -> str:  # pragma: no cover - overridden
        return ""

    def on_ok(self) -> None:
        problem = self.problem()
        self.problem_label.setText(problem)
        if not problem:
            self.accept()


class CancelLessonDialog(_LessonDialog):
    """«Занятие не проведено по вине исполнителя»: the reason (required, up to 200 characters)."""

    def __init__(self, parent: QWidget | None, lesson_date: date) -> None:
        super().__init__(
            parent, self.tr("Занятие не проведено"),
            self.tr("Занятие %1 не проведено по вине исполнителя. Укажите причину (например, «болезнь "
                    "педагога», «помещение закрыто»): она уйдёт на портал и будет видна в журнале.")
            .replace("%1", f"{lesson_date:%d.%m.%Y}"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(REASON_MAX)
        self.reason_edit.setPlaceholderText(self.tr("Причина"))
        self.box.addWidget(self.reason_edit)
        self.finish_layout()

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def problem(self) -> str:
        return "" if self.reason() else self.tr("Укажите причину, по которой занятие не проведено.")


class MoveLessonDialog(_LessonDialog):
    """«Перенести занятие на …»: the new date (inside the group's dates) and an optional reason."""

    def __init__(self, parent: QWidget | None, lesson_date: date, group_from: date, group_to: date) -> None:
        super().__init__(
            parent, self.tr("Перенос занятия"),
            self.tr("Перенести занятие %1 на другой день. Отметки детей ставятся в день, на который "
                    "занятие перенесено.").replace("%1", f"{lesson_date:%d.%m.%Y}"))
        self.date_edit = DateEdit()
        self.date_edit.setDateRange(group_from, group_to)
        self.date_edit.set_calendar_start(lesson_date)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(REASON_MAX)
        self.reason_edit.setPlaceholderText(self.tr("Причина (необязательно)"))
        self.box.addWidget(QLabel(self.tr("Новая дата:")))
        self.box.addWidget(self.date_edit)
        self.box.addWidget(self.reason_edit)
        self.finish_layout()

    def moved_to(self) -> date | None:
        return self.date_edit.date()

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def problem(self) -> str:
        if self.date_edit.is_empty():
            return self.tr("Укажите дату, на которую переносится занятие.")
        return self.date_edit.problem()


class LessonThemeDialog(_LessonDialog):
    """«Тема занятия» (КТП): the theme of one lesson, up to 500 characters; empty clears it."""

    def __init__(self, parent: QWidget | None, lesson_date: date, theme: str) -> None:
        super().__init__(
            parent, self.tr("Тема занятия"),
            self.tr("Тема занятия %1 по календарно-тематическому плану. Она уйдёт на портал и будет видна "
                    "в подсказке столбца журнала; пустая тема убирает её.")
            .replace("%1", f"{lesson_date:%d.%m.%Y}"))
        self.theme_edit = QLineEdit()
        self.theme_edit.setMaxLength(THEME_MAX)
        self.theme_edit.setPlaceholderText(self.tr("Например: «Введение. Техника безопасности»"))
        self.theme_edit.setText(theme)
        self.theme_edit.setMinimumWidth(420)
        self.box.addWidget(self.theme_edit)
        self.finish_layout()

    def theme(self) -> str:
        return self.theme_edit.text().strip()
