"""The user guide's screenshots (docs/user-guide/img) are made here, from the real widgets of the
main window on the demo district, offscreen — so the guide never shows a screen the program no
longer has. ``SHOTS`` maps an image's file name to the function that drives the window to the state
the chapter describes and returns the widget to grab; each is a test that writes the PNG. Another
test reads every ``![…](img/NAME.png)`` of the guide: an image no producer makes, or a producer
whose image no chapter shows, fails it.

The window is shared by the module (one demo district, one sync): building it is most of the cost.
What the shots show is fixed before the first one runs (``scenario``), so a shot reads the same
whichever shots run and in which order. The district is seeded for a fixed day (``TODAY``, the
portal serves that day too) and the screens that read «today» are given it, so the pictures do not
change with the calendar; the times of the last sync and of the portal's refusal are set to that
day as well, and shown in one time zone.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from pfdo_desktop.domain.applications import ACT_ENROL, APP_CONFIRMED, APP_NEW
from pfdo_desktop.sync.credentials import MemoryKeyring
from pfdo_desktop.ui.journal.model import CodeRole
from pfdo_desktop.ui.tasks import idle, wait_for_all

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "user-guide"
IMG = GUIDE / "img"
TODAY = date(2026, 11, 18)  # a Wednesday of the demo district's academic year
SIZE = (1000, 650)  # the window in the pictures: 650 high, as narrow as it goes (≈ 1200: the toolbar
# carries the organisation's full name)
TIME_ZONE = "MSK-3"  # the times on screen (last sync, a refusal) as a PC in Moscow shows them


def wait_until(predicate: Callable[[], bool], timeout: float = 30.0) -> None:
    """Process events until ``predicate`` holds (the module's fixture has no qtbot)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "the window did not reach the state in time"
        QTest.qWait(20)


def settle() -> None:
    wait_until(idle)


def retime() -> None:
    """Local time follows ``TZ`` again (POSIX; Windows has no tzset: its pictures keep its own zone)."""
    if hasattr(time, "tzset"):
        time.tzset()


# --- the shared window ------------------------------------------------------------------------------


class Guide:
    """The window and what the scenario prepared for the shots."""

    def __init__(self, window: Any, root: Path) -> None:
        self.window = window
        self.root = root
        self.group_id = 0  # the journal's group: a lesson on TODAY, marked by hand
        self.marked: list[tuple[int, int]] = []  # (row, column) marked today
        self.application_uid = ""  # a confirmed application, to be enrolled
        self.backups_dir = root / "restore"
        self.fresh_workspace: Any = None  # an empty PC's, for the first run's wizard

    def fresh(self) -> Any:
        """The workspace of a PC not connected yet (opened once)."""
        if self.fresh_workspace is None:
            from pfdo_desktop.workspace import Workspace

            self.fresh_workspace = Workspace.open(self.root / "fresh")
        return self.fresh_workspace


@pytest.fixture(scope="module")
def guide(qapp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Guide]:
    from pfdo_desktop.ui.app import install_fonts
    from pfdo_desktop.ui.i18n import install_translator
    from pfdo_desktop.ui.main_window import MainWindow
    from pfdo_desktop.workspace import Workspace
    from pfdo_portal.admin import issue_code, list_providers, lock_month
    from pfdo_portal.app import PortalSettings
    from pfdo_portal.embedded import EmbeddedPortal
    from pfdo_portal.seed import seed_demo

    root = tmp_path_factory.mktemp("user-guide")
    home = root / "home"
    home.mkdir()
    previous_keyring, previous_font = keyring.get_keyring(), QApplication.font()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HOME", str(home))  # the user's settings and logs: this module's own
        for name, sub in (("XDG_DATA_HOME", ".local/share"), ("XDG_STATE_HOME", ".local/state"),
                          ("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache")):
            env.setenv(name, str(home / sub))
        env.setenv("TZ", TIME_ZONE)
        retime()
        keyring.set_keyring(MemoryKeyring())
        portal_db = f"sqlite:///{root / 'portal.sqlite3'}"
        seed_demo(portal_db, scale="demo", today=TODAY)
        provider = list_providers(portal_db)[0].id
        portal = EmbeddedPortal(portal_db, settings=PortalSettings(today=TODAY)).start()
        workspace = Workspace.open(root / "data")
        window = None
        state: Guide | None = None
        try:
            workspace.enrol(portal.url, issue_code(portal_db, provider))
            workspace.sync()
            install_fonts(qapp)  # PT Sans and Russian, as the program shows itself
            install_translator(qapp, "ru")
            window = MainWindow()
            window.journal_panel.today = lambda: TODAY
            window.journal_panel.model._today_of = lambda: TODAY
            window.payment_panel._today = lambda: TODAY
            for panel in (window.children_panel, window.applications_panel, window.programs_panel):
                panel.today = lambda: TODAY
            window.resize(*SIZE)
            window.set_workspace(workspace)
            window.show()
            settle()
            state = Guide(window, root)
            scenario(state, workspace, lambda month: lock_month(portal_db, provider, month))
            yield state
        finally:
            if window is not None:
                window.close()
                wait_for_all(30_000)
                window.deleteLater()
                QTest.qWait(0)
            workspace.close()
            if state is not None and state.fresh_workspace is not None:
                state.fresh_workspace.close()
            portal.stop()
            keyring.set_keyring(previous_keyring)
            QApplication.setFont(previous_font)
    retime()  # the TZ the process had


def scenario(guide: Guide, workspace: Any, lock_month: Callable[[date], None]) -> None:
    """What the pictures show, done once through the window: a mark the portal refuses (its month
    was closed meanwhile) in «Требует внимания»; today's lesson marked by hand and not sent yet;
    backups to restore from. Then the sync's and the refusal's times are set to ``TODAY``."""
    window = guide.window
    groups, journal = window.groups_panel, window.journal_panel
    # the journal's group: the first with children and a lesson today
    for row in range(groups.model.rowCount()):
        groups.table.selectRow(row)
        settle()
        model = journal.model
        if model.child_count >= 6 and any(
                model.lesson_at(c).lesson_date == TODAY for c in range(model.lesson_count)):
            break
    else:
        raise AssertionError(f"no group of the demo district has a lesson on {TODAY}")
    guide.group_id = journal.group.id
    # a parent's application confirmed («Подтвердить»): the enrolment chapter enrols it
    apps = window.applications_panel
    apps.status_combo.setCurrentIndex(apps.status_combo.findData(APP_NEW))
    settle()
    assert apps.model.rowCount() > 0, "no new application in the demo district"
    apps.table.selectRow(0)
    guide.application_uid = apps.selected_application().uid
    apps.confirm_button.click()
    settle()
    apps.status_combo.setCurrentIndex(0)
    # a mark changed in September, then September is closed on the portal: the sync is refused
    window.tabs.setCurrentIndex(window.journal_tab)
    journal.show_month(date(2026, 9, 1))
    settle()
    model = journal.model
    first = model.index(0, 0)
    assert model.is_editable(first)
    journal.set_code_at(first, 3 if model.data(first, CodeRole) != 3 else 4, move_down=False)
    settle()
    lock_month(date(2026, 9, 1))
    window.start_sync()
    wait_until(lambda: window.sync_task is not None and not window.sync_task.running)
    settle()
    apps.select_application(guide.application_uid)
    assert apps.selected_application().status == APP_CONFIRMED, "the portal did not confirm the application"
    # today's lesson marked by hand, as the chapter on the journal says: 1 2 3 with the keys
    journal.show_month(TODAY)
    settle()
    model = journal.model
    column = next(c for c in range(model.lesson_count) if model.lesson_at(c).lesson_date == TODAY)
    journal.table.setFocus()
    journal.table.setCurrentIndex(model.index(0, column))
    for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_1, Qt.Key.Key_3):
        row = journal.table.currentIndex().row()
        QTest.keyClick(journal.table, key)
        guide.marked.append((row, column))
    settle()
    # backups of this database, as a damaged one would have beside it
    from pfdo_desktop.models.database import backup_database

    for day in (16, 17, 18):
        backup_database(workspace.db.path, guide.backups_dir / "backups", "daily",
                        now=datetime(2026, 11, day, 8, 55))
    # the clock of the pictures
    from sqlalchemy import update

    from pfdo_desktop.models.sync_tables import SyncIssue, SyncRun

    with workspace.db.write() as s:
        s.execute(update(SyncRun).values(finished_at=datetime(2026, 11, 18, 5, 40, tzinfo=UTC)))
        s.execute(update(SyncIssue).values(created_at=datetime(2026, 11, 18, 5, 40, tzinfo=UTC)))
    window.refresh_status()
    settle()


