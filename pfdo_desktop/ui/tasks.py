"""Background work: one helper, two single-thread pools, results back on the UI thread, and the
two operations screens use (Anki's ``CollectionOp`` / ``QueryOp``).

``run_task(fn, on_success, on_error)`` runs ``fn`` on a pool thread; the callbacks run on the UI
thread (the relay object lives there, so its signals arrive queued). Widgets are touched only in
the callbacks. Progress reaches the UI only after ``PROGRESS_DELAY_MS``: quick tasks never flash
a progress bar.

``CollectionOp(parent, lambda: workspace.confirm_application(uid))`` runs a use case on the write
pool, then calls its ``success``/``failure`` and tells ``ops_hub()`` **what changed** (the
`Changes` the `Workspace` methods noted, ``workspace_types``); the main window broadcasts that and
every screen reads again what shows it — nobody wires «refresh that tab after this dialog» by hand.
``QueryOp(parent, lambda: workspace.journal_month(...), success)`` is a read that can be slow: it
runs on the same write pool, so it sees every write queued before it, and its answer is dropped
when ``parent`` is gone (``LatestQuery``: when a newer read of the same thing was started).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

if TYPE_CHECKING:  # the workspace's types load with the first operation, not with the window
    from pfdo_desktop.workspace_types import Changes

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 600

ProgressCallback = Callable[[str, int, "int | None"], None]
Report = Callable[[str, int, "int | None"], None]  # what a worker calls: report(stage, done, total)
T = TypeVar("T")

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


def idle() -> bool:
    """No task is running or waiting to deliver its result (tests wait for this)."""
    return not _live


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


# --- operations ----------------------------------------------------------------------------------


class OpsHub(QObject):
    """Where every finished `CollectionOp` says what it changed; the main window listens and tells
    its screens. ``initiator`` is the op's parent widget (None when it is gone)."""

    executed = Signal(object, object)  # Changes, initiator (QObject | None)


_hub: OpsHub | None = None


def ops_hub() -> OpsHub:
    global _hub
    if _hub is None or not shiboken6.isValid(_hub):
        _hub = OpsHub(QCoreApplication.instance())
    return _hub


def alive(obj: QObject | None) -> bool:
    """``obj`` is None or its Qt object still exists (a dialog closed meanwhile is not)."""
    return obj is None or shiboken6.isValid(obj)


@dataclass
class _Outcome:
    result: object
    error: BaseException | None
    changes: Changes


class CollectionOp(Generic[T]):
    """A use case on the write pool that reports what it changed.

    ``CollectionOp(parent, op).success(fn).failure(fn).run_in_background()``. ``success`` and
    ``failure`` run on the UI thread, only while ``parent`` exists; without ``failure`` an error
    goes to ``sys.excepthook``. Then ``ops_hub().executed`` carries the `Changes` (also after a
    failure, when a part of the op was done: a draft saved before its submission was refused).
    """

    def __init__(self, parent: QObject | None, op: Callable[[], T]) -> None:
        self._setup(parent, lambda _report, _cancel: op(), None)

    @classmethod
    def reporting(cls, parent: QObject | None, op: Callable[[Report, threading.Event], T],
                  progress: ProgressCallback) -> CollectionOp[T]:
        """An op that reports progress (``op(report, cancel)``); ``progress`` is called on the UI
        thread after ``PROGRESS_DELAY_MS``, and ``Task.cancel`` sets ``cancel``."""
        self = cls.__new__(cls)
        self._setup(parent, op, progress)
        return self

    def _setup(self, parent: QObject | None, call: Callable[[Report, threading.Event], T],
               progress: ProgressCallback | None) -> None:
        self._parent = parent
        self._call = call
        self._progress = progress
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None

    def success(self, fn: Callable[[T], None] | None) -> CollectionOp[T]:
        self._success = fn
        return self

    def failure(self, fn: Callable[[BaseException], None] | None) -> CollectionOp[T]:
        self._failure = fn
        return self

    def run_in_background(self, *, pool: QThreadPool | None = None,
                          delay_ms: int = PROGRESS_DELAY_MS) -> Task:
        from pfdo_desktop.workspace_types import recording_changes

        call = self._call

        def work(report: Report, cancel: threading.Event) -> _Outcome:
            with recording_changes() as changed:
                try:
                    result = call(report, cancel)
                except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, never swallowed
                    if not isinstance(exc, Exception):
                        log.warning("operation interrupted by %s", type(exc).__name__)
                    return _Outcome(None, exc, changed.changes)
                return _Outcome(result, None, changed.changes)

        progress = self._progress
        if progress is None:
            return run_task(lambda: work(lambda *_a: None, threading.Event()), self._finish, pool=pool)
        return run_task(work, self._finish, progress=progress, pool=pool, delay_ms=delay_ms)

    def _finish(self, outcome: _Outcome) -> None:
        from pfdo_desktop.workspace_types import expected_message

        here = alive(self._parent)  # the dialog that asked may be gone: its callbacks with it
        parent = self._parent if here else None
        try:
            if outcome.error is None:
                if here and self._success is not None:
                    self._success(cast(T, outcome.result))
            elif here and self._failure is not None:
                self._failure(outcome.error)
            elif not here and expected_message(outcome.error) is not None:
                log.info("an operation of a closed window was refused: %s", type(outcome.error).__name__)
            else:
                exc = outcome.error
                sys.excepthook(type(exc), exc, exc.__traceback__)
        finally:
            if outcome.changes:
                ops_hub().executed.emit(outcome.changes, parent)


