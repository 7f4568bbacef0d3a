"""The portal's own database: SQLAlchemy Core tables, the engine factory and the change log.

SQLite by default (a file path or ``sqlite:///…``), PostgreSQL by URL (``postgresql+psycopg://…``).

The pull change log (``sync_changes``) keeps one row per (stream, entity, key, provider). Every
change re-stamps that row with a new sequence number taken from the ``counters`` row ``seq`` by
``UPDATE … SET value = value + n RETURNING value`` inside the writing transaction. The row lock is
held until commit, so on PostgreSQL a later transaction cannot take a higher number until the
earlier one has committed: numbers become visible in order and a cursor never skips a late commit.
SQLite serialises writers (``BEGIN IMMEDIATE``), which gives the same guarantee.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Sequence,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    select,
    text,
    update,
)
from sqlalchemy.pool import StaticPool

metadata = MetaData()


def _C_TEXT(length: int) -> Any:  # noqa: N802 — a column type, named as one
    """Text compared byte by byte on PostgreSQL (``COLLATE "C"``): keys that are ASCII codes and
    uuids, indexed by the hundred million in a region (the change log's key, a mark's uid). A
    locale's collation compares them no differently but several times slower, and builds their
    indexes without abbreviated keys. ``marks.mark_uid`` and ``sync_changes.entity_key`` must
    share the collation: the pull joins them. Plain text on SQLite (it has no «C» collation name)."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


providers = Table(
    "providers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(300), nullable=False),
    Column("short_name", String(120), nullable=False, default=""),
    Column("inn", String(12), nullable=False, default=""),
    Column("ogrn", String(15), nullable=False, default=""),
    Column("address", String(300), nullable=False, default=""),
    Column("head_name", String(200), nullable=False, default=""),
    Column("municipality", String(200), nullable=False, default=""),
    # The head's position as the charter names it («директор», «заведующая»); "" for an individual
    # entrepreneur (the printed forms tell one by the name) or when it is not known. The database
    # default too: a script that writes providers as before this column still works, and a new
    # database has the column an older one gains (``_add_missing_columns``).
    Column("head_position", String(200), nullable=False, default="", server_default=""),
    # Payment requisites and the chief accountant, printed on the invoice and the advance request
    # (``domain.requisites``, checked by ``pfdo-portal set-provider-details``); "" — not known.
    Column("kpp", String(9), nullable=False, default="", server_default=""),
    Column("bank_name", String(300), nullable=False, default="", server_default=""),
    Column("bik", String(9), nullable=False, default="", server_default=""),
    Column("account", String(20), nullable=False, default="", server_default=""),
    Column("corr_account", String(20), nullable=False, default="", server_default=""),
    Column("chief_accountant", String(200), nullable=False, default="", server_default=""),
)

programs = Table(
    "programs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("provider_id", Integer, ForeignKey("providers.id"), nullable=False, index=True),
    Column("name", String(400), nullable=False),
    Column("short_name", String(120), nullable=False, default=""),
    Column("direction", String(32), nullable=False),
    Column("registry", String(32), nullable=False),
    Column("kind", String(64), nullable=False, default=""),
    Column("form", String(64), nullable=False, default=""),
    Column("level", String(64), nullable=False, default=""),
    Column("age_from_months", Integer, nullable=False),
    Column("age_to_months", Integer, nullable=False),
    Column("status", String(32), nullable=False, default="published"),
    # The card (issue 4): lists as JSON text, ages in months.
    Column("annotation", Text, nullable=False, default=""),
    Column("duration_weeks", Integer, nullable=False, default=0),
    Column("ovz", Text, nullable=False, default="[]"),  # JSON list of program_card.OVZ_RU keys
    Column("medical_certificate", Boolean, nullable=False, default=False),
    Column("addresses", Text, nullable=False, default="[]"),  # JSON list of text
    Column("teachers", Text, nullable=False, default="[]"),  # JSON list of text
    Column("revision", Integer, nullable=False, default=1),  # +1 on every publication
    Column("moderation_comment", Text, nullable=False, default=""),  # why it was returned
)

modules = Table(
    "modules",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("program_id", Integer, ForeignKey("programs.id"), nullable=False, index=True),
    Column("name", String(300), nullable=False),
    Column("hours", Integer, nullable=False),
    Column("min_children", Integer, nullable=False),
    Column("max_children", Integer, nullable=False),
    Column("price", String(20), nullable=False),  # decimal roubles as text (never float)
    Column("normative_price", String(20), nullable=False),
)

