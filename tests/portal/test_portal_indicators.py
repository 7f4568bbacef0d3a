"""Indicators on the portal (issue 13, docs/indicators.md «Portal»): the SQL path gives what the
domain's functions give from every plain row; a district loaded with given counts prints its
published shares; ``pfdo-portal population`` / ``indicators``; ``GET /indicators`` for a device."""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from portal_helpers import TODAY
from sqlalchemy import select, update

from pfdo_desktop.domain import indicators as ind
from pfdo_desktop.domain.payment import month_first_day
from pfdo_portal import db, indicators, money
from pfdo_portal.cli import main
from pfdo_portal.region import MUNICIPALITY_CODE, REGION_CODE
from pfdo_portal.seed import MUNICIPALITY

PERIOD_FROM = date(2025, 9, 1)
NOW = datetime(2025, 11, 24, 12, tzinfo=UTC)


def _document(conn, provider_id: int, kind: str, month: tuple[int, int], status: str, lines: list[dict],
              total: str = "0.00") -> None:
    doc_id = conn.execute(db.money_documents.insert().values(
        uid=str(uuid.uuid4()), kind=kind, provider_id=provider_id, payer=MUNICIPALITY,
        month=month_first_day(month), number=f"{kind}-{provider_id}-{month}-{status}", status=status,
        total=total, created_at=NOW, live_key=None if status == money.ST_RETURNED else str(uuid.uuid4()),
    ).returning(db.money_documents.c.id)).scalar_one()
    for n, line in enumerate(lines, 1):
        conn.execute(db.money_lines.insert().values(
            document_id=doc_id, n=n, contract_number="1", contract_date=date(2025, 9, 1), **line))


def _bill(db_url: str, provider_id: int) -> None:
    """September and October invoiced and accepted (September's first contract paid 100.00 less, a
    line of a contract that pays nothing that month, October's invoice carrying a +40.00 correction
    of September), advances for October and November (and one returned: not counted)."""
    engine = db.make_engine(db_url)
    try:
        with db.write_tx(engine) as conn:
            for month, status in (((2025, 9), money.ST_PAID), ((2025, 10), money.ST_ACCEPTED)):
                contracts = [c for c in money.compute(conn, provider_id, month).figures.contracts
                             if c.certificate_amount > 0]
                assert contracts
                lines = [{"application_id": c.contract_id, "certificate_number": c.certificate_number,
                          "amount": f"{c.certificate_payment:.2f}"} for c in contracts]
                if month == (2025, 9):
                    lines[0]["amount"] = f"{Decimal(lines[0]['amount']) - 100:.2f}"
                    lines.append({"application_id": "no-such-contract", "amount": "12.34"})
                else:
                    lines.append({"application_id": contracts[0].contract_id, "amount": "40.00",
                                  "corrects_month": date(2025, 9, 1)})
                _document(conn, provider_id, money.KIND_INVOICE, month, status, lines)
            _document(conn, provider_id, money.KIND_ADVANCE, (2025, 10), money.ST_PAID, [], "1000.00")
            _document(conn, provider_id, money.KIND_ADVANCE, (2025, 11), money.ST_SENT, [], "900.50")
            _document(conn, provider_id, money.KIND_ADVANCE, (2025, 11), money.ST_RETURNED, [], "77.00")
    finally:
        engine.dispose()


def test_the_sql_path_gives_what_the_domain_gives_on_the_demo_district(db_url, seeded):
    assert main(["population", "--db", db_url, "--municipality", MUNICIPALITY, "--year", "2025",
                 "--children", "1234"]) == 0
    _bill(db_url, seeded.demo_provider_id)
    engine = db.make_engine(db_url)
    try:
        with db.read_tx(engine) as conn:
            scopes = [indicators.region_scope(), indicators.municipality_scope(conn, MUNICIPALITY),
                      *(indicators.provider_scope(conn, pid) for pid, _name in seeded.providers)]
            for scope in scopes:
                for on, period_from in ((TODAY, PERIOD_FROM), (date(2025, 10, 15), date(2025, 8, 1))):
                    sql = indicators.sql_indicators(conn, scope, on, period_from, on).to_json()
                    reference = indicators.domain_indicators(conn, scope, on, period_from, on).to_json()
                    assert sql == reference, (scope, on)
            whole = indicators.sql_indicators(conn, scopes[1], TODAY, PERIOD_FROM, TODAY)
    finally:
        engine.dispose()
    # The district is not trivial: every section has figures.
    c = whole.certificates
    assert whole.population == 1234 and c.issued > 100 and c.on_1 and c.on_2 and c.on_3_plus
    assert 0 < c.used < c.issued and whole.coverage.children > c.used
    assert whole.places.places > whole.places.occupied > 0 and whole.attendance
    sep, oct_, nov = whole.money
    assert sep.paid > 0 and sep.returned == Decimal("47.66") and 0 < sep.reserved < sep.nominal
    assert sep.lines > 0  # 100.00 less paid, +40.00 corrected, a line of 12.34 for nothing: 47.66 back
    assert oct_.advance == Decimal("1000.00") and nov.advance == Decimal("900.50")
    assert nov.reserved == nov.nominal > 0 and nov.paid == 0
    assert {a.status for a in whole.applications if a.count}


