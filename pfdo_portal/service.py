"""The portal's sync use cases: enrol a device, authenticate, push ops, pull change pages.

Plain functions over an Engine; the HTTP layer (app.py) only translates to and from the wire.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import secrets
import uuid
from collections import namedtuple
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, Date, DateTime, Engine, Table, func, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from pfdo_desktop.sync import protocol as p

from . import db
from .common import ApiError, Device, as_utc, chunks, iso_dt, utcnow
from .lesson_themes import lesson_theme_changes
from .lessons import lesson_state_changes
from .money import invoice_changes
from .ops import apply_op
from .records import master_row, provider_rows

log = logging.getLogger(__name__)

# Letters and digits nobody confuses when reading a code aloud or off a sheet (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


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
                    result = apply_op(conn, device, op, today)
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
    for chunk in chunks(list(dict.fromkeys(op_ids)), 500):
        for row in conn.execute(
            select(db.processed_ops.c.op_id, db.processed_ops.c.result).where(
                db.processed_ops.c.device_id == device_id, db.processed_ops.c.op_id.in_(chunk)
            )
        ):
            out[row.op_id] = p.OpResult.model_validate_json(row.result)
    return out


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
            marks: p.EntityChanges | None = None
            if stream == "master":
                rows: list[Any] = _master_feed(conn, provider_id, after, limit + 1)
                has_more = len(rows) > limit
                rows = rows[:limit]
                last = rows[-1].seq if rows else after
            else:
                rows, marks, has_more, last = _own_feed(conn, provider_id, after, limit)
            by_entity: dict[str, list[Any]] = {}
            for r in rows:
                by_entity.setdefault(r.entity, []).append(r)
            changes: dict[str, p.EntityChanges] = {}
            for entity in entities:
                if entity == "mark" and marks is not None:
                    if marks.upserts or marks.deletes:
                        changes[entity] = marks
                    continue
                items = by_entity.get(entity)
                if not items:
                    continue
                if stream == "master":
                    changes[entity] = _master_changes(conn, entity, items)
                elif entity == "lesson_state":
                    changes[entity] = lesson_state_changes(conn, items)
                elif entity == "lesson_theme":
                    changes[entity] = lesson_theme_changes(conn, items)
                elif entity == "invoice":
                    changes[entity] = invoice_changes(conn, items)
            if stream == "master":
                _close_under_parents(conn, provider_id, last, changes)
            counts = None if has_more else _counts(conn, stream, provider_id, entities, epoch)
    # Built from stored rows already in their wire form: not validated again (a page of marks is
    # tens of thousands of rows).
    return p.PullResponse.model_construct(
        stream=stream,
        changes=changes,
        next_cursor=make_cursor(epoch, last),
        has_more=has_more,
        counts=counts,
    )


# A stream's counts as of its newest change, per database: counting reads every change-log row of
# the provider (≈ 40 k for a school) and every sync's last page asks for it, no-op syncs included
# (issue 15, row 15a: most of PostgreSQL's work in them). Kept in a process's memory but checked
# against the database on each use: a change (re-)stamps its row with a sequence number above every
# other, so the newest number of the provider's stream tells whether anything changed — a stale
# entry is never served, whichever worker made the change.
_COUNTS: dict[tuple[Any, ...], dict[str, int]] = {}
_COUNTS_KEPT = 4096


def _counts(conn: Connection, stream: str, provider_id: int, entities: Iterable[str],
            epoch: str) -> dict[str, int]:
    sc = db.sync_changes.c
    newest = conn.execute(
        select(func.max(sc.seq)).where(sc.provider_id == provider_id, sc.stream == stream)
    ).scalar()
    key = (conn.engine.url, epoch, provider_id, stream, newest)
    found = _COUNTS.get(key)
    if found is not None:
        return dict(found)
    counts = _count_rows(conn, stream, provider_id, entities)
    if len(_COUNTS) >= _COUNTS_KEPT:
        _COUNTS.clear()  # a bound, not a policy: the next syncs count again
    _COUNTS[key] = dict(counts)
    return counts


def _count_rows(conn: Connection, stream: str, provider_id: int, entities: Iterable[str]) -> dict[str, int]:
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


def _master_changes(conn: Connection, entity: str, items: list[Any]) -> p.EntityChanges:
    table = db.MASTER_TABLES[entity]
    key_of: Any = str if entity in p.TEXT_ID_ENTITIES else int
    live_ids = [key_of(r.entity_key) for r in items if not r.deleted]
    found: dict[Any, dict[str, Any]] = {}
    rows = _stored_rows(conn, table, live_ids)
    if entity == "provider":  # with its billed months
        found.update((record["id"], record) for record in provider_rows(conn, rows))
    else:
        for row in rows:
            found[row.id] = master_row(entity, row)
    upserts: list[dict[str, Any]] = []
    deletes: list[Any] = []
    for r in items:
        key = key_of(r.entity_key)
        if not r.deleted and key in found:
            upserts.append(found[key])
        else:
            deletes.append(key)
    return p.EntityChanges.model_construct(upserts=upserts, deletes=deletes)


def _master_feed(conn: Connection, provider_id: int, after: int, n: int) -> list[FeedRow]:
    """The master stream's next ``n`` change-log rows after ``after``, through the DB-API cursor."""
    ph = "%s" if conn.dialect.name == "postgresql" else "?"
    cursor = conn.connection.cursor()
    try:
        cursor.execute("SELECT seq, entity, entity_key, deleted FROM sync_changes WHERE stream = 'master' "
                       f"AND provider_id = {ph} AND seq > {ph} ORDER BY seq LIMIT {ph}",
                       (provider_id, after, n))
        return [FeedRow(seq, entity, key, bool(deleted)) for seq, entity, key, deleted in cursor.fetchall()]
    finally:
        cursor.close()


