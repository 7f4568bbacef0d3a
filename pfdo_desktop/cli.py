"""`pfdo-desktop`: the GUI by default, and headless commands for scheduled tasks and scripts.

    pfdo-desktop [--data-dir DIR] [--demo]
    pfdo-desktop enrol  --data-dir DIR --portal URL --code CODE
    pfdo-desktop sync   --data-dir DIR
    pfdo-desktop status --data-dir DIR [--json]

A failure prints one line on stderr and exits 1; nothing local is lost.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from pfdo_desktop import __version__

log = logging.getLogger(__name__)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pfdo-desktop",
        description="PFDO Desktop: журнал посещаемости и зачисления без интернета, "
        "с синхронизацией с региональным порталом.",
    )
    parser.add_argument("--version", action="version", version=f"pfdo-desktop {__version__}")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="папка с данными (по умолчанию — папка данных пользователя)")
    parser.add_argument("--demo", action="store_true",
                        help="демо: встроенный портал с демонстрационным районом")
    sub = parser.add_subparsers(dest="command")

    enrol = sub.add_parser("enrol", help="подключить ПК к порталу одноразовым кодом")
    enrol.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    enrol.add_argument("--portal", required=True, help="адрес портала, например https://pfdo.example")
    enrol.add_argument("--code", required=True, help="одноразовый код подключения")

    sync = sub.add_parser("sync", help="синхронизировать с порталом (для планировщика заданий)")
    sync.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    sync.add_argument("--page-size", type=int, default=None,
                      help="записей на страницу загрузки (меньше — для плохой связи)")

    status = sub.add_parser("status", help="что лежит в локальной базе")
    status.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS)
    status.add_argument("--json", action="store_true", help="вывод в JSON")
    return parser


def main(argv: list[str] | None = None) -> int:
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


def _enrol(args: argparse.Namespace) -> int:
    with _open(args) as ws:
        provider = ws.enrol(args.portal, args.code)
    print(f"ПК подключён к порталу: {provider}")
    return 0


def _sync(args: argparse.Namespace) -> int:
    with _open(args) as ws:
        if args.page_size:
            ws.pull_limit = max(1, args.page_size)
        report = ws.sync()
        issues = len(ws.issues())
    print(f"pushed {report.pushed}, pulled {report.pulled}, rejected {report.rejected}"
          f" (conflicts {report.conflicts}, requests {report.requests}, "
          f"{report.bytes_sent + report.bytes_received} bytes, {report.seconds:.1f} s)")
    if report.rejected:
        print(f"Требует внимания: {issues} — откройте программу, чтобы увидеть причины.")
    return 0


def _status(args: argparse.Namespace) -> int:
    with _open(args) as ws:
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
    print("\n".join(lines))
    return 0


_COMMANDS = {"enrol": _enrol, "sync": _sync, "status": _status}

if __name__ == "__main__":
    sys.exit(main())
