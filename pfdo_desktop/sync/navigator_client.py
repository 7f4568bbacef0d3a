"""The HTTP layer of the «Навигатор» connector: the admin API of the regional Navigator (Inlearno),
spoken with the provider's own admin account (e-mail and password).

What it does, and why (docs/navigator.md describes every call):

- **Login and tokens.** ``POST /api/user/login {email, password}`` gives an access token (Bearer), a
  refresh token and ``expired_at``. The access token is renewed with the refresh token when the
  Navigator answers 401 (once per request; several requests at once share one renewal), and when
  the refresh token is refused too, by logging in again with the password. The password and the
  tokens live only in the OS keyring (``NavigatorCredentials``, beside the device token of
  ``credentials.py``, under their own keys) and never in a log line.
- **The envelope.** Every answer is ``{data, err_code, success, recordsFiltered?, errors?: [{msg}]}``;
  ``err_code ≠ 0`` or ``success: false`` is a refusal whose first message (Russian, the Navigator's
  own words) becomes ``NavigatorRefusal.message``. A wrong password and a locked account are
  told apart (``NavigatorLoginFailed``, ``NavigatorAccountLocked``).
- **Paging.** Lists are read 500 rows a page; the members of a group 25 a page, because only a page
  of exactly 25 carries the day fields ``a<YYYY>_<M>_<D>`` (``day_marks`` reads them).
- **Pace.** The real system takes ≈5 s a request. ``save_marks`` sends many cells with a bounded
  number of requests at once (default 3, polite), oldest date first, reporting progress.
- **Honesty.** ``User-Agent`` names this product and its version, not a browser.

Nothing here touches the local database: the engine decides what a failure means (a read answered
is a fact; a write whose answer was lost is read back before it is sent again).
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import httpx
import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

from pfdo_desktop import __version__

from . import credentials
from .client import Cancelled, PortalUnreachable, ServerFailure, SyncError

log = logging.getLogger(__name__)

PAGE_SIZE = 500  # the most a Navigator list answers in one page
MEMBERS_PAGE_SIZE = 25  # the only page size whose member rows carry the day fields
DEFAULT_CONCURRENCY = 3  # requests at once when many cells are sent (polite to a shared server)
RENEW_MARGIN = 60.0  # seconds before the access token's end when it is renewed unasked
USER_AGENT = f"PFDO-Desktop/{__version__} (navigator-connector; httpx/{httpx.__version__})"
VALUES = {1: "был", 2: "не был", 3: "болел"}  # the Navigator's attendance codes
_DAY_FIELD = re.compile(r"^a(\d{4})_(\d{1,2})_(\d{1,2})$")


# --- errors -------------------------------------------------------------------------------------


class NavigatorRefusal(SyncError):
    """The Navigator answered and said no: ``message`` is its own ``errors[0].msg`` (Russian).

    Not retryable: the same request would be refused again; the operator (or the engine's
    «Требует внимания») decides.
    """

    def __init__(self, message: str, code: str = "refused", err_code: int | None = None,
                 status: int = 200) -> None:
        super().__init__(message, code)
        self.err_code = err_code
        self.status = status


class NavigatorLoginFailed(NavigatorRefusal):
    """The e-mail or the password is wrong."""


class NavigatorAccountLocked(NavigatorRefusal):
    """The account is locked on the Navigator's side: only its administrator can unlock it."""


class NavigatorForbidden(NavigatorRefusal):
    """Another organisation's group or order (the Navigator scopes an account to its own)."""


class NavigatorSessionEnded(NavigatorRefusal):
    """The tokens are refused and there is no password to log in again with: enter it again."""


def _login_refusal(message: str, err_code: int | None, status: int) -> NavigatorRefusal:
    # The Navigator's refusals carry no kind we know of, only words (docs/navigator.md, «login»):
    # a lock is told by its message, anything else is a wrong e-mail or password.
    if "заблокир" in message.lower():
        return NavigatorAccountLocked(
            f"Навигатор не пускает эту учётную запись: {message}. Разблокировать её может только "
            "администратор Навигатора; несинхронизированные данные сохранены на этом ПК.",
            "account_locked", err_code, status)
    return NavigatorLoginFailed(
        f"Навигатор не принял e-mail или пароль: {message}. Проверьте их (это учётная запись "
        "организации в Навигаторе, не пароль от PFDO Desktop) и войдите снова.",
        "login_refused", err_code, status)


