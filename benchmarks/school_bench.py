"""The school scenario's rows (1–5, 10): a real portal process seeded with the school, a workspace
enrolled and synced by the app's own code, and the baselines measured beside it.

``School`` is the shared set-up, made once by the suite and only when a selected row needs it:
the portal's SQLite database seeded for the fixed day (benchmarks/scenario.py), ``pfdo-portal
serve`` in its own process (real HTTP; it does not share the benchmark's interpreter), and the
first full sync timed ``runs`` times, each into a fresh data folder (the last one is kept for the
other rows). ``School.grown`` adds members on the portal to two groups (30 and 120 children) and
pulls them with an incremental sync, for the journal, push and save rows.
"""

from __future__ import annotations

import gzip
import json
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from benchmarks.scenario import SCHOOL_TODAY, seed_school
from benchmarks.table import Row

RUNS = 25  # ≥ 20 timed runs for the medians of the per-operation rows
FIRST_SYNC_RUNS = 3  # first full syncs per scale (each into a fresh data folder)
RAW_RUNS = 5  # raw-insert baselines per scale (cheap: tenths of a second)
PUSH_LESSONS = 10  # push benchmark: this many lessons × 30 children changed offline
JOURNAL_CHILDREN = 30
BIG_JOURNAL_CHILDREN = 120
JOURNAL_LESSONS = 72


def step(msg: str) -> None:
    print(f"  · {msg}", file=sys.stderr, flush=True)


def median_ms(fn: Callable[[int], None], runs: int = RUNS, warmup: int = 1) -> tuple[float, list[float]]:
    for i in range(warmup):
        fn(-1 - i)
    samples = []
    for i in range(runs):
        t = time.perf_counter()
        fn(i)
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples), samples


def raw_connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=10000")
    return conn


# --- the wire -----------------------------------------------------------------------------------


@dataclass
class WireRecord:
    method: str
    path: str
    stream: str | None
    sent: int  # headers + body as sent (gzip)
    received: int  # headers + body as received (gzip)
    body_sent: int  # request body on the wire (gzip)
    body_sent_raw: int  # request body uncompressed
    body_received_raw: int  # response body uncompressed


