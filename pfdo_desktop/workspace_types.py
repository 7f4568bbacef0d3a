"""What crosses the `Workspace` door: the frozen rows it returns, the typed errors it raises, and
`Changes` — what a use case changed, so that every screen refreshes what shows it (Anki's
``OpChanges``).

Light on purpose (no SQLAlchemy, no ORM): the UI imports it while its window is being built, before
the workspace — and with it the ORM, ≈ 300 ms — is loaded on a worker thread
(setup-notes.md, «Speed facts»). The UI takes its types from here and calls only `Workspace`.

How changes travel: a writing `Workspace` method is decorated with ``@changes(Changes.X | …)``;
when it returns it notes them in the log of the thread it ran on. The sync notes what its report
says it pushed and pulled (``note_changes``; everything when it fails midway). The UI's
background operation (``ui/tasks.py``, ``CollectionOp``) opens that log around its work and hands
what it collected to the main window, which tells every screen.
"""

from __future__ import annotations

import enum
import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from platformdirs import user_data_dir

from pfdo_desktop import preferences
from pfdo_desktop.services.errors import DuplicateChild, NotAllowed, NotFound, ServiceError, ValidationError
from pfdo_desktop.services.money_rows import MoneyDocumentRow
from pfdo_desktop.services.roster import (
    FIELD_TITLES as ROSTER_FIELD_TITLES,
)
from pfdo_desktop.services.roster import (
    FIELDS as ROSTER_FIELDS,
)
from pfdo_desktop.services.roster import (
    ImportReport,
    PreviewRow,
    RawTable,
    RosterFileError,
)
from pfdo_desktop.services.roster import (
    guess_mapping as guess_roster_mapping,
)
from pfdo_desktop.services.roster import (
    missing_fields as missing_roster_fields,
)
from pfdo_desktop.services.rows import (
    ApplicationRow,
    AuditRow,
    CardView,
    Catalogue,
    CertificateRow,
    ChildCard,
    ChildRow,
    GroupRow,
    GuardianRow,
    HistoryRow,
    Journal,
    JournalChild,
    LessonColumn,
    MarkChange,
    MoneyBar,
    MonthBlocker,
    MonthGroup,
    MonthView,
    NewChild,
    PeriodRow,
    PortalCheck,
    Precheck,
    ProgramListRow,
    ProgramRow,
    ProviderIndicators,
    Status,
    SyncIssueRow,
)

if TYPE_CHECKING:
    from pfdo_desktop.services.first_journal import StartJournal as StartJournal

__all__ = [
    "ROSTER_FIELDS",
    "ROSTER_FIELD_TITLES",
    "ApplicationRow",
    "AuditRow",
    "CardView",
    "Catalogue",
    "CertificateRow",
    "PeriodRow",
    "ChangeLog",
    "Changes",
    "ChildCard",
    "ChildRow",
    "DuplicateChild",
    "GroupRow",
    "GuardianRow",
    "HistoryRow",
    "ImportReport",
    "Journal",
    "JournalChild",
    "LessonColumn",
    "MarkChange",
    "MoneyDocumentRow",
    "MonthBlocker",
    "MonthGroup",
    "MoneyBar",
    "MonthView",
    "PortalCheck",
    "ProviderIndicators",
    "NEW_PROGRAM_KEY",
    "NewChild",
    "NotAllowed",
    "NotFound",
    "Precheck",
    "PreviewRow",
    "ProgramListRow",
    "ProgramRow",
    "RawTable",
    "RosterFileError",
    "ServiceError",
    "Status",
    "SyncIssueRow",
    "ValidationError",
    "changes",
    "expected_message",
    "guess_roster_mapping",
    "missing_roster_fields",
    "note_changes",
    "pending_title",
    "recording_changes",
]

NEW_PROGRAM_KEY = ""  # `Workspace.save_program_draft(NEW_PROGRAM_KEY, card)`: a new programme

APP_NAME = "pfdo-desktop"


def platform_data_dir() -> Path:
    """The platform's own data folder (``%LOCALAPPDATA%\\pfdo-desktop``, ``~/.local/share/pfdo-desktop``)."""
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_data_dir() -> Path:
    """The data folder when ``--data-dir`` is not given: the one the data were moved to in
    «Настройки» (``preferences.data_dir``), else the platform's own — the window and every command
    find the same data."""
    return preferences.chosen_data_dir() or platform_data_dir()


