"""The «Навигатор» connector behind the sync engine's interface: ``info()``, ``push()``, ``pull()``,
``stats``, ``cancel``, ``base_url``, ``settings`` — what ``SyncEngine`` and ``RunContext`` use of
``PortalClient`` — spoken over ``NavigatorClient`` (the admin API, docs/navigator.md). The engine's
push, results, pull and «Требует внимания» stay as they are.

What each part means here (the Navigator keeps no change feed, no op ids, no edit times):

- **info** is made locally: the server time from the last answer's HTTP ``Date``, our own protocol
  version, 60 ops a push (≈ 5 s a request: a batch of 60 cells at 3 at once is ≈ 2 min between
  commits of results), ``portal_id`` = ``navigator:<host>:<partner_id>``.
- **push** maps ops to calls: ``mark.set`` 1–3 → ``attendance/save`` with the same value, 4
  (уважительная причина, which the Navigator has not) → ``excused_code``, the PC's setting (default 2,
  «не был», or 3 «болел»; ``domain.attendance.navigator_value``/``from_navigator``);
  ``mark.clear`` → value 0; ``application.confirm`` → ``approveRequest``; ``reject``/``withdraw``
  → ``cancelRequest`` with our reason mapped to a ``navOrderCancelReason``; ``application.enrol`` →
  ``studyRequest``; ``lesson.theme`` → ``event-group-lessons/upsert`` (the КТП: the lesson's types
  and description kept; read before write, read back after; a theme cleared here cannot be cleared
  there — the Navigator refuses an empty theme —, so that is a refusal with the Navigator's theme).
  Every other kind is refused ``not_in_navigator`` («только в PFDO Desktop»): nothing is invented
  on the Navigator side.
- **Read before write**, per group and month: the members page is read first; a cell already as
  wanted is a ``duplicate`` and is not sent; the rest are sent (``settings.concurrency`` at once,
  oldest date first); the page is read again: a cell stored differently from what was sent is
  refused ``navigator_differs`` with the Navigator's value, which the PC takes (a refusal, not a
  ``conflict``: only refusals are shown in «Требует внимания»); a send whose answer
  was lost is settled by that second read. A cell still unknown after it fails the push (the ops
  stay ``sent``, the next sync reads before sending again): nothing lost, nothing doubled.
- **pull** walks the Navigator with a resumable cursor (JSON ``{stage, gi, month}``): ``master`` =
  organisation, programmes (one module each), groups with their schedule and lesson dates,
  children and memberships from the members rows, applications from the orders; ``own`` = marks
  from the day fields of each group's months up to the current one, and the lesson themes (КТП,
  ``lesson_theme``) of all its months from ``event-group-lessons/get``. Each sync reads everything
  again (no change feed): the last page's cursor is empty.
- **Ids**: the Navigator's numbers are kept (organisation, programme = its module, group, member
  row = membership); a child's UUID becomes a 60-bit number (``child_id``), the same on every PC;
  an order is the application ``nav-<id>``.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select

from pfdo_desktop.domain import attendance
from pfdo_desktop.domain.applications import (
    APP_ACTIVE,
    APP_CONFIRMED,
    APP_EXPELLED,
    APP_NEW,
    APP_REJECTED,
)
from pfdo_desktop.domain.navigator import KIND
from pfdo_desktop.models import Database
from pfdo_desktop.models.entities import Application, AttendanceMark, Lesson

from . import protocol as p
from .client import Cancelled, ServerFailure, SyncError
from .navigator_client import (
    CellResult,
    MarkCell,
    NavigatorClient,
    NavigatorRefusal,
    day_marks,
    filters,
    month_bounds,
)

log = logging.getLogger(__name__)

MAX_OPS_PER_PUSH = 60
FULL_PASS_EVERY = timedelta(days=7)  # every month read again at least this often (no change feed)
FINANCING_DEFAULT = 1  # «Бюджет»: studyRequest requires a source; ours has no such field
R_NOT_IN_NAVIGATOR = "not_in_navigator"
R_NAVIGATOR_REFUSED = "navigator_refused"
R_NAVIGATOR_DIFFERS = "navigator_differs"
VALUE_RU = {0: "нет отметки", 1: "был", 2: "не был", 3: "болел"}
NOT_IN_NAVIGATOR_RU = ("Это действие есть только в PFDO Desktop: в Навигаторе его нет, туда оно не "
                       "отправляется (только в PFDO Desktop).")
CHANGED_BY = "navigator"
STATES = {"initial": APP_NEW, "pause": APP_NEW, "approve": APP_CONFIRMED, "cancel": APP_REJECTED,
          "study": APP_ACTIVE, "deduct": APP_EXPELLED}
# Our reasons of a refusal → words of the Navigator's navOrderCancelReason names (its dictionary is
# read at the first refusal; an unmatched reason goes as «Иная причина» with our text as comment).
REASON_WORDS = {"no_places": "мест", "documents": "документ", "medical": "медицин",
                "parent_refused": "отказ заявител", "withdraw": "отказ заявител"}
OTHER_REASON_WORD = "иная"


def portal_id_of(base_url: str, partner_id: int) -> str:
    return f"{KIND}:{urlsplit(base_url).netloc or base_url}:{partner_id}"[:64]


def child_id(kid_id: str) -> int:
    """A Navigator child (UUID, or a number in some regions) as our integer id: the number itself,
    or the UUID's first 60 bits — the same on every PC, so two PCs converge."""
    text = str(kid_id).strip()
    if text.isdigit():
        return int(text)
    return int(uuid.UUID(text).hex[:15], 16)


