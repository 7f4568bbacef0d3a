"""Indicators of a whole region on PostgreSQL (issue 13): ``pfdo_portal.indicators.sql_indicators``
for the region beside one hand-written SQL count, same run, same database.

The region is made by the portal's own generator, ``pfdo_portal.region_seed`` (``pfdo-portal
seed-demo --scale region``: COPY, no Python INSERT per row): one provider per 550 children in 30
municipalities, 20 programmes (two groups each) per provider in the six directions, one in ten a
draft; children born 2008–2021, nine in ten with a certificate of their municipality (ПФ / учёт);
70 % study in one group, 25 % in two, 8 % in three (of any provider: across municipalities), each
membership with its contract (certificate part 9 000,00). No marks unless ``--marks N``: the
attendance table is timed apart (``--attendance``).

Ours: ``sql_indicators`` for the region (certificates, used, 1/2/3+, coverage, directions, places,
applications, money by month; no per-group attendance), median of 3. Baseline: one hand-written
count — the coverage count, distinct children 5–17 with a membership in force — median of 3.

The default scale is a tenth of a region (100 000 children, 182 providers: ≈ 30 s to generate);
the issue's scale (1 100 000 children, 2 000 providers: a few minutes to generate) is

    PFDO_BENCH_PG=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        .venv/bin/python -m benchmarks.indicators_bench --children 1100000

(or ``PFDO_BENCH_REGION_CHILDREN=1000000`` for the whole suite). The database is a new one on that
server (``pfdo_bench_<pid>``), dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date
from typing import Any

RUNS = 3
ON = date(2025, 11, 24)
DEFAULT_CHILDREN = 100_000

BASELINE = """
SELECT COUNT(DISTINCT m.child_id) FROM memberships m JOIN children c ON c.id = m.child_id
WHERE m.status IN ('active', 'expelled', 'transferred', 'terminated')
  AND m.date_from <= :on AND (m.date_to IS NULL OR m.date_to >= :on)
  AND c.birth_date BETWEEN :earliest AND :latest
"""

def _url_for(url: str, database: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=database).render_as_string(hide_password=False)


def _admin(url: str, sql: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def _median(fn: Any, runs: int = RUNS) -> tuple[float, Any]:
    samples, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples), result


def run(pg_url: str, children: int = DEFAULT_CHILDREN, providers: int | None = None,
        attendance: bool = False, marks: int = 0) -> tuple[str, float, float, str]:
    """(figure, ours s, baseline s, note) on a region generated in a new database on ``pg_url``."""
    from sqlalchemy import text

    from pfdo_portal import db, indicators
    from pfdo_portal.region_seed import MUNICIPALITIES, PROGRAMMES_PER_PROVIDER, RegionSize, seed_region

    size = RegionSize(children=children, marks=marks, providers=providers)
    providers = size.provider_count
    name = f"pfdo_bench_{os.getpid()}"
    _admin(pg_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    _admin(pg_url, f"CREATE DATABASE {name}")
    url = _url_for(pg_url, name)
    engine = db.make_engine(url)
    try:
        generated = seed_region(url, size)
        generated_s = generated.seconds
        with db.read_tx(engine) as conn:
            members = conn.execute(text("SELECT COUNT(*) FROM memberships")).scalar_one()
        scope = indicators.region_scope()
        period_from = indicators.period_start(ON)

        def ours() -> Any:
            with db.read_tx(engine) as conn:
                return indicators.sql_indicators(conn, scope, ON, period_from, ON, attendance=False)

        earliest, latest = indicators.birth_dates_in_band(ON)

        def baseline() -> int:
            with db.read_tx(engine) as conn:
                return int(conn.execute(text(BASELINE), {"on": ON, "earliest": earliest,
                                                         "latest": latest}).scalar_one())

        ours(), baseline()  # warm the caches alike
        ours_s, result = _median(ours)
        base_s, covered = _median(baseline)
        assert covered == result.coverage.children, (covered, result.coverage.children)
        extra = ""
        if attendance:
            with_s, _ = _median(lambda: _with_attendance(engine, scope, period_from), 1)
            extra = (f" With the per-group attendance table ({generated.groups} groups, {generated.marks} "
                     f"marks): {with_s:.1f} s.")
    finally:
        engine.dispose()
        _admin(pg_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    figure = (f"region indicators on PostgreSQL ({children} children, {providers} providers), "
              f"median of {RUNS}, s")
    note = (f"13: benchmarks/indicators_bench.py — a region generated by pfdo_portal.region_seed (COPY) in "
            f"{generated_s:.0f} s "
            f"({children} children, {providers} providers in {MUNICIPALITIES} municipalities, "
            f"{providers * PROGRAMMES_PER_PROVIDER} programmes, {generated.groups} groups, {members} "
            f"memberships and contracts, {generated.marks} marks); ours: "
            f"sql_indicators for the region without the per-group attendance (issued "
            f"{result.certificates.issued}, used {result.certificates.used}, coverage "
            f"{result.coverage.children}); baseline: one hand-written COUNT(DISTINCT) of the children 5–17 "
            f"with a membership in force (the coverage count), same database. Full scale: "
            f"--children 1100000 (see the module's docstring).{extra}")
    return figure, ours_s, base_s, note


def _with_attendance(engine: Any, scope: Any, period_from: date) -> Any:
    from pfdo_portal import db, indicators

    with db.read_tx(engine) as conn:
        return indicators.sql_indicators(conn, scope, ON, period_from, ON, attendance=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Region indicators on PostgreSQL (issue 13)")
    parser.add_argument("--pg", default=os.environ.get("PFDO_BENCH_PG")
                        or os.environ.get("PFDO_PORTAL_TEST_DB"))
    parser.add_argument("--children", type=int, default=DEFAULT_CHILDREN)
    parser.add_argument("--providers", type=int)
    parser.add_argument("--attendance", action="store_true", help="also time the per-group attendance")
    parser.add_argument("--marks", type=int, default=0, help="marks in the region (default none)")
    args = parser.parse_args(argv)
    if not args.pg:
        print("set PFDO_BENCH_PG (a PostgreSQL URL) or pass --pg", file=sys.stderr)
        return 2
    figure, ours_s, base_s, note = run(args.pg, args.children, args.providers, args.attendance, args.marks)
    print(f"{figure}: ours {ours_s:.2f} s, baseline {base_s:.2f} s, ratio {ours_s / base_s:.1f}×\n{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
