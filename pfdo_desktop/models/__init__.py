"""SQLAlchemy ORM of the local cache and the sync bookkeeping, and the database opener."""

from .base import Base, utcnow
from .database import Database, DatabaseError, DatabaseTooNew, backup_database, open_database
from .entities import (
    AUDIT_CONFLICT_LOST,
    AUDIT_EDIT,
    AUDIT_PULLED,
    AUDIT_REJECTED,
    AttendanceMark,
    Certificate,
    Child,
    Lesson,
    MarkAudit,
    Membership,
    Module,
    Program,
    Provider,
    ScheduleSlot,
    StudyGroup,
)
from .sync_tables import (
    OUTBOX_PENDING,
    OUTBOX_SENT,
    Device,
    OutboxOp,
    SyncCursor,
    SyncIssue,
    SyncRun,
)

__all__ = [
    "AUDIT_CONFLICT_LOST", "AUDIT_EDIT", "AUDIT_PULLED", "AUDIT_REJECTED", "AttendanceMark", "Base",
    "Certificate", "Child", "Database", "DatabaseError", "DatabaseTooNew", "Device", "Lesson",
    "MarkAudit", "Membership", "Module", "OUTBOX_PENDING", "OUTBOX_SENT", "OutboxOp", "Program",
    "Provider", "ScheduleSlot", "StudyGroup", "SyncCursor", "SyncIssue", "SyncRun",
    "backup_database", "open_database", "utcnow",
]