class QueryOp(Generic[T]):
    """A read that can be slow, off the UI thread: ``QueryOp(parent, op, success).run_in_background()``.

    It runs on the write pool, after every write queued before it (so it sees them). ``success``
    (and ``failure``; without it an error goes to ``sys.excepthook``) run only while ``parent``
    exists."""

    def __init__(self, parent: QObject | None, op: Callable[[], T], success: Callable[[T], None]) -> None:
        self._parent = parent
        self._op = op
        self._success = success
        self._failure: Callable[[BaseException], None] | None = None

    def failure(self, fn: Callable[[BaseException], None] | None) -> QueryOp[T]:
        self._failure = fn
        return self

    def run_in_background(self, *, pool: QThreadPool | None = None) -> Task:
        return run_task(self._op, self._on_success, self._on_failure, pool=pool)

    def _on_success(self, result: T) -> None:
        if alive(self._parent):
            self._success(result)

    def _on_failure(self, exc: BaseException) -> None:
        if not alive(self._parent):
            log.info("a read for a closed window failed: %s", type(exc).__name__)
        elif self._failure is not None:
            self._failure(exc)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)


class LatestQuery:
    """A screen's read of one thing (its list, its card): only the newest answer is shown — one
    that arrives after a newer read was started is dropped. ``loading`` while any is under way.

    ``coalesce=True`` (a read asked for in bursts: the status bar after every mark): a read asked
    for while one runs does not start beside it; the newest such request runs once, after the
    running one, whose answer is then dropped — a burst of requests costs two reads."""

    def __init__(self, parent: QObject, *, coalesce: bool = False) -> None:
        self._parent = parent
        self._generation = 0
        self._running = 0
        self._coalesce = coalesce
        self._again: tuple[Callable[[], Any], Callable[[Any], None],
                           Callable[[BaseException], None] | None] | None = None

    @property
    def loading(self) -> bool:
        return self._running > 0 or self._again is not None

    def cancel(self) -> None:
        """Drop the answers still on their way (the screen shows something else now)."""
        self._generation += 1
        self._again = None

    def run(self, op: Callable[[], T], success: Callable[[T], None],
            failure: Callable[[BaseException], None] | None = None) -> Task | None:
        """Start the read (None: coalesced, it runs once the running one has ended)."""
        self._generation += 1
        if self._coalesce and self._running:
            self._again = (op, success, failure)
            return None
        generation = self._generation
        self._running += 1

        def rerun() -> None:
            again, self._again = self._again, None
            if again is not None:
                self.run(*again)  # a newer generation: the answer in hand is dropped below

        def done(result: T) -> None:
            self._running -= 1
            rerun()
            if generation == self._generation:
                success(result)

        def failed(exc: BaseException) -> None:
            self._running -= 1
            rerun()
            if generation != self._generation:
                return
            if failure is not None:
                failure(exc)
            else:
                sys.excepthook(type(exc), exc, exc.__traceback__)

        return QueryOp(self._parent, op, done).failure(failed).run_in_background()
