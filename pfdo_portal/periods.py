"""Certificate periods on the portal (issue 17 §1, docs/certificates.md): a municipality opens its
period (dates, nominal in its unit, quota of ПФ places), closes it (the unspent returns to the
budget) and turns back unused ПФ certificates into учёт. The rules: ``domain.certificate_periods``;
the activation of a certificate under the quota: ``certificates.py``.

A period travels to every provider's PCs as the master entity «period» (``period_changes``: every
provider sees every period — they are public, few, and a child of another municipality may study
at any provider).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select, update

from pfdo_desktop.domain import applications as apps
from pfdo_desktop.domain import certificate_periods as cp
from pfdo_desktop.domain.catalog import CERT_ACCOUNTING, CERT_PF, NOMINAL_UNITS
from pfdo_desktop.domain.money import to_money

from . import db
from .common import as_utc, utcnow
from .enrolment.shared import certificate_changes
from .indicators import IndicatorsError, municipality_scope
from .region import REGION_CODE

ZERO = Decimal("0.00")


class PeriodError(ValueError):
    """A period command that cannot be done (the message says why and what to do)."""


def as_period(row: Any) -> cp.Period:
    return cp.Period(
        row.id,
        row.municipality,
        row.code,
        row.date_from,
        row.date_to,
        to_money(row.nominal),
        row.unit,
        row.quota,
        row.unused_days,
        row.status,
    )


def period_changes(conn: Connection, period_id: int) -> list[db.Change]:
    """A period (re-)published to every provider's PCs."""
    return [
        db.Change("master", "period", str(period_id), pid)
        for pid in conn.execute(select(db.providers.c.id)).scalars()
    ]


def prefix_of(code: str) -> str:
    return f"{REGION_CODE}{code}"


def certificates_of(code: str) -> Any:
    """The condition «a certificate of the municipality with ``code``» (its number's digits)."""
    return db.certificates.c.number.like(prefix_of(code) + "%")


def taken_places(conn: Connection, code: str) -> int:
    """The quota places taken: the municipality's certificates with ПФ status now."""
    c = db.certificates.c
    return int(
        conn.execute(select(func.count()).where(certificates_of(code), c.status == CERT_PF)).scalar_one()
    )


def current_period(conn: Connection, code: str, today: date, *, lock: bool = False) -> Any:
    """The open period of the municipality with ``code`` covering ``today`` (None: none)."""
    t = db.certificate_periods.c
    q = select(db.certificate_periods).where(
        t.code == code, t.status == cp.PERIOD_OPEN, t.date_from <= today, t.date_to >= today
    )
    if lock:
        q = q.with_for_update()
    return conn.execute(q).first()


def _open_row(conn: Connection, municipality: str, *, lock: bool = False) -> Any:
    t = db.certificate_periods.c
    q = select(db.certificate_periods).where(
        t.municipality == municipality.strip(), t.status == cp.PERIOD_OPEN
    )
    if lock:
        q = q.with_for_update()
    row = conn.execute(q).first()
    if row is None:
        raise PeriodError(
            f"у муниципалитета «{municipality.strip()}» нет открытого периода "
            "(список: pfdo-portal period list)"
        )
    return row


def period_dict(conn: Connection, row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "municipality": row.municipality,
        "code": row.code,
        "date_from": row.date_from,
        "date_to": row.date_to,
        "nominal": row.nominal,
        "unit": row.unit,
        "quota": row.quota,
        "unused_days": row.unused_days,
        "status": row.status,
        "returned": row.returned,
        "taken": taken_places(conn, row.code) if row.status == cp.PERIOD_OPEN else None,
    }


# --- open -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Opened:
    period: dict[str, Any]
    certificates: int  # ПФ certificates given the new nominal


