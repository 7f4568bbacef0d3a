"""The emulator's FastAPI application: the subset of the Navigator admin API the connector uses.

Every answer is the Navigator's envelope ``{data, err_code, success, recordsFiltered?, errors?}``;
a refusal is ``success: false`` with ``err_code ≠ 0`` and ``errors: [{msg}]`` in Russian. What is
known of each call and what is assumed is written in docs/navigator.md, call by call.

``Control`` (``app.state.control``) holds what tests and the demo adjust at run time: the delay
before every answer (the real system takes ≈5 s a request), the faults (tokens expired now, an
account locked, the next call of a path refused), and what the emulator saw (requests at once,
calls per path, User-Agents).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import secrets
import threading
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection, Engine, Row
from starlette.concurrency import run_in_threadpool

from .. import db as portal_db
from . import schema as t
from .seeding import add_kids_to_group, check_password

MAX_LENGTH = 500  # a list answers at most this many rows a page
DAY_FIELDS_LENGTH = 25  # the members' day fields come only with exactly this page length
DEFAULT_LENGTH = 25  # ExtJS's default page size, when a client sends none
LESSON_TYPES = {"9732": "Практическая работа", "7198": "Учебное", "3022": "Дистанционное"}
FINANCING_SOURCES = {1: "Бюджет", 2: "Внебюджет", 3: "Совместно бюд.средств", 4: "Грант"}
# navOrderCancelReason: the real dictionary has 36 entries {id, name, comment}; these are a few
# plausible ones (assumed wording).
CANCEL_REASONS = (
    {"id": 1, "name": "Отказ заявителя", "comment": ""},
    {"id": 2, "name": "Нет свободных мест в группе", "comment": ""},
    {"id": 3, "name": "Возраст ребёнка не соответствует программе", "comment": ""},
    {"id": 4, "name": "Не представлены документы", "comment": ""},
    {"id": 5, "name": "Медицинские противопоказания", "comment": ""},
    {"id": 6, "name": "Иная причина", "comment": "Укажите причину в комментарии"},
)
STATES_RU = {"initial": "Черновик", "pause": "Пауза", "approve": "Подтверждена", "cancel": "Отменена",
             "study": "Зачислен", "deduct": "Отчислен"}

MSG_UNAUTHORIZED = "Требуется авторизация"
MSG_TOKEN_EXPIRED = "Срок действия токена истёк"
MSG_BAD_LOGIN = "Неверный логин или пароль"
MSG_LOCKED = "Учётная запись заблокирована. Обратитесь к администратору"
MSG_FORBIDDEN = "Доступ запрещён"
MSG_NOT_FOUND = "Запись не найдена"


@dataclass
class EmulatorSettings:
    delay: float = 0.0  # seconds before every answer (the demo: ≈5, like the real system)
    access_ttl: timedelta = timedelta(minutes=30)  # login at 10:00:11 → expired_at 10:30:11
    refresh_ttl: timedelta = timedelta(days=7)
    today: date | None = None  # «today» for ages; None: the real date


class NavError(Exception):
    """A refusal answered in the envelope."""

    def __init__(self, msg: str, err_code: int = 1, status: int = 200) -> None:
        super().__init__(msg)
        self.msg, self.err_code, self.status = msg, err_code, status


def envelope(data: Any, records: int | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"data": data, "err_code": 0, "success": True}
    if records is not None:
        body["recordsFiltered"] = records
    return body


def refusal(msg: str, err_code: int = 1) -> dict[str, Any]:
    return {"data": None, "err_code": err_code, "success": False, "errors": [{"msg": msg}]}


@dataclass
class Control:
    """What tests and the demo adjust and read while the emulator runs (thread-safe)."""

    engine: Engine
    settings: EmulatorSettings
    in_flight: int = 0
    max_in_flight: int = 0
    calls: Counter[str] = field(default_factory=Counter)
    user_agents: set[str] = field(default_factory=set)
    _refusals: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def delay(self) -> float:
        return self.settings.delay

    @delay.setter
    def delay(self, seconds: float) -> None:
        self.settings.delay = max(0.0, float(seconds))

    def expire_access_tokens(self) -> None:
        """Every access token issued so far is past its ``expired_at`` from now on."""
        self._expire("access")

    def expire_refresh_tokens(self) -> None:
        self._expire("refresh")

    def _expire(self, kind: str) -> None:
        past = _utcnow() - timedelta(seconds=1)
        with portal_db.write_tx(self.engine) as conn:
            conn.execute(update(t.tokens).where(t.tokens.c.kind == kind).values(expires_at=past))

    def lock_account(self, email: str, locked: bool = True) -> None:
        """Lock (or unlock) an account: its sessions end, its logins are refused."""
        with portal_db.write_tx(self.engine) as conn:
            user_id = conn.execute(select(t.users.c.id).where(t.users.c.email == email)).scalar_one()
            conn.execute(update(t.users).where(t.users.c.id == user_id).values(is_locked=locked))
            if locked:
                conn.execute(delete(t.tokens).where(t.tokens.c.user_id == user_id))

    def refuse_next(self, path: str, msg: str, err_code: int = 1, times: int = 1) -> None:
        """The next ``times`` calls of ``path`` (e.g. ``/api/attendance/save``) are refused with
        this message in the envelope (HTTP 200, ``success: false``), before anything is done."""
        with self._lock:
            self._refusals.setdefault(path, []).extend([(msg, err_code)] * times)

    def add_kids(self, group_id: int, count: int) -> list[str]:
        return add_kids_to_group(self.engine, group_id, count)

    def reset_counts(self) -> None:
        with self._lock:
            self.in_flight = self.max_in_flight = 0
            self.calls.clear()
            self.user_agents.clear()

    # --- used by the middleware ---

    def _enter(self, path: str, user_agent: str) -> tuple[str, int] | None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            self.calls[path] += 1
            self.user_agents.add(user_agent)
            queue = self._refusals.get(path)
            return queue.pop(0) if queue else None

    def _leave(self) -> None:
        with self._lock:
            self.in_flight -= 1


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _stamp(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime.combine(value, datetime.min.time())
    return value.strftime("%Y-%m-%d %H:%M:%S")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def day_field(day: date) -> str:
    """``a<YYYY>_<M>_<D>``, no leading zeros: the member row's field of one lesson date."""
    return f"a{day.year}_{day.month}_{day.day}"


