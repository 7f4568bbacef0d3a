"""`pfdo-desktop`: the GUI by default, and headless commands for scheduled tasks and scripts.

    pfdo-desktop [--data-dir ПАПКА] [--demo]
    pfdo-desktop enrol  --data-dir ПАПКА --portal АДРЕС [--code - | --code КОД]
    pfdo-desktop enrol-navigator --data-dir ПАПКА --url АДРЕС --email ПОЧТА [--password -]
    pfdo-desktop navigator-settings --data-dir ПАПКА [--excused не-был|болел] [--at-once N]
    pfdo-desktop sync   --data-dir ПАПКА [--page-size N]
    pfdo-desktop status --data-dir ПАПКА [--json]
    pfdo-desktop restore --data-dir ПАПКА [--backup ФАЙЛ] [--force]
    pfdo-desktop print  ФОРМА --data-dir ПАПКА [--group НОМЕР | --child РЕБЁНОК | --application ЗАЯВКА]
                        [--month ГГГГ-ММ] -o ФАЙЛ
    pfdo-desktop print  invoice|advance|contracts-register|indicators --data-dir ПАПКА --month ГГГГ-ММ
                        [--payer ПЛАТЕЛЬЩИК] -o ФАЙЛ
    pfdo-desktop export month|indicators --data-dir ПАПКА --month ГГГГ-ММ -o ФАЙЛ.xlsx
    pfdo-desktop export journal --data-dir ПАПКА [--month ГГГГ-ММ] [--group НОМЕР] -o ФАЙЛ.xlsx
    pfdo-desktop export children|programs --data-dir ПАПКА -o ФАЙЛ.xlsx
    pfdo-desktop export applications --data-dir ПАПКА [--group НОМЕР] -o ФАЙЛ.xlsx
    pfdo-desktop schedule install [--every 1h] [--at 20:00] | remove | status | run  --data-dir ПАПКА
    pfdo-desktop move-data  [--data-dir ПАПКА] --to НОВАЯ_ПАПКА
    pfdo-desktop disconnect [--data-dir ПАПКА] [--force]
    pfdo-desktop guide --pdf ФАЙЛ      # the user guide (Справка → Руководство) as one A4 PDF

`print` forms (ФОРМА): журнал посещаемости (journal: --group, --month, by default the current
month); a child's forms (certificate-application, certificate-extract, consent: --child, a
registry child's id or a request key «r:…»); an application's forms (enrolment-application,
contract, consent: --application (its uid) for one, --group for all live applications of the group
in one PDF, --child for all live applications of the child; termination: --application of an
ended contract); the month's money (invoice with its annex, advance, contracts-register: --month,
--payer when the month has several), computed from the local database (services/payment.py).
`export month` writes the month's annex and per-contract sums to XLSX for the accountant; `export
journal|children|applications|programs` what those screens show (services/exports.py): the
journal of a month (one group, or every group of the month, a sheet per group), the children
with their certificates, the applications (of one group), the programme catalogue.

``sync`` prints one line: «Отправлено 0, получено 3807, отклонено 0 (конфликтов 0, запросов 3,
12 345 байт, 1,2 с)».

The enrolment code is read from a prompt (a terminal, no echo) or from standard input with
``--code -``: a code on the command line is visible to every user of the PC in the process list.
``status`` and ``print`` never create a database: a folder without one is an error.

A failure prints one line on stderr and exits 1; nothing local is lost. argparse's own words are
Russian too (``argparse_ru``).
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

from pfdo_desktop import __version__, argparse_ru

log = logging.getLogger(__name__)


CODE_HELP = (
    "одноразовый код подключения. Не указывайте его в командной строке: там его видят все "
    "пользователи этого ПК (в списке процессов). Лучше «--code -» — код со стандартного ввода "
    "(echo КОД | pfdo-desktop enrol … --code -), или без --code — программа спросит код, не "
    "показывая его на экране"
)


DATA_DIR_HELP = "папка с данными (по умолчанию — папка данных пользователя)"

# `export ЧТО` (issue 13): what each writes.
EXPORTS_RU = {
    "journal": "журнал посещаемости за месяц (--month, --group; без --group — все группы, лист на группу)",
    "children": "дети и сертификаты: номер, вид, номинал, остаток, СНИЛС",
    "applications": "заявки: номер, ребёнок, программа и группа, статус, даты, суммы договора (--group)",
    "programs": "каталог программ: направленность, статус, часы, стоимость; модули и группы",
    "month": "месяц оплаты для бухгалтерии: приложение к счёту, договоры, группы (--month)",
    "indicators": "показатели организации за месяц и с начала года: лист на таблицу (--month)",
}
EXPORTS_HELP = "\n".join(f"  {what:<13} {text}" for what, text in EXPORTS_RU.items())


def _parser() -> argparse.ArgumentParser:
    argparse_ru.install()  # argparse's own words («usage», «options», errors) in Russian
    parser = argparse.ArgumentParser(
        prog="pfdo-desktop",
        description="PFDO Desktop: журнал посещаемости и зачисления без интернета, "
        "с синхронизацией с региональным порталом.",
    )
    parser.add_argument("--version", action="version", version=f"pfdo-desktop {__version__}",
                        help="показать версию программы и выйти")
    parser.add_argument("--data-dir", type=Path, default=None, metavar="ПАПКА", help=DATA_DIR_HELP)
    parser.add_argument("--demo", action="store_true",
                        help="демо: встроенный портал с демонстрационным районом")
    sub = parser.add_subparsers(dest="command", title="команды", metavar="КОМАНДА",
                                description="без команды открывается окно программы")

    enrol = sub.add_parser("enrol", help="подключить ПК к порталу одноразовым кодом")
    enrol.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, metavar="ПАПКА",
                       help=DATA_DIR_HELP)
    enrol.add_argument("--portal", required=True, metavar="АДРЕС",
                       help="адрес портала, например https://pfdo.example")
    enrol.add_argument("--code", default=None, metavar="КОД", help=CODE_HELP)

    nav = sub.add_parser("enrol-navigator", help="подключить ПК к региональному Навигатору учётной записью "
                         "организации")
    nav.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, metavar="ПАПКА",
                     help=DATA_DIR_HELP)
    nav.add_argument("--url", required=True, metavar="АДРЕС",
                     help="адрес Навигатора, например https://р59.навигатор.дети")
    nav.add_argument("--email", required=True, metavar="ПОЧТА", help="e-mail учётной записи организации")
    nav.add_argument("--password", default=None, metavar="-",
                     help="«-»: пароль со стандартного ввода; без ключа программа спросит пароль")

    navset = sub.add_parser("navigator-settings", help="как ПК отправляет в Навигатор: код уважительной "
                            "причины, запросов одновременно (без ключей — показать)")
    navset.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, metavar="ПАПКА",
                        help=DATA_DIR_HELP)
    navset.add_argument("--excused", choices=sorted(EXCUSED_AS), default=None,
                        help="уважительная причина уходит в Навигатор как «не был» (по умолчанию) "
                        "или «болел»")
    navset.add_argument("--at-once", type=int, default=None, metavar="N",
                        help="запросов к Навигатору одновременно при отправке, от 1 до 5 (по умолчанию 3)")

    sync = sub.add_parser("sync", help="синхронизировать с порталом (для планировщика заданий)")
    sync.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, metavar="ПАПКА",
                      help=DATA_DIR_HELP)
    sync.add_argument("--page-size", type=int, default=None, metavar="N",
                      help="записей на страницу загрузки (меньше — для плохой связи)")

    status = sub.add_parser("status", help="что лежит в локальной базе")
    status.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, metavar="ПАПКА",
                        help=DATA_DIR_HELP)
    status.add_argument("--json", action="store_true", help="вывод в JSON")

    restore = sub.add_parser(
        "restore", help="восстановить базу из резервной копии (если база повреждена)",
        description="Без --backup показывает резервные копии базы (папка backups рядом с ней: перед "
        "каждым обновлением программы и ежедневно) — дату, размер и что в них — и какую указать. С "
        "--backup проверяет копию, откладывает текущий файл базы (pfdo.sqlite3.damaged-ДАТА) и ставит "
        "копию на его место.")
    restore.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, metavar="ПАПКА",
                         help=DATA_DIR_HELP)
    restore.add_argument("--backup", type=Path, default=None, metavar="ФАЙЛ",
                         help="резервная копия из списка (без этого параметра — показать список)")
    restore.add_argument("--force", action="store_true",
                         help="заменить и исправную базу (она тоже будет отложена, не удалена)")

    from pfdo_desktop.domain.documents import FORMS_RU

    titles = "\n".join(f"  {form:<24} {title}" for form, title in FORMS_RU.items())
    prints = sub.add_parser(
        "print", help="сохранить печатную форму в PDF (журнал, заявления, договоры)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=f"Печатные формы (ФОРМА):\n{titles}\n\n" + textwrap.fill(
        "Журнал — по группе (--group) за месяц (--month, по умолчанию текущий). Формы ребёнка "
        "(заявление о сертификате, выписка, согласие) — по --child. Формы заявки (заявление о "
        "зачислении, договор, согласие) — по --application (одна заявка), --group (все действующие "
        "заявки группы в одном PDF) или --child (все заявки ребёнка). Уведомление о расторжении — по "
        "--application заявки, договор которой расторгнут. Счёт с приложением, заявка на аванс и "
        "реестр договоров — за месяц (--month ГГГГ-ММ), по плательщику (--payer, если их несколько); "
        "суммы считаются по данным этого ПК.", 78))
    prints.add_argument("form", choices=list(FORMS_RU), metavar="ФОРМА", help="печатная форма (список выше)")
    prints.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, metavar="ПАПКА",
                        help=DATA_DIR_HELP)
    prints.add_argument("--group", default=None, metavar="НОМЕР",
                        help="группа: журнал или все действующие заявки группы в одном PDF")
    prints.add_argument("--child", default=None, metavar="РЕБЁНОК",
                        help="ребёнок (номер в реестре или ключ запроса «r:…»)")
    prints.add_argument("--application", default=None, metavar="ЗАЯВКА",
                        help="одна заявка (её ключ)")
    prints.add_argument("--month", default=None, metavar="ГГГГ-ММ",
                        help="месяц журнала (по умолчанию — текущий), счёта, аванса или реестра")
    prints.add_argument("--payer", default=None, metavar="ПЛАТЕЛЬЩИК",
                        help="плательщик (муниципалитет) для счёта, аванса и реестра, если их несколько")
    prints.add_argument("-o", "--output", type=Path, required=True, metavar="ФАЙЛ",
                        help="куда сохранить PDF")

    export = sub.add_parser(
        "export", help="выгрузить в Excel: журнал, детей, заявки, программы, месяц оплаты",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=f"Выгрузки в XLSX (ЧТО):\n{EXPORTS_HELP}\n\n" + textwrap.fill(
        "Числа — числами, даты — датами, номера сертификатов, СНИЛС и договоров — текстом; строка "
        "заголовков закреплена. Данные — этого ПК, как их показывают экраны программы.", 78))
    export.add_argument("what", choices=list(EXPORTS_RU), metavar="ЧТО", help="что выгрузить (список выше)")
    export.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, metavar="ПАПКА",
                        help=DATA_DIR_HELP)
    export.add_argument("--month", default=None, metavar="ГГГГ-ММ",
                        help="месяц: для month обязателен, для journal — по умолчанию текущий")
    export.add_argument("--group", default=None, metavar="НОМЕР",
                        help="группа: журнал одной группы (без него — все группы месяца, лист на группу) "
                        "или заявки одной группы")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="ФАЙЛ",
                        help="куда сохранить XLSX")
    _schedule_parser(sub)
    _settings_parsers(sub)
    guide = sub.add_parser(
        "guide", help="руководство оператора одним файлом PDF",
        description="Сохраняет руководство оператора — то же, что в программе открывает Справка → "
        "Руководство (F1), с картинками экранов — одним файлом PDF формата A4 для печати.")
    guide.add_argument("--pdf", type=Path, required=True, metavar="ФАЙЛ", help="куда сохранить PDF")
    return parser


def _window_args(argv: list[str]) -> tuple[Path | None, bool] | None:
    """The window's own arguments — ``--data-dir ПАПКА`` (also ``--data-dir=ПАПКА``) and ``--demo`` —
    read without building every command's parser (≈ 20 ms of each start, issue 15); None for
    anything else (a command, ``--help``, an abbreviation, a mistake): the full parser reads that
    and answers as it always did."""
    data_dir: Path | None = None
    demo = False
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--demo":
            demo = True
        elif arg == "--data-dir" and rest and not rest[0].startswith("-"):
            data_dir = Path(rest.pop(0))
        elif arg.startswith("--data-dir=") and len(arg) > len("--data-dir="):
            data_dir = Path(arg.removeprefix("--data-dir="))
        else:
            return None
    return data_dir, demo


def main(argv: list[str] | None = None) -> int:
    window = _window_args(sys.argv[1:] if argv is None else argv)
    if window is not None:
        from pfdo_desktop.ui.app import run_gui

        return run_gui(window[0], demo=window[1])
    args = _parser().parse_args(argv)
    if args.command is None:
        from pfdo_desktop.ui.app import run_gui

        return run_gui(args.data_dir, demo=args.demo)

    from pfdo_desktop.logging_setup import setup_logging

    setup_logging()
    try:
        return _COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("pfdo-desktop: прервано", file=sys.stderr)
        return 130
    except Exception as exc:  # every expected failure carries a Russian `message`
        message = getattr(exc, "message", None)
        if message is None:
            log.exception("unexpected failure in %s", args.command)
            message = f"внутренняя ошибка ({type(exc).__name__}); подробности в журнале программы"
        print(f"pfdo-desktop: {message}", file=sys.stderr)
        return 1


def _open(args: argparse.Namespace):
    from pfdo_desktop.workspace import Workspace

    return Workspace.open(args.data_dir)


def _read_code(args: argparse.Namespace) -> str:
    """The enrolment code: ``--code -`` from standard input, none from a prompt (no echo)."""
    if args.code == "-":
        code = sys.stdin.readline().strip()
        if not code:
            raise CommandError("код подключения не получен со стандартного ввода: передайте его, "
                               "например echo КОД | pfdo-desktop enrol … --code -")
        return code
    if args.code is not None:
        return str(args.code)
    if not sys.stdin.isatty():
        raise CommandError("укажите код подключения: --code - (код со стандартного ввода) или "
                           "запустите команду в терминале, и она спросит код")
    try:
        code = getpass.getpass("Код подключения: ").strip()
    except EOFError:
        code = ""
    if not code:
        raise CommandError("код подключения не введён")
    return code


def _enrol(args: argparse.Namespace) -> int:
    code = _read_code(args)
    with _open(args) as ws:
        provider = ws.enrol(args.portal, code)
    print(f"ПК подключён к порталу: {provider}")
    return 0


def _enrol_navigator(args: argparse.Namespace) -> int:
    """The password never on the command line (it would stay in the shell's history and the
    process list): from standard input with ``--password -``, else from a prompt without echo."""
    if args.password == "-":
        password = sys.stdin.readline().rstrip("\n")
    elif args.password is not None:
        raise CommandError("пароль не передаётся в командной строке: --password - (со стандартного "
                           "ввода) или без ключа — программа спросит")
    elif sys.stdin.isatty():
        try:
            password = getpass.getpass("Пароль учётной записи Навигатора: ")
        except EOFError:
            password = ""
    else:
        raise CommandError("укажите --password - (пароль со стандартного ввода) или запустите команду "
                           "в терминале, и она спросит пароль")
    if not password:
        raise CommandError("пароль не введён")
    with _open(args) as ws:
        name = ws.enrol_navigator(args.url, args.email, password)
    print(f"ПК подключён к Навигатору: {name}")
    return 0


EXCUSED_AS = {"не-был": 2, "болел": 3}


def _navigator_settings(args: argparse.Namespace) -> int:
    with _open(args) as ws:
        if not ws.is_navigator():
            raise CommandError("ПК не подключён к Навигатору: эти настройки только для него "
                               "(pfdo-desktop enrol-navigator)")
        if args.excused is not None:
            ws.set_navigator_excused_code(EXCUSED_AS[args.excused])
        if args.at_once is not None:
            ws.set_navigator_at_once(args.at_once)
        excused, at_once = ws.navigator_excused_code(), ws.navigator_at_once()
    names = {code: name.replace("-", " ") for name, code in EXCUSED_AS.items()}
    print(f"Уважительная причина уходит в Навигатор как «{names[excused]}» ({excused}); "
          f"запросов одновременно: {at_once}")
    return 0


def _sync(args: argparse.Namespace) -> int:
    with _open(args) as ws:
        if args.page_size:
            ws.pull_limit = max(1, args.page_size)
        report = ws.sync()
        issues = len(ws.issues())
    print(sync_summary_ru(report))
    if report.rejected:
        print(f"Требует внимания: {issues} — откройте программу, чтобы увидеть причины.")
    return 0


def sync_summary_ru(report: Any) -> str:
    """One line a scheduled task can log and a script can parse: «Отправлено 0, получено 3807,
    отклонено 0 (конфликтов 0, запросов 3, 12 345 байт, 1,2 с)» (counts as plain integers, the bytes
    grouped by a no-break space, seconds with a decimal comma)."""
    size = f"{report.bytes_sent + report.bytes_received:,}".replace(",", "\u00a0")
    seconds = f"{report.seconds:.1f}".replace(".", ",")
    return (f"Отправлено {report.pushed}, получено {report.pulled}, отклонено {report.rejected} "
            f"(конфликтов {report.conflicts}, запросов {report.requests}, {size} байт, {seconds} с)")


def _open_existing(args: argparse.Namespace):
    """The workspace of a read-only command: a folder without a database is an error, and nothing
    (no database, no folder) is created there."""
    from pfdo_desktop.models.database import DatabaseMissing
    from pfdo_desktop.workspace import Workspace

    try:
        return Workspace.open(args.data_dir, create=False)
    except DatabaseMissing as exc:  # a folder given by --data-dir: check the path, not «give one»
        raise DatabaseMissing(exc.data_dir, given=args.data_dir is not None) from None


def _status(args: argparse.Namespace) -> int:
    with _open_existing(args) as ws:
        st = ws.status()
    if args.json:
        print(json.dumps(st.as_dict(), ensure_ascii=False, indent=2))
        return 0
    last = st.last_sync_at.astimezone().strftime("%d.%m.%Y %H:%M") if st.last_sync_at else "никогда"
    lines = [
        f"Портал:             {st.portal_url or 'не подключён'}",
        f"Организация:        {st.provider_name or '—'}",
        f"Организаций:        {st.providers}",
        f"Программ:           {st.programs}",
        f"Групп:              {st.groups}",
        f"Занятий:            {st.lessons}",
        f"Детей:              {st.children}",
        f"Отметок:            {st.marks}",
        f"Не отправлено:      {st.pending_ops}",
        f"Требует внимания:   {st.open_issues}",
        f"Последняя синхронизация: {last}",
    ]
    if st.last_sync_status == "failed" and st.last_sync_error:
        lines.append(f"Последняя попытка не удалась: {st.last_sync_error}")
    from pfdo_desktop.domain.clock import clock_warning_ru

    clock = clock_warning_ru(st.clock_offset_s)
    if clock is not None:
        lines.append(clock)
    print("\n".join(lines))
    return 0


class CommandError(Exception):
    """A wrong command line or an impossible request: ``message`` is shown as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _month(text: str | None) -> date:
    if text is None:
        return date.today().replace(day=1)
    try:
        year, month = text.strip().split("-")
        if len(year) != 4 or not 1 <= len(month) <= 2:
            raise ValueError(text)
        return date(int(year), int(month), 1)
    except ValueError:
        raise CommandError(f"месяц «{text}» укажите как ГГГГ-ММ, например 2026-09") from None