def open_period(
    conn: Connection,
    municipality: str,
    date_from: date,
    date_to: date,
    nominal: str,
    quota: int,
    *,
    unit: str = "rub",
    unused_days: int = 0,
    now: datetime | None = None,
) -> Opened:
    """Open a municipality's period; the certificates keeping ПФ status get its nominal
    (``cp.opened_balance``) and unit; every provider's PCs pull the period and those certificates."""
    try:
        scope = municipality_scope(conn, municipality)
    except IndicatorsError as exc:
        raise PeriodError(str(exc)) from None
    code = scope.prefix[len(REGION_CODE) :]
    try:
        amount = to_money(nominal)
    except (TypeError, ValueError):
        raise PeriodError(f"номинал «{nominal}» — не число (пример: 25000.00)") from None
    t = db.certificate_periods.c
    existing = [as_period(r) for r in conn.execute(select(db.certificate_periods).with_for_update())]
    errors = cp.period_errors(
        scope.municipality, code, date_from, date_to, amount, unit, quota, unused_days, existing
    )
    if errors:
        raise PeriodError("; ".join(errors.values()))
    period_id = conn.execute(
        db.certificate_periods.insert()
        .values(
            municipality=scope.municipality,
            code=code,
            date_from=date_from,
            date_to=date_to,
            nominal=f"{amount:.2f}",
            unit=unit,
            quota=quota,
            unused_days=unused_days,
            status=cp.PERIOD_OPEN,
            opened_at=now or utcnow(),
        )
        .returning(t.id)
    ).scalar_one()
    c = db.certificates.c
    changes = period_changes(conn, period_id)
    given = 0
    for cert in conn.execute(
        select(db.certificates)
        .where(certificates_of(code), c.status == CERT_PF)
        .order_by(c.id)
        .with_for_update()
    ).all():
        balance = cp.opened_balance(to_money(cert.balance), to_money(cert.reserve), amount)
        conn.execute(
            update(db.certificates)
            .where(c.id == cert.id)
            .values(nominal=f"{amount:.2f}", balance=f"{balance:.2f}", unit=unit)
        )
        changes += certificate_changes(conn, cert.id, cert.child_id)
        given += 1
    db.stamp(conn, changes)
    row = conn.execute(select(db.certificate_periods).where(t.id == period_id)).one()
    return Opened(period_dict(conn, row), given)


def seed_period(
    conn: Connection, date_from: date, date_to: date, nominal: str = "24000.00", free: int = 20
) -> None:
    """The demo district's open period (``seed.seed_demo``): of the providers' municipality, with
    ``free`` quota places left. The seeded certificates keep their figures (they came before it)."""
    municipality = conn.execute(select(db.providers.c.municipality).order_by(db.providers.c.id)).scalar()
    if not municipality:
        return
    code = municipality_scope(conn, municipality).prefix[len(REGION_CODE) :]
    period_id = conn.execute(
        db.certificate_periods.insert()
        .values(
            municipality=municipality,
            code=code,
            date_from=date_from,
            date_to=date_to,
            nominal=nominal,
            unit="rub",
            quota=taken_places(conn, code) + free,
            unused_days=90,
            status=cp.PERIOD_OPEN,
            opened_at=datetime.combine(date_from, time(), UTC),
        )
        .returning(db.certificate_periods.c.id)
    ).scalar_one()
    db.stamp(conn, period_changes(conn, period_id))


# --- close ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClosedReport:
    period: dict[str, Any]
    certificates: int  # certificates whose unspent went back
    returned: Decimal  # in the period's unit
    kept: int  # certificates keeping the reserve of a contract that goes on


def _continuing(conn: Connection, period_to: date) -> set[int]:
    """Certificates with a contract in force past ``period_to`` (confirmed or active, ending later)."""
    a, g = db.applications.c, db.groups.c
    end = func.coalesce(a.end_date, g.date_to)
    q = (
        select(a.certificate_id)
        .select_from(db.applications.join(db.groups, g.id == a.group_id))
        .where(
            a.certificate_id.is_not(None),
            a.status.in_((apps.APP_CONFIRMED, apps.APP_ACTIVE)),
            end > period_to,
        )
    )
    return {int(x) for x in conn.execute(q).scalars()}


def close_period(conn: Connection, municipality: str, *, now: datetime | None = None) -> ClosedReport:
    """Close the municipality's open period: every certificate of it returns its unspent balance and
    the reserve of ended contracts (``cp.closed_certificate``); the period is closed with the sum."""
    row = _open_row(conn, municipality, lock=True)
    c = db.certificates.c
    continuing = _continuing(conn, row.date_to)
    changes = period_changes(conn, row.id)
    returned, count, kept = ZERO, 0, 0
    holding = or_(c.balance != "0.00", c.reserve != "0.00")
    for cert in conn.execute(
        select(db.certificates)
        .where(and_(certificates_of(row.code), holding))
        .order_by(c.id)
        .with_for_update()
    ).all():
        closed = cp.closed_certificate(to_money(cert.balance), to_money(cert.reserve), cert.id in continuing)
        conn.execute(
            update(db.certificates)
            .where(c.id == cert.id)
            .values(balance=f"{closed.balance:.2f}", reserve=f"{closed.reserve:.2f}")
        )
        changes += certificate_changes(conn, cert.id, cert.child_id)
        returned += closed.returned
        count += closed.returned > 0
        kept += closed.reserve > 0
    t = db.certificate_periods.c
    conn.execute(
        update(db.certificate_periods)
        .where(t.id == row.id)
        .values(status=cp.PERIOD_CLOSED, closed_at=now or utcnow(), returned=f"{returned:.2f}")
    )
    db.stamp(conn, changes)
    fresh = conn.execute(select(db.certificate_periods).where(t.id == row.id)).one()
    return ClosedReport(period_dict(conn, fresh), count, returned, kept)


