"""Issue 17: the parents' catalogue page of 2,000 programmes beside the raw query of the same rows.

A portal database (SQLite, in the run's temporary folder) holds 2,000 published programmes of 40
providers in two municipalities: all six directions and five registries, 1–2 modules each, a group
per module with two weekly slots and 0–15 pupils (≈ 22,000 memberships), so the page has real work:
the programmes, their modules' prices, the open groups and their free places.

* 17a. ``GET /catalog`` over HTTP from the portal on 127.0.0.1 (EmbeddedPortal: uvicorn, the app,
  Jinja2, gzip): the first page (50 cards) of all 2,000 programmes with the count, the free places
  of every group counted; median of 15 after a warm-up.
* 17b. The same with every filter a parent can set (direction, age, municipality, «по сертификату»,
  only with free places).
Baseline, same run, same file: the raw ``sqlite3`` SELECT of the same programmes with their
provider (the rows the page lists), fetched whole. Target: the API's budget (row 15a: p95 ≤ 1 s).

Standalone: ``.venv/bin/python -m benchmarks.catalogue_bench``.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.table import Row

PROGRAMS = 2000
PROVIDERS = 40
RUNS = 15
TODAY = date(2026, 11, 24)
DIRECTIONS = ("technical", "natural_science", "sport", "art", "tourism", "social")
REGISTRIES = ("certified", "certified", "general", "significant", "preprofessional", "paid")
MUNICIPALITIES = ("Заречный муниципальный округ", "Озёрский городской округ")
WORDS = ["Робототехника", "Юный", "эколог", "Футбол", "Шахматы", "Вокал", "Театр", "Краевед",
         "Журналистика", "Программирование", "Рисунок", "Танцы", "Волейбол", "Астрономия"]
FILTERED = {"direction": "technical", "age": "10", "municipality": MUNICIPALITIES[1], "pay": "certificate",
            "free": "1"}
RAW = ("SELECT p.id, p.name, p.direction, p.registry, p.age_from_months, p.age_to_months, v.short_name, "
       "v.name, v.municipality FROM programs p JOIN providers v ON v.id = p.provider_id "
       "WHERE p.status = 'published' {where} ORDER BY p.name, p.id")
RAW_FILTERED = ("AND p.direction = 'technical' AND p.registry = 'certified' AND v.municipality = ? "
                "AND p.age_from_months <= 131 AND p.age_to_months >= 120")


def build(path: Path) -> str:
    """The portal database with the 2,000 programmes; its URL."""
    from pfdo_portal import db

    url = f"sqlite:///{path}"
    engine = db.make_engine(url)
    db.create_schema(engine)
    rng = random.Random(17)
    programs, modules, groups, slots, children, members = [], [], [], [], [], []
    module_id = group_id = child_id = 0
    for i in range(1, PROGRAMS + 1):
        name = f"{WORDS[i % len(WORDS)]} {WORDS[(i * 7) % len(WORDS)].lower()} {i}"
        start = 5 + i % 6
        programs.append({"id": i, "provider_id": 1 + i % PROVIDERS, "name": name, "short_name": name[:20],
                         "direction": DIRECTIONS[i % 6], "registry": REGISTRIES[i % 5 if i % 7 else 5],
                         "kind": "general", "form": "full_time", "level": "base",
                         "age_from_months": 12 * start, "age_to_months": 12 * (start + 6) + 11,
                         "status": "published", "annotation": "Описание программы. " * 10,
                         "duration_weeks": 36, "addresses": "[]", "teachers": "[]", "ovz": "[]"})
        for _m in range(1 + i % 2):
            module_id += 1
            modules.append({"id": module_id, "program_id": i, "name": f"{module_id}-й год", "hours": 144,
                            "min_children": 5, "max_children": 15, "price": "12000.00" if i % 3 else "0.00",
                            "normative_price": "11000.00"})
            group_id += 1
            groups.append({"id": group_id, "module_id": module_id, "program_id": i,
                           "provider_id": 1 + i % PROVIDERS, "name": f"Группа {group_id}",
                           "teacher": "Иванова Анна Сергеевна", "date_from": date(2026, 9, 1),
                           "date_to": date(2027, 5, 31), "capacity": 15, "cancelled_dates": "[]",
                           "explicit_dates": "[]"})
            slots += [{"group_id": group_id, "weekday": wd, "time_from": "15:00", "time_to": "16:30",
                       "room": "каб. 1"} for wd in (1, 4)]
            for _k in range(rng.randint(0, 15)):
                child_id += 1
                children.append({"id": child_id, "last_name": "Иванов", "first_name": "Пётр",
                                 "middle_name": "", "birth_date": date(2015, 1, 1)})
                members.append({"group_id": group_id, "child_id": child_id, "date_from": date(2026, 9, 1),
                                "date_to": None, "status": "active"})
    with db.write_tx(engine) as conn:
        conn.execute(db.providers.insert(), [
            {"id": k, "name": f"Организация {k}", "short_name": f"Организация {k}",
             "municipality": MUNICIPALITIES[k % 2], "address": f"ул. Ленина, д. {k}"}
            for k in range(1, PROVIDERS + 1)])
        for table, rows in ((db.programs, programs), (db.modules, modules), (db.groups, groups),
                            (db.schedule_slots, slots), (db.children, children), (db.memberships, members)):
            conn.execute(table.insert(), rows)
    engine.dispose()
    return url


def _median_ms(fn: Any, runs: int = RUNS) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def run(tmp: Path) -> tuple[list[Row], list[str]]:
    import httpx

    from pfdo_portal.app import PortalSettings
    from pfdo_portal.embedded import EmbeddedPortal

    path = tmp / "catalogue.db"
    url = build(path)
    raw = sqlite3.connect(path)
    rows: list[Row] = []
    notes: list[str] = []
    with EmbeddedPortal(url, settings=PortalSettings(today=TODAY)) as portal, \
            httpx.Client(base_url=portal.url, timeout=60) as client:
        for label, params, where, args in (("17a", {}, "", ()),
                                           ("17b", FILTERED, RAW_FILTERED, (MUNICIPALITIES[1],))):
            page = client.get("/catalog", params=params)
            assert page.status_code == 200, page.status_code
            shown = page.text.count('class="card"')
            found = int(page.text.split("Найдено программ: ", 1)[1].split("<", 1)[0])

            def get(params: dict[str, str] = params) -> None:
                assert client.get("/catalog", params=params).status_code == 200

            def select(where: str = where, args: tuple = args) -> None:
                raw.execute(RAW.format(where=where), args).fetchall()

            ours, base = _median_ms(get), _median_ms(select)
            n_raw = len(raw.execute(RAW.format(where=where), args).fetchall())
            what = "all 2,000 programmes" if not params else "every filter set"
            figure = (f"{label}. the parents' catalogue page over HTTP, {what} ({found} found, {shown} "
                      f"cards on the page), median of {RUNS}, ms")
            rows.append(Row(figure, ours, base, "ms", "≤ 1 s (the API's, 15a)", ours <= 1000, 1, runs=RUNS))
            query = "?…" if params else ""
            notes.append(f"{label}: benchmarks/catalogue_bench.py — GET /catalog{query} from "
                         f"EmbeddedPortal (SQLite, {PROGRAMS} programmes, {PROVIDERS} providers, free places "
                         f"of every open group counted). Baseline: the raw sqlite3 SELECT of the same "
                         f"programmes with their provider ({n_raw} rows), same file.")
    raw.close()
    return rows, notes


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        figures, remarks = run(Path(folder))
        for r in figures:
            print(f"{r.figure}: {r.ours:.1f} ms vs {r.baseline:.2f} ms ({r.ratio:.1f}×)")
        for line in remarks:
            print(line)
