"""Applications (заявки) and contracts: statuses, what may follow what, reasons, child matching.

One record carries an application and its contract (domain.md, «Enrolment»): the contract's number,
price and certificate/parent split live on the application from the portal's confirmation on.

Statuses and their contract state::

    new ──confirm──► confirmed ──enrol──► active ──expel──► expelled
     │                  │                   ├──transfer──► transferred (+ a new active application)
     │                  │                   └──terminate─► terminated (from the 1st of next month)
     ├──reject──► rejected                  (confirmed may be terminated too: the parent withdrew)
     ├──withdraw──► withdrawn ◄──withdraw── confirmed
     └──(the region's deadline)──► expired ◄── confirmed not enrolled in time

* ``new`` (новая): made by a parent on the portal, waiting for the provider's decision. An
  application the operator creates offline is decided by the portal on arrival, so it goes straight
  to ``confirmed`` or ``rejected``.
* ``confirmed`` (подтверждена): the portal checked the rulebook and **reserved** the place and the
  certificate amount atomically; the contract (оферта) is created.
* ``active`` (обучается): enrolled by an order (приказ о зачислении); the child is in the journal.
* ended: ``rejected`` (отклонена, with a reason), ``expired`` (истекла), ``withdrawn`` (отозвана),
  ``expelled`` (отчислен, with an order), ``transferred`` (переведён), ``terminated`` (договор
  расторгнут по заявлению родителя).

The client never changes a status by itself: it sends a command and shows the portal's answer.
"""

from __future__ import annotations

from pfdo_desktop.domain.said import quoted, said, term

APP_NEW = "new"
APP_CONFIRMED = "confirmed"
APP_ACTIVE = "active"
APP_REJECTED = "rejected"
APP_EXPIRED = "expired"
APP_WITHDRAWN = "withdrawn"
APP_EXPELLED = "expelled"
APP_TRANSFERRED = "transferred"
APP_TERMINATED = "terminated"

APPLICATION_STATUSES_RU: dict[str, str] = {
    APP_NEW: "новая",
    APP_CONFIRMED: "подтверждена",
    APP_ACTIVE: "обучается",
    APP_REJECTED: "отклонена",
    APP_EXPIRED: "истекла",
    APP_WITHDRAWN: "отозвана",
    APP_EXPELLED: "отчислен",
    APP_TRANSFERRED: "переведён",
    APP_TERMINATED: "договор расторгнут",
}

# The contract state shown beside the application (domain.md: создан → подтверждён → действует →
# расторгнут; отклонён).
CONTRACT_STATES_RU: dict[str, str] = {
    APP_NEW: "",
    APP_CONFIRMED: "оферта подтверждена",
    APP_ACTIVE: "действует",
    APP_REJECTED: "",
    APP_EXPIRED: "",
    APP_WITHDRAWN: "отозван",
    APP_EXPELLED: "расторгнут",
    APP_TRANSFERRED: "расторгнут (перевод)",
    APP_TERMINATED: "расторгнут",
}

# Statuses that hold a place in the group (and the certificate reserve).
PLACE_HOLDING = frozenset({APP_CONFIRMED, APP_ACTIVE})
ENDED = frozenset({APP_REJECTED, APP_EXPIRED, APP_WITHDRAWN, APP_EXPELLED, APP_TRANSFERRED,
                   APP_TERMINATED})

# Commands on an existing application → the statuses they may start from.
ACT_CONFIRM = "confirm"
ACT_REJECT = "reject"
ACT_WITHDRAW = "withdraw"
ACT_ENROL = "enrol"
ACT_EXPEL = "expel"
ACT_TRANSFER = "transfer"
ACT_TERMINATE = "terminate"
ALLOWED_FROM: dict[str, frozenset[str]] = {
    ACT_CONFIRM: frozenset({APP_NEW}),
    ACT_REJECT: frozenset({APP_NEW}),
    ACT_WITHDRAW: frozenset({APP_NEW, APP_CONFIRMED}),
    ACT_ENROL: frozenset({APP_CONFIRMED}),
    ACT_EXPEL: frozenset({APP_ACTIVE}),
    ACT_TRANSFER: frozenset({APP_ACTIVE}),
    ACT_TERMINATE: frozenset({APP_CONFIRMED, APP_ACTIVE}),
}
ACTIONS_RU: dict[str, str] = {
    ACT_CONFIRM: "подтвердить",
    ACT_REJECT: "отклонить",
    ACT_WITHDRAW: "отозвать",
    ACT_ENROL: "зачислить",
    ACT_EXPEL: "отчислить",
    ACT_TRANSFER: "перевести в другую группу",
    ACT_TERMINATE: "расторгнуть по заявлению родителя",
}


