"""Wire schemas of the sync protocol `/api/sync/v1`, shared by the desktop and the portal.

Compactness matters (rural links run at a few hundred kbit/s), so:
- master rows travel as plain dicts keyed by column name, grouped per entity;
- attendance marks carry no id: both sides derive it with ``domain.attendance.mark_id``;
- op ids are time-ordered (uuid7-like), so neighbouring ids share a prefix that gzip folds.
"""

from __future__ import annotations

import datetime as _dt
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Final, Literal, TypeVar, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    TypeAdapter,
    WrapValidator,
    field_validator,
    model_validator,
)
from pydantic import ValidationError as PydanticValidationError
from typing_extensions import TypedDict

from pfdo_desktop.domain import (
    attendance,
    certificate_periods,
    lesson_themes,
    lessons,
    payment,
    privacy,
    requisites,
    updates,
)
from pfdo_desktop.domain import enrolment as rules
from pfdo_desktop.domain.applications import APPLICATION_STATUSES_RU
from pfdo_desktop.domain.ops import (  # noqa: F401  (op kinds live in domain.ops; re-exported)
    APPLICATION_KINDS,
    CERTIFICATE_KINDS,
    CHILD_KINDS,
    COMMAND_KINDS,
    LESSON_KINDS,
    MARK_KINDS,
    MONEY_KINDS,
    OP_APP_CONFIRM,
    OP_APP_CREATE,
    OP_APP_ENROL,
    OP_APP_EXPEL,
    OP_APP_REJECT,
    OP_APP_TERMINATE,
    OP_APP_TRANSFER,
    OP_APP_WITHDRAW,
    OP_CERTIFICATE_ACTIVATE,
    OP_CHILD_CREATE,
    OP_CHILD_RESOLVE,
    OP_GROUP_SAVE,
    OP_KINDS,
    OP_LESSON_STATE,
    OP_LESSON_THEME,
    OP_MARK_CLEAR,
    OP_MARK_SET,
    OP_MONTH_ADVANCE,
    OP_MONTH_INVOICE,
    OP_PROGRAM_SUBMIT,
    PROGRAM_KINDS,
    THEME_KINDS,
    new_op_id,
    new_uid,
)
from pfdo_desktop.domain.plural import plural_ru

PROTOCOL_VERSION = 1
API_PREFIX = "/api/sync/v1"
MAX_OPS_PER_PUSH = 500
DEFAULT_PULL_LIMIT = 5000
MAX_PULL_LIMIT = 5000

HEADER_CLIENT_VERSION = "X-PFDO-Client-Version"
HEADER_PROTOCOL = "X-PFDO-Protocol"

Stream = Literal["master", "own"]
STREAMS: tuple[Stream, ...] = ("master", "own")

# Entities of each stream, parents before children: a pulled page is applied in this order.
MASTER_ENTITIES = (
    "provider",
    "program",
    "module",
    "group",
    "schedule_slot",
    "child",
    "guardian",
    "certificate",
    "membership",
    "application",  # keyed by its uid (text); carries the contract
    "period",  # a municipality's certificate period: nominal and ПФ quota (issue 17 §1)
)
# Master entities whose id is text (a client-made uid), not an integer.
TEXT_ID_ENTITIES = frozenset({"application"})
# lesson_state: a lesson not held as planned; invoice: the provider's advance requests and invoices
# with their statuses (issue 12); lesson_theme: a lesson's theme, the КТП (issue 16)
OWN_ENTITIES = ("mark", "lesson_state", "invoice", "lesson_theme")

# Kinds of push operations and op ids live in domain.ops (services queue ops without importing sync).

# Per-op result statuses: the one definition (the portal answers with them, the PC reads them).
OpStatus = Literal["applied", "duplicate", "rejected", "conflict", "held"]
APPLIED: Final = "applied"  # stored
DUPLICATE: Final = "duplicate"  # the portal already had exactly this
REJECTED: Final = "rejected"  # refused with a code; never retried automatically
CONFLICT: Final = "conflict"  # the portal holds a later edit (a mark) or needs a choice (a child)
HELD: Final = "held"  # accepted, waiting for a decision
OP_STATUSES: tuple[OpStatus, ...] = get_args(OpStatus)
assert OP_STATUSES == (APPLIED, DUPLICATE, REJECTED, CONFLICT, HELD)

# Rejection codes for attendance ops (the client shows REJECTION_TEXT_RU beside them).
R_FORBIDDEN = "forbidden"
R_UNKNOWN_GROUP = "unknown_group"
# The rules both sides apply (domain.attendance.mark_refusal) refuse with these.
R_NOT_MEMBER = attendance.R_NOT_MEMBER
R_OUTSIDE_GROUP_DATES = attendance.R_OUTSIDE_GROUP_DATES
R_NO_LESSON = attendance.R_NO_LESSON
R_MONTH_LOCKED = attendance.R_MONTH_LOCKED
R_INVALID = attendance.R_INVALID
# Lesson states (issue 12, domain.lessons.state_refusal; a mark on such a lesson: mark_refusal).
R_MOVED_TO_TAKEN = lessons.R_MOVED_TO_TAKEN
R_LESSON_MARKED = lessons.R_LESSON_MARKED
R_LESSON_CANCELLED = attendance.R_LESSON_CANCELLED
R_LESSON_MOVED = attendance.R_LESSON_MOVED
R_UNKNOWN_KIND = "unknown_kind"
# Rejection codes of commands (enrolment refusals use the rulebook's codes, domain.enrolment.R_*).
R_UNKNOWN_CHILD = "unknown_child"
R_CHILD_UNRESOLVED = "child_unresolved"
R_UNKNOWN_APPLICATION = "unknown_application"
R_WRONG_STATUS = "wrong_status"
R_BALANCE_CHANGED = "balance_changed"
R_ALREADY_EXISTS = "already_exists"
R_UNDER_MODERATION = "under_moderation"
R_CARD_CHANGED = "card_changed"
R_UNKNOWN_PROGRAM = "unknown_program"
R_UNKNOWN_MODULE = "unknown_module"
# The monthly money (month.advance / month.invoice, issue 12).
R_FIGURES_DIFFER = "figures_differ"  # the portal's figures differ: field_errors per contract
R_ALREADY_INVOICED = "already_invoiced"  # the month already has a standing document of the kind
R_TOO_EARLY = payment.R_TOO_EARLY  # the rule: payment.document_refusal
R_TOO_LATE = payment.R_TOO_LATE  # an advance after its month, or after the month's invoice
# The certificate number of application.create (issue 10 §1; the rule: domain.privacy).
R_CERTIFICATE_REQUIRED = privacy.R_CERTIFICATE_REQUIRED
R_CERTIFICATE_MISMATCH = privacy.R_CERTIFICATE_MISMATCH
R_TOO_MANY_ATTEMPTS = privacy.R_TOO_MANY_ATTEMPTS
# certificate.activate (issue 17 §1; the rule: domain.certificate_periods.activation_refusal).
R_ALREADY_PF = certificate_periods.R_ALREADY_PF
R_NO_PERIOD = certificate_periods.R_NO_PERIOD
R_QUOTA_EXHAUSTED = certificate_periods.R_QUOTA_EXHAUSTED
R_NO_CERTIFICATE = "no_certificate"

# Why the portal refused an op (the portal sends this as the result's message) …
REJECTION_TEXT_RU = {
    R_FORBIDDEN: "Группа принадлежит другой организации.",
    R_UNKNOWN_GROUP: "Портал не знает такую группу: она удалена или ещё не опубликована.",
    R_NOT_MEMBER: "Ребёнок не числится в группе на дату занятия.",
    R_OUTSIDE_GROUP_DATES: "Дата занятия вне сроков работы группы.",
    R_MONTH_LOCKED: "Месяц закрыт: по нему уже выставлен счёт, изменения посещаемости не принимаются.",
    R_INVALID: "Портал счёл данные неверными.",
    R_UNKNOWN_KIND: "Портал не поддерживает этот вид изменения.",
    R_UNKNOWN_CHILD: "Портал не знает такого ребёнка.",
    R_CHILD_UNRESOLVED: "Ребёнок ещё не определён в реестре: портал нашёл несколько похожих детей "
    "или запрос на нового ребёнка отклонён.",
    R_UNKNOWN_APPLICATION: "Портал не знает такой заявки.",
    R_WRONG_STATUS: "Статус заявки на портале не допускает это действие.",
    R_BALANCE_CHANGED: "Остаток сертификата изменился: сертификат оплатит меньше, чем было рассчитано.",
    R_ALREADY_EXISTS: "Запись с таким идентификатором уже есть на портале.",
    R_UNDER_MODERATION: "Карточка программы на модерации: менять её нельзя, пока модератор не решит.",
    R_CARD_CHANGED: "Карточка программы изменилась на портале после того, как вы начали правку.",
    R_UNKNOWN_PROGRAM: "Портал не знает такую программу.",
    R_UNKNOWN_MODULE: "Портал не знает такой модуль программы.",
    R_FIGURES_DIFFER: "Цифры документа не сходятся с расчётом портала.",
    R_ALREADY_INVOICED: "За этот месяц такой документ уже отправлен на портал.",
    R_NO_CERTIFICATE: "У ребёнка нет сертификата в реестре.",
    **certificate_periods.TEXT_RU,
    **payment.TEXT_RU,
    **rules.REFUSAL_TEXT_RU,
    **privacy.TEXT_RU,
    **attendance.TEXT_RU,
    **lessons.TEXT_RU,
}