class WireTap:
    """Per-request byte counts, taken by wrapping ``PortalClient._count`` (the same formula that
    fills ``SyncReport.bytes_*``), plus the pages of every pull (for the raw-insert baseline)."""

    def __init__(self) -> None:
        self.records: list[WireRecord] = []
        self.pages: list[Any] = []
        self.keep_pages = False
        self.wait_s = 0.0  # time inside PortalClient._once: the request, the portal's work, the answer

    def install(self) -> None:
        from pfdo_desktop.sync.client import PortalClient

        tap = self
        original_count = PortalClient._count
        original_pull = PortalClient.pull
        original_once = PortalClient._once

        def _once(client: Any, *args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return original_once(client, *args, **kwargs)
            finally:
                tap.wait_s += time.perf_counter() - t

        def _count(client: Any, request: Any, response: Any, path: str) -> None:
            original_count(client, request, response, path)
            body = request.content or b""
            raw = gzip.decompress(body) if request.headers.get("content-encoding") == "gzip" else body
            tap.records.append(WireRecord(
                method=request.method,
                path=path,
                stream=request.url.params.get("stream"),
                sent=sum(len(k) + len(v) + 4 for k, v in request.headers.raw) + len(body),
                received=sum(len(k) + len(v) + 4 for k, v in response.headers.raw)
                + response.num_bytes_downloaded,
                body_sent=len(body),
                body_sent_raw=len(raw),
                body_received_raw=len(response.content),
            ))

        def pull(client: Any, stream: str, cursor: str, limit: int) -> Any:
            page = original_pull(client, stream, cursor, limit)
            if tap.keep_pages:
                tap.pages.append(page)
            return page

        PortalClient._count = _count  # type: ignore[method-assign]
        PortalClient.pull = pull  # type: ignore[method-assign]
        PortalClient._once = _once  # type: ignore[method-assign]

    def take(self) -> list[WireRecord]:
        out, self.records = self.records, []
        return out


def install_memory_keyring() -> None:
    import keyring

    from pfdo_desktop.sync.credentials import MemoryKeyring

    if not isinstance(keyring.get_keyring(), MemoryKeyring):
        keyring.set_keyring(MemoryKeyring())


class PortalProcess:
    """`pfdo-portal serve` in its own process, as a real portal is: it does not share the
    benchmark's interpreter (and its GIL) with the desktop being measured."""

    def __init__(self, db: str, today: date = SCHOOL_TODAY, workers: int | None = None) -> None:
        self.db = db  # a file path or a database URL
        self.today = today
        self.workers = workers  # passed as --workers when set (a portal that has the option)
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> PortalProcess:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        args = [sys.executable, "-m", "pfdo_portal", "serve", "--db", self.db, "--host", "127.0.0.1",
                "--port", str(self.port), "--today", self.today.isoformat()]
        if self.workers:
            args += ["--workers", str(self.workers)]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("pfdo-portal serve exited at start") from None
                time.sleep(0.05)
        self.stop()
        raise TimeoutError("pfdo-portal serve did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)


def serve_has_workers() -> bool:
    """Whether ``pfdo-portal serve`` takes ``--workers`` (issue 15 asks for it)."""
    done = subprocess.run([sys.executable, "-m", "pfdo_portal", "serve", "--help"], capture_output=True,
                          text=True)
    return "--workers" in done.stdout


# --- baselines ----------------------------------------------------------------------------------


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def raw_insert(pages: list[Any], path: Path) -> tuple[int, float]:
    """The pulled rows (same values) through sqlite3 executemany into a fresh file DB with the same
    pragmas, one transaction per pulled page (as the client commits a page with its cursor).
    Returns (rows, seconds)."""
    tables: dict[str, list[str]] = {}
    batches: list[list[tuple[str, list[tuple[Any, ...]]]]] = []  # per page: (entity, rows)
    for page in pages:
        batch = []
        for entity, changes in page.changes.items():
            if not changes.upserts:
                continue
            cols = tables.setdefault(entity, list(changes.upserts[0]))
            batch.append((entity, [tuple(_cell(r.get(c)) for c in cols) for r in changes.upserts]))
        batches.append(batch)
    path.unlink(missing_ok=True)
    conn = raw_connect(path)
    try:
        for entity, cols in tables.items():
            from pfdo_desktop.sync.protocol import TEXT_ID_ENTITIES

            if entity == "mark":
                pk = ", PRIMARY KEY (group_id, child_id, lesson_date)"
                defs = ", ".join(f'"{c}"' for c in cols)
            else:
                pk = ""
                id_type = "TEXT" if entity in TEXT_ID_ENTITIES else "INTEGER"
                defs = ", ".join(f'"{c}" {id_type} PRIMARY KEY' if c == "id" else f'"{c}"' for c in cols)
            conn.execute(f'CREATE TABLE "{entity}" ({defs}{pk})')
        sql = {e: f'INSERT INTO "{e}" VALUES ({", ".join("?" * len(c))})' for e, c in tables.items()}
        rows = 0
        started = time.perf_counter()
        for batch in batches:
            conn.execute("BEGIN")
            for entity, values in batch:
                conn.executemany(sql[entity], values)
                rows += len(values)
            conn.execute("COMMIT")
        return rows, time.perf_counter() - started
    finally:
        conn.close()


JOURNAL_SQL = {
    "group": """
        SELECT g.*, p.name, p.direction, m.name,
               (SELECT count(*) FROM membership ms
                 WHERE ms.group_id = g.id AND ms.archived = 0 AND ms.status = 'active')
          FROM study_group g JOIN program p ON p.id = g.program_id JOIN module m ON m.id = g.module_id
         WHERE g.id = :g""",
    "slots": """
        SELECT weekday, time_from, time_to FROM schedule_slot
         WHERE archived = 0 AND group_id = :g ORDER BY weekday, time_from""",
    "lessons": """
        SELECT lesson_date, time_from, theme FROM lesson
         WHERE group_id = :g AND cancelled = 0 AND lesson_date BETWEEN :a AND :b""",
    "marks": """
        SELECT child_id, lesson_date, code FROM attendance_mark
         WHERE group_id = :g AND lesson_date BETWEEN :a AND :b""",
    "children": """
        SELECT c.*, ms.date_from, ms.date_to, ce.number
          FROM child c JOIN membership ms ON ms.child_id = c.id
          LEFT OUTER JOIN certificate ce ON ce.child_id = c.id AND ce.archived = 0
         WHERE ms.group_id = :g
           AND ((ms.date_from <= :b AND (ms.date_to IS NULL OR ms.date_to >= :a) AND ms.archived = 0)
                OR c.id IN (SELECT DISTINCT child_id FROM attendance_mark
                             WHERE group_id = :g AND lesson_date BETWEEN :a AND :b))
         ORDER BY c.last_name, c.first_name, c.middle_name, c.birth_date""",
}


def raw_journal(conn: sqlite3.Connection, group_id: int, date_from: date, date_to: date) -> int:
    params = {"g": group_id, "a": date_from.isoformat(), "b": date_to.isoformat()}
    conn.execute("BEGIN")
    try:
        return sum(len(conn.execute(sql, params).fetchall()) for sql in JOURNAL_SQL.values())
    finally:
        conn.execute("COMMIT")


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, int]]:
    """(name, position in the primary key or 0) of the table's columns."""
    return [(row[1], row[5]) for row in conn.execute(f'PRAGMA table_info("{table}")')]


