"""The first run (issue 14 §2): a short wizard from an empty PC to a synced journal.

Three steps, one window:

1. **the choice** — «Подключить к порталу» (the region's portal: its address and a one-time code
   from the municipal support centre), «Открыть учебный портал» (the demo district on this PC,
   kept in its own folder, nothing sent anywhere) or «Позже» (the journal works offline; the toolbar
   keeps «Подключить к порталу…»);
2. **the connection** — the kind of portal (issue 16): a PFDO portal — the address and the code,
   «Проверить соединение» that asks the portal who it is without spending the code — or a regional
   «Навигатор» — the address, the organisation's e-mail and password; then «Подключить». Every
   failure is said with what to do (no network, a wrong address, a wrong or used code, a wrong
   password or a locked account, no keyring): the message comes from the same ``Workspace.enrol`` /
   ``enrol_navigator`` / ``check_portal`` the CLI uses, and the field to fix gets the focus;
3. **the first sync** — a progress bar with what is being done, then how many groups came; a failed
   sync says why and offers «Повторить» or going on to the journal (the PC stays connected, the
   next sync loads the data).

The wizard never blocks the event loop: the network runs on the sync pool (``CollectionOp``), and
the dialog cannot be closed while an answer is awaited. ``outcome`` tells the start-up what the
person chose: ``synced``, ``connected`` (enrolled, the sync failed or was skipped), ``demo`` or
``later``.
"""

from __future__ import annotations

import logging
import sys
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.domain.clock import clock_warning_ru
from pfdo_desktop.workspace_types import PortalCheck

from .common.styles import MUTED_STYLE, make_error_label, message_style
from .errors import error_code, expected_message
from .sync.portal_kind import (
    NAVIGATOR,
    NAVIGATOR_PLACEHOLDER,
    PortalKindChoice,
    kind_of,
    navigator_field,
    navigator_login_problem,
    navigator_refusal_text,
)
from .sync.progress import RemainingTime, sync_progress_text, with_remaining
from .tasks import CollectionOp, Task, sync_pool, write_pool

if TYPE_CHECKING:
    from pfdo_desktop.workspace import SyncReport, Workspace

log = logging.getLogger(__name__)

# Which field a refusal of the enrolment points at: the address, or (by default) the code.
ADDRESS_PROBLEMS = frozenset({"bad_url", "plain_http", "unreachable", "timeout", "garbage", "other_portal",
                              "not_found"})


def refusal_advice(code: str) -> str:
    """What to do after a refused code, beyond the portal's own words ("" when they say it all:
    an address that does not answer or is no portal is worded by ``domain.connection``)."""
    if code == "code_invalid":
        return QCoreApplication.translate(
            "FirstRun",
            "Проверьте код: латинские буквы и цифры, как в письме или на листке. Если он набран "
            "верно, попросите новый код.")
    if code in ("code_used", "code_expired"):
        return QCoreApplication.translate(
            "FirstRun",
            "Каждый код подключения действует один раз и недолго: попросите новый код в "
            "муниципальном опорном центре.")
    return ""


def address_problem(url: str, navigator: bool = False) -> str | None:
    """What is wrong with a portal's (or a ``navigator``'s) address typed by a person (None: it can
    be asked)."""
    if not url:
        if navigator:
            return QCoreApplication.translate("FirstRun", "Введите адрес Навигатора.")
        return QCoreApplication.translate("FirstRun", "Введите адрес портала.")
    parsed = QUrl(url, QUrl.ParsingMode.StrictMode)
    if not parsed.isValid() or parsed.scheme() not in ("http", "https") or not parsed.host():
        if navigator:
            return QCoreApplication.translate(
                "FirstRun",
                "Адрес Навигатора должен начинаться с http:// или https://, например https://р29.навигатор.дети",
            )
        return QCoreApplication.translate(
            "FirstRun",
            "Адрес портала должен начинаться с http:// или https://, например https://pfdo.example.ru",
        )
    return None


