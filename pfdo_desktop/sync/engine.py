"""One sync run: info → push the outbox → pull `master` → pull `own` → check counts.

The stages live in their own modules: ``push`` (batches, in-flight ops, re-dating), ``results``
(what each answer applies), ``pull`` (pages, cursors, resets, counts); ``issues`` writes
«Требует внимания», ``rows`` turns pulled records into table rows.

Durability rules:
- an op leaves the outbox only in the transaction that records its result;
- an op is marked ``sent`` before it goes on the wire, and ``sent`` ops are sent again (same op_id)
  until a result arrives, so a lost answer or a crash never duplicates or loses a change;
- a pending op dated provisionally (no measured anchor of its boot) is re-dated from this run's
  anchor before it is first marked ``sent``; a sent op is never edited (models/clock.py);
- a pulled page and its cursor are applied in one transaction (bulk SQL), so a crash mid-pull
  resumes at the last applied page;
- a pulled row never overwrites a local row that has an unsent op;
- request-level failures (network, 5xx, garbage, 401, 426, 429) change nothing local.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from filelock import FileLock, Timeout
from sqlalchemy import select

from pfdo_desktop.domain.clock import InfoSample, anchor_from, wants_another_sample
from pfdo_desktop.domain.updates import install_advice_ru
from pfdo_desktop.models import Database, Device, SyncRun, utcnow
from pfdo_desktop.models.clock import store_anchor
from pfdo_desktop.services import programs as program_service
from pfdo_desktop.services import updates as update_service

from . import portal_identity
from . import protocol as p
from .client import AuthFailed, Cancelled, PortalClient, SyncError, UpgradeRequired
from .context import ProgressFn, RunContext, SyncReport
from .pull import pull_streams
from .push import push_outbox

__all__ = ["ProgressFn", "SyncBusy", "SyncCancelled", "SyncEngine", "SyncReport"]

log = logging.getLogger(__name__)


class SyncBusy(SyncError):
    pass


SyncCancelled = Cancelled


class SyncEngine:
    def __init__(
        self,
        db: Database,
        lock_path: Path,
        client: PortalClient,
        progress: ProgressFn | None = None,
        cancel: threading.Event | None = None,
        pull_limit: int = p.DEFAULT_PULL_LIMIT,
    ) -> None:
        self.db = db
        self.client = client
        self.lock = FileLock(str(lock_path))
        self.progress = progress or (lambda stage, done, total: None)
        self.cancel = cancel or client.cancel
        self.pull_limit = pull_limit

    def run(self) -> SyncReport:
        try:
            self.lock.acquire(timeout=0)
        except Timeout:
            raise SyncBusy("Синхронизация уже идёт (в этом окне или в другой программе на этом ПК).",
                           "busy") from None
        try:
            return self._recorded_run()
        finally:
            self.lock.release()  # on every path, even when the run could not be recorded

    def _recorded_run(self) -> SyncReport:
        """The run, with its row in ``sync_run`` (ok or failed, with the reason)."""
        started = time.perf_counter()
        report = SyncReport()
        with self.db.write() as s:
            run = SyncRun(started_at=utcnow(), status="running")
            s.add(run)
            s.flush()
            run_id = run.id
        error: SyncError | None = None
        try:
            self._run(report)
        except SyncError as exc:
            error = exc
            raise
        except Exception as exc:  # a bug: still record the run, keep everything local
            # A storage problem (full disk, damaged database) carries its own Russian message.
            error = SyncError(getattr(exc, "message", None)
                              or f"Внутренняя ошибка синхронизации: {type(exc).__name__}",
                              str(getattr(exc, "code", "") or "internal"))
            raise
        finally:
            report.seconds = time.perf_counter() - started
            stats = self.client.stats
            report.requests, report.bytes_sent, report.bytes_received = (
                stats.requests, stats.bytes_sent, stats.bytes_received)
            with self.db.write() as s:
                finished = s.get(SyncRun, run_id)
                assert finished is not None
                run = finished
                run.finished_at = utcnow()
                run.status = "failed" if error else "ok"
                run.error = error.message if error else None
                run.pushed, run.pulled, run.rejected = report.pushed, report.pulled, report.rejected
                run.requests, run.bytes_sent, run.bytes_received = (
                    report.requests, report.bytes_sent, report.bytes_received)
        return report

    def _run(self, report: SyncReport) -> None:
        with self.db.read() as s:
            device = s.scalar(select(Device))
            if device is None or not device.device_id:
                raise SyncError("ПК не подключён к порталу: сначала подключите его кодом.",
                                "not_enrolled")
            s.expunge(device)
        self.progress("info", 0, None)
        try:
            info = self._sample_portal_clock()
        except AuthFailed:  # the address may now answer as another portal: say so, not «enrol again»
            portal_identity.explain_rejected_token(self.db, self.client.base_url, self.client.settings)
            raise
        run = RunContext(db=self.db, client=self.client, device=device, report=report,
                         progress=self.progress, cancel=self.cancel)
        push_outbox(run, min(info.max_ops_per_push, p.MAX_OPS_PER_PUSH))
        limit = min(self.pull_limit, info.max_pull_limit)
        pull_streams(run, p.STREAMS, limit)

    def _sample_portal_clock(self) -> p.InfoResponse:
        """``GET /info``, and the portal-clock anchor that dates the edits made from now on
        (domain/clock.py), stored with the price cap and the client release the portal publishes.
        Ops already queued carry their own time and are not touched. One request on a fast link;
        while every answer is slow (a 1–2 s answer would date edits up to a second off) a few more,
        and the shortest round trip gives the anchor."""
        clock = self.db.clock
        samples: list[InfoSample] = []
        while True:
            sent = clock.read()
            info = self.client.info()
            samples.append(InfoSample(sent=sent, received=clock.read(), server_time=info.server_time))
            portal_identity.check_portal(self.db, self.client.base_url, info)  # before its clock is used
            if not info.protocol_min <= p.PROTOCOL_VERSION <= info.protocol_max:
                with self.db.write() as s:  # the notice offers the release even though no sync can run
                    update_service.store_latest_client(s, info.latest_client)
                advice = install_advice_ru(info.min_client_version,
                                           update_service.from_wire(info.latest_client))
                raise UpgradeRequired("Портал использует другую версию протокола обмена. Обновите "
                                      f"программу. {advice} Несинхронизированные данные сохранены.",
                                      "protocol_unsupported")
            if not wants_another_sample(samples):
                break
        anchor = anchor_from(samples)
        with self.db.write() as s:  # (one commit: each is a flush to the disk)
            device = s.scalar(select(Device))
            assert device is not None
            store_anchor(device, anchor)
            # The region's price cap checks a card before it goes to moderation (issue 4).
            program_service.store_price_cap(s, info.price_cap_ratio)
            # The client release it publishes: «Доступна версия X.Y» (issue 14 §5).
            update_service.store_latest_client(s, info.latest_client)
        log.info("portal clock sampled %d time(s), best round trip %.3f s", len(samples),
                 anchor.round_trip or 0.0)
        return info
