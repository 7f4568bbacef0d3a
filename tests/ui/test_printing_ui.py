"""Printing from the screens: the child card, an application, a group's applications, the journal.
Each makes its PDF in the background and opens the preview, from where it prints or is saved."""

from __future__ import annotations

import re
import stat
import threading
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from pfdo_desktop.domain.applications import (
    APP_ACTIVE,
    APP_CONFIRMED,
    APP_EXPELLED,
    APP_NEW,
    APP_TERMINATED,
    APP_TRANSFERRED,
)
from pfdo_desktop.domain.documents import (
    FORM_CERTIFICATE_EXTRACT,
    FORM_CONSENT,
    FORM_CONTRACT,
    FORM_TERMINATION,
)
from pfdo_desktop.ui.applications.model import RowRole as AppRowRole
from pfdo_desktop.ui.children.model import RowRole as ChildRowRole
from pfdo_desktop.ui.printing.job import private_dir
from pfdo_desktop.ui.printing.preview import PreviewDialog
from pfdo_desktop.ui.tasks import run_task, write_pool

LIVE = (APP_NEW, APP_CONFIRMED, APP_ACTIVE)


def pdf_text(path) -> str:
    """The PDF's text with runs of spaces and line breaks as one space (a name may wrap)."""
    reader = PdfReader(str(path))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


def wait_preview(qtbot, job) -> PreviewDialog:
    qtbot.waitUntil(lambda: not job.running, timeout=20_000)
    assert job.preview is not None, "no preview"
    qtbot.waitExposed(job.preview)
    return job.preview


def close(qtbot, preview) -> None:
    path = preview.path
    preview.close_button.click()
    qtbot.waitUntil(lambda: not path.exists())


def open_child_with_certificate(qtbot, main_window):
    window = main_window
    window.tabs.setCurrentIndex(window.children_tab)
    panel = window.children_panel
    for row in range(panel.model.rowCount()):
        child = panel.model.data(panel.model.index(row, 0), ChildRowRole)
        if child.certificate_number:
            panel.table.selectRow(row)
            qtbot.waitUntil(lambda: not panel.loading)  # the card is read in the background
            assert panel.card.card is not None and panel.card.card.child.key == child.key
            return panel
    raise AssertionError("no child with a certificate in the demo district")



def _print_dialog_prints_to(monkeypatch, path):
    """The operator accepts the Qt print dialog with «печать в файл PDF» to ``path``."""
    def accept(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)

def test_the_certificate_extract_from_the_child_card_previews_prints_and_saves(
    qtbot, main_window, tmp_path, monkeypatch
):
    panel = open_child_with_certificate(qtbot, main_window)
    card = panel.card
    assert card.print_button.isVisible()
    assert [a.text() for a in card.print_menu.actions()] == [
        "Заявление о предоставлении сертификата",
        "Выписка из реестра сертификатов",
        "Согласие на обработку персональных данных",
    ]
    name, number = card.title_label.text(), card.cert_number_label.text()

    card.print_actions[FORM_CERTIFICATE_EXTRACT].trigger()
    preview = wait_preview(qtbot, panel.print_job)

    assert preview.page_count >= 1 and preview.pages_label.text() == f"Страниц: {preview.page_count}"
    assert not preview.is_landscape()
    text = pdf_text(preview.path)
    assert name in text and number in text
    # the PDF waits in a private place, under a name that does not give the child away
    assert preview.path.parent == private_dir()
    assert stat.S_IMODE(private_dir().stat().st_mode) == 0o700
    assert stat.S_IMODE(preview.path.stat().st_mode) == 0o600
    assert name.split()[0] not in preview.path.name

    # «Сохранить PDF…»: the file dialog suggests a name with the form and the child
    asked = {}

    def save_as(parent, caption, suggested, filter_):
        asked["suggested"] = suggested
        return str(tmp_path / "выписка"), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    preview.save_button.click()
    saved = tmp_path / "выписка.pdf"
    assert Path(asked["suggested"]).name == f"Выписка_из_реестра_{'_'.join(name.split()[:2])}.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    assert len(PdfReader(str(saved)).pages) == preview.page_count
    assert preview.message_label.text() == f"Сохранено: {saved}"

    # a save that fails says why and keeps the preview
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "нет-такой-папки" / "x.pdf"), "")
    )
    preview.save_button.click()
    assert preview.message_label.text().startswith("Файл не сохранён:")
    assert preview.isVisible()

    # «Печать…»: the operator picks «в файл PDF» and pages 1–1 in the print dialog
    printed = tmp_path / "printed.pdf"
    _print_dialog_prints_to(monkeypatch, printed)
    preview.print_button.click()
    pages = PdfReader(str(printed)).pages
    assert len(pages) == preview.page_count
    assert float(pages[0].mediabox.width) < float(pages[0].mediabox.height)  # A4 portrait
    assert preview.message_label.text() == f"Отправлено на печать страниц: {preview.page_count}"

    close(qtbot, preview)
    assert saved.exists()  # the operator's copy stays


