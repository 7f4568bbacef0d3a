"""Certificate periods on the portal (issue 17 §1): open with a nominal and a quota, activation
requests first come first served (exactly one wins the last quota place — SQLite, and PostgreSQL
with PFDO_PORTAL_TEST_DB), another provider's device refused, the close's return and its report,
a new period's nominal, unused ПФ certificates turned back, the period pulled by the PCs."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

import pytest
from enrolment_helpers import new_child, op, pulled
from portal_helpers import TODAY

from pfdo_desktop.domain import certificate_periods as cp
from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin, cli, db, periods
from pfdo_portal.certificates import activate

MUNICIPALITY = "Заречный муниципальный округ"
YEAR = (date(2025, 9, 1), date(2026, 8, 31))
BORN = date(2015, 4, 1)
NOW = datetime.combine(TODAY, time(9), UTC)


def _tx(db_url: str, fn, *args: Any, **kwargs: Any) -> Any:
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        return fn(conn, *args, **kwargs)


def _open(db_url: str, *, free: int, nominal: str = "25000.00", unit: str = "rub", unused: int = 0) -> dict:
    """The demo municipality's period with ``free`` quota places left (the seeded one set aside)."""
    _tx(db_url, _drop_seeded)
    taken = _tx(db_url, periods.taken_places, "18")
    return _tx(db_url, periods.open_period, MUNICIPALITY, *YEAR, nominal, taken + free, unit=unit,
               unused_days=unused).period


def _drop_seeded(conn) -> None:
    t = db.certificate_periods.c
    conn.execute(db.certificate_periods.update().where(t.status == "open").values(
        status="closed", date_from=date(2024, 9, 1), date_to=date(2025, 8, 31)))


def test_the_demo_district_has_its_open_period(device, db_url):
    [row] = _tx(db_url, periods.list_periods)
    assert (row["municipality"], row["status"], row["quota"] - row["taken"]) == (MUNICIPALITY, "open", 20)
    rows, _ = pulled(device, "period")
    assert [r["id"] for r in rows] == [row["id"]]


def activate_op(child_id: int, number: str = "") -> dict[str, Any]:
    return op(p.OP_CERTIFICATE_ACTIVATE, uid=p.new_uid(), child_id=child_id, certificate_number=number,
              application_date=TODAY.isoformat())


def test_open_gives_the_nominal_to_pf_certificates_and_every_pc_pulls_the_period(device, db_url):
    pf_child, pf_number = new_child(device, db_url, BORN, pf_balance="1000.00")
    period = _open(db_url, free=3, nominal="30000.00")
    assert (period["status"], period["nominal"], period["quota"] - period["taken"]) == ("open", "30000.00", 3)
    cert = admin.get_certificate(db_url, pf_number)
    assert (cert["nominal"], cert["balance"], cert["status"]) == ("30000.00", "30000.00", "pf")
    rows, _ = pulled(device, "period")
    record = p.PeriodRecord.model_validate(next(r for r in rows if r["status"] == "open"))
    assert (record.municipality, record.code, record.date_from, record.nominal) == (
        MUNICIPALITY, "18", YEAR[0], Decimal("30000.00"))
    assert device.pull_all("master")[0][-1]["counts"]["period"] == 2  # the seeded one, set aside
    with pytest.raises(periods.PeriodError, match="сначала закройте"):
        _tx(db_url, periods.open_period, MUNICIPALITY, date(2026, 9, 1), date(2027, 8, 31), "1", 1)


def test_activation_by_a_pc_under_the_quota_and_the_refusals(device, enrol, db_url):
    first, number = new_child(device, db_url, BORN)
    second, _ = new_child(device, db_url, BORN)
    _tx(db_url, _drop_seeded)
    [no_period] = device.push_ok([activate_op(first, number)])
    assert (no_period["status"], no_period["code"]) == ("rejected", cp.R_NO_PERIOD)
    assert no_period["server_record"]["status"] == "uchet"
    _open(db_url, free=1)
    [won] = device.push_ok([activate_op(first, number)])
    assert won["status"] == "applied", won
    record = p.CertificateRecord.model_validate(won["server_record"])
    assert (record.status, record.nominal, record.balance, record.unit) == (
        "pf", Decimal("25000.00"), Decimal("25000.00"), "rub")
    [again] = device.push_ok([activate_op(first, number)])
    assert again["code"] == cp.R_ALREADY_PF
    [full] = device.push_ok([activate_op(second)])
    assert (full["status"], full["code"]) == ("rejected", cp.R_QUOTA_EXHAUSTED)
    assert "исчерпана" in full["message"] and full["server_record"]["status"] == "uchet"
    # Another provider's PC: a child it is not linked to is unknown to it (nothing about it said).
    other = enrol(2)
    [foreign] = other.push_ok([activate_op(second)])
    assert (foreign["status"], foreign["code"]) == ("rejected", p.R_UNKNOWN_CHILD)
    assert foreign["server_record"] is None
    [wrong] = device.push_ok([activate_op(second, "4718999999")])
    assert wrong["code"] == p.R_CERTIFICATE_MISMATCH


def test_two_pcs_race_for_the_last_quota_place(device, enrol, db_url):
    pcs = [device, enrol(device.provider_id)]
    for _round in range(3):
        children = [new_child(pc, db_url, BORN)[0] for pc in pcs]
        if _round == 0:
            _open(db_url, free=1)
        else:  # one place more for this round
            _tx(db_url, _widen_quota, 1)
        barrier = threading.Barrier(len(pcs))
        results: list[Any] = [None] * len(pcs)

        def run(i: int, child: int, barrier=barrier, results=results) -> None:
            barrier.wait(timeout=30)
            results[i] = pcs[i].push_ok([activate_op(child)])[0]

        threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(children)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        outcomes = sorted((r["status"], r["code"]) for r in results)
        assert outcomes == [("applied", None), ("rejected", cp.R_QUOTA_EXHAUSTED)], results
        [row] = [r for r in _tx(db_url, periods.list_periods) if r["status"] == "open"]
        assert row["taken"] == row["quota"]