def home(window: Any) -> None:
    """Every shot starts here: the journal tab, «Требует внимания» closed, no message."""
    window.issues_dock.hide()
    window.tabs.setCurrentIndex(window.journal_tab)
    window.set_message("")
    settle()


# --- the shots ----------------------------------------------------------------------------------------


def first_run_wizard(qtbot: Any, guide: Guide) -> QWidget:
    from pfdo_desktop.ui.first_run import FirstRunWizard  # the first run's window (issue 14 §2)

    wizard = FirstRunWizard(guide.fresh(), parent=guide.window)
    wizard.open()
    qtbot.waitExposed(wizard)
    assert wizard.windowTitle() == "Начало работы — PFDO Desktop"
    return wizard


def shot_first_run_choice(qtbot: Any, guide: Guide) -> QWidget:
    wizard = first_run_wizard(qtbot, guide)
    assert wizard.connect_button.text() == "Подключить к порталу"
    assert wizard.demo_button.text() == "Открыть учебный портал"
    return wizard


def shot_first_run_connect(qtbot: Any, guide: Guide) -> QWidget:
    wizard = first_run_wizard(qtbot, guide)
    wizard.connect_button.click()
    assert wizard.pages.currentIndex() == wizard.CONNECT
    wizard.url_edit.setText("https://pfdo.example.ru")
    wizard.code_edit.setText("K7QX-2MPA")
    wizard.enrol_button.setFocus()  # no blinking text cursor in the picture
    assert wizard.check_button.text() == "Проверить соединение" and wizard.enrol_button.text() == "Подключить"
    return wizard


