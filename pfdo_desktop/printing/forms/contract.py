"""Договор об образовании (оферта): parties, subject, cost split certificate / parent with the
monthly schedule of payments, rights and duties, termination, requisites and signatures."""

from __future__ import annotations

from decimal import Decimal

from pfdo_desktop.domain.documents import ApplicationDoc, PersonInfo

from ..fonts import SERIF_BOLD
from ..layout import RIGHT, Page, Sheet
from ..russian import Name, hours_in_words, rubles_in_words
from ..text import (
    INLINE_BLANK_DATE,
    blank,
    format_date,
    format_money,
    head_short_name,
    month_year,
    numbered,
    or_blank,
    person_document,
    short_name,
)
from .common import certificate_number, executor_party, minor

ZERO = Decimal("0.00")

DUTIES = (
    ("3.1. Исполнитель обязан: организовать и обеспечить надлежащее оказание образовательной услуги "
     "в соответствии с образовательной программой, учебным планом и расписанием занятий; обеспечить "
     "Обучающемуся условия освоения программы, безопасные для жизни и здоровья; вести учёт "
     "посещаемости и сообщать Заказчику о пропусках занятий без уважительной причины."),
    ("3.2. Исполнитель вправе самостоятельно осуществлять образовательный процесс, выбирать формы и "
     "методы обучения, переносить занятия с уведомлением Заказчика не позднее чем за один день."),
    ("3.3. Заказчик обязан {pay}извещать Исполнителя об уважительных причинах отсутствия "
     "Обучающегося на занятиях; возмещать ущерб, причинённый Обучающимся имуществу Исполнителя."),
    ("3.4. Заказчик вправе получать информацию об организации образовательного процесса, об "
     "успеваемости и посещаемости Обучающегося, пользоваться имуществом Исполнителя во время "
     "занятий."),
    ("3.5. Обучающийся обязан посещать занятия согласно расписанию, выполнять задания педагога, "
     "соблюдать правила внутреннего распорядка и бережно относиться к имуществу Исполнителя."),
)
PAY = "своевременно вносить плату за образовательную услугу в части, не покрываемой сертификатом; "
PARTIES_H = 150.0  # the requisites block: kept on one page with its heading


def layout(doc: ApplicationDoc) -> list[Page]:
    sheet = Sheet()
    provider, study = doc.provider, doc.study
    free = doc.free  # a budget programme
    sheet.title(f"ДОГОВОР {numbered(doc.contract_number)}",
                "об образовании на обучение по дополнительной общеобразовательной программе (оферта)",
                after=4)
    sheet.spread(provider.municipality or "г. ______________",
                 format_date(doc.contract_date, INLINE_BLANK_DATE))
    sheet.space(5)
    sheet.para(f"{executor_party(provider)}, с одной стороны, и {_customer_party_text(doc)}, "
               f"дата рождения {format_date(doc.child.birth_date, '__________')} (далее — Обучающийся), "
               "с другой стороны, совместно именуемые Стороны, заключили настоящий договор о "
               "нижеследующем.", first=10)

    sheet.heading("1. Предмет договора")
    sheet.para(f"1.1. Исполнитель обязуется оказать Обучающемуся образовательную услугу по "
               f"дополнительной общеобразовательной программе «{study.program_name}» (направленность: "
               f"{study.direction_ru}), модуль «{study.module_name}» объёмом {hours_in_words(study.hours)}, "
               f"в группе "
               f"«{study.group_name}», а Заказчик обязуется "
               + ("обеспечить посещение Обучающимся занятий." if free else
                  "её оплатить в части, не покрываемой сертификатом дополнительного образования."))
    sheet.para(f"1.2. Срок обучения: с {format_date(doc.start_date)} по {format_date(doc.end_date)}. "
               f"Форма обучения — очная. Расписание: {or_blank(study.schedule, 30)}.")
    sheet.para(f"1.3. Место оказания услуги: {or_blank(study.address or provider.address, 40)}.")

    sheet.heading("2. Стоимость услуги и порядок оплаты")
    _cost(sheet, doc)

    sheet.heading("3. Права и обязанности сторон")
    for clause in DUTIES:
        sheet.para(clause.format(pay="" if free else PAY))

    sheet.heading("4. Срок действия и порядок расторжения договора")
    sheet.para("4.1. Договор вступает в силу с момента акцепта оферты Заказчиком (подачи заявления о "
               f"зачислении) и действует по {format_date(doc.end_date)} включительно.")
    sheet.para("4.2. Договор может быть расторгнут по соглашению Сторон; по инициативе Заказчика — с "
               "первого числа месяца, следующего за месяцем подачи письменного уведомления; по "
               "инициативе Исполнителя — в случаях, предусмотренных законодательством Российской "
               "Федерации, с уведомлением Заказчика.")
    if not free:
        sheet.para("4.3. При расторжении договора неиспользованные средства сертификата возвращаются "
                   "на его баланс; оплата производится только за фактически оказанные услуги.")

    sheet.heading("5. Адреса, реквизиты и подписи сторон", keep=PARTIES_H)
    sheet.side_by_side(lambda: _provider_party(sheet, doc), lambda: _customer_party(sheet, doc.guardian),
                       keep=PARTIES_H)
    return sheet.pages


