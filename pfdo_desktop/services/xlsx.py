"""One way to write a table into an XLSX sheet (issue 13, «Excel out»): openpyxl in write-only mode,
so a 100 k-row export streams to disk instead of holding the sheet in memory.

Every sheet the desktop writes looks the same: optional lines above the table (a title), a bold
header row that stays on screen when scrolling (``freeze_panes``), column widths set, a filter on
the header, and cells typed by their values and their column:

* text is text — a certificate, СНИЛС or contract number stays a string with its leading zeros, and
  a value starting with «=» is never taken for a formula;
* dates are dates (``DD.MM.YYYY``; a datetime ``DD.MM.YYYY HH:MM``, local time, no time zone);
* numbers are numbers, money with two decimals (``#,##0.00``), percentages as in the payment
  export (``0.00``, the figure in percent points).

The writer reuses one styled cell per column (openpyxl writes a row as soon as it is appended), so
styled cells cost no more than plain values. Used by ``services.exports`` and ``payment.export_month``.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

TEXT = "text"
INTEGER = "integer"
NUMBER = "number"  # a plain decimal figure (hours, a share) without grouping
MONEY = "money"
PERCENT = "percent"
DATE = "date"
DATETIME = "datetime"
SHORT_DATE = "short_date"  # «05.11», a lesson's column in the journal

MONEY_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.00"
NUMBER_FORMAT = "0.##"
DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
SHORT_DATE_FORMAT = "DD.MM"

_NUMBER_FORMATS = {MONEY: MONEY_FORMAT, PERCENT: PERCENT_FORMAT, NUMBER: NUMBER_FORMAT}
_DATE_FORMATS = {DATE: DATE_FORMAT, DATETIME: DATETIME_FORMAT, SHORT_DATE: SHORT_DATE_FORMAT}
# Characters XML 1.0 cannot carry: openpyxl refuses a cell holding one, which would break the file.
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
_SHEET_TITLE_BAD = re.compile(r"[\[\]:*?/\\]")
SHEET_TITLE_MAX = 31  # Excel's limit


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a sheet: its header, what its values are, its width in characters."""

    title: str
    kind: str = TEXT
    width: float = 14


def new_book() -> Any:
    """A write-only workbook (``openpyxl.Workbook(write_only=True)``): nothing of it is kept in memory
    but the sheet being written."""
    from openpyxl import Workbook

    return Workbook(write_only=True)


@contextlib.contextmanager
def workbook(out: Path) -> Iterator[Any]:
    """A write-only workbook saved to ``out`` when the block ends without an error. It is written
    beside ``out`` under a temporary name and then put in its place, so a failed export (a full disk,
    a file open in Excel) leaves the previous file as it was and no half-written one; on any failure
    the sheets' temporary files are closed and removed."""
    book = new_book()
    try:
        yield book
        partial = out.with_name(f".{out.name}.{os.getpid()}.part")
        try:
            book.save(partial)
            os.replace(partial, out)
        finally:
            with contextlib.suppress(OSError):
                partial.unlink()
    except BaseException:
        _discard(book)
        raise