def shot_journal(qtbot: Any, guide: Guide) -> QWidget:
    window = guide.window
    home(window)
    window.groups_panel.select_group(guide.group_id)
    journal = window.journal_panel
    journal.show_month(TODAY)
    settle()
    row, column = guide.marked[-1]
    journal.table.setCurrentIndex(journal.model.index(row + 1, column))  # the next child to mark
    journal.table.verticalScrollBar().setValue(0)  # from the first child
    assert journal.model.data(journal.model.index(0, column)) == "+"  # the first mark of today
    assert "сегодня" in str(journal.model.headerData(column, Qt.Orientation.Horizontal))
    return window


def shot_offline(qtbot: Any, guide: Guide) -> QWidget:
    window = guide.window
    shot_journal(qtbot, guide)
    window.show_issues()
    settle()
    assert window.pending_label.text() == f"Не отправлено: {len(guide.marked)}"
    assert window.issues_panel.model.rowCount() == 1
    return window


def shot_payment(qtbot: Any, guide: Guide) -> QWidget:
    window = guide.window
    home(window)
    window.tabs.setCurrentIndex(window.payment_tab)
    window.payment_panel.set_month((2026, 10))
    settle()
    assert window.payment_panel.table.rowCount() > 0
    return window


def shot_applications(qtbot: Any, guide: Guide) -> QWidget:
    window = guide.window
    home(window)
    window.tabs.setCurrentIndex(window.applications_tab)
    apps = window.applications_panel
    settle()
    assert apps.select_application(guide.application_uid)
    assert apps.enrol_button.isEnabled()
    return window