# --- the keyring ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str
    expired_at: str  # as the Navigator says it («YYYY-MM-DD HH:MM:SS», its own clock)

    def __repr__(self) -> str:  # never the tokens themselves, even in a traceback's locals
        return f"Tokens(expired_at={self.expired_at!r})"


class NavigatorCredentials:
    """The Navigator password and tokens of one local database, in the OS keyring under the same
    service as the device token (``credentials.SERVICE``), each under its own key."""

    def __init__(self, db_uuid: str) -> None:
        self.db_uuid = db_uuid

    @property
    def _password_key(self) -> str:
        return f"navigator-password:{self.db_uuid}"

    @property
    def _tokens_key(self) -> str:
        return f"navigator-tokens:{self.db_uuid}"

    def store_password(self, password: str) -> None:
        self._set(self._password_key, password)

    def load_password(self) -> str | None:
        return self._get(self._password_key)

    def store_tokens(self, tokens: Tokens) -> None:
        self._set(self._tokens_key, json.dumps(
            {"access": tokens.access_token, "refresh": tokens.refresh_token,
             "expired_at": tokens.expired_at}))

    def load_tokens(self) -> Tokens | None:
        raw = self._get(self._tokens_key)
        if not raw:
            return None
        try:
            data = json.loads(raw)
            return Tokens(str(data["access"]), str(data["refresh"]), str(data.get("expired_at", "")))
        except (ValueError, KeyError, TypeError):
            return None  # an unreadable entry: log in again

    def forget(self) -> None:
        for key in (self._password_key, self._tokens_key):
            try:
                keyring.delete_password(credentials.SERVICE, key)
            except PasswordDeleteError:
                pass
            except NoKeyringError:
                raise credentials.CredentialsUnavailable() from None

    def _set(self, key: str, value: str) -> None:
        try:
            keyring.set_password(credentials.SERVICE, key, value)
            stored = keyring.get_password(credentials.SERVICE, key)
        except NoKeyringError:
            raise credentials.CredentialsUnavailable() from None
        except KeyringError as exc:
            log.warning("the keyring refused a navigator secret: %s", type(exc).__name__)
            raise credentials.CredentialsUnavailable(
                "Хранилище паролей отказалось сохранить пароль Навигатора. "
                + credentials.no_keyring_advice()) from None
        if stored != value:
            raise credentials.CredentialsUnavailable(
                "Хранилище паролей не сохранило пароль Навигатора (проверьте PYTHON_KEYRING_BACKEND). "
                + credentials.no_keyring_advice())

    def _get(self, key: str) -> str | None:
        try:
            return keyring.get_password(credentials.SERVICE, key)
        except NoKeyringError:
            raise credentials.CredentialsUnavailable() from None
        except KeyringError as exc:
            log.warning("the keyring refused to read a navigator secret: %s", type(exc).__name__)
            raise credentials.CredentialsUnavailable(
                "Хранилище паролей не дало прочитать пароль Навигатора. "
                + credentials.no_keyring_advice()) from None


# --- the client ----------------------------------------------------------------------------------


@dataclass
class NavigatorSettings:
    connect_timeout: float = 10.0
    read_timeout: float = 60.0  # the real system answers in ≈5 s, sometimes much later
    attempts: int = 3  # reads only: a write whose answer is lost is read back by the engine
    backoff_base: float = 1.0
    backoff_max: float = 20.0
    concurrency: int = DEFAULT_CONCURRENCY


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    total: int | None  # recordsFiltered, when the Navigator says it


@dataclass(frozen=True)
class MarkCell:
    """One journal cell to send: a child's mark on a lesson date (``value`` 1, 2 or 3; 0 clears)."""

    group_id: int
    kid_id: str
    day: date
    value: int


@dataclass(frozen=True)
class CellResult:
    cell: MarkCell
    error: SyncError | None = None  # None: saved; a NavigatorRefusal: refused; else not known

    @property
    def saved(self) -> bool:
        return self.error is None


def month_bounds(month: date) -> tuple[str, str]:
    """``dateStart``/``dateEnd`` of a month as the Navigator takes them (both inclusive)."""
    first = month.replace(day=1)
    last = date(first.year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)
    return f"{first.isoformat()} 00:00:00", f"{last.isoformat()} 23:59:59"


def day_marks(row: dict[str, Any]) -> dict[date, int | None]:
    """The day fields of a member row: ``a2026_10_2: 1`` → {2026-10-02: 1} (``None``: no mark)."""
    out: dict[date, int | None] = {}
    for key, value in row.items():
        m = _DAY_FIELD.match(key)
        if m:
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            out[day] = int(value) if value not in (None, "", 0, "0") else None
    return out


