"""Roster import, part one: read a spreadsheet of children, map its columns, validate every row.

Qt-free and database-free. The flow the UI will drive:

1. ``read_table(path)`` → ``RawTable`` (every cell as text) or ``RosterFileError`` (Russian, says
   what to do). Nothing is written anywhere, so a refused file changes nothing.
2. ``guess_mapping(table.headers)`` → ``{field: column_index}``: a plain dict the caller may keep in
   the settings and pass back next time instead of guessing.
3. ``preview(table, mapping, today=...)`` → one ``PreviewRow`` per data row with its errors per
   field and an identity ``key`` (see ``identity_key``) that a later service matches against the
   children already in the database.
4. ``summary(rows)`` → ``ImportReport``: how many rows are importable and why the others are
   skipped.

Numbers with leading zeros (certificate numbers, СНИЛС) stay text from the cell to the preview.
Excel drops those zeros when the column was typed as a number; for such *number* cells only (the
reader records them in ``RawTable.number_cells``) a 9-digit certificate number is padded back to
10 digits and a 9–10-digit СНИЛС to 11. The same digits typed as text are never touched: they get an
error that says a zero may be missing.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from pfdo_desktop.domain.identity import certificate_number_error, format_snils, snils_error
from pfdo_desktop.domain.said import Said, said, term
from pfdo_desktop.domain.validation import (
    birth_date_error,
    email_error,
    normalize_phone,
    person_name_error,
    phone_error,
)
from pfdo_desktop.services.errors import ServiceError

log = logging.getLogger(__name__)

MAX_BYTES = 10_000_000
MAX_ROWS = 20_000
MAX_COLUMNS = 200
# The sum of the declared uncompressed sizes of an .xlsx's parts. zipfile never inflates a member
# past its declared size (and checks its CRC), so this bounds what openpyxl can be made to unpack.
MAX_UNPACKED_BYTES = 100_000_000
MAX_ZIP_MEMBERS = 10_000

CSV_SUFFIXES = frozenset({".csv", ".txt"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_LEGACY_SUFFIXES = frozenset({".xls", ".ods", ".numbers", ".xlsb"})
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls, or an .xlsx protected by a password
_ZIP_MAGIC = b"PK\x03\x04"

# The fields of a roster row, in the order a preview shows them.
FIELDS: tuple[str, ...] = (
    "last_name",
    "first_name",
    "middle_name",
    "full_name",
    "birth_date",
    "snils",
    "certificate_number",
    "parent_name",
    "phone",
    "email",
)
# Pseudo-field of ``PreviewRow.errors`` for a row repeating another row of the same file.
DUPLICATE = "duplicate"

FIELD_TITLES: dict[str, str] = {
    "last_name": "Фамилия",
    "first_name": "Имя",
    "middle_name": "Отчество",
    "full_name": "ФИО",
    "birth_date": "Дата рождения",
    "snils": "СНИЛС",
    "certificate_number": "Номер сертификата",
    "parent_name": "Законный представитель",
    "phone": "Телефон",
    "email": "E-mail",
    DUPLICATE: "Повтор в файле",
}

_SAVE_AS = said(
    "roster.save_as",
    "Откройте его в Excel и сохраните как «Книга Excel (.xlsx)» или «CSV (разделители — точка с запятой)»."
)


class RosterFileError(ServiceError):
    """The file cannot be read as a roster; ``message`` is Russian and says what to do."""


@dataclass(frozen=True)
class RawTable:
    """A sheet as text: ``headers`` is the first non-empty row, ``rows`` the non-empty rows below
    it, all padded to the same width. ``line_numbers[i]`` is the line (CSV) or row (Excel) of
    ``rows[i]`` in the file, for messages the operator can find. ``number_cells`` holds
    ``(row_index, column)`` of Excel cells that were integral numbers (their leading zeros are
    lost)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    encoding: str | None  # CSV only
    delimiter: str | None  # CSV only
    sheet: str | None  # Excel only
    line_numbers: tuple[int, ...] = ()
    number_cells: frozenset[tuple[int, int]] = frozenset()


