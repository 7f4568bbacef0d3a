"""Wire schemas of the sync protocol `/api/sync/v1`, shared by the desktop and the portal.

Compactness matters (rural links run at a few hundred kbit/s), so:
- master rows travel as plain dicts keyed by column name, grouped per entity;
- attendance marks carry no id: both sides derive it with ``domain.attendance.mark_id``;
- op ids are time-ordered (uuid7-like), so neighbouring ids share a prefix that gzip folds.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from pfdo_desktop.domain.ops import OP_KINDS, OP_MARK_CLEAR, OP_MARK_SET, new_op_id  # noqa: F401

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
    "certificate",
    "membership",
)
OWN_ENTITIES = ("mark",)

# Kinds of push operations and op ids live in domain.ops (services queue ops without importing sync).

# Per-op result statuses.
APPLIED = "applied"
DUPLICATE = "duplicate"
REJECTED = "rejected"
CONFLICT = "conflict"
HELD = "held"

# Rejection codes for attendance ops (the client shows REJECTION_TEXT_RU beside them).
R_FORBIDDEN = "forbidden"
R_UNKNOWN_GROUP = "unknown_group"
R_NOT_MEMBER = "not_member"
R_OUTSIDE_GROUP_DATES = "outside_group_dates"
R_MONTH_LOCKED = "month_locked"
R_INVALID = "invalid"
R_UNKNOWN_KIND = "unknown_kind"

# Why the portal refused an op (the portal sends this as the result's message) …
REJECTION_TEXT_RU = {
    R_FORBIDDEN: "Группа принадлежит другой организации.",
    R_UNKNOWN_GROUP: "Портал не знает такую группу: она удалена или ещё не опубликована.",
    R_NOT_MEMBER: "Ребёнок не числится в группе на дату занятия.",
    R_OUTSIDE_GROUP_DATES: "Дата занятия вне сроков работы группы.",
    R_MONTH_LOCKED: "Месяц закрыт: по нему уже выставлен счёт, изменения посещаемости не принимаются.",
    R_INVALID: "Портал счёл данные неверными.",
    R_UNKNOWN_KIND: "Портал не поддерживает этот вид изменения.",
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
}


class WireModel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


# --- enrolment ---------------------------------------------------------------------------------


class EnrolRequest(WireModel):
    code: str = Field(min_length=4, max_length=64)
    db_uuid: str = Field(min_length=8, max_length=64)
    app_version: str = Field(max_length=32)


class EnrolResponse(WireModel):
    device_id: str
    token: str
    provider_id: int
    provider_name: str


# --- info --------------------------------------------------------------------------------------


class InfoResponse(WireModel):
    server_time: datetime
    protocol_min: int
    protocol_max: int
    min_client_version: str
    max_ops_per_push: int
    max_pull_limit: int
    portal_name: str


# --- push --------------------------------------------------------------------------------------


class MarkPayload(WireModel):
    """The payload of ``mark.set`` (code 1..4) and ``mark.clear`` (code absent)."""

    group_id: int
    child_id: int
    lesson_date: date
    code: int | None = None
    changed_at: datetime  # client time corrected by the server offset, UTC
    changed_by: str = Field(default="", max_length=64)  # operator login, never a child's data


class Op(WireModel):
    op_id: str = Field(min_length=8, max_length=40)
    kind: str
    payload: dict[str, Any]


class PushRequest(WireModel):
    device_id: str
    batch_id: str
    ops: list[Op] = Field(max_length=MAX_OPS_PER_PUSH)


class OpResult(WireModel):
    op_id: str
    status: Literal["applied", "duplicate", "rejected", "conflict", "held"]
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
