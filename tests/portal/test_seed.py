"""The demo district: deterministic and realistic."""

from __future__ import annotations

import re
import time
from collections import Counter
from datetime import UTC, date, datetime

from portal_helpers import TODAY
from sqlalchemy import select

from pfdo_desktop.domain.ages import age_on
from pfdo_desktop.domain.catalog import DIRECTIONS
from pfdo_desktop.domain.identity import snils_error
from pfdo_portal import db
from pfdo_portal.seed import seed_demo


def _plain(value):
    """Datetimes as naive UTC: PostgreSQL gives them back aware, SQLite naive."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _dump(url: str) -> dict[str, list[tuple]]:
    engine = db.make_engine(url)
    with engine.connect() as conn:
        tables = {**db.MASTER_TABLES, "mark": db.marks}
        out = {
            name: [tuple(map(_plain, r)) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for name, t in tables.items()
        }
        out["mark"] = [r[:3] + r[5:6] for r in out["mark"]]  # cell and code
    engine.dispose()
    return out


def test_same_seed_gives_the_same_district(tmp_path, db_url):
    again = f"sqlite:///{tmp_path / 'again.db'}"
    seed_demo(again, "demo", today=TODAY, seed=42)
    assert _dump(again) == _dump(db_url)
    other = f"sqlite:///{tmp_path / 'other.db'}"
    seed_demo(other, "demo", today=TODAY, seed=7)
    assert _dump(other)["child"] != _dump(db_url)["child"]


def test_demo_district_looks_real(seeded, db_url):
    data = _dump(db_url)
    cols = {name: [c.name for c in t.columns] for name, t in db.MASTER_TABLES.items()}
    rows = {name: [dict(zip(cols[name], r, strict=True)) for r in data[name]] for name in cols}
    assert 4 <= len(rows["provider"]) <= 5
    assert "школа" in rows["provider"][0]["name"].lower() and seeded.demo_provider_id == 1
    assert 200 <= len(rows["child"]) <= 600
    for prov in rows["provider"]:
        assert re.fullmatch(r"\d{10}", prov["inn"]) and re.fullmatch(r"\d{13}", prov["ogrn"])
        assert prov["municipality"] == "Заречный муниципальный округ" and prov["head_name"].count(" ") == 2
    assert {p["direction"] for p in rows["program"]} == set(DIRECTIONS)
    for child in rows["child"]:
        assert snils_error(child["snils"]) is None, child["snils"]
        assert 5 <= age_on(child["birth_date"], TODAY) <= 18
        assert re.fullmatch(r"[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?", child["last_name"])
    assert len({c["snils"] for c in rows["child"]}) == len(rows["child"])
    # Male and female forms agree: a girl's patronymic ends in -вна/-чна.
    females = [c for c in rows["child"] if c["middle_name"].endswith(("вна", "чна"))]
    assert females and all(not c["last_name"].endswith(("ов", "ев", "ин")) for c in females)
    # Namesakes exist, told apart by the birth date.
    names = Counter((c["last_name"], c["first_name"], c["middle_name"]) for c in rows["child"])
    twins = [n for n, k in names.items() if k > 1]
    assert twins
    for name in twins:
        births = [
            c["birth_date"]
            for c in rows["child"]
            if (c["last_name"], c["first_name"], c["middle_name"]) == name
        ]
        assert len(set(births)) == len(births)
    numbers = [c["number"] for c in rows["certificate"]]
    assert all(re.fullmatch(r"\d{10}", n) for n in numbers) and len(set(numbers)) == len(numbers)
    assert (
        any(n.startswith("0") for n in numbers)
        and Counter(n[:4] for n in numbers).most_common(1)[0][0] == "4718"
    )
    assert {c["status"] for c in rows["certificate"]} == {"uchet", "pf"}
    for g in rows["group"]:
        assert (g["date_from"], g["date_to"]) == (date(2025, 9, 1), date(2026, 5, 31))
        assert "2025-11-04" in g["cancelled_dates"] and "2026-01-05" in g["cancelled_dates"]
    assert all(re.fullmatch(r"\d\d:\d\d", s["time_from"]) for s in rows["schedule_slot"])
    # Attendance so far: only past lessons, mostly present.
    codes = Counter(m[3] for m in data["mark"])
    assert all(m[2] < TODAY for m in data["mark"])
    assert 0.78 <= codes[1] / sum(codes.values()) <= 0.9 and codes[2] and codes[3] and codes[4]


def test_school_scale_is_big_and_quick(empty_db_url):
    started = time.perf_counter()
    summary = seed_demo(empty_db_url, "school", today=TODAY)
    assert time.perf_counter() - started < 20
    c = summary.counts
    assert c["provider"] == 1 and 110 <= c["group"] <= 130 and 1300 <= c["child"] <= 1700
    assert c["membership"] > c["child"]  # some children attend two groups
    assert c["mark"] > 10_000
    # Seeding again leaves a filled database alone.
    assert seed_demo(empty_db_url, "school", today=TODAY).created is False
