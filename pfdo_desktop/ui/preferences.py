"""The user's preferences that are not the data's (issue 14, «Настройки»): the interface language
and the automatic sync while the app is open. Kept per user in ``settings.json`` of the user's
configuration folder (``%APPDATA%\\pfdo-desktop`` on Windows, ``$XDG_CONFIG_HOME/pfdo-desktop``
elsewhere) — read before any data folder is opened (the language is installed first), never a
secret (tokens are in the keyring), written atomically, readable only by the user.

A missing or damaged file means the defaults (Russian, no automatic sync); ``PFDO_LANG`` in the
environment still wins over the file (a teacher's one-off English session, the tests).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)

LANGUAGES = ("ru", "en")
SYNC_EVERY_MINUTES = (0, 15, 30, 60, 120)  # 0: only by hand


@dataclass(frozen=True, slots=True)
class Preferences:
    language: str = "ru"
    sync_every_minutes: int = 0


def preferences_path() -> Path:
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        base = Path(os.environ["APPDATA"])
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "pfdo-desktop" / "settings.json"


def load() -> Preferences:
    path = preferences_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Preferences()
    except (OSError, ValueError) as exc:
        log.warning("preferences not read (%s): the defaults are used", type(exc).__name__)
        return Preferences()
    language = raw.get("language") if raw.get("language") in LANGUAGES else "ru"
    every = raw.get("sync_every_minutes")
    return Preferences(language, every if every in SYNC_EVERY_MINUTES else 0)


def save(prefs: Preferences) -> None:
    """Write the preferences (a temporary file renamed over the old one; mode 0600)."""
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(prefs), ensure_ascii=False, indent=1), encoding="utf-8")
    if os.name == "posix":
        os.chmod(tmp, 0o600)
    os.replace(tmp, path)


__all__ = ["LANGUAGES", "SYNC_EVERY_MINUTES", "Preferences", "load", "preferences_path", "save"]