def _group_id(text: str) -> int:
    if not text.strip().isdigit():
        raise CommandError(f"номер группы — целое число, а не «{text}»")
    return int(text)


def _child_key(text: str) -> str:
    text = text.strip()
    if text.isdigit():
        return f"c:{text}"
    if text.startswith(("c:", "r:")) and len(text) > 2:
        return text
    raise CommandError(f"ребёнок указывается номером в реестре или ключом запроса «r:…», а не «{text}»")


def _check_output(out: Path, kind: str = "PDF") -> None:
    if out.is_dir():
        raise CommandError(f"{out} — это папка: укажите имя файла {kind}")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise CommandError(f"папки {folder} нет: {kind} сохранить некуда")
    if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise CommandError(f"нет прав на запись в {out}")


def _documents(ws: Any, args: argparse.Namespace) -> list[Any]:
    """The documents of the form for the ids given (a wrong combination is a ``CommandError``)."""
    from pfdo_desktop.domain.applications import (
        APP_EXPELLED,
        APP_TERMINATED,
        APP_TRANSFERRED,
        APPLICATION_STATUSES_RU,
    )
    from pfdo_desktop.domain.documents import (
        APPLICATION_FORMS,
        CHILD_FORMS,
        FORM_INDICATORS,
        FORM_JOURNAL,
        FORM_TERMINATION,
        FORMS_RU,
        MONEY_FORMS,
    )

    form, title = args.form, FORMS_RU[args.form]
    given = [name for name in ("group", "child", "application") if getattr(args, name) is not None]
    if form == FORM_INDICATORS:
        if given or args.payer is not None:
            raise CommandError(f"для формы «{title}» укажите только месяц: --month ГГГГ-ММ")
        return [ws.indicators_report(_payment_month(args.month, "отчёта"))]
    if form in MONEY_FORMS:
        return [_money_document(ws, args, title, given)]
    if args.payer is not None:
        raise CommandError(f"--payer нужен только для счёта, аванса и реестра договоров, "
                           f"не для формы «{title}»")
    if len(given) > 1:
        raise CommandError("укажите что-то одно: --group, --child или --application")
    if args.month is not None and form != FORM_JOURNAL:  # the money forms returned above
        raise CommandError(f"--month нужен только для журнала посещаемости, не для формы «{title}»")
    if form == FORM_JOURNAL:
        if given != ["group"]:
            raise CommandError("для журнала посещаемости укажите группу: --group НОМЕР [--month ГГГГ-ММ]")
        return [ws.journal_document(_group_id(args.group), _month(args.month))]
    if form in CHILD_FORMS and given == ["child"]:
        return [ws.child_document(_child_key(args.child))]
    if form == FORM_TERMINATION:  # only for a contract that has ended: a live one has no last day yet
        if given != ["application"]:
            raise CommandError(f"для формы «{title}» укажите одну заявку с расторгнутым договором: "
                               "--application ЗАЯВКА")
        row = ws.application(args.application.strip())
        if row.status not in (APP_EXPELLED, APP_TERMINATED, APP_TRANSFERRED):
            status = APPLICATION_STATUSES_RU.get(row.status, row.status)
            raise CommandError(f"договор по заявке {row.number or row.uid} не расторгнут (статус "
                               f"«{status}»): уведомление печатается после отчисления, перевода или "
                               "расторжения")
        return [ws.application_document(row.uid)]
    if form in APPLICATION_FORMS and given:
        if args.application is not None:
            return [ws.application_document(args.application.strip())]
        if args.group is not None:
            docs = ws.group_application_documents(_group_id(args.group))
            if not docs:
                raise CommandError("в группе нет заявок для печати")
            return list(docs)
        docs = ws.child_application_documents(_child_key(args.child))
        if not docs:
            raise CommandError("у ребёнка нет заявок для печати")
        return list(docs)
    if form in APPLICATION_FORMS:
        raise CommandError(f"для формы «{title}» укажите заявку: --application ЗАЯВКА, --group НОМЕР "
                           "(все заявки группы) или --child РЕБЁНОК (все заявки ребёнка)")
    raise CommandError(f"для формы «{title}» укажите ребёнка: --child РЕБЁНОК")