def _age(birthday: date, today: date) -> int:
    return today.year - birthday.year - ((today.month, today.day) < (birthday.month, birthday.day))


# --- parameters ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListParams:
    start: int
    length: int
    filters: dict[str, tuple[Any, str]]  # property → (value, comparison)


def list_params(request: Request) -> ListParams:
    q = request.query_params
    try:
        length = int(q.get("length") or DEFAULT_LENGTH)
        page = int(q.get("page") or 1)
        start = int(q["start"]) if q.get("start") not in (None, "") else (page - 1) * length
    except ValueError:
        raise NavError("Некорректные параметры страницы", 1, 400) from None
    if length < 1 or start < 0:
        raise NavError("Некорректные параметры страницы", 1, 400)
    length = min(length, MAX_LENGTH)  # more is not refused: cut to 500 (assumed)
    filters: dict[str, tuple[Any, str]] = {}
    raw = q.get("extFilters")
    if raw:
        try:
            items = json.loads(raw)
        except ValueError:
            raise NavError("Некорректный фильтр", 1, 400) from None
        if not isinstance(items, list):
            raise NavError("Некорректный фильтр", 1, 400)
        for item in items:
            if not isinstance(item, dict) or not isinstance(item.get("property"), str):
                raise NavError("Некорректный фильтр", 1, 400)
            filters[item["property"]] = (item.get("value"), str(item.get("comparison") or "eq"))
    return ListParams(start, length, filters)


def _int(value: Any, what: str) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        raise NavError(f"Некорректное значение: {what}") from None


def _date(value: Any, what: str) -> date:
    """``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM:SS`` (the time is dropped)."""
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise NavError(f"Некорректная дата: {what}") from None


def _moment(value: Any, what: str) -> datetime:
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text) if len(text) > 10 else datetime.fromisoformat(text + " 00:00:00")
    except ValueError:
        raise NavError(f"Некорректная дата: {what}") from None


def _page(rows: list[dict[str, Any]], p: ListParams) -> dict[str, Any]:
    return envelope(rows[p.start:p.start + p.length], len(rows))


# --- the application ----------------------------------------------------------------------------


@dataclass(frozen=True)
class User:
    id: int
    partner_id: int


