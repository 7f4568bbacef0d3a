"""The local cache of the provider's slice of the regional registry, and the school's own records.

Master rows (provider … membership) are owned by the portal and written only by sync pulls; they
are never hard-deleted locally (a tombstone sets ``archived``), so marks never lose their child or
group. Marks and their audit trail are the school's own.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Money, UtcDateTime


class Provider(Base):
    __tablename__ = "provider"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(Text)
    short_name: Mapped[str] = mapped_column(Text, default="")
    inn: Mapped[str] = mapped_column(String(12), default="")
    ogrn: Mapped[str] = mapped_column(String(15), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    head_name: Mapped[str] = mapped_column(Text, default="")
    municipality: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class Program(Base):
    __tablename__ = "program"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    short_name: Mapped[str] = mapped_column(Text, default="")
    direction: Mapped[str] = mapped_column(String(32))
    registry_code: Mapped[str] = mapped_column("registry", String(32))
    kind: Mapped[str] = mapped_column(String(32), default="")
    form: Mapped[str] = mapped_column(String(32), default="")
    level: Mapped[str] = mapped_column(String(32), default="")
    age_from_months: Mapped[int] = mapped_column(Integer)
    age_to_months: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class Module(Base):
    __tablename__ = "module"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    hours: Mapped[int] = mapped_column(Integer)
    min_children: Mapped[int] = mapped_column(Integer)
    max_children: Mapped[int] = mapped_column(Integer)
    price: Mapped[Decimal] = mapped_column(Money)
    normative_price: Mapped[Decimal] = mapped_column(Money)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class StudyGroup(Base):
    __tablename__ = "study_group"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    module_id: Mapped[int] = mapped_column(ForeignKey("module.id"), index=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), index=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    teacher: Mapped[str] = mapped_column(Text, default="")
    date_from: Mapped[date] = mapped_column(Date)
    date_to: Mapped[date] = mapped_column(Date)
    capacity: Mapped[int] = mapped_column(Integer)
    cancelled_dates: Mapped[list[str]] = mapped_column(JSON, default=list)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class ScheduleSlot(Base):
    __tablename__ = "schedule_slot"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    group_id: Mapped[int] = mapped_column(ForeignKey("study_group.id"), index=True)
    weekday: Mapped[int] = mapped_column(SmallInteger)
    time_from: Mapped[str] = mapped_column(String(5))
    time_to: Mapped[str] = mapped_column(String(5))
    room: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class Lesson(Base):
    """A lesson of a group on a date, generated from the schedule; the school adds theme/hours."""

    __tablename__ = "lesson"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # domain.attendance.lesson_id
    group_id: Mapped[int] = mapped_column(ForeignKey("study_group.id"))
    lesson_date: Mapped[date] = mapped_column(Date)
    time_from: Mapped[str] = mapped_column(String(5), default="")
    time_to: Mapped[str] = mapped_column(String(5), default="")
    theme: Mapped[str] = mapped_column(Text, default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (Index("ix_lesson_group_date", "group_id", "lesson_date", unique=True),)


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_name: Mapped[str] = mapped_column(Text)
    first_name: Mapped[str] = mapped_column(Text)
    middle_name: Mapped[str] = mapped_column(Text, default="")
    birth_date: Mapped[date] = mapped_column(Date)
    snils: Mapped[str] = mapped_column(String(14), default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class Certificate(Base):
    __tablename__ = "certificate"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"), index=True)
    number: Mapped[str] = mapped_column(String(10), index=True)  # text: leading zeros matter
    status: Mapped[str] = mapped_column(String(8))
    nominal: Mapped[Decimal] = mapped_column(Money)
    balance: Mapped[Decimal] = mapped_column(Money)
    reserve: Mapped[Decimal] = mapped_column(Money)
    unit: Mapped[str] = mapped_column(String(8), default="rub")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class Membership(Base):
    """A child's membership of a group (from enrolment to expulsion)."""

    __tablename__ = "membership"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    group_id: Mapped[int] = mapped_column(ForeignKey("study_group.id"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"), index=True)
    date_from: Mapped[date] = mapped_column(Date)
    date_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (Index("ix_membership_group", "group_id", "child_id"),)


class AttendanceMark(Base):
    """One journal cell. Its id is uuid5(group, child, date), so two PCs converge on one row."""

    __tablename__ = "attendance_mark"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("study_group.id"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"))
    lesson_date: Mapped[date] = mapped_column(Date)
    code: Mapped[int] = mapped_column(SmallInteger)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    changed_by: Mapped[str] = mapped_column(String(64), default="")
    __table_args__ = (Index("ix_mark_group_date", "group_id", "lesson_date"),)


class MarkAudit(Base):
    """Every change of a journal cell: who, when, old → new, and why (edit, pulled, lost a conflict)."""

    __tablename__ = "mark_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mark_id: Mapped[str] = mapped_column(String(36), index=True)
    group_id: Mapped[int] = mapped_column(Integer)
    child_id: Mapped[int] = mapped_column(Integer)
    lesson_date: Mapped[date] = mapped_column(Date)
    old_code: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    new_code: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    changed_by: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(String(16))  # edit | pulled | conflict_lost | rejected
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)


AUDIT_EDIT = "edit"
AUDIT_PULLED = "pulled"
AUDIT_CONFLICT_LOST = "conflict_lost"
AUDIT_REJECTED = "rejected"