def shot_enrol_order(qtbot: Any, guide: Guide) -> QWidget:
    window = guide.window
    shot_applications(qtbot, guide)
    dialog = window.applications_panel.start_action(ACT_ENROL)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.order_number_edit.setText("47-о")
    dialog.ok_button.setFocus()  # no blinking text cursor in the picture
    assert dialog.windowTitle() == "Зачислить по приказу"
    return dialog


def shot_program_card(qtbot: Any, guide: Guide) -> QWidget:
    window = guide.window
    home(window)
    window.tabs.setCurrentIndex(window.programs_tab)
    panel = window.programs_panel
    settle()
    panel.table.selectRow(0)
    settle()
    return window


def shot_print_preview(qtbot: Any, guide: Guide) -> QWidget:
    window = guide.window
    shot_journal(qtbot, guide)
    job = window.journal_panel.print_journal()
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=30_000)
    assert job.preview is not None
    qtbot.waitExposed(job.preview)
    return job.preview


def shot_restore(qtbot: Any, guide: Guide) -> QWidget:
    from pfdo_desktop.ui.restore_dialog import RestoreDialog

    dialog = RestoreDialog(guide.backups_dir, parent=guide.window)
    dialog.open()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not dialog.listing)
    assert dialog.model.rowCount() == 3 and dialog.restore_button.isEnabled()
    assert dialog.windowTitle() == "Восстановление из резервной копии"
    return dialog


SHOTS: dict[str, Callable[[Any, Guide], QWidget]] = {
    "first-run-choice.png": shot_first_run_choice,
    "first-run-connect.png": shot_first_run_connect,
    "journal.png": shot_journal,
    "offline.png": shot_offline,
    "payment.png": shot_payment,
    "applications.png": shot_applications,
    "enrol-order.png": shot_enrol_order,
    "program-card.png": shot_program_card,
    "print-preview.png": shot_print_preview,
    "restore.png": shot_restore,
}


def save_compact(image: QImage, path: Path) -> None:
    """A PNG of at most 256 colours — the 256 commonest of the screen, exactly (a screen has few
    colours besides the edges of letters, which take the nearest): a third of the size."""
    from PIL import Image

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    picture = Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGB")
    counted = picture.getcolors(maxcolors=1 << 24) or []
    commonest = [rgb for _count, rgb in sorted(counted, reverse=True)[:256]]
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for rgb in commonest for channel in rgb] + [0] * (768 - 3 * len(commonest)))
    picture.quantize(palette=palette, dither=Image.Dither.NONE).save(path, "PNG", optimize=True)


def close_shot(widget: QWidget, window: Any) -> None:
    if widget is not window and widget.isWindow():
        close = getattr(widget, "close_button", None)
        if close is not None:
            close.click()
        else:
            widget.close()
        settle()


@pytest.mark.parametrize("name", sorted(SHOTS))
def test_screenshot(qtbot, guide: Guide, name: str) -> None:
    widget = SHOTS[name](qtbot, guide)
    settle()
    QTest.qWait(0)
    image = widget.grab().toImage()
    close_shot(widget, guide.window)
    IMG.mkdir(parents=True, exist_ok=True)
    save_compact(image, IMG / name)
    image = QImage(str(IMG / name))
    assert image.width() >= 400 and image.height() >= 250
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # a screen with text and colours, not a blank rectangle


IMAGE_LINK = re.compile(r"!\[[^\]]*\]\(img/([^)\s]+\.png)\)")


def test_every_image_of_the_guide_is_made_here_and_every_shot_is_shown() -> None:
    named: dict[str, list[str]] = {}
    for chapter in sorted(GUIDE.glob("*.md")):
        for image in IMAGE_LINK.findall(chapter.read_text(encoding="utf-8")):
            named.setdefault(image, []).append(chapter.name)
    missing = {image: where for image, where in named.items() if image not in SHOTS}
    assert not missing, f"the guide shows images no test makes: {missing}"
    unused = sorted(set(SHOTS) - set(named))
    assert not unused, f"shots no chapter shows: {unused}"
    stray = sorted({p.name for p in IMG.glob("*")} - set(SHOTS))  # would ship in the wheel for nothing
    assert not stray, f"pictures in {IMG} that no test makes: {stray}"


