"""The parents' navigator as server-rendered pages (issue 17, part 2): Jinja2 templates in
``templates/``, one stylesheet in ``static/``, no JavaScript. Mounted by ``app.create_app`` under
``/catalog``; the rows come from ``parents.py``. docs/parents-catalogue.md describes the pages.

Forms are plain ``application/x-www-form-urlencoded`` POSTs (read here, at most 8 KB), each with a
CSRF token; the parent's session is a signed HttpOnly cookie (``parents.make_session``).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from pfdo_desktop.domain.catalog import DIRECTIONS, REGISTRIES
from pfdo_desktop.domain.money import format_rub

from .. import db, parents
from ..common import ApiError

log = logging.getLogger(__name__)

PREFIX = "/catalog"
HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "pfdo_parent"
LOGIN_COOKIE = "pfdo_login"
MAX_FORM_BYTES = 8 * 1024
# No scripts, no frames, nothing from elsewhere: the pages need none.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def _ru_date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["ru_date"] = _ru_date
    env.filters["rub"] = format_rub
    env.globals.update(
        prefix=PREFIX,
        DIRECTIONS=DIRECTIONS,
        REGISTRIES=REGISTRIES,
        PAY_CHOICES=parents.PAY_CHOICES,
        parent_advice=parents.parent_advice,
    )
    return env


def _int(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() and len(text) < 10 else None


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        return None


def _still_new(children: list[parents.ChildView], number: str) -> str:
    """The number of the application just sent, while it is still «новая» (a reload of the page
    after the provider decided does not say «отправлена» over the decision)."""
    new = {a.number for c in children for a in c.applications if a.status_code == "new"}
    return number if number in new else ""


def _latest_request(children: list[parents.ChildView]) -> parents.RequestView | None:
    """The request the parent has just made: the newest of the account's children."""
    found = [r for c in children for r in c.requests]
    return max(found, key=lambda r: r.created_at, default=None)


