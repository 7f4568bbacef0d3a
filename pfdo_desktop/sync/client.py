"""The HTTP client of the sync protocol: gzip both ways, timeouts, retries with backoff and jitter.

Every failure becomes a ``SyncError`` with a Russian message for the operator and a ``retryable``
flag. Nothing here touches the database: the engine decides what a failure means for local data
(answer: nothing is ever deleted because of a failed request).
"""

from __future__ import annotations

import functools
import gzip
import json
import logging
import random
import ssl
import threading
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx
import orjson
from pydantic import BaseModel, ValidationError

from pfdo_desktop import __version__

from .protocol import (
    API_PREFIX,
    HEADER_CLIENT_VERSION,
    HEADER_PROTOCOL,
    PROTOCOL_VERSION,
    STREAMS,
    EnrolRequest,
    EnrolResponse,
    EntityChanges,
    InfoResponse,
    PullResponse,
    PushRequest,
    PushResponse,
)

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)


class SyncError(Exception):
    """A failed request. ``message`` is for the operator (Russian); ``code`` for programs."""

    retryable = False

    def __init__(self, message: str, code: str = "error") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class Cancelled(SyncError):
    """The operator stopped the sync; everything that got through is kept."""

    def __init__(self) -> None:
        super().__init__("Синхронизация прервана. Всё, что успело пройти, сохранено.", "cancelled")


class PortalUnreachable(SyncError):
    retryable = True
    url = ""  # «unreachable»: the portal's address and the transport error's name (for a message
    reason = ""  # said again in another language)


class ServerFailure(SyncError):
    """5xx or an answer that is not what the protocol says (garbage)."""

    retryable = True


class RateLimited(SyncError):
    retryable = True

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message, "rate_limited")
        self.retry_after = retry_after


class AuthFailed(SyncError):
    """401: the device token is unknown or revoked — enrol again."""


class Forbidden(SyncError):
    pass


class UpgradeRequired(SyncError):
    pass


class ResetRequired(SyncError):
    pass


class EnrolRefused(SyncError):
    pass


class BadRequest(SyncError):
    pass


@dataclass
class ClientSettings:
    connect_timeout: float = 10.0
    read_timeout: float = 90.0  # a page over a 256 kbit/s link
    attempts: int = 4
    backoff_base: float = 1.0
    backoff_max: float = 30.0
    max_retry_after: float = 120.0
    gzip_level: int = 6


@dataclass
class WireStats:
    requests: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    per_path: dict[str, int] = field(default_factory=dict)