# --- unused ПФ certificates back to учёт ---------------------------------------------------------------


def activated_since(conn: Connection, certificate_id: int, period: Any) -> date:
    """Since when a ПФ certificate counts as unused: its latest activation in the period, else the
    period's start (a certificate that kept its status)."""
    ac = db.certificate_activations.c
    at = conn.execute(
        select(func.max(ac.at)).where(
            ac.certificate_id == certificate_id, ac.outcome == "activated", ac.period_id == period.id
        )
    ).scalar()
    if at is None:
        return period.date_from
    return max(period.date_from, as_utc(at).date())


def expire_unused(
    conn: Connection, municipality: str, today: date, *, now: datetime | None = None
) -> list[str]:
    """Turn back into учёт the municipality's ПФ certificates unused for the period's ``unused_days``
    (``cp.is_unused``), freeing their quota places; returns their numbers."""
    row = _open_row(conn, municipality, lock=True)
    if row.unused_days <= 0:
        raise PeriodError(
            f"у периода муниципалитета «{row.municipality}» не задан срок неиспользования "
            "(--unused-days при открытии): сертификаты ПФ не возвращаются в учёт"
        )
    c = db.certificates.c
    numbers: list[str] = []
    changes: list[db.Change] = []
    for cert in conn.execute(
        select(db.certificates)
        .where(certificates_of(row.code), c.status == CERT_PF)
        .order_by(c.id)
        .with_for_update()
    ).all():
        since = activated_since(conn, cert.id, row)
        if not cp.is_unused(
            to_money(cert.balance),
            to_money(cert.reserve),
            to_money(cert.nominal),
            since,
            today,
            row.unused_days,
        ):
            continue
        conn.execute(
            update(db.certificates)
            .where(c.id == cert.id)
            .values(status=CERT_ACCOUNTING, nominal="0.00", balance="0.00")
        )
        conn.execute(
            db.certificate_activations.insert().values(
                certificate_id=cert.id,
                period_id=row.id,
                at=now or utcnow(),
                source="expiry",
                outcome="expired",
            )
        )
        changes += certificate_changes(conn, cert.id, cert.child_id)
        numbers.append(cert.number)
    db.stamp(conn, changes)
    return numbers


def list_periods(conn: Connection) -> list[dict[str, Any]]:
    t = db.certificate_periods.c
    return [
        period_dict(conn, r)
        for r in conn.execute(select(db.certificate_periods).order_by(t.municipality, t.date_from))
    ]


# --- the command line: pfdo-portal period open|close|list|expire-unused --------------------------------


def _amount(value: str, unit: str) -> str:
    return f"{value} {NOMINAL_UNITS.get(unit, unit)}"


def add_parser(sub: Any, default_db: str, day: Callable[[str], date], count: Callable[[str], int]) -> None:
    """``pfdo-portal period …`` (``cli.build_parser``)."""
    sp = sub.add_parser(
        "period",
        help="периоды сертификатов муниципалитета: номинал и квота ПФ",
        description="Периоды сертификатов муниципалитета: номинал и квота ПФ (docs/certificates.md)",
    )
    psub = sp.add_subparsers(dest="period_command", metavar="ДЕЙСТВИЕ", required=True)

    def action(name: str, help_text: str, municipality: bool = True) -> argparse.ArgumentParser:
        ap = psub.add_parser(name, help=help_text, description=help_text[:1].upper() + help_text[1:])
        ap.add_argument(
            "--db",
            default=default_db,
            metavar="БАЗА",
            help=f"URL базы или путь к файлу SQLite (по умолчанию {default_db})",
        )
        if municipality:
            ap.add_argument(
                "--municipality",
                required=True,
                metavar="НАЗВАНИЕ",
                help="муниципалитет, как он записан у организаций",
            )
        return ap

    ap = action("open", "открыть период: даты, номинал сертификата ПФ и квота мест ПФ")
    ap.add_argument(
        "--from", dest="date_from", type=day, required=True, metavar="ДАТА", help="начало, ГГГГ-ММ-ДД"
    )
    ap.add_argument("--to", dest="date_to", type=day, required=True, metavar="ДАТА", help="конец, ГГГГ-ММ-ДД")
    ap.add_argument("--nominal", required=True, metavar="ЧИСЛО", help="номинал на период, например 25000.00")
    ap.add_argument(
        "--unit",
        choices=tuple(NOMINAL_UNITS),
        default="rub",
        help="единица номинала: rub — рубли (по умолчанию), hours — часы",
    )
    ap.add_argument(
        "--quota", type=count, required=True, metavar="МЕСТ", help="сколько сертификатов может иметь ПФ"
    )
    ap.add_argument(
        "--unused-days",
        type=count,
        default=0,
        metavar="ДНИ",
        help="через сколько дней неиспользованный сертификат ПФ можно вернуть в учёт "
        "(по умолчанию 0 — не возвращать)",
    )
    action("close", "закрыть период: неизрасходованный остаток возвращается в бюджет")
    action("list", "периоды всех муниципалитетов", municipality=False)
    ap = action("activate", "заявление родителя о статусе ПФ, поданное на портале: решается по квоте "
                            "(первым пришёл — первым получил)", municipality=False)
    ap.add_argument("--number", required=True, metavar="НОМЕР", help="номер сертификата, 10 цифр")
    ap.add_argument("--today", type=day, metavar="ДАТА", help="«сегодня» портала, ГГГГ-ММ-ДД")
    ap = action("expire-unused", "вернуть в учёт сертификаты ПФ, не использованные дольше срока периода")
    ap.add_argument("--today", type=day, metavar="ДАТА", help="«сегодня» портала, ГГГГ-ММ-ДД")


