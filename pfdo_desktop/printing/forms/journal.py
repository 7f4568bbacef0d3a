"""Журнал посещаемости группы за месяц: A4 landscape, one row per child, one narrow column per
lesson, totals per child and per lesson, the code legend and the teacher's signature.

The page rule: rows are 4–7 mm high (7.5 pt names, shrinking to 5.5 pt and two lines for a long
double-barrelled name), so a group of up to ``rows_on_one_page()`` children — 40 with the usual
two-line heading — fits one page. A larger group continues on as few pages as needed, the rows
shared evenly, the column heading repeated on every page and the per-lesson totals after the last
child. Lesson columns are 5–11 mm wide: a daily group's 31 lessons fit; even more lessons shrink
the columns (and their letters) further rather than run off the page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from pfdo_desktop.domain.attendance import AttendanceCode, counts_in_totals
from pfdo_desktop.domain.documents import JournalDoc

from ..fonts import SANS, SANS_BOLD, SERIF_BOLD
from ..layout import CENTER, LEFT, RIGHT, Page, fit, page_number, signature_line, width_of, wrap
from ..text import WEEKDAYS_RU, format_date, month_year, or_blank

PAGE_W, PAGE_H = landscape(A4)
MARGIN_X = 10 * mm
MARGIN_Y = 7 * mm
MIN_ROW = 4.0 * mm
MAX_ROW = 7.0 * mm
NUM_W = 6 * mm  # «№»
TOTAL_W = 9 * mm  # each of «был» and «н/б/у»
NAME_PREF = 70 * mm  # the name column when the lessons leave room for it
NAME_MIN = 45 * mm
LESSON_MAX = 11 * mm
LESSON_MIN = 5 * mm
HEAD_ROW = 6.5 * mm  # the column heading: day number over weekday
TITLE_H = 16.0
INFO_SIZE = 8.5
FOOTER_H = 10.5 * mm  # the legend and the signature under the table
NAME_SIZE, NAME_MIN_SIZE = 7.5, 5.5
CELL_SIZE = 8.0
PAD = 2.0
GRAY = 0.82
MISSED = frozenset({AttendanceCode.ABSENT, AttendanceCode.SICK, AttendanceCode.EXCUSED})


@dataclass(frozen=True, slots=True)
class Columns:
    """The table's column edges: №, ФИО, one per lesson, «был», «н/б/у» (``x[-1]`` is the right edge)."""

    x: tuple[float, ...]

    @property
    def name(self) -> tuple[float, float]:
        return self.x[1], self.x[2]

    def lesson(self, k: int) -> tuple[float, float]:
        return self.x[2 + k], self.x[3 + k]


def columns(lessons: int) -> Columns:
    """Lesson columns as wide as the page allows (5–11 mm), the name column takes the rest."""
    width = PAGE_W - 2 * MARGIN_X
    fixed = NUM_W + 2 * TOTAL_W
    n = max(lessons, 1)
    cell = min(LESSON_MAX, max(LESSON_MIN, (width - fixed - NAME_PREF) / n))
    if width - fixed - n * cell < NAME_MIN:  # very many lessons: the columns go below 5 mm
        cell = (width - fixed - NAME_MIN) / n
    name = width - fixed - lessons * cell
    edges = [MARGIN_X, MARGIN_X + NUM_W, MARGIN_X + NUM_W + name]
    edges += [edges[-1] + cell * (k + 1) for k in range(lessons)]
    edges += [edges[-1] + TOTAL_W, edges[-1] + 2 * TOTAL_W]
    return Columns(tuple(edges))


def _info_lines(doc: JournalDoc) -> tuple[str, ...]:
    study = doc.study
    width = PAGE_W - 2 * MARGIN_X
    return (wrap(f"Организация: {doc.provider.name}", SANS, INFO_SIZE, width)
            + wrap(f"Программа: {study.program_name} (направленность: {study.direction_ru}); модуль: "
                   f"{study.module_name}; группа: {study.group_name}; педагог: {or_blank(study.teacher)}",
                   SANS, INFO_SIZE, width)
            + (() if doc.lessons else  # a summer month, or before the group starts: say so
               (f"В этом месяце занятий нет (сроки группы: {format_date(study.group_from)} – "
                f"{format_date(study.group_to)}).",)))


def _areas(info_lines: int) -> tuple[float, float]:
    """The height for the rows on the first page (under the title and the heading) and on a later
    page (under the title only)."""
    top = PAGE_H - MARGIN_Y - TITLE_H - HEAD_ROW
    bottom = MARGIN_Y + FOOTER_H
    return top - info_lines * INFO_SIZE * 1.2 - 3 - bottom, top - bottom


