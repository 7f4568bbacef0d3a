"""Blocks several forms share: the provider's requisites, a person's fields, the addressee."""

from __future__ import annotations

from reportlab.lib.units import mm

from pfdo_desktop.domain.documents import CertificateInfo, PersonInfo, ProviderInfo, StudyInfo

from ..fonts import SERIF_BOLD
from ..layout import CENTER, SMALL, Sheet
from ..text import format_date, or_blank, person_document

LABEL_W = 53 * mm  # the label column of the person / study fields
NO_DATE = "__________"  # an unknown date inside a field row


def provider_addressee(provider: ProviderInfo, guardian: PersonInfo | None) -> list[str]:
    """«Руководителю <организация>» and the applicant (a name is never declined: «Заявитель:»)."""
    applicant = guardian.full_name if guardian else ""
    phone = guardian.phone if guardian else ""
    return [
        f"Руководителю {provider.short_name or provider.name}",
        f"Заявитель: {or_blank(applicant, 30)}",
        f"Телефон: {or_blank(phone, 24)}",
    ]


def letterhead(sheet: Sheet, provider: ProviderInfo) -> None:
    """The provider's name and requisites centred above a rule: a paper the provider issues."""
    sheet.para(provider.name, font=SERIF_BOLD, size=SMALL + 0.5, align=CENTER, after=0)
    sheet.para(f"ИНН {or_blank(provider.inn, 12)}, ОГРН {or_blank(provider.ogrn, 15)}, "
               f"{or_blank(provider.address, 40)}", size=SMALL - 0.5, align=CENTER, after=0)
    sheet.rule()


def provider_requisites(provider: ProviderInfo) -> str:
    """«<организация>, ИНН …, ОГРН …, адрес: …» (unknown parts are lines)."""
    return (f"{provider.name}, ИНН {or_blank(provider.inn, 12)}, ОГРН {or_blank(provider.ogrn, 15)}, "
            f"адрес: {or_blank(provider.address, 40)}")


def child_fields(sheet: Sheet, child: PersonInfo) -> None:
    """The pupil: name, birth date, СНИЛС, document."""
    sheet.field("Фамилия, имя, отчество", child.full_name, label_width=LABEL_W)
    sheet.field("Дата рождения", format_date(child.birth_date, NO_DATE), label_width=LABEL_W)
    sheet.field("СНИЛС", child.snils, label_width=LABEL_W)
    sheet.field("Документ, удостоверяющий личность", person_document(child), label_width=LABEL_W)


def guardian_fields(sheet: Sheet, guardian: PersonInfo | None, *, address_lines: int = 2) -> None:
    """The legal representative: every line, filled where the system knows the value."""
    person = guardian or PersonInfo("", "")
    sheet.field("Фамилия, имя, отчество", person.full_name, label_width=LABEL_W)
    sheet.field("Кем приходится ребёнку", person.relation, label_width=LABEL_W)
    sheet.field("Документ, удостоверяющий личность", person_document(guardian), label_width=LABEL_W)
    sheet.field("Телефон", person.phone, label_width=LABEL_W)
    sheet.field("Электронная почта", person.email, label_width=LABEL_W)
    sheet.field("Адрес места жительства", person.address, label_width=LABEL_W, blank_lines=address_lines)


def study_fields(sheet: Sheet, study: StudyInfo) -> None:
    """Programme, direction, module, group and teacher."""
    sheet.field("Программа", study.program_name, label_width=LABEL_W)
    sheet.field("Направленность", study.direction_ru, label_width=LABEL_W)
    sheet.field("Модуль (год обучения)", f"{study.module_name}, {study.hours} ч.", label_width=LABEL_W)
    sheet.field("Группа", study.group_name, label_width=LABEL_W)
    sheet.field("Педагог", study.teacher, label_width=LABEL_W)


def certificate_number(certificate: CertificateInfo | None) -> str:
    return certificate.number if certificate else ""
