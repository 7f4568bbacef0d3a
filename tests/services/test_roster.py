"""Roster import, the reading and checking half: files built at test time, hostile files refused
with a message the operator can act on, every validation rule as the preview shows it."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from pfdo_desktop.services.roster import (
    DUPLICATE,
    RawTable,
    RosterFileError,
    guess_mapping,
    missing_fields,
    normalise_phone,
    parse_date,
    preview,
    read_table,
    summary,
)

TODAY = date(2025, 9, 1)
HEADERS = [
    "Фамилия",
    "Имя",
    "Отчество",
    "Дата рождения",
    "СНИЛС",
    "Номер сертификата",
    "Телефон",
    "E-mail",
    "Законный представитель",
]
GOOD = [
    "Иванов",
    "Иван",
    "Иванович",
    "01.03.2015",
    "112-233-445 95",
    "0201123456",
    "8 (916) 123-45-67",
    "ivanova@example.ru",
    "Иванова Мария Петровна",
]


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[list[str]], *, encoding: str = "utf-8", delimiter: str = ";") -> Path:
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def table_of(*rows: list[str], headers: list[str] = HEADERS) -> RawTable:
    return RawTable(
        headers=tuple(headers), rows=tuple(tuple(r) for r in rows), encoding=None, delimiter=None, sheet=None
    )


def check(*rows: list[str]):
    table = table_of(*rows)
    return preview(table, guess_mapping(table.headers), today=TODAY)


# --- reading ------------------------------------------------------------------------------------


def test_xlsx_cells_become_text_and_lost_zeros_come_back(tmp_path):
    path = write_xlsx(
        tmp_path / "список.xlsx",
        [
            HEADERS,
            # Excel typed these columns as numbers: the certificate lost its region's leading zero,
            # the СНИЛС lost its zero, the date is a real date cell.
            [
                "Иванов",
                "Иван",
                "Иванович",
                datetime(2015, 3, 1),
                1234567819,
                201123456,
                79161234567,
                None,
                None,
            ],
            [
                "Петрова",
                "Анна",
                None,
                date(2014, 12, 31),
                None,
                "0301000001",
                None,
                None,
                None,
            ],  # text keeps zeros
            [None] * 9,  # an empty row in the middle is skipped, line numbers stay true
            ["Сидоров", "Олег", None, 41000, 11223344595.0, 5201123456, None, None, None],
        ],
    )
    table = read_table(path)
    assert table.sheet == "Sheet"
    assert table.rows[0][3] == "2015-03-01"
    assert table.rows[1][5] == "0301000001"
    assert table.rows[2][4] == "11223344595"  # an integral float loses «.0»
    assert table.line_numbers == (2, 3, 5)

    rows = preview(table, guess_mapping(table.headers), today=TODAY)
    assert rows[0].values["certificate_number"] == "0201123456"
    assert rows[0].values["snils"] == "012-345-678 19"
    assert rows[0].values["phone"] == "+79161234567"
    assert rows[1].values["certificate_number"] == "0301000001"
    assert rows[2].values["birth_date"] == "2012-04-01"  # Excel serial 41000
    assert [r.line_no for r in rows] == [2, 3, 5]
    assert all(isinstance(v, str) for r in rows for v in r.values.values())


def test_nine_digits_typed_as_text_are_not_padded_but_explained(tmp_path):
    path = write_csv(
        tmp_path / "r.csv", [HEADERS, ["Иванов", "Иван", "", "01.03.2015", "", "201123456", "", "", ""]]
    )
    row = preview(read_table(path), guess_mapping(HEADERS), today=TODAY)[0]
    assert row.values["certificate_number"] == "201123456"
    assert "ведущий ноль" in row.errors["certificate_number"]


@pytest.mark.parametrize(
    "encoding,delimiter",
    [
        ("utf-8-sig", ";"),
        ("utf-8", ","),
        ("cp1251", ";"),
        ("cp1251", ","),
        ("utf-16", "\t"),  # Excel's «Текст Юникод»
    ],
)
def test_csv_encodings_and_separators(tmp_path, encoding, delimiter):
    path = write_csv(tmp_path / "r.csv", [HEADERS, GOOD], encoding=encoding, delimiter=delimiter)
    table = read_table(path)
    assert table.headers == tuple(HEADERS)
    assert table.rows == (tuple(GOOD),)
    assert table.delimiter == delimiter
    assert table.encoding == encoding
    assert preview(table, guess_mapping(table.headers), today=TODAY)[0].ok


def test_csv_short_rows_are_padded_not_refused(tmp_path):
    path = write_csv(tmp_path / "r.csv", [HEADERS, ["Иванов", "Иван", "", "01.03.2015"], GOOD + ["лишнее"]])
    table = read_table(path)
    assert len(table.headers) == 10
    assert all(len(r) == 10 for r in table.rows)
    rows = preview(table, guess_mapping(table.headers), today=TODAY)
    assert rows[0].ok and rows[0].values["snils"] == ""
    assert rows[1].ok


def test_csv_quoted_cells_and_line_numbers(tmp_path):
    text = (
        "Фамилия;Имя;Дата рождения;Законный представитель\n"
        "\n"
        '"Иванов";Иван;01.03.2015;"Иванова\nМария"\n'  # a cell over two lines
        "Петров;Пётр;05.05.2013;\n"
    )
    path = tmp_path / "r.csv"
    path.write_text(text, encoding="utf-8")
    rows = preview(read_table(path), guess_mapping(text.splitlines()[0].split(";")), today=TODAY)
    assert [r.line_no for r in rows] == [3, 5]
    assert rows[0].values["parent_name"] == "Иванова Мария"


@pytest.mark.parametrize(
    "name,content,max_bytes,max_rows,expected",
    [
        ("roster.docx", b"x", 10_000, 100, "нужен файл .xlsx или .csv"),
        ("roster.xls", b"x", 10_000, 100, "сохраните как"),
        ("roster.csv", b"", 10_000, 100, "пуст"),
        ("roster.csv", "Фамилия;Имя\n".encode() * 50, 100, 100, "слишком большой"),
        (
            "roster.csv",
            "Фамилия;Имя\n".encode() + "Иванов;Иван\n".encode() * 11,
            10_000,
            10,
            "больше 10 строк",
        ),
        ("roster.csv", "Фамилия;Имя\n".encode(), 10_000, 100, "только строка заголовков"),
        ("roster.csv", b"\n;;\n \n", 10_000, 100, "нет ни одной заполненной строки"),
        ("roster.xlsx", "Фамилия;Имя\nИванов;Иван\n".encode(), 10_000, 100, "не является книгой Excel"),
        ("roster.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, 10_000, 100, "защищён паролем"),
        ("roster.csv", b"PK\x03\x04" + b"\0" * 100, 10_000, 100, "это книга Excel"),
        ("roster.csv", b"\x00\x01\x02binary", 10_000, 100, "не текстовый"),
        ("roster.csv", b"\xd4\xe0\xec\x98\xe8\xeb\xe8\xff", 10_000, 100, "кодировка"),
    ],
)
def test_bad_files_are_refused_with_advice(tmp_path, name, content, max_bytes, max_rows, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RosterFileError) as info:
        read_table(path, max_bytes=max_bytes, max_rows=max_rows)
    assert expected in info.value.message


def test_truncated_xlsx(tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", [HEADERS, GOOD])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(RosterFileError, match="повреждён"):
        read_table(cut)


def test_xlsx_with_broken_sheet_xml(tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", [HEADERS, GOOD])
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            dst.writestr(info, data)
    with pytest.raises(RosterFileError, match="повреждён"):
        read_table(broken)


def test_zip_bomb_is_refused_before_unpacking(tmp_path):
    bomb = write_xlsx(tmp_path / "bomb.xlsx", [HEADERS, GOOD])
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(bomb, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open("xl/media/image1.bin", "w", force_zip64=True) as member:
            for _ in range(110):  # 110 MB of zeros → ≈ 110 KB on disk
                member.write(chunk)
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(RosterFileError, match="после распаковки"):
        read_table(bomb)


def test_too_many_xlsx_rows(tmp_path):
    path = write_xlsx(tmp_path / "big.xlsx", [HEADERS] + [GOOD] * 30)
    with pytest.raises(RosterFileError, match="больше 20 строк"):
        read_table(path, max_rows=20)
    assert len(read_table(path, max_rows=30).rows) == 30


# --- mapping ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header,field",
    [
        ("Фамилия", "last_name"),
        ("фамилия ребёнка", "last_name"),
        ("Last name", "last_name"),
        ("Имя", "first_name"),
        ("First Name", "first_name"),
        ("ОТЧЕСТВО", "middle_name"),
        ("ФИО", "full_name"),
        ("ФИО ребёнка", "full_name"),
        ("Ф.И.О. обучающегося", "full_name"),
        ("Фамилия, имя, отчество", "full_name"),
        ("Full name", "full_name"),
        ("Дата рождения", "birth_date"),
        ("Д.р.", "birth_date"),
        ("Date of birth", "birth_date"),
        ("СНИЛС", "snils"),
        ("СНИЛС ребенка", "snils"),
        ("Номер сертификата", "certificate_number"),
        ("№ сертификата", "certificate_number"),
        ("Сертификат", "certificate_number"),
        ("Телефон", "phone"),
        ("Телефон родителя", "phone"),
        ("Тел.", "phone"),
        ("E-mail", "email"),
        ("Электронная почта", "email"),
        ("Законный представитель", "parent_name"),
        ("ФИО родителя", "parent_name"),
        ("Parent", "parent_name"),
        ("Статус сертификата", None),
        ("СНИЛС родителя", None),
        ("Примечание", None),
    ],
)
def test_guess_mapping_header_variants(header, field):
    mapping = guess_mapping(["№ п/п", header])
    assert mapping == ({field: 1} if field else {})


def test_guess_mapping_first_column_wins_and_required_fields():
    mapping = guess_mapping(["ФИО ребёнка", "Дата рождения", "ФИО", "Телефон"])
    assert mapping == {"full_name": 0, "birth_date": 1, "phone": 3}
    assert missing_fields(mapping) == ()
    assert missing_fields({"last_name": 0}) == ("first_name", "birth_date")


def test_full_name_in_one_column_is_split():
    table = table_of(
        ["Салтыков-Щедрин  Михаил Евграфович", "27.01.2014"],
        ["Алиев Тимур", "01.01.2016"],
        headers=["ФИО ребёнка", "Д.р."],
    )
    rows = preview(table, guess_mapping(table.headers), today=TODAY)
    assert (rows[0].values["last_name"], rows[0].values["first_name"], rows[0].values["middle_name"]) == (
        "Салтыков-Щедрин",
        "Михаил",
        "Евграфович",
    )
    assert rows[1].ok and rows[1].values["middle_name"] == ""
    assert rows[0].key == ("салтыков-щедрин михаил евграфович", date(2014, 1, 27))


def test_remembered_mapping_is_a_plain_dict_that_can_point_anywhere():
    table = table_of(["x", "01.03.2015", "Иван", "Иванов"], headers=["Колонка 1", "Колонка 2", "К3", "К4"])
    assert guess_mapping(table.headers) == {}
    remembered = {"last_name": 3, "first_name": 2, "birth_date": 1}
    row = preview(table, remembered, today=TODAY)[0]
    assert row.ok and row.values["last_name"] == "Иванов"


# --- validation ---------------------------------------------------------------------------------


def _with(**changes: str) -> list[str]:
    row = list(GOOD)
    for name, value in changes.items():
        row[HEADERS.index(name)] = value
    return row


def test_a_good_row_is_normalised():
    row = check(GOOD)[0]
    assert row.ok, row.errors
    assert row.values["birth_date"] == "2015-03-01"
    assert row.values["snils"] == "112-233-445 95"
    assert row.values["phone"] == "+79161234567"
    assert row.key == ("иванов иван иванович", date(2015, 3, 1))


@pytest.mark.parametrize(
    "column,value,field,expected",
    [
        ("Фамилия", "", "last_name", "укажите фамилию"),
        ("Фамилия", "Ivanov", "last_name", "латинские буквы"),
        ("Фамилия", "Иванoв", "last_name", "латинские буквы"),  # a Latin «o» hidden inside
        ("Фамилия", "Иванов2", "last_name", "цифр"),
        ("Имя", "", "first_name", "укажите имя"),
        ("Имя", "Иван!", "first_name", "только русские буквы"),
        ("Отчество", "Ivanovich", "middle_name", "латинские буквы"),
        ("Дата рождения", "", "birth_date", "укажите дату рождения"),
        ("Дата рождения", "31.02.2015", "birth_date", "ДД.ММ.ГГГГ"),
        ("Дата рождения", "весной", "birth_date", "ДД.ММ.ГГГГ"),
        ("Дата рождения", "02.09.2020", "birth_date", "ребёнку 4 года"),
        ("Дата рождения", "01.09.2007", "birth_date", "до достижения 18"),
        ("Дата рождения", "01.01.2030", "birth_date", "проверьте год рождения"),
        ("СНИЛС", "112-233-445 96", "snils", "контрольное число"),
        ("СНИЛС", "112-233-445", "snils", "11 цифр"),
        ("Номер сертификата", "02011234567", "certificate_number", "ровно 10 цифр"),
        ("Номер сертификата", "02-01-12345А", "certificate_number", "ровно 10 цифр"),
        ("Телефон", "123-45", "phone", "нужно 11"),
        ("Телефон", "8 916 123-45-67, 8 903 765-43-21", "phone", "лишние символы"),
        ("Телефон", "+49 30 1234567", "phone", "российский номер"),
        ("E-mail", "ivanova@", "email", "домен с точкой"),
        ("E-mail", "ivanova @mail.ru", "email", "пробелов"),
        ("Законный представитель", "Ivanova Maria", "parent_name", "латинские буквы"),
        ("Законный представитель", "Иванова М.П. (мать)", "parent_name", "русские буквы"),
    ],
)
def test_each_error_names_the_field_and_the_fix(column, value, field, expected):
    row = check(_with(**{column: value}))[0]
    assert not row.ok
    assert set(row.errors) == {field}
    assert expected in row.errors[field]


@pytest.mark.parametrize(
    "column,value",
    [
        ("Отчество", ""),  # not everyone has one
        ("СНИЛС", ""),
        ("СНИЛС", "00100199800"),  # issued before the checksum existed
        ("Номер сертификата", ""),  # a child may not have one yet
        ("Номер сертификата", "52 01 123456"),
        ("Телефон", ""),
        ("E-mail", "mailto:ivanova@example.ru"),
        ("Законный представитель", "Иванова М. П."),
        ("Дата рождения", "01.09.2020"),  # five today
        ("Дата рождения", "02.09.2007"),  # seventeen until tomorrow
        ("Имя", "Анна-Мария"),
        ("Фамилия", "Артёмова"),
    ],
)
def test_acceptable_variants(column, value):
    row = check(_with(**{column: value}))[0]
    assert row.ok, row.errors


@pytest.mark.parametrize(
    "text,expected",
    [
        ("05.03.2016", date(2016, 3, 5)),
        ("5.3.2016", date(2016, 3, 5)),
        ("05/03/2016", date(2016, 3, 5)),
        ("05.03.16", date(2016, 3, 5)),
        ("05.03.98", date(1998, 3, 5)),
        ("2016-03-05", date(2016, 3, 5)),
        ("2016-03-05 00:00:00", date(2016, 3, 5)),
        ("42434", date(2016, 3, 5)),
        ("2016.03.05", None),
        ("30.02.2016", None),
        ("", None),
    ],
)
def test_dates(text, expected):
    assert parse_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("8 (916) 123-45-67", "+79161234567"),
        ("+7 916 123 45 67", "+79161234567"),
        ("79161234567", "+79161234567"),
        ("9161234567", "+79161234567"),
    ],
)
def test_phones(text, expected):
    assert normalise_phone(text) == (expected, None)


def test_namesakes_with_different_birth_dates_are_both_valid_a_repeat_is_flagged():
    rows = check(
        _with(**{"Дата рождения": "01.03.2015", "СНИЛС": "", "Номер сертификата": ""}),
        _with(**{"Дата рождения": "01.03.2016", "СНИЛС": "", "Номер сертификата": ""}),
        # the same child again, spelt with «ё»/«е» and in capitals: still the same child
        _with(**{"Фамилия": "ИВАНОВ", "Дата рождения": "2015-03-01", "СНИЛС": "", "Номер сертификата": ""}),
    )
    assert rows[0].ok and rows[1].ok
    assert rows[0].key != rows[1].key
    assert rows[2].key == rows[0].key
    assert set(rows[2].errors) == {DUPLICATE}
    assert "строке 2" in rows[2].errors[DUPLICATE]


def test_one_certificate_or_snils_for_two_children_is_flagged():
    rows = check(GOOD, _with(Имя="Пётр"))
    assert rows[0].ok
    assert "строке 2" in rows[1].errors["certificate_number"]
    assert "строке 2" in rows[1].errors["snils"]


def test_values_of_bad_rows_stay_as_typed():
    row = check(_with(**{"Дата рождения": "весной", "Номер сертификата": "0012"}))[0]
    assert row.values["birth_date"] == "весной"
    assert row.values["certificate_number"] == "0012"
    assert row.key is None


def test_summary_counts_rows_and_reasons():
    rows = check(
        GOOD,
        _with(Имя="Пётр", СНИЛС="", **{"Номер сертификата": "", "E-mail": "плохой"}),
        _with(
            Имя="Олег", СНИЛС="", **{"Номер сертификата": "", "E-mail": "тоже-плохой", "Дата рождения": ""}
        ),
        GOOD,
    )
    report = summary(rows)
    assert (report.valid, report.invalid) == (1, 3)
    no_at = "E-mail: В адресе электронной почты должен быть ровно один знак «@». Пример: ivanova@mail.ru"
    assert report.reasons[no_at] == 2
    assert report.reasons["Дата рождения: укажите дату рождения"] == 1
    assert any(reason.startswith("Повтор в файле") for reason in report.reasons)
    assert [line for line, _ in report.skipped] == [3, 4, 5]
    assert "E-mail" in report.skipped[0][1]