def rows_on_one_page(info_lines: int = 2) -> int:
    """How many children fit one page with the per-lesson totals: 40 with a two-line heading."""
    first, _ = _areas(info_lines)
    return int((first - MIN_ROW) // MIN_ROW)


def plan(children: int, info_lines: int) -> tuple[list[int], float]:
    """Rows per page (as few pages as possible, shared evenly) and the row height (4–7 mm).

    The last page also holds the per-lesson totals: one more (minimum) row.
    """
    first, later = _areas(info_lines)
    for pages in range(1, children + 2):
        areas = [first] + [later] * (pages - 1)
        areas[-1] -= MIN_ROW  # the totals row
        caps = [int(a // MIN_ROW) for a in areas]
        if sum(caps) < children:
            continue
        counts: list[int] = []
        left = children
        for i, cap in enumerate(caps):
            take = min(cap, math.ceil(left / (pages - i)))
            counts.append(take)
            left -= take
        row = min([MAX_ROW] + [a / c for a, c in zip(areas, counts, strict=True) if c])
        return counts, row
    raise AssertionError("unreachable: a page always holds a row")


def layout(doc: JournalDoc) -> list[Page]:
    info = _info_lines(doc)
    counts, row_h = plan(len(doc.children), len(info))
    cols = columns(len(doc.lessons))
    month = month_year(doc.year, doc.month)
    total_pages = len(counts)
    pages: list[Page] = []
    start = 0
    for number, count in enumerate(counts, 1):
        page = Page(PAGE_W, PAGE_H, number_y=None)
        y = PAGE_H - MARGIN_Y
        title = f"Журнал посещаемости — {month}"
        if number > 1:
            title += f" — группа «{doc.study.group_name}» (продолжение)"
        right = f"сформирован {format_date(doc.printed_on)}"
        if total_pages > 1:
            right += f" · {page_number(number, total_pages)}"
        room = PAGE_W / 2 - MARGIN_X - width_of(right, SANS, 7.5) - 6 * mm  # either side of the centre
        _fitted(page, title, PAGE_W / 2 - room, PAGE_W / 2 + room, y - TITLE_H / 2, SERIF_BOLD, 12, 2, CENTER)
        page.text(PAGE_W - MARGIN_X, y - 12, right, SANS, 7.5, RIGHT)
        y -= TITLE_H
        if number == 1:
            for line in info:
                page.text(MARGIN_X, y - INFO_SIZE, line, SANS, INFO_SIZE)
                y -= INFO_SIZE * 1.2
            y -= 3
        y = _heading(page, doc, cols, y)
        rows = range(start, start + count)
        y = _rows(page, doc, cols, rows, y, row_h)
        if number == total_pages:
            y = _totals(page, doc, cols, y)
        _footer(page, doc, y)
        pages.append(page)
        start += count
    return pages


def _fitted(page: Page, text: str, x0: float, x1: float, middle: float, font: str, size: float,
            max_lines: int, align: str = LEFT) -> None:
    """``text`` inside the cell ``x0``–``x1``, centred on ``middle``: shrunk down to 5.5 pt and
    wrapped into ``max_lines`` if need be (a long double surname in the name column)."""
    size, lines = fit(text, font, x1 - x0 - 2 * PAD, size, NAME_MIN_SIZE, max_lines)
    leading = size * 1.05
    first = middle + (len(lines) - 1) * leading / 2 - size * 0.35
    x = x0 + PAD if align == LEFT else (x0 + x1) / 2
    for j, line in enumerate(lines):
        page.text(x, first - j * leading, line, font, size, align)


def _grid_lines(page: Page, cols: Columns, top: float, bottom: float) -> None:
    for x in cols.x:
        page.line(x, top, x, bottom, 0.5)
    page.line(cols.x[0], bottom, cols.x[-1], bottom, 0.5)


def _heading(page: Page, doc: JournalDoc, cols: Columns, top: float) -> float:
    bottom = top - HEAD_ROW
    page.line(cols.x[0], top, cols.x[-1], top, 0.8)
    mid = (top + bottom) / 2
    page.text((cols.x[0] + cols.x[1]) / 2, mid - 2.5, "№", SANS_BOLD, 7.5, CENTER)
    _fitted(page, "Фамилия, имя, отчество обучающегося", cols.x[1], cols.x[2], mid, SANS_BOLD, 7.5, 2)
    cell_w = cols.x[3] - cols.x[2] if doc.lessons else LESSON_MAX
    day_size = min(7.5, cell_w * 0.55)
    for k, day in enumerate(doc.lessons):
        x0, x1 = cols.lesson(k)
        cx = (x0 + x1) / 2
        page.text(cx, top - 2 - day_size, str(day.day), SANS_BOLD, day_size, CENTER)
        page.text(cx, bottom + 2.5, WEEKDAYS_RU[day.weekday()], SANS, day_size - 1, CENTER)
    n = len(doc.lessons)
    page.text((cols.x[2 + n] + cols.x[3 + n]) / 2, mid - 2.5, "был", SANS_BOLD, 7, CENTER)
    page.text((cols.x[3 + n] + cols.x[4 + n]) / 2, mid - 2.5, "н/б/у", SANS_BOLD, 7, CENTER)
    _grid_lines(page, cols, top, bottom)
    page.line(cols.x[0], bottom, cols.x[-1], bottom, 0.8)
    return bottom


def _held(doc: JournalDoc) -> list[bool]:
    """Which lessons count in the sums: the journal screen's rule (`counts_in_totals`) on the day
    the journal is printed."""
    return [
        counts_in_totals(day, doc.printed_on,
                         marked=any(k < len(c.codes) and c.codes[k] is not None for c in doc.children))
        for k, day in enumerate(doc.lessons)
    ]


def _rows(page: Page, doc: JournalDoc, cols: Columns, rows: range, top: float, row_h: float) -> float:
    n = len(doc.lessons)
    held = _held(doc)
    name_x0, name_x1 = cols.name
    two_lines = row_h >= 2 * NAME_MIN_SIZE * 1.05 + 1
    cell_w = cols.x[3] - cols.x[2] if n else LESSON_MAX
    code_size = min(CELL_SIZE, cell_w * 0.6, row_h * 0.75)
    y = top
    for i in rows:
        child = doc.children[i]
        bottom = y - row_h
        for k, inactive in enumerate(child.inactive[:n]):
            if inactive:
                x0, x1 = cols.lesson(k)
                page.shade(x0, bottom, x1 - x0, row_h, GRAY)
        base = bottom + (row_h - code_size * 0.7) / 2
        page.text((cols.x[0] + cols.x[1]) / 2, base, str(i + 1), SANS, code_size * 0.9, CENTER)
        _fitted(page, child.full_name, name_x0, name_x1, bottom + row_h / 2, SANS, NAME_SIZE,
                2 if two_lines else 1)
        present = missed = marked = 0
        for k, code in enumerate(child.codes[:n]):
            if code is None:
                continue
            mark = AttendanceCode(code)
            if held[k]:  # a mark on a lesson to come (an excused absence) is printed, not summed
                marked += 1
                present += mark is AttendanceCode.PRESENT
                missed += mark in MISSED
            x0, x1 = cols.lesson(k)
            page.text((x0 + x1) / 2, base, mark.short, SANS, code_size, CENTER)
        if marked:  # no mark yet (a month ahead, a lesson to come): blank, to be summed by hand
            page.text((cols.x[2 + n] + cols.x[3 + n]) / 2, base, str(present), SANS_BOLD, code_size, CENTER)
            page.text((cols.x[3 + n] + cols.x[4 + n]) / 2, base, str(missed), SANS, code_size, CENTER)
        page.line(cols.x[0], bottom, cols.x[-1], bottom, 0.3)
        y = bottom
    for x in cols.x:
        page.line(x, top, x, y, 0.5)
    return y


def _totals(page: Page, doc: JournalDoc, cols: Columns, top: float) -> float:
    """The last row: how many children were present at each lesson."""
    n = len(doc.lessons)
    bottom = top - MIN_ROW
    base = bottom + (MIN_ROW - 7 * 0.7) / 2
    page.text(cols.x[1] + PAD, base, "Присутствовало на занятии", SANS_BOLD, 7)
    present_all = missed_all = 0
    marked = False
    held = _held(doc)
    for k in range(n):
        if not held[k]:  # a lesson not held yet: blank, not «0 were present»
            continue
        codes = [c.codes[k] for c in doc.children if k < len(c.codes) and c.codes[k] is not None]
        present = sum(1 for code in codes if code == AttendanceCode.PRESENT)
        missed = sum(1 for code in codes if code in MISSED)
        present_all += present
        missed_all += missed
        if not codes:  # a past lesson nobody was marked at: blank as well
            continue
        marked = True
        x0, x1 = cols.lesson(k)
        page.text((x0 + x1) / 2, base, str(present), SANS_BOLD, 7, CENTER)
    if marked:  # a month with no mark at all has no «0» totals either
        page.text((cols.x[2 + n] + cols.x[3 + n]) / 2, base, str(present_all), SANS_BOLD, 7, CENTER)
        page.text((cols.x[3 + n] + cols.x[4 + n]) / 2, base, str(missed_all), SANS_BOLD, 7, CENTER)
    page.line(cols.x[0], top, cols.x[-1], top, 0.8)
    _grid_lines(page, cols, top, bottom)
    return bottom


def _footer(page: Page, doc: JournalDoc, table_bottom: float) -> None:
    """The legend of the codes (left) and «Педагог ______ / <teacher>» (right)."""
    base = table_bottom - 4 * mm
    x = MARGIN_X
    page.text(x, base, "Обозначения:", SANS_BOLD, 7)
    x += width_of("Обозначения:", SANS_BOLD, 7) + 5
    for code in AttendanceCode:
        text = f"{code.short} — {code.title_ru};"
        page.text(x, base, text, SANS, 7)
        x += width_of(text, SANS, 7) + 5
    page.shade(x, base - 1, 9, 7, GRAY)
    page.box(x, base - 1, 9, 7, 0.3)
    page.text(x + 12, base, "— не в группе в этот день", SANS, 7)
    signature_line(page, PAGE_W - MARGIN_X, base, doc.study.teacher, role="Педагог", font=SANS, size=9,
                   name_w=60 * mm)