def test_a_saved_pdf_is_private_and_a_failed_save_keeps_the_old_file(
    qtbot, main_window, tmp_path, monkeypatch
):
    import errno
    import os

    panel = open_child_with_certificate(qtbot, main_window)
    panel.card.print_actions[FORM_CERTIFICATE_EXTRACT].trigger()
    preview = wait_preview(qtbot, panel.print_job)
    folder = tmp_path / "saved"
    folder.mkdir()
    target = folder / "выписка.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    old_umask = os.umask(0o022)
    try:
        preview.save_button.click()
    finally:
        os.umask(old_umask)
    assert preview.message_label.text() == f"Сохранено: {target}"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # a child's data: the operator's eyes only
    good = target.read_bytes()

    def disk_full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    preview.save_button.click()
    # said in Russian, and the copy saved before is still whole
    assert preview.message_label.text() == "Файл не сохранён: на диске не хватает места"
    assert target.read_bytes() == good
    assert [p.name for p in folder.iterdir()] == [target.name]  # no temporary file left
    close(qtbot, preview)


def test_the_journal_prints_landscape_with_ctrl_p(qtbot, main_window, journal_panel, tmp_path, monkeypatch):
    window = main_window
    window.tabs.setCurrentIndex(window.journal_tab)
    assert journal_panel.print_button.isEnabled()
    names = [journal_panel.model.child_at(r).full_name for r in range(journal_panel.model.child_count)]

    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    job = journal_panel.print_job
    assert job is not None
    preview = wait_preview(qtbot, job)

    assert preview.page_count >= 1 and preview.is_landscape()
    text = pdf_text(preview.path)
    assert journal_panel.group.name in text
    assert all(n in text for n in names)
    month = journal_panel.month
    assert preview.suggested_name == f"Журнал_{journal_panel.group.name.replace(' ', '_')}_{month:%Y-%m}.pdf"

    printed = tmp_path / "journal.pdf"
    _print_dialog_prints_to(monkeypatch, printed)
    preview.print_button.click()
    pages = PdfReader(str(printed)).pages
    assert len(pages) == preview.page_count
    assert float(pages[0].mediabox.width) > float(pages[0].mediabox.height)  # landscape paper
    close(qtbot, preview)


def test_all_applications_of_a_group_in_one_pdf(
    qtbot, main_window, enrolled_workspace, tmp_path, monkeypatch
):
    window = main_window
    window.tabs.setCurrentIndex(window.applications_tab)
    panel = window.applications_panel
    ws = enrolled_workspace
    group_id, live = None, []
    for index in range(1, panel.group_combo.count()):  # the group with the most live applications
        candidate = panel.group_combo.itemData(index)
        rows = [a for a in ws.applications(group_id=candidate) if a.status in LIVE]
        if len(rows) > len(live):
            group_id, live = candidate, rows
    assert len(live) >= 2
    panel.group_combo.setCurrentIndex(panel.group_combo.findData(group_id))

    assert panel.print_group_action.isEnabled()
    panel.print_group_action.trigger()
    preview = wait_preview(qtbot, panel.print_job)

    assert preview.page_count >= len(live)
    text = pdf_text(preview.path)
    for app in live:
        assert app.child_name in text
    assert text.count("ЗАЯВЛЕНИЕ") == len(live)  # one application (its title) per child

    # a page range chosen in the print dialog prints only those pages
    printed = tmp_path / "range.pdf"

    def print_first_page(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 2)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", print_first_page)
    preview.print_button.click()
    assert len(PdfReader(str(printed)).pages) == 1
    close(qtbot, preview)


