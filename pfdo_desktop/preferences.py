"""The user's preferences that are not the data's (issue 14, «Настройки»): the interface language,
the automatic sync while the app is open, the data folder, the default printer and two-sided
printing. Kept per user in ``settings.json`` of the user's configuration folder
(``%APPDATA%\\pfdo-desktop`` on Windows, ``$XDG_CONFIG_HOME/pfdo-desktop`` elsewhere) — read before
any data folder is opened (the language is installed first, and ``workspace.default_data_dir()``
reads the data folder from here, so the window and the command line find the same data), never a
secret (tokens are in the keyring), written atomically, readable only by the user.

A missing or damaged file means the defaults (Russian, no automatic sync, the platform's data
folder, the system's default printer); an unknown value of one key is that key's default.
``PFDO_LANG`` in the environment still wins over the file (a teacher's one-off English session, the
tests). What belongs to a data folder (where its backups go and how many are kept) is not here but in
that folder (``models/backups.py``): another folder, another organisation, other backups.

Only the standard library: the UI, the workspace and the command line all read it.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

LANGUAGES = ("ru", "en")
SYNC_EVERY_MINUTES = (0, 15, 30, 60, 120)  # 0: only by hand


@dataclass(frozen=True, slots=True)
class Preferences:
    language: str = "ru"
    sync_every_minutes: int = 0
    # The data folder chosen by «Перенести…» (absolute); None: the platform's own
    # (``workspace.default_data_dir``). ``--data-dir`` still wins for one run.
    data_dir: str | None = None
    # The printer the print dialog starts on; "": the system's default printer.
    printer: str = ""
    # Print on both sides (long edge for portrait forms, short edge for landscape ones).
    duplex: bool = False


def preferences_path() -> Path:
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        base = Path(os.environ["APPDATA"])
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "pfdo-desktop" / "settings.json"


def _valid(raw: dict[str, Any]) -> Preferences:
    language = raw.get("language") if raw.get("language") in LANGUAGES else "ru"
    every = raw.get("sync_every_minutes")
    data_dir = raw.get("data_dir")
    printer = raw.get("printer")
    return Preferences(
        language=str(language),
        sync_every_minutes=every if every in SYNC_EVERY_MINUTES else 0,
        data_dir=data_dir if isinstance(data_dir, str) and Path(data_dir).is_absolute() else None,
        printer=printer if isinstance(printer, str) else "",
        duplex=raw.get("duplex") is True,
    )


def load() -> Preferences:
    path = preferences_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Preferences()
    except (OSError, ValueError) as exc:
        log.warning("preferences not read (%s): the defaults are used", type(exc).__name__)
        return Preferences()
    return _valid(raw) if isinstance(raw, dict) else Preferences()


def save(prefs: Preferences) -> None:
    """Write the preferences (a temporary file renamed over the old one; mode 0600). Only what
    differs from the defaults is written."""
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    default = Preferences()
    always = ("language", "sync_every_minutes")
    chosen = {f.name: getattr(prefs, f.name) for f in fields(prefs)
              if f.name in always or getattr(prefs, f.name) != getattr(default, f.name)}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(chosen, ensure_ascii=False, indent=1), encoding="utf-8")
    if os.name == "posix":
        os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def update(**changes: Any) -> Preferences:
    """Read the file again, change only ``changes`` and write it: two screens (the settings dialog
    and a data-folder move) never put back each other's older values."""
    prefs = replace(load(), **changes)
    save(prefs)
    return prefs


def chosen_data_dir() -> Path | None:
    """The data folder chosen in «Настройки» (None: the platform's default)."""
    value = load().data_dir
    return Path(value) if value else None


__all__ = ["LANGUAGES", "SYNC_EVERY_MINUTES", "Preferences", "chosen_data_dir", "load", "preferences_path",
           "save", "update"]
