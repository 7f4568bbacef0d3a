"""A PC's clock moved into the future on demand, for tests of «the later edit wins»."""

from __future__ import annotations

from datetime import timedelta

from pfdo_desktop.domain.clock import ClockReading
from pfdo_desktop.models.clock import SystemClock


class LaterClock:
    """This PC's clocks, moved ``ahead`` into the future on demand: both the wall and the monotonic
    clock, as if that much time had passed (the edit times of a PC come from them)."""

    def __init__(self) -> None:
        self._real = SystemClock()
        self.ahead = 0.0

    def read(self) -> ClockReading:
        real = self._real.read()
        return ClockReading(real.wall + timedelta(seconds=self.ahead), real.mono + self.ahead, real.boot_id)
