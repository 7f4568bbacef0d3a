"""kill -9 of `pfdo-desktop sync`, round after round: in the middle of a push (before the portal
saw it, or after it applied it and before the answer came), in the middle of a download (of either
stream, also a full re-download after the portal reset the cursors), or at a random moment (also
inside a write). Between the rounds the operator keeps marking. Nothing is lost, nothing applied
twice, and the database stays intact."""

from __future__ import annotations

import subprocess
import sys

import pytest
from fault_proxy import FaultProxy
from json_file_keyring import child_env
from soak_helpers import (
    ROUNDS,
    assert_database_intact,
    assert_no_edit_lost_locally,
    assert_pc_and_portal_agree,
    edit_at_random,
    markable_cells,
)

from pfdo_desktop.workspace import Workspace
from pfdo_portal import admin

pytestmark = [pytest.mark.slow, pytest.mark.timeout(60 + ROUNDS * 30)]

KILL_POINTS = ("push, not yet on the portal", "push, applied, no answer yet", "download", "any moment")


def test_kill_9_mid_sync_loses_and_duplicates_nothing(portal, portal_db, demo_provider_id, data_dir,
                                                      tmp_path, rng):
    proxy = FaultProxy(portal.url).start()
    try:
        ws = Workspace.open(data_dir)
        ws.enrol(proxy.url, admin.issue_code(portal_db, demo_provider_id))
        env = child_env(tmp_path / "keyring.json", ws)
        ws.sync()
        cells = markable_cells(ws)
        ws.close()
        expected: dict = {}
        killed: dict[str, int] = dict.fromkeys(KILL_POINTS, 0)
        for _round in range(ROUNDS):
            ws = Workspace.open(data_dir)
            assert_no_edit_lost_locally(ws, expected)  # the last round's kill took nothing away
            edit_at_random(ws, rng, cells, expected)
            ws.close()
            if rng.random() < 0.2:
                admin.reset_cursors(portal_db)  # the next sync downloads everything again
            point = rng.choice(KILL_POINTS)
            if point == KILL_POINTS[0]:
                proxy.add("/push", "hold")
            elif point == KILL_POINTS[1]:
                proxy.add("/push", "hold_answer")
            elif point == KILL_POINTS[2]:
                proxy.add("/pull", "hold", query=f"stream={rng.choice(['master', 'own'])}",
                          skip=rng.randrange(4))
            proc = subprocess.Popen(
                [sys.executable, "-m", "pfdo_desktop", "sync", "--data-dir", str(data_dir),
                 "--page-size", str(rng.choice([25, 100, 500]))],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                if point == KILL_POINTS[3]:
                    proc.wait(timeout=rng.uniform(0.0, 4.0))  # the random moment (or it finished)
                else:
                    while not proxy.holding.wait(0.05) and proc.poll() is None:
                        pass  # until the request waits at the proxy (or the run ended without it)
            except subprocess.TimeoutExpired:
                pass
            if proc.poll() is None:
                killed[point] += 1
            proc.kill()  # SIGKILL: no clean-up of any kind
            proc.wait()
            proxy.clear()
            proxy.release()
            assert_database_intact(data_dir / "pfdo.sqlite3")
        print(f"killed: {killed}")
        assert any(killed.values()), "no sync was killed"

        ws = Workspace.open(data_dir)
        try:
            assert_no_edit_lost_locally(ws, expected)
            ws.sync()
            assert_pc_and_portal_agree(ws, portal_db, demo_provider_id, expected)
        finally:
            ws.close()
    finally:
        proxy.stop()
