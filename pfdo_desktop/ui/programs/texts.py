"""How programme cards read on screen: ages in years, statuses with the draft state, the
dictionaries' titles in the UI's language (``common.domain_words``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..common.domain_words import title

WEEKDAYS_SHORT = (
    QT_TRANSLATE_NOOP("ProgramTexts", "пн"),
    QT_TRANSLATE_NOOP("ProgramTexts", "вт"),
    QT_TRANSLATE_NOOP("ProgramTexts", "ср"),
    QT_TRANSLATE_NOOP("ProgramTexts", "чт"),
    QT_TRANSLATE_NOOP("ProgramTexts", "пт"),
    QT_TRANSLATE_NOOP("ProgramTexts", "сб"),
    QT_TRANSLATE_NOOP("ProgramTexts", "вс"),
)


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
    return title("Direction", code)


def registry_text(code: str) -> str:
    return title("Registry", code)


def kind_text(code: str) -> str:
    return title("ProgramKind", code)


def form_text(code: str) -> str:
    return title("StudyForm", code)


def level_text(code: str) -> str:
    return title("ProgramLevel", code)


def ovz_text(code: str) -> str:
    return title("Disability", code)


def weekday_text(weekday: int) -> str:
    if not 1 <= weekday <= 7:
        return "?"
    return QCoreApplication.translate("ProgramTexts", str(WEEKDAYS_SHORT[weekday - 1]))


def status_text(status: str, draft_state: str = "", comment: str = "") -> str:
    """The catalogue's status cell: the portal's status and what this PC holds on top of it —
    «опубликована · черновик на ПК», «на модерации», «на доработке: уточните программу»."""
    status_title = title("ProgramStatus", status) if status else ""
    if draft_state == "returned" or (status == "returned" and draft_state in ("", "returned")):
        if comment:
            return QCoreApplication.translate("ProgramTexts", "на доработке: %1").replace("%1", comment)
        return title("ProgramStatus", "returned")
    if draft_state == "submitted":
        if status in ("published", "returned"):
            return QCoreApplication.translate("ProgramTexts", "%1 · новая редакция на модерации").replace(
                "%1", status_title
            )
        return title("ProgramStatus", "moderation")
    if draft_state == "conflict":
        return QCoreApplication.translate(
            "ProgramTexts", "%1 · изменена на портале: сверьте черновик"
        ).replace("%1", status_title)
    if draft_state == "draft":
        text = QCoreApplication.translate("ProgramTexts", "черновик на ПК")
        if status not in ("", "draft"):
            text = f"{status_title} · {text}"
        if comment:
            text += " · " + QCoreApplication.translate("ProgramTexts", "портал не принял: %1").replace(
                "%1", comment
            )
        return text
    return status_title


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
