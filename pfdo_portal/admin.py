"""Administration of the portal in Python (used by the CLI and by tests).

Every function takes the database URL (or a SQLite file path), opens a short-lived engine, does
one transaction and returns plain values.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import and_, func, select, update

from pfdo_desktop.domain import requisites
from pfdo_desktop.domain.applications import APPLICATION_STATUSES_RU, DEFAULT_EXPIRY_DAYS
from pfdo_desktop.domain.catalog import CERT_ACCOUNTING, CERTIFICATE_STATUSES
from pfdo_desktop.domain.identity import certificate_number_error, format_snils
from pfdo_desktop.domain.indicators import Indicators
from pfdo_desktop.domain.money import to_money
from pfdo_desktop.sync import protocol as p

from . import db, indicators, marks, money, programs, service
from .certificates import certificate_record
from .common import as_utc, iso_dt, utcnow
from .enrolment import applications, contracts, shared
from .records import application_row, mark_row, master_row, provider_rows
from .refusals import CommandRefused


class AdminError(ValueError):
    """A refused admin action, with a Russian message for the operator."""


@dataclass(frozen=True, slots=True)
class ProviderInfo:
    id: int
    name: str
    short_name: str


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    id: str
    provider_id: int
    app_version: str
    created_at: datetime
    revoked_at: datetime | None


def list_providers(db_url: str) -> list[ProviderInfo]:
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        rows = conn.execute(
            select(db.providers.c.id, db.providers.c.name, db.providers.c.short_name).order_by(
                db.providers.c.id
            )
        )
        return [ProviderInfo(r.id, r.name, r.short_name) for r in rows]


def _require_provider(conn: Any, provider_id: int) -> None:
    if conn.execute(select(db.providers.c.id).where(db.providers.c.id == provider_id)).first() is None:
        raise AdminError(f"нет организации с номером {provider_id}")


def issue_code(db_url: str, provider_id: int, ttl_hours: float = 72) -> str:
    """A one-time enrolment code like ``ABCD-EFGH`` for a provider's new PC.

    The code is returned once; the database keeps only its SHA-256 and its first two letters.
    """
    if ttl_hours <= 0:
        raise AdminError("срок действия кода должен быть больше нуля")
    ec = db.enrol_codes.c
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        _require_provider(conn, provider_id)
        now = utcnow()
        while True:
            code = service.new_enrol_code()
            code_hash = db.enrol_code_sha256(code)
            if conn.execute(select(ec.code_sha256).where(ec.code_sha256 == code_hash)).first() is None:
                break
        conn.execute(
            db.enrol_codes.insert().values(
                code_sha256=code_hash,
                code_hint=db.enrol_code_hint(code),
                provider_id=provider_id,
                created_at=now,
                expires_at=now + timedelta(hours=ttl_hours),
            )
        )
        return code


def expire_code(db_url: str, code: str) -> None:
    """Make a code expired now (for training and tests)."""
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        conn.execute(
            update(db.enrol_codes)
            .where(db.enrol_codes.c.code_sha256 == service.enrol_code_sha256(code))
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """An enrolment code as a list shows it: never the code, only its first letters."""

    hint: str  # «AB••-••••»
    provider_id: int
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None
    used_by_device: str | None


def list_codes(db_url: str, provider_id: int | None = None) -> list[CodeInfo]:
    """Issued enrolment codes, oldest first."""
    ec = db.enrol_codes.c
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        q = select(db.enrol_codes).order_by(ec.created_at)
        if provider_id is not None:
            q = q.where(ec.provider_id == provider_id)
        return [
            CodeInfo(
                r.code_hint,
                r.provider_id,
                as_utc(r.created_at),
                as_utc(r.expires_at),
                as_utc(r.used_at) if r.used_at is not None else None,
                r.used_by_device,
            )
            for r in conn.execute(q)
        ]


def list_devices(db_url: str, provider_id: int | None = None) -> list[DeviceInfo]:
    d = db.devices.c
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        q = select(d.id, d.provider_id, d.app_version, d.created_at, d.revoked_at).order_by(d.created_at)
        if provider_id is not None:
            q = q.where(d.provider_id == provider_id)
        return [
            DeviceInfo(
                r.id,
                r.provider_id,
                r.app_version,
                as_utc(r.created_at),
                as_utc(r.revoked_at) if r.revoked_at else None,
            )
            for r in conn.execute(q)
        ]


def revoke_device(db_url: str, device_id: str) -> None:
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        res = conn.execute(
            update(db.devices)
            .where(db.devices.c.id == device_id, db.devices.c.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
        if res.rowcount == 0:
            known = conn.execute(select(db.devices.c.id).where(db.devices.c.id == device_id)).first()
            if known is None:
                raise AdminError(f"нет подключённого компьютера {device_id}")


def lock_month(db_url: str, provider_id: int, month: date) -> None:
    """Close a month for billing: attendance changes for it are rejected (``month_locked``), and so
    are enrolments, expulsions, transfers and terminations that change its days of study. The
    provider's record carries its billed months (``locked_months``): it is re-stamped, so the
    provider's PCs learn the month at their next sync and refuse such a mark on the spot. Accepting
    an invoice (``accept_invoice``) does the same through ``money.lock_month``."""
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        _require_provider(conn, provider_id)
        db.stamp(conn, money.lock_month(conn, provider_id, month, utcnow()))


def unlock_month(db_url: str, provider_id: int, month: date) -> None:
    """Open a billed month again; the provider's PCs learn it at their next sync."""
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        res = conn.execute(
            db.locked_months.delete().where(
                db.locked_months.c.provider_id == provider_id,
                db.locked_months.c.month == month.replace(day=1),
            )
        )
        if res.rowcount:
            _stamp_provider(conn, provider_id)


