"""The month's attendance journal: landscape, as few pages as the group allows, totals per child and
per lesson, the legend, the teacher's signature, long names inside the name column."""

from __future__ import annotations

import dataclasses
import re

import pytest
from documents_factory import LONG_CHILD, journal_doc, present_counts
from pdf_reading import flatten, laid_out, pieces_outside, print_to_pdf
from reportlab.lib.pagesizes import A4

from pfdo_desktop.domain.attendance import AttendanceCode
from pfdo_desktop.domain.documents import FORM_JOURNAL, JournalDoc
from pfdo_desktop.printing.forms import journal
from pfdo_desktop.printing.text import WEEKDAYS_RU

HEADER = "Фамилия, имя, отчество обучающегося"


def _row_totals(text: str, number: int, name: str) -> tuple[int, int]:
    """«был» and «н/б/у» at the end of the child's row."""
    line = next(ln for ln in text.splitlines() if ln.startswith(f"{number} {name} "))
    *_, present, missed = line.split()
    return int(present), int(missed)


def _lesson_totals(text: str) -> list[int]:
    line = next(ln for ln in text.splitlines() if ln.startswith("Присутствовало на занятии"))
    return [int(v) for v in line.removeprefix("Присутствовало на занятии").split()]


def _missed(doc: JournalDoc) -> list[int]:
    missed = {AttendanceCode.ABSENT, AttendanceCode.SICK, AttendanceCode.EXCUSED}
    return [sum(1 for c in ch.codes if c in missed) for ch in doc.children]


def test_a_35_child_group_fits_one_landscape_page_with_its_totals():
    doc = journal_doc(35)
    printed = print_to_pdf(FORM_JOURNAL, [doc])
    (text,) = printed.pages  # one page
    page = printed.reader.pages[0]

    assert float(page.mediabox.width) == pytest.approx(A4[1], abs=0.5)
    assert float(page.mediabox.height) == pytest.approx(A4[0], abs=0.5)
    flat = flatten(text)
    for value in ("Журнал посещаемости — декабрь 2026", doc.provider.name, doc.study.program_name,
                  "группа: Робототехника-1А", "педагог: Кузнецов Дмитрий Сергеевич", HEADER, "был", "н/б/у"):
        assert value in flat
    per_child, per_lesson = present_counts(doc)
    missed = _missed(doc)
    for i, child in enumerate(doc.children):
        assert _row_totals(text, i + 1, child.full_name) == (per_child[i], missed[i])
    assert _lesson_totals(text) == per_lesson + [sum(per_child), sum(missed)]


def test_the_header_row_shows_each_lesson_day_and_weekday():
    doc = journal_doc(5)
    flat = print_to_pdf(FORM_JOURNAL, [doc]).flat

    days = " ".join(f"{d.day} {WEEKDAYS_RU[d.weekday()]}" for d in doc.lessons)
    assert f"{HEADER} {days} был н/б/у" in flat
    assert days.startswith("2 ср 7 пн 9 ср")  # December 2026: Wednesdays and Mondays


def test_legend_and_signature_are_under_the_table():
    flat = print_to_pdf(FORM_JOURNAL, [journal_doc(8)]).flat

    for code in AttendanceCode:
        assert f"{code.short} — {code.title_ru}" in flat
    assert "— не в группе в этот день" in flat
    assert re.search(r"Педагог _{10,} / Кузнецов Дмитрий Сергеевич", flat)


def test_the_rule_is_forty_children_on_one_page():
    assert journal.rows_on_one_page() == 40
    assert len(print_to_pdf(FORM_JOURNAL, [journal_doc(40)]).pages) == 1
    assert len(print_to_pdf(FORM_JOURNAL, [journal_doc(41)]).pages) == 2


def test_a_50_child_group_takes_two_pages_with_the_header_repeated():
    doc = journal_doc(50)
    printed = print_to_pdf(FORM_JOURNAL, [doc])
    first, second = printed.pages

    assert HEADER in first and HEADER in second
    assert "стр. 1 из 2" in first and "стр. 2 из 2" in second
    assert "(продолжение)" in second
    assert "Присутствовало на занятии" not in first
    per_child, per_lesson = present_counts(doc)
    assert _lesson_totals(second) == per_lesson + [sum(per_child), sum(_missed(doc))]
    for i, child in enumerate(doc.children):  # every child once, the rows shared evenly
        on_first = f"\n{i + 1} {child.full_name} " in "\n" + first
        on_second = f"\n{i + 1} {child.full_name} " in "\n" + second
        assert on_first != on_second
        assert on_first == (i < 25)


def test_a_daily_group_fits_its_31_lessons_on_the_page():
    doc = journal_doc(20, lessons=31)
    cols = journal.columns(len(doc.lessons))
    printed = print_to_pdf(FORM_JOURNAL, [doc])

    assert len(printed.pages) == 1
    assert cols.x[-1] <= A4[1] - journal.MARGIN_X + 0.01
    assert cols.lesson(0)[1] - cols.lesson(0)[0] >= journal.LESSON_MIN - 0.01
    assert pieces_outside(laid_out(FORM_JOURNAL, doc), journal.MARGIN_X, A4[1] - journal.MARGIN_X) == []
    per_child, per_lesson = present_counts(doc)
    assert _lesson_totals(printed.text) == per_lesson + [sum(per_child), sum(_missed(doc))]


