"""What a running sync is doing, in words: one text for the window's progress bar and the first
run's sync step, and how long the rest will take («осталось ≈ 12 мин»).

The estimate matters against a «Навигатор» (issue 16): at ≈5 s a request and 3 at once, 500 marks
take a quarter of an hour, and the bar alone does not say whether to wait or to come back later.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication


def sync_progress_text(stage: str, done: int, total: int | None) -> str:
    """«Отправка 3 из 10», «Получено записей: 1200» or «Связь с порталом…» for the engine's stage."""
    if stage == "push":
        return (QCoreApplication.translate("SyncProgress", "Отправка %1 из %2")
                .replace("%1", str(done)).replace("%2", str(total or 0)))
    if stage.startswith("pull"):
        return QCoreApplication.translate("SyncProgress", "Получено записей: %1").replace("%1", str(done))
    return QCoreApplication.translate("SyncProgress", "Связь с порталом…")


def remaining_text(seconds: float) -> str:
    """«осталось меньше минуты», «осталось ≈ 12 мин», «осталось ≈ 1 ч 20 мин», «осталось ≈ 2 ч».

    Minutes to the nearest one below an hour; from an hour on, to the nearest 5 minutes (an
    estimate from a rate is not worth more)."""
    if seconds < 60:
        return QCoreApplication.translate("SyncProgress", "осталось меньше минуты")
    minutes = max(1, round(seconds / 60))
    if minutes < 60:
        return QCoreApplication.translate("SyncProgress", "осталось ≈ %1 мин").replace("%1", str(minutes))
    minutes = 5 * round(seconds / 300)
    hours, minutes = divmod(minutes, 60)
    if minutes == 0:
        return QCoreApplication.translate("SyncProgress", "осталось ≈ %1 ч").replace("%1", str(hours))
    return (QCoreApplication.translate("SyncProgress", "осталось ≈ %1 ч %2 мин")
            .replace("%1", str(hours)).replace("%2", str(minutes)))


def with_remaining(text: str, seconds: float | None) -> str:
    """«Отправка 120 из 500, осталось ≈ 12 мин»; ``text`` alone without an estimate."""
    if seconds is None:
        return text
    return (QCoreApplication.translate("SyncProgress", "%1, %2")
            .replace("%2", remaining_text(seconds)).replace("%1", text))


class RemainingTime:
    """How long the rest of a stage will take, from the pace seen since that stage began.

    One per sync run, fed every progress report (``update``). A stage is counted from the first
    report of it (its items done then are not timed); a new stage, a new total or a count going
    back starts the count again. Nothing is said (None) before ``MIN_ITEMS`` items and
    ``MIN_SECONDS`` of it: the first answers of a slow system say little about its pace. The
    pace is the stage's average, so one slow or one quick answer does not make the figure jump;
    between reports it is not recomputed (the bar moves with every cell sent anyway).
    """

    MIN_ITEMS = 3
    MIN_SECONDS = 5.0

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._stage: tuple[str, int | None] | None = None
        self._start: tuple[int, float] = (0, 0.0)  # items done and the moment the stage was first seen
        self._last_done = 0

    def update(self, stage: str, done: int, total: int | None, now: float | None = None) -> float | None:
        """Seconds left of this stage, or None (no total, nothing left, too early to say)."""
        now = self.clock() if now is None else now
        if not total:
            self._stage = None
            return None
        if self._stage != (stage, total) or done < self._last_done:
            self._stage = (stage, total)
            self._start = (done, now)
        self._last_done = done
        started_done, started_at = self._start
        counted, elapsed = done - started_done, now - started_at
        if done >= total or counted < self.MIN_ITEMS or elapsed < self.MIN_SECONDS:
            return None
        return (total - done) * elapsed / counted


__all__ = ["RemainingTime", "remaining_text", "sync_progress_text", "with_remaining"]
