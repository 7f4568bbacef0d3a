"""``pfdo-portal``: run and administer the reference portal."""

from __future__ import annotations

import argparse
import logging
import logging.config
import re
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import NoReturn

from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from pfdo_desktop import argparse_ru
from pfdo_desktop.domain.applications import APPLICATION_STATUSES_RU, DEFAULT_EXPIRY_DAYS
from pfdo_desktop.domain.catalog import CERTIFICATE_STATUSES
from pfdo_desktop.domain.requisites import FIELDS_RU

from . import admin, indicators_report, periods_cli, releases
from .db import normalize_db_url
from .indicators import IndicatorsError
from .region import MUNICIPALITY_CODE
from .seed import DEMO_SEED, SeedError, seed_demo

DEFAULT_DB = "pfdo-portal.db"
_STATUS_RU = {"sent": "отправлен", "accepted": "принят", "returned": "возвращён", "paid": "оплачен"}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit code 2
        raise _CliError(f"pfdo-portal: ошибка: {message}")

    def _check_value(self, action: argparse.Action, value: object) -> None:
        # An unknown command: the usage line, then the commands there are (argparse would say
        # «аргумент КОМАНДА: недопустимое значение …»).
        if isinstance(action, argparse._SubParsersAction) and value not in action.choices:
            raise _CliError(
                f"{self.format_usage()}pfdo-portal: ошибка: неизвестная команда «{value}». Команды: "
                f"{', '.join(action.choices)} (что делает каждая — pfdo-portal --help)"
            )
        super()._check_value(action, value)


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


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"нужно целое число, а не «{text}»") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"нужно число не меньше нуля, а не «{text}»")
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"дата в виде ГГГГ-ММ-ДД, а не «{text}»") from None


COMMAND = "КОМАНДА"
PROVIDER_HELP = "номер организации (список: pfdo-portal providers)"


def _version() -> str:
    """The installed distribution's version (the portal ships in the same package as the desktop)."""
    from importlib import metadata

    try:
        return metadata.version("pfdo-desktop")
    except metadata.PackageNotFoundError:
        return "не установлен как пакет"


