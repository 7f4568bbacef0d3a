"""The main window: four screens in tabs — «Журнал» (groups on the left, the journal on the
right), «Дети и сертификаты», «Заявки», «Программы» — sync in the toolbar and the status bar, «Требует
внимания» in a dock.

Every operation (``ui/tasks.py``, ``CollectionOp``) reports what it changed; the window hears it
from ``ops_hub()`` and tells every screen (``on_operation_executed``), which reads again what it
shows of it. A sync reports what it pushed and pulled (`Workspace.sync`): one that brought
nothing refreshes only the status bar. The status bar and «Требует внимания» are read in the
background, one read at a time (a burst of marks reads them twice, not once per mark).

The window comes before its screens (issue 15, cold start): the frame — menus, toolbar, tabs,
status bar — is built and painted first, with nothing of the screens imported; the journal's tab
(groups, journal, «Требует внимания») follows right after the first frame (``build_screens``;
``MainWindow(screens_later=True)`` at start-up, at once otherwise), and each other tab is built
when first shown or first asked for (``children_panel`` … ``indicators_panel``). A screen not
built yet is told nothing: it reads what it shows when it is built.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from .errors import error_code, expected_message
from .sync.progress import RemainingTime, sync_progress_text, with_remaining
from .tasks import CollectionOp, LatestQuery, QueryOp, Report, Task, alive, ops_hub, sync_pool, write_pool

if TYPE_CHECKING:  # (what the first frame does not need is imported where it is used)
    from PySide6.QtGui import QCloseEvent, QPaintEvent, QShowEvent
    from PySide6.QtWidgets import QDialog, QDockWidget

    from pfdo_desktop.workspace import SyncReport, Workspace
    from pfdo_desktop.workspace_types import Changes, GroupRow, Journal, StartJournal, Status, SyncIssueRow

    from .applications.panel import ApplicationsPanel
    from .children.panel import ChildrenPanel
    from .groups.panel import GroupsPanel, GroupsRead
    from .indicators.panel import IndicatorsPanel
    from .journal.panel import JournalPanel
    from .payment.panel import PaymentPanel
    from .programs.panel import ProgramsPanel
    from .sync.issues import IssuesPanel
    from .update_notice import UpdateNotice

log = logging.getLogger(__name__)

# At start the other tabs are built in the background this long after the last-used journal is
# painted (the operator's first clicks and keys are answered at once), or by REST_AT_LATEST_MS.
REST_AFTER_JOURNAL_MS = 1500
REST_AT_LATEST_MS = 3000
ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #2e6b34;"


def reopened_month(group: GroupRow | None, last: tuple[int, date] | None) -> date | None:
    """The month a start reopens ``group``'s journal at: the last-used journal's month when that
    journal is this group's and the month is within its dates; None: the usual default."""
    if group is None or last is None or last[0] != group.id:
        return None
    return last[1] if group.date_from.replace(day=1) <= last[1] <= group.date_to else None


@dataclass(frozen=True)
class FirstView:
    """What a start shows first, read on the worker thread right after the workspace opens
    (issue 15): the groups' list with its filters' choices and the last-used journal (or the first
    group's), so the UI thread shows them without reading anything itself."""

    last: tuple[int, date] | None  # the last-used journal (group id, month)
    groups: GroupsRead
    journal: Journal | None  # the journal the groups' list opens on; None: none, or not readable now


def read_first_view(workspace: Workspace) -> FirstView:
    """``FirstView`` of ``workspace`` (off the UI thread: Workspace calls only). The journal shown is
    the one the window would open (``refresh_all``, ``on_groups_panel_group_selected``): the last-used
    one if its group is listed, else the first group's at its default month."""
    from pfdo_desktop.workspace_types import ServiceError

    from .groups.panel import GroupsRead
    from .journal.panel import default_month

    last = workspace.last_journal()
    read = GroupsRead(workspace.programs(), workspace.teachers(), workspace.groups())
    group = next((g for g in read.groups if last is not None and g.id == last[0]),
                 read.groups[0] if read.groups else None)
    journal = None
    if group is not None:
        month = reopened_month(group, last) or default_month(group)
        try:
            journal = workspace.journal_month(group.id, month)
        except ServiceError:
            journal = None  # the window reads it again and says why
    return FirstView(last, read, journal)


