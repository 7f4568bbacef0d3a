"""Two PCs of one provider in the sync tests: the second one enrolled and synced, and a PC's clock
moved into the future on demand (for «the later edit wins»)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from pfdo_desktop.domain.clock import ClockReading
from pfdo_desktop.models.clock import SystemClock
from pfdo_desktop.workspace import Workspace
from pfdo_portal import admin


def second_device(tmp_path: Path, portal: Any, portal_db: str, provider_id: int) -> Workspace:
    """Another PC of the provider: its own folder, enrolled with a code of its own, synced once."""
    ws = Workspace.open(tmp_path / "second-pc")
    ws.client_settings.backoff_base = 0.01
    ws.enrol(portal.url, admin.issue_code(portal_db, provider_id))
    ws.sync()
    return ws


class LaterClock:
    """This PC's clocks, moved ``ahead`` into the future on demand: both the wall and the monotonic
    clock, as if that much time had passed (the edit times of a PC come from them)."""

    def __init__(self) -> None:
        self._real = SystemClock()
        self.ahead = 0.0

    def read(self) -> ClockReading:
        real = self._real.read()
        return ClockReading(real.wall + timedelta(seconds=self.ahead), real.mono + self.ahead, real.boot_id)
