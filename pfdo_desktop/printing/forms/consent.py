"""Согласие на обработку персональных данных (ст. 9 Федерального закона № 152-ФЗ): the child's and
the representative's, by the provider as the operator, with the transfer to the regional portal."""

from __future__ import annotations

from pfdo_desktop.domain.documents import ApplicationDoc, ChildDoc

from ..layout import Page, Sheet
from ..russian import GEN, Municipality
from ..text import format_date, or_blank, short_name
from .common import LABEL_W, certificate_number, child_fields, guardian_fields, minor, provider_requisites

DATA = ("фамилия, имя, отчество; дата рождения; страховой номер индивидуального лицевого счёта (СНИЛС); "
        "вид, серия и номер документа, удостоверяющего личность; адрес места жительства; номер "
        "телефона и адрес электронной почты; степень родства; номер и сведения сертификата "
        "дополнительного образования; сведения об обучении, посещаемости и освоении программы; "
        "сведения об ограничениях возможностей здоровья (при их наличии)")
ACTIONS = ("сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), "
           "извлечение, использование, передача (предоставление, доступ), обезличивание, "
           "блокирование, удаление, уничтожение — с использованием средств автоматизации и без них")


def layout(doc: ChildDoc | ApplicationDoc) -> list[Page]:
    sheet = Sheet()
    provider, child = doc.provider, doc.child
    sheet.title("СОГЛАСИЕ", "на обработку персональных данных")

    sheet.heading("Субъект персональных данных (ребёнок)", before=0)
    child_fields(sheet, child)
    sheet.field("Номер сертификата", certificate_number(doc.certificate), label_width=LABEL_W)
    sheet.heading("Законный представитель (субъект персональных данных)")
    guardian_fields(sheet, doc.guardian)
    sheet.space(4)

    if isinstance(doc, ApplicationDoc):
        purpose = (f"обучение ребёнка по дополнительной общеобразовательной программе "
                   f"«{doc.study.program_name}» (группа «{doc.study.group_name}»), заключение и "
                   "исполнение договора об образовании")
        term = (f"до окончания обучения по программе ({format_date(doc.end_date)}) и хранения "
                "документов в сроки, установленные законодательством, либо до отзыва согласия")
    else:
        purpose = ("обучение ребёнка по дополнительным общеобразовательным программам, заключение и "
                   "исполнение договоров об образовании")
        term = ("до окончания обучения ребёнка по дополнительным общеобразовательным программам "
                "у Оператора и хранения документов в сроки, установленные законодательством, либо до "
                "отзыва согласия")
    municipality = provider.municipality
    representative = doc.guardian.full_name if doc.guardian else ""
    sheet.para("В соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных "
               f"данных» я, {or_blank(representative, 40)}, являясь законным представителем "
               f"{minor(child)}, свободно, своей волей и в своём интересе, а также в интересах ребёнка "
               "даю согласие оператору персональных данных, указанному в пункте 1 (далее — Оператор), "
               "на обработку персональных данных ребёнка и моих персональных данных на следующих "
               "условиях.", first=10)
    # The operator's official name after a colon, in the nominative: «оператору — Муниципальное …
    # учреждение» put a nominative after a dative (review finding 11); it is never declined.
    sheet.para(f"1. Оператор персональных данных: {provider_requisites(provider)}.")
    sheet.para(f"2. Цель обработки: {purpose}; учёт ребёнка в системе персонифицированного "
               "финансирования дополнительного образования детей, оплата обучения средствами "
               "сертификата.")
    sheet.para(f"3. Перечень персональных данных: {DATA}.")
    sheet.para(f"4. Действия с персональными данными: {ACTIONS}.")
    sheet.para("5. Оператор вправе передавать персональные данные в региональную информационную систему "
               "(портал) персонифицированного финансирования дополнительного образования детей, "
               "региональному оператору и уполномоченной организации"
               f"{' ' + Municipality(municipality).phrase(GEN) if municipality else ''} в объёме, "
               "необходимом для целей, "
               "указанных в пункте 2.")
    sheet.para(f"6. Согласие действует {term}.")
    sheet.para("7. Согласие может быть отозвано мной в любое время письменным заявлением, направленным "
               "Оператору. После отзыва Оператор прекращает обработку и уничтожает персональные данные "
               "в срок, установленный статьёй 21 Федерального закона № 152-ФЗ, если иное не "
               "предусмотрено законом.", keep=Sheet.SIGNATURE_H)
    sheet.signature("Законный представитель", short_name(doc.guardian))
    return sheet.pages

