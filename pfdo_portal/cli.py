"""``pfdo-portal``: run and administer the reference portal."""

from __future__ import annotations

import argparse
import logging
import logging.config
import re
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import NoReturn

from sqlalchemy.exc import SQLAlchemyError

from pfdo_desktop import argparse_ru
from pfdo_desktop.domain.applications import APPLICATION_STATUSES_RU, DEFAULT_EXPIRY_DAYS
from pfdo_desktop.domain.catalog import CERTIFICATE_STATUSES

from . import admin
from .db import normalize_db_url
from .seed import DEMO_SEED, SeedError, seed_demo

DEFAULT_DB = "pfdo-portal.db"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit code 2, no usage dump
        raise _CliError(f"pfdo-portal: ошибка: {message}")


class _CliError(Exception):
    pass


def _month(text: str) -> date:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise argparse.ArgumentTypeError(f"месяц в виде ГГГГ-ММ, а не «{text}»")
    return date(int(m.group(1)), int(m.group(2)), 1)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"нужно целое число, а не «{text}»") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"нужно положительное число, а не «{text}»")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"нужно число, а не «{text}»") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"нужно положительное число, а не «{text}»")
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"дата в виде ГГГГ-ММ-ДД, а не «{text}»") from None


def build_parser() -> argparse.ArgumentParser:
    argparse_ru.install()  # argparse's own words («usage», «options», errors) in Russian
    parser = _Parser(prog="pfdo-portal", description="Учебный региональный портал ПФДО")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def cmd(name: str, help_text: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_text)
        sp.add_argument("--db", default=DEFAULT_DB, help="URL базы или путь к файлу SQLite")
        return sp

    sp = cmd("serve", "запустить портал")
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=_positive_int, default=8765)
    sp.add_argument("--today", type=_day, help="«сегодня» портала для правил зачисления (для обучения)")
    sp.add_argument("--body-timeout", type=_positive_float, default=30.0, metavar="СЕКУНДЫ",
                    help="сколько ждать продолжения тела запроса, прежде чем ответить 408 (по умолчанию 30)")
    sp = cmd("seed-demo", "заполнить пустую базу учебным округом")
    sp.add_argument("--scale", choices=("demo", "school"), default="demo")
    sp.add_argument("--seed", type=int, default=DEMO_SEED)
    cmd("providers", "список организаций")
    sp = cmd("issue-code", "выдать одноразовый код подключения ПК")
    sp.add_argument("--provider", type=_positive_int, required=True)
    sp.add_argument("--ttl-hours", type=float, default=72)
    sp = cmd("codes", "выданные коды подключения (только первые буквы и срок)")
    sp.add_argument("--provider", type=_positive_int)
    sp = cmd("devices", "подключённые компьютеры")
    sp.add_argument("--provider", type=_positive_int)
    sp = cmd("revoke-device", "отозвать доступ компьютера")
    sp.add_argument("--device", required=True)
    sp = cmd("lock-month", "закрыть месяц (по нему выставлен счёт)")
    sp.add_argument("--provider", type=_positive_int, required=True)
    sp.add_argument("--month", type=_month, required=True)
    cmd("reset-cursors", "сбросить историю изменений: все ПК загрузят данные заново")
    sp = cmd("apply", "заявка родителя на портале (статус «новая»)")
    sp.add_argument("--child", type=_positive_int, required=True)
    sp.add_argument("--group", type=_positive_int, required=True)
    sp.add_argument("--start", type=_day, required=True, help="дата начала обучения ГГГГ-ММ-ДД")
    sp.add_argument("--today", type=_day, help="«сегодня» портала (по умолчанию — текущая дата)")
    sp = cmd("applications", "заявки организации")
    sp.add_argument("--provider", type=_positive_int, required=True)
    sp.add_argument("--status", choices=tuple(APPLICATION_STATUSES_RU))
    sp = cmd("expire-applications", "перевести просроченные заявки в «истекла»")
    sp.add_argument("--today", type=_day, help="«сегодня» портала (по умолчанию — текущая дата)")
    sp.add_argument("--days", type=_positive_int, default=DEFAULT_EXPIRY_DAYS,
                    help=f"срок в днях (по умолчанию {DEFAULT_EXPIRY_DAYS})")
    sp = cmd("certificate", "показать или изменить сертификат (для обучения и тестов)")
    sp.add_argument("--number", required=True)
    sp.add_argument("--status", choices=tuple(CERTIFICATE_STATUSES), help="pf — ПФ, uchet — учёт")
    sp.add_argument("--balance", help="остаток в рублях, например 12000.00")
    sp.add_argument("--nominal", help="номинал в рублях")
    sp = cmd("moderation", "карточки программ, ждущие модерации")
    sp = cmd("moderate", "решение по карточке на модерации: опубликовать или вернуть на доработку")
    sp.add_argument("--program", type=_positive_int, required=True)
    decision = sp.add_mutually_exclusive_group(required=True)
    decision.add_argument("--approve", action="store_true", help="опубликовать")
    decision.add_argument("--return", dest="return_comment", metavar="КОММЕНТАРИЙ",
                          help="вернуть на доработку с комментарием")
    sp = cmd("edit-program", "правка карточки программы на портале (версия + 1)")
    sp.add_argument("--program", type=_positive_int, required=True)
    sp.add_argument("--name", help="полное название")
    sp.add_argument("--short-name", help="краткое название")
    sp.add_argument("--annotation", help="аннотация")
    sp = cmd("edit-provider", "руководитель организации: ФИО и должность (её печатают в договорах)")
    sp.add_argument("--provider", type=_positive_int, required=True)
    sp.add_argument("--head-name", help="ФИО руководителя, например «Волкова Милана Валерьевна»")
    sp.add_argument("--head-position",
                    help="должность по уставу: директор, заведующая…; пустая строка — не указана "
                         "(у ИП не указывают)")
    sp = cmd("set-price-cap", "предельная цена модуля: нормативная стоимость × коэффициент")
    sp.add_argument("--ratio", required=True, help="коэффициент, например 1.2, или none — без предела")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        db_url = normalize_db_url(args.db)
        return _run(args, db_url)
    except _CliError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except (admin.AdminError, SeedError, ValueError) as exc:
        print(f"pfdo-portal: ошибка: {exc}", file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:
        print(
            f"pfdo-portal: ошибка базы данных: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}",
            file=sys.stderr,
        )
        return 2


def _run(args: argparse.Namespace, db_url: str) -> int:
    if args.command == "serve":
        import uvicorn

        from .app import PortalSettings, create_app, serve_log_config

        # Logs go to the console (the service manager keeps them; the portal writes no log file),
        # through a filter that keeps tokens and codes out of them (also out of the access log).
        logging.config.dictConfig(serve_log_config())
        settings = PortalSettings(today=args.today, body_idle_timeout=args.body_timeout)
        app = create_app(db_url, settings=settings)
        uvicorn.run(app, host=args.host, port=args.port, log_config=serve_log_config(), log_level="info")
        return 0
    if args.command == "seed-demo":
        summary = seed_demo(db_url, scale=args.scale, seed=args.seed)
        if not summary.created:
            print("База уже заполнена; ничего не изменено.")
        c = summary.counts
        print(
            f"Организаций: {c['provider']}, программ: {c['program']}, групп: {c['group']}, "
            f"детей: {c['child']}, зачислений: {c['membership']}, заявок: {c['application']}, "
            f"отметок: {c['mark']}"
        )
        print(f"Демонстрационная организация: {summary.demo_provider_id}")
        return 0
    if args.command == "providers":
        for p in admin.list_providers(db_url):
            print(f"{p.id}\t{p.name}")
        return 0
    if args.command == "issue-code":
        print(admin.issue_code(db_url, args.provider, ttl_hours=args.ttl_hours))
        return 0
    if args.command == "codes":
        codes = admin.list_codes(db_url, args.provider)
        now = datetime.now(UTC)
        for info in codes:
            if info.used_at is not None:
                state = f"использован {info.used_at:%Y-%m-%d %H:%M} (компьютер {info.used_by_device})"
            elif info.expires_at <= now:
                state = f"истёк {info.expires_at:%Y-%m-%d %H:%M} UTC"
            else:
                state = f"действует до {info.expires_at:%Y-%m-%d %H:%M} UTC"
            print(f"{info.hint}\t{info.provider_id}\tвыдан {info.created_at:%Y-%m-%d %H:%M}\t{state}")
        if not codes:
            print("Кодов подключения нет.")
        return 0
    if args.command == "devices":
        for d in admin.list_devices(db_url, args.provider):
            state = f"отозван {d.revoked_at:%Y-%m-%d %H:%M}" if d.revoked_at else "активен"
            print(f"{d.id}\t{d.provider_id}\t{d.app_version}\t{d.created_at:%Y-%m-%d %H:%M}\t{state}")
        return 0
    if args.command == "revoke-device":
        admin.revoke_device(db_url, args.device)
        print(f"Доступ компьютера {args.device} отозван.")
        return 0
    if args.command == "lock-month":
        admin.lock_month(db_url, args.provider, args.month)
        print(f"Месяц {args.month:%Y-%m} закрыт для организации {args.provider}.")
        return 0
    if args.command == "reset-cursors":
        admin.reset_cursors(db_url)
        print("История изменений сброшена: все компьютеры загрузят данные заново.")
        return 0
    if args.command == "apply":
        row = admin.apply_online(db_url, args.child, args.group, args.start, today=args.today)
        print(f"Заявка {row['number']} подана: статус «новая», организация {row['provider_id']}, "
              f"начало {args.start:%d.%m.%Y}.")
        print(row["id"])
        return 0
    if args.command == "applications":
        rows = admin.list_applications(db_url, args.provider, status=args.status)
        for a in rows:
            status = APPLICATION_STATUSES_RU.get(a["status"], a["status"])
            money = f"\tсертификат {a['certificate_part']}" if a["certificate_part"] is not None else ""
            print(f"{a['number']}\t{a['id']}\t{status}\tребёнок {a['child_id']}\tгруппа {a['group_id']}"
                  f"\tс {a['start_date']}{money}")
        if not rows:
            print("Заявок нет.")
        return 0
    if args.command == "expire-applications":
        expired = admin.expire_applications(db_url, args.today, args.days)
        print(f"Истекло заявок: {len(expired)}.")
        return 0
    if args.command == "certificate":
        if args.status is None and args.balance is None and args.nominal is None:
            cert = admin.get_certificate(db_url, args.number)
            if cert is None:
                raise admin.AdminError(f"нет сертификата с номером {args.number}")
        else:
            cert = admin.set_certificate(
                db_url, args.number, status=args.status, balance=args.balance, nominal=args.nominal
            )
        print(f"Сертификат {cert['number']}: {CERTIFICATE_STATUSES[cert['status']]}, "
              f"номинал {cert['nominal']}, остаток {cert['balance']}, резерв {cert['reserve']}")
        return 0
    if args.command == "moderation":
        queue = admin.moderation_queue(db_url)
        for item in queue:
            kind = "новая" if item["new"] else f"новая версия (от версии {item['base_revision']})"
            print(f"{item['program_id']}\t{item['name']}\t{item['provider_id']} {item['provider_name']}\t"
                  f"{kind}\tмодулей: {item['modules']}\t{item['submitted_at']:%Y-%m-%d %H:%M}")
        if not queue:
            print("Карточек на модерации нет.")
        return 0
    if args.command == "moderate":
        if args.approve:
            row = admin.approve_program(db_url, args.program)
            print(f"Программа {row['id']} «{row['name']}» опубликована, версия {row['revision']}.")
        else:
            row = admin.return_program(db_url, args.program, args.return_comment)
            print(f"Программа {row['id']} «{row['name']}» возвращена на доработку: "
                  f"{row['moderation_comment']}")
        return 0
    if args.command == "edit-program":
        fields = {k: v for k, v in (("name", args.name), ("short_name", args.short_name),
                                    ("annotation", args.annotation)) if v is not None}
        if not fields:
            raise _CliError("pfdo-portal: ошибка: укажите, что изменить (--name, --short-name, --annotation)")
        row = admin.edit_program(db_url, args.program, **fields)
        print(f"Программа {row['id']} изменена на портале, версия {row['revision']}.")
        return 0
    if args.command == "edit-provider":
        fields = {k: v for k, v in (("head_name", args.head_name), ("head_position", args.head_position))
                  if v is not None}
        if not fields:
            raise _CliError("pfdo-portal: ошибка: укажите, что изменить (--head-name, --head-position)")
        row = admin.edit_provider(db_url, args.provider, **fields)
        print(f"Организация {row['id']}: руководитель {row['head_name'] or '—'}, "
              f"должность {row['head_position'] or 'не указана'}.")
        return 0
    if args.command == "set-price-cap":
        raw = args.ratio.strip()
        value = admin.set_price_cap(db_url, None if raw.lower() in ("none", "нет", "-") else raw)
        print(f"Предельная цена: нормативная стоимость × {value}." if value else "Предельная цена не задана.")
        return 0
    raise _CliError(f"pfdo-portal: ошибка: неизвестная команда {args.command}")


if __name__ == "__main__":
    sys.exit(main())
