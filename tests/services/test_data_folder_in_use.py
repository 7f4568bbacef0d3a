"""The data folder while other programs use it, and what a move leaves (outside review of issue 14,
F1–F4), with real processes where the review used them: a move or a restore is refused while another
window or command has the folder open, and that program's later work is kept; the default folder
switches only when the default folder moved; the user's own files in the folder are neither moved
nor deleted; a move killed midway leaves a copy marked as incomplete, which the retry reuses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from folder_holder import Holder, StalledMove

from pfdo_desktop import preferences, schedule
from pfdo_desktop.cli import main
from pfdo_desktop.models import folder_lock
from pfdo_desktop.models.backups import RestoreRefused
from pfdo_desktop.workspace import (
    DataFolderMove,
    IncompleteCopy,
    MoveRefused,
    Workspace,
    default_data_dir,
    restore_backup,
)

IN_USE = "сейчас использует другая программа или окно PFDO Desktop"


@pytest.fixture
def synced(enrolled_template, tmp_path) -> Path:
    """A copy of the enrolled, synced PC's data folder (no portal: marks are saved locally)."""
    folder = tmp_path / "Мои документы" / "ПФДО данные"
    shutil.copytree(enrolled_template.data_dir, folder)
    return folder


def _unsent(capsys, *args: str) -> int:
    assert main(["status", *args]) == 0
    line = next(s for s in capsys.readouterr().out.splitlines() if s.startswith("Не отправлено:"))
    return int(line.split(":")[1])


def test_a_move_while_a_window_has_the_folder_open_is_refused_and_the_windows_work_is_kept(
        synced, tmp_path, capsys):
    target = tmp_path / "D"
    with Holder(synced, window=True) as window:
        assert main(["move-data", "--data-dir", str(synced), "--to", str(target)]) == 1
        err = capsys.readouterr().err
        assert IN_USE in err and "закройте их и повторите" in err
        assert f"Данные остаются в папке {synced}" in err
        assert not target.exists() and (synced / "pfdo.sqlite3").is_file()
        unsent = window.mark()  # the window goes on working, into the folder that stayed
        assert unsent >= 1
        window.close()
    assert _unsent(capsys, "--data-dir", str(synced)) == unsent  # nothing lost
    # closed: now the move goes through, the change with it
    assert main(["move-data", "--data-dir", str(synced), "--to", str(target)]) == 0
    capsys.readouterr()
    assert _unsent(capsys, "--data-dir", str(target)) == unsent


def test_a_restore_while_a_command_has_the_folder_open_is_refused_and_its_work_is_kept(synced, capsys):
    backup = sorted((synced / "backups").glob("*.sqlite3"))[0]
    with Holder(synced) as other:
        code = main(["restore", "--data-dir", str(synced), "--backup", str(backup), "--force"])
        err = capsys.readouterr().err
        assert code == 1 and IN_USE in err and "База не изменена" in err
        assert not list(synced.glob("pfdo.sqlite3.replaced-*"))
        unsent = other.mark()
        other.close()
    assert _unsent(capsys, "--data-dir", str(synced)) == unsent
    assert main(["restore", "--data-dir", str(synced), "--backup", str(backup), "--force"]) == 0
    assert "База восстановлена" in capsys.readouterr().out


def test_a_refused_move_leaves_this_workspace_working_and_holding_its_folder(synced, tmp_path):
    with Workspace.open(synced) as ws, Holder(synced) as other:
        with pytest.raises(MoveRefused, match=IN_USE):
            ws.move_data_folder(tmp_path / "E")
        other.close()
        assert ws.status().groups > 0
        backup = sorted((synced / "backups").glob("*.sqlite3"))[0]
        with pytest.raises(RestoreRefused, match=IN_USE):  # this workspace holds the folder again
            restore_backup(synced, backup, force=True)
    assert not (tmp_path / "E").exists()


def test_a_second_window_on_the_same_folder_is_refused_while_commands_still_open_it(synced):
    with Holder(synced, window=True):
        second = Holder(synced, window=True)
        second.end()
        assert second.first.startswith("refused: Программа уже открыта с этой папкой данных")
    with Workspace.open(synced) as ws:  # a command (the scheduled sync) beside the window
        assert ws.status().groups > 0