@dataclass(frozen=True)
class PreviewRow:
    """One data row checked: ``values`` are normalised text per field (names split out of ФИО,
    birth date as ISO, СНИЛС as «XXX-XXX-XXX YY», phone as +7XXXXXXXXXX); ``errors`` maps a field
    (or ``DUPLICATE``) to a Russian message; ``key`` is ``identity_key(...)`` when the names and
    birth date are valid, else None."""

    line_no: int
    values: dict[str, str]
    errors: dict[str, str]
    key: tuple[str, date] | None

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class ImportReport:
    """``reasons`` counts rows per reason («СНИЛС: контрольное число …»: 3); ``skipped`` lists
    every invalid row as (line number, «Поле: сообщение; …») for the report shown after import."""

    valid: int
    invalid: int
    reasons: dict[str, int]
    skipped: tuple[tuple[int, str], ...] = ()
    # After ``roster_import.import_rows``: the rows queued as new-child requests, and their uids.
    imported: int = 0
    request_uids: tuple[str, ...] = ()


# --- reading ------------------------------------------------------------------------------------


def read_table(
    path: Path,
    *,
    max_bytes: int = MAX_BYTES,
    max_rows: int = MAX_ROWS,
    max_unpacked_bytes: int = MAX_UNPACKED_BYTES,
) -> RawTable:
    """Read a roster from .xlsx/.xlsm (first sheet) or .csv/.txt (UTF-8 with or without BOM,
    UTF-16 with BOM, or cp1251; «;», «,» or tab). Raises ``RosterFileError`` for anything that
    is not a readable table of at most ``max_rows`` data rows in at most ``max_bytes``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _LEGACY_SUFFIXES:
        raise RosterFileError(said("roster.legacy_format", f"Формат {suffix} не поддерживается. {_SAVE_AS}",
                                   suffix=suffix, save_as=_SAVE_AS))
    if suffix not in CSV_SUFFIXES | XLSX_SUFFIXES:
        raise RosterFileError(said(
            "roster.not_a_table",
            f"Файл «{path.name}» не похож на таблицу: нужен файл .xlsx или .csv. {_SAVE_AS}",
            file=path.name, save_as=_SAVE_AS))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise RosterFileError(said("roster.cannot_open",
                                   f"Не удалось открыть файл «{path.name}»: {exc.strerror or exc}.",
                                   file=path.name, why=str(exc.strerror or exc))) from exc
    if size == 0:
        raise RosterFileError(said(
            "roster.empty_file", f"Файл «{path.name}» пуст. Выберите файл со списком детей.",
            file=path.name))
    if size > max_bytes:
        raise RosterFileError(said(
            "roster.too_big",
            f"Файл «{path.name}» слишком большой ({size / 1e6:.1f} МБ, можно до {max_bytes / 1e6:.0f} МБ). "
            "Разделите список на несколько файлов или удалите лишние листы и столбцы.",
            file=path.name, size=f"{size / 1e6:.1f}", limit=f"{max_bytes / 1e6:.0f}"))
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(_OLE_MAGIC):
        raise RosterFileError(said(
            "roster.protected",
            f"Файл «{path.name}» защищён паролем или сохранён в старом формате Excel 97–2003 (.xls). "
            f"Снимите пароль (Файл → Сведения → Защита книги). {_SAVE_AS}", file=path.name, save_as=_SAVE_AS))
    if suffix in XLSX_SUFFIXES:
        table = _read_xlsx(path, head, max_rows=max_rows, max_unpacked_bytes=max_unpacked_bytes)
    else:
        if head.startswith(_ZIP_MAGIC):
            raise RosterFileError(said(
                "roster.xlsx_as_csv",
                f"Файл «{path.name}» — это книга Excel, а не текст CSV. Выберите исходный файл .xlsx "
                "или сохраните книгу как CSV.", file=path.name))
        table = _read_csv(path, max_rows=max_rows)
    log.info("roster file read: %d rows, %d columns", len(table.rows), len(table.headers))
    return table


def _too_many_rows(name: str, max_rows: int) -> RosterFileError:
    return RosterFileError(said(
        "roster.too_many_rows",
        f"В файле «{name}» больше {max_rows} строк. Разделите список на части до {max_rows} строк "
        "и загрузите их по очереди.", file=name, limit=max_rows))


def _too_many_columns(name: str) -> RosterFileError:
    return RosterFileError(said(
        "roster.too_many_columns",
        f"В файле «{name}» больше {MAX_COLUMNS} заполненных столбцов: это не похоже на список детей. "
        "Оставьте на первом листе только таблицу со списком.", file=name, limit=MAX_COLUMNS))


def _assemble(
    name: str,
    records: Iterable[tuple[int, list[str], set[int]]],
    *,
    max_rows: int,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> RawTable:
    """Headers = the first non-empty record; pad every row to one width; enforce the limits."""
    headers: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    numbers: set[tuple[int, int]] = set()
    width = 0
    for line_no, cells, number_cols in records:
        # Trailing empty cells are formatting leftovers, not columns.
        end = len(cells)
        while end and not cells[end - 1]:
            end -= 1
        if not end:
            continue
        if end > MAX_COLUMNS:
            raise _too_many_columns(name)
        del cells[end:]
        width = max(width, end)
        if headers is None:
            headers = cells
            continue
        if len(rows) >= max_rows:
            raise _too_many_rows(name, max_rows)
        if number_cols:
            index = len(rows)
            numbers.update((index, c) for c in number_cols if c < end)
        rows.append(cells)
        lines.append(line_no)
    if headers is None:
        raise RosterFileError(said(
            "roster.no_rows",
            f"В файле «{name}» нет ни одной заполненной строки. Выберите файл со списком детей.", file=name))
    if not rows:
        raise RosterFileError(said(
            "roster.headers_only",
            f"В файле «{name}» есть только строка заголовков, а детей нет. Проверьте, тот ли это файл "
            "и тот ли лист стоит первым.", file=name))
    pad = [""] * width
    return RawTable(
        headers=tuple(headers + pad[len(headers) :]),
        rows=tuple(tuple(r + pad[len(r) :]) if len(r) < width else tuple(r) for r in rows),
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
        line_numbers=tuple(lines),
        number_cells=frozenset(numbers),
    )


# CSV


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)  # Excel's «Текст Юникод (.txt)»
    else:
        encodings = ("utf-8", "cp1251")
    if encodings[0] != "utf-16" and b"\x00" in data:
        raise RosterFileError(said("roster.binary", f"Файл «{name}» не текстовый (в нём двоичные данные). "
                                   f"{_SAVE_AS}", file=name, save_as=_SAVE_AS))
    for encoding in encodings:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise RosterFileError(said(
        "roster.encoding",
        f"Не удалось прочитать текст файла «{name}»: кодировка не UTF-8 и не Windows-1251. "
        "Сохраните его как «CSV UTF-8 (разделитель — запятая)» или как .xlsx.", file=name))


def _delimiter(text: str) -> str:
    """The separator is whichever of «;», «,», tab occurs most on the header line (outside
    quotes would be nicer; headers rarely contain quoted separators, and «;» wins ties because
    Russian Excel writes it)."""
    for line in text.splitlines():
        if line.strip():
            counts = {d: line.count(d) for d in (";", "\t", ",")}
            best = max(counts, key=lambda d: counts[d])
            return best if counts[best] else ";"
    return ";"


def _read_csv(path: Path, *, max_rows: int) -> RawTable:
    text, encoding = _decode(path.read_bytes(), path.name)
    delimiter = _delimiter(text)

    def records() -> Iterator[tuple[int, list[str], set[int]]]:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        previous_end = 0
        try:
            for record in reader:
                yield previous_end + 1, [c.strip() for c in record], set()
                previous_end = reader.line_num
        except csv.Error as exc:
            raise RosterFileError(said(
                "roster.csv_damaged",
                f"Файл «{path.name}» повреждён около строки {reader.line_num}: {exc}. "
                "Проверьте кавычки в этой строке или сохраните файл из Excel заново.",
                file=path.name, line=reader.line_num, why=str(exc))) from exc

    return _assemble(path.name, records(), max_rows=max_rows, encoding=encoding, delimiter=delimiter)


# Excel


def _cell_text(value: Any) -> tuple[str, bool]:
    """A cell as text and whether it was an integral number. Integral floats lose «.0», dates
    become ISO (a datetime at midnight is a date)."""
    if value is None:
        return "", False
    if isinstance(value, str):
        return value.strip(), False
    if isinstance(value, bool):
        return ("ИСТИНА" if value else "ЛОЖЬ"), False
    if isinstance(value, int):
        return str(value), True
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value)), True
        return repr(value), False
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat(), False
        return value.isoformat(sep=" "), False
    if isinstance(value, date | time):
        return value.isoformat(), False
    return str(value).strip(), False


def _read_xlsx(path: Path, head: bytes, *, max_rows: int, max_unpacked_bytes: int) -> RawTable:
    not_excel = RosterFileError(said(
        "roster.not_excel",
        f"Файл «{path.name}» не является книгой Excel (.xlsx) или повреждён. {_SAVE_AS}",
        file=path.name, save_as=_SAVE_AS))
    if not head.startswith(_ZIP_MAGIC):
        raise not_excel
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise not_excel from exc
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise not_excel
    if len(infos) > MAX_ZIP_MEMBERS or sum(i.file_size for i in infos) > max_unpacked_bytes:
        raise RosterFileError(said(
            "roster.unpacked_too_big",
            f"Книга «{path.name}» после распаковки занимает больше {max_unpacked_bytes / 1e6:.0f} МБ: "
            "в ней, кроме списка, что-то очень большое (картинки, тысячи пустых строк). "
            "Скопируйте список на новый лист новой книги и сохраните её.",
            file=path.name, limit=f"{max_unpacked_bytes / 1e6:.0f}"))

    import openpyxl  # only here: CSV-only use never pays for importing it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises a zoo of types (KeyError, XML errors, …) for a bad file
        raise not_excel from exc
    try:
        sheets = [ws for ws in workbook.worksheets if hasattr(ws, "iter_rows")]
        if not sheets:
            raise RosterFileError(said("roster.no_sheets", f"В книге «{path.name}» нет листов с таблицей. "
                                       f"{_SAVE_AS}", file=path.name, save_as=_SAVE_AS))
        sheet = sheets[0]

        def records() -> Iterator[tuple[int, list[str], set[int]]]:
            for line_no, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells: list[str] = []
                number_cols: set[int] = set()
                for col, value in enumerate(row):
                    text, is_number = _cell_text(value)
                    cells.append(text)
                    if is_number:
                        number_cols.add(col)
                yield line_no, cells, number_cols

        try:
            return _assemble(path.name, records(), max_rows=max_rows, sheet=sheet.title)
        except RosterFileError:
            raise
        except Exception as exc:  # a broken sheet XML surfaces only while iterating
            raise not_excel from exc
    finally:
        workbook.close()


# --- mapping ------------------------------------------------------------------------------------


def _normalise_header(header: str) -> str:
    text = header.casefold().replace("ё", "е")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


_PARENT = re.compile(r"родител|представител|\bмат(ь|ери)\b|\bотец|\bотца\b|parent|guardian|заявител|заказчик")
_PHONE = re.compile(r"телефон|\bтел\b|мобильн|\bсотов|phone|mobile")
_EMAIL = re.compile(r"\be ?mail\b|почт|\bэл адрес")
_NOT_A_NAME = re.compile(r"снилс|дата|рожд|паспорт|документ|адрес|сертификат|статус")
_SNILS = re.compile(r"снилс|snils|страхов")
_CERTIFICATE = re.compile(r"сертификат|certificate")
_NOT_A_CERT_NUMBER = re.compile(r"статус|номинал|остат|баланс|дата|тип|вид|резерв|срок|status|date|type")
_BIRTH = re.compile(r"рожд|^д ?р$|^др$|birth|\bdob\b")
_FULL = re.compile(
    r"\bфио\b|\bф и о\b|full ?name|^(ребенок|обучающ\w*|учащ\w*|воспитанник|child|student|pupil|name)$"
)
_LAST = re.compile(r"фамили|surname|last ?name|family ?name")
_FIRST = re.compile(r"^имя\b|\bимя$|first ?name|given ?name")
_MIDDLE = re.compile(r"отчеств|patronymic|middle ?name")


def _field_for(header: str) -> str | None:
    h = _normalise_header(header)
    if not h:
        return None
    # Contacts in a children's roster are the parent's: «Телефон родителя» is still the phone.
    if _PHONE.search(h):
        return "phone"
    if _EMAIL.search(h):
        return "email"
    if _PARENT.search(h):
        return None if _NOT_A_NAME.search(h) else "parent_name"
    if _SNILS.search(h):
        return "snils"
    if _CERTIFICATE.search(h):
        return None if _NOT_A_CERT_NUMBER.search(h) else "certificate_number"
    if _BIRTH.search(h):
        return "birth_date"
    if _FULL.search(h) or (_LAST.search(h) and re.search(r"\bимя\b", h)):
        return "full_name"
    if _LAST.search(h):
        return "last_name"
    if _MIDDLE.search(h):
        return "middle_name"
    if _FIRST.search(h):
        return "first_name"
    return None


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """``{field: column_index}`` from the header texts (Russian or English, any case, «ё» = «е»);
    the first matching column wins, unknown columns are left out."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        name = _field_for(header)
        if name is not None and name not in mapping:
            mapping[name] = index
    return mapping