@functools.cache
def _row_shape(table: Table) -> tuple[Any, str, tuple[tuple[int, Any], ...]]:
    """A master table's rows as ``_stored_rows`` gives them: their named-tuple type (the columns'
    names, as SQLAlchemy's rows have them), the quoted column list, the positions of its date and
    date-and-time columns with what reads SQLite's text of each."""
    names = [c.name for c in table.c]
    shape = namedtuple(f"{table.name}_row", names)  # type: ignore[misc]  # noqa: PYI024
    stamps = tuple((i, datetime.fromisoformat if isinstance(c.type, DateTime) else date.fromisoformat)
                   for i, c in enumerate(table.c) if isinstance(c.type, Date | DateTime))
    return shape, ", ".join(f'"{name}"' for name in names), stamps


def _stored_rows(conn: Connection, table: Table, keys: list[Any]) -> list[Any]:
    """The rows of a master table with these ids through the DB-API cursor, as SQLAlchemy gives them
    to ``master_row``: named tuples, a date as ``date`` and a time as ``datetime`` (SQLite's text
    read as SQLAlchemy reads it), without SQLAlchemy's work per row."""
    if not keys:
        return []
    shape, columns, stamps = _row_shape(table)
    cursor = conn.connection.cursor()
    fetched: list[Any] = []
    try:
        if conn.dialect.name == "postgresql":
            cursor.execute(f"SELECT {columns} FROM {table.name} WHERE id = ANY(%s)", (keys,))
            fetched.extend(cursor.fetchall())
        else:
            for chunk in chunks(keys, 900):  # SQLite's default limit of bound values is 999
                places = ", ".join("?" * len(chunk))
                cursor.execute(f"SELECT {columns} FROM {table.name} WHERE id IN ({places})", chunk)
                fetched.extend(cursor.fetchall())
    finally:
        cursor.close()
    if not stamps or conn.dialect.name == "postgresql":
        return [shape._make(row) for row in fetched]
    out = []
    for row in fetched:
        values = list(row)
        for i, read in stamps:
            if type(values[i]) is str:
                values[i] = read(values[i])
        out.append(shape._make(values))
    return out


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
            for chunk in chunks(sorted(wanted), 500):
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


