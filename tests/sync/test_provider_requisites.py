"""The provider's bank requisites, chief accountant and the region's advance percentage travel from
the portal to the PC (issue 12) and reach the paper and the advance request.

The region enters them with ``pfdo-portal set-provider-details`` / ``set-advance-percent`` (checked
by ``domain.requisites`` / ``domain.payment``); the provider's record is re-stamped, the PC pulls it,
prints the requisites on the invoice and the advance request, and requests the advance at the
region's percentage — which the portal then takes as agreeing to the kopeck."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from pfdo_desktop.domain import payment as pay
from pfdo_desktop.domain import requisites as req
from pfdo_desktop.services import documents as document_service
from pfdo_portal import admin
from pfdo_portal.app import PortalSettings
from pfdo_portal.cli import main as portal_main
from pfdo_portal.embedded import EmbeddedPortal

TODAY = date.today()
MONTH = (TODAY.year - 1, 12) if TODAY.month == 1 else (TODAY.year, TODAY.month - 1)
CURRENT = (TODAY.year, TODAY.month)
ADVANCE_MONTH = CURRENT
ADVANCE_DAY = max(TODAY, pay.advance_request_from(CURRENT))  # as in test_money_documents


@pytest.fixture
def portal(portal_db: str) -> Iterator[EmbeddedPortal]:
    with EmbeddedPortal(portal_db, settings=PortalSettings(today=ADVANCE_DAY)) as server:
        yield server
DETAILS = {"kpp": "520101001", "bank_name": "Волго-Вятский банк ПАО Сбербанк", "bik": "042202603",
           "account": "40703810342000000777", "corr_account": "30101810900000000603",
           "chief_accountant": "Лаптева Ирина Олеговна"}


def pdf_text(pdf) -> str:
    assert shutil.which("pdftotext")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout.replace("\u00a0", " ")


def test_requisites_and_the_advance_percentage_reach_the_pc_the_paper_and_the_portal_s_check(
        enrolled_workspace, portal_db, demo_provider_id, tmp_path):
    ws = enrolled_workspace
    assert req.requisites_errors(req.Requisites(**DETAILS)) == {}
    admin.set_provider_details(portal_db, demo_provider_id, **DETAILS)
    assert admin.set_advance_percent(portal_db, "70") == "70"
    ws.sync()

    provider = document_service.provider_info(ws.db)
    assert provider.requisites == req.Requisites(**DETAILS)
    advance = ws.advance_document(ADVANCE_MONTH, today=ADVANCE_DAY)
    assert advance.percent == Decimal(70)
    assert advance.amount == (advance.base * Decimal("0.70")).quantize(Decimal("0.01")) > 0
    assert advance.chief_accountant == DETAILS["chief_accountant"]

    out = tmp_path / "счёт.pdf"
    ws.print_month_document("invoice", ws.invoice_document(MONTH), out)
    text = " ".join(pdf_text(out).split())
    assert f"КПП {DETAILS['kpp']}" in text
    assert (f"р/с {DETAILS['account']} в {DETAILS['bank_name']}, БИК {DETAILS['bik']}, к/с "
            f"{DETAILS['corr_account']}") in text
    assert "Лаптева И. О." in text

    sent = ws.send_advance(ADVANCE_MONTH, ADVANCE_DAY)
    report = ws.sync()
    assert (report.rejected, ws.issues()) == (0, [])
    [on_portal] = [d for d in admin.list_invoices(portal_db, demo_provider_id, ADVANCE_MONTH)
                   if d["kind"] == "advance"]
    assert Decimal(on_portal["percent"]) == Decimal(70)
    assert Decimal(on_portal["total"]) == sent.total == advance.amount


def test_wrong_requisites_are_refused_by_the_portal_naming_the_field_and_nothing_changes(
        portal_db, demo_provider_id, capsys):
    before = admin.get_provider(portal_db, demo_provider_id)
    code = portal_main(["set-provider-details", "--db", portal_db, "--provider", str(demo_provider_id),
                        "--bik", "042202603", "--account", "40703810342000000778"])
    err = capsys.readouterr().err
    assert code != 0
    assert "расчётный счёт" in err and "контрольной цифре" in err
    assert admin.get_provider(portal_db, demo_provider_id) == before
    with pytest.raises(admin.AdminError, match="от 0 до 80|80"):
        admin.set_advance_percent(portal_db, "85")


def test_a_record_with_a_broken_account_is_stored_without_it(enrolled_workspace, portal_db, demo_provider_id):
    """A portal that did not check (an older one, a script writing its table) sends an account the
    bank would not take: the PC keeps the rest and prints a line to fill for the account."""
    from sqlalchemy import create_engine, update

    from pfdo_portal import db

    admin.set_provider_details(portal_db, demo_provider_id, **DETAILS)
    engine = create_engine(portal_db)
    with engine.begin() as conn:
        conn.execute(update(db.providers).where(db.providers.c.id == demo_provider_id).values(
            account="40703810342000000778"))
    engine.dispose()
    admin.edit_provider(portal_db, demo_provider_id, head_position="директор")  # re-stamped
    enrolled_workspace.sync()
    kept = document_service.provider_info(enrolled_workspace.db).requisites
    assert kept.account == "" and (kept.bik, kept.bank_name) == (DETAILS["bik"], DETAILS["bank_name"])
