"""The portal's HTTP API: ``/api/sync/v1`` as described in docs/sync-protocol.md."""

from __future__ import annotations

import gzip
import logging
import math
import re
import threading
import time
import zlib
from collections import deque
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from pfdo_desktop.sync import protocol as p

from . import db, service
from .service import ApiError

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class PortalSettings:
    """Knobs of one portal instance."""

    portal_name: str = "Навигатор дополнительного образования (учебный портал)"
    min_client_version: str = "0.1.0"
    protocol_min: int = p.PROTOCOL_VERSION
    protocol_max: int = p.PROTOCOL_VERSION
    max_ops_per_push: int = p.MAX_OPS_PER_PUSH
    max_pull_limit: int = p.MAX_PULL_LIMIT
    # Requests per device (per client address for /device/enrol) in a sliding minute; None = off.
    rate_limit_per_minute: int | None = None
    # Create missing tables when the app is created.
    create_schema: bool = True
    # The portal's «today» for the enrolment rules (closed period, ages); None = the clock.
    # Fixed by tests and training setups so a scenario does not drift with the calendar.
    today: date | None = None

    def today_or_clock(self) -> date:
        return self.today or date.today()


def parse_version(text: str) -> tuple[int, int, int]:
    nums = [int(x) for x in re.findall(r"\d+", text or "")[:3]]
    while len(nums) < 3:
        nums.append(0)
    return nums[0], nums[1], nums[2]


class RateLimiter:
    """A sliding one-minute window per key, in memory (one portal process)."""

    def __init__(self, per_minute: int, window: float = 60.0) -> None:
        self.per_minute = per_minute
        self.window = window
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> None:
        now = time.monotonic()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and now - hits[0] >= self.window:
                hits.popleft()
            if len(hits) >= self.per_minute:
                retry = max(1, math.ceil(self.window - (now - hits[0])))
                raise ApiError(
                    429,
                    "rate_limited",
                    f"Слишком много запросов. Повторите через {retry} с.",
                    {"Retry-After": str(retry)},
                )
            hits.append(now)


def _error_response(exc: ApiError) -> Response:
    return JSONResponse(
        status_code=exc.status,
        content=p.ErrorBody(code=exc.code, message=exc.message).model_dump(),
        headers=exc.headers,
    )


