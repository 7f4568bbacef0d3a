"""Storage faults for the tests, made by SQLite itself (issue 10 §4)."""

from __future__ import annotations


def no_room_to_grow(engine) -> None:
    """A full disk, faithfully: every new connection of ``engine`` may not grow the database file
    by a single page, so SQLite itself answers «database or disk is full» (SQLITE_FULL), as on a
    disk with no space left. Connections already open keep their room: dispose the engine first."""
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _no_room(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA max_page_count = 1")  # clamped to the current size
