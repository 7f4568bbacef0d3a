"""`pfdo-desktop schedule install|remove|status|run` (issue 14 §4) against fake `systemctl`, `crontab`
and `schtasks` on PATH that record their arguments (and standard input); the systemd units are
checked by the real `systemd-analyze verify` where this machine has it, and read back by a parser
of systemd's own rules either way; the scheduled run against the real portal and the real lock."""

from __future__ import annotations

import configparser
import json
import shlex
import shutil
import subprocess
import sys
from datetime import time
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from test_cli_help_ru import _assert_russian

from pfdo_desktop import schedule
from pfdo_desktop.cli import main

SYSTEMD_ANALYZE = shutil.which("systemd-analyze")  # looked up before a test narrows PATH
NS = {"t": schedule.TASK_NS}

FAKE_TOOL = r'''#!{python}
import json, os, shutil, sys
name = os.path.basename(sys.argv[0])
state = os.environ["FAKE_TOOLS_STATE"]
args = sys.argv[1:]
stdin = sys.stdin.read() if args == ["-"] else None
with open(os.path.join(state, "calls.jsonl"), "a", encoding="utf-8") as out:
    out.write(json.dumps({{"tool": name, "argv": args, "stdin": stdin}}, ensure_ascii=False) + "\n")
def exists(f):
    return os.path.exists(os.path.join(state, f))
if name == "systemctl":
    if exists("systemd-down"):
        sys.stderr.write("Failed to connect to bus: No medium found\n"); sys.exit(1)
    if "show" in args:
        print("NextElapseUSecRealtime=Sat 2026-12-05 20:00:00 MSK")
        print("LastTriggerUSec=n/a")
elif name == "crontab":
    table = os.path.join(state, "crontab")
    if args == ["-l"]:
        if not os.path.exists(table):
            sys.stderr.write("no crontab for user\n"); sys.exit(1)
        sys.stdout.write(open(table, encoding="utf-8").read())
    elif args == ["-"]:
        open(table, "w", encoding="utf-8").write(stdin)
elif name == "schtasks":
    task = os.path.join(state, "task.xml")
    if args[0] == "/Create":
        shutil.copyfile(args[args.index("/XML") + 1], task)
    elif args[0] == "/Query":
        if not os.path.exists(task):
            sys.stderr.write("ОШИБКА: Не удается найти указанный файл.\n"); sys.exit(1)
        sys.stdout.buffer.write(("\"Имя узла\",\"Имя задачи\",\"Время следующего запуска\",\"Состояние\","
            "\"Режим входа в систему\",\"Время прошлого запуска\",\"Прошлый результат\"\r\n"
            "\"PC\",\"\\\\" + args[args.index("/TN") + 1] + "\",\"05.12.2026 21:00:00\",\"Готово\","
            "\"Только интерактивный\",\"30.11.1999 0:00:00\",\"267011\"\r\n").encode("cp866"))
    elif args[0] == "/Delete":
        os.remove(task)
'''