def create_app(db_url: str, *, settings: PortalSettings | None = None) -> FastAPI:
    """The portal as an ASGI app over the database at ``db_url`` (a URL or a SQLite file path)."""
    settings = settings or PortalSettings()
    engine = db.make_engine(db_url)
    if settings.create_schema:
        db.create_schema(engine)
    limiter = RateLimiter(settings.rate_limit_per_minute) if settings.rate_limit_per_minute else None

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        engine.dispose()

    app = FastAPI(title=settings.portal_name, lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.engine = engine
    app.state.settings = settings
    # Level 6: level 9 costs twice the CPU for ~3 % fewer bytes (setup-notes.md).
    app.add_middleware(GZipMiddleware, minimum_size=500, compresslevel=6)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> Response:
        return _error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> Response:
        fields = ", ".join(".".join(str(x) for x in e.get("loc", ())) for e in exc.errors())
        return _error_response(ApiError(400, "bad_request", f"Неверный запрос: {fields}"))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> Response:
        code, message = {
            404: ("not_found", "Такого адреса у портала нет. Проверьте адрес портала."),
            405: ("method_not_allowed", "Этот адрес не принимает такой запрос."),
        }.get(exc.status_code, ("http_error", str(exc.detail)))
        return _error_response(ApiError(exc.status_code, code, message))

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> Response:
        log.exception("unexpected error: %s", type(exc).__name__)
        return _error_response(
            ApiError(500, "internal", "Внутренняя ошибка портала. Повторите попытку позже.")
        )

    def check_headers(request: Request) -> None:
        version = request.headers.get(p.HEADER_CLIENT_VERSION)
        if version is not None and parse_version(version) < parse_version(settings.min_client_version):
            raise ApiError(
                426,
                "client_too_old",
                f"Версия программы {version[:32]} устарела: портал принимает версии от "
                f"{settings.min_client_version}. Обновите программу.",
            )
        proto = request.headers.get(p.HEADER_PROTOCOL)
        if proto is not None:
            try:
                value = int(proto)
            except ValueError:
                value = -1
            if not settings.protocol_min <= value <= settings.protocol_max:
                raise ApiError(
                    426,
                    "protocol_unsupported",
                    "Программа и портал говорят на разных версиях протокола обмена. Обновите программу.",
                )

    def device_of(request: Request) -> service.Device:
        auth = request.headers.get("authorization")
        if limiter is not None and auth:
            limiter.check("t:" + service.token_sha256(auth))
        return service.authenticate(engine, auth)

    async def read_json(request: Request, model: type[BaseModel]) -> Any:
        body = await request.body()
        encoding = request.headers.get("content-encoding", "").strip().lower()
        if encoding in ("gzip", "x-gzip"):
            try:
                dec = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
                body = dec.decompress(body, MAX_BODY_BYTES)
                if dec.unconsumed_tail or not dec.eof:
                    raise ValueError("truncated or too large")
            except (zlib.error, ValueError, EOFError, gzip.BadGzipFile) as exc:
                raise ApiError(
                    400, "bad_request", "Тело запроса повреждено: не удалось распаковать gzip."
                ) from exc
        elif encoding not in ("", "identity"):
            raise ApiError(400, "bad_request", f"Неизвестное сжатие тела запроса: {encoding[:20]}")
        try:
            return model.model_validate_json(body)
        except ValidationError as exc:
            fields = "; ".join(
                f"{'.'.join(str(x) for x in e.get('loc', ())) or 'тело'}: {e.get('msg', '')}"
                for e in exc.errors()[:5]
            )
            raise ApiError(400, "bad_request", f"Неверное тело запроса ({fields})") from exc

    def _json(model: BaseModel) -> Response:
        """pydantic's own serializer: several times faster than model_dump + json.dumps."""
        return Response(model.model_dump_json(), media_type="application/json")

    router = APIRouter(prefix=p.API_PREFIX)

    @router.post("/device/enrol")
    async def enrol(request: Request) -> Response:
        check_headers(request)
        if limiter is not None:
            limiter.check("enrol:" + (request.client.host if request.client else "?"))
        body = await read_json(request, p.EnrolRequest)
        result = await run_in_threadpool(service.enrol, engine, body)
        return _json(result)

    @router.get("/info")
    async def info(request: Request) -> Response:
        check_headers(request)
        # Without a token /info still answers (the first-run dialog checks the address with it);
        # with a token, the token must be valid.
        if request.headers.get("authorization"):
            await run_in_threadpool(device_of, request)
        result = p.InfoResponse(
            server_time=datetime.now(UTC),
            protocol_min=settings.protocol_min,
            protocol_max=settings.protocol_max,
            min_client_version=settings.min_client_version,
            max_ops_per_push=settings.max_ops_per_push,
            max_pull_limit=settings.max_pull_limit,
            portal_name=settings.portal_name,
            price_cap_ratio=await run_in_threadpool(_price_cap),
        )
        return _json(result)

    def _price_cap() -> str | None:
        with db.read_tx(engine) as conn:
            return db.get_setting(conn, db.PRICE_CAP_KEY)

    @router.post("/push")
    async def push(request: Request) -> Response:
        check_headers(request)
        device = await run_in_threadpool(device_of, request)
        body: p.PushRequest = await read_json(request, p.PushRequest)
        if len(body.ops) > settings.max_ops_per_push:
            raise ApiError(400, "bad_request", f"В пакете больше {settings.max_ops_per_push} изменений.")
        result = await run_in_threadpool(service.push, engine, device, body, settings.today_or_clock())
        return _json(result)

    @router.get("/pull")
    async def pull(
        request: Request,
        stream: str = "master",
        cursor: str = "",
        limit: int = p.DEFAULT_PULL_LIMIT,
        provider: int | None = None,
    ) -> Response:
        check_headers(request)
        device = await run_in_threadpool(device_of, request)
        if stream not in p.STREAMS:
            raise ApiError(400, "bad_request", f"Неизвестный поток: {stream[:20]} (master или own)")
        if limit < 1:
            raise ApiError(400, "bad_request", "limit должен быть не меньше 1")
        if provider is not None and provider != device.provider_id:
            raise ApiError(
                403,
                "forbidden",
                "Этот компьютер подключён к другой организации: её данные недоступны.",
            )
        limit = min(limit, settings.max_pull_limit)
        result = await run_in_threadpool(service.pull, engine, device.provider_id, stream, cursor, limit)
        return _json(result)

    app.include_router(router)
    return app