def _discard(book: Any) -> None:
    """Close the sheets of a workbook that will not be saved (their streams and temporary files)."""
    for sheet in getattr(book, "_sheets", ()):
        with contextlib.suppress(Exception):
            if not sheet.closed:
                sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name from ``name`` (no ``[]:*?/\\``, at most 31 characters; a repeated
    one gets « (2)»); added to ``taken`` (compared case-insensitively, as Excel does)."""
    base = _SHEET_TITLE_BAD.sub(" ", name).strip().strip("'") or "Лист"
    title, n = base[:SHEET_TITLE_MAX], 1
    while title.casefold() in taken:
        n += 1
        suffix = f" ({n})"
        title = base[:SHEET_TITLE_MAX - len(suffix)] + suffix
    taken.add(title.casefold())
    return title


def clean_text(value: str) -> str:
    """``value`` without the control characters an XLSX cannot hold."""
    return _ILLEGAL.sub("", value) if _ILLEGAL.search(value) else value


class SheetWriter:
    """A table written row by row into a new write-only sheet of ``book``.

    ``above``: lines written before the header (a title); the header row and the columns left of
    ``freeze_columns`` stay on screen. ``row`` writes a line of the table; ``line`` a free line after
    it (a total, a note) — the filter covers the table only. ``rows`` counts the table's lines.
    """

    def __init__(self, book: Any, title: str, columns: Sequence[Column], *, above: Sequence[str] = (),
                 freeze_columns: int = 0, header_cells: Sequence[object] | None = None,
                 autofilter: bool = True) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        self._cell_type = WriteOnlyCell
        self.columns = tuple(columns)
        self.sheet = sheet = book.create_sheet(title)
        for i, column in enumerate(self.columns, 1):
            sheet.column_dimensions[get_column_letter(i)].width = column.width
        header_row = len(above) + 1
        sheet.freeze_panes = f"{get_column_letter(freeze_columns + 1)}{header_row + 1}"
        self.header_row = header_row
        self.rows = 0
        self._autofilter = autofilter
        self._last_column = get_column_letter(max(1, len(self.columns)))
        # One reusable cell per column and format: a row is written when it is appended.
        self._number_cells: list[Any] = []
        self._date_cells: list[Any] = []
        self._datetime_cells: list[Any] = []
        for column in self.columns:
            number = _NUMBER_FORMATS.get(column.kind)
            self._number_cells.append(self._styled(number) if number else None)
            self._date_cells.append(self._styled(_DATE_FORMATS.get(column.kind, DATE_FORMAT)))
            self._datetime_cells.append(self._styled(DATETIME_FORMAT))
        bold = Font(bold=True)
        for text in above:
            cell = WriteOnlyCell(sheet, value=clean_text(text))
            cell.font = bold
            sheet.append([cell])
        header: list[object] = []
        wrap = Alignment(wrap_text=True, vertical="top")
        titles = header_cells if header_cells is not None else [c.title for c in self.columns]
        for i, value in enumerate(titles):
            kind = self.columns[i].kind if i < len(self.columns) else TEXT
            if isinstance(value, date):
                cell = self._styled(_DATE_FORMATS.get(kind, DATE_FORMAT))
                cell.value = value
            else:
                cell = WriteOnlyCell(sheet, value=clean_text(str(value)))
                cell.data_type = "s"
            cell.font = bold
            cell.alignment = wrap
            header.append(cell)
        sheet.append(header)

    def _styled(self, number_format: str) -> Any:
        cell = self._cell_type(self.sheet)
        cell.number_format = number_format
        return cell

    def _cells(self, values: Iterable[object]) -> list[object]:
        out: list[object] = []
        for i, value in enumerate(values):
            if value is None or value == "":
                out.append(None)
            elif isinstance(value, str):
                text = clean_text(value)
                if text.startswith("="):  # data, not a formula
                    cell = self._cell_type(self.sheet, value=text)
                    cell.data_type = "s"
                    out.append(cell)
                else:
                    out.append(text)
            elif isinstance(value, bool):
                out.append(value)
            elif isinstance(value, datetime):
                if value.tzinfo is not None:  # Excel has no time zones: the PC's local time
                    value = value.astimezone().replace(tzinfo=None)
                cell = self._datetime_cells[i] if i < len(self.columns) else self._styled(DATETIME_FORMAT)
                cell.value = value
                out.append(cell)
            elif isinstance(value, date):
                cell = self._date_cells[i] if i < len(self.columns) else self._styled(DATE_FORMAT)
                cell.value = value
                out.append(cell)
            elif isinstance(value, (int, float, Decimal)):
                cell = self._number_cells[i] if i < len(self.columns) else None
                if cell is None:
                    out.append(value)
                else:
                    cell.value = value
                    out.append(cell)
            else:
                out.append(clean_text(str(value)))
        return out

    def row(self, values: Iterable[object]) -> None:
        """A line of the table: each value typed by itself and formatted by its column."""
        self.sheet.append(self._cells(values))
        self.rows += 1

    def write(self, rows: Iterable[Iterable[object]]) -> int:
        """Every line of ``rows`` (a generator is consumed as it goes); returns how many."""
        before = self.rows
        for values in rows:
            self.sheet.append(self._cells(values))
            self.rows += 1
        return self.rows - before

    def line(self, values: Iterable[object] = ()) -> None:
        """A line after the table (a total, a blank, a note): typed like a row, not counted, not
        filtered."""
        self._finish_table()
        self.sheet.append(self._cells(values))

    def _finish_table(self) -> None:
        if self._autofilter and self.rows:
            last = self.header_row + self.rows
            self.sheet.auto_filter.ref = f"A{self.header_row}:{self._last_column}{last}"
        self._autofilter = False

    def close(self) -> int:
        """The table is complete (sets its filter); returns its lines."""
        self._finish_table()
        return self.rows


__all__ = [
    "DATE",
    "DATETIME",
    "DATE_FORMAT",
    "INTEGER",
    "MONEY",
    "MONEY_FORMAT",
    "NUMBER",
    "PERCENT",
    "PERCENT_FORMAT",
    "SHORT_DATE",
    "TEXT",
    "Column",
    "SheetWriter",
    "clean_text",
    "new_book",
    "sheet_title",
    "workbook",
]
