"""The portal's HTTP API: ``/api/sync/v1`` as described in docs/sync-protocol.md."""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress
import json
import logging
import os
import re
import zlib
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any
from urllib.parse import parse_qsl, quote, unquote

from anyio import to_thread
from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ValidationError
from pydantic.json_schema import models_json_schema
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from pfdo_desktop.domain.updates import UpdateInfo, install_advice_ru
from pfdo_desktop.sync import protocol as p

from . import db, indicators_api, releases, service
from .common import ApiError, Device, contains_nul
from .limits import GuessGuard, RateLimiter

log = logging.getLogger(__name__)

KB = 1024
MB = 1024 * KB


@dataclass(frozen=True)
class PortalSettings:
    """Knobs of one portal instance."""

    portal_name: str = "Навигатор дополнительного образования (учебный портал)"
    min_client_version: str = "0.1.0"
    protocol_min: int = p.PROTOCOL_VERSION
    protocol_max: int = p.PROTOCOL_VERSION
    max_ops_per_push: int = p.MAX_OPS_PER_PUSH
    max_pull_limit: int = p.MAX_PULL_LIMIT
    # Requests per device (per client address for /device/enrol) per minute; None = off. Counted in
    # the database (limits.RateLimiter: a burst of N, then one each 60/N s), by all workers together.
    rate_limit_per_minute: int | None = None
    # Connections to the database a process keeps open, and the threads doing database work
    # (one connection each; more concurrent requests wait for a thread). Threads beyond the pool
    # made SQLAlchemy open and close «overflow» connections all the time under load: ≈ 150 new
    # PostgreSQL sessions (a process forked each) per 600 no-op requests (issue 15, row 15a).
    # `serve --workers N` holds N × this many connections.
    db_pool_size: int = 8
    # Create missing tables when the app is created.
    create_schema: bool = True
    # The portal's «today» for the enrolment rules (closed period, ages); None = the clock.
    # Fixed by tests and training setups so a scenario does not drift with the calendar.
    today: date | None = None
    # Request bodies (docs/sync-protocol.md, «Limits»): capped while they arrive, before anything
    # is buffered, both as sent and unpacked. /device/enrol carries ~150 bytes.
    max_enrol_body_bytes: int = 4 * KB
    # A push may carry max_ops_per_push × this (8 MB for 500 ops; a push of 500 marks is ~125 KB
    # unpacked, ~25 KB gzipped; the largest op, a programme card, is a few KB).
    max_op_bytes: int = 16 * KB
    # Seconds a body may pause between two pieces, and the whole body may take (→ 408).
    body_idle_timeout: float = 30.0
    body_total_timeout: float = 300.0
    # Seconds a connection may take to send a request's line and headers (from its first byte, or
    # from the connection when nothing came yet); then it is closed (http_protocol.py).
    header_timeout: float = 10.0
    # Wrong enrolment codes, always counted (also with rate_limit_per_minute off), in a sliding
    # window (limits.GuessGuard, in the database: all workers count together): an address over its
    # limit → 429 for everything from it; past the total
    # (over all addresses) a wrong code → 429 instead of 404 and an address is blocked after
    # …_under_attack wrong codes, while the codes the portal issued still enrol.
    enrol_failures_per_address: int = 10
    enrol_failures_total: int = 100
    enrol_failures_per_address_under_attack: int = 3
    enrol_failure_window: float = 600.0

    def today_or_clock(self) -> date:
        return self.today or date.today()

    @property
    def max_push_body_bytes(self) -> int:
        return self.max_ops_per_push * self.max_op_bytes


# What X-PFDO-Client-Version may hold: «0.1.0», «1.2.3.dev4», «2.0.0-rc1».
CLIENT_VERSION_PATTERN = r"^\d{1,6}(\.\d{1,6}){0,3}([-+.~][0-9A-Za-z.+~-]{1,20})?$"
CLIENT_VERSION_RE = re.compile(CLIENT_VERSION_PATTERN)


def parse_version(text: str) -> tuple[int, int, int]:
    nums = [int(x) for x in re.findall(r"\d+", text or "")[:3]]
    while len(nums) < 3:
        nums.append(0)
    return nums[0], nums[1], nums[2]


def client_key(request: Request) -> str:
    """Whom a guess is counted for: the client's IPv4 address, or the /64 network of an IPv6 one
    (a single IPv6 client usually holds a whole /64 and could take a fresh address per guess)."""
    host = request.client.host if request.client else "?"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def size_ru(n: int) -> str:
    """«4 КБ», «8 МБ», «700 байт»."""
    if n < KB:
        return f"{n} байт"
    value, unit = (n / MB, "МБ") if n >= MB else (n / KB, "КБ")
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",") + f" {unit}"


