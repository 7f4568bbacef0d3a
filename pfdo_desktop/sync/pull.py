"""Pull: the ``master`` and ``own`` streams, page by page, each page with its cursor in one
transaction.

- every row is read with its entity's record (``protocol.ROW_READERS``) before it is stored; a
  provider, guardian or application row that does not fit is skipped with an issue (the PC keeps
  its copy), any other row that does not fit fails the page and nothing of it is stored;
- a pulled row never overwrites a local row with an op still in the outbox;
- a full download (no cursor, or the portal's ``reset_required``) archives what the portal no
  longer lists, and the last page's counts are compared with the PC's;
- each stream downloads in a thread of its own from the start, a few pages ahead of the writing:
  the portal's work, the network and the disk overlap.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
from datetime import date
from typing import Any, NamedTuple, cast

from sqlalchemy import Dialect, Table, func, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler

from pfdo_desktop.domain.lessons import HELD, LessonState
from pfdo_desktop.models import AUDIT_PULLED, Child, ScheduleSlot, StudyGroup, SyncCursor, utcnow
from pfdo_desktop.models.marks import StoredMark, apply_marks, stored_mark, utc_text
from pfdo_desktop.services import lesson_states, lesson_themes, money_documents
from pfdo_desktop.services import programs as program_service
from pfdo_desktop.services.lessons import regenerate_lessons

from . import protocol as p
from .client import ResetRequired, ServerFailure, SyncError
from .context import RunContext
from .issues import GARBAGE, sanity_issue
from .rows import MASTER_MODELS, master_row, pending_ids, pending_keys, portal_rows

log = logging.getLogger(__name__)

_ENTITY_RU = {"provider": "организация", "application": "заявка",
              "guardian": "родитель (законный представитель)"}


# Pages of a stream downloaded ahead of their writing, at most (a page of marks parsed is a few MB).
AHEAD = 4


def pull_streams(run: RunContext, streams: tuple[str, ...], limit: int) -> None:
    """Download each stream from its cursor to the end (from the beginning when it has none, or once
    more when the portal asks for a reset) and write its pages in turn, each with its cursor. Every
    stream downloads in a thread of its own from the start, a few pages ahead of the writing: the
    marks of the own stream come while the master pages are written, and the portal's work, the
    network and the PC's disk overlap. The pages are still written in order, stream after stream."""
    downloads = {stream: _Download(run, stream, _stored_cursor(run, stream), limit) for stream in streams}
    try:
        for stream in streams:
            _pull_stream(run, downloads[stream])
    finally:
        # Never wait here for a download nobody needs any more (a cancel or a failure): it ends
        # by itself on the cancel event or when the run closes the HTTP client.
        for download in downloads.values():
            download.stop()


def _stored_cursor(run: RunContext, stream: str) -> str:
    with run.db.read() as s:
        return s.scalar(select(SyncCursor.cursor).where(SyncCursor.stream == stream)) or ""


class _Download:
    """One stream's pages from ``cursor`` to the end, downloaded by a thread of their own into a
    queue of at most ``AHEAD`` pages; a failed request (after the client's retries) ends it, its
    error taken by the writer in the page's place. The thread also reads a page's marks
    (``_read_marks``), so the writer finds them read: it spends its time on the disk."""

    def __init__(self, run: RunContext, stream: str, cursor: str, limit: int) -> None:
        self.run, self.stream, self.limit = run, stream, limit
        self._start(cursor)

    def _start(self, cursor: str) -> None:
        self.cursor = cursor  # where this download started
        self._pages: queue.Queue[_Page | BaseException] = queue.Queue(maxsize=AHEAD)
        self._stopped = threading.Event()
        threading.Thread(target=self._download, args=(cursor, self._pages, self._stopped),
                         name=f"pfdo-pull-{self.stream}", daemon=True).start()

    def _download(self, cursor: str, pages: queue.Queue[_Page | BaseException],
                  stopped: threading.Event) -> None:
        while not stopped.is_set() and not self.run.cancel.is_set():
            item: _Page | BaseException
            try:
                page = self.run.client.pull(self.stream, cursor, self.limit)
                item = _Page(page, _read_marks(page))
            except BaseException as exc:  # noqa: BLE001 - handed to the writer, raised there
                item = exc
            while not stopped.is_set():
                try:
                    pages.put(item, timeout=0.1)
                    break
                except queue.Full:
                    continue
            if isinstance(item, BaseException) or not item.page.has_more:
                return
            cursor = item.page.next_cursor

    def next(self) -> _Page:
        """The next page, waited for (the cancel event is looked at meanwhile); raises what its
        download raised."""
        while True:
            self.run.check_cancel()
            try:
                item = self._pages.get(timeout=0.1)
            except queue.Empty:
                continue
            if isinstance(item, BaseException):
                raise item
            return item

    def restart(self) -> None:
        """From the beginning (the portal asked for a reset)."""
        self.stop()
        self._start("")

    def stop(self) -> None:
        self._stopped.set()