def _payment_month(text: str | None, what: str) -> tuple[int, int]:
    from pfdo_desktop.domain.payment import parse_month

    if text is None:
        raise CommandError(f"укажите месяц {what}: --month ГГГГ-ММ, например 2026-11")
    try:
        return parse_month(text)
    except ValueError as exc:
        raise CommandError(str(exc)) from None


def _money_document(ws: Any, args: argparse.Namespace, title: str, given: list[str]) -> Any:
    """The invoice, the advance request or the register of ``--month`` (``--payer``)."""
    from pfdo_desktop.domain.documents import FORM_ADVANCE, FORM_INVOICE

    if given:
        raise CommandError(f"для формы «{title}» укажите месяц (--month ГГГГ-ММ), а не "
                           f"--{given[0]}: документ составляется по всем группам организации")
    month = _payment_month(args.month, "документа")
    payer = args.payer.strip() if args.payer is not None else None
    if args.form == FORM_INVOICE:
        return ws.invoice_document(month, payer)
    if args.form == FORM_ADVANCE:
        return ws.advance_document(month, payer)
    return ws.contracts_register_document(month, payer)


def _export(args: argparse.Namespace) -> int:
    from pfdo_desktop.models.database import DB_FILENAME, DatabaseMissing
    from pfdo_desktop.workspace import default_data_dir

    out: Path = args.output
    what = args.what
    if args.month is not None and what not in ("journal", "month", "indicators"):
        raise CommandError(f"--month нужен только для выгрузки журнала и месяца оплаты, не для {what}")
    if args.group is not None and what not in ("journal", "applications"):
        raise CommandError(f"--group нужен только для выгрузки журнала и заявок, не для {what}")
    month = _payment_month(args.month, "выгрузки") if what in ("month", "indicators") else None
    journal_month = _month(args.month) if what == "journal" else None
    group_id = _group_id(args.group) if args.group is not None else None
    if out.suffix.lower() != ".xlsx":
        raise CommandError(f"файл выгрузки должен иметь расширение .xlsx, а не «{out.name}»")
    data_dir = args.data_dir if args.data_dir is not None else default_data_dir()
    if not (data_dir / DB_FILENAME).is_file():
        raise DatabaseMissing(data_dir, given=args.data_dir is not None)
    _check_output(out, "XLSX")
    with _open_existing(args) as ws:
        try:
            if what == "month":
                assert month is not None
                said = f"договоров: {ws.export_month(month, out)}"
            elif what == "indicators":
                assert month is not None
                said = f"листов: {ws.export_indicators(month, out)}"
            elif what == "journal":
                assert journal_month is not None
                said = f"групп: {ws.export_journal(journal_month, out, group_id)}"
            elif what == "children":
                said = f"строк: {ws.export_children(out)}"
            elif what == "applications":
                said = f"заявок: {ws.export_applications(out, group_id=group_id)}"
            else:
                said = f"программ: {ws.export_programs(out)}"
        except OSError as exc:
            from pfdo_desktop.printing import write_error_ru

            raise CommandError(f"не удалось сохранить {out}: {write_error_ru(exc)}") from None
    print(f"Сохранено: {out} ({said})")
    return 0