# The connection is closed after these answers: the rest of the body is never read.
_CLOSE = {"Connection": "close"}
_UNPACK_STEP = 64 * KB


def _too_large(limit: int, unpacked: bool) -> ApiError:
    where = " после распаковки" if unpacked else ""
    return ApiError(
        413,
        p.E_BODY_TOO_LARGE,
        f"Запрос слишком большой: портал принимает по этому адресу не больше {size_ru(limit)}{where}. "
        "Если это программа PFDO Desktop, обновите её или отправляйте изменения частями.",
        _CLOSE,
    )


class BodyAborted(ApiError):
    """The client went away in the middle of its body: nobody reads the answer."""

    def __init__(self) -> None:
        super().__init__(400, "body_aborted", "Клиент прервал отправку запроса.")


async def read_body(request: Request, limit: int, idle_timeout: float, total_timeout: float) -> bytes:
    """The request body, unpacked (``Content-Encoding: gzip``), read and unpacked a piece at a time.

    Refused before anything is buffered: a declared ``Content-Length`` over ``limit``, a body (sent
    or unpacked) growing over ``limit`` → 413; no piece for ``idle_timeout`` seconds or the whole
    body over ``total_timeout`` → 408. The connection is closed after either. A client that goes
    away mid-body is one warning line.
    """
    path = request.url.path  # never the query string: it may carry what a log must not keep
    encoding = request.headers.get("content-encoding", "").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        decoder: Any = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    elif encoding in ("", "identity"):
        decoder = None
    else:
        raise ApiError(400, "bad_request", f"Неизвестное сжатие тела запроса: {encoding[:20]}", _CLOSE)
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise ApiError(400, "bad_request", "Неверный заголовок Content-Length.", _CLOSE)
        if int(declared) > limit:
            raise _too_large(limit, unpacked=False)
    loop = asyncio.get_running_loop()
    started = loop.time()
    received = 0
    body = bytearray()
    while True:
        left = total_timeout - (loop.time() - started)
        try:
            if left <= 0:
                raise TimeoutError
            message = await asyncio.wait_for(request.receive(), min(idle_timeout, left))
        except TimeoutError:
            log.warning("%s %s: request body stalled after %d bytes in %.0f s; answered 408 and closed",
                        request.method, path, received, loop.time() - started)
            raise ApiError(
                408,
                p.E_BODY_TIMEOUT,
                "Запрос передавался слишком медленно, портал перестал его ждать. Проверьте связь и "
                "повторите синхронизацию.",
                _CLOSE,
            ) from None
        if message["type"] == "http.disconnect":
            log.warning("%s %s: the client aborted the request body after %d bytes",
                        request.method, path, received)
            raise BodyAborted()
        chunk = message.get("body", b"")
        received += len(chunk)
        if received > limit:
            raise _too_large(limit, unpacked=False)
        if decoder is None:
            body += chunk
        else:
            # A piece of at most 64 KB unpacked at a time: a small gzip bomb never unpacks whole.
            data = chunk
            while data:
                try:
                    body += decoder.decompress(data, min(_UNPACK_STEP, limit + 1 - len(body)))
                except zlib.error:
                    raise ApiError(
                        400, "bad_request", "Тело запроса повреждено: не удалось распаковать gzip.", _CLOSE
                    ) from None
                if len(body) > limit:
                    raise _too_large(limit, unpacked=True)
                data = decoder.unconsumed_tail
        if not message.get("more_body", False):
            break
    if decoder is not None:
        body += decoder.flush()
        if len(body) > limit:
            raise _too_large(limit, unpacked=True)
        if not decoder.eof or decoder.unused_data:
            raise ApiError(400, "bad_request", "Тело запроса повреждено: не удалось распаковать gzip.")
    return bytes(body)