def _stamp_provider(conn: Any, provider_id: int) -> None:
    """The provider's own PCs pull its record again (its head, its billed months)."""
    db.stamp(conn, [db.Change("master", "provider", str(provider_id), provider_id)])


def reset_cursors(db_url: str) -> str:
    """Start a new epoch: every cursor a device holds gets ``410 reset_required``."""
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        epoch = db.new_epoch()
        db.set_epoch(conn, epoch)
        return epoch


# --- marks --------------------------------------------------------------------------------------


def count_marks(db_url: str, provider_id: int | None = None) -> int:
    """Live (not cleared) attendance marks on the portal."""
    m = db.marks.c
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        q = select(func.count()).select_from(db.marks).where(m.code.is_not(None))
        if provider_id is not None:
            q = q.where(m.provider_id == provider_id)
        return conn.execute(q).scalar_one()


def list_marks(db_url: str, provider_id: int | None = None, group_id: int | None = None) -> list[dict]:
    """Live marks as own-stream rows, ordered by group, child, date."""
    m = db.marks.c
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        q = select(db.marks).where(m.code.is_not(None)).order_by(m.group_id, m.child_id, m.lesson_date)
        if provider_id is not None:
            q = q.where(m.provider_id == provider_id)
        if group_id is not None:
            q = q.where(m.group_id == group_id)
        return [mark_row(r) for r in conn.execute(q)]


def get_mark(db_url: str, group_id: int, child_id: int, lesson_date: date) -> dict | None:
    """The mark of one cell as an own-stream row, or None when the cell is empty."""
    m = db.marks.c
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        row = conn.execute(
            select(db.marks).where(
                m.group_id == group_id, m.child_id == child_id, m.lesson_date == lesson_date
            )
        ).first()
        if row is None or row.code is None:
            return None
        return mark_row(row)


def mark_audit(db_url: str, group_id: int, child_id: int, lesson_date: date) -> list[dict]:
    """The audit trail of one cell, oldest first: old → new, who, when, from which device."""
    a = db.mark_audit.c
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        rows = conn.execute(
            select(db.mark_audit)
            .where(a.group_id == group_id, a.child_id == child_id, a.lesson_date == lesson_date)
            .order_by(a.id)
        )
        return [
            {
                "old_code": r.old_code,
                "new_code": r.new_code,
                "changed_at": iso_dt(r.changed_at),
                "changed_by": r.changed_by,
                "device_id": r.device_id,
                "op_id": r.op_id,
                "outcome": r.outcome,
                "recorded_at": iso_dt(r.recorded_at),
            }
            for r in rows
        ]


