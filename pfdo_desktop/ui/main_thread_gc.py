"""Python's cyclic garbage collector, run on the UI thread only.

CPython collects cycles on whichever thread happens to allocate past the threshold. The sync and
database workers allocate a lot (SQLAlchemy), so a worker would sometimes collect a cycle that holds
a Qt object — a closed dialog, a finished task — and destroy it on the wrong thread; Qt then fires a
timer at freed memory and the app crashes. Automatic collection is switched off and this object
collects from a timer on the UI thread instead (the same thresholds, checked twice a second).
Reference counting still frees everything that is not in a cycle at once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

INTERVAL_MS = 500


class MainThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    @Slot()
    def check(self) -> None:
        g0, g1, g2 = gc.get_count()
        if g0 > self.threshold[0]:
            gc.collect(0)
            if g1 > self.threshold[1]:
                gc.collect(1)
                if g2 > self.threshold[2]:
                    gc.collect(2)

    def stop(self) -> None:
        """Back to automatic collection (after a final collection here, on the UI thread)."""
        self.timer.stop()
        gc.collect()
        gc.enable()
