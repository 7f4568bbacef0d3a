"""The PC's settings of a «Навигатор» connection (issue 16), kept with the data (``app_setting``):
the code «уважительная причина» is sent as (the Navigator has three codes; docs/navigator.md)."""

from __future__ import annotations

from typing import Any

from pfdo_desktop.domain.attendance import NAVIGATOR_EXCUSED_CHOICES, NAVIGATOR_EXCUSED_DEFAULT
from pfdo_desktop.domain.said import said
from pfdo_desktop.models import AppSetting, Database

from .errors import ServiceError

EXCUSED_KEY = "navigator_excused_code"


class BadNavigatorSetting(ServiceError):
    """A code the Navigator setting cannot take."""


def excused_code(db: Database) -> int:
    """The Navigator code a «уважительная причина» goes as: 2 «не был» unless set to 3 «болел»."""
    with db.read() as s:
        setting = s.get(AppSetting, EXCUSED_KEY)
        value: Any = setting.value if setting is not None else None
    if isinstance(value, int) and value in NAVIGATOR_EXCUSED_CHOICES:
        return value
    return NAVIGATOR_EXCUSED_DEFAULT


def set_excused_code(db: Database, code: int) -> None:
    """Keep ``code`` (2 or 3) for the next sync; marks already sent stay as the Navigator has them."""
    if code not in NAVIGATOR_EXCUSED_CHOICES:
        raise BadNavigatorSetting(said(
            "navigator.bad_excused_code",
            "Уважительную причину можно отправлять в Навигатор только как «не был» (2) или «болел» (3)."))
    with db.write() as s:
        s.merge(AppSetting(key=EXCUSED_KEY, value=int(code)))