def _pull_stream(run: RunContext, download: _Download) -> None:
    """One stream to its end, its pages written as they come."""
    stream = download.stream
    full = download.cursor == ""
    seen: dict[str, set[Any]] = {}
    resets = 0
    while True:
        run.check_cancel()
        run.progress(f"pull:{stream}", run.report.pulled, None)
        try:
            page, marks = download.next()
        except ResetRequired:
            if resets:
                raise
            resets += 1
            log.warning("portal asked to re-download stream %s", stream)
            full, seen = True, {}
            download.restart()
            continue
        apply_page(run, stream, page, full, seen, marks=marks)
        if not page.has_more:
            return


class _Page(NamedTuple):
    """A downloaded page, and its marks as ``_read_marks`` read them."""

    page: p.PullResponse
    marks: list[StoredMark] | Exception | None


def _read_marks(page: p.PullResponse) -> list[StoredMark] | Exception | None:
    """The page's marks in their stored form (``_stored_marks``), or what reading them raised
    (the writer raises it: the page fails whole), or None when it has none."""
    changes = page.changes.get("mark") if page.stream == "own" else None
    if changes is None:
        return None
    try:
        return _stored_marks(changes.upserts)
    except (ValueError, TypeError, KeyError, ArithmeticError) as exc:
        return exc


def apply_page(run: RunContext, stream: str, page: p.PullResponse, full: bool,
               seen: dict[str, set[Any]], marks: list[StoredMark] | Exception | None = None) -> None:
    """One page and its cursor in one transaction. ``marks``: the page's marks already read
    (``_read_marks``), or None to read them here."""
    if page.stream != stream:
        raise ServerFailure("Портал прислал данные не того потока.", "garbage")
    last = not page.has_more
    try:
        with run.db.write() as s:
            if stream == "master":
                # Rows of a page may come child first; the checks run at commit.
                s.execute(text("PRAGMA defer_foreign_keys = ON"))
                n = _apply_master(s, page, seen if full else None)
                if last and full:
                    archive_unseen(s, seen)
                if last and page.counts is not None:
                    check_counts(s, page.counts)
            else:
                n = _apply_own(s, page, marks)
            s.merge(SyncCursor(stream=stream, cursor=page.next_cursor, updated_at=utcnow()))
    except IntegrityError:
        log.exception("a pulled %s page breaks the local references", stream)
        raise SyncError(
            "Портал прислал записи, которые ссылаются на ещё не полученные данные. "
            "Страница не применена, на этом ПК ничего не изменилось; сообщите в поддержку "
            "портала и повторите синхронизацию позже.", "inconsistent_page") from None
    except (ValueError, TypeError, KeyError, ArithmeticError) as exc:
        # (pydantic's ValidationError is a ValueError.) The exception's text may quote a row's
        # value (a date of birth): only its type is logged.
        log.warning("a pulled %s page has rows that cannot be read (%s)", stream, type(exc).__name__)
        raise SyncError(
            "Портал прислал записи, которые не удалось прочитать (неверные даты, суммы или "
            "номера). Страница не применена, на этом ПК ничего не изменилось; сообщите в "
            "поддержку портала и повторите синхронизацию позже.", GARBAGE) from None
    run.report.pulled += n
    for entity, changes in page.changes.items():
        run.report.pulled_by_entity[entity] = (
            run.report.pulled_by_entity.get(entity, 0) + len(changes.upserts) + len(changes.deletes))


# --- master ---------------------------------------------------------------------------------------


