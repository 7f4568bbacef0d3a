"""Blocks several forms share: the provider's requisites, a person's fields, the addressee, and the
phrases that name the provider's head and the pupil in their case (``printing.russian``)."""

from __future__ import annotations

from reportlab.lib.units import mm

from pfdo_desktop.domain.documents import CertificateInfo, PersonInfo, ProviderInfo, StudyInfo

from ..fonts import SERIF_BOLD
from ..layout import CENTER, SMALL, Sheet
from ..russian import DAT, DEFAULT_TITLE, GEN, NOM, Name, Title, agree
from ..text import bare_number, blank, format_date, or_blank, person_document

LABEL_W = 53 * mm  # the label column of the person / study fields
NO_DATE = "__________"  # an unknown date inside a field row
ENTREPRENEUR_BASIS = "записи в Едином государственном реестре индивидуальных предпринимателей"


def head_title(provider: ProviderInfo) -> Title:
    """The head's position; «руководитель» (always true) when the system does not know it."""
    return Title(provider.head_position.strip() or DEFAULT_TITLE)


def head_role(provider: ProviderInfo) -> str:
    """The position under the head's signature: «Директор», «Заведующая», «Руководитель»."""
    title = head_title(provider)(NOM) or DEFAULT_TITLE
    return title[:1].upper() + title[1:]


def provider_addressee(provider: ProviderInfo, guardian: PersonInfo | None) -> list[str]:
    """«Директору <сокращённое наименование>» and the head «Соколовой И. В.» (dative: кому), then
    the applicant and the phone as labelled lines (nominative after «Заявитель:»). The head's name
    is left out when it cannot be put in the dative (a name that does not tell the gender)."""
    applicant = guardian.full_name if guardian else ""
    phone = guardian.phone if guardian else ""
    title = head_title(provider)
    to_whom = title(DAT) or "Руководителю"
    head = Name.parse(provider.head_name)
    to_whom = f"{to_whom[:1].upper()}{to_whom[1:]}"
    # A short name («МАОУ СОШ № 3») is an abbreviation, the same in every case; the official name
    # is not declined, so it follows a colon («Директору организации: Муниципальное … учреждение»).
    lines = [f"{to_whom} {provider.short_name}" if provider.short_name.strip()
             else f"{to_whom} организации: {provider.name}"]
    if head.declinable:
        lines.append(head.short(DAT))
    return lines + [
        f"Заявитель: {or_blank(applicant, 30)}",
        f"Телефон: {or_blank(phone, 24)}",
    ]


def executor_party(provider: ProviderInfo) -> str:
    """The provider as a party: «<организация> (далее — Исполнитель) в лице директора Волковой Миланы
    Валерьевны, действующей на основании Устава».

    The participle agrees with the head (with the title when the name does not tell the gender:
    «в лице директора Ли Мин, действующего»); a title the system cannot decline is printed in
    the nominative after «в лице:»; an individual entrepreneur acts on the register entry.
    """
    title = head_title(provider)
    head = Name.parse(provider.head_name)
    if title.entrepreneur:
        acting = agree(head.gender, "действующий", "действующая", "действующий(-ая)")
        return f"{provider.name} (далее — Исполнитель), {acting} на основании {ENTREPRENEUR_BASIS}"
    basis = "на основании Устава"
    in_title = title(GEN)
    if in_title is None:  # not a title we can decline: the nominative reads right after «в лице:»
        acting = agree(head.gender, "действующий", "действующая", "действующий(-ая)")
        return (f"{provider.name} (далее — Исполнитель) в лице: {title(NOM)} {head(NOM) or blank(30)}, "
                f"{acting} {basis}")
    acting = agree(head.gender or title.gender, "действующего", "действующей", "действующего")
    return (f"{provider.name} (далее — Исполнитель) в лице {in_title} {head(GEN) or blank(30)}, "
            f"{acting} {basis}")


def minor(child: PersonInfo) -> str:
    """«несовершеннолетней Смирновой Полины Андреевны» (genitive: в интересах кого, представитель
    кого); «несовершеннолетнего ребёнка Ли Мин» when the name does not tell the gender."""
    name = Name.of(child)
    return name.agree(f"несовершеннолетнего {name(GEN)}", f"несовершеннолетней {name(GEN)}",
                      f"несовершеннолетнего ребёнка {name(NOM)}")


def acquainted(guardian: PersonInfo | None) -> str:
    """«ознакомлен» / «ознакомлена» as the representative signs; «ознакомлен(а)» for a person the
    system does not know (or a name that does not tell)."""
    return Name.of(guardian).agree("ознакомлен", "ознакомлена", "ознакомлен(а)")


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
    """The certificate's number (without a «№» the form adds itself), "" when there is none."""
    return bare_number(certificate.number) if certificate else ""
