"""«Экспорт в Excel…» on the journal, children, applications and programmes screens (issue 13): a click,
the save dialog (patched: it answers a file name), the file written off the UI thread with what the
screen shows, «Сохранено: …» on the screen; a file that cannot be written is said in Russian."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from ui_helpers import settle

from pfdo_desktop.ui.widgets import files


@pytest.fixture
def save_as(monkeypatch):
    """Make the save dialog answer ``target`` (set it on the returned list); remember what it offered."""
    offered: list[str] = []
    answer: list[Path] = []

    def dialog(_parent, _title, suggested, _filter):
        offered.append(suggested)
        return (str(answer[0]), "Книга Excel (*.xlsx)") if answer else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    yield answer, offered
    files.forget_folder()


def lines(path: Path, sheet: str | None = None, header_row: int = 1) -> list[tuple]:
    book = openpyxl.load_workbook(path)
    rows = list((book[sheet] if sheet else book.worksheets[0]).iter_rows(values_only=True))[header_row:]
    out = []
    for row in rows:
        if not any(v is not None for v in row):
            break
        out.append(row)
    return out


def click_export(qtbot, panel) -> None:
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    settle(qtbot)


def test_children_screen_exports_the_list_it_shows(qtbot, main_window, tmp_path, save_as):
    answer, offered = save_as
    window = main_window
    window.tabs.setCurrentIndex(window.children_tab)
    panel = window.children_panel
    settle(qtbot)
    out = tmp_path / "дети.xlsx"
    answer.append(out)
    click_export(qtbot, panel)
    assert offered and offered[0].endswith("Дети и сертификаты.xlsx")
    assert out.is_file()
    assert panel.message_label.text() == f"Сохранено: {out} (строк: {panel.model.rowCount()})"
    rows = lines(out)
    assert len(rows) == panel.model.rowCount() > 0
    assert [r[0] for r in rows] == [c.full_name for c in panel.model.rows()]
    assert panel.export_button.isEnabled()


def test_applications_screen_exports_with_its_filters(qtbot, main_window, tmp_path, save_as):
    answer, _offered = save_as
    window = main_window
    window.tabs.setCurrentIndex(window.applications_tab)
    panel = window.applications_panel
    settle(qtbot)
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("active"))
    settle(qtbot)
    shown = panel.model.rowCount()
    assert shown > 0
    out = tmp_path / "обучаются"  # typed without «.xlsx»: it is added
    answer.append(out)
    click_export(qtbot, panel)
    saved = tmp_path / "обучаются.xlsx"
    assert saved.is_file(), panel.message_label.text()
    assert panel.message_label.text() == f"Сохранено: {saved} (заявок: {shown})"
    rows = lines(saved)
    assert len(rows) == shown and {r[7] for r in rows} == {"обучается"}


def test_programs_screen_exports_the_catalogue(qtbot, main_window, tmp_path, save_as):
    answer, _offered = save_as
    window = main_window
    window.tabs.setCurrentIndex(window.programs_tab)
    panel = window.programs_panel
    settle(qtbot)
    out = tmp_path / "программы.xlsx"
    answer.append(out)
    click_export(qtbot, panel)
    assert out.is_file(), panel.message_label.text()
    shown = panel.model.rowCount()
    assert panel.message_label.text() == f"Сохранено: {out} (программ: {shown})"
    assert len(lines(out, "Программы")) == shown > 0


def test_journal_exports_the_group_and_every_group_of_the_month(qtbot, journal_panel, tmp_path, save_as,
                                                                 main_window):
    answer, offered = save_as
    panel = journal_panel
    said: list[str] = []
    panel.message.connect(said.append)
    out = tmp_path / "журнал.xlsx"
    answer.append(out)
    click_export(qtbot, panel)
    assert offered[-1].endswith(f"{panel.month:%Y-%m}.xlsx") and panel.group.name in offered[-1]
    assert out.is_file(), said
    assert said[-1] == f"Сохранено: {out} (групп: 1)"
    book = openpyxl.load_workbook(out)
    assert len(book.sheetnames) == 1 and book.active.freeze_panes == "C3"
    rows = lines(out, header_row=2)
    assert len(rows) == panel.model.child_count + 1  # the children and «Присутствовали»

    everything = tmp_path / "все группы.xlsx"
    answer[0] = everything
    panel.export_all_action.trigger()
    settle(qtbot)
    assert everything.is_file(), said
    assert len(openpyxl.load_workbook(everything).sheetnames) > 1


def test_a_file_that_cannot_be_written_is_said(qtbot, main_window, tmp_path, save_as):
    answer, _offered = save_as
    window = main_window
    window.tabs.setCurrentIndex(window.programs_tab)
    panel = window.programs_panel
    settle(qtbot)
    answer.append(tmp_path / "нет-такой-папки" / "программы.xlsx")
    click_export(qtbot, panel)
    assert panel.message_label.text().startswith("Не удалось сохранить ")
    assert "нет-такой-папки" in panel.message_label.text()
    assert panel.export_button.isEnabled()


def test_a_cancelled_dialog_writes_nothing(qtbot, main_window, tmp_path, save_as):
    window = main_window
    window.tabs.setCurrentIndex(window.children_tab)
    panel = window.children_panel
    settle(qtbot)
    click_export(qtbot, panel)
    assert not list(tmp_path.glob("*.xlsx")) and not panel.message_label.text().startswith("Сохран")