def set_mark(
    db_url: str,
    group_id: int,
    child_id: int,
    lesson_date: date,
    code: int | None,
    *,
    changed_at: datetime | None = None,
    changed_by: str = "portal",
) -> str:
    """Enter (or clear, code None) a mark on the portal itself, under the same rules as a push.

    Returns the result status (applied/duplicate/conflict/rejected); raises AdminError with the
    reason when the portal's rules reject it.
    """
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        provider_id = conn.execute(select(db.groups.c.provider_id).where(db.groups.c.id == group_id)).scalar()
        if provider_id is None:
            raise AdminError(p.REJECTION_TEXT_RU[p.R_UNKNOWN_GROUP])
        result = marks.apply_mark(
            conn,
            provider_id=provider_id,
            group_id=group_id,
            child_id=child_id,
            lesson_date=lesson_date,
            code=code,
            changed_at=as_utc(changed_at or datetime.now(UTC)),
            changed_by=changed_by,
            device_id=None,
            op_id="portal",
        )
        if result.status == p.REJECTED:
            raise AdminError(result.message or result.code or "отклонено")
        return result.status


# --- master data edits (the portal owns these; devices pull them) -------------------------------


def _providers_seeing_child(conn: Any, child_id: int) -> list[int]:
    """Providers with a membership, an application or a resolved new-child request for the child."""
    return sorted(shared.providers_seeing_child(conn, child_id))


PROVIDER_EDITABLE = {"head_name": "ФИО руководителя", "head_position": "должность руководителя"}


def edit_provider(db_url: str, provider_id: int, **fields: str) -> dict:
    """Change the provider's head (``head_name=…``, ``head_position=…``, spaces trimmed; "" clears
    the position); the provider's PCs pull the record. Returns it as it travels."""
    bad = set(fields) - set(PROVIDER_EDITABLE)
    if bad:
        raise AdminError(f"нельзя изменить поля организации: {', '.join(sorted(bad))}")
    values = {key: " ".join(str(value).split()) for key, value in fields.items()}
    for key, value in values.items():
        if len(value) > 200:
            raise AdminError(f"{PROVIDER_EDITABLE[key]}: не длиннее 200 знаков")
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        _require_provider(conn, provider_id)
        if values:
            conn.execute(update(db.providers).where(db.providers.c.id == provider_id).values(**values))
            _stamp_provider(conn, provider_id)
        row = conn.execute(select(db.providers).where(db.providers.c.id == provider_id)).one()
        return provider_rows(conn, [row])[0]


def get_provider(db_url: str, provider_id: int) -> dict | None:
    """A provider as it travels (master «provider»)."""
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        row = conn.execute(select(db.providers).where(db.providers.c.id == provider_id)).first()
        return provider_rows(conn, [row])[0] if row is not None else None


def update_child(db_url: str, child_id: int, **fields: Any) -> None:
    """Change a child's card (e.g. ``last_name=…``); every provider that sees the child pulls it."""
    allowed = {"last_name", "first_name", "middle_name", "birth_date", "snils", "doc_kind", "doc_number"}
    bad = set(fields) - allowed
    if bad:
        raise AdminError(f"нельзя изменить поля: {', '.join(sorted(bad))}")
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        res = conn.execute(update(db.children).where(db.children.c.id == child_id).values(**fields))
        if res.rowcount == 0:
            raise AdminError(f"нет ребёнка с номером {child_id}")
        db.stamp(
            conn,
            [
                db.Change("master", "child", str(child_id), pid)
                for pid in _providers_seeing_child(conn, child_id)
            ],
        )


def add_membership(
    db_url: str, group_id: int, child_id: int, date_from: date, date_to: date | None = None
) -> int:
    """Enrol a child in a group; the provider pulls the membership, the child and its certificates."""
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        provider_id = conn.execute(select(db.groups.c.provider_id).where(db.groups.c.id == group_id)).scalar()
        if provider_id is None:
            raise AdminError(f"нет группы с номером {group_id}")
        new_id = conn.execute(
            db.memberships.insert()
            .values(
                group_id=group_id,
                child_id=child_id,
                date_from=date_from,
                date_to=date_to,
                status="active",
            )
            .returning(db.memberships.c.id)
        ).scalar_one()
        changes = shared.child_changes(conn, child_id, [provider_id])
        changes.append(db.Change("master", "membership", str(new_id), provider_id))
        db.stamp(conn, changes)
        return new_id


def expel(db_url: str, membership_id: int, date_to: date) -> None:
    """Close a membership (отчисление) on a date."""
    m = db.memberships.c
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        row = conn.execute(select(m.group_id).where(m.id == membership_id)).first()
        if row is None:
            raise AdminError(f"нет зачисления с номером {membership_id}")
        conn.execute(
            update(db.memberships).where(m.id == membership_id).values(date_to=date_to, status="expelled")
        )
        provider_id = conn.execute(
            select(db.groups.c.provider_id).where(db.groups.c.id == row.group_id)
        ).scalar_one()
        db.stamp(conn, [db.Change("master", "membership", str(membership_id), provider_id)])


