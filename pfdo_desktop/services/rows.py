"""Frozen rows returned by the services: plain values, safe to hand to any thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class ProgramRow:
    id: int
    name: str
    direction: str


@dataclass(frozen=True, slots=True)
class GroupRow:
    id: int
    name: str
    program_id: int
    program_name: str
    direction: str
    module_name: str
    teacher: str
    date_from: date
    date_to: date
    capacity: int
    children: int
    schedule: str  # «Пн 15:00–15:45, Ср 15:00–15:45»


@dataclass(frozen=True, slots=True)
class LessonColumn:
    lesson_date: date
    time_from: str
    theme: str


@dataclass(frozen=True, slots=True)
class JournalChild:
    child_id: int
    full_name: str
    birth_date: date
    certificate_number: str
    member_from: date
    member_to: date | None

    def is_member_on(self, day: date) -> bool:
        return self.member_from <= day and (self.member_to is None or day <= self.member_to)


@dataclass(frozen=True, slots=True)
class Journal:
    group: GroupRow
    date_from: date
    date_to: date
    lessons: tuple[LessonColumn, ...]
    children: tuple[JournalChild, ...]
    # (child_id, lesson_date) → code
    marks: dict[tuple[int, date], int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MarkChange:
    child_id: int
    code: int | None  # None clears the cell


@dataclass(frozen=True, slots=True)
class AuditRow:
    lesson_date: date
    child_id: int
    old_code: int | None
    new_code: int | None
    changed_at: datetime
    changed_by: str
    reason: str


@dataclass(frozen=True, slots=True)
class SyncIssueRow:
    id: int
    created_at: datetime
    code: str
    title: str  # what happened, for the «Требует внимания» list
    message: str  # the server's reason
    advice: str  # what to do


@dataclass(frozen=True, slots=True)
class Status:
    enrolled: bool
    portal_url: str | None
    provider_name: str | None
    providers: int
    programs: int
    groups: int
    lessons: int
    children: int
    marks: int
    pending_ops: int
    open_issues: int
    last_sync_at: datetime | None
    last_sync_status: str | None
    last_sync_error: str | None

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            out[name] = value.isoformat() if isinstance(value, datetime) else value
        return out