class FeedRow(NamedTuple):
    """A row of the change log as a page reads it."""

    seq: int
    entity: str
    entity_key: str
    deleted: bool


# The own stream's next rows, each with its mark's cell when it is a mark: one query through the
# DB-API cursor (a page is thousands of marks: no per-row SQLAlchemy processing). Dates and times
# come as text — PostgreSQL formats them, SQLite stores them as text — and ``_wire_time`` puts a
# time in the wire's form. A change-log row whose mark was never stored has no cell (skipped).
_OWN_FEED_SQL = """
SELECT sc.seq, sc.entity, sc.entity_key, sc.deleted,
       m.group_id, m.child_id, {day}, m.code, {at}, m.changed_by
  FROM sync_changes sc
  LEFT JOIN marks m ON sc.entity = 'mark' AND m.mark_uid = sc.entity_key AND m.lesson_date = sc.mark_date
 WHERE sc.stream = 'own' AND sc.provider_id = {ph} AND sc.seq > {ph}
 ORDER BY sc.seq
 LIMIT {ph}"""
_PG_DAY = "to_char(m.lesson_date, 'YYYY-MM-DD')"
_PG_AT = "to_char(m.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"


def _own_feed(conn: Connection, provider_id: int, after: int,
              limit: int) -> tuple[list[FeedRow], p.EntityChanges, bool, int]:
    """The own stream's next ``limit`` rows after ``after``: the rows of other entities than marks
    (their pages read them), the marks as the page sends them, whether more rows follow, and the
    last row's sequence number (``after`` when there is none). A cleared cell stays stored with
    no code, so its tombstone still knows its group, child and date."""
    if conn.dialect.name == "postgresql":
        sql = _OWN_FEED_SQL.format(day=_PG_DAY, at=_PG_AT, ph="%s")
    else:
        sql = _OWN_FEED_SQL.format(day="m.lesson_date", at="m.changed_at", ph="?")
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql, (provider_id, after, limit + 1))
        fetched = list(cursor.fetchall())
    finally:
        cursor.close()
    has_more = len(fetched) > limit
    if has_more:
        del fetched[limit:]
    others: list[FeedRow] = []
    upserts: list[dict[str, Any]] = []
    deletes: list[Any] = []
    for seq, entity, key, deleted, group_id, child_id, day, code, at, by in fetched:
        if entity != "mark":
            others.append(FeedRow(seq, entity, key, bool(deleted)))
        elif group_id is None:
            continue  # never stored: nothing to tell
        elif deleted or code is None:
            deletes.append({"group_id": group_id, "child_id": child_id, "lesson_date": _wire_day(day)})
        else:
            upserts.append({"group_id": group_id, "child_id": child_id, "lesson_date": _wire_day(day),
                            "code": code, "changed_at": _wire_time(at), "changed_by": by})
    last = fetched[-1][0] if fetched else after
    return others, p.EntityChanges.model_construct(upserts=upserts, deletes=deletes), has_more, last


def _wire_day(value: Any) -> str:
    """A stored date as the wire's «YYYY-MM-DD» (text as stored, or a date)."""
    return value if type(value) is str else value.isoformat()


def _wire_time(value: Any) -> str:
    """A stored time as the wire's UTC «YYYY-MM-DDTHH:MM:SS.ffffffZ» (``common.iso_dt``). SQLite
    keeps SQLAlchemy's «YYYY-MM-DD HH:MM:SS.ffffff» (UTC, naive): only the separator and the zone
    change; PostgreSQL's ``to_char`` has formatted it already."""
    if type(value) is str:
        if len(value) == 26 and value[10] == " ":
            return f"{value[:10]}T{value[11:]}Z"
        if len(value) == 27 and value[10] == "T" and value[-1] == "Z":
            return value
        value = datetime.fromisoformat(value)
    return iso_dt(value)
