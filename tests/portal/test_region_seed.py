"""``pfdo-portal seed-demo --scale region`` (issue 15): a region built with COPY on PostgreSQL, its
marks partitioned by month, and a provider's PC that downloads it over the real portal gets exactly
its provider's marks — another provider's PC none of them. On SQLite (no PostgreSQL given) the
command refuses in Russian and leaves the database empty."""

from __future__ import annotations

from datetime import date

import httpx
import pytest
from portal_helpers import PG_URL, TODAY, Device, client_headers
from sqlalchemy import text

from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin, cli, db
from pfdo_portal.app import PortalSettings
from pfdo_portal.embedded import EmbeddedPortal
from pfdo_portal.region_seed import RegionSeedError, RegionSize, seed_region
from pfdo_portal.seed import DEMO_SEED, seed_demo


def _enrol(portal: EmbeddedPortal, db_url: str, provider_id: int) -> Device:
    code = admin.issue_code(db_url, provider_id)
    with httpx.Client(base_url=portal.url + p.API_PREFIX, headers=client_headers()) as c:
        r = c.post("/device/enrol",
                   json={"code": code, "db_uuid": f"region-{provider_id}", "app_version": "0.1.0"})
    assert r.status_code == 200, r.text
    body = r.json()
    client = httpx.Client(base_url=portal.url + p.API_PREFIX, headers=client_headers(body["token"]),
                          timeout=60)
    return Device(client, body["device_id"], body["token"], body["provider_id"])


def _downloaded_marks(device: Device) -> set[tuple[int, int, str, int]]:
    """Every mark a first download of the own stream brings (pages of 700 rows: many pages)."""
    pages, _cursor = device.pull_all("own", limit=700)
    got = [(m["group_id"], m["child_id"], m["lesson_date"], m["code"])
           for page in pages for m in page["changes"].get("mark", {}).get("upserts", [])]
    assert len(got) == len(set(got))  # no mark twice
    return set(got)


def test_a_region_is_built_on_postgresql_and_each_pc_downloads_its_own_marks(empty_db_url, capsys):
    if not PG_URL:
        # SQLite: refused in Russian, nothing written.
        assert cli.main(["seed-demo", "--scale", "region", "--children", "50", "--db", empty_db_url]) == 2
        assert "только в PostgreSQL" in capsys.readouterr().err
        with pytest.raises(RegionSeedError, match="только в PostgreSQL"):
            seed_region(empty_db_url, RegionSize(children=50, marks=100))
        with db.open_engine(empty_db_url) as engine, db.read_tx(engine) as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM marks")).scalar_one() == 0
            assert conn.execute(text("SELECT COUNT(*) FROM providers")).scalar_one() == 0
        return

    assert cli.main(["seed-demo", "--scale", "region", "--children", "400", "--providers", "3",
                     "--marks", "6000", "--db", empty_db_url]) == 0
    out = capsys.readouterr().out
    assert "Организаций: 3" in out and "отметок:" in out
    with db.open_engine(empty_db_url) as engine, db.read_tx(engine) as conn:
        assert db.marks_partitioned(conn)
        per_partition = {name: rows for name, _bounds, rows in db.mark_partitions(conn)}
        assert per_partition["marks_2025_09"] > 0 and per_partition[db.MARKS_DEFAULT] == 0
        stored: dict[int, set[tuple[int, int, str, int]]] = {}
        for pid, g, c, day, code in conn.execute(text(
                "SELECT provider_id, group_id, child_id, lesson_date, code FROM marks")):
            stored.setdefault(pid, set()).add((g, c, day.isoformat(), code))
        memberships = dict(conn.execute(text(
            "SELECT g.provider_id, COUNT(*) FROM memberships m JOIN study_groups g ON g.id = m.group_id "
            "GROUP BY g.provider_id")).all())
    assert sum(len(v) for v in stored.values()) >= 6000 and set(stored) == {1, 2, 3}

    with EmbeddedPortal(empty_db_url, settings=PortalSettings(today=TODAY)) as portal:
        first, second = _enrol(portal, empty_db_url, 1), _enrol(portal, empty_db_url, 2)
        try:
            mine = _downloaded_marks(first)
            assert mine == stored[1]  # exactly its provider's marks, codes as stored
            theirs = _downloaded_marks(second)
            assert theirs == stored[2]
            assert not mine & theirs  # none of the first provider's marks reach the second
            master, _ = first.pull_all("master", limit=2000)
            got = [r for page in master for r in page["changes"].get("membership", {}).get("upserts", [])]
            assert len(got) == memberships[1]
            children = {r["id"] for page in master
                        for r in page["changes"].get("child", {}).get("upserts", [])}
            assert {r["child_id"] for r in got} <= children  # every member's child came along
        finally:
            first.http.close()
            second.http.close()


def test_partitions_are_kept_ready_for_the_coming_months():
    months = db.mark_months(date(2026, 12, 7))
    assert months[0] == date(2025, 9, 1)  # the previous academic year's marks still have a home
    assert months[-1] == date(2027, 6, 1)  # six months ahead
    assert db.month_partition(date(2026, 1, 1)) == "marks_2026_01"


def test_a_database_from_before_partitioning_opens_and_its_pcs_still_get_every_mark(empty_db_url):
    """A portal database made before issue 15 (SQLite, or PostgreSQL under PFDO_PORTAL_TEST_DB): a
    plain marks table and a change log without the marks' dates. The portal opens it as it is (on
    PostgreSQL the table stays plain, so nothing is moved behind the operator's back), the change log
    learns the dates from the marks, and a PC's first download brings every mark of its provider."""
    engine = db.make_engine(empty_db_url)
    db.metadata.create_all(engine)  # the tables as an older portal made them: marks not partitioned
    engine.dispose()
    summary = seed_demo(empty_db_url, "demo", today=TODAY, seed=DEMO_SEED)
    engine = db.make_engine(empty_db_url)
    with db.write_tx(engine) as conn:
        conn.execute(text("ALTER TABLE sync_changes DROP COLUMN mark_date"))
    engine.dispose()
    provider = summary.demo_provider_id
    with EmbeddedPortal(empty_db_url, settings=PortalSettings(today=TODAY)) as portal:
        with db.open_engine(empty_db_url) as engine, db.read_tx(engine) as conn:
            assert db.marks_partitioned(conn) is (False if PG_URL else None)
            assert db.mark_partitions(conn) == []
            stored = {(g, c, day if isinstance(day, str) else day.isoformat(), code)
                      for g, c, day, code in conn.execute(text(
                          "SELECT group_id, child_id, lesson_date, code FROM marks "
                          "WHERE provider_id = :p AND code IS NOT NULL"), {"p": provider})}
        assert len(stored) > 100
        device = _enrol(portal, empty_db_url, provider)
        try:
            assert _downloaded_marks(device) == stored
        finally:
            device.http.close()
    assert cli.main(["partitions", "--db", empty_db_url]) == (0 if PG_URL else 2)
