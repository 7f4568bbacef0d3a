"""Where file dialogs open: the user's Documents folder the first time, then the folder of the
last file chosen (for the rest of the session). The dialogs themselves are Qt's static
``QFileDialog.get…FileName`` (native where the desktop has one); their Russian labels come from
`ui.i18n`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

_last_folder: Path | None = None


def documents_folder() -> Path:
    """The user's Documents folder (Windows «Документы», ~/Documents, XDG_DOCUMENTS_DIR), or the
    home folder where there is none (a Linux account without a desktop)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if location and Path(location).is_dir():
        return Path(location)
    return Path.home()


def start_folder() -> Path:
    """Where a file dialog opens: the folder of the last file chosen, else Documents."""
    if _last_folder is not None and _last_folder.is_dir():
        return _last_folder
    return documents_folder()


def remember_folder(path: str | Path) -> None:
    """``path`` (a file, or a folder) was chosen: the next dialog opens in its folder."""
    global _last_folder
    chosen = Path(path)
    _last_folder = chosen if chosen.is_dir() else chosen.parent


def forget_folder() -> None:
    """Back to Documents (a test's fresh start)."""
    global _last_folder
    _last_folder = None