def test_the_age_band_s_birth_dates_are_in_age_band_s_own():
    for on in (date(2025, 11, 15), date(2024, 2, 29), date(2025, 3, 1), date(2025, 1, 1)):
        earliest, latest = indicators.birth_dates_in_band(on)
        assert ind.in_age_band(earliest, on) and ind.in_age_band(latest, on)
        assert not ind.in_age_band(earliest - timedelta(days=1), on)
        assert not ind.in_age_band(latest + timedelta(days=1), on)


# --- a district with given counts ---------------------------------------------------------------------

# The published table of a district (awkward on purpose: 6.25 must print 6,3 — the bankers'
# rounding would print 6,2; 71.25 → 71,3 — and 3.75, 16.8, whole numbers).
PUBLISHED = {
    "Детей 5–18 лет в территории": ("2 000", ""),
    "Выдано сертификатов (доля от детей 5–18 лет)": ("125", "6,3 %"),
    "из них ПФ": ("45", "36,0 %"),
    "из них учёта": ("80", "64,0 %"),
    "Используются (доля от выданных)": ("70", "56,0 %"),
    "Обучаются на 1 программе": ("41", "32,8 %"),
    "Обучаются на 2 программах": ("21", "16,8 %"),
    "Обучаются на 3 и более программах": ("8", "6,4 %"),
    "Охват детей 5–17 лет (доля от детей 5–18 лет)": ("75", "3,8 %"),
    "Программ: техническая": ("1", "33,3 %"),
    "Программ: художественная": ("2", "66,7 %"),
    "Мест в группах": ("160", ""),
    "Занято мест (наполняемость)": ("114", "71,3 %"),  # 71.25, the 18-year-old and the neighbour included
}
DISTRICT = "Тестовый район"
ON = date(2025, 11, 15)


def _load_district(db_url: str) -> None:
    """125 certificates (45 ПФ) of children 5–17 with the district's numbers, 70 of them studying
    on 1 / 2 / 3 programmes (41 / 21 / 8), 5 children without a certificate studying, and those
    who must not count: an 18-year-old with a certificate and a programme, a certificate of another
    district, one holder whose only contract expired."""
    engine = db.make_engine(db_url)
    db.create_schema(engine)
    born = date(2012, 5, 5)
    prefix = REGION_CODE + "07"
    try:
        with db.write_tx(engine) as conn:
            conn.execute(db.providers.insert().values(id=1, name="ДДТ", municipality=DISTRICT))
            for pid, direction in ((1, "technical"), (2, "art"), (3, "art")):
                conn.execute(db.programs.insert().values(
                    id=pid, provider_id=1, name=f"Программа {pid}", direction=direction, registry="certified",
                    age_from_months=60, age_to_months=216))
                conn.execute(db.modules.insert().values(id=pid, program_id=pid, name="М", hours=72,
                                                        min_children=1, max_children=100, price="0.00",
                                                        normative_price="0.00"))
            conn.execute(db.programs.insert().values(  # a draft: not a programme of the table
                id=4, provider_id=1, name="Черновик", direction="technical", registry="certified",
                age_from_months=60, age_to_months=216, status="draft"))
            for gid, capacity in ((1, 80), (2, 40), (3, 40)):
                conn.execute(db.groups.insert().values(
                    id=gid, module_id=gid, program_id=gid, provider_id=1, name=f"Группа {gid}",
                    date_from=date(2025, 9, 1), date_to=date(2026, 5, 31), capacity=capacity))
            children, certificates, memberships = [], [], []
            for i in range(1, 136):
                children.append({"id": i, "last_name": "Ребёнок", "first_name": str(i),
                                 "birth_date": date(2007, 11, 15) if i == 131 else born})
            for i in range(1, 126):
                certificates.append({"id": i, "child_id": i, "number": f"{prefix}{i:06d}",
                                     "status": "pf" if i <= 45 else "uchet", "nominal": "10000.00"})
            certificates.append({"id": 131, "child_id": 131, "number": f"{prefix}000131", "status": "pf",
                                 "nominal": "10000.00"})
            certificates.append({"id": 132, "child_id": 132, "number": f"{REGION_CODE}99000132",
                                 "status": "pf", "nominal": "10000.00"})

            def study(child: int, *groups: int, **kw: object) -> None:
                memberships.extend({"child_id": child, "group_id": g, "date_from": date(2025, 9, 1),
                                    "date_to": None, "status": "active", **kw} for g in groups)

            for i in range(1, 42):
                study(i, 1)
            for i in range(42, 63):
                study(i, 1, 2)
            for i in range(63, 71):
                study(i, 1, 2, 3)
            for i in range(126, 131):  # no certificate: coverage only
                study(i, 3)
            study(132, 1)  # another district's certificate: studying here, not this district's child
            study(131, 2)  # 18 today: holds a place, counts nowhere else
            study(71, 2, date_to=date(2025, 10, 31), status="expelled")  # an expired contract
            conn.execute(db.children.insert(), children)
            conn.execute(db.certificates.insert(), certificates)
            conn.execute(db.memberships.insert(), memberships)
            db.fix_pg_sequences(conn)
    finally:
        engine.dispose()