def _print(args: argparse.Namespace) -> int:
    from pfdo_desktop.models.database import DB_FILENAME, DatabaseMissing
    from pfdo_desktop.workspace import default_data_dir

    out: Path = args.output
    data_dir = args.data_dir if args.data_dir is not None else default_data_dir()
    if not (data_dir / DB_FILENAME).is_file():
        raise DatabaseMissing(data_dir, given=args.data_dir is not None)
    _check_output(out)
    with _open_existing(args) as ws:
        docs = _documents(ws, args)
        try:
            pages = ws.print_documents(args.form, docs, out)
        except ValueError as exc:  # the renderer's Russian refusal (a form that does not fit)
            raise CommandError(str(exc)) from None
        except OSError as exc:
            from pfdo_desktop.printing import write_error_ru

            raise CommandError(f"не удалось сохранить {out}: {write_error_ru(exc)}") from None
    log.info("printed %s: %d document(s), %d page(s)", args.form, len(docs), pages)
    print(f"Сохранено: {out} ({pages} стр.)")
    return 0


def _size(n: int) -> str:
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} МБ".replace(".", ",")
    return f"{max(1, n >> 10)} КБ"


def _restore(args: argparse.Namespace) -> int:
    from pfdo_desktop.workspace import default_data_dir, list_backups, restore_backup

    data_dir: Path = args.data_dir if args.data_dir is not None else default_data_dir()
    if args.backup is not None:
        result = restore_backup(data_dir, args.backup, force=args.force)
        print(result.message_ru())
        return 0
    from pfdo_desktop.models.backups import backup_dirs

    folders = backup_dirs(data_dir)
    where = " и ".join(str(folder) for folder in folders)
    place = f"{'в папках' if len(folders) > 1 else 'в папке'} {where}"
    found = list_backups(data_dir)
    if not found:
        raise CommandError(
            f"{place} нет резервных копий. Если база повреждена, а копий нет: "
            "переименуйте файл pfdo.sqlite3, запустите программу (она создаст новую базу), подключите "
            "ПК заново и синхронизируйте — данные портала загрузятся, а неотправленные изменения "
            "останутся только в старом файле")
    from pfdo_desktop.models.backups import NOT_ENROLLED_RU, best_backup

    print(f"Резервные копии базы в {where} (новые сверху):")
    for number, info in enumerate(found, 1):
        print(f"{number:>3}. {info.taken_at:%d.%m.%Y %H:%M}  {info.kind_ru:<27} {_size(info.size):>9}  "
              f"{info.holds_ru()}")
        print(f"     {info.path}")
        if info.not_enrolled:
            print(f"     {NOT_ENROLLED_RU}")
        if info.clock_ahead:
            print("     дата — по часам ПК, которые тогда спешили: копия сделана раньше, чем указано")
    best = best_backup(found)
    if best is None:
        raise CommandError("все резервные копии повреждены: восстановить базу из них нельзя")
    number = found.index(best) + 1
    print(f"Самая свежая исправная копия — № {number}. Чтобы восстановить её:")
    print(f'  pfdo-desktop restore --data-dir "{data_dir}" --backup "{best.path}"')
    if best.not_enrolled:
        print(f"{NOT_ENROLLED_RU}.")
    return 0


