"""Timing shared by the benchmarks: per keystroke (children search, programme catalogue) and the
median of whole runs (roster import, printing)."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any


def time_keystrokes(ours: Callable[[str], None], bare: Callable[[str], None], keystrokes: Sequence[str],
                    app: Any, warmup: int = 5) -> tuple[list[float], list[float]]:
    """Milliseconds of ``ours`` and ``bare`` for every keystroke, interleaved, after a warm-up.

    The suite runs these after the sync benchmarks, whose leftovers would make a full collection
    land inside some keystroke. The app's heap is small and it collects on its own timer
    (ui/main_thread_gc.py), so the leftovers are set aside (``gc.freeze``) while timing.
    """
    for q in keystrokes[:warmup]:
        ours(q)
        bare(q)
    gc.collect()
    gc.freeze()
    try:
        ours_ms, bare_ms = [], []
        for q in keystrokes:
            t = time.perf_counter()
            ours(q)
            ours_ms.append((time.perf_counter() - t) * 1000)
            app.processEvents()
            t = time.perf_counter()
            bare(q)
            bare_ms.append((time.perf_counter() - t) * 1000)
        return ours_ms, bare_ms
    finally:
        gc.unfreeze()


def median_seconds(fn: Callable[[], object], runs: int, warmup: bool = True) -> float:
    """The median of ``runs`` timed calls of ``fn``, after one untimed call when ``warmup``."""
    if warmup:
        fn()  # imports, caches
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)