class FakeTools:
    """`systemctl`, `crontab`, `schtasks` on PATH (and nothing else); what they were called with."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch, tools: tuple[str, ...]) -> None:
        self.bin = root / "fake-bin"
        self.state = root / "fake-state"
        self.bin.mkdir()
        self.state.mkdir()
        for tool in tools:
            script = self.bin / tool
            script.write_text(FAKE_TOOL.format(python=sys.executable), encoding="utf-8")
            script.chmod(0o755)
        monkeypatch.setenv("PATH", str(self.bin))
        monkeypatch.setenv("FAKE_TOOLS_STATE", str(self.state))

    def calls(self, tool: str | None = None) -> list[list[str]]:
        path = self.state / "calls.jsonl"
        if not path.exists():
            return []
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        return [[r["tool"], *r["argv"]] for r in rows if tool in (None, r["tool"])]

    def stdin_of(self, tool: str) -> list[str]:
        text = (self.state / "calls.jsonl").read_text(encoding="utf-8")
        rows = [json.loads(line) for line in text.splitlines()]
        return [r["stdin"] for r in rows if r["tool"] == tool and r["stdin"] is not None]

    def systemd_down(self) -> None:
        (self.state / "systemd-down").touch()

    def crontab(self) -> str:
        return (self.state / "crontab").read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A data folder with a space, Cyrillic, a percent and a dollar in its path; a database file in it
    (install only checks that there is one)."""
    path = tmp_path / "Мои данные 50% $HOME"
    path.mkdir()
    (path / "pfdo.sqlite3").touch()
    return path


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _unit(path: Path) -> configparser.ConfigParser:
    """A unit file read by systemd's rules that matter here: sections, Key=Value, keys may repeat
    (the last kept), no interpolation, case-sensitive keys."""
    parser = configparser.ConfigParser(interpolation=None, strict=False, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def _systemd_words(line: str) -> list[str]:
    """ExecStart='s words the way systemd splits them (C-style quoting), specifiers %% and $$ undone."""
    return [w.replace("%%", "%").replace("$$", "$") for w in shlex.split(line, posix=True)]


# --- validation --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text,minutes", [("15m", 15), ("30m", 30), ("1h", 60), ("6h", 360), ("24h", 1440),
                                          ("90m", 90), (" 2ч ", 120), ("45мин", 45), ("1H", 60)])
def test_every_takes_minutes_or_hours(text, minutes):
    assert schedule.parse_every(text) == minutes


@pytest.mark.parametrize("argv,expected", [
    (["--every", "5m"], "слишком короткий"),
    (["--every", "14m"], "не чаще раза в 15 минут"),
    (["--every", "25h"], "слишком длинный"),
    (["--every", "hourly"], "укажите как 30m, 1h или 6h"),
    (["--every", "1d"], "укажите как 30m, 1h или 6h"),
    (["--at", "25:00"], "укажите как ЧЧ:ММ"),
    (["--at", "20:60"], "укажите как ЧЧ:ММ"),
    (["--at", "8"], "укажите как ЧЧ:ММ"),
])
def test_a_wrong_interval_or_time_is_one_russian_line_and_nothing_is_registered(
        argv, expected, folder, tmp_path, monkeypatch, capsys):
    tools = FakeTools(tmp_path, monkeypatch, ("systemctl", "crontab"))
    code, out, err = _run(["schedule", "install", "--data-dir", str(folder), *argv], capsys)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("pfdo-desktop: ") and expected in err, err
    _assert_russian(err)
    assert tools.calls() == []
    assert not (folder / schedule.STATE_NAME).exists()


def test_at_takes_hours_and_minutes():
    assert schedule.parse_at("20:00") == time(20, 0)
    assert schedule.parse_at("7:05") == time(7, 5)
    assert schedule.make_plan(None, None) == schedule.Plan(every_minutes=60)
    assert schedule.make_plan("30m", "20:00") == schedule.Plan(30, time(20, 0))


def test_install_refuses_a_folder_without_a_database(tmp_path, monkeypatch, capsys):
    tools = FakeTools(tmp_path, monkeypatch, ("systemctl",))
    code, _, err = _run(["schedule", "install", "--data-dir", str(tmp_path / "нет такой")], capsys)
    assert code == 1 and "нет базы PFDO Desktop" in err and err.count("\n") == 1
    assert tools.calls() == []


def test_every_schedule_help_is_russian(capsys):
    for argv in (["schedule", "--help"], *[["schedule", action, "--help"]
                                           for action in ("install", "remove", "status", "run")]):
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith("Использование: pfdo-desktop schedule"), out
        _assert_russian(out)


# --- the command the task runs ---------------------------------------------------------------------------


def test_the_task_runs_this_interpreter_or_the_frozen_program_with_the_absolute_folder(
        folder, tmp_path, monkeypatch):
    monkeypatch.chdir(folder.parent)
    relative = Path(folder.name)
    assert schedule.scheduled_command(relative, "linux") == [
        sys.executable, "-m", "pfdo_desktop", "schedule", "run", "--data-dir", str(folder)]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "PFDO Desktop" / "pfdo-desktop.exe"))
    assert schedule.scheduled_command(folder, "win32") == [
        str(tmp_path / "PFDO Desktop" / "pfdo-desktop.exe"), "schedule", "run", "--data-dir", str(folder)]
    monkeypatch.delattr(sys, "frozen")
    python = tmp_path / "Python311" / "python.exe"
    python.parent.mkdir()
    (python.parent / "pythonw.exe").touch()  # no console window every hour on Windows
    monkeypatch.setattr(sys, "executable", str(python))
    assert schedule.scheduled_command(folder, "win32")[0] == str(python.parent / "pythonw.exe")
    assert schedule.scheduled_command(folder, "linux")[0] == str(python)


