"""What one sync run carries from stage to stage: the report it fills, and its context."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from pfdo_desktop.models import Database, Device

from .client import Cancelled, PortalClient

ProgressFn = Callable[[str, int, int | None], None]


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    held: int = 0
    pulled: int = 0
    requests: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    seconds: float = 0.0
    pulled_by_entity: dict[str, int] = field(default_factory=dict)

    def summary_ru(self) -> str:
        return (f"отправлено {self.pushed}, получено {self.pulled}, отклонено {self.rejected}")


@dataclass
class RunContext:
    """One run's database, portal client and device (a detached copy of the row), and where it
    reports: the ``SyncReport`` it fills, the progress callback, the cancel event."""

    db: Database
    client: PortalClient
    device: Device
    report: SyncReport
    progress: ProgressFn
    cancel: threading.Event

    def check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled()
