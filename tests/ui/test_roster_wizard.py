"""«Импорт списка»: file → columns → preview → import → report, and a file that cannot be read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import select

from pfdo_desktop.models import OutboxOp
from pfdo_desktop.services import roster_import
from pfdo_desktop.services.roster import preview, read_table
from pfdo_desktop.ui.roster.model import (
    COL_CHECK,
    COL_NAME,
    INVALID_BACKGROUND,
    RosterPreviewModel,
)
from pfdo_desktop.ui.roster.wizard import (
    PAGE_FILE,
    PAGE_MAPPING,
    PAGE_PREVIEW,
    PAGE_REPORT,
    RosterImportWizard,
)


def outbox_kinds(workspace):
    with workspace.db.read() as s:
        return list(s.scalars(select(OutboxOp.kind).order_by(OutboxOp.id)))


def open_wizard(qtbot, window) -> RosterImportWizard:
    window.tabs.setCurrentIndex(window.children_tab)
    panel = window.children_panel
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    wizard = panel.dialog
    assert isinstance(wizard, RosterImportWizard)
    qtbot.waitExposed(wizard)
    return wizard


def go_next(qtbot, wizard, page_id):
    """«Далее»: the file is read, or its rows checked, in the background; then the page is shown."""
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == page_id)
    qtbot.waitUntil(lambda: not wizard.file_page.reading and not wizard.preview_page.checking)


def good_csv(tmp_path, known):
    path = tmp_path / "список.csv"
    path.write_text(
        "ФИО;Дата рождения;СНИЛС;Номер сертификата;Законный представитель;Телефон\n"
        "Кузнецова Алиса Игоревна;14.02.2016;;;Кузнецова Ольга Петровна;+7 912 000-11-22\n"
        "Орлов Тимур Русланович;03.09.2014;112-233-445 95;;Орлов Руслан Ильич;89120001133\n"
        "Smith John;01.01.2015;;;;\n"
        "Белова Ника Сергеевна;31.02.2015;;;;\n"
        f"{known.full_name};{known.birth_date:%d.%m.%Y};;;;\n",
        encoding="utf-8",
    )
    return path


def test_a_good_csv_is_previewed_imported_and_reported(qtbot, main_window, tmp_path):
    workspace = main_window.workspace
    known = main_window.children_panel.model.rows()[0]
    path = good_csv(tmp_path, known)
    before = outbox_kinds(workspace)
    wizard = open_wizard(qtbot, main_window)

    wizard.file_page.path_edit.setText(str(path))
    go_next(qtbot, wizard, PAGE_MAPPING)
    combos = wizard.mapping_page.combos
    assert combos["full_name"].currentData() == 0 and combos["birth_date"].currentData() == 1
    assert combos["snils"].currentData() == 2 and combos["phone"].currentData() == 5
    assert "«ФИО»" in combos["full_name"].currentText()
    assert not wizard.mapping_page.missing_label.isVisible()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    go_next(qtbot, wizard, PAGE_PREVIEW)
    page = wizard.preview_page
    assert page.summary_label.text() == (
        "Строк в файле: 5. Будут импортированы: 2. С ошибками: 2. Уже есть в базе: 1."
    )
    model = page.model
    check = [model.data(model.index(r, COL_CHECK)) for r in range(model.rowCount())]
    assert check[0] == check[1] == "✔ будет импортирован"
    assert check[2].startswith("✖ ") and "латинск" in check[2].casefold()
    assert check[3].startswith("✖ ") and "Дата рождения" in check[3]
    assert check[4].startswith("⚠ ") and "уже есть в базе" in check[4]
    bad = model.index(2, COL_NAME)
    assert model.data(bad, Qt.ItemDataRole.BackgroundRole).color() == INVALID_BACKGROUND
    assert "латинск" in model.data(bad, Qt.ItemDataRole.ToolTipRole).casefold()
    assert outbox_kinds(workspace) == before  # nothing written before «Импортировать»

    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.text() == "Импортировать" and commit.isEnabled()
    with qtbot.waitSignal(wizard.imported, timeout=10_000):
        qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_REPORT)
    report_page = wizard.report_page
    assert report_page.summary_label.text().startswith("Импортировано: 2 ")
    assert "Пропущено строк: 3" in report_page.summary_label.text()
    details = report_page.details_edit.toPlainText()
    assert "строка 4:" in details and "строка 5:" in details and "строка 6:" in details

    assert outbox_kinds(workspace) == [*before, "child.create", "child.create"]
    assert roster_import.load_mapping(workspace.db, wizard.headers) == wizard.mapping
    qtbot.waitUntil(lambda: main_window.pending_label.text() == f"Не отправлено: {len(before) + 2}")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    panel = main_window.children_panel
    panel.search_edit.setText("Кузнецова Алиса")
    qtbot.waitUntil(lambda: [r.state for r in panel.model.rows()] == ["pending"])

    # the same file again: the mapping is remembered, and its children are known now
    again = open_wizard(qtbot, main_window)
    again.file_page.path_edit.setText(str(path))
    go_next(qtbot, again, PAGE_MAPPING)
    assert again.mapping_page.source_label.text().startswith("Сопоставление из прошлого импорта")
    go_next(qtbot, again, PAGE_PREVIEW)
    assert again.preview_page.model.counts() == {"ok": 0, "existing": 3, "invalid": 2}
    assert not again.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert "Импортировать нечего" in again.preview_page.summary_label.text()
    again.reject()


def test_a_malformed_file_is_refused_with_a_message_and_nothing_changes(qtbot, main_window, tmp_path):
    workspace = main_window.workspace
    path = tmp_path / "дети.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not a workbook at all" * 10)
    before = outbox_kinds(workspace)
    children_before = main_window.children_panel.model.rowCount()
    wizard = open_wizard(qtbot, main_window)

    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    page = wizard.file_page
    qtbot.waitUntil(lambda: page.error_label.isVisible())
    assert wizard.currentId() == PAGE_FILE
    assert "дети.xlsx" in page.error_label.text()
    assert page.path_edit.isEnabled() and not page.reading_label.isVisible()  # fix it and try again
    qtbot.waitUntil(lambda: page.error_box is not None and page.error_box.isVisible())
    assert page.error_box.text() == page.error_label.text()
    assert "Ничего не изменено" in page.error_box.informativeText()
    page.error_box.accept()
    assert outbox_kinds(workspace) == before
    wizard.reject()
    main_window.children_panel.reload()
    assert main_window.children_panel.model.rowCount() == children_before


def test_required_columns_are_asked_for(qtbot, main_window, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Колонка 1;Колонка 2\nКузнецова Алиса;14.02.2016\n", encoding="utf-8")
    wizard = open_wizard(qtbot, main_window)
    wizard.file_page.path_edit.setText(str(path))
    go_next(qtbot, wizard, PAGE_MAPPING)
    page = wizard.mapping_page
    assert page.missing_label.isVisible() and "«Дата рождения»" in page.missing_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.combos["full_name"].setCurrentIndex(page.combos["full_name"].findData(0))
    page.combos["birth_date"].setCurrentIndex(page.combos["birth_date"].findData(1))
    assert not page.missing_label.isVisible()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.reject()


def test_preview_model(qtmodeltester, tmp_path):
    from datetime import date

    path = tmp_path / "list.csv"
    path.write_text("ФИО;Дата рождения\nКузнецова Алиса;14.02.2016\nSmith;1.1.2015\n", encoding="utf-8")
    table = read_table(path)
    model = RosterPreviewModel()
    qtmodeltester.check(model, force_py=True)
    model.set_rows(preview(table, {"full_name": 0, "birth_date": 1}, today=date(2026, 11, 23)))
    qtmodeltester.check(model, force_py=True)
    assert model.counts() == {"ok": 1, "existing": 0, "invalid": 1}
    assert model.headerData(COL_CHECK, Qt.Orientation.Horizontal) == "Проверка"


def test_the_file_is_read_and_its_rows_checked_in_the_background_the_page_waiting(
    qtbot, main_window, tmp_path, monkeypatch
):
    """A big XLSX takes seconds to read: the window stays alive, the page says it is reading and
    its buttons wait; the same while the rows are checked."""
    import threading

    workspace = main_window.workspace
    path = good_csv(tmp_path, main_window.children_panel.model.rows()[0])
    gates = {"read_roster": threading.Event(), "roster_preview": threading.Event()}
    on_ui_thread: list[bool] = []
    for name, gate in gates.items():
        real = getattr(workspace, name)

        def held(*args, _real=real, _gate=gate, **kwargs):
            on_ui_thread.append(threading.current_thread() is threading.main_thread())
            _gate.wait(30)
            return _real(*args, **kwargs)

        monkeypatch.setattr(workspace, name, held)
    wizard = open_wizard(qtbot, main_window)
    page = wizard.file_page
    page.path_edit.setText(str(path))

    wizard.next()
    assert wizard.currentId() == PAGE_FILE
    assert page.reading_label.isVisible() and page.reading_label.text() == "Читаю файл…"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not page.path_edit.isEnabled() and not page.browse_button.isEnabled()
    gates["read_roster"].set()
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_MAPPING)  # moves on by itself once read

    wizard.next()
    preview = wizard.preview_page
    assert wizard.currentId() == PAGE_PREVIEW
    assert preview.summary_label.text() == "Проверяю строки…"
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    gates["roster_preview"].set()
    qtbot.waitUntil(lambda: preview.summary_label.text().startswith("Строк в файле: 5."))
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert on_ui_thread == [False, False]
    wizard.reject()