def filters(**values: Any) -> str:
    """``extFilters``: a JSON list of ``{property, value, comparison?}`` (a list value: ``in``)."""
    items = []
    for prop, value in values.items():
        if value is None:
            continue
        item: dict[str, Any] = {"property": prop, "value": value}
        if isinstance(value, list):
            item["comparison"] = "in"
        items.append(item)
    return json.dumps(items, ensure_ascii=False)


class NavigatorClient:
    """One Navigator account's session. Thread-safe: ``save_marks`` uses it from several threads."""

    def __init__(
        self,
        base_url: str,
        email: str,
        *,
        db_uuid: str | None = None,
        settings: NavigatorSettings | None = None,
        cancel: threading.Event | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.email = email.strip()
        self.settings = settings or NavigatorSettings()
        self.cancel = cancel or threading.Event()
        # No keyring entry without a database to name it (a one-off check of an address).
        self.secrets = NavigatorCredentials(db_uuid) if db_uuid else None
        self._password: str | None = None
        self._tokens = self.secrets.load_tokens() if self.secrets else None
        self._clock = clock
        # When the access token is to be renewed before a call (this process's clock); None: only
        # when the Navigator answers 401 (tokens read from the keyring, an unknown lifetime).
        self._renew_at: float | None = None
        self._auth_lock = threading.Lock()  # one renewal at a time (held across its requests)
        self._count_lock = threading.Lock()
        # At most ``concurrency`` requests in flight from this client, whoever sends them (a push's
        # workers, the pull's read-ahead threads): the polite pace holds for the whole sync.
        self._slots = threading.BoundedSemaphore(max(1, self.settings.concurrency))
        self.requests = 0
        self.bytes_sent = 0
        self.bytes_received = 0
        self.last_date: tuple[str, float] | None = None  # the last answer's Date header, when it came
        s = self.settings
        self._http = httpx.Client(
            base_url=self.base_url,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json",
                     "X-Requested-With": "XMLHttpRequest"},
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
            limits=httpx.Limits(max_connections=max(1, s.concurrency) + 1),
            follow_redirects=False,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> NavigatorClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- login ------------------------------------------------------------------------------------

    def login(self, password: str) -> dict[str, Any]:
        """Log in with the account's password; keep the password and the tokens in the keyring
        (only once the Navigator has accepted them: a wrong password is never stored).
        Returns the Navigator's ``user`` (its ``partner_id`` names the organisation)."""
        data = self._login(password)
        self._password = password
        if self.secrets:
            self.secrets.store_password(password)
        return dict(data.get("user") or {})

    def _login(self, password: str) -> dict[str, Any]:
        response = self._send("POST", "/api/user/login",
                              json_body={"email": self.email, "password": password}, token=None)
        try:
            data = self._data(response)
        except NavigatorRefusal as exc:
            raise _login_refusal(exc.message, exc.err_code, exc.status) from None
        self._keep_tokens(data)
        return data

    def _keep_tokens(self, data: Any) -> None:
        if not isinstance(data, dict) or not data.get("access_token") or not data.get("refresh_token"):
            raise ServerFailure("Навигатор ответил на вход без ключей доступа; повторите позже.", "garbage")
        tokens = Tokens(str(data["access_token"]), str(data["refresh_token"]),
                        str(data.get("expired_at") or ""))
        lifetime = _lifetime(tokens.expired_at, (data.get("user") or {}).get("last_authorize_ts"))
        self._renew_at = self._clock() + lifetime - RENEW_MARGIN if lifetime else None
        self._tokens = tokens
        if self.secrets:
            self.secrets.store_tokens(tokens)

    def _stored_password(self) -> str | None:
        if self._password is None and self.secrets:
            self._password = self.secrets.load_password()
        return self._password

    def _renew(self, stale: str | None) -> str:
        """A fresh access token after ``stale`` was refused (or there was none): the refresh token
        first, then the password. Several threads refused at once renew once."""
        with self._auth_lock:
            if self._tokens is not None and self._tokens.access_token != stale:
                return self._tokens.access_token  # another thread has renewed it
            if self._tokens is not None:
                response = self._send("POST", "/api/user/refresh",
                                      json_body={"refresh_token": self._tokens.refresh_token}, token=None)
                try:
                    self._keep_tokens(self._data(response))
                    log.info("navigator: access token renewed")
                    return self._tokens.access_token
                except NavigatorRefusal as exc:
                    refused = _login_refusal(exc.message, exc.err_code, exc.status)
                    if isinstance(refused, NavigatorAccountLocked):
                        raise refused from None
                    log.info("navigator: refresh refused (err_code %s), logging in again", exc.err_code)
            password = self._stored_password()
            if not password:
                raise NavigatorSessionEnded(
                    "Навигатор завершил сеанс, а пароля для нового входа на этом ПК нет. Введите пароль "
                    "учётной записи Навигатора снова; несинхронизированные данные сохранены.",
                    "session_ended")
            self._login(password)
            log.info("navigator: logged in again")
            assert self._tokens is not None
            return self._tokens.access_token

    # --- plumbing ---------------------------------------------------------------------------------

    def call(self, method: str, path: str, params: dict[str, Any] | None = None,
             body: dict[str, Any] | None = None) -> dict[str, Any]:
        """One authorised call; the whole envelope back (a refusal raised). A 401 renews the
        token and sends once more; a read that met a network failure is tried again."""
        attempts = self.settings.attempts if method == "GET" else 1
        for attempt in range(1, attempts + 1):
            if self.cancel.is_set():
                raise Cancelled()
            try:
                return self._authorised(method, path, params, body)
            except (PortalUnreachable, ServerFailure) as exc:
                if attempt == attempts:
                    raise
                delay = min(self.settings.backoff_max, self.settings.backoff_base * 2 ** (attempt - 1))
                log.info("navigator %s %s failed (%s), retry %d/%d in %.1fs", method, path, exc.code,
                         attempt, attempts - 1, delay)
                if self.cancel.wait(delay):
                    raise Cancelled() from None
        raise AssertionError("unreachable")

    def _authorised(self, method: str, path: str, params: dict[str, Any] | None,
                    body: dict[str, Any] | None) -> dict[str, Any]:
        if self._tokens is None:
            token = self._renew(None)
        elif self._renew_at is not None and self._clock() >= self._renew_at:
            token = self._renew(self._tokens.access_token)  # about to expire: spare a refused call
        else:
            token = self._tokens.access_token
        response = self._send(method, path, params=params, json_body=body, token=token)
        if response.status_code == 401:
            token = self._renew(token)
            response = self._send(method, path, params=params, json_body=body, token=token)
            if response.status_code == 401:
                raise NavigatorSessionEnded(
                    "Навигатор не принимает только что выданный ключ доступа. Войдите в учётную запись "
                    "Навигатора снова; несинхронизированные данные сохранены.", "session_ended",
                    401, 401)
        return self._envelope(response)

    def _send(self, method: str, path: str, *, params: dict[str, Any] | None = None,
              json_body: dict[str, Any] | None = None, token: str | None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            with self._slots:
                response = self._http.request(method, path, params=params, json=json_body, headers=headers)
        except httpx.TimeoutException:
            raise PortalUnreachable(
                "Навигатор не ответил вовремя. Данные сохранены на этом ПК и будут отправлены при "
                "следующей синхронизации.", "timeout") from None
        except httpx.TransportError as exc:
            unreachable = PortalUnreachable(
                f"Нет связи с Навигатором {self.base_url} ({type(exc).__name__}). Работайте дальше: всё "
                "сохранено на этом ПК и уйдёт при следующей синхронизации.", "unreachable")
            unreachable.url, unreachable.reason = self.base_url, type(exc).__name__
            raise unreachable from None
        with self._count_lock:
            self.requests += 1
            self.bytes_sent += len(response.request.content or b"")
            self.bytes_received += len(response.content)
            # The Navigator's clock, as its HTTP ``Date`` says it (the only clock it shows): the
            # adapter's ``info()`` dates this PC's edits on it.
            stamp = response.headers.get("date")
            if stamp:
                self.last_date = (stamp, self._clock())
        # The path only: the query (extFilters carry a child's name) and the bodies never go to the log.
        log.debug("navigator %s %s → %d", method, path, response.status_code)
        return response

    def _envelope(self, response: httpx.Response) -> dict[str, Any]:
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict) or "err_code" not in body:
            if response.status_code >= 500 or response.status_code == 429:
                raise ServerFailure(f"Сбой на стороне Навигатора (HTTP {response.status_code}). Ничего не "
                                    "потеряно: программа повторит позже.", f"http_{response.status_code}")
            raise ServerFailure("Навигатор прислал ответ, который программа не понимает (возможно, сбой "
                                "сервера или прокси). Ничего не потеряно: повторите позже.", "garbage")
        err_code = body.get("err_code")
        if err_code not in (0, "0", None) or body.get("success") is False:
            message = _first_message(body) or f"Навигатор отказал (код {err_code})."
            code = _int_or_none(err_code)
            log.info("navigator %s refused: err_code %s, HTTP %d", response.request.url.path, err_code,
                     response.status_code)
            if response.status_code == 403 or code == 403:
                raise NavigatorForbidden(message, "forbidden", code, response.status_code)
            if response.status_code >= 500:
                raise ServerFailure(f"Сбой на стороне Навигатора: {message}", f"http_{response.status_code}")
            raise NavigatorRefusal(message, "refused", code, response.status_code)
        return body

    def _data(self, response: httpx.Response) -> Any:
        return self._envelope(response).get("data")

    # --- lists ------------------------------------------------------------------------------------

    def pages(self, path: str, page_size: int = PAGE_SIZE, ext: str | None = None,
              params: dict[str, Any] | None = None) -> Iterator[Page]:
        """Every page of a list: ``page, start, length`` until a short page or ``recordsFiltered``."""
        page = 1
        seen = 0
        while True:
            query: dict[str, Any] = {**(params or {}), "page": page, "start": (page - 1) * page_size,
                                     "length": page_size}
            if ext is not None:
                query["extFilters"] = ext
            body = self.call("GET", path, params=query)
            rows = body.get("data") or []
            if not isinstance(rows, list):
                raise ServerFailure("Навигатор прислал вместо списка что-то другое; повторите позже.",
                                    "garbage")
            total = _int_or_none(body.get("recordsFiltered"))
            yield Page(rows, total)
            seen += len(rows)
            if len(rows) < page_size or (total is not None and seen >= total) or not rows:
                return
            page += 1

    def list_all(self, path: str, page_size: int = PAGE_SIZE, ext: str | None = None,
                 params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return [row for p in self.pages(path, page_size, ext, params) for row in p.rows]

    # --- the calls the connector uses ---------------------------------------------------------------

    def academic_years(self) -> list[dict[str, Any]]:
        return self.list_all("/api/rest/academicYear")

    def events(self) -> list[dict[str, Any]]:
        return self.list_all("/api/rest/events")

    def groups(self, academic_year_id: int | None = None) -> list[dict[str, Any]]:
        return self.list_all("/api/rest/eventGroups", ext=filters(academic_year_id=academic_year_id),
                             params={"format": "attendance"})

    def group(self, group_id: int) -> dict[str, Any]:
        data = self.call("GET", f"/api/rest/eventGroups/{int(group_id)}").get("data")
        if isinstance(data, list):  # some clients see a one-row list here
            data = data[0] if data else {}
        return dict(data or {})

    def members(self, group_id: int, academic_year_id: int, month: date) -> list[dict[str, Any]]:
        """The group's members in a month with the day fields (pages of exactly 25)."""
        start, end = month_bounds(month)
        ext = filters(group_id=str(group_id), academic_year_id=academic_year_id, dateStart=start, dateEnd=end)
        return self.list_all("/api/attendance/members/get", MEMBERS_PAGE_SIZE, ext)

    def lesson_dates(self, group_id: int, month: date) -> list[date]:
        start, end = month_bounds(month)
        rows = self.list_all("/api/attendance/dates/get", ext=filters(group_id=str(group_id), dateStart=start,
                                                                       dateEnd=end))
        return sorted({date.fromisoformat(str(r["date"])[:10]) for r in rows})

    def lessons(self, group_id: int, month: date) -> list[dict[str, Any]]:
        return self.list_all("/api/event-group-lessons/get",
                             params={"group_id": str(group_id), "month": month.strftime("%Y-%m")})

    def upsert_lesson(self, group_id: int, day: date, theme: str, types: Sequence[str] = (),
                      description: str = "") -> dict[str, Any]:
        body = {"data": {"date": f"{day.isoformat()} 00:00:00", "group_id": str(group_id), "theme": theme,
                         "types": [str(x) for x in types], "description": description}}
        return dict(self.call("POST", "/api/event-group-lessons/upsert", body=body).get("data") or {})

    def save_mark(self, cell: MarkCell) -> None:
        self.call("POST", "/api/attendance/save", body={
            "date": cell.day.isoformat(), "group_id": str(cell.group_id), "kid_id": cell.kid_id,
            "value": cell.value})

    def save_marks(self, cells: Sequence[MarkCell],
                   progress: Callable[[int, int], None] | None = None) -> list[CellResult]:
        """Send many cells, ``settings.concurrency`` requests at once, the oldest date first (the
        order a person checks a month's journal). Each cell's outcome is returned; a refused cell
        does not stop the others. A cancel stops sending (the cells not sent come back with
        ``Cancelled``); a session that cannot be renewed or a locked account stops everything and
        is raised."""
        ordered = sorted(cells, key=lambda c: (c.day, c.group_id, c.kid_id))
        results: dict[int, CellResult] = {}
        done = 0
        with ThreadPoolExecutor(max_workers=max(1, self.settings.concurrency),
                                thread_name_prefix="navigator-push") as pool:
            pending: dict[Future[None], int] = {}
            queue = iter(enumerate(ordered))
            fatal: SyncError | None = None

            def fill() -> None:
                while len(pending) < max(1, self.settings.concurrency) and not self.cancel.is_set() \
                        and fatal is None:
                    item = next(queue, None)
                    if item is None:
                        return
                    pending[pool.submit(self.save_mark, item[1])] = item[0]

            fill()
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    index = pending.pop(future)
                    exc = future.exception()
                    if exc is None:
                        results[index] = CellResult(ordered[index])
                    elif isinstance(exc, _FATAL):
                        fatal = fatal or exc
                        results[index] = CellResult(ordered[index], exc)
                    elif isinstance(exc, SyncError):
                        results[index] = CellResult(ordered[index], exc)
                    else:
                        raise exc
                    done += 1
                    if progress is not None:
                        progress(done, len(ordered))
                fill()
            if fatal is not None:
                raise fatal
        return [results.get(i) or CellResult(cell, Cancelled()) for i, cell in enumerate(ordered)]

    def orders(self, academic_year_id: int, group_id: int | None = None,
               states: Sequence[str] | None = None) -> list[dict[str, Any]]:
        ext = filters(fact_academic_year_id=academic_year_id, fact_group_id=group_id,
                      state=list(states) if states else None)
        return self.list_all("/api/rest/order", ext=ext)

    def cancel_reasons(self) -> list[dict[str, Any]]:
        return list(self.call("GET", "/api/getDictionary/navOrderCancelReason").get("data") or [])

    def approve(self, order_id: int, comment: str = "", entry_exams: bool = False,
                send_to_rpgu: bool = False) -> None:
        self.call("POST", "/api/approveRequest", body={"data": {
            "id": str(order_id), "comment": comment, "entry_exams": entry_exams,
            "send_to_rpgu": send_to_rpgu}})

    def study(self, order_id: int, *, date_signing: date, date_start: date, decree_number: str,
              financing_source: int, comment: str = "") -> None:
        self.call("POST", "/api/studyRequest", body={"data": {
            "id": str(order_id), "date_signing": date_signing.isoformat(),
            "date_start": date_start.isoformat(), "decree_number": decree_number,
            "financing_source": str(financing_source), "comment": comment}})

    def cancel_order(self, order_id: int, reasons: Sequence[tuple[int, str]]) -> None:
        self.call("POST", "/api/cancelRequest", body={"data": {
            "id": str(order_id), "reasons": [{"id": rid, "comment": text} for rid, text in reasons]}})

    def find_kids(self, fio: str) -> list[dict[str, Any]]:
        ext = json.dumps([{"property": "fio", "value": fio, "comparison": "manual"}], ensure_ascii=False)
        return self.list_all("/api/rest/safe/kid", ext=ext, params={"special": 1})


# Refusals after which no other cell can get through: stop the push, say it once.
_FATAL = (NavigatorSessionEnded, NavigatorAccountLocked, NavigatorLoginFailed)


def _lifetime(expired_at: str, issued_at: Any) -> float | None:
    """Seconds an access token lives: ``expired_at`` minus the login's ``last_authorize_ts``, both
    in the Navigator's own clock and zone (so no clock of ours is compared with it); ``None``
    when either is missing or odd."""
    try:
        span = datetime.fromisoformat(expired_at) - datetime.fromisoformat(str(issued_at))
    except (TypeError, ValueError):
        return None
    seconds = span.total_seconds()
    return seconds if RENEW_MARGIN < seconds <= 86_400 else None


def _first_message(body: dict[str, Any]) -> str:
    errors = body.get("errors")
    if isinstance(errors, list) and errors:
        first = errors[0]
        text = first.get("msg") if isinstance(first, dict) else first
        return str(text or "").strip()
    return ""


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
