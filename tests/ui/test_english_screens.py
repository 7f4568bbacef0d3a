"""English chosen (issue 14 §2): no Russian left on the English screens of the main flows.

The main window is built after English is installed, on the demo district's synced workspace, and
walked like a person would: every tab (a group's journal, a child's card, an application, a
programme's card, «Оплата», the indicators), the menus, the toolbar and the status bar, the dialogs
reachable without a network (connecting to the portal, a new child, a new application, the
programme editor, the print preview, the backups, the settings, «О программе», the keyboard
shortcuts). What the screens *say* is collected — window titles, labels, buttons, group boxes,
actions and their tooltips, menus, tabs, table headers, fixed choices of the combo boxes,
placeholders, the status bar — and must hold no Cyrillic letter.

What came from the district is data, not chrome, and stays Russian: table cells are not read at all,
and every Cyrillic text the local database holds (names of children, guardians, programmes,
modules, groups, teachers, addresses, the provider; the portal's own notes) is cut out of a text
before it is checked (a label «Group: Робототехника-1» is fine).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QSpinBox,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
    QWizard,
)
from ui_helpers import settle

from pfdo_desktop.ui.tasks import idle, wait_for_all

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Seen:
    where: str  # the screen or dialog
    widget: str  # objectName or class
    what: str  # text, title, tooltip, header …
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.widget} {self.what}: {self.text!r}"


# Russian that stays on an English screen, and why.
ALLOWED = {
    "Русский",  # the language chooser names each language in its own words
    "IV-МЮ 123456",  # a birth certificate's number: its series is in Cyrillic letters
}


def _strings(value: object) -> Iterator[str]:
    """The texts of a database value: itself, or every text inside a JSON one (history, cards)."""
    if not isinstance(value, str):
        return
    yield value
    if value[:1] in "[{":
        try:
            stack = [json.loads(value)]
        except ValueError:
            return
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                yield item
            elif isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)


def data_texts(db_path) -> list[str]:
    """Every Cyrillic text the workspace's database holds (what came from the portal or was typed),
    with the people's full names and initials as the screens compose them; longest first."""
    texts: set[str] = set()
    with sqlite3.connect(db_path) as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            columns = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
            for column in columns:
                for (value,) in con.execute(f'SELECT DISTINCT "{column}" FROM "{table}"'):
                    for text in _strings(value):
                        if CYRILLIC.search(text):
                            texts.add(text.strip())
                            texts.update(line.strip() for line in text.splitlines())
        for table, prefix in (("child", ""), ("guardian", ""), ("child_request", ""),
                              ("child_request", "guardian_")):
            if table not in tables:
                continue
            rows = con.execute(
                f'SELECT "{prefix}last_name", "{prefix}first_name", "{prefix}middle_name" FROM "{table}"'
            )
            for last, first, middle in rows:
                parts = [p for p in (last, first, middle) if p]
                texts.add(" ".join(parts))
                texts.add(" ".join(parts[:2]))
                initials = "".join(f"{p[0]}." for p in parts[1:])
                texts.add(f"{last} {initials}")
                texts.add(f"{last} {' '.join(f'{p[0]}.' for p in parts[1:])}")
    return sorted((t for t in texts if len(t) >= 3), key=len, reverse=True)


