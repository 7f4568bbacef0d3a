"""«Настройки» beyond the language (issue 14 §2), driven through the dialog: the printer and two-sided
printing the print dialog starts on, the backup folder and the count, «Перенести…» with the window
working on in the new folder, «Отключить ПК от портала» with its confirmation and the main window
offering to connect again."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas
from ui_helpers import settle

from pfdo_desktop import preferences
from pfdo_desktop.sync import credentials
from pfdo_desktop.ui import settings_dialog
from pfdo_desktop.ui.printing import preview as preview_module
from pfdo_desktop.ui.printing.pages import open_pages
from pfdo_desktop.ui.printing.preview import PreviewDialog
from pfdo_desktop.ui.settings_dialog import SettingsDialog
from pfdo_desktop.workspace_types import MarkChange

PRINTERS = ["HP LaserJet M111", "Kyocera FS-1040"]


def _pdf(path: Path, size: tuple[float, float]) -> Path:
    canvas = Canvas(str(path), pagesize=size)
    canvas.drawString(72, 72, "PFDO")
    canvas.showPage()
    canvas.save()
    return path


def _starts_with(qtbot, tmp_path, monkeypatch, size) -> tuple[dict[str, object], PreviewDialog]:
    """Open a preview of an A4 page of ``size``, press «Печать…»; what the print dialog opened with."""
    path = _pdf(tmp_path / f"{size[0]:.0f}.pdf", size)
    preview = PreviewDialog(path, open_pages(path), "Форма", "forma.pdf")
    qtbot.addWidget(preview)
    seen: dict[str, object] = {}

    def look(dialog):
        printer = dialog.printer()
        seen["paper"] = printer.pageLayout().pageSize().id()
        seen["full page"] = printer.fullPage()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", look)
    preview.print_button.click()
    return seen, preview


def test_the_printer_and_two_sided_printing_are_kept_and_the_print_dialog_starts_on_them(
        qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(settings_dialog, "_printers", lambda: list(PRINTERS))
    monkeypatch.setattr(preview_module, "available_printers", lambda: list(PRINTERS))
    dialog = SettingsDialog(None)
    qtbot.addWidget(dialog)
    assert [dialog.printer.itemText(i) for i in range(dialog.printer.count())] == [
        "Принтер по умолчанию системы", *PRINTERS]
    assert not dialog.duplex.isChecked()
    dialog.printer.setCurrentIndex(dialog.printer.findData("Kyocera FS-1040"))
    dialog.duplex.setChecked(True)
    dialog.accept()
    saved = json.loads(preferences.preferences_path().read_text(encoding="utf-8"))
    assert saved["printer"] == "Kyocera FS-1040" and saved["duplex"] is True

    seen, preview = _starts_with(qtbot, tmp_path, monkeypatch, A4)
    kyocera = "Kyocera FS-1040"
    assert preview.print_setup == preview_module.PrintSetup(kyocera, QPrinter.DuplexMode.DuplexLongSide)
    assert seen == {"paper": QPageSize.PageSizeId.A4, "full page": True}
    _seen, wide = _starts_with(qtbot, tmp_path, monkeypatch, landscape(A4))  # the journal: short edge
    assert wide.print_setup == preview_module.PrintSetup(kyocera, QPrinter.DuplexMode.DuplexShortSide)

    # the printer is gone (a USB printer unplugged): the system's default, and the settings say so
    monkeypatch.setattr(settings_dialog, "_printers", lambda: PRINTERS[:1])
    monkeypatch.setattr(preview_module, "available_printers", lambda: PRINTERS[:1])
    again = SettingsDialog(None)
    qtbot.addWidget(again)
    assert again.printer.currentText() == "Kyocera FS-1040 (сейчас не найден)" and again.duplex.isChecked()
    _seen, gone = _starts_with(qtbot, tmp_path, monkeypatch, A4)
    assert gone.print_setup is not None and gone.print_setup.printer_name == ""


def _pick_folder(monkeypatch, folder: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder))


def _click(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text() == text)
    button.click()


def test_backups_to_a_stick_and_the_data_moved_while_the_window_works_on(qtbot, main_window, tmp_path,
                                                                         monkeypatch):
    ws = main_window.workspace
    old = ws.data_dir
    dialog = SettingsDialog(ws, main_window)
    qtbot.addWidget(dialog)
    assert dialog.backups_dir.text() == str(old / "backups") and dialog.keep_daily.currentData() == 7

    # «Изменить…»: a file is no folder for copies — the dialog stays open and says why
    bad = tmp_path / "не папка"
    bad.write_text("x", encoding="utf-8")
    _pick_folder(monkeypatch, bad)
    dialog.backups_button.click()
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert "это файл, а не папка" in dialog.backups_note.text()
    assert dialog.tabs.currentIndex() == 2 and dialog.result() != QDialog.DialogCode.Accepted

    stick = tmp_path / "USB"
    stick.mkdir()
    _pick_folder(monkeypatch, stick)
    dialog.backups_button.click()
    dialog.keep_daily.setCurrentIndex(dialog.keep_daily.findData(30))
    assert "после «Сохранить»" in dialog.backups_note.text()
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        dialog.accept()
    assert ws.backups_dir == stick and len(list(stick.glob("pfdo-*-daily.sqlite3"))) == 1
    assert ws.backup_settings().keep_daily == 30

    # «Перенести…» into a new folder, confirmed (the window's folder is the default one)
    preferences.update(data_dir=str(old))
    dialog = SettingsDialog(ws, main_window)
    qtbot.addWidget(dialog)
    assert dialog.backups_dir.text() == str(stick) and dialog.keep_daily.currentData() == 30
    target = tmp_path / "D" / "ПФДО"
    _pick_folder(monkeypatch, target)
    dialog.move_button.click()
    box = dialog.confirm_box
    assert box is not None and str(target) in box.text() and "прежняя папка будет удалена" in box.text()
    with qtbot.waitSignal(dialog.data_dir_moved, timeout=30_000) as moved:
        _click(box, "Перенести")
    assert moved.args == [target] and dialog.data_dir_moved_to == target
    assert dialog.move_result.text().startswith(f"Данные перенесены в папку {target}")
    assert dialog.data_dir.text() == str(target) and not old.exists()
    assert preferences.load().data_dir == str(target)
    # the window works on, in the new folder
    assert ws.data_dir == target and ws.backups_dir == stick
    settle(qtbot)
    assert main_window.groups_panel.model.rowCount() > 0
    main_window.refresh_all()
    settle(qtbot)
    assert main_window.groups_panel.model.rowCount() > 0 and ws.status().groups > 0

    # a second move into a folder that is not empty is refused in Russian, the data stay
    busy = tmp_path / "занято"
    busy.mkdir()
    (busy / "x.txt").write_text("x", encoding="utf-8")
    _pick_folder(monkeypatch, busy)
    dialog.move_button.click()
    _click(dialog.confirm_box, "Перенести")
    qtbot.waitUntil(lambda: not dialog.busy)
    said = dialog.move_result.text()
    assert "не пуста" in said and f"Данные остаются в папке {target}" in said
    assert ws.data_dir == target


def test_disconnect_asks_names_the_unsent_changes_and_the_window_offers_to_connect(qtbot, main_window):
    ws = main_window.workspace
    uuid = ws.device().db_uuid
    group = ws.groups()[0]
    journal = ws.journal(group.id, group.date_from, min(date.today(), group.date_to))
    lesson = journal.lessons[-1]
    child = next(c.child_id for c in journal.children if c.is_member_on(lesson.lesson_date))
    ws.mark(group.id, lesson.lesson_date, [MarkChange(child, 4)])

    dialog = SettingsDialog(ws, main_window)
    qtbot.addWidget(dialog)
    assert dialog.disconnect_button.isEnabled()
    dialog.disconnect_button.click()
    qtbot.waitUntil(lambda: dialog.confirm_box is not None and dialog.confirm_box.isVisible())
    box = dialog.confirm_box
    assert "ключ доступа к порталу будет удалён" in box.text()
    assert "не отправлено изменений: 1. Сначала синхронизируйте" in box.informativeText()
    _click(box, "Отмена")
    settle(qtbot)
    assert ws.enrolled and not dialog.disconnected

    dialog.disconnect_button.click()
    qtbot.waitUntil(lambda: dialog.confirm_box is not box and dialog.confirm_box.isVisible())
    with qtbot.waitSignal(dialog.portal_disconnected, timeout=15_000):
        _click(dialog.confirm_box, "Отключить всё равно")
    assert dialog.disconnected and not ws.enrolled and credentials.load_token(uuid) is None
    assert dialog.disconnect_result.text().startswith("ПК отключён от портала")
    assert "Не отправлено на портал: 1" in dialog.disconnect_result.text()
    assert dialog.portal.text() == "" and not dialog.check_button.isEnabled()
    assert not dialog.disconnect_button.isEnabled()
    settle(qtbot)
    assert main_window.enrol_action.isVisible()  # «Подключить к порталу» is offered again
    assert ws.unsent_count() == 1
