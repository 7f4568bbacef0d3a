"""The portal's sync use cases: enrol a device, authenticate, push ops, pull change pages.

Plain functions over an Engine; the HTTP layer (app.py) only translates to and from the wire.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final

from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection, Engine, and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from pfdo_desktop.domain.attendance import VALID_CODES, mark_id
from pfdo_desktop.domain.clock import portal_edit_time
from pfdo_desktop.domain.plural import plural_ru
from pfdo_desktop.sync import protocol as p

from . import db

log = logging.getLogger(__name__)

# Result statuses typed as literals (protocol.py declares them as plain str).
APPLIED: Final = "applied"
DUPLICATE: Final = "duplicate"
REJECTED: Final = "rejected"
CONFLICT: Final = "conflict"
assert (APPLIED, DUPLICATE, REJECTED, CONFLICT) == (p.APPLIED, p.DUPLICATE, p.REJECTED, p.CONFLICT)

# Letters and digits nobody confuses when reading a code aloud or off a sheet (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class ApiError(Exception):
    """An error of a whole request: HTTP status, machine code, Russian message."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """Aware UTC (SQLite gives naive datetimes back; they were stored as UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def iso_dt(value: datetime) -> str:
    """UTC with microseconds and «Z» (ISO 8601): the client stores this text as it is."""
    return as_utc(value).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def token_sha256(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# --- enrolment codes ----------------------------------------------------------------------------


def new_enrol_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def normalize_enrol_code(code: str) -> str:
    """«abcd efgh», «ABCD-EFGH», «abcdefgh» → «ABCD-EFGH»."""
    raw = re.sub(r"[^0-9A-Za-z]", "", code or "").upper()
    if len(raw) == 8:
        return f"{raw[:4]}-{raw[4:]}"
    return raw


def enrol_code_sha256(code: str) -> str:
    """What the portal stores of an enrolment code as typed (normalised first)."""
    return db.enrol_code_sha256(normalize_enrol_code(code))


CODE_INVALID_RU = "Код подключения не найден. Проверьте, как он набран."
CODE_USED_RU = "Этот код подключения уже использован. Попросите на портале новый."
CODE_EXPIRED_RU = "Срок действия кода подключения истёк. Попросите на портале новый."


def _provider_name(conn: Connection, provider_id: int) -> str | None:
    row = conn.execute(
        select(db.providers.c.name, db.providers.c.short_name).where(db.providers.c.id == provider_id)
    ).first()
    if row is None:
        return None
    return row.short_name or row.name


PORTAL_ID_KEY = "portal_id"


def portal_id(engine: Engine) -> str:
    """This portal's identity: a UUID made on first use and kept in its settings, so it travels with
    the database (a portal moved to a new address is the same portal). A PC enrolled with one portal
    refuses to sync with or enrol into another (docs/sync-protocol.md, «One portal per database»)."""
    with db.read_tx(engine) as conn:
        found = db.get_setting(conn, PORTAL_ID_KEY)
    if found:
        return found
    try:
        with db.write_tx(engine) as conn:
            found = db.get_setting(conn, PORTAL_ID_KEY)
            if not found:
                found = str(uuid.uuid4())
                # A plain INSERT (not set_setting's delete + insert, which could replace an id
                # another request has just made and answered with).
                conn.execute(db.settings_table.insert().values(key=PORTAL_ID_KEY, value=found))
                log.info("this portal's identity is made")
        return found
    except IntegrityError:  # another request made it at the same moment (PostgreSQL): take theirs
        with db.read_tx(engine) as conn:
            return str(db.get_setting(conn, PORTAL_ID_KEY))


def enrol(engine: Engine, request: p.EnrolRequest) -> p.EnrolResponse:
    """Spend a one-time code on a new device of the code's provider.

    Every check — the code exists, is unused, unexpired and (when the PC says which provider its
    database belongs to) is that provider's — comes before anything is written, in the one
    transaction that then marks the code used. The code's row is locked (``FOR UPDATE`` on
    PostgreSQL; SQLite writers are serialised), so PCs racing for one code get one winner.
    """
    code_hash = enrol_code_sha256(request.code)
    now = utcnow()
    ec = db.enrol_codes.c
    with db.write_tx(engine) as conn:
        row = conn.execute(
            select(db.enrol_codes).where(ec.code_sha256 == code_hash).with_for_update()
        ).first()
        if row is None:
            raise ApiError(404, p.E_CODE_INVALID, CODE_INVALID_RU)
        if row.used_at is not None:
            raise ApiError(409, p.E_CODE_USED, CODE_USED_RU)
        if as_utc(row.expires_at) <= now:
            raise ApiError(409, p.E_CODE_EXPIRED, CODE_EXPIRED_RU)
        name = _provider_name(conn, row.provider_id) or f"организация № {row.provider_id}"
        expected = request.expected_provider_id
        if expected is not None and expected != row.provider_id:
            mine = _provider_name(conn, expected) or f"организация № {expected}"
            raise ApiError(
                409,
                p.E_CODE_OTHER_PROVIDER,
                f"Код выдан для другой организации («{name}») — эта база подключена к «{mine}»: "
                "попросите код для своей организации или создайте отдельную папку данных. "
                "Код не израсходован.",
            )
        device_id = str(uuid.uuid4())
        token = secrets.token_urlsafe(32)
        conn.execute(
            db.devices.insert().values(
                id=device_id,
                provider_id=row.provider_id,
                token_sha256=token_sha256(token),
                db_uuid=request.db_uuid,
                app_version=request.app_version,
                created_at=now,
            )
        )
        used = conn.execute(
            update(db.enrol_codes)
            .where(ec.code_sha256 == code_hash, ec.used_at.is_(None))
            .values(used_at=now, used_by_device=device_id)
        )
        if used.rowcount != 1:
            raise ApiError(409, p.E_CODE_USED, CODE_USED_RU)
        full_name = conn.execute(
            select(db.providers.c.name).where(db.providers.c.id == row.provider_id)
        ).scalar_one()
    log.info("device %s enrolled for provider %s", device_id, row.provider_id)
    return p.EnrolResponse(
        device_id=device_id, token=token, provider_id=row.provider_id, provider_name=full_name,
        portal_id=portal_id(engine),
    )


# --- authentication -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Device:
    id: str
    provider_id: int


def authenticate(engine: Engine, authorization: str | None) -> Device:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(401, "token_invalid", "Компьютер не подключён к порталу: нет ключа доступа.")
    token = authorization[7:].strip()
    with db.read_tx(engine) as conn:
        row = conn.execute(
            select(db.devices.c.id, db.devices.c.provider_id, db.devices.c.revoked_at).where(
                db.devices.c.token_sha256 == token_sha256(token)
            )
        ).first()
    if row is None:
        raise ApiError(
            401,
            "token_invalid",
            "Портал не узнал этот компьютер. Подключите его заново по новому коду.",
        )
    if row.revoked_at is not None:
        raise ApiError(
            401,
            "token_revoked",
            "Доступ этого компьютера к порталу отозван. Подключите его заново по новому коду.",
        )
    return Device(id=row.id, provider_id=row.provider_id)


# --- push ---------------------------------------------------------------------------------------


def mark_row(row: Any) -> dict[str, Any]:
    """A stored mark as it travels in the own stream (``code`` is None for a cleared cell)."""
    return {
        "group_id": row.group_id,
        "child_id": row.child_id,
        "lesson_date": row.lesson_date.isoformat(),
        "code": row.code,
        "changed_at": iso_dt(row.changed_at),
        "changed_by": row.changed_by,
    }


def _rejected(
    op_id: str, code: str, field_errors: dict[str, str] | None = None, detail: str = ""
) -> p.OpResult:
    message = p.REJECTION_TEXT_RU.get(code, code)
    if detail:
        message = f"{message} {detail}"
    return p.OpResult(
        op_id=op_id, status=REJECTED, code=code, message=message, field_errors=field_errors or {}
    )


# pydantic's error types → what the operator reads; a type not listed reads «неверное значение»
# (pydantic's English never reaches the operator).
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


def _error_ru(err: Any) -> str:
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


def _field_errors(exc: ValidationError) -> dict[str, str]:
    """pydantic's errors keyed by the field's path (``card.modules.0.hours``: the PC puts each
    beside its field), the messages in Russian."""
    errors: dict[str, str] = {}
    for err in exc.errors():
        field = ".".join(str(x) for x in err.get("loc", ())) or "payload"
        errors.setdefault(field, _error_ru(err))
    return errors


# The integers the portal's tables hold (PostgreSQL INTEGER; SQLite holds more, the same limit
# keeps both alike): a number past them in a payload is refused as invalid, never a write error.
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
OUT_OF_RANGE_RU = "число вне допустимого диапазона"


def _int_range_errors(value: Any, path: str = "") -> dict[str, str]:
    if isinstance(value, bool):
        return {}
    if isinstance(value, int):
        return {} if INT_MIN <= value <= INT_MAX else {path or "payload": OUT_OF_RANGE_RU}
    items: Iterable[tuple[Any, Any]] = ()
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, (list, tuple)):
        items = enumerate(value)
    errors: dict[str, str] = {}
    for key, item in items:
        for field, message in _int_range_errors(item, f"{path}.{key}" if path else str(key)).items():
            errors.setdefault(field, message)
    return errors


def read_payload(model: type[BaseModel], payload: Any) -> tuple[Any, dict[str, str]]:
    """An op's payload as ``model`` (None and the field errors, in Russian, when it does not fit:
    pydantic's errors, or a number past what the tables hold)."""
    try:
        parsed = model.model_validate(payload)
    except ValidationError as exc:
        return None, _field_errors(exc)
    errors = _int_range_errors(parsed.model_dump())
    return (None, errors) if errors else (parsed, {})


def push(
    engine: Engine, device: Device, request: p.PushRequest, today: date | None = None
) -> p.PushResponse:
    """Apply a batch: one result per op, in order; each op in its own savepoint.

    ``today`` is the portal's date for the enrolment rules (tests fix it; default: the clock).
    """
    today = today or date.today()
    if request.device_id != device.id:
        raise ApiError(403, "forbidden", "Пакет подписан другим компьютером, чем указано в ключе доступа.")
    results: list[p.OpResult] = []
    with db.write_tx(engine) as conn:
        stored = _stored_results(conn, device.id, [op.op_id for op in request.ops])
        seen_in_batch: dict[str, p.OpResult] = {}
        for op in request.ops:
            if op.op_id in stored:
                results.append(stored[op.op_id])
                continue
            if op.op_id in seen_in_batch:
                results.append(seen_in_batch[op.op_id])
                continue
            try:
                with conn.begin_nested():
                    result = _apply_op(conn, device, op, today)
                    conn.execute(
                        db.processed_ops.insert().values(
                            device_id=device.id,
                            op_id=op.op_id,
                            result=result.model_dump_json(),
                            created_at=utcnow(),
                        )
                    )
            except SQLAlchemyError:
                # A write failure of the portal (a deadlock, a race on a new cell, a full disk) is
                # not the PC's fault: the whole batch is rolled back and the PC sends it again.
                log.exception("op %s of device %s failed", op.op_id, device.id)
                raise ApiError(
                    503,
                    "retry_later",
                    "Портал временно не смог записать изменения; они будут отправлены снова.",
                ) from None
            seen_in_batch[op.op_id] = result
            results.append(result)
    return p.PushResponse(batch_id=request.batch_id, results=results)


def _stored_results(conn: Connection, device_id: str, op_ids: list[str]) -> dict[str, p.OpResult]:
    out: dict[str, p.OpResult] = {}
    for chunk in _chunks(list(dict.fromkeys(op_ids)), 500):
        for row in conn.execute(
            select(db.processed_ops.c.op_id, db.processed_ops.c.result).where(
                db.processed_ops.c.device_id == device_id, db.processed_ops.c.op_id.in_(chunk)
            )
        ):
            out[row.op_id] = p.OpResult.model_validate_json(row.result)
    return out


def contains_nul(value: Any) -> bool:
    """A NUL character anywhere in a text, or in the keys and values of a JSON value: PostgreSQL
    cannot store it in a text column, and no real data carries it."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(contains_nul(k) or contains_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(contains_nul(v) for v in value)
    return False


def _apply_op(conn: Connection, device: Device, op: p.Op, today: date) -> p.OpResult:
    if contains_nul(op.kind) or contains_nul(op.payload):
        # Refused on its own (the rest of the batch goes on), never a write error of the portal.
        return _rejected(op.op_id, p.R_INVALID, {"payload": "текст содержит недопустимый нулевой символ"})
    if op.kind not in p.OP_KINDS:
        return _rejected(op.op_id, p.R_UNKNOWN_KIND, detail=f"(вид «{op.kind[:40]}»)")
    if op.kind in p.PROGRAM_KINDS:
        from . import programs  # programme cards and groups (issue 4) build on this module

        return programs.apply_command(conn, device, op, today)
    if op.kind in p.COMMAND_KINDS:
        from . import enrolment  # enrolment builds on this module

        return enrolment.apply_command(conn, device, op, today)
    payload, errors = read_payload(p.MarkPayload, op.payload)
    if payload is None:
        return _rejected(op.op_id, p.R_INVALID, errors)
    if op.kind == p.OP_MARK_SET:
        if payload.code is None or payload.code not in VALID_CODES:
            return _rejected(
                op.op_id,
                p.R_INVALID,
                {"code": f"неизвестный код посещаемости: {payload.code!r} (ожидается 1, 2, 3 или 4)"},
            )
        new_code: int | None = payload.code
    else:
        new_code = None
    return apply_mark(
        conn,
        provider_id=device.provider_id,
        group_id=payload.group_id,
        child_id=payload.child_id,
        lesson_date=payload.lesson_date,
        code=new_code,
        changed_at=as_utc(payload.changed_at),
        changed_by=payload.changed_by,
        device_id=device.id,
        op_id=op.op_id,
    )


def apply_mark(
    conn: Connection,
    *,
    provider_id: int,
    group_id: int,
    child_id: int,
    lesson_date: date,
    code: int | None,
    changed_at: datetime,
    changed_by: str,
    device_id: str | None,
    op_id: str,
) -> p.OpResult:
    """Set (code 1..4) or clear (code None) one attendance cell under the portal's rules.

    A refusal carries the portal's value of the cell (``code`` None: no mark), so the PC shows what
    the portal holds; the refused value stays in the PC's audit trail.
    """
    now = utcnow()  # the moment the portal receives this edit
    # The PC dates an edit on the portal's clock when it is made; whatever went wrong on the way,
    # an edit is never dated after it reached the portal (no window in which it beats real ones).
    changed_at = portal_edit_time(changed_at, now)
    mk = db.marks.c
    cell = and_(mk.group_id == group_id, mk.child_id == child_id, mk.lesson_date == lesson_date)

    def refused(code: str, field_errors: dict[str, str] | None = None, stored: Any = None) -> p.OpResult:
        record = mark_row(stored) if stored is not None else {
            "group_id": group_id, "child_id": child_id, "lesson_date": lesson_date.isoformat(),
            "code": None, "changed_at": iso_dt(changed_at), "changed_by": ""}
        return _rejected(op_id, code, field_errors).model_copy(update={"server_record": record})

    group = conn.execute(
        select(db.groups.c.provider_id, db.groups.c.date_from, db.groups.c.date_to).where(
            db.groups.c.id == group_id
        )
    ).first()
    if group is None:
        return refused(p.R_UNKNOWN_GROUP)
    if group.provider_id != provider_id:
        return refused(p.R_FORBIDDEN)  # never another provider's value
    # Locked until commit (PostgreSQL): two PCs pushing one cell at once apply one after the other.
    stored = conn.execute(select(db.marks).where(cell).with_for_update()).first()
    if not group.date_from <= lesson_date <= group.date_to:
        return refused(
            p.R_OUTSIDE_GROUP_DATES,
            {"lesson_date": f"группа работает с {group.date_from:%d.%m.%Y} по {group.date_to:%d.%m.%Y}"},
            stored,
        )
    m = db.memberships.c
    member = conn.execute(
        select(m.id)
        .where(
            m.group_id == group_id,
            m.child_id == child_id,
            m.date_from <= lesson_date,
            or_(m.date_to.is_(None), m.date_to >= lesson_date),
        )
        .limit(1)
    ).first()
    if member is None:
        return refused(p.R_NOT_MEMBER, stored=stored)
    locked = conn.execute(
        select(db.locked_months.c.month).where(
            db.locked_months.c.provider_id == provider_id,
            db.locked_months.c.month == lesson_date.replace(day=1),
        )
    ).first()
    if locked is not None:
        return refused(p.R_MONTH_LOCKED, stored=stored)  # the billed value stands
    old_code = stored.code if stored is not None else None
    if old_code == code:
        return p.OpResult(op_id=op_id, status=DUPLICATE)
    if stored is not None and as_utc(stored.changed_at) > changed_at:
        # A later edit is already on the portal: it wins; the loser is kept in the audit trail.
        conn.execute(
            db.mark_audit.insert().values(
                group_id=group_id,
                child_id=child_id,
                lesson_date=lesson_date,
                old_code=old_code,
                new_code=code,
                changed_at=changed_at,
                changed_by=changed_by,
                device_id=device_id,
                op_id=op_id,
                outcome="lost",
                recorded_at=now,
            )
        )
        return p.OpResult(
            op_id=op_id,
            status=CONFLICT,
            message="На портале есть более поздняя правка этой отметки; она сохранена.",
            server_record=mark_row(stored),
        )
    values = {
        "code": code,
        "changed_at": changed_at,
        "changed_by": changed_by,
        "device_id": device_id,
        "recorded_at": now,
    }
    if stored is None:
        conn.execute(
            db.marks.insert().values(
                group_id=group_id,
                child_id=child_id,
                lesson_date=lesson_date,
                mark_uid=mark_id(group_id, child_id, lesson_date),
                provider_id=provider_id,
                **values,
            )
        )
    else:
        conn.execute(update(db.marks).where(cell).values(**values))
    conn.execute(
        db.mark_audit.insert().values(
            group_id=group_id,
            child_id=child_id,
            lesson_date=lesson_date,
            old_code=old_code,
            new_code=code,
            changed_at=changed_at,
            changed_by=changed_by,
            device_id=device_id,
            op_id=op_id,
            outcome="applied",
            recorded_at=now,
        )
    )
    db.stamp(
        conn,
        [db.Change("own", "mark", mark_id(group_id, child_id, lesson_date), provider_id, code is None)],
    )
    return p.OpResult(op_id=op_id, status=APPLIED)


# --- pull ---------------------------------------------------------------------------------------


def make_cursor(epoch: str, seq: int) -> str:
    return f"{epoch}.{seq}"


def parse_cursor(cursor: str | None, epoch: str) -> int:
    """The sequence number after which to read; ApiError 410 for a foreign or broken cursor."""
    if not cursor:
        return 0
    parts = cursor.split(".")
    if len(parts) == 2 and parts[0] == epoch and parts[1].isdigit():
        return int(parts[1])
    raise ApiError(410, "reset_required", "Портал сбросил историю изменений: данные будут загружены заново.")


def pull(
    engine: Engine,
    provider_id: int,
    stream: str,
    cursor: str | None,
    limit: int,
) -> p.PullResponse:
    """One page of a stream. The own stream includes the device's own pushes: a PC restored from a
    backup gets back what it sent after the backup (the echo costs a few gzip bytes a mark)."""
    entities = p.MASTER_ENTITIES if stream == "master" else p.OWN_ENTITIES
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            epoch = db.get_epoch(conn)
            after = parse_cursor(cursor, epoch)
            if after > db.current_seq(conn):
                raise ApiError(
                    410,
                    "reset_required",
                    "Портал сбросил историю изменений: данные будут загружены заново.",
                )
            sc = db.sync_changes.c
            feed = select(sc.seq, sc.entity, sc.entity_key, sc.deleted).where(
                sc.stream == stream, sc.provider_id == provider_id, sc.seq > after
            )
            rows = conn.execute(feed.order_by(sc.seq).limit(limit + 1)).all()
            has_more = len(rows) > limit
            rows = rows[:limit]
            last = rows[-1].seq if rows else after
            by_entity: dict[str, list[Any]] = {}
            for r in rows:
                by_entity.setdefault(r.entity, []).append(r)
            changes: dict[str, p.EntityChanges] = {}
            for entity in entities:
                items = by_entity.get(entity)
                if not items:
                    continue
                if stream == "master":
                    changes[entity] = _master_changes(conn, entity, items)
                else:
                    changes[entity] = _mark_changes(conn, items)
            if stream == "master":
                _close_under_parents(conn, provider_id, last, changes)
            counts = None if has_more else _counts(conn, stream, provider_id, entities)
    return p.PullResponse(
        stream=stream,  # type: ignore[arg-type]
        changes=changes,
        next_cursor=make_cursor(epoch, last),
        has_more=has_more,
        counts=counts,
    )


def _counts(conn: Connection, stream: str, provider_id: int, entities: Iterable[str]) -> dict[str, int]:
    sc = db.sync_changes.c
    counts = {e: 0 for e in entities}
    for entity, n in conn.execute(
        select(sc.entity, func.count())
        .where(sc.stream == stream, sc.provider_id == provider_id, sc.deleted.is_(False))
        .group_by(sc.entity)
    ):
        if entity in counts:
            counts[entity] = n
    return counts


def _iso_or_none(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def application_row(row: Any) -> dict[str, Any]:
    """An application as it travels (master entity «application», and the server_record of the
    application commands): dates ISO, money as decimal text, the history as a list."""
    return {
        "id": row.id,
        "number": row.number,
        "child_id": row.child_id,
        "group_id": row.group_id,
        "provider_id": row.provider_id,
        "start_date": row.start_date.isoformat(),
        "status": row.status,
        "source": row.source,
        "created_at": iso_dt(row.created_at),
        "decided_at": iso_dt(row.decided_at) if row.decided_at is not None else None,
        "reason_code": row.reason_code,
        "reason_text": row.reason_text,
        "order_number": row.order_number,
        "order_date": _iso_or_none(row.order_date),
        "end_date": _iso_or_none(row.end_date),
        "end_order_number": row.end_order_number,
        "end_order_date": _iso_or_none(row.end_order_date),
        "end_reason": row.end_reason,
        "contract_number": row.contract_number,
        "price_total": row.price_total,
        "certificate_part": row.certificate_part,
        "parent_part": row.parent_part,
        "transferred_to": row.transferred_to,
        "history": json.loads(row.history or "[]"),
    }


def master_row(entity: str, row: Any) -> dict[str, Any]:
    if entity == "application":
        return application_row(row)
    out: dict[str, Any] = {}
    for key, value in row._mapping.items():
        if isinstance(value, date):
            value = value.isoformat()
        out[key] = value
    if entity == "group":
        out["cancelled_dates"] = json.loads(out["cancelled_dates"] or "[]")
        out["explicit_dates"] = json.loads(out.get("explicit_dates") or "[]")
    elif entity == "program":
        for key in PROGRAM_LIST_FIELDS:
            out[key] = json.loads(out.get(key) or "[]")
        out["medical_certificate"] = bool(out.get("medical_certificate"))
    return out


# Columns of «program» stored as JSON text and sent as lists.
PROGRAM_LIST_FIELDS = ("ovz", "addresses", "teachers")


def _master_changes(conn: Connection, entity: str, items: list[Any]) -> p.EntityChanges:
    table = db.MASTER_TABLES[entity]
    key_of: Any = str if entity in p.TEXT_ID_ENTITIES else int
    live_ids = [key_of(r.entity_key) for r in items if not r.deleted]
    found: dict[Any, dict[str, Any]] = {}
    for chunk in _chunks(live_ids, 500):
        for row in conn.execute(select(table).where(table.c.id.in_(chunk))):
            found[row.id] = master_row(entity, row)
    upserts: list[dict[str, Any]] = []
    deletes: list[Any] = []
    for r in items:
        key = key_of(r.entity_key)
        if not r.deleted and key in found:
            upserts.append(found[key])
        else:
            deletes.append(key)
    return p.EntityChanges(upserts=upserts, deletes=deletes)


# Which master rows a row refers to: (field, parent entity). A page carries the parents it needs.
PARENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "program": (("provider_id", "provider"),),
    "module": (("program_id", "program"),),
    "group": (("module_id", "module"), ("program_id", "program"), ("provider_id", "provider")),
    "schedule_slot": (("group_id", "group"),),
    "guardian": (("child_id", "child"),),
    "certificate": (("child_id", "child"),),
    "membership": (("group_id", "group"), ("child_id", "child")),
    "application": (("group_id", "group"), ("child_id", "child")),
}


def _close_under_parents(
    conn: Connection, provider_id: int, last: int, changes: dict[str, p.EntityChanges]
) -> None:
    """Add to the page every parent row the device has not been sent yet.

    A parent edited after its children (a child renamed after enrolment) is stamped with a later
    sequence number than its membership, so a first download would meet the membership before
    the child. Parents already sent (seq ≤ the previous cursor) or in this page need nothing;
    parents stamped after this page are sent now as well, and again at their own place (an upsert
    twice is harmless). Children before parents in this loop: a group added for a membership
    brings its module, programme and provider in turn.
    """
    sc = db.sync_changes.c
    for entity in reversed(p.MASTER_ENTITIES):
        ch = changes.get(entity)
        if ch is None:
            continue
        for field, parent in PARENTS.get(entity, ()):
            have = {row["id"] for row in changes[parent].upserts} if parent in changes else set()
            wanted = {row[field] for row in ch.upserts if row.get(field) is not None} - have
            if not wanted:
                continue
            later: list[Any] = []
            for chunk in _chunks(sorted(wanted), 500):
                later.extend(conn.execute(
                    select(sc.seq, sc.entity, sc.entity_key, sc.deleted).where(
                        sc.stream == "master", sc.provider_id == provider_id, sc.entity == parent,
                        sc.seq > last, sc.deleted.is_(False), sc.entity_key.in_([str(i) for i in chunk]))
                ).all())
            if not later:
                continue
            extra = _master_changes(conn, parent, later)
            base = changes.get(parent, p.EntityChanges())
            changes[parent] = p.EntityChanges(upserts=[*base.upserts, *extra.upserts],
                                              deletes=base.deletes)
    # Keep MASTER_ENTITIES order (parents first) in the answer.
    ordered = {e: changes[e] for e in p.MASTER_ENTITIES if e in changes}
    changes.clear()
    changes.update(ordered)


def _mark_changes(conn: Connection, items: list[Any]) -> p.EntityChanges:
    """Own-stream rows (keyed by mark_uid) → marks, in one query per page. A cleared cell stays
    stored with no code, so its tombstone still knows its group, child and date."""
    m = db.marks.c
    uids = [r.entity_key for r in items]
    found: dict[str, Any] = {}
    for chunk in _chunks(uids, 900):
        for row in conn.execute(
            select(m.mark_uid, m.group_id, m.child_id, m.lesson_date, m.code, m.changed_at,
                   m.changed_by).where(m.mark_uid.in_(chunk))
        ):
            found[row.mark_uid] = row
    upserts: list[dict[str, Any]] = []
    deletes: list[Any] = []
    for r in items:
        mark = found.get(r.entity_key)
        if mark is None:
            continue  # never stored: nothing to tell
        if r.deleted or mark.code is None:
            deletes.append({"group_id": mark.group_id, "child_id": mark.child_id,
                            "lesson_date": mark.lesson_date.isoformat()})
        else:
            upserts.append(mark_row(mark))
    return p.EntityChanges(upserts=upserts, deletes=deletes)


def _chunks(values: list[Any], size: int) -> Iterable[list[Any]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def default_enrol_expiry(ttl_hours: float) -> datetime:
    return utcnow() + timedelta(hours=ttl_hours)
