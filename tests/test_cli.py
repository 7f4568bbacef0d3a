"""`pfdo-desktop enrol | sync | status`: what a scheduled task or a script sees."""

from __future__ import annotations

import json
import sqlite3

from pfdo_desktop.cli import main
from pfdo_portal import admin


def test_enrol_sync_status_round_trip(portal, portal_db, demo_provider_id, data_dir, capsys):
    code = admin.issue_code(portal_db, demo_provider_id)
    assert main(["enrol", "--data-dir", str(data_dir), "--portal", portal.url, "--code", code]) == 0
    assert "ПК подключён" in capsys.readouterr().out
    assert main(["sync", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("pushed 0, pulled ") and ", rejected 0" in out
    assert main(["status", "--data-dir", str(data_dir), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["marks"] == admin.count_marks(portal_db, demo_provider_id)
    assert status["groups"] > 0 and status["pending_ops"] == 0 and status["last_sync_status"] == "ok"
    assert main(["status", "--data-dir", str(data_dir)]) == 0
    assert "Не отправлено:      0" in capsys.readouterr().out


def test_sync_failure_is_one_line_and_exit_code_1(data_dir, capsys):
    assert main(["sync", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "не подключён" in err


def test_used_code_is_one_clear_line(portal, portal_db, demo_provider_id, data_dir, tmp_path, capsys):
    code = admin.issue_code(portal_db, demo_provider_id)
    assert main(["enrol", "--data-dir", str(data_dir), "--portal", portal.url, "--code", code]) == 0
    capsys.readouterr()
    assert main(["enrol", "--data-dir", str(tmp_path / "b"), "--portal", portal.url, "--code", code]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("pfdo-desktop: ") and err.count("\n") == 0


def test_newer_database_is_refused_in_one_line(data_dir, capsys):
    assert main(["status", "--data-dir", str(data_dir)]) == 0
    con = sqlite3.connect(data_dir / "pfdo.sqlite3")
    con.execute("update alembic_version set version_num='9999_future'")
    con.commit()
    con.close()
    capsys.readouterr()
    assert main(["status", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err.strip()
    assert "более новой версией" in err and err.count("\n") == 0


def test_logs_carry_no_names_snils_or_tokens(portal, portal_db, demo_provider_id, data_dir,
                                             memory_keyring, tmp_path):
    from pfdo_desktop.logging_setup import log_dir

    code = admin.issue_code(portal_db, demo_provider_id)
    main(["enrol", "--data-dir", str(data_dir), "--portal", portal.url, "--code", code])
    main(["sync", "--data-dir", str(data_dir)])
    text = "\n".join(p.read_text(encoding="utf-8") for p in log_dir().glob("*.log*"))
    assert "enrolled" in text  # the log is written …
    con = sqlite3.connect(data_dir / "pfdo.sqlite3")
    children = con.execute("select last_name, snils from child").fetchall()
    con.close()
    assert children
    for last_name, snils in children:  # … and holds no personal data
        assert last_name not in text and (not snils or snils not in text)
    for token in memory_keyring.store.values():
        assert token not in text
    assert code not in text


def test_a_traceback_in_the_log_is_masked_too(tmp_path):
    import logging

    from pfdo_desktop.logging_setup import setup_logging

    path = setup_logging(directory=tmp_path)
    log = logging.getLogger("pfdo_desktop.test")
    try:
        raise ValueError("UNIQUE failed: snils='112-233-445 95', certificate 0312000123, "
                         "Authorization: Bearer abcDEF123456")
    except ValueError:
        log.exception("a write failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "a write failed" in text and "ValueError" in text
    assert "112-233-445 95" not in text and "0312000123" not in text and "abcDEF123456" not in text