class MainWindow(QMainWindow):
    synced = Signal()  # a sync run ended (well or not); the window has been read again
    workspace_opened = Signal()
    data_dir_moved = Signal(object)  # Path: «Настройки» moved the data folder (the workspace reopened there)

    # The window's first frame is on screen (queued after that paint; or half a second after it was
    # shown, if it does not paint — a window started minimised).
    first_painted = Signal()
    # The journal read at start before the workspace opens is painted, or there is none to show
    # (``show_start_journal``): the workspace's opening, which loads the ORM, waits for it.
    start_journal_done = Signal()

    def __init__(self, demo: bool = False, parent: QWidget | None = None, *,
                 screens_later: bool = False) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.demo = demo
        self.sync_task: Task | None = None
        self.sync_clock: Callable[[], float] = time.monotonic  # the remaining-time estimate's (tests set it)
        self.sync_remaining = RemainingTime()
        self.enrol_requested: Callable[[], None] | None = None
        self.backups_requested: Callable[[], None] | None = None  # Файл → Резервные копии…
        self.settings_dialog: QDialog | None = None  # «Настройки», while open
        self.screens_built = False  # the journal's tab (build_screens)
        self._painted = False
        self._screens: dict[int, QWidget] = {}  # a tab's index → its screen, once built
        self._loads: dict[int, Callable[[], None]] = {}  # … and what reads all it shows
        self._last_journal: tuple[int, date] | None = None  # the journal to reopen, as remembered
        self._remembered: tuple[int, date] | None = None  # the journal last remembered (not again)
        self._first: FirstView | None = None  # a start's first view, until shown
        self._start_journal: StartJournal | None = None  # read before the workspace, until shown
        self.resize(1240, 760)

        # --- toolbar ---
        self.toolbar = QToolBar(self.tr("Главная"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        self.sync_action = QAction(self.tr("⟳ Синхронизировать"), self)
        # setShortcuts (a list, a standard key): setShortcut's overloads make Qt's enums (≈ 12 ms)
        # before the first frame
        self.sync_action.setShortcuts([QKeySequence("F5")])
        self.sync_action.setToolTip(self.tr("Отправить отметки на портал и получить изменения (F5)"))
        self.sync_action.triggered.connect(self.on_sync_action_triggered)
        self.toolbar.addAction(self.sync_action)
        self.enrol_action = QAction(self.tr("Подключить к порталу…"), self)
        self.enrol_action.triggered.connect(self.on_enrol_action_triggered)
        self.enrol_action.setVisible(False)
        self.toolbar.addAction(self.enrol_action)
        self.toolbar.addSeparator()
        self.issues_action = QAction(self.tr("Требует внимания: %1").replace("%1", "0"), self)
        self.issues_action.setCheckable(True)
        self.issues_action.triggered.connect(self.on_issues_action_triggered)
        self.toolbar.addAction(self.issues_action)
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.provider_label = QLabel()
        self.provider_label.setStyleSheet("font-weight: bold; padding-right: 8px;")
        self.toolbar.addWidget(self.provider_label)

        # --- centre: a page per tab, its screen put in when built ---
        self.splitter = QSplitter()  # the journal's tab: groups | journal, side by side
        self.splitter.setContentsMargins(6, 4, 6, 0)
        self.splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.journal_tab = self.tabs.addTab(self.splitter, self.tr("Журнал"))
        self.children_tab = self.tabs.addTab(self._page(), self.tr("Дети и сертификаты"))
        self.applications_tab = self.tabs.addTab(self._page(), self.tr("Заявки"))
        self.programs_tab = self.tabs.addTab(self._page(), self.tr("Программы"))
        self.payment_tab = self.tabs.addTab(self._page(), self.tr("Оплата"))
        self.indicators_tab = self.tabs.addTab(self._page(), self.tr("Показатели"))
        self.tabs.currentChanged.connect(self.on_tabs_current_changed)
        for index, key in (
            (self.journal_tab, "1"),
            (self.children_tab, "2"),
            (self.applications_tab, "3"),
            (self.programs_tab, "4"),
            (self.payment_tab, "5"),
            (self.indicators_tab, "6"),
        ):
            action = QAction(self)
            action.setShortcuts([QKeySequence(f"Ctrl+{key}")])
            action.triggered.connect(lambda _c=False, i=index: self.tabs.setCurrentIndex(i))
            self.addAction(action)
        self.print_action = QAction(self.tr("Печать…"), self)
        self.print_action.setShortcuts(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.on_print_action_triggered)
        self.addAction(self.print_action)
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self.auto_sync = QTimer(self)
        self.auto_sync.timeout.connect(self.on_auto_sync)
        self.apply_preferences()

        # --- status bar ---
        bar = self.statusBar()
        self.message_label = QLabel()
        self.message_label.setWordWrap(False)
        bar.addWidget(self.message_label, 1)
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setMinimumWidth(170)  # «Отправка 1200 из 1260» on one line
        self.progress_bar.setTextVisible(True)
        self.progress_bar.hide()
        self.cancel_button = QPushButton(self.tr("Отменить"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.on_cancel_button_clicked)
        self.pending_label = QLabel()
        self.last_sync_label = QLabel()
        self.clock_label = QLabel()  # the PC's clock far off the portal's (domain.clock.WRONG_CLOCK_S)
        self.clock_label.setObjectName("clock_warning")
        self.clock_label.setStyleSheet("font-weight: bold; color: #8a5300;")  # styles.WARN_COLOR
        self.clock_label.hide()
        for widget in (self.progress_bar, self.cancel_button, self.clock_label, self.pending_label,
                       self.last_sync_label):
            bar.addPermanentWidget(widget)

        self._provider_name: str | None = None
        self._enrolled = False
        self._status: Status | None = None  # the last status read (None: not read yet)
        self.status_query = LatestQuery(self, coalesce=True)
        self._last_sync_error = ""  # why the last sync failed (said in an empty journal)
        self._update_title()
        self.set_enabled_for_workspace(False)
        ops_hub().executed.connect(self.on_operation_executed)
        self._rest_later = screens_later
        if screens_later:
            self.first_painted.connect(self.build_screens)
        else:
            self.build_screens()
            for index in range(self.tabs.count()):
                self._screen(index)

    def _page(self) -> QWidget:
        """A tab's page; its screen goes in when first shown (``_screen``)."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        return page

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._painted:
            QTimer.singleShot(0, self._on_first_frame)  # after the whole frame is flushed

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._painted:
            QTimer.singleShot(500, self._on_first_frame)

    def _on_first_frame(self) -> None:
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    # --- the screens ------------------------------------------------------------------------------

    groups_panel: GroupsPanel
    journal_panel: JournalPanel
    issues_panel: IssuesPanel
    issues_dock: QDockWidget
    update_notice: UpdateNotice

    def build_screens(self) -> None:
        """The journal's tab (groups | journal), «Требует внимания» and the update notice: right
        after the first frame at start-up, at once otherwise; the other tabs come when shown."""
        if self.screens_built:
            return
        from .groups.panel import GroupsPanel
        from .journal.panel import JournalPanel
        from .sync.issues import IssuesPanel
        from .update_notice import UpdateNotice  # «Доступна версия X.Y» (issue 14 §5)

        self.screens_built = True
        self.groups_panel = GroupsPanel()
        self.journal_panel = JournalPanel()
        self.splitter.addWidget(self.groups_panel)
        self.splitter.addWidget(self.journal_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([460, 780])
        self._screens[self.journal_tab] = self.splitter
        self.groups_panel.group_selected.connect(self.on_groups_panel_group_selected)
        self.journal_panel.message.connect(self.on_journal_panel_message)
        self.journal_panel.sync_requested.connect(self.start_sync)
        self.journal_panel.enrol_requested.connect(self.on_enrol_action_triggered)
        self.journal_panel.month_shown.connect(self.on_journal_panel_month_shown)

        # --- «Требует внимания» ---
        # The Qt namespace's Python enums (≈ 12 ms to make) are first needed here, after the first
        # frame: text-only tool buttons (they show their text anyway: no icons), a status line that
        # can be selected and copied, the dock's place.
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDockWidget

        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.issues_panel = IssuesPanel()
        self.issues_dock = QDockWidget(self.tr("Требует внимания"), self)
        self.issues_dock.setObjectName("issuesDock")
        self.issues_dock.setWidget(self.issues_panel)
        self.issues_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.issues_dock)
        self.issues_dock.hide()
        self.issues_dock.visibilityChanged.connect(self.issues_action.setChecked)
        self.issues_panel.resolve_requested.connect(self.on_issues_panel_resolve_requested)

        self.update_notice = UpdateNotice(lambda: self.workspace, self)
        self.statusBar().addPermanentWidget(self.update_notice)
        self.synced.connect(self.update_notice.refresh)  # each sync may bring a newer release
        if self._rest_later:  # the other tabs and the update notice once the journal is painted
            self.journal_panel.journal_shown.connect(self._build_rest_soon)
        else:
            self.workspace_opened.connect(self.update_notice.refresh)
        self.groups_panel.workspace = self.workspace
        self.journal_panel.set_workspace(self.workspace)
        self.set_enabled_for_workspace(self.workspace is not None)
        if self.tabs.currentIndex() != self.journal_tab:
            self._screen(self.tabs.currentIndex())
        start, self._start_journal = self._start_journal, None
        if start is not None:
            self.show_start_journal(start)

    def show_start_journal(self, start: StartJournal | None) -> None:
        """The last-used journal read at start before the workspace is open (issue 15:
        ``workspace_types.start_journal``, the stdlib's sqlite3 while the ORM loads): shown at once,
        ready for marks (``JournalPanel.show_early``); the workspace's own read of it replaces it as
        soon as the workspace is open. Nothing once a workspace is open; after the first frame."""
        if start is None or self.workspace is not None:
            self.start_journal_done.emit()
            return
        if not self.screens_built:  # the frame first (build_screens shows it)
            self._start_journal = start
            return
        panel = self.journal_panel
        panel.show_early(start.group, start.month, start.journal)

        def painted() -> None:
            panel.journal_shown.disconnect(painted)
            self.start_journal_done.emit()

        panel.journal_shown.connect(painted)

    def drop_start_journal(self) -> None:
        """The workspace did not open: what was shown before it is not shown any longer."""
        self._start_journal = None
        if self.screens_built and self.workspace is None and self.journal_panel.early:
            self.journal_panel.drop_early()
            self.journal_panel.setEnabled(False)

    @Slot()
    def _build_rest_soon(self) -> None:
        # (the journal shown before the workspace opens does not count: the other tabs' imports
        # would hold back the opening, and the groups' list with it; its own read's paint does)
        if self._rest_later and self.workspace is not None:
            QTimer.singleShot(REST_AFTER_JOURNAL_MS, self._build_rest)

    @Slot()
    def _build_rest(self) -> None:
        """Build the tabs not built yet, one per turn of the event loop (a click or a key between
        them is answered at once), so each is ready before the operator opens it."""
        if not self._rest_later:
            return
        missing = [index for index in range(self.tabs.count()) if index not in self._screens]
        if not missing:  # the start is over: the update notice reads now, and at each opening
            self._rest_later = False
            self.workspace_opened.connect(self.update_notice.refresh)
            self.update_notice.refresh()
            return
        self._screen(missing[0])
        QTimer.singleShot(0, self._build_rest)

    @Slot(int)
    def on_tabs_current_changed(self, index: int) -> None:
        if self.screens_built:
            self._screen(index)

    def _screen(self, index: int) -> QWidget:
        """The screen of tab ``index``, built now if it was not (and fed the workspace: it reads
        what it shows)."""
        screen = self._screens.get(index)
        if screen is not None:
            return screen
        if index == self.journal_tab:
            self.build_screens()
            return self.splitter
        workspace = self.workspace
        panel: QWidget
        if index == self.children_tab:
            from .children.panel import ChildrenPanel

            children = ChildrenPanel()
            children.workspace = workspace
            panel, load = children, children.reload
        elif index == self.applications_tab:
            from .applications.panel import ApplicationsPanel

            applications = ApplicationsPanel()
            applications.workspace = workspace
            applications.open_child_requested.connect(self.show_child)
            panel, load = applications, applications.refresh_all
        elif index == self.programs_tab:
            from .programs.panel import ProgramsPanel

            programs = ProgramsPanel()
            programs.workspace = workspace
            panel, load = programs, programs.refresh_all
        elif index == self.payment_tab:
            from .payment.panel import PaymentPanel

            payment = PaymentPanel()
            payment.workspace = workspace
            payment.jump_requested.connect(self.show_journal_at)
            panel, load = payment, payment.reload
        elif index == self.indicators_tab:
            from .indicators.panel import IndicatorsPanel

            indicators = IndicatorsPanel()
            indicators.workspace = workspace
            if workspace is not None:
                indicators.show_month_of(workspace.portal_today())
            panel, load = indicators, indicators.reload  # reads only when shown
        else:
            raise IndexError(index)
        self._screens[index], self._loads[index] = panel, load
        page = self.tabs.widget(index)
        page_layout = page.layout() if page is not None else None
        assert page_layout is not None
        page_layout.addWidget(panel)
        panel.setEnabled(workspace is not None)
        if workspace is not None:
            load()
        return panel

    @property
    def children_panel(self) -> ChildrenPanel:
        return cast("ChildrenPanel", self._screen(self.children_tab))

    @property
    def applications_panel(self) -> ApplicationsPanel:
        return cast("ApplicationsPanel", self._screen(self.applications_tab))

    @property
    def programs_panel(self) -> ProgramsPanel:
        return cast("ProgramsPanel", self._screen(self.programs_tab))

    @property
    def payment_panel(self) -> PaymentPanel:
        return cast("PaymentPanel", self._screen(self.payment_tab))

    @property
    def indicators_panel(self) -> IndicatorsPanel:
        return cast("IndicatorsPanel", self._screen(self.indicators_tab))

    def _built_panels_indexes(self) -> list[int]:
        """The tabs whose screens are built so far, but the journal's (groups and journal)."""
        return sorted(index for index in self._screens if index != self.journal_tab)

    def _built_panels(self) -> list[QWidget]:
        return [self._screens[index] for index in self._built_panels_indexes()]

    # --- workspace ----------------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None, first: FirstView | None = None) -> None:
        """Show ``workspace`` (None: none open). ``first``: what a start read of it on its worker
        thread (``read_first_view``) — the groups and the last-used journal are then shown from it."""
        self.workspace = workspace
        self._status = None  # another workspace's: read again below
        self.status_query.cancel()
        self.build_screens()
        self._first = first if workspace is not None else None
        if first is not None:
            self._last_journal = first.last
        else:
            self._last_journal = workspace.last_journal() if workspace is not None else None
        self._remembered = self._last_journal
        self.groups_panel.workspace = workspace
        self.journal_panel.set_workspace(workspace)
        for index, panel in self._screens.items():
            if index != self.journal_tab:
                panel.workspace = workspace  # type: ignore[attr-defined]  # every screen has one
        indicators = self._screens.get(self.indicators_tab)
        if workspace is not None and indicators is not None:
            cast("IndicatorsPanel", indicators).show_month_of(workspace.portal_today())
        self.set_enabled_for_workspace(workspace is not None)
        self.refresh_all()
        self.workspace_opened.emit()

    def set_enabled_for_workspace(self, has: bool) -> None:
        self.sync_action.setEnabled(has and (self.sync_task is None or not self.sync_task.running))
        if not self.screens_built:
            return
        self.groups_panel.setEnabled(has)
        self.journal_panel.setEnabled(has)
        for panel in self._built_panels():
            panel.setEnabled(has)

    def show_busy(self, text: str) -> None:
        """A long start-up step (opening the database, starting the demo portal)."""
        self.set_message(text)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setFormat("")
        self.progress_bar.show()

    def hide_busy(self) -> None:
        self.progress_bar.hide()
        self.progress_bar.setRange(0, 100)

    def set_message(self, text: str, error: bool = False, ok: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setToolTip(text)
        self.message_label.setStyleSheet(ERROR_STYLE if error else OK_STYLE if ok else "")

    def refresh_all(self) -> None:
        """Read everything (a workspace opened): groups (keeping filters, else reopening the
        last-used journal), the journal first, then of the screens built so far children
        (keeping the search and the open card), applications and programmes (keeping the filters),
        the month's money, the indicators (only when shown), then status and issues."""
        self.build_screens()
        first = self._first
        self.groups_panel.reload(self._last_journal[0] if self._last_journal else None,
                                 first.groups if first is not None else None)
        self._first = None  # the first view is shown once
        group = self.groups_panel.selected_group()
        if group is None:
            self.journal_panel.show_group(None)
            QTimer.singleShot(0, self._build_rest)  # no journal to wait for
        elif self._rest_later:
            QTimer.singleShot(REST_AT_LATEST_MS, self._build_rest)  # a journal not painted (minimised)
        for index in self._built_panels_indexes():
            self._loads[index]()
        self.refresh_status()
        self.update_journal_hint()

    def update_journal_hint(self) -> None:
        """No groups at all (a PC just enrolled, or not yet): the journal says what to do next —
        connect the PC, or load the groups with «Синхронизировать» — with a button for it, and
        «Загружаю группы…» while that first sync runs."""
        if not self.screens_built:
            return
        from .journal.panel import HINT_LOADING, HINT_NO_GROUPS, HINT_NOT_ENROLLED

        groups = self.groups_panel
        unfiltered = groups.program_combo.currentData() is None and groups.teacher_combo.currentData() is None
        if self.workspace is None or groups.model.rowCount() > 0 or not unfiltered or self._status is None:
            self.journal_panel.show_start_hint(None)
        elif self.sync_task is not None and self.sync_task.running:
            self.journal_panel.show_start_hint(HINT_LOADING)
        elif not self._enrolled:
            self.journal_panel.show_start_hint(HINT_NOT_ENROLLED)
        else:
            self.journal_panel.show_start_hint(HINT_NO_GROUPS, self._last_sync_error)

    @Slot()
    def refresh_status(self) -> None:
        """Read the status bar and «Требует внимания» again, in the background (a request while
        a read runs is read once after it)."""
        workspace = self.workspace
        if workspace is None:
            self.status_query.cancel()
            self._status = None
            self.pending_label.clear()
            self.last_sync_label.clear()
            return
        self.status_query.run(lambda: (workspace.status(), workspace.issues()), self._on_status_read,
                              self._on_status_failed)

    def _on_status_read(self, answer: tuple[Status, list[SyncIssueRow]]) -> None:
        status, issues = answer
        self._status = status
        self._show_status(status)
        self.update_journal_hint()  # enrolled or not is known now
        self.issues_panel.set_issues(issues)
        self.issues_action.setText(self.tr("Требует внимания: %1").replace("%1", str(len(issues))))
        self.issues_action.setToolTip(self.tr("Изменения, которые портал не принял, и что с ними делать"))
        if issues and not self._issues_seen:
            self.show_issues()
        self._issues_seen = bool(issues)

    _issues_seen = False

    def _on_status_failed(self, exc: BaseException) -> None:
        message = expected_message(exc)
        if message is None:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        else:
            log.info("status read failed: %s", error_code(exc))
            self.set_message(message, error=True)

    def show_issues(self) -> None:
        self.build_screens()
        if not self.issues_dock.isVisible():
            from PySide6.QtCore import Qt

            self.issues_dock.show()
            self.resizeDocks([self.issues_dock], [190], Qt.Orientation.Vertical)

    def _show_status(self, status: Status) -> None:
        self._provider_name = status.provider_name
        self._enrolled = status.enrolled
        self.provider_label.setText(status.provider_name or self.tr("ПК не подключён к порталу"))
        self.enrol_action.setVisible(not status.enrolled)
        pending = status.pending_ops
        self.pending_label.setText(self.tr("Не отправлено: %1").replace("%1", str(pending)))
        self.pending_label.setStyleSheet("font-weight: bold; color: #8a5300;" if pending else "")
        if status.last_sync_at is not None:
            when = status.last_sync_at.astimezone().strftime("%d.%m.%Y %H:%M")
            self.last_sync_label.setText(self.tr("Синхронизация: %1").replace("%1", when))
        else:
            self.last_sync_label.setText(self.tr("Синхронизаций ещё не было"))
        self._show_clock(status.clock_offset_s)
        self._update_title()

    def _show_clock(self, offset_s: float | None) -> None:
        """«Часы ПК отстают от портала на 365 дн.», with what to do in the tooltip; hidden while the
        clock is close (the rule and its Russian words: domain.clock.clock_warning_ru)."""
        from pfdo_desktop.domain.clock import clock_warning_ru

        advice = clock_warning_ru(offset_s)
        self.clock_label.setVisible(advice is not None)
        if advice is None or offset_s is None:
            return
        days, rest = divmod(int(abs(offset_s)), 86_400)
        size = (self.tr("%1 дн.").replace("%1", str(days)) if days else
                self.tr("%1 ч").replace("%1", str(rest // 3600)) if rest >= 3600 else
                self.tr("%1 мин").replace("%1", str(rest // 60)))
        text = (self.tr("Часы ПК отстают от портала на %1") if offset_s > 0 else
                self.tr("Часы ПК спешат относительно портала на %1")).replace("%1", size)
        self.clock_label.setText("⚠ " + text)
        self.clock_label.setToolTip(self.tr(
            "Исправьте дату, время и часовой пояс в настройках системы: по ним журнал выбирает сегодняшний "
            "день, а резервные копии и печатные формы — дату. Отметки датируются по часам портала и не "
            "пострадают."))

    def _update_title(self) -> None:
        title = "PFDO Desktop"
        if self._provider_name:
            title += f" — {self._provider_name}"
        if self.demo:
            title += " " + self.tr("(демо)")
        self.setWindowTitle(title)

    @property
    def pending_count(self) -> int:
        """«Не отправлено: N» as last read."""
        return self._status.pending_ops if self.workspace is not None and self._status is not None else 0

    # --- groups and journal ----------------------------------------------------------------------

    @Slot(object)
    def on_groups_panel_group_selected(self, group: GroupRow | None) -> None:
        current = self.journal_panel.group
        if group is not None and current is not None and current.id == group.id:
            self.journal_panel.group = group  # the same group, maybe with new counts: keep the month
            first, self._first = self._first, None  # (the journal shown at start: the start's read)
            self.journal_panel.reload(first.journal if first is not None else None)
            return
        last, self._last_journal = self._last_journal, None  # reopened once, at the workspace's opening
        first, self._first = self._first, None
        month = reopened_month(group, last)  # the last-used journal: its group at the month it showed
        self.journal_panel.show_group(group, month, first.journal if first is not None else None)

    @Slot(int, object)
    def on_journal_panel_month_shown(self, group_id: int, month: date) -> None:
        """Remember the journal shown (its group and month) with the data: the next start reopens
        it. Written in the background; a failure to remember it costs nothing but that."""
        workspace = self.workspace
        if workspace is None or self._remembered == (group_id, month):
            return
        self._remembered = (group_id, month)
        CollectionOp(self, lambda: workspace.remember_journal(group_id, month)).failure(
            lambda exc: log.info("the journal shown was not remembered: %s", error_code(exc))
        ).run_in_background()

    @Slot(str)
    def on_journal_panel_message(self, text: str) -> None:
        self.set_message(text, error=True)

    # --- the menu bar (issue 14) ------------------------------------------------------------------

    def _build_menus(self) -> None:
        """Файл (Печать, Экспорт в Excel, Резервные копии, Выход), Сервис (Синхронизировать,
        Подключить к порталу, Настройки), Справка (Руководство F1, Горячие клавиши, Журнал программы,
        О программе)."""
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Файл"))
        file_menu.addAction(self.print_action)
        self.export_action = QAction(self.tr("Экспорт в Excel…"), self)
        self.export_action.triggered.connect(self.on_export_action_triggered)
        file_menu.addAction(self.export_action)
        self.backups_action = QAction(self.tr("Резервные копии…"), self)
        self.backups_action.triggered.connect(self.on_backups_action_triggered)
        file_menu.addAction(self.backups_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("Выход"), self)
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        service = bar.addMenu(self.tr("&Сервис"))
        service.addAction(self.sync_action)
        service.addAction(self.enrol_action)
        self.settings_action = QAction(self.tr("Настройки…"), self)
        self.settings_action.triggered.connect(self.on_settings_action_triggered)
        service.addAction(self.settings_action)
        help_menu = bar.addMenu(self.tr("С&правка"))
        self.guide_action = QAction(self.tr("Руководство"), self)
        self.guide_action.setShortcuts(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.on_guide_action_triggered)
        help_menu.addAction(self.guide_action)
        keys = QAction(self.tr("Горячие клавиши"), self)
        keys.triggered.connect(self.on_keys_action_triggered)
        help_menu.addAction(keys)
        log_action = QAction(self.tr("Журнал программы"), self)
        log_action.triggered.connect(self.on_log_action_triggered)
        help_menu.addAction(log_action)
        self.about_action = QAction(self.tr("О программе"), self)
        self.about_action.triggered.connect(self.on_about_action_triggered)
        help_menu.addAction(self.about_action)

    def apply_preferences(self) -> None:
        """The automatic sync while the app is open (``preferences.sync_every_minutes``; 0: off)."""
        from .preferences import load

        minutes = load().sync_every_minutes
        if minutes:
            self.auto_sync.start(minutes * 60_000)
        else:
            self.auto_sync.stop()

    @Slot()
    def on_auto_sync(self) -> None:
        """A sync by the timer: only an enrolled PC, never beside a running one."""
        if self.workspace is None or not self.workspace.enrolled:
            return
        if self.sync_task is not None and self.sync_task.running:
            return
        self.start_sync()

    @Slot()
    def on_export_action_triggered(self) -> None:
        """«Экспорт в Excel…» of the screen shown (each screen exports what it shows)."""
        index = self.tabs.currentIndex()
        panel = self.journal_panel if index == self.journal_tab else self._screen(index)
        for name in ("export_xlsx", "on_export_button_clicked"):
            handler = getattr(panel, name, None)
            if callable(handler):
                handler()
                return
        self.set_message(self.tr("На этом экране выгружать в Excel нечего."), error=True)

    @Slot()
    def on_backups_action_triggered(self) -> None:
        """The backups with what each holds, and restoring one (the start-up closes and reopens the
        database around it); without a start-up (a bare window), the backups folder."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if self.backups_requested is not None:
            self.backups_requested()
        elif self.workspace is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.workspace.backups_dir)))

    @Slot()
    def on_settings_action_triggered(self) -> None:
        from .settings_dialog import SettingsDialog

        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            return
        dialog = SettingsDialog(self.workspace, self)
        dialog.data_dir_moved.connect(self._on_data_dir_moved)
        dialog.portal_disconnected.connect(self._on_portal_disconnected)
        dialog.finished.connect(lambda result: self._on_settings_closed(dialog, result))
        self.settings_dialog = dialog
        dialog.open()  # window-modal; the event loop (and a running sync) goes on

    def _on_settings_closed(self, dialog: QDialog, result: int) -> None:
        self.settings_dialog = None
        dialog.deleteLater()
        from PySide6.QtWidgets import QDialog

        if result == QDialog.DialogCode.Accepted.value:
            self.apply_preferences()
            if getattr(dialog, "restart_needed", False):
                self.set_message(self.tr("Язык интерфейса сменится после перезапуска программы."), ok=True)

    def _on_data_dir_moved(self, folder: object) -> None:
        self.set_message(self.tr("Данные перенесены в папку %1; программа работает с ней.")
                         .replace("%1", str(folder)), ok=True)
        self.data_dir_moved.emit(folder)

    def _on_portal_disconnected(self) -> None:
        self.set_message(self.tr("ПК отключён от портала. Данные сохранены на этом ПК; подключить его "
                                 "снова можно кнопкой «Подключить к порталу…»."))
        self.refresh_status()

    @Slot()
    def on_guide_action_triggered(self) -> None:
        """«Руководство» (F1): the user guide, at the chapter about the screen shown."""
        from .help_window import show_guide

        screens = {self.journal_tab: "journal", self.children_tab: "children",
                   self.applications_tab: "applications", self.programs_tab: "programs",
                   self.payment_tab: "payment"}
        show_guide(self, screens.get(self.tabs.currentIndex()))

    @Slot()
    def on_keys_action_triggered(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        rows = [("Ctrl+1 … Ctrl+6", self.tr("Журнал, Дети, Заявки, Программы, Оплата, Показатели")),
                ("F5", self.tr("Синхронизировать")), ("Ctrl+P", self.tr("Печать")),
                ("1 2 3 4", self.tr("был, не был, болел, уважительная причина (в журнале)")),
                (self.tr("Пробел"), self.tr("был")), ("Delete", self.tr("очистить отметку"))]
        QMessageBox.information(self, self.tr("Горячие клавиши"),
                                "\n".join(f"{key}\t{what}" for key, what in rows))

    @Slot()
    def on_log_action_triggered(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from pfdo_desktop.logging_setup import log_dir

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))

    @Slot()
    def on_about_action_triggered(self) -> None:
        from .about_dialog import AboutDialog

        AboutDialog(self.workspace, self).exec()

    @Slot()
    def on_print_action_triggered(self) -> None:
        """Ctrl+P: the journal prints at once; the child card and the applications open their
        «Печать» menu."""
        tab = self.tabs.currentIndex()
        if not self.screens_built:
            return
        if tab == self.journal_tab:
            self.journal_panel.print_journal()
        elif tab == self.children_tab and self.children_panel.card.print_button.isVisible():
            self.children_panel.card.print_button.showMenu()
        elif tab == self.applications_tab and self.applications_panel.print_button.isEnabled():
            self.applications_panel.print_button.showMenu()

    # --- what an operation changed ----------------------------------------------------------------

    @Slot(object, object)
    def on_operation_executed(self, changes: Changes, initiator: object) -> None:
        """Tell every screen built so far what an operation changed; each reads again what it shows
        of it (one built later reads everything then)."""
        if self.workspace is None or not self.screens_built or not self._ours(initiator):
            return
        from pfdo_desktop.workspace_types import Changes

        if changes & Changes.GROUPS:
            self.groups_panel.reload()  # selects the group again: the journal reads itself again
        elif changes & (Changes.MARKS | Changes.CHILDREN) and initiator is not self.journal_panel:
            self.journal_panel.reload()  # the journal's own marks are on screen already
        for panel in self._built_panels():  # children, applications, programmes, the month's money
            panel.on_changes(changes, initiator)  # type: ignore[attr-defined]  # (marks, groups, …), indicators
        if changes & (Changes.PENDING | Changes.ISSUES | Changes.DEVICE):
            self.refresh_status()
        if changes & (Changes.GROUPS | Changes.DEVICE):
            self.update_journal_hint()

    def _ours(self, initiator: object) -> bool:
        """An operation of this window (or of none): another window's workspace is not ours."""
        if initiator is None:
            return True
        if not isinstance(initiator, QObject) or not alive(initiator):
            return False
        owner: QObject | None = initiator  # a dialog is a window of its own: follow its parents
        while owner is not None:
            if owner is self:
                return True
            owner = owner.parent()
        return False

    @Slot(int, object)
    def show_journal_at(self, group_id: int, day: date) -> None:
        """«Оплата»'s jump: the journal of ``group_id`` at the month of ``day``."""
        self.tabs.setCurrentIndex(self.journal_tab)
        if not self.groups_panel.select_group(group_id):
            self.set_message(self.tr("Группа не найдена в списке: сбросьте фильтры групп."), error=True)
            return
        if self.journal_panel.group is not None and self.journal_panel.group.id == group_id:
            self.journal_panel.show_month(day)

    # --- children and applications ------------------------------------------------------------

    @Slot(str)
    def show_child(self, key: str) -> None:
        """Open a child's card on «Дети и сертификаты»."""
        self.tabs.setCurrentIndex(self.children_tab)
        self.children_panel.show_child(key)

    # --- sync ---------------------------------------------------------------------------------

    @Slot()
    def on_sync_action_triggered(self) -> None:
        self.start_sync()

    def start_sync(self) -> Task | None:
        if self.workspace is None or (self.sync_task is not None and self.sync_task.running):
            return None
        workspace = self.workspace
        writes = write_pool()

        def work(report: Report, cancel: threading.Event) -> SyncReport:
            writes.waitForDone()  # marks typed just before pressing the button go too
            return workspace.sync(progress=report, cancel=cancel)

        self.sync_action.setEnabled(False)
        self.set_message(self.tr("Синхронизация…"))
        self.sync_remaining = RemainingTime(self.sync_clock)  # this run's pace only
        self.sync_task = (
            CollectionOp.reporting(self, work, self._on_sync_progress)
            .success(self._on_sync_succeeded)
            .failure(self._on_sync_failed)
            .run_in_background(pool=sync_pool())
        )
        self.update_journal_hint()  # no groups yet: «Загружаю группы с портала…»
        return self.sync_task

    def _on_sync_progress(self, stage: str, done: int, total: int | None) -> None:
        if self.sync_task is None or not self.sync_task.running:
            return
        text = sync_progress_text(stage, done, total)
        if total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
        else:
            self.progress_bar.setRange(0, 0)
        # The bar is narrow: «Отправка 120 из 500» there, the estimate beside it in the message.
        said = with_remaining(text, self.sync_remaining.update(stage, done, total))
        self.progress_bar.setFormat(text)
        self.progress_bar.setToolTip(said)
        self.set_message(said)
        self.progress_bar.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(not self.sync_task.cancel_event.is_set())

    @Slot()
    def on_cancel_button_clicked(self) -> None:
        if self.sync_task is not None and self.sync_task.running:
            self.sync_task.cancel()
            self.cancel_button.setEnabled(False)
            self.set_message(self.tr("Останавливаю синхронизацию…"))

    def _end_sync(self) -> None:
        """The screens read themselves again from what the sync reports it changed; ``synced``
        comes once their reads, queued before this one, have landed."""
        self.progress_bar.hide()
        self.cancel_button.hide()
        self.sync_action.setEnabled(self.workspace is not None)
        QTimer.singleShot(0, self._after_sync_reads)

    def _after_sync_reads(self) -> None:
        QueryOp(self, lambda: None, lambda _r: self._synced_once_read()).run_in_background()

    def _synced_once_read(self) -> None:
        if self.status_query.loading:  # a status read waited for the one before it: after it, then
            self._after_sync_reads()
        else:
            self.synced.emit()

    def _on_sync_succeeded(self, report: SyncReport) -> None:
        self._last_sync_error = ""
        self._end_sync()
        text = (
            self.tr("Синхронизация завершена: отправлено %1, получено %2, отклонено %3")
            .replace("%1", str(report.pushed))
            .replace("%2", str(report.pulled))
            .replace("%3", str(report.rejected))
        )
        self.set_message(text, error=bool(report.rejected), ok=not report.rejected)
        if report.rejected:
            self.show_issues()
        log.info("sync done: pushed %s pulled %s rejected %s", report.pushed, report.pulled, report.rejected)

    def _on_sync_failed(self, exc: BaseException) -> None:
        message = expected_message(exc)
        if message is not None:
            text = self.tr("Синхронизация не удалась: %1").replace("%1", message)
        else:
            text = self.tr("Синхронизация не удалась из-за внутренней ошибки.")
        self._last_sync_error = text
        self._end_sync()
        if message is not None:
            log.info("sync failed: %s", error_code(exc))
            self.set_message(text, error=True)
        else:
            self.set_message(text, error=True)
            sys.excepthook(type(exc), exc, exc.__traceback__)

    # --- issues -------------------------------------------------------------------------------

    @Slot(bool)
    def on_issues_action_triggered(self, checked: bool) -> None:
        self.build_screens()
        self.issues_dock.setVisible(checked)

    @Slot(int)
    def on_issues_panel_resolve_requested(self, issue_id: int) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        CollectionOp(self, lambda: workspace.resolve_issue(issue_id)).failure(
            self._on_write_failed
        ).run_in_background()

    def _on_write_failed(self, exc: BaseException) -> None:
        message = expected_message(exc)
        if message is not None:
            self.set_message(message, error=True)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    # --- enrolment ------------------------------------------------------------------------------

    @Slot()
    def on_enrol_action_triggered(self) -> None:
        if self.enrol_requested is not None:
            self.enrol_requested()

    # --- closing --------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.sync_task is not None and self.sync_task.running:
            self.sync_task.cancel()  # the engine stops at its next check; data stay consistent
        event.accept()
