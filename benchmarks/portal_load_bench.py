"""The portal on PostgreSQL under many devices (issue 15): 200 devices' no-op syncs at once
(p95 ≤ 1 s), 50 devices' first syncs at once (p95 ≤ 5 s), and one page of the marks stream beside
the same rows read by a hand-written SQL query (≤ 2× at region scale).

The portal is ``pfdo-portal serve`` in its own process (``--workers N`` when the portal has the
option: N = the CPUs, else one process) over a database of its own on the PostgreSQL server
(``bench_portal``, created and dropped by the benchmark; never the tests' database), seeded with
the school scenario for the benchmarks' fixed day (benchmarks/scenario.py). Devices are enrolled
through ``/device/enrol`` with codes written in one transaction.

The devices are simulated in the benchmark process by asyncio + httpx, one connection per device,
with the desktop's headers: a sync is what the desktop's engine sends — ``GET /info``, then
``GET /pull`` of the master and the own streams page by page (5,000 rows, the client's page) until
``has_more`` is false — without the desktop's work between pages (a heavier load than real PCs).
A no-op sync starts from the cursors a full download ended on (cursors are per provider and
stream, not per device). «At once»: every device waits on one gate, then all start together. The
figure is the 95th percentile of the requests' latencies (sent → the whole answer read); the
baseline is the same syncs made by one device alone, one after another (the portal idle
otherwise), its requests' p95.

Standalone: ``.venv/bin/python -m benchmarks.portal_load_bench [--pg URL]``.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.scenario import SCHOOL_TODAY, seed_school
from benchmarks.school_bench import PortalProcess, serve_has_workers, step
from benchmarks.table import Row

PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"  # the server; the database is our own
DB_NAME = "bench_portal"
REGION_DB_NAME = "bench_region"
REGION_MARKS = 20_000_000  # 15d's default size; see region_size
NOOP_DEVICES = 200
FIRST_DEVICES = 50
NOOP_BURSTS = 3
ALONE_NOOP_SYNCS = 20
ALONE_FIRST_SYNCS = 2
PAGE_RUNS = 15


def pg_server(explicit: str | None = None) -> str:
    return explicit or os.environ.get("PFDO_BENCH_PG") or os.environ.get("PFDO_PORTAL_TEST_DB") or PG_DEFAULT


def url_for(url: str, database: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=database).render_as_string(hide_password=False)


def admin_sql(url: str, sql: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def reachable(url: str) -> str:
    """"" when the server answers, else why not (one line)."""
    try:
        admin_sql(url, "SELECT 1")
    except Exception as exc:  # any failure to connect: the row says so
        return f"{type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''}"
    return ""


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def _loads(body: bytes) -> Any:
    try:
        import orjson

        return orjson.loads(body)
    except ImportError:
        import json

        return json.loads(body)


# --- the portal ---------------------------------------------------------------------------------


@dataclass
class PgPortal:
    server: str
    workers: int | None = None
    database: str = DB_NAME
    tokens: list[str] = field(default_factory=list)
    cursors: dict[str, str] = field(default_factory=dict)  # where a full download ends

    def start(self) -> PgPortal:
        from pfdo_portal import admin

        self.url = url_for(self.server, self.database)
        admin_sql(self.server, f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)")
        admin_sql(self.server, f"CREATE DATABASE {self.database}")
        step(f"seeding the school on PostgreSQL ({self.database}, today {SCHOOL_TODAY})")
        t = time.perf_counter()
        self.summary = seed_school(self.url)
        self.seed_s = time.perf_counter() - t
        self.provider_id = admin.list_providers(self.url)[0].id
        self.portal = PortalProcess(self.url, workers=self.workers).start()
        return self

    def close(self) -> None:
        portal = getattr(self, "portal", None)
        if portal is not None:
            portal.stop()
        if hasattr(self, "url"):
            admin_sql(self.server, f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)")

    @property
    def base(self) -> str:
        from pfdo_desktop.sync.protocol import API_PREFIX

        return self.portal.url + API_PREFIX

    def devices(self, n: int) -> list[str]:
        """Tokens of ``n`` enrolled devices (enrolled now when fewer exist)."""
        if len(self.tokens) < n:
            self.tokens += asyncio.run(self._enrol(n - len(self.tokens)))
        return self.tokens[:n]

    async def _enrol(self, n: int) -> list[str]:
        import httpx

        from pfdo_desktop import __version__
        from pfdo_portal import db, service

        codes = [service.new_enrol_code() for _ in range(n)]
        now = datetime.now(UTC)
        with db.open_engine(self.url) as engine, db.write_tx(engine) as conn:
            conn.execute(db.enrol_codes.insert(), [
                {"code_sha256": db.enrol_code_sha256(c), "code_hint": db.enrol_code_hint(c),
                 "provider_id": self.provider_id, "created_at": now, "expires_at": now + timedelta(hours=2)}
                for c in codes])
        gate = asyncio.Semaphore(8)
        async with httpx.AsyncClient(base_url=self.base, headers=headers(None), timeout=60) as client:
            async def one(code: str) -> str:
                async with gate:
                    answer = await client.post("/device/enrol", json={
                        "code": code, "db_uuid": uuid.uuid4().hex, "app_version": __version__})
                    answer.raise_for_status()
                    return str(answer.json()["token"])

            return list(await asyncio.gather(*(one(c) for c in codes)))


def headers(token: str | None) -> dict[str, str]:
    from pfdo_desktop import __version__
    from pfdo_desktop.sync.protocol import HEADER_CLIENT_VERSION, HEADER_PROTOCOL, PROTOCOL_VERSION

    out = {HEADER_CLIENT_VERSION: __version__, HEADER_PROTOCOL: str(PROTOCOL_VERSION),
           "Accept-Encoding": "gzip", "User-Agent": f"pfdo-desktop/{__version__}"}
    if token:
        out["Authorization"] = f"Bearer {token}"
    return out


# --- a device's sync ----------------------------------------------------------------------------


@dataclass
class SyncTimes:
    requests: list[float] = field(default_factory=list)  # each request's latency, s
    syncs: list[float] = field(default_factory=list)  # each sync's duration, s
    rows: int = 0
    cursors: dict[str, str] = field(default_factory=dict)


async def _sync(client: Any, cursors: dict[str, str] | None, out: SyncTimes) -> None:
    from pfdo_desktop.sync.protocol import DEFAULT_PULL_LIMIT, STREAMS

    started = time.perf_counter()
    t = time.perf_counter()
    answer = await client.get("/info")
    answer.raise_for_status()
    out.requests.append(time.perf_counter() - t)
    for stream in STREAMS:
        cursor = (cursors or {}).get(stream, "")
        while True:
            params = {"stream": stream, "limit": str(DEFAULT_PULL_LIMIT)}
            if cursor:
                params["cursor"] = cursor
            t = time.perf_counter()
            answer = await client.get("/pull", params=params)
            answer.raise_for_status()
            out.requests.append(time.perf_counter() - t)
            page = _loads(answer.content)
            out.rows += sum(len(c.get("upserts", ())) + len(c.get("deletes", ()))
                            for c in page["changes"].values())
            cursor = page["next_cursor"]
            if not page["has_more"]:
                break
        out.cursors[stream] = cursor
    out.syncs.append(time.perf_counter() - started)


def _light_clients() -> Any:
    """What the simulated devices' clients share, so that the load generator takes as little of
    the CPUs it shares with the portal as it can: one TLS context (httpx loads the system's
    certificates for each client: 80 ms each, 16 s for 200 devices, though the portal is plain
    HTTP), and a remembered absence of ``sniffio``, which httpcore imports on every request —
    Python does not remember a failed import, so each request searched ``sys.path`` again
    (≈ 1 ms of CPU a request, in the same 2 cores as the portal)."""
    import ssl

    try:
        import sniffio  # noqa: F401
    except ImportError:
        sys.modules["sniffio"] = None  # type: ignore[assignment]  # «not installed», answered at once
    return ssl.create_default_context()


async def at_once(base: str, tokens: list[str], cursors: dict[str, str] | None) -> tuple[SyncTimes, float]:
    """Every device syncs once, all released together; (times, wall seconds)."""
    import httpx

    out = SyncTimes()
    gate = asyncio.Event()
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    tls = _light_clients()
    clients = [httpx.AsyncClient(base_url=base, headers=headers(tok), timeout=600, limits=limits, verify=tls)
               for tok in tokens]

    async def device(client: Any) -> None:
        await gate.wait()
        await _sync(client, cursors, out)

    try:
        tasks = [asyncio.create_task(device(c)) for c in clients]
        await asyncio.sleep(0)
        started = time.perf_counter()
        gate.set()
        await asyncio.gather(*tasks)
        return out, time.perf_counter() - started
    finally:
        for c in clients:
            await c.aclose()


async def alone(base: str, token: str, cursors: dict[str, str] | None, times: int) -> SyncTimes:
    import httpx

    out = SyncTimes()
    async with httpx.AsyncClient(base_url=base, headers=headers(token), timeout=600,
                                 verify=_light_clients()) as client:
        for _ in range(times):
            await _sync(client, cursors, out)
    return out


# --- the rows -----------------------------------------------------------------------------------


def _how(portal: PgPortal) -> str:
    workers = (f"`pfdo-portal serve --workers {portal.workers}`" if portal.workers else
               "`pfdo-portal serve`, one process (the portal has no --workers yet)")
    c = portal.summary.counts
    return (f"{workers} on PostgreSQL (database {portal.database}, the school seeded for {SCHOOL_TODAY}: "
            f"{c.get('child', 0)} children, {c.get('group', 0)} groups, {c.get('mark', 0)} marks)")


def first_syncs_rows(portal: PgPortal) -> tuple[list[Row], list[str]]:
    tokens = portal.devices(FIRST_DEVICES + 1)
    step(f"portal: one device's first syncs alone, then {FIRST_DEVICES} devices' first syncs at once")
    solo = asyncio.run(alone(portal.base, tokens[-1], None, ALONE_FIRST_SYNCS))
    portal.cursors = dict(solo.cursors)
    load, wall = asyncio.run(at_once(portal.base, tokens[:FIRST_DEVICES], None))
    ours, base = p95(load.requests), p95(solo.requests)
    rows = [Row(f"15b. Portal: {FIRST_DEVICES} devices' first syncs at once, p95 of a request, s", ours, base,
                "s", "p95 ≤ 5 s", ours <= 5.0, 2, runs=1)]
    n = len(load.requests)
    notes = [f"15b: {_how(portal)}; {FIRST_DEVICES} devices released together, each a full download "
             f"({solo.rows // ALONE_FIRST_SYNCS} rows, {len(solo.requests) // ALONE_FIRST_SYNCS} requests): "
             f"{n} requests in {wall:.1f} s ({n / wall:.1f} requests/s, {load.rows / wall:,.0f} rows/s); "
             f"requests: median {statistics.median(load.requests):.2f} s, p95 {ours:.2f} s, max "
             f"{max(load.requests):.2f} s; whole syncs: median {statistics.median(load.syncs):.1f} s, p95 "
             f"{p95(load.syncs):.1f} s. Baseline: one device's first sync alone, {ALONE_FIRST_SYNCS} times "
             f"({statistics.median(solo.syncs):.2f} s a sync), its requests' p95."]
    return rows, notes


def noop_syncs_rows(portal: PgPortal) -> tuple[list[Row], list[str]]:
    tokens = portal.devices(NOOP_DEVICES)
    if not portal.cursors:
        portal.cursors = dict(asyncio.run(alone(portal.base, tokens[0], None, 1)).cursors)
    step(f"portal: one device's no-op syncs alone, then {NOOP_DEVICES} devices' no-op syncs at once "
         f"({NOOP_BURSTS} bursts)")
    solo = asyncio.run(alone(portal.base, tokens[0], portal.cursors, ALONE_NOOP_SYNCS))
    bursts = [asyncio.run(at_once(portal.base, tokens, portal.cursors)) for _ in range(NOOP_BURSTS)]
    p95s = [p95(b.requests) for b, _wall in bursts]
    ours, base = statistics.median(p95s), p95(solo.requests)
    rows = [Row(f"15a. Portal: {NOOP_DEVICES} devices' no-op syncs at once, p95 of a request, s", ours, base,
                "s", "p95 ≤ 1 s", ours <= 1.0, 3, runs=NOOP_BURSTS)]
    rates = ", ".join(f"{len(b.requests) / wall:.0f}" for b, wall in bursts)
    notes = [f"15a: {_how(portal)}; {NOOP_DEVICES} devices released together, each a no-op sync (GET /info, "
             f"then one /pull of each stream from the cursor a full download ended on, "
             f"{len(bursts[0][0].requests) // NOOP_DEVICES} requests); {NOOP_BURSTS} bursts, p95 of a "
             f"request "
             f"{', '.join(f'{v:.2f}' for v in p95s)} s (median shown), requests/s {rates}; whole syncs p95 "
             f"{', '.join(f'{p95(b.syncs):.2f}' for b, _ in bursts)} s. Baseline: one device's no-op sync "
             f"alone, {ALONE_NOOP_SYNCS} times, its requests' p95 (median "
             f"{statistics.median(solo.requests) * 1000:.0f} ms)."]
    return rows, notes


HAND_WRITTEN = """
SELECT m.group_id, m.child_id, m.lesson_date, m.code, m.changed_at, m.changed_by
  FROM sync_changes sc JOIN marks m ON m.mark_uid = sc.entity_key AND m.lesson_date = sc.mark_date
 WHERE sc.stream = 'own' AND sc.provider_id = %(p)s AND sc.entity = 'mark'
   AND sc.seq > %(after)s AND sc.seq <= %(upto)s
 ORDER BY sc.seq"""


def marks_page(base: str, db_url: str, provider_id: int, token: str) -> tuple[float, float, int, str]:
    """One own-stream page (5,000 changes) from the middle of the stream over HTTP (the portal's
    SQL, rows, JSON, gzip; the answer read whole) beside the hand-written query of the same marks
    through psycopg (fetched whole); medians of PAGE_RUNS. (ours ms, baseline ms, rows, note)."""
    import httpx
    import psycopg
    from sqlalchemy.engine import make_url

    from pfdo_desktop.sync.protocol import DEFAULT_PULL_LIMIT

    url = make_url(db_url)
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        total = conn.execute("SELECT count(*) FROM sync_changes WHERE stream = 'own' AND provider_id = %s",
                             (provider_id,)).fetchone()[0]
        after = conn.execute("SELECT seq FROM sync_changes WHERE stream = 'own' AND provider_id = %s "
                             "ORDER BY seq OFFSET %s LIMIT 1", (provider_id, total // 2)).fetchone()[0]
        epoch = conn.execute("SELECT value FROM portal_settings WHERE key = 'epoch'").fetchone()[0]
        params = {"stream": "own", "limit": str(DEFAULT_PULL_LIMIT), "cursor": f"{epoch}.{after}"}
        samples: list[float] = []
        page: Any = None
        with httpx.Client(base_url=base, headers=headers(token), timeout=600) as client:
            for i in range(PAGE_RUNS + 1):
                t = time.perf_counter()
                answer = client.get("/pull", params=params)
                answer.raise_for_status()
                if i:
                    samples.append(time.perf_counter() - t)
                page = _loads(answer.content)
        marks = page["changes"].get("mark", {})
        n_ours = len(marks.get("upserts", ())) + len(marks.get("deletes", ()))
        upto = int(page["next_cursor"].split(".")[1])
        raw: list[float] = []
        rows: list[Any] = []
        for i in range(PAGE_RUNS + 1):
            t = time.perf_counter()
            rows = conn.execute(HAND_WRITTEN, {"p": provider_id, "after": after, "upto": upto}).fetchall()
            if i:
                raw.append(time.perf_counter() - t)
    note = (f"the page after the middle of the own stream ({total} changes; seq {after} → {upto}) holds "
            f"{n_ours} marks, the hand-written query returned {len(rows)} rows")
    return statistics.median(samples) * 1000, statistics.median(raw) * 1000, n_ours, note


def marks_page_rows(portal: PgPortal) -> tuple[list[Row], list[str]]:
    step("portal: one page of the marks stream beside the hand-written query")
    token = portal.devices(1)[0]
    ours, base, _n, where = marks_page(portal.base, portal.url, portal.provider_id, token)
    rows = [Row(f"15c. Portal: one page of the marks stream (school on PostgreSQL), median of {PAGE_RUNS}, "
                "ms", ours, base, "ms", "— (diagnostic; ≤ 2× is for region scale: 15d)", None, 1,
                runs=PAGE_RUNS)]
    notes = [f"15c: {_how(portal)}; ours: GET /pull?stream=own with a cursor in the middle of the stream "
             f"(the portal's SQL, rows, JSON and gzip; the answer read whole, over loopback); baseline: the "
             f"same marks by one hand-written SQL query (sync_changes ⋈ marks, psycopg, fetched whole); "
             f"{where}."]
    return rows, notes


def region_generator() -> bool:
    done = subprocess.run([sys.executable, "-m", "pfdo_portal", "seed-demo", "--help"], capture_output=True,
                          text=True)
    return "region" in done.stdout


def region_size() -> tuple[int, int]:
    """(children, marks) of the region 15d generates: PFDO_BENCH_REGION_PAGE_CHILDREN and
    PFDO_BENCH_REGION_MARKS, else a region's children and REGION_MARKS marks (the issue's 10⁸ take
    longer than a run should on the reference machine: see the row's note)."""
    from pfdo_portal.region_seed import DEFAULT_CHILDREN

    return (int(os.environ.get("PFDO_BENCH_REGION_PAGE_CHILDREN", DEFAULT_CHILDREN)),
            int(os.environ.get("PFDO_BENCH_REGION_MARKS", REGION_MARKS)))