def missing_fields(mapping: Mapping[str, int]) -> tuple[str, ...]:
    """Required fields the mapping lacks (names and birth date): the UI asks for them before a
    preview. Names are covered by either «ФИО» or «Фамилия» + «Имя»."""
    missing: list[str] = []
    if "full_name" not in mapping:
        missing += [f for f in ("last_name", "first_name") if f not in mapping]
    if "birth_date" not in mapping:
        missing.append("birth_date")
    return tuple(missing)


# --- validation ---------------------------------------------------------------------------------

# Private validators: pfdo_desktop.domain.validation will absorb them later.

_PARENT_NAME = re.compile(r"[А-Яа-яЁё]+\.?(?:(?:[ -]|\. ?)[А-Яа-яЁё]+\.?)*")
_LATIN = re.compile(r"[A-Za-z]")
_SPACES = re.compile(r"\s+")
_DMY = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 once Excel's phantom 29.02.1900 is skipped


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


_MISSING = {"Фамилия": said("roster.last_name_required", "укажите фамилию"),
            "Имя": said("roster.first_name_required", "укажите имя")}


def _name_error(value: str, title: str, *, required: bool) -> str | None:
    """An empty cell says which field to fill; otherwise the rulebook's name rule."""
    if not value:
        if not required:
            return None
        return _MISSING.get(title) or said("roster.field_required", f"заполните поле «{title}»",
                                           field=term("FieldTitle", title))
    return person_name_error(value, title)