# --- «Справка → Руководство» (F1) ---------------------------------------------------------------------


def test_f1_opens_the_guide_at_the_chapter_of_the_screen_shown(qtbot, guide: Guide) -> None:
    """On «Оплата» F1 opens «Закрытие месяца» with its picture; a link opens another chapter and the
    list of chapters follows; F1 again brings the same window to the journal's chapter."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QKeySequence, QTextDocument

    from pfdo_desktop.ui.help_window import HelpWindow

    window = guide.window
    home(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Справка")
    first = menu.actions()[0]
    assert first.text() == "Руководство"
    assert first.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)  # F1
    window.tabs.setCurrentIndex(window.payment_tab)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_window = window.findChild(HelpWindow)
    assert help_window is not None
    qtbot.addWidget(help_window)
    qtbot.waitExposed(help_window)
    assert help_window.windowTitle() == "Руководство — PFDO Desktop"
    assert help_window.current_file == "month.md"
    assert help_window.contents.currentItem().text() == "Закрытие месяца"
    text = help_window.browser.toPlainText()
    assert text.startswith("Закрытие месяца") and "Месяц нельзя закрыть, пока не исправлено:" in text
    picture = help_window.browser.document().resource(QTextDocument.ResourceType.ImageResource.value,
                                                      QUrl("img/payment.png"))
    assert isinstance(picture, QImage) and not picture.isNull()
    assert picture.width() <= help_window.browser.viewport().width()  # fitted to the window
    titles = [help_window.contents.item(i).text() for i in range(help_window.contents.count())]
    assert titles[:4] == ["Руководство оператора PFDO Desktop", "Первое подключение", "Отметки на занятии",
                          "Закрытие месяца"]
    assert titles[-1] == "Горячие клавиши"

    wide = picture.width()
    help_window.resize(help_window.width() - 300, help_window.height())  # the pictures follow the width
    qtbot.waitUntil(lambda: help_window.browser.image_width < wide - 200)
    assert help_window.browser.toPlainText().startswith("Закрытие месяца")
    picture = help_window.browser.document().resource(QTextDocument.ResourceType.ImageResource.value,
                                                      QUrl("img/payment.png"))
    assert isinstance(picture, QImage) and picture.width() <= help_window.browser.viewport().width()

    help_window.browser.anchorClicked.emit(QUrl("printing.md"))  # «см. Печать» in the chapter
    assert help_window.current_file == "printing.md"
    assert help_window.contents.currentItem().text() == "Печать"
    assert help_window.browser.toPlainText().startswith("Печать")
    help_window.contents.setCurrentRow(titles.index("Работа без интернета"))
    assert help_window.current_file == "offline.md"

    window.tabs.setCurrentIndex(window.journal_tab)
    window.on_guide_action_triggered()
    assert window.findChildren(HelpWindow) == [help_window]  # one window, brought forward
    assert help_window.current_file == "journal.md"
    assert "Занятие не проведено по вине исполнителя…" in help_window.browser.toPlainText()
    help_window.close()


def test_without_the_guide_files_f1_says_the_installation_is_incomplete(qtbot, tmp_path) -> None:
    """A build missing its guide: the window says what is wrong and what to do (never two blank
    panes), whichever chapter F1 asks for."""
    from pfdo_desktop.ui.help_window import HelpWindow

    window = HelpWindow(folder=tmp_path / "нет-руководства")
    qtbot.addWidget(window)
    window.open_topic("journal")
    window.show()
    text = window.browser.toPlainText()
    assert text.startswith("Руководство не найдено (") and "Переустановите" in text
    assert window.contents.count() == 0