groups = Table(
    "study_groups",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("module_id", Integer, ForeignKey("modules.id"), nullable=False, index=True),
    Column("program_id", Integer, ForeignKey("programs.id"), nullable=False),
    Column("provider_id", Integer, ForeignKey("providers.id"), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("teacher", String(200), nullable=False, default=""),
    Column("date_from", Date, nullable=False),
    Column("date_to", Date, nullable=False),
    Column("capacity", Integer, nullable=False),
    Column("cancelled_dates", Text, nullable=False, default="[]"),  # JSON list of ISO dates
    # A schedule by dates instead of weekly slots (JSON list of ISO dates).
    Column("explicit_dates", Text, nullable=False, default="[]"),
)

schedule_slots = Table(
    "schedule_slots",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("group_id", Integer, ForeignKey("study_groups.id"), nullable=False, index=True),
    Column("weekday", Integer, nullable=False),
    Column("time_from", String(5), nullable=False),
    Column("time_to", String(5), nullable=False),
    Column("room", String(60), nullable=False, default=""),
)

children = Table(
    "children",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("last_name", String(100), nullable=False),
    Column("first_name", String(100), nullable=False),
    Column("middle_name", String(100), nullable=False, default=""),
    Column("birth_date", Date, nullable=False),
    Column("snils", String(14), nullable=False, default=""),
    Column("doc_kind", String(24), nullable=False, default=""),  # domain.applications.DOCUMENT_KINDS_RU
    Column("doc_number", String(40), nullable=False, default=""),
    Index("ix_children_birth_date", "birth_date"),  # the new-child matching looks up by birth date
)

guardians = Table(
    "guardians",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("child_id", Integer, ForeignKey("children.id"), nullable=False, index=True),
    Column("last_name", String(100), nullable=False),
    Column("first_name", String(100), nullable=False),
    Column("middle_name", String(100), nullable=False, default=""),
    Column("relation", String(16), nullable=False, default="mother"),  # applications.RELATIONS_RU
    Column("phone", String(16), nullable=False, default=""),  # +7XXXXXXXXXX
    Column("email", String(254), nullable=False, default=""),
)

certificates = Table(
    "certificates",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("child_id", Integer, ForeignKey("children.id"), nullable=False, index=True),
    Column("number", String(10), nullable=False, unique=True),
    Column("status", String(8), nullable=False),
    Column("nominal", String(20), nullable=False, default="0.00"),
    Column("balance", String(20), nullable=False, default="0.00"),
    Column("reserve", String(20), nullable=False, default="0.00"),
    Column("unit", String(8), nullable=False, default="rub"),
)

memberships = Table(
    "memberships",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("group_id", Integer, ForeignKey("study_groups.id"), nullable=False),
    Column("child_id", Integer, ForeignKey("children.id"), nullable=False, index=True),
    Column("date_from", Date, nullable=False),
    Column("date_to", Date, nullable=True),
    Column("status", String(16), nullable=False, default="active"),
    Index("ix_memberships_group_child", "group_id", "child_id"),
)

# On PostgreSQL the table is partitioned by month of ``lesson_date`` (``create_marks_table``): a
# region keeps ~10⁸ marks a year. The primary key holds the partition key; ``mark_uid`` there has a
# plain (per-partition) index instead of a unique one — PostgreSQL cannot enforce uniqueness
# across partitions without the partition key, and none is needed: the uid is uuid5 of the cell
# (``domain.attendance.mark_id``), so the primary key on the cell already makes it unique.
marks = Table(
    "marks",
    metadata,
    Column("group_id", Integer, ForeignKey("study_groups.id"), primary_key=True),
    Column("child_id", Integer, ForeignKey("children.id"), primary_key=True),
    Column("lesson_date", Date, primary_key=True),
    Column("mark_uid", _C_TEXT(36), nullable=False, unique=True),  # domain.attendance.mark_id
    Column("provider_id", Integer, ForeignKey("providers.id"), nullable=False, index=True),
    # NULL = the cell was cleared (kept so a later clear still beats an older set).
    Column("code", Integer, nullable=True),
    Column("changed_at", DateTime(timezone=True), nullable=False),
    Column("changed_by", String(64), nullable=False, default=""),
    Column("device_id", String(40), nullable=True),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)

# A lesson's state other than the default «held» (issue 12, domain.lessons): cancelled by the
# provider or moved. A lesson set back to held keeps its row with state «held» (like a cleared mark:
# a later «held» still beats an older edit, and its tombstone knows the lesson). A new table: an
# existing database gets it from create_all when the portal opens it.
lesson_states = Table(
    "lesson_states",
    metadata,
    Column("group_id", Integer, ForeignKey("study_groups.id"), primary_key=True),
    Column("lesson_date", Date, primary_key=True),
    Column("lesson_uid", String(36), nullable=False, unique=True),  # domain.attendance.lesson_id
    Column("provider_id", Integer, ForeignKey("providers.id"), nullable=False, index=True),
    Column("state", String(24), nullable=False),  # domain.lessons.LESSON_STATES
    Column("moved_to", Date, nullable=True),
    Column("reason", String(200), nullable=False, default=""),
    Column("changed_at", DateTime(timezone=True), nullable=False),
    Column("changed_by", String(64), nullable=False, default=""),
    Column("device_id", String(40), nullable=True),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)

# A lesson's theme, the КТП (issue 16, domain.lesson_themes). A theme cleared keeps its row with an
# empty theme (a tombstone, like a cleared mark: a later clear still beats an older edit). A new
# table: an existing database gets it from create_all when the portal opens it.
lesson_themes = Table(
    "lesson_themes",
    metadata,
    Column("group_id", Integer, ForeignKey("study_groups.id"), primary_key=True),
    Column("lesson_date", Date, primary_key=True),
    Column("lesson_uid", String(36), nullable=False, unique=True),  # domain.attendance.lesson_id
    Column("provider_id", Integer, ForeignKey("providers.id"), nullable=False, index=True),
    Column("theme", String(500), nullable=False, default=""),  # domain.lesson_themes.THEME_MAX
    Column("changed_at", DateTime(timezone=True), nullable=False),
    Column("changed_by", String(64), nullable=False, default=""),
    Column("device_id", String(40), nullable=True),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)

# An application (заявка) with its contract; the id is the uid made where it was created.
applications = Table(
    "applications",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("number", String(16), nullable=False, unique=True),  # «З-000123»
    Column("child_id", Integer, ForeignKey("children.id"), nullable=False, index=True),
    Column("group_id", Integer, ForeignKey("study_groups.id"), nullable=False),
    Column("provider_id", Integer, ForeignKey("providers.id"), nullable=False, index=True),
    Column("start_date", Date, nullable=False),
    Column("status", String(16), nullable=False),  # domain.applications.APP_*
    Column("source", String(8), nullable=False),  # "device" | "portal"
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=True),
    Column("reason_code", String(32), nullable=False, default=""),
    Column("reason_text", Text, nullable=False, default=""),
    Column("order_number", String(40), nullable=False, default=""),
    Column("order_date", Date, nullable=True),
    Column("end_date", Date, nullable=True),
    Column("end_order_number", String(40), nullable=False, default=""),
    Column("end_order_date", Date, nullable=True),
    Column("end_reason", String(32), nullable=False, default=""),
    Column("contract_number", String(16), nullable=False, default=""),
    # Decimal roubles as text (never float); NULL when the contract carries no certificate money.
    Column("price_total", String(20), nullable=True),
    Column("certificate_part", String(20), nullable=True),
    Column("parent_part", String(20), nullable=True),
    Column("transferred_to", String(40), nullable=True),
    Column("history", Text, nullable=False, default="[]"),  # JSON [{at, status, note}]
    Column("device_id", String(40), nullable=True),  # the PC that created it (NULL: the portal)
    # Portal-only bookkeeping (not on the wire): the certificate holding the reserve and the
    # membership made by the enrolment.
    Column("certificate_id", Integer, ForeignKey("certificates.id"), nullable=True),
    Column("membership_id", Integer, ForeignKey("memberships.id"), nullable=True),
    Index("ix_applications_group_status", "group_id", "status"),
)