class FirstRunWizard(QDialog):
    """The first run's three steps; ``demo_requested`` when the person chose the training portal."""

    demo_requested = Signal()

    CHOICE, CONNECT, SYNC = range(3)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_wizard")
        self.workspace = workspace
        self.outcome = "later"
        self.provider_name = ""
        self.task: Task | None = None
        self.report: SyncReport | None = None
        self.sync_remaining = RemainingTime()
        self.setWindowTitle(self.tr("Начало работы — PFDO Desktop"))
        self.setMinimumWidth(600)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choice_page())
        device = workspace.device()
        self.pages.addWidget(self._connect_page(device.portal_url or "", kind_of(device.portal_id)))
        self.pages.addWidget(self._sync_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.pages.currentChanged.connect(self._on_page_changed)
        self.connect_button.setFocus()

    def _on_page_changed(self, index: int) -> None:
        """Return presses the step's main button: «Подключить», then «Открыть журнал»."""
        self.enrol_button.setDefault(index == self.CONNECT)
        self.finish_button.setDefault(index == self.SYNC)

    # --- step 1: the choice -----------------------------------------------------------------------

    def _choice_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Добро пожаловать в PFDO Desktop"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        intro = QLabel(self.tr(
            "Программа ведёт журнал посещаемости, заявки и карточки программ на этом компьютере и "
            "работает без интернета. Чтобы получить свои группы и детей, подключите компьютер к "
            "региональному порталу ПФДО."))
        intro.setWordWrap(True)
        self.connect_button = QCommandLinkButton(
            self.tr("Подключить к порталу"),
            self.tr("Портал ПФДО — адрес и одноразовый код подключения из муниципального опорного "
                    "центра; Навигатор дополнительного образования — адрес, e-mail и пароль вашей "
                    "организации."))
        self.connect_button.setObjectName("choose_connect")
        self.connect_button.clicked.connect(self.show_connect)
        self.demo_button = QCommandLinkButton(
            self.tr("Открыть учебный портал"),
            self.tr("Демонстрационный район на этом компьютере: можно попробовать всё. Учебные данные "
                    "хранятся отдельно и никуда не отправляются."))
        self.demo_button.setObjectName("choose_demo")
        self.demo_button.clicked.connect(self.choose_demo)
        self.later_button = QPushButton(self.tr("Позже"))
        self.later_button.setToolTip(self.tr(
            "Журнал работает и без подключения; подключить компьютер можно кнопкой «Подключить к "
            "порталу…» на панели инструментов."))
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        box = QVBoxLayout(page)
        box.addWidget(title)
        box.addWidget(intro)
        box.addSpacing(8)
        box.addWidget(self.connect_button)
        box.addWidget(self.demo_button)
        box.addStretch(1)
        box.addLayout(buttons)
        return page

    @Slot()
    def show_connect(self) -> None:
        self.pages.setCurrentIndex(self.CONNECT)
        if not self.url_edit.text():
            self.url_edit.setFocus()
        else:
            (self.email_edit if self.navigator else self.code_edit).setFocus()

    @Slot()
    def choose_demo(self) -> None:
        self.outcome = "demo"
        self.demo_requested.emit()
        self.accept()

    # --- step 2: the connection -------------------------------------------------------------------

    def _connect_page(self, portal_url: str, kind: str) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Подключение к порталу"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.kind_choice = PortalKindChoice(kind)
        self.kind_choice.changed.connect(self._show_kind)
        self.connect_intro = QLabel()
        self.connect_intro.setWordWrap(True)
        self.url_edit = QLineEdit(portal_url)
        self.url_edit.textEdited.connect(self._on_fields_edited)
        self.check_button = QPushButton(self.tr("Проверить соединение"))
        self.check_button.clicked.connect(self.check_connection)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url_edit, 1)
        url_row.addWidget(self.check_button)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("ABCD-EFGH")
        self.code_edit.textEdited.connect(self._on_fields_edited)
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText("org@example.ru")
        self.email_edit.textEdited.connect(self._on_fields_edited)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.textEdited.connect(self._on_fields_edited)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        self.check_label.hide()
        self.error_label = make_error_label()
        self.error_label.setObjectName("connect_error")
        self.connect_form = form = QFormLayout()
        form.addRow(self.tr("Адрес портала:"), url_row)
        form.addRow("", self.check_label)
        form.addRow(self.tr("Код подключения:"), self.code_edit)
        form.addRow(self.tr("E-mail организации:"), self.email_edit)
        form.addRow(self.tr("Пароль:"), self.password_edit)
        self.url_label = form.labelForField(url_row)
        self.back_button = QPushButton(self.tr("Назад"))
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(self.CHOICE))
        self.enrol_button = QPushButton(self.tr("Подключить"))
        for button in (self.check_button, self.back_button):
            button.setAutoDefault(False)  # Return in a field connects, wherever the focus was before
        self.enrol_button.clicked.connect(self.enrol)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.enrol_button)
        box = QVBoxLayout(page)
        box.addWidget(title)
        box.addWidget(self.kind_choice)
        box.addWidget(self.connect_intro)
        box.addLayout(form)
        box.addWidget(self.error_label)
        box.addStretch(1)
        box.addLayout(buttons)
        self._show_kind(kind)
        return page

    @property
    def navigator(self) -> bool:
        """The Navigator is chosen on the connection step (not a PFDO portal)."""
        return self.kind_choice.kind() == NAVIGATOR

    def _show_kind(self, kind: str) -> None:
        """The fields of the kind chosen: the code (and the check) or the e-mail and password."""
        navigator = kind == NAVIGATOR
        if navigator:
            self.connect_intro.setText(self.tr(
                "Введите адрес Навигатора дополнительного образования вашего региона, e-mail и пароль "
                "учётной записи вашей организации в нём — те же, с которыми вы входите в Навигатор. "
                "Пароль хранится только в хранилище паролей этого компьютера."))
            self.url_edit.setPlaceholderText(NAVIGATOR_PLACEHOLDER)
        else:
            self.connect_intro.setText(self.tr(
                "Введите адрес регионального портала и одноразовый код подключения. Код действует один "
                "раз; если он не подходит, попросите новый в муниципальном опорном центре."))
            self.url_edit.setPlaceholderText("https://pfdo.example.ru")
        if isinstance(self.url_label, QLabel):
            self.url_label.setText(self.tr("Адрес Навигатора:") if navigator else self.tr("Адрес портала:"))
        # «Проверить соединение» asks a PFDO portal who it is: a Navigator does not answer that.
        self.check_button.setVisible(not navigator)
        self.check_label.hide()
        self.connect_form.setRowVisible(self.code_edit, not navigator)
        self.connect_form.setRowVisible(self.email_edit, navigator)
        self.connect_form.setRowVisible(self.password_edit, navigator)
        self.error_label.hide()

    def _on_fields_edited(self, _text: str) -> None:
        self.error_label.hide()

    def _say(self, label: QLabel, text: str, error: bool | None) -> None:
        label.setStyleSheet(MUTED_STYLE if error is None else message_style(error))
        label.setText(text)
        label.setVisible(bool(text))

    def _refuse(self, field: QLineEdit, message: str) -> None:
        self._say(self.error_label, message, True)
        field.setFocus()
        field.selectAll()

    @Slot()
    def check_connection(self) -> None:
        """Ask the portal at the typed address who it is (the code is not spent)."""
        url = self.url_edit.text().strip()
        problem = address_problem(url)
        if problem is not None:
            self._refuse(self.url_edit, problem)
            return
        self.error_label.hide()
        self.check_button.setEnabled(False)
        self._say(self.check_label, self.tr("Проверяю…"), None)
        workspace = self.workspace

        def done(check: PortalCheck) -> None:
            self.check_button.setEnabled(True)
            self._say(self.check_label, self.tr("Портал «%1» отвечает (%2 мс). Введите код подключения.")
                      .replace("%1", check.portal_name).replace("%2", str(check.milliseconds)), False)
            self.code_edit.setFocus()

        def failed(exc: BaseException) -> None:
            self.check_button.setEnabled(True)
            self.check_label.hide()
            self._refused(exc)

        self.task = (CollectionOp(self, lambda: workspace.check_portal(url)).success(done)
                     .failure(failed).run_in_background(pool=sync_pool()))

    @Slot()
    def enrol(self) -> None:
        if self.busy:
            return
        url = self.url_edit.text().strip()
        problem = address_problem(url, self.navigator)
        if problem is not None:
            self._refuse(self.url_edit, problem)
            return
        workspace = self.workspace
        if self.navigator:
            email, password = self.email_edit.text().strip(), self.password_edit.text()
            missing = navigator_login_problem(email, password)
            if missing is not None:
                field, message = missing
                self._refuse(self.email_edit if field == "email" else self.password_edit, message)
                return
            enrol = lambda: workspace.enrol_navigator(url, email, password)  # noqa: E731
        else:
            code = self.code_edit.text().strip()
            if not code:
                self._refuse(self.code_edit, self.tr("Введите код подключения."))
                return
            enrol = lambda: workspace.enrol(url, code)  # noqa: E731
        self.error_label.hide()
        self._set_connect_busy(True)
        self.task = (CollectionOp(self, enrol).success(self._on_enrolled)
                     .failure(self._on_enrol_failed).run_in_background(pool=sync_pool()))

    def _set_connect_busy(self, busy: bool) -> None:
        for widget in (self.kind_choice, self.url_edit, self.code_edit, self.email_edit, self.password_edit,
                       self.check_button, self.back_button):
            widget.setEnabled(not busy)
        self.enrol_button.setEnabled(not busy)
        self.enrol_button.setText(self.tr("Подключение…") if busy else self.tr("Подключить"))

    def _on_enrolled(self, provider_name: Any) -> None:
        self._set_connect_busy(False)
        self.password_edit.clear()  # the keyring has it now; the window keeps none
        self.provider_name = str(provider_name)
        self.outcome = "connected"
        log.info("first run: the PC is enrolled")
        self.start_sync()

    def _on_enrol_failed(self, exc: BaseException) -> None:
        self._set_connect_busy(False)
        self._refused(exc)

    def _refused(self, exc: BaseException) -> None:
        """The enrolment's (or the check's) refusal beside the field to fix."""
        message = expected_message(exc)
        if message is None:
            self._refuse(self.password_edit if self.navigator else self.code_edit,
                         self.tr("Подключение не удалось из-за внутренней ошибки."))
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        code = error_code(exc) or ""
        log.info("first run: enrolment refused (%s)", code)
        if self.navigator:
            field_name = navigator_field(code)
            if field_name == "password":
                self.password_edit.clear()  # refused (or not storable): typed again, not kept
            field = {"url": self.url_edit, "email": self.email_edit}.get(field_name, self.password_edit)
            self._refuse(field, navigator_refusal_text(code, message, self.url_edit.text().strip()))
            return
        advice = refusal_advice(code)
        field = self.url_edit if code in ADDRESS_PROBLEMS or code.startswith("http_") else self.code_edit
        self._refuse(field, f"{message}\n{advice}" if advice else message)

    # --- step 3: the first sync -------------------------------------------------------------------

    def _sync_page(self) -> QWidget:
        page = QWidget()
        self.sync_title = QLabel()
        self.sync_title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.sync_title.setWordWrap(True)
        self.sync_label = QLabel()
        self.sync_label.setWordWrap(True)
        self.sync_bar = QProgressBar()
        self.sync_bar.setTextVisible(False)
        self.sync_error = make_error_label()
        self.sync_error.setObjectName("sync_error")
        self.retry_button = QPushButton(self.tr("Повторить"))
        self.retry_button.clicked.connect(self.start_sync)
        self.retry_button.hide()
        self.finish_button = QPushButton(self.tr("Открыть журнал"))
        self.finish_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.finish_button)
        box = QVBoxLayout(page)
        box.addWidget(self.sync_title)
        box.addWidget(self.sync_label)
        box.addWidget(self.sync_bar)
        box.addWidget(self.sync_error)
        box.addStretch(1)
        box.addLayout(buttons)
        return page

    @Slot()
    def start_sync(self) -> None:
        """The first sync: everything of the provider comes from the portal."""
        self.pages.setCurrentIndex(self.SYNC)
        self.sync_title.setText(self.tr("Компьютер подключён: %1").replace("%1", self.provider_name))
        loading = (self.tr("Загружаю группы, детей и расписание из Навигатора…") if self.navigator
                   else self.tr("Загружаю группы, детей и расписание с портала…"))
        self._say(self.sync_label, loading, None)
        self.sync_error.hide()
        self.retry_button.hide()
        self.finish_button.setEnabled(False)
        self.sync_bar.setRange(0, 0)
        self.sync_bar.show()
        self.sync_remaining = RemainingTime()
        workspace = self.workspace
        writes = write_pool()

        def work(report: Any, cancel: threading.Event) -> tuple[SyncReport, int, float | None]:
            writes.waitForDone()
            report_ = workspace.sync(progress=report, cancel=cancel)
            return report_, len(workspace.groups()), workspace.status().clock_offset_s

        self.task = (CollectionOp.reporting(self, work, self._on_progress).success(self._on_synced)
                     .failure(self._on_sync_failed).run_in_background(pool=sync_pool(), delay_ms=0))

    def _on_progress(self, stage: str, done: int, total: int | None) -> None:
        text = sync_progress_text(stage, done, total)
        self._say(self.sync_label, with_remaining(text, self.sync_remaining.update(stage, done, total)), None)
        if total:
            self.sync_bar.setRange(0, total)
            self.sync_bar.setValue(done)
        else:
            self.sync_bar.setRange(0, 0)

    def _on_synced(self, answer: tuple[SyncReport, int, float | None]) -> None:
        report, groups, clock_offset_s = answer
        self.report = report
        self.outcome = "synced"
        self.sync_bar.setRange(0, 1)
        self.sync_bar.setValue(1)
        self.sync_title.setText(self.tr("Готово: данные загружены"))
        done = self.tr(
            "Получено записей: %1, групп: %2. Отметки, которые вы поставите, сохраняются на этом "
            "компьютере и отправляются в Навигатор при синхронизации.") if self.navigator else self.tr(
            "Получено записей: %1, групп: %2. Отметки, которые вы поставите, сохраняются на этом "
            "компьютере и отправляются на портал при синхронизации.")
        self._say(self.sync_label, done.replace("%1", str(report.pulled)).replace("%2", str(groups)), False)
        if clock_warning_ru(clock_offset_s) is not None:  # said now: the journal opens on «today»
            self._say(self.sync_error, self.tr(
                "Часы этого компьютера расходятся с часами портала больше чем на 10 минут. Исправьте "
                "дату, время и часовой пояс в настройках системы: по ним журнал выбирает сегодняшний день."),
                True)
        self.finish_button.setEnabled(True)
        self.finish_button.setFocus()

    def _on_sync_failed(self, exc: BaseException) -> None:
        message = expected_message(exc)
        if message is None:
            message = self.tr("Синхронизация не удалась из-за внутренней ошибки.")
            sys.excepthook(type(exc), exc, exc.__traceback__)
        else:
            log.info("first run: the first sync failed (%s)", error_code(exc))
        self.sync_bar.hide()
        self.sync_title.setText(self.tr("Компьютер подключён, но данные ещё не загружены"))
        self._say(self.sync_label, self.tr(
            "Можно повторить сейчас или открыть журнал: данные загрузятся при следующей "
            "синхронизации (кнопка «Синхронизировать»)."), None)
        self._say(self.sync_error, message, True)
        self.retry_button.show()
        self.finish_button.setEnabled(True)

    # --- closing ----------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def reject(self) -> None:
        if self.busy:
            return  # the portal's answer is awaited: it needs this window
        super().reject()

    def done(self, result: int) -> None:
        self.password_edit.clear()  # closed either way: no password left in a hidden widget
        super().done(result)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.busy:
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)


__all__ = ["FirstRunWizard", "address_problem", "refusal_advice"]