def create_app(db_url: str, settings: EmulatorSettings | None = None) -> FastAPI:
    settings = settings or EmulatorSettings()
    engine = t.open_engine(db_url)
    control = Control(engine, settings)
    app = FastAPI(title="Навигатор (эмулятор)", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.control = control

    def today() -> date:
        return settings.today or date.today()

    @app.middleware("http")
    async def pace(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        forced = control._enter(request.url.path, request.headers.get("user-agent", ""))
        try:
            if settings.delay > 0:
                await asyncio.sleep(settings.delay)
            if forced is not None:
                return JSONResponse(refusal(forced[0], forced[1]))
            try:
                return await call_next(request)
            except NavError as exc:  # raised outside a route's handler
                return JSONResponse(refusal(exc.msg, exc.err_code), status_code=exc.status)
        finally:
            control._leave()

    @app.exception_handler(NavError)
    async def _refused(_request: Request, exc: NavError) -> JSONResponse:
        return JSONResponse(refusal(exc.msg, exc.err_code), status_code=exc.status)

    @app.exception_handler(404)
    async def _missing(_request: Request, _exc: Exception) -> JSONResponse:
        return JSONResponse(refusal("Метод не найден", 404), status_code=404)

    @app.exception_handler(405)
    async def _method(_request: Request, _exc: Exception) -> JSONResponse:
        return JSONResponse(refusal("Метод не поддерживается", 405), status_code=405)

    async def body_of(request: Request) -> dict[str, Any]:
        try:
            body = json.loads(await request.body() or b"{}")
        except ValueError:
            raise NavError("Некорректный JSON", 1, 400) from None
        if not isinstance(body, dict):
            raise NavError("Некорректный JSON", 1, 400)
        return body

    async def run(fn: Callable[..., Any], *args: Any) -> Any:
        return await run_in_threadpool(fn, *args)

    def user_of(conn: Connection, request: Request) -> User:
        header = request.headers.get("authorization", "")
        if not header.lower().startswith("bearer "):
            raise NavError(MSG_UNAUTHORIZED, 401, 401)
        row = conn.execute(
            select(t.tokens.c.expires_at, t.users.c.id, t.users.c.partner_id, t.users.c.is_locked)
            .join(t.users, t.users.c.id == t.tokens.c.user_id)
            .where(t.tokens.c.token_hash == _hash(header[7:].strip()), t.tokens.c.kind == "access")).first()
        if row is None or row.is_locked:
            raise NavError(MSG_UNAUTHORIZED, 401, 401)
        if row.expires_at <= _utcnow():
            raise NavError(MSG_TOKEN_EXPIRED, 401, 401)
        return User(row.id, row.partner_id)

    def authed(fn: Callable[..., Any]) -> Callable[..., Any]:
        """Run ``fn(conn, user, *args)`` in a thread, in one transaction, after the token check."""

        def inner(request: Request, write: bool, *args: Any) -> Any:
            tx = portal_db.write_tx if write else portal_db.read_tx
            with tx(engine) as conn:
                return fn(conn, user_of(conn, request), *args)

        return inner

    def own_group(conn: Connection, user: User, group_id: Any) -> Row[Any]:
        gid = _int(group_id, "group_id")
        row = conn.execute(select(t.groups).where(t.groups.c.id == gid)).first()
        if row is None:
            raise NavError(MSG_NOT_FOUND, 404, 404)
        if row.partner_id != user.partner_id:
            raise NavError(MSG_FORBIDDEN, 403, 403)
        return row

    def own_order(conn: Connection, user: User, order_id: Any) -> Row[Any]:
        oid = _int(order_id, "id")
        row = conn.execute(select(t.orders).where(t.orders.c.id == oid)).first()
        if row is None:
            raise NavError(MSG_NOT_FOUND, 404, 404)
        if row.partner_id != user.partner_id:
            raise NavError(MSG_FORBIDDEN, 403, 403)
        return row

    # --- login ----------------------------------------------------------------------------------

    def issue(conn: Connection, user_id: int) -> dict[str, Any]:
        now = _utcnow()
        access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        expires = now + settings.access_ttl
        conn.execute(insert(t.tokens), [
            {"token_hash": _hash(access), "kind": "access", "user_id": user_id, "expires_at": expires},
            {"token_hash": _hash(refresh), "kind": "refresh", "user_id": user_id,
             "expires_at": now + settings.refresh_ttl}])
        u = conn.execute(select(t.users).where(t.users.c.id == user_id)).one()
        return {
            "user": {"id": str(u.id), "email": u.email, "name": u.name, "group_id": "3",
                     "group_name": "Администраторы организации", "group_code": "partner_admin",
                     "is_deleted": False, "partner_id": str(u.partner_id), "municipality_id": "0",
                     "last_authorize_ts": _stamp(now),
                     "is_password_outdated": False},
            "perms": {"AttendanceGroups": True, "AttendanceJournalView": True, "AttendanceJournalEdit": True,
                      "OrdersView": True, "OrdersUpdate": True, "OrdersChangeStatus": True,
                      "EventViewList": True, "StudentsView": True},
            "access_token": access,
            "refresh_token": refresh,
            "expired_at": _stamp(expires),
        }

    def do_login(email: str, password: str) -> dict[str, Any]:
        with portal_db.write_tx(engine) as conn:
            wanted = email.strip().lower()
            u = conn.execute(select(t.users).where(func.lower(t.users.c.email) == wanted)).first()
            if u is None or not check_password(password, u.password_hash):
                raise NavError(MSG_BAD_LOGIN, 1)
            if u.is_locked:
                raise NavError(MSG_LOCKED, 1)
            return issue(conn, u.id)

    @app.post("/api/user/login")
    async def login(request: Request) -> dict[str, Any]:
        body = await body_of(request)
        email, password = body.get("email"), body.get("password")
        if not isinstance(email, str) or not isinstance(password, str) or not email or not password:
            raise NavError("Укажите e-mail и пароль", 1)
        return envelope(await run(do_login, email, password))

    def do_refresh(token: str) -> dict[str, Any]:
        with portal_db.write_tx(engine) as conn:
            row = conn.execute(
                select(t.tokens.c.expires_at, t.users.c.id, t.users.c.is_locked)
                .join(t.users, t.users.c.id == t.tokens.c.user_id)
                .where(t.tokens.c.token_hash == _hash(token), t.tokens.c.kind == "refresh")).first()
            if row is None or row.expires_at <= _utcnow():
                raise NavError(MSG_TOKEN_EXPIRED, 401, 401)
            if row.is_locked:
                raise NavError(MSG_LOCKED, 1)
            conn.execute(delete(t.tokens).where(t.tokens.c.token_hash == _hash(token)))  # one use
            return issue(conn, row.id)

    @app.post("/api/user/refresh")
    async def refresh(request: Request) -> dict[str, Any]:
        body = await body_of(request)
        token = body.get("refresh_token")
        if not isinstance(token, str) or not token:
            raise NavError(MSG_UNAUTHORIZED, 401, 401)
        return envelope(await run(do_refresh, token))

    # --- dictionaries, years, programmes, groups ------------------------------------------------

    @app.get("/api/getDictionary/navOrderCancelReason")
    async def cancel_reasons(request: Request) -> dict[str, Any]:
        await run(authed(lambda conn, user: None), request, False)
        return envelope(list(CANCEL_REASONS))

    def years_of(conn: Connection, user: User) -> list[dict[str, Any]]:
        current = _current_year(today())
        return [{"id": r.id, "year_from": r.date_start.year, "year_to": r.date_end.year,
                 "name": f"{r.date_start.year}/{r.date_end.year}",
                 "state": "current" if r.id == current else ("past" if r.id < current else "future")}
                for r in conn.execute(select(t.academic_years).order_by(t.academic_years.c.id.desc()))]

    @app.get("/api/rest/academicYear")
    async def academic_year(request: Request) -> dict[str, Any]:
        p = list_params(request)
        return _page(await run(authed(years_of), request, False), p)

    def events_of(conn: Connection, user: User) -> list[dict[str, Any]]:
        partner = conn.execute(select(t.partners).where(t.partners.c.id == user.partner_id)).one()
        return [{"id": e.id, "name": e.name, "partner_id": e.partner_id, "partner_name": partner.public_name,
                 "age_from": e.age_from, "age_to": e.age_to, "is_deleted": False, "state": "published",
                 "domain": "education"}
                for e in conn.execute(select(t.events).where(t.events.c.partner_id == user.partner_id)
                                      .order_by(t.events.c.id))]

    @app.get("/api/rest/events")
    async def events(request: Request) -> dict[str, Any]:
        p = list_params(request)
        return _page(await run(authed(events_of), request, False), p)

    def group_row(g: Row[Any], program: str, detail: bool) -> dict[str, Any]:
        row: dict[str, Any] = {
            "id": g.id, "name": g.name, "event_id": g.event_id, "program_name": program,
            "partner_id": g.partner_id, "teacher": g.teacher, "size": g.size, "year": g.academic_year_id,
            "is_deleted": False, "date_start": _stamp(g.date_start), "date_end": _stamp(g.date_end)}
        if detail:
            row["schedule"] = json.loads(g.schedule)
        return row

    def groups_of(conn: Connection, user: User, filters: dict[str, tuple[Any, str]]) -> list[dict[str, Any]]:
        q = (select(t.groups, t.events.c.name.label("program")).join(t.events)
             .where(t.groups.c.partner_id == user.partner_id).order_by(t.groups.c.id))
        if "event_id" in filters:
            q = q.where(t.groups.c.event_id == _int(filters["event_id"][0], "event_id"))
        if "academic_year_id" in filters:
            year = _int(filters["academic_year_id"][0], "academic_year_id")
            q = q.where(t.groups.c.academic_year_id == year)
        return [group_row(g, g.program, detail=False) for g in conn.execute(q)]

    @app.get("/api/rest/eventGroups")
    async def event_groups(request: Request) -> dict[str, Any]:
        p = list_params(request)
        return _page(await run(authed(groups_of), request, False, p.filters), p)

    def one_group(conn: Connection, user: User, group_id: str) -> dict[str, Any]:
        g = own_group(conn, user, group_id)
        program = conn.execute(select(t.events.c.name).where(t.events.c.id == g.event_id)).scalar_one()
        return group_row(g, program, detail=True)

    @app.get("/api/rest/eventGroups/{group_id}")
    async def event_group(request: Request, group_id: str) -> dict[str, Any]:
        return envelope(await run(authed(one_group), request, False, group_id))

    # --- attendance -----------------------------------------------------------------------------

    def period(filters: dict[str, tuple[Any, str]]) -> tuple[datetime, datetime]:
        if "dateStart" not in filters or "dateEnd" not in filters:
            raise NavError("Не указан период (dateStart, dateEnd)")
        return _moment(filters["dateStart"][0], "dateStart"), _moment(filters["dateEnd"][0], "dateEnd")

    def required_group(conn: Connection, user: User, filters: dict[str, tuple[Any, str]]) -> Row[Any]:
        if "group_id" not in filters:
            raise NavError("Не указана группа")
        return own_group(conn, user, filters["group_id"][0])

    def lesson_days(conn: Connection, group_id: int, start: datetime, end: datetime) -> list[date]:
        # Inclusive at both ends, compared as moments: a lesson is at 00:00:00 of its day.
        return [r.date for r in conn.execute(
            select(t.lessons.c.date).where(t.lessons.c.group_id == group_id,
                                           t.lessons.c.date >= start.date(), t.lessons.c.date <= end.date())
            .order_by(t.lessons.c.date)) if start <= datetime.combine(r.date, datetime.min.time()) <= end]

    def members_of(conn: Connection, user: User, p: ListParams) -> dict[str, Any]:
        g = required_group(conn, user, p.filters)
        start, end = period(p.filters)
        if "academic_year_id" in p.filters and _int(p.filters["academic_year_id"][0], "academic_year_id") \
                != g.academic_year_id:
            return envelope([], 0)
        q = (select(t.members, t.kids).join(t.kids, t.kids.c.id == t.members.c.kid_id)
             .where(t.members.c.group_id == g.id, t.members.c.date_start <= end.date(),
                    or_(t.members.c.date_end.is_(None), t.members.c.date_end >= start.date()))
             .order_by(t.kids.c.last_name, t.kids.c.first_name, t.kids.c.patro_name, t.members.c.id))
        everyone = conn.execute(q).all()
        rows = everyone[p.start:p.start + p.length]
        days = lesson_days(conn, g.id, start, end) if p.length == DAY_FIELDS_LENGTH else []
        marks: dict[tuple[str, date], int] = {}
        if days and rows:
            for m in conn.execute(select(t.attendance).where(
                    t.attendance.c.group_id == g.id, t.attendance.c.kid_id.in_([r.kid_id for r in rows]),
                    t.attendance.c.date >= days[0], t.attendance.c.date <= days[-1])):
                marks[(m.kid_id, m.date)] = m.value
        now = today()
        out = []
        for r in rows:
            row: dict[str, Any] = {
                "id": r.id, "kid_id": r.kid_id, "group_id": g.id, "order_id": r.order_id,
                "kid_last_name": r.last_name, "kid_first_name": r.first_name, "kid_patro_name": r.patro_name,
                "kid_birthday": r.birthday.isoformat(), "kid_age": _age(r.birthday, now),
                "date_start": _stamp(r.date_start), "date_end": _stamp(r.date_end)}
            for day in days:
                row[day_field(day)] = marks.get((r.kid_id, day))
            out.append(row)
        return envelope(out, len(everyone))

    @app.get("/api/attendance/members/get")
    async def attendance_members(request: Request) -> dict[str, Any]:
        p = list_params(request)
        result: dict[str, Any] = await run(authed(members_of), request, False, p)
        return result

    def dates_of(conn: Connection, user: User, filters: dict[str, tuple[Any, str]]) -> list[dict[str, Any]]:
        g = required_group(conn, user, filters)
        start, end = period(filters)
        return [{"date": _stamp(d), "field": day_field(d)} for d in lesson_days(conn, g.id, start, end)]

    @app.get("/api/attendance/dates/get")
    async def attendance_dates(request: Request) -> dict[str, Any]:
        p = list_params(request)
        return _page(await run(authed(dates_of), request, False, p.filters), p)

    def save_mark(conn: Connection, user: User, body: dict[str, Any]) -> dict[str, Any]:
        for key in ("date", "group_id", "kid_id"):
            if body.get(key) in (None, ""):
                raise NavError(f"Не указано поле {key}")
        g = own_group(conn, user, body["group_id"])
        day = _date(body["date"], "date")
        kid = str(body["kid_id"])
        value = body.get("value")
        if value is True:
            value = 1
        elif value is False:
            value = 2
        if value not in (None, 0, 1, 2, 3, "0", "1", "2", "3", ""):
            raise NavError("Некорректное значение посещаемости")
        code = int(value) if value not in (None, "") else 0
        member = conn.execute(select(t.members.c.id).where(
            t.members.c.group_id == g.id, t.members.c.kid_id == kid, t.members.c.date_start <= day,
            or_(t.members.c.date_end.is_(None), t.members.c.date_end >= day))).first()
        if member is None:
            raise NavError("Ребёнок не обучается в группе на эту дату")
        lesson = conn.execute(select(t.lessons.c.id).where(
            t.lessons.c.group_id == g.id, t.lessons.c.date == day)).first()
        if lesson is None:
            raise NavError("На эту дату в группе нет занятия")
        cell = and_(t.attendance.c.group_id == g.id, t.attendance.c.kid_id == kid, t.attendance.c.date == day)
        conn.execute(delete(t.attendance).where(cell))
        if code:
            conn.execute(insert(t.attendance).values(group_id=g.id, kid_id=kid, date=day, value=code,
                                                     saved_at=_utcnow()))
        return envelope([])

    @app.post("/api/attendance/save")
    async def attendance_save(request: Request) -> dict[str, Any]:
        body = await body_of(request)
        result: dict[str, Any] = await run(authed(save_mark), request, True, body)
        return result

    # --- КТП --------------------------------------------------------------------------------------

    def lesson_row(r: Row[Any]) -> dict[str, Any]:
        return {"id": r.id, "group_id": r.group_id, "date": _stamp(r.date), "theme": r.theme,
                "description": r.description, "types": json.loads(r.types), "experts": [],
                "times": {"time_start": r.time_start, "duration": 1 if r.duration else 0,
                          "duration_length": r.duration, "breaks": [], "schedule_id": None},
                "active": True}

    def lessons_of(conn: Connection, user: User, group_id: Any, month: Any) -> list[dict[str, Any]]:
        if group_id in (None, "") or month in (None, ""):
            raise NavError("Не указаны группа и месяц")
        g = own_group(conn, user, group_id)
        try:
            first = date.fromisoformat(f"{str(month).strip()}-01")
        except ValueError:
            raise NavError("Некорректный месяц") from None
        nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return [lesson_row(r) for r in conn.execute(select(t.lessons).where(
            t.lessons.c.group_id == g.id, t.lessons.c.date >= first, t.lessons.c.date < nxt)
            .order_by(t.lessons.c.date))]

    @app.get("/api/event-group-lessons/get")
    async def lessons_get(request: Request) -> dict[str, Any]:
        p = list_params(request)
        q = request.query_params
        return _page(await run(authed(lessons_of), request, False, q.get("group_id"), q.get("month")), p)

    def upsert_lesson(conn: Connection, user: User, body: dict[str, Any]) -> dict[str, Any]:
        data = body.get("data")
        if not isinstance(data, dict):
            raise NavError("Не переданы данные занятия")
        if data.get("group_id") in (None, "") or data.get("date") in (None, ""):
            raise NavError("Не указаны группа и дата занятия")
        g = own_group(conn, user, data["group_id"])
        day = _date(data["date"], "date")
        if not g.date_start <= day <= g.date_end:
            raise NavError("Дата занятия вне периода обучения группы")
        theme = str(data.get("theme") or "").strip()
        if not theme:
            raise NavError("Укажите тему занятия")
        types = data.get("types") or []
        if not isinstance(types, list) or any(str(x) not in LESSON_TYPES for x in types):
            raise NavError("Неизвестный тип занятия")
        values = {"theme": theme, "description": str(data.get("description") or ""),
                  "types": json.dumps([str(x) for x in types])}
        existing = conn.execute(select(t.lessons.c.id).where(
            t.lessons.c.group_id == g.id, t.lessons.c.date == day)).scalar()
        if existing is None:
            conn.execute(insert(t.lessons).values(group_id=g.id, date=day, time_start="", duration=0,
                                                  **values))
        else:
            conn.execute(update(t.lessons).where(t.lessons.c.id == existing).values(**values))
        row = conn.execute(select(t.lessons).where(t.lessons.c.group_id == g.id,
                                                   t.lessons.c.date == day)).one()
        return envelope(lesson_row(row))

    @app.post("/api/event-group-lessons/upsert")
    async def lessons_upsert(request: Request) -> dict[str, Any]:
        body = await body_of(request)
        result: dict[str, Any] = await run(authed(upsert_lesson), request, True, body)
        return result

    # --- orders -----------------------------------------------------------------------------------

    def order_row(o: Row[Any], now: date) -> dict[str, Any]:
        return {"id": o.id, "state": o.state, "state_name": STATES_RU[o.state],
                "academic_year_id": o.academic_year_id, "fact_academic_year_id": o.academic_year_id,
                "event_id": o.event_id, "group_id": o.group_id, "fact_group_id": o.group_id,
                "partner_id": o.partner_id, "kid_id": o.kid_id,
                "kid_fio": " ".join(x for x in (o.last_name, o.first_name, o.patro_name) if x),
                "kid_birthday": o.birthday.isoformat(), "kid_age": _age(o.birthday, now),
                "created_ts": _stamp(o.created_ts), "comment": o.comment,
                "date_enroll": _stamp(o.date_enroll),
                "date_deduct": _stamp(o.date_deduct), "decree_number": o.decree_number,
                "actual_financing_source": o.financing_source, "cancel_reasons": json.loads(o.cancel_reasons)}

    def orders_of(conn: Connection, user: User, filters: dict[str, tuple[Any, str]]) -> list[dict[str, Any]]:
        q = (select(t.orders, t.kids.c.last_name, t.kids.c.first_name, t.kids.c.patro_name, t.kids.c.birthday)
             .join(t.kids, t.kids.c.id == t.orders.c.kid_id)
             .where(t.orders.c.partner_id == user.partner_id).order_by(t.orders.c.id))
        if "fact_academic_year_id" in filters:
            q = q.where(t.orders.c.academic_year_id == _int(filters["fact_academic_year_id"][0], "год"))
        if "fact_group_id" in filters:
            q = q.where(t.orders.c.group_id == _int(filters["fact_group_id"][0], "группа"))
        if "state" in filters:
            value, comparison = filters["state"]
            states = value if isinstance(value, list) else str(value).split(",")
            if comparison != "in":
                states = states[:1]
            q = q.where(t.orders.c.state.in_([str(s).strip() for s in states]))
        now = today()
        return [order_row(o, now) for o in conn.execute(q)]

    @app.get("/api/rest/order")
    async def order_list(request: Request) -> dict[str, Any]:
        p = list_params(request)
        return _page(await run(authed(orders_of), request, False, p.filters), p)

    def data_of(body: dict[str, Any]) -> dict[str, Any]:
        data = body.get("data")
        if not isinstance(data, dict) or data.get("id") in (None, ""):
            raise NavError("Не указана заявка")
        return data

    def wrong_state(o: Row[Any], action: str) -> NavError:
        return NavError(f"Заявку в статусе «{STATES_RU[o.state]}» нельзя {action}")

    def approve(conn: Connection, user: User, body: dict[str, Any]) -> dict[str, Any]:
        data = data_of(body)
        o = own_order(conn, user, data["id"])
        if o.state not in ("initial", "pause"):
            raise wrong_state(o, "подтвердить")
        conn.execute(update(t.orders).where(t.orders.c.id == o.id).values(
            state="approve", comment=str(data.get("comment") or o.comment)))
        return envelope([])

    def study(conn: Connection, user: User, body: dict[str, Any]) -> dict[str, Any]:
        data = data_of(body)
        o = own_order(conn, user, data["id"])
        if o.state != "approve":
            raise wrong_state(o, "зачислить")
        for key, what in (("date_signing", "дату приказа"), ("date_start", "дату начала обучения"),
                          ("decree_number", "номер приказа"),
                          ("financing_source", "источник финансирования")):
            if data.get(key) in (None, ""):
                raise NavError(f"Укажите {what}")
        start = _date(data["date_start"], "date_start")
        _date(data["date_signing"], "date_signing")
        source = _int(data["financing_source"], "financing_source")
        if source not in FINANCING_SOURCES:
            raise NavError("Неизвестный источник финансирования")
        g = conn.execute(select(t.groups).where(t.groups.c.id == o.group_id)).one()
        if not g.date_start <= start <= g.date_end:
            raise NavError("Дата начала обучения вне периода обучения группы")
        busy = conn.execute(select(func.count()).select_from(t.members).where(
            t.members.c.group_id == g.id, or_(t.members.c.date_end.is_(None), t.members.c.date_end >= start))
        ).scalar_one()
        if busy >= g.size:
            raise NavError("В группе нет свободных мест")
        conn.execute(update(t.orders).where(t.orders.c.id == o.id).values(
            state="study", date_enroll=start, decree_number=str(data["decree_number"]).strip(),
            financing_source=source, comment=str(data.get("comment") or o.comment)))
        next_member = (conn.execute(select(func.max(t.members.c.id))).scalar() or 0) + 1
        conn.execute(insert(t.members).values(id=next_member, group_id=g.id, kid_id=o.kid_id, order_id=o.id,
                                              date_start=start))
        return envelope([])

    def cancel(conn: Connection, user: User, body: dict[str, Any]) -> dict[str, Any]:
        data = data_of(body)
        o = own_order(conn, user, data["id"])
        if o.state not in ("initial", "pause", "approve"):
            raise wrong_state(o, "отменить")
        reasons = data.get("reasons")
        known = {r["id"] for r in CANCEL_REASONS}
        if not isinstance(reasons, list) or not reasons:
            raise NavError("Укажите причину отмены")
        kept = []
        for r in reasons:
            if not isinstance(r, dict) or _int(r.get("id"), "причина") not in known:
                raise NavError("Неизвестная причина отмены")
            kept.append({"id": int(r["id"]), "comment": str(r.get("comment") or "")})
        conn.execute(update(t.orders).where(t.orders.c.id == o.id).values(
            state="cancel", cancel_reasons=json.dumps(kept, ensure_ascii=False)))
        return envelope([])

    for path, fn in (("/api/approveRequest", approve), ("/api/studyRequest", study),
                     ("/api/cancelRequest", cancel)):

        async def decide(request: Request, fn: Callable[..., Any] = fn) -> dict[str, Any]:
            body = await body_of(request)
            result: dict[str, Any] = await run(authed(fn), request, True, body)
            return result

        app.add_api_route(path, decide, methods=["POST"])

    # --- children ---------------------------------------------------------------------------------

    def kids_by_fio(conn: Connection, user: User,
                    filters: dict[str, tuple[Any, str]]) -> list[dict[str, Any]]:
        wanted = " ".join(str(filters.get("fio", ("", ""))[0] or "").split()).casefold()
        if len(wanted) < 3:
            raise NavError("Укажите ФИО ребёнка (не меньше 3 букв)")
        out = []
        for k in conn.execute(select(t.kids).order_by(t.kids.c.last_name, t.kids.c.first_name, t.kids.c.id)):
            fio = " ".join(x for x in (k.last_name, k.first_name, k.patro_name) if x)
            if wanted in fio.casefold():
                out.append({"id": k.id, "fio": fio, "birthday": k.birthday.isoformat(),
                            "approve_org_caption": "", "site_user_id": k.site_user_id})
        return out

    @app.get("/api/rest/safe/kid")
    async def safe_kid(request: Request) -> dict[str, Any]:
        p = list_params(request)
        return _page(await run(authed(kids_by_fio), request, False, p.filters), p)

    return app


def _current_year(today: date) -> int:
    return today.year if today.month >= 9 else today.year - 1