def _stored_region(url: str) -> tuple[str | None, str | None]:
    """(the size a kept bench_region was generated with, its «total copy indexes» seconds), or
    Nones when there is no such database (or no finished region in it)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import SQLAlchemyError

    from pfdo_portal.region_seed import REGION_KEY, REGION_TIMES_KEY

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            got = dict(conn.execute(text("SELECT key, value FROM portal_settings WHERE key IN (:a, :b)"),
                                    {"a": REGION_KEY, "b": REGION_TIMES_KEY}).all())
            return got.get(REGION_KEY), got.get(REGION_TIMES_KEY)
    except SQLAlchemyError:
        return None, None
    finally:
        engine.dispose()


def region_marks_page_rows(server: str, workers: int | None, tmp: Path) -> tuple[list[Row], list[str]]:
    figure = "15d. Portal: one page of the marks stream at region scale (≥ 100 M marks), ms"
    target = "≤ 2× the same rows by a hand-written SQL query"
    if not region_generator():
        why = "not measured: needs the region generator"
        return [Row(figure, None, None, "ms", target, None, status=why)], [
            "15d: not measured — there is no region generator yet (issue 15 asks for `pfdo-portal seed-demo "
            "--scale region` or a separate one, building ≥ 10⁸ marks with COPY); this row runs it (on a "
            f"database {REGION_DB_NAME} of the same server) as soon as `seed-demo --help` offers «region», "
            "and then measures the page as 15c does."]
    from pfdo_portal.region_seed import RegionSize

    children, marks_wanted = region_size()
    wanted = RegionSize(children=children, marks=marks_wanted).describe()
    portal = PgPortal(server, workers, database=REGION_DB_NAME)
    portal.url = url_for(server, REGION_DB_NAME)
    # The region is kept between runs (it takes minutes and tens of GB): a run that asks for the
    # same size reuses it; PFDO_BENCH_REGION_FRESH=1 generates it again; drop it with
    # `DROP DATABASE bench_region` when done.
    stored, times = _stored_region(portal.url)
    reused = stored == wanted and os.environ.get("PFDO_BENCH_REGION_FRESH") != "1"
    try:
        if not reused:
            admin_sql(server, f"DROP DATABASE IF EXISTS {REGION_DB_NAME} WITH (FORCE)")
            admin_sql(server, f"CREATE DATABASE {REGION_DB_NAME}")
            step(f"generating the region (pfdo-portal seed-demo --scale region, {children} children, "
                 f"{marks_wanted} marks: minutes)")
            subprocess.run([sys.executable, "-m", "pfdo_portal", "seed-demo", "--scale", "region",
                            "--children", str(children), "--marks", str(marks_wanted), "--db", portal.url],
                           check=True, capture_output=True, text=True)
            _stored, times = _stored_region(portal.url)
        else:
            step(f"reusing the region kept in {REGION_DB_NAME} ({stored})")
        import psycopg
        from sqlalchemy.engine import make_url

        dsn = make_url(portal.url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(dsn, autocommit=True) as conn:
            provider_id, own = conn.execute(
                "SELECT provider_id, count(*) FROM sync_changes WHERE stream = 'own' GROUP BY provider_id "
                "ORDER BY 2 DESC LIMIT 1").fetchone()
            marks = conn.execute("SELECT count(*) FROM marks").fetchone()[0]
            changes = conn.execute("SELECT count(*) FROM sync_changes").fetchone()[0]
            db_bytes = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
            marks_bytes = conn.execute(
                "SELECT sum(pg_total_relation_size(i.inhrelid))::bigint FROM pg_inherits i "
                "WHERE i.inhparent = 'marks'::regclass").fetchone()[0] or 0
            log_bytes = conn.execute("SELECT pg_total_relation_size('sync_changes')").fetchone()[0]
        portal.provider_id = provider_id
        portal.portal = PortalProcess(portal.url, workers=workers).start()
        token = portal.devices(1)[0]
        ours, base, _n, where = marks_page(portal.base, portal.url, provider_id, token)
        met = ours <= 2 * base
        total_s, copy_s, index_s = (float(x) for x in (times or "0 0 0").split())
        made = (f"generated by `pfdo-portal seed-demo --scale region --children {children} --marks "
                f"{marks_wanted}` in {total_s:.0f} s (COPY {copy_s:.0f} s, keys and indexes {index_s:.0f} s, "
                f"then ANALYZE: {marks / total_s / 1e3:.0f} k marks/s overall)" if total_s else "generated")
        return [Row(figure, ours, base, "ms", target, met, 1, runs=PAGE_RUNS)], [
            f"15d: the region {made}{' — kept from an earlier run' if reused else ''}: {marks} marks in "
            f"monthly partitions, {changes} change-log rows; database {db_bytes / 2**30:.1f} GiB (marks with "
            f"their indexes {marks_bytes / 2**30:.1f} GiB = "
            f"{marks_bytes / max(marks, 1) * 1e6 / 2**20:.0f} MiB per 10⁶ marks; the change log "
            f"{log_bytes / max(changes, 1) * 1e6 / 2**20:.0f} MiB per 10⁶ rows); "
            f"the provider with the most own-stream changes ({own}); {where}; as 15c."
            + ("" if marks >= 100_000_000 else
               f" Below the issue's 10⁸ marks: {marks_wanted} is what generates within a run's minutes on "
               f"this machine (PFDO_BENCH_REGION_MARKS=100000000 for the full size).")]
    finally:
        if getattr(portal, "portal", None) is not None:
            portal.portal.stop()  # the database stays for the next run (PgPortal.close would drop it)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The portal on PostgreSQL under many devices")
    parser.add_argument("--pg", default=None, help=f"PostgreSQL server URL (default {PG_DEFAULT})")
    args = parser.parse_args(argv)
    from benchmarks.table import render

    portal = PgPortal(pg_server(args.pg), os.cpu_count() if serve_has_workers() else None).start()
    try:
        rows, notes = [], []
        for fn in (first_syncs_rows, noop_syncs_rows, marks_page_rows):
            r, n = fn(portal)
            rows += r
            notes += n
    finally:
        portal.close()
    print(render(rows, notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