def test_each_folder_has_its_own_task():
    assert schedule.task_id(Path("/a/pc1")) == schedule.task_id(Path("/a/pc1"))
    assert schedule.task_id(Path("/a/pc1")) != schedule.task_id(Path("/a/pc2"))
    assert schedule.unit_name(Path("/a/pc1")).startswith("pfdo-sync-")


# --- Linux: a systemd user timer -----------------------------------------------------------------------


def test_install_writes_a_user_timer_enables_it_and_systemd_accepts_the_units(
        folder, tmp_path, monkeypatch, capsys):
    tools = FakeTools(tmp_path, monkeypatch, ("systemctl", "crontab"))
    code, out, err = _run(["schedule", "install", "--data-dir", str(folder), "--every", "30m",
                           "--at", "20:00"], capsys)
    assert code == 0, err
    assert "каждые 30 мин и ежедневно в 20:00" in out and "таймер systemd" in out, out
    assert "Следующий запуск: 05.12.2026 20:00" in out, out
    name = schedule.unit_name(folder)
    units = Path(tmp_path / "home/.config/systemd/user")  # XDG_CONFIG_HOME (conftest)
    assert sorted(p.name for p in units.iterdir()) == [f"{name}.service", f"{name}.timer"]
    assert tools.calls("systemctl")[:4] == [
        ["systemctl", "--user", "show-environment"],
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "--now", f"{name}.timer"],
        ["systemctl", "--user", "restart", f"{name}.timer"]]
    assert tools.calls("crontab") == [["crontab", "-l"]]  # only looked for a line left from cron

    service, timer = _unit(units / f"{name}.service"), _unit(units / f"{name}.timer")
    assert service["Service"]["Type"] == "oneshot"
    assert _systemd_words(service["Service"]["ExecStart"]) == [
        sys.executable, "-m", "pfdo_desktop", "schedule", "run", "--data-dir", str(folder)]
    assert "%%" in service["Service"]["ExecStart"] and "$$HOME" in service["Service"]["ExecStart"]
    assert dict(timer["Timer"]) == {
        "OnBootSec": "5min", "OnUnitActiveSec": "30min", "OnCalendar": "*-*-* 20:00:00",
        "Persistent": "true", "RandomizedDelaySec": "60", "Unit": f"{name}.service"}
    assert timer["Install"]["WantedBy"] == "timers.target"

    if SYSTEMD_ANALYZE:  # the real parser of unit files (systemd package), in the user's manager mode
        runtime = tmp_path / "runtime"
        runtime.mkdir(mode=0o700)
        verified = subprocess.run(
            [SYSTEMD_ANALYZE, "verify", "--user", "--man=no", str(units / f"{name}.service"),
             str(units / f"{name}.timer")],
            capture_output=True, text=True, timeout=60,
            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "XDG_RUNTIME_DIR": str(runtime),
                 "XDG_CONFIG_HOME": str(tmp_path / "home/.config")})
        # verify exits 0 even for a value it ignores («Failed to parse timer value, ignoring»): any
        # output at all is a complaint.
        assert verified.returncode == 0 and verified.stdout + verified.stderr == "", verified


