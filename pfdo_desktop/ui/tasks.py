"""Background work: one helper, two single-thread pools, results back on the UI thread.

``run_task(fn, on_success, on_error)`` runs ``fn`` on a pool thread; the callbacks run on the UI
thread (the relay object lives there, so its signals arrive queued). Widgets are touched only in
the callbacks. Progress reaches the UI only after ``PROGRESS_DELAY_MS``: quick tasks never flash
a progress bar.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 600

ProgressCallback = Callable[[str, int, "int | None"], None]

_pools: dict[str, QThreadPool] = {}


def _pool(name: str) -> QThreadPool:
    pool = _pools.get(name)
    if pool is None:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)  # one writer at a time: SQLite and the sync lock like it that way
        pool.setObjectName(name)
        _pools[name] = pool
    return pool


def write_pool() -> QThreadPool:
    """Database writes (marks, resolving issues, opening the workspace): one at a time, in order."""
    return _pool("db-writes")


def sync_pool() -> QThreadPool:
    """Talking to the portal (sync, enrolment, the demo start-up)."""
    return _pool("sync")


def wait_for_all(msecs: int = -1) -> bool:
    """Block until both pools are idle (at shutdown and in tests)."""
    done = [pool.waitForDone(msecs) for pool in _pools.values()]  # every pool, even after a timeout
    return all(done)


class Task(QObject):
    """A running task: lives on the UI thread and relays the worker's results to the callbacks."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(str, int, object)
    finished = Signal()

    def __init__(
        self,
        on_success: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        progress: ProgressCallback | None,
        delay_ms: int,
    ) -> None:
        # Owned by the application object, not by Python: the last Python reference may be dropped
        # on a worker thread (the runnable) or by the garbage collector on any thread, and a QObject
        # must be destroyed on its own thread. `_finish` deletes it with deleteLater().
        super().__init__(QCoreApplication.instance())
        self.cancel_event = threading.Event()
        self.running = True
        self._on_success = on_success
        self._on_error = on_error
        self._progress = progress
        self._latest: tuple[str, int, int | None] | None = None
        self._progress_visible = delay_ms <= 0
        self.succeeded.connect(self._on_succeeded)
        self.failed.connect(self._on_failed)
        self.progressed.connect(self._on_progressed)
        if progress is not None and not self._progress_visible:
            self._delay = QTimer(self)
            self._delay.setSingleShot(True)
            self._delay.timeout.connect(self._on_delay_timeout)
            self._delay.start(delay_ms)

    def cancel(self) -> None:
        """Ask the worker to stop at its next check (the worker decides where that is)."""
        self.cancel_event.set()

    def report(self, stage: str, done: int, total: int | None) -> None:
        """Thread-safe: called by the worker."""
        self.progressed.emit(stage, done, total)

    @Slot()
    def _on_delay_timeout(self) -> None:
        if not self.running:
            return
        self._progress_visible = True
        assert self._progress is not None
        self._progress(*(self._latest or ("", 0, None)))

    @Slot(str, int, object)
    def _on_progressed(self, stage: str, done: int, total: object) -> None:
        self._latest = (stage, done, total if isinstance(total, int) else None)
        if self._progress is not None and self._progress_visible and self.running:
            self._progress(*self._latest)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self._finish()
        if self._on_success is not None:
            self._on_success(result)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._finish()
        if self._on_error is not None:
            self._on_error(exc)
        else:
            raise exc  # nobody expected it: sys.excepthook logs it and tells the operator

    def _finish(self) -> None:
        self.running = False
        _live.discard(self)
        self.finished.emit()
        self.deleteLater()  # Python attributes (running, cancel_event) stay readable afterwards


# Tasks are kept alive here until their result has been delivered.
_live: set[Task] = set()


class _Runnable(QRunnable):
    def __init__(self, task: Task, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.task = task
        self.fn = fn

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, never swallowed
            if not isinstance(exc, Exception):
                log.warning("task interrupted by %s", type(exc).__name__)
            self.task.failed.emit(exc)
        else:
            self.task.succeeded.emit(result)


def run_task(
    fn: Callable[..., Any],
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    progress: ProgressCallback | None = None,
    pool: QThreadPool | None = None,
    delay_ms: int = PROGRESS_DELAY_MS,
) -> Task:
    """Run ``fn`` on ``pool`` (default: the write pool); call back on the UI thread.

    Without ``progress`` ``fn`` takes no arguments. With it, ``fn(report, cancel)`` gets a
    thread-safe ``report(stage, done, total)`` and the ``threading.Event`` set by ``Task.cancel``;
    ``progress`` is called on the UI thread, first after ``delay_ms``.
    An exception in ``fn`` goes to ``on_error``; without ``on_error`` it reaches ``sys.excepthook``.
    """
    task = Task(on_success, on_error, progress, delay_ms)
    _live.add(task)
    if progress is not None:
        call: Callable[[], Any] = lambda: fn(task.report, task.cancel_event)  # noqa: E731
    else:
        call = fn
    (pool or write_pool()).start(_Runnable(task, call))
    return task
