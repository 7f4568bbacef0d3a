"""The domain's Russian titles (statuses, directions, reasons, document kinds, printed forms …) in
the UI's language.

The domain keeps its dictionaries in Russian — the portal, the printed forms, the Excel exports and
the CLI speak Russian — and the screens show a title through ``word(context, title)``: one
translation context per dictionary, so one Russian word may read differently in two of them. Each
title is declared below for pyside6-lupdate (``QT_TRANSLATE_NOOP``); in Russian a title comes back
as it is. tests/ui/test_english_screens.py checks that every title of every dictionary listed in
``DICTIONARIES`` (and of the services' pending commands, «PendingAction») has its English.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pfdo_desktop.domain.applications import (
    ACTIONS_RU,
    APPLICATION_STATUSES_RU,
    DOCUMENT_KINDS_RU,
    END_REASONS_RU,
    REJECT_REASONS_RU,
    RELATIONS_RU,
)
from pfdo_desktop.domain.catalog import (
    CERTIFICATE_STATUSES,
    DIRECTIONS,
    MEMBERSHIP_STATUSES,
    PROGRAM_STATUSES,
    REGISTRIES,
)
from pfdo_desktop.domain.documents import FORMS_RU as PRINT_FORMS_RU
from pfdo_desktop.domain.program_card import FORMS_RU, KINDS_RU, LEVELS_RU, OVZ_RU

# context → the domain's dictionary (code → Russian title) whose titles it translates
DICTIONARIES: dict[str, dict[str, str]] = {
    "ApplicationStatus": APPLICATION_STATUSES_RU,
    "ApplicationAction": ACTIONS_RU,
    "RejectReason": REJECT_REASONS_RU,
    "EndReason": END_REASONS_RU,
    "Relation": RELATIONS_RU,
    "DocumentKind": DOCUMENT_KINDS_RU,
    "Direction": DIRECTIONS,
    "Registry": REGISTRIES,
    "CertificateStatus": CERTIFICATE_STATUSES,
    "ProgramStatus": PROGRAM_STATUSES,
    "MembershipStatus": MEMBERSHIP_STATUSES,
    "PrintForm": PRINT_FORMS_RU,
    "ProgramKind": KINDS_RU,
    "StudyForm": FORMS_RU,
    "ProgramLevel": LEVELS_RU,
    "Disability": OVZ_RU,
}


def word(context: str, title: str) -> str:
    """``title`` (a Russian title of the dictionary ``context``) in the UI's language."""
    return QCoreApplication.translate(context, title) if title else title


def title(context: str, code: str) -> str:
    """The title of ``code`` in the dictionary ``context``, in the UI's language (an unknown code
    as it is)."""
    return word(context, DICTIONARIES[context].get(code, code))