# … and what the operator can do about it (the client shows this beside the reason).
REJECTION_ADVICE_RU = {
    R_FORBIDDEN: "Проверьте, что этот ПК подключён к вашей организации; отметку с него отправить нельзя.",
    R_UNKNOWN_GROUP: "Синхронизируйте ещё раз; если ошибка останется — обратитесь к оператору портала.",
    R_NOT_MEMBER: "Проверьте на портале даты зачисления и отчисления ребёнка. Если ребёнок занимался, "
    "попросите исправить даты и поставьте отметку снова.",
    R_OUTSIDE_GROUP_DATES: "Проверьте дату: отметки ставятся только в сроки работы группы.",
    R_MONTH_LOCKED: "В журнале восстановлено значение, по которому выставлен счёт. Если ваша "
    "отметка верна — обратитесь в уполномоченную организацию, чтобы исправить счёт.",
    R_INVALID: "Исправьте отметку и поставьте её снова; подробности — в причине.",
    R_UNKNOWN_KIND: "Установите обновление PFDO Desktop.",
    R_UNKNOWN_CHILD: "Синхронизируйте ещё раз; если ошибка останется — проверьте ребёнка на портале.",
    R_CHILD_UNRESOLVED: "Откройте «Требует внимания», выберите нужного ребёнка из найденных порталом "
    "и подайте заявку снова.",
    R_UNKNOWN_APPLICATION: "Синхронизируйте ещё раз; если заявка не появится — создайте её заново.",
    R_WRONG_STATUS: "Посмотрите текущий статус заявки (его прислал портал) и выберите допустимое действие.",
    R_BALANCE_CHANGED: "Сообщите родителю новую сумму доплаты (её показывает заявка) и подайте заявку "
    "снова, если родитель согласен.",
    R_ALREADY_EXISTS: "Синхронизируйте ещё раз; это повтор уже принятой записи.",
    R_UNDER_MODERATION: "Дождитесь решения модератора (оно придёт при синхронизации), затем правьте.",
    R_CARD_CHANGED: "Ваш черновик сохранён. Откройте карточку: сверьте черновик с версией портала, "
    "перенесите нужные правки и отправьте снова.",
    R_UNKNOWN_PROGRAM: "Синхронизируйте ещё раз; если программа не появится — обратитесь к оператору "
    "портала.",
    R_UNKNOWN_MODULE: "Синхронизируйте ещё раз; если модуль не появится — обратитесь к оператору портала.",
    R_FIGURES_DIFFER: "Синхронизируйте, проверьте названные договоры (отметки, занятия, даты договоров) и "
    "отправьте документ снова.",
    R_ALREADY_INVOICED: "Откройте отправленный документ (его прислал портал); новый можно отправить, только "
    "если тот вернут.",
    R_NO_CERTIFICATE: "Сначала нужен сертификат учёта: отправьте запрос «Новый ребёнок» с заявлением "
    "родителя о сертификате.",
    **certificate_periods.ADVICE_RU,
    **payment.ADVICE_RU,
    **rules.REFUSAL_ADVICE_RU,
    **privacy.ADVICE_RU,
    **attendance.ADVICE_RU,
    **lessons.ADVICE_RU,
}


# Commands on applications meet some codes in another sense than marks do: the text and advice
# shown for them (``rejection_text`` / ``rejection_advice`` pick by the op's kind).
COMMAND_REJECTION_TEXT_RU = {
    R_MONTH_LOCKED: "Месяц закрыт: за него уже выставлен счёт, а действие меняет оплаченные дни обучения.",
}
COMMAND_REJECTION_ADVICE_RU = {
    R_MONTH_LOCKED: "Поставьте дату в открытом месяце (портал подсказывает самую раннюю возможную). Если "
    "дата верна — обратитесь в уполномоченную организацию, чтобы исправить счёт.",
}


# A lesson's theme (issue 16) refused: what to do differs from a mark's advice.
THEME_REJECTION_ADVICE_RU = {
    R_FORBIDDEN: "Проверьте, что этот ПК подключён к вашей организации; тему с него задать нельзя.",
    R_OUTSIDE_GROUP_DATES: "Даты группы на портале изменились: в журнале восстановлена тема портала. "
    "Синхронизируйте и задайте тему занятию в датах группы.",
    R_NO_LESSON: "Расписание группы на портале изменилось: в журнале восстановлена тема портала. "
    "Синхронизируйте и задайте тему занятию из расписания.",
    R_INVALID: f"Сократите тему до {lesson_themes.THEME_MAX} символов и задайте её снова.",
}


def rejection_text(kind: str, code: str) -> str:
    """The general reason for a refusal of an op of ``kind`` (marks and commands differ)."""
    if kind in COMMAND_KINDS and code in COMMAND_REJECTION_TEXT_RU:
        return COMMAND_REJECTION_TEXT_RU[code]
    return REJECTION_TEXT_RU.get(code, "")


def rejection_advice(kind: str, code: str) -> str:
    """What the operator can do about a refusal of an op of ``kind``."""
    if kind in COMMAND_KINDS and code in COMMAND_REJECTION_ADVICE_RU:
        return COMMAND_REJECTION_ADVICE_RU[code]
    if kind in THEME_KINDS and code in THEME_REJECTION_ADVICE_RU:
        return THEME_REJECTION_ADVICE_RU[code]
    return REJECTION_ADVICE_RU.get(code, "Исправьте данные и повторите.")


class WireModel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


def _iso(value: datetime) -> str:
    return value.isoformat()


# The time of an edit as a PC sends it (ISO 8601 with its offset, «2026-12-07T09:00:30+00:00»).
WireTime = Annotated[datetime, PlainSerializer(_iso, return_type=str, when_used="json")]


# --- enrolment ---------------------------------------------------------------------------------


class EnrolRequest(WireModel):
    code: str = Field(min_length=4, max_length=64)
    db_uuid: str = Field(min_length=8, max_length=64)
    app_version: str = Field(max_length=32)
    # The provider this PC's database already belongs to (a re-enrolment): a code of another
    # provider is refused with 409 ``code_other_provider`` before anything is spent. None: any.
    expected_provider_id: int | None = None


class EnrolResponse(WireModel):
    device_id: str
    token: str
    provider_id: int
    provider_name: str
    # The portal's identity (as in /info): the PC keeps it and refuses another portal. None: an
    # older portal that has none.
    portal_id: str | None = Field(default=None, max_length=64)


# --- info --------------------------------------------------------------------------------------


class ClientRelease(WireModel):
    """The PFDO Desktop release the portal publishes (``pfdo-portal publish-client``): the PC
    shows «Доступна версия X.Y» with the notes; nothing is downloaded before the operator asks,
    and the file is checked against ``sha256`` before the OS opens it (issue 14 §5)."""

    version: str = Field(pattern=updates.VERSION_PATTERN, max_length=64)
    url: str = Field(pattern=r"^https?://\S+$", max_length=updates.MAX_URL)
    sha256: str = Field(pattern=updates.SHA256_PATTERN)
    notes: str = Field(default="", max_length=updates.MAX_NOTES)


def _release_or_none(value: Any, handler: Any) -> Any:
    """A published release this PC cannot read (a portal's mistake) is no reason to stop a sync:
    it is read as none."""
    try:
        return handler(value)
    except PydanticValidationError:
        return None