def test_an_application_prints_its_contract_and_a_termination_only_once_ended(qtbot, main_window):
    window = main_window
    window.tabs.setCurrentIndex(window.applications_tab)
    panel = window.applications_panel
    assert not panel.print_actions[FORM_CONTRACT].isEnabled()  # nothing selected yet
    rows = [panel.model.data(panel.model.index(r, 0), AppRowRole) for r in range(panel.model.rowCount())]
    panel.table.selectRow(next(r for r, a in enumerate(rows) if a.status == APP_ACTIVE))
    app = panel.selected_application()

    termination = panel.print_actions[FORM_TERMINATION]
    assert not termination.isEnabled()
    assert "договор расторгнут" in termination.toolTip()
    assert panel.print_actions[FORM_CONTRACT].isEnabled()

    panel.print_actions[FORM_CONTRACT].trigger()
    preview = wait_preview(qtbot, panel.print_job)
    text = pdf_text(preview.path)
    from pfdo_desktop.printing.russian import GEN, Name  # the contract names the pupil «в интересах кого»

    assert Name.parse(app.child_name)(GEN) in text and app.group_name in text
    assert preview.suggested_name.startswith("Договор_")
    close(qtbot, preview)

    ended = next(r for r, a in enumerate(rows) if a.status in (APP_EXPELLED, APP_TERMINATED, APP_TRANSFERRED))
    panel.table.selectRow(ended)
    assert termination.isEnabled() and termination.toolTip() == termination.text()  # no warning
    termination.trigger()
    preview = wait_preview(qtbot, panel.print_job)
    assert panel.selected_application().child_name in pdf_text(preview.path)
    close(qtbot, preview)


def test_cancel_while_the_pdf_is_made_shows_nothing(qtbot, main_window):
    panel = open_child_with_certificate(qtbot, main_window)
    before = set(private_dir().glob("*.pdf"))
    gate = threading.Event()
    run_task(lambda: gate.wait(20), pool=write_pool())  # the write pool is busy: the job waits its turn
    try:
        panel.card.print_actions[FORM_CERTIFICATE_EXTRACT].trigger()
        job = panel.print_job
        assert job.progress_window is None  # quick jobs never flash a progress window
        qtbot.waitUntil(lambda: job.progress_window is not None and job.progress_window.isVisible())
        assert job.progress_window.cancel_button.text() == "Отмена"
        qtbot.mouseClick(job.progress_window.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not job.running, timeout=20_000)

    assert job.cancelled and job.preview is None and job.progress_window is None
    assert not panel.message_label.isVisible()  # no error either
    assert set(private_dir().glob("*.pdf")) == before


def test_without_a_pdf_engine_the_system_viewer_opens_the_file(qtbot, main_window, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setenv("PFDO_PDF_VIEWER", "system")  # as on a PC without QtPdf and pypdfium2
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    panel = open_child_with_certificate(qtbot, main_window)
    name = panel.card.title_label.text()

    panel.card.print_actions[FORM_CONSENT].trigger()
    job = panel.print_job
    qtbot.waitUntil(lambda: not job.running, timeout=20_000)

    assert job.preview is None and len(opened) == 1
    path = Path(opened[0])
    assert path.parent == private_dir() and name in pdf_text(path)
    assert panel.message_label.text() == f"PDF открыт в программе просмотра; файл: {path}"


def test_a_group_with_nothing_to_print_says_so(qtbot, main_window, enrolled_workspace, monkeypatch):
    window = main_window
    window.tabs.setCurrentIndex(window.applications_tab)
    panel = window.applications_panel
    group_id = panel.group_combo.itemData(1)
    monkeypatch.setattr(enrolled_workspace, "group_application_documents", lambda *_a: [])

    job = panel.print_group(group_id)
    qtbot.waitUntil(lambda: not job.running, timeout=20_000)

    assert job.preview is None
    assert panel.message_label.isVisible()
    assert panel.message_label.text() == "В группе нет действующих заявок: печатать нечего."