def test_status_reads_the_timer_and_the_run_log_and_remove_undoes_everything(
        folder, tmp_path, monkeypatch, capsys):
    tools = FakeTools(tmp_path, monkeypatch, ("systemctl",))
    assert _run(["schedule", "install", "--data-dir", str(folder)], capsys)[0] == 0
    schedule.append_run(folder, schedule.RunRecord(
        schedule.datetime(2026, 12, 5, 19, 0).astimezone(), "ok", 0, "Отправлено 2, получено 5"))
    st = schedule.schedule_status(folder)
    assert st.installed and st.backend == "systemd" and st.every_minutes == 60 and st.at is None
    assert st.next_run is not None and st.next_run.strftime("%Y-%m-%d %H:%M") == "2026-12-05 20:00"
    assert st.last_run is not None and st.last_run.hour == 19 and st.last_result == "ok"
    assert st.interval_ru() == "каждые 1 ч"
    code, out, _ = _run(["schedule", "status", "--data-dir", str(folder)], capsys)
    assert code == 0
    assert "Синхронизация по расписанию: каждые 1 ч" in out and "Следующий запуск: 05.12.2026 20:00" in out
    assert "Последний запуск: 05.12.2026 19:00 — успешно: Отправлено 2, получено 5" in out, out
    code, out, _ = _run(["schedule", "status", "--data-dir", str(folder), "--json"], capsys)
    shown = json.loads(out)
    assert shown["installed"] is True and shown["every_minutes"] == 60 and shown["last_result"] == "ok"

    name = schedule.unit_name(folder)
    before = len(tools.calls())
    code, out, _ = _run(["schedule", "remove", "--data-dir", str(folder)], capsys)
    assert code == 0 and "выключена" in out
    assert tools.calls()[before:] == [["systemctl", "--user", "disable", "--now", f"{name}.timer"],
                                      ["systemctl", "--user", "daemon-reload"]]
    assert not list((tmp_path / "home/.config/systemd/user").iterdir())
    assert not (folder / schedule.STATE_NAME).exists()
    assert not schedule.schedule_status(folder).installed
    code, out, _ = _run(["schedule", "remove", "--data-dir", str(folder)], capsys)
    assert code == 0 and "не была включена" in out


# --- Linux without systemd: cron ------------------------------------------------------------------------


def test_without_a_user_systemd_a_tagged_crontab_line_is_installed_replaced_and_removed(
        folder, tmp_path, monkeypatch, capsys):
    tools = FakeTools(tmp_path, monkeypatch, ("systemctl", "crontab"))
    tools.systemd_down()
    (tools.state / "crontab").write_text("MAILTO=\"\"\n0 3 * * * /usr/bin/backup.sh\n", encoding="utf-8")
    code, out, err = _run(["schedule", "install", "--data-dir", str(folder), "--every", "2h"], capsys)
    assert code == 0 and "(cron)" in out, err
    assert _run(["schedule", "install", "--data-dir", str(folder), "--every", "30m", "--at", "20:15"],
                capsys)[0] == 0
    lines = tools.crontab().splitlines()
    assert lines[:2] == ["MAILTO=\"\"", "0 3 * * * /usr/bin/backup.sh"]  # the user's own lines kept
    ours = lines[2:]
    tag = f"# pfdo-desktop-sync:{schedule.task_id(folder)}"
    assert len(ours) == 2 and all(line.endswith(tag) for line in ours), lines  # replaced, not added
    assert ours[0].startswith("*/30 * * * * ") and ours[1].startswith("15 20 * * * ")
    command = ours[0].split(" ", 5)[5]
    assert "\\%" in command  # cron turns a bare % into a newline
    words = shlex.split(command.replace("\\%", "%"))
    assert words[0].startswith("DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/")
    assert words[1:8] == [sys.executable, "-m", "pfdo_desktop", "schedule", "run", "--data-dir", str(folder)]
    assert tools.stdin_of("crontab")[-1] == tools.crontab()
    assert ["crontab", "-"] in tools.calls("crontab")
    assert not (tmp_path / "home/.config/systemd/user").exists()

    st = schedule.schedule_status(folder)
    assert st.installed and st.backend == "cron" and st.every_minutes == 30 and st.next_run is not None

    assert _run(["schedule", "remove", "--data-dir", str(folder)], capsys)[0] == 0
    assert tools.crontab().splitlines() == ["MAILTO=\"\"", "0 3 * * * /usr/bin/backup.sh"]


@pytest.mark.parametrize("every,spec", [("15m", "*/15 * * * *"), ("20m", "*/20 * * * *"),
                                        ("1h", "0 * * * *"), ("6h", "0 */6 * * *"), ("24h", "0 0 * * *")])