# --- schedule (issue 14 §4): the headless sync registered with the OS (pfdo_desktop/schedule.py) -------


def _schedule_parser(sub: Any) -> None:
    schedule = sub.add_parser(
        "schedule", help="синхронизация по расписанию: включить, выключить, состояние",
        description="Регистрирует синхронизацию (pfdo-desktop sync) в планировщике ОС: Планировщик "
        "заданий Windows (для этого пользователя, только при наличии сети), таймер systemd пользователя "
        "в Linux, cron — где systemd нет. Каждый запуск записывается в logs/schedule.log в папке данных; "
        "запуск, заставший идущую синхронизацию, пропускается.")
    schedule.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, metavar="ПАПКА",
                          help=DATA_DIR_HELP)
    actions = schedule.add_subparsers(dest="action", title="действия", metavar="ДЕЙСТВИЕ", required=True)
    install = actions.add_parser(
        "install", help="включить (или изменить) расписание",
        description="Без --every и --at — каждый час. Можно указать оба: и каждые N, и ежедневно в ЧЧ:ММ.")
    install.add_argument("--every", default=None, metavar="ИНТЕРВАЛ",
                         help="как часто: 30m, 1h, 6h (от 15m до 24h; по умолчанию 1h)")
    install.add_argument("--at", default=None, metavar="ЧЧ:ММ", help="ежедневно в это время, например 20:00")
    remove = actions.add_parser("remove", help="выключить расписание")
    status = actions.add_parser("status", help="расписание, следующий и последний запуск")
    status.add_argument("--json", action="store_true", help="вывод в JSON")
    run = actions.add_parser("run", help="один запуск синхронизации с записью в журнал (его выполняет "
                             "планировщик)")
    for parser in (install, remove, status, run):
        parser.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, metavar="ПАПКА",
                            help=DATA_DIR_HELP)


