"""Sync without anyone pressing a button: the headless sync registered with the OS (issue 14 §4).

    pfdo-desktop schedule install [--every 1h] [--at 20:00]   # register (or replace) the task
    pfdo-desktop schedule remove                              # unregister it
    pfdo-desktop schedule status                              # next and last run, the interval
    pfdo-desktop schedule run                                 # what the task runs: one logged sync

One task per data folder, named by a short hash of the folder's absolute path, so two folders on
one PC (two organisations) get two tasks:

- Windows: a Task Scheduler task «PFDO Desktop\\Синхронизация <hash>» registered from an XML
  document with ``schtasks /Create /XML`` for the current user (no admin rights), run only when a
  network is available, a new instance ignored while one runs.
- Linux: a systemd user timer ``pfdo-sync-<hash>.timer`` + ``.service`` in
  ``$XDG_CONFIG_HOME/systemd/user``; where the user's systemd does not answer, a crontab line
  tagged ``# pfdo-desktop-sync:<hash>``.

The task runs ``schedule run`` (``run_logged``): the same sync as ``pfdo-desktop sync``, plus a line
in ``<data folder>/logs/schedule.log`` for every run — time, result, exit code and the sync's summary
(counts only). A run that finds another sync going (the sync lock) logs «пропущено» and exits 0
quietly. What was installed is remembered in ``<data folder>/schedule.json``, so ``schedule_status``
can say the interval even where the OS cannot be asked.

No Qt, no SQLAlchemy here: the OS-facing part runs the OS's own tools through ``subprocess`` (found
on PATH, so tests put fakes there) and the platform is a parameter (``sys.platform`` by default).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path
from xml.etree import ElementTree as ET

from pfdo_desktop.logging_setup import DIR_MODE, FILE_MODE, redact

MIN_EVERY_MINUTES = 15
MAX_EVERY_MINUTES = 24 * 60
DEFAULT_EVERY_MINUTES = 60
LOG_NAME = "schedule.log"
STATE_NAME = "schedule.json"
CRON_TAG = "pfdo-desktop-sync"
WINDOWS_FOLDER = "PFDO Desktop"
# schtasks and systemctl answer in well under a second; a hung one must not hang the settings screen.
TOOL_TIMEOUT_S = 30
_LOG_KEEP_BYTES = 256 * 1024  # the run log is trimmed to its newest lines past this size

SYSTEMD, CRON, SCHTASKS = "systemd", "cron", "schtasks"
BACKENDS_RU = {SYSTEMD: "таймер systemd пользователя", CRON: "cron", SCHTASKS: "Планировщик заданий Windows"}
RESULT_OK, RESULT_FAILED, RESULT_BUSY = "ok", "failed", "busy"
RESULTS_RU = {RESULT_OK: "успешно", RESULT_FAILED: "ошибка", RESULT_BUSY: "пропущено: уже шла синхронизация"}

TASK_NS = "http://schemas.microsoft.com/windows/2004/02/mit/task"


class ScheduleError(Exception):
    """A wrong interval or time, or the OS refused: ``message`` is one Russian line for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- what to run, and when -------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """When the sync runs: every ``every_minutes`` and/or daily ``at`` (at least one)."""

    every_minutes: int | None = None
    at: time | None = None

    def describe_ru(self) -> str:
        parts = []
        if self.every_minutes:
            parts.append(f"каждые {duration_ru(self.every_minutes)}")
        if self.at is not None:
            parts.append(f"ежедневно в {self.at:%H:%M}")
        return " и ".join(parts) or "—"


def duration_ru(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours} ч {rest} мин"
    return f"{hours} ч" if hours else f"{rest} мин"


_EVERY = re.compile(r"^\s*(\d{1,4})\s*(m|min|мин|h|ч)\s*$", re.IGNORECASE)
_AT = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


def parse_every(text: str) -> int:
    """``30m``, ``1h``, ``6h`` (also ``мин``/``ч``) → minutes, 15 minutes to 24 hours."""
    match = _EVERY.match(text)
    if not match:
        raise ScheduleError(f"интервал «{text}» укажите как 30m, 1h или 6h (от 15 минут до 24 часов)")
    number, unit = int(match.group(1)), match.group(2).lower()
    minutes = number * 60 if unit in ("h", "ч") else number
    if minutes < MIN_EVERY_MINUTES:
        raise ScheduleError(f"интервал «{text}» слишком короткий: синхронизировать можно не чаще раза "
                            f"в {MIN_EVERY_MINUTES} минут (--every 15m)")
    if minutes > MAX_EVERY_MINUTES:
        raise ScheduleError(f"интервал «{text}» слишком длинный: не реже раза в сутки (--every 24h или "
                            "--at ЧЧ:ММ)")
    return minutes