def test_cron_repeats_by_a_divisor_of_an_hour_or_a_day(every, spec):
    assert schedule.cron_every(schedule.parse_every(every)) == spec


def test_cron_refuses_an_interval_it_cannot_repeat(folder, tmp_path, monkeypatch, capsys):
    tools = FakeTools(tmp_path, monkeypatch, ("crontab",))  # no systemctl at all
    code, _, err = _run(["schedule", "install", "--data-dir", str(folder), "--every", "45m"], capsys)
    assert code == 1 and "делится час или сутки" in err and err.count("\n") == 1, err
    assert ["crontab", "-"] not in tools.calls()


def test_no_systemd_and_no_cron_is_a_clear_refusal(folder, tmp_path, monkeypatch, capsys):
    FakeTools(tmp_path, monkeypatch, ())
    code, _, err = _run(["schedule", "install", "--data-dir", str(folder)], capsys)
    assert code == 1 and "ни systemd пользователя, ни crontab" in err


# --- Windows: Task Scheduler ----------------------------------------------------------------------------


def test_windows_registers_an_xml_task_per_user_only_with_a_network(folder, tmp_path, monkeypatch):
    tools = FakeTools(tmp_path, monkeypatch, ("schtasks",))
    monkeypatch.setenv("USERDOMAIN", "ШКОЛА-ПК")
    monkeypatch.setenv("USERNAME", "Мария")
    plan = schedule.make_plan("1h", "20:00")
    assert schedule.install(folder, plan, platform="win32") == "schtasks"
    name = f"PFDO Desktop\\Синхронизация {schedule.task_id(folder)}"
    (create,) = tools.calls("schtasks")
    assert create[:4] == ["schtasks", "/Create", "/TN", name] and create[4] == "/XML" and create[6:] == ["/F"]
    assert not Path(create[5]).exists()  # the temporary XML is gone

    raw = (tools.state / "task.xml").read_bytes()
    assert raw.startswith(b"\xff\xfe")  # UTF-16 with its BOM: what schtasks reads
    task = ET.fromstring(raw)
    assert task.tag == f"{{{schedule.TASK_NS}}}Task"
    settings = task.find("t:Settings", NS)
    assert settings is not None
    assert settings.findtext("t:RunOnlyIfNetworkAvailable", namespaces=NS) == "true"
    assert settings.findtext("t:MultipleInstancesPolicy", namespaces=NS) == "IgnoreNew"
    assert settings.findtext("t:StartWhenAvailable", namespaces=NS) == "true"
    assert settings.findtext("t:DisallowStartIfOnBatteries", namespaces=NS) == "false"
    principal = task.find("t:Principals/t:Principal", NS)
    assert principal is not None
    assert principal.findtext("t:LogonType", namespaces=NS) == "InteractiveToken"
    assert principal.findtext("t:UserId", namespaces=NS) == "ШКОЛА-ПК\\Мария"
    assert principal.findtext("t:RunLevel", namespaces=NS) == "LeastPrivilege"
    assert task.findtext("t:Triggers/t:TimeTrigger/t:Repetition/t:Interval", namespaces=NS) == "PT60M"
    calendar = task.find("t:Triggers/t:CalendarTrigger", NS)
    assert calendar is not None
    assert calendar.findtext("t:StartBoundary", namespaces=NS).endswith("T20:00:00")  # type: ignore[union-attr]
    assert calendar.findtext("t:ScheduleByDay/t:DaysInterval", namespaces=NS) == "1"
    exec_ = task.find("t:Actions/t:Exec", NS)
    assert exec_ is not None
    assert exec_.findtext("t:Command", namespaces=NS) == sys.executable
    arguments = exec_.findtext("t:Arguments", namespaces=NS) or ""
    assert f'"{folder}"' in arguments  # a folder with spaces is one quoted argument
    assert shlex.split(arguments) == ["-m", "pfdo_desktop", "schedule", "run", "--data-dir", str(folder)]
    assert exec_.findtext("t:WorkingDirectory", namespaces=NS) == str(folder)

    st = schedule.schedule_status(folder, platform="win32")  # schtasks answers in cp866, Russian columns
    assert st.installed and st.backend == "schtasks" and st.every_minutes == 60 and st.at == time(20, 0)
    assert st.next_run is not None and st.next_run.strftime("%d.%m.%Y %H:%M") == "05.12.2026 21:00"
    assert st.last_run is None  # «30.11.1999»: never run
    assert tools.calls("schtasks")[-1] == ["schtasks", "/Query", "/TN", name, "/V", "/FO", "CSV"]

    assert schedule.remove(folder, platform="win32") is True
    assert tools.calls("schtasks")[-1] == ["schtasks", "/Delete", "/TN", name, "/F"]
    assert not schedule.schedule_status(folder, platform="win32").installed
    assert schedule.remove(folder, platform="win32") is False