@pytest.mark.parametrize("children,lessons", [(12, 9), (40, 9), (50, 31)])
def test_a_long_double_name_stays_inside_the_name_column(children, lessons):
    doc = journal_doc(children, lessons=lessons, long_name_at=3)
    left, right = journal.columns(lessons).name
    pages = laid_out(FORM_JOURNAL, doc)

    words = set(re.split(r"[ -]", LONG_CHILD.full_name))
    name_pieces = [dataclasses.replace(p, texts=[t for t in p.texts if any(w in t[4] for w in words)
                                                 and t[0] < right]) for p in pages]
    assert sum(len(p.texts) for p in name_pieces) >= 1
    assert pieces_outside(name_pieces, left, right) == []
    assert f"4 {LONG_CHILD.full_name}" in print_to_pdf(FORM_JOURNAL, [doc]).flat


def test_inactive_days_are_shaded_grey():
    doc = journal_doc(14)
    (page,) = laid_out(FORM_JOURNAL, doc)

    shaded = [g for g in page.graphics if g[0] == "shade"]
    inactive = sum(sum(ch.inactive) for ch in doc.children)
    assert inactive > 0
    assert len(shaded) == inactive + 1  # and the grey sample in the legend


def test_several_groups_make_one_pdf_each_from_a_new_page():
    printed = print_to_pdf(FORM_JOURNAL, [journal_doc(10), journal_doc(50), journal_doc(3)])

    assert len(printed.pages) == 4
    assert [p.count(HEADER) for p in printed.pages] == [1, 1, 1, 1]
    assert [("Присутствовало на занятии" in p) for p in printed.pages] == [True, False, True, True]


def test_a_lesson_nobody_marked_yet_has_a_blank_total_not_a_zero():
    doc = journal_doc(6)
    unmarked = len(doc.lessons) - 1  # the month's last lesson is still ahead
    children = tuple(dataclasses.replace(c, codes=c.codes[:unmarked] + (None,) * (len(c.codes) - unmarked))
                     for c in doc.children)
    doc = dataclasses.replace(doc, children=children)
    text = print_to_pdf(FORM_JOURNAL, [doc]).pages[0]

    per_child, per_lesson = present_counts(doc)
    assert _lesson_totals(text) == per_lesson[:unmarked] + [sum(per_child), sum(_missed(doc))]


def test_a_journal_printed_mid_month_sums_only_the_lessons_held(tmp_path):
    """The screen's rule on paper: marks put ahead (an excused absence known in advance) are
    printed but not summed, and today's lesson counts once somebody is marked at it."""
    full = journal_doc(6)
    today = full.lessons[4]
    ahead = {k for k, day in enumerate(full.lessons) if day > today}
    # nobody is marked at today's lesson yet; «у» written ahead for everybody at the last lesson
    children = tuple(
        dataclasses.replace(c, codes=tuple(
            None if k == 4 else (AttendanceCode.EXCUSED if k == len(full.lessons) - 1 else code)
            for k, code in enumerate(c.codes)))
        for c in full.children)
    doc = dataclasses.replace(full, children=children, printed_on=today)
    text = print_to_pdf(FORM_JOURNAL, [doc]).pages[0]

    held = [k for k in range(len(doc.lessons)) if k < 4]
    per_lesson = [sum(1 for ch in doc.children if ch.codes[k] == AttendanceCode.PRESENT) for k in held]
    missed = {AttendanceCode.ABSENT, AttendanceCode.SICK, AttendanceCode.EXCUSED}
    per_child = [sum(1 for k in held if ch.codes[k] == AttendanceCode.PRESENT) for ch in doc.children]
    missed_child = [sum(1 for k in held if ch.codes[k] in missed) for ch in doc.children]
    assert ahead, "the month must have lessons after the printing day"
    assert _lesson_totals(text) == per_lesson + [sum(per_child), sum(missed_child)]
    for number, child in enumerate(doc.children, 1):
        assert _row_totals(text, number, child.full_name) == (per_child[number - 1], missed_child[number - 1])
    assert text.count(AttendanceCode.EXCUSED.short) >= len(doc.children)  # the marks ahead are printed


def test_a_month_not_marked_yet_has_blank_totals_not_zeros():
    doc = journal_doc(6)
    blank = tuple(dataclasses.replace(c, codes=(None,) * len(c.codes)) for c in doc.children)
    # a month ahead: nobody marked; and a month where one child has no mark while the others do
    ahead = print_to_pdf(FORM_JOURNAL, [dataclasses.replace(doc, children=blank)]).pages[0]
    mixed_doc = dataclasses.replace(doc, children=(blank[0], *doc.children[1:]))
    mixed = print_to_pdf(FORM_JOURNAL, [mixed_doc]).pages[0]

    assert _lesson_totals(ahead) == []
    for number, child in enumerate(doc.children, 1):
        row = next(ln for ln in ahead.splitlines() if ln.startswith(f"{number} {child.full_name}"))
        assert row.strip() == f"{number} {child.full_name}"  # no «0 0» to cross out by hand
    first = next(ln for ln in mixed.splitlines() if ln.startswith(f"1 {doc.children[0].full_name}"))
    assert first.strip() == f"1 {doc.children[0].full_name}"
    per_child, _ = present_counts(mixed_doc)
    assert _row_totals(mixed, 2, doc.children[1].full_name) == (per_child[1], _missed(mixed_doc)[1])


def test_a_month_without_lessons_says_so_under_the_heading():
    doc = journal_doc(5, lessons=0, month=(2027, 7))
    flat = print_to_pdf(FORM_JOURNAL, [doc]).flat

    assert "Журнал посещаемости — июль 2027" in flat
    assert "В этом месяце занятий нет (сроки группы:" in flat
    assert "В этом месяце занятий нет" not in print_to_pdf(FORM_JOURNAL, [journal_doc(5)]).flat
