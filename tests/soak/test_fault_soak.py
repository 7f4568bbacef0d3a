"""The fault proxy's faults at random, round after round, between two PCs of one school and the
portal: answers lost after the portal applied a push, 500s, garbage, slow answers, on /info, /push
and /pull, once, twice or for the whole run. One PC keeps marking; the other only reads. Nothing is
lost on the PC, nothing is applied twice, and once the faults stop both PCs agree with the portal."""

from __future__ import annotations

import pytest
from fault_proxy import FaultProxy
from soak_helpers import (
    ROUNDS,
    assert_database_intact,
    assert_no_edit_lost_locally,
    assert_pc_and_portal_agree,
    edit_at_random,
    markable_cells,
    portal_codes,
)

from pfdo_desktop.sync.client import SyncError
from pfdo_desktop.workspace import Workspace
from pfdo_portal import admin

pytestmark = [pytest.mark.slow, pytest.mark.timeout(60 + ROUNDS * 10)]

FAULTS = ("drop", "500", "garbage", "delay")


def test_random_faults_lose_and_duplicate_nothing(portal, portal_db, demo_provider_id, data_dir, tmp_path,
                                                  rng):
    proxy = FaultProxy(portal.url).start()
    marking, reading = Workspace.open(data_dir), Workspace.open(tmp_path / "second-pc")
    try:
        for ws in (marking, reading):
            ws.client_settings.backoff_base = ws.client_settings.backoff_max = 0.01  # retry at once
            ws.enrol(proxy.url, admin.issue_code(portal_db, demo_provider_id))
            ws.sync()
        cells = markable_cells(marking)
        expected: dict = {}
        for _round in range(ROUNDS):
            edit_at_random(marking, rng, cells, expected)
            proxy.add(rng.choice(["/info", "/push", "/pull"]), rng.choice(FAULTS),
                      times=rng.choice([1, 2, -1]), seconds=0.05)
            for ws in rng.sample([marking, reading], 2):
                ws.pull_limit = rng.choice([25, 100, 500])
                try:
                    ws.sync()
                except SyncError:
                    pass  # said to the operator; nothing local may be lost because of it
            proxy.clear()
            assert_no_edit_lost_locally(marking, expected)
        assert proxy.hits, "the faults hit"
        print(f"faults: {len(proxy.hits)}")

        for ws in (marking, reading):
            ws.sync()
        assert_pc_and_portal_agree(marking, portal_db, demo_provider_id, expected)
        for group in reading.groups():
            local = reading.journal(group.id, group.date_from, group.date_to).marks
            assert dict(local) == portal_codes(portal_db, group.id), f"second PC, group {group.id}"
    finally:
        for ws in (marking, reading):
            ws.close()
        proxy.stop()
    for path in (data_dir, tmp_path / "second-pc"):
        assert_database_intact(path / "pfdo.sqlite3")