class InfoResponse(WireModel):
    server_time: datetime
    protocol_min: int
    protocol_max: int
    min_client_version: str
    max_ops_per_push: int
    max_pull_limit: int
    portal_name: str
    # The region's price cap over a module's normative cost (decimal text, «1.2»); None: no cap.
    price_cap_ratio: str | None = None
    # The portal's identity: a UUID it made once and keeps, also at a new address. A PC enrolled
    # with one portal refuses to enrol into or sync with another. None: an older portal.
    portal_id: str | None = Field(default=None, max_length=64)
    # The current PFDO Desktop release and where to get it (additive: an older PC ignores it).
    # None: the portal publishes none.
    latest_client: Annotated[ClientRelease | None, WrapValidator(_release_or_none)] = None


# --- push --------------------------------------------------------------------------------------


class _MarkCell(WireModel):
    """What every mark op carries: the cell and when and by whom the edit was made."""

    group_id: int
    child_id: int
    lesson_date: date
    changed_at: WireTime  # when the edit was made, on the portal's clock (docs: «Time of an edit»), UTC
    changed_by: str = Field(default="", max_length=64)  # operator login, never a child's data


class MarkSetPayload(_MarkCell):
    """``mark.set``: the cell gets ``code`` (1..4: ``domain.attendance`` says which codes exist)."""

    code: int


class MarkClearPayload(_MarkCell):
    """``mark.clear``: the cell loses its mark (a ``code`` sent along is ignored)."""


class LessonStatePayload(WireModel):
    """``lesson.state`` (issue 12): the state of the group's lesson on ``lesson_date`` —
    ``held`` (the default, also «back to held»), ``cancelled_by_provider`` (with the reason) or
    ``moved`` (to ``moved_to``, which then holds it). ``domain.lessons.state_refusal`` decides;
    the later edit wins, as for marks."""

    group_id: int
    lesson_date: date
    state: Literal["held", "cancelled_by_provider", "moved"]
    moved_to: date | None = None
    reason: str = Field(default="", max_length=lessons.REASON_MAX)
    changed_at: WireTime
    changed_by: str = Field(default="", max_length=64)


class LessonThemePayload(WireModel):
    """``lesson.theme`` (issue 16): the theme of the group's lesson on ``lesson_date`` (the КТП),
    spaces around it removed; empty clears it. ``domain.lesson_themes.theme_refusal`` decides; the
    later edit wins, as for marks."""

    group_id: int
    lesson_date: date
    theme: str = Field(default="", max_length=lesson_themes.THEME_MAX)
    changed_at: WireTime
    changed_by: str = Field(default="", max_length=64)

    @field_validator("theme")
    @classmethod
    def _stripped(cls, value: str) -> str:
        return lesson_themes.normal_theme(value)


# --- commands (child and application ops) ------------------------------------------------------
# Each command carries the record's client-made ``uid``. The result's ``server_record`` is the
# portal's record after the command (an ``application`` row, or a ``ChildMatch``), also for a
# rejection, so the PC shows the portal's state at once.


class GuardianPayload(WireModel):
    last_name: str = Field(min_length=1, max_length=100)
    first_name: str = Field(min_length=1, max_length=100)
    middle_name: str = Field(default="", max_length=100)
    relation: str = Field(default="mother", max_length=16)  # domain.applications.RELATIONS_RU
    phone: str = Field(default="", max_length=16)  # +7XXXXXXXXXX
    email: str = Field(default="", max_length=254)


class ChildCreatePayload(WireModel):
    """child.create: a new child and a certificate request. The portal matches on ФИО + date of
    birth (+ СНИЛС) and answers created / existing / ambiguous (``ChildMatch`` as server_record)."""

    uid: str = Field(min_length=8, max_length=40)
    last_name: str = Field(min_length=1, max_length=100)
    first_name: str = Field(min_length=1, max_length=100)
    middle_name: str = Field(default="", max_length=100)
    birth_date: date
    snils: str = Field(default="", max_length=14)  # «XXX-XXX-XXX YY» or empty
    doc_kind: str = Field(default="", max_length=24)  # domain.applications.DOCUMENT_KINDS_RU
    doc_number: str = Field(default="", max_length=40)
    certificate_number: str = Field(default="", max_length=10)  # known from a roster, else empty
    guardian: GuardianPayload | None = None
    request_certificate: bool = True


class ChildResolvePayload(WireModel):
    """child.resolve: after «ambiguous», the operator picks ``child_id`` or asks for a new child."""

    uid: str = Field(min_length=8, max_length=40)  # the child.create uid
    child_id: int | None = None  # None: none of the candidates, create a new child


class ChildCandidate(WireModel):
    child_id: int
    last_name: str
    first_name: str
    middle_name: str = ""
    birth_date: date
    snils_tail: str = ""  # the last 4 digits only («…-123 45» → «2345»)
    certificate_number: str = ""
    municipality: str = ""


class ChildMatch(WireModel):
    """The server_record of child.create / child.resolve. «registered»: the child is in the registry
    but the provider has no link to it (domain.privacy) — no child id, no number, no candidates."""

    uid: str
    outcome: Literal["created", "existing", "ambiguous", "registered"]
    child_id: int | None = None
    certificate_number: str = ""
    candidates: list[ChildCandidate] = Field(default_factory=list)


class ApplicationCreatePayload(WireModel):
    """application.create: the portal decides at once (confirmed with the reservation, or rejected
    with the rulebook's reason). ``expected_certificate_part`` is what the PC showed the parent: if
    the portal's certificate part is lower (the balance was spent meanwhile) it refuses with
    ``balance_changed`` rather than surprise the parent with a bigger co-payment."""

    uid: str = Field(min_length=8, max_length=40)
    child_id: int | None = None  # a child the portal knows …
    child_uid: str | None = Field(default=None, max_length=40)  # … or one from a child.create
    group_id: int
    start_date: date
    expected_certificate_part: str | None = None  # decimal roubles as text
    created_at: WireTime
    # The number of the child's certificate from the parent's application (10 digits as text):
    # required for a certified programme and for a child the provider has no link to; when given
    # it must match (domain.privacy, rule 3).
    certificate_number: str | None = Field(default=None, max_length=20)


class ApplicationConfirmPayload(WireModel):
    uid: str = Field(min_length=8, max_length=40)
    expected_certificate_part: str | None = None


class ApplicationRejectPayload(WireModel):
    uid: str = Field(min_length=8, max_length=40)
    reason: str = Field(max_length=32)  # domain.applications.REJECT_REASONS_RU
    comment: str = Field(default="", max_length=500)


class ApplicationWithdrawPayload(WireModel):
    uid: str = Field(min_length=8, max_length=40)
    comment: str = Field(default="", max_length=500)


class ApplicationEnrolPayload(WireModel):
    uid: str = Field(min_length=8, max_length=40)
    order_number: str = Field(min_length=1, max_length=40)
    order_date: date
    date_from: date  # the first day in the group (the contract start)


class ApplicationExpelPayload(WireModel):
    uid: str = Field(min_length=8, max_length=40)
    order_number: str = Field(min_length=1, max_length=40)
    order_date: date
    date_to: date  # the last day in the group
    reason: str = Field(default="other", max_length=32)  # domain.applications.EXPEL_REASONS_RU


class ApplicationTransferPayload(WireModel):
    """Expel from the old group on ``date - 1`` and enrol into ``to_group_id`` from ``date`` as a new
    application ``new_uid`` (checked by the rulebook for the new group)."""

    uid: str = Field(min_length=8, max_length=40)
    new_uid: str = Field(min_length=8, max_length=40)
    to_group_id: int
    date: date
    order_number: str = Field(min_length=1, max_length=40)
    order_date: _dt.date  # spelled so: inside this class «date» is the field above


class ApplicationTerminatePayload(WireModel):
    """A parent's termination: effective from the 1st day of the month after ``request_date``."""

    uid: str = Field(min_length=8, max_length=40)
    request_date: date


# --- programme cards and groups (issue 4) -------------------------------------------------------
# Wire rows: «program» gains annotation, duration_weeks, ovz (list of codes), medical_certificate,
# addresses (list), teachers (list), revision (int, +1 on every publication), moderation_comment;
# «group» gains explicit_dates (list of ISO dates; a schedule by dates instead of weekly slots).


class SlotPayload(WireModel):
    weekday: int = Field(ge=1, le=7)
    time_from: str = Field(pattern=r"^\d{2}:\d{2}$")
    time_to: str = Field(pattern=r"^\d{2}:\d{2}$")
    room: str = Field(default="", max_length=60)


