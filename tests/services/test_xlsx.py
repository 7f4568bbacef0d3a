"""services.xlsx: the one way the desktop writes a sheet (issue 13) — typed cells, a frozen header,
widths and a filter; data that looks like a formula stays text; a failed save leaves no file."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import openpyxl
import pytest

from pfdo_desktop.services import xlsx


def test_cells_are_typed_by_value_and_formatted_by_column(tmp_path):
    out = tmp_path / "t.xlsx"
    with xlsx.workbook(out) as book:
        sheet = xlsx.SheetWriter(book, "Лист", [xlsx.Column("Номер"), xlsx.Column("Дата", xlsx.DATE, 12),
                                                xlsx.Column("Сумма", xlsx.MONEY, 20),
                                                xlsx.Column("Когда", xlsx.DATETIME)],
                                 above=["Заголовок"], freeze_columns=1)
        moment = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
        sheet.row(["0012345678", date(2026, 11, 5), Decimal("1234.50"), moment])
        sheet.row(["=HYPERLINK(\"x\")", None, 7, None])
        sheet.row(["abc\x0bdef", "", Decimal(0), None])
        assert sheet.close() == 3
    ws = openpyxl.load_workbook(out)["Лист"]
    assert ws.freeze_panes == "B3" and ws.auto_filter.ref == "A2:D5"
    assert ws.column_dimensions["C"].width == 20
    number, day, money, moment = (ws.cell(row=3, column=c) for c in range(1, 5))
    assert number.value == "0012345678" and number.data_type == "s"
    assert day.value == datetime(2026, 11, 5) and day.number_format == "DD.MM.YYYY"
    assert money.value == 1234.5 and money.number_format == "#,##0.00"
    assert isinstance(moment.value, datetime) and moment.number_format == "DD.MM.YYYY HH:MM"
    assert ws.cell(row=4, column=1).value == '=HYPERLINK("x")' and ws.cell(row=4, column=1).data_type == "s"
    assert ws.cell(row=4, column=3).value == 7 and ws.cell(row=4, column=3).number_format == "#,##0.00"
    assert ws.cell(row=5, column=1).value == "abcdef" and ws.cell(row=5, column=2).value is None


def test_sheet_titles_are_valid_and_unique():
    taken: set[str] = set()
    assert xlsx.sheet_title("Группа [1]: a/b", taken) == "Группа  1   a b"
    long = "Очень длинное название группы для листа"
    first, second = xlsx.sheet_title(long, taken), xlsx.sheet_title(long, taken)
    assert len(first) == len(second) == 31 and first != second and second.endswith(" (2)")


def test_a_failed_export_leaves_the_previous_file(tmp_path):
    out = tmp_path / "t.xlsx"
    out.write_bytes(b"previous")
    with pytest.raises(RuntimeError), xlsx.workbook(out) as book:
        sheet = xlsx.SheetWriter(book, "Лист", [xlsx.Column("A")])
        sheet.row(["x"])
        raise RuntimeError("the read failed")
    assert out.read_bytes() == b"previous" and [p.name for p in tmp_path.glob("*xlsx*")] == ["t.xlsx"]