class Collector:
    """What the screens say, widget by widget; the data cut out."""

    def __init__(self, data: list[str]) -> None:
        self.data = data
        self.seen: list[Seen] = []

    def add(self, where: str, obj: object, what: str, text: str | None) -> None:
        if not text or text in ALLOWED:
            return
        name = obj.objectName() if hasattr(obj, "objectName") and obj.objectName() else type(obj).__name__
        plain = TAG.sub(" ", text).replace("&nbsp;", " ").replace("&amp;", "&")
        for value in self.data:
            if value in plain:
                plain = plain.replace(value, "{…}")
        if CYRILLIC.search(plain):
            self.seen.append(Seen(where, name, what, " ".join(plain.split())))

    def action(self, where: str, action: QAction) -> None:
        if action.isSeparator():
            return
        self.add(where, action, "action", action.text())
        if action.toolTip() != action.text().replace("&", "").replace("...", "…"):
            self.add(where, action, "action tooltip", action.toolTip())
        if action.menu() is not None:
            self.menu(where, action.menu())

    def menu(self, where: str, menu: QMenu) -> None:
        self.add(where, menu, "menu title", menu.title())
        for action in menu.actions():
            self.action(where, action)

    def widget(self, where: str, root: QWidget) -> None:
        """``root`` and everything shown in it."""
        self.add(where, root, "window title", root.windowTitle())
        for widget in [root, *root.findChildren(QWidget)]:
            if not widget.isVisibleTo(root) and widget is not root:
                continue
            self.one(where, widget)

    def one(self, where: str, w: QWidget) -> None:
        self.add(where, w, "tooltip", w.toolTip())
        if isinstance(w, QLabel):
            self.add(where, w, "label", w.text())
        elif isinstance(w, QAbstractButton):
            self.add(where, w, "button", w.text())
            menu = getattr(w, "menu", lambda: None)()
            if menu is not None:
                self.menu(where, menu)
        elif isinstance(w, QGroupBox):
            self.add(where, w, "group box", w.title())
        elif isinstance(w, QLineEdit):
            self.add(where, w, "placeholder", w.placeholderText())
        elif isinstance(w, QTextEdit):
            self.add(where, w, "placeholder", w.placeholderText())
            if w.isReadOnly():
                self.add(where, w, "text", w.toPlainText())
        elif isinstance(w, QPlainTextEdit):
            self.add(where, w, "placeholder", w.placeholderText())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                self.add(where, w, f"item {i}", w.itemText(i))
            if w.lineEdit() is not None:
                self.add(where, w, "placeholder", w.lineEdit().placeholderText())
            else:
                self.add(where, w, "placeholder", w.placeholderText())
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                self.add(where, w, f"tab {i}", w.tabText(i))
                self.add(where, w, f"tab {i} tooltip", w.tabToolTip(i))
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                self.add(where, w, f"tab {i}", w.tabText(i))
        elif isinstance(w, QDockWidget):
            self.add(where, w, "dock title", w.windowTitle())
        elif isinstance(w, QProgressBar):
            self.add(where, w, "format", w.format() if w.isVisible() else "")
        elif isinstance(w, QHeaderView):  # a table's column titles (its cells are data)
            model = w.model()
            if model is not None and w.orientation() == Qt.Orientation.Horizontal:
                for col in range(w.count()):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.headerData(col, Qt.Orientation.Horizontal, role)
                        self.add(where, w, f"header {col}", value if isinstance(value, str) else None)
        elif isinstance(w, QListWidget):  # what the screen lists for the person to act on
            for i in range(w.count()):
                self.add(where, w, f"item {i}", w.item(i).text())
        elif isinstance(w, QAbstractSpinBox):
            self.add(where, w, "special value", w.specialValueText())
            if isinstance(w, QSpinBox):
                self.add(where, w, "suffix", w.suffix())
                self.add(where, w, "prefix", w.prefix())
            if isinstance(w, QDateTimeEdit):
                self.add(where, w, "format", w.displayFormat())
        for action in w.actions():
            self.action(where, action)

    def report(self) -> str:
        return "\n".join(str(s) for s in dict.fromkeys(self.seen))


@pytest.fixture
def english_window(qtbot, qapp, enrolled_workspace) -> Iterator:
    """The main window built in English (the translator installed before it, as at start-up) on the
    demo provider's synced workspace; Russian again after (``_russian_ui``)."""
    from pfdo_desktop.ui.i18n import install_translator
    from pfdo_desktop.ui.main_window import MainWindow

    assert install_translator(qapp, "en") == "en"
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_workspace(enrolled_workspace)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(idle)
    yield window
    if window.sync_task is not None and window.sync_task.running:
        window.sync_task.cancel()
    wait_for_all(30_000)


