"""`--help` and argparse's own errors are Russian in both CLIs (issue 10 §3).

The English phrases are read from the running Python's own argparse source (every string it passes
through gettext), so a new Python version that adds a message is checked too.
"""

from __future__ import annotations

import argparse
import ast
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from pfdo_desktop import argparse_ru
from pfdo_desktop.cli import _parser as desktop_parser
from pfdo_desktop.cli import main as desktop_main
from pfdo_portal.cli import build_parser as portal_parser
from pfdo_portal.cli import main as portal_main


def _argparse_messages() -> set[str]:
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    found: set[str] = {"show program's version number and exit", "usage:"}
    for node in ast.walk(tree):
        called = node.func.id if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) else ""
        if called in ("_", "ngettext"):
            found.update(a.value for a in node.args  # type: ignore[attr-defined]
                         if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return found


def _english_fragments() -> set[str]:
    """The wording of argparse's messages, between their placeholders («expected», «invalid choice»)."""
    fragments: set[str] = set()
    for message in _argparse_messages():
        for piece in re.split(r"%\([a-z_]+\)[sr]|%[sr]|\n", message):
            piece = piece.strip(" :()-'\"")
            if re.search(r"[A-Za-z]{3}", piece):
                fragments.add(piece.lower())
    return fragments


ENGLISH = _english_fragments()


def _assert_russian(text: str) -> None:
    lowered = text.lower()
    found = sorted(f for f in ENGLISH if f in lowered)
    assert not found, f"argparse English {found} in:\n{text}"
    assert re.search("[а-яё]", lowered), text


def test_the_phrase_list_is_argparses_own():
    assert {"usage", "positional arguments", "options", "show this help message and exit",
            "the following arguments are required", "invalid choice", "error"} <= ENGLISH


def test_every_argparse_message_has_a_russian_text():
    """The table covers every message this Python's argparse can print (3.11–3.13 checked)."""
    missing = sorted(m for m in _argparse_messages() - {"usage:"}
                     if m not in argparse_ru.MESSAGES_RU
                     and not any(m in pair for pair in argparse_ru.PLURALS_RU))
    assert missing == []


@pytest.mark.parametrize("n,form", [(1, 0), (2, 1), (4, 1), (5, 2), (11, 2), (12, 2), (21, 0), (22, 1),
                                    (111, 2), (0, 2)])
def test_russian_plural_forms(n, form):
    forms = argparse_ru.PLURALS_RU[("expected %s argument", "expected %s arguments")]
    assert argparse_ru.ngettext_ru("expected %s argument", "expected %s arguments", n) == forms[form]


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def _help(main, argv: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    return capsys.readouterr().out


def test_desktop_help_of_every_command_is_russian(capsys):
    commands = _commands(desktop_parser())
    assert {"enrol", "sync", "status", "restore", "print"} <= set(commands)
    for argv in [["--help"], *[[name, "--help"] for name in commands]]:
        out = _help(desktop_main, argv, capsys)
        assert out.startswith("Использование: pfdo-desktop")
        _assert_russian(out)


def test_portal_help_of_every_command_is_russian(capsys):
    commands = _commands(portal_parser())
    assert {"serve", "seed-demo", "issue-code", "devices"} <= set(commands)
    for argv in [["--help"], *[[name, "--help"] for name in commands]]:
        out = _help(portal_main, argv, capsys)
        assert out.startswith("Использование: pfdo-portal")
        _assert_russian(out)


@pytest.mark.parametrize("argv,expected", [
    (["enrol", "--data-dir", "x"], "не указаны обязательные аргументы: --portal"),
    (["nonsense"], "недопустимое значение 'nonsense' (можно: 'enrol'"),
    (["print", "nonsense", "-o", "x.pdf"], "недопустимое значение 'nonsense'"),
    (["sync", "--page-size", "many"],
     "аргумент --page-size: недопустимое значение 'many': нужно целое число"),
    (["status", "--unknown"], "неизвестные аргументы: --unknown"),
    (["--data-dir"], "аргумент --data-dir: нужно одно значение"),
])
def test_desktop_errors_are_russian_and_exit_2(argv, expected, capsys):
    with pytest.raises(SystemExit) as done:
        desktop_main(argv)
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "pfdo-desktop" in err and ": ошибка: " in err and expected in err
    _assert_russian(err)


@pytest.mark.parametrize("argv,expected", [
    (["issue-code"], "не указаны обязательные аргументы: --provider"),
    (["seed-demo", "--scale", "huge"], "недопустимое значение 'huge' (можно: 'demo', 'school', 'region')"),
    (["seed-demo", "--seed", "x"], "недопустимое значение 'x': нужно целое число"),
    (["nonsense"], "неизвестная команда «nonsense»"),
])
def test_portal_errors_are_russian_and_exit_2(argv, expected, capsys):
    code = portal_main(argv)
    assert code == 2
    err = capsys.readouterr().err
    message = err.rstrip("\n").rsplit("\n", 1)[-1]  # an unknown command: the usage line before it
    assert message.startswith("pfdo-portal: ошибка: ") and expected in message, err
    _assert_russian(err)


def test_both_commands_as_installed_speak_russian():
    """The real entry points in fresh processes (nothing installed by the tests' own imports)."""
    for module, argv in (("pfdo_desktop", ["enrol"]), ("pfdo_portal", ["issue-code"])):
        helped = subprocess.run([sys.executable, "-m", module, "--help"], capture_output=True, text=True,
                                timeout=120)
        assert helped.returncode == 0 and helped.stdout.startswith("Использование: ")
        _assert_russian(helped.stdout)
        failed = subprocess.run([sys.executable, "-m", module, *argv], capture_output=True, text=True,
                                timeout=120)
        assert failed.returncode == 2
        assert "ошибка: не указаны обязательные аргументы" in failed.stderr
        _assert_russian(failed.stderr)


# --- metavars, help texts, an unknown command, a database that cannot be opened (review item 10) ---


def _parsers(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    """The parser and every subcommand's parser, with the command line that reaches it."""
    found = [(parser.prog, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += [(sub.prog, sub) for sub in action.choices.values()]
    return found


def _metavars(parser: argparse.ArgumentParser) -> list[tuple[str, str]]:
    """(option, what --help shows for its value): the metavar, or the dest argparse makes one of.
    A list of choices ({demo,school}) shows the values themselves and is not a metavar."""
    shown: list[tuple[str, str]] = []
    for action in parser._actions:
        if action.nargs == 0:
            continue
        name = "/".join(action.option_strings) or action.dest
        if action.metavar is not None:
            names = action.metavar if isinstance(action.metavar, tuple) else (action.metavar,)
            shown += [(name, m) for m in names]
        elif action.choices is None:
            shown.append((name, action.dest.upper() if action.option_strings else action.dest))
    return shown


CLIS = [pytest.param(desktop_parser, id="pfdo-desktop"), pytest.param(portal_parser, id="pfdo-portal")]


@pytest.mark.parametrize("build", CLIS)
def test_every_metavar_is_russian_or_a_neutral_placeholder(build):
    """«--db БАЗА», «--port ПОРТ», «--page-size N»; never an English word or a Latin dest name
    («--db DB», «--month YYYY-MM», «FILE.pdf»)."""
    latin = [f"{prog} {option} {metavar}" for prog, parser in _parsers(build())
             for option, metavar in _metavars(parser) if re.search(r"[A-Za-z]{2}", metavar)]
    assert latin == []


@pytest.mark.parametrize("build", CLIS)
def test_every_option_says_what_it_is_for(build):
    # (The list of commands is no option: each command in it has its own help line.)
    silent = [f"{prog} {'/'.join(a.option_strings) or a.dest}" for prog, parser in _parsers(build())
              for a in parser._actions
              if not isinstance(a, argparse._SubParsersAction) and a.help in (None, "", argparse.SUPPRESS)]
    assert silent == []


def test_the_portal_says_its_metavars_in_russian_in_help(capsys):
    out = _help(portal_main, ["serve", "--help"], capsys)
    for shown in ("--db БАЗА", "--host АДРЕС", "--port ПОРТ", "--today ДАТА", "--header-timeout СЕКУНДЫ"):
        assert shown in out, out
    out = _help(portal_main, ["issue-code", "--help"], capsys)
    assert "--provider НОМЕР" in out and "--ttl-hours ЧАСЫ" in out, out
    out = _help(portal_main, ["--help"], capsys)
    assert out.startswith("Использование: pfdo-portal [-h] [--version] КОМАНДА ...\n"), out


@pytest.mark.parametrize("argv", [["nonsense"], []])
def test_an_unknown_or_missing_portal_command_shows_the_usage_and_the_commands(argv, capsys):
    assert portal_main(argv) == 2
    err = capsys.readouterr().err
    usage, message = err.rstrip("\n").split("\n", 1)
    assert usage == "Использование: pfdo-portal [-h] [--version] КОМАНДА ...", err
    assert message.startswith("pfdo-portal: ошибка: "), err
    assert "serve" in message and "issue-code" in message and "set-price-cap" in message, err
    assert "command" not in err, err
    if argv:
        assert "неизвестная команда «nonsense»" in message, err
    _assert_russian(err)


def _serve_fails(db: str, capsys) -> str:
    import logging

    handlers = {name: list(logging.getLogger(name).handlers) for name in ("", "uvicorn", "uvicorn.access")}
    assert portal_main(["serve", "--db", db, "--port", "1"]) == 1
    # A refused start leaves the process's logging as it was (no console handler on a stream that
    # is gone once the command returns: its later lines would be «Logging error» on stderr).
    assert {name: list(logging.getLogger(name).handlers) for name in handlers} == handlers
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    _assert_russian(lines[0])
    assert lines[0].startswith("pfdo-portal: "), lines
    for english in ("OperationalError", "sqlite3", "unable to open", "DatabaseError", "Traceback"):
        assert english not in lines[0], lines
    return lines[0]


def test_serve_with_a_folder_that_does_not_exist_says_what_to_do(tmp_path, capsys):
    missing = tmp_path / "nonexist"
    line = _serve_fails(str(missing / "x.sqlite3"), capsys)
    assert f"«{missing}»" in line and "создайте" in line and "--db" in line, line
    assert not missing.exists()


def test_serve_with_a_file_that_is_not_a_database_says_what_to_do(tmp_path, capsys):
    bad = tmp_path / "portal.db"
    bad.write_bytes(b"this is a text file, not SQLite\n" * 100)
    line = _serve_fails(str(bad), capsys)
    assert f"«{bad}»" in line and "--db" in line and "не база" in line, line
    assert bad.read_bytes() == b"this is a text file, not SQLite\n" * 100  # never overwritten


def test_serve_with_a_folder_instead_of_a_file_says_what_to_do(tmp_path, capsys):
    line = _serve_fails(str(tmp_path), capsys)
    assert f"«{tmp_path}»" in line and "папка" in line and "--db" in line, line


def test_serve_with_a_postgresql_server_that_does_not_answer_keeps_the_password_out(capsys):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql+psycopg://pfdo:secret-pass-42@127.0.0.1:{port}/pfdo?connect_timeout=5"
    line = _serve_fails(url, capsys)
    assert "secret-pass-42" not in line and "127.0.0.1" in line and "PostgreSQL" in line, line


def test_a_command_group_with_a_title_and_no_description_still_prints_its_help(capsys):
    parser = argparse.ArgumentParser(prog="пример")
    argparse_ru.install()
    sub = parser.add_subparsers(title="команды", metavar="КОМАНДА")
    sub.add_parser("один", help="первая команда")
    with pytest.raises(SystemExit) as done:
        parser.parse_args(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "команды:" in out and "первая команда" in out