def build_parser() -> argparse.ArgumentParser:
    argparse_ru.install()  # argparse's own words («usage», «options», errors) in Russian
    parser = _Parser(prog="pfdo-portal", description="Учебный региональный портал ПФДО")
    parser.add_argument("--version", action="version", version=f"pfdo-portal {_version()}",
                        help="показать версию программы и выйти")
    # Not required by argparse: a missing command is said by main() with the list of commands.
    sub = parser.add_subparsers(dest="command", metavar=COMMAND, title="команды",
                                description="у каждой команды свои параметры: pfdo-portal КОМАНДА --help",
                                parser_class=_Parser)

    def cmd(name: str, help_text: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_text, description=help_text[:1].upper() + help_text[1:])
        sp.add_argument("--db", default=DEFAULT_DB, metavar="БАЗА",
                        help=f"URL базы или путь к файлу SQLite (по умолчанию {DEFAULT_DB})")
        return sp

    def provider(sp: argparse.ArgumentParser, required: bool, help_text: str = PROVIDER_HELP) -> None:
        sp.add_argument("--provider", type=_positive_int, required=required, metavar="НОМЕР", help=help_text)

    sp = cmd("serve", "запустить портал")
    sp.add_argument("--host", default="127.0.0.1", metavar="АДРЕС",
                    help="адрес, на котором портал ждёт запросы (по умолчанию 127.0.0.1 — только этот "
                         "компьютер; 0.0.0.0 — все адреса)")
    sp.add_argument("--port", type=_positive_int, default=8765, metavar="ПОРТ",
                    help="порт (по умолчанию 8765)")
    sp.add_argument("--today", type=_day, metavar="ДАТА",
                    help="«сегодня» портала для правил зачисления, ГГГГ-ММ-ДД (для обучения)")
    sp.add_argument("--body-timeout", type=_positive_float, default=30.0, metavar="СЕКУНДЫ",
                    help="сколько ждать продолжения тела запроса, прежде чем ответить 408 (по умолчанию 30)")
    sp.add_argument("--header-timeout", type=_positive_float, default=10.0, metavar="СЕКУНДЫ",
                    help="за сколько секунд запрос должен передать свою строку и заголовки, иначе "
                         "соединение закрывается (по умолчанию 10)")
    sp.add_argument("--workers", type=_positive_int, default=1, metavar="ЧИСЛО",
                    help="сколько процессов отвечают на запросы (по умолчанию 1); каждый держит свои "
                         "соединения с базой, а ограничения (частота запросов, неверные коды "
                         "подключения) хранятся в базе и общие для всех. Больше одного — для PostgreSQL; "
                         "обычно столько, сколько ядер процессора")
    sp = cmd("seed-demo", "заполнить пустую базу учебным округом")
    sp.add_argument("--scale", choices=("demo", "school", "region"), default="demo",
                    help="demo — пять организаций и несколько сотен детей (по умолчанию); school — одна "
                         "большая школа, около 1 500 детей; region — целый регион (только PostgreSQL, "
                         "через COPY: по умолчанию 1,1 млн детей, 2 000 организаций, 10⁸ отметок)")
    sp.add_argument("--seed", type=int, default=DEMO_SEED, metavar="ЧИСЛО",
                    help="начальное число генератора: одно и то же даёт тот же округ "
                         f"(по умолчанию {DEMO_SEED}; регион от него не зависит)")
    sp.add_argument("--children", type=_positive_int, metavar="ЧИСЛО",
                    help="для region: сколько детей (по умолчанию 1 100 000; организаций — одна "
                         "на 550 детей)")
    sp.add_argument("--marks", type=_count, metavar="ЧИСЛО",
                    help="для region: сколько отметок примерно (по умолчанию 100 000 000)")
    sp.add_argument("--providers", type=_positive_int, metavar="ЧИСЛО",
                    help="для region: сколько организаций (по умолчанию — по числу детей)")
    sp = cmd("partitions", "разделы таблицы отметок по месяцам (PostgreSQL): создать недостающие, показать")
    sp.add_argument("--months-ahead", type=_count, default=None, metavar="ЧИСЛО",
                    help="на сколько месяцев вперёд от текущего держать готовые разделы "
                         "(по умолчанию 6; портал создаёт их и при каждом запуске)")
    cmd("providers", "список организаций")
    sp = cmd("issue-code", "выдать одноразовый код подключения ПК")
    provider(sp, True)
    sp.add_argument("--ttl-hours", type=_positive_float, default=72, metavar="ЧАСЫ",
                    help="сколько часов код действует (по умолчанию 72)")
    sp = cmd("codes", "выданные коды подключения (только первые буквы и срок)")
    provider(sp, False, "только коды этой организации")
    sp = cmd("devices", "подключённые компьютеры")
    provider(sp, False, "только компьютеры этой организации")
    sp = cmd("revoke-device", "отозвать доступ компьютера")
    sp.add_argument("--device", required=True, metavar="ИД",
                    help="идентификатор компьютера (список: pfdo-portal devices)")
    sp = cmd("lock-month", "закрыть месяц (по нему выставлен счёт)")
    provider(sp, True)
    sp.add_argument("--month", type=_month, required=True, metavar="ГГГГ-ММ", help="месяц, например 2025-11")
    sp = cmd("invoices", "заявки на аванс и счета организаций (с их статусами)")
    provider(sp, False, "только документы этой организации")
    sp.add_argument("--month", type=_month, metavar="ГГГГ-ММ", help="только за этот месяц, например 2025-11")
    sp = cmd("accept-invoice", "принять счёт (месяц закрывается, неизрасходованное возвращается на "
                               "сертификаты) или заявку на аванс")
    sp.add_argument("--invoice", type=_positive_int, required=True, metavar="НОМЕР",
                    help="номер документа в списке pfdo-portal invoices")
    sp = cmd("pay", "отметить документ оплаченным (плательщик перечислил деньги)")
    sp.add_argument("--invoice", type=_positive_int, required=True, metavar="НОМЕР",
                    help="номер документа в списке pfdo-portal invoices")
    sp = cmd("return-invoice",
             "вернуть отправленный документ организации с причиной (месяц остаётся открытым)")
    sp.add_argument("--invoice", type=_positive_int, required=True, metavar="НОМЕР",
                    help="номер документа в списке pfdo-portal invoices")
    sp.add_argument("--reason", required=True, metavar="ТЕКСТ", help="причина возврата")
    sp = cmd("set-advance-percent", "процент аванса региона (от 0 до 80, по умолчанию 80)")
    sp.add_argument("--percent", required=True, metavar="ПРОЦЕНТ",
                    help="процент аванса, например 80; «нет» — вернуть 80 по умолчанию")
    sp = cmd("set-provider-details", "банковские реквизиты и главный бухгалтер организации (для счетов)")
    provider(sp, True)
    for flag, help_text in (("--kpp", "КПП, 9 знаков"), ("--bank", "наименование банка"),
                            ("--bik", "БИК банка, 9 цифр"), ("--account", "расчётный счёт, 20 цифр"),
                            ("--corr-account", "корреспондентский счёт банка, 20 цифр"),
                            ("--chief-accountant", "ФИО главного бухгалтера")):
        sp.add_argument(flag, metavar="ТЕКСТ", help=help_text + " («» — очистить; не указан — не менять)")
    cmd("reset-cursors", "сбросить историю изменений: все ПК загрузят данные заново")
    sp = cmd("apply", "заявка родителя на портале (статус «новая»)")
    sp.add_argument("--child", type=_positive_int, required=True, metavar="НОМЕР",
                    help="номер ребёнка в реестре портала")
    sp.add_argument("--group", type=_positive_int, required=True, metavar="НОМЕР", help="номер группы")
    sp.add_argument("--start", type=_day, required=True, metavar="ДАТА",
                    help="дата начала обучения ГГГГ-ММ-ДД")
    sp.add_argument("--today", type=_day, metavar="ДАТА",
                    help="«сегодня» портала, ГГГГ-ММ-ДД (по умолчанию — текущая дата)")
    sp = cmd("parent-code", "одноразовый код входа родителя в личный кабинет каталога (учебный вход "
                            "вместо ЕСИА)")
    sp.add_argument("--child", type=_positive_int, action="append", default=[], metavar="НОМЕР",
                    help="номер ребёнка в реестре портала (можно несколько раз: дети одной семьи)")
    sp.add_argument("--snils", action="append", default=[], metavar="СНИЛС",
                    help="СНИЛС ребёнка, например 112-233-445 95 (можно несколько раз)")
    sp.add_argument("--ttl-hours", type=_positive_float, default=24, metavar="ЧАСЫ",
                    help="сколько часов код действует (по умолчанию 24)")
    cmd("parent-requests", "запросы родителей из каталога (получить сертификат, активировать сертификат ПФ) "
                           "и их решения")
    sp = cmd("applications", "заявки организации")
    provider(sp, True)
    sp.add_argument("--status", choices=tuple(APPLICATION_STATUSES_RU),
                    help="только заявки в этом статусе: "
                         + ", ".join(f"{k} — {v}" for k, v in APPLICATION_STATUSES_RU.items()))
    sp = cmd("expire-applications", "перевести просроченные заявки в «истекла»")
    sp.add_argument("--today", type=_day, metavar="ДАТА",
                    help="«сегодня» портала, ГГГГ-ММ-ДД (по умолчанию — текущая дата)")
    sp.add_argument("--days", type=_positive_int, default=DEFAULT_EXPIRY_DAYS, metavar="ДНИ",
                    help=f"срок в днях (по умолчанию {DEFAULT_EXPIRY_DAYS})")
    sp = cmd("certificate", "показать или изменить сертификат (для обучения и тестов)")
    sp.add_argument("--number", required=True, metavar="НОМЕР", help="номер сертификата, 10 цифр")
    sp.add_argument("--status", choices=tuple(CERTIFICATE_STATUSES), help="pf — ПФ, uchet — учёт")
    sp.add_argument("--balance", metavar="РУБЛИ", help="остаток в рублях, например 12000.00")
    sp.add_argument("--nominal", metavar="РУБЛИ", help="номинал в рублях")
    periods_cli.add_parser(sub, DEFAULT_DB, _day, _count)
    sp = cmd("moderation", "карточки программ, ждущие модерации")
    sp = cmd("moderate", "решение по карточке на модерации: опубликовать или вернуть на доработку")
    sp.add_argument("--program", type=_positive_int, required=True, metavar="НОМЕР",
                    help="номер программы (список: pfdo-portal moderation)")
    decision = sp.add_mutually_exclusive_group(required=True)
    decision.add_argument("--approve", action="store_true", help="опубликовать")
    decision.add_argument("--return", dest="return_comment", metavar="КОММЕНТАРИЙ",
                          help="вернуть на доработку с комментарием")
    sp = cmd("edit-program", "правка карточки программы на портале (версия + 1)")
    sp.add_argument("--program", type=_positive_int, required=True, metavar="НОМЕР", help="номер программы")
    sp.add_argument("--name", metavar="ТЕКСТ", help="полное название")
    sp.add_argument("--short-name", metavar="ТЕКСТ", help="краткое название")
    sp.add_argument("--annotation", metavar="ТЕКСТ", help="аннотация")
    sp = cmd("edit-provider", "руководитель организации: ФИО и должность (её печатают в договорах)")
    provider(sp, True)
    sp.add_argument("--head-name", metavar="ФИО",
                    help="ФИО руководителя, например «Волкова Милана Валерьевна»")
    sp.add_argument("--head-position", metavar="ДОЛЖНОСТЬ",
                    help="должность по уставу: директор, заведующая…; пустая строка — не указана "
                         "(у ИП не указывают)")
    sp = cmd("set-price-cap", "предельная цена модуля: нормативная стоимость × коэффициент")
    sp.add_argument("--ratio", required=True, metavar="КОЭФФИЦИЕНТ",
                    help="коэффициент, например 1.2, или none — без предела")
    sp = cmd("publish-client", "опубликовать версию PFDO Desktop: ПК узнают о ней при синхронизации "
                               "(без параметров — что опубликовано)")
    sp.add_argument("--version", metavar="ВЕРСИЯ", help="версия программы, например 0.2.0")
    sp.add_argument("--url", metavar="АДРЕС", help="откуда её скачать (https://…)")
    sp.add_argument("--sha256", metavar="СУММА",
                    help="SHA-256 файла установки, 64 шестнадцатеричные цифры (sha256sum ФАЙЛ)")
    sp.add_argument("--notes", default="", metavar="ТЕКСТ",
                    help="что нового (ПК покажет это перед загрузкой)")
    sp.add_argument("--clear", action="store_true", help="больше не публиковать версию")
    sp = cmd("population", "численность детей 5–18 лет муниципалитета за год (база долей показателей)")
    sp.add_argument("--municipality", required=True, metavar="НАЗВАНИЕ",
                    help="муниципалитет, как он записан у организаций, например «Заречный муниципальный "
                         "округ»")
    sp.add_argument("--year", type=_positive_int, required=True, metavar="ГГГГ", help="год, например 2025")
    sp.add_argument("--children", type=_count, required=True, metavar="ЧИСЛО", help="детей 5–18 лет")
    sp.add_argument("--code", metavar="ЦИФРЫ",
                    help="две цифры муниципалитета в номерах сертификатов (после двух цифр региона); по "
                         f"умолчанию — внесённые раньше, иначе {MUNICIPALITY_CODE}")
    sp = cmd("indicators", "показатели муниципалитета или региона: сертификаты, охват, направленности, "
                           "заявки, деньги, посещаемость")
    sp.add_argument("--municipality", metavar="НАЗВАНИЕ", help="муниципалитет (не указан — весь регион)")
    sp.add_argument("--date", type=_day, metavar="ДАТА",
                    help="на какую дату, ГГГГ-ММ-ДД (по умолчанию — сегодня); период — с 1 сентября "
                         "учебного года по эту дату")
    sp.add_argument("--from", dest="period_from", type=_day, metavar="ДАТА",
                    help="начало периода, ГГГГ-ММ-ДД (по умолчанию — 1 сентября учебного года)")
    sp.add_argument("--format", choices=indicators_report.FORMATS, default="text",
                    help="text — таблица (по умолчанию), json — данные, xlsx — книга Excel (нужен -o)")
    sp.add_argument("-o", "--output", type=Path, metavar="ФАЙЛ", help="записать в файл, а не на экран")
    sp.add_argument("--no-attendance", action="store_true",
                    help="без таблицы посещаемости по группам (быстрее для всего региона)")
    # --- navigator-emulator: the test double of the «Навигатор» admin API (issue 16) ---
    sp = sub.add_parser("navigator-emulator", help="запустить эмулятор «Навигатора» (для обучения и тестов)",
                        description="Эмулятор API администратора «Навигатора дополнительного образования»: "
                                    "учебный округ, вход организаций по e-mail и паролю (docs/navigator.md)")
    sp.add_argument("--db", default=NAVIGATOR_DB, metavar="БАЗА",
                    help=f"URL базы эмулятора или путь к файлу SQLite (по умолчанию {NAVIGATOR_DB}; "
                         "не база портала)")
    sp.add_argument("--host", default="127.0.0.1", metavar="АДРЕС",
                    help="адрес, на котором эмулятор ждёт запросы (по умолчанию 127.0.0.1)")
    sp.add_argument("--port", type=_positive_int, default=8766, metavar="ПОРТ",
                    help="порт (по умолчанию 8766)")
    sp.add_argument("--delay", type=_non_negative_float, default=5.0, metavar="СЕКУНДЫ",
                    help="задержка перед каждым ответом, как у настоящего «Навигатора» (по умолчанию 5; "
                         "0 — без задержки)")
    sp.add_argument("--seed-demo", action="store_true",
                    help="заполнить пустую базу учебным округом и выдать каждой организации новый пароль "
                         "(в заполненной базе данные не меняются, пароли выдаются заново)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    db = DEFAULT_DB
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            raise _CliError(
                f"{parser.format_usage()}pfdo-portal: ошибка: укажите команду: "
                f"{', '.join(_commands(parser))} (что делает каждая — pfdo-portal --help)"
            )
        db = args.db
        db_url = normalize_db_url(db)
        return _run(args, db_url)
    except _CliError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except IndicatorsError as exc:
        print(f"pfdo-portal: ошибка: {exc}", file=sys.stderr)
        return 1
    except (admin.AdminError, SeedError, ValueError) as exc:
        print(f"pfdo-portal: ошибка: {exc}", file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:
        print(f"pfdo-portal: {database_problem(db, exc)}", file=sys.stderr)
        return 1


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def database_problem(db: str, exc: SQLAlchemyError) -> str:
    """One Russian line: why the portal's database could not be used and what to do (never the
    driver's English, never a password from the URL)."""
    detail = str(getattr(exc, "orig", None) or exc).lower()
    try:
        url = make_url(normalize_db_url(db))
    except Exception:  # an unreadable URL: nothing of it is repeated
        return "не удалось открыть базу портала: проверьте --db (URL базы или путь к файлу SQLite)."
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return "ошибка базы портала в памяти: перезапустите портал."
        path = Path(url.database)
        if path.is_dir():
            return (f"«{path}» — папка, а не файл базы: укажите в --db путь к файлу, например "
                    f"«{path / DEFAULT_DB}».")
        if not path.parent.is_dir():
            return (f"папки «{path.parent}» нет: создайте её (портал создаст в ней файл базы) или "
                    "укажите в --db другой путь.")
        if "not a database" in detail or "malformed" in detail or "encrypted" in detail:
            return (f"файл «{path}» — не база SQLite портала или повреждён: укажите в --db другой файл "
                    "(новый файл портал создаст сам) или восстановите базу из резервной копии.")
        if "readonly" in detail or "read-only" in detail:
            return (f"база «{path}» доступна только для чтения: дайте пользователю, от имени которого "
                    "работает портал, право записи в файл и в его папку.")
        if "unable to open" in detail or "permission" in detail or "access" in detail:
            return (f"не удалось открыть файл базы «{path}»: проверьте права пользователя, от имени "
                    "которого работает портал, на файл и его папку, или укажите в --db другой путь.")
        if "disk" in detail and "full" in detail:
            return f"диск с базой «{path}» заполнен: освободите место и повторите."
        return (f"ошибка базы «{path}» ({type(exc).__name__}): проверьте файл или восстановите базу "
                "из резервной копии.")
    where = f"{url.host or 'localhost'}:{url.port or 5432}" if url.host or url.port else "по сокету"
    name = f"«{url.database}»" if url.database else "(имя не указано)"
    if isinstance(exc, OperationalError):
        return (f"не удалось подключиться к базе PostgreSQL {name} на {where}: проверьте, что сервер "
                "запущен, а адрес, имя пользователя, пароль и имя базы в --db верны.")
    return (f"ошибка базы PostgreSQL {name} на {where} ({type(exc).__name__}): проверьте базу и права "
            "пользователя из --db.")


def _run(args: argparse.Namespace, db_url: str) -> int:
    if args.command == "serve":
        return _serve(args, db_url)
    if args.command == "seed-demo" and args.scale == "region":
        return _seed_region(args, db_url)
    if args.command == "seed-demo":
        if args.children or args.marks is not None or args.providers:
            raise _CliError("pfdo-portal: ошибка: --children, --marks и --providers — только для "
                            "--scale region")
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
    if args.command == "partitions":
        return _partitions(args, db_url)
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
    if args.command == "invoices":
        month = (args.month.year, args.month.month) if args.month else None
        docs = admin.list_invoices(db_url, args.provider, month)
        print("№\tорганизация\tмесяц\tдокумент\tномер\tстатус\tитого\tаванс\tк оплате\tстрок")
        for doc in docs:
            kind = "счёт" if doc["kind"] == "invoice" else "аванс"
            status = _STATUS_RU.get(doc["status"], doc["status"])
            if doc["reason"]:
                status += f" ({doc['reason']})"
            print(f"{doc['id']}\t{doc['provider_id']}\t{doc['month']}\t{kind}\t{doc['number']}\t{status}\t"
                  f"{doc['total']}\t{doc['advance']}\t{doc['to_pay']}\t{len(doc['lines'])}")
        if not docs:
            print("Документов нет.")
        return 0
    if args.command == "accept-invoice":
        row = admin.accept_invoice(db_url, args.invoice)
        print(f"Документ {row['number']} принят.")
        if row["kind"] == "invoice":
            back = sum((Decimal(v) for v in row["returned"].values()), Decimal("0.00"))
            print(f"Месяц {row['month']} закрыт для организации {row['provider_id']}; на сертификаты "
                  f"возвращено {back:.2f} руб. ({len(row['returned'])} сертификатов).")
        return 0
    if args.command == "pay":
        row = admin.pay_invoice(db_url, args.invoice)
        print(f"Документ {row['number']} оплачен: {row['to_pay']} руб.")
        return 0
    if args.command == "return-invoice":
        row = admin.return_invoice(db_url, args.invoice, args.reason)
        then = (f"Месяц {row['month']} открыт: организация может отправить счёт заново."
                if row["kind"] == "invoice" else
                f"Организация может подать заявку на аванс за {row['month']} заново.")
        print(f"Документ {row['number']} возвращён организации: {row['reason']}. {then}")
        return 0
    if args.command == "set-advance-percent":
        raw = args.percent.strip()
        percent = admin.set_advance_percent(db_url, None if raw.lower() in ("none", "нет", "-") else raw)
        print(f"Процент аванса: {percent}%.")
        return 0
    if args.command == "set-provider-details":
        fresh = admin.set_provider_details(
            db_url, args.provider, kpp=args.kpp, bank_name=args.bank, bik=args.bik, account=args.account,
            corr_account=args.corr_account, chief_accountant=args.chief_accountant)
        for key, title in FIELDS_RU.items():
            print(f"{title}: {fresh[key] or '—'}")
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
    if args.command == "parent-code":
        return _parent_code(args, db_url)
    if args.command == "parent-requests":
        return _parent_requests(db_url)
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
    if args.command == "period":
        return periods_cli.run(args, db_url)
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
    if args.command == "publish-client":
        return _publish_client(args, db_url)
    if args.command == "population":
        code = admin.set_population(db_url, args.municipality, args.year, args.children, args.code)
        print(f"{args.municipality.strip()}, {args.year}: детей 5–18 лет — {args.children} "
              f"(код в номерах сертификатов {code}).")
        return 0
    if args.command == "navigator-emulator":
        return _navigator_emulator(args, db_url)
    if args.command == "indicators":
        return _indicators(args, db_url)
    raise _CliError(f"pfdo-portal: ошибка: неизвестная команда {args.command}")


def _parent_code(args: argparse.Namespace, db_url: str) -> int:
    from . import db, parents

    if not args.child and not args.snils:
        raise _CliError("pfdo-portal: ошибка: укажите ребёнка: --child НОМЕР или --snils СНИЛС")
    try:
        with db.open_engine(db_url) as engine:
            issued = parents.issue_code(engine, args.child, args.snils, ttl_hours=args.ttl_hours)
    except parents.ParentError as exc:
        raise admin.AdminError(str(exc)) from None
    print(f"Код входа родителя (детей: {issued.children}; действует до "
          f"{issued.expires_at.astimezone():%d.%m.%Y %H:%M}, один раз): страница /catalog/login")
    print(issued.code)
    return 0


def _parent_requests(db_url: str) -> int:
    from . import db, parents

    with db.open_engine(db_url) as engine:
        rows = parents.list_requests(engine)
    for r in rows:
        kind = parents.REQUEST_KINDS_RU.get(r["kind"], r["kind"])
        status = parents.REQUEST_STATUSES_RU.get(r["status"], r["status"])
        print(f"{r['id']}\tребёнок {r['child_id']}\t{kind}\t{status}\t{r['created_at']:%Y-%m-%d %H:%M}\t"
              f"{r['note']}")
    if not rows:
        print("Запросов родителей нет.")
    return 0


def _seed_region(args: argparse.Namespace, db_url: str) -> int:
    from .region_seed import DEFAULT_CHILDREN, DEFAULT_MARKS, RegionSeedError, RegionSize, seed_region

    size = RegionSize(children=args.children or DEFAULT_CHILDREN,
                      marks=DEFAULT_MARKS if args.marks is None else args.marks, providers=args.providers)
    try:
        s = seed_region(db_url, size, say=lambda line: print(line, flush=True))
    except RegionSeedError as exc:
        print(f"pfdo-portal: ошибка: {exc}", file=sys.stderr)
        return 2
    print(f"Организаций: {s.providers}, программ: {s.programmes}, групп: {s.groups}, детей: {s.children}, "
          f"зачислений: {s.memberships}, отметок: {s.marks}, записей журнала изменений: {s.changes}")
    print(f"Загрузка (COPY) {s.copy_seconds:.0f} с, ключи и индексы {s.index_seconds:.0f} с, всего "
          f"{s.seconds:.0f} с; размер базы {s.bytes / 2**30:.1f} ГБ")
    return 0


def _partitions(args: argparse.Namespace, db_url: str) -> int:
    from . import db

    if not db_url.startswith("postgresql"):
        print("pfdo-portal: ошибка: разделы по месяцам есть только в PostgreSQL; в SQLite отметки в одной "
              "таблице", file=sys.stderr)
        return 2
    ahead = db.MARK_MONTHS_AHEAD if args.months_ahead is None else args.months_ahead
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        if not db.marks_partitioned(conn):
            print("Таблица отметок в этой базе не разбита на разделы (база создана до разбиения); "
                  "перенос описан в docs/deployment.md.")
            return 0
        created = db.ensure_mark_partitions(conn, db.mark_months(date.today(), ahead))
        parts = db.mark_partitions(conn)
    for name in created:
        print(f"Создан раздел {name}")
    for name, bounds, rows in parts:
        print(f"{name}\t{bounds}\t≈{rows} строк")
    return 0


WORKER_HEALTHCHECK_S = 60


def _serve(args: argparse.Namespace, db_url: str) -> int:
    import os

    import uvicorn

    from . import app as portal_app
    from . import http_protocol

    settings = portal_app.PortalSettings(today=args.today, body_idle_timeout=args.body_timeout,
                                         header_timeout=args.header_timeout)
    # A database that cannot be opened: one line, exit 1 — before any worker starts. The schema is
    # made here, once; with workers this app only checks the database and is let go.
    app = portal_app.create_app(db_url, settings=settings)
    workers = args.workers
    log_config = portal_app.serve_log_config(workers)
    # Logs go to the console (the service manager keeps them; the portal writes no log file),
    # through a filter that keeps tokens and codes out of them (also out of the access log).
    # Configured once the portal can start, so a refused start leaves the process's logging alone.
    logging.config.dictConfig(log_config)
    if workers == 1:
        # Our HTTP protocol: uvicorn's h11 one with a deadline for request heads (http_protocol.py).
        uvicorn.run(app, host=args.host, port=args.port, log_config=log_config, log_level="info",
                    http=http_protocol.with_header_timeout(settings.header_timeout))
        return 0
    app.state.engine.dispose()
    # N processes sharing the listening socket, each a fresh interpreter that builds its own app
    # (app_from_environment) from what this process puts in the environment; the same protocol
    # (WorkerHeaderTimeoutProtocol reads the deadline) and log configuration in every one.
    os.environ[portal_app.DB_ENV] = db_url
    os.environ[portal_app.SETTINGS_ENV] = portal_app.settings_to_environment(settings)
    os.environ[http_protocol.HEADER_TIMEOUT_ENV] = repr(settings.header_timeout)
    # A worker that does not answer the supervisor's ping in time is killed and started again;
    # uvicorn's 5 s is less than a worker's start (imports, the app) on a busy server, where every
    # worker would be killed before it could serve, over and over.
    uvicorn.run(f"{portal_app.__name__}:app_from_environment", factory=True, workers=workers,
                host=args.host, port=args.port, log_config=log_config, log_level="info",
                http=http_protocol.WORKER_PROTOCOL, timeout_worker_healthcheck=WORKER_HEALTHCHECK_S)
    return 0


def _publish_client(args: argparse.Namespace, db_url: str) -> int:
    given = [name for name in ("version", "url", "sha256") if getattr(args, name)]
    if args.clear:
        if given or args.notes:
            raise _CliError("pfdo-portal: ошибка: --clear не сочетается с --version, --url, --sha256, "
                            "--notes")
        had = releases.clear_client(db_url)
        print("Версия программы больше не публикуется." if had else "Версия программы не была опубликована.")
        return 0
    if not given and not args.notes:
        release = releases.published_client(db_url)
        if release is None:
            print("Версия программы не опубликована.")
        else:
            print(f"Опубликована версия {release.version}: {release.url}\nSHA-256: {release.sha256}")
            if release.notes:
                print(release.notes)
        return 0
    missing = [f"--{name}" for name in ("version", "url", "sha256") if not getattr(args, name)]
    if missing:
        raise _CliError(f"pfdo-portal: ошибка: укажите {', '.join(missing)}")
    try:
        release = releases.publish_client(db_url, args.version, args.url, args.sha256, args.notes)
    except releases.ReleaseError as exc:
        raise admin.AdminError(str(exc)) from None
    print(f"Опубликована версия {release.version}: ПК узнают о ней при следующей синхронизации.")
    return 0


def _indicators(args: argparse.Namespace, db_url: str) -> int:
    if args.format == "xlsx" and args.output is None:
        raise IndicatorsError("для --format xlsx укажите файл: -o показатели.xlsx")
    on = args.date or date.today()
    result = admin.indicators_of(db_url, args.municipality, on, args.period_from,
                              attendance=not args.no_attendance)
    try:
        if args.format == "xlsx":
            indicators_report.write_xlsx(result, args.output)
        else:
            text = (indicators_report.as_json(result) if args.format == "json"
                    else indicators_report.as_text(result))
            if args.output is None:
                sys.stdout.write(text)
            else:
                args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise IndicatorsError(f"не удалось записать «{args.output}»: {exc.strerror or exc}") from None
    if args.output is not None:
        print(f"Показатели записаны в {args.output}.")
    return 0


# --- navigator-emulator (issue 16) ---------------------------------------------------------------

NAVIGATOR_DB = "navigator-emulator.db"


def _non_negative_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"нужно число, а не «{text}»") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"нужно число не меньше нуля, а не «{text}»")
    return value


