"""Indicators of a whole region on PostgreSQL (issue 13): ``pfdo_portal.indicators.sql_indicators``
for the region beside one hand-written SQL count, same run, same database.

The region is generated inside PostgreSQL with ``generate_series`` (no Python loop over rows):
``providers`` providers in 30 municipalities, 4 programmes (one group each) per provider, in the
six directions, one in ten a draft; ``children`` children born 2006–2021, nine in ten with a
certificate of their municipality (ПФ / учёт); 70 % study on one programme, 25 % on two, 8 % on
three (of any provider: across municipalities), each membership with its contract (application,
certificate part 9 000,00). No marks: the attendance table is timed apart (``--attendance``).

Ours: ``sql_indicators`` for the region (certificates, used, 1/2/3+, coverage, directions, places,
applications, money by month; no per-group attendance), median of 3. Baseline: one hand-written
count — the coverage count, distinct children 5–17 with a membership in force — median of 3.

The default scale is a tenth of a region (100 000 children, 300 providers: ≈ 30 s to generate);
the issue's scale (1 000 000 children, 3 000 providers: a few minutes to generate) is

    PFDO_BENCH_PG=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        .venv/bin/python -m benchmarks.indicators_bench --children 1000000 --providers 3000

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
MUNICIPALITIES = 30
PROGRAMMES_PER_PROVIDER = 4
DEFAULT_CHILDREN = 100_000
PER_PROVIDER = 333  # children per provider: 1 M children ↔ 3 000 providers

BASELINE = """
SELECT COUNT(DISTINCT m.child_id) FROM memberships m JOIN children c ON c.id = m.child_id
WHERE m.status IN ('active', 'expelled', 'transferred', 'terminated')
  AND m.date_from <= :on AND (m.date_to IS NULL OR m.date_to >= :on)
  AND c.birth_date BETWEEN :earliest AND :latest