def raw_mark_save(conn: sqlite3.Connection, group_id: int, lesson_date: date,
                  child_ids: list[int], code: int) -> None:
    """N mark upserts + N audit rows + N outbox rows in one transaction, in the workspace's own
    tables as they are (a cell keyed by its uuid ``id``, or by the cell itself since migration
    0012: the upsert follows the table's primary key; the uuid goes wherever a column holds it)."""
    from pfdo_desktop.domain.attendance import mark_id
    from pfdo_desktop.domain.ops import new_op_id

    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    day = lesson_date.isoformat()
    ids = [mark_id(group_id, c, lesson_date) for c in child_ids]
    marks = _columns(conn, "attendance_mark")
    keyed = [name for name, pk in sorted(marks, key=lambda m: m[1]) if pk]
    with_id = any(name == "id" for name, _pk in marks)
    cols = ["id"] * with_id + ["group_id", "child_id", "lesson_date", "code", "changed_at", "changed_by"]
    audit_id = any(name == "mark_id" for name, _pk in _columns(conn, "mark_audit"))
    audit_cols = ["mark_id"] * audit_id + ["group_id", "child_id", "lesson_date", "old_code", "new_code",
                                           "changed_at", "changed_by", "reason", "recorded_at"]
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        f"INSERT INTO attendance_mark ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        f" ON CONFLICT ({', '.join(keyed)}) DO UPDATE SET code = excluded.code,"
        " changed_at = excluded.changed_at, changed_by = excluded.changed_by",
        [(i,) * with_id + (group_id, c, day, code, now, "bench")
         for i, c in zip(ids, child_ids, strict=True)])
    conn.executemany(
        f"INSERT INTO mark_audit ({', '.join(audit_cols)}) VALUES ({', '.join('?' * len(audit_cols))})",
        [(i,) * audit_id + (group_id, c, day, 3 - code, code, now, "bench", "edit", now)
         for i, c in zip(ids, child_ids, strict=True)])
    conn.executemany(
        "INSERT INTO outbox (op_id, kind, entity_key, payload, state, created_at, attempts)"
        " VALUES (?, 'mark.set', ?, ?, 'pending', ?, 0)",
        [(new_op_id(), i, json.dumps({"group_id": group_id, "child_id": c, "lesson_date": day,
                                      "changed_at": now, "changed_by": "bench", "code": code}), now)
         for i, c in zip(ids, child_ids, strict=True)])
    conn.execute("COMMIT")