def test_the_default_folder_switches_only_when_the_default_folder_moves(workspace, data_dir, tmp_path,
                                                                        capsys):
    workspace.close()
    main_org = tmp_path / "СОШ"
    Workspace.open(main_org).close()
    preferences.update(data_dir=str(main_org))
    target = tmp_path / "ДШИ-2"

    assert main(["move-data", "--data-dir", str(data_dir), "--to", str(target)]) == 0

    out = capsys.readouterr().out
    assert f'запускайте с --data-dir "{target}"' in out and "по умолчанию не изменилась" in out
    assert preferences.load().data_dir == str(main_org) and default_data_dir() == main_org
    with Workspace.open() as ws:  # the window without --data-dir: the main organisation, as before
        assert ws.data_dir == main_org
    # the default folder itself moves the default with it
    assert main(["move-data", "--to", str(tmp_path / "СОШ-2")]) == 0
    assert "запускайте с --data-dir" not in capsys.readouterr().out
    assert default_data_dir() == tmp_path / "СОШ-2"


def test_the_users_own_files_in_the_data_folder_are_neither_moved_nor_deleted(workspace, data_dir, tmp_path):
    (data_dir / "Отчёты").mkdir()
    (data_dir / "Отчёты" / "2025.docx").write_text("отчёт", encoding="utf-8")
    (data_dir / "заметки.txt").write_text("заметки", encoding="utf-8")
    for part in ("portal", "desktop"):  # the demo's folder, as --demo makes it: the program's
        (data_dir / "demo" / part).mkdir(parents=True)
    (data_dir / "demo" / "portal" / "portal.sqlite3").write_bytes(b"demo")
    (data_dir / "pfdo.sqlite3.replaced-20261207-101112").write_bytes(b"old")
    target = tmp_path / "E"

    moved = workspace.move_data_folder(target)

    assert sorted(p.name for p in data_dir.iterdir()) == ["Отчёты", "заметки.txt"]
    assert (data_dir / "Отчёты" / "2025.docx").read_text(encoding="utf-8") == "отчёт"
    assert not (target / "Отчёты").exists() and not (target / "заметки.txt").exists()
    assert (target / "demo" / "portal" / "portal.sqlite3").read_bytes() == b"demo"
    assert (target / "pfdo.sqlite3.replaced-20261207-101112").is_file() and (target / "backups").is_dir()
    assert moved.foreign == ("Отчёты", "заметки.txt") and moved.old_kept is None
    said = moved.message_ru()
    assert f"Файлы программы из прежней папки {data_dir} удалены; сама папка оставлена" in said
    assert "«Отчёты», «заметки.txt»" in said
    assert workspace.status().pending_ops == 0 and workspace.data_dir == target


def test_a_move_killed_midway_leaves_a_marked_copy_that_the_retry_reuses(synced, tmp_path, capsys):
    preferences.update(data_dir=str(synced))  # the default folder, as the window uses it
    before = _unsent(capsys)
    target = tmp_path / "B"

    StalledMove(synced, target).kill()

    # nothing is lost: the default is the old folder, which works as before
    assert preferences.load().data_dir == str(synced) and _unsent(capsys) == before
    assert (target / folder_lock.MOVE_MARKER).is_file() and (target / "pfdo.sqlite3").is_file()
    with pytest.raises(IncompleteCopy, match="остатки прерванного переноса"):  # never opened as data
        Workspace.open(target)
    # with something else beside the leftover: refused, and named as a leftover of a move
    (target / "чужое.txt").write_text("x", encoding="utf-8")
    assert main(["move-data", "--to", str(target)]) == 1
    err = capsys.readouterr().err
    assert "остатки прерванного переноса данных" in err and f"Данные остаются в папке {synced}" in err
    (target / "чужое.txt").unlink()
    # only the leftover: cleared, and the move goes through
    assert main(["move-data", "--to", str(target)]) == 0
    out = capsys.readouterr().out
    assert "Остатки прерванного переноса в ней удалены" in out
    assert not (target / folder_lock.MOVE_MARKER).exists() and not synced.exists()
    assert default_data_dir() == target and _unsent(capsys) == before


def test_the_result_of_a_move_says_where_the_data_are():
    moved = DataFolderMove(source=Path("/a"), target=Path("/b"), size=1, files=0, default_switched=False,
                           foreign=tuple(f"f{n}" for n in range(7)))
    said = moved.message_ru()
    assert 'запускайте с --data-dir "/b"' in said and "«f4» и ещё 2" in said


def test_the_scheduled_sync_runs_while_the_window_has_the_folder_open(enrolled_workspace):
    folder = enrolled_workspace.data_dir
    enrolled_workspace.close()
    with Holder(folder, window=True) as window:
        unsent = window.mark()
        assert main(["schedule", "run", "--data-dir", str(folder)]) == 0
        last = schedule.read_runs(folder)[-1]
        assert last.result == schedule.RESULT_OK and last.message.startswith(f"Отправлено {unsent},")
        window.close()
