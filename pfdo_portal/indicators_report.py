"""The indicators as ``pfdo-portal indicators`` prints them (docs/indicators.md «Portal»): an aligned
Russian table, the JSON of ``Indicators.to_json``, or an XLSX book (openpyxl write-only:
a sheet per table, numbers as numbers, the header frozen, widths set)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from pfdo_desktop.domain import indicators as ind
from pfdo_desktop.domain.payment import month_ru, parse_month

FORMATS = ("text", "json", "xlsx")


def heading(result: ind.Indicators) -> str:
    return (f"Показатели: {result.scope} на {result.on:%d.%m.%Y}, период "
            f"{result.period_from:%d.%m.%Y}–{result.period_to:%d.%m.%Y}")


def aligned(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A text table: the first column to the left, the others to the right, two spaces between."""
    widths = [max(len(str(r[i])) for r in (headers, *rows)) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        parts = [str(cells[0]).ljust(widths[0])] + [str(c).rjust(w) for c, w in zip(cells[1:], widths[1:],
                                                                                      strict=True)]
        return "  ".join(parts).rstrip()

    return [line(headers), "  ".join("─" * w for w in widths), *(line(r) for r in rows)]


def as_text(result: ind.Indicators) -> str:
    """The main table, money by month and (when there is any) attendance, in Russian."""
    out = [heading(result), ""]
    out += aligned(("Показатель", "Значение", "Доля"),
                   [(r.title, r.value, r.share) for r in result.table_rows()])
    out += ["", "Деньги по месяцам", *aligned(ind.MONEY_HEADERS_RU, result.money_rows())]
    if result.attendance:
        out += ["", "Посещаемость", *aligned(ind.ATTENDANCE_HEADERS_RU, result.attendance_rows())]
        out.append(f"Не проведено занятий по вине исполнителя за период: {result.lessons_cancelled}")
    return "\n".join(out) + "\n"


def as_json(result: ind.Indicators) -> str:
    return json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"


def _figure(data: dict[str, Any], key: str) -> tuple[object, object]:
    """A main-table row's value and share as numbers, from the JSON (the row's key names them)."""
    if key == "children_5_18":
        return data["children_5_18"], None
    if key == "coverage":
        return data["coverage"]["children"], data["coverage"]["percent"]
    head, _, rest = key.partition(".")
    if head == "certificates":
        section = data["certificates"]
        value = section[rest]
        return (Decimal(value) if isinstance(value, str) else value), section.get(rest + "_share")
    if head == "directions":
        direction, field = rest.split(".")
        row = next(d for d in data["directions"] if d["direction"] == direction)
        return row[field], row.get(field + "_share")
    if head == "places":
        return data["places"][rest], data["places"]["occupancy"] if rest == "occupied" else None
    if head == "applications":
        app = next(a for a in data["applications"] if a["status"] == rest)
        return app["count"], app["share"]
    raise KeyError(key)


MONEY_FORMAT = "#,##0.00"
SHARE_FORMAT = "0.0"
K_FORMAT = "0.00"


def _sheet(book: Any, title: str, above: str, columns: Sequence[tuple[str, float, str | None]],
           rows: Iterable[Sequence[object]]) -> None:
    """A write-only sheet: a title line, the bold header (frozen), widths set; ``columns``: (header,
    width, number format or None); a value is written as it is (a number stays a number)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    for i, (_header, width, _fmt) in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A3"
    bold = Font(bold=True)

    def cell(value: object, fmt: str | None = None, *, strong: bool = False) -> Any:
        out = WriteOnlyCell(sheet, value=value)
        if fmt and isinstance(value, (int, float, Decimal)):
            out.number_format = fmt
        if strong:
            out.font = bold
        return out

    sheet.append([cell(above, strong=True)])
    sheet.append([cell(header, strong=True) for header, _w, _f in columns])
    for row in rows:
        sheet.append([cell(value, fmt) for value, (_h, _w, fmt) in zip(row, columns, strict=True)])


def write_xlsx(result: ind.Indicators, path: Path) -> None:
    """The book (openpyxl write-only): «Показатели», «Деньги», «Посещаемость»; counts, money and
    shares as numbers."""
    from openpyxl import Workbook

    data: dict[str, Any] = result.to_json()
    book = Workbook(write_only=True)
    above = heading(result)
    _sheet(book, "Показатели", above, (("Показатель", 52, None), ("Значение", 16, MONEY_FORMAT),
                                       ("Доля, %", 10, SHARE_FORMAT)),
           ((row.title, *_figure(data, row.key)) for row in result.table_rows()))
    _sheet(book, "Деньги", above, ((ind.MONEY_HEADERS_RU[0], 10, None),
                                   *((t, 18, MONEY_FORMAT) for t in ind.MONEY_HEADERS_RU[1:]),
                                   ("Строк", 8, None)),
           ((month_ru(parse_month(m["month"])),
             *(Decimal(m[k]) for k in ("nominal", "reserved", "paid", "returned", "advance")), m["lines"])
            for m in data["money"]))
    headers = ind.ATTENDANCE_HEADERS_RU
    columns = ((headers[0], 30, None), (headers[1], 10, None), *((t, 14, None) for t in headers[2:5]),
               (headers[5], 12, K_FORMAT), *((t, 10, None) for t in headers[6:8]),
               (headers[8], 12, SHARE_FORMAT))
    _sheet(book, "Посещаемость", above, columns,
           ((a["name"] or a["group_id"], month_ru(parse_month(a["month"])), a["planned_lessons"],
             a["held_lessons"], a["cancelled_lessons"], None if a["k"] is None else Decimal(a["k"]),
             a["marks"], a["present"], a["present_share"]) for a in data["attendance"]))
    book.save(path)