def select_first(qtbot, table, predicate=lambda row: True) -> int:
    model = table.model()
    for row in range(model.rowCount()):
        if predicate(row):
            table.selectRow(row)
            settle(qtbot)
            return row
    raise AssertionError(f"nothing to select in {type(model).__name__}")


def words_in_cells(seen: Collector, where: str, table, columns) -> None:
    """The columns of a list that hold the program's words (statuses, directions, «free»), not the
    district's data."""
    model = table.model()
    for row in range(model.rowCount()):
        for col in columns:
            seen.add(where, table, f"cell {row}, {col}", model.data(model.index(row, col)))


def modal_text(qtbot, open_it) -> tuple[str, str]:
    """Open a message box the way the app does; its title and text, then close it."""
    from PySide6.QtCore import QTimer

    seen: dict = {}

    def look():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        seen["title"], seen["text"] = box.windowTitle(), box.text()
        seen["buttons"] = " ".join(b.text() for b in box.buttons())
        box.accept()

    QTimer.singleShot(0, look)
    open_it()
    assert seen, "no message box was shown"
    return seen["title"], seen["text"] + "\n" + seen["buttons"]


def close_dialog(qtbot, dialog: QDialog) -> None:
    dialog.reject()
    settle(qtbot)


def test_the_english_main_flows_show_no_russian(qtbot, english_window):
    window = english_window
    ws = window.workspace
    seen = Collector(data_texts(ws.db.path))

    # the window, its menus, toolbar and status bar
    seen.widget("main window", window)
    for action in window.menuBar().actions():
        seen.action("menu bar", action)
    for action in window.toolbar.actions():
        seen.action("toolbar", action)
    window.show_issues()
    seen.widget("needs attention", window.issues_dock)

    # «Журнал» with a group chosen
    window.tabs.setCurrentIndex(window.journal_tab)
    groups = window.groups_panel
    select_first(qtbot, groups.table)
    assert window.journal_panel.group is not None
    seen.widget("journal", window.splitter)

    # «Дети и сертификаты» with a child's card
    window.tabs.setCurrentIndex(window.children_tab)
    children = window.children_panel
    select_first(qtbot, children.table)
    seen.widget("children", children)

    # «Заявки» with an application chosen
    window.tabs.setCurrentIndex(window.applications_tab)
    applications = window.applications_panel
    select_first(qtbot, applications.table)
    seen.widget("applications", applications)
    from pfdo_desktop.ui.applications import model as apps

    words_in_cells(seen, "applications", applications.table, (apps.COL_STATUS, apps.COL_CONTRACT))

    # «Программы» with a programme's card
    window.tabs.setCurrentIndex(window.programs_tab)
    programs = window.programs_panel
    select_first(qtbot, programs.table)
    assert programs.card.view is not None
    seen.widget("programmes", programs)
    from pfdo_desktop.ui.programs import model as progs

    words_in_cells(seen, "programmes", programs.table,
                   (progs.COL_DIRECTION, progs.COL_AGES, progs.COL_REGISTRY, progs.COL_STATUS))
    from pfdo_desktop.ui.children import model as kids

    words_in_cells(seen, "children", children.table, (kids.COL_CERTIFICATE, kids.COL_STATE))

    # «Оплата», the indicators
    window.tabs.setCurrentIndex(window.payment_tab)
    settle(qtbot)
    seen.widget("payment", window.payment_panel)
    window.tabs.setCurrentIndex(window.indicators_tab)
    settle(qtbot)
    seen.widget("indicators", window.indicators_panel)
    table = window.indicators_panel.table  # its first column names the indicators: not data
    assert table.rowCount() > 10
    for row in range(table.rowCount()):
        seen.add("indicators", table, f"indicator {row}", table.item(row, 0).text())

    # a sync: its progress and its result in the status bar
    window.tabs.setCurrentIndex(window.journal_tab)
    task = window.start_sync()
    assert task is not None
    qtbot.waitUntil(lambda: not task.running, timeout=30_000)
    settle(qtbot)
    seen.widget("after a sync", window.statusBar())

    walk_dialogs(qtbot, window, seen)

    report = seen.report()
    assert not report, "Russian on English screens:\n" + report


