"""`pfdo-desktop export journal|children|applications|programs` (issue 13, «Excel out»): the XLSX read
back with openpyxl has what the screens show — as many lines, numbers as numbers, dates as dates,
certificate / СНИЛС / contract numbers as text, the header frozen, the widths set; a wrong command
line is one Russian line."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from pfdo_desktop.cli import main
from pfdo_desktop.domain.applications import APPLICATION_STATUSES_RU
from pfdo_desktop.domain.attendance import AttendanceCode

TODAY = date.today()


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out.strip(), out.err.strip()


def export(capsys, ws, what: str, out: Path, *more: str) -> str:
    code, said, err = run(capsys, "export", what, "--data-dir", str(ws.data_dir), *more, "-o", str(out))
    assert (code, err) == (0, ""), err
    assert said.startswith(f"Сохранено: {out} (")
    return said


def table(sheet, header_row: int = 1) -> tuple[tuple, list[tuple]]:
    """The header and the lines of the table (up to the first empty line)."""
    rows = list(sheet.iter_rows(values_only=True))
    body = []
    for row in rows[header_row:]:
        if not any(v is not None for v in row):
            break
        body.append(row)
    return rows[header_row - 1], body


def assert_widths(sheet, columns: int) -> None:
    for i in range(1, columns + 1):
        letter = openpyxl.utils.get_column_letter(i)
        assert sheet.column_dimensions[letter].width and sheet.column_dimensions[letter].width > 4, letter


def test_children_every_child_of_the_list_with_its_certificate_as_text(enrolled_workspace, tmp_path, capsys):
    ws = enrolled_workspace
    shown = ws.search_children("", limit=1_000_000)
    out = tmp_path / "дети.xlsx"
    said = export(capsys, ws, "children", out)
    assert said.endswith(f"(строк: {len(shown)})")
    sheet = openpyxl.load_workbook(out)["Дети и сертификаты"]
    header, rows = table(sheet)
    assert header[:4] == ("ФИО", "Дата рождения", "СНИЛС", "Сертификат")
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref.startswith("A1:")
    assert_widths(sheet, len(header))
    assert len(rows) == len(shown) > 0
    assert sorted(r[0] for r in rows) == sorted(c.full_name for c in shown)
    by_name = {(c.full_name, c.birth_date): c for c in shown}
    with_certificate = 0
    for name, born, snils, number, kind, nominal, balance, reserve, _unit, _state in rows:
        assert isinstance(born, datetime) and born.time() == datetime.min.time()
        child = by_name[(name, born.date())]
        assert (snils or "") == child.snils and (number or "") == child.certificate_number
        if snils:
            assert isinstance(snils, str) and len(snils) == 14  # «XXX-XXX-XXX YY», as the screen
        if number:
            with_certificate += 1
            assert isinstance(number, str) and len(number) == 10 and kind in ("ПФ", "учёт")
            assert all(isinstance(v, (int, float)) for v in (nominal, balance, reserve))
            assert Decimal(str(balance)) <= Decimal(str(nominal))
    assert with_certificate > 0
    cell = sheet.cell(row=2, column=2)
    assert cell.number_format == "DD.MM.YYYY"


def test_children_search_like_the_screen(enrolled_workspace, tmp_path, capsys):
    ws = enrolled_workspace
    first = ws.search_children("", limit=1)[0]
    query = first.full_name.split()[0]
    out = tmp_path / "поиск.xlsx"
    count = ws.export_children(out, query)
    assert count == len(ws.search_children(query, limit=1_000_000)) >= 1
    _header, rows = table(openpyxl.load_workbook(out).active)
    assert len(rows) == count and all(query.casefold() in r[0].casefold() for r in rows)


def test_applications_as_the_list_with_sums_as_numbers(enrolled_workspace, tmp_path, capsys):
    ws = enrolled_workspace
    apps = ws.applications()
    out = tmp_path / "заявки.xlsx"
    said = export(capsys, ws, "applications", out)
    assert said.endswith(f"(заявок: {len(apps)})")
    sheet = openpyxl.load_workbook(out)["Заявки"]
    header, rows = table(sheet)
    assert header[0] == "№ заявки" and sheet.freeze_panes == "C2"
    assert_widths(sheet, len(header))
    assert len(rows) == len(apps) > 0
    column = {title: i for i, title in enumerate(header)}
    assert [r[column["№ заявки"]] or "" for r in rows] == [a.number for a in apps]
    assert {r[column["Статус"]] for r in rows} <= set(APPLICATION_STATUSES_RU.values())
    priced = contracts = 0
    for row, app in zip(rows, apps, strict=True):
        assert isinstance(row[column["Начало"]], datetime)
        assert row[column["Начало"]].date() == app.start_date
        assert isinstance(row[column["Создана"]], datetime)
        if app.certificate_number:
            assert row[column["Сертификат"]] == app.certificate_number
        if app.price_total is not None:
            priced += 1
            assert isinstance(row[column["Стоимость"]], (int, float))
            assert Decimal(str(row[column["Стоимость"]])) == app.price_total
        if app.contract_number:
            contracts += 1
            assert isinstance(row[column["№ договора"]], str)
    assert priced and contracts


def test_applications_of_one_group(enrolled_workspace, tmp_path, capsys):
    ws = enrolled_workspace
    group = next(g for g in ws.groups_for_application() if ws.applications(group_id=g.id))
    out = tmp_path / "группа.xlsx"
    said = export(capsys, ws, "applications", out, "--group", str(group.id))
    assert said.endswith(f"(заявок: {len(ws.applications(group_id=group.id))})")


def test_programs_catalogue_with_modules_and_groups(enrolled_workspace, tmp_path, capsys):
    ws = enrolled_workspace
    catalogue = ws.program_catalogue()
    out = tmp_path / "программы.xlsx"
    said = export(capsys, ws, "programs", out)
    assert said.endswith(f"(программ: {len(catalogue.rows)})")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Программы", "Модули", "Группы"]
    sheet = book["Программы"]
    header, rows = table(sheet)
    assert sheet.freeze_panes == "B2"
    assert_widths(sheet, len(header))
    assert [r[0] for r in rows] == [p.name for p in catalogue.rows]
    column = {title: i for i, title in enumerate(header)}
    for row, program in zip(rows, catalogue.rows, strict=True):
        assert row[column["Групп"]] == program.groups and row[column["Модулей"]] == program.modules
        if program.modules:
            assert isinstance(row[column["Часов"]], int) and row[column["Часов"]] > 0
            assert isinstance(row[column["Стоимость"]], (int, float))
    _h, modules = table(book["Модули"])
    assert len(modules) == sum(p.modules for p in catalogue.rows)
    _h, groups = table(book["Группы"])
    assert len(groups) == sum(p.groups for p in catalogue.rows)
    assert all(isinstance(g[4], datetime) and isinstance(g[6], int) for g in groups)


def _a_group_month(ws):
    """A group and a finished month in which it had lessons and children with marks."""
    for group in ws.groups():
        for back in range(1, 6):
            index = TODAY.year * 12 + TODAY.month - 1 - back
            month = date(index // 12, index % 12 + 1, 1)
            journal = ws.journal_month(group.id, month)
            if journal.lessons and journal.children and journal.marks:
                return group, month, journal
    raise AssertionError("no group with marks in the last months")


def test_journal_of_a_group_letters_totals_and_dates(enrolled_workspace, tmp_path, capsys):
    ws = enrolled_workspace
    group, month, journal = _a_group_month(ws)
    out = tmp_path / "журнал.xlsx"
    said = export(capsys, ws, "journal", out, "--month", f"{month:%Y-%m}", "--group", str(group.id))
    assert said.endswith("(групп: 1)")
    book = openpyxl.load_workbook(out)
    assert len(book.sheetnames) == 1
    sheet = book.active
    assert sheet.freeze_panes == "C3"  # the title and the header; № and ФИО
    assert group.name in sheet.cell(row=1, column=1).value
    header, rows = table(sheet, header_row=2)
    assert_widths(sheet, len(header))
    days = header[4:4 + len(journal.lessons)]
    assert all(isinstance(d, datetime) for d in days)
    assert [d.date() for d in days] == [lesson.lesson_date for lesson in journal.lessons]
    assert header[-5:] == ("Был", "Не был", "Болел", "Уваж. причина", "Проведено занятий")
    assert len(rows) == len(journal.children) + 1  # the children and «Присутствовали»
    letters = {code.short: code for code in AttendanceCode}
    for row, child in zip(rows, journal.children, strict=False):
        assert row[1] == child.full_name and isinstance(row[2], datetime)
        if child.certificate_number:
            assert row[3] == child.certificate_number
        for value, lesson in zip(row[4:4 + len(days)], journal.lessons, strict=True):
            code = journal.marks.get((child.child_id, lesson.lesson_date))
            if lesson.cancelled:
                assert value in ("×", None)
            else:
                assert letters.get(value) == (AttendanceCode(code) if code else None)
        present, absent, sick, excused, held = row[-5:]
        assert all(isinstance(v, int) for v in (present, absent, sick, excused, held))
        assert present + absent + sick + excused <= held
        # a finished month: every lesson of the child's membership counts (the screen's «Итого»)
        member = [c for c in journal.lessons if not c.cancelled and child.is_member_on(c.lesson_date)]
        assert held == len(member)
        assert present == sum(1 for c in member
                              if journal.marks.get((child.child_id, c.lesson_date)) == AttendanceCode.PRESENT)
    totals = rows[-1]
    assert totals[1] == "Присутствовали"
    assert totals[-5] == sum(r[-5] for r in rows[:-1])  # «Был» of every child


def test_journal_of_every_group_of_the_month_a_sheet_each(enrolled_workspace, tmp_path, capsys):
    ws = enrolled_workspace
    _group, month, _journal = _a_group_month(ws)
    out = tmp_path / "все.xlsx"
    said = export(capsys, ws, "journal", out, "--month", f"{month:%Y-%m}")
    book = openpyxl.load_workbook(out)
    expected = [g for g in ws.groups()
                if (j := ws.journal_month(g.id, month)).lessons and j.children]
    assert said.endswith(f"(групп: {len(expected)})") and len(book.sheetnames) == len(expected) > 1
    assert len(set(book.sheetnames)) == len(book.sheetnames)
    for sheet, group in zip(book.worksheets, expected, strict=True):
        assert group.name in sheet.cell(row=1, column=1).value
        assert sheet.freeze_panes == "C3"


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["children", "-o", "{tmp}/дети.csv"],
         "файл выгрузки должен иметь расширение .xlsx, а не «дети.csv»"),
        (["journal", "--group", "999999", "-o", "{tmp}/ж.xlsx"], "группы № 999999 нет на этом ПК"),
        (["journal", "--group", "abc", "-o", "{tmp}/ж.xlsx"], "номер группы — целое число, а не «abc»"),
        (["journal", "--month", "2026-13", "-o", "{tmp}/ж.xlsx"], "месяц «2026-13» укажите как ГГГГ-ММ"),
        (["journal", "--month", "2001-01", "-o", "{tmp}/ж.xlsx"], "за январь 2001 нет групп с занятиями"),
        (["children", "--month", "2026-11", "-o", "{tmp}/д.xlsx"], "--month нужен только"),
        (["programs", "--group", "1", "-o", "{tmp}/п.xlsx"], "--group нужен только"),
        (["month", "-o", "{tmp}/м.xlsx"], "укажите месяц выгрузки: --month ГГГГ-ММ"),
        (["programs", "-o", "{tmp}/нет-папки/п.xlsx"], "нет: XLSX сохранить некуда"),
    ],
)
def test_a_wrong_export_is_one_russian_line(enrolled_workspace, tmp_path, capsys, argv, said):
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, out, err = run(capsys, "export", args[0], "--data-dir", str(enrolled_workspace.data_dir), *args[1:])
    assert code == 1 and out == ""
    assert err.startswith("pfdo-desktop: ") and said in err and "\n" not in err, err
    assert not list(tmp_path.glob("*.xlsx"))


def test_export_needs_a_database(tmp_path, capsys):
    code, out, err = run(capsys, "export", "children", "--data-dir", str(tmp_path / "пусто"), "-o",
                         str(tmp_path / "д.xlsx"))
    assert code == 1 and err.startswith("pfdo-desktop: ") and "\n" not in err
    assert not (tmp_path / "пусто").exists()