def _widen_quota(conn, n: int) -> None:
    t = db.certificate_periods.c
    conn.execute(db.certificate_periods.update().values(quota=t.quota + n))


def test_close_returns_the_unspent_and_a_new_period_gives_the_new_nominal(device, db_url):
    _open(db_url, free=2, nominal="20000.00")
    child, number = new_child(device, db_url, BORN)
    assert _activate(db_url, number).refusal is None
    admin.set_certificate(db_url, number, balance="15000.00")  # 5000 spent this year
    pf_total = sum(Decimal(c["balance"]) for c in _pf_certificates(db_url))
    report = _tx(db_url, periods.close_period, MUNICIPALITY)
    assert report.returned == pf_total - report_kept(db_url) and report.returned > 0
    assert admin.get_certificate(db_url, number)["balance"] == "0.00"
    row = next(r for r in _tx(db_url, periods.list_periods) if r["date_from"] == YEAR[0])
    assert (row["status"], row["returned"]) == ("closed", f"{report.returned:.2f}")
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        left = conn.execute(db.certificates.select().where(periods.certificates_of("18"))).all()
    assert all(Decimal(c.balance) == Decimal(c.reserve) for c in left)  # only continuing contracts keep money
    opened = _tx(db_url, periods.open_period, MUNICIPALITY, date(2026, 9, 1), date(2027, 8, 31), "30", 500,
                 unit="hours").certificates
    assert opened == len(_pf_certificates(db_url))
    cert = admin.get_certificate(db_url, number)
    assert (cert["status"], cert["nominal"], cert["balance"]) == ("pf", "30.00", "30.00")
    assert cert["unit"] == "hours"


def report_kept(db_url: str) -> Decimal:
    return sum((Decimal(c["balance"]) for c in _pf_certificates(db_url)), Decimal("0.00"))


def _pf_certificates(db_url: str) -> list[dict[str, Any]]:
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        c = db.certificates.c
        return [dict(r._mapping) for r in conn.execute(
            db.certificates.select().where(periods.certificates_of("18"), c.status == "pf"))]


def _activate(db_url: str, number: str) -> Any:
    return _tx(db_url, lambda conn: activate(conn, _cert_id(conn, number), today=TODAY, now=NOW))


def _cert_id(conn, number: str) -> int:
    return conn.execute(db.certificates.select().where(db.certificates.c.number == number)).one().id


def test_unused_pf_certificates_go_back_to_uchet_and_free_their_places(device, db_url):
    _open(db_url, free=1, unused=30)
    child, number = new_child(device, db_url, BORN)
    assert _activate(db_url, number).refusal is None
    early = _tx(db_url, periods.expire_unused, MUNICIPALITY, TODAY)
    assert number not in early  # activated today: not unused yet
    numbers = _tx(db_url, periods.expire_unused, MUNICIPALITY, date(2026, 1, 10))
    assert number in numbers
    cert = admin.get_certificate(db_url, number)
    assert (cert["status"], cert["balance"]) == ("uchet", "0.00")
    [row] = [r for r in _tx(db_url, periods.list_periods) if r["status"] == "open"]
    assert row["taken"] < row["quota"]


def new_child_number(db_url: str) -> tuple[int, str]:
    return admin.add_child(db_url, "Портальная", "Ольга", "Ивановна", BORN)


def test_cli_period_open_list_close(db_url, capsys):
    _tx(db_url, _drop_seeded)
    taken = _tx(db_url, periods.taken_places, "18")
    assert cli.main(["period", "open", "--db", db_url, "--municipality", MUNICIPALITY, "--from", "2025-09-01",
                     "--to", "2026-08-31", "--nominal", "25000", "--quota", str(taken + 10),
                     "--unused-days", "60"]) == 0
    out = capsys.readouterr().out
    assert "открыт: номинал 25000.00 ₽" in out and f"Новый номинал получили сертификатов ПФ: {taken}." in out
    assert cli.main(["period", "list", "--db", db_url]) == 0
    assert f"открыт\tноминал 25000.00 ₽\tквота {taken + 10}, занято {taken}" in capsys.readouterr().out
    assert cli.main(["period", "expire-unused", "--db", db_url, "--municipality", MUNICIPALITY,
                     "--today", "2025-09-02"]) == 0
    assert "Возвращено в учёт сертификатов ПФ: 0." in capsys.readouterr().out
    child, number = new_child_number(db_url)
    assert cli.main(["period", "activate", "--db", db_url, "--number", number, "--today", "2025-11-24"]) == 0
    assert f"Сертификат {number}: статус ПФ, номинал 25000.00 ₽." in capsys.readouterr().out
    assert cli.main(["period", "activate", "--db", db_url, "--number", number, "--today", "2025-11-24"]) == 0
    assert "отказ — Сертификат уже имеет статус ПФ." in capsys.readouterr().out
    assert cli.main(["period", "close", "--db", db_url, "--municipality", MUNICIPALITY]) == 0
    out = capsys.readouterr().out
    assert "закрыт" in out and "Возвращено в бюджет:" in out
    assert cli.main(["period", "close", "--db", db_url, "--municipality", MUNICIPALITY]) == 2
    assert "нет открытого периода" in capsys.readouterr().err
