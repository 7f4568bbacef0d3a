"""Issue 15, figure 1: the first full sync of the school scenario, timed and profiled on its own.

    .venv/bin/python -m benchmarks.first_sync_profile [--scale 1 4] [--runs 2] [--profile desktop|portal]

For each scale: a portal database seeded with ``seed_demo(scale="school")`` (``--scale 4``: the
school with four times the groups — four times the children, memberships and marks — so «4× the
data» is one provider's), «today» fixed (``--today``) so the figure does not drift with the
calendar; the portal served by ``pfdo-portal serve`` in its own process; a fresh workspace
enrolled and synced by ``Workspace.sync()``. The baseline is raw ``sqlite3`` inserting the same
pulled rows into a fresh file with the same pragmas, one transaction per pulled page (as the
client commits). Prints records/s of both, their ratio, the time inside HTTP requests, the time
applying pages and the CPU seconds the desktop's and the portal's processes used during the sync.

``--timeline`` prints when each page was downloaded (in its stream's download thread: the portal's work,
the transfer, the parse) and applied. ``--profile desktop`` runs cProfile over the sync in this
process (the portal keeps its own process); ``--profile portal`` runs cProfile over the portal's
page production (``service.pull`` page after page, in this process, no HTTP). Seeded databases are
kept in ``--cache`` (default /tmp/pfdo-first-sync) between runs.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import os
import pstats
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from pfdo_desktop.sync.protocol import TEXT_ID_ENTITIES

TODAY = date(2026, 12, 1)  # as benchmarks/scenario.py: the district does not grow with the calendar


def seeded(cache: Path, scale: int, today: date) -> Path:
    """A portal database with the school scenario at ``scale``× (made once, then copied)."""
    from pfdo_portal import seed

    path = cache / f"school-x{scale}-{today.isoformat()}.sqlite3"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        original = seed.SCHOOL_PROVIDER
        seed.SCHOOL_PROVIDER = dataclasses.replace(original, groups=original.groups * scale)
        try:
            t = time.perf_counter()
            summary = seed.seed_demo(f"sqlite:///{tmp}", scale="school", today=today)
            print(f"seeded ×{scale} in {time.perf_counter() - t:.1f} s: {summary.counts}", file=sys.stderr)
        finally:
            seed.SCHOOL_PROVIDER = original
        for suffix in ("-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
        tmp.rename(path)
    return path


class PortalProcess:
    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> PortalProcess:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pfdo_portal", "serve", "--db", str(self.db_path),
             "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("pfdo-portal serve exited at start") from None
                time.sleep(0.05)
        raise TimeoutError("pfdo-portal serve did not start")

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def raw_insert(pages: list[Any], path: Path) -> tuple[int, float]:
    """The pulled rows (same values) through sqlite3 executemany into a fresh file DB (WAL,
    synchronous=FULL, foreign keys on), one transaction per pulled page. Returns (rows, seconds)."""
    tables: dict[str, list[str]] = {}
    batches: list[list[tuple[str, list[tuple[Any, ...]]]]] = []
    for page in pages:
        batch = []
        for entity, changes in page.changes.items():
            if not changes.upserts:
                continue
            cols = tables.setdefault(entity, list(changes.upserts[0]))
            batch.append((entity, [tuple(_cell(r.get(c)) for c in cols) for r in changes.upserts]))
        batches.append(batch)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    try:
        for entity, cols in tables.items():
            if entity == "mark":
                defs = ", ".join(f'"{c}"' for c in cols) + ", PRIMARY KEY (group_id, child_id, lesson_date)"
            else:
                id_type = "TEXT" if entity in TEXT_ID_ENTITIES else "INTEGER"
                defs = ", ".join(f'"{c}" {id_type} PRIMARY KEY' if c == "id" else f'"{c}"' for c in cols)
            conn.execute(f'CREATE TABLE "{entity}" ({defs})')
        sql = {e: f'INSERT OR REPLACE INTO "{e}" VALUES ({", ".join("?" * len(c))})'
               for e, c in tables.items()}
        n = 0
        started = time.perf_counter()
        for batch in batches:
            conn.execute("BEGIN")
            for entity, values in batch:
                conn.executemany(sql[entity], values)
                n += len(values)
            conn.execute("COMMIT")
        return n, time.perf_counter() - started
    finally:
        conn.close()


def _cpu_of(proc: subprocess.Popen[bytes] | None) -> float:
    """CPU seconds (user + system) a process has used so far, from /proc (0 where there is none)."""
    try:
        fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split() if proc else []
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") if fields else 0.0


def one_sync(portal_db: Path, work: Path, profile: str | None,
             timeline: bool = False) -> dict[str, Any]:
    import keyring

    from pfdo_desktop.sync import pull as sync_pull
    from pfdo_desktop.sync.client import PortalClient
    from pfdo_desktop.sync.credentials import MemoryKeyring
    from pfdo_desktop.workspace import Workspace
    from pfdo_portal import admin

    keyring.set_keyring(MemoryKeyring())
    db = work / "portal.sqlite3"
    shutil.copy(portal_db, db)
    url = f"sqlite:///{db}"
    provider_id = admin.list_providers(url)[0].id
    pages: list[Any] = []
    wait = [0.0]
    applying = [0.0]
    events: list[tuple[float, float, str]] = []  # (start, end, what) of every download and apply
    real_pull, real_apply = PortalClient.pull, sync_pull.apply_page

    def pull(client: Any, stream: str, *args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            page = real_pull(client, stream, *args, **kwargs)
        finally:
            wait[0] += time.perf_counter() - t
            events.append((t, time.perf_counter(), f"download {stream}"))
        pages.append(page)
        return page

    def apply_page(run: Any, stream: str, page: Any, *args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return real_apply(run, stream, page, *args, **kwargs)
        finally:
            applying[0] += time.perf_counter() - t
            n = sum(len(c.upserts) + len(c.deletes) for c in page.changes.values())
            events.append((t, time.perf_counter(), f"apply {stream} ({n} rows)"))

    with PortalProcess(db) as portal:
        ws = Workspace.open(work / "data")
        try:
            ws.enrol(portal.url, admin.issue_code(url, provider_id))
            PortalClient.pull = pull  # type: ignore[method-assign]
            sync_pull.apply_page = apply_page
            prof = cProfile.Profile() if profile == "desktop" else None
            try:
                t = started = time.perf_counter()
                cpu0 = time.process_time()
                pcpu0 = _cpu_of(portal.proc)
                if prof:
                    prof.enable()
                report = ws.sync()
                if prof:
                    prof.disable()
                seconds = time.perf_counter() - t
                cpu = time.process_time() - cpu0
                portal_cpu = _cpu_of(portal.proc) - pcpu0
            finally:
                PortalClient.pull = real_pull  # type: ignore[method-assign]
                sync_pull.apply_page = real_apply
        finally:
            ws.close()
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(45)
        pstats.Stats(prof).sort_stats("tottime").print_stats(30)
    n_raw, raw_s = raw_insert(pages, work / "raw.sqlite3")
    if timeline:
        for start, end, what in sorted(events):
            print(f"  {(start - started) * 1000:7.1f} – {(end - started) * 1000:7.1f} ms  {what}")
        print(f"  {seconds * 1000:7.1f} ms  sync done")
    return {"pulled": report.pulled, "marks": report.pulled_by_entity.get("mark", 0),
            "requests": report.requests, "seconds": seconds, "wait_s": wait[0],
            "apply_s": applying[0], "cpu_s": cpu, "portal_cpu_s": portal_cpu, "raw_rows": n_raw,
            "raw_s": raw_s,
            "ratio": (report.pulled / seconds) / (n_raw / raw_s)}


def profile_portal(portal_db: Path, work: Path, limit: int) -> None:
    """cProfile over the portal's page production: both streams, page after page, no HTTP."""
    from pfdo_portal import admin, db, service

    path = work / "portal.sqlite3"
    shutil.copy(portal_db, path)
    url = f"sqlite:///{path}"
    provider_id = admin.list_providers(url)[0].id
    engine = db.make_engine(url)
    prof = cProfile.Profile()
    t = time.perf_counter()
    rows = 0
    prof.enable()
    for stream in ("master", "own"):
        cursor: str | None = None
        while True:
            page = service.pull(engine, provider_id, stream, cursor, limit)
            body = page.model_dump_json()
            rows += sum(len(c.upserts) + len(c.deletes) for c in page.changes.values())
            del body
            cursor = page.next_cursor
            if not page.has_more:
                break
    prof.disable()
    print(f"portal: {rows} rows in {time.perf_counter() - t:.2f} s (under cProfile)")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
    pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    engine.dispose()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=int, nargs="+", default=[1, 4])
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--today", type=date.fromisoformat, default=TODAY)
    ap.add_argument("--profile", choices=("desktop", "portal"))
    ap.add_argument("--limit", type=int, default=5000, help="page size for --profile portal")
    ap.add_argument("--timeline", action="store_true",
                    help="each page's download and apply, in ms from the start")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "pfdo-first-sync")
    args = ap.parse_args(argv)
    results: dict[int, list[dict[str, Any]]] = {}
    for scale in args.scale:
        portal_db = seeded(args.cache, scale, args.today)
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory(prefix="pfdo-fs-") as tmp:
                if args.profile == "portal":
                    profile_portal(portal_db, Path(tmp), args.limit)
                    continue
                r = one_sync(portal_db, Path(tmp), args.profile, args.timeline)
                results.setdefault(scale, []).append(r)
                print(f"×{scale}: {r['pulled']} records ({r['marks']} marks) in {r['seconds']:.2f} s, "
                      f"{r['requests']} requests; inside HTTP {r['wait_s']:.2f} s, applying "
                      f"{r['apply_s']:.2f} s; CPU: desktop {r['cpu_s']:.2f} s, "
                      f"portal {r['portal_cpu_s']:.2f} s; "
                      f"raw sqlite3 {r['raw_rows']} rows in {r['raw_s']:.2f} s "
                      f"→ {r['ratio']:.3f}× raw", flush=True)
    if len(results) >= 2:
        lo, hi = min(results), max(results)
        t_lo = min(r["seconds"] for r in results[lo])
        t_hi = min(r["seconds"] for r in results[hi])
        n_lo, n_hi = results[lo][0]["pulled"], results[hi][0]["pulled"]
        print(f"×{hi} vs ×{lo}: {n_hi / n_lo:.2f}× the records in {t_hi / t_lo:.2f}× the time (best runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