def _when(value: Any) -> str:
    return value.astimezone().strftime("%d.%m.%Y %H:%M") if value else "—"


def _schedule(args: argparse.Namespace) -> int:
    from pfdo_desktop import schedule
    from pfdo_desktop.models.database import DB_FILENAME, DatabaseMissing
    from pfdo_desktop.workspace import default_data_dir

    data_dir = (args.data_dir if args.data_dir is not None else default_data_dir()).absolute()
    if args.action == "run":
        return schedule.run_logged(data_dir, lambda: _scheduled_sync(args))
    if args.action == "install":
        plan = schedule.make_plan(args.every, args.at)
        if not (data_dir / DB_FILENAME).is_file():
            raise DatabaseMissing(data_dir, given=args.data_dir is not None)
        backend = schedule.install(data_dir, plan)
        st = schedule.schedule_status(data_dir)
        print(f"Синхронизация по расписанию включена: {plan.describe_ru()} "
              f"({schedule.BACKENDS_RU[backend]}). Следующий запуск: {_when(st.next_run)}.")
        print(f"Журнал запусков: {schedule.log_path(data_dir)}")
        return 0
    if args.action == "remove":
        if schedule.remove(data_dir):
            print(f"Синхронизация по расписанию выключена (папка {data_dir}).")
        else:
            print(f"Синхронизация по расписанию для папки {data_dir} не была включена.")
        return 0
    st = schedule.schedule_status(data_dir)
    if args.json:
        print(json.dumps(st.as_dict(), ensure_ascii=False, indent=2))
        return 0
    if not st.installed:
        print(f"Синхронизация по расписанию выключена (папка {data_dir}). Включить: "
              f'pfdo-desktop schedule install --data-dir "{data_dir}" --every 1h')
    else:
        assert st.backend is not None
        print(f"Синхронизация по расписанию: {st.interval_ru()} ({schedule.BACKENDS_RU[st.backend]})")
        print(f"Следующий запуск: {_when(st.next_run)}")
    if st.last_run is not None:
        result = schedule.RESULTS_RU.get(st.last_result or "", st.last_result or "")
        print(f"Последний запуск: {_when(st.last_run)} — {result}"
              + (f": {st.last_message}" if st.last_message and st.last_result != "busy" else ""))
    print(f"Журнал запусков: {st.log_path}")
    return 0


