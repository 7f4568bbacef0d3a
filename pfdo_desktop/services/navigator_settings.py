"""The PC's settings of a «Навигатор» connection (issue 16), kept with the data (``app_setting``):
the code «уважительная причина» is sent as (the Navigator has three codes; docs/navigator.md), and
how many requests a push sends at once (polite to a shared server: 3 unless set, 1 to 5)."""

from __future__ import annotations

from typing import Any

from pfdo_desktop.domain.attendance import NAVIGATOR_EXCUSED_CHOICES, NAVIGATOR_EXCUSED_DEFAULT
from pfdo_desktop.domain.said import said
from pfdo_desktop.models import AppSetting, Database

from .errors import ServiceError

EXCUSED_KEY = "navigator_excused_code"
AT_ONCE_KEY = "navigator_at_once"
AT_ONCE_DEFAULT = 3
AT_ONCE_RANGE = range(1, 6)


class BadNavigatorSetting(ServiceError):
    """A code the Navigator setting cannot take."""


def _read(db: Database, key: str) -> Any:
    with db.read() as s:
        setting = s.get(AppSetting, key)
        return setting.value if setting is not None else None


def _write(db: Database, key: str, value: int) -> None:
    with db.write() as s:
        s.merge(AppSetting(key=key, value=int(value)))


def excused_code(db: Database) -> int:
    """The Navigator code a «уважительная причина» goes as: 2 «не был» unless set to 3 «болел»."""
    value = _read(db, EXCUSED_KEY)
    if isinstance(value, int) and value in NAVIGATOR_EXCUSED_CHOICES:
        return value
    return NAVIGATOR_EXCUSED_DEFAULT


def set_excused_code(db: Database, code: int) -> None:
    """Keep ``code`` (2 or 3) for the next sync; marks already sent stay as the Navigator has them."""
    if code not in NAVIGATOR_EXCUSED_CHOICES:
        raise BadNavigatorSetting(said(
            "navigator.bad_excused_code",
            "Уважительную причину можно отправлять в Навигатор только как «не был» (2) или «болел» (3)."))
    _write(db, EXCUSED_KEY, code)


def at_once(db: Database) -> int:
    """How many requests a push to the Navigator sends at once (3 unless set)."""
    value = _read(db, AT_ONCE_KEY)
    return value if isinstance(value, int) and value in AT_ONCE_RANGE else AT_ONCE_DEFAULT


def set_at_once(db: Database, n: int) -> None:
    """Keep ``n`` (1 to 5) for the next sync."""
    if n not in AT_ONCE_RANGE:
        raise BadNavigatorSetting(said(
            "navigator.bad_at_once",
            "Запросов к Навигатору одновременно — от 1 до 5 (обычно 3: сервер общий на весь регион).",
        ))
    _write(db, AT_ONCE_KEY, n)
