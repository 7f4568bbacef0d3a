"""``pfdo-portal period open|close|list|activate|expire-unused`` (issue 17 §1, docs/certificates.md):
the command line of ``periods`` and ``certificates`` (apart from both: ``certificates`` imports
``periods``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select

from pfdo_desktop.domain import certificate_periods as cp
from pfdo_desktop.domain.catalog import NOMINAL_UNITS

from . import db
from .certificates import SOURCE_PARENT, activate
from .periods import PeriodError, close_period, expire_unused, list_periods, open_period

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
    ap = action("close", "закрыть период: неизрасходованный остаток возвращается в бюджет")
    ap.add_argument("--today", type=day, metavar="ДАТА", help="«сегодня» портала, ГГГГ-ММ-ДД")
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
            closed = close_period(conn, args.municipality, today=args.today or date.today())
            pr = closed.period
            print(f"Период {pr['municipality']} {pr['date_from']:%d.%m.%Y}–{pr['date_to']:%d.%m.%Y} закрыт.")
            print(
                f"Возвращено в бюджет: {_amount(f'{closed.returned:.2f}', pr['unit'])} "
                f"с {closed.certificates} сертификатов."
            )
            if closed.kept:
                print(f"Сохранили резерв договоров, которые продолжаются: {closed.kept} сертификатов.")
        elif args.period_command == "activate":
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