def _scheduled_sync(args: argparse.Namespace) -> str:
    """The scheduled run's sync (what `sync` does), its summary line for the run log."""
    with _open_existing(args) as ws:
        report = ws.sync()
        issues = len(ws.issues()) if report.rejected else 0
    summary = sync_summary_ru(report)
    print(summary)
    if report.rejected:
        summary += f"; требует внимания: {issues}"
    return summary


# --- move-data and disconnect (issue 14 §2, what «Настройки» do) ---------------------------------------


def _settings_parsers(sub: Any) -> None:
    move = sub.add_parser(
        "move-data", help="перенести папку данных в другую папку (на другой диск)",
        description="Копирует базу (с проверкой) и остальные файлы программы из папки данных — резервные "
        "копии, журналы — в новую или пустую папку, переносит синхронизацию по расписанию и только после "
        "этого удаляет их из прежней папки (саму папку — если в ней не осталось других файлов: ваши файлы "
        "не переносятся и не удаляются). Если переносится папка данных по умолчанию, новая папка "
        "становится папкой по умолчанию (окно программы и команды без --data-dir работают с ней); папка, "
        "указанная через --data-dir, папкой по умолчанию не становится — запускайте с --data-dir "
        "НОВАЯ_ПАПКА. Пока папку использует другое окно программы или другая команда, перенос не "
        "выполняется: закройте их и повторите. Если что-то не получилось, данные остаются в прежней папке.")
    move.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, metavar="ПАПКА", help=DATA_DIR_HELP)
    move.add_argument("--to", type=Path, required=True, metavar="НОВАЯ_ПАПКА",
                      help="новая или пустая папка (программа создаст её, если её нет)")
    disconnect = sub.add_parser(
        "disconnect", help="отключить ПК от портала (ключ доступа удаляется)",
        description="Удаляет ключ доступа к порталу из хранилища паролей и забывает подключение: "
        "синхронизация перестаёт работать, пока ПК не подключат заново новым кодом. Данные на ПК остаются. "
        "Если на портал отправлено не всё, команда отказывается — сначала синхронизируйте (или --force: "
        "неотправленное останется на ПК и уйдёт после подключения к тому же порталу и организации).")
    disconnect.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, metavar="ПАПКА",
                            help=DATA_DIR_HELP)
    disconnect.add_argument("--force", action="store_true",
                            help="отключить, даже если не всё отправлено на портал")