def delete_membership(db_url: str, membership_id: int) -> None:
    """Remove a membership entered by mistake: devices get a tombstone."""
    m = db.memberships.c
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        row = conn.execute(select(m.group_id).where(m.id == membership_id)).first()
        if row is None:
            raise AdminError(f"нет зачисления с номером {membership_id}")
        provider_id = conn.execute(
            select(db.groups.c.provider_id).where(db.groups.c.id == row.group_id)
        ).scalar_one()
        # An application that made this membership forgets it (portal bookkeeping, not on the wire).
        conn.execute(
            update(db.applications)
            .where(db.applications.c.membership_id == membership_id)
            .values(membership_id=None)
        )
        conn.execute(db.memberships.delete().where(m.id == membership_id))
        db.stamp(conn, [db.Change("master", "membership", str(membership_id), provider_id, deleted=True)])


def set_group_cancelled_dates(db_url: str, group_id: int, dates: list[date]) -> None:
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        provider_id = conn.execute(select(db.groups.c.provider_id).where(db.groups.c.id == group_id)).scalar()
        if provider_id is None:
            raise AdminError(f"нет группы с номером {group_id}")
        conn.execute(
            update(db.groups)
            .where(db.groups.c.id == group_id)
            .values(cancelled_dates=json.dumps(sorted(d.isoformat() for d in dates)))
        )
        db.stamp(conn, [db.Change("master", "group", str(group_id), provider_id)])


def provider_groups(db_url: str, provider_id: int) -> list[dict]:
    """The provider's groups with their members (for tests and the demo): plain dicts."""
    g, m = db.groups.c, db.memberships.c
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        groups = [
            master_row("group", r)
            for r in conn.execute(select(db.groups).where(g.provider_id == provider_id).order_by(g.id))
        ]
        members: dict[int, list[dict]] = {}
        for r in conn.execute(
            select(db.memberships)
            .select_from(db.memberships.join(db.groups, and_(m.group_id == g.id)))
            .where(g.provider_id == provider_id)
            .order_by(m.id)
        ):
            members.setdefault(r.group_id, []).append(master_row("membership", r))
        for grp in groups:
            grp["members"] = members.get(grp["id"], [])
        return groups


def set_group_capacity(db_url: str, group_id: int, capacity: int) -> None:
    """Change how many children a group takes (for training and tests); its provider pulls it."""
    if capacity < 1:
        raise AdminError("в группе должно быть хотя бы одно место")
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        provider_id = conn.execute(select(db.groups.c.provider_id).where(db.groups.c.id == group_id)).scalar()
        if provider_id is None:
            raise AdminError(f"нет группы с номером {group_id}")
        conn.execute(update(db.groups).where(db.groups.c.id == group_id).values(capacity=capacity))
        db.stamp(conn, [db.Change("master", "group", str(group_id), provider_id)])


def set_module_price(db_url: str, module_id: int, price: str, normative_price: str) -> None:
    """Set a module's price and normative cost in roubles (for training and tests)."""
    try:
        values = {"price": f"{to_money(price):.2f}", "normative_price": f"{to_money(normative_price):.2f}"}
    except (ValueError, TypeError) as exc:
        raise AdminError(str(exc)) from None
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        mo, pr = db.modules.c, db.programs.c
        provider_id = conn.execute(
            select(pr.provider_id).select_from(db.modules.join(db.programs, pr.id == mo.program_id))
            .where(mo.id == module_id)
        ).scalar()
        if provider_id is None:
            raise AdminError(f"нет модуля с номером {module_id}")
        conn.execute(update(db.modules).where(mo.id == module_id).values(**values))
        db.stamp(conn, [db.Change("master", "module", str(module_id), provider_id)])


# --- children, certificates, applications -------------------------------------------------------


