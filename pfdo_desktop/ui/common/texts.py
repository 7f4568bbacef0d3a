"""How dates, money, applications and children read on screen (the children, applications,
programmes and printing screens share them). The domain's Russian words (statuses, reasons) are
shown in the UI's language (``domain_words``)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate

from pfdo_desktop.domain.applications import ALLOWED_FROM
from pfdo_desktop.domain.money import format_rub
from pfdo_desktop.domain.pricing import free_for_family, price_text
from pfdo_desktop.workspace_types import ApplicationRow, GroupRow, pending_title

from .domain_words import title, word


def ru_date(day: date | None) -> str:
    return f"{day:%d.%m.%Y}" if day is not None and day != date.min else ""


def ru_datetime(moment: datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{moment:%d.%m.%Y %H:%M}"


def money(amount: Decimal | None) -> str:
    return format_rub(amount) if amount is not None else ""


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def status_text(status: str) -> str:
    return title("ApplicationStatus", status)


def status_cell(row: ApplicationRow) -> str:
    """An application's status as the list and the child card show it: «обучается», or
    «подтверждена · ожидает отправки: отчисление»."""
    text = status_text(row.status)
    if row.pending_action:
        text += " · " + pending_text(row.pending_action)
    return text


WEEKDAYS_SHORT = (
    QT_TRANSLATE_NOOP("CommonTexts", "Пн"),
    QT_TRANSLATE_NOOP("CommonTexts", "Вт"),
    QT_TRANSLATE_NOOP("CommonTexts", "Ср"),
    QT_TRANSLATE_NOOP("CommonTexts", "Чт"),
    QT_TRANSLATE_NOOP("CommonTexts", "Пт"),
    QT_TRANSLATE_NOOP("CommonTexts", "Сб"),
    QT_TRANSLATE_NOOP("CommonTexts", "Вс"),
)


def weekday_short(weekday: int) -> str:
    """«Пн» for ISO weekday 1."""
    if not 1 <= weekday <= 7:
        return "?"
    return QCoreApplication.translate("CommonTexts", str(WEEKDAYS_SHORT[weekday - 1]))


def group_schedule(group: GroupRow) -> str:
    """«Пн 15:00–15:45, Ср 15:00–15:45» in the UI's language."""
    if not group.slots:
        return group.schedule
    return ", ".join(f"{weekday_short(day)} {t_from}–{t_to}" for day, t_from, t_to in group.slots)


def quoted(text: str) -> str:
    """«text» (“text” in English)."""
    return QCoreApplication.translate("CommonTexts", "«%1»").replace("%1", text)


def wrong_status_text(action: str, status: str) -> str:
    """Why ``action`` cannot be asked for an application in ``status`` (as
    ``domain.applications.wrong_status_message`` says it in Russian)."""
    allowed = ", ".join(quoted(status_text(s)) for s in sorted(ALLOWED_FROM[action]))
    return (
        QCoreApplication.translate(
            "CommonTexts", "Нельзя %1 заявку в статусе «%2»: это возможно только для статуса %3"
        )
        .replace("%1", title("ApplicationAction", action))
        .replace("%2", status_text(status))
        .replace("%3", allowed)
    )


def action_text(kind: str) -> str:
    """«отзыв заявки» for the op kind ``application.withdraw``."""
    return word("PendingAction", pending_title(kind))


def pending_text(kind: str) -> str:
    """«ожидает отправки: отзыв заявки»."""
    return (
        QCoreApplication.translate("CommonTexts", "ожидает отправки: %1").replace(
            "%1", action_text(kind)
        )
        if kind
        else ""
    )


def certificate_status_text(status: str) -> str:
    return title("CertificateStatus", status)


def request_state_text(state: str) -> str:
    """A new-child request's state in the children list (short: the card explains it)."""
    return {
        "pending": QCoreApplication.translate("CommonTexts", "ждёт ответа портала"),
        "ambiguous": QCoreApplication.translate("CommonTexts", "выберите ребёнка"),
        "rejected": QCoreApplication.translate("CommonTexts", "отклонён порталом"),
        "registered": QCoreApplication.translate("CommonTexts", "уже есть в реестре"),
    }.get(state, state)


def cost_text(price: Decimal | None, registry: str = "") -> str:
    """``domain.pricing.price_text`` in the UI's language: «бесплатно» for a free programme, the
    money otherwise, "" without a price."""
    if free_for_family(price, registry):
        return QCoreApplication.translate("CommonTexts", "бесплатно")
    return price_text(price, registry)


def contract_split(
    price: Decimal | None, certificate: Decimal | None, parent: Decimal | None, registry: str = ""
) -> str:
    """«12 000,00 ₽: сертификат 10 000,00 ₽ + родитель 2 000,00 ₽»; «бесплатно» for a budget
    programme or a zero price (`domain.pricing.price_text`); "" without a contract."""
    if free_for_family(price, registry):
        return cost_text(price, registry)
    if price is None:
        return ""
    text = money(price)
    if certificate is not None or parent is not None:
        text += (
            QCoreApplication.translate("CommonTexts", ": сертификат %1 + родитель %2")
            .replace("%1", money(certificate or Decimal(0)))
            .replace("%2", money(parent or Decimal(0)))
        )
    return text


def snils_tail(snils: str) -> str:
    """«…-123 45»: enough to tell candidates apart without showing the whole number."""
    digits = "".join(ch for ch in snils if ch.isdigit())
    if len(digits) < 5:
        return snils
    return f"…{digits[-5:-2]} {digits[-2:]}"