def parse_at(text: str) -> time:
    """``20:00`` → the local time of a daily run."""
    match = _AT.match(text)
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ScheduleError(f"время «{text}» укажите как ЧЧ:ММ, например 20:00")
    return time(int(match.group(1)), int(match.group(2)))


def make_plan(every: str | None, at: str | None) -> Plan:
    """The plan of ``install``: ``--every`` and/or ``--at``; neither means every hour."""
    if every is None and at is None:
        return Plan(every_minutes=DEFAULT_EVERY_MINUTES)
    return Plan(every_minutes=parse_every(every) if every is not None else None,
                at=parse_at(at) if at is not None else None)


def task_id(data_dir: Path) -> str:
    """A short, stable name of the data folder (its absolute path) for the task's name."""
    path = os.path.normcase(str(Path(data_dir).absolute()))
    return hashlib.sha256(path.encode("utf-8")).hexdigest()[:10]


def windows_task_name(data_dir: Path) -> str:
    return f"{WINDOWS_FOLDER}\\Синхронизация {task_id(data_dir)}"


def unit_name(data_dir: Path) -> str:
    return f"pfdo-sync-{task_id(data_dir)}"


def scheduled_command(data_dir: Path, platform: str | None = None) -> list[str]:
    """The absolute command line the task runs: the frozen program itself, or this interpreter with
    ``-m pfdo_desktop`` (on Windows ``pythonw.exe`` beside it when there is one: no console window
    flashing up every hour), then ``schedule run --data-dir <folder>``."""
    platform = platform or sys.platform
    exe = Path(sys.executable).absolute()
    if getattr(sys, "frozen", False):
        head = [str(exe)]
    else:
        if platform == "win32" and exe.name.lower() == "python.exe" and (exe.parent / "pythonw.exe").exists():
            exe = exe.parent / "pythonw.exe"
        head = [str(exe), "-m", "pfdo_desktop"]
    return [*head, "schedule", "run", "--data-dir", str(Path(data_dir).absolute())]


# --- the run log ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunRecord:
    """One line of ``logs/schedule.log``."""

    at: datetime
    result: str  # ok | failed | busy
    exit_code: int
    message: str

    def line(self) -> str:
        message = " ".join(redact(self.message).split())  # one line, never a СНИЛС or token
        return f"{self.at.isoformat(timespec='seconds')}\t{self.result}\t{self.exit_code}\t{message}\n"

    @classmethod
    def parse(cls, line: str) -> RunRecord | None:
        parts = line.rstrip("\n").split("\t", 3)
        if len(parts) != 4:
            return None
        try:
            return cls(datetime.fromisoformat(parts[0]), parts[1], int(parts[2]), parts[3])
        except ValueError:
            return None


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / "logs" / LOG_NAME


