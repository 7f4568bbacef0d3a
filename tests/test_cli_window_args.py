"""``pfdo-desktop [--data-dir ПАПКА] [--demo]`` opens the window without building every command's
parser (issue 15, cold start); whatever else is typed goes to the full parser, which answers as it
always did."""

from __future__ import annotations

from pathlib import Path

import pytest

from pfdo_desktop import cli


@pytest.mark.parametrize("argv", [
    [], ["--demo"], ["--data-dir", "/tmp/школа"], ["--data-dir=/tmp/школа", "--demo"],
    ["--demo", "--data-dir", "rel/папка"], ["--data-dir", "a", "--data-dir", "b"], ["--data-dir", ""],
])
def test_the_windows_arguments_mean_what_the_full_parser_makes_of_them(argv):
    full = cli._parser().parse_args(argv)
    assert full.command is None
    assert cli._window_args(argv) == (full.data_dir, full.demo)


@pytest.mark.parametrize("argv", [
    ["sync", "--data-dir", "x"], ["--data-dir", "x", "status"], ["--help"], ["--version"],
    ["--data"], ["--data", "x"], ["--dem"], ["--data-dir"], ["--data-dir", "-x"], ["--data-dir="], ["лишнее"],
])
def test_anything_else_goes_to_the_full_parser(argv):
    assert cli._window_args(argv) is None


def test_the_window_opens_on_the_folder_given(monkeypatch, tmp_path: Path):
    import pfdo_desktop.ui.app as app_module

    opened = []

    def run_gui(data_dir, demo=False):
        opened.append((data_dir, demo))
        return 0

    monkeypatch.setattr(app_module, "run_gui", run_gui)
    assert cli.main(["--data-dir", str(tmp_path)]) == 0
    assert cli.main(["--demo"]) == 0
    assert opened == [(tmp_path, False), (None, True)]


def test_a_mistake_is_still_answered_by_the_full_parser(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--data-dir"])
    assert exit_.value.code == 2
    assert "--data-dir" in capsys.readouterr().err