# Query parameters of the API whose values a log may keep — only when the value has that parameter's
# own shape; the value of any other parameter is masked (a client that puts a token or a code into a
# URL must not leave it in the portal's log), and so is a value of the wrong shape
# (``limit=UAW6-W69A``).
_LOGGABLE_PARAMS = {
    "stream": re.compile(r"master|own"),
    "cursor": re.compile(r"[0-9a-f]{1,16}\.\d{1,19}"),  # service.make_cursor: «epoch.seq»
    "limit": re.compile(r"\d{1,6}"),
    "provider": re.compile(r"\d{1,7}"),  # never 8 digits: a code may be all digits
}
# What an enrolment code looks like as typed: 8 letters or digits, maybe split in two by a hyphen,
# a space, a dot or an underscore (``ABCD-EFGH``, ``abcd efgh``, ``ABCDEFGH``) …
_CODE_SHAPED = re.compile(r"[A-Za-z0-9]{4}[-\s_.]?[A-Za-z0-9]{4}")
# … and a token (``secrets.token_urlsafe``): a long run of URL-safe characters.
_TOKEN_SHAPED = re.compile(r"[A-Za-z0-9_\-+/=~.%]{16,}")
_PARAM_NAME = re.compile(r"[A-Za-z_]{1,32}")
_URL_IN_TEXT = re.compile(r"(/[^\s\"'<>]*)")
_SECRET_IN_TEXT = (
    (re.compile(r"(?i)(bearer\s+)[^\s\"',;]+"), r"\1***"),
    (re.compile(r"(?i)((?:token|code|key|secret|password|auth\w*)[\"']?\s*[:=]\s*[\"']?)[^\s\"'&,;]+"),
     r"\1***"),
    # A code (``ABCD-EFGH``) standing alone, not a piece of a UUID (op and device ids are logged).
    (re.compile(r"(?<![\w-])[A-Za-z0-9]{4}-[A-Za-z0-9]{4}(?![\w-])"), "***"),
    # A token: longer than any id the portal logs (a UUID is 36 characters, an op id at most 40).
    (re.compile(r"(?<![\w-])[A-Za-z0-9_-]{41,}(?![\w-])"), "***"),
)


def looks_secret(value: str) -> bool:
    """A value shaped like an enrolment code or a token (as typed, or %-encoded)."""
    value = unquote(value).strip()
    return bool(_CODE_SHAPED.fullmatch(value) or _TOKEN_SHAPED.fullmatch(value))


def mask_path(path: str) -> str:
    """``/api/sync/v1/device/UAW6-W69A`` → ``/api/sync/v1/device/***``: a code- or token-shaped piece
    of a path is masked (the API's own paths have none)."""
    return "/".join("***" if piece and looks_secret(piece) else piece for piece in path.split("/"))


def mask_query(path_with_query: str) -> str:
    """``/pull?stream=own&token=abc&limit=UAW6-W69A`` → ``/pull?stream=own&token=***&limit=***``;
    the path is masked by ``mask_path``."""
    path, sep, query = path_with_query.partition("?")
    path = mask_path(path)
    if not sep:
        return path
    pairs = parse_qsl(query, keep_blank_values=True)
    if not pairs:
        return f"{path}?***" if query else path

    def shown(key: str, value: str) -> str:
        shape = _LOGGABLE_PARAMS.get(key)
        name = key if shape is not None or (_PARAM_NAME.fullmatch(key) and not looks_secret(key)) else "***"
        kept = shape is not None and (shape.fullmatch(value) is not None or (key == "cursor" and not value))
        return f"{name}={quote(value, safe='') if kept else '***'}"

    return path + "?" + "&".join(shown(k, v) for k, v in pairs)


def mask_secrets(text: str) -> str:
    """Any line: a URL in it as ``mask_query`` does, a bearer token, ``token=…``/``code=…``, and
    whatever is shaped like a code or a token."""
    text = _URL_IN_TEXT.sub(lambda m: mask_query(m.group(1)), text)
    for pattern, replacement in _SECRET_IN_TEXT:
        text = pattern.sub(replacement, text)
    return text