def parse_date(text: str, *, today: date | None = None) -> date | None:
    """ДД.ММ.ГГГГ, ДД.ММ.ГГ (also with «/» or «-»), ISO ГГГГ-ММ-ДД (with an optional time), or an
    Excel serial day number; None when it is none of them or not a real date."""
    text = text.strip()
    try:
        if m := _DMY.fullmatch(text):
            day, month, year = int(m[1]), int(m[2]), int(m[3])
            if len(m[3]) == 2:
                # Two-digit years of children's birth dates: 00 up to this year's two digits are 2000s.
                year += 2000 if year <= (today or date.today()).year % 100 else 1900
            return date(year, month, day)
        if m := _ISO.fullmatch(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if text.isdigit() and len(text) <= 6:
            serial = int(text)
            if 1 <= serial <= 2_958_465:  # up to 31.12.9999
                return _EXCEL_EPOCH + timedelta(days=serial)
    except ValueError:
        return None
    return None


def _birth_date_error(born: date, today: date) -> str | None:
    """The one age rule of the rulebook (``domain.validation``), so import and forms agree."""
    return birth_date_error(born, today)


def normalise_phone(text: str) -> tuple[str, str | None]:
    """(normalised, error) by the rulebook: a Russian number becomes +7XXXXXXXXXX."""
    normalised = normalize_phone(text)
    return (normalised, None) if normalised is not None else (text.strip(), phone_error(text))


def identity_key(last_name: str, first_name: str, middle_name: str, birth_date: date) -> tuple[str, date]:
    """How a child is recognised (domain: ФИО + date of birth, never the name alone): the full
    name with single spaces, casefolded, «ё» read as «е» (files spell «Артём» both ways)."""
    fio = " ".join(p for p in (last_name, first_name, middle_name) if p)
    return _clean(fio).casefold().replace("ё", "е"), birth_date


def _cell(row: Sequence[str], mapping: Mapping[str, int], name: str) -> tuple[str, int | None]:
    index = mapping.get(name)
    if index is None or not 0 <= index < len(row):
        return "", None
    return row[index], index


def _check_row(
    table: RawTable, index: int, mapping: Mapping[str, int], today: date
) -> tuple[dict[str, str], dict[str, str], tuple[str, date] | None]:
    row = table.rows[index]
    values: dict[str, str] = {}
    errors: dict[str, str] = {}

    # Names: separate columns win over a «ФИО» column when both are mapped.
    if "last_name" in mapping or "first_name" in mapping or "full_name" not in mapping:
        last = _clean(_cell(row, mapping, "last_name")[0])
        first = _clean(_cell(row, mapping, "first_name")[0])
        middle = _clean(_cell(row, mapping, "middle_name")[0])
        for name, value, required in (
            ("last_name", last, True),
            ("first_name", first, True),
            ("middle_name", middle, False),
        ):
            if error := _name_error(value, FIELD_TITLES[name], required=required):
                errors[name] = error
    else:
        full = _clean(_cell(row, mapping, "full_name")[0])
        parts = full.split(" ")
        last = parts[0] if full else ""
        first = parts[1] if len(parts) > 1 else ""
        middle = " ".join(parts[2:])
        values["full_name"] = full
        if not full:
            errors["full_name"] = said("roster.full_name_required", "укажите фамилию, имя и отчество")
        elif len(parts) < 2:
            errors["full_name"] = said("roster.full_name_parts",
                                       "нужны фамилия и имя через пробел (отчество — если есть)")
        elif error := _name_error(full, "ФИО", required=True):
            errors["full_name"] = error
    values["last_name"], values["first_name"], values["middle_name"] = last, first, middle

    born: date | None = None
    birth_text = _cell(row, mapping, "birth_date")[0].strip()
    if not birth_text:
        errors["birth_date"] = said("roster.birth_date_required", "укажите дату рождения")
        values["birth_date"] = ""
    elif (born := parse_date(birth_text, today=today)) is None:
        errors["birth_date"] = said("roster.birth_date_unreadable",
                                    "дата не распознана: напишите её как ДД.ММ.ГГГГ, например 05.03.2016")
        values["birth_date"] = birth_text
    else:
        values["birth_date"] = born.isoformat()
        if error := _birth_date_error(born, today):
            errors["birth_date"] = error

    snils, column = _cell(row, mapping, "snils")
    snils = snils.strip()
    if snils:
        if (index, column) in table.number_cells and 9 <= len(snils) <= 10:
            snils = snils.zfill(11)  # an Excel number cell lost the leading zeros
        if error := snils_error(snils):
            errors["snils"] = error
            values["snils"] = snils
        else:
            values["snils"] = format_snils(snils)
    else:
        values["snils"] = ""

    number, column = _cell(row, mapping, "certificate_number")
    number = re.sub(r"[\s\u00a0-]", "", number)  # «52 01 123456» and «52-01-123456» are the same number
    if number and (index, column) in table.number_cells and len(number) == 9:
        number = number.zfill(10)  # an Excel number cell lost the region's leading zero
    values["certificate_number"] = number
    if number and (error := certificate_number_error(number)):
        if number.isdigit() and len(number) == 9:
            error = said(
                "roster.certificate_leading_zero",
                "в номере сертификата 9 цифр вместо 10: возможно, Excel убрал ведущий ноль — допишите его")
        errors["certificate_number"] = error

    parent = _clean(_cell(row, mapping, "parent_name")[0])
    values["parent_name"] = parent
    if parent and not _PARENT_NAME.fullmatch(parent):
        errors["parent_name"] = (
            said("roster.parent_latin", "есть латинские буквы: пишите ФИО представителя русскими буквами")
            if _LATIN.search(parent)
            else said("roster.parent_characters", "ФИО представителя — русские буквы, дефис, пробел и точки "
                      "инициалов")
        )

    phone = _cell(row, mapping, "phone")[0].strip()
    values["phone"] = phone
    if phone:
        values["phone"], error = normalise_phone(phone)
        if error:
            errors["phone"] = error

    email = _cell(row, mapping, "email")[0].strip()
    if email.lower().startswith("mailto:"):
        email = email[7:]
    values["email"] = email
    if email and (error := email_error(email)):
        errors["email"] = error

    name_ok = not ({"last_name", "first_name", "middle_name", "full_name"} & errors.keys())
    key = identity_key(last, first, middle, born) if name_ok and born is not None and last and first else None
    return values, errors, key


_SAME = {"certificate_number": said("roster.same_certificate", "такой же номер сертификата"),
         "snils": said("roster.same_snils", "такой же СНИЛС")}


def preview(table: RawTable, mapping: Mapping[str, int], *, today: date) -> list[PreviewRow]:
    """Check every data row against the rules (domain.md «Validation people expect») with ages on
    ``today``. A child repeated in the file (same ФИО + birth date) is flagged on its later rows,
    and so is a certificate number or СНИЛС already used by another child in the file."""
    lines = table.line_numbers or tuple(range(2, len(table.rows) + 2))
    seen_keys: dict[tuple[str, date], int] = {}
    seen_numbers: dict[str, tuple[int, tuple[str, date] | None]] = {}
    seen_snils: dict[str, tuple[int, tuple[str, date] | None]] = {}
    result: list[PreviewRow] = []
    for index in range(len(table.rows)):
        values, errors, key = _check_row(table, index, mapping, today)
        line_no = lines[index]
        if key is not None:
            if key in seen_keys:
                errors[DUPLICATE] = said(
                    "roster.duplicate_child",
                    f"этот ребёнок (ФИО и дата рождения) уже есть в строке {seen_keys[key]}: "
                    "оставьте одну строку", line=seen_keys[key])
            else:
                seen_keys[key] = line_no
        for name, seen in (("certificate_number", seen_numbers), ("snils", seen_snils)):
            value = values[name]
            if not value or name in errors:
                continue
            if value in seen:
                first_line, first_key = seen[value]
                if DUPLICATE not in errors and first_key != key:
                    errors[name] = said(
                        "roster.same_value",
                        f"{_SAME[name]} уже указан в строке {first_line} у другого ребёнка: "
                        "проверьте, чей он",
                        what=_SAME[name], line=first_line)
            else:
                seen[value] = (line_no, key)
        result.append(PreviewRow(line_no=line_no, values=values, errors=errors, key=key))
    return result


_LINE_REF = re.compile(r" в строке \d+")
# A message that names a line, said without it (the report counts one reason for all its lines).
_ANY_LINE: dict[str, Callable[[str, dict[str, Any]], Said]] = {
    "roster.duplicate_child": lambda text, params: Said("roster.duplicate_child_anywhere", text, params),
    "roster.same_value": lambda text, params: Said("roster.same_value_anywhere", text, params),
}


def _reason(title: str, message: str, *, any_line: bool = False) -> str:
    """«Поле: сообщение» (without the message's line number when ``any_line``)."""
    if any_line:
        stripped = _LINE_REF.sub("", message)
        if isinstance(message, Said) and message.code in _ANY_LINE:
            message = _ANY_LINE[message.code](stripped, message.params)
        else:
            message = stripped
    return said("roster.reason", f"{title}: {message}", field=term("FieldTitle", title), message=message)


def summary(rows: Iterable[PreviewRow]) -> ImportReport:
    """Counts for the «what was skipped and why» report; a row with several errors counts once
    in ``invalid`` and once under each of its reasons."""
    valid = invalid = 0
    reasons: Counter[str] = Counter()
    skipped: list[tuple[int, str]] = []
    for row in rows:
        if row.ok:
            valid += 1
            continue
        invalid += 1
        parts = []
        for name, message in row.errors.items():
            title = FIELD_TITLES.get(name, name)
            # The line number of the first occurrence would split one reason into many.
            reasons[_reason(title, message, any_line=True)] += 1
            parts.append(_reason(title, message))
        skipped.append((row.line_no, said("roster.reasons", "; ".join(parts), reasons=tuple(parts))))
    return ImportReport(valid=valid, invalid=invalid, reasons=dict(reasons), skipped=tuple(skipped))


__all__ = [
    "DUPLICATE",
    "FIELDS",
    "FIELD_TITLES",
    "ImportReport",
    "PreviewRow",
    "RawTable",
    "RosterFileError",
    "guess_mapping",
    "identity_key",
    "missing_fields",
    "normalise_phone",
    "parse_date",
    "preview",
    "read_table",
    "summary",
]
