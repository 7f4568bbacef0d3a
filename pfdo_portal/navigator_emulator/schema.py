"""The emulator's own tables (SQLAlchemy Core), in a database of their own.

Not the reference portal's schema: the Navigator is another system with its own ids (numeric
organisations, programmes, groups and orders; UUID children), and an emulator that read the
portal's tables could answer what the real system never would. A separate SQLite file (or any
SQLAlchemy URL; only SQLite is exercised) survives a restart of the emulator, which the
connector's tests need (a second PC converging, a killed push resumed).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Engine

from .. import db as portal_db

metadata = MetaData()

partners = Table(
    "nav_partner", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("public_name", Text, nullable=False),
)

users = Table(
    "nav_user", metadata,
    Column("id", Integer, primary_key=True),
    Column("partner_id", Integer, ForeignKey("nav_partner.id"), nullable=False),
    Column("email", String(200), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("name", Text, nullable=False),
    Column("is_locked", Boolean, nullable=False, default=False),
)

tokens = Table(
    "nav_token", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("kind", String(10), nullable=False),  # access | refresh
    Column("user_id", Integer, ForeignKey("nav_user.id"), nullable=False),
    Column("expires_at", DateTime, nullable=False),  # naive UTC
)

academic_years = Table(
    "nav_academic_year", metadata,
    Column("id", Integer, primary_key=True),  # the starting year: 2026 = 2026/2027
    Column("date_start", Date, nullable=False),
    Column("date_end", Date, nullable=False),
)

events = Table(
    "nav_event", metadata,
    Column("id", Integer, primary_key=True),
    Column("partner_id", Integer, ForeignKey("nav_partner.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("age_from", Integer, nullable=False),
    Column("age_to", Integer, nullable=False),
    Column("direction", String(40), nullable=False),
)

groups = Table(
    "nav_group", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("nav_event.id"), nullable=False),
    Column("partner_id", Integer, ForeignKey("nav_partner.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("teacher", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("date_start", Date, nullable=False),
    Column("date_end", Date, nullable=False),
    Column("academic_year_id", Integer, nullable=False),
    Column("schedule", Text, nullable=False),  # JSON: [{week_day, time_start, time_end}]
)

kids = Table(
    "nav_kid", metadata,
    Column("id", String(36), primary_key=True),  # UUID, as the real system's children
    Column("last_name", Text, nullable=False),
    Column("first_name", Text, nullable=False),
    Column("patro_name", Text, nullable=False),
    Column("birthday", Date, nullable=False),
    Column("site_user_id", String(36), nullable=False),
)

orders = Table(
    "nav_order", metadata,
    Column("id", Integer, primary_key=True),
    Column("partner_id", Integer, ForeignKey("nav_partner.id"), nullable=False),
    Column("kid_id", String(36), ForeignKey("nav_kid.id"), nullable=False),
    Column("event_id", Integer, nullable=False),
    Column("group_id", Integer, ForeignKey("nav_group.id"), nullable=False),
    Column("academic_year_id", Integer, nullable=False),
    Column("state", String(10), nullable=False),  # initial pause approve cancel study deduct
    Column("created_ts", DateTime, nullable=False),
    Column("comment", Text, nullable=False, default=""),
    Column("date_enroll", Date),
    Column("date_deduct", Date),
    Column("decree_number", Text, nullable=False, default=""),
    Column("financing_source", Integer),
    Column("cancel_reasons", Text, nullable=False, default="[]"),  # JSON [{id, comment}]
)

# Who studies in a group from when to when (the members of the attendance journal).
members = Table(
    "nav_member", metadata,
    Column("id", Integer, primary_key=True),
    Column("group_id", Integer, ForeignKey("nav_group.id"), nullable=False),
    Column("kid_id", String(36), ForeignKey("nav_kid.id"), nullable=False),
    Column("order_id", Integer, ForeignKey("nav_order.id")),
    Column("date_start", Date, nullable=False),
    Column("date_end", Date),
)

# The group's lessons (КТП): the dates of the attendance journal, with the theme when filled.
lessons = Table(
    "nav_lesson", metadata,
    Column("id", Integer, primary_key=True),
    Column("group_id", Integer, ForeignKey("nav_group.id"), nullable=False),
    Column("date", Date, nullable=False),
    Column("theme", Text, nullable=False, default=""),
    Column("description", Text, nullable=False, default=""),
    Column("types", Text, nullable=False, default="[]"),  # JSON list of type ids (strings)
    Column("time_start", String(5), nullable=False, default=""),
    Column("duration", Integer, nullable=False, default=0),
    UniqueConstraint("group_id", "date", name="uq_nav_lesson_group_date"),
)

attendance = Table(
    "nav_attendance", metadata,
    Column("group_id", Integer, ForeignKey("nav_group.id"), primary_key=True),
    Column("kid_id", String(36), ForeignKey("nav_kid.id"), primary_key=True),
    Column("date", Date, primary_key=True),
    Column("value", Integer, nullable=False),  # 1 был, 2 не был, 3 болел
    Column("saved_at", DateTime, nullable=False),
)


def open_engine(db_url: str) -> Engine:
    """An engine over the emulator's database with its tables in place (SQLite: WAL, busy timeout,
    writers take the lock up front — the portal's own engine settings)."""
    engine = portal_db.make_engine(db_url)
    metadata.create_all(engine)
    return engine
