"""`Workspace`: one operator database and everything done with it (like Anki's Collection).

The UI, the CLI and the tests all go through this façade; it is Qt-free. The UI holds a
`Workspace` and calls its methods only — never a service module, never ``workspace.db`` — and takes
the rows, errors and `Changes` they speak in from `pfdo_desktop.workspace_types`. Every writing
method says with ``@changes(...)`` what it changes, so that the UI's background operation can tell
every screen what to read again (``ui/tasks.py``, ``CollectionOp``).
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from pfdo_desktop import __version__, preferences
from pfdo_desktop.domain.ops import (
    APPLICATION_KINDS,
    CHILD_KINDS,
    LESSON_KINDS,
    MARK_KINDS,
    MONEY_KINDS,
    PROGRAM_KINDS,
    THEME_KINDS,
)
from pfdo_desktop.domain.said import said
from pfdo_desktop.domain.schedule import month_bounds
from pfdo_desktop.models import (
    Database,
    Device,
    OutboxOp,
    StorageError,
    backups,
    daily_backup,
    enrolled_backup,
    open_database,
    utcnow,
)
from pfdo_desktop.models.backups import BackupInfo, BackupSettings, RestoreResult
from pfdo_desktop.models.database import DB_FILENAME
from pfdo_desktop.services import groups as group_service
from pfdo_desktop.services import journal as journal_service
from pfdo_desktop.services import last_journal as last_journal_service
from pfdo_desktop.services import roster as roster_format
from pfdo_desktop.services import status as status_service
from pfdo_desktop.services.errors import NotAllowed
from pfdo_desktop.services.lazy import deferred
from pfdo_desktop.services.money_rows import MoneyDocumentRow
from pfdo_desktop.services.roster import ImportReport, PreviewRow, RawTable
from pfdo_desktop.services.rows import (
    ApplicationRow,
    CardView,
    Catalogue,
    ChildCard,
    ChildRow,
    GroupRow,
    Journal,
    MarkChange,
    MonthView,
    NewChild,
    Precheck,
    ProgramRow,
    Status,
    SyncIssueRow,
)
from pfdo_desktop.workspace_types import (  # the data folder's place: light, read before the ORM at start
    APP_NAME,
    Changes,
    DuplicateChild,
    PortalCheck,
    ProviderIndicators,
    changes,
    default_data_dir,
    note_changes,
    platform_data_dir,
)

if TYPE_CHECKING:
    from pfdo_desktop.domain.documents import (
        AdvanceDoc,
        ApplicationDoc,
        ChartSpec,
        ChildDoc,
        ContractsRegisterDoc,
        IndicatorsReportDoc,
        InvoiceDoc,
        JournalDoc,
    )
    from pfdo_desktop.domain.program_card import GroupCard, ProgramCard
    from pfdo_desktop.domain.updates import UpdateInfo
    from pfdo_desktop.services import applications as application_service
    from pfdo_desktop.services import certificates as certificate_service
    from pfdo_desktop.services import children as child_service
    from pfdo_desktop.services import data_folder
    from pfdo_desktop.services import documents as document_service
    from pfdo_desktop.services import indicators as indicator_service
    from pfdo_desktop.services import lesson_states as lesson_state_service
    from pfdo_desktop.services import lesson_themes as lesson_theme_service
    from pfdo_desktop.services import money_documents as money_document_service
    from pfdo_desktop.services import payment as payment_service
    from pfdo_desktop.services import pending as pending_service
    from pfdo_desktop.services import programs as program_service
    from pfdo_desktop.services import roster_import as roster_service
    from pfdo_desktop.services import updates as update_service
    from pfdo_desktop.services.applications import Refused
    from pfdo_desktop.services.data_folder import MoveRefused
    from pfdo_desktop.services.programs import CardInvalid
    from pfdo_desktop.sync import credentials, portal_identity
    from pfdo_desktop.sync import updates as update_download
    from pfdo_desktop.sync.client import ClientSettings
    from pfdo_desktop.sync.engine import ProgressFn, SyncReport
else:
    # What the journal does not need is imported when first used (issue 15: the last-used journal
    # opens right after the window; the sync's httpx, pydantic and keyring, the other screens' use
    # cases, ≈ 0.3 s of imports, wait until something asks for them).
    application_service = deferred("pfdo_desktop.services.applications")
    certificate_service = deferred("pfdo_desktop.services.certificates")
    child_service = deferred("pfdo_desktop.services.children")
    data_folder = deferred("pfdo_desktop.services.data_folder")
    document_service = deferred("pfdo_desktop.services.documents")
    indicator_service = deferred("pfdo_desktop.services.indicators")
    lesson_state_service = deferred("pfdo_desktop.services.lesson_states")
    lesson_theme_service = deferred("pfdo_desktop.services.lesson_themes")
    money_document_service = deferred("pfdo_desktop.services.money_documents")
    payment_service = deferred("pfdo_desktop.services.payment")
    pending_service = deferred("pfdo_desktop.services.pending")
    program_service = deferred("pfdo_desktop.services.programs")
    roster_service = deferred("pfdo_desktop.services.roster_import")
    update_service = deferred("pfdo_desktop.services.updates")
    credentials = deferred("pfdo_desktop.sync.credentials")
    portal_identity = deferred("pfdo_desktop.sync.portal_identity")
    update_download = deferred("pfdo_desktop.sync.updates")

# Names of the deferred modules this module offers (the use cases' refusals, the sync's report):
# ``from pfdo_desktop.workspace import Refused`` imports their module then (PEP 562).
_DEFERRED_NAMES = {
    "Refused": "pfdo_desktop.services.applications",
    "MoveRefused": "pfdo_desktop.services.data_folder",
    "CardInvalid": "pfdo_desktop.services.programs",
    "SyncReport": "pfdo_desktop.sync.engine",
}


def __getattr__(name: str) -> Any:
    module = _DEFERRED_NAMES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)

# The use cases' own refusals, for the UI's failure handlers (imported where the failure is
# handled: by then the workspace, and with it the ORM, is loaded).
__all__ = [
    "APP_NAME", "OTHER_PROVIDER_MESSAGE", "BackupInfo", "BackupSettings", "CardInvalid", "DataFolderMissing",
    "DataFolderMove", "DuplicateChild", "MoveRefused", "NotConnected", "Refused", "RestoreResult",
    "SyncReport", "UnsentChanges", "Workspace", "default_data_dir", "list_backups", "platform_data_dir",
    "restore_backup",
]  # fmt: skip

log = logging.getLogger(__name__)

OTHER_PROVIDER_MESSAGE = (
    "Эта база уже подключена к другой организации, а код выдан для другой. Попросите код для своей "
    "организации или создайте отдельную папку данных для второй организации."
)


def refuse_plain_http(url: str) -> None:
    """A device's key and children's data never go over plain http to another computer
    (``domain.connection``; ``PFDO_ALLOW_HTTP=1`` for a region's closed network)."""
    from pfdo_desktop.domain.connection import ALLOW_HTTP_ENV, plain_http_problem_ru
    from pfdo_desktop.sync.client import SyncError

    problem = plain_http_problem_ru(url, os.environ.get(ALLOW_HTTP_ENV) == "1")
    if problem is not None:
        raise SyncError(problem, "plain_http")


def ask_who_answers(client: Any, url: str, enrolling: bool = True) -> Any:
    """``/info`` of the portal at ``url`` for an enrolment or a check: no answer or not a portal is
    said as such (what to check), not as a failed sync."""
    from pfdo_desktop.domain.connection import enrol_refusal_ru
    from pfdo_desktop.sync.client import SyncError

    try:
        return client.info()
    except SyncError as exc:
        words = enrol_refusal_ru(exc.code, url, enrolling)
        if words is not None:  # the same error (its kind, code and parts), in a connection's words
            exc.message = words
            exc.args = (words,)
        raise


class DataFolderMissing(StorageError):
    """The data folder chosen in «Настройки» is not there (a disk that is not connected): no new, empty
    database is made in its place."""

    code = "data_folder_missing"

    def __init__(self, folder: Path) -> None:
        super().__init__(said(
            "storage.data_folder_missing",
            f"Папка данных {folder} (выбрана в настройках) не найдена или в ней нет базы. Если она на "
            "отдельном диске или флешке, подключите его и запустите программу снова. Чтобы работать с "
            "другой папкой, запустите программу с ней: pfdo-desktop --data-dir ПАПКА.", folder=str(folder)))
        self.folder = folder


class IncompleteCopy(StorageError):
    """The folder holds a copy that a move began and never completed (killed midway): the data are
    in the old folder; this one may be deleted or chosen again as the move's target."""

    code = "incomplete_copy"

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"В папке {folder} — остатки прерванного переноса данных: копия могла остаться неполной, "
            "программа с ней не работает. Данные — в прежней папке (запускайте программу без --data-dir "
            "или с прежней папкой). Эту папку можно удалить или снова указать как новую папку при переносе.")
        self.folder = folder


