"""The portal's limits kept in its database, so that every worker process of ``serve --workers N``
counts together (issue 15, «Region scale»): a worker holds nothing that matters in its memory.

* ``RateLimiter`` — requests per key (a device's token, an address for /device/enrol) as a
  *generic cell rate* (GCRA, a leaky bucket): one row per key holding the time at which the bucket
  is empty again, moved by one ``INSERT … ON CONFLICT DO UPDATE … RETURNING`` per request. N per
  window allows a burst of N, then one each window/N seconds; a refusal names the seconds until
  the next request is taken.
* ``GuessGuard`` — wrong enrolment codes in a sliding window, one row per wrong code (a rare
  path: a few statements each), per client address and in total (docs/sync-protocol.md, «Limits»).

Both tables are small and bounded: a limiter's row is dropped once its bucket is empty, a wrong
code's row when it leaves the window (and only the last ``max_rows`` are ever kept). Times are the
wall clock's seconds (``time.time``): the workers share no monotonic clock.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from sqlalchemy import (
    BigInteger,
    Column,
    Engine,
    Float,
    Index,
    Integer,
    String,
    Table,
    bindparam,
    func,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite

from pfdo_desktop.sync import protocol as p

from . import db
from .common import ApiError

log = logging.getLogger(__name__)

# A key → a time: for a rate limit, when its bucket is empty again (GCRA's «theoretical arrival
# time»); for the guard's warning, when it was last given.
limit_marks = Table(
    "limit_marks",
    db.metadata,
    Column("key", String(100), primary_key=True),
    Column("at", Float, nullable=False),
)

# One row per wrong enrolment code: whom it is counted for, and when.
enrol_failures = Table(
    "enrol_failures",
    db.metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("address", String(64), nullable=False),
    Column("at", Float, nullable=False),
    Index("ix_enrol_failures_address_at", "address", "at"),
    Index("ix_enrol_failures_at", "at"),
)

_WARNED_KEY = "guard:warned"


def _upsert(engine: Engine):  # noqa: ANN202 - the dialect's insert (both have on_conflict_do_update)
    return (postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert)(limit_marks)


class RateLimiter:
    """``per_minute`` requests per key in a ``window`` (a GCRA bucket in ``limit_marks``)."""

    def __init__(self, engine: Engine, per_minute: int, window: float = 60.0, *,
                 clock: Callable[[], float] = time.time) -> None:
        self.engine = engine
        self.per_minute = per_minute
        self.window = window
        self.interval = window / per_minute  # what one request adds to its bucket
        self._clock = clock
        self._pruned_at = 0.0  # when this process last dropped empty buckets (a schedule, no state)
        mark = limit_marks.c
        # max(a, b) of two values: SQLite's two-argument max, PostgreSQL's GREATEST.
        later = func.greatest if engine.dialect.name == "postgresql" else func.max
        # Taken when the bucket, emptied to now, has room for one more: it moves on by one interval;
        # else nothing is updated and no row comes back.
        self._take = _upsert(engine).values(key=bindparam("k"), at=bindparam("first")).on_conflict_do_update(
            index_elements=[mark.key],
            set_={"at": later(mark.at, bindparam("now")) + bindparam("step")},
            where=mark.at - bindparam("now") <= bindparam("room"),
        ).returning(mark.at)

    def check(self, key: str) -> None:
        """Take one request of ``key``, or refuse it: 429 with Retry-After."""
        now = self._clock()
        params = {"k": key, "first": now + self.interval, "now": now, "step": self.interval,
                  "room": self.window - self.interval}
        with db.write_tx(self.engine) as conn:
            taken = conn.execute(self._take, params).first()
            if taken is None:
                at = conn.execute(select(limit_marks.c.at).where(limit_marks.c.key == key)).scalar_one()
            if now - self._pruned_at >= self.window:
                self._pruned_at = now
                # Empty buckets are as good as none: the table holds only the keys of the last window.
                conn.execute(limit_marks.delete().where(limit_marks.c.at < now,
                                                         limit_marks.c.key != _WARNED_KEY))
        if taken is None:
            retry = max(1, math.ceil(at - now - (self.window - self.interval)))
            raise ApiError(
                429,
                "rate_limited",
                f"Слишком много запросов. Повторите через {retry} с.",
                {"Retry-After": str(retry)},
            )


class GuessGuard:
    """Wrong enrolment codes in a sliding window (rows of ``enrol_failures``, shared by every
    worker); a correct code — used, expired or another provider's included — is never counted.

    * **Per client address** (``per_address``, 10): over it, everything from that address gets 429,
      a correct code included, so a blocked guesser learns nothing.
    * **In total** (``total``, 100, over all addresses): reaching it does **not** stop the portal
      from taking the codes it issued — otherwise anybody could lock every school out with 100
      made-up codes (review item 3). Past it, a wrong code gets 429 + ``Retry-After`` instead of
      404, the administrator gets one warning line per window (from one worker: the time of the
      last warning is a row too), and each address is blocked sooner (``per_address_under_attack``,
      3), which cuts a spread-out guesser's rate by the same factor. No rule can bound the total
      rate of checks without refusing valid codes; what bounds an attacker is the per-address
      limit × the addresses it holds, against 31⁸ ≈ 8.5·10¹¹ codes (docs/sync-protocol.md, «Limits»).

    The table is bounded: rows leave with the window, and at most ``max_rows`` are kept in all (the
    oldest go first) — so at most ``max_rows`` addresses; an address is refused (``check``) once it
    has ``per_address`` rows, so it holds no more but for requests in flight at that moment.
    Counting is exact within one database; two workers taking wrong codes at the same instant
    may each let one more through (a count read before the other's insert is committed).
    """

    def __init__(self, engine: Engine, per_address: int, total: int, window: float, *,
                 per_address_under_attack: int = 3, max_rows: int = 100_000,
                 clock: Callable[[], float] = time.time) -> None:
        self.engine = engine
        self.per_address = per_address
        self.per_address_under_attack = max(1, min(per_address, per_address_under_attack))
        self.total = total
        self.window = window
        self.max_rows = max(max_rows, total)
        self._clock = clock
        # The statements, built once (``since``: the window's start; a row at it has left it).
        f = enrol_failures.c
        address, since = bindparam("address", type_=String), bindparam("since", type_=Float)
        self._recent = (select(f.at).where(f.address == address, f.at > since)
                        .order_by(f.at.desc()).limit(per_address))
        # Wrong codes in the window, counted up to ``total`` (no more is needed).
        self._count = select(func.count()).select_from(
            select(f.id).where(f.at > since).limit(total).subquery())
        self._prune = enrol_failures.delete().where(f.at <= since)
        self._insert = enrol_failures.insert().values(address=address, at=bindparam("now")).returning(f.id)
        # Bounded: the last max_rows rows in all. (An address has at most per_address rows in the
        # window, and a few more only from requests in flight together: check() refuses it before.)
        self._trim_all = enrol_failures.delete().where(f.id <= bindparam("oldest_kept") - 1)
        # The total-th newest wrong code: when it leaves the window, the count is under the total.
        self._total_th = (select(f.at).where(f.at > since).order_by(f.at.desc())
                          .offset(total - 1).limit(1))
        self._summary = select(func.count(), func.count(f.address.distinct())).where(f.at > since)
        # Given when the last warning is a window old (or there was none): one line per window,
        # whichever worker sees the total reached first.
        self._warn = _upsert(engine).values(key=_WARNED_KEY, at=bindparam("now")).on_conflict_do_update(
            index_elements=[limit_marks.c.key], set_={"at": bindparam("now")},
            where=limit_marks.c.at <= since,
        ).returning(limit_marks.c.at)

    def check(self, address: str) -> None:
        """Before a code is looked at: refuse (429) an address over its limit — the lower one while
        the total is reached."""
        now = self._clock()
        since = now - self.window
        with db.read_tx(self.engine) as conn:
            hits = list(conn.execute(self._recent, {"address": address, "since": since}).scalars())
            if len(hits) < self.per_address_under_attack:
                return  # the usual case: one indexed look-up
            under_attack = conn.execute(self._count, {"since": since}).scalar_one() >= self.total
        limit = self.per_address_under_attack if under_attack else self.per_address
        if len(hits) >= limit:
            retry = max(1, math.ceil(hits[limit - 1] + self.window - now))
            raise ApiError(
                429,
                p.E_RATE_LIMITED,
                "Слишком много неверных кодов подключения с этого компьютера. Проверьте код "
                f"(его выдаёт оператор портала) и повторите через {math.ceil(retry / 60)} мин.",
                {"Retry-After": str(retry)},
            )

    def failed(self, address: str) -> ApiError | None:
        """Count a wrong code. Past the total, the refusal to answer instead of 404: 429 with the
        seconds until the count drops under the total."""
        now = self._clock()
        since = now - self.window
        warn: tuple[int, int] | None = None
        at = {"since": since}
        with db.write_tx(self.engine) as conn:
            conn.execute(self._prune, at)
            over = conn.execute(self._count, at).scalar_one() >= self.total  # reached before this one
            new_id = conn.execute(self._insert, {"address": address, "now": now}).scalar_one()
            conn.execute(self._trim_all, {"oldest_kept": new_id - self.max_rows + 1})
            if not over:
                return None
            oldest = conn.execute(self._total_th, at).scalar()
            if conn.execute(self._warn, {"now": now, "since": since}).first() is not None:
                codes, addresses = conn.execute(self._summary, at).one()
                warn = int(codes), int(addresses)
        if warn is not None:
            log.warning(
                "enrolment: %d wrong enrolment codes from %d addresses within %.0f min: wrong codes "
                "are answered 429, codes the portal issued are still accepted, an address is blocked "
                "after %d wrong codes; if this goes on, check the network (a guesser?)",
                min(warn[0], self.total), warn[1], self.window / 60, self.per_address_under_attack,
            )
        retry = max(1, math.ceil((oldest if oldest is not None else now) + self.window - now))
        return ApiError(
            429,
            p.E_RATE_LIMITED,
            "Код подключения не найден. Проверьте, как он набран: верный код портал примет сразу. "
            "Сейчас портал получает слишком много неверных кодов и просит не присылать неверные "
            f"ближайшие {math.ceil(retry / 60)} мин.",
            {"Retry-After": str(retry)},
        )

    def tracked(self) -> tuple[int, int]:
        """(addresses, wrong codes counted for the total) in the window now — for the tests of the
        size bound."""
        at = {"since": self._clock() - self.window}
        with db.read_tx(self.engine) as conn:
            addresses = conn.execute(self._summary, at).one()[1]
            return int(addresses), int(conn.execute(self._count, at).scalar_one())