def test_a_district_loaded_with_its_counts_prints_its_published_table(empty_db_url, capsys):
    _load_district(empty_db_url)
    assert main(["population", "--db", empty_db_url, "--municipality", DISTRICT, "--year", "2025",
                 "--children", "2000", "--code", "07"]) == 0
    assert "код в номерах сертификатов 07" in capsys.readouterr().out
    assert main(["indicators", "--db", empty_db_url, "--municipality", DISTRICT,
                 "--date", ON.isoformat()]) == 0
    out = capsys.readouterr().out.replace("\u202f", " ")
    assert out.startswith(f"Показатели: {DISTRICT} на 15.11.2025, период 01.09.2025–15.11.2025\n")
    lines = out.splitlines()
    for title, (value, share) in PUBLISHED.items():
        line = next(x for x in lines if x.startswith(title + " "))
        tail = rf"\s+{re.escape(share)}" if share else ""
        assert re.fullmatch(rf"{re.escape(title)}\s+{re.escape(value)}{tail}", line.rstrip()), line
    table = lines[2:lines.index("Деньги по месяцам") - 1]
    assert len({len(x) for x in table if x.endswith("%")} | {len(table[0])}) == 1  # aligned columns
    # The JSON says the same with numbers.
    assert main(["indicators", "--db", empty_db_url, "--municipality", DISTRICT, "--date", ON.isoformat(),
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["certificates"]["issued_share"] == 6.3
    assert data["coverage"] == {"children": 75, "percent": 3.8}
    assert data["children_5_18"] == 2000


def test_population_replaces_the_year_and_keeps_the_municipality_s_code(db_url, capsys):
    assert main(["population", "--db", db_url, "--municipality", MUNICIPALITY, "--year", "2025",
                 "--children", "100"]) == 0
    assert main(["population", "--db", db_url, "--municipality", MUNICIPALITY, "--year", "2025",
                 "--children", "4000"]) == 0
    assert f"код в номерах сертификатов {MUNICIPALITY_CODE}" in capsys.readouterr().out
    engine = db.make_engine(db_url)
    with db.read_tx(engine) as conn:
        rows = conn.execute(select(db.population.c.year, db.population.c.children)).all()
        assert indicators.population_of(conn, indicators.region_scope(), 2025) == 4000
        assert indicators.population_of(conn, indicators.region_scope(), 2024) is None
    engine.dispose()
    assert rows == [(2025, 4000)]
    # Another municipality cannot take the same digits.
    assert main(["population", "--db", db_url, "--municipality", "Соседний район", "--year", "2025",
                 "--children", "5"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "код 18 уже у муниципалитета" in err and "--code" in err


@pytest.mark.parametrize(("argv", "message"), [
    (["indicators", "--municipality", "Нет такого"], "муниципалитета «Нет такого» нет на портале"),
    (["indicators", "--format", "xlsx"], "укажите файл"),
    (["indicators", "--date", "2025-11-24", "--from", "2025-12-01"], "период задан неверно"),
    (["population", "--municipality", "Район", "--year", "1999", "--children", "5"], "год должен быть"),
    (["population", "--municipality", "Район", "--year", "2025", "--children", "5", "--code", "7"],
     "две цифры"),
])
def test_a_refusal_is_one_russian_line_and_exit_code_1(db_url, capsys, argv, message):
    assert main([*argv, "--db", db_url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("pfdo-portal: ошибка: ") and err.count("\n") == 1 and message in err


def test_the_region_as_json_and_xlsx(db_url, tmp_path, capsys):
    assert main(["indicators", "--db", db_url, "--date", TODAY.isoformat(), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    engine = db.make_engine(db_url)
    with db.read_tx(engine) as conn:
        expected = indicators.sql_indicators(conn, indicators.region_scope(), TODAY, PERIOD_FROM, TODAY)
    engine.dispose()
    assert data == json.loads(json.dumps(expected.to_json()))
    assert data["scope"] == "Регион" and data["children_5_18"] is None
    path = tmp_path / "показатели.xlsx"
    assert main(["indicators", "--db", db_url, "--date", TODAY.isoformat(), "--format", "xlsx",
                 "-o", str(path)]) == 0
    assert str(path) in capsys.readouterr().out
    book = load_workbook(path)
    assert book.sheetnames == ["Показатели", "Деньги", "Посещаемость"]
    main_sheet = book["Показатели"]
    assert main_sheet.freeze_panes == "A3" and main_sheet.column_dimensions["A"].width > 40
    rows = {r[0]: r[1:] for r in main_sheet.iter_rows(min_row=3, values_only=True)}
    issued = rows["Выдано сертификатов (доля от детей 5–18 лет)"]
    assert issued == (data["certificates"]["issued"], None)  # no population: no share
    used = rows["Используются (доля от выданных)"]
    assert used == (data["certificates"]["used"], data["certificates"]["used_share"])
    assert rows["Номинал сертификатов"][0] == float(data["certificates"]["nominal_rub"])
    money_rows = list(book["Деньги"].iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in money_rows] == ["09.2025", "10.2025", "11.2025"]
    assert all(isinstance(v, (int, float)) for r in money_rows for v in r[1:])
    attendance = list(book["Посещаемость"].iter_rows(min_row=3, values_only=True))
    assert len(attendance) == len(data["attendance"]) and isinstance(attendance[0][6], int)


# --- the endpoint -------------------------------------------------------------------------------------


def test_a_device_reads_its_provider_s_indicators_and_its_municipality_s_aggregates(device, db_url, enrol):
    r = device.http.get("/indicators", params={"date": TODAY.isoformat()})
    assert r.status_code == 200, r.text
    engine = db.make_engine(db_url)
    with db.read_tx(engine) as conn:
        own = indicators.sql_indicators(conn, indicators.provider_scope(conn, device.provider_id), TODAY,
                                        PERIOD_FROM, TODAY)
        district = indicators.sql_indicators(conn, indicators.municipality_scope(conn, MUNICIPALITY), TODAY,
                                             PERIOD_FROM, TODAY)
        pv = db.providers.c
        other = conn.execute(select(pv.id).where(pv.id != device.provider_id)).scalar()
    assert r.json() == json.loads(json.dumps(own.to_json()))
    assert r.json()["attendance"] and r.json()["children_5_18"] is None
    # The municipality's aggregates: the same counts, no per-group table.
    r = device.http.get("/indicators", params={"date": TODAY.isoformat(), "scope": "municipality"})
    assert r.status_code == 200, r.text
    assert r.json()["certificates"] == json.loads(json.dumps(district.to_json()["certificates"]))
    assert r.json()["money"] == json.loads(json.dumps(district.to_json()["money"]))
    assert r.json()["attendance"] == [] and r.json()["scope"] == MUNICIPALITY
    # Another provider's figures are refused; so is a request without a token.
    r = device.http.get("/indicators", params={"provider": other})
    assert r.status_code == 403 and r.json()["code"] == "forbidden"
    r = device.http.get("/indicators", params={"date": "2025-13-01"})
    assert r.status_code == 400
    r = device.http.get("/indicators", headers={"Authorization": ""})
    assert r.status_code == 401
    # A provider with no municipality: its own figures still, the municipality's refused in one line.
    with db.write_tx(engine) as conn:
        conn.execute(update(db.providers).where(db.providers.c.id == other).values(municipality=""))
    engine.dispose()
    stranger = enrol(other)
    assert stranger.http.get("/indicators").status_code == 200
    r = stranger.http.get("/indicators", params={"scope": "municipality"})
    assert r.status_code == 400 and "не указан муниципалитет" in r.json()["message"]
