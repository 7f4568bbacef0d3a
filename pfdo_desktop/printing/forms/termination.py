"""Уведомление о расторжении договора об образовании (отчисление)."""

from __future__ import annotations

from pfdo_desktop.domain.documents import ApplicationDoc

from ..layout import Page, Sheet
from ..russian import DAT, GEN, Name
from ..text import BLANK_DATE, INLINE_BLANK_DATE, format_date, head_short_name, numbered, or_blank, short_name
from .common import LABEL_W, certificate_number, head_role, letterhead


def layout(doc: ApplicationDoc) -> list[Page]:
    sheet = Sheet()
    provider, study = doc.provider, doc.study
    letterhead(sheet, provider)
    customer, pupil = Name.of(doc.guardian), Name.of(doc.child)
    # кому: the dative; a name that cannot be declined (or a line) after «Заказчику:»
    to_whom = (f"Заказчику {customer(DAT)}" if customer.declinable
               else f"Заказчику: {or_blank(customer(), 30)}")
    sheet.addressee([to_whom, f"Телефон: {or_blank(doc.guardian.phone if doc.guardian else '', 24)}"])
    sheet.title("УВЕДОМЛЕНИЕ", "о расторжении договора об образовании")
    contract = f"{numbered(doc.contract_number)} от {format_date(doc.contract_date, INLINE_BLANK_DATE)}"
    expelled = pupil.agree("обучающегося", "обучающейся", "обучающегося")  # отчисление кого
    sheet.para(f"{provider.name} (далее — Исполнитель) уведомляет о расторжении договора об образовании "
               f"{contract} и об отчислении {expelled} {pupil(GEN)}. Обучение прекращается, последний "
               f"день обучения — {format_date(doc.end_date)}.", first=10)
    sheet.space(3)
    sheet.field("Обучающийся", doc.child.full_name, label_width=LABEL_W)
    sheet.field("Дата рождения", format_date(doc.child.birth_date, "__________"), label_width=LABEL_W)
    sheet.field("Программа", study.program_name, label_width=LABEL_W)
    sheet.field("Модуль, группа", f"{study.module_name}, группа «{study.group_name}»", label_width=LABEL_W)
    sheet.field("Номер сертификата", certificate_number(doc.certificate), label_width=LABEL_W)
    sheet.field("Дата окончания обучения", format_date(doc.end_date), label_width=LABEL_W)
    sheet.field("Основание", f"приказ {numbered(doc.end_order_number, 10)} от "
                f"{format_date(doc.end_order_date, INLINE_BLANK_DATE)} об отчислении", label_width=LABEL_W)
    sheet.field("Причина расторжения", doc.end_reason_ru, label_width=LABEL_W, blank_lines=2)
    sheet.space(3)
    if not doc.free:
        sheet.para("Оплата производится за услуги, фактически оказанные по дату окончания обучения "
                   "включительно; неиспользованные средства сертификата возвращаются на его баланс.",
                   first=10, keep=Sheet.SIGNATURE_H)
    sheet.signature(head_role(provider), head_short_name(provider.head_name),
                    dated=format_date(doc.printed_on))
    sheet.para("М. П.", after=0)
    sheet.space(14)
    sheet.para(f"Уведомление {customer.agree('получил', 'получила', 'получил(а)')}:", after=0)
    sheet.signature("Заказчик", short_name(doc.guardian), dated=BLANK_DATE, before=4)
    return sheet.pages