class PortalClient:
    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        settings: ClientSettings | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.settings = settings or ClientSettings()
        self.stats = WireStats()
        self._stats_lock = threading.Lock()
        # Retries wait on this event, so «Отменить» cuts a backoff or a Retry-After short.
        self.cancel = cancel or threading.Event()
        headers = {
            HEADER_CLIENT_VERSION: __version__,
            HEADER_PROTOCOL: str(PROTOCOL_VERSION),
            "Accept-Encoding": "gzip",
            "User-Agent": f"pfdo-desktop/{__version__}",
        }
        if token:
            headers["Authorization"] = f"Bearer {token}"
        s = self.settings
        self._http = httpx.Client(
            base_url=self.base_url + API_PREFIX,
            headers=headers,
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
            follow_redirects=False,
            verify=_tls_context(),
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PortalClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the protocol ---------------------------------------------------------------------------

    def enrol(self, request: EnrolRequest) -> EnrolResponse:
        return self._call("POST", "/device/enrol", EnrolResponse, body=request, retry=False)

    def info(self) -> InfoResponse:
        return self._call("GET", "/info", InfoResponse)

    def push(self, request: PushRequest) -> PushResponse:
        return self._call("POST", "/push", PushResponse, body=request)

    def pull(self, stream: str, cursor: str, limit: int) -> PullResponse:
        params = {"stream": stream, "limit": str(limit)}
        if cursor:
            params["cursor"] = cursor
        return self._call("GET", "/pull", PullResponse, params=params)

    # --- plumbing -------------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        model: type[M],
        body: BaseModel | None = None,
        params: dict[str, str] | None = None,
        retry: bool = True,
    ) -> M:
        content = None
        headers = {}
        if body is not None:
            raw = body.model_dump_json(exclude_none=False).encode()
            content = gzip.compress(raw, compresslevel=self.settings.gzip_level, mtime=0)
            headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        attempts = self.settings.attempts if retry else 1
        for attempt in range(1, attempts + 1):
            if self.cancel.is_set():
                raise Cancelled()
            try:
                return self._once(method, path, model, content, headers, params)
            except SyncError as exc:
                if not exc.retryable or attempt == attempts:
                    raise
                delay = self._delay(exc, attempt)
                log.info("%s %s failed (%s), retry %d/%d in %.1fs", method, path, exc.code,
                         attempt, attempts - 1, delay)
                if self.cancel.wait(delay):
                    raise Cancelled() from None
        raise AssertionError("unreachable")

    def _delay(self, exc: SyncError, attempt: int) -> float:
        s = self.settings
        if isinstance(exc, RateLimited):
            if exc.retry_after > s.max_retry_after:
                raise exc
            return exc.retry_after + random.uniform(0, s.backoff_base)
        # Full jitter: spreads the retries of a whole district's PCs after a portal outage.
        return random.uniform(0, min(s.backoff_max, s.backoff_base * 2 ** (attempt - 1)))

    def _once(
        self,
        method: str,
        path: str,
        model: type[M],
        content: bytes | None,
        headers: dict[str, str],
        params: dict[str, str] | None,
    ) -> M:
        try:
            request = self._http.build_request(method, path, content=content, headers=headers,
                                               params=params)
            response = self._http.send(request)
        except httpx.TimeoutException:
            raise PortalUnreachable(
                "Портал не ответил вовремя (медленная или прерванная связь). Данные сохранены на "
                "этом ПК и будут отправлены при следующей синхронизации.", "timeout") from None
        except httpx.TransportError as exc:
            unreachable = PortalUnreachable(
                f"Нет связи с порталом {self.base_url} ({type(exc).__name__}). Работайте дальше: "
                "всё сохранено на этом ПК и уйдёт на портал при следующей синхронизации.",
                "unreachable")
            unreachable.url, unreachable.reason = self.base_url, type(exc).__name__
            raise unreachable from None
        self._count(request, response, path)
        if response.status_code >= 400:
            raise self._error(response)
        try:
            if model is PullResponse:
                return read_page(response.content)  # type: ignore[return-value]
            return model.model_validate_json(response.content)
        except (ValidationError, ValueError):
            raise ServerFailure(
                "Портал прислал ответ, который программа не понимает (возможно, сбой портала или "
                "прокси). Ничего не потеряно: повторите синхронизацию позже.", "garbage") from None

    def _count(self, request: httpx.Request, response: httpx.Response, path: str) -> None:
        sent = sum(len(k) + len(v) + 4 for k, v in request.headers.raw) + len(request.content)
        received = sum(len(k) + len(v) + 4 for k, v in response.headers.raw)
        received += response.num_bytes_downloaded
        with self._stats_lock:  # (the streams of a pull download in threads of their own)
            self.stats.requests += 1
            self.stats.bytes_sent += sent
            self.stats.bytes_received += received
            self.stats.per_path[path] = self.stats.per_path.get(path, 0) + 1

    def _error(self, response: httpx.Response) -> SyncError:
        code, text = _error_body(response)
        status = response.status_code
        if status == 401:
            return AuthFailed(
                "Портал не принимает ключ этого ПК (устройство отключено или ключ отозван). "
                "Получите у оператора портала новый код подключения и подключите ПК заново; "
                "несинхронизированные данные сохранены.", code or "token_invalid")
        if status == 403:
            return Forbidden(text or "Портал запретил доступ к этим данным.", code or "forbidden")
        if status == 410:
            return ResetRequired(text or "Портал просит загрузить данные заново.", "reset_required")
        if status == 426:
            # The portal's own words name the version to install and where to get it (issue 14 §5).
            return UpgradeRequired(
                f"{text.strip()} Несинхронизированные данные сохранены." if text else
                "Версия программы устарела для этого портала. Установите обновление PFDO Desktop; "
                "несинхронизированные данные сохранены.", code or "client_too_old")
        if status == 429:
            try:
                retry_after = float(response.headers.get("Retry-After", "30"))
            except ValueError:
                retry_after = 30.0
            # The portal's own words when it gives them (e.g. too many wrong enrolment codes).
            return RateLimited(
                text or f"Портал перегружен и просит подождать {retry_after:.0f} с.", retry_after)
        if status == 408:  # the body arrived too slowly (a bad line): the same request later
            return PortalUnreachable(
                text or "Портал не дождался данных: связь слишком медленная. Программа повторит "
                "отправку позже; ничего не потеряно.", code or "body_timeout")
        if status in (404, 409) and response.request.url.path.endswith("/device/enrol"):
            return EnrolRefused(text or "Код подключения не подходит.", code or "code_invalid")
        if status >= 500:
            return ServerFailure(
                f"Сбой на стороне портала (HTTP {status}). Ничего не потеряно: программа повторит "
                "отправку позже.", code or f"http_{status}")
        return BadRequest(text or f"Портал отклонил запрос (HTTP {status}).", code or f"http_{status}")


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """The TLS context of every client in this process: httpx's default one (certifi's CAs, or
    ``SSL_CERT_FILE``/``SSL_CERT_DIR``), made once — loading the CA list takes 40–90 ms, and each
    sync (an enrolment, every check of a portal's address) makes a client."""
    return httpx.create_ssl_context(trust_env=True)