def _customer_party_text(doc: ApplicationDoc) -> str:
    """«Смирнова Екатерина Олеговна (далее — Заказчик), действующая в интересах несовершеннолетней
    Смирновой Полины Андреевны»: the customer is the subject (nominative), the pupil in the
    genitive; a name that does not tell the gender (or a line to fill) makes the customer «законный
    представитель, действующий …» — the participle then agrees with that noun."""
    guardian = Name.of(doc.guardian)
    who = f"{guardian() or blank(40)} (далее — Заказчик)"
    acting = guardian.agree("действующий", "действующая", "законный представитель, действующий")
    return f"{who}, {acting} в интересах {minor(doc.child)}"


def _cost(sheet: Sheet, doc: ApplicationDoc) -> None:
    if doc.free:
        sheet.para("2.1. Обучение бесплатно за счёт бюджета (муниципального задания): плата с Заказчика "
                   "не взимается, средства сертификата не списываются.")
        return
    if doc.price_total is None:  # a paid programme, the price not set yet: lines to fill by hand
        money = f"{blank(8)} ({blank(28)}) руб. {blank(3)} коп."
        sheet.para(f"2.1. Полная стоимость образовательной услуги за период обучения составляет {money}.")
        sheet.para(f"2.2. Из них за счёт средств сертификата дополнительного образования "
                   f"{numbered(certificate_number(doc.certificate))} оплачивается {money}, "
                   f"за счёт средств Заказчика — {money}.")
        sheet.para("2.3. Оплата производится ежемесячно: часть Заказчика вносится не позднее 10-го "
                   "числа оплачиваемого месяца; часть сертификата перечисляет уполномоченная "
                   "организация по счёту Исполнителя с учётом полноты оказания услуги за месяц.")
        return
    certificate = doc.certificate_part if doc.certificate_part is not None else ZERO
    parent = doc.parent_part if doc.parent_part is not None else doc.price_total - certificate
    sheet.para(f"2.1. Полная стоимость образовательной услуги за период обучения составляет "
               f"{rubles_in_words(doc.price_total)}.")
    sheet.para(f"2.2. Из них за счёт средств сертификата дополнительного образования "
               f"{numbered(certificate_number(doc.certificate))} оплачивается "
               f"{rubles_in_words(certificate)}, за счёт средств Заказчика — {rubles_in_words(parent)}.")
    sheet.para("2.3. Оплата производится ежемесячно по графику ниже: часть Заказчика вносится не позднее "
               "10-го числа оплачиваемого месяца; часть сертификата перечисляет уполномоченная "
               "организация по счёту Исполнителя с учётом полноты оказания услуги за месяц.")
    if not doc.schedule:
        return
    sheet.space(2)
    rows = [[month_year(m.year, m.month).capitalize(), format_money(m.certificate), format_money(m.parent),
             format_money(m.certificate + m.parent)] for m in doc.schedule]
    rows.append(["Итого", format_money(sum((m.certificate for m in doc.schedule), ZERO)),
                 format_money(sum((m.parent for m in doc.schedule), ZERO)),
                 format_money(sum((m.certificate + m.parent for m in doc.schedule), ZERO))])
    sheet.table(["Месяц", "За счёт сертификата", "За счёт Заказчика", "Всего"], rows, [1.3, 1, 1, 1],
                aligns=["left", RIGHT, RIGHT, RIGHT], bold_rows=[len(rows) - 1])


def _provider_party(sheet: Sheet, doc: ApplicationDoc) -> None:
    provider = doc.provider
    sheet.para("Исполнитель", font=SERIF_BOLD)
    sheet.para(provider.name, after=1)
    sheet.field("ИНН", provider.inn)
    sheet.field("ОГРН", provider.ogrn)
    sheet.field("Адрес:", provider.address, blank_lines=2)
    sheet.signature("", head_short_name(provider.head_name), dated=None)
    sheet.para("М. П.", after=0)


def _customer_party(sheet: Sheet, guardian: PersonInfo | None) -> None:
    person = guardian or PersonInfo("", "")
    sheet.para("Заказчик", font=SERIF_BOLD)
    sheet.field("", person.full_name)
    sheet.field("Документ:", person_document(guardian))
    sheet.field("Телефон:", person.phone)
    sheet.field("Эл. почта:", person.email)
    sheet.field("Адрес:", person.address, blank_lines=2)
    sheet.signature("", short_name(guardian), dated=None)