def bare_info_bytes(url: str, token: str) -> int:
    """One bare ``GET /info`` round trip, with the client's own headers."""
    from pfdo_desktop.sync.client import PortalClient

    with PortalClient(url, token=token) as client:
        client.info()
        return client.stats.bytes_sent + client.stats.bytes_received


# --- the set-up ---------------------------------------------------------------------------------


@dataclass
class FirstSync:
    report: Any  # SyncReport
    wait_s: float  # inside HTTP requests
    apply_s: float  # applying pulled pages
    wire: list[WireRecord]


@dataclass
class Grown:
    small: int  # the 30-child group
    big: int  # the 120-child group
    added: dict[int, int]  # group → memberships added
    pulled: int  # records of the incremental sync that brought them


@dataclass
class School:
    """A seeded portal in its own process and a workspace synced from it (see the module's doc)."""

    tmp: Path
    tap: WireTap
    scale: int = 1
    runs: int = FIRST_SYNC_RUNS
    syncs: list[FirstSync] = field(default_factory=list)
    pages: list[Any] = field(default_factory=list)  # the last first sync's pages
    counts: dict[str, int] = field(default_factory=dict)
    portal_marks: int = 0
    provider_id: int = 0
    seed_s: float = 0.0

    def start(self) -> School:
        from pfdo_portal import admin

        install_memory_keyring()
        self.db_path = self.tmp / f"portal-{self.scale}x.sqlite3"
        self.db_url = f"sqlite:///{self.db_path}"
        step(f"seeding the portal (school ×{self.scale}, today {SCHOOL_TODAY})")
        t = time.perf_counter()
        summary = seed_school(self.db_url, self.scale)
        self.seed_s = time.perf_counter() - t
        self.counts = dict(summary.counts)
        self.provider_id = admin.list_providers(self.db_url)[0].id
        self.portal_marks = admin.count_marks(self.db_url, self.provider_id)
        self.portal = PortalProcess(str(self.db_path)).start()
        for i in range(self.runs):
            step(f"first full sync ×{self.scale}, run {i + 1} of {self.runs}")
            ws = self._enrolled(self.tmp / f"data-{self.scale}x-{i}")
            self.syncs.append(self._first_sync(ws, keep_pages=i == self.runs - 1))
            if i < self.runs - 1:
                ws.close()
                shutil.rmtree(self.tmp / f"data-{self.scale}x-{i}", ignore_errors=True)
            else:
                self.ws = ws
        from pfdo_desktop.sync import credentials

        self.token = credentials.load_token(self.ws.device().db_uuid) or ""
        return self

    def _enrolled(self, folder: Path) -> Any:
        from pfdo_desktop.workspace import Workspace
        from pfdo_portal import admin

        ws = Workspace.open(folder)
        ws.enrol(self.portal.url, admin.issue_code(self.db_url, self.provider_id))
        self.tap.take()
        return ws

    def _first_sync(self, ws: Any, keep_pages: bool) -> FirstSync:
        from pfdo_desktop.sync import pull as sync_pull

        tap = self.tap
        tap.keep_pages = keep_pages
        tap.pages = []
        tap.wait_s = 0.0
        applying = [0.0]
        real_apply = sync_pull.apply_page

        def timed_apply(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return real_apply(*args, **kwargs)
            finally:
                applying[0] += time.perf_counter() - t

        sync_pull.apply_page = timed_apply
        try:
            report = ws.sync()
        finally:
            sync_pull.apply_page = real_apply
            tap.keep_pages = False
        if keep_pages:
            self.pages, tap.pages = tap.pages, []
        return FirstSync(report, tap.wait_s, applying[0], tap.take())

    def close(self) -> None:
        ws = getattr(self, "ws", None)
        if ws is not None:
            ws.close()
        portal = getattr(self, "portal", None)
        if portal is not None:
            portal.stop()

    # --- figures of the first sync --------------------------------------------------------------

    @property
    def pulled(self) -> int:
        return self.syncs[-1].report.pulled

    @property
    def seconds(self) -> float:
        return statistics.median(s.report.seconds for s in self.syncs)

    @cached_property
    def raw(self) -> tuple[int, float]:
        """(rows, median seconds) of the raw-insert baseline over the last sync's pages."""
        times = []
        n = 0
        for i in range(RAW_RUNS):
            n, seconds = raw_insert(self.pages, self.tmp / f"raw-insert-{self.scale}x-{i}.sqlite3")
            times.append(seconds)
            (self.tmp / f"raw-insert-{self.scale}x-{i}.sqlite3").unlink(missing_ok=True)
        return n, statistics.median(times)

    # --- the grown groups -----------------------------------------------------------------------

    @cached_property
    def grown(self) -> Grown:
        """Members added on the portal *after* the first sync (added before it, the first sync
        failed once: see benchmarks/README.md), pulled by an incremental sync: the group with two
        lessons a week and the most members grows to 30 children, the group with the most weekly
        lessons (another one) to 120."""
        from sqlalchemy import func, select

        from pfdo_portal import admin, db

        step(f"growing two groups to {JOURNAL_CHILDREN} and {BIG_JOURNAL_CHILDREN} children on the portal")
        groups = admin.provider_groups(self.db_url, self.provider_id)
        with db.open_engine(self.db_url) as engine, db.read_tx(engine) as conn:
            slots = dict(conn.execute(
                select(db.schedule_slots.c.group_id, func.count()).group_by(db.schedule_slots.c.group_id)
            ).all())

        def members(g: dict[str, Any]) -> set[int]:
            return {m["child_id"] for m in g["members"]}

        two = [g for g in groups if slots.get(g["id"]) == 2] or groups
        small = max(two, key=lambda g: (len(members(g)), -g["id"]))
        big = max((g for g in groups if g["id"] != small["id"]),
                  key=lambda g: (slots.get(g["id"], 0), len(members(g)), -g["id"]))
        everyone = sorted({c for g in groups for c in members(g)})
        added = {}
        for group, size in ((small, JOURNAL_CHILDREN), (big, BIG_JOURNAL_CHILDREN)):
            have = members(group)
            others = [c for c in everyone if c not in have]
            need = max(size - len(have), 0)
            start = date.fromisoformat(group["date_from"])
            for child_id in others[:need]:
                admin.add_membership(self.db_url, group["id"], child_id, start)
            added[group["id"]] = need
        report = self.ws.sync()
        self.tap.take()
        return Grown(small["id"], big["id"], added, report.pulled)


# --- the rows -----------------------------------------------------------------------------------


def first_sync_rows(school: School) -> tuple[list[Row], list[str]]:
    from pfdo_desktop.sync.pull import AHEAD

    rates = [s.report.pulled / s.report.seconds for s in school.syncs]
    ours = statistics.median(rates)
    n_raw, raw_s = school.raw
    base = n_raw / raw_s
    own_share = statistics.median(s.report.pulled / s.apply_s for s in school.syncs)
    last = school.syncs[-1]
    r = last.report
    rows = [
        Row("1. First full sync (school), records/s", ours, base, "rec/s", "≥ 0.25× raw sqlite3",
            ours >= 0.25 * base, 0, runs=len(rates)),
        Row("1′. First full sync, records/s of the desktop's own share (time applying pulled pages: "
            "rows → SQLite, lessons, cursor; a page's marks are read in its download thread)", own_share,
            base, "rec/s", "— (diagnostic)", None, 0,
            runs=len(rates)),
    ]
    times = ", ".join(f"{s.report.seconds:.2f}" for s in school.syncs)
    notes = [
        f"1: {r.pulled} records ({r.pulled_by_entity.get('mark', 0)} marks) over {r.requests} requests, "
        f"{r.bytes_received / 1024:.0f} KiB received; {len(school.syncs)} first syncs, each into a fresh "
        f"data folder: {times} s (median shown). Baseline: the same {n_raw} pulled rows, sqlite3 "
        f"executemany, fresh file DB, WAL + synchronous=FULL, one transaction per pulled page "
        f"({len(school.pages)} pages, as the client commits each page with its cursor), median of "
        f"{RAW_RUNS}: {raw_s:.3f} s. Of the last sync's {r.seconds:.2f} s, {last.wait_s:.2f} s were spent "
        f"inside HTTP requests (the portal runs as its own process, `pfdo-portal serve`; each stream "
        f"downloads in a thread of its own, up to {AHEAD} pages ahead of the writing, so the two "
        f"overlap, and the requests' times add up beyond the sync's) and {last.apply_s:.2f} s "
        f"applying pages (rows → SQLite, lesson generation).",
    ]
    return rows, notes


def first_sync_scaling_rows(one: School, four: School) -> tuple[list[Row], list[str]]:
    k = four.pulled / one.pulled
    t1, t4 = one.seconds, four.seconds
    rows = [
        Row(f"1″. First full sync at {four.scale}× the data ({four.pulled} records), s; baseline: the "
            f"same at 1× ({one.pulled} records)", t4, t1, "s",
            f"≤ 4.4× for 4× the data (here {k:.2f}× the records: ≤ {1.1 * k:.2f}×)", t4 <= 1.1 * k * t1, 2,
            runs=len(four.syncs)),
    ]
    n4, raw4 = four.raw
    rate4 = statistics.median(s.report.pulled / s.report.seconds for s in four.syncs)
    rows.append(Row(f"1‴. First full sync at {four.scale}× the data, records/s", rate4, n4 / raw4, "rec/s",
                    "— (diagnostic: ≥ 0.25× raw is the 1× target)", None, 0, runs=len(four.syncs)))
    last = four.syncs[-1]
    times = ", ".join(f"{s.report.seconds:.2f}" for s in four.syncs)
    notes = [
        f"1″: the school seeded with {four.scale}× its groups (pfdo_portal.seed.SCHOOL_PROVIDER with "
        f"{four.counts.get('group', 0)} groups: {four.counts.get('child', 0)} children, "
        f"{four.portal_marks} marks; seeded in {four.seed_s:.0f} s), its own portal process; "
        f"{len(four.syncs)} first syncs into fresh data folders: {times} s (median shown; 1×: "
        f"{', '.join(f'{s.report.seconds:.2f}' for s in one.syncs)} s). Time ratio "
        f"{t4 / t1:.2f}× for {k:.2f}× the records. Last 4× sync: {last.wait_s:.2f} s inside HTTP "
        f"requests, {last.apply_s:.2f} s applying pages; 1‴'s baseline: its {n4} rows, raw executemany "
        f"per page, {raw4:.3f} s.",
    ]
    return rows, notes


def noop_rows(school: School) -> tuple[list[Row], list[str]]:
    ws, tap = school.ws, school.tap
    ws.sync()  # settles whatever came before (the own stream echoes a push back once)
    tap.take()
    noop = ws.sync()
    tap.take()
    info_bytes = bare_info_bytes(school.portal.url, school.token)
    tap.take()
    rows = [
        Row("3a. No-op sync, requests", noop.requests, 1, "", "≤ 3", noop.requests <= 3, 0, runs=1),
        Row("3b. No-op sync, bytes (sent + received)", noop.bytes_sent + noop.bytes_received, info_bytes, "B",
            "— (none in issue)", None, 0, runs=1),
    ]
    notes = [f"3: a sync right after a sync; baseline: one bare GET /info round trip with the client's "
             f"headers ({info_bytes} B)."]
    return rows, notes


@dataclass
class JournalGroup:
    group_id: int
    name: str
    schedule: str
    lesson_days: list[date]
    everyone: list[int]
    full_days: list[date]  # lesson days on which every child is a member

    @property
    def span(self) -> tuple[date, date]:
        days = self.lesson_days
        return days[0], days[min(JOURNAL_LESSONS, len(days)) - 1]


def journal_group(ws: Any, group_id: int) -> JournalGroup:
    group = next(g for g in ws.groups() if g.id == group_id)
    year = ws.journal(group_id, group.date_from, group.date_to)
    days = [lc.lesson_date for lc in year.lessons]
    everyone = [c.child_id for c in year.children]
    full = [d for d in days if all(c.is_member_on(d) for c in year.children)]
    return JournalGroup(group_id, group.name, group.schedule, days, everyone, full)


def push_rows(school: School) -> tuple[list[Row], list[str]]:
    from pfdo_desktop.services.rows import MarkChange

    ws, tap = school.ws, school.tap
    g = journal_group(ws, school.grown.small)
    past = [d for d in g.full_days if d <= SCHOOL_TODAY]
    future = [d for d in g.full_days if d > SCHOOL_TODAY]
    push_days = past[-PUSH_LESSONS:] if len(past) >= PUSH_LESSONS else (past + future)[:PUSH_LESSONS]
    ws.sync()  # nothing left from before
    tap.take()
    n_cells = 0
    for day in push_days:
        current = ws.journal(g.group_id, day, day).marks
        changes = [MarkChange(c, 2 if current.get((c, day)) == 1 else 1) for c in g.everyone]
        n_cells += ws.mark(g.group_id, day, changes)
    pushed = ws.sync()
    push_wire = [r for r in tap.take() if r.path == "/push"]
    push_bytes = sum(r.sent for r in push_wire)
    push_body = sum(r.body_sent for r in push_wire)
    push_raw = sum(r.body_sent_raw for r in push_wire)
    first = school.syncs[-1]
    own = [r for r in first.wire if r.path == "/pull" and r.stream == "own"]
    marks_pulled = first.report.pulled_by_entity.get("mark", 0)
    own_bytes = sum(r.received for r in own)
    own_raw = sum(r.body_received_raw for r in own)
    rows = [
        Row("2a. Push, bytes sent per mark (headers + gzip body)", push_bytes / n_cells, push_raw / n_cells,
            "B/mark", "≤ 60 B/mark", push_bytes / n_cells <= 60, runs=1),
        Row("2a′. Push, gzip body only per mark", push_body / n_cells, push_raw / n_cells, "B/mark",
            "≤ 60 B/mark", push_body / n_cells <= 60, runs=1),
        Row("2b. Pull (own stream, first sync), bytes received per mark", own_bytes / marks_pulled,
            own_raw / marks_pulled, "B/mark", "≤ 60 B/mark", own_bytes / marks_pulled <= 60, runs=1),
    ]
    notes = [
        f"2a: {n_cells} cells changed offline ({len(push_days)} lessons × {len(g.everyone)} children), one "
        f"sync: {len(push_wire)} push request(s), {push_bytes} B sent for them (applied {pushed.applied}, "
        f"rejected {pushed.rejected}, conflicts {pushed.conflicts}); baseline: the same PushRequest as "
        f"uncompressed JSON ({push_raw} B).",
        f"2b: {marks_pulled} marks over {len(own)} own-stream request(s), {own_bytes} B received incl. "
        f"headers; baseline: the same pages as uncompressed JSON ({own_raw} B).",
    ]
    return rows, notes


def save_rows(school: School, tmp: Path) -> tuple[list[Row], list[str]]:
    from pfdo_desktop.services.rows import MarkChange

    ws = school.ws
    g = journal_group(ws, school.grown.small)
    future = [d for d in g.full_days if d > SCHOOL_TODAY]
    past = [d for d in g.full_days if d <= SCHOOL_TODAY]
    save_day, raw_day = (future or past)[0], (future or past)[1]
    flip = {"n": 0}

    def save(_i: int) -> None:
        flip["n"] += 1
        code = 1 + flip["n"] % 2
        changed = ws.mark(g.group_id, save_day, [MarkChange(c, code) for c in g.everyone])
        assert changed == len(g.everyone), changed

    ours, samples = median_ms(save)
    raw_db = tmp / "raw-copy.sqlite3"
    src = sqlite3.connect(ws.db.path)
    dst = sqlite3.connect(raw_db)
    src.backup(dst)
    src.close()
    dst.close()
    rconn = raw_connect(raw_db)
    rflip = {"n": 0}

    def raw_save(_i: int) -> None:
        rflip["n"] += 1
        raw_mark_save(rconn, g.group_id, raw_day, g.everyone, 1 + rflip["n"] % 2)

    base, _ = median_ms(raw_save)
    rconn.close()
    raw_db.unlink(missing_ok=True)
    n = len(g.everyone)
    rows = [Row(f"5. Save one lesson's {n} marks, median of {RUNS}", ours, base, "ms",
                "≤ 5× raw upserts (issue 15); ≤ 50 ms (issue 2)", ours <= 5 * base and ours <= 50, 2,
                runs=RUNS)]
    notes = [f"5: Workspace.mark with {n} MarkChange (group {g.group_id}, {save_day}), codes alternating "
             f"1/2 so every call changes {n} cells; min/max {min(samples):.1f}/{max(samples):.1f} ms. "
             f"Baseline: sqlite3 upsert of the same {n} marks + {n} audit + {n} outbox rows in one BEGIN "
             f"IMMEDIATE transaction, synchronous=FULL, on a copy of the same database ({raw_day}), median "
             f"of {RUNS}."]
    return rows, notes


def journal_rows(school: School, group_id: int, label: str, target: str,
                 met: Callable[[float, float], bool]) -> tuple[list[Row], list[str]]:
    from pfdo_desktop.services.rows import MarkChange

    ws = school.ws
    g = journal_group(ws, group_id)
    j_from, j_to = g.span
    step(f"journal {label}: filling every cell of {len(g.everyone)} children × its first "
         f"{JOURNAL_LESSONS} lessons")
    year = ws.journal(group_id, j_from, j_to)
    for day in g.lesson_days:
        if j_from <= day <= j_to:
            members = [c.child_id for c in year.children if c.is_member_on(day)]
            ws.mark(group_id, day, [MarkChange(c, 1 + (c + day.day) % 4) for c in members])
    shape = ws.journal(group_id, j_from, j_to)
    ours, samples = median_ms(lambda _i: ws.journal(group_id, j_from, j_to))
    jconn = raw_connect(ws.db.path)
    base, _ = median_ms(lambda _i: raw_journal(jconn, group_id, j_from, j_to))
    jconn.close()
    added = school.grown.added.get(group_id, 0)
    rows = [Row(f"{label}. Open a {len(shape.children)} × {len(shape.lessons)} journal, median of {RUNS}",
                ours, base, "ms", target, met(ours, base), 2, runs=RUNS)]
    notes = [f"{label}: group {group_id} «{g.name}» ({g.schedule}); {added} members added on the portal "
             f"after the first sync (pfdo_portal.admin.add_membership, from the group's first day; pulled "
             f"by an incremental sync of {school.grown.pulled} records); range {j_from} – {j_to} (its "
             f"first {len(shape.lessons)} lessons), every cell filled ({len(shape.marks)} marks); min/max "
             f"{min(samples):.1f}/{max(samples):.1f} ms. Baseline: the same SELECTs (group, schedule, "
             f"lessons, marks, children + memberships + certificates) in raw sqlite3 on the same file."]
    return rows, notes


def month_close_rows(school: School) -> tuple[list[Row], list[str]]:
    from benchmarks import payment_bench

    figure, ours, base, note = payment_bench.run(school.ws, today=SCHOOL_TODAY)
    return [Row(f"10. {figure}", ours, base, "ms", "— (none in issue)", None, 0,
                runs=payment_bench.RUNS)], [note]
