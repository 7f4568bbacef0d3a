"""The local cache of the provider's slice of the regional registry, and the school's own records.

Master rows (provider … membership, guardian, application) are owned by the portal and written only
by sync pulls and command answers; they are never hard-deleted locally (a tombstone sets
``archived``), so marks never lose their child or group. Marks and their audit trail, new-child
requests and settings are the school's own. An application made on this PC lives here from the
moment it is queued (status «новая», ``pending_action`` set) and takes the portal's record when the
answer arrives.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Text,
)
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
    # The head's position as the portal sends it («директор»); "" — not known (or an ИП).
    head_position: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The provider's billed months as the portal sends them: their first days in ISO
    # («2026-01-01»); a mark in one is refused ``month_locked`` (services.journal).
    locked_months: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    # Payment requisites and the chief accountant, as the portal sends them (domain.requisites);
    # the invoice and the advance request print them. "" — not known: a line to fill by hand.
    kpp: Mapped[str] = mapped_column(String(9), default="", server_default="")
    bank_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    bik: Mapped[str] = mapped_column(String(9), default="", server_default="")
    account: Mapped[str] = mapped_column(String(20), default="", server_default="")
    corr_account: Mapped[str] = mapped_column(String(20), default="", server_default="")
    chief_accountant: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The region's advance percentage as the portal sends it; None — not known (80, the default).
    advance_percent: Mapped[Decimal | None] = mapped_column(Money, nullable=True)


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
    # Issue 4: the whole card (wire columns of «program»).
    annotation: Mapped[str] = mapped_column(Text, default="", server_default="")
    duration_weeks: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    ovz: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    medical_certificate: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    addresses: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    teachers: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # +1 per publication
    moderation_comment: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Local only: name, short name and teachers casefolded (identity.search_text) for the catalogue.
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")


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
    # Issue 4: a schedule by dates (ISO strings) instead of weekly slots; empty = weekly slots.
    explicit_dates: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")


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
    # A lesson that left the schedule but is kept because it has marks («kept and flagged»).
    off_schedule: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # Its state (issue 12, domain.lessons): held (the default), cancelled_by_provider (with the
    # reason) or moved (to ``moved_to``, which then holds it). Set here or pulled (own stream
    # ``lesson_state``); the later edit wins, dated like a mark.
    state: Mapped[str] = mapped_column(String(24), default="held", server_default="held")
    moved_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    state_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    state_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    state_changed_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    __table_args__ = (Index("ix_lesson_group_date", "group_id", "lesson_date", unique=True),)


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_name: Mapped[str] = mapped_column(Text)
    first_name: Mapped[str] = mapped_column(Text)
    middle_name: Mapped[str] = mapped_column(Text, default="")
    birth_date: Mapped[date] = mapped_column(Date)
    snils: Mapped[str] = mapped_column(String(14), default="")
    doc_kind: Mapped[str] = mapped_column(String(24), default="", server_default="")
    doc_number: Mapped[str] = mapped_column(String(40), default="", server_default="")
    # Local only: «фамилия имя отчество» casefolded with «ё» read as «е» (identity.search_text).
    # SQLite's lower() and LIKE fold ASCII only, so the search runs on this column.
    search_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (Index("ix_child_search", "search_name", "birth_date"),
                      Index("ix_child_birth", "birth_date"))  # the search's dates (services.children)


class ChildSearchWord(Base):
    """The children search's index of words (local only, migration 0013): each word of a child's
    ``search_name`` — split at spaces and hyphens, as the search reads a word — with the child, so
    a typed word finds its children by a range of this key instead of a scan of every name. Written
    only by the triggers on ``child`` (every writer — a sync's upserts, a test's raw SQL — keeps it
    in step); never by the program."""

    __tablename__ = "child_search_word"
    word: Mapped[str] = mapped_column(Text, primary_key=True)
    child_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    __table_args__ = {"sqlite_with_rowid": False}


class ChildSearchSnils(Base):
    """The children search's СНИЛС digits (local only, migration 0013, written by the triggers on
    ``child``): a part of a СНИЛС is looked for in these short strings rather than in every child's
    row."""

    __tablename__ = "child_search_snils"
    child_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    digits: Mapped[str] = mapped_column(Text)


class Guardian(Base):
    """A parent or other legal representative of a child (portal-owned, master ``guardian``)."""

    __tablename__ = "guardian"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    # No foreign key: a guardian may arrive in an earlier page than its child; joins tolerate it.
    child_id: Mapped[int] = mapped_column(Integer, index=True)
    last_name: Mapped[str] = mapped_column(Text, default="")
    first_name: Mapped[str] = mapped_column(Text, default="")
    middle_name: Mapped[str] = mapped_column(Text, default="")
    relation: Mapped[str] = mapped_column(String(16), default="")
    phone: Mapped[str] = mapped_column(String(16), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
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


class CertificatePeriod(Base):
    """A municipality's certificate period (issue 17 §1, ``domain.certificate_periods``): the nominal a
    ПФ certificate gets for it in ``unit``, the quota of ПФ places; ``code``: the municipality's two
    digits in its certificates' numbers. Master entity «period»."""

    __tablename__ = "certificate_period"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    municipality: Mapped[str] = mapped_column(Text, default="")
    code: Mapped[str] = mapped_column(String(2), index=True)
    date_from: Mapped[date] = mapped_column(Date)
    date_to: Mapped[date] = mapped_column(Date)
    nominal: Mapped[Decimal] = mapped_column(Money)
    unit: Mapped[str] = mapped_column(String(8), default="rub")
    quota: Mapped[int] = mapped_column(Integer, default=0)
    unused_days: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(8), default="open")
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