class SecretsFilter(logging.Filter):
    """Attached to the handlers of ``pfdo-portal serve``: uvicorn's access lines lose the values of
    query parameters other than the API's own, and any line loses what looks like a token."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "uvicorn.access" and isinstance(record.args, tuple) and len(record.args) == 5:
            args = list(record.args)
            args[2] = mask_query(str(args[2]))
            record.args = tuple(args)
        else:
            message = record.getMessage()
            masked = mask_secrets(message)
            if masked != message:
                record.msg, record.args = masked, None
        return True


def serve_log_config(workers: int = 1) -> dict[str, Any]:
    """uvicorn's logging configuration with SecretsFilter on every handler, our own loggers on the
    same console (the portal writes no log file: the service manager keeps its output). With
    several workers each line names the process that wrote it (``[12345]``), as uvicorn's own
    «Started server process [12345]» does: a worker's lines can be told from the others'."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {"secrets": {"()": SecretsFilter}}
    for handler in config["handlers"].values():
        handler["filters"] = ["secrets"]
    if workers > 1:
        for formatter in config["formatters"].values():
            formatter["fmt"] = formatter["fmt"].replace("%(levelprefix)s ", "%(levelprefix)s [%(process)d] ")
    config["loggers"]["pfdo_portal"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


# How `serve --workers N` hands its database and settings to the workers: through their
# environment (uvicorn starts each worker as a fresh interpreter that imports the app factory), not
# through argv, where every user of the machine could read a password in the URL.
DB_ENV = "PFDO_PORTAL_DB"
SETTINGS_ENV = "PFDO_PORTAL_SETTINGS"


def settings_to_environment(settings: PortalSettings) -> str:
    """The settings as one JSON text (``today`` as ГГГГ-ММ-ДД)."""
    values = dataclasses.asdict(settings)
    values["today"] = settings.today.isoformat() if settings.today else None
    return json.dumps(values, ensure_ascii=False)


def settings_from_environment(text: str) -> PortalSettings:
    values = json.loads(text)
    if values.get("today"):
        values["today"] = date.fromisoformat(values["today"])
    known = {f.name for f in dataclasses.fields(PortalSettings)}
    return PortalSettings(**{k: v for k, v in values.items() if k in known})


def app_from_environment() -> FastAPI:
    """The app of one worker of ``pfdo-portal serve --workers N`` (uvicorn's factory): the database
    and settings from ``PFDO_PORTAL_DB`` and ``PFDO_PORTAL_SETTINGS``. The schema is not touched:
    the parent made it before starting the workers (N workers creating tables at once would race)."""
    settings = settings_from_environment(os.environ.get(SETTINGS_ENV) or "{}")
    return create_app(os.environ[DB_ENV], settings=dataclasses.replace(settings, create_schema=False))


def _error_response(exc: ApiError) -> Response:
    return JSONResponse(
        status_code=exc.status,
        content=p.ErrorBody(code=exc.code, message=exc.message).model_dump(),
        headers=exc.headers,
    )


# What each status of an error answer means (OpenAPI); the body is always ErrorBody.
_ERROR_STATUS = {
    400: "Malformed request: body, parameters or compression (`bad_request`).",
    401: "No, unknown or revoked device token (`token_invalid`, `token_revoked`).",
    403: "Another provider's data or another device's batch (`forbidden`).",
    404: "Unknown enrolment code (`code_invalid`).",
    408: "The body stalled or took too long (`body_timeout`); the connection is closed.",
    409: "Enrolment code used, expired or issued for another provider than `expected_provider_id` "
    "(`code_used`, `code_expired`, `code_other_provider`); nothing is spent.",
    410: "The cursor is no longer valid: download the stream again (`reset_required`).",
    413: "The body is over the endpoint's limit, as sent or unpacked (`body_too_large`), or a push "
    "carries more ops than `max_ops_per_push` (`too_many_ops`); the message names the limit.",
    426: "The program or its protocol is too old (`client_too_old`, `protocol_unsupported`).",
    429: "Too many requests or wrong enrolment codes (`rate_limited`); see `Retry-After`.",
    500: "Unexpected failure of the portal (`internal`).",
    503: "The portal could not write the batch; nothing of it was kept: send it again (`retry_later`).",
}
_RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}}


def _responses(ok: type[BaseModel], *errors: int) -> dict[int | str, dict[str, Any]]:
    out: dict[int | str, dict[str, Any]] = {200: {"model": ok, "description": "OK"}}
    for status in (*errors, 500):
        out[status] = {"model": p.ErrorBody, "description": _ERROR_STATUS[status]}
        if status == 429:
            out[status]["headers"] = _RETRY_AFTER
    return out


# Headers every request carries (docs/sync-protocol.md); an old client is answered 426.
_CLIENT_HEADERS = [
    {"name": p.HEADER_CLIENT_VERSION, "in": "header", "required": False,
     "schema": {"type": "string", "maxLength": 32, "pattern": CLIENT_VERSION_PATTERN},
     "description": "The program's version, e.g. 0.1.0 (older than the portal's minimum: 426)."},
    {"name": p.HEADER_PROTOCOL, "in": "header", "required": False,
     "schema": {"type": "string", "maxLength": 8}, "description": "The protocol version, e.g. 1."},
]
_BEARER: list[dict[str, list[str]]] = [{"bearerAuth": []}]

# Bodies read by read_body/read_json (never by FastAPI, which would buffer them whole).
_REQUEST_MODELS: tuple[type[BaseModel], ...] = (p.EnrolRequest, p.PushRequest)


