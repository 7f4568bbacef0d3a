"""The import preview: one line per row of the file with what the check found.

A row with an error is red (the reasons in the last column and in the tooltip); a child already
known on this PC is amber; a row that will be imported says so in green.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from pfdo_desktop.workspace_types import ROSTER_FIELD_TITLES as FIELD_TITLES
from pfdo_desktop.workspace_types import PreviewRow

from ..common.domain_words import word
from ..common.refusals import in_ui
from ..rows_model import RowRole, RowsTableModel  # noqa: F401 - RowRole re-exported

EXISTING = "existing"  # services.roster_import.EXISTING: the child is already known on this PC

COL_LINE, COL_CHECK, COL_NAME, COL_BIRTH, COL_SNILS, COL_CERTIFICATE, COL_PARENT, COL_PHONE, COL_EMAIL = (
    range(9)
)

HEADERS = (
    QT_TRANSLATE_NOOP("RosterPreviewModel", "Строка"),
    QT_TRANSLATE_NOOP("RosterPreviewModel", "Проверка"),
    QT_TRANSLATE_NOOP("RosterPreviewModel", "ФИО"),
    QT_TRANSLATE_NOOP("RosterPreviewModel", "Дата рождения"),
    QT_TRANSLATE_NOOP("RosterPreviewModel", "СНИЛС"),
    QT_TRANSLATE_NOOP("RosterPreviewModel", "Сертификат"),
    QT_TRANSLATE_NOOP("RosterPreviewModel", "Законный представитель"),
    QT_TRANSLATE_NOOP("RosterPreviewModel", "Телефон"),
    QT_TRANSLATE_NOOP("RosterPreviewModel", "E-mail"),
)

# The preview's fields behind each column (a name error may sit on any of the name parts).
COLUMN_FIELDS: dict[int, tuple[str, ...]] = {
    COL_NAME: ("full_name", "last_name", "first_name", "middle_name", "duplicate"),
    COL_BIRTH: ("birth_date",),
    COL_SNILS: ("snils",),
    COL_CERTIFICATE: ("certificate_number",),
    COL_PARENT: ("parent_name",),
    COL_PHONE: ("phone",),
    COL_EMAIL: ("email",),
}

INVALID_BACKGROUND = QColor("#fde2e1")
INVALID_FOREGROUND = QColor("#8f1d14")
EXISTING_BACKGROUND = QColor("#fff1d6")
EXISTING_FOREGROUND = QColor("#7a4b00")
OK_FOREGROUND = QColor("#1e5c2b")


def row_kind(row: PreviewRow) -> str:
    """ "ok" (will be imported), "existing" (already known: skipped) or "invalid" (skipped)."""
    if row.ok:
        return "ok"
    if set(row.errors) == {EXISTING}:
        return "existing"
    return "invalid"


def row_problems(row: PreviewRow) -> str:
    """«Дата рождения: дата не распознана …; СНИЛС: …» — every reason the row is skipped."""
    return "; ".join(f"{field_title(name)}: {in_ui(message)}" for name, message in row.errors.items())


def field_title(name: str) -> str:
    """A roster field's title (``ROSTER_FIELD_TITLES``) in the UI's language."""
    return word("FieldTitle", FIELD_TITLES.get(name, name))


def _shown_date(text: str) -> str:
    try:
        return f"{date.fromisoformat(text):%d.%m.%Y}"
    except ValueError:
        return text


class RosterPreviewModel(RowsTableModel[PreviewRow]):
    context = "RosterPreviewModel"
    headers = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def counts(self) -> dict[str, int]:
        out = {"ok": 0, "existing": 0, "invalid": 0}
        for row in self._rows:
            out[row_kind(row)] += 1
        return out

    def valid_rows(self) -> list[PreviewRow]:
        return [r for r in self._rows if r.ok]

    def cell(self, row: PreviewRow, column: int, role: int) -> Any:
        kind = row_kind(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            problems = row_problems(row)
            return problems or QCoreApplication.translate("RosterPreviewModel", "Строка будет импортирована")
        if role == Qt.ItemDataRole.BackgroundRole:
            if kind == "invalid":
                return QBrush(INVALID_BACKGROUND)
            if kind == "existing":
                return QBrush(EXISTING_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_CHECK:
                return QBrush(
                    {"ok": OK_FOREGROUND, "existing": EXISTING_FOREGROUND}.get(kind, INVALID_FOREGROUND)
                )
            if kind == "invalid" and self._has_error(row, column):
                return QBrush(INVALID_FOREGROUND)
            return None
        if role == Qt.ItemDataRole.FontRole and (column == COL_CHECK or self._has_error(row, column)):
            return self._bold if kind != "ok" else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_LINE:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _has_error(self, row: PreviewRow, column: int) -> bool:
        return any(name in row.errors for name in COLUMN_FIELDS.get(column, ()))

    def _text(self, row: PreviewRow, column: int, kind: str) -> str:
        v = row.values
        if column == COL_LINE:
            return str(row.line_no)
        if column == COL_NAME:
            parts = [v.get("last_name", ""), v.get("first_name", ""), v.get("middle_name", "")]
            return " ".join(p for p in parts if p) or v.get("full_name", "")
        if column == COL_BIRTH:
            return _shown_date(v.get("birth_date", ""))
        if column == COL_SNILS:
            return v.get("snils", "")
        if column == COL_CERTIFICATE:
            return v.get("certificate_number", "")
        if column == COL_PARENT:
            return v.get("parent_name", "")
        if column == COL_PHONE:
            return v.get("phone", "")
        if column == COL_EMAIL:
            return v.get("email", "")
        if column == COL_CHECK:
            if kind == "ok":
                return QCoreApplication.translate("RosterPreviewModel", "✔ будет импортирован")
            if kind == "existing":
                return "⚠ " + in_ui(row.errors[EXISTING])
            return "✖ " + row_problems(row)
        return ""
