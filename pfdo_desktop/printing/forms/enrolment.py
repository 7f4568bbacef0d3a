"""Заявление о зачислении (акцепт оферты договора об образовании)."""

from __future__ import annotations

from pfdo_desktop.domain.documents import ApplicationDoc

from ..layout import Page, Sheet
from ..russian import ACC, Name
from ..text import INLINE_BLANK_DATE, format_date, numbered, short_name
from .common import (
    LABEL_W,
    NO_DATE,
    acquainted,
    certificate_number,
    child_fields,
    guardian_fields,
    provider_addressee,
    provider_requisites,
    study_fields,
)

ACKNOWLEDGED = (
    "с уставом организации",
    "с лицензией на осуществление образовательной деятельности",
    "с дополнительной общеобразовательной программой и расписанием занятий",
    "с правилами внутреннего распорядка обучающихся и условиями договора (оферты)",
)


def layout(doc: ApplicationDoc) -> list[Page]:
    sheet = Sheet()
    sheet.addressee(provider_addressee(doc.provider, doc.guardian))
    number = f" {numbered(doc.number)}" if doc.number.strip() else ""
    sheet.title("ЗАЯВЛЕНИЕ" + number, "о зачислении на обучение (акцепт оферты)")
    contract = f"{numbered(doc.contract_number, 10)} от {format_date(doc.contract_date, INLINE_BLANK_DATE)}"
    # зачислить кого: the child in the accusative (the nominative when the name does not tell)
    sheet.para(f"Прошу зачислить моего ребёнка {Name.of(doc.child)(ACC)} на обучение по дополнительной "
               "общеобразовательной программе, указанной ниже. Настоящим заявлением принимаю "
               f"(акцептую) оферту — договор об образовании {contract} — на условиях, размещённых "
               "исполнителем.", first=10)

    sheet.heading("1. Исполнитель и обучение")
    sheet.field("Исполнитель", provider_requisites(doc.provider), label_width=LABEL_W)
    study_fields(sheet, doc.study)
    sheet.field("Срок обучения", f"с {format_date(doc.start_date, NO_DATE)} по "
                f"{format_date(doc.end_date, NO_DATE)}", label_width=LABEL_W)

    sheet.heading("2. Обучающийся")
    child_fields(sheet, doc.child)
    sheet.field("Номер сертификата", certificate_number(doc.certificate), label_width=LABEL_W)

    sheet.heading("3. Заказчик (родитель, законный представитель)")
    guardian_fields(sheet, doc.guardian, address_lines=1)

    sheet.heading("4. Ознакомление и согласие")
    sheet.para("С документами, регламентирующими организацию образовательного процесса, "
               f"{acquainted(doc.guardian)}:", after=1)
    for item in ACKNOWLEDGED:
        sheet.checkbox(item)
    sheet.space(2)
    sheet.para("Даю согласие на обработку моих персональных данных и персональных данных моего "
               "ребёнка в соответствии с Федеральным законом от 27.07.2006 № 152-ФЗ «О персональных "
               "данных» в целях зачисления и обучения, в том числе на их передачу в региональную "
               "информационную систему персонифицированного финансирования дополнительного "
               "образования.", first=10, keep=Sheet.SIGNATURE_H)
    sheet.signature("Заказчик", short_name(doc.guardian),
                    dated=format_date(doc.created) if doc.created else None)
    return sheet.pages