def _operation(model: type[BaseModel] | None, example: dict[str, Any] | None = None,
               security: list[dict[str, list[str]]] | None = None) -> dict[str, Any]:
    extra: dict[str, Any] = {"parameters": list(_CLIENT_HEADERS)}
    if model is not None:
        media: dict[str, Any] = {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}
        if example is not None:
            media["example"] = example
        extra["requestBody"] = {
            "required": True,
            "description": "JSON, gzip-compressed with `Content-Encoding: gzip` or plain.",
            "content": {"application/json": media},
        }
    if security is not None:
        extra["security"] = security
    return extra


_ENROL_EXAMPLE = {"code": "ABCD-EFGH", "db_uuid": "6f1c0e5e2b7d4c35a1f0", "app_version": "0.1.0",
                  "expected_provider_id": None}
_PUSH_EXAMPLE = {
    "device_id": "b0c3b1a2-5d7e-4f7a-9e38-1f2a3b4c5d6e",
    "batch_id": "batch-1",
    "ops": [{"op_id": "0190f5b2-7c1d-7e00-8000-000000000001", "kind": "mark.set",
             "payload": {"group_id": 1, "child_id": 1, "lesson_date": "2025-11-24", "code": 1,
                         "changed_at": "2025-11-24T10:00:00Z", "changed_by": "operator"}}],
}

_REF = "#/components/schemas/{model}"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": _REF.format(model=name)}


def _camel(name: str) -> str:
    """«application.create» → «ApplicationCreate», «schedule_slot» → «ScheduleSlot»."""
    return "".join(part.capitalize() for part in re.split(r"[._]", name))


def _describe_ops_and_rows(schemas: dict[str, Any]) -> None:
    """Type what the envelope leaves open: a push's ``ops`` are read one by one (``Op.kind`` any
    text, ``payload`` any object, each item then read with the union of typed ops, ``parse_op``,
    so that one that does not fit is refused alone), so the description says the union:

    * ``Op`` is one of an object per kind (``MarkSetOp``, ``ChildCreateOp`` …), told apart by
      ``kind`` (a discriminator), each with its payload model (``protocol.OP_PAYLOADS``);
    * ``PullResponse.changes`` has a property per entity (``ProgramChanges`` …) whose upserts are the
      entity's row (``protocol.PULLED_RECORDS``) and whose deletes are its ids (own entities:
      ``protocol.OWN_KEYS``, ``MarkKey`` / ``LessonKey``).
    """
    payloads: dict[str, type[BaseModel]] = dict(p.OP_PAYLOADS)
    models: set[type[BaseModel]] = {*payloads.values(), *p.PULLED_RECORDS.values(), *p.OWN_KEYS.values()}
    _, defs = models_json_schema([(m, "validation") for m in sorted(models, key=lambda m: m.__name__)],
                                 ref_template=_REF)
    schemas.update(defs.get("$defs", {}))
    op_id = schemas["Op"]["properties"]["op_id"]
    mapping: dict[str, str] = {}
    for kind in p.OP_KINDS:
        name = f"{_camel(kind)}Op"
        payload: dict[str, Any] = _ref(payloads[kind].__name__)
        if kind == p.OP_MARK_SET:  # the attendance code: 1 был … 4 (domain.attendance)
            payload = {"allOf": [payload, {"properties": {
                "code": {"type": "integer", "minimum": 1, "maximum": 4}}}]}
        schemas[name] = {
            "title": name,
            "type": "object",
            "description": f"An op of kind `{kind}`.",
            "required": ["op_id", "kind", "payload"],
            "properties": {"op_id": op_id, "kind": {"type": "string", "enum": [kind]}, "payload": payload},
        }
        mapping[kind] = _REF.format(model=name)
    schemas["Op"] = {
        "title": "Op",
        "description": "One change a PC sends: `op_id` (its idempotency key), `kind` and the kind's "
        "payload (docs/sync-protocol.md, «POST /push»). An op whose kind is unknown or whose payload "
        "does not fit is refused on its own: the push answers 200 and that op's result is `rejected` "
        "(`unknown_kind` / `invalid` with `field_errors`); the other ops are applied.",
        "oneOf": [{"$ref": ref} for ref in mapping.values()],
        "discriminator": {"propertyName": "kind", "mapping": mapping},
    }
    entities: dict[str, Any] = {}
    for entity in (*p.MASTER_ENTITIES, *p.OWN_ENTITIES):
        name = f"{_camel(entity)}Changes"
        if entity in p.OWN_KEYS:  # a mark: MarkKey, a lesson state: LessonKey
            key: dict[str, Any] = _ref(p.OWN_KEYS[entity].__name__)
        else:
            key = {"type": "string"} if entity in p.TEXT_ID_ENTITIES else {"type": "integer"}
        schemas[name] = {
            "title": name,
            "type": "object",
            "description": f"Changes of `{entity}` rows in a page: rows to store, ids to archive/remove.",
            "properties": {
                "upserts": {"type": "array", "items": _ref(p.PULLED_RECORDS[entity].__name__)},
                "deletes": {"type": "array", "items": key},
            },
        }
        entities[entity] = _ref(name)
    changes = schemas["PullResponse"]["properties"]["changes"]
    schemas["PullResponse"]["properties"]["changes"] = {
        "title": changes.get("title", "Changes"),
        "type": "object",
        "description": "Per entity (only those with changes in the page), parents first.",
        "properties": entities,
        "additionalProperties": False,
    }
    schemas.pop("EntityChanges", None)


