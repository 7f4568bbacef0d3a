"""The log folder and files are the user's alone (issue 10 §5): folder 0700, files 0600, whatever
the umask, also after a rotation and for a folder or file left wider by an older version."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from pfdo_desktop.logging_setup import setup_logging


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def root_handlers() -> Iterator[None]:
    """setup_logging adds a handler to the root logger: take it away again after the test."""
    before = list(logging.getLogger().handlers)
    yield
    for handler in logging.getLogger().handlers[:]:
        if handler not in before:
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_log_folder_is_0700_and_log_files_0600_with_a_permissive_umask(
    tmp_path, permissive_umask, root_handlers
):
    directory = tmp_path / "state" / "pfdo-desktop" / "log"
    path = setup_logging(directory=directory)
    logging.getLogger("pfdo_desktop.test").warning("written")
    assert _mode(directory) == 0o700
    assert path.exists() and _mode(path) == 0o600
    handler = next(h for h in logging.getLogger().handlers
                   if getattr(h, "baseFilename", None) == str(path))
    handler.doRollover()  # type: ignore[attr-defined]
    logging.getLogger("pfdo_desktop.test").warning("after the rotation")
    files = sorted(directory.iterdir())
    assert [f.name for f in files] == ["pfdo-desktop.log", "pfdo-desktop.log.1"]
    assert {f.name: _mode(f) for f in files} == {"pfdo-desktop.log": 0o600, "pfdo-desktop.log.1": 0o600}


def test_a_wider_folder_and_file_of_an_older_version_are_narrowed(tmp_path, permissive_umask, root_handlers):
    directory = tmp_path / "log"
    directory.mkdir(mode=0o755)
    old = directory / "pfdo-desktop.log"
    old.write_text("from an older version\n", encoding="utf-8")
    old.chmod(0o644)
    path = setup_logging(directory=directory)
    assert path == old
    assert _mode(directory) == 0o700 and _mode(old) == 0o600
    assert old.read_text(encoding="utf-8").startswith("from an older version")  # appended, not replaced