class GroupPayload(WireModel):
    """A group with its schedule, as a card carries it and as ``group.save`` sends it."""

    id: int | None = None  # the portal's id; None: a new group
    uid: str = Field(default="", max_length=40)  # a new group's client-made id
    module_id: int | None = None  # group.save: the module; inside a card: the module it sits in
    name: str = Field(min_length=1, max_length=200)
    date_from: date
    date_to: date
    capacity: int = Field(ge=1)
    teacher: str = Field(default="", max_length=200)
    slots: list[SlotPayload] = Field(default_factory=list)
    explicit_dates: list[date] = Field(default_factory=list)


class ModulePayload(WireModel):
    id: int | None = None
    name: str = Field(min_length=1, max_length=300)
    hours: int
    min_children: int
    max_children: int
    price: str  # decimal roubles as text
    normative_price: str


class CardPayload(WireModel):
    """The whole card as the editor holds it (ages in months on the wire)."""

    name: str = Field(min_length=1, max_length=400)
    short_name: str = Field(default="", max_length=120)
    annotation: str = Field(default="", max_length=4000)
    direction: str
    kind: str = ""
    form: str = ""
    level: str = ""
    registry: str
    age_from_months: int
    age_to_months: int
    duration_weeks: int
    ovz: list[str] = Field(default_factory=list)
    medical_certificate: bool = False
    addresses: list[str] = Field(default_factory=list)
    teachers: list[str] = Field(default_factory=list)
    modules: list[ModulePayload] = Field(default_factory=list)


class ProgramSubmitPayload(WireModel):
    """program.submit: a new card (``program_id`` None) or a new revision of a published/returned
    one, to moderation. ``base_revision`` is the revision the draft was started from: the portal
    refuses (``conflict``, with its current card) when the card changed there meanwhile."""

    uid: str = Field(min_length=8, max_length=40)  # the draft's id
    program_id: int | None = None
    base_revision: int = 0
    card: CardPayload


class GroupSavePayload(WireModel):
    """group.save: create or change a group and its schedule (validated, applied at once)."""

    uid: str = Field(min_length=8, max_length=40)
    group: GroupPayload


# --- the monthly money (issue 12, docs/payment.md) ------------------------------------------------
# The provider's figures as the PC computed them with domain.payment_month; the portal recomputes
# them from its own data and accepts only when they agree to the kopeck.

MoneyText = Annotated[Decimal, Field(max_digits=14, decimal_places=2)]


def _month_text(value: str) -> str:
    payment.parse_month(value)  # «ГГГГ-ММ», else a ValueError with the Russian message
    return value


MonthText = Annotated[str, Field(min_length=7, max_length=7), AfterValidator(_month_text)]


class _ContractRef(WireModel):
    contract_id: str = Field(min_length=1, max_length=40)  # the application's uid
    contract_number: str = Field(min_length=1, max_length=16)
    contract_date: date
    certificate_number: str = Field(default="", max_length=10)


class AdvanceLinePayload(_ContractRef):
    """A contract in force in the month and its certificate monthly amount."""

    amount: MoneyText = Field(ge=0)


class InvoiceLinePayload(_ContractRef):
    """A line of the annex: the printed k (объём оказания услуги, %) and what the certificate pays."""

    k: Annotated[Decimal, Field(ge=0, le=100, max_digits=5, decimal_places=2)]
    amount: MoneyText = Field(ge=0)


class CorrectionLinePayload(_ContractRef):
    """A «корректировка»: ± sum for the contract's earlier, closed month ``month``."""

    month: MonthText
    amount: MoneyText
    reason: str = Field(default="", max_length=200)


class MonthAdvancePayload(WireModel):
    """``month.advance``: the advance request for ``month`` (``payment_month.build_advance``)."""

    uid: str = Field(min_length=8, max_length=40)
    month: MonthText
    payer: str = Field(min_length=1, max_length=200)
    percent: Annotated[Decimal, Field(ge=0, le=80, max_digits=5, decimal_places=2)]
    base: MoneyText = Field(ge=0)  # Σ certificate monthly amounts
    amount: MoneyText = Field(ge=0)
    lines: list[AdvanceLinePayload] = Field(default_factory=list, max_length=20000)


class MonthInvoicePayload(WireModel):
    """``month.invoice``: the invoice for ``month`` with its annex (``payment_month.build_invoice``)."""

    uid: str = Field(min_length=8, max_length=40)
    month: MonthText
    payer: str = Field(min_length=1, max_length=200)
    lines: list[InvoiceLinePayload] = Field(default_factory=list, max_length=20000)
    corrections: list[CorrectionLinePayload] = Field(default_factory=list, max_length=20000)
    total: MoneyText
    advance: MoneyText = Field(ge=0)
    to_pay: MoneyText = Field(ge=0)


class CertificateActivatePayload(WireModel):
    """certificate.activate (issue 17 §1): a child's parent applied for ПФ status at the school. The
    portal decides under the municipality's quota (first come, first served); ``server_record`` is
    the certificate after it (``CertificateRecord``), also on a refusal."""

    uid: str = Field(min_length=8, max_length=40)
    child_id: int
    certificate_number: str = Field(default="", max_length=10)  # the number the PC shows (a check)
    application_date: date  # the parent's application (заявление)


# --- typed ops: one model per kind, a union keyed by ``kind`` ----------------------------------
# The PC builds these (services construct the payloads, the outbox stores their JSON); the envelope
# of a push (``PushRequest.ops``) stays raw items (``Op``), so that one op that does not fit is
# refused on its own: ``parse_op`` reads one item with the union.


class _TypedOp(WireModel):
    op_id: str = Field(min_length=8, max_length=40)
    kind: str
    payload: WireModel


class MarkSetOp(_TypedOp):
    kind: Literal["mark.set"] = "mark.set"
    payload: MarkSetPayload


class MarkClearOp(_TypedOp):
    kind: Literal["mark.clear"] = "mark.clear"
    payload: MarkClearPayload


class LessonStateOp(_TypedOp):
    kind: Literal["lesson.state"] = "lesson.state"
    payload: LessonStatePayload


class LessonThemeOp(_TypedOp):
    kind: Literal["lesson.theme"] = "lesson.theme"
    payload: LessonThemePayload


class ChildCreateOp(_TypedOp):
    kind: Literal["child.create"] = "child.create"
    payload: ChildCreatePayload


class ChildResolveOp(_TypedOp):
    kind: Literal["child.resolve"] = "child.resolve"
    payload: ChildResolvePayload


class ApplicationCreateOp(_TypedOp):
    kind: Literal["application.create"] = "application.create"
    payload: ApplicationCreatePayload


class ApplicationConfirmOp(_TypedOp):
    kind: Literal["application.confirm"] = "application.confirm"
    payload: ApplicationConfirmPayload


class ApplicationRejectOp(_TypedOp):
    kind: Literal["application.reject"] = "application.reject"
    payload: ApplicationRejectPayload


class ApplicationWithdrawOp(_TypedOp):
    kind: Literal["application.withdraw"] = "application.withdraw"
    payload: ApplicationWithdrawPayload


class ApplicationEnrolOp(_TypedOp):
    kind: Literal["application.enrol"] = "application.enrol"
    payload: ApplicationEnrolPayload


class ApplicationExpelOp(_TypedOp):
    kind: Literal["application.expel"] = "application.expel"
    payload: ApplicationExpelPayload


class ApplicationTransferOp(_TypedOp):
    kind: Literal["application.transfer"] = "application.transfer"
    payload: ApplicationTransferPayload


class ApplicationTerminateOp(_TypedOp):
    kind: Literal["application.terminate"] = "application.terminate"
    payload: ApplicationTerminatePayload


class ProgramSubmitOp(_TypedOp):
    kind: Literal["program.submit"] = "program.submit"
    payload: ProgramSubmitPayload


class GroupSaveOp(_TypedOp):
    kind: Literal["group.save"] = "group.save"
    payload: GroupSavePayload


class MonthAdvanceOp(_TypedOp):
    kind: Literal["month.advance"] = "month.advance"
    payload: MonthAdvancePayload


class MonthInvoiceOp(_TypedOp):
    kind: Literal["month.invoice"] = "month.invoice"
    payload: MonthInvoicePayload


class CertificateActivateOp(_TypedOp):
    kind: Literal["certificate.activate"] = "certificate.activate"
    payload: CertificateActivatePayload


