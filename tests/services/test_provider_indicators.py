"""The provider's indicators on the PC (issue 13, «Показатели»): the figures a head of a school reads
come out of the local database through the domain's rules, and agree with what the other screens
and a plain SQL count over the same database say."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, timedelta
from decimal import Decimal

from pfdo_desktop.domain import payment as pay
from pfdo_desktop.models.database import DB_FILENAME

TODAY = date.today()
CURRENT = (TODAY.year, TODAY.month)
_last = pay.month_first_day(CURRENT) - timedelta(days=1)
LAST = (_last.year, _last.month)
# the academic year so far: September … LAST
SINCE_SEPTEMBER = (LAST[1] - 9) % 12 + 1


def _sql(ws, query: str, *args) -> list[tuple]:
    with closing(sqlite3.connect(ws.data_dir / DB_FILENAME)) as c:
        return c.execute(query, args).fetchall()


def test_the_month_and_the_year_so_far_from_the_local_database(enrolled_workspace):
    ws = enrolled_workspace
    figures = ws.provider_indicators(LAST, today=TODAY)
    first, last = pay.month_first_day(LAST), pay.month_last_day(LAST)
    assert figures.on == last and figures.synced_at is not None

    # children studying in the month: a plain count over the memberships of the provider's groups
    [(children,)] = _sql(ws, "select count(distinct m.child_id) from membership m join study_group g "
                             "on g.id = m.group_id where not m.archived and not g.archived "
                             "and m.date_from <= ? and (m.date_to is null or m.date_to >= ?)",
                         last.isoformat(), first.isoformat())
    assert dict(figures.enrolled)[LAST] == children > 0
    # those in force on the month's last day use a certificate (each child once)
    [(in_force,)] = _sql(ws, "select count(distinct m.child_id) from membership m join study_group g "
                             "on g.id = m.group_id join certificate c on c.child_id = m.child_id "
                             "where not m.archived and not g.archived and not c.archived "
                             "and m.date_from <= ? and (m.date_to is null or m.date_to >= ?)",
                         last.isoformat(), last.isoformat())
    c = figures.month_figures.certificates
    assert c.used == in_force and c.on_1 + c.on_2 + c.on_3_plus == c.used
    assert figures.month_figures.population is None  # a provider has no territory

    # completeness per group is the «Оплата» tab's k; the money is the month's certificate amounts
    view = ws.month_view(LAST, TODAY)
    assert sorted(figures.completeness) == sorted((g.name, g.k) for g in view.groups)
    [month_money] = [m for m in figures.year_figures.money if m.month == LAST]
    assert month_money.nominal == view.certificate_amount
    assert len(figures.year_figures.money) == SINCE_SEPTEMBER == len(figures.money)
    assert figures.year_figures.period_from == date(LAST[0] if LAST[1] >= 9 else LAST[0] - 1, 9, 1)

    # the table has the month's and the year's figures side by side
    table = {row[0]: row for row in figures.table()}
    assert table["Обучаются на 1 программе"][1] == f"{c.on_1}"
    assert [r[0] for r in figures.table()][:2] == ["Детей 5–18 лет в территории",
                                                   "Выдано сертификатов (доля от детей 5–18 лет)"]


def test_money_by_month_follows_the_documents_the_portal_decided(enrolled_workspace, portal_db,
                                                                  demo_provider_id):
    from pfdo_portal import admin

    ws = enrolled_workspace
    sent = ws.send_invoice(LAST, TODAY)
    ws.sync()
    [doc] = [d for d in admin.list_invoices(portal_db, demo_provider_id, LAST) if d["kind"] == "invoice"]
    admin.accept_invoice(portal_db, doc["id"])
    admin.pay_invoice(portal_db, doc["id"])
    ws.sync()
    bars = {b.month: b for b in ws.provider_indicators(LAST, today=TODAY).money}
    assert bars[LAST].invoiced == bars[LAST].paid == sent.to_pay > Decimal(0)
    assert all(b.invoiced == 0 for m, b in bars.items() if m != LAST)
    year = ws.provider_indicators(LAST, today=TODAY).year_figures
    [paid] = [m.paid for m in year.money if m.month == LAST]
    assert paid == sent.total  # the accepted invoice's payments, line by line
