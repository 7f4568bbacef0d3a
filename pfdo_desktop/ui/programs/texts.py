"""How programme cards read on screen: ages in years, statuses with the draft state, the
dictionaries' Russian titles (the domain's words are shown as they are)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from pfdo_desktop.domain.catalog import DIRECTIONS, PROGRAM_STATUSES, REGISTRIES
from pfdo_desktop.domain.program_card import FORMS_RU, KINDS_RU, LEVELS_RU, OVZ_RU

WEEKDAYS_SHORT = ("пн", "вт", "ср", "чт", "пт", "сб", "вс")


def years_word(n: int) -> str:
    """«год», «года», «лет» after ``n``."""
    if 11 <= n % 100 <= 14:
        return QCoreApplication.translate("ProgramTexts", "лет")
    if n % 10 == 1:
        return QCoreApplication.translate("ProgramTexts", "год")
    if 2 <= n % 10 <= 4:
        return QCoreApplication.translate("ProgramTexts", "года")
    return QCoreApplication.translate("ProgramTexts", "лет")


def ages_text(age_from: int, age_to: int) -> str:
    """«7–11 лет»."""
    if age_from == age_to:
        return f"{age_from} {years_word(age_from)}"
    return f"{age_from}–{age_to} {years_word(age_to)}"


def direction_text(code: str) -> str:
    return DIRECTIONS.get(code, code)


def registry_text(code: str) -> str:
    return REGISTRIES.get(code, code)


def kind_text(code: str) -> str:
    return KINDS_RU.get(code, code)


def form_text(code: str) -> str:
    return FORMS_RU.get(code, code)


def level_text(code: str) -> str:
    return LEVELS_RU.get(code, code)


def ovz_text(code: str) -> str:
    return OVZ_RU.get(code, code)


def weekday_text(weekday: int) -> str:
    return WEEKDAYS_SHORT[weekday - 1] if 1 <= weekday <= 7 else "?"


def status_text(status: str, draft_state: str = "", comment: str = "") -> str:
    """The catalogue's status cell: the portal's status and what this PC holds on top of it —
    «опубликована · черновик на ПК», «на модерации», «на доработке: уточните программу»."""
    title = PROGRAM_STATUSES.get(status, status) if status else ""
    if draft_state == "returned" or (status == "returned" and draft_state in ("", "returned")):
        if comment:
            return QCoreApplication.translate("ProgramTexts", "на доработке: %1").replace("%1", comment)
        return PROGRAM_STATUSES["returned"]
    if draft_state == "submitted":
        if status in ("published", "returned"):
            return QCoreApplication.translate("ProgramTexts", "%1 · новая редакция на модерации").replace(
                "%1", title
            )
        return PROGRAM_STATUSES["moderation"]
    if draft_state == "conflict":
        return QCoreApplication.translate(
            "ProgramTexts", "%1 · изменена на портале: сверьте черновик"
        ).replace("%1", title)
    if draft_state == "draft":
        text = QCoreApplication.translate("ProgramTexts", "черновик на ПК")
        if status not in ("", "draft"):
            text = f"{title} · {text}"
        if comment:
            text += " · " + QCoreApplication.translate("ProgramTexts", "портал не принял: %1").replace(
                "%1", comment
            )
        return text
    return title


def slot_text(slot: Any) -> str:
    """«пн 15:00–16:30, каб. 205» (the room as the provider wrote it)."""
    text = f"{weekday_text(slot.weekday)} {slot.time_from}–{slot.time_to}"
    if slot.room:
        text += f", {slot.room}"
    return text


def schedule_text(group: Any) -> str:
    if group.slots:
        return "; ".join(slot_text(s) for s in group.slots)
    if group.explicit_dates:
        count = str(len(group.explicit_dates))
        return QCoreApplication.translate("ProgramTexts", "по датам: %1").replace("%1", count)
    return ""
