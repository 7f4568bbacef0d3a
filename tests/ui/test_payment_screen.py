"""«Оплата» (Ctrl+5, issue 12): the month computed on this PC — the groups with their lessons and
k, what blocks closing with a jump to the journal, the invoice's preview, the export."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import openpyxl
from pypdf import PdfReader
from PySide6.QtCore import Qt
from ui_helpers import settle

from pfdo_desktop.models import AttendanceMark
from pfdo_desktop.workspace_types import MarkChange

TODAY = date.today()
LAST = (TODAY.year - 1, 12) if TODAY.month == 1 else (TODAY.year, TODAY.month - 1)


def open_tab(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == window.payment_tab
    settle(qtbot)
    return window.payment_panel


def cells(panel) -> list[list[str]]:
    table = panel.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_tab_shows_the_last_finished_month_by_group_with_k(qtbot, main_window):
    window = main_window
    panel = open_tab(qtbot, window)
    assert panel.month == LAST
    view = window.workspace.month_view(LAST)
    rows = cells(panel)
    assert [r[0] for r in rows] == [g.name for g in view.groups] and rows
    for row, g in zip(rows, view.groups, strict=True):
        assert row[2:6] == [str(g.planned), str(g.held), str(g.cancelled), "100,00"]
        assert row[6] == str(g.contracts)
    assert str(view.contracts) in panel.totals_label.text()
    assert panel.blockers_title.text() == "Месяц нельзя закрыть, пока не исправлено:"
    assert "5 заявок без решения старше 5 дней" in [panel.blockers.item(i).text()
                                                     for i in range(panel.blockers.count())]


def test_a_blocker_jumps_to_the_journal_at_its_group_and_date(qtbot, main_window):
    window = main_window
    ws = window.workspace
    first = date(*LAST, 1)
    with ws.db.read() as s:
        mark = s.query(AttendanceMark).filter(AttendanceMark.lesson_date >= first).order_by(
            AttendanceMark.lesson_date.desc(), AttendanceMark.group_id).first()
        gid, day = mark.group_id, mark.lesson_date
        children = [m.child_id for m in s.query(AttendanceMark).filter_by(group_id=gid, lesson_date=day)]
    panel = open_tab(qtbot, window)
    panel.set_month((day.year, day.month))
    settle(qtbot)
    ws.mark(gid, day, [MarkChange(child, None) for child in children])  # outside the UI: no signal
    panel.reload()  # what the main window does when marks change
    settle(qtbot)
    texts = [panel.blockers.item(i).text() for i in range(panel.blockers.count())]
    wanted = next(i for i, t in enumerate(texts) if t.endswith(f"занятие {day:%d.%m} без отметок"))
    item = panel.blockers.item(wanted)
    panel.blockers.setCurrentItem(item)
    qtbot.keyClick(panel.blockers, Qt.Key.Key_Return)
    settle(qtbot)
    assert window.tabs.currentIndex() == window.journal_tab
    journal = window.journal_panel
    assert journal.group is not None and journal.group.id == gid
    assert journal.month == date(day.year, day.month, 1)
    assert any(journal.model.lesson_at(c).lesson_date == day for c in range(journal.model.lesson_count))


def test_the_invoice_opens_in_a_preview_with_the_month_total(qtbot, main_window, tmp_path):
    window = main_window
    panel = open_tab(qtbot, window)
    doc = window.workspace.invoice_document(LAST)
    qtbot.mouseClick(panel.invoice_button, Qt.MouseButton.LeftButton)
    job = panel.print_job
    qtbot.waitUntil(lambda: not job.running, timeout=20_000)
    assert job.preview is not None, panel.message_label.text()
    qtbot.waitExposed(job.preview)
    pages = PdfReader(str(job.preview.path)).pages
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in pages))
    total = f"{doc.total:,.2f}".replace(",", " ").replace(".", ",")
    assert "СЧЁТ" in text and "Итого по приложению" in text
    assert total in text.replace("\u00a0", " ")
    path = job.preview.path
    job.preview.close_button.click()
    qtbot.waitUntil(lambda: not path.exists())

    out = tmp_path / "месяц.xlsx"
    panel.export_to(out)
    settle(qtbot)
    assert panel.message_label.text().startswith(f"Сохранено: {out}")
    sheet = openpyxl.load_workbook(out)["Группы"]
    sums = [Decimal(str(r[7])) for r in list(sheet.iter_rows(values_only=True))[1:]]
    assert round(sum(sums), 2) == doc.total