# The titles, for pyside6-lupdate (it reads only literal texts).
_DECLARED = (
    QT_TRANSLATE_NOOP("ApplicationStatus", "новая"),
    QT_TRANSLATE_NOOP("ApplicationStatus", "подтверждена"),
    QT_TRANSLATE_NOOP("ApplicationStatus", "обучается"),
    QT_TRANSLATE_NOOP("ApplicationStatus", "отклонена"),
    QT_TRANSLATE_NOOP("ApplicationStatus", "истекла"),
    QT_TRANSLATE_NOOP("ApplicationStatus", "отозвана"),
    QT_TRANSLATE_NOOP("ApplicationStatus", "отчислен"),
    QT_TRANSLATE_NOOP("ApplicationStatus", "переведён"),
    QT_TRANSLATE_NOOP("ApplicationStatus", "договор расторгнут"),
    QT_TRANSLATE_NOOP("ApplicationAction", "подтвердить"),
    QT_TRANSLATE_NOOP("ApplicationAction", "отклонить"),
    QT_TRANSLATE_NOOP("ApplicationAction", "отозвать"),
    QT_TRANSLATE_NOOP("ApplicationAction", "зачислить"),
    QT_TRANSLATE_NOOP("ApplicationAction", "отчислить"),
    QT_TRANSLATE_NOOP("ApplicationAction", "перевести в другую группу"),
    QT_TRANSLATE_NOOP("ApplicationAction", "расторгнуть по заявлению родителя"),
    QT_TRANSLATE_NOOP("RejectReason", "Нет свободных мест в группе"),
    QT_TRANSLATE_NOOP("RejectReason", "Не представлены необходимые документы"),
    QT_TRANSLATE_NOOP("RejectReason", "Нет медицинского допуска"),
    QT_TRANSLATE_NOOP("RejectReason", "Родитель (законный представитель) отказался от обучения"),
    QT_TRANSLATE_NOOP("RejectReason", "Расписание группы не подходит"),
    QT_TRANSLATE_NOOP("RejectReason", "Иная причина (указана в комментарии)"),
    QT_TRANSLATE_NOOP("EndReason", "Завершение обучения"),
    QT_TRANSLATE_NOOP("EndReason", "По заявлению родителя (законного представителя)"),
    QT_TRANSLATE_NOOP("EndReason", "Переезд"),
    QT_TRANSLATE_NOOP("EndReason", "По состоянию здоровья"),
    QT_TRANSLATE_NOOP("EndReason", "Иная причина"),
    QT_TRANSLATE_NOOP("EndReason", "Перевод в другую группу"),
    QT_TRANSLATE_NOOP("EndReason", "Расторжение договора по заявлению родителя (законного представителя)"),
    QT_TRANSLATE_NOOP("Relation", "мать"),
    QT_TRANSLATE_NOOP("Relation", "отец"),
    QT_TRANSLATE_NOOP("Relation", "опекун (попечитель)"),
    QT_TRANSLATE_NOOP("Relation", "иной законный представитель"),
    QT_TRANSLATE_NOOP("DocumentKind", "свидетельство о рождении"),
    QT_TRANSLATE_NOOP("DocumentKind", "паспорт гражданина РФ"),
    QT_TRANSLATE_NOOP("DocumentKind", "документ иностранного гражданина"),
    QT_TRANSLATE_NOOP("Direction", "техническая"),
    QT_TRANSLATE_NOOP("Direction", "естественнонаучная"),
    QT_TRANSLATE_NOOP("Direction", "физкультурно-спортивная"),
    QT_TRANSLATE_NOOP("Direction", "художественная"),
    QT_TRANSLATE_NOOP("Direction", "туристско-краеведческая"),
    QT_TRANSLATE_NOOP("Direction", "социально-гуманитарная"),
    QT_TRANSLATE_NOOP("Registry", "сертифицированные"),
    QT_TRANSLATE_NOOP("Registry", "предпрофессиональные"),
    QT_TRANSLATE_NOOP("Registry", "значимые"),
    QT_TRANSLATE_NOOP("Registry", "общеразвивающие (иные)"),
    QT_TRANSLATE_NOOP("Registry", "платные"),
    QT_TRANSLATE_NOOP("CertificateStatus", "учёт"),
    QT_TRANSLATE_NOOP("CertificateStatus", "ПФ"),
    QT_TRANSLATE_NOOP("ProgramStatus", "черновик"),
    QT_TRANSLATE_NOOP("ProgramStatus", "на модерации"),
    QT_TRANSLATE_NOOP("ProgramStatus", "опубликована"),
    QT_TRANSLATE_NOOP("ProgramStatus", "на доработке"),
    QT_TRANSLATE_NOOP("ProgramStatus", "архив"),
    QT_TRANSLATE_NOOP("MembershipStatus", "обучается"),
    QT_TRANSLATE_NOOP("MembershipStatus", "отчислен"),
    QT_TRANSLATE_NOOP("PrintForm", "Заявление о предоставлении сертификата"),
    QT_TRANSLATE_NOOP("PrintForm", "Выписка из реестра сертификатов"),
    QT_TRANSLATE_NOOP("PrintForm", "Заявление о зачислении"),
    QT_TRANSLATE_NOOP("PrintForm", "Договор об образовании (оферта)"),
    QT_TRANSLATE_NOOP("PrintForm", "Согласие на обработку персональных данных"),
    QT_TRANSLATE_NOOP("PrintForm", "Журнал посещаемости"),
    QT_TRANSLATE_NOOP("PrintForm", "Уведомление о расторжении договора"),
    QT_TRANSLATE_NOOP("PrintForm", "Счёт на оплату за месяц с приложением"),
    QT_TRANSLATE_NOOP("PrintForm", "Заявка на аванс"),
    QT_TRANSLATE_NOOP("PrintForm", "Реестр договоров за месяц"),
    QT_TRANSLATE_NOOP("PrintForm", "Отчёт о показателях за месяц"),
    QT_TRANSLATE_NOOP("ProgramKind", "общеразвивающая"),
    QT_TRANSLATE_NOOP("ProgramKind", "предпрофессиональная"),
    QT_TRANSLATE_NOOP("ProgramKind", "спортивной подготовки"),
    QT_TRANSLATE_NOOP("StudyForm", "очная"),
    QT_TRANSLATE_NOOP("StudyForm", "очно-заочная"),
    QT_TRANSLATE_NOOP("StudyForm", "заочная"),
    QT_TRANSLATE_NOOP("StudyForm", "очная с применением дистанционных технологий"),
    QT_TRANSLATE_NOOP("ProgramLevel", "стартовый"),
    QT_TRANSLATE_NOOP("ProgramLevel", "базовый"),
    QT_TRANSLATE_NOOP("ProgramLevel", "продвинутый"),
    QT_TRANSLATE_NOOP("Disability", "нарушения слуха"),
    QT_TRANSLATE_NOOP("Disability", "нарушения зрения"),
    QT_TRANSLATE_NOOP("Disability", "нарушения речи"),
    QT_TRANSLATE_NOOP("Disability", "нарушения опорно-двигательного аппарата"),
    QT_TRANSLATE_NOOP("Disability", "нарушения интеллекта"),
    QT_TRANSLATE_NOOP("Disability", "расстройства аутистического спектра"),
    QT_TRANSLATE_NOOP("Disability", "задержка психического развития"),
    # services.enrolment_rows.PENDING_TITLES_RU, through workspace_types.pending_title
    QT_TRANSLATE_NOOP("PendingAction", "новый ребёнок"),
    QT_TRANSLATE_NOOP("PendingAction", "выбор ребёнка"),
    QT_TRANSLATE_NOOP("PendingAction", "подача заявки"),
    QT_TRANSLATE_NOOP("PendingAction", "подтверждение заявки"),
    QT_TRANSLATE_NOOP("PendingAction", "отклонение заявки"),
    QT_TRANSLATE_NOOP("PendingAction", "отзыв заявки"),
    QT_TRANSLATE_NOOP("PendingAction", "зачисление"),
    QT_TRANSLATE_NOOP("PendingAction", "отчисление"),
    QT_TRANSLATE_NOOP("PendingAction", "перевод в другую группу"),
    QT_TRANSLATE_NOOP("PendingAction", "расторжение договора"),
    QT_TRANSLATE_NOOP("PendingAction", "состояние занятия"),
    QT_TRANSLATE_NOOP("PendingAction", "тема занятия"),
    QT_TRANSLATE_NOOP("PendingAction", "заявка на аванс"),
    QT_TRANSLATE_NOOP("PendingAction", "счёт за месяц"),
    QT_TRANSLATE_NOOP("PendingAction", "запрос ПФ"),
)


__all__ = ["DICTIONARIES", "title", "word"]