def _apply_master(s: Session, page: p.PullResponse, seen: dict[str, set[Any]] | None) -> int:
    pending = pending_keys(s)
    touched_groups: set[int] = set()
    touched_programs: set[int] = set()
    count = 0
    for entity in p.MASTER_ENTITIES:
        changes = page.changes.get(entity)
        if changes is None:
            continue
        model = MASTER_MODELS[entity]
        rows, kept = _readable_rows(s, entity, changes.upserts)
        waiting = pending_ids(pending, entity)
        # A row with an unsent op keeps its local value; it (and a row kept because the
        # portal's copy was unreadable) still counts as seen, so a full download never
        # archives it.
        kept.update(r["id"] for r in rows if r["id"] in waiting)
        rows = [r for r in rows if r["id"] not in waiting]
        if seen is not None:
            seen.setdefault(entity, set()).update(kept)
        if rows:
            _upsert(s, model.__table__, rows)
            if seen is not None:
                seen.setdefault(entity, set()).update(r["id"] for r in rows)
        deletes = [i for i in changes.deletes if f"{entity}:{i}" not in pending]
        if deletes:
            s.execute(update(model).where(model.id.in_(deletes)).values(archived=True))
        if entity == "program":
            touched_programs.update(r["id"] for r in rows)
            touched_programs.update(deletes)
        elif entity == "group":
            touched_groups.update(r["id"] for r in rows)
            touched_groups.update(deletes)
        elif entity == "schedule_slot":
            touched_groups.update(r["group_id"] for r in rows)
            if deletes:
                touched_groups.update(s.scalars(
                    select(ScheduleSlot.group_id).where(ScheduleSlot.id.in_(deletes))))
        count += len(rows) + len(deletes)
    # A full download fills each group's whole journal; otherwise only future lessons follow.
    regenerate_lessons(s, touched_groups, backfill=seen is not None)
    # Moderation outcomes and conflicts of this PC's drafts (issue 4), with the page.
    program_service.reconcile_pulled(s, touched_programs)
    return count