TypedOp = Annotated[
    MarkSetOp | MarkClearOp | LessonStateOp | LessonThemeOp | ChildCreateOp | ChildResolveOp
    | ApplicationCreateOp | ApplicationConfirmOp | ApplicationRejectOp | ApplicationWithdrawOp
    | ApplicationEnrolOp | ApplicationExpelOp | ApplicationTransferOp | ApplicationTerminateOp
    | ProgramSubmitOp | GroupSaveOp | MonthAdvanceOp | MonthInvoiceOp | CertificateActivateOp,
    Field(discriminator="kind"),
]
# The payload of some kind (what a service builds and the outbox stores).
OpPayload = (MarkSetPayload | MarkClearPayload | LessonStatePayload | LessonThemePayload | ChildCreatePayload
             | ChildResolvePayload
             | ApplicationCreatePayload | ApplicationConfirmPayload | ApplicationRejectPayload
             | ApplicationWithdrawPayload | ApplicationEnrolPayload | ApplicationExpelPayload
             | ApplicationTransferPayload | ApplicationTerminatePayload | ProgramSubmitPayload
             | GroupSavePayload | MonthAdvancePayload | MonthInvoicePayload | CertificateActivatePayload)
TYPED_OP: TypeAdapter[TypedOp] = TypeAdapter(TypedOp)

# kind → its op model and its payload model (derived from the union: one place says each pair).
OP_MODELS: dict[str, type[_TypedOp]] = {
    get_args(cls.model_fields["kind"].annotation)[0]: cls for cls in get_args(get_args(TypedOp)[0])
}
OP_PAYLOADS: dict[str, type[WireModel]] = {
    kind: cls.model_fields["payload"].annotation for kind, cls in OP_MODELS.items()  # type: ignore[misc]
}
PAYLOAD_KINDS: dict[type[WireModel], str] = {payload: kind for kind, payload in OP_PAYLOADS.items()}
assert set(OP_MODELS) == set(OP_KINDS) and len(PAYLOAD_KINDS) == len(OP_KINDS)
# The commands' payloads.
COMMAND_PAYLOADS: dict[str, type[WireModel]] = {kind: OP_PAYLOADS[kind] for kind in COMMAND_KINDS}