def start_journal(data_dir: Path | None) -> StartJournal | None:
    """The last-used journal of the data folder ``data_dir`` (None: the default one), read before the
    workspace is opened — straight from the file with the stdlib's sqlite3, before the ORM is loaded
    (issue 15: a start shows it while the workspace opens; ``services.first_journal``). None: nothing
    to show before the workspace is open (the workspace's own read then, as before)."""
    from pfdo_desktop.services.first_journal import read_start_journal

    return read_start_journal(data_dir if data_dir is not None else default_data_dir())


class Changes(enum.Flag):
    """What an operation changed; each screen reads again only what shows it."""

    NONE = 0
    MARKS = enum.auto()  # attendance marks: the journal's cells and totals
    GROUPS = enum.auto()  # the provider's groups, their lessons and members: the groups list, the journal
    CHILDREN = enum.auto()  # children and new-child requests: the children list and cards
    APPLICATIONS = enum.auto()  # applications and their commands: the applications list, child cards
    PROGRAMS = enum.auto()  # programme cards and drafts: the catalogue
    PENDING = enum.auto()  # what waits to be sent to the portal: «Не отправлено: N»
    ISSUES = enum.auto()  # «Требует внимания»
    DEVICE = enum.auto()  # enrolment, the provider, the last sync: the title and the status bar
    MONEY = enum.auto()  # advance requests and invoices sent to the portal, their statuses: «Оплата»
    ALL = MARKS | GROUPS | CHILDREN | APPLICATIONS | PROGRAMS | PENDING | ISSUES | DEVICE | MONEY


class ChangeLog:
    """What the operations run on one thread changed, while the log is open."""

    def __init__(self) -> None:
        self.changes = Changes.NONE


_local = threading.local()


@contextmanager
def recording_changes() -> Iterator[ChangeLog]:
    """Collect what the `Workspace` calls made inside the block (on this thread) change."""
    log = ChangeLog()
    outer: ChangeLog | None = getattr(_local, "log", None)
    _local.log = log
    try:
        yield log
    finally:
        _local.log = outer
        if outer is not None:
            outer.changes |= log.changes


def note_changes(what: Changes) -> None:
    """Add ``what`` to the open log of this thread (none open: nobody listens, nothing to do)."""
    log: ChangeLog | None = getattr(_local, "log", None)
    if log is not None:
        log.changes |= what


P = ParamSpec("P")
T = TypeVar("T")


def changes(what: Changes, *, even_on_failure: bool = False) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Decorate a writing `Workspace` method with what it changes. A use case is one transaction:
    a failure changed nothing, unless ``even_on_failure`` (a sync commits page by page)."""

    def wrap(fn: Callable[P, T]) -> Callable[P, T]:
        @functools.wraps(fn)
        def run(*args: P.args, **kwargs: P.kwargs) -> T:
            try:
                result = fn(*args, **kwargs)
            except BaseException:
                if even_on_failure:
                    note_changes(what)
                raise
            note_changes(what)
            return result

        return run

    return wrap


def pending_title(kind: str) -> str:
    """«отзыв заявки» for the queued command ``application.withdraw`` (the kind itself if unknown).

    The titles live beside the ORM queries that use them, so they are imported on first use: by
    then rows have been read and the ORM is loaded anyway."""
    from pfdo_desktop.services.enrolment_rows import PENDING_TITLES_RU

    return PENDING_TITLES_RU.get(kind, kind)


def expected_message(exc: BaseException) -> str | None:
    """The Russian message of an error the operator can act on — a use case's refusal, a failed
    sync or enrolment, an unusable keyring, a storage problem (a full disk, a damaged database) —
    or None for a bug.

    The sync and storage modules are imported here, not at the top: httpx, pydantic and the ORM
    cost ≈ 400 ms, and by the time one of their errors is met they are loaded anyway."""
    if isinstance(exc, ServiceError):
        return exc.message
    from pfdo_desktop.sync.client import SyncError
    from pfdo_desktop.sync.credentials import CredentialsUnavailable

    if isinstance(exc, (SyncError, CredentialsUnavailable)):
        return exc.message
    from pfdo_desktop.models import DatabaseError

    if isinstance(exc, DatabaseError):
        return exc.message
    return None
