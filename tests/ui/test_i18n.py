"""Russian is the source language; the English .ts must cover every UI string."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "pfdo_desktop_en.ts"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


def _tool():
    spec = importlib.util.spec_from_file_location(
        "update_translations", TS.with_name("update_translations.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_english_ts_covers_every_ui_string(tmp_path):
    fresh = tmp_path / "fresh.ts"
    _tool().lupdate(fresh)
    wanted = _messages(fresh)
    assert len(wanted) > 50
    assert all(context for context, _source in wanted), "a string without a translation context"
    committed = _messages(TS)
    missing = sorted(key for key in wanted if key not in committed)
    assert not missing, f"run resources/i18n/update_translations.py and translate: {missing}"
    untranslated = sorted(
        key
        for key, message in committed.items()
        if key in wanted
        and (
            message.find("translation").get("type") in ("unfinished", "vanished")
            or not (message.findtext("translation") or "").strip()
        )
    )
    assert not untranslated, f"untranslated: {untranslated}"
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= TS.stat().st_mtime - 1, "compile the .ts (lrelease)"


def test_english_ui_when_asked(qtbot, qapp, monkeypatch):
    from pfdo_desktop.ui.i18n import chosen_language, install_translator
    from pfdo_desktop.ui.main_window import MainWindow

    monkeypatch.setenv("PFDO_LANG", "en")
    assert chosen_language() == "en"
    assert install_translator(qapp) == "en"
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.sync_action.text() == "⟳ Synchronise"
    assert window.issues_action.text() == "Needs attention: 0"
    assert window.groups_panel.model.headerData(0, Qt.Orientation.Horizontal) == "Group"

    monkeypatch.setenv("PFDO_LANG", "xx")
    assert chosen_language() == "ru"
    install_translator(qapp)
    russian = MainWindow(demo=True)
    qtbot.addWidget(russian)
    assert russian.sync_action.text() == "⟳ Синхронизировать"
    assert russian.windowTitle() == "PFDO Desktop (демо)"


# --- Qt's own dialogs in Russian; file dialogs open in Documents (issue 10 §3) -----------------------


def _read_file_dialog(qtbot, open_it):
    """Run ``open_it`` (which opens a modal file dialog the way the app does), read what the dialog
    shows, cancel it; returns {"labels", "buttons", "directory", "file_name"}."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QPushButton

    seen: dict = {}

    def look():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look)
            return
        seen["labels"] = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
        seen["buttons"] = [b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()]
        seen["directory"] = Path(dialog.directory().absolutePath())
        name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
        seen["file_name"] = name_edit.text() if name_edit is not None else None
        dialog.reject()

    QTimer.singleShot(0, look)
    open_it()
    assert seen, "no file dialog was shown"
    return seen


def test_qt_file_dialogs_speak_russian_and_open_in_documents(qtbot, qapp, workspace):
    from datetime import date

    from pfdo_desktop.ui.i18n import install_translator
    from pfdo_desktop.ui.roster.wizard import RosterImportWizard
    from pfdo_desktop.ui.widgets.files import forget_folder

    install_translator(qapp, "ru")
    forget_folder()
    documents = Path.home() / "Documents"  # HOME is the test's own folder
    documents.mkdir()
    wizard = RosterImportWizard(workspace, date(2026, 12, 7))
    qtbot.addWidget(wizard)
    wizard.show()
    seen = _read_file_dialog(qtbot, wizard.file_page.browse_button.click)
    assert seen["directory"] == documents
    # every label of Qt's own dialog is Russian (Qt's qtbase_ru.qm lacks «&Look in:», «Files of &type:»)
    assert "&Папка:" in seen["labels"] and "&Тип файлов:" in seen["labels"]
    assert "&Имя файла:" in seen["labels"]
    english = [t for t in seen["labels"] + seen["buttons"] if any("a" <= c <= "z" for c in t.lower())]
    assert not english


def test_save_pdf_opens_in_documents_with_the_suggested_name_then_where_the_last_was_saved(
    qtbot, qapp, tmp_path
):
    from reportlab.pdfgen.canvas import Canvas

    from pfdo_desktop.ui.i18n import install_translator
    from pfdo_desktop.ui.printing.pages import open_pages
    from pfdo_desktop.ui.printing.preview import PreviewDialog
    from pfdo_desktop.ui.widgets.files import documents_folder, forget_folder, remember_folder

    install_translator(qapp, "ru")
    forget_folder()
    assert documents_folder() == Path.home()  # no Documents folder: the home folder
    documents = Path.home() / "Documents"
    documents.mkdir()
    pdf = tmp_path / "form.pdf"
    canvas = Canvas(str(pdf))
    canvas.drawString(100, 700, "page")
    canvas.save()
    preview = PreviewDialog(pdf, open_pages(pdf), "Журнал", "Журнал_Группа_2026-12.pdf")
    qtbot.addWidget(preview)
    preview.show()
    seen = _read_file_dialog(qtbot, preview.save_button.click)
    assert seen["directory"] == documents
    assert seen["file_name"] == "Журнал_Группа_2026-12.pdf"
    assert "&Папка:" in seen["labels"] and "&Тип файлов:" in seen["labels"]
    assert not preview.message_label.isVisible()  # cancelled: nothing saved, nothing said

    elsewhere = tmp_path / "отчёты"
    elsewhere.mkdir()
    remember_folder(elsewhere / "прошлый.pdf")  # a file saved there before
    assert preview.default_save_path() == str(elsewhere / "Журнал_Группа_2026-12.pdf")
    forget_folder()
