"""The certificate's forms: the application for one (заявление о предоставлении сертификата) and
the registry extract (выписка из реестра сертификатов)."""

from __future__ import annotations

from pfdo_desktop.domain.documents import ChildDoc

from ..layout import Page, Sheet
from ..russian import GEN, PREP, Name
from ..text import format_amount, format_date, head_short_name, or_blank, short_name
from .common import (
    LABEL_W,
    acquainted,
    certificate_number,
    child_fields,
    guardian_fields,
    head_role,
    letterhead,
)


def application(doc: ChildDoc) -> list[Page]:
    """Заявление о предоставлении сертификата и включении в систему ПФДО."""
    sheet = Sheet()
    municipality = doc.provider.municipality
    applicant = doc.guardian.full_name if doc.guardian else ""
    sheet.addressee([
        "В уполномоченную организацию (оператору персонифицированного финансирования)",
        f"Муниципальное образование: {or_blank(municipality, 24)}",
        f"Заявитель: {or_blank(applicant, 30)}",
        f"Телефон: {or_blank(doc.guardian.phone if doc.guardian else '', 24)}",
    ])
    sheet.title("ЗАЯВЛЕНИЕ",
                "о предоставлении сертификата дополнительного образования и включении "
                "в систему персонифицированного финансирования")
    sheet.para("Прошу предоставить сертификат дополнительного образования моему ребёнку (ребёнку, "
               "законным представителем которого я являюсь) и включить сведения о нём в реестр "
               "сертификатов дополнительного образования.", first=10)

    sheet.heading("1. Сведения о ребёнке")
    child_fields(sheet, doc.child)
    sheet.field("Адрес места жительства", doc.child.address, label_width=LABEL_W, blank_lines=2)
    sheet.field("№ сертификата (если выдан)", certificate_number(doc.certificate), label_width=LABEL_W)

    sheet.heading("2. Сведения о родителе (законном представителе)")
    guardian_fields(sheet, doc.guardian)

    sheet.heading("3. Подтверждения")
    sheet.para("С правилами персонифицированного финансирования дополнительного образования детей "
               f"{acquainted(doc.guardian)}. Обязуюсь уведомлять уполномоченную организацию об изменении "
               "сведений, указанных в заявлении. Согласие на обработку персональных данных прилагается.",
               first=10)
    sheet.checkbox("сертификат прошу оформить в статусе сертификата учёта с последующим переводом "
                   "в статус персонифицированного финансирования при зачислении на сертифицированную "
                   "программу")
    sheet.checkbox("уведомление о присвоении номера сертификата прошу направить на адрес электронной "
                   "почты, указанный выше")
    sheet.signature("Заявитель", short_name(doc.guardian))

    sheet.space(10)
    sheet.para(f"Заявление принято: {doc.provider.short_name or doc.provider.name}", after=0)
    sheet.signature("", "", dated=None, before=2)
    return sheet.pages


def extract(doc: ChildDoc) -> list[Page]:
    """Выписка из реестра сертификатов: the certificate card as of the last sync."""
    sheet = Sheet()
    letterhead(sheet, doc.provider)
    certificate = doc.certificate
    as_of = (certificate.as_of if certificate else None) or doc.registry_as_of or doc.printed_on
    sheet.title("ВЫПИСКА", "из реестра сертификатов дополнительного образования")
    sheet.spread(doc.provider.municipality or "", f"по данным на {format_date(as_of)}")
    sheet.space(6)
    child = doc.child
    name = Name.of(child)
    born = format_date(child.birth_date, "__________")
    if certificate is None and not doc.in_registry:  # сведения о ком: the prepositional
        sheet.para(f"Сведения о ребёнке {name(PREP)} (дата рождения {born}) ещё не внесены в "
                   "реестр: заявление подготовлено на этом компьютере и не рассмотрено региональным "
                   "порталом. Выписку можно получить после его рассмотрения.", first=10)
    elif certificate is None:
        sheet.para(f"По данным реестра сертификатов дополнительного образования на {format_date(as_of)} "
                   f"сертификат дополнительного образования на имя {name(GEN)} (дата рождения "
                   f"{born}) в реестре не значится.", first=10)
    else:
        unit = certificate.unit
        rows = [
            ["Номер сертификата", certificate.number],
            ["Владелец сертификата (ребёнок)", child.full_name],
            ["Дата рождения", born],
            ["Вид (статус) сертификата", f"сертификат {certificate.status_ru}"],
            ["Номинал сертификата", format_amount(certificate.nominal, unit)],
            ["Остаток средств (баланс)", format_amount(certificate.balance, unit)],
            ["Зарезервировано по действующим договорам", format_amount(certificate.reserve, unit)],
            ["Свободный остаток", format_amount(certificate.balance - certificate.reserve, unit)],
        ]
        sheet.table(["Сведения", "Значение"], rows, [1.1, 1], size=10.5,
                    bold_rows=[len(rows) - 1])
        sheet.para("Свободный остаток — остаток средств сертификата за вычетом сумм, зарезервированных "
                   "по действующим договорам об образовании; его можно направить на оплату новых "
                   "договоров.", size=9)
    sheet.space(6)
    provider = doc.provider
    sheet.para(f"Выписка подготовлена: {provider.short_name or provider.name} по данным регионального "
               "портала персонифицированного финансирования на дату последней сверки.", size=9)
    sheet.para(f"Дата выдачи выписки: {format_date(doc.printed_on)}", keep=Sheet.SIGNATURE_H)
    sheet.signature(head_role(provider), head_short_name(provider.head_name), dated=None)
    sheet.para("М. П.", after=0)
    return sheet.pages