def show(qtbot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot)
    return dialog


def walk_dialogs(qtbot, window, seen: Collector) -> None:
    """The dialogs of the main flows, each opened as the app opens it (or built as it builds it)."""
    from pfdo_desktop.domain.applications import (
        ACT_ENROL,
        ACT_EXPEL,
        ACT_REJECT,
        ACT_TERMINATE,
        ACT_TRANSFER,
        APP_ACTIVE,
        APP_CONFIRMED,
        APP_NEW,
    )
    from pfdo_desktop.ui.about_dialog import AboutDialog
    from pfdo_desktop.ui.applications.action_dialog import ApplicationActionDialog
    from pfdo_desktop.ui.applications.model import RowRole
    from pfdo_desktop.ui.journal.lesson_dialogs import CancelLessonDialog, MoveLessonDialog
    from pfdo_desktop.ui.restore_dialog import RestoreDialog
    from pfdo_desktop.ui.settings_dialog import SettingsDialog

    ws = window.workspace
    today = ws.portal_today()

    # «Подключить к порталу…» opens the first run's wizard: test_the_first_run_reads_in_english

    # «Новый ребёнок», the roster import
    window.tabs.setCurrentIndex(window.children_tab)
    children = window.children_panel
    children.new_child_button.click()
    dialog = children.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    seen.widget("new child", dialog)
    close_dialog(qtbot, dialog)
    wizard = children.on_import_button_clicked()
    assert wizard is not None
    qtbot.waitExposed(wizard)
    seen.widget("roster import", wizard)
    for button in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CancelButton):
        seen.add("roster import", wizard, "wizard button", wizard.buttonText(button))
    close_dialog(qtbot, wizard)

    # «Новая заявка», and an application's commands that ask for something first
    window.tabs.setCurrentIndex(window.applications_tab)
    applications = window.applications_panel
    applications.new_button.click()
    dialog = applications.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    settle(qtbot)
    seen.widget("new application", dialog)
    close_dialog(qtbot, dialog)
    model = applications.model
    rows = [model.data(model.index(r, 0), RowRole) for r in range(model.rowCount())]
    for action, status in ((ACT_REJECT, APP_NEW), (ACT_ENROL, APP_CONFIRMED), (ACT_EXPEL, APP_ACTIVE),
                           (ACT_TRANSFER, APP_ACTIVE), (ACT_TERMINATE, APP_ACTIVE)):
        app = next((row for row in rows if row.status == status), None) or replace(rows[0], status=status)
        dialog = show(qtbot, ApplicationActionDialog(action, app, ws, today, parent=applications))
        seen.widget(f"application: {action}", dialog)
        close_dialog(qtbot, dialog)

    # the programme editor, each of its tabs
    window.tabs.setCurrentIndex(window.programs_tab)
    programs = window.programs_panel
    programs.open_editor(programs.card.view.key)
    qtbot.waitUntil(lambda: programs.dialog is not None)
    editor = programs.dialog
    qtbot.waitExposed(editor)
    for tabs in editor.findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            settle(qtbot)
            seen.widget(f"programme editor, tab {i}", editor)
    close_dialog(qtbot, editor)

    # a lesson not held, a lesson moved
    journal = window.journal_panel
    for dialog in (CancelLessonDialog(journal, today),
                   MoveLessonDialog(journal, today, date(today.year, 1, 1), date(today.year, 12, 31))):
        show(qtbot, dialog)
        seen.widget("lesson", dialog)
        close_dialog(qtbot, dialog)

    # the journal's print preview
    window.tabs.setCurrentIndex(window.journal_tab)
    job = journal.print_journal()
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=20_000)
    assert job.preview is not None
    qtbot.waitExposed(job.preview)
    settle(qtbot)
    seen.widget("print preview", job.preview)
    job.preview.close_button.click()
    settle(qtbot)

    # the backups, the settings, «О программе», the keyboard shortcuts
    restore = show(qtbot, RestoreDialog(ws.data_dir))
    qtbot.waitUntil(lambda: not restore.listing)
    seen.widget("backups", restore)
    close_dialog(qtbot, restore)
    settings = show(qtbot, SettingsDialog(ws, window))
    qtbot.waitUntil(lambda: settings.check_button.isEnabled())
    settle(qtbot)
    seen.widget("settings", settings)
    close_dialog(qtbot, settings)
    about = show(qtbot, AboutDialog(ws, window))
    seen.widget("about", about)
    close_dialog(qtbot, about)
    title, text = modal_text(qtbot, window.on_keys_action_triggered)
    seen.add("keyboard shortcuts", window, "title", title)
    seen.add("keyboard shortcuts", window, "text", text)