def mount(app: FastAPI, engine: Engine, today: Callable[[], date], guard: Any = None) -> None:
    """Add the pages and their stylesheet to the portal's app. A build without the templates (a
    frozen bundle that left them out) serves the API alone and says so once."""
    if not (HERE / "templates").is_dir() or not (HERE / "static").is_dir():
        log.warning("the parents' catalogue is not served: its templates are not in this build")
        return
    if app.state.settings.create_schema:  # else made by the parent of `serve --workers N`, once
        parents.ensure_schema(engine)
    env = make_environment()
    router = APIRouter(prefix=PREFIX, include_in_schema=False)
    secret_box: list[bytes] = []

    def secret() -> bytes:
        if not secret_box:
            secret_box.append(parents.session_secret(engine))
        return secret_box[0]

    def page(name: str, status: int = 200, *, private: bool = False, **context: Any) -> HTMLResponse:
        html = env.get_template(name).render(**context)
        headers = dict(SECURITY_HEADERS)
        headers["Cache-Control"] = "no-store" if private else "no-cache"
        return HTMLResponse(html, status_code=status, headers=headers)

    def account_of(request: Request) -> int | None:
        return parents.read_session(secret(), request.cookies.get(SESSION_COOKIE))

    def message(request: Request, title: str, text: str, status: int) -> HTMLResponse:
        return page("message.html", status, title=title, text=text, account=account_of(request))

    def to_login() -> RedirectResponse:
        return RedirectResponse(f"{PREFIX}/login", status_code=303)

    async def form_of(request: Request) -> dict[str, str]:
        declared = request.headers.get("content-length", "")
        if declared and (not declared.isdigit() or int(declared) > MAX_FORM_BYTES):
            raise ApiError(413, "body_too_large", "Форма слишком большая.")
        body = await request.body()
        if len(body) > MAX_FORM_BYTES:
            raise ApiError(413, "body_too_large", "Форма слишком большая.")
        return dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))

    def csrf_fails(request: Request, form: dict[str, str], cookie: str) -> bool:
        return not parents.csrf_ok(secret(), request.cookies.get(cookie), form.get("csrf"))

    # --- the catalogue ------------------------------------------------------------------------

    @router.get("", response_class=HTMLResponse)
    async def catalogue(request: Request) -> Response:
        q = request.query_params
        age = _int(q.get("age"))
        filters = parents.Filters(
            q=(q.get("q") or "")[:100],
            direction=q.get("direction", "") if q.get("direction") in DIRECTIONS else "",
            age=age if age is not None and 3 <= age <= 18 else None,
            municipality=(q.get("municipality") or "")[:200],
            registry=q.get("registry", "") if q.get("registry") in REGISTRIES else "",
            free_places=q.get("free") == "1",
            pay=q.get("pay", "") if q.get("pay") in parents.PAY_CHOICES else "",
            page=_int(q.get("page")) or 1,
        )

        def read() -> parents.CatalogPage:
            with db.read_tx(engine) as conn:
                return parents.catalogue(conn, filters, today())

        result = await run_in_threadpool(read)
        shown = {k: v for k, v in q.items() if k != "page" and v}
        return page(
            "catalog.html",
            result=result,
            f=filters,
            account=account_of(request),
            page_link=lambda n: f"{PREFIX}?{urlencode({**shown, 'page': n})}",
        )

    @router.get("/program/{program_id}", response_class=HTMLResponse)
    async def program(request: Request, program_id: str) -> Response:
        pid = _int(program_id)

        def read() -> parents.ProgramView | None:
            with db.read_tx(engine) as conn:
                return parents.program(conn, pid, today()) if pid is not None else None

        view = await run_in_threadpool(read)
        if view is None:
            return message(
                request,
                "Программа не найдена",
                "Такой опубликованной программы нет. Вернитесь в каталог и выберите программу из списка.",
                404,
            )
        return page("program.html", p=view, account=account_of(request), today=today())

    # --- login ---------------------------------------------------------------------------------

    @router.get("/login", response_class=HTMLResponse)
    async def login_form(request: Request) -> Response:
        return _login_page(request, "", 200)

    def _login_page(request: Request, error: str, status: int) -> Response:
        nonce = request.cookies.get(LOGIN_COOKIE) or secrets.token_hex(16)
        response = page(
            "login.html",
            status,
            private=True,
            error=error,
            csrf=parents.csrf_token(secret(), nonce),
            account=account_of(request),
        )
        response.set_cookie(
            LOGIN_COOKIE,
            nonce,
            httponly=True,
            samesite="lax",
            path=PREFIX,
            secure=request.url.scheme == "https",
        )
        return response

    @router.post("/login", response_class=HTMLResponse)
    async def login(request: Request) -> Response:
        form = await form_of(request)
        if csrf_fails(request, form, LOGIN_COOKIE):
            return _login_page(request, "Форма устарела: введите код ещё раз.", 400)
        address = request.client.host if request.client else "?"
        try:
            if guard is not None:
                await run_in_threadpool(guard.check, address)
            account = await run_in_threadpool(parents.redeem_code, engine, form.get("code", ""))
            if account is None and guard is not None:
                refusal = await run_in_threadpool(guard.failed, address)
                if refusal is not None:
                    raise refusal
        except ApiError as exc:
            if exc.status == 429:
                return _login_page(
                    request,
                    "Слишком много неверных кодов с этого адреса. Проверьте код и повторите позже.",
                    429,
                )
            raise
        if account is None:
            return _login_page(
                request,
                "Код не подходит: он неверный, уже использован или истёк. "
                "Проверьте, как он набран, или получите новый код.",
                400,
            )
        log.info("a parent logged in with a one-time code")
        response = RedirectResponse(f"{PREFIX}/parent", status_code=303)
        response.set_cookie(
            SESSION_COOKIE,
            parents.make_session(secret(), account),
            httponly=True,
            samesite="lax",
            path=PREFIX,
            max_age=parents.SESSION_SECONDS,
            secure=request.url.scheme == "https",
        )
        return response

    @router.post("/logout")
    async def logout(request: Request) -> Response:
        form = await form_of(request)
        if csrf_fails(request, form, SESSION_COOKIE):
            return message(request, "Форма устарела", "Обновите страницу и нажмите «Выйти» ещё раз.", 400)
        response = RedirectResponse(PREFIX, status_code=303)
        response.delete_cookie(SESSION_COOKIE, path=PREFIX)
        return response

    # --- the parent's cabinet -------------------------------------------------------------------

    @router.get("/parent", response_class=HTMLResponse)
    async def cabinet(request: Request) -> Response:
        account = account_of(request)
        if account is None:
            return to_login()

        def read() -> list[parents.ChildView]:
            with db.read_tx(engine) as conn:
                return parents.cabinet(conn, account)

        children = await run_in_threadpool(read)
        return page(
            "parent.html",
            private=True,
            children=children,
            account=account,
            csrf=parents.csrf_token(secret(), request.cookies.get(SESSION_COOKIE, "")),
            sent=_still_new(children, request.query_params.get("sent", "")),
            answered=_latest_request(children) if request.query_params.get("requested") == "1" else None,
        )

    @router.get("/apply", response_class=HTMLResponse)
    async def apply_form(request: Request) -> Response:
        account = account_of(request)
        if account is None:
            return to_login()
        q = request.query_params
        group_id = _int(q.get("group"))
        child_id = _int(q.get("child"))
        start = _day(q.get("start"))
        return await _apply_page(request, account, group_id, child_id, start, "")

    async def _apply_page(
        request: Request,
        account: int,
        group_id: int | None,
        child_id: int | None,
        start: date | None,
        error: str,
        status: int = 200,
    ) -> Response:
        on = today()

        def read() -> dict[str, Any] | None:
            with db.read_tx(engine) as conn:
                group = parents.catalogue_group(conn, group_id) if group_id is not None else None
                if group is None:
                    return None
                children = [(c, parents.child_name(conn, c)) for c in parents.account_children(conn, account)]
                chosen = (
                    child_id if child_id is not None else (children[0][0] if len(children) == 1 else None)
                )
                first_day = start or max(on, group.date_from)
                check = None
                if chosen is not None:
                    check = parents.precheck(conn, account, chosen, group.id, first_day, on)
                names = parents.group_names(conn, group.id)
                return {
                    "group": group,
                    "children": children,
                    "chosen": chosen,
                    "start": first_day,
                    "check": check,
                    **names,
                }

        try:
            ctx = await run_in_threadpool(read)
        except parents.ParentError as exc:
            return message(
                request, "Нет доступа", f"{exc} Выберите ребёнка из списка на странице заявки.", 404
            )
        if ctx is None:
            return message(
                request,
                "Группа не найдена",
                "Такой группы нет в каталоге. Выберите группу на странице программы.",
                404,
            )
        return page(
            "apply.html",
            status,
            private=True,
            account=account,
            error=error,
            csrf=parents.csrf_token(secret(), request.cookies.get(SESSION_COOKIE, "")),
            **ctx,
        )

    @router.post("/apply", response_class=HTMLResponse)
    async def apply(request: Request) -> Response:
        account = account_of(request)
        if account is None:
            return to_login()
        form = await form_of(request)
        group_id, child_id, start = _int(form.get("group")), _int(form.get("child")), _day(form.get("start"))

        async def again(error: str) -> Response:  # the form again, as the parent filled it, with the error
            return await _apply_page(request, account, group_id, child_id, start, error, 400)

        if csrf_fails(request, form, SESSION_COOKIE):
            return await again("Форма устарела: проверьте заявку и отправьте её ещё раз.")
        if group_id is None or child_id is None or start is None:
            return await again("Выберите ребёнка и дату начала занятий.")
        try:
            row = await run_in_threadpool(parents.submit, engine, account, child_id, group_id, start, today())
        except parents.ParentError as exc:
            if "нет среди ваших детей" in str(exc):
                return message(
                    request, "Нет доступа", f"{exc} Подать заявку можно только за своего ребёнка.", 404
                )
            return await again(f"Заявка не принята: {exc}")
        log.info("a parent's application %s sent from the catalogue", row["number"])
        return RedirectResponse(f"{PREFIX}/parent?{urlencode({'sent': row['number']})}", status_code=303)

    @router.post("/request", response_class=HTMLResponse)
    async def certificate_request(request: Request) -> Response:
        account = account_of(request)
        if account is None:
            return to_login()
        form = await form_of(request)
        if csrf_fails(request, form, SESSION_COOKIE):
            return message(request, "Форма устарела", "Обновите страницу и нажмите кнопку ещё раз.", 400)
        child_id = _int(form.get("child"))
        try:
            await run_in_threadpool(
                parents.request_certificate, engine, account, child_id or 0, form.get("kind", ""), today()
            )
        except parents.ParentError as exc:
            status = 404 if "нет среди ваших детей" in str(exc) else 400
            return message(request, "Запрос не принят", f"{exc} Вернитесь в личный кабинет.", status)
        return RedirectResponse(f"{PREFIX}/parent?requested=1", status_code=303)

    app.include_router(router)
    app.mount(f"{PREFIX}/static", StaticFiles(directory=HERE / "static"), name="catalog-static")
