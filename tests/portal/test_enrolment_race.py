"""Two PCs racing for the last place of a group or the last roubles of a certificate: exactly one
wins, and the reserve never exceeds the balance (SQLite, and PostgreSQL with PFDO_PORTAL_TEST_DB)."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from typing import Any

from enrolment_helpers import START, app_create_op, child_create_op, find_group, new_child, reserve_of
from lock_waits import HeldWriteLock
from portal_helpers import TODAY, Device

from pfdo_desktop.domain import enrolment as rules
from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin, common, db, ops
from pfdo_portal.enrolment import shared


def _race(pushes: list[tuple[Device, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Every PC pushes its op at the same moment, each through its own HTTP connection."""
    barrier = threading.Barrier(len(pushes))
    results: list[Any] = [None] * len(pushes)

    def run(i: int, pc: Device, op: dict[str, Any]) -> None:
        barrier.wait(timeout=30)
        results[i] = pc.push_ok([op])[0]

    threads = [threading.Thread(target=run, args=(i, pc, op)) for i, (pc, op) in enumerate(pushes)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert all(r is not None for r in results), "a racing push did not finish"
    return results


def test_four_pcs_race_for_the_last_place_of_a_group(device, enrol, db_url):
    pcs = [device, *(enrol(device.provider_id) for _ in range(3))]
    for round_no in range(2):
        group = find_group(db_url, device.provider_id, certified=False, min_free=1)
        admin.set_group_capacity(db_url, group.id, group.occupied + 1)  # one place left
        children = [new_child(pc, db_url, group.birth_date_for())[0] for pc in pcs]
        ops = [app_create_op(group.id, child_id=c) for c in children]
        results = _race(list(zip(pcs, ops, strict=True)))
        outcomes = sorted((r["status"], r["code"]) for r in results)
        assert outcomes == [("applied", None)] + [("rejected", rules.R_GROUP_FULL)] * 3, (round_no, results)
        winner = next(r for r in results if r["status"] == "applied")["server_record"]
        assert winner["status"] == "confirmed"
        losers = [r["server_record"] for r in results if r["status"] == "rejected"]
        assert all(x["status"] == "rejected" and x["reason_code"] == rules.R_GROUP_FULL for x in losers)
        confirmed = [
            a
            for a in admin.list_applications(db_url, device.provider_id, status="confirmed")
            if a["group_id"] == group.id
        ]
        assert [a["id"] for a in confirmed] == [winner["id"]]


def test_two_providers_race_for_the_last_roubles_of_one_certificate(device, enrol, db_url):
    other = enrol(2)
    born = date(2015, 4, 1)  # 10 years: fits both programmes
    for _round in range(3):
        mine = find_group(db_url, device.provider_id, certified=True, min_free=0, born=born)
        theirs = find_group(db_url, other.provider_id, certified=True, min_free=0, born=born)
        for g in (mine, theirs):  # a free place in each: only the money is short
            admin.set_group_capacity(db_url, g.id, g.occupied + 1)
        child, number = new_child(device, db_url, born, pf_balance="1000.00")
        # The other school registers the same child from its roster: the portal finds it, and the
        # parent's certificate number on the application lets that school use it (domain.privacy).
        found_op = child_create_op(_surname_of(db_url, child), born)
        [found] = other.push_ok([found_op])
        assert found["server_record"]["outcome"] == "registered"
        ops = [
            app_create_op(mine.id, child_id=child, expected="1000.00", certificate_number=number),
            app_create_op(theirs.id, child_uid=found_op["payload"]["uid"], expected="1000.00",
                          certificate_number=number),
        ]
        results = _race([(device, ops[0]), (other, ops[1])])
        outcomes = sorted((r["status"], r["code"]) for r in results)
        assert outcomes == [("applied", None), ("rejected", p.R_BALANCE_CHANGED)], results
        winner = next(r for r in results if r["status"] == "applied")["server_record"]
        loser = next(r for r in results if r["status"] == "rejected")["server_record"]
        assert winner["certificate_part"] == "1000.00" and loser["certificate_part"] == "0.00"
        assert reserve_of(db_url, number) == Decimal("1000.00")  # never more than the balance


def _surname_of(db_url: str, child_id: int) -> str:
    engine = db.make_engine(db_url)
    with engine.connect() as conn:
        name = shared.load_child(conn, child_id).last_name
    engine.dispose()
    return name


def _held_decision(
    db_url: str, device: Device, op: dict[str, Any], other: Device, other_op: dict[str, Any]
) -> tuple[p.OpResult, dict[str, Any]]:
    """The first decision runs in a transaction kept open (its own engine connection) until the
    second PC's push waits behind it — or, were there no lock, has decided; then the first commits."""
    second: list[dict[str, Any]] = []

    def decide(conn) -> p.OpResult:
        first_pc = common.Device(device.device_id, device.provider_id)
        return ops.apply_op(conn, first_pc, p.Op.model_validate(op), TODAY)

    push = threading.Thread(target=lambda: second.append(other.push_ok([other_op])[0]))
    with HeldWriteLock(db_url, decide) as held:
        push.start()
        held.wait_for_contender(finished=lambda: not push.is_alive())
    push.join(60)
    assert second, "the second push did not finish"
    return held.result, second[0]


def test_a_decision_waits_for_the_transaction_holding_the_group(device, enrol, db_url):
    group = find_group(db_url, device.provider_id, certified=False)
    admin.set_group_capacity(db_url, group.id, group.occupied + 1)
    other = enrol(device.provider_id)
    a, _ = new_child(device, db_url, group.birth_date_for())
    b, _ = new_child(other, db_url, group.birth_date_for())
    first, second = _held_decision(
        db_url, device, app_create_op(group.id, child_id=a), other, app_create_op(group.id, child_id=b)
    )
    assert first.status == "applied"
    assert (second["status"], second["code"]) == ("rejected", rules.R_GROUP_FULL)


def test_a_decision_waits_for_the_transaction_holding_the_certificate(device, enrol, db_url):
    other = enrol(2)
    mine = find_group(db_url, device.provider_id, certified=True)
    theirs = find_group(db_url, other.provider_id, certified=True)
    born = date(2015, 4, 1)
    child, number = new_child(device, db_url, born, pf_balance="700.00")
    found_op = child_create_op(_surname_of(db_url, child), born)
    [found] = other.push_ok([found_op])
    assert found["server_record"]["outcome"] == "registered"
    first, second = _held_decision(
        db_url,
        device,
        app_create_op(mine.id, START, child_id=child, expected="700.00", certificate_number=number),
        other,
        app_create_op(theirs.id, START, child_uid=found_op["payload"]["uid"], expected="700.00",
                      certificate_number=number),
    )
    assert first.status == "applied"
    assert (second["status"], second["code"]) == ("rejected", p.R_BALANCE_CHANGED)
    assert reserve_of(db_url, number) == Decimal("700.00")


def test_expiry_waiting_for_an_enrolment_leaves_it_alone(device, db_url):
    """Expiry reads the due applications, then waits for the row an enrolment holds: once the
    enrolment commits, the application is «обучается» and keeps its reserve (PostgreSQL; SQLite
    serialises the two writers)."""
    group = find_group(db_url, device.provider_id, certified=True)
    child, number = new_child(device, db_url, group.birth_date_for(), pf_balance="8000.00")
    create = app_create_op(group.id, child_id=child, certificate_number=number)
    uid = create["payload"]["uid"]
    device.push_ok([create])
    reserved = reserve_of(db_url, number)
    enrol_op = p.Op.model_validate(
        {
            "op_id": p.new_op_id(),
            "kind": p.OP_APP_ENROL,
            "payload": {"uid": uid, "order_number": "15-у", "order_date": TODAY.isoformat(),
                        "date_from": START.isoformat()},
        }
    )
    dev = common.Device(device.device_id, device.provider_id)
    expired: list[list[str]] = []
    expiry = threading.Thread(
        target=lambda: expired.append(admin.expire_applications(db_url, today=date(2026, 1, 5), days=30))
    )
    with HeldWriteLock(db_url, lambda conn: ops.apply_op(conn, dev, enrol_op, TODAY)) as enrolment:
        expiry.start()
        # expiry has read the application as «подтверждена» and waits for its row
        enrolment.wait_for_contender(finished=lambda: not expiry.is_alive())
    expiry.join(60)
    assert enrolment.result.status == "applied" and expired
    assert uid not in expired[0]
    assert admin.get_application(db_url, uid)["status"] == "active"
    assert reserve_of(db_url, number) == reserved > 0
