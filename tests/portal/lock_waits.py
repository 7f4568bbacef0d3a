"""A write transaction a test keeps open, and a wait until another writer is queued behind it.

Race tests used to open a transaction, start a contender and sleep «long enough» for it to reach the
lock. Here the test waits for the fact instead:

- PostgreSQL: a session whose blocking pids (``pg_blocking_pids``) include the holder's;
- SQLite: a writer of any engine in this process beginning its transaction — its ``BEGIN IMMEDIATE``
  (db.py) cannot pass while the holder's is open, so from then on it can see nothing uncommitted;
- either: the contender finished (a contender that did not queue, e.g. when the lock under test is
  gone — then the test sees what the lock was there to prevent).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, event, text

from pfdo_portal import db

WAIT_S = 60.0  # only a test that is broken waits this long: then it fails, saying so


class HeldWriteLock:
    """``work(conn)`` in a write transaction on an engine of its own, kept open (with its locks)
    until ``release()``. Use as a context manager; ``result`` is what ``work`` returned."""

    def __init__(self, db_url: str, work: Callable[[Connection], Any]) -> None:
        self.engine = db.make_engine(db_url)
        self.work = work
        self.result: Any = None
        self._holding = threading.Event()
        self._release = threading.Event()
        self._writer_began = threading.Event()
        self._pid: int | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._hold, name="held-write-lock")

    def __enter__(self) -> HeldWriteLock:
        event.listen(Engine, "begin", self._on_begin)
        self._thread.start()
        assert self._holding.wait(WAIT_S), f"the holding transaction did not start: {self._error!r}"
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()
        event.remove(Engine, "begin", self._on_begin)
        self.engine.dispose()

    def _hold(self) -> None:
        try:
            with db.write_tx(self.engine) as conn:
                if conn.dialect.name == "postgresql":
                    self._pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
                self.result = self.work(conn)
                self._holding.set()
                self._release.wait(WAIT_S)
        except BaseException as exc:  # noqa: BLE001 - reported by __enter__ / release
            self._error = exc
            self._holding.set()

    def _on_begin(self, conn: Connection) -> None:
        # Engine-class listeners run before the engine's own, so before db.py's BEGIN IMMEDIATE.
        if (threading.current_thread() is not self._thread and conn.dialect.name == "sqlite"
                and conn.get_execution_options().get("pfdo_write")):
            self._writer_began.set()

    def wait_for_contender(self, finished: Callable[[], bool]) -> None:
        """Return once another writer is queued behind this transaction, or ``finished()``."""
        with self.engine.connect() as conn:
            for _ in range(int(WAIT_S / 0.01)):
                if self._writer_began.is_set() or finished() or self._blocked_on_postgresql(conn):
                    return
                self._writer_began.wait(0.01)  # poll (a state is awaited, not a time)
        raise AssertionError("no contender queued behind the held transaction, and none finished")

    def _blocked_on_postgresql(self, conn: Connection) -> bool:
        if self._pid is None:
            return False
        waiting = conn.execute(
            text("SELECT count(*) FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))"),
            {"pid": self._pid},
        ).scalar_one()
        conn.rollback()
        return waiting > 0

    def release(self) -> None:
        """Commit the held transaction."""
        self._release.set()
        self._thread.join(WAIT_S)
        assert not self._thread.is_alive(), "the holding transaction did not end"
        if self._error is not None:
            raise self._error