# pydantic's error types in a bad query → what the operator reads.
_QUERY_ERRORS_RU = {
    "greater_than_equal": "слишком маленькое значение",
    "literal_error": "недопустимое значение",
    "int_parsing": "нужно целое число",
    "string_too_long": "слишком длинное значение",
}


def create_app(db_url: str, *, settings: PortalSettings | None = None) -> FastAPI:
    """The portal as an ASGI app over the database at ``db_url`` (a URL or a SQLite file path)."""
    settings = settings or PortalSettings()
    engine = db.make_engine(db_url, pool_size=settings.db_pool_size)
    if settings.create_schema:
        db.create_schema(engine)
    # The limits live in the database: every worker of `serve --workers N` counts with the others.
    limiter = RateLimiter(engine, settings.rate_limit_per_minute) if settings.rate_limit_per_minute else None
    guard = GuessGuard(
        engine, settings.enrol_failures_per_address, settings.enrol_failures_total,
        settings.enrol_failure_window,
        per_address_under_attack=settings.enrol_failures_per_address_under_attack,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        # The threads run_in_threadpool hands database work to (anyio's default: 40): no more than
        # the pool's connections, so none is opened beyond it.
        to_thread.current_default_thread_limiter().total_tokens = settings.db_pool_size
        yield
        engine.dispose()

    app = FastAPI(title=settings.portal_name, lifespan=lifespan, docs_url=None, redoc_url=None,
                  version=str(p.PROTOCOL_VERSION))
    app.state.engine = engine
    app.state.settings = settings
    # Level 6: level 9 costs twice the CPU for ~3 % fewer bytes (setup-notes.md).
    app.add_middleware(GZipMiddleware, minimum_size=500, compresslevel=6)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> Response:
        return _error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> Response:
        fields = "; ".join(
            f"{'.'.join(str(x) for x in e.get('loc', ())[1:]) or 'запрос'}: "
            f"{_QUERY_ERRORS_RU.get(e.get('type', ''), 'неверное значение')}"
            for e in exc.errors()[:5]
        )
        return _error_response(ApiError(400, "bad_request", f"Неверный запрос ({fields})."))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> Response:
        code, message = {
            404: ("not_found", "Такого адреса у портала нет. Проверьте адрес портала."),
            405: ("method_not_allowed", "Этот адрес не принимает такой запрос."),
        }.get(exc.status_code, ("http_error", str(exc.detail)))
        return _error_response(ApiError(exc.status_code, code, message, dict(exc.headers or {})))

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> Response:
        log.exception("unexpected error: %s", type(exc).__name__)
        return _error_response(
            ApiError(500, "internal", "Внутренняя ошибка портала. Повторите попытку позже.")
        )

    def check_headers(request: Request) -> None:
        version = request.headers.get(p.HEADER_CLIENT_VERSION)
        if version is not None and not CLIENT_VERSION_RE.fullmatch(version):
            raise ApiError(
                400,
                "bad_request",
                f"Неверный заголовок {p.HEADER_CLIENT_VERSION}: нужна версия программы вида 0.1.0.",
            )
        if version is not None and parse_version(version) < parse_version(settings.min_client_version):
            raise ApiError(
                426,
                "client_too_old",
                f"Версия программы {version[:32]} устарела: портал принимает версии от "
                f"{settings.min_client_version}. Обновите программу. "
                + install_advice_ru(settings.min_client_version, published_release()),
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
                    "Программа и портал говорят на разных версиях протокола обмена. Обновите программу. "
                    + install_advice_ru(None, published_release()),
                )

    def published_release() -> UpdateInfo | None:
        """The release an old PC is told to install. Read on the refusal path only (rare, one
        small row), so the event loop is not handed to a thread for it; a failed read names none."""
        try:
            with db.read_tx(engine) as conn:
                return releases.as_update(releases.latest_client(conn))
        except Exception:  # noqa: BLE001 - the refusal still goes out, without the release
            log.warning("the published client release could not be read for a refusal")
            return None

    def device_of(request: Request) -> Device:
        auth = request.headers.get("authorization")
        if limiter is not None and auth:
            limiter.check("t:" + service.token_sha256(auth))
        return service.authenticate(engine, auth)

    def check_address(address: str) -> None:
        if limiter is not None:
            limiter.check("enrol:" + address)
        guard.check(address)

    def too_many_ops() -> ApiError:
        n = settings.max_ops_per_push
        return ApiError(
            413,
            p.E_TOO_MANY_OPS,
            f"В пакете больше изменений, чем портал принимает за один раз (не больше {n}); ни одно "
            "не применено. Программа PFDO Desktop сама делит изменения на пакеты: обновите её, "
            "если ошибка повторяется.",
        )

    async def read_json(request: Request, model: type[BaseModel], limit: int) -> Any:
        body = await read_body(request, limit, settings.body_idle_timeout, settings.body_total_timeout)
        try:
            parsed = model.model_validate_json(body)
        except ValidationError as exc:
            errors = exc.errors()
            if model is p.PushRequest and any(
                e.get("type") == "too_long" and tuple(e.get("loc", ())) == ("ops",) for e in errors
            ):
                raise too_many_ops() from exc
            fields = "; ".join(
                f"{'.'.join(str(x) for x in e.get('loc', ())) or 'тело'}: {e.get('msg', '')}"
                for e in errors[:5]
            )
            raise ApiError(400, "bad_request", f"Неверное тело запроса ({fields})") from exc
        # The ids and texts the portal stores as they are (an op's own payload is checked per op).
        if isinstance(parsed, p.PushRequest):
            texts = [parsed.device_id, parsed.batch_id, *(op.op_id for op in parsed.ops)]
        else:
            texts = [v for v in parsed.model_dump().values() if isinstance(v, str)]
        if any(contains_nul(t) for t in texts):
            raise ApiError(400, "bad_request", "Неверное тело запроса: текст содержит нулевой символ.")
        return parsed

    def _json(model: BaseModel) -> Response:
        """pydantic's own serializer: several times faster than model_dump + json.dumps."""
        return Response(model.model_dump_json(), media_type="application/json")

    router = APIRouter(prefix=p.API_PREFIX)

    @router.post(
        "/device/enrol",
        summary="Enrol a PC with a one-time code (no token)",
        responses=_responses(p.EnrolResponse, 400, 404, 408, 409, 413, 426, 429),
        openapi_extra=_operation(p.EnrolRequest, _ENROL_EXAMPLE),
    )
    async def enrol(request: Request) -> Response:
        check_headers(request)
        address = client_key(request)
        await run_in_threadpool(check_address, address)
        body = await read_json(request, p.EnrolRequest, settings.max_enrol_body_bytes)
        try:
            result = await run_in_threadpool(service.enrol, engine, body)
        except ApiError as exc:
            if exc.code == p.E_CODE_INVALID:  # a correct code (used, expired, …) is not a guess
                refusal = await run_in_threadpool(guard.failed, address)
                if refusal is not None:  # past the total: 429 for a wrong code (valid ones still enrol)
                    raise refusal from None
            raise
        return _json(result)

    @router.get(
        "/info",
        summary="Server time, protocol versions and limits (a token is optional)",
        responses=_responses(p.InfoResponse, 400, 401, 426, 429),
        openapi_extra=_operation(None, security=[{}, *_BEARER]),
    )
    async def info(request: Request) -> Response:
        check_headers(request)
        # One hop to a thread and one transaction for the token and what the answer reads: /info
        # opens every sync, and each hop and round trip is paid by every PC at once (issue 15, 15a).
        return _json(await run_in_threadpool(info_of, request))

    def info_of(request: Request) -> p.InfoResponse:
        # Without a token /info still answers (the first-run dialog checks the address with it);
        # with a token, the token must be valid.
        if request.headers.get("authorization"):
            device_of(request)
        keys = (db.PRICE_CAP_KEY, service.PORTAL_ID_KEY, releases.LATEST_CLIENT_KEY)
        with db.read_tx(engine) as conn:
            found = dict(conn.execute(select(db.settings_table.c.key, db.settings_table.c.value)
                                      .where(db.settings_table.c.key.in_(keys))).all())
            # A published release is read (and checked) by its own module: rare, one more row.
            latest = releases.latest_client(conn) if releases.LATEST_CLIENT_KEY in found else None
        price_cap, portal_id = found.get(db.PRICE_CAP_KEY), found.get(service.PORTAL_ID_KEY)
        return p.InfoResponse(
            server_time=datetime.now(UTC),
            protocol_min=settings.protocol_min,
            protocol_max=settings.protocol_max,
            min_client_version=settings.min_client_version,
            max_ops_per_push=settings.max_ops_per_push,
            max_pull_limit=settings.max_pull_limit,
            portal_name=settings.portal_name,
            price_cap_ratio=price_cap,
            portal_id=portal_id or service.portal_id(engine),  # made on first use
            latest_client=latest,
        )

    @router.post(
        "/push",
        summary="Send a batch of ops; one result per op, in order",
        responses=_responses(p.PushResponse, 400, 401, 403, 408, 413, 426, 429, 503),
        openapi_extra=_operation(p.PushRequest, _PUSH_EXAMPLE, _BEARER),
    )
    async def push(request: Request) -> Response:
        check_headers(request)
        device = await run_in_threadpool(device_of, request)
        body: p.PushRequest = await read_json(request, p.PushRequest, settings.max_push_body_bytes)
        if len(body.ops) > settings.max_ops_per_push:
            raise too_many_ops()
        result = await run_in_threadpool(service.push, engine, device, body, settings.today_or_clock())
        return _json(result)

    @router.get(
        "/pull",
        summary="One page of changes of a stream",
        responses=_responses(p.PullResponse, 400, 401, 403, 410, 426, 429),
        openapi_extra=_operation(None, security=_BEARER),
    )
    async def pull(
        request: Request,
        stream: p.Stream = "master",
        cursor: Annotated[str, Query(max_length=64)] = "",
        limit: Annotated[int, Query(ge=1)] = p.DEFAULT_PULL_LIMIT,
        provider: int | None = None,
    ) -> Response:
        check_headers(request)
        limit = min(limit, settings.max_pull_limit)
        # The token, the page and its JSON in one hop to a thread: a page of thousands of rows is
        # not encoded on the event loop, where it would hold up every other request of the worker.
        return Response(await run_in_threadpool(page_of, request, stream, cursor, limit, provider),
                        media_type="application/json")

    def page_of(request: Request, stream: str, cursor: str, limit: int, provider: int | None) -> str:
        device = device_of(request)
        if provider is not None and provider != device.provider_id:
            raise ApiError(
                403,
                "forbidden",
                "Этот компьютер подключён к другой организации: её данные недоступны.",
            )
        return service.pull(engine, device.provider_id, stream, cursor, limit).model_dump_json()

    @router.get(
        "/indicators",
        summary="Indicators of the device's provider, or its municipality's aggregates",
        responses=_responses(indicators_api.IndicatorsResponse, 400, 401, 403, 426, 429),
        openapi_extra=_operation(None, security=_BEARER),
    )
    async def indicators(
        request: Request,
        scope: indicators_api.Scope = "provider",
        on: Annotated[date | None, Query(alias="date")] = None,
        provider: int | None = None,
    ) -> Response:
        check_headers(request)
        device = await run_in_threadpool(device_of, request)
        result = await run_in_threadpool(indicators_api.device_indicators, engine, device, scope,
                                         on or settings.today_or_clock(), provider)
        return _json(result)

    app.include_router(router)
    # The parents' navigator: server-rendered pages under /catalog, outside the API (issue 17).
    from . import web

    web.mount(app, engine, settings.today_or_clock, guard)

    def openapi() -> dict[str, Any]:
        """FastAPI's description plus the bodies read by hand and the bearer scheme."""
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, routes=app.routes,
                                 description="The sync protocol of PFDO Desktop: docs/sync-protocol.md.")
            _, defs = models_json_schema(
                [(m, "validation") for m in _REQUEST_MODELS], ref_template="#/components/schemas/{model}"
            )
            components = schema.setdefault("components", {})
            # FastAPI declares 422 for a bad parameter; the portal answers 400 with ErrorBody.
            for item in schema.get("paths", {}).values():
                for op in item.values():
                    op.get("responses", {}).pop("422", None)
            for name in ("HTTPValidationError", "ValidationError"):
                components.get("schemas", {}).pop(name, None)
            components.setdefault("schemas", {}).update(defs.get("$defs", {}))
            _describe_ops_and_rows(components["schemas"])
            components["securitySchemes"] = {
                "bearerAuth": {"type": "http", "scheme": "bearer",
                               "description": "The device token from /device/enrol."}
            }
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