class UnsentChanges(NotAllowed):
    """«Отключить ПК от портала» refused: changes the portal has not accepted yet would stay behind."""

    def __init__(self, count: int) -> None:
        super().__init__(said(
            "disconnect.unsent",
            f"На портал ещё не отправлено изменений: {count}. Сначала синхронизируйте, чтобы они дошли до "
            "портала, затем отключайте ПК. Если отключить всё равно, изменения останутся на этом ПК и "
            "уйдут, когда его снова подключат к тому же порталу и той же организации.", count=count),
            reason="unsent")
        self.count = count


class NotConnected(NotAllowed):
    """The PC is not connected to a portal: there is nothing to disconnect."""

    def __init__(self) -> None:
        super().__init__(said("disconnect.not_connected", "ПК не подключён к порталу: отключать нечего."),
                         reason="not_enrolled")


@dataclass(frozen=True)
class DataFolderMove:
    """What «Перенести…» did: the data are in ``target`` and the workspace works there now."""

    source: Path
    target: Path
    size: int  # bytes copied, the database included
    files: int  # besides the database
    old_kept: str | None = None  # why the old folder is still there (the data are safe in the new one)
    schedule_moved: bool = False  # the scheduled sync was registered again for the new folder
    schedule_advice: str | None = None  # what to run by hand when that could not be done
    default_switched: bool = True  # the moved folder was the default one: the default is the new one now
    foreign: tuple[str, ...] = ()  # what in the old folder is not the program's: neither moved nor deleted
    cleared_leftover: bool = False  # the target held an interrupted move's leftover, cleared first

    def message_ru(self) -> str:
        text = f"Данные перенесены в папку {self.target}; программа работает с ней."
        if self.cleared_leftover:
            text += " Остатки прерванного переноса в ней удалены."
        if not self.default_switched:
            text += (" Папка данных по умолчанию не изменилась: эту папку программа открывает, только "
                     f"если указать её — запускайте с --data-dir \"{self.target}\".")
        if self.old_kept is not None:
            text += (f" Прежнюю папку {self.source} удалить не удалось ({self.old_kept}): удалите её "
                     "вручную, когда программа будет закрыта — данные уже в новой папке.")
        elif self.foreign:
            shown = ", ".join(f"«{name}»" for name in self.foreign[:5])
            more = f" и ещё {len(self.foreign) - 5}" if len(self.foreign) > 5 else ""
            text += (f" Файлы программы из прежней папки {self.source} удалены; сама папка оставлена: в ней "
                     f"ваши файлы, которые программе не принадлежат и не переносились ({shown}{more}).")
        else:
            text += f" Прежняя папка {self.source} удалена."
        if self.schedule_moved:
            text += " Синхронизация по расписанию теперь запускается для новой папки."
        if self.schedule_advice:
            text += " " + self.schedule_advice
        return text


# --- backups and restore (issue 10 §4): used when the database cannot be opened ----------------------


def list_backups(data_dir: Path | str | None = None) -> list[BackupInfo]:
    """The backups next to the database (``backups/``), newest first, with what each holds."""
    return backups.list_backups(Path(data_dir) if data_dir is not None else default_data_dir())


def restore_backup(data_dir: Path | str | None, backup: Path | str, force: bool = False) -> RestoreResult:
    """Put a backup in place of the (damaged) database; the replaced file is kept aside. Refused
    while another program has the folder open (``models.backups.restore_backup``)."""
    path = Path(data_dir) if data_dir is not None else default_data_dir()
    return backups.restore_backup(path, Path(backup), force=force)