def _upsert(s: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert or update ``rows`` (keyed by ``id``) in one executemany per set of columns, each value
    through its column's type as SQLAlchemy binds it, a column at a time (SQLAlchemy's own
    executemany builds every row's parameters one by one: most of a master page's time)."""
    conn = s.connection()
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        by_columns.setdefault(tuple(row), []).append(row)
    for columns, group in by_columns.items():
        sql, positional, names, processors = _upsert_statement(table, columns, conn.dialect)
        values: list[list[Any]] = []
        for name, process in zip(names, processors, strict=True):
            if name in columns:
                values.append([row[name] for row in group] if process is None else
                              [process(row[name]) for row in group])
            else:  # a column the rows do not set (a local one): its default, as SQLAlchemy inserts it
                default = _default(table.c[name])
                values.append([default if process is None else process(default)] * len(group))
        params: Any = list(zip(*values, strict=True)) if positional else [
            dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]
        conn.exec_driver_sql(sql, params)


def _upsert_statement(table: Table, columns: tuple[str, ...],
                      dialect: Dialect) -> tuple[str, bool, list[str], list[Any]]:
    """``_upsert``'s statement for rows with ``columns``, compiled once a process (not once a
    database: a first sync opens a new one), for dialects of the same kind and parameter style: its
    text, whether its parameters are positional, their names in order and each one's bind
    processor."""
    key = (table, columns, type(dialect), dialect.paramstyle)
    found = _UPSERTS.get(key)
    if found is None:
        stmt = sqlite_insert(table)
        stmt = stmt.on_conflict_do_update(
            index_elements=["id"], set_={c: stmt.excluded[c] for c in columns if c != "id"})
        compiled = cast(SQLCompiler, stmt.compile(dialect=dialect, column_keys=list(columns)))
        names = list(compiled.positiontup or ()) if compiled.positional else list(compiled.params)
        found = _UPSERTS[key] = (compiled.string, bool(compiled.positional), names,
                                 [table.c[name].type.bind_processor(dialect) for name in names])
    return found


_UPSERTS: dict[tuple[Any, ...], tuple[str, bool, list[str], list[Any]]] = {}


def _default(column: Any) -> Any:
    """The value SQLAlchemy inserts for ``column`` when a row does not set it."""
    default = column.default
    if default is None:
        return None
    if default.is_scalar:
        return default.arg
    return default.arg(None)  # a callable (``list``), wrapped by SQLAlchemy to take a context


def _readable_rows(s: Session, entity: str,
                   upserts: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], set[Any]]:
    """The page's rows of ``entity`` as table rows, read with the entity's record. An entity read
    row by row (``protocol.MASTER_RECORDS``) skips a row that does not fit, with an issue — the
    local copy stays — instead of failing the page: returns the rows and the ids so kept."""
    reader = p.ROW_READERS[entity]
    if entity not in p.MASTER_RECORDS:
        return [master_row(entity, r) for r in reader.rows(upserts)], set()
    try:  # the whole page at once; only a page with a row that does not fit is read row by row
        return [master_row(entity, r) for r in reader.rows(upserts)], set()
    except ValueError:  # pydantic's ValidationError
        pass
    rows: list[dict[str, Any]] = []
    kept: set[Any] = set()
    bad: list[str] = []
    for raw in upserts:
        try:
            rows.append(master_row(entity, reader.row(raw)))
            continue
        except ValueError:  # pydantic's ValidationError
            pass
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        row_id: Any = raw_id if entity in p.TEXT_ID_ENTITIES else _int_or_none(raw_id)
        if isinstance(row_id, str | int) and row_id != "":
            kept.add(row_id)
        bad.append(str(row_id) if row_id is not None else "?")
    if bad:
        log.warning("%d pulled %s rows cannot be read; skipped: %s", len(bad), entity, bad[:20])
        what = _ENTITY_RU.get(entity, entity)
        numbers = ", ".join(bad[:5]) + (f" и ещё {len(bad) - 5}" if len(bad) > 5 else "")
        sanity_issue(s, GARBAGE, f"{entity}:{bad[0]}" if len(bad) == 1 else entity,
                     f"Портал прислал записи «{what}», которые не удалось прочитать ({len(bad)}: "
                     f"№ {numbers}): они пропущены, на ПК остались прежние.",
                     "Нечитаемые записи с портала",
                     "Сообщите в поддержку портала. Записи обновятся, когда портал пришлёт их "
                     "исправленными.")
    return rows, kept


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def archive_unseen(s: Session, seen: dict[str, set[Any]]) -> None:
    """After a full download, rows the portal no longer shows us are archived (never deleted:
    marks may refer to them). A row with an op still waiting for the portal stays."""
    pending = pending_keys(s)  # (a query through the session: it flushes what the page changed)
    for entity in reversed(p.MASTER_ENTITIES):
        model = MASTER_MODELS[entity]
        ids = seen.get(entity, set())
        local = set(s.connection().execute(
            select(model.id).where(model.archived.is_(False), *portal_rows(model))).scalars())
        gone = local - ids - pending_ids(pending, entity)
        if gone:
            s.execute(update(model).where(model.id.in_(gone)).values(archived=True))
            log.info("archived %d %s rows the portal no longer lists", len(gone), entity)


def check_counts(s: Session, counts: dict[str, int]) -> None:
    """The portal's live rows per entity against the PC's: a mismatch is an issue."""
    pending = pending_keys(s)  # (a query through the session: it flushes what the page changed)
    for entity, expected in counts.items():
        model = MASTER_MODELS.get(entity)
        if model is None:
            continue
        # Rows with an op waiting for the portal are left out: the pull did not touch them, so
        # the portal may list them or not; the others must match.
        waiting = pending_ids(pending, entity)
        local = s.connection().scalar(select(func.count()).select_from(model)
                                      .where(model.archived.is_(False), model.id.not_in(waiting),
                                             *portal_rows(model))) or 0
        if not expected - len(waiting) <= local <= expected:
            log.warning("count mismatch for %s: local %d, portal %d", entity, local, expected)
            sanity_issue(s, "count_mismatch", entity,
                         f"На ПК {local} записей «{entity}», на портале {expected}.",
                         "Расхождение с порталом",
                         "Синхронизируйте ещё раз; если расхождение останется, сообщите в "
                         "поддержку.")


# --- own ------------------------------------------------------------------------------------------


def _apply_own(s: Session, page: p.PullResponse, read: list[StoredMark] | Exception | None = None) -> int:
    """Marks from the school's other PCs (and the portal), written by the journal's one writer
    (``models.marks.apply_marks``) in bulk: a first sync brings tens of thousands of them. A
    pulled value that changes a local cell is audited; a cell that was empty here just fills (its
    origin is audited on the portal); a cell with an unsent local edit keeps the local value."""
    _apply_lesson_states(s, page)
    _apply_lesson_themes(s, page)
    _apply_money_documents(s, page)
    changes = page.changes.get("mark")
    if changes is None:
        return 0
    if isinstance(read, Exception):
        raise read
    marks = _known_references(s, read if read is not None else _stored_marks(changes.upserts))
    for key in p.MARK_KEYS.rows(changes.deletes):
        marks.append(stored_mark(key["group_id"], key["child_id"], key["lesson_date"], None, None))
    if not marks:
        return 0
    return len(apply_marks(s, marks, AUDIT_PULLED, keep=pending_keys(s)))


def _apply_lesson_states(s: Session, page: p.PullResponse) -> None:
    """The page's lesson states (issue 12), read with ``LessonStateRecord`` (one that does not fit
    fails the page); a delete is a lesson back to held. A lesson with a state change still in the
    outbox keeps the PC's value; one of a group the PC does not have is left out."""
    changes = page.changes.get("lesson_state")
    if changes is None:
        return
    keep = pending_keys(s)
    held = [{**key, "state": HELD} for key in p.LESSON_KEYS.rows(changes.deletes)]
    for row in [*p.ROW_READERS["lesson_state"].rows(changes.upserts), *held]:
        group_id, day = row["group_id"], row["lesson_date"]
        if lesson_states.entity_key(group_id, day) in keep:
            continue
        lesson_states.store_state(
            s, group_id, day, LessonState(row["state"], row.get("moved_to"), row.get("reason", "")),
            row.get("changed_at"), row.get("changed_by", ""))


