"""Issue 17's whole story on one demo district, over real HTTP: a parent activates the certificate
on the page (ПФ under the municipality's quota, the period's nominal), applies into a group; the
provider's PC pulls the application at its sync, confirms it offline and syncs; the parent's page
shows the money reserved; at the period's end the municipality closes it and the unspent — the free
balance and the reserve of the contract that ended with the group — goes back to the budget, which
the PC sees at its next sync. SQLite by default, PostgreSQL with PFDO_PORTAL_TEST_DB."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from parents_web_helpers import code_for, csrf_of, open_group, parent_client
from portal_helpers import TODAY

from pfdo_desktop.domain.money import format_rub
from pfdo_portal import admin
from pfdo_portal.cli import main as portal_main

BORN = date(TODAY.year - 9, 5, 20)
START = date(TODAY.year + (TODAY.month == 12), TODAY.month % 12 + 1, 1)


@pytest.mark.parametrize("at_the_end", [True, False], ids=["closed-at-its-end", "closed-early"])
def test_a_parent_applies_the_pc_decides_and_the_period_closes(portal, db_url, seeded, workspace, capsys,
                                                               at_the_end):
    child, number = admin.add_child(db_url, "Периодова", "Вера", "Игоревна", BORN)  # a сертификат учёта
    parent = parent_client(portal.url)
    assert parent.login(code_for(db_url, child)).status_code == 303
    page = parent.http.get("/catalog/parent")
    asked = parent.http.post("/catalog/request", data={"csrf": csrf_of(page.text), "child": child,
                                                       "kind": "activate"})
    assert asked.status_code == 303
    cert = admin.get_certificate(db_url, number)
    assert cert is not None and cert["status"] == "pf"
    nominal = Decimal(cert["balance"])
    assert nominal > 0  # the period's nominal

    group = open_group(db_url, "certified", BORN, START)
    assert parent.apply(child, group, START).status_code == 303
    (online,) = admin.list_applications(db_url, child_id=child)
    ws = workspace
    ws.enrol(portal.url, admin.issue_code(db_url, online["provider_id"]))
    ws.sync()
    ws.confirm_application(online["id"], TODAY)
    ws.sync()
    part = Decimal(admin.get_application(db_url, online["id"])["certificate_part"])
    assert 0 < part <= nominal
    cabinet = parent.cabinet()
    assert "подтверждена" in cabinet and format_rub(nominal - part) in cabinet  # reserved

    period = next(p for p in admin_periods(db_url) if p["status"] == "open")
    closed_on = period["date_to"] if at_the_end else TODAY
    assert portal_main(["period", "close", "--db", db_url, "--municipality", period["municipality"],
                        "--today", closed_on.isoformat()]) == 0
    report = capsys.readouterr().out
    assert "Возвращено в бюджет" in report
    # The free balance goes back. The group ends before the period does: at its end the contract has
    # ended and its reserve goes back too; closed early, the contract runs on and keeps its reserve
    # (the balance is then that reserve alone).
    kept = Decimal(0) if at_the_end else part
    after = admin.get_certificate(db_url, number)
    assert after is not None and (Decimal(after["balance"]), Decimal(after["reserve"])) == (kept, kept)
    ws.sync()
    card = ws.child_card(f"c:{child}").certificate  # the PC sees it at its next sync
    assert card is not None and card.balance == kept and card.reserve == kept
    assert card.period is not None and card.period.status == "closed"


def admin_periods(db_url: str) -> list[dict]:
    from pfdo_portal import db, periods

    engine = db.make_engine(db_url)
    try:
        with engine.connect() as conn:
            return periods.list_periods(conn)
    finally:
        engine.dispose()