def add_child(
    db_url: str,
    last_name: str,
    first_name: str,
    middle_name: str,
    birth_date: date,
    *,
    snils: str = "",
    certificate_status: str | None = CERT_ACCOUNTING,
    nominal: str = "0.00",
) -> tuple[int, str]:
    """Put a child into the registry (for training and tests): (child id, certificate number).

    ``certificate_status`` None: no certificate. A ПФ certificate gets ``nominal`` as its balance.
    No provider sees the child until it has a request, an application or a membership.
    """
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        child_id = conn.execute(
            db.children.insert()
            .values(
                last_name=last_name,
                first_name=first_name,
                middle_name=middle_name,
                birth_date=birth_date,
                snils=format_snils(snils) if snils else "",
            )
            .returning(db.children.c.id)
        ).scalar_one()
        number = ""
        if certificate_status is not None:
            if certificate_status not in CERTIFICATE_STATUSES:
                raise AdminError(f"неизвестный статус сертификата: {certificate_status} (pf или uchet)")
            money = f"{to_money(nominal):.2f}"
            _, number = shared.issue_certificate(conn, child_id, certificate_status, money)
        return child_id, number


def get_certificate(db_url: str, number: str | None = None, *, child_id: int | None = None) -> dict | None:
    """A certificate by number, or the certificate of a child (the ПФ one if it has several)."""
    if number is not None and certificate_number_error(number):
        raise AdminError(f"номер сертификата «{number}»: ровно 10 цифр")
    c = db.certificates.c
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        if number is not None:
            row = conn.execute(select(db.certificates).where(c.number == number)).first()
        elif child_id is not None:
            row = shared.choose_certificate(conn, child_id)
        else:
            raise AdminError("укажите номер сертификата или ребёнка")
        return certificate_record(row) if row is not None else None


def set_certificate(
    db_url: str,
    number: str,
    *,
    status: str | None = None,
    balance: str | None = None,
    nominal: str | None = None,
) -> dict:
    """Change a certificate's status, balance or nominal (for training and tests); every provider
    that sees the child pulls it. The balance may not drop below what live contracts reserve."""
    if certificate_number_error(number):
        raise AdminError(f"номер сертификата «{number}»: ровно 10 цифр")
    if status is not None and status not in CERTIFICATE_STATUSES:
        raise AdminError(f"неизвестный статус сертификата: {status} (pf — ПФ, uchet — учёт)")
    values: dict[str, Any] = {}
    try:
        if balance is not None:
            values["balance"] = to_money(balance)
        if nominal is not None:
            values["nominal"] = to_money(nominal)
    except (ValueError, TypeError) as exc:
        raise AdminError(str(exc)) from None
    if any(v < 0 for v in values.values()):
        raise AdminError("номинал и остаток не могут быть отрицательными")
    values = {k: f"{v:.2f}" for k, v in values.items()}
    if status is not None:
        values["status"] = status
    c = db.certificates.c
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        row = conn.execute(select(db.certificates).where(c.number == number).with_for_update()).first()
        if row is None:
            raise AdminError(f"нет сертификата с номером {number}")
        if "balance" in values and to_money(values["balance"]) < to_money(row.reserve):
            raise AdminError(
                f"остаток {values['balance']} меньше суммы, зарезервированной договорами ({row.reserve}): "
                "сначала расторгните или отзовите договоры"
            )
        if values:
            conn.execute(update(db.certificates).where(c.id == row.id).values(**values))
            db.stamp(conn, shared.certificate_changes(conn, row.id, row.child_id))
        return certificate_record(conn.execute(select(db.certificates).where(c.id == row.id)).one())


def apply_online(
    db_url: str,
    child_id: int,
    group_id: int,
    start_date: date,
    *,
    today: date | None = None,
    uid: str | None = None,
) -> dict:
    """A parent's online application (status «новая», source «portal»): the provider's PCs pull it.

    The rulebook checks it as the portal would at submission (age, certificate, dates, duplicate);
    the free place and the money are decided when the provider confirms it.
    """
    now = utcnow()
    if today is not None and today != now.date():  # a training scenario «on another day»
        now = datetime.combine(today, now.timetz())
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        try:
            return applications.submit_online(
                conn, child_id, group_id, start_date, today or date.today(), now, uid or p.new_uid()
            )
        except CommandRefused as refused:
            raise AdminError(refused.message) from None


def expire_applications(
    db_url: str, today: date | None = None, days: int = DEFAULT_EXPIRY_DAYS
) -> list[str]:
    """Applications past the deadline → «истекла» (reserve released); returns their uids."""
    if days < 1:
        raise AdminError("срок должен быть не меньше одного дня")
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        return contracts.expire(conn, today or date.today(), days, utcnow())