def _navigator_emulator(args: argparse.Namespace, db_url: str) -> int:
    """Serve the emulator; with ``--seed-demo`` first fill it and print each organisation's
    account (the passwords are shown only here; the database keeps their hashes)."""
    import uvicorn
    from sqlalchemy import func, select

    from .app import serve_log_config
    from .navigator_emulator import schema
    from .navigator_emulator.app import EmulatorSettings, create_app
    from .navigator_emulator.seeding import seed_navigator

    engine = schema.open_engine(db_url)
    try:
        if args.seed_demo:
            print("Учётные записи организаций (e-mail и пароль; пароли показаны только сейчас):")
            for account in seed_navigator(engine):
                print(f"  {account.partner_id}\t{account.email}\t{account.password}\t{account.partner_name}",
                      flush=True)
        with engine.connect() as conn:
            empty = conn.execute(select(func.count()).select_from(schema.partners)).scalar_one() == 0
    finally:
        engine.dispose()
    if empty:
        raise _CliError("pfdo-portal: ошибка: база эмулятора пуста — запустите с --seed-demo, "
                        "чтобы заполнить её учебным округом")
    app = create_app(db_url, EmulatorSettings(delay=args.delay))
    print(f"Эмулятор «Навигатора»: http://{args.host}:{args.port}/api/ (задержка ответа {args.delay:g} с)",
          flush=True)
    # The console log goes through the portal's filter: query values (the extFilters with a
    # child's name) and tokens never reach it.
    logging.config.dictConfig(serve_log_config())
    uvicorn.run(app, host=args.host, port=args.port, log_config=serve_log_config(), log_level="info")
    return 0
if __name__ == "__main__":
    sys.exit(main())
