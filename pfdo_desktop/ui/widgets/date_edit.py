"""One date field for every form: «ДД.ММ.ГГГГ» typed as digits, a calendar on a button, and a
message for a date that is unfinished or impossible.

Why not ``QDateEdit``: its mask is text the operator has to type over («__.__.____» or the special
value), its Tab walks day → month → year instead of moving on, and an unfinished date silently
reverts to the previous one. Here the field is a ``QLineEdit``:

* digits are laid out as they are typed: ``01012015``, ``01.01.2015``, ``1.1.2015``, ``01/01/2015``
  and a pasted ``2015-01-01`` all give 01.01.2015 (letters are refused as typed);
* an empty field shows the placeholder «ДД.ММ.ГГГГ» — a hint, not text;
* Tab moves on to the next field and the typed text stays as it is; ``problem()`` says what is wrong
  with it (unfinished, no such date, out of range) for the form to show next to the field;
* ``date()`` is the date (``datetime.date``) or None while the field is empty or wrong;
  ``dateChanged`` carries the same value whenever it changes;
* the button at the right end (or F4 / Alt+↓) opens a calendar.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QKeyEvent, QPainter, QPixmap, QValidator
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QVBoxLayout, QWidget

EMPTY, PARTIAL, INVALID, TOO_EARLY, TOO_LATE, OK = "empty", "partial", "invalid", "early", "late", "ok"
DEFAULT_MINIMUM = date(1900, 1, 1)
DEFAULT_MAXIMUM = date(2199, 12, 31)
SEPARATORS = ".,/- "
_SIZES = (2, 2, 4)  # day, month, year
Day = date  # the class below has a method named «date»
_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")


def layout_date_text(raw: str, cursor: int | None = None) -> tuple[str, int] | None:
    """``raw`` as the operator typed it, laid out as «ДД.ММ.ГГГГ» so far, and where the cursor goes;
    None when ``raw`` holds anything but digits and separators.

    A group ends when it is full (2, 2, 4 digits) or at a separator; «1.1.2015» stays as typed until
    the field is left (``DateEdit`` then writes 01.01.2015).
    """
    cursor = len(raw) if cursor is None else cursor
    iso = _ISO.fullmatch(raw)
    if iso:  # pasted from a spreadsheet or a file
        text = f"{int(iso[3]):02d}.{int(iso[2]):02d}.{iso[1]}"
        return text, len(text)
    groups = ["", "", ""]
    i = 0
    for ch in raw:
        if ch.isdigit():
            if len(groups[i]) == _SIZES[i]:
                if i == 2:
                    continue  # a fifth digit of the year: dropped
                i += 1
            groups[i] += ch
        elif ch in SEPARATORS:
            if i < 2 and groups[i]:
                i += 1
        else:
            return None
    text = ".".join(groups[: i + 1])
    if cursor >= len(raw):
        return text, len(text)
    # the cursor stays after the same digit it followed
    before = raw[:cursor]
    digits = sum(ch.isdigit() for ch in before)
    pos = 0
    seen = 0
    while pos < len(text) and seen < digits:
        if text[pos].isdigit():
            seen += 1
        pos += 1
    if before and before[-1] in SEPARATORS and pos < len(text) and text[pos] == ".":
        pos += 1
    return text, pos


def read_date_text(text: str) -> tuple[str, date | None]:
    """(state, date) of a laid-out text: EMPTY, PARTIAL, INVALID or OK (range not checked)."""
    text = text.strip()
    if not text:
        return EMPTY, None
    parts = text.split(".")
    if len(parts) != 3 or not parts[0] or not parts[1] or len(parts[2]) != 4:
        return PARTIAL, None
    try:
        return OK, date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        return INVALID, None


def ru(day: date) -> str:
    return f"{day:%d.%m.%Y}"


class _DateValidator(QValidator):
    def validate(self, text: str, pos: int) -> object:  # type: ignore[override]
        laid = layout_date_text(text, pos)
        if laid is None:
            return QValidator.State.Invalid, text, pos
        # Always acceptable: an unfinished date is the form's message, not a blocked key or focus
        # (with «Intermediate» Qt would swallow editingFinished and Return).
        return QValidator.State.Acceptable, laid[0], laid[1]


def _calendar_icon() -> QIcon:
    """A small calendar drawn here: no icon theme is needed (Linux without a desktop has none)."""
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        unit = size / 16
        ink = QColor("#4a5a70")
        painter.setPen(ink)
        body = QRect(round(1 * unit), round(2 * unit), round(14 * unit) - 1, round(13 * unit) - 1)
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(body, unit, unit)
        painter.fillRect(QRect(body.left(), body.top(), body.width() + 1, round(3.5 * unit)), ink)
        for row in range(2):
            for col in range(3):
                left, top, side = round((3 + col * 4) * unit), round((8 + row * 3.5) * unit), round(2 * unit)
                painter.fillRect(QRect(left, top, side, side), ink)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class DateEdit(QLineEdit):
    """A date typed as «ДД.ММ.ГГГГ» (see the module's docstring)."""

    dateChanged = Signal(object)  # Day | None: the date as it now reads

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        minimum: Day | None = None,
        maximum: Day | None = None,
    ) -> None:
        super().__init__(parent)
        self._minimum = minimum or DEFAULT_MINIMUM
        self._maximum = maximum or DEFAULT_MAXIMUM
        self._value: Day | None = None
        self._calendar_start: Day | None = None
        self.popup: QFrame | None = None
        self.calendar: QCalendarWidget | None = None
        self.setValidator(_DateValidator(self))
        self.setPlaceholderText(self.tr("ДД.ММ.ГГГГ"))
        self.calendar_action = self.addAction(_calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(self.tr("Выбрать дату в календаре (F4)"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.textChanged.connect(self._on_text_changed)
        self.editingFinished.connect(self._on_editing_finished)
        width = QFontMetrics(self.font()).horizontalAdvance("00.00.00000") + 44
        self.setMinimumWidth(max(width, 120))

    # --- the value -------------------------------------------------------------------------------

    def date(self) -> Day | None:
        """The date, or None while the field is empty, unfinished, impossible or out of range."""
        return self._value

    def setDate(self, day: Day | QDate | None) -> None:  # noqa: N802 (QDateEdit's name)
        """Show ``day`` (a ``QDate`` is taken too); None empties the field."""
        if isinstance(day, QDate):
            day = Day(day.year(), day.month(), day.day()) if day.isValid() else None
        self.setText(ru(day) if day is not None else "")

    def state(self) -> str:
        """EMPTY, PARTIAL, INVALID, TOO_EARLY, TOO_LATE or OK."""
        state, day = read_date_text(self.text())
        if day is not None:
            if day < self._minimum:
                return TOO_EARLY
            if day > self._maximum:
                return TOO_LATE
        return state

    def is_empty(self) -> bool:
        return not self.text().strip()

    def problem(self) -> str:
        """What is wrong with the text as typed, for a message next to the field ("" when nothing)."""
        state = self.state()
        if state == PARTIAL:
            return self.tr(
                "Дата введена не полностью: нужны день, месяц и год — ДД.ММ.ГГГГ, например 05.03.2016."
            )
        if state == INVALID:
            return self.tr("Такой даты нет: %1. Проверьте день и месяц.").replace("%1", self.text().strip())
        if state == TOO_EARLY:
            return self.tr("Дата не может быть раньше %1.").replace("%1", ru(self._minimum))
        if state == TOO_LATE:
            return self.tr("Дата не может быть позже %1.").replace("%1", ru(self._maximum))
        return ""

    # --- range -------------------------------------------------------------------------------------

    def minimumDate(self) -> Day:  # noqa: N802
        return self._minimum

    def maximumDate(self) -> Day:  # noqa: N802
        return self._maximum

    def setMinimumDate(self, day: Day) -> None:  # noqa: N802
        self.setDateRange(day, max(day, self._maximum))

    def setMaximumDate(self, day: Day) -> None:  # noqa: N802
        self.setDateRange(min(day, self._minimum), day)

    def setDateRange(self, minimum: Day, maximum: Day) -> None:  # noqa: N802
        self._minimum, self._maximum = minimum, maximum
        self._on_text_changed(self.text())

    def set_calendar_start(self, day: Day) -> None:
        """The month the calendar opens on while the field is empty (today by default)."""
        self._calendar_start = day

    # --- editing -----------------------------------------------------------------------------------

    def _on_text_changed(self, _text: str) -> None:
        value = read_date_text(self.text())[1] if self.state() == OK else None
        if value != self._value:
            self._value = value
            self.dateChanged.emit(value)

    def _on_editing_finished(self) -> None:
        if self._value is not None and self.text() != ru(self._value):
            self.setText(ru(self._value))  # «1.1.2015» → «01.01.2015»
        self.setToolTip(self.problem())

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802
        super().setReadOnly(read_only)
        self.calendar_action.setEnabled(not read_only)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if (event.key() == Qt.Key.Key_F4 or alt_down) and not self.isReadOnly():
            self.show_calendar()
            return
        super().keyPressEvent(event)

    # --- the calendar --------------------------------------------------------------------------------

    def show_calendar(self) -> QCalendarWidget:
        """Open the calendar under the field on its date (or today); a click fills the field."""
        if self.popup is None or self.calendar is None:
            self.popup = QFrame(self, Qt.WindowType.Popup)
            self.popup.setFrameShape(QFrame.Shape.StyledPanel)
            self.calendar = QCalendarWidget(self.popup)
            self.calendar.setGridVisible(True)
            self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
            self.calendar.clicked.connect(self._on_calendar_chosen)
            self.calendar.activated.connect(self._on_calendar_chosen)
            layout = QVBoxLayout(self.popup)
            layout.setContentsMargins(1, 1, 1, 1)
            layout.addWidget(self.calendar)
        calendar = self.calendar
        calendar.setDateRange(_qdate(self._minimum), _qdate(self._maximum))
        shown = self._value or self._calendar_start or Day.today()
        shown = min(max(shown, self._minimum), self._maximum)
        calendar.setSelectedDate(_qdate(shown))
        calendar.setCurrentPage(shown.year, shown.month)
        popup = self.popup
        popup.adjustSize()
        size: QSize = popup.sizeHint()
        where = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            if where.y() + size.height() > screen.bottom():
                where.setY(self.mapToGlobal(QPoint(0, 0)).y() - size.height())
            where.setX(max(screen.left(), min(where.x(), screen.right() - size.width())))
        popup.move(where)
        popup.show()
        calendar.setFocus()
        return calendar

    def _on_calendar_chosen(self, day: QDate) -> None:
        if self.popup is not None:
            self.popup.hide()
        self.setDate(day)
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.setToolTip("")
        self.editingFinished.emit()


def _qdate(day: Day) -> QDate:
    return QDate(day.year, day.month, day.day)
