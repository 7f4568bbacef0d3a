"""A region-sized demo database on PostgreSQL (``pfdo-portal seed-demo --scale region``, issue 15).

A region is up to ≈1.1 million children, ≈2,000 providers, 40 k programmes and ≈10⁸ marks a year.
The rows are made here and streamed with ``COPY`` (psycopg's ``cursor.copy``), never one INSERT
per row; the big tables (``marks``, ``sync_changes``) lose their keys and indexes for the load and
get them back afterwards (one sorted build each instead of 10⁸ index inserts), then ``ANALYZE``.

The district is fictional and deterministic (the same sizes give the same database):
- providers in 30 municipalities, 20 programmes each (one module, two groups per programme), a
  group's lessons on 2…6 weekdays from 1 September of ``YEAR``;
- children born 2008–2021, nine in ten with a certificate of their municipality; 70 % study in
  one group, 25 % in two, 8 % in three (groups of any provider), each membership with its contract;
- marks: every member's mark at each of the group's first ``lessons`` lessons (``lessons`` chosen
  so the total reaches ``marks``), in the order they would have been pushed (day by day), each
  with its own-stream change-log row, so a provider's PC downloads exactly its marks;
- the master stream: every provider's own rows, and the children, certificates, memberships and
  contracts of its groups, stamped before the marks; the sequence counter at the last number.

PostgreSQL only: SQLite has no COPY and is not meant to hold a region (``RegionSeedError``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pfdo_desktop.domain.attendance import mark_id

from . import db

YEAR = 2025  # the academic year 2025-09-01 … 2026-05-31: fixed, so the region never drifts
YEAR_FROM = date(YEAR, 9, 1)
YEAR_TO = date(YEAR + 1, 5, 31)
DEFAULT_CHILDREN = 1_100_000
DEFAULT_MARKS = 100_000_000
CHILDREN_PER_PROVIDER = 550  # 1.1 M children ↔ 2,000 providers
PROGRAMMES_PER_PROVIDER = 20  # 2,000 providers ↔ 40 k programmes
GROUPS_PER_PROGRAMME = 2
MUNICIPALITIES = 30
REGION_CODE = "47"
DIRECTIONS = ("technical", "natural_science", "sport", "art", "tourism", "social")
LAST_NAMES = ("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
              "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров")
FIRST_NAMES = ("Александр", "Мария", "Михаил", "Анна", "Артём", "София", "Иван", "Алиса", "Дмитрий",
               "Виктория", "Максим", "Полина", "Лев", "Ева", "Матвей", "Варвара")
REGION_KEY = "region_seed"  # portal_settings: the size the region was generated with
REGION_TIMES_KEY = "region_seed_seconds"  # «total copy indexes» before ANALYZE, seconds
GENERATOR_VERSION = 1  # +1 when the generated data changes
STRIPPED = ("marks", "sync_changes")  # the tables loaded without their keys and indexes
# Loaded without their foreign keys and plain indexes (their primary and unique keys stay: other
# tables' foreign keys refer to them).
LOOSENED = ("children", "certificates", "memberships", "applications", "schedule_slots")


class RegionSeedError(Exception):
    """A region cannot be generated here (a Russian message for the console)."""


@dataclass(frozen=True)
class RegionSize:
    """How big a region to make; the counts of the rest follow from ``children``."""

    children: int = DEFAULT_CHILDREN
    marks: int = DEFAULT_MARKS
    providers: int | None = None  # default: one per CHILDREN_PER_PROVIDER children, at least 2

    def describe(self) -> str:
        """The size as stored in the generated database (``portal_settings`` REGION_KEY): a
        benchmark reuses a database of the size it asks for."""
        return (f"v{GENERATOR_VERSION} children={self.children} marks={self.marks} "
                f"providers={self.provider_count}")

    @property
    def provider_count(self) -> int:
        return self.providers or max(2, round(self.children / CHILDREN_PER_PROVIDER))


@dataclass(frozen=True)
class RegionSummary:
    providers: int
    programmes: int
    groups: int
    children: int
    memberships: int
    marks: int
    changes: int
    seconds: float
    copy_seconds: float
    index_seconds: float
    bytes: int  # the database's size at the end


Say = Callable[[str], None]
CHANGE_COLUMNS = "id, seq, stream, entity, entity_key, provider_id, deleted, mark_date"


def _quiet(_line: str) -> None:
    pass


def seed_region(db_url: str, size: RegionSize = RegionSize(), say: Say = _quiet) -> RegionSummary:
    """Fill an empty PostgreSQL portal database with a region of ``size``; ``say`` gets the
    progress lines (Russian). RegionSeedError on SQLite, on a database holding data already, or on
    a marks table that is not partitioned."""
    url = db.normalize_db_url(db_url)
    if not url.startswith("postgresql"):
        raise RegionSeedError(
            "масштаб region создаётся только в PostgreSQL (COPY, разделы таблицы отметок по месяцам); "
            "укажите --db postgresql+psycopg://…")
    if size.children < 1 or size.marks < 0:
        raise RegionSeedError("число детей должно быть не меньше 1, число отметок — не меньше 0")
    started = time.perf_counter()
    engine = db.make_engine(url, pool_size=1)
    try:
        db.create_schema(engine)
        with db.read_tx(engine) as conn:
            if conn.exec_driver_sql("SELECT EXISTS (SELECT 1 FROM providers)").scalar():
                raise RegionSeedError("база уже заполнена; регион создаётся только в пустой базе")
            if not db.marks_partitioned(conn):
                raise RegionSeedError("таблица отметок в этой базе не разбита на разделы по месяцам")
            db.ensure_mark_partitions(conn, _months(YEAR_FROM, YEAR_TO))
    finally:
        engine.dispose()
    plan = _Plan(size)
    say(f"Регион: {plan.providers} организаций, {plan.programmes} программ, {plan.groups} групп, "
        f"{size.children} детей, {plan.memberships} зачислений, ≈{plan.marks} отметок "
        f"({plan.lessons} занятий на зачисление)")
    with _raw(url) as conn:
        conn.execute("SET synchronous_commit = off")
        conn.execute("SET maintenance_work_mem = '1GB'")
        saved = _strip(conn)
        t = time.perf_counter()
        seq = _copy_master(conn, plan, say)
        marks, seq = _copy_marks(url, conn, plan, seq, say)
        copy_s = time.perf_counter() - t
        say(f"Ключи и индексы ({len(saved)} шт.)…")
        t = time.perf_counter()
        _restore(conn, saved, say)
        index_s = time.perf_counter() - t
        conn.execute("UPDATE counters SET value = %s WHERE name = %s", (seq, db.SEQ_COUNTER))
        conn.execute("INSERT INTO portal_settings (key, value) VALUES (%s, %s), (%s, %s)",
                     (REGION_KEY, size.describe(), REGION_TIMES_KEY,
                      f"{time.perf_counter() - started:.0f} {copy_s:.0f} {index_s:.0f}"))
        conn.execute("SELECT setval('application_number_seq', %s)", (plan.memberships,))
        conn.execute("SELECT setval('certificate_number_seq', %s)", (size.children,))
        for table in ("providers", "programs", "modules", "study_groups", "schedule_slots", "children",
                      "certificates", "memberships", "sync_changes"):
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                         f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)")
        conn.commit()
        say("Статистика для планировщика (ANALYZE)…")
        conn.autocommit = True
        conn.execute("ANALYZE")
        size_bytes = int(conn.execute("SELECT pg_database_size(current_database())").fetchone()[0])
    seconds = time.perf_counter() - started
    say(f"Готово за {seconds:.0f} с: {marks} отметок, {seq} изменений, база {size_bytes / 2**30:.1f} ГБ")
    return RegionSummary(plan.providers, plan.programmes, plan.groups, size.children, plan.memberships,
                         marks, seq, seconds, copy_s, index_s, size_bytes)


def _months(first: date, last: date) -> list[date]:
    out, month = [], first.replace(day=1)
    while month <= last:
        out.append(month)
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return out


# --- the plan: who is where ---------------------------------------------------------------------


class _Plan:
    """The region's shape, computed once: groups' providers and weekdays, memberships."""

    def __init__(self, size: RegionSize) -> None:
        self.size = size
        self.providers = size.provider_count
        self.programmes = self.providers * PROGRAMMES_PER_PROVIDER
        self.groups = self.programmes * GROUPS_PER_PROGRAMME
        n, g = size.children, self.groups
        # (group, child) pairs in child order: 70 % one group, 25 % a second, 8 % a third
        # (the indicators' «1/2/3+» bands), spread over every provider by a multiplicative hash.
        self.member_of: list[tuple[int, int]] = []
        for child in range(1, n + 1):
            band = child % 100
            for k, on in ((1, band < 70), (2, 62 <= band <= 86), (3, 62 <= band <= 69)):
                if on:
                    group = (child * 7919 + k * 104729) % g + 1
                    self.member_of.append((group, child))
        self.memberships = len(self.member_of)
        self.lessons = math.ceil(size.marks / self.memberships) if size.marks and self.memberships else 0
        per_week = max(1, min(6, math.ceil(self.lessons / 39)))  # 39 school weeks, Sept – May
        self.weekdays = per_week
        members: dict[int, list[int]] = {}
        for group, child in self.member_of:
            members.setdefault(group, []).append(child)
        self.members = members
        self.marks = sum(len(v) for v in members.values()) * self.lessons

    def provider_of(self, group: int) -> int:
        return (self.programme_of(group) - 1) // PROGRAMMES_PER_PROVIDER + 1

    @staticmethod
    def programme_of(group: int) -> int:
        return (group - 1) // GROUPS_PER_PROGRAMME + 1

    def group_weekdays(self, group: int) -> tuple[int, ...]:
        """ISO weekdays (1 = Monday) of a group's lessons: ``weekdays`` days, spread over the week."""
        first = group % 6 + 1
        step = max(1, 6 // self.weekdays)
        return tuple(sorted({(first - 1 + i * step) % 6 + 1 for i in range(self.weekdays)}))


# --- COPY ---------------------------------------------------------------------------------------


@contextmanager
def _raw(url: str) -> Iterator[Any]:
    """A psycopg connection to the portal's database (the SQLAlchemy URL's options kept)."""
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    options = parsed.query.get("options")
    dsn = parsed.set(drivername="postgresql", query={}).render_as_string(hide_password=False)
    kwargs: dict[str, Any] = {}
    if options:  # a search_path given in the URL (the tests' schemas)
        kwargs["options"] = options if isinstance(options, str) else " ".join(options)
    with psycopg.connect(dsn, **kwargs) as conn:
        yield conn


class _Writer:
    """Buffers text rows and hands them to COPY in chunks of ~1 MB."""

    def __init__(self, copy: Any) -> None:
        self.copy = copy
        self.parts: list[str] = []
        self.size = 0

    def add(self, line: str) -> None:
        self.parts.append(line)
        self.size += 1
        if self.size >= 8192:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.copy.write("".join(self.parts))
            self.parts, self.size = [], 0


def _copy(conn: Any, table: str, columns: str, rows: Iterator[str]) -> int:
    n = 0
    with conn.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        w = _Writer(copy)
        for line in rows:
            w.add(line)
            n += 1
        w.flush()
    return n


def _copy_master(conn: Any, plan: _Plan, say: Say) -> int:
    """The master tables and their change-log rows; returns the last sequence number used."""
    size, nm = plan.size, MUNICIPALITIES
    say("Организации, программы, группы…")
    _copy(conn, "providers", "id, name, short_name, inn, ogrn, address, head_name, municipality, "
          "head_position, kpp, bank_name, bik, account, corr_account, chief_accountant",
          (f"{p}\tОрганизация дополнительного образования № {p}\tОДО № {p}\t{4700000000 + p}\t"
           f"{1024700000000 + p}\tг. Город-{p % nm + 1}, ул. Школьная, д. {p % 97 + 1}\tРуководитель {p}\t"
           f"Муниципалитет {p % nm + 1}\tдиректор\t\t\t\t\t\t\n" for p in range(1, plan.providers + 1)))
    _copy(conn, "programs", "id, provider_id, name, short_name, direction, registry, kind, form, level, "
          "age_from_months, age_to_months, status, annotation, duration_weeks, ovz, medical_certificate, "
          "addresses, teachers, revision, moderation_comment",
          (f"{i}\t{(i - 1) // PROGRAMMES_PER_PROVIDER + 1}\tПрограмма {i}\t\t{DIRECTIONS[i % 6]}\tcertified"
           f"\t\t\t\t60\t215\t{'draft' if i % 10 == 0 else 'published'}\t\t36\t[]\tf\t[]\t[]\t1\t\n"
           for i in range(1, plan.programmes + 1)))
    _copy(conn, "modules", "id, program_id, name, hours, min_children, max_children, price, normative_price",
          (f"{i}\t{i}\tМодуль 1\t72\t5\t30\t9000.00\t9000.00\n" for i in range(1, plan.programmes + 1)))
    _copy(conn, "study_groups", "id, module_id, program_id, provider_id, name, teacher, date_from, date_to, "
          "capacity, cancelled_dates, explicit_dates",
          (f"{g}\t{plan.programme_of(g)}\t{plan.programme_of(g)}\t{plan.provider_of(g)}\tГруппа {g}\t"
           f"Педагог {g % 500}\t{YEAR_FROM}\t{YEAR_TO}\t{max(30, len(plan.members.get(g, ())))}\t[]\t[]\n"
           for g in range(1, plan.groups + 1)))
    slots = [(g, wd) for g in range(1, plan.groups + 1) for wd in plan.group_weekdays(g)]
    _copy(conn, "schedule_slots", "id, group_id, weekday, time_from, time_to, room",
          (f"{i}\t{g}\t{wd}\t15:00\t15:45\tКаб. {g % 40 + 1}\n" for i, (g, wd) in enumerate(slots, 1)))
    say(f"Дети ({size.children}), сертификаты, зачисления и договоры…")
    _copy(conn, "children", "id, last_name, first_name, middle_name, birth_date, snils, doc_kind, doc_number",
          (f"{c}\t{LAST_NAMES[c % 16]}{'а' if c % 2 else ''}\t{FIRST_NAMES[(c // 16) % 16]}\t\t"
           f"{date(2008, 1, 1) + timedelta(days=c * 7919 % 5100)}\t\t\t\n"
           for c in range(1, size.children + 1)))
    _copy(conn, "certificates", "id, child_id, number, status, nominal, balance, reserve, unit",
          (f"{c}\t{c}\t{REGION_CODE}{c % nm + 1:02d}{c // nm:06d}\t{'uchet' if c % 3 == 0 else 'pf'}\t"
           f"18000.00\t{'9000.00' if c % 100 < 70 else '18000.00'}\t0.00\trub\n"
           for c in range(1, size.children + 1) if c % 10))
    _copy(conn, "memberships", "id, group_id, child_id, date_from, date_to, status",
          (f"{m}\t{g}\t{c}\t{YEAR_FROM}\t\\N\tactive\n" for m, (g, c) in enumerate(plan.member_of, 1)))
    _copy(conn, "applications", "id, number, child_id, group_id, provider_id, start_date, status, source, "
          "created_at, reason_code, reason_text, order_number, end_order_number, end_reason, "
          "contract_number, price_total, certificate_part, parent_part, history, certificate_id, "
          "membership_id",
          (f"app-{m}\tЗ-{m:06d}\t{c}\t{g}\t{plan.provider_of(g)}\t{YEAR_FROM}\tactive\tportal\t"
           f"{YEAR}-08-{m % 28 + 1:02d} 10:00:00+00\t\t\t\t\t\tД-{m:06d}\t9000.00\t9000.00\t0.00\t[]\t"
           f"{c if c % 10 else chr(92) + 'N'}\t{m}\n" for m, (g, c) in enumerate(plan.member_of, 1)))
    say("Журнал изменений основного потока…")
    return _copy_master_changes(conn, plan)


def _copy_master_changes(conn: Any, plan: _Plan) -> int:
    seq = 0

    def rows() -> Iterator[str]:
        nonlocal seq
        groups_of: dict[int, list[int]] = {}
        for g in range(1, plan.groups + 1):
            groups_of.setdefault(plan.provider_of(g), []).append(g)
        slot = 0
        slots_of: dict[int, list[int]] = {}
        for g in range(1, plan.groups + 1):
            for _wd in plan.group_weekdays(g):
                slot += 1
                slots_of.setdefault(g, []).append(slot)
        memberships_of: dict[int, list[tuple[int, int, int]]] = {}
        for m, (g, c) in enumerate(plan.member_of, 1):
            memberships_of.setdefault(plan.provider_of(g), []).append((m, g, c))
        for p in range(1, plan.providers + 1):
            keys = [("provider", p)]
            programmes = range((p - 1) * PROGRAMMES_PER_PROVIDER + 1, p * PROGRAMMES_PER_PROVIDER + 1)
            keys += [("program", i) for i in programmes]
            keys += [("module", i) for i in programmes]
            keys += [("group", g) for g in groups_of.get(p, ())]
            keys += [("schedule_slot", s) for g in groups_of.get(p, ()) for s in slots_of[g]]
            members = memberships_of.get(p, [])
            kids = sorted({c for _m, _g, c in members})
            keys += [("child", c) for c in kids]
            keys += [("certificate", c) for c in kids if c % 10]
            keys += [("membership", m) for m, _g, _c in members]
            for entity, key in keys:
                seq += 1
                yield f"{seq}\t{seq}\tmaster\t{entity}\t{key}\t{p}\tf\t\\N\n"
            for m, _g, _c in members:
                seq += 1
                yield f"{seq}\t{seq}\tmaster\tapplication\tapp-{m}\t{p}\tf\t\\N\n"

    _copy(conn, "sync_changes", CHANGE_COLUMNS, rows())
    conn.commit()
    return seq


def _copy_marks(url: str, conn: Any, plan: _Plan, seq: int, say: Say) -> tuple[int, int]:
    """The marks, day by day as they would have been pushed, through two COPYs at once (the marks
    on a second connection, their change-log rows on ``conn``); (marks, last sequence number)."""
    if not plan.lessons:
        return 0, seq
    by_weekday: dict[int, list[tuple[int, int, list[int]]]] = {}
    for g, kids in sorted(plan.members.items()):
        for wd in plan.group_weekdays(g):
            by_weekday.setdefault(wd, []).append((g, plan.provider_of(g), kids))
    held: dict[int, int] = {}  # lessons given so far per group
    total, t0, shown = 0, time.perf_counter(), 0.0
    with _raw(url) as marks_conn:
        marks_conn.execute("SET synchronous_commit = off")
        with marks_conn.cursor().copy(
            "COPY marks (group_id, child_id, lesson_date, mark_uid, provider_id, code, changed_at, "
            "changed_by, device_id, recorded_at) FROM STDIN"
        ) as mcopy, conn.cursor().copy(
            f"COPY sync_changes ({CHANGE_COLUMNS}) FROM STDIN"
        ) as ccopy:
            day = YEAR_FROM
            while day <= YEAR_TO and total < plan.marks:
                groups = by_weekday.get(day.isoweekday(), ())
                iso = day.isoformat()
                at = f"{iso} 16:{day.day % 60:02d}:00+00"
                rec = f"{iso} 18:00:00+00"
                mlines: list[str] = []
                clines: list[str] = []
                for g, p, kids in groups:
                    n = held.get(g, 0)
                    if n >= plan.lessons:
                        continue
                    held[g] = n + 1
                    head = f"{g}\t"
                    tail = f"\t{p}\t"
                    by = f"\t{at}\tПедагог {g % 500}\t\\N\t{rec}\n"
                    for c in kids:
                        uid = mark_id(g, c, iso)
                        code = 1 if (c + g + n) % 7 else (c + n) % 3 + 2  # «был» six times in seven
                        mlines.append(f"{head}{c}\t{iso}\t{uid}{tail}{code}{by}")
                        seq += 1
                        clines.append(f"{seq}\t{seq}\town\tmark\t{uid}\t{p}\tf\t{iso}\n")
                mcopy.write("".join(mlines))
                ccopy.write("".join(clines))
                total += len(mlines)
                now = time.perf_counter()
                if now - shown >= 15 and total:
                    shown = now
                    say(f"Отметки: {total} из ≈{plan.marks} ({day:%d.%m.%Y}), "
                        f"{total / (now - t0) / 1e3:.0f} тыс./с")
                day += timedelta(days=1)
        marks_conn.commit()
    conn.commit()
    say(f"Отметки записаны: {total} за {time.perf_counter() - t0:.0f} с")
    return total, seq


# --- keys and indexes off during the load ---------------------------------------------------------


def _strip(conn: Any) -> list[tuple[str, str, str]]:
    """Drop the keys and indexes of STRIPPED; returns how to make them again, in order
    (kind, table, SQL): primary and unique keys first, then plain indexes, foreign keys last."""
    saved: list[tuple[str, str, str]] = []
    for table in (*STRIPPED, *LOOSENED):
        kinds = ["p", "u", "f"] if table in STRIPPED else ["f"]
        for name, kind, definition in conn.execute(
            "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = to_regclass(%s) AND contype = ANY(%s) ORDER BY contype DESC",
            (table, kinds)).fetchall():
            saved.append((kind, table, f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}"))
            conn.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
        for name, definition in conn.execute(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = to_regclass(%s) "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
            (table,)).fetchall():
            # A partitioned table's index reads «ON ONLY marks»: made so, it would cover no partition.
            saved.append(("i", table, definition.replace(" ON ONLY ", " ON ", 1)))
            conn.execute(f"DROP INDEX {name}")
    conn.commit()
    order = {"p": 0, "u": 1, "i": 2, "f": 3}
    return sorted(saved, key=lambda s: order[s[0]])


def _restore(conn: Any, saved: list[tuple[str, str, str]], say: Say) -> None:
    for _kind, table, sql in saved:
        t = time.perf_counter()
        conn.execute(sql)
        conn.commit()
        say(f"  {table}: {sql.split(' ON ')[0] if sql.startswith('CREATE') else sql.split(' ADD ')[1][:60]}"
            f" — {time.perf_counter() - t:.0f} с")