def application_uid(order_id: Any) -> str:
    return f"nav-{int(order_id)}"


def order_id_of(uid: str) -> int | None:
    rest = uid.removeprefix("nav-")
    return int(rest) if rest != uid and rest.isdigit() else None


def _day(value: Any) -> date | None:
    if not value:
        return None
    return date.fromisoformat(str(value)[:10])


def _months(first: date, last: date) -> list[date]:
    out, month = [], first.replace(day=1)
    while month <= last:
        out.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return out


@dataclass
class AdapterStats:
    client: NavigatorClient

    @property
    def requests(self) -> int:
        return self.client.requests

    @property
    def bytes_sent(self) -> int:
        return self.client.bytes_sent

    @property
    def bytes_received(self) -> int:
        return self.client.bytes_received


@dataclass
class _Cursor:
    """Where a pull stands. ``own``: ``since`` — the first month this pass reads ("" = every month
    of every group, a full pass); ``full`` — the day the last full pass ended ("" = never)."""

    stage: str = "catalog"
    gi: int = 0
    month: str = ""
    since: str = ""
    full: str = ""

    def text(self) -> str:
        return json.dumps({"stage": self.stage, "gi": self.gi, "month": self.month, "since": self.since,
                           "full": self.full})

    @classmethod
    def read(cls, text: str) -> _Cursor:
        if not text:
            return cls()
        try:
            raw = json.loads(text)
            return cls(str(raw["stage"]), int(raw.get("gi", 0)), str(raw.get("month", "")),
                       str(raw.get("since", "")), str(raw.get("full", "")))
        except (ValueError, KeyError, TypeError):
            return cls()  # not ours (another connector's): from the beginning


@dataclass
class _Cell:
    """One mark op of a push, on the Navigator's side."""

    op_id: str
    group_id: int
    child_id: int
    day: date
    code: int | None  # ours (1..4), None: cleared
    value: int  # the Navigator's (0: cleared)