def list_applications(
    db_url: str,
    provider_id: int | None = None,
    *,
    child_id: int | None = None,
    status: str | None = None,
) -> list[dict]:
    """Applications as wire rows, oldest number first."""
    if status is not None and status not in APPLICATION_STATUSES_RU:
        raise AdminError(f"неизвестный статус заявки: {status}")
    a = db.applications.c
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        q = select(db.applications).order_by(a.number)
        if provider_id is not None:
            q = q.where(a.provider_id == provider_id)
        if child_id is not None:
            q = q.where(a.child_id == child_id)
        if status is not None:
            q = q.where(a.status == status)
        return [application_row(r) for r in conn.execute(q)]


def get_application(db_url: str, uid: str) -> dict | None:
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        return shared.application_record(conn, uid)


def list_guardians(db_url: str, child_id: int) -> list[dict]:
    g = db.guardians.c
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        return [
            master_row("guardian", r)
            for r in conn.execute(select(db.guardians).where(g.child_id == child_id).order_by(g.id))
        ]


# --- programme cards: moderation (issue 4) ------------------------------------------------------


def _moderation(call: Any) -> Any:
    try:
        return call(programs)
    except programs.ModerationError as exc:
        raise AdminError(str(exc)) from None


def approve_program(db_url: str, program_id: int) -> dict:
    """Publish the card under moderation; the provider's PCs pull it with its modules."""
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        return _moderation(lambda pr: pr.approve(conn, program_id, utcnow()))


def return_program(db_url: str, program_id: int, comment: str) -> dict:
    """Return the card under moderation to its provider with a comment."""
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        return _moderation(lambda pr: pr.return_card(conn, program_id, comment, utcnow()))


def edit_program(db_url: str, program_id: int, **fields: Any) -> dict:
    """A portal-side edit of a card (revision + 1): a PC's draft started earlier becomes stale."""
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        return _moderation(lambda pr: pr.edit_program(conn, program_id, **fields))


def moderation_queue(db_url: str) -> list[dict]:
    """Cards waiting for the moderator, oldest first."""
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        return programs.waiting(conn)


def get_program(db_url: str, program_id: int) -> dict | None:
    """A programme as it travels (master «program»), with its modules under «modules»."""
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        row = conn.execute(select(db.programs).where(db.programs.c.id == program_id)).first()
        if row is None:
            return None
        out = master_row("program", row)
        out["modules"] = [
            master_row("module", m)
            for m in conn.execute(
                select(db.modules).where(db.modules.c.program_id == program_id).order_by(db.modules.c.id)
            )
        ]
        return out


def set_price_cap(db_url: str, ratio: str | None) -> str | None:
    """Set the region's price cap over the normative cost (``"1.2"``: +20 %), ``None`` removes it."""
    value: str | None = None
    if ratio is not None:
        try:
            number = Decimal(ratio.strip().replace(",", "."))
        except InvalidOperation:
            raise AdminError(f"коэффициент — число, например 1.2, а не «{ratio}»") from None
        if not number.is_finite() or number <= 0:
            raise AdminError(f"коэффициент должен быть больше нуля, а указано «{ratio}»")
        value = format(number, "f")
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        db.set_setting(conn, db.PRICE_CAP_KEY, value)
    return value


def get_price_cap(db_url: str) -> str | None:
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        return db.get_setting(conn, db.PRICE_CAP_KEY)


# --- the monthly money (issue 12, docs/payment.md «On the portal») ------------------------------


def set_advance_percent(db_url: str, percent: str | None) -> str:
    """The region's advance percentage (0…80; None: back to the default 80); returns it. Every
    provider's record is re-stamped: it carries the percentage to the PCs (``advance_percent``),
    whose advance requests must agree with the portal's to the kopeck."""
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        before = money.advance_setting(conn)
        if percent is None:
            db.set_setting(conn, db.ADVANCE_PERCENT_KEY, None)
        else:
            try:
                checked = money.pay.advance_percent(percent)
            except (TypeError, ValueError) as exc:
                raise AdminError(str(exc)) from None
            db.set_setting(conn, db.ADVANCE_PERCENT_KEY, f"{checked}")
        after = money.advance_setting(conn)
        if after != before:
            ids = conn.execute(select(db.providers.c.id)).scalars().all()
            db.stamp(conn, [db.Change("master", "provider", str(pid), pid) for pid in ids])
        return f"{after}"