def hold_sync_lock(data_dir: Path | str) -> Callable[[], None]:
    """Файл → Резервные копии…: the sync lock of ``data_dir`` held until the returned function is
    called — a scheduled sync that starts meanwhile skips its run. Nothing is held when another holds
    it (the restore's own lock refuses then)."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(Path(data_dir) / "sync.lock"))
    try:
        lock.acquire(timeout=0)
    except (Timeout, OSError) as exc:
        log.warning("the sync lock was not taken for a restore: %s", type(exc).__name__)
        return lambda: None
    return lambda: lock.release(force=True)


# What a sync changed, from its report (`Workspace.sync`).
SYNC_STATUS = Changes.PENDING | Changes.ISSUES | Changes.DEVICE  # every run: the outbox, the issues, its time

# A pulled entity → what shows it.
PULLED_CHANGES: dict[str, Changes] = {
    # the provider's name in the title; its billed months: the journal's cells that may change
    "provider": Changes.DEVICE | Changes.MARKS,
    "program": Changes.PROGRAMS | Changes.GROUPS,  # the catalogue; group titles name their programme
    "module": Changes.PROGRAMS | Changes.GROUPS,
    "group": Changes.GROUPS | Changes.PROGRAMS,  # the groups list and the journal; the card's groups
    "schedule_slot": Changes.GROUPS | Changes.PROGRAMS,  # the lessons: the journal's columns
    "child": Changes.CHILDREN,  # the children list and card; the journal's names
    "guardian": Changes.CHILDREN,
    "certificate": Changes.CHILDREN,
    "membership": Changes.APPLICATIONS | Changes.GROUPS,  # the journal's rows, the groups' counts
    "application": Changes.APPLICATIONS,  # the list and the child card
    "mark": Changes.MARKS,
    "lesson_state": Changes.MARKS,  # the journal's columns (cancelled, moved) and its cells
    "lesson_theme": Changes.MARKS,  # the journal's column headers (the theme in the tooltip)
    "invoice": Changes.MONEY,  # the advance requests' and invoices' statuses: «Оплата»
}

# A pushed op's kind → what its answer may change here (a refused mark takes the portal's value,
# a command's answer replaces the local record).
PUSHED_CHANGES: dict[str, Changes] = {
    **dict.fromkeys(MARK_KINDS, Changes.MARKS),
    **dict.fromkeys(LESSON_KINDS, Changes.MARKS),
    **dict.fromkeys(THEME_KINDS, Changes.MARKS),
    **dict.fromkeys(CHILD_KINDS, Changes.CHILDREN | Changes.APPLICATIONS),
    **dict.fromkeys(APPLICATION_KINDS, Changes.APPLICATIONS | Changes.CHILDREN | Changes.GROUPS),
    **dict.fromkeys(PROGRAM_KINDS, Changes.PROGRAMS | Changes.GROUPS),
    **dict.fromkeys(MONEY_KINDS, Changes.MONEY),
}


def _daily_backup(db_path: Path, data_dir: Path) -> None:
    """The day's copy, in the folder chosen in «Настройки» (``backups.json``), the chosen number of
    days kept. A chosen folder that cannot take it (a stick that is full or read-only) costs no work:
    the copy goes to ``backups/`` as before and the log says why."""
    settings = backups.load_backup_settings(data_dir)
    folder = backups.backup_dir(data_dir)
    try:
        daily_backup(db_path, folder, keep=settings.keep_daily)
    except StorageError as exc:
        if folder == backups.default_backup_dir(data_dir):
            raise
        log.warning("the chosen backup folder refused the daily backup (%s): backups/ is used", exc.code)
        daily_backup(db_path, backups.default_backup_dir(data_dir), keep=settings.keep_daily)


def sync_changes(report: SyncReport, waiting: Sequence[str]) -> Changes:
    """What a finished sync changed: the status always; what was pulled, by entity; what the
    answers to the pushed ops (``waiting``: the kinds in the outbox when the run began) change.
    A mark the portal took as it was changes nothing on screen; one it refused or had a later edit
    of does. More pushed than waited (marks typed during the run went too): any kind."""
    what = SYNC_STATUS
    for entity, count in report.pulled_by_entity.items():
        if count:
            what |= PULLED_CHANGES.get(entity, Changes.ALL)
    if report.pushed:
        kinds = set(waiting) if report.pushed <= len(waiting) else set(PUSHED_CHANGES)
        for kind in kinds:
            change = PUSHED_CHANGES.get(kind, Changes.ALL)
            if change == Changes.MARKS and not (report.conflicts or report.rejected):
                continue  # every mark stood as typed: it is on screen already
            what |= change
    return what


if TYPE_CHECKING:
    from pfdo_desktop.models.folder_lock import Hold
    from pfdo_desktop.printing.render import Doc  # every printed document (printing loads on use)


class Workspace:
    """An open operator database in ``data_dir``."""

    def __init__(self, data_dir: Path, db: Database, holds: Sequence[Hold] = ()) -> None:
        self.data_dir = data_dir
        self.db = db
        self._holds = list(holds)  # the folder's locks: "open" (shared), the window's (models/folder_lock.py)
        self._client_settings: ClientSettings | None = None
        self._pull_limit: int | None = None

    @property
    def client_settings(self) -> ClientSettings:
        """Timeouts and retries of the portal's client (tests and the CLI set others)."""
        if self._client_settings is None:
            from pfdo_desktop.sync.client import ClientSettings

            self._client_settings = ClientSettings()
        return self._client_settings

    @client_settings.setter
    def client_settings(self, settings: ClientSettings) -> None:
        self._client_settings = settings

    @property
    def pull_limit(self) -> int:
        """Records a pulled page holds; smaller pages suit a bad line."""
        if self._pull_limit is None:
            from pfdo_desktop.sync.protocol import DEFAULT_PULL_LIMIT

            return DEFAULT_PULL_LIMIT
        return self._pull_limit

    @pull_limit.setter
    def pull_limit(self, limit: int) -> None:
        self._pull_limit = limit

    @classmethod
    def open(cls, data_dir: Path | str | None = None, create: bool = True, window: bool = False) -> Workspace:
        """Open or create the workspace (migrating the database, with a backup first).

        ``create=False`` (read-only commands): no database there raises ``DatabaseMissing`` and
        nothing is created. Storage problems raise ``StorageError`` (models/database.py).

        The folder's "open" lock is held shared until ``close`` (a move or a restore by another
        program is refused meanwhile; one under way is waited for a little, then ``FolderBusy``);
        ``window`` (the window): one window per folder, a second one gets ``WindowAlreadyOpen``.
        A move's unfinished copy is never opened (``IncompleteCopy``).
        """
        from pfdo_desktop.models import folder_lock

        path = Path(data_dir) if data_dir is not None else default_data_dir()
        chosen = data_dir is None and preferences.chosen_data_dir() is not None
        if chosen and not (path / DB_FILENAME).is_file():
            raise DataFolderMissing(path)  # a disconnected disk: never a new, empty database in its place
        if (path / folder_lock.MOVE_MARKER).exists():
            raise IncompleteCopy(path)
        holds = folder_lock.hold_open(path, create=create, window=window)
        try:
            db = open_database(path, create=create)
        except BaseException:
            folder_lock.release_all(holds)
            raise
        try:
            with db.write() as s:
                if s.scalar(select(Device)) is None:
                    s.add(Device(id=1, db_uuid=str(uuid.uuid4()), clock_offset_s=0.0, operator=""))
            _daily_backup(db.path, path)
        except BaseException:
            db.dispose()
            folder_lock.release_all(holds)
            raise
        return cls(path, db, holds)

    def close(self) -> None:
        self.db.dispose()
        while self._holds:  # the connections first, then the folder is free for a move or a restore
            self._holds.pop().release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading ----------------------------------------------------------------------------------

    def status(self) -> Status:
        """The status bar: provider, pending ops, last sync."""
        return status_service.status(self.db)

    def programs(self) -> list[ProgramRow]:
        """The programmes that have groups (the journal's programme filter)."""
        return group_service.list_programs(self.db)

    def teachers(self) -> list[str]:
        """The groups' teachers (the journal's teacher filter)."""
        return group_service.list_teachers(self.db)

    def groups(self, program_id: int | None = None, teacher: str | None = None) -> list[GroupRow]:
        return group_service.list_groups(self.db, program_id=program_id, teacher=teacher)

    def journal(self, group_id: int, date_from: date, date_to: date) -> Journal:
        return journal_service.load_journal(self.db, group_id, date_from, date_to)

    def journal_month(self, group_id: int, month: date) -> Journal:
        """The journal of the month that contains ``month``."""
        first, last = month_bounds(month)
        return journal_service.load_journal(self.db, group_id, first, last)

    def last_journal(self) -> tuple[int, date] | None:
        """(group id, month) of the journal last shown on this PC: the one a start reopens."""
        return last_journal_service.last_journal(self.db)

    def remember_journal(self, group_id: int, month: date) -> None:
        """Keep the journal shown (its group and month) for the next start (no screen shows it:
        it changes nothing another screen reads)."""
        last_journal_service.remember_journal(self.db, group_id, month)

    def issues(self) -> list[SyncIssueRow]:
        """«Требует внимания»: what the portal refused, with its reason."""
        return status_service.open_issues(self.db)

    # --- writing ----------------------------------------------------------------------------------

    @changes(Changes.MARKS | Changes.PENDING)
    def mark(self, group_id: int, lesson_date: date, changes: Sequence[MarkChange]) -> int:
        """Save marks of one lesson at once (one transaction, audited, queued for the portal)."""
        return journal_service.mark_attendance(self.db, group_id, lesson_date, changes)

    @changes(Changes.MARKS | Changes.PENDING)
    def cancel_lesson(self, group_id: int, lesson_date: date, reason: str) -> bool:
        """«Занятие не проведено по вине исполнителя» with the reason (queued for the portal).
        Raises ``ValidationError`` with the rule's reason code (``domain.lessons.state_refusal``)."""
        return lesson_state_service.set_lesson_state(self.db, group_id, lesson_date, "cancelled_by_provider",
                                                     reason=reason)

    @changes(Changes.MARKS | Changes.PENDING)
    def move_lesson(self, group_id: int, lesson_date: date, moved_to: date, reason: str = "") -> bool:
        """«Перенести занятие на …»: the lesson is held on ``moved_to`` (queued for the portal)."""
        return lesson_state_service.set_lesson_state(self.db, group_id, lesson_date, "moved",
                                                     moved_to=moved_to, reason=reason)

    @changes(Changes.MARKS | Changes.PENDING)
    def hold_lesson(self, group_id: int, lesson_date: date) -> bool:
        """«Занятие проведено»: a cancelled or moved lesson back to held on its own date."""
        return lesson_state_service.set_lesson_state(self.db, group_id, lesson_date, "held")

    @changes(Changes.MARKS | Changes.PENDING)
    def set_lesson_theme(self, group_id: int, lesson_date: date, theme: str) -> bool:
        """«Тема занятия» (КТП) of the group's lesson on ``lesson_date``; empty clears it (queued for
        the portal). Raises ``ValidationError`` with the rule's reason code
        (``domain.lesson_themes.theme_refusal``)."""
        return lesson_theme_service.set_lesson_theme(self.db, group_id, lesson_date, theme)

    @changes(Changes.ISSUES)
    def resolve_issue(self, issue_id: int) -> None:
        status_service.resolve_issue(self.db, issue_id)

    # --- children (issue 3) -------------------------------------------------------------------------
    # ``today`` defaults to the PC's date; tests pass it explicitly.

    def search_children(self, query: str, limit: int = 200) -> list[ChildRow]:
        return child_service.search_children(self.db, query, limit=limit)

    def child_card(self, key: str) -> ChildCard:
        return child_service.child_card(self.db, key)

    def validate_new_child(self, form: NewChild, today: date | None = None) -> dict[str, str]:
        """Every rule «Новый ребёнок» breaks, field → Russian message (no reading: as the operator types)."""
        return child_service.validate_new_child(form, today or date.today())

    @changes(Changes.CHILDREN | Changes.PENDING)
    def request_child(self, form: NewChild, today: date | None = None) -> str:
        """Queue «Новый ребёнок» for the portal; returns the request's uid (its key is «r:<uid>»).
        Raises ``ValidationError`` (a field), ``DuplicateChild`` (``.key``: the child known here)."""
        return child_service.request_child(self.db, form, today or date.today())

    @changes(Changes.CHILDREN | Changes.PENDING)
    def request_certificate_activation(self, child_key: str, today: date | None = None,
                                       application_date: date | None = None) -> str:
        """«Запросить ПФ (заявление родителя)»: queue ``certificate.activate`` for the child's
        certificate (answered at the next sync; a refusal goes to «Требует внимания»). Raises
        ``NotAllowed`` (with the rule's ``reason``: already ПФ, no open period) or ``NotFound``."""
        return certificate_service.request_activation(self.db, child_key, today or self.portal_today(),
                                                      application_date)

    @changes(Changes.CHILDREN | Changes.PENDING)
    def resolve_request(self, uid: str, child_id: int | None) -> None:
        """The operator's choice among the portal's candidates (None: a new child)."""
        child_service.resolve_request(self.db, uid, child_id)

    @changes(Changes.CHILDREN | Changes.APPLICATIONS | Changes.PENDING)
    def resend_request(self, uid: str, snils: str) -> str:
        """«Это другой ребёнок»: the request again with the child's СНИЛС; returns the new uid.
        Raises ``DuplicateChild`` when that СНИЛС is another child's known here."""
        return child_service.resend_request(self.db, uid, snils)

    @changes(Changes.CHILDREN | Changes.APPLICATIONS | Changes.PENDING)
    def cancel_pending(self, key: str) -> str:
        """«Отменить неотправленное» of a request («r:<uid>») or an application (its uid); returns
        the kind of the op taken back."""
        return pending_service.cancel_pending(self.db, key)

    # --- applications (issue 3) ---------------------------------------------------------------------

    def precheck(self, child_key: str, group_id: int, start_date: date,
                 today: date | None = None, certificate_number: str | None = None) -> Precheck:
        return application_service.precheck(self.db, child_key, group_id, start_date, today or date.today(),
                                            certificate_number)

    def certificate_prefill(self, child_key: str) -> str:
        """The certificate number this PC sees for the child (a linked child), or ""."""
        return application_service.certificate_prefill(self.db, child_key)

    @changes(Changes.APPLICATIONS | Changes.CHILDREN | Changes.PENDING)
    def submit_application(self, child_key: str, group_id: int, start_date: date,
                           today: date | None = None, certificate_number: str | None = None) -> str:
        """``certificate_number``: from the parent's application; None — the number this PC knows.
        Raises ``Refused`` (``.refusals``) when the rulebook refuses it."""
        return application_service.submit_application(self.db, child_key, group_id, start_date,
                                                      today or date.today(), certificate_number)

    @changes(Changes.APPLICATIONS | Changes.CHILDREN | Changes.PENDING)
    def confirm_application(self, uid: str, today: date | None = None) -> None:
        application_service.confirm_application(self.db, uid, today or date.today())

    @changes(Changes.APPLICATIONS | Changes.CHILDREN | Changes.PENDING)
    def reject_application(self, uid: str, reason: str, comment: str = "") -> None:
        application_service.reject_application(self.db, uid, reason, comment)

    @changes(Changes.APPLICATIONS | Changes.CHILDREN | Changes.PENDING)
    def withdraw_application(self, uid: str, comment: str = "") -> None:
        application_service.withdraw_application(self.db, uid, comment)

    @changes(Changes.APPLICATIONS | Changes.CHILDREN | Changes.PENDING)
    def enrol_application(self, uid: str, order_number: str, order_date: date, date_from: date,
                          today: date | None = None) -> None:
        application_service.enrol_application(self.db, uid, order_number, order_date, date_from, today=today)

    @changes(Changes.APPLICATIONS | Changes.CHILDREN | Changes.PENDING)
    def expel_application(self, uid: str, order_number: str, order_date: date, date_to: date,
                          reason: str, today: date | None = None) -> None:
        application_service.expel_application(self.db, uid, order_number, order_date, date_to, reason,
                                              today=today)

    @changes(Changes.APPLICATIONS | Changes.CHILDREN | Changes.PENDING)
    def transfer_application(self, uid: str, to_group_id: int, on_date: date, order_number: str,
                             order_date: date, today: date | None = None) -> str:
        return application_service.transfer_application(self.db, uid, to_group_id, on_date, order_number,
                                                        order_date, today or date.today())

    @changes(Changes.APPLICATIONS | Changes.CHILDREN | Changes.PENDING)
    def terminate_application(self, uid: str, request_date: date, today: date | None = None) -> None:
        application_service.terminate_application(self.db, uid, request_date, today=today)

    def applications(self, status: str | None = None, group_id: int | None = None,
                     query: str = "") -> list[ApplicationRow]:
        return application_service.list_applications(self.db, status=status, group_id=group_id, query=query)

    def application(self, uid: str) -> ApplicationRow:
        return application_service.get_application(self.db, uid)

    def groups_for_application(self) -> list[GroupRow]:
        """The groups an application may name (the applications' group filter, «Новая заявка»)."""
        return application_service.groups_for_application(self.db)

    # --- roster import (issue 3) --------------------------------------------------------------------

    @staticmethod
    def read_roster(path: Path) -> RawTable:
        """Read an XLSX/CSV roster as text (raises ``RosterFileError`` with what to do); no database."""
        return roster_format.read_table(path)

    def roster_preview(self, table: RawTable, mapping: Mapping[str, int], today: date | None = None
                       ) -> list[PreviewRow]:
        """Every row of ``table`` checked, children already known on this PC flagged."""
        return self.mark_existing(roster_format.preview(table, mapping, today=today or date.today()))

    def roster_mapping(self, headers: Sequence[str]) -> dict[str, int] | None:
        """The column mapping remembered for files with these headers, or None."""
        return roster_service.load_mapping(self.db, headers)

    def save_roster_mapping(self, headers: Sequence[str], mapping: Mapping[str, int]) -> None:
        roster_service.save_mapping(self.db, headers, mapping)

    def mark_existing(self, rows: Sequence[PreviewRow]) -> list[PreviewRow]:
        return roster_service.mark_existing(self.db, rows)

    @changes(Changes.CHILDREN | Changes.PENDING)
    def import_roster(self, rows: Sequence[PreviewRow], today: date | None = None) -> ImportReport:
        """Queue the valid rows of children not known yet as new-child requests (one transaction)."""
        return roster_service.import_rows(self.db, rows, today or date.today())

    # --- programme cards (issue 4) ------------------------------------------------------------------
    # Keys: "p:<id>" a programme the portal knows, "d:<uid>" a local draft (services/programs.py).

    def program_catalogue(self, *, direction: str | None = None, age: int | None = None,
                          registry: str | None = None, status: str | None = None,
                          teacher: str | None = None, text: str = "") -> Catalogue:
        return program_service.catalogue(self.db, direction=direction, age=age, registry=registry,
                                         status=status, teacher=teacher, text=text)

    def program_teachers(self) -> list[str]:
        """The teachers named in the catalogue (its teacher filter)."""
        return program_service.catalogue_teachers(self.db)

    def new_program_card(self) -> ProgramCard:
        return program_service.new_card()

    def open_program(self, key: str) -> CardView:
        return program_service.open_card(self.db, key)

    def program_price_cap(self) -> Decimal | None:
        """The region's cap of a module's price over its normative cost, or None when not set."""
        with self.db.read() as session:
            return program_service.price_cap(session)

    @changes(Changes.PROGRAMS)
    def save_program_draft(self, key: str, card: ProgramCard) -> str:
        """Save the card as a local draft (``key`` "" for a new programme); returns "d:<uid>"."""
        return program_service.save_draft(self.db, key, card)

    @changes(Changes.PROGRAMS | Changes.PENDING)
    def submit_program(self, key: str, today: date | None = None) -> None:
        """«Отправить на модерацию» (raises ``CardInvalid`` with ``.errors``)."""
        program_service.submit_card(self.db, key, today or date.today())

    @changes(Changes.PROGRAMS)
    def resolve_program_conflict(self, key: str, keep_draft: bool) -> str:
        """Keep the draft on top of the portal's new revision, or take the portal's card; returns
        the key to open the card by."""
        return program_service.resolve_conflict(self.db, key, keep_draft=keep_draft)

    @changes(Changes.PROGRAMS | Changes.GROUPS | Changes.PENDING)
    def save_group(self, program_id: int, module_id: int, group: GroupCard) -> str:
        """Queue a new or changed group with its schedule (raises ``CardInvalid``); returns its uid."""
        return program_service.save_group(self.db, program_id, module_id, group)

    # --- printed forms (issue 5) -------------------------------------------------------------------
    # Documents are plain values (domain.documents); ``printing.render`` draws them into one PDF.

    def child_document(self, child_key: str, today: date | None = None) -> ChildDoc:
        """A child's forms: «c:<id>» (a registry child) or «r:<uid>» (a new-child request)."""
        return document_service.child_document(self.db, child_key, today or date.today())

    def application_document(self, uid: str, today: date | None = None) -> ApplicationDoc:
        return document_service.application_document(self.db, uid, today or date.today())

    def group_application_documents(self, group_id: int, today: date | None = None) -> list[ApplicationDoc]:
        """The group's live applications (новая, подтверждена, обучается), by child name."""
        return document_service.group_application_documents(self.db, group_id, today or date.today())

    def child_application_documents(self, child_key: str, today: date | None = None) -> list[ApplicationDoc]:
        """The child's live applications, by start date."""
        return document_service.child_application_documents(self.db, child_key, today or date.today())

    def journal_document(self, group_id: int, month: date, today: date | None = None) -> JournalDoc:
        """The group's attendance journal of the month that contains ``month``."""
        return document_service.journal_document(self.db, group_id, month.year, month.month,
                                                 today or date.today())

    def print_documents(self, form: str, docs: Sequence[Doc], out: Path,
                        progress: Callable[[int, int], None] | None = None,
                        cancel: threading.Event | None = None) -> int:
        """Draw ``docs`` with ``form`` into the PDF ``out``; returns its pages (``printing.render``)."""
        from pfdo_desktop.printing import render

        return render(form, docs, out, progress=progress, cancel=cancel)

    # --- exports to Excel (issue 13, «Экспорт в Excel…») -------------------------------------------
    # What a screen shows, with its filters, to an XLSX file (services/exports.py: openpyxl write-only,
    # long lists streamed from the database). Each returns what it wrote (sheets or lines).

    def export_journal(self, month: date, out: Path, group_id: int | None = None,
                       today: date | None = None) -> int:
        """The journal of the month that contains ``month``: one group, or (None) every group with
        lessons and children in it, a sheet per group; returns the sheets. ``NotFound``: no such group,
        or nothing in the month."""
        from pfdo_desktop.services import exports

        return exports.export_journal(self.db, month, out, group_id, today or date.today())

    def export_children(self, out: Path, query: str = "") -> int:
        """The children list (``query``: the screen's search; all matches) with their certificates."""
        from pfdo_desktop.services import exports

        return exports.export_children(self.db, out, query)

    def export_applications(self, out: Path, *, status: str | None = None, group_id: int | None = None,
                            query: str = "") -> int:
        """The applications list with the screen's filters."""
        from pfdo_desktop.services import exports

        return exports.export_applications(self.db, out, status=status, group_id=group_id, query=query)

    def export_programs(self, out: Path, *, direction: str | None = None, age: int | None = None,
                        registry: str | None = None, status: str | None = None, teacher: str | None = None,
                        text: str = "") -> int:
        """The programme catalogue with the screen's filters (and its modules and groups); returns
        the programmes."""
        from pfdo_desktop.services import exports

        return exports.export_programs(self.db, out, direction=direction, age=age, registry=registry,
                                       status=status, teacher=teacher, text=text)

    # --- the portal -------------------------------------------------------------------------------

    def device(self) -> Device:
        with self.db.read() as s:
            device = s.scalar(select(Device))
            assert device is not None
            s.expunge(device)
            return device

    @property
    def enrolled(self) -> bool:
        return bool(self.device().device_id)

    @changes(Changes.DEVICE)
    def enrol(self, portal_url: str, code: str) -> str:
        """Exchange a one-time code for a device token (kept in the OS keyring). Returns the
        provider's name.

        Nothing is spent or changed until it can succeed: the keyring is checked (a probe entry
        stored and read back) before the code goes to the portal; the portal at ``portal_url`` is
        asked who it is (``/info``) and a PC bound to another portal is refused
        (``other_portal``, sync/portal_identity.py); a PC already bound to a provider sends its id,
        so the portal refuses another provider's code without spending it (``code_other_provider``);
        the previous token stays in the keyring and the device row unchanged until the new token is
        stored, and any failure after the answer puts the previous token back. A failed
        (re-)enrolment leaves the PC exactly as it was. A successful one is followed by a backup, so
        the newest backup holds the enrolled device.
        """
        from pfdo_desktop.sync.client import PortalClient, SyncError
        from pfdo_desktop.sync.protocol import EnrolRequest

        device = self.device()
        url = portal_url.strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise SyncError(said("portal.bad_url", "Адрес портала должен начинаться с http:// или https://"),
                            "bad_url")
        refuse_plain_http(url)
        credentials.check_usable()
        previous = credentials.load_token(device.db_uuid)
        request = EnrolRequest(code=code.strip().upper(), db_uuid=device.db_uuid,
                               app_version=__version__, expected_provider_id=device.provider_id)
        # One attempt each, as the enrolment itself: a mistyped address is said at once.
        with PortalClient(url, settings=replace(self.client_settings, attempts=1)) as client:
            info = ask_who_answers(client, url)  # before the code is spent
            portal_identity.refuse_other_portal_enrol(device, url, info)
            answer = client.enrol(request)
        portal_id = answer.portal_id or info.portal_id
        if device.provider_id is not None and answer.provider_id != device.provider_id:
            # A portal that ignores expected_provider_id spent the code: still, nothing changes here.
            raise SyncError(OTHER_PROVIDER_MESSAGE, "other_provider")
        if device.portal_id and portal_id and portal_id != device.portal_id:
            raise SyncError(portal_identity.other_portal_sync_message(device, url, info.portal_name),
                            portal_identity.OTHER_PORTAL)  # another portal answered the enrolment
        try:
            credentials.store_token(device.db_uuid, answer.token)
            with self.db.write() as s:
                row = s.scalar(select(Device))
                assert row is not None
                if row.provider_id is not None and row.provider_id != answer.provider_id:
                    raise SyncError(OTHER_PROVIDER_MESSAGE, "other_provider")
                row.portal_url, row.device_id = url, answer.device_id
                row.provider_id, row.provider_name = answer.provider_id, answer.provider_name
                row.enrolled_at = utcnow()
                if portal_id:
                    row.portal_id, row.portal_name = portal_id, info.portal_name
        except BaseException:
            credentials.restore_token(device.db_uuid, previous)
            raise
        log.info("device enrolled with the portal (provider %s)", answer.provider_id)
        try:
            enrolled_backup(self.db.path, self.backups_dir)
        except StorageError as exc:  # the PC is enrolled; the day's backup still comes next time
            log.warning("no backup after the enrolment: %s", exc.code)
        return answer.provider_name

    @changes(Changes.DEVICE)
    def enrol_navigator(self, url: str, email: str, password: str) -> str:
        """Connect this PC to a regional «Навигатор» with the organisation's own admin account
        (issue 16, docs/navigator.md): log in, keep the password and the tokens in the OS keyring
        (only once the Navigator accepted them), record the device as a Navigator one
        (``portal_id`` «navigator:<host>:<partner_id>», ``device_id`` «navigator:<e-mail>»). Sync then
        speaks the Navigator's admin API (sync/navigator_adapter.py). Returns the organisation's name.
        A PC bound to another portal or organisation is refused; nothing changes on a failure."""
        from pfdo_desktop.sync.client import SyncError
        from pfdo_desktop.sync.navigator_adapter import portal_id_of
        from pfdo_desktop.sync.navigator_client import NavigatorClient, NavigatorSettings

        device = self.device()
        url = url.strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise SyncError(said("portal.bad_url", "Адрес портала должен начинаться с http:// или https://"),
                            "bad_url")
        refuse_plain_http(url)
        if not email.strip() or not password:
            raise SyncError("Укажите e-mail и пароль учётной записи организации в Навигаторе.", "bad_login")
        credentials.check_usable(navigator=True)  # says «Пароль не сохранён», not a code
        with NavigatorClient(url, email, db_uuid=device.db_uuid,
                             settings=NavigatorSettings(attempts=1)) as client:
            user = client.login(password)
            partner_id = int(user.get("partner_id") or 0)
            events = client.events()
        name = next((str(e.get("partner_name") or "") for e in events), "") or f"Организация {partner_id}"
        portal_id = portal_id_of(url, partner_id)
        if device.portal_id and device.portal_id != portal_id:
            raise SyncError(portal_identity.other_portal_sync_message(device, url, f"Навигатор {url}"),
                            portal_identity.OTHER_PORTAL)
        if device.provider_id is not None and device.provider_id != partner_id:
            raise SyncError(OTHER_PROVIDER_MESSAGE, "other_provider")
        with self.db.write() as s:
            row = s.scalar(select(Device))
            assert row is not None
            row.portal_url, row.device_id = url, f"navigator:{email.strip()}"[:64]
            row.provider_id, row.provider_name = partner_id, name
            row.portal_id, row.portal_name = portal_id, f"Навигатор {url}"
            row.enrolled_at = utcnow()
        log.info("device connected to a Navigator (organisation %s)", partner_id)
        return name

    def is_navigator(self) -> bool:
        """Whether this PC syncs with a regional «Навигатор» (issue 16) rather than a PFDO portal."""
        from pfdo_desktop.domain.navigator import is_navigator

        return is_navigator(self.device().portal_id)

    def navigator_excused_code(self) -> int:
        """The Navigator code «уважительная причина» is sent as: 2 «не был» (default) or 3 «болел»."""
        from pfdo_desktop.services import navigator_settings

        return navigator_settings.excused_code(self.db)

    def set_navigator_excused_code(self, code: int) -> None:
        """Keep the code «уважительная причина» goes as from the next sync (2 or 3, else refused)."""
        from pfdo_desktop.services import navigator_settings

        navigator_settings.set_excused_code(self.db, code)

    def navigator_at_once(self) -> int:
        """How many requests a push to the Navigator sends at once (1 to 5; 3 unless set)."""
        from pfdo_desktop.services import navigator_settings

        return navigator_settings.at_once(self.db)

    def set_navigator_at_once(self, n: int) -> None:
        """Keep ``n`` requests at once from the next sync (1 to 5, else refused)."""
        from pfdo_desktop.services import navigator_settings

        navigator_settings.set_at_once(self.db, n)

    def check_portal(self, portal_url: str | None = None) -> PortalCheck:
        """«Проверить соединение»: ask the portal (this PC's, or ``portal_url``) who it is, once, and
        how long the answer took. ``SyncError`` (Russian: no network, wrong address, not a portal)
        otherwise; nothing is changed."""
        from pfdo_desktop.sync.client import PortalClient, SyncError

        url = (portal_url or self.device().portal_url or "").strip().rstrip("/")
        if not url:
            raise SyncError(said("portal.no_address", "Компьютер ещё не подключён к порталу: укажите адрес "
                                 "портала."), "bad_url")
        if not url.startswith(("http://", "https://")):
            raise SyncError(said("portal.bad_url", "Адрес портала должен начинаться с http:// или https://"),
                            "bad_url")
        refuse_plain_http(url)
        started = time.monotonic()
        with PortalClient(url, settings=replace(self.client_settings, attempts=1)) as client:
            info = ask_who_answers(client, url, enrolling=False)
        elapsed = round((time.monotonic() - started) * 1000)
        return PortalCheck(url, info.portal_name, info.protocol_max, elapsed)

    def schema_version(self) -> str:
        """The database's Alembic revision («0011_provider_requisites»)."""
        from pfdo_desktop.models.database import schema_revision

        return schema_revision(self.db.engine) or ""

    @property
    def backups_dir(self) -> Path:
        """Where the copies go now: the folder chosen in «Настройки» when it is there, else
        ``backups/`` in the data folder (models/backups.py)."""
        return backups.backup_dir(self.data_dir)

    @changes(Changes.DEVICE)
    def relocate_portal(self, portal_url: str) -> None:
        """The portal moved to a new address (same portal, same token; a Navigator: same
        organisation, same account — its identity names the new host)."""
        from pfdo_desktop.domain.navigator import is_navigator
        from pfdo_desktop.sync.navigator_adapter import portal_id_of

        with self.db.write() as s:
            row = s.scalar(select(Device))
            assert row is not None
            row.portal_url = portal_url.strip().rstrip("/")
            if is_navigator(row.portal_id) and row.provider_id is not None:
                row.portal_id = portal_id_of(row.portal_url, row.provider_id)

    def sync(
        self,
        progress: ProgressFn | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncReport:
        """One sync run. Raises ``SyncError`` (with a Russian message) on failure; local data is
        never lost because of it.

        What it changed is noted from its report (`sync_changes`): what was pushed, what was pulled
        of each entity — a sync that brought nothing changes only the status bar. A run that fails
        midway notes everything: the pages pulled before the failure are committed, and which they
        were is not known here."""
        from pfdo_desktop.sync.client import PortalClient, SyncError
        from pfdo_desktop.sync.engine import SyncEngine

        device = self.device()
        if not device.device_id or not device.portal_url:
            note_changes(SYNC_STATUS)  # the attempt is news to nobody but the status bar
            raise SyncError(said("portal.not_enrolled", "ПК ещё не подключён к порталу: введите адрес "
                                 "портала и код подключения."), "not_enrolled")
        if (device.portal_id or "").startswith("navigator:"):  # issue 16: a regional Navigator
            return self._sync_navigator(device, progress, cancel)
        token = credentials.load_token(device.db_uuid)
        if not token:
            note_changes(SYNC_STATUS)
            raise SyncError(said("portal.no_token", "Ключ доступа к порталу не найден в хранилище паролей. "
                                 "Подключите ПК заново новым кодом."), "no_token")
        cancel = cancel or threading.Event()
        with self.db.read() as s:  # what the push may bring answers about
            waiting = list(s.scalars(select(OutboxOp.kind)))
        try:
            with PortalClient(device.portal_url, token=token, settings=self.client_settings,
                              cancel=cancel) as client:
                engine = SyncEngine(self.db, self.data_dir / "sync.lock", client, progress=progress,
                                    cancel=cancel, pull_limit=self.pull_limit)
                report = engine.run()
        except BaseException:
            note_changes(Changes.ALL)  # pulled pages commit on their own
            raise
        note_changes(sync_changes(report, waiting))
        return report

    def _sync_navigator(self, device: Device, progress: ProgressFn | None,
                        cancel: threading.Event | None) -> SyncReport:
        """``sync`` with a Navigator: the same engine over the Navigator adapter."""
        from pfdo_desktop.sync.engine import SyncEngine
        from pfdo_desktop.sync.navigator_adapter import NavigatorAdapter
        from pfdo_desktop.sync.navigator_client import NavigatorClient, NavigatorSettings

        cancel = cancel or threading.Event()
        with self.db.read() as s:
            waiting = list(s.scalars(select(OutboxOp.kind)))
        email = (device.device_id or "").removeprefix("navigator:")
        try:
            settings = NavigatorSettings(concurrency=self.navigator_at_once())
            with NavigatorClient(device.portal_url or "", email, db_uuid=device.db_uuid, settings=settings,
                                 cancel=cancel) as nav:
                adapter = NavigatorAdapter(nav, int(device.provider_id or 0), db=self.db, progress=progress,
                                           excused_code=self.navigator_excused_code())
                engine = SyncEngine(self.db, self.data_dir / "sync.lock", adapter,  # type: ignore[arg-type]
                                    progress=adapter.relay, cancel=cancel, pull_limit=self.pull_limit)
                report = engine.run()
        except BaseException:
            note_changes(Changes.ALL)
            raise
        note_changes(sync_changes(report, waiting))
        return report

    # --- a newer version (issue 14 §5) -----------------------------------------------------------

    def available_update(self) -> UpdateInfo | None:
        """The PFDO Desktop release the portal published at the last sync, when it is newer than
        this program (PEP 440); else None."""
        return update_service.available_update(self.db, __version__)

    def download_update(self, progress: ProgressFn | None = None,
                        cancel: threading.Event | None = None) -> Path:
        """Download the available release into the data folder's ``updates/`` and check its
        SHA-256; returns the checked file. Raises ``SyncError`` (Russian) when there is none, the
        download fails or the checksum does not match (the file is deleted). Runs nothing."""
        from pfdo_desktop.sync.client import SyncError

        release = self.available_update()
        if release is None:
            raise SyncError(said("update.none", "Новой версии программы нет: синхронизируйте, чтобы узнать о "
                                 "ней."), "no_update")
        return update_download.download(release, self.data_dir / update_download.UPDATES_DIRNAME,
                                        self.client_settings, progress, cancel)

    def verify_update(self, path: Path) -> Path:
        """Check a downloaded file against the published SHA-256 once more, right before the OS
        is asked to open it; a file that does not match is deleted (``SyncError``)."""
        from pfdo_desktop.sync.client import SyncError

        release = self.available_update()
        if release is None:
            raise SyncError(said("update.none", "Новой версии программы нет: синхронизируйте, чтобы узнать о "
                                 "ней."), "no_update")
        return update_download.verify(Path(path), release)

    # --- the month's money (issue 12, «Оплата») ---------------------------------------------------
    # Months are (year, month) tuples; ``today`` defaults to the PC's date. Computed from the local
    # database with the domain's rules (services/payment.py); the advance request and the invoice go
    # to the portal as commands and come back with its decisions (services/money_documents.py).

    # --- indicators (issue 13, «Показатели») ---------------------------------------------------------

    def provider_indicators(self, month: tuple[int, int], today: date | None = None) -> ProviderIndicators:
        """The provider's indicators for ``month`` and the year so far, with the charts' figures."""
        return indicator_service.provider_indicators(self.db, month, today or self.portal_today())

    def indicators_report(self, month: tuple[int, int], today: date | None = None) -> IndicatorsReportDoc:
        """«Отчёт о показателях» for ``month``: the table and the charts on one page to sign."""
        return indicator_service.indicators_report(self.db, month, today or self.portal_today())

    def export_indicators(self, month: tuple[int, int], out: Path, today: date | None = None) -> int:
        """The «Показатели» tab's tables to XLSX, a sheet each; returns the sheets."""
        return indicator_service.export_indicators(self.db, month, out, today or self.portal_today())

    @staticmethod
    def indicator_charts(figures: ProviderIndicators) -> tuple[ChartSpec, ...]:
        """What the «Показатели» tab's charts show (the same as the printed report's)."""
        return indicator_service.chart_specs(figures)

    def portal_today(self) -> date:
        """Today on the portal's clock (as measured at the last sync): the day the money documents
        are decided by; the defaults of the methods below."""
        return money_document_service.portal_today(self.db)

    def month_view(self, month: tuple[int, int], today: date | None = None) -> MonthView:
        """Per group the planned / held / cancelled lessons, k, contracts and sums; what blocks closing."""
        return payment_service.month_view(self.db, month, today or self.portal_today())

    def invoice_document(self, month: tuple[int, int], payer: str | None = None,
                         today: date | None = None) -> InvoiceDoc:
        """Счёт за месяц with its annex (``payer``: the month's only payer by default): the one
        standing on the portal, else the one «Отправить на портал» sends (the advance the portal
        holds for the month, the corrections of closed months)."""
        return money_document_service.invoice_to_print(self.db, month, payer, today or self.portal_today())

    def advance_document(self, month: tuple[int, int], payer: str | None = None,
                         today: date | None = None) -> AdvanceDoc:
        """Заявка на аванс за месяц: the one standing on the portal, else today's."""
        return money_document_service.advance_to_print(self.db, month, payer, today or self.portal_today())

    def contracts_register_document(self, month: tuple[int, int], payer: str | None = None,
                                    today: date | None = None) -> ContractsRegisterDoc:
        """Реестр договоров за месяц."""
        return payment_service.register_document(payment_service.load_month(self.db, month),
                                                 today or self.portal_today(), payer)

    def export_month(self, month: tuple[int, int], out: Path) -> int:
        """The month to XLSX for the accountant (the invoices as they are sent); returns the
        contracts written."""
        return money_document_service.export_month(self.db, month, out)

    def print_month_document(self, form: str, doc: InvoiceDoc | AdvanceDoc | ContractsRegisterDoc, out: Path,
                             progress: Callable[[int, int], None] | None = None,
                             cancel: threading.Event | None = None) -> int:
        """Draw one money form (invoice, advance, register) into the PDF ``out``; returns its pages."""
        from pfdo_desktop.printing import render

        return render(form, [doc], out, progress=progress, cancel=cancel)

    def money_documents(self, month: tuple[int, int]) -> list[MoneyDocumentRow]:
        """The month's advance requests and invoices with their statuses on the portal."""
        return money_document_service.month_documents(self.db, month)

    @changes(Changes.MONEY | Changes.PENDING)
    def send_advance(self, month: tuple[int, int], today: date | None = None) -> MoneyDocumentRow:
        """«Отправить на портал» the advance request for ``month`` (queued; a draft until the portal
        answers). Raises ``NotAllowed`` (reason ``too_early`` / ``already_invoiced``)."""
        return money_document_service.send_advance(self.db, month, today or self.portal_today())

    @changes(Changes.MONEY | Changes.PENDING)
    def send_invoice(self, month: tuple[int, int], today: date | None = None) -> MoneyDocumentRow:
        """«Отправить на портал» the invoice for ``month`` with its annex (queued; a draft until the
        portal answers). Raises ``NotAllowed`` (reason ``too_early`` / ``already_invoiced``)."""
        return money_document_service.send_invoice(self.db, month, today or self.portal_today())

    # --- «Настройки»: backups, disconnecting, moving the data folder (issue 14 §2) -------------------

    BACKUP_KEEP_CHOICES = backups.KEEP_CHOICES  # days of daily copies «Настройки» offer

    @property
    def is_demo(self) -> bool:
        """The demo's own folder (``--demo``): recreated at every demo start, never moved."""
        return data_folder.is_demo_folder(self.data_dir)

    def backup_settings(self) -> BackupSettings:
        """Where the copies go (``folder``: None for ``backups/``) and how many days of daily copies
        are kept: the data folder's own (``backups.json``)."""
        return backups.load_backup_settings(self.data_dir)

    def chosen_backups_dir(self) -> Path:
        """The folder «Настройки» name for the copies (it may be missing: a stick not plugged in)."""
        return backups.chosen_backup_dir(self.data_dir)

    def set_backup_settings(self, folder: Path | None, keep_daily: int) -> Path | None:
        """Send the copies to ``folder`` (None: ``backups/``) and keep ``keep_daily`` days of daily
        copies. A new folder gets the day's copy at once (so it is known to take one: otherwise
        ``BackupFolderRefused`` and nothing changes); older daily copies beyond the count are deleted,
        never the last good one. Returns the copy made, if any."""
        return backups.choose_backup_folder(self.data_dir, self.db.path, folder, keep_daily)

    def unsent_count(self) -> int:
        """Changes the portal has not accepted yet (queued or sent without an answer)."""
        from pfdo_desktop.models import OUTBOX_PENDING, OUTBOX_SENT

        with self.db.read() as s:
            return len(s.scalars(select(OutboxOp.id).where(OutboxOp.state.in_((OUTBOX_PENDING, OUTBOX_SENT))))
                       .all())

    @changes(Changes.DEVICE)
    def disconnect(self, force: bool = False) -> int:
        """«Отключить ПК от портала»: the device token leaves the keyring and the PC forgets its
        enrolment (its device id and the portal's address), so the next start offers to connect.
        Returns the changes left unsent.

        Refused (``UnsentChanges``) while the portal has not accepted everything, unless ``force``:
        the local data and the queue are kept either way. What the data belong to — the provider and
        the portal's identity — is kept too, so a new code of the same portal and organisation connects
        the PC again and sends the queue, and another organisation's or portal's code is refused as at
        any re-enrolment (``enrol``). A running sync is waited for (``NotAllowed``)."""
        from filelock import FileLock, Timeout

        device = self.device()
        if not device.device_id:
            raise NotConnected()
        unsent = self.unsent_count()
        if unsent and not force:
            raise UnsentChanges(unsent)
        lock = FileLock(str(self.data_dir / "sync.lock"))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise NotAllowed(said("disconnect.busy", "Идёт синхронизация: дождитесь её окончания и отключите "
                                  "ПК снова."), reason="busy") from None
        try:
            try:
                previous = credentials.load_token(device.db_uuid)
            except credentials.CredentialsUnavailable:
                previous = None  # no keyring: no token either
            try:
                credentials.delete_token(device.db_uuid)
            except credentials.CredentialsUnavailable:
                pass
            try:
                with self.db.write() as s:
                    row = s.scalar(select(Device))
                    assert row is not None
                    row.device_id, row.portal_url, row.enrolled_at = None, None, None
            except BaseException:
                credentials.restore_token(device.db_uuid, previous)
                raise
        finally:
            lock.release()
        if (device.portal_id or "").startswith("navigator:"):  # its password and tokens go too (issue 16)
            from pfdo_desktop.sync.navigator_client import NavigatorCredentials

            try:
                NavigatorCredentials(device.db_uuid).forget()
            except credentials.CredentialsUnavailable:
                pass
        log.info("device disconnected from the portal (%d unsent change(s) kept)", unsent)
        return unsent

    @changes(Changes.ALL)
    def move_data_folder(self, target: Path | str,
                         progress: Callable[[str, int, int | None], None] | None = None) -> DataFolderMove:
        """«Перенести…»: move the data folder to ``target`` (a new or empty folder) and go on working
        there — the workspace is reopened in place on the copy.

        In order: the target is checked (``MoveRefused``: not empty, inside the data folder, no room,
        no access); the sync lock is taken (a scheduled sync waits); the folder's "open" lock is
        taken exclusive — this workspace lets its own shared hold go first; any other program or
        window that has the folder open refuses the move («закройте их и повторите»); the program's
        own entries are copied (the database with SQLite's backup API, the rest file by file — the
        user's own files stay where they are), then checked (integrity, the same rows in every table,
        the same file sizes); the copy is opened; the preference (``preferences.data_dir``) is
        switched when the moved folder was the default one (the window and the commands without
        ``--data-dir`` find the new folder; a folder given with ``--data-dir`` leaves the default as
        it was); the scheduled sync is registered again for it; only then are the program's entries
        deleted from the old folder, and the folder with them when nothing else is in it. Any
        failure before the switch removes what was written in the target and leaves everything as
        it was. The device token is keyed by the database's id and is not touched."""
        from contextlib import ExitStack

        from filelock import FileLock, Timeout

        from pfdo_desktop.models import folder_lock
        from pfdo_desktop.services.data_folder import MoveRefused

        source = Path(os.path.abspath(self.data_dir))
        stay = f"Данные остаются в папке {source}."
        if data_folder.is_demo_folder(source):
            raise MoveRefused("Учебные (демонстрационные) данные не переносятся: перенесите папку данных, "
                              "открыв программу без --demo.")
        was_default = _same_folder(source, default_data_dir())
        goal = data_folder.check_target(source, Path(target))
        lock = FileLock(str(source / "sync.lock"))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise MoveRefused(f"Идёт синхронизация (в этом окне или по расписанию): дождитесь её окончания "
                              f"и повторите перенос. {stay}") from None
        in_use = f"{folder_lock.in_use_message(source)} {stay}"
        own = [hold for hold in self._holds if hold.path.name == folder_lock.OPEN_LOCK]
        window = any(hold.path.name == folder_lock.WINDOW_LOCK for hold in self._holds)
        held = ExitStack()
        try:
            for hold in own:  # ours first: the exclusive lock is the move's only when no one else has one
                self._holds.remove(hold)
                hold.release()
            try:
                held.enter_context(folder_lock.exclusive(source, MoveRefused, in_use))
                # the demo's folder moves with the data: not while a demo window works in it
                held.enter_context(folder_lock.exclusive(source / "demo" / "desktop", MoveRefused, in_use))
            except BaseException:
                held.close()
                self._holds.extend(_hold_again(source, own))
                raise
            try:
                self.db.dispose()  # no connection of ours during the copy; the old one reconnects on use
                report = data_folder.copy_data_folder(source, goal, progress)
                try:
                    holds = folder_lock.hold_open(goal, create=False, window=window)
                    try:
                        moved = open_database(goal)
                    except BaseException:
                        folder_lock.release_all(holds)
                        raise
                    moved.clock = self.db.clock
                except BaseException as exc:
                    data_folder.discard_copy(report)
                    if isinstance(exc, StorageError):
                        raise MoveRefused(f"Копия в папке {goal} не открылась ({exc.message}); перенос "
                                          f"отменён. {stay}") from exc
                    raise
                try:
                    data_folder.finish_copy(report)  # a complete, checked copy from here on
                    if was_default:
                        preferences.update(data_dir=str(goal))
                except OSError as exc:
                    moved.dispose()
                    folder_lock.release_all(holds)
                    data_folder.discard_copy(report)
                    raise MoveRefused(f"Не удалось сохранить новую папку в настройках "
                                      f"({type(exc).__name__}); перенос отменён. {stay}") from exc
            except BaseException:
                held.close()
                self._holds.extend(_hold_again(source, own))
                raise
            old, old_holds = self.db, self._holds
            self.db, self.data_dir, self._holds = moved, goal, holds
            old.dispose()
            folder_lock.release_all(old_holds)  # the old folder's window lock
            log.info("data folder moved (%d files besides the database)", report.files)
            schedule_moved, advice = _move_schedule(source, goal)
            if progress is not None:
                progress("Удаляю прежнюю папку…", 0, None)
            foreign = tuple(data_folder.foreign_entries(source))

            def release() -> None:  # the old folder's locks go before their files are deleted
                held.close()
                lock.release(force=True)

            kept = data_folder.remove_old_folder(source, release=release)
        finally:
            held.close()
            lock.release(force=True)
        return DataFolderMove(source=source, target=goal, size=report.size, files=report.files,
                              old_kept=kept, schedule_moved=schedule_moved, schedule_advice=advice,
                              default_switched=was_default, foreign=foreign,
                              cleared_leftover=report.cleared_leftover)


def _same_folder(a: Path, b: Path) -> bool:
    """``a`` and ``b`` name the same folder (another spelling, a link, a letter case on Windows)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def _hold_again(folder: Path, released: list[Hold]) -> list[Hold]:
    """The shared holds a refused or failed move let go, taken again (a move or restore by another
    program that slipped in between is waited for, as at opening)."""
    from pfdo_desktop.models import folder_lock

    again = []
    for _hold in released:
        hold = folder_lock.try_hold(folder, folder_lock.OPEN_LOCK, exclusive=False,
                                    wait=folder_lock.SHARED_WAIT_S)
        if hold is None:
            log.warning("the data folder's open lock was not taken again after a refused move")
        else:
            again.append(hold)
    return again


def _move_schedule(source: Path, target: Path) -> tuple[bool, str | None]:
    """The scheduled sync of ``source`` (``pfdo-desktop schedule``), registered again for ``target``
    and removed for ``source``: (moved, what to run by hand when the OS refused)."""
    from pfdo_desktop import schedule

    try:
        status = schedule.schedule_status(source)
    except (schedule.ScheduleError, OSError) as exc:
        log.warning("the old folder's schedule could not be read: %s", type(exc).__name__)
        return False, (f"Проверьте синхронизацию по расписанию: pfdo-desktop schedule status --data-dir "
                       f"\"{target}\".")
    if not status.installed:
        return False, None
    plan = status.plan or schedule.Plan(every_minutes=schedule.DEFAULT_EVERY_MINUTES)
    options = []
    if plan.every_minutes:
        options.append(f"--every {plan.every_minutes}m")
    if plan.at is not None:
        options.append(f"--at {plan.at:%H:%M}")
    install = f"pfdo-desktop schedule install --data-dir \"{target}\" {' '.join(options)}".rstrip()
    remove = f"pfdo-desktop schedule remove --data-dir \"{source}\""
    try:
        schedule.install(target, plan)
    except (schedule.ScheduleError, OSError) as exc:
        log.warning("the schedule could not be registered for the new folder: %s", type(exc).__name__)
        return False, ("Синхронизацию по расписанию перенести не удалось: выполните "
                       f"«{install}» и «{remove}».")
    try:
        schedule.remove(source)
    except (schedule.ScheduleError, OSError) as exc:
        log.warning("the old folder's schedule could not be removed: %s", type(exc).__name__)
        return True, f"Старое задание расписания не удалено: выполните «{remove}»."
    return True, None