def may(action: str, status: str) -> bool:
    """May ``action`` be asked for an application in ``status``?"""
    return status in ALLOWED_FROM.get(action, frozenset())


def wrong_status_message(action: str, status: str) -> str:
    allowed = ", ".join(f"«{APPLICATION_STATUSES_RU[s]}»" for s in sorted(ALLOWED_FROM[action]))
    now = APPLICATION_STATUSES_RU.get(status, status)
    return said("application.wrong_status",
                f"Нельзя {ACTIONS_RU[action]} заявку в статусе «{now}»: это возможно только для статуса "
                f"{allowed}",
                action=term("ApplicationAction", ACTIONS_RU[action]), status=term("ApplicationStatus", now),
                allowed=tuple(quoted(term("ApplicationStatus", APPLICATION_STATUSES_RU[s]))
                              for s in sorted(ALLOWED_FROM[action])))


# Reasons a provider rejects a parent's application (the list the regional portals offer).
REJECT_REASONS_RU: dict[str, str] = {
    "no_places": "Нет свободных мест в группе",
    "documents": "Не представлены необходимые документы",
    "medical": "Нет медицинского допуска",
    "parent_refused": "Родитель (законный представитель) отказался от обучения",
    "schedule": "Расписание группы не подходит",
    "other": "Иная причина (указана в комментарии)",
}

# Reasons of an expulsion (отчисление).
EXPEL_REASONS_RU: dict[str, str] = {
    "completed": "Завершение обучения",
    "parent_request": "По заявлению родителя (законного представителя)",
    "moved": "Переезд",
    "health": "По состоянию здоровья",
    "other": "Иная причина",
}

# Why a contract ended (``application.end_reason``): an expulsion's reason, or what the portal
# records for a transfer to another group and for a parent's termination.
END_REASON_TRANSFER = "transfer"
END_REASON_TERMINATION = "parent_termination"
END_REASONS_RU: dict[str, str] = {
    **EXPEL_REASONS_RU,
    END_REASON_TRANSFER: "Перевод в другую группу",
    END_REASON_TERMINATION: "Расторжение договора по заявлению родителя (законного представителя)",
}

# How long a portal application may wait for a decision, and a confirmed one for enrolment,
# before it expires (the region sets this; the portal's setting overrides the default).
DEFAULT_EXPIRY_DAYS = 30

# Guardian's relation to the child.
RELATIONS_RU: dict[str, str] = {
    "mother": "мать",
    "father": "отец",
    "guardian": "опекун (попечитель)",
    "other": "иной законный представитель",
}

# Child documents.
DOCUMENT_KINDS_RU: dict[str, str] = {
    "birth_certificate": "свидетельство о рождении",
    "passport": "паспорт гражданина РФ",
    "foreign": "документ иностранного гражданина",
}

# What the portal answers to a new-child request (child.create).
MATCH_CREATED = "created"  # a new child and a сертификат учёта were created
MATCH_EXISTING = "existing"  # the child is already in the registry: that child is used
MATCH_AMBIGUOUS = "ambiguous"  # several children fit: the operator chooses (child.resolve)
# The child is in the registry, but this provider has no link to it (domain.privacy): nothing about
# the child is disclosed until an application carries the number of its certificate.
MATCH_REGISTERED = "registered"
MATCH_RESULTS_RU: dict[str, str] = {
    MATCH_CREATED: "создан новый ребёнок и сертификат учёта",
    MATCH_EXISTING: "ребёнок уже есть в реестре — использована его запись",
    MATCH_AMBIGUOUS: "в реестре несколько похожих детей — выберите нужного",
    MATCH_REGISTERED: "ребёнок с такими ФИО и датой рождения уже есть в реестре портала. Если это тот же "
    "ребёнок, попросите у родителя номер сертификата и укажите его в заявке (данные о ребёнке придут "
    "после заявки с этим номером); если другой — укажите его СНИЛС и отправьте запрос снова",
}