def test_every_title_of_the_domains_dictionaries_reads_in_english(qapp):
    """Statuses, directions, reasons, document kinds, printed forms, pending commands: each title
    the domain keeps in Russian has its English (a title added to the domain and not to
    ui/common/domain_words.py would show Russian on an English screen)."""
    from pfdo_desktop.services.enrolment_rows import PENDING_TITLES_RU
    from pfdo_desktop.ui.common.domain_words import DICTIONARIES, word
    from pfdo_desktop.ui.i18n import install_translator

    install_translator(qapp, "en")
    dictionaries = {**DICTIONARIES, "PendingAction": PENDING_TITLES_RU}
    russian = [(context, title) for context, titles in dictionaries.items() for title in titles.values()
               if title and CYRILLIC.search(word(context, title))]
    assert not russian
    assert word("ApplicationStatus", "обучается") == "studying"
    install_translator(qapp, "ru")
    assert word("ApplicationStatus", "обучается") == "обучается"


def test_the_programs_own_sync_errors_read_in_english_and_the_portals_words_stay(qapp):
    """No network, a sync stopped, a PC not connected: the program's own messages are in the
    UI's language (the status bar and the empty journal say them); what the portal wrote is the
    portal's and stays as it is; in Russian nothing changes."""
    from pfdo_desktop.sync.client import Cancelled, ClientSettings, PortalClient, SyncError
    from pfdo_desktop.ui.errors import expected_message
    from pfdo_desktop.ui.i18n import install_translator

    client = PortalClient("http://127.0.0.1:9", settings=ClientSettings(attempts=1, connect_timeout=2))
    try:
        with pytest.raises(SyncError) as dead:
            client.info()
    finally:
        client.close()
    errors = [dead.value, Cancelled(), SyncError("ПК не подключён к порталу: сначала подключите его кодом.",
                                                 "not_enrolled")]
    install_translator(qapp, "en")
    english = [expected_message(exc, alert=False) for exc in errors]
    assert english[0].startswith("No connection to the portal http://127.0.0.1:9")
    assert not [text for text in english if CYRILLIC.search(text)], english
    portal_words = SyncError("Код подключения уже использован.", "code_used")
    assert expected_message(portal_words, alert=False) == "Код подключения уже использован."
    install_translator(qapp, "ru")
    assert [expected_message(exc, alert=False) for exc in errors] == [exc.message for exc in errors]


def test_the_first_run_reads_in_english(qtbot, qapp, workspace):
    """The first run's steps — the choice, connecting to the portal — in English."""
    from pfdo_desktop.ui.first_run import FirstRunWizard
    from pfdo_desktop.ui.i18n import install_translator

    install_translator(qapp, "en")
    wizard = FirstRunWizard(workspace)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    seen = Collector([])
    for step in (wizard.CHOICE, wizard.CONNECT):
        wizard.pages.setCurrentIndex(step)
        seen.widget(f"first run, step {step}", wizard)
    assert wizard.windowTitle().startswith("Getting started")
    report = seen.report()
    assert not report, "Russian on English screens:\n" + report