def read_page(content: bytes) -> PullResponse:
    """A pulled page: parsed with orjson and, when its frame is exactly the protocol's (a known
    stream, text cursor, boolean ``has_more``, each entity's upserts a list of objects and deletes a
    list, counts of ints or none), built without validating its rows again (each entity's rows are
    read with their record when applied: ``sync/pull.py``); any other page is validated as
    ``PullResponse`` is, which decides whether it fits (ValidationError / ValueError if not)."""
    try:
        data = orjson.loads(content)
    except orjson.JSONDecodeError:  # (an integer beyond 64 bits is valid JSON orjson does not read)
        return PullResponse.model_validate_json(content)
    page = _plain_page(data)
    return page if page is not None else PullResponse.model_validate(data)


def _plain_page(data: Any) -> PullResponse | None:
    if type(data) is not dict:
        return None
    stream, changes, cursor, more = (data.get(k) for k in ("stream", "changes", "next_cursor", "has_more"))
    counts = data.get("counts")
    if (stream not in STREAMS or type(changes) is not dict or type(cursor) is not str
            or type(more) is not bool):
        return None
    if counts is not None and (type(counts) is not dict or not all(
            type(k) is str and type(v) is int for k, v in counts.items())):
        return None
    built: dict[str, EntityChanges] = {}
    for entity, ch in changes.items():
        if type(ch) is not dict:
            return None
        upserts, deletes = ch.get("upserts", []), ch.get("deletes", [])
        if type(upserts) is not list or type(deletes) is not list:
            return None
        if not all(type(row) is dict for row in upserts):
            return None
        built[entity] = EntityChanges.model_construct(upserts=upserts, deletes=deletes)
    return PullResponse.model_construct(stream=stream, changes=built, next_cursor=cursor, has_more=more,
                                        counts=counts)


def _error_body(response: httpx.Response) -> tuple[str | None, str | None]:
    try:
        data: Any = json.loads(response.content)
    except ValueError:
        return None, None
    if isinstance(data, dict):
        detail = data.get("detail", data)
        if isinstance(detail, dict):
            return detail.get("code"), detail.get("message")
    return None, None