@dataclass
class NavigatorAdapter:
    """``PortalClient``'s interface over a Navigator account (see the module's docstring)."""

    client: NavigatorClient
    partner_id: int
    db: Database | None = None  # the local marks of code 4 (kept when the Navigator shows excused_code)
    excused_code: int = attendance.NAVIGATOR_EXCUSED_DEFAULT
    financing_source: int = FINANCING_DEFAULT
    today: date | None = None
    _groups: list[dict[str, Any]] | None = field(default=None, repr=False)
    _kids: dict[int, str] = field(default_factory=dict, repr=False)  # our child id → Navigator UUID
    _reasons: list[dict[str, Any]] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _info_at: tuple[datetime, float] | None = field(default=None, repr=False)
    # The operator's progress («Отправка N из M»): the engine reports per batch of 60 ops, which at
    # ≈5 s a request is a still bar for minutes; ``relay`` learns the batch's place and the adapter
    # reports every cell inside it.
    progress: Callable[[str, int, int | None], None] | None = None
    _push_at: tuple[int, int | None] = field(default=(0, None), repr=False)

    def __post_init__(self) -> None:
        self.stats = AdapterStats(self.client)

    def relay(self, stage: str, done: int, total: int | None) -> None:
        """The engine's progress, passed on (``SyncEngine(progress=adapter.relay)``)."""
        if stage == "push":
            self._push_at = (done, total)
        if self.progress is not None:
            self.progress(stage, done, total)

    def _cell_progress(self, done: int, _total: int) -> None:
        if self.progress is not None:
            start, total = self._push_at
            self.progress("push", min(start + done, total if total is not None else start + done), total)

    # --- what the engine uses ---------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return self.client.base_url

    @property
    def settings(self) -> Any:
        return self.client.settings

    @property
    def cancel(self) -> threading.Event:
        return self.client.cancel

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> NavigatorAdapter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def info(self) -> p.InfoResponse:
        """Made here: one request (the academic years, which also checks the session) the first
        time, and the Navigator's clock from its ``Date``; a second call in the same run (the engine
        samples again while answers are slow) is carried on this PC's clock, with no request."""
        if self._info_at is None:
            self.client.academic_years()
            stamp = self.client.last_date
            server = datetime.now(UTC)
            if stamp is not None:
                try:
                    server = parsedate_to_datetime(stamp[0]).astimezone(UTC)
                except (TypeError, ValueError):
                    pass
            self._info_at = (server, self.client._clock())
        server, at = self._info_at
        now = server + timedelta(seconds=self.client._clock() - at)
        host = urlsplit(self.base_url).netloc or self.base_url
        return p.InfoResponse(
            server_time=now, protocol_min=p.PROTOCOL_VERSION,
            protocol_max=p.PROTOCOL_VERSION, min_client_version="0", max_ops_per_push=MAX_OPS_PER_PUSH,
            max_pull_limit=p.MAX_PULL_LIMIT, portal_name=f"Навигатор {host}",
            portal_id=portal_id_of(self.base_url, self.partner_id))

    # --- push -----------------------------------------------------------------------------------

    def push(self, request: p.PushRequest) -> p.PushResponse:
        results: dict[str, p.OpResult] = {}
        cells: list[_Cell] = []
        apps: list[tuple[str, p.TypedOp]] = []
        themes: list[tuple[str, p.LessonThemePayload]] = []
        for op in request.ops:
            try:
                typed = p.parse_op(op)
            except p.UnknownOpKind:
                results[op.op_id] = _rejected(op.op_id, p.R_UNKNOWN_KIND, "Неизвестный вид изменения.")
                continue
            except ValueError as exc:  # a payload that does not fit
                results[op.op_id] = _rejected(op.op_id, p.R_INVALID, str(exc)[:300])
                continue
            payload: Any = typed.payload
            if op.kind in (p.OP_MARK_SET, p.OP_MARK_CLEAR):
                code = int(payload.code) if op.kind == p.OP_MARK_SET else None
                if code is not None and code not in (1, 2, 3, 4):
                    results[op.op_id] = _rejected(op.op_id, p.R_INVALID, "Неизвестная отметка.")
                    continue
                cells.append(_Cell(op.op_id, payload.group_id, payload.child_id, payload.lesson_date,
                                   code, self._value(code)))
            elif op.kind in (p.OP_APP_CONFIRM, p.OP_APP_REJECT, p.OP_APP_WITHDRAW, p.OP_APP_ENROL):
                apps.append((op.op_id, typed))
            elif op.kind == p.OP_LESSON_THEME:
                themes.append((op.op_id, payload))
            else:
                results[op.op_id] = _rejected(op.op_id, R_NOT_IN_NAVIGATOR, NOT_IN_NAVIGATOR_RU)
        by_month: dict[tuple[int, date], list[_Cell]] = defaultdict(list)
        for cell in cells:
            by_month[(cell.group_id, cell.day.replace(day=1))].append(cell)
        for (group_id, month), month_cells in sorted(by_month.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            results.update(self._push_month(group_id, month, month_cells))
        for op_id, typed in apps:
            results[op_id] = self._push_application(op_id, typed)
        month_themes: dict[tuple[int, date], dict[date, dict[str, Any]]] = {}
        for op_id, theme in themes:
            results[op_id] = self._push_theme(op_id, theme, month_themes)
        return p.PushResponse(batch_id=request.batch_id, results=[results[op.op_id] for op in request.ops])

    def _value(self, code: int | None) -> int:
        return attendance.navigator_value(code, self.excused_code)

    def _ours(self, value: int | None, local: int | None) -> int | None:
        return attendance.from_navigator(value, local)

    def _push_month(self, group_id: int, month: date, cells: list[_Cell]) -> dict[str, p.OpResult]:
        out: dict[str, p.OpResult] = {}
        group = self._group(group_id)
        if group is None:
            return {c.op_id: _rejected(c.op_id, p.R_UNKNOWN_GROUP, "Группы нет в Навигаторе (или она "
                                       "другой организации).") for c in cells}
        year = int(group["year"])
        before = self._month_cells(group_id, year, month)
        latest: dict[tuple[int, date], _Cell] = {}
        for cell in cells:  # the batch's order is the edits' order: the last of a cell wins
            previous = latest.get((cell.child_id, cell.day))
            if previous is not None:
                out[previous.op_id] = p.OpResult(op_id=previous.op_id, status=p.APPLIED)  # superseded
            latest[(cell.child_id, cell.day)] = cell
        to_send: list[tuple[_Cell, MarkCell]] = []
        for cell in latest.values():
            kid = self._kids.get(cell.child_id)
            row = before.get(cell.child_id)
            if kid is None or row is None:
                out[cell.op_id] = _rejected(cell.op_id, p.R_NOT_MEMBER,
                                            "В Навигаторе ребёнок не обучается в этой группе в этом месяце.")
                continue
            if cell.day not in row:
                out[cell.op_id] = _rejected(cell.op_id, p.R_NO_LESSON,
                                            "В Навигаторе у группы нет занятия в этот день.")
                continue
            if (row[cell.day] or 0) == cell.value:
                out[cell.op_id] = p.OpResult(op_id=cell.op_id, status=p.DUPLICATE)
                continue
            to_send.append((cell, MarkCell(group_id, kid, cell.day, cell.value)))
        if not to_send:
            return out
        sent: list[CellResult] = self.client.save_marks([m for _, m in to_send], self._cell_progress)
        outcome = {(r.cell.kid_id, r.cell.day): r for r in sent}
        after = self._month_cells(group_id, year, month)
        unknown: SyncError | None = None
        for cell, mark in to_send:
            result = outcome.get((mark.kid_id, mark.day))
            stored = (after.get(cell.child_id) or {}).get(cell.day)
            if (stored or 0) == cell.value:
                out[cell.op_id] = p.OpResult(op_id=cell.op_id, status=p.APPLIED)
            elif result is not None and isinstance(result.error, NavigatorRefusal):
                out[cell.op_id] = _rejected(cell.op_id, R_NAVIGATOR_REFUSED,
                                            f"Навигатор отказал: {result.error.message}",
                                            self._record(cell, stored))
            elif result is not None and result.error is None:
                # Saved, yet the Navigator holds another value (someone marked the cell there
                # meanwhile, or it stores the code otherwise): its value stands on this PC and the
                # operator sees it in «Требует внимания» — a refusal, since a conflict is not shown.
                theirs = VALUE_RU.get(stored or 0, str(stored))
                out[cell.op_id] = _rejected(
                    cell.op_id, R_NAVIGATOR_DIFFERS,
                    f"Навигатор хранит в этой клетке «{theirs}», а отправлено «{VALUE_RU.get(cell.value)}»: "
                    "на этом ПК принято значение Навигатора. Если оно неверно, исправьте отметку снова.",
                    self._record(cell, stored))
            else:  # sent or not, the answer is lost and the cell is not as wanted: next sync
                unknown = unknown or (result.error if result is not None and result.error else Cancelled())
        if unknown is not None:
            raise unknown
        return out

    def _record(self, cell: _Cell, stored: int | None) -> dict[str, Any]:
        return p.MarkRecord(group_id=cell.group_id, child_id=cell.child_id, lesson_date=cell.day,
                            code=self._ours(stored, cell.code), changed_at=self._now(),
                            changed_by=CHANGED_BY).model_dump(mode="json")

    def _month_cells(self, group_id: int, year: int, month: date) -> dict[int, dict[date, int | None]]:
        """Our child id → the Navigator's day fields of a group's month (the members pages of 25)."""
        out: dict[int, dict[date, int | None]] = {}
        for row in self.client.members(group_id, year, month):
            kid = str(row["kid_id"])
            cid = child_id(kid)
            self._kids[cid] = kid
            out[cid] = day_marks(row)
        return out

    def _group(self, group_id: int) -> dict[str, Any] | None:
        for g in self._all_groups():
            if int(g["id"]) == group_id:
                return g
        return None

    def _all_groups(self) -> list[dict[str, Any]]:
        with self._lock:
            if self._groups is None:
                self._groups = sorted(self.client.groups(), key=lambda g: int(g["id"]))
            return self._groups

    def _now(self) -> datetime:
        return self.info().server_time

    # --- lesson themes (КТП) ------------------------------------------------------------------------

    def _month_lessons(self, group_id: int, month: date) -> dict[date, dict[str, Any]]:
        """The Navigator's КТП rows of a group's month, by date."""
        out: dict[date, dict[str, Any]] = {}
        for row in self.client.lessons(group_id, month):
            day = _day(row.get("date"))
            if day is not None:
                out[day] = row
        return out

    def _push_theme(self, op_id: str, pl: p.LessonThemePayload,
                    known: dict[tuple[int, date], dict[date, dict[str, Any]]]) -> p.OpResult:
        """``lesson.theme`` → ``event-group-lessons/upsert``: read the month's КТП first (the theme
        already there: ``duplicate``), send, read it back (another theme there: refused
        ``navigator_differs`` with the Navigator's theme, which the PC takes)."""
        if self._group(pl.group_id) is None:
            return _rejected(op_id, p.R_UNKNOWN_GROUP,
                             "Группы нет в Навигаторе (или она другой организации).",
                             self._theme_record(pl, ""))
        key = (pl.group_id, pl.lesson_date.replace(day=1))
        if key not in known:
            known[key] = self._month_lessons(*key)
        row = known[key].get(pl.lesson_date) or {}
        theirs = str(row.get("theme") or "").strip()
        if theirs == pl.theme:
            return p.OpResult(op_id=op_id, status=p.DUPLICATE)
        if not pl.theme:
            return _rejected(op_id, R_NAVIGATOR_REFUSED,
                             f"Навигатор не позволяет убрать тему занятия: там осталась тема «{theirs}», она "
                             "восстановлена в журнале. Чтобы изменить её, задайте другую тему.",
                             self._theme_record(pl, theirs))
        try:
            self.client.upsert_lesson(pl.group_id, pl.lesson_date, pl.theme,
                                      types=[str(x) for x in row.get("types") or []],
                                      description=str(row.get("description") or ""))
        except NavigatorRefusal as exc:
            return _rejected(op_id, R_NAVIGATOR_REFUSED, f"Навигатор отказал: {exc.message}",
                             self._theme_record(pl, theirs))
        except SyncError:
            known[key] = self._month_lessons(*key)
            if str((known[key].get(pl.lesson_date) or {}).get("theme") or "").strip() == pl.theme:
                return p.OpResult(op_id=op_id, status=p.APPLIED)  # the answer was lost, the theme is there
            raise
        known[key] = self._month_lessons(*key)
        stored = str((known[key].get(pl.lesson_date) or {}).get("theme") or "").strip()
        if stored == pl.theme:
            return p.OpResult(op_id=op_id, status=p.APPLIED)
        return _rejected(op_id, R_NAVIGATOR_DIFFERS,
                         f"Навигатор хранит тему «{stored}», а отправлена «{pl.theme}»: в журнале принята "
                         "тема Навигатора. Если она неверна, задайте тему снова.",
                         self._theme_record(pl, stored))

    def _theme_record(self, pl: p.LessonThemePayload, theme: str) -> dict[str, Any]:
        return p.LessonThemeRecord(group_id=pl.group_id, lesson_date=pl.lesson_date, theme=theme,
                                   changed_at=self._now(), changed_by=CHANGED_BY).model_dump(mode="json")

    def _local_themes(self, group_id: int, month: date) -> dict[date, str]:
        if self.db is None:
            return {}
        first = month.replace(day=1)
        last = date.fromisoformat(month_bounds(month)[1][:10])
        with self.db.read() as s:
            rows = s.execute(select(Lesson.lesson_date, Lesson.theme).where(
                Lesson.group_id == group_id, Lesson.lesson_date >= first, Lesson.lesson_date <= last,
                Lesson.theme != "")).all()
        return {r[0]: str(r[1]) for r in rows}

    def _pulled_themes(self, group_id: int, month: date, lessons: dict[date, dict[str, Any]]
                       ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The month's КТП (``lessons``, read by ``_month_lessons``) as ``lesson_theme`` upserts (a
        theme this PC does not have yet) and deletes (a theme this PC has and the Navigator does not)."""
        local = self._local_themes(group_id, month)
        stamp = self._now().isoformat()
        upserts, deletes = [], []
        seen: set[date] = set()
        for day, row in sorted(lessons.items()):
            theme = str(row.get("theme") or "").strip()
            if not theme:
                continue
            seen.add(day)
            if local.get(day) != theme:
                upserts.append({"group_id": group_id, "lesson_date": day.isoformat(), "theme": theme,
                                "changed_at": stamp, "changed_by": CHANGED_BY})
        for day in sorted(set(local) - seen):
            deletes.append({"group_id": group_id, "lesson_date": day.isoformat()})
        return upserts, deletes

    # --- applications -----------------------------------------------------------------------------

    def _push_application(self, op_id: str, typed: p.TypedOp) -> p.OpResult:
        payload: Any = typed.payload
        order_id = order_id_of(payload.uid)
        if order_id is None:
            return _rejected(op_id, R_NOT_IN_NAVIGATOR, "Заявка создана в PFDO Desktop, в Навигаторе её "
                             "нет: решение по ней остаётся только в PFDO Desktop.")
        kind = typed.kind
        want = {p.OP_APP_CONFIRM: "approve", p.OP_APP_REJECT: "cancel", p.OP_APP_WITHDRAW: "cancel",
                p.OP_APP_ENROL: "study"}[kind]
        if self._order_state(order_id) == want:  # read before write: a replay after a lost answer
            return p.OpResult(op_id=op_id, status=p.DUPLICATE)
        try:
            if kind == p.OP_APP_CONFIRM:
                self.client.approve(order_id)
            elif kind == p.OP_APP_ENROL:
                self.client.study(order_id, date_signing=payload.order_date, date_start=payload.date_from,
                                  decree_number=payload.order_number, financing_source=self.financing_source)
            else:
                reason = "withdraw" if kind == p.OP_APP_WITHDRAW else payload.reason
                self.client.cancel_order(order_id, [(self._reason_id(reason), payload.comment)])
        except NavigatorRefusal as exc:
            return _rejected(op_id, R_NAVIGATOR_REFUSED, f"Навигатор отказал: {exc.message}")
        except SyncError:
            if self._order_state(order_id) == want:  # the answer was lost, the decision was taken
                return p.OpResult(op_id=op_id, status=p.APPLIED)
            raise
        return p.OpResult(op_id=op_id, status=p.APPLIED)

    def _order_state(self, order_id: int) -> str | None:
        group_id = year = None
        if self.db is not None:
            with self.db.read() as s:
                group_id = s.scalar(select(Application.group_id)
                                    .where(Application.id == application_uid(order_id)))
        group = self._group(int(group_id)) if group_id is not None else None
        year = int(group["year"]) if group else None
        for y in ([year] if year else sorted({int(g["year"]) for g in self._all_groups()})):
            for o in self.client.orders(y, group_id):
                if int(o["id"]) == order_id:
                    return str(o["state"])
        return None

    def _reason_id(self, reason: str) -> int:
        if self._reasons is None:
            self._reasons = self.client.cancel_reasons()
        names = [(int(r["id"]), str(r.get("name", "")).casefold()) for r in self._reasons]
        word = REASON_WORDS.get(reason, OTHER_REASON_WORD)
        for rid, name in names:
            if word in name:
                return rid
        for rid, name in names:
            if OTHER_REASON_WORD in name:
                return rid
        if not names:
            raise ServerFailure("Навигатор не дал список причин отмены заявки; повторите позже.", "garbage")
        return names[-1][0]

    # --- pull -------------------------------------------------------------------------------------

    def pull(self, stream: str, cursor: str, limit: int) -> p.PullResponse:
        at = _Cursor.read(cursor)
        if stream == "master":
            return self._pull_master(at)
        return self._pull_own(at)

    def _pull_master(self, at: _Cursor) -> p.PullResponse:
        groups = self._all_groups()
        if at.stage == "catalog":
            return self._catalog(groups)
        if at.stage == "members" and at.gi < len(groups):
            chunk = groups[at.gi:at.gi + max(1, self.client.settings.concurrency)]

            def members(g: dict[str, Any]) -> list[dict[str, Any]]:
                start, end = f"{str(g['date_start'])[:10]} 00:00:00", f"{str(g['date_end'])[:10]} 23:59:59"
                return self.client.list_all("/api/attendance/members/get", ext=filters(
                    group_id=str(g["id"]), academic_year_id=int(g["year"]), dateStart=start, dateEnd=end))

            children, memberships = [], []
            today = self._today()
            for g, rows in zip(chunk, self._at_once(members, chunk), strict=True):
                for r in rows:
                    kid = str(r["kid_id"])
                    cid = child_id(kid)
                    self._kids[cid] = kid
                    children.append({"id": cid, "last_name": r.get("kid_last_name") or "",
                                     "first_name": r.get("kid_first_name") or "",
                                     "middle_name": r.get("kid_patro_name") or "",
                                     "birth_date": str(r.get("kid_birthday"))[:10]})
                    ended = _day(r.get("date_end"))
                    memberships.append({"id": int(r["id"]), "group_id": int(g["id"]), "child_id": cid,
                                        "date_from": str(r.get("date_start"))[:10],
                                        "date_to": ended.isoformat() if ended else None,
                                        "status": "expelled" if ended and ended < today else "active"})
            gi = at.gi + len(chunk)
            nxt = _Cursor("members", gi) if gi < len(groups) else _Cursor("orders")
            return _page("master", {"child": children, "membership": memberships}, nxt.text(), True)
        # orders: every academic year the groups are in, one list each
        apps, children = [], []
        for year in sorted({int(g["year"]) for g in groups}):
            for o in self.client.orders(year):
                kid = str(o["kid_id"])
                cid = child_id(kid)
                self._kids[cid] = kid
                fio = str(o.get("kid_fio") or "").split()
                children.append({"id": cid, "last_name": fio[0] if fio else "",
                                 "first_name": fio[1] if len(fio) > 1 else "",
                                 "middle_name": " ".join(fio[2:]), "birth_date": str(o["kid_birthday"])[:10]})
                apps.append(self._application(o, cid))
        # Children first seen in an order (not yet in a group) come with it; a member keeps its row.
        known = set()
        unique_children = []
        for c in children:
            if c["id"] not in known:
                known.add(c["id"])
                unique_children.append(c)
        return _page("master", {"child": unique_children, "application": apps}, "", False)

    def _catalog(self, groups: list[dict[str, Any]]) -> p.PullResponse:
        events = self.client.events()
        partner_name = next((str(e.get("partner_name") or "") for e in events), "")
        providers = [{"id": self.partner_id, "name": partner_name or f"Организация {self.partner_id}",
                      "short_name": partner_name}]
        programs, modules = [], []
        for e in events:
            eid = int(e["id"])
            programs.append({
                "id": eid, "provider_id": self.partner_id, "name": str(e.get("name") or ""),
                # Not the Navigator's: our card's fields it has no place for (labelled local).
                "direction": str(e.get("direction") or "technical"), "registry": "significant",
                "age_from_months": int(e.get("age_from") or 0) * 12,
                "age_to_months": int(e.get("age_to") or 18) * 12,
                "status": "published", "duration_weeks": 0})
            modules.append({"id": eid, "program_id": eid, "name": str(e.get("name") or ""), "hours": 0,
                            "min_children": 0, "max_children": 0, "price": "0", "normative_price": "0"})
        def read(g: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
            start, end = str(g["date_start"])[:10], str(g["date_end"])[:10]
            return self.client.group(int(g["id"])), self.client.list_all(
                "/api/attendance/dates/get", ext=filters(
                    group_id=str(g["id"]), dateStart=f"{start} 00:00:00", dateEnd=f"{end} 23:59:59"))

        out_groups, slots = [], []
        for g, (detail, days) in zip(groups, self._at_once(read, groups), strict=True):
            gid = int(g["id"])
            start, end = str(g["date_start"])[:10], str(g["date_end"])[:10]
            out_groups.append({
                "id": gid, "module_id": int(g["event_id"]), "program_id": int(g["event_id"]),
                "provider_id": self.partner_id, "name": str(g.get("name") or ""),
                "teacher": str(g.get("teacher") or ""), "date_from": start, "date_to": end,
                "capacity": int(g.get("size") or 0),
                "explicit_dates": sorted({str(d["date"])[:10] for d in days})})
            for i, s in enumerate(detail.get("schedule") or []):
                slots.append({"id": gid * 100 + i, "group_id": gid, "weekday": int(s["week_day"]),
                              "time_from": str(s["time_start"])[:5], "time_to": str(s["time_end"])[:5]})
        nxt = _Cursor("members", 0) if groups else _Cursor("orders")
        return _page("master", {"provider": providers, "program": programs, "module": modules,
                                "group": out_groups, "schedule_slot": slots}, nxt.text(), True)

    def _application(self, o: dict[str, Any], cid: int) -> dict[str, Any]:
        created = str(o.get("created_ts") or "")[:19] or f"{date.today().isoformat()} 00:00:00"
        reasons = o.get("cancel_reasons") or []
        return {
            "id": application_uid(o["id"]), "number": str(o["id"]), "child_id": cid,
            "group_id": int(o.get("fact_group_id") or o["group_id"]), "provider_id": self.partner_id,
            "start_date": str(o.get("date_enroll") or created)[:10],
            "status": STATES.get(str(o["state"]), APP_NEW), "source": "portal",
            "created_at": created.replace(" ", "T") + "+00:00",  # its clock taken as UTC (assumed)
            "order_number": str(o.get("decree_number") or ""),
            "end_date": str(o["date_deduct"])[:10] if o.get("date_deduct") else None,
            "reason_text": "; ".join(str(r.get("comment") or "") for r in reasons if isinstance(r, dict)),
        }

    def _pull_own(self, at: _Cursor) -> p.PullResponse:
        """Marks (months up to the current one) and КТП (every month: themes are planned ahead) of
        each group, ``concurrency`` group-months a page, read at once. The Navigator has no change
        feed: a full pass reads every month; between full passes (``FULL_PASS_EVERY``) a sync reads
        the previous, the current and the next month (where teachers still mark and plan) — another
        month changed in the Navigator's web page reaches the PC at the next full pass."""
        if at.stage == "marks":
            since, full = at.since, at.full
        else:  # a new pass: full when none ended within FULL_PASS_EVERY
            since, full = self._window(at.full if at.stage == "done" else ""), at.full
        groups = self._all_groups()
        this_month = self._today().replace(day=1)
        until = (this_month + timedelta(days=31)).replace(day=1).isoformat()  # a window: and next month's КТП
        months: list[tuple[int, date]] = []
        for gi, g in enumerate(groups):
            first, last = _day(g["date_start"]), _day(g["date_end"])
            if first is None or last is None:
                continue
            months += [(gi, m) for m in _months(first, last)
                       if not since or since <= m.isoformat() <= until]
        index = 0
        if at.stage == "marks":
            wanted = (at.gi, at.month)
            index = next((i for i, (gi, m) in enumerate(months) if (gi, m.isoformat()) >= wanted),
                         len(months))
        chunk = months[index:index + max(1, self.client.settings.concurrency)]

        def read(item: tuple[int, date]) -> tuple[dict[int, dict[date, int | None]], dict[date, Any]]:
            g = groups[item[0]]
            gid, month = int(g["id"]), item[1]
            cells = self._month_cells(gid, int(g["year"]), month) if month <= this_month else {}
            return cells, self._month_lessons(gid, month)

        marks: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([], [])
        themes: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([], [])
        for (gi, month), (cells, lessons) in zip(chunk, self._at_once(read, chunk), strict=True):
            gid = int(groups[gi]["id"])
            for part, more in ((marks, self._pulled_marks(gid, month, cells)),
                               (themes, self._pulled_themes(gid, month, lessons))):
                part[0].extend(more[0])
                part[1].extend(more[1])
        changes: dict[str, Any] = {"mark": marks, "lesson_theme": themes}
        if index + len(chunk) < len(months):
            ngi, nmonth = months[index + len(chunk)]
            return _page("own", changes, _Cursor("marks", ngi, nmonth.isoformat(), since, full).text(), True)
        ended = self._today().isoformat() if not since else full
        return _page("own", changes, _Cursor("done", full=ended).text(), False)

    def _window(self, last_full: str) -> str:
        """The first month a new pass reads: "" (all) unless a full pass ended less than
        ``FULL_PASS_EVERY`` ago; then the previous month."""
        ended = _day(last_full)
        today = self._today()
        if ended is None or not timedelta(0) <= today - ended < FULL_PASS_EVERY:
            return ""
        return (today.replace(day=1) - timedelta(days=1)).replace(day=1).isoformat()

    def _at_once(self, fn: Callable[[Any], Any], items: list[Any]) -> list[Any]:
        """``fn`` of each item, ``concurrency`` at once (the client holds the same limit for every
        request), in the items' order; the first failure is raised."""
        if len(items) <= 1:
            return [fn(item) for item in items]
        with ThreadPoolExecutor(max_workers=max(1, self.client.settings.concurrency),
                                thread_name_prefix="navigator-read") as pool:
            return list(pool.map(fn, items))

    def _pulled_marks(self, gid: int, month: date, cells: dict[int, dict[date, int | None]]
                      ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """A group's month of day fields as ``mark`` upserts (a cell that differs from this PC's) and
        deletes (an empty cell there, a mark here)."""
        local = self._local_marks(gid, month)
        upserts, deletes = [], []
        stamp = self._now().isoformat()
        for cid, days in cells.items():
            for day, value in days.items():
                here = local.get((cid, day))
                if value is None:
                    if here is not None:
                        deletes.append({"group_id": gid, "child_id": cid, "lesson_date": day.isoformat()})
                    continue
                code = self._ours(value, here)
                if code == here:
                    continue  # as on this PC already: nothing to write, nothing to count as received
                upserts.append({"group_id": gid, "child_id": cid, "lesson_date": day.isoformat(),
                                "code": code, "changed_at": stamp, "changed_by": CHANGED_BY})
        return upserts, deletes

    def _local_marks(self, group_id: int, month: date) -> dict[tuple[int, date], int]:
        if self.db is None:
            return {}
        first = month.replace(day=1)
        last = date.fromisoformat(month_bounds(month)[1][:10])
        with self.db.read() as s:
            rows = s.execute(select(AttendanceMark.child_id, AttendanceMark.lesson_date, AttendanceMark.code)
                             .where(AttendanceMark.group_id == group_id, AttendanceMark.lesson_date >= first,
                                    AttendanceMark.lesson_date <= last)).all()
        return {(r[0], r[1]): int(r[2]) for r in rows}

    def _today(self) -> date:
        """Today on the Navigator's clock (its ``Date``), in this PC's time zone: a PC whose clock is
        a year off still reads the current months and dates its full passes right."""
        return self.today or self._now().astimezone().date()


def _page(stream: str, changes: dict[str, Any], cursor: str, more: bool) -> p.PullResponse:
    out: dict[str, p.EntityChanges] = {}
    for entity, value in changes.items():
        if isinstance(value, tuple):
            out[entity] = p.EntityChanges(upserts=value[0], deletes=value[1])
        else:
            out[entity] = p.EntityChanges(upserts=value)
    return p.PullResponse(stream=stream, changes=out, next_cursor=cursor,  # type: ignore[arg-type]
                          has_more=more)


def _rejected(op_id: str, code: str, message: str, record: dict[str, Any] | None = None) -> p.OpResult:
    return p.OpResult(op_id=op_id, status=p.REJECTED, code=code, message=message, server_record=record)