def _apply_lesson_themes(s: Session, page: p.PullResponse) -> None:
    """The page's lesson themes (КТП, issue 16), read with ``LessonThemeRecord`` (one that does not
    fit fails the page); a delete is a theme cleared. A lesson with a theme change still in the
    outbox keeps the PC's value; a theme of a lesson the PC has no row for makes the row; one of a
    group the PC does not have is left out."""
    changes = page.changes.get("lesson_theme")
    if changes is None:
        return
    keep = pending_keys(s)
    cleared = [{**key, "theme": ""} for key in p.LESSON_KEYS.rows(changes.deletes)]
    for row in [*p.ROW_READERS["lesson_theme"].rows(changes.upserts), *cleared]:
        group_id, day = row["group_id"], row["lesson_date"]
        if lesson_themes.entity_key(group_id, day) in keep:
            continue
        lesson_themes.store_theme(s, group_id, day, row.get("theme", ""), reason=AUDIT_PULLED,
                                  changed_at=row.get("changed_at"), changed_by=row.get("changed_by", ""))


def _apply_money_documents(s: Session, page: p.PullResponse) -> None:
    """The provider's advance requests and invoices with the portal's decisions (issue 12), read
    with ``InvoiceRecord`` (one that does not fit fails the page); never deleted."""
    changes = page.changes.get("invoice")
    if changes is None:
        return
    for row in p.ROW_READERS["invoice"].rows(changes.upserts):
        money_documents.store_record(s, row)
    s.flush()


def _stored_marks(upserts: list[dict[str, Any]]) -> list[StoredMark]:
    """The page's marks in their stored form (without their id: ``apply_marks`` derives it only for
    a cell it audits or keeps). A page the portal wrote as it writes marks — ints, dates and times in
    their canonical text — is read as it is (``_plain_marks``); any other page is read with
    ``MarkRecord`` (all of its rows at once: one that does not fit fails the page)."""
    plain = _plain_marks(upserts)
    if plain is not None:
        return plain
    out: list[StoredMark] = []
    for raw, mark in zip(upserts, p.ROW_READERS["mark"].rows(upserts), strict=True):
        group_id, child_id = mark["group_id"], mark["child_id"]
        day = raw["lesson_date"]
        if not (type(day) is str and len(day) == 10):
            day = mark["lesson_date"].isoformat()
        at = raw["changed_at"]
        if not (type(at) is str and len(at) == 27 and at[-1] == "Z" and at[10] == "T"):
            at = utc_text(mark["changed_at"])
        out.append(("", group_id, child_id, day, mark.get("code"), at, mark.get("changed_by", "")[:64]))
    return out