class Application(Base):
    """An application (заявка) and its contract, keyed by the uid made where it was created.

    The wire columns are the portal's (master ``application``, or a command's ``server_record``);
    the status is never changed locally. ``pending_action`` … ``expected_certificate_part`` are
    local: the command sent and not yet answered, and what this PC showed before the answer.
    """

    __tablename__ = "application"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    number: Mapped[str] = mapped_column(String(32), default="")
    # No foreign keys: a local application for a new-child request has no child yet, and a
    # portal row may arrive before its child or group; joins tolerate a missing parent.
    child_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    group_id: Mapped[int] = mapped_column(Integer, index=True)
    provider_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    start_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(8), default="device")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    reason_code: Mapped[str] = mapped_column(String(32), default="")
    reason_text: Mapped[str] = mapped_column(Text, default="")
    order_number: Mapped[str] = mapped_column(String(40), default="")
    order_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_order_number: Mapped[str] = mapped_column(String(40), default="")
    end_order_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_reason: Mapped[str] = mapped_column(String(32), default="")
    contract_number: Mapped[str] = mapped_column(String(40), default="")
    price_total: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    certificate_part: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    parent_part: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    transferred_to: Mapped[str] = mapped_column(String(40), default="")
    history: Mapped[list[dict]] = mapped_column(JSON, default=list)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # Local only.
    pending_action: Mapped[str] = mapped_column(String(32), default="")  # an op kind, "" = in step
    pending_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    child_request_uid: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    expected_certificate_part: Mapped[Decimal | None] = mapped_column(Money, nullable=True)


