"""GET /pull: paging, tombstones, counts, scoping, cursor resets, the late-commit property."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime

import pytest
from lock_waits import HeldWriteLock
from portal_helpers import lesson_days, mark_op, member_cells
from sqlalchemy import insert, inspect, select, text

from pfdo_desktop.domain.attendance import mark_id
from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin, db, service
from pfdo_portal.cli import main


def _rows(pages, entity):
    return [row for page in pages for row in page["changes"].get(entity, {}).get("upserts", [])]


def _deletes(pages, entity):
    return [d for page in pages for d in page["changes"].get(entity, {}).get("deletes", [])]


def test_master_download_in_small_pages_has_no_gaps_or_duplicates(device, db_url):
    pages, _ = device.pull_all("master", limit=37)
    assert len(pages) > 5
    assert all(page["counts"] is None for page in pages[:-1])
    counts = pages[-1]["counts"]
    assert set(counts) == set(p.MASTER_ENTITIES)
    groups = admin.provider_groups(db_url, device.provider_id)
    for entity in p.MASTER_ENTITIES:
        ids = [row["id"] for row in _rows(pages, entity)]
        assert len(ids) == len(set(ids)), f"{entity} sent twice"
        assert len(ids) == counts[entity], entity
    # Exactly this provider's slice.
    assert [r["id"] for r in _rows(pages, "provider")] == [device.provider_id]
    assert {r["id"] for r in _rows(pages, "group")} == {g["id"] for g in groups}
    members = {m["child_id"] for g in groups for m in g["members"]}
    applicants = {a["child_id"] for a in admin.list_applications(db_url, device.provider_id)}
    assert applicants - members  # parents' applications make children visible before enrolment
    assert {r["id"] for r in _rows(pages, "child")} == members | applicants
    assert {r["child_id"] for r in _rows(pages, "certificate")} == members | applicants
    assert {r["child_id"] for r in _rows(pages, "guardian")} == members | applicants
    # A page lists parents before children.
    for page in pages:
        order = list(page["changes"])
        assert order == [e for e in p.MASTER_ENTITIES if e in order]
    group = _rows(pages, "group")[0]
    assert "2025-11-04" in group["cancelled_dates"] and group["date_from"] == "2025-09-01"
    module = _rows(pages, "module")[0]
    assert isinstance(module["price"], str) and "." in module["price"]


def test_own_stream_pages_match_the_portal_marks(device, db_url):
    pages, cursor = device.pull_all("own", limit=500)
    marks = _rows(pages, "mark")
    assert len(marks) == admin.count_marks(db_url, device.provider_id) == pages[-1]["counts"]["mark"]
    assert len({(m["group_id"], m["child_id"], m["lesson_date"]) for m in marks}) == len(marks)
    # Nothing new: an empty last page with the same cursor.
    page = device.pull("own", cursor).json()
    assert page["changes"] == {} and page["has_more"] is False and page["next_cursor"] == cursor


def test_changes_after_a_cursor_arrive_once_with_tombstones(device, enrol, db_url):
    _, master_cursor = device.pull_all("master")
    _, own_cursor = device.pull_all("own")
    cells = member_cells(db_url, device.provider_id, 2)
    a, b = cells
    other_pc = enrol(device.provider_id)  # marks made on the school's other PC
    other_pc.push_ok(
        [
            mark_op(a.group_id, a.child_id, a.lesson_date, 1),
            mark_op(b.group_id, b.child_id, b.lesson_date, 2),
        ]
    )
    other_pc.push_ok([mark_op(a.group_id, a.child_id, a.lesson_date, None)])
    membership = admin.provider_groups(db_url, device.provider_id)[0]["members"][0]
    admin.delete_membership(db_url, membership["id"])
    admin.update_child(db_url, b.child_id, last_name="Петрова-Водкина")

    own = device.pull("own", own_cursor).json()
    assert own["has_more"] is False
    assert own["changes"]["mark"]["upserts"] == [
        admin.get_mark(db_url, b.group_id, b.child_id, b.lesson_date)
    ]
    assert own["changes"]["mark"]["deletes"] == [
        {"group_id": a.group_id, "child_id": a.child_id, "lesson_date": a.lesson_date.isoformat()}
    ]
    assert own["counts"]["mark"] == admin.count_marks(db_url, device.provider_id)

    master = device.pull("master", master_cursor).json()
    assert master["changes"]["membership"]["deletes"] == [membership["id"]]
    assert [c["last_name"] for c in master["changes"]["child"]["upserts"]] == ["Петрова-Водкина"]
    assert set(master["changes"]) == {"child", "membership"}


def test_a_child_shared_by_two_providers_is_seen_by_both(seeded, enrol, db_url):
    pcs = {pid: enrol(pid) for pid, _ in seeded.providers}
    seen = {pid: {r["id"] for r in _rows(pc.pull_all("master")[0], "child")} for pid, pc in pcs.items()}
    shared = [(a, b) for a in seen for b in seen if a < b and seen[a] & seen[b]]
    assert shared, "the demo district has children who attend two providers"
    a, b = shared[0]
    child_id = min(seen[a] & seen[b])
    _, cursors = zip(*[(None, pcs[x].pull_all("master")[1]) for x in (a, b)], strict=True)
    admin.update_child(db_url, child_id, first_name="Анна-Мария")
    for pid, cursor in zip((a, b), cursors, strict=True):
        page = pcs[pid].pull("master", cursor).json()
        assert [c["first_name"] for c in page["changes"]["child"]["upserts"]] == ["Анна-Мария"]
    # A third provider that never taught the child does not get it.
    others = [pid for pid in pcs if child_id not in seen[pid]]
    assert others and all(child_id not in seen[o] for o in others)


def test_pulling_another_providers_data_is_403(device):
    r = device.pull("master", provider=device.provider_id + 1)
    assert r.status_code == 403 and r.json()["code"] == "forbidden"
    assert device.pull("master", provider=device.provider_id, limit=1).status_code == 200


def test_reset_cursors_makes_every_cursor_410_and_a_fresh_download_works(device, db_url):
    _, cursor = device.pull_all("master")
    admin.reset_cursors(db_url)
    r = device.pull("master", cursor)
    assert r.status_code == 410 and r.json()["code"] == "reset_required"
    pages, _ = device.pull_all("master")
    assert _rows(pages, "provider")[0]["id"] == device.provider_id


def test_garbage_cursor_is_410_and_bad_parameters_are_400(device):
    for cursor in ("garbage", "1.2.3", "deadbeef.-1"):
        r = device.pull("master", cursor)
        assert r.status_code == 410 and r.json()["code"] == "reset_required"
    assert device.pull("marks").status_code == 400
    assert device.pull("master", limit=0).json()["code"] == "bad_request"
    assert (
        device.http.get("/pull", params={"stream": "master", "limit": "many"}).json()["code"] == "bad_request"
    )


def test_a_late_committing_transaction_is_not_skipped(device, enrol, db_url):
    """T1 takes its sequence number first but commits last; a follower still gets its change.

    T2, a push from the school's other PC, starts while T1 is open and is let run until it either
    waits behind T1 (the counter row's lock on PostgreSQL, BEGIN IMMEDIATE on SQLite) or has
    committed — which it could only do with a higher number than T1's, and a pull would then move
    the cursor past T1's number before T1 commits."""
    _, cursor = device.pull_all("own")
    a, b = member_cells(db_url, device.provider_id, 2)
    other_pc = enrol(device.provider_id)  # enrolled before T1 takes the write lock
    uid = mark_id(a.group_id, a.child_id, a.lesson_date)

    def t1(conn) -> None:
        conn.execute(insert(db.marks).values(
            group_id=a.group_id, child_id=a.child_id, lesson_date=a.lesson_date, mark_uid=uid,
            provider_id=device.provider_id, code=3, changed_at=datetime.now(UTC), changed_by="slow",
            recorded_at=datetime.now(UTC)))
        db.stamp(conn, [db.Change("own", "mark", uid, device.provider_id, mark_date=a.lesson_date)])

    push_result: list = []
    op = mark_op(b.group_id, b.child_id, b.lesson_date, 1)
    t2 = threading.Thread(target=lambda: push_result.append(other_pc.push_ok([op])))
    with HeldWriteLock(db_url, t1) as held:
        t2.start()
        held.wait_for_contender(finished=lambda: not t2.is_alive())
        page = device.pull("own", cursor).json()
        seen = {(m["child_id"], m["lesson_date"]) for m in page["changes"].get("mark", {}).get("upserts", [])}
        assert (a.child_id, a.lesson_date.isoformat()) not in seen  # T1 not committed yet
        cursor = page["next_cursor"]
    t2.join(30)
    assert push_result and push_result[0][0]["status"] == "applied"
    pages, _ = device.pull_all("own", cursor)
    seen = {(m["child_id"], m["lesson_date"]) for m in _rows(pages, "mark")}
    assert (a.child_id, a.lesson_date.isoformat()) in seen
    assert (b.child_id, b.lesson_date.isoformat()) in seen


def test_locked_month_blocks_edits_but_not_other_months(device, db_url):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    admin.lock_month(db_url, device.provider_id, date(2025, 12, 31))
    [res] = device.push_ok([mark_op(cell.group_id, cell.child_id, cell.lesson_date, 1)])
    assert res["code"] == "month_locked"
    (group,) = [g for g in admin.provider_groups(db_url, device.provider_id) if g["id"] == cell.group_id]
    january = lesson_days(db_url, group, date(2026, 1, 12), date(2026, 1, 31))[0]
    [res] = device.push_ok([mark_op(cell.group_id, cell.child_id, january, 1)])
    assert res["status"] == "applied"


# --- the provider record: the head and their position ------------------------------------------


def test_the_provider_record_carries_the_head_s_position(device, seeded):
    pages, cursor = device.pull_all("master")
    (provider,) = _rows(pages, "provider")
    assert provider["head_position"] == "директор" and provider["head_name"].count(" ") == 2
    assert p.ProviderRecord.model_validate(provider).head_position == "директор"


def test_a_head_changed_on_the_portal_is_pulled_by_the_provider_s_pcs_only(device, enrol, seeded, db_url):
    other = enrol(next(pid for pid, _ in seeded.providers if pid != device.provider_id))
    _, cursor = device.pull_all("master")
    _, other_cursor = other.pull_all("master")
    admin.edit_provider(db_url, device.provider_id, head_name="Соколов Игорь Викторович",
                        head_position="исполняющий обязанности директора")
    page = device.pull("master", cursor).json()
    assert [(r["head_name"], r["head_position"]) for r in page["changes"]["provider"]["upserts"]] == [
        ("Соколов Игорь Викторович", "исполняющий обязанности директора")]
    assert other.pull("master", other_cursor).json()["changes"] == {}


def test_edit_provider_refuses_what_it_cannot_change(db_url, capsys):
    with pytest.raises(admin.AdminError, match="нет организации"):
        admin.edit_provider(db_url, 999_999, head_position="директор")
    with pytest.raises(admin.AdminError, match="нельзя изменить"):
        admin.edit_provider(db_url, 1, inn="4718000000")
    assert main(["edit-provider", "--db", db_url, "--provider", "1",
                 "--head-position", "  заведующая  "]) == 0
    assert "заведующая" in capsys.readouterr().out
    assert admin.get_provider(db_url, 1)["head_position"] == "заведующая"  # spaces trimmed
    assert main(["edit-provider", "--db", db_url, "--provider", "1"]) == 2  # nothing to change
    assert "укажите" in capsys.readouterr().err


def test_an_older_database_gains_the_head_s_position(empty_db_url):
    """A portal database from before the position (SQLite, or PostgreSQL under PFDO_PORTAL_TEST_DB):
    the column comes with an empty value for every provider, and the portal sends it."""
    engine = db.make_engine(empty_db_url)
    db.create_schema(engine)
    with db.write_tx(engine) as conn:
        conn.execute(text("ALTER TABLE providers DROP COLUMN head_position"))
        conn.execute(text("INSERT INTO providers (id, name, short_name, inn, ogrn, address, head_name, "
                          "municipality) VALUES (1, 'ДДТ', '', '', '', '', 'Ильина Ульяна Ильинична', '')"))
    engine.dispose()
    engine = db.make_engine(empty_db_url)
    try:
        db.create_schema(engine)
        assert "head_position" in {c["name"] for c in inspect(engine).get_columns("providers")}
        with db.read_tx(engine) as conn:
            row = conn.execute(select(db.providers).where(db.providers.c.id == 1)).one()
        assert service.master_row("provider", row)["head_position"] == ""
        with db.write_tx(engine) as conn:  # a script that knows no position still adds providers
            conn.execute(text("INSERT INTO providers (id, name, short_name, inn, ogrn, address, head_name, "
                              "municipality) VALUES (2, 'ДШИ', '', '', '', '', '', '')"))
        with db.read_tx(engine) as conn:
            added = conn.execute(select(db.providers.c.head_position).where(db.providers.c.id == 2))
            assert added.scalar() == ""
    finally:
        engine.dispose()
