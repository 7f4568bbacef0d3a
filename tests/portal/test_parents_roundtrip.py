"""A parent's application from the catalogue page reaches the provider's PC at its next sync, the
PC confirms it offline, syncs, and the parent's page shows the provider's decision with the
certificate's money reserved (issue 17, part 2) — the real portal over HTTP and a real PC
(Workspace) enrolled with it. SQLite by default, PostgreSQL with PFDO_PORTAL_TEST_DB."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from parents_web_helpers import code_for, open_group, parent_client, text_of
from portal_helpers import TODAY

from pfdo_desktop.domain.money import format_rub
from pfdo_portal import admin

BORN = date(TODAY.year - 10, 3, 10)
START = date(TODAY.year + (TODAY.month == 12), TODAY.month % 12 + 1, 1)


def test_parent_applies_the_pc_confirms_and_the_page_shows_it(portal, db_url, seeded, workspace):
    child, _number = admin.add_child(db_url, "Навигаторова", "Алиса", "Игоревна", BORN,
                                     certificate_status="pf", nominal="40000.00")
    group = open_group(db_url, "certified", BORN, START)
    parent = parent_client(portal.url)
    assert parent.login(code_for(db_url, child)).status_code == 303
    sent = parent.apply(child, group, START)
    assert sent.status_code == 303
    (online,) = admin.list_applications(db_url, child_id=child)
    provider = online["provider_id"]
    assert "новая" in parent.cabinet()

    ws = workspace
    ws.enrol(portal.url, admin.issue_code(db_url, provider))
    ws.sync()
    (row,) = [a for a in ws.applications(status="new") if a.uid == online["id"]]
    assert row.source == "portal"
    ws.confirm_application(row.uid, TODAY)
    ws.sync()
    decided = admin.get_application(db_url, online["id"])
    assert decided["status"] == "confirmed"
    part = Decimal(decided["certificate_part"])
    assert part > 0

    page = parent.cabinet()
    assert "подтверждена" in page and "новая" not in page
    assert f"сертификат {format_rub(part)}" in page
    assert format_rub(Decimal("40000") - part) in page  # the free balance after the reserve
    listed = text_of(parent.http.get("/catalog/parent").text)
    assert online["number"] in listed