"""

# The region, set-based. :n children, :p providers, :m municipalities.
GENERATE = [
    """INSERT INTO providers (id, name, short_name, inn, ogrn, address, head_name, municipality,
       head_position, kpp, bank_name, bik, account, corr_account, chief_accountant)
       SELECT i, 'Организация ' || i, 'Орг. ' || i, '', '', '', '', 'Муниципалитет ' || (i % :m + 1),
              '', '', '', '', '', '', ''
       FROM generate_series(1, :p) AS i""",
    """INSERT INTO programs (id, provider_id, name, short_name, direction, registry, kind, form, level,
       age_from_months, age_to_months, status, annotation, duration_weeks, ovz, medical_certificate,
       addresses, teachers, revision, moderation_comment)
       SELECT i, (i - 1) / 4 + 1, 'Программа ' || i, '',
              (ARRAY['technical','natural_science','sport','art','tourism','social'])[i % 6 + 1],
              'certified', '', '', '', 60, 215, CASE WHEN i % 10 = 0 THEN 'draft' ELSE 'published' END,
              '', 36, '[]', false, '[]', '[]', 1, ''
       FROM generate_series(1, :p * 4) AS i""",
    """INSERT INTO modules (id, program_id, name, hours, min_children, max_children, price, normative_price)
       SELECT i, i, 'Модуль', 72, 5, 30, '9000.00', '9000.00' FROM generate_series(1, :p * 4) AS i""",
    """INSERT INTO study_groups (id, module_id, program_id, provider_id, name, teacher, date_from, date_to,
       capacity, cancelled_dates, explicit_dates)
       SELECT i, i, i, (i - 1) / 4 + 1, 'Группа ' || i, '', DATE '2025-09-01', DATE '2026-05-31', 30,
              '[]', '[]'
       FROM generate_series(1, :p * 4) AS i""",
    """INSERT INTO schedule_slots (id, group_id, weekday, time_from, time_to, room)
       SELECT i, i, i % 5 + 1, '15:00', '15:45', '' FROM generate_series(1, :p * 4) AS i""",
    """INSERT INTO children (id, last_name, first_name, middle_name, birth_date, snils, doc_kind, doc_number)
       SELECT i, 'Ребёнок', 'Имя', '', DATE '2006-01-01' + (i::bigint * 7919 % 5840)::int, '', '', ''
       FROM generate_series(1, :n) AS i""",
    """INSERT INTO certificates (id, child_id, number, status, nominal, balance, reserve, unit)
       SELECT i, i, '47' || lpad((i % :m + 1)::text, 2, '0') || lpad((i / :m)::text, 6, '0'),
              CASE WHEN i % 3 = 0 THEN 'uchet' ELSE 'pf' END, '18000.00', '18000.00', '0.00', 'rub'
       FROM generate_series(1, :n) AS i WHERE i % 10 <> 0""",
    """INSERT INTO memberships (id, group_id, child_id, date_from, date_to, status)
       SELECT row_number() OVER (), ((i::bigint * 7919 + k * 104729) % (:p * 4) + 1)::int, i,
              DATE '2025-09-01', NULL, 'active'
       FROM generate_series(1, :n) AS i, generate_series(1, 3) AS k
       WHERE k = 1 AND i % 100 < 70 OR k = 2 AND i % 100 BETWEEN 62 AND 86
          OR k = 3 AND i % 100 BETWEEN 62 AND 69""",
    """INSERT INTO applications (id, number, child_id, group_id, provider_id, start_date, status, source,
       created_at, reason_code, reason_text, order_number, end_order_number, end_reason, contract_number,
       price_total, certificate_part, parent_part, history, membership_id)
       SELECT 'app-' || m.id, 'З-' || m.id, m.child_id, m.group_id, g.provider_id, m.date_from, 'active',
              'portal', TIMESTAMPTZ '2025-08-20 10:00+00' + (m.id % 30) * INTERVAL '1 day',
              '', '', '', '', '', 'Д-' || m.id, '9000.00', '9000.00', '0.00', '[]', m.id
       FROM memberships m JOIN study_groups g ON g.id = m.group_id""",
]


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
        attendance: bool = False) -> tuple[str, float, float, str]:
    """(figure, ours s, baseline s, note) on a region generated in a new database on ``pg_url``."""
    from sqlalchemy import text

    from pfdo_portal import db, indicators

    providers = providers or max(1, children // PER_PROVIDER)
    name = f"pfdo_bench_{os.getpid()}"
    _admin(pg_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    _admin(pg_url, f"CREATE DATABASE {name}")
    url = _url_for(pg_url, name)
    engine = db.make_engine(url)
    try:
        db.create_schema(engine)
        t = time.perf_counter()
        params = {"n": children, "p": providers, "m": MUNICIPALITIES}
        with db.write_tx(engine) as conn:
            for sql in GENERATE:
                conn.execute(text(sql), params)
            db.fix_pg_sequences(conn)
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
        generated_s = time.perf_counter() - t
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
            extra = f" With the per-group attendance table ({providers * 4} groups' lessons): {with_s:.1f} s."
    finally:
        engine.dispose()
        _admin(pg_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    figure = (f"region indicators on PostgreSQL ({children} children, {providers} providers), "
              f"median of {RUNS}, s")
    note = (f"13: benchmarks/indicators_bench.py — a region generated with generate_series in "
            f"{generated_s:.0f} s "
            f"({children} children, {providers} providers in {MUNICIPALITIES} municipalities, "
            f"{providers * PROGRAMMES_PER_PROVIDER} groups, {members} memberships and contracts); ours: "
            f"sql_indicators for the region without the per-group attendance (issued "
            f"{result.certificates.issued}, used {result.certificates.used}, coverage "
            f"{result.coverage.children}); baseline: one hand-written COUNT(DISTINCT) of the children 5–17 "
            f"with a membership in force (the coverage count), same database. Full scale: "
            f"--children 1000000 --providers 3000 (see the module's docstring).{extra}")
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
    args = parser.parse_args(argv)
    if not args.pg:
        print("set PFDO_BENCH_PG (a PostgreSQL URL) or pass --pg", file=sys.stderr)
        return 2
    figure, ours_s, base_s, note = run(args.pg, args.children, args.providers, args.attendance)
    print(f"{figure}: ours {ours_s:.2f} s, baseline {base_s:.2f} s, ratio {ours_s / base_s:.1f}×\n{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