class UnknownOpKind(ValueError):
    """An op of a kind this protocol does not know (the portal answers ``unknown_kind``)."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"unknown op kind {kind[:40]!r}")
        self.kind = kind


def kind_of(payload: OpPayload) -> str:
    """The op kind a payload is sent as (each payload model belongs to exactly one kind)."""
    return PAYLOAD_KINDS[type(payload)]


def read_payload(kind: str, payload: Any) -> OpPayload:
    """A payload of ``kind`` (from the wire or from the PC's outbox) as its model.

    Raises ``UnknownOpKind``, or pydantic's ``ValidationError`` whose error locations are the
    payload's own field paths (``group_id``, ``card.modules.0.hours``) — the keys of an
    ``invalid`` refusal's ``field_errors``."""
    model = OP_PAYLOADS.get(kind)
    if model is None:
        raise UnknownOpKind(kind)
    return model.model_validate(payload)  # type: ignore[return-value]


def parse_op(op: Op) -> TypedOp:
    """One item of a push as its typed op: the portal's reader, op by op, so that an item that
    does not fit is refused alone. Raises ``UnknownOpKind`` or ``ValidationError`` (locations
    relative to the payload, see ``read_payload``)."""
    payload = read_payload(op.kind, op.payload)
    return OP_MODELS[op.kind](op_id=op.op_id, kind=op.kind, payload=payload)  # type: ignore[return-value]


def typed_op(op_id: str, payload: OpPayload) -> TypedOp:
    """The op that sends ``payload`` under ``op_id``."""
    kind = kind_of(payload)
    return OP_MODELS[kind](op_id=op_id, kind=kind, payload=payload)  # type: ignore[return-value]


def wire_op(op: TypedOp) -> Op:
    """A typed op as an item of a push (the envelope keeps its items raw: ``PushRequest``)."""
    return Op(op_id=op.op_id, kind=op.kind, payload=payload_json(op.payload))


def payload_json(payload: OpPayload) -> dict[str, Any]:
    """A payload as JSON values: what the outbox stores and the wire carries."""
    return payload.model_dump(mode="json")


# --- field names for the operator ---------------------------------------------------------------
# The Russian names of the payload fields and of the card rulebook's paths, by the record they sit
# in. The summary of an «invalid» refusal names fields with them («Модуль 1, количество часов — …»);
# the wire paths (``card.modules.0.hours``) stay the keys of ``field_errors``.

FIELD_TITLES_RU: dict[str, dict[str, str]] = {
    # A command's own fields (marks, children, applications, programme cards), and the card's: the
    # rulebook names a card's fields without «card.».
    "command": {
        "payload": "данные команды",
        "uid": "идентификатор записи",
        "new_uid": "идентификатор новой заявки",
        "group_id": "группа",
        "child_id": "ребёнок",
        "lesson_date": "дата занятия",
        "state": "состояние занятия",
        "moved_to": "дата переноса",
        "theme": "тема занятия",
        "code": "отметка",
        "changed_at": "время изменения",
        "changed_by": "оператор",
        "last_name": "фамилия",
        "first_name": "имя",
        "middle_name": "отчество",
        "birth_date": "дата рождения",
        "snils": "СНИЛС",
        "doc_kind": "вид документа",
        "doc_number": "номер документа",
        "certificate_number": "номер сертификата",
        "guardian": "родитель",
        "request_certificate": "запрос сертификата",
        "child_uid": "запрос «Новый ребёнок»",
        "to_group_id": "новая группа",
        "start_date": "дата начала обучения",
        "expected_certificate_part": "сумма сертификата",
        "created_at": "время создания",
        "reason": "причина",
        "comment": "комментарий",
        "order_number": "номер приказа",
        "order_date": "дата приказа",
        "date_from": "дата зачисления",
        "date_to": "дата отчисления",
        "date": "дата перевода",
        "request_date": "дата заявления",
        "application_date": "дата заявления родителя",
        "program_id": "программа",
        "base_revision": "версия карточки",
        "card": "карточка программы",
        "group": "группа",
        "name": "полное название программы",
        "short_name": "краткое название",
        "annotation": "аннотация",
        "direction": "направленность",
        "kind": "вид программы",
        "form": "форма обучения",
        "level": "уровень",
        "registry": "реестр",
        "age_from_months": "возраст «от»",
        "age_to_months": "возраст «до»",
        "age_from_years": "возраст «от»",
        "age_to_years": "возраст «до»",
        "duration_weeks": "продолжительность",
        "ovz": "категории ОВЗ",
        "medical_certificate": "медицинская справка",
        "addresses": "адреса",
        "teachers": "педагоги",
        "modules": "модули",
        # the month's money documents (month.advance / month.invoice)
        "month": "месяц",
        "payer": "плательщик",
        "percent": "процент аванса",
        "base": "сумма для аванса",
        "amount": "сумма аванса",
        "lines": "строки приложения",
        "corrections": "корректировки",
        "total": "итого",
        "advance": "аванс",
        "to_pay": "к оплате",
    },
    "line": {
        "contract_id": "договор",
        "contract_number": "номер договора",
        "contract_date": "дата договора",
        "certificate_number": "номер сертификата",
        "k": "объём оказания услуги",
        "amount": "сумма",
    },
    "correction": {
        "contract_id": "договор",
        "contract_number": "номер договора",
        "contract_date": "дата договора",
        "certificate_number": "номер сертификата",
        "month": "исправляемый месяц",
        "amount": "сумма корректировки",
        "reason": "основание",
    },
    "guardian": {
        "last_name": "фамилия родителя",
        "first_name": "имя родителя",
        "middle_name": "отчество родителя",
        "relation": "степень родства",
        "phone": "телефон родителя",
        "email": "электронная почта родителя",
    },
    "module": {
        "id": "модуль портала",
        "name": "название модуля",
        "hours": "количество часов",
        "min_children": "минимум детей",
        "max_children": "максимум детей",
        "price": "цена",
        "normative_price": "нормативная стоимость",
        "groups": "группы",
    },
    "group": {
        "id": "группа портала",
        "uid": "идентификатор группы",
        "module_id": "модуль группы",
        "name": "название группы",
        "date_from": "дата начала занятий",
        "date_to": "дата окончания занятий",
        "capacity": "число мест",
        "teacher": "педагог",
        "slots": "расписание",
        "explicit_dates": "даты занятий",
    },
    "slot": {
        "weekday": "день недели",
        "time_from": "время начала",
        "time_to": "время окончания",
        "room": "кабинет",
    },
}
# A field that holds one record: the record's names (they say whose field it is themselves).
_RECORD_FIELDS = {("command", "card"): "command", ("command", "group"): "group",
                  ("command", "guardian"): "guardian"}
# A field that holds a list: one item's name (numbered from 1) and the names inside an item.
_LIST_FIELDS: dict[tuple[str, str], tuple[str, str | None]] = {
    ("command", "modules"): ("модуль", "module"),
    ("command", "ovz"): ("категория ОВЗ", None),
    ("command", "addresses"): ("адрес", None),
    ("command", "teachers"): ("педагог", None),
    ("module", "groups"): ("группа", "group"),
    ("group", "slots"): ("строка расписания", "slot"),
    ("group", "explicit_dates"): ("дата занятия", None),
    ("command", "lines"): ("строка приложения", "line"),
    ("command", "corrections"): ("корректировка", "correction"),
}
UNKNOWN_FIELD_RU = "данные команды"


def field_place_ru(path: str) -> tuple[str, str]:
    """Where a field sits and what it is: ``card.modules.0.hours`` → («модуль 1», «количество
    часов»), ``group.slots.0`` → («», «строка расписания 1»), ``guardian.phone`` → («», «телефон
    родителя»). A path the table does not know reads as «данные команды», never as the path."""
    record = "command"
    places: list[str] = []
    parts = [part for part in path.split(".") if part]
    i = 0
    while i < len(parts):
        name = parts[i]
        last = i == len(parts) - 1
        if (record, name) in _LIST_FIELDS and not last and parts[i + 1].isdigit():
            item, inner = _LIST_FIELDS[(record, name)]
            title = f"{item} {int(parts[i + 1]) + 1}"
            if i + 1 == len(parts) - 1 or inner is None:
                return ", ".join(places), title
            places.append(title)
            record, i = inner, i + 2
            continue
        if (record, name) in _RECORD_FIELDS and not last:
            record, i = _RECORD_FIELDS[(record, name)], i + 1
            continue
        known = FIELD_TITLES_RU[record].get(name)
        if known is None or not last:
            return ", ".join(places), UNKNOWN_FIELD_RU
        return ", ".join(places), known
    return ", ".join(places), UNKNOWN_FIELD_RU


def field_title_ru(path: str) -> str:
    """The Russian name of a field path: «модуль 1, количество часов», «дата начала занятий»."""
    place, title = field_place_ru(path)
    return f"{place}, {title}" if place else title


# --- what is wrong with a field, in Russian ------------------------------------------------------
# pydantic's error types → what the operator reads; a type not listed reads «неверное значение»
# (pydantic's English never reaches the operator). The portal's ``invalid`` refusals and the PC's
# services (a value the wire cannot carry, caught before it is queued) say it alike.
_PYDANTIC_RU = {
    "missing": "обязательное поле не заполнено",
    "string_type": "нужен текст",
    "string_too_short": "слишком короткое значение",
    "string_too_long": "слишком длинное значение",
    "string_pattern_mismatch": "неверный формат",
    "int_type": "нужно целое число",
    "int_parsing": "нужно целое число",
    "int_parsing_size": "слишком большое число",
    "int_from_float": "нужно целое число",
    "float_type": "нужно число",
    "float_parsing": "нужно число",
    "finite_number": "нужно число",
    "decimal_type": "нужно число",
    "decimal_parsing": "нужно число",
    "greater_than_equal": "слишком маленькое значение",
    "greater_than": "слишком маленькое значение",
    "less_than_equal": "слишком большое значение",
    "less_than": "слишком большое значение",
    "date_type": "нужна дата в виде ГГГГ-ММ-ДД",
    "date_parsing": "нужна дата в виде ГГГГ-ММ-ДД",
    "date_from_datetime_parsing": "нужна дата в виде ГГГГ-ММ-ДД",
    "date_from_datetime_inexact": "нужна дата без времени (ГГГГ-ММ-ДД)",
    "datetime_type": "нужны дата и время в формате ISO 8601",
    "datetime_parsing": "нужны дата и время в формате ISO 8601",
    "datetime_from_date_parsing": "нужны дата и время в формате ISO 8601",
    "datetime_object_invalid": "нужны дата и время в формате ISO 8601",
    "bool_type": "нужно значение да/нет",
    "bool_parsing": "нужно значение да/нет",
    "dict_type": "нужен объект",
    "model_type": "нужен объект",
    "model_attributes_type": "нужен объект",
    "list_type": "нужен список",
    "too_long": "слишком много элементов",
    "too_short": "слишком мало элементов",
    "literal_error": "недопустимое значение",
    "enum": "недопустимое значение",
    "value_error": "неверное значение",
}
# A format (a pattern of the protocol) as the operator knows it.
_PATTERNS_RU = {r"^\d{2}:\d{2}$": "нужно время в виде ЧЧ:ММ"}


def error_ru(err: Any) -> str:
    """One pydantic error in Russian, with its limit when it has one («не короче 8 символов»)."""
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    if kind == "string_too_short" and "min_length" in ctx:
        n = int(ctx["min_length"])
        return f"не короче {n} {plural_ru(n, 'символа', 'символов', 'символов')}"
    if kind == "string_too_long" and "max_length" in ctx:
        n = int(ctx["max_length"])
        return f"не длиннее {n} {plural_ru(n, 'символа', 'символов', 'символов')}"
    if kind == "too_long" and "max_length" in ctx:
        n = int(ctx["max_length"])
        return f"не больше {n} {plural_ru(n, 'элемента', 'элементов', 'элементов')}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = next((ctx[k] for k in ("ge", "le", "gt", "lt") if k in ctx), None)
        if bound is not None:
            words = {"greater_than_equal": "не меньше", "less_than_equal": "не больше",
                     "greater_than": "больше", "less_than": "меньше"}
            return f"{words[kind]} {bound}"
    if kind == "string_pattern_mismatch":
        return _PATTERNS_RU.get(str(ctx.get("pattern", "")), _PYDANTIC_RU[kind])
    return _PYDANTIC_RU.get(kind, "неверное значение")


def field_errors_ru(exc: PydanticValidationError) -> dict[str, str]:
    """pydantic's errors keyed by the field's path (``card.modules.0.hours``: the PC puts each
    beside its field), the messages in Russian."""
    errors: dict[str, str] = {}
    for err in exc.errors():
        field = ".".join(str(x) for x in err.get("loc", ())) or "payload"
        errors.setdefault(field, error_ru(err))
    return errors

# The wire row of the master entity «application» (also the server_record of application ops):
#   id (the uid), number (portal's «З-000123»), child_id, group_id, provider_id, start_date,
#   status (domain.applications.APP_*), source ("device" | "portal"), created_at, decided_at,
#   reason_code, reason_text (a rejection: rulebook code or REJECT_REASONS_RU key; Russian text),
#   order_number, order_date (зачисление), end_date, end_order_number, end_order_date, end_reason,
#   contract_number, price_total, certificate_part, parent_part (decimal text),
#   transferred_to (the new uid after a transfer), history: [{at, status, note}].
# «guardian»: id, child_id, last_name, first_name, middle_name, relation, phone, email.
# «child» gains doc_kind, doc_number.


def _none_as_empty(value: Any) -> Any:
    return "" if value is None else value


# A text column the portal may send as null (its default, «», is meant); /openapi.json says both.
WireText = Annotated[str, BeforeValidator(_none_as_empty, json_schema_input_type=str | None)]


class ApplicationRecord(WireModel):
    """The «application» row above, checked before the PC stores it (the server_record of an
    application op, and a master ``application`` upsert). Unknown fields are ignored; a row that
    does not fit — a wrong type, a missing required field, an unknown status — is unreadable."""

    id: str = Field(min_length=1, max_length=40)
    number: WireText = ""
    child_id: int | None = None
    group_id: int
    provider_id: int | None = None
    start_date: date
    status: str
    source: Literal["device", "portal"] = "device"
    created_at: datetime
    decided_at: datetime | None = None
    reason_code: WireText = ""
    reason_text: WireText = ""
    order_number: WireText = ""
    order_date: date | None = None
    end_date: date | None = None
    end_order_number: WireText = ""
    end_order_date: date | None = None
    end_reason: WireText = ""
    contract_number: WireText = ""
    price_total: Decimal | None = None
    certificate_part: Decimal | None = None
    parent_part: Decimal | None = None
    transferred_to: WireText = ""
    history: list[dict[str, Any]] = Field(default_factory=list)

    @field_validator("status")
    @classmethod
    def _known_status(cls, value: str) -> str:
        if value not in APPLICATION_STATUSES_RU:
            raise ValueError(f"unknown application status {value!r}")
        return value

    @field_validator("history", mode="before")
    @classmethod
    def _history(cls, value: Any) -> Any:
        return [] if value is None else value


class GuardianRecord(WireModel):
    """A master ``guardian`` upsert, checked before the PC stores it."""

    id: int
    child_id: int
    last_name: WireText = ""
    first_name: WireText = ""
    middle_name: WireText = ""
    relation: WireText = ""
    phone: WireText = ""
    email: WireText = ""


class ProviderRecord(WireModel):
    """A master ``provider`` upsert, checked before the PC stores it.

    ``head_position`` is the head's position as the charter names it («директор», «заведующая»), ""
    when not known and for an individual entrepreneur; the printed forms decline it («в лице
    директора …»). A portal from before it sends none: the PC keeps the value it has.

    ``locked_months``: the provider's billed months (``pfdo-portal lock-month``), each as its first
    day («2026-01-01»), ascending: a mark in one is refused ``month_locked`` on both sides. A day of
    the month is read as the month; null as none. A portal from before it sends none: the PC keeps
    the months it has."""

    id: int
    name: WireText
    short_name: WireText = ""
    inn: WireText = ""
    ogrn: WireText = ""
    address: WireText = ""
    head_name: WireText = ""
    municipality: WireText = ""
    head_position: WireText = ""
    locked_months: list[date] = Field(default_factory=list)
    kpp: WireText = ""
    bank_name: WireText = ""
    bik: WireText = ""
    account: WireText = ""
    corr_account: WireText = ""
    chief_accountant: WireText = ""
    advance_percent: Decimal | None = None

    @field_validator("advance_percent", mode="before")
    @classmethod
    def _percent(cls, value: Any) -> Any:
        try:
            return None if value in (None, "") else payment.advance_percent(value)
        except (TypeError, ValueError, ArithmeticError):
            return None

    @model_validator(mode="before")
    @classmethod
    def _requisites(cls, data: Any) -> Any:
        names = ("kpp", "bank_name", "bik", "account", "corr_account", "chief_accountant")
        if not isinstance(data, dict) or not any(data.get(n) for n in names):
            return data
        given = {n: data.get(n) if isinstance(data.get(n), str) else None for n in names}
        checked = requisites.valid_or_blank(requisites.cleaned(**given))
        return {**data, **{n: getattr(checked, n) for n in names}}

    @field_validator("locked_months", mode="before")
    @classmethod
    def _no_months(cls, value: Any) -> Any:
        return [] if value is None else value

    @field_validator("locked_months")
    @classmethod
    def _months(cls, value: list[date]) -> list[date]:
        return sorted({attendance.month_of(day) for day in value})


# Master entities whose rows are read one by one: a row that does not fit is skipped (with a
# «Требует внимания» entry; the PC keeps its copy), not the page. Rows of the other entities are
# read page by page: one that does not fit fails the page, and nothing of it is stored.
MASTER_RECORDS: dict[str, type[WireModel]] = {
    "provider": ProviderRecord,
    "application": ApplicationRecord,
    "guardian": GuardianRecord,
}


# --- pulled rows: each entity's record ------------------------------------------------------------
# What the portal sends (docs/sync-protocol.md, «GET /pull»): /openapi.json describes the pages
# with them, the OpenAPI contract test holds the portal to them, and the PC reads every pulled row
# with them (``ROW_READERS``) before it stores it. A text column the portal may send as null reads
# as «» (``WireText``), a null list as an empty one; money is decimal text.


def _none_as_list(value: Any) -> Any:
    return [] if value is None else value


class ProgramRecord(WireModel):
    """A master ``program`` upsert (ages in months; ``revision`` + 1 at each publication); also
    the server_record of a ``program.submit`` refused as ``card_changed`` / ``under_moderation``."""

    id: int
    provider_id: int
    name: str
    short_name: WireText = ""
    direction: str  # catalog.DIRECTIONS
    registry: str  # catalog.REGISTRIES
    kind: WireText = ""
    form: WireText = ""
    level: WireText = ""
    age_from_months: int
    age_to_months: int
    status: str  # domain.program_card statuses
    annotation: WireText = ""
    duration_weeks: int
    ovz: Annotated[list[str], BeforeValidator(_none_as_list)] = Field(default_factory=list)
    medical_certificate: bool = False
    addresses: Annotated[list[str], BeforeValidator(_none_as_list)] = Field(default_factory=list)
    teachers: Annotated[list[str], BeforeValidator(_none_as_list)] = Field(default_factory=list)
    revision: int = 0
    moderation_comment: WireText = ""


class ModuleRecord(WireModel):
    """A master ``module`` upsert (money as decimal text, «10000.00»)."""

    id: int
    program_id: int
    name: str
    hours: int
    min_children: int
    max_children: int
    price: Decimal
    normative_price: Decimal


class GroupRecord(WireModel):
    """A master ``group`` upsert (lists of ISO dates)."""

    id: int
    module_id: int
    program_id: int
    provider_id: int
    name: str
    teacher: WireText = ""
    date_from: date
    date_to: date
    capacity: int
    cancelled_dates: Annotated[list[date], BeforeValidator(_none_as_list)] = Field(default_factory=list)
    explicit_dates: Annotated[list[date], BeforeValidator(_none_as_list)] = Field(default_factory=list)


class ScheduleSlotRecord(WireModel):
    """A master ``schedule_slot`` upsert (weekday 1 = Monday … 7; times «HH:MM»)."""

    id: int
    group_id: int
    weekday: int
    time_from: str
    time_to: str
    room: WireText = ""


class ChildRecord(WireModel):
    """A master ``child`` upsert (only of a child the provider is linked to: docs/enrolment.md)."""

    id: int
    last_name: str
    first_name: str
    middle_name: WireText = ""
    birth_date: date
    snils: WireText = ""
    doc_kind: WireText = ""
    doc_number: WireText = ""


class CertificateRecord(WireModel):
    """A master ``certificate`` upsert (the number: 10 digits as text; money as decimal text)."""

    id: int
    child_id: int
    number: str
    status: str  # uchet | pf
    nominal: Decimal
    balance: Decimal
    reserve: Decimal
    unit: str  # rub | hours


class PeriodRecord(WireModel):
    """A master ``period`` upsert (issue 17 §1): a municipality's certificate period — ``code``: its
    two digits in the certificates' numbers; ``nominal`` in ``unit`` (rub | hours); ``quota``: ПФ
    places; ``status``: open | closed (``domain.certificate_periods``)."""

    id: int
    municipality: str
    code: str
    date_from: date
    date_to: date
    nominal: Decimal
    unit: str
    quota: int
    unused_days: int = 0
    status: str


class MembershipRecord(WireModel):
    """A master ``membership`` upsert (``date_to`` null: still in the group)."""

    id: int
    group_id: int
    child_id: int
    date_from: date
    date_to: date | None = None
    status: str  # active | expelled


class MarkRecord(WireModel):
    """An ``own`` stream ``mark`` upsert (``code`` null: the cell was cleared); also the
    server_record of a mark op's ``conflict`` (the winning mark) and ``rejected`` (the portal's
    value of the cell)."""

    group_id: int
    child_id: int
    lesson_date: date
    code: int | None = None
    changed_at: datetime
    changed_by: WireText = ""


class MarkKey(WireModel):
    """A ``mark`` delete: the cell (both sides derive the mark's id with ``domain.attendance.mark_id``)."""

    group_id: int
    child_id: int
    lesson_date: date


class LessonStateRecord(WireModel):
    """An ``own`` stream ``lesson_state`` upsert: a lesson whose state is not held (back to held:
    a ``LessonKey`` delete); also the server_record of a ``lesson.state`` op's ``conflict`` (the
    winning state) and ``rejected`` (the portal's state of the lesson, ``held`` for none)."""

    group_id: int
    lesson_date: date
    state: Literal["held", "cancelled_by_provider", "moved"]
    moved_to: date | None = None
    reason: WireText = ""
    changed_at: datetime
    changed_by: WireText = ""


class LessonKey(WireModel):
    """A ``lesson_state`` delete: the lesson is held again (``domain.attendance.lesson_id`` is its id)."""

    group_id: int
    lesson_date: date


class LessonThemeRecord(WireModel):
    """An ``own`` stream ``lesson_theme`` upsert: a lesson's theme (КТП; cleared: a ``LessonKey``
    delete); also the server_record of a ``lesson.theme`` op's ``conflict`` (the winning theme) and
    ``rejected`` (the portal's theme of the lesson, empty for none)."""

    group_id: int
    lesson_date: date
    theme: WireText = ""
    changed_at: datetime
    changed_by: WireText = ""


class InvoiceLineRecord(TypedDict):
    """A line of an advance request (``k`` null: the certificate monthly amount) or of an invoice's
    annex; a correction line names the month it corrects («ГГГГ-ММ»). A typed dict, so a pulled
    page's lines are read as plain dicts like the rest of the row."""

    n: int
    contract_id: str
    contract_number: str
    contract_date: date
    certificate_number: str
    k: Decimal | None
    amount: Decimal
    corrects_month: str | None
    reason: str


class InvoiceRecord(WireModel):
    """An ``own`` stream ``invoice`` upsert: an advance request or an invoice the provider's PCs sent,
    with its status on the portal (sent → accepted / returned with ``reason`` → paid); also the
    server_record of ``month.advance`` / ``month.invoice`` (applied: the new document; refused as
    ``already_invoiced``: the standing one)."""

    id: int
    uid: str
    kind: Literal["advance", "invoice"]
    provider_id: int
    payer: WireText = ""
    month: str
    number: str
    status: Literal["sent", "accepted", "returned", "paid"]
    reason: WireText = ""
    percent: Decimal | None = None
    base: Decimal
    total: Decimal
    advance: Decimal
    to_pay: Decimal
    advance_excess: Decimal
    created_at: datetime
    decided_at: datetime | None = None
    paid_at: datetime | None = None
    lines: list[InvoiceLineRecord] = Field(default_factory=list)


# The upserts of each entity of a pull page.
PULLED_RECORDS: dict[str, type[WireModel]] = {
    "provider": ProviderRecord,
    "program": ProgramRecord,
    "module": ModuleRecord,
    "group": GroupRecord,
    "schedule_slot": ScheduleSlotRecord,
    "child": ChildRecord,
    "guardian": GuardianRecord,
    "certificate": CertificateRecord,
    "membership": MembershipRecord,
    "application": ApplicationRecord,
    "period": PeriodRecord,
    "mark": MarkRecord,
    "lesson_state": LessonStateRecord,
    "invoice": InvoiceRecord,
    "lesson_theme": LessonThemeRecord,
}
# The deletes of the own stream's entities (a master entity's are its ids).
OWN_KEYS: dict[str, type[WireModel]] = {"mark": MarkKey, "lesson_state": LessonKey, "lesson_theme": LessonKey}


# --- server records of commands that have no pulled entity of their own ---------------------------


class ProgramSubmitRecord(WireModel):
    """The server_record of a ``program.submit`` the portal took: the programme under moderation."""

    uid: str = ""
    program_id: int
    status: str = ""
    revision: int | None = None


class GroupSaveRecord(GroupRecord):
    """The server_record of ``group.save``: the group's row with the request's ``uid``, and its
    schedule when the portal sends it (else the pull of the same run brings the slots)."""

    uid: WireText = ""
    slots: list[ScheduleSlotRecord] | None = None


R = TypeVar("R", bound=BaseModel)


def read_record(model: type[R], raw: Any) -> R | None:
    """A server_record as ``model``; None when there is none or it does not fit the protocol."""
    if raw is None:
        return None
    try:
        return model.model_validate(raw)
    except ValueError:  # pydantic's ValidationError
        return None


class RowReader:
    """Reads pulled rows with an entity's record model, in bulk, into plain dicts.

    The model's own validation (types, null-tolerant text, the application status …) runs in
    pydantic-core on the whole list at once, but no model instance is built: a first sync brings
    tens of thousands of marks, and building instances costs 4× the checks. A dict holds the fields
    the row carried, converted (dates, Decimals, datetimes); a field the row did not carry is left
    out, as ``model_dump(exclude_unset=True)`` would (an older portal's missing field never
    overwrites what the PC has). Raises pydantic's ``ValidationError`` (a ``ValueError``) for a row
    that does not fit."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.model = model
        fields = _plain_fields_schema(model)
        if fields is None:  # a model whose schema has more than its fields: read through it
            self._one: Any = None
            self._many: Any = TypeAdapter(list[model])  # type: ignore[valid-type]
            return
        from pydantic_core import SchemaValidator, core_schema

        row = core_schema.typed_dict_schema(fields, extra_behavior="ignore")
        self._one = SchemaValidator(row)
        self._many = SchemaValidator(core_schema.list_schema(row))

    def rows(self, raw: Any) -> list[dict[str, Any]]:
        """Every row of a list (the first row that does not fit raises)."""
        if self._one is None:
            return [m.model_dump(exclude_unset=True) for m in self._many.validate_python(raw)]
        return self._many.validate_python(raw)  # type: ignore[no-any-return]

    def row(self, raw: Any) -> dict[str, Any]:
        """One row."""
        if self._one is None:
            return self.model.model_validate(raw).model_dump(exclude_unset=True)
        return self._one.validate_python(raw)  # type: ignore[no-any-return]


def _plain_fields_schema(model: type[BaseModel]) -> dict[str, Any] | None:
    """The model's fields as typed-dict fields (a defaulted field optional, its default not filled
    in), or None when the model's schema is not plain fields (model validators, references)."""
    from pydantic_core import core_schema

    schema: Any = model.__pydantic_core_schema__
    if schema.get("type") != "model" or schema["schema"].get("type") != "model-fields":
        return None
    fields: dict[str, Any] = {}
    for name, field in schema["schema"]["fields"].items():
        inner = field["schema"]
        if inner.get("type") == "default":
            fields[name] = core_schema.typed_dict_field(inner["schema"], required=False)
        else:
            fields[name] = core_schema.typed_dict_field(inner, required=True)
    return fields


