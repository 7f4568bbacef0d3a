"""The journal last shown on this PC — its group and month — kept with the data (``app_setting``),
so the next start reopens it right after the workspace opens (issue 15: «the last-used journal
usable»). Another data folder, another organisation: another journal to reopen.

A start reads it before the ORM is loaded too (``services.first_journal``, with the stdlib's
sqlite3): this module loads the models only when it is called, and ``remembered`` is the one
reading of the stored value for both."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pfdo_desktop.models import Database

KEY = "last_journal"


def remembered(value: Any) -> tuple[int, date] | None:
    """(group id, the month's first day) of a stored value; None: not one (a start then opens the
    first group's current month, as before)."""
    if not isinstance(value, dict):
        return None
    group_id, month = value.get("group_id"), value.get("month")
    if not isinstance(group_id, int) or isinstance(group_id, bool) or not isinstance(month, str):
        return None
    try:
        return group_id, date.fromisoformat(month).replace(day=1)
    except ValueError:
        return None


def last_journal(db: Database) -> tuple[int, date] | None:
    """(group id, the month's first day) of the journal last shown, or None (never, or unreadable:
    a start then opens the first group's current month, as before)."""
    from pfdo_desktop.models import AppSetting

    with db.read() as s:
        setting = s.get(AppSetting, KEY)
        value: Any = setting.value if setting is not None else None
    return remembered(value)


def remember_journal(db: Database, group_id: int, month: date) -> None:
    """Keep ``group_id``'s journal at ``month`` as the one to reopen."""
    from pfdo_desktop.models import AppSetting

    value = {"group_id": int(group_id), "month": month.replace(day=1).isoformat()}
    with db.write() as s:
        s.merge(AppSetting(key=KEY, value=value))