def append_run(data_dir: Path, record: RunRecord) -> None:
    """Append one run's line (folder 0700, file 0600 like the program's log); trim an old log."""
    if not Path(data_dir).is_dir():  # a folder moved or deleted: not re-created by a log line
        return
    path = log_path(data_dir)
    path.parent.mkdir(mode=DIR_MODE, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    with open(fd, "a", encoding="utf-8") as out:
        out.write(record.line())
    if path.stat().st_size > _LOG_KEEP_BYTES:
        kept = path.read_bytes()[-_LOG_KEEP_BYTES // 2:]
        kept = kept[kept.find(b"\n") + 1:]  # from a whole line
        path.write_bytes(kept)


def read_runs(data_dir: Path, limit: int = 50) -> list[RunRecord]:
    """The last ``limit`` runs, oldest first."""
    path = log_path(data_dir)
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    found = [r for r in (RunRecord.parse(line) for line in lines[-limit:]) if r is not None]
    return found


def run_logged(data_dir: Path, sync: Callable[[], str], *,
               now: Callable[[], datetime] = lambda: datetime.now().astimezone()) -> int:
    """One scheduled run: ``sync()`` returns the summary line or raises an error with a Russian
    ``message``; an error whose ``code`` is ``busy`` (another sync holds the lock) is no failure —
    logged as skipped, exit code 0. Returns the exit code; a failure is logged and raised again."""
    started = now()
    try:
        summary = sync()
    except Exception as exc:
        message = getattr(exc, "message", None) or f"внутренняя ошибка ({type(exc).__name__})"
        if getattr(exc, "code", None) == "busy":
            append_run(data_dir, RunRecord(started, RESULT_BUSY, 0,
                                           f"пропущено: синхронизация уже идёт ({message})"))
            return 0
        append_run(data_dir, RunRecord(started, RESULT_FAILED, 1, message))
        raise
    append_run(data_dir, RunRecord(started, RESULT_OK, 0, summary))
    return 0


# --- what was installed (data folder/schedule.json) ----------------------------------------------------


def _state_path(data_dir: Path) -> Path:
    return Path(data_dir) / STATE_NAME


def _save_state(data_dir: Path, backend: str, plan: Plan) -> None:
    state = {"backend": backend, "every_minutes": plan.every_minutes,
             "at": plan.at.strftime("%H:%M") if plan.at else None,
             "installed_at": datetime.now().astimezone().isoformat(timespec="seconds")}
    _state_path(data_dir).write_text(json.dumps(state, ensure_ascii=False, indent=2), encoding="utf-8")


def _load_state(data_dir: Path) -> tuple[str | None, Plan | None]:
    try:
        state = json.loads(_state_path(data_dir).read_text(encoding="utf-8"))
        at = parse_at(state["at"]) if state.get("at") else None
        return state.get("backend"), Plan(every_minutes=state.get("every_minutes"), at=at)
    except (OSError, ValueError, KeyError, TypeError, ScheduleError):
        return None, None


# --- running the OS's tools ----------------------------------------------------------------------------


@dataclass
class ToolResult:
    returncode: int
    stdout: str
    stderr: str


def _run_tool(argv: Sequence[str], stdin: str | None = None) -> ToolResult:
    """Run an OS tool found on PATH; a missing tool is returncode 127, a hung one 124."""
    exe = shutil.which(argv[0])
    if exe is None:
        return ToolResult(127, "", f"{argv[0]}: не найдена")
    try:
        done = subprocess.run([exe, *argv[1:]], input=stdin.encode("utf-8") if stdin is not None else None,
                              capture_output=True, timeout=TOOL_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        return ToolResult(124, "", f"{argv[0]}: не ответила за {TOOL_TIMEOUT_S} с")
    except OSError as exc:
        return ToolResult(126, "", f"{argv[0]}: {exc}")
    return ToolResult(done.returncode, _decode(done.stdout), _decode(done.stderr))


def _decode(data: bytes) -> str:
    """UTF-8, or (schtasks on a Russian Windows) the console's OEM code page."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in ("oem", "cp866"):  # "oem" exists on Windows only
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")


def _first_line(result: ToolResult) -> str:
    text = (result.stderr or result.stdout).strip()
    return text.splitlines()[-1].strip() if text else f"код {result.returncode}"


# --- systemd (Linux) -----------------------------------------------------------------------------------


def systemd_user_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user"


def _systemd_quote(arg: str) -> str:
    """One ExecStart= word: double-quoted, with systemd's specifiers (%) and variables ($) escaped."""
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
    return f'"{escaped}"'


def systemd_units(data_dir: Path, plan: Plan, command: Sequence[str]) -> tuple[str, str]:
    """The ``.service`` and ``.timer`` files' text."""
    name = unit_name(data_dir)
    service = (
        "[Unit]\n"
        f"Description=PFDO Desktop: синхронизация с порталом по расписанию ({task_id(data_dir)})\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={' '.join(_systemd_quote(a) for a in command)}\n"
        "Nice=10\n"
        "TimeoutStartSec=2h\n"
    )
    lines = ["[Unit]", f"Description=PFDO Desktop: расписание синхронизации ({task_id(data_dir)})", "",
             "[Timer]"]
    if plan.every_minutes:
        lines += ["OnBootSec=5min", f"OnUnitActiveSec={plan.every_minutes}min"]
    if plan.at is not None:
        lines.append(f"OnCalendar=*-*-* {plan.at:%H:%M}:00")
    lines += ["Persistent=true", "RandomizedDelaySec=60", f"Unit={name}.service", "",
              "[Install]", "WantedBy=timers.target", ""]
    return service, "\n".join(lines)


def systemd_available() -> bool:
    """The user's systemd answers (not the case in a container, over plain SSH without lingering…)."""
    return _run_tool(["systemctl", "--user", "show-environment"]).returncode == 0


def _systemctl(*args: str, check: bool = True) -> ToolResult:
    result = _run_tool(["systemctl", "--user", *args])
    if check and result.returncode != 0:
        raise ScheduleError(f"systemctl --user {' '.join(args)} не выполнен: {_first_line(result)}")
    return result


def _systemd_install(data_dir: Path, plan: Plan, command: Sequence[str]) -> None:
    folder = systemd_user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    name = unit_name(data_dir)
    service, timer = systemd_units(data_dir, plan, command)
    (folder / f"{name}.service").write_text(service, encoding="utf-8")
    (folder / f"{name}.timer").write_text(timer, encoding="utf-8")
    _systemctl("daemon-reload")
    _systemctl("enable", "--now", f"{name}.timer")
    # A timer enabled again keeps its old schedule until restarted.
    _systemctl("restart", f"{name}.timer")


def _systemd_installed(data_dir: Path) -> bool:
    return (systemd_user_dir() / f"{unit_name(data_dir)}.timer").exists()


def _systemd_remove(data_dir: Path) -> bool:
    name = unit_name(data_dir)
    files = [systemd_user_dir() / f"{name}.{kind}" for kind in ("timer", "service")]
    if not any(f.exists() for f in files):
        return False
    if shutil.which("systemctl"):
        _systemctl("disable", "--now", f"{name}.timer", check=False)  # gone already is no error
    for f in files:
        f.unlink(missing_ok=True)
    if shutil.which("systemctl"):
        _systemctl("daemon-reload", check=False)
    return True


def _systemd_time(value: str) -> datetime | None:
    """``show``'s timestamp: ``Sat 2026-12-05 20:00:00 MSK`` (local) or ``@1764954000``; empty or
    ``n/a`` when there is none."""
    value = value.strip()
    if not value or value in ("n/a", "0"):
        return None
    if value.startswith("@"):
        try:
            return datetime.fromtimestamp(int(value[1:]), tz=None).astimezone()
        except ValueError:
            return None
    match = re.search(r"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})", value)
    if not match:
        return None
    return datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S").astimezone()


def _systemd_times(data_dir: Path) -> tuple[datetime | None, datetime | None]:
    """(next, last trigger) of the timer as systemd tells them."""
    result = _systemctl("show", f"{unit_name(data_dir)}.timer",
                        "-p", "NextElapseUSecRealtime", "-p", "LastTriggerUSec", check=False)
    if result.returncode != 0:
        return None, None
    values = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    return (_systemd_time(values.get("NextElapseUSecRealtime", "")),
            _systemd_time(values.get("LastTriggerUSec", "")))


# --- cron (Linux without systemd) ------------------------------------------------------------------------


def _cron_tag(data_dir: Path) -> str:
    return f"# {CRON_TAG}:{task_id(data_dir)}"


def cron_lines(data_dir: Path, plan: Plan, command: Sequence[str]) -> list[str]:
    """The crontab lines, each ending with the folder's tag. cron can only repeat by a divisor of
    an hour or of a day; ``%`` is a newline to cron and is escaped."""
    shell = " ".join(shlex.quote(a) for a in command).replace("%", "\\%")
    env = ""
    if hasattr(os, "getuid"):  # the keyring (Secret Service) is reached over the session's D-Bus
        env = f"DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/{os.getuid()}/bus "
    tag = _cron_tag(data_dir)
    specs = []
    if plan.every_minutes:
        specs.append(cron_every(plan.every_minutes))
    if plan.at is not None:
        specs.append(f"{plan.at.minute} {plan.at.hour} * * *")
    return [f"{spec} {env}{shell} >/dev/null 2>&1 {tag}" for spec in specs]


def cron_every(minutes: int) -> str:
    if minutes < 60 and 60 % minutes == 0:
        return f"*/{minutes} * * * *"
    if minutes % 60 == 0 and 24 % (minutes // 60) == 0:
        hours = minutes // 60
        return "0 * * * *" if hours == 1 else ("0 0 * * *" if hours == 24 else f"0 */{hours} * * *")
    raise ScheduleError(f"cron (systemd на этом ПК нет) повторяет задание только с интервалом, на который "
                        f"делится час или сутки: {duration_ru(minutes)} не подходит — укажите, например, "
                        "--every 30m, 1h, 2h, 3h, 4h, 6h, 8h или 12h")


def _crontab_read() -> list[str]:
    result = _run_tool(["crontab", "-l"])
    if result.returncode == 127:
        raise ScheduleError("на этом ПК нет ни systemd пользователя, ни crontab: синхронизацию по "
                            "расписанию поставить некуда")
    if result.returncode != 0:  # «no crontab for user»: an empty table
        return []
    return result.stdout.splitlines()


def _crontab_write(lines: list[str]) -> None:
    result = _run_tool(["crontab", "-"], stdin="".join(f"{line}\n" for line in lines))
    if result.returncode != 0:
        raise ScheduleError(f"crontab не принял задание: {_first_line(result)}")


def _cron_install(data_dir: Path, plan: Plan, command: Sequence[str]) -> None:
    new = cron_lines(data_dir, plan, command)
    tag = _cron_tag(data_dir)
    _crontab_write([line for line in _crontab_read() if not line.endswith(tag)] + new)


def _cron_remove(data_dir: Path) -> bool:
    if not shutil.which("crontab"):
        return False
    tag = _cron_tag(data_dir)
    lines = _crontab_read()
    kept = [line for line in lines if not line.endswith(tag)]
    if len(kept) == len(lines):
        return False
    _crontab_write(kept)
    return True


def _cron_installed(data_dir: Path) -> bool:
    if not shutil.which("crontab"):
        return False
    tag = _cron_tag(data_dir)
    return any(line.endswith(tag) for line in _crontab_read())


# --- Task Scheduler (Windows) ---------------------------------------------------------------------------


def task_xml(data_dir: Path, plan: Plan, command: Sequence[str], *, user: str | None = None,
             start: datetime | None = None) -> str:
    """The task as Task Scheduler's XML (schema 1.2, Windows 7 and later): the current user's
    interactive token (no password stored, no admin rights), only with a network, a run that finds
    one still going is dropped, a missed run made up as soon as the PC is on."""
    ET.register_namespace("", TASK_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
        element = ET.SubElement(parent, f"{{{TASK_NS}}}{tag}")
        if text is not None:
            element.text = text
        return element

    start = (start or datetime.now()).replace(second=0, microsecond=0)
    task = ET.Element(f"{{{TASK_NS}}}Task", {"version": "1.2"})
    info = sub(task, "RegistrationInfo")
    sub(info, "Description", "PFDO Desktop: синхронизация с порталом по расписанию "
        f"({plan.describe_ru()}). Папка данных: {Path(data_dir).absolute()}")
    sub(info, "URI", "\\" + windows_task_name(data_dir))
    triggers = sub(task, "Triggers")
    if plan.every_minutes:
        trigger = sub(triggers, "TimeTrigger")
        sub(trigger, "StartBoundary", (start + timedelta(minutes=5)).isoformat())
        repetition = sub(trigger, "Repetition")
        sub(repetition, "Interval", f"PT{plan.every_minutes}M")
        sub(repetition, "StopAtDurationEnd", "false")
        sub(trigger, "Enabled", "true")
    if plan.at is not None:
        trigger = sub(triggers, "CalendarTrigger")
        sub(trigger, "StartBoundary", datetime.combine(start.date(), plan.at).isoformat())
        sub(trigger, "Enabled", "true")
        sub(sub(trigger, "ScheduleByDay"), "DaysInterval", "1")
    principal = sub(sub(task, "Principals"), "Principal")
    principal.set("id", "Author")
    if user:
        sub(principal, "UserId", user)
    sub(principal, "LogonType", "InteractiveToken")
    sub(principal, "RunLevel", "LeastPrivilege")
    settings = sub(task, "Settings")
    for tag, text in (("MultipleInstancesPolicy", "IgnoreNew"),
                      ("DisallowStartIfOnBatteries", "false"),
                      ("StopIfGoingOnBatteries", "false"),
                      ("AllowHardTerminate", "true"),
                      ("StartWhenAvailable", "true"),
                      ("RunOnlyIfNetworkAvailable", "true")):
        sub(settings, tag, text)
    idle = sub(settings, "IdleSettings")
    sub(idle, "StopOnIdleEnd", "false")
    sub(idle, "RestartOnIdle", "false")
    for tag, text in (("AllowStartOnDemand", "true"), ("Enabled", "true"), ("Hidden", "false"),
                      ("RunOnlyIfIdle", "false"), ("WakeToRun", "false"),
                      ("ExecutionTimeLimit", "PT2H"), ("Priority", "7")):
        sub(settings, tag, text)
    actions = sub(task, "Actions")
    actions.set("Context", "Author")
    action = sub(actions, "Exec")
    sub(action, "Command", command[0])
    sub(action, "Arguments", subprocess.list2cmdline(list(command[1:])))
    sub(action, "WorkingDirectory", str(Path(data_dir).absolute()))
    ET.indent(task)
    return '<?xml version="1.0" encoding="UTF-16"?>\n' + ET.tostring(task, encoding="unicode") + "\n"


def _windows_user() -> str | None:
    user = os.environ.get("USERNAME")
    domain = os.environ.get("USERDOMAIN")
    if not user:
        return None
    return f"{domain}\\{user}" if domain else user


def _schtasks_install(data_dir: Path, plan: Plan, command: Sequence[str]) -> None:
    xml = task_xml(data_dir, plan, command, user=_windows_user())
    # schtasks reads the XML as UTF-16 (with its BOM): a UTF-8 file with Cyrillic is «malformed».
    fd, name = tempfile.mkstemp(prefix="pfdo-task-", suffix=".xml")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(xml.encode("utf-16"))
        result = _run_tool(["schtasks", "/Create", "/TN", windows_task_name(data_dir), "/XML", name, "/F"])
    finally:
        Path(name).unlink(missing_ok=True)
    if result.returncode != 0:
        raise ScheduleError(f"Планировщик заданий не принял задание: {_first_line(result)}")


def _schtasks_query(data_dir: Path) -> dict[str, str] | None:
    """The task's row of ``schtasks /Query /V /FO CSV`` by column (English names; the columns of a
    localised Windows are read by position), or None when there is no such task."""
    result = _run_tool(["schtasks", "/Query", "/TN", windows_task_name(data_dir), "/V", "/FO", "CSV"])
    if result.returncode != 0:
        return None
    rows = [row for row in csv.reader(io.StringIO(result.stdout)) if row]
    if len(rows) < 2:
        return None
    # HostName, TaskName, Next Run Time, Status, Logon Mode, Last Run Time, Last Result, …
    names = ["HostName", "TaskName", "Next Run Time", "Status", "Logon Mode", "Last Run Time", "Last Result"]
    return {name: value for name, value in zip(names, rows[1], strict=False)}


def _schtasks_time(value: str) -> datetime | None:
    value = value.strip()
    for fmt in ("%d.%m.%Y %H:%M:%S", "%m/%d/%Y %I:%M:%S %p", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S",
                "%m/%d/%Y %H:%M:%S"):
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        if parsed.year < 2000:  # «30.11.1999 0:00:00»: never run
            return None
        return parsed.astimezone()
    return None


def _schtasks_remove(data_dir: Path) -> bool:
    if _schtasks_query(data_dir) is None:
        return False
    result = _run_tool(["schtasks", "/Delete", "/TN", windows_task_name(data_dir), "/F"])
    if result.returncode != 0:
        raise ScheduleError(f"Планировщик заданий не удалил задание: {_first_line(result)}")
    return True


# --- the three commands --------------------------------------------------------------------------------


def _linux_backend() -> str:
    if shutil.which("systemctl") and systemd_available():
        return SYSTEMD
    if shutil.which("crontab"):
        return CRON
    raise ScheduleError("на этом ПК нет ни systemd пользователя, ни crontab: синхронизацию по расписанию "
                        "поставить некуда")


def install(data_dir: Path, plan: Plan, *, platform: str | None = None,
            command: Sequence[str] | None = None) -> str:
    """Register (or replace) the folder's task; returns the backend used."""
    platform = platform or sys.platform
    data_dir = Path(data_dir).absolute()
    command = list(command) if command is not None else scheduled_command(data_dir, platform)
    if platform == "win32":
        backend = SCHTASKS
        _schtasks_install(data_dir, plan, command)
    else:
        backend = _linux_backend()
        if backend == SYSTEMD:
            _systemd_install(data_dir, plan, command)
            _cron_remove(data_dir)  # a line left from a time without systemd would run it twice
        else:
            _cron_install(data_dir, plan, command)
            _systemd_remove(data_dir)
    _save_state(data_dir, backend, plan)
    return backend


def remove(data_dir: Path, *, platform: str | None = None) -> bool:
    """Unregister the folder's task wherever it is; False when there was none."""
    platform = platform or sys.platform
    data_dir = Path(data_dir).absolute()
    if platform == "win32":
        removed = _schtasks_remove(data_dir)
    else:
        removed = _systemd_remove(data_dir)
        removed = _cron_remove(data_dir) or removed
    _state_path(data_dir).unlink(missing_ok=True)
    return removed


@dataclass(frozen=True)
class ScheduleStatus:
    """What the settings screen shows: installed or not, where, how often, the next and last run.
    Times are aware local datetimes; ``last_*`` come from the run log (each scheduled run's line)."""

    installed: bool
    backend: str | None = None
    plan: Plan | None = None
    next_run: datetime | None = None
    last_run: datetime | None = None
    last_result: str | None = None  # ok | failed | busy
    last_exit_code: int | None = None
    last_message: str | None = None
    log_path: Path | None = None
    runs: tuple[RunRecord, ...] = field(default=(), repr=False)

    @property
    def every_minutes(self) -> int | None:
        return self.plan.every_minutes if self.plan else None

    @property
    def at(self) -> time | None:
        return self.plan.at if self.plan else None

    def interval_ru(self) -> str:
        return self.plan.describe_ru() if self.plan else "—"

    def as_dict(self) -> dict[str, object]:
        def stamp(value: datetime | None) -> str | None:
            return value.isoformat(timespec="seconds") if value else None

        return {"installed": self.installed, "backend": self.backend,
                "every_minutes": self.every_minutes, "at": self.at.strftime("%H:%M") if self.at else None,
                "next_run": stamp(self.next_run), "last_run": stamp(self.last_run),
                "last_result": self.last_result, "last_exit_code": self.last_exit_code,
                "last_message": self.last_message, "log": str(self.log_path) if self.log_path else None}


def next_run_of(plan: Plan, now: datetime, last: datetime | None = None) -> datetime:
    """When the plan runs next after ``now`` (for a backend that cannot tell): the earlier of the
    next daily time and the last run plus the interval."""
    candidates = []
    if plan.at is not None:
        today = datetime.combine(now.date(), plan.at).astimezone()
        candidates.append(today if today > now else today + timedelta(days=1))
    if plan.every_minutes:
        step = timedelta(minutes=plan.every_minutes)
        candidates.append(max(last + step, now) if last else now + step)
    return min(candidates) if candidates else now


def schedule_status(data_dir: Path, *, platform: str | None = None) -> ScheduleStatus:
    """The folder's schedule as the OS and the run log tell it. Runs the OS's tool (tens of ms):
    call it off the UI thread."""
    platform = platform or sys.platform
    data_dir = Path(data_dir).absolute()
    backend, plan = _load_state(data_dir)
    runs = tuple(read_runs(data_dir))
    last = runs[-1] if runs else None
    next_run: datetime | None = None
    os_last: datetime | None = None
    if platform == "win32":
        row = _schtasks_query(data_dir)
        installed = row is not None
        if row is not None:
            backend = SCHTASKS
            next_run = _schtasks_time(row.get("Next Run Time", ""))
            os_last = _schtasks_time(row.get("Last Run Time", ""))
    elif _systemd_installed(data_dir):
        installed, backend = True, SYSTEMD
        if shutil.which("systemctl"):
            next_run, os_last = _systemd_times(data_dir)
    else:
        installed = _cron_installed(data_dir)
        if installed:
            backend = CRON
    now = datetime.now().astimezone()
    last_run = last.at if last else os_last
    if installed and next_run is None and plan is not None:
        next_run = next_run_of(plan, now, last_run)
    if not installed:
        backend, plan = None, None
    return ScheduleStatus(
        installed=installed, backend=backend, plan=plan, next_run=next_run, last_run=last_run,
        last_result=last.result if last else None, last_exit_code=last.exit_code if last else None,
        last_message=last.message if last else None, log_path=log_path(data_dir), runs=runs)