# One reader per pulled entity (the engine reads each page's rows with them).
ROW_READERS: dict[str, RowReader] = {entity: RowReader(model) for entity, model in PULLED_RECORDS.items()}
MARK_KEYS = RowReader(MarkKey)  # the deletes of the own stream
LESSON_KEYS = RowReader(LessonKey)


class Op(WireModel):
    """One item of a push as it travels: its ``kind`` and ``payload`` are read op by op with the
    typed union (``parse_op``), so an unknown kind or a payload that does not fit is that op's
    refusal (``unknown_kind`` / ``invalid``), never the whole request's."""

    op_id: str = Field(min_length=8, max_length=40)
    kind: str
    payload: dict[str, Any]


class PushRequest(WireModel):
    device_id: str
    batch_id: str
    ops: list[Op] = Field(max_length=MAX_OPS_PER_PUSH)


class OpResult(WireModel):
    """The portal's answer to one op. ``server_record`` is the portal's record after the op, typed
    by the op's kind (``MarkRecord``, ``ChildMatch``, ``ApplicationRecord``, ``ProgramSubmitRecord``
    or ``ProgramRecord``, ``GroupSaveRecord``): the PC reads it with ``read_record``."""

    op_id: str
    status: OpStatus
    code: str | None = None
    message: str | None = None
    field_errors: dict[str, str] = Field(default_factory=dict)
    server_record: dict[str, Any] | None = None