def _move_data(args: argparse.Namespace) -> int:
    def say(text: str, _done: int, _total: int | None) -> None:
        if text and text != getattr(say, "last", None):
            print(text, file=sys.stderr)
            say.last = text  # type: ignore[attr-defined]

    with _open_existing(args) as ws:
        moved = ws.move_data_folder(args.to, progress=say)
    print(moved.message_ru())
    return 0


def _disconnect(args: argparse.Namespace) -> int:
    with _open_existing(args) as ws:
        unsent = ws.disconnect(force=args.force)
    print("ПК отключён от портала: ключ доступа удалён. Чтобы подключить его снова, нужен новый код "
          "подключения (pfdo-desktop enrol).")
    if unsent:
        print(f"Не отправлено на портал: {unsent} — изменения сохранены на ПК и уйдут после подключения к "
              "тому же порталу и той же организации.")
    return 0


def _guide(args: argparse.Namespace) -> int:
    """`guide --pdf ФАЙЛ`: the user guide (docs/user-guide, as the help window shows it) as one PDF."""
    from pfdo_desktop.ui.help_window import GUIDE_DIR, INDEX, write_guide_pdf

    out: Path = args.pdf
    _check_output(out)
    if not (GUIDE_DIR / INDEX).is_file():
        raise CommandError(f"руководство не найдено в {GUIDE_DIR}: программа установлена не полностью")
    pages = write_guide_pdf(out)
    if not out.is_file() or out.stat().st_size == 0:
        raise CommandError(f"не удалось записать {out}")
    print(f"Руководство сохранено: {out} (страниц: {pages})")
    return 0


_COMMANDS = {"enrol": _enrol, "enrol-navigator": _enrol_navigator, "navigator-settings": _navigator_settings,
             "sync": _sync, "status": _status,
             "print": _print, "restore": _restore,
             "export": _export, "schedule": _schedule, "move-data": _move_data, "disconnect": _disconnect,
             "guide": _guide}

if __name__ == "__main__":
    sys.exit(main())
