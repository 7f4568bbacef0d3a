"""attendance_mark: keyed by the cell (group, lesson date, child), without rowid; no stored uuid

A journal cell was keyed by its uuid (``domain.attendance.mark_id``, uuid5 of the cell): a random
key, so each page of a first sync's pulled marks touched nearly every page of that index, and the
time per page grew with the table (4× the marks took 9× the time to write). The table is now
stored in the order of its key (group, lesson date, child) — a group's month is one range, pulled
marks go in in order — and the uuid, still the cell's id on the wire, in the outbox and in the
audit trail, is derived when needed instead of stored. Every mark is copied; nothing else changes.

Revision ID: 0012_marks_by_cell
Revises: 0011_provider_requisites
Create Date: 2026-12-07 18:00:00
"""

from alembic import op

revision = '0012_marks_by_cell'
down_revision = '0011_provider_requisites'
branch_labels = None
depends_on = None

_COLUMNS = "group_id, child_id, lesson_date, code, changed_at, changed_by"


def upgrade() -> None:
    op.execute("""
        CREATE TABLE attendance_mark_new (
            group_id INTEGER NOT NULL,
            child_id INTEGER NOT NULL,
            lesson_date DATE NOT NULL,
            code SMALLINT NOT NULL,
            changed_at VARCHAR(32) NOT NULL,
            changed_by VARCHAR(64) NOT NULL,
            CONSTRAINT pk_attendance_mark PRIMARY KEY (group_id, lesson_date, child_id),
            CONSTRAINT fk_attendance_mark_group_id_study_group
                FOREIGN KEY(group_id) REFERENCES study_group (id),
            CONSTRAINT fk_attendance_mark_child_id_child FOREIGN KEY(child_id) REFERENCES child (id)
        ) WITHOUT ROWID""")
    # A cell's uuid was derived from the cell, so the cells are unique: a plain INSERT (a duplicate
    # would fail the migration, and the database stays as it was, rather than lose a mark).
    op.execute(f"INSERT INTO attendance_mark_new ({_COLUMNS}) SELECT {_COLUMNS} FROM attendance_mark "
               "ORDER BY group_id, lesson_date, child_id")
    op.execute("DROP TABLE attendance_mark")  # its index ix_mark_group_date goes with it
    op.execute("ALTER TABLE attendance_mark_new RENAME TO attendance_mark")


def downgrade() -> None:
    from pfdo_desktop.domain.attendance import mark_id

    conn = op.get_bind()
    rows = conn.exec_driver_sql(f"SELECT {_COLUMNS} FROM attendance_mark").fetchall()
    op.execute("""
        CREATE TABLE attendance_mark_old (
            id VARCHAR(36) NOT NULL,
            group_id INTEGER NOT NULL,
            child_id INTEGER NOT NULL,
            lesson_date DATE NOT NULL,
            code SMALLINT NOT NULL,
            changed_at VARCHAR(32) NOT NULL,
            changed_by VARCHAR(64) NOT NULL,
            CONSTRAINT pk_attendance_mark PRIMARY KEY (id),
            CONSTRAINT fk_attendance_mark_group_id_study_group
                FOREIGN KEY(group_id) REFERENCES study_group (id),
            CONSTRAINT fk_attendance_mark_child_id_child FOREIGN KEY(child_id) REFERENCES child (id)
        )""")
    if rows:
        conn.exec_driver_sql(
            f"INSERT INTO attendance_mark_old (id, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(mark_id(g, c, str(day)), g, c, day, code, at, by) for g, c, day, code, at, by in rows])
    op.execute("DROP TABLE attendance_mark")
    op.execute("ALTER TABLE attendance_mark_old RENAME TO attendance_mark")
    op.create_index('ix_mark_group_date', 'attendance_mark', ['group_id', 'lesson_date'], unique=False)