# A PC's new-child request (child.create) and the portal's match.
child_requests = Table(
    "child_requests",
    metadata,
    Column("device_id", String(40), primary_key=True),
    Column("uid", String(40), primary_key=True),
    Column("provider_id", Integer, ForeignKey("providers.id"), nullable=False, index=True),
    Column("outcome", String(16), nullable=False),  # created | existing | ambiguous | registered
    # The child the request resolved to, as its provider may see it (created / existing): NULL for
    # «registered» (domain.privacy) and «ambiguous».
    Column("child_id", Integer, ForeignKey("children.id"), nullable=True, index=True),
    Column("candidates", Text, nullable=False, default="[]"),  # JSON list of child ids (linked only)
    Column("payload", Text, nullable=False),  # the child.create payload (for «новый ребёнок»)
    Column("created_at", DateTime(timezone=True), nullable=False),
    # The children the request matched that its provider has no link to (JSON list of ids): never
    # sent; an application with the number of one of their certificates picks the child.
    Column("matched", Text, nullable=False, default="[]"),
)

# Wrong certificate numbers a provider sent (domain.privacy, rule 4): one row per wrong guess, so the
# limit holds across portal processes. Neither the number nor the child is kept.
certificate_guesses = Table(
    "certificate_guesses",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("provider_id", Integer, ForeignKey("providers.id"), nullable=False),
    Column("device_id", String(40), nullable=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_certificate_guesses_provider_at", "provider_id", "at"),
)

# New children a provider's PCs told apart from a namesake in the registry by their СНИЛС
# (domain.privacy, rule 2b): one row each, so the limit holds across portal processes. Neither the
# СНИЛС nor the children are kept.
snils_distinctions = Table(
    "snils_distinctions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("provider_id", Integer, ForeignKey("providers.id"), nullable=False),
    Column("device_id", String(40), nullable=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_snils_distinctions_provider_at", "provider_id", "at"),
)

# A card a PC sent to moderation (program.submit): the submitted content waits here until the
# moderator approves it (then it is copied into programs/modules) or returns it with a comment.
program_revisions = Table(
    "program_revisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("program_id", Integer, ForeignKey("programs.id"), nullable=True, index=True),
    Column("provider_id", Integer, ForeignKey("providers.id"), nullable=False, index=True),
    Column("device_id", String(40), nullable=True),  # NULL: entered on the portal
    # The draft's uid: a resubmission of a returned draft may come with the same uid, so the pair
    # (device, uid) is looked up, not unique.
    Column("uid", String(40), nullable=False),
    Column("base_revision", Integer, nullable=False, default=0),
    Column("card", Text, nullable=False),  # the CardPayload as JSON (modules, no groups)
    Column("status", String(16), nullable=False),  # submitted | approved | returned
    Column("comment", Text, nullable=False, default=""),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=True),
    Index("ix_program_revisions_device_uid", "device_id", "uid"),
)

# Running numbers of applications and certificates: a PostgreSQL sequence (never blocks a
# concurrent writer), a ``counters`` row on SQLite (writers are serialised there anyway).
NUMBER_SEQUENCES = {
    "application_number": Sequence("application_number_seq", metadata=metadata),
    "certificate_number": Sequence("certificate_number_seq", metadata=metadata),
}

mark_audit = Table(
    "mark_audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("group_id", Integer, nullable=False),
    Column("child_id", Integer, nullable=False),
    Column("lesson_date", Date, nullable=False),
    Column("old_code", Integer, nullable=True),
    Column("new_code", Integer, nullable=True),
    Column("changed_at", DateTime(timezone=True), nullable=False),
    Column("changed_by", String(64), nullable=False, default=""),
    Column("device_id", String(40), nullable=True),  # NULL = entered on the portal
    Column("op_id", String(40), nullable=True),
    # applied: the cell changed old → new; lost: an older edit that did not win (new_code is the
    # value the device wanted, old_code the value the portal kept).
    Column("outcome", String(16), nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Index("ix_mark_audit_cell", "group_id", "child_id", "lesson_date"),
)

devices = Table(
    "devices",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("provider_id", Integer, ForeignKey("providers.id"), nullable=False, index=True),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("db_uuid", String(64), nullable=False),
    Column("app_version", String(32), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
    Column("last_seen_at", DateTime(timezone=True), nullable=True),
)

# One-time enrolment codes. The code itself is shown once (``pfdo-portal issue-code``) and never
# stored: the column «code» holds the SHA-256 (hex) of the normalised code, reached in Python as
# ``c.code_sha256``; ``code_hint`` keeps its first letters for lists («AB••-••••»).
enrol_codes = Table(
    "enrol_codes",
    metadata,
    Column("code", String(64), key="code_sha256", primary_key=True),
    Column("code_hint", String(16), nullable=False, default=""),
    Column("provider_id", Integer, ForeignKey("providers.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=True),
    Column("used_by_device", String(40), nullable=True),
)

processed_ops = Table(
    "processed_ops",
    metadata,
    Column("device_id", String(40), primary_key=True),
    Column("op_id", String(40), primary_key=True),
    Column("result", Text, nullable=False),  # the OpResult as JSON
    Column("created_at", DateTime(timezone=True), nullable=False),
)

locked_months = Table(
    "locked_months",
    metadata,
    Column("provider_id", Integer, ForeignKey("providers.id"), primary_key=True),
    Column("month", Date, primary_key=True),  # the first day of the month
    Column("locked_at", DateTime(timezone=True), nullable=False),
)

# The monthly money documents (issue 12, docs/payment.md «On the portal»): one row per advance
# request or invoice a PC sent (``month.advance`` / ``month.invoice``). ``live_key`` is
# ``domain.payment.document_key`` while the document stands and NULL once it is returned, so a
# provider × payer × month has one live advance and one live invoice (NULLs never collide).
# Statuses: sent → accepted → paid, or sent → returned (with ``reason``). Money as decimal text.
money_documents = Table(
    "money_documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("uid", String(40), nullable=False, unique=True),  # made on the PC (the op's payload)
    Column("kind", String(8), nullable=False),  # "advance" | "invoice"
    Column("provider_id", Integer, ForeignKey("providers.id"), nullable=False, index=True),
    Column("payer", String(200), nullable=False),  # the municipality (the provider's «municipality»)
    Column("month", Date, nullable=False),  # the first day of the month
    Column("number", String(40), nullable=False),  # «С-12-2025-11» / «А-12-2025-11»
    Column("status", String(10), nullable=False),
    Column("reason", Text, nullable=False, default=""),  # why it was returned
    Column("percent", String(8), nullable=False, default=""),  # the advance's a %
    Column("base", String(20), nullable=False, default="0.00"),  # the advance's Σ monthly amounts
    Column("total", String(20), nullable=False, default="0.00"),  # the advance's amount / the invoice's total
    Column("advance", String(20), nullable=False, default="0.00"),
    Column("to_pay", String(20), nullable=False, default="0.00"),
    Column("advance_excess", String(20), nullable=False, default="0.00"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=True),
    Column("paid_at", DateTime(timezone=True), nullable=True),
    Column("device_id", String(40), nullable=True),
    Column("op_id", String(40), nullable=True),
    Column("live_key", String(300), nullable=True, unique=True),
    Index("ix_money_documents_provider_month", "provider_id", "month"),
)

# The lines of an invoice's annex (and of an advance: one per contract in force, k empty): the
# contract (application id and number, its date), the certificate number, k %, the sum; a
# correction line («корректировка») names the month it corrects.
money_lines = Table(
    "money_lines",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("money_documents.id"), nullable=False, index=True),
    Column("n", Integer, nullable=False),
    Column("application_id", String(40), nullable=False),
    Column("contract_number", String(16), nullable=False),
    Column("contract_date", Date, nullable=False),
    Column("certificate_number", String(10), nullable=False, default=""),
    Column("k", String(8), nullable=False, default=""),
    Column("amount", String(20), nullable=False),  # the payment (a correction: ± sum)
    Column("monthly_amount", String(20), nullable=False, default="0.00"),  # the certificate's month
    Column("corrects_month", Date, nullable=True),  # a correction line: the month it corrects
    Column("reason", Text, nullable=False, default=""),
)

# Children aged 5–18 of a municipality for a year (issue 13, docs/indicators.md «Portal»): the base of
# the indicators' shares, entered by the municipality (``pfdo-portal population``). ``code``: the
# municipality's two digits in its certificates' numbers («<region><municipality><6 digits>»), the
# same for every year of a municipality — it tells which certificates are the territory's. A new
# table: an existing database gets it from create_all.
population = Table(
    "population",
    metadata,
    Column("municipality", String(200), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("code", String(2), nullable=False),
    Column("children", Integer, nullable=False),
    Column("entered_at", DateTime(timezone=True), nullable=False),
)

# Certificate periods (issue 17 §1, docs/certificates.md; rules: domain.certificate_periods): a
# municipality's year, the nominal a ПФ certificate gets for it (``unit``: rub or hours) and its quota
# of ПФ places. ``code``: the municipality's two digits in its certificates' numbers. Master entity
# «period» (every provider sees every period). New tables: an existing database gets them from
# create_all.
certificate_periods = Table(
    "certificate_periods",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("municipality", String(200), nullable=False, index=True),
    Column("code", String(2), nullable=False),
    Column("date_from", Date, nullable=False),
    Column("date_to", Date, nullable=False),
    Column("nominal", String(20), nullable=False),
    Column("unit", String(8), nullable=False, default="rub"),
    Column("quota", Integer, nullable=False),
    Column("unused_days", Integer, nullable=False, default=0),
    Column("status", String(8), nullable=False, default="open"),  # open / closed
    Column("opened_at", DateTime(timezone=True), nullable=False),
    Column("closed_at", DateTime(timezone=True), nullable=True),
    Column("returned", String(20), nullable=False, default="0.00"),  # what the close gave back
)

# Every decision on a certificate's ПФ status: an activation request (taken or refused with its
# code), a status turned back to учёт as unused. The latest «activated» row dates the status (the
# unused check counts from it).
certificate_activations = Table(
    "certificate_activations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("certificate_id", Integer, ForeignKey("certificates.id"), nullable=False, index=True),
    Column("period_id", Integer, ForeignKey("certificate_periods.id"), nullable=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("source", String(16), nullable=False),  # device / parent / admin / expiry
    Column("provider_id", Integer, nullable=True),  # the provider whose PC sent the request
    Column("outcome", String(24), nullable=False),  # activated / expired / the refusal's code
)

sync_changes = Table(
    "sync_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("seq", BigInteger, nullable=False, unique=True),
    Column("stream", _C_TEXT(8), nullable=False),
    Column("entity", _C_TEXT(32), nullable=False),
    Column("entity_key", _C_TEXT(64), nullable=False),  # str(id), or the mark_uid for marks
    Column("provider_id", Integer, nullable=False),  # whose devices see this change
    Column("deleted", Boolean, nullable=False, default=False),
    # A mark's lesson date (NULL for other entities): the pull finds the mark in its month's
    # partition instead of probing every month's uid index (7× fewer index probes a page, issue 15).
    Column("mark_date", Date, nullable=True),
    # The key and the feed lead with their most selective column, not the two-valued ``stream``:
    # at 10⁸ rows a sort that starts on the uuid (or the provider's number) builds the index
    # several times faster, and ON CONFLICT finds the key by its columns in any order.
    UniqueConstraint("entity_key", "entity", "stream", "provider_id", name="uq_sync_changes_key"),
    Index("ix_sync_changes_feed", "provider_id", "stream", "seq"),
)

counters = Table(
    "counters",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

settings_table = Table(
    "portal_settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# Master entity → its table (in MASTER_ENTITIES order).
MASTER_TABLES: dict[str, Table] = {
    "provider": providers,
    "program": programs,
    "module": modules,
    "group": groups,
    "schedule_slot": schedule_slots,
    "child": children,
    "guardian": guardians,
    "certificate": certificates,
    "membership": memberships,
    "application": applications,
    "period": certificate_periods,
}

# Columns added after the first release: create_schema adds them to an older database
# (the portal has no migrations; create_all only creates missing tables).
_ADDED_COLUMNS: dict[str, tuple[str, ...]] = {
    "providers": ("head_position", "kpp", "bank_name", "bik", "account", "corr_account", "chief_accountant"),
    "children": ("doc_kind", "doc_number"),
    "programs": (
        "annotation",
        "duration_weeks",
        "ovz",
        "medical_certificate",
        "addresses",
        "teachers",
        "revision",
        "moderation_comment",
    ),
    "study_groups": ("explicit_dates",),
    "child_requests": ("matched",),
    "enrol_codes": ("code_hint",),
    "sync_changes": ("mark_date",),
}

SEQ_COUNTER = "seq"
EPOCH_KEY = "epoch"
PRICE_CAP_KEY = "price_cap_ratio"  # the region's price cap over the normative cost (absent: none)
ADVANCE_PERCENT_KEY = "advance_percent"  # the region's advance a %, 0…80 (absent: 80, domain.payment)


# --- engines ------------------------------------------------------------------------------------


def normalize_db_url(db: str | os.PathLike[str]) -> str:
    """A database URL; a plain file path becomes ``sqlite:///<absolute path>``."""
    text_value = os.fspath(db).strip()
    if not text_value:
        raise ValueError("не указана база данных портала")
    if "://" in text_value:
        return text_value
    return "sqlite:///" + str(Path(text_value).expanduser().resolve())


def make_engine(db_url: str, *, pool_size: int = 5) -> Engine:
    """An engine: SQLite with WAL, foreign keys, busy timeout; PostgreSQL with a small pool."""
    url = normalize_db_url(db_url)
    if url.startswith("sqlite"):
        memory = url in ("sqlite://", "sqlite:///:memory:") or ":memory:" in url
        # hide_parameters: an error logged with its SQL never carries a child's name or СНИЛС.
        kwargs: dict = {"connect_args": {"check_same_thread": False, "timeout": 30}, "hide_parameters": True}
        if memory:
            kwargs["poolclass"] = StaticPool
        engine = create_engine(url, **kwargs)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection, _record):
            # Take transaction control from pysqlite so SAVEPOINT and BEGIN IMMEDIATE work.
            dbapi_connection.isolation_level = None
            cur = dbapi_connection.cursor()
            if not memory:
                cur.execute("PRAGMA journal_mode=WAL")
                # Reads through the OS's page cache without a copy per page: a first download
                # joins every change-log row to its mark by the mark's uuid, all over that index,
                # and with SQLite's own 2 MB cache the time per mark grew with the district
                # (issue 15: 1.5 µs a mark at 38 k marks, 2.3 µs at 160 k; 1.4 / 1.6 µs mapped).
                cur.execute("PRAGMA mmap_size=268435456")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            # Writers take the write lock up front: no read→write upgrade deadlocks, and the
            # sequence numbers are handed out in commit order.
            if conn.get_execution_options().get("pfdo_write"):
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                conn.exec_driver_sql("BEGIN")

        return engine
    return create_engine(url, pool_size=pool_size, max_overflow=10, pool_pre_ping=True, pool_recycle=1800,
                         hide_parameters=True)


def create_schema(engine: Engine) -> None:
    """Create missing tables (and columns added since) and the counter/epoch rows; on PostgreSQL the
    marks table partitioned by month, with the partitions of the coming months (``MARK_MONTHS``)."""
    if engine.dialect.name == "postgresql":
        metadata.create_all(engine, tables=[t for t in metadata.sorted_tables if t is not marks])
        with write_tx(engine) as conn:
            create_marks_table(conn)
            ensure_mark_partitions(conn)
    else:
        metadata.create_all(engine)
    _add_missing_columns(engine)
    _hash_plain_enrol_codes(engine)
    with write_tx(engine) as conn:
        for name in (SEQ_COUNTER, *NUMBER_SEQUENCES):
            if conn.execute(select(counters.c.value).where(counters.c.name == name)).first() is None:
                conn.execute(counters.insert().values(name=name, value=0))
        if (
            conn.execute(select(settings_table.c.value).where(settings_table.c.key == EPOCH_KEY)).first()
            is None
        ):
            conn.execute(settings_table.insert().values(key=EPOCH_KEY, value=new_epoch()))


# --- marks partitioned by month (PostgreSQL) -------------------------------------------------------

# Partitions the portal keeps ready at every start: from the September of the previous academic
# year (a PC may still push last year's marks) to this many months after the current one. A mark
# outside lands in ``marks_default`` (never refused); ``ensure_mark_partitions`` moves such rows
# into their month's partition when it creates one.
MARK_MONTHS_AHEAD = 6
MARKS_DEFAULT = "marks_default"
# Serialises partition creation between worker processes opening one database at once.
_PARTITION_LOCK = 0x5046444F4D4B  # «PFDOMK»


def marks_partitioned(conn: Connection) -> bool | None:
    """Is ``marks`` partitioned? None on SQLite (one plain table there) or when it does not exist;
    False for a PostgreSQL database created before partitioning (it stays a plain table)."""
    if conn.dialect.name != "postgresql":
        return None
    kind = conn.exec_driver_sql(
        "SELECT c.relkind FROM pg_class c WHERE c.oid = to_regclass('marks')").scalar()
    return None if kind is None else kind == "p"


def create_marks_table(conn: Connection) -> bool:
    """Create the partitioned marks table on PostgreSQL when it is missing (True when created).

    The columns come from ``marks`` (one definition for both engines); the primary key is the
    cell, which holds the partition key; ``mark_uid`` gets a plain index (see the table's comment).
    """
    if marks_partitioned(conn) is not None:
        return False
    from sqlalchemy.schema import CreateColumn

    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PARTITION_LOCK})")
    if marks_partitioned(conn) is not None:  # another worker was first
        return False
    columns = ",\n  ".join(str(CreateColumn(c).compile(dialect=conn.dialect)) for c in marks.c)
    conn.exec_driver_sql(
        f"CREATE TABLE marks (\n  {columns},\n"
        "  CONSTRAINT marks_pkey PRIMARY KEY (group_id, child_id, lesson_date),\n"
        "  CONSTRAINT marks_group_id_fkey FOREIGN KEY (group_id) REFERENCES study_groups (id),\n"
        "  CONSTRAINT marks_child_id_fkey FOREIGN KEY (child_id) REFERENCES children (id),\n"
        "  CONSTRAINT marks_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES providers (id)\n"
        ") PARTITION BY RANGE (lesson_date)")
    for sql in MARKS_INDEXES:
        conn.exec_driver_sql(sql)
    conn.exec_driver_sql(f"CREATE TABLE {MARKS_DEFAULT} PARTITION OF marks DEFAULT")
    return True


# The partitioned table's indexes besides the primary key (each partition gets its own).
MARKS_INDEXES = (
    "CREATE INDEX ix_marks_mark_uid ON marks (mark_uid)",  # the pull joins the change log by uid
    "CREATE INDEX ix_marks_provider_id ON marks (provider_id)",
)


def month_partition(month: date) -> str:
    """The name of the partition holding the marks of ``month`` (its first day): marks_2025_09."""
    return f"marks_{month.year:04d}_{month.month:02d}"


def _next_month(month: date) -> date:
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def mark_months(today: date, ahead: int = MARK_MONTHS_AHEAD) -> list[date]:
    """The months whose partitions the portal keeps ready on ``today``: from the September of the
    previous academic year to ``ahead`` months after this one."""
    start_year = today.year - 1 if today.month >= 9 else today.year - 2
    month, last = date(start_year, 9, 1), today.replace(day=1)
    for _ in range(ahead):
        last = _next_month(last)
    out = []
    while month <= last:
        out.append(month)
        month = _next_month(month)
    return out


def ensure_mark_partitions(conn: Connection, months: Iterable[date] | None = None) -> list[str]:
    """Create the monthly partitions of ``months`` (default ``mark_months`` of today) that are
    missing; the names created. Rows of such a month already in the default partition move into
    the new one (a partition cannot be added over rows the default holds for its range). Nothing on
    SQLite or on a plain (pre-partitioning) marks table."""
    if not marks_partitioned(conn):
        return []
    wanted = [(m, month_partition(m)) for m in (months if months is not None else mark_months(date.today()))]
    have = set(conn.exec_driver_sql(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = to_regclass('marks')").scalars())
    missing = [(m, name) for m, name in wanted if name not in have]
    if not missing:
        return []
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PARTITION_LOCK})")
    created = []
    for month, name in missing:
        if conn.exec_driver_sql(f"SELECT to_regclass('{name}')").scalar() is not None:
            continue  # another worker made it meanwhile
        lo, hi = month.isoformat(), _next_month(month).isoformat()
        bounds = f"FOR VALUES FROM ('{lo}') TO ('{hi}')"
        stray = conn.exec_driver_sql(
            f"SELECT 1 FROM {MARKS_DEFAULT} WHERE lesson_date >= '{lo}' AND lesson_date < '{hi}' LIMIT 1"
        ).first()
        if stray is None:
            conn.exec_driver_sql(f"CREATE TABLE {name} PARTITION OF marks {bounds}")
        else:
            conn.exec_driver_sql(f"CREATE TABLE {name} (LIKE marks INCLUDING DEFAULTS)")
            conn.exec_driver_sql(
                f"WITH moved AS (DELETE FROM {MARKS_DEFAULT} WHERE lesson_date >= '{lo}' "
                f"AND lesson_date < '{hi}' RETURNING *) INSERT INTO {name} SELECT * FROM moved")
            conn.exec_driver_sql(f"ALTER TABLE marks ATTACH PARTITION {name} {bounds}")
        created.append(name)
    return created


def mark_partitions(conn: Connection) -> list[tuple[str, str, int]]:
    """The marks table's partitions: (name, bounds as PostgreSQL prints them, estimated rows),
    in order of their months (the default last). Empty on SQLite or a plain table."""
    if not marks_partitioned(conn):
        return []
    rows = conn.exec_driver_sql(
        "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid), GREATEST(c.reltuples, 0)::bigint "
        "FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = to_regclass('marks') ORDER BY c.relname").all()
    return sorted(((r[0], r[1], int(r[2])) for r in rows), key=lambda r: (r[0] == MARKS_DEFAULT, r[0]))


def _add_missing_columns(engine: Engine) -> None:
    from sqlalchemy import inspect

    inspector = inspect(engine)
    for table_name, names in _ADDED_COLUMNS.items():
        have = {c["name"] for c in inspector.get_columns(table_name)}
        missing = [metadata.tables[table_name].c[n] for n in names if n not in have]
        if not missing:
            continue
        with write_tx(engine) as conn:
            for col in missing:
                kind = col.type.compile(dialect=engine.dialect)
                default = getattr(col.default, "arg", None)
                tail = ""
                if isinstance(default, bool):
                    pg = engine.dialect.name == "postgresql"
                    literal = ("TRUE" if default else "FALSE") if pg else str(int(default))
                    tail = f" NOT NULL DEFAULT {literal}"
                elif isinstance(default, int):
                    tail = f" NOT NULL DEFAULT {default}"
                elif isinstance(default, str):
                    tail = f" NOT NULL DEFAULT '{default}'"
                conn.exec_driver_sql(f"ALTER TABLE {table_name} ADD COLUMN {col.name} {kind}{tail}")
            if table_name == "sync_changes" and any(col.name == "mark_date" for col in missing):
                # The change log's marks learn their dates once, from the marks they point at.
                conn.exec_driver_sql(
                    "UPDATE sync_changes SET mark_date = (SELECT m.lesson_date FROM marks m "
                    "WHERE m.mark_uid = sync_changes.entity_key) WHERE entity = 'mark'")


def enrol_code_sha256(normalized_code: str) -> str:
    """What the database keeps of an enrolment code (``service.normalize_enrol_code`` first)."""
    return hashlib.sha256(normalized_code.encode("utf-8")).hexdigest()


def enrol_code_hint(normalized_code: str) -> str:
    """The part of a code a list may show: two letters of eight («AB••-••••»)."""
    return normalized_code[:2] + "••-••••"


_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


def _hash_plain_enrol_codes(engine: Engine) -> None:
    """A database from before codes were hashed holds them in plain text: hash them in place.

    On PostgreSQL the column is widened first (it was VARCHAR(16)); SQLite does not check lengths.
    A plain code is at most 9 characters («ABCD-EFGH»), so it never looks like a hash.
    """
    from sqlalchemy import inspect

    if engine.dialect.name == "postgresql":
        column = next(c for c in inspect(engine).get_columns("enrol_codes") if c["name"] == "code")
        length = getattr(column["type"], "length", None)
        if length is not None and length < 64:
            with write_tx(engine) as conn:
                conn.exec_driver_sql("ALTER TABLE enrol_codes ALTER COLUMN code TYPE VARCHAR(64)")
    c = enrol_codes.c
    with read_tx(engine) as conn:
        plain = [row[0] for row in conn.execute(select(c.code_sha256))
                 if not _SHA256_HEX.fullmatch(row[0])]
    if not plain:
        return
    with write_tx(engine) as conn:
        for code in plain:
            conn.execute(
                update(enrol_codes)
                .where(c.code_sha256 == code)
                .values(code_sha256=enrol_code_sha256(code), code_hint=enrol_code_hint(code))
            )


def drop_schema(engine: Engine) -> None:
    metadata.drop_all(engine)


@contextmanager
def write_tx(engine: Engine) -> Iterator[Connection]:
    """A writing transaction (``BEGIN IMMEDIATE`` on SQLite)."""
    with engine.connect() as conn:
        conn = conn.execution_options(pfdo_write=True)
        with conn.begin():
            yield conn


@contextmanager
def read_tx(engine: Engine) -> Iterator[Connection]:
    """A reading transaction: one consistent snapshot."""
    with engine.connect() as conn, conn.begin():
        yield conn


@contextmanager
def open_engine(db_url: str) -> Iterator[Engine]:
    """A short-lived engine with the schema in place (used by the admin functions and seeding)."""
    engine = make_engine(db_url, pool_size=2)
    try:
        create_schema(engine)
        yield engine
    finally:
        engine.dispose()


# --- epoch and sequence -------------------------------------------------------------------------


def new_epoch() -> str:
    return secrets.token_hex(4)


def get_epoch(conn: Connection) -> str:
    return conn.execute(select(settings_table.c.value).where(settings_table.c.key == EPOCH_KEY)).scalar_one()


def set_epoch(conn: Connection, epoch: str) -> None:
    conn.execute(update(settings_table).where(settings_table.c.key == EPOCH_KEY).values(value=epoch))


def get_setting(conn: Connection, key: str) -> str | None:
    return conn.execute(select(settings_table.c.value).where(settings_table.c.key == key)).scalar()


def set_setting(conn: Connection, key: str, value: str | None) -> None:
    """Store a portal setting (``None`` removes it)."""
    conn.execute(settings_table.delete().where(settings_table.c.key == key))
    if value is not None:
        conn.execute(settings_table.insert().values(key=key, value=value))


def take_seqs(conn: Connection, n: int) -> range:
    """Reserve ``n`` sequence numbers; the counter row stays locked until this transaction ends."""
    top = conn.execute(
        text("UPDATE counters SET value = value + :n WHERE name = :name RETURNING value"),
        {"n": n, "name": SEQ_COUNTER},
    ).scalar_one()
    return range(top - n + 1, top + 1)


def next_number(conn: Connection, name: str) -> int:
    """The next running number of ``name`` (a key of NUMBER_SEQUENCES); gaps are possible."""
    if conn.dialect.name == "postgresql":
        return int(conn.execute(NUMBER_SEQUENCES[name].next_value()).scalar_one())
    return int(
        conn.execute(
            text("UPDATE counters SET value = value + 1 WHERE name = :name RETURNING value"), {"name": name}
        ).scalar_one()
    )


def advance_number(conn: Connection, name: str, at_least: int) -> None:
    """Make the next number of ``name`` greater than ``at_least`` (after inserting numbered rows)."""
    if at_least < 1:
        return
    if conn.dialect.name == "postgresql":
        seq = NUMBER_SEQUENCES[name].name
        conn.execute(
            text(f"SELECT setval('{seq}', GREATEST(:n, (SELECT last_value FROM {seq})))"), {"n": at_least}
        )
        return
    conn.execute(
        update(counters)
        .where(counters.c.name == name, counters.c.value < at_least)
        .values(value=at_least)
    )


def current_seq(conn: Connection) -> int:
    return conn.execute(select(counters.c.value).where(counters.c.name == SEQ_COUNTER)).scalar_one()


@dataclass(frozen=True, slots=True)
class Change:
    """One change to publish: who sees it (provider), what it is, and whether it is a delete."""

    stream: str
    entity: str
    entity_key: str
    provider_id: int
    deleted: bool = False
    mark_date: date | None = None  # a mark's lesson date (``sync_changes.mark_date``)


def stamp(conn: Connection, changes: Iterable[Change]) -> None:
    """Publish changes: (re-)stamp each key's change-log row with a fresh sequence number."""
    # One row per key (the last change of a key wins): PostgreSQL refuses to upsert a row twice
    # in one statement.
    latest: dict[tuple[str, str, str, int], Change] = {}
    for c in changes:
        latest.pop((c.stream, c.entity, c.entity_key, c.provider_id), None)
        latest[(c.stream, c.entity, c.entity_key, c.provider_id)] = c
    items = list(latest.values())
    if not items:
        return
    if any(c.entity == "mark" and c.mark_date is None for c in items):
        # The pull joins a mark's change by its date (the month's partition): without one the
        # change would never reach a PC.
        raise ValueError("a mark's change needs its lesson date (Change.mark_date)")
    seqs = take_seqs(conn, len(items))
    rows = [
        {
            "seq": seq,
            "stream": c.stream,
            "entity": c.entity,
            "entity_key": c.entity_key,
            "provider_id": c.provider_id,
            "deleted": c.deleted,
            "mark_date": c.mark_date,
        }
        for c, seq in zip(items, seqs, strict=True)
    ]
    from sqlalchemy.dialects import postgresql, sqlite

    dialect_insert: Any = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = dialect_insert(sync_changes)
    stmt = stmt.on_conflict_do_update(
        index_elements=["stream", "entity", "entity_key", "provider_id"],
        set_={"seq": stmt.excluded.seq, "deleted": stmt.excluded.deleted},
    )
    # Re-stamping moves a row to a number above every existing one, so the unique index on seq
    # never sees two rows with one number.
    conn.execute(stmt, rows)


def fix_pg_sequences(conn: Connection) -> None:
    """After inserting explicit ids on PostgreSQL, move the serial sequences past them."""
    if conn.dialect.name != "postgresql":
        return
    for table in (*MASTER_TABLES.values(), mark_audit, sync_changes):
        if not isinstance(table.c.id.type, Integer):
            continue  # a text id (an application's uid) has no serial sequence
        name = table.name
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
            )
        )