class ChildRequest(Base):
    """A new-child request (child.create) made on this PC, and the portal's answer to it."""

    __tablename__ = "child_request"
    uid: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_name: Mapped[str] = mapped_column(Text)
    first_name: Mapped[str] = mapped_column(Text)
    middle_name: Mapped[str] = mapped_column(Text, default="")
    birth_date: Mapped[date] = mapped_column(Date)
    snils: Mapped[str] = mapped_column(String(14), default="")
    doc_kind: Mapped[str] = mapped_column(String(24), default="")
    doc_number: Mapped[str] = mapped_column(String(40), default="")
    certificate_number: Mapped[str] = mapped_column(String(10), default="")
    guardian_last_name: Mapped[str] = mapped_column(Text, default="")
    guardian_first_name: Mapped[str] = mapped_column(Text, default="")
    guardian_middle_name: Mapped[str] = mapped_column(Text, default="")
    guardian_relation: Mapped[str] = mapped_column(String(16), default="")
    phone: Mapped[str] = mapped_column(String(16), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    search_name: Mapped[str] = mapped_column(Text, default="", index=True)
    source: Mapped[str] = mapped_column(String(8), default="form")  # form | roster
    state: Mapped[str] = mapped_column(String(16), default="pending")
    child_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    candidates: Mapped[list[dict]] = mapped_column(JSON, default=list)
    message: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


REQUEST_PENDING = "pending"
REQUEST_EXISTING = "existing"
REQUEST_CREATED = "created"
REQUEST_AMBIGUOUS = "ambiguous"
REQUEST_REJECTED = "rejected"
# Requests the children list still shows as requests (the others became a registry child).
REQUEST_OPEN_STATES = (REQUEST_PENDING, REQUEST_AMBIGUOUS, REQUEST_REJECTED)


DRAFT_DRAFT = "draft"  # being edited on this PC
DRAFT_SUBMITTED = "submitted"  # sent (or queued) to moderation: locked until the decision
DRAFT_RETURNED = "returned"  # the moderator returned it with a comment: editable, resubmittable
DRAFT_CONFLICT = "conflict"  # the card changed on the portal under the draft: kept, both shown
DRAFT_STATES = (DRAFT_DRAFT, DRAFT_SUBMITTED, DRAFT_RETURNED, DRAFT_CONFLICT)


class ProgramDraft(Base):
    """A programme card edited on this PC (the school's own until the portal publishes it).

    ``card`` is ``services.programs.card_to_dict`` of a ``ProgramCard`` (groups are not part of it:
    they go to the portal one by one with ``group.save``). ``conflict_card`` is the portal's card
    when it changed under the draft (a pulled revision above ``base_revision``).
    """

    __tablename__ = "program_draft"
    uid: Mapped[str] = mapped_column(String(40), primary_key=True)
    # No foreign key: a new programme has no id until the portal answers.
    program_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    base_revision: Mapped[int] = mapped_column(Integer, default=0)
    card: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(16), default=DRAFT_DRAFT)
    comment: Mapped[str] = mapped_column(Text, default="")
    conflict_card: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AppSetting(Base):
    """The school's own settings kept with its data (a roster's remembered column mapping, …)."""

    __tablename__ = "app_setting"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class AttendanceMark(Base):
    """One journal cell, keyed by the cell itself: (group, lesson date, child), a table without
    rowid stored in that order — a group's month is one range of it, and a first sync's tens of
    thousands of pulled marks go in in key order, where a random key (the cell's uuid) made every
    page of them touch the whole index. The cell's id on the wire and in the audit trail
    (``domain.attendance.mark_id``, uuid5 of the cell, identical on every PC) is derived when
    needed: for an edit, an audit row, an op (migration 0012)."""

    __tablename__ = "attendance_mark"
    group_id: Mapped[int] = mapped_column(ForeignKey("study_group.id"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"))
    lesson_date: Mapped[date] = mapped_column(Date)
    code: Mapped[int] = mapped_column(SmallInteger)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    changed_by: Mapped[str] = mapped_column(String(64), default="")
    __table_args__ = (PrimaryKeyConstraint("group_id", "lesson_date", "child_id"),
                      {"sqlite_with_rowid": False})


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


class LessonThemeAudit(Base):
    """Every change of a lesson's theme (КТП, issue 16): who, when, old → new, and why (edit, pulled,
    lost a conflict, refused by the portal) — the loser of a later-edit-wins is kept here."""

    __tablename__ = "lesson_theme_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    lesson_id: Mapped[str] = mapped_column(String(36), index=True)  # domain.attendance.lesson_id
    group_id: Mapped[int] = mapped_column(Integer)
    lesson_date: Mapped[date] = mapped_column(Date)
    old_theme: Mapped[str] = mapped_column(Text, default="")
    new_theme: Mapped[str] = mapped_column(Text, default="")
    changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    changed_by: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(String(16))  # AUDIT_EDIT | AUDIT_PULLED | AUDIT_CONFLICT_LOST | …
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)


AUDIT_EDIT = "edit"
AUDIT_PULLED = "pulled"
AUDIT_CONFLICT_LOST = "conflict_lost"
AUDIT_REJECTED = "rejected"
