"""The portal's side of the monthly cycle (issue 12): month.advance / month.invoice pushed over HTTP
to the real portal, recomputed there with the same domain functions, decided by the payer through
the admin CLI (SQLite, and PostgreSQL with PFDO_PORTAL_TEST_DB).

The PC's figures are made here the way the PC makes them: ``domain.payment_month`` over the rows —
taken from the portal (``admin.month_figures``), as a PC with a fresh sync holds them."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from portal_helpers import Device, mark_op
from sqlalchemy import create_engine, insert

from pfdo_desktop.domain import payment as pay
from pfdo_desktop.domain.payment_month import build_advance, build_invoice
from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin, cli
from pfdo_portal import db as tables

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
    if edit is not None:  # the document stays true to itself: its total is the sum of its lines
        edit(lines)
    total = sum((Decimal(x["amount"]) for x in lines), Decimal("0.00"))
    due = pay.amount_due(total, inv.advance)
    payload = {"uid": p.new_uid(), "month": pay.month_text(month), "payer": pm.payer, "lines": lines,
               "total": str(total), "advance": str(due.advance), "to_pay": str(due.to_pay)}
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


@pytest.mark.parametrize("change", ["amount", "k", "missing", "number", "date"])
def test_a_disagreement_is_refused_naming_the_contracts(device, db_url, change):
    def edit(lines: list[dict[str, Any]]) -> None:
        if change == "amount":
            lines[0]["amount"] = str(Decimal(lines[0]["amount"]) - Decimal("0.01"))
        elif change == "k":
            lines[1]["k"] = "99.99"
        elif change == "missing":
            del lines[2]
        elif change == "number":  # an invented contract number on a real contract's line
            lines[0]["contract_number"] = "ФИКТИВНЫЙ-1"
        elif change == "date":
            lines[0]["contract_date"] = "1999-01-01"
    op = invoice_op(db_url, device.provider_id, OCTOBER, edit=edit)
    [res] = device.push_ok([op])
    assert (res["status"], res["code"]) == (p.REJECTED, p.R_FIGURES_DIFFER), res
    lines = op["payload"]["lines"]
    per_line = {key: text for key, text in res["field_errors"].items() if key.startswith("lines.")}
    # a changed sum changes the document's totals too: named beside the contract
    assert set(res["field_errors"]) - set(per_line) <= {"total", "to_pay"}
    if change == "missing":
        [(key, text)] = per_line.items()
        assert "есть на портале, нет в счёте" in text
    else:
        line = lines[1] if change == "k" else lines[0]
        assert list(per_line) == [f"lines.{line['contract_id']}"], res["field_errors"]
        if change in ("number", "date"):
            words = {"number": "№ договора", "date": "дата договора в счёте 01.01.1999"}[change]
            assert words in res["field_errors"][f"lines.{line['contract_id']}"]
    assert "Цифры не сходятся" in res["message"]
    assert admin.list_invoices(db_url, device.provider_id) == []


@pytest.mark.parametrize("change", ["total", "to_pay", "twice", "corrected_twice"])
def test_a_document_that_does_not_add_up_is_refused_whatever_the_portal_computes(device, db_url, change):
    """«Every sum on paper equals the sum of its lines»: a total that is not Σ lines, a «подлежит
    оплате» that is not the total less the advance, a contract on two lines (the rest kept, the
    total raised to match) or corrected twice for one month — refused ``invalid`` with the reason,
    and nothing stored."""
    def edit(lines: list[dict[str, Any]]) -> None:
        if change == "twice":
            lines.append(dict(lines[0]))
    op = invoice_op(db_url, device.provider_id, OCTOBER, edit=edit)
    payload = op["payload"]
    if change == "total":
        payload["total"] = str(Decimal(payload["total"]) + 1)
    elif change == "to_pay":
        payload["to_pay"] = str(Decimal(payload["to_pay"]) - 1)
    elif change == "corrected_twice":
        line = payload["lines"][0]
        keys = ("contract_id", "contract_number", "contract_date", "certificate_number")
        fix = {key: line[key] for key in keys}
        payload["corrections"] = [{**fix, "month": "2025-09", "amount": "-10.00"},
                                  {**fix, "month": "2025-09", "amount": "10.00"}]
    [res] = device.push_ok([op])
    assert (res["status"], res["code"]) == (p.REJECTED, p.R_INVALID), res
    words = {"total": "не равно сумме строк", "to_pay": "за вычетом аванса",
             "twice": f"договор в нескольких строках: № {payload['lines'][0]['contract_number']}",
             "corrected_twice": "корректировка одного месяца в нескольких строках"}[change]
    assert words in res["message"] and "Сформируйте документ заново" in res["message"]
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


def test_an_advance_is_too_late_after_its_month_or_once_its_invoice_stands(device, db_url, capsys):
    """An advance is for its own month and comes before the invoice: October's (over on the portal's
    day) is refused ``too_late``; so is an advance for a month whose invoice stands (it was issued
    without it — paying the advance too would pay the month twice). An advance the invoice deducted
    cannot be returned while the invoice stands."""
    [late] = device.push_ok([advance_op(db_url, device.provider_id, OCTOBER)])
    assert (late["status"], late["code"]) == (p.REJECTED, p.R_TOO_LATE)
    assert "до 31.10.2025" in late["message"]

    [adv] = device.push_ok([advance_op(db_url, device.provider_id, NOVEMBER)])
    assert adv["status"] == p.APPLIED
    pm = admin.month_figures(db_url, device.provider_id, NOVEMBER)
    # November's invoice inside November (a portal that takes one on 24.11 is the test's: the rule is
    # the domain's): the document stands, so November's advance can no longer be returned.
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(insert(tables.money_documents).values(
            uid=p.new_uid(), kind="invoice", provider_id=device.provider_id, payer=pm.payer,
            month=date(2025, 11, 1), number="С-test", status="sent", reason="", percent="", base="0.00",
            total="0.00", advance=adv["server_record"]["total"], to_pay="0.00", advance_excess="0.00",
            created_at=datetime(2025, 11, 24, tzinfo=UTC),
            live_key=pay.document_key("invoice", device.provider_id, pm.payer, NOVEMBER)))
    engine.dispose()
    advance_id = str(adv["server_record"]["id"])
    code, out = run_cli(capsys, "return-invoice", "--db", db_url, "--invoice", advance_id, "--reason", "тест")
    assert code != 0 and "вернуть аванс можно только после возврата счёта" in out
    [again] = device.push_ok([advance_op(db_url, device.provider_id, (2025, 9))])
    assert (again["status"], again["code"]) == (p.REJECTED, p.R_TOO_LATE)


def test_a_month_without_contracts_takes_no_document(device, db_url):
    [res] = device.push_ok([invoice_op(db_url, device.provider_id, (2024, 1))])
    assert (res["status"], res["code"]) == (p.REJECTED, p.R_INVALID), res
    assert "нет договоров, оплачиваемых по сертификатам" in res["message"]
    assert admin.list_invoices(db_url, device.provider_id) == []


@pytest.mark.parametrize("month", ["0000-01", "1900-01", "2026-1 ", "٢٠٢٥-٠١", "2025-13"])
def test_a_month_that_is_not_a_month_is_refused_alone_and_the_push_goes_on(device, db_url, month):
    bad = invoice_op(db_url, device.provider_id, OCTOBER)
    bad["payload"]["month"] = month
    good = advance_op(db_url, device.provider_id, NOVEMBER)
    refused, taken = device.push_ok([bad, good])
    assert (refused["status"], refused["code"]) == (p.REJECTED, p.R_INVALID), refused
    assert taken["status"] == p.APPLIED
    assert [d["kind"] for d in admin.list_invoices(db_url, device.provider_id)] == ["advance"]