# --- the scheduled run: logged, and skipped quietly while another sync runs --------------------------


def test_a_scheduled_run_logs_its_result_and_skips_quietly_while_another_sync_holds_the_lock(
        enrolled_workspace, data_dir, capsys):
    from filelock import FileLock

    from pfdo_desktop.sync import credentials

    d = str(data_dir)
    with FileLock(str(data_dir / "sync.lock")):  # e.g. the window's sync
        code, out, err = _run(["sync", "--data-dir", d], capsys)  # by hand: an error, exit 1
        assert code == 1 and "Синхронизация уже идёт" in err
        code, out, err = _run(["schedule", "run", "--data-dir", d], capsys)
        assert (code, out, err) == (0, "", "")  # by the scheduler: quiet, exit 0
    busy = schedule.read_runs(data_dir)[-1]
    assert busy.result == "busy" and busy.exit_code == 0
    assert "пропущено: синхронизация уже идёт" in busy.message

    code, out, err = _run(["schedule", "run", "--data-dir", d], capsys)
    assert code == 0 and out.startswith("Отправлено "), err
    done = schedule.read_runs(data_dir)[-1]
    assert done.result == "ok" and done.exit_code == 0 and done.message.startswith("Отправлено ")

    text = schedule.log_path(data_dir).read_text(encoding="utf-8")
    assert len(text.splitlines()) == 2
    token = credentials.load_token(enrolled_workspace.device().db_uuid)
    assert token and token not in text
    assert (schedule.log_path(data_dir).stat().st_mode & 0o777) == 0o600

    st = schedule.schedule_status(data_dir, platform="linux")
    assert not st.installed and st.last_result == "ok" and st.last_run == done.at


def test_a_failed_scheduled_run_is_logged_and_exits_1(data_dir, capsys):
    from pfdo_desktop.workspace import Workspace

    Workspace.open(data_dir).close()  # a database, never enrolled
    code, out, err = _run(["schedule", "run", "--data-dir", str(data_dir)], capsys)
    assert code == 1 and err.startswith("pfdo-desktop: ") and "не подключён" in err, err
    failed = schedule.read_runs(data_dir)[-1]
    assert failed.result == "failed" and failed.exit_code == 1 and "не подключён" in failed.message
    # A folder that is gone is not re-created by the log line.
    gone = data_dir.parent / "moved away"
    assert _run(["schedule", "run", "--data-dir", str(gone)], capsys)[0] == 1
    assert not gone.exists()


def test_the_run_log_masks_what_must_never_be_logged_and_stays_small(data_dir):
    data_dir.mkdir()
    at = schedule.datetime(2026, 12, 5, 20, 0).astimezone()
    schedule.append_run(data_dir, schedule.RunRecord(at, "failed", 1, "СНИЛС 123-456-789 01\nBearer abc.def"))
    (line,) = schedule.log_path(data_dir).read_text(encoding="utf-8").splitlines()
    assert "123-456-789" not in line and "abc.def" not in line
    for _ in range(3000):
        schedule.append_run(data_dir, schedule.RunRecord(at, "ok", 0, "Отправлено 0 " + "x" * 100))
    assert schedule.log_path(data_dir).stat().st_size <= 256 * 1024
    assert all(r.result == "ok" for r in schedule.read_runs(data_dir))