def run(args: argparse.Namespace, db_url: str) -> int:
    """One ``pfdo-portal period …`` command; a ``PeriodError`` is the CLI's one-line refusal."""
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        if args.period_command == "open":
            opened = open_period(
                conn,
                args.municipality,
                args.date_from,
                args.date_to,
                args.nominal,
                args.quota,
                unit=args.unit,
                unused_days=args.unused_days,
            )
            pr = opened.period
            print(
                f"Период {pr['municipality']} {pr['date_from']:%d.%m.%Y}–{pr['date_to']:%d.%m.%Y} открыт: "
                f"номинал {_amount(pr['nominal'], pr['unit'])}, квота ПФ {pr['quota']} "
                f"(занято {pr['taken']})."
            )
            print(f"Новый номинал получили сертификатов ПФ: {opened.certificates}.")
            if pr["taken"] > pr["quota"]:
                print(
                    f"Сертификатов ПФ больше квоты: новые запросы ПФ будут отклонены, пока мест не станет "
                    f"меньше {pr['quota']}."
                )
        elif args.period_command == "close":
            closed = close_period(conn, args.municipality)
            pr = closed.period
            print(f"Период {pr['municipality']} {pr['date_from']:%d.%m.%Y}–{pr['date_to']:%d.%m.%Y} закрыт.")
            print(
                f"Возвращено в бюджет: {_amount(f'{closed.returned:.2f}', pr['unit'])} "
                f"с {closed.certificates} сертификатов."
            )
            if closed.kept:
                print(f"Сохранили резерв договоров, которые продолжаются: {closed.kept} сертификатов.")
        elif args.period_command == "activate":
            from .certificates import SOURCE_PARENT, activate  # (certificates imports this module)

            c = db.certificates.c
            cert_id = conn.execute(select(c.id).where(c.number == args.number.strip())).scalar()
            if cert_id is None:
                raise PeriodError(f"нет сертификата с номером {args.number.strip()}")
            decision = activate(conn, cert_id, today=args.today or date.today(), source=SOURCE_PARENT)
            cert = decision.certificate
            if decision.refusal is not None:
                print(f"Сертификат {cert['number']}: отказ — {decision.refusal.message}")
            else:
                nominal = _amount(cert["nominal"], cert["unit"])
                print(f"Сертификат {cert['number']}: статус ПФ, номинал {nominal}.")
        elif args.period_command == "expire-unused":
            numbers = expire_unused(conn, args.municipality, args.today or date.today())
            print(
                f"Возвращено в учёт сертификатов ПФ: {len(numbers)}."
                + (f" Номера: {', '.join(numbers)}." if numbers else "")
            )
        else:
            rows = list_periods(conn)
            if not rows:
                print("Периодов нет (открыть: pfdo-portal period open).")
            for r in rows:
                taken = (
                    f", занято {r['taken']}" if r["taken"] is not None else f", возвращено {r['returned']}"
                )
                print(
                    f"{r['id']}\t{r['municipality']}\t{r['date_from']:%d.%m.%Y}–{r['date_to']:%d.%m.%Y}\t"
                    f"{cp.PERIOD_STATUSES[r['status']]}\tноминал {_amount(r['nominal'], r['unit'])}\t"
                    f"квота {r['quota']}{taken}"
                )
    return 0