# Dates already seen as canonical ISO text («2025-11-20»): a page's marks share a few hundred.
_ISO_DAYS: set[str] = set()
# A page's stored times, one a line: each «YYYY-MM-DDTHH:MM:SS.ffffffZ» (the date checked apart).
_TIMES = re.compile(r"(?:\d{4}-\d\d-\d\dT(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z\n)*", re.ASCII)
# The types of a mark's values ``_plain_marks`` takes (``bool``, an ``int`` too, is not one of them).
_INT, _INT_OR_NONE = frozenset((int,)), frozenset((int, type(None)))
_STR, _STR_OR_NONE = frozenset((str,)), frozenset((str, type(None)))


def _iso_day(text: str) -> bool:
    if text in _ISO_DAYS:
        return True
    try:
        if len(text) != 10 or date.fromisoformat(text).isoformat() != text:
            return False
    except ValueError:
        return False
    if len(_ISO_DAYS) < 100_000:
        _ISO_DAYS.add(text)
    return True


def _plain_marks(upserts: list[dict[str, Any]]) -> list[StoredMark] | None:
    """The first sync's hot path: the marks of a page whose every row is exactly what ``MarkRecord``
    reads without converting anything — int ids and code (or no code), the date as «YYYY-MM-DD», the
    time as «YYYY-MM-DDTHH:MM:SS.ffffffZ» (what the portal sends and the journal stores), the author
    as text or null — taken as they are. None as soon as one row is in any other form: the caller
    then reads the page with ``MarkRecord``, which decides whether it fits.

    The checks run over the page, not row by row: the set of each column's types, each distinct date
    once (a page's marks share a few hundred), every time by one regular expression over the page's
    times joined by line breaks."""
    try:
        out: list[StoredMark] = [("", row["group_id"], row["child_id"], row["lesson_date"], row.get("code"),
                                  row["changed_at"], row.get("changed_by", "")) for row in upserts]
    except (KeyError, TypeError):
        return None
    if not out:
        return out
    _, groups, children, days, codes, times, authors = zip(*out, strict=True)  # the page's columns
    if not (set(map(type, groups)) | set(map(type, children)) <= _INT
            and set(map(type, codes)) <= _INT_OR_NONE and set(map(type, days)) | set(map(type, times)) <= _STR
            and set(map(type, authors)) <= _STR_OR_NONE):
        return None
    # (No line break can stand anywhere in a time but at its end: 28 characters a time means each
    # row's time is one whole line.)
    joined = "\n".join(times) + "\n"
    if not (len(joined) == 28 * len(out) and _TIMES.fullmatch(joined)
            and all(map(_iso_day, set(days) | {at[:10] for at in times}))):
        return None
    if None in authors or max(map(len, authors)) > 64:  # rare: an author unknown or too long
        out = [m if m[6] is not None and len(m[6]) <= 64 else (*m[:6], (m[6] or "")[:64]) for m in out]
    return out


def _known_references(s: Session, marks: list[StoredMark]) -> list[StoredMark]:
    """The marks whose group and child this PC has (the rest would break the foreign keys)."""
    if not marks:
        return marks
    conn = s.connection()  # (plain rows through the driver: a page names hundreds of children)
    groups = _existing_ids(conn, StudyGroup.__tablename__, {m[1] for m in marks})
    children = _existing_ids(conn, Child.__tablename__, {m[2] for m in marks})
    known = [m for m in marks if m[1] in groups and m[2] in children]
    if len(known) != len(marks):
        missing = len(marks) - len(known)
        log.warning("%d pulled marks refer to a group or child not in the master stream", missing)
        sanity_issue(s, "orphan_marks", "mark",
                     f"{missing} отметок с портала относятся к группе или ребёнку, которых нет "
                     "на этом ПК.", "Отметки без группы", "Сообщите в поддержку портала.")
    return known


def _existing_ids(conn: Any, table: str, ids: set[int]) -> set[int]:
    """Which of ``ids`` are rows of ``table`` (an integer primary key ``id``), asked in lists of at
    most 900 (SQLite's default limit of bound values is 999)."""
    found: set[int] = set()
    keys = sorted(ids)
    for i in range(0, len(keys), 900):
        chunk = keys[i:i + 900]
        found.update(row[0] for row in conn.exec_driver_sql(
            f"SELECT id FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})", tuple(chunk)))
    return found
