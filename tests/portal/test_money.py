"""The portal's side of the monthly cycle (issue 12): month.advance / month.invoice pushed over HTTP
to the real portal, recomputed there with the same domain functions, decided by the payer through
the admin CLI (SQLite, and PostgreSQL with PFDO_PORTAL_TEST_DB).

The PC's figures are made here the way the PC makes them: ``domain.payment_month`` over the rows —
taken from the portal (``admin.month_figures``), as a PC with a fresh sync holds them."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from portal_helpers import Device, mark_op

from pfdo_desktop.domain import payment as pay
from pfdo_desktop.domain.payment_month import build_advance, build_invoice
from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin, cli

OCTOBER = (2025, 10)  # invoiceable on the tests' portal day (24.11.2025)
NOVEMBER = (2025, 11)  # its advance may be requested (from 05.11.2025), its invoice not yet


def advance_op(db_url: str, provider_id: int, month: tuple[int, int], **change: Any) -> dict[str, Any]:
    pm = admin.month_figures(db_url, provider_id, month)
    adv = build_advance(month, pm.contracts, pm.payer)
    amounts = {c.contract_id: c for c in pm.figures.for_payer(pm.payer) if c.certificate_amount > 0}
    payload = {
        "uid": p.new_uid(), "month": pay.month_text(month), "payer": pm.payer, "percent": str(adv.percent),
        "base": str(adv.base), "amount": str(adv.amount),
        "lines": [{"contract_id": c.contract_id, "contract_number": c.number,
                   "contract_date": c.signed_on.isoformat(), "certificate_number": c.certificate_number,
                   "amount": str(c.certificate_amount)} for c in amounts.values()],
        **change,
    }
    return {"op_id": p.new_op_id(), "kind": p.OP_MONTH_ADVANCE, "payload": payload}


def invoice_op(db_url: str, provider_id: int, month: tuple[int, int], advance: Decimal = Decimal("0.00"),
               edit: Any = None) -> dict[str, Any]:
    pm = admin.month_figures(db_url, provider_id, month)
    inv = build_invoice(pm.figures, pm.payer, advance)
    lines = [{"contract_id": line.contract_id, "contract_number": line.contract_number,
              "contract_date": line.contract_date.isoformat(), "certificate_number": line.certificate_number,
              "k": str(line.k), "amount": str(line.amount)} for line in inv.lines]
    if edit is not None:
        edit(lines)
    payload = {"uid": p.new_uid(), "month": pay.month_text(month), "payer": pm.payer, "lines": lines,
               "total": str(inv.total), "advance": str(inv.advance), "to_pay": str(inv.to_pay)}
    return {"op_id": p.new_op_id(), "kind": p.OP_MONTH_INVOICE, "payload": payload}


def pulled_documents(device: Device) -> dict[int, dict[str, Any]]:
    pages, _ = device.pull_all("own")
    out: dict[int, dict[str, Any]] = {}
    for page in pages:
        for row in page["changes"].get("invoice", {}).get("upserts", []):
            out[row["id"]] = row
    return out


def run_cli(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_figures_that_agree_are_accepted_as_sent_and_reach_the_pcs(device, enrol, db_url):
    other_pc = enrol(device.provider_id)
    [adv] = device.push_ok([advance_op(db_url, device.provider_id, NOVEMBER)])
    assert adv["status"] == p.APPLIED, adv
    op = invoice_op(db_url, device.provider_id, OCTOBER)
    [inv] = device.push_ok([op])
    assert inv["status"] == p.APPLIED, inv
    record = inv["server_record"]
    sent = op["payload"]
    assert (record["kind"], record["status"], record["month"]) == ("invoice", "sent", "2025-10")
    assert [(x["contract_id"], x["k"], x["amount"]) for x in record["lines"]] == [
        (x["contract_id"], x["k"], x["amount"]) for x in sent["lines"]]
    assert record["total"] == sent["total"] and Decimal(record["total"]) > 0
    assert Decimal(record["total"]) == sum(Decimal(x["amount"]) for x in record["lines"])
    docs = pulled_documents(other_pc)  # every PC of the provider pulls them
    assert {d["kind"] for d in docs.values()} == {"advance", "invoice"}
    assert docs[record["id"]]["status"] == "sent"


@pytest.mark.parametrize("change", ["amount", "k", "missing", "total"])
def test_a_disagreement_is_refused_naming_the_contracts(device, db_url, change):
    def edit(lines: list[dict[str, Any]]) -> None:
        if change == "amount":
            lines[0]["amount"] = str(Decimal(lines[0]["amount"]) - Decimal("0.01"))
        elif change == "k":
            lines[1]["k"] = "99.99"
        elif change == "missing":
            del lines[2]
    op = invoice_op(db_url, device.provider_id, OCTOBER, edit=edit)
    if change == "total":
        op["payload"]["total"] = str(Decimal(op["payload"]["total"]) + 1)
    [res] = device.push_ok([op])
    assert (res["status"], res["code"]) == (p.REJECTED, p.R_FIGURES_DIFFER), res
    lines = op["payload"]["lines"]
    named = {"amount": f"lines.{lines[0]['contract_id']}", "k": f"lines.{lines[1]['contract_id']}",
             "total": "total"}
    if change == "missing":
        assert len(res["field_errors"]) == 1
        [(key, text)] = res["field_errors"].items()
        assert key.startswith("lines.") and "есть на портале, нет в счёте" in text
    else:
        assert list(res["field_errors"]) == [named[change]], res["field_errors"]
    assert "Цифры не сходятся" in res["message"]
    assert admin.list_invoices(db_url, device.provider_id) == []


def test_one_invoice_a_month_unless_it_was_returned(device, enrol, db_url, capsys):
    first = invoice_op(db_url, device.provider_id, OCTOBER)
    [res] = device.push_ok([first])
    doc_id = res["server_record"]["id"]
    other_pc = enrol(device.provider_id)
    [again] = other_pc.push_ok([invoice_op(db_url, device.provider_id, OCTOBER)])
    assert (again["status"], again["code"]) == (p.REJECTED, p.R_ALREADY_INVOICED)
    assert again["server_record"]["id"] == doc_id and "уже выставлен" in again["message"]
    code, out = run_cli(capsys, "return-invoice", "--db", db_url, "--invoice", str(doc_id),
                        "--reason", "нет подписи руководителя")
    assert code == 0 and "возвращён" in out and "нет подписи руководителя" in out
    assert pulled_documents(device)[doc_id]["status"] == "returned"
    [resent] = device.push_ok([invoice_op(db_url, device.provider_id, OCTOBER)])
    assert resent["status"] == p.APPLIED and resent["server_record"]["number"].endswith("/2")
    code, out = run_cli(capsys, "invoices", "--db", db_url, "--provider", str(device.provider_id),
                        "--month", "2025-10")
    assert "возвращён (нет подписи руководителя)" in out and "отправлен" in out


def test_too_early_is_refused_with_the_first_day(device, db_url):
    [res] = device.push_ok([invoice_op(db_url, device.provider_id, NOVEMBER)])
    assert (res["status"], res["code"]) == (p.REJECTED, p.R_TOO_EARLY)
    assert "с 01.12.2025" in res["message"]
    [adv] = device.push_ok([advance_op(db_url, device.provider_id, (2025, 12))])
    assert (adv["status"], adv["code"]) == (p.REJECTED, p.R_TOO_EARLY)
    assert "с 02.12.2025" in adv["message"]


def test_accept_locks_the_month_books_the_certificates_and_pay(device, db_url, capsys):
    pm = admin.month_figures(db_url, device.provider_id, OCTOBER)
    paying = [c for c in pm.figures.for_payer(pm.payer) if c.on_invoice and c.certificate_number]
    before = {c.certificate_number: admin.get_certificate(db_url, c.certificate_number) for c in paying}
    [res] = device.push_ok([invoice_op(db_url, device.provider_id, OCTOBER)])
    doc_id = res["server_record"]["id"]
    code, out = run_cli(capsys, "pay", "--db", db_url, "--invoice", str(doc_id))
    assert code != 0 and "оплатить можно только принятый счёт" in out  # not accepted yet
    code, out = run_cli(capsys, "accept-invoice", "--db", db_url, "--invoice", str(doc_id))
    assert code == 0 and "закрыт" in out
    # the month is locked: a mark in October is refused
    group = next(g for g in admin.provider_groups(db_url, device.provider_id)
                 if any(m["date_to"] is None for m in g["members"]))
    child = next(m["child_id"] for m in group["members"] if m["date_to"] is None)
    marked = [m for m in admin.list_marks(db_url, device.provider_id, group["id"])
              if m["child_id"] == child and m["lesson_date"].startswith("2025-10")]
    day = date.fromisoformat(marked[0]["lesson_date"])
    [mark] = device.push_ok([mark_op(group["id"], child, day, 2)])
    assert (mark["status"], mark["code"]) == (p.REJECTED, p.R_MONTH_LOCKED)
    # each certificate: the payment spent, the month's amount off the reserve (the rest is free again)
    for number, cert in before.items():
        mine = [c for c in paying if c.certificate_number == number]
        after = admin.get_certificate(db_url, number)
        spent = sum(c.certificate_payment for c in mine)
        assert Decimal(after["balance"]) == Decimal(cert["balance"]) - spent
        assert Decimal(after["reserve"]) == max(Decimal("0.00"), Decimal(cert["reserve"])
                                                - sum(c.certificate_amount for c in mine))
    code, out = run_cli(capsys, "pay", "--db", db_url, "--invoice", str(doc_id))
    assert code == 0 and "оплачен" in out
    doc = pulled_documents(device)[doc_id]
    assert doc["status"] == "paid" and doc["paid_at"]
    pages, _ = device.pull_all("master")
    providers = [r for pg in pages for r in pg["changes"].get("provider", {}).get("upserts", [])]
    assert "2025-10-01" in providers[-1]["locked_months"]


def test_two_pcs_sending_the_same_month_at_once_make_one_invoice(device, enrol, db_url):
    pcs = [device, enrol(device.provider_id)]
    ops = [invoice_op(db_url, device.provider_id, OCTOBER) for _ in pcs]
    barrier = threading.Barrier(2)
    results: list[Any] = [None, None]

    def run(i: int) -> None:
        barrier.wait(timeout=30)
        results[i] = pcs[i].push_ok([ops[i]])[0]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted((r["status"], r["code"]) for r in results) == [
        (p.APPLIED, None), (p.REJECTED, p.R_ALREADY_INVOICED)]
    assert len(admin.list_invoices(db_url, device.provider_id, OCTOBER)) == 1
