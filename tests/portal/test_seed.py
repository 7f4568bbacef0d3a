"""The demo district: deterministic and realistic."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from enrolment_helpers import groups, op
from portal_helpers import TODAY
from sqlalchemy import select

from pfdo_desktop.domain import pricing
from pfdo_desktop.domain.ages import age_in_months, age_on
from pfdo_desktop.domain.catalog import DIRECTIONS
from pfdo_desktop.domain.identity import snils_error
from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin, db
from pfdo_portal.seed import (
    DEMO_SEED,
    KIND_ART_SCHOOL,
    KIND_ENTREPRENEUR,
    KIND_HOUSE_OF_CREATIVITY,
    KIND_KINDERGARTEN,
    KIND_LLC,
    KIND_NONPROFIT,
    KIND_SCHOOL,
    KIND_SPORT_SCHOOL,
    head_position,
    seed_demo,
)

# Applications whose certificate part stays reserved (the days studied of an ended contract too).
RESERVING = {"confirmed", "active", "expelled", "transferred", "terminated"}


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


def _rows(url: str) -> dict[str, list[dict]]:
    data = _dump(url)
    cols = {name: [c.name for c in t.columns] for name, t in db.MASTER_TABLES.items()}
    return {name: [dict(zip(cols[name], r, strict=True)) for r in data[name]] for name in cols}


def _reserves_add_up(rows: dict[str, list[dict]]) -> dict[int, Decimal]:
    """Every certificate's reserve is the sum of its contracts' certificate parts, within the
    balance; returns the reserves."""
    parts: Counter = Counter()
    for a in rows["application"]:
        if a["certificate_id"] is not None and a["status"] in RESERVING:
            parts[a["certificate_id"]] += Decimal(a["certificate_part"])
    out = {}
    for cert in rows["certificate"]:
        reserve = Decimal(cert["reserve"])
        assert reserve == parts[cert["id"]], cert
        assert Decimal(cert["balance"]) >= reserve, cert
        out[cert["id"]] = reserve
    return out


def test_same_seed_gives_the_same_district(tmp_path, db_url):
    again = f"sqlite:///{tmp_path / 'again.db'}"
    seed_demo(again, "demo", today=TODAY, seed=DEMO_SEED)
    assert _dump(again) == _dump(db_url)
    other = f"sqlite:///{tmp_path / 'other.db'}"
    seed_demo(other, "demo", today=TODAY, seed=7)
    assert _dump(other)["child"] != _dump(db_url)["child"]


def test_the_district_is_the_same_whatever_day_it_is_seeded(tmp_path, db_url):
    """Seeded a fortnight or half a year later, the district has the same providers, programmes,
    groups and children (only the dates move and more lessons have marks): the demo a trainer
    rehearsed and the namesakes the tests look for stay where they were."""
    def shape(data):
        children = [(c[1], c[2], c[3], c[5]) for c in data["child"]]  # ФИО, СНИЛС
        numbers = [c[:4] for c in data["certificate"]]  # the money moves with the contracts' days
        return data["provider"], data["program"], data["module"], children, numbers

    base = _dump(db_url)
    for shift_days in (13, 170):
        other = f"sqlite:///{tmp_path / f'later{shift_days}.db'}"
        seed_demo(other, "demo", today=TODAY + timedelta(days=shift_days), seed=DEMO_SEED)
        moved = _dump(other)
        assert shape(moved) == shape(base)
        assert [g[:4] for g in moved["group"]] == [g[:4] for g in base["group"]]
        assert len(moved["mark"]) > len(base["mark"])


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


def test_every_membership_stands_on_a_contract(seeded, db_url):
    rows = _rows(db_url)
    groups_by_id = {g["id"]: g for g in rows["group"]}
    programs = {p["id"]: p for p in rows["program"]}
    modules = {m["id"]: m for m in rows["module"]}
    certs = {c["id"]: c for c in rows["certificate"]}
    by_membership = Counter(a["membership_id"] for a in rows["application"] if a["membership_id"])
    assert set(by_membership) == {m["id"] for m in rows["membership"]} and set(by_membership.values()) == {1}
    apps = {a["membership_id"]: a for a in rows["application"] if a["membership_id"]}
    numbers = [a["number"] for a in rows["application"]]
    assert len(set(numbers)) == len(numbers)
    midnight = datetime.combine(TODAY, datetime.min.time())
    co_paid = 0
    for m in rows["membership"]:
        a = apps[m["id"]]
        group = groups_by_id[m["group_id"]]
        assert (a["child_id"], a["group_id"]) == (m["child_id"], m["group_id"])
        assert a["provider_id"] == group["provider_id"]
        assert (a["source"], a["start_date"]) == ("portal", m["date_from"])
        assert a["contract_number"] == "Д-" + a["number"][2:] and re.fullmatch(r"\d+-у", a["order_number"])
        assert a["order_date"] < m["date_from"] and a["order_date"] < TODAY
        assert _plain(a["created_at"]) < _plain(a["decided_at"]) < midnight
        if m["date_to"] is None:
            assert (a["status"], a["end_date"]) == ("active", None)
            last = group["date_to"]
        else:
            assert (a["status"], a["end_date"]) == ("expelled", m["date_to"])
            assert a["end_order_date"] == m["date_to"]
            assert a["end_reason"] and a["end_order_number"]
            last = m["date_to"]
        assert [h["status"] for h in json.loads(a["history"])] == ["new", "confirmed", "active"] + (
            ["expelled"] if m["date_to"] else []
        )
        module = modules[group["module_id"]]
        if programs[group["program_id"]]["registry"] != "certified":
            money = (a["price_total"], a["certificate_part"], a["parent_part"], a["certificate_id"])
            assert money == (None,) * 4
            continue
        cost = pricing.contract_cost_for_period(
            m["date_from"], last, group["date_from"], group["date_to"], module["price"],
            module["normative_price"], Decimal("1e9"),
        )
        assert Decimal(a["price_total"]) == cost.all
        assert Decimal(a["certificate_part"]) + Decimal(a["parent_part"]) == cost.all
        assert Decimal(a["certificate_part"]) <= cost.normative
        co_paid += Decimal(a["parent_part"]) > 0
        if a["certificate_id"] is None:  # a сертификат учёта pays nothing: the parent pays all
            assert a["certificate_part"] == "0.00"
        else:
            assert certs[a["certificate_id"]]["child_id"] == m["child_id"]
            assert certs[a["certificate_id"]]["status"] == "pf"
    assert co_paid
    reserves = _reserves_add_up(rows)
    assert sum(1 for r in reserves.values() if r > 0) > 20
    # The parents' online applications are still waiting, numbered first.
    waiting = [a for a in rows["application"] if a["status"] == "new"]
    assert 5 <= len(waiting) <= 8 and {a["number"] for a in waiting} == {
        f"З-{n:06d}" for n in range(1, len(waiting) + 1)
    }


def test_a_seeded_pupil_can_be_expelled_and_transferred(device, db_url):
    rows = _rows(db_url)
    mine = [
        a for a in rows["application"]
        if a["provider_id"] == device.provider_id and a["status"] == "active" and a["certificate_id"]
        # paid in full by the certificate: fewer days then mean a smaller certificate part
        and Decimal(a["certificate_part"] or 0) > 0 and Decimal(a["parent_part"] or 0) == 0
    ]
    assert mine
    expel = mine[0]
    [res] = device.push_ok([
        op(p.OP_APP_EXPEL, uid=expel["id"], order_number="40-у", order_date=TODAY.isoformat(),
           date_to="2026-02-28", reason="moved")
    ])
    assert (res["status"], res["server_record"]["status"]) == ("applied", "expelled")
    assert Decimal(res["server_record"]["certificate_part"]) < Decimal(expel["certificate_part"])
    # A pupil moves to another group of the school (one with a place that admits the child).
    children = {c["id"]: c for c in rows["child"]}
    members = {(m["group_id"], m["child_id"]) for m in rows["membership"]}
    on = date(2026, 1, 20)
    candidates = [
        (a, g)
        for a in rows["application"]
        if a["provider_id"] == device.provider_id and a["status"] == "active" and a["id"] != expel["id"]
        for g in groups(db_url, device.provider_id)
        if g.id != a["group_id"] and g.registry not in ("paid", "certified") and g.free > 0
        and (g.id, a["child_id"]) not in members
        and g.age_from_months <= age_in_months(children[a["child_id"]]["birth_date"], on) <= g.age_to_months
    ]
    assert candidates
    moved, target = candidates[0]
    new_uid = p.new_uid()
    [res] = device.push_ok([
        op(p.OP_APP_TRANSFER, uid=moved["id"], new_uid=new_uid, to_group_id=target.id, date=on.isoformat(),
           order_number="7-п", order_date=TODAY.isoformat())
    ])
    assert (res["status"], res["code"], res["server_record"]["status"]) == ("applied", None, "transferred")
    assert admin.get_application(db_url, new_uid)["status"] == "active"
    _reserves_add_up(_rows(db_url))  # the released money left the reserves


def test_school_scale_is_big(empty_db_url):
    """The benchmarks' district (its seeding speed is a benchmark matter, not a test's)."""
    summary = seed_demo(empty_db_url, "school", today=TODAY)
    c = summary.counts
    assert c["provider"] == 1 and 110 <= c["group"] <= 130 and 1300 <= c["child"] <= 1700
    assert c["membership"] > c["child"]  # some children attend two groups
    assert c["membership"] < c["application"] <= c["membership"] + 8  # a contract each, a few waiting
    assert c["mark"] > 10_000
    rows = _rows(empty_db_url)
    assert [p["head_position"] for p in rows["provider"]] == ["директор"]
    _reserves_add_up(rows)
    # Seeding again leaves a filled database alone.
    assert seed_demo(empty_db_url, "school", today=TODAY).created is False


def test_each_provider_s_head_has_the_position_its_kind_of_organisation_gives(seeded, db_url):
    """A school, a ДШИ, a ДЮСШ and a ДДТ have a «директор», the ООО club a «генеральный директор»:
    the printed contracts say «в лице директора …», not «в лице руководителя …»."""
    rows = _rows(db_url)["provider"]
    assert [(r["short_name"], r["head_position"]) for r in rows] == [
        ("МАОУ СОШ № 3", "директор"),
        ("ДШИ им. П. И. Чайковского", "директор"),
        ("ДЮСШ «Олимп»", "директор"),
        ("ДДТ", "директор"),
        ("ООО «Кванториум-Старт»", "генеральный директор"),
    ]


@pytest.mark.parametrize(
    ("kind", "male", "position"),
    [
        (KIND_SCHOOL, True, "директор"),
        (KIND_SCHOOL, False, "директор"),  # «директор» for a woman too: a title, not a gender
        (KIND_KINDERGARTEN, True, "заведующий"),
        (KIND_KINDERGARTEN, False, "заведующая"),
        (KIND_ART_SCHOOL, False, "директор"),
        (KIND_SPORT_SCHOOL, True, "директор"),
        (KIND_HOUSE_OF_CREATIVITY, False, "директор"),
        (KIND_LLC, True, "генеральный директор"),
        (KIND_NONPROFIT, False, "директор"),
        (KIND_ENTREPRENEUR, True, ""),  # the forms tell an ИП by its name and print no title
    ],
)
def test_the_head_s_position_by_kind_of_provider(kind, male, position):
    assert head_position(kind, male) == position