class PushResponse(WireModel):
    batch_id: str
    results: list[OpResult]


# --- pull --------------------------------------------------------------------------------------


class EntityChanges(WireModel):
    upserts: list[dict[str, Any]] = Field(default_factory=list)
    deletes: list[Any] = Field(default_factory=list)  # ids (marks: {group_id, child_id, lesson_date})


class PullResponse(WireModel):
    stream: Stream
    changes: dict[str, EntityChanges]
    next_cursor: str
    has_more: bool
    # Live rows per entity visible to this device in the stream; sent with the last page only.
    counts: dict[str, int] | None = None


class ErrorBody(WireModel):
    """The body of every non-2xx answer: a machine code and a human message."""

    code: str
    message: str


# Codes of ErrorBody the client tells apart (the rest: docs/sync-protocol.md, «Errors»).
E_CODE_INVALID = "code_invalid"  # 404: no such enrolment code
E_CODE_USED = "code_used"  # 409
E_CODE_EXPIRED = "code_expired"  # 409
E_CODE_OTHER_PROVIDER = "code_other_provider"  # 409: the code is another provider's; nothing spent
E_BODY_TOO_LARGE = "body_too_large"  # 413: the body is over the endpoint's limit (named in the message)
E_TOO_MANY_OPS = "too_many_ops"  # 413: more ops in one push than max_ops_per_push
E_BODY_TIMEOUT = "body_timeout"  # 408: the body stalled; the connection is closed
E_RATE_LIMITED = "rate_limited"  # 429 with Retry-After