def set_provider_details(db_url: str, provider_id: int, **values: str | None) -> dict[str, Any]:
    """Enter or change the provider's payment requisites and chief accountant
    (``domain.requisites``: КПП, банк, БИК, расчётный и корреспондентский счета, главный бухгалтер);
    a field given as None keeps its value, "" clears it. Every field is checked; the provider's PCs
    get them with its record and print them on the invoice and the advance request."""
    names = [f.name for f in dataclasses.fields(requisites.Requisites)]
    unknown = set(values) - set(names)
    if unknown:
        raise AdminError(f"неизвестные поля: {', '.join(sorted(unknown))}")
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        _require_provider(conn, provider_id)
        row = conn.execute(select(db.providers).where(db.providers.c.id == provider_id)).one()
        current = {name: getattr(row, name) or "" for name in names}
        given = {name: value for name, value in values.items() if value is not None}
        req = requisites.cleaned(**{**current, **given})
        errors = requisites.requisites_errors(req)
        if errors:
            raise AdminError("; ".join(f"{requisites.FIELDS_RU[k]}: {v}" for k, v in errors.items()))
        fresh = dataclasses.asdict(req)
        if fresh != current:
            conn.execute(update(db.providers).where(db.providers.c.id == provider_id).values(**fresh))
            _stamp_provider(conn, provider_id)
        return fresh


def month_figures(db_url: str, provider_id: int, month: tuple[int, int]) -> money.PortalMonth:
    """The provider's month as the portal computes it (``money.compute``)."""
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        _require_provider(conn, provider_id)
        return money.compute(conn, provider_id, month)


def list_invoices(db_url: str, provider_id: int | None = None,
                  month: tuple[int, int] | None = None) -> list[dict[str, Any]]:
    """Advance requests and invoices (as they travel), by month, provider, kind."""
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        return money.list_documents(conn, provider_id, month)


def _decide(db_url: str, call: Any) -> dict[str, Any]:
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        try:
            decided = call(conn, utcnow())
        except money.DecisionRefused as exc:
            raise AdminError(str(exc)) from None
        db.stamp(conn, decided.changes)
        return {**decided.record, "returned": {k: f"{v:.2f}" for k, v in decided.returned.items()}}


def accept_invoice(db_url: str, document_id: int) -> dict[str, Any]:
    """The payer accepts a sent document; an invoice locks its month for the provider and books each
    contract's month on its certificate (the unpaid rest back to the free balance). The record has
    ``returned``: certificate number → the sum returned to it."""
    return _decide(db_url, lambda conn, now: money.accept(conn, document_id, now))


def pay_invoice(db_url: str, document_id: int) -> dict[str, Any]:
    """The payer marks an accepted invoice (or an advance) paid."""
    return _decide(db_url, lambda conn, now: money.mark_paid(conn, document_id, now))


def return_invoice(db_url: str, document_id: int, reason: str) -> dict[str, Any]:
    """The payer returns a sent document with a reason; the month stays open for a new one."""
    return _decide(db_url, lambda conn, now: money.return_document(conn, document_id, reason, now))


# --- indicators (issue 13, docs/indicators.md «Portal») ------------------------------------------------


def set_population(db_url: str, municipality: str, year: int, children: int, code: str | None = None) -> str:
    """Enter a municipality's children 5–18 for a year (``indicators.set_population``); returns the
    municipality's code in the certificates' numbers."""
    with db.open_engine(db_url) as engine, db.write_tx(engine) as conn:
        return indicators.set_population(conn, municipality, year, children, code)


def indicators_of(db_url: str, municipality: str | None, on: date, period_from: date | None = None, *,
                  attendance: bool = True) -> Indicators:
    """A municipality's (None: the region's) indicators on ``on`` for ``period_from`` (default: the
    1st of September of the academic year) … ``on``, the counts made by the database
    (``indicators.sql_indicators``). A figure the rules refuse (an unknown status in the registry)
    is an ``IndicatorsError``."""
    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        scope = (indicators.region_scope() if municipality is None
                 else indicators.municipality_scope(conn, municipality))
        try:
            return indicators.sql_indicators(conn, scope, on, period_from or indicators.period_start(on), on,
                                             attendance=attendance)
        except indicators.IndicatorsError:
            raise
        except ValueError as exc:
            raise indicators.IndicatorsError(str(exc)) from None

