"""What the operator sees in the status bar and in `pfdo-desktop status`, and the issues list."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from pfdo_desktop.models import (
    AttendanceMark,
    Child,
    Database,
    Device,
    Lesson,
    OutboxOp,
    Program,
    Provider,
    StudyGroup,
    SyncIssue,
    SyncRun,
    utcnow,
)

from .rows import Status, SyncIssueRow


def _count(s: Session, model: type, *where: ColumnElement[bool]) -> int:
    return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def status(db: Database) -> Status:
    with db.read() as s:
        device = s.scalar(select(Device))
        last = s.scalar(select(SyncRun).order_by(SyncRun.id.desc()).limit(1))
        last_ok = s.scalar(
            select(SyncRun.finished_at).where(SyncRun.status == "ok").order_by(SyncRun.id.desc()).limit(1)
        )
        return Status(
            enrolled=bool(device and device.device_id),
            portal_url=device.portal_url if device else None,
            provider_name=device.provider_name if device else None,
            providers=_count(s, Provider, Provider.archived.is_(False)),
            programs=_count(s, Program, Program.archived.is_(False)),
            groups=_count(s, StudyGroup, StudyGroup.archived.is_(False)),
            lessons=_count(s, Lesson, Lesson.cancelled.is_(False)),
            children=_count(s, Child, Child.archived.is_(False)),
            marks=_count(s, AttendanceMark),
            pending_ops=_count(s, OutboxOp),
            open_issues=_count(s, SyncIssue, SyncIssue.resolved_at.is_(None)),
            last_sync_at=last_ok,
            last_sync_status=last.status if last else None,
            last_sync_error=last.error if last else None,
            clock_offset_s=device.clock_offset_s if device is not None and last_ok is not None else None,
        )


def open_issues(db: Database) -> list[SyncIssueRow]:
    """The «Требует внимания» list, newest first."""
    with db.read() as s:
        rows = s.scalars(
            select(SyncIssue).where(SyncIssue.resolved_at.is_(None)).order_by(SyncIssue.id.desc())
        ).all()
        return [
            SyncIssueRow(
                id=r.id,
                created_at=r.created_at,
                code=r.code,
                title=str(r.details.get("title", "")),
                message=r.message,
                advice=str(r.details.get("advice", "")),
            )
            for r in rows
        ]


def resolve_issue(db: Database, issue_id: int) -> None:
    """The operator has read and handled the issue: it leaves the list (it stays in the database)."""
    with db.write() as s:
        issue = s.get(SyncIssue, issue_id)
        if issue is not None and issue.resolved_at is None:
            issue.resolved_at = utcnow()
