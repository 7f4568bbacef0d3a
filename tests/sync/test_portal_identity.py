"""One portal per database (review of issue 10, finding 2): every seeded portal numbers its providers
1…5, so a provider id alone cannot tell a training portal from the real one. A PC enrolled with one
portal refuses, before the code is spent, to enrol into another, and refuses to sync with an address
that now answers as another portal — nothing pushed, nothing pulled. Two real portals on two sockets.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import httpx
import pytest
import two_portals
from two_portals import REAL, TRAINING

from pfdo_desktop.services.rows import MarkChange
from pfdo_desktop.sync import protocol as p
from pfdo_desktop.sync.client import SyncError
from pfdo_desktop.workspace import Workspace
from pfdo_portal import admin
from pfdo_portal.embedded import EmbeddedPortal


def _portal_id(url: str) -> str:
    with httpx.Client(base_url=url + p.API_PREFIX, timeout=20) as c:
        found = p.InfoResponse.model_validate(c.get("/info").json()).portal_id
    assert found
    return found


@pytest.fixture
def portal_b(seeded_portal_template, tmp_path) -> Iterator[tuple[EmbeddedPortal, str]]:
    """The real portal: another copy of the seeded district, on its own socket."""
    url = two_portals.seeded_copy(seeded_portal_template, tmp_path / "portal-b.sqlite3")
    server = two_portals.start(url, REAL)
    yield server, url
    server.stop()


Cell = tuple[int, int, date]


def _mark_one(ws: Workspace) -> tuple[Cell, int]:
    """A mark made on the PC and not yet sent: (group, child, day) — as admin.get_mark takes it — and
    its code."""
    group = ws.groups()[0]
    journal = ws.journal(group.id, group.date_from, date.today())
    for lesson in reversed(journal.lessons):
        for child in journal.children:
            if child.is_member_on(lesson.lesson_date):
                code = 3 if journal.marks.get((child.child_id, lesson.lesson_date)) != 3 else 4
                assert ws.mark(group.id, lesson.lesson_date, [MarkChange(child.child_id, code)]) == 1
                assert ws.status().pending_ops == 1
                return (group.id, child.child_id, lesson.lesson_date), code
    raise AssertionError("no cell to mark")


def _device_row(ws: Workspace) -> tuple:
    d = ws.device()
    return (d.portal_url, d.device_id, d.provider_id, d.provider_name, d.enrolled_at, d.portal_id,
            d.portal_name)


def test_a_code_of_another_portal_is_refused_before_it_is_spent(enrolled_workspace, portal, portal_db,
                                                                portal_b, demo_provider_id,
                                                                memory_keyring, tmp_path):
    """The reviewer's sequence: a PC of the training portal with a queued mark gets a code of the real
    portal, whose provider has the same id. Nothing of its outbox may reach the real portal."""
    ws = enrolled_workspace
    b, b_db = portal_b
    assert ws.device().portal_id == _portal_id(portal.url) != _portal_id(b.url)
    cell, code = _mark_one(ws)
    on_b = admin.get_mark(b_db, *cell)
    b_code = admin.issue_code(b_db, demo_provider_id)  # the same provider number on the real portal
    device, token = _device_row(ws), dict(memory_keyring.store)

    with pytest.raises(SyncError) as err:
        ws.enrol(b.url, b_code)
    assert err.value.code == "other_portal"
    message = err.value.message
    assert message.startswith(f"Эта база подключена к порталу «{TRAINING}» (адрес {portal.url}), а по "
                              f"адресу {b.url} работает другой портал — «{REAL}». Чтобы работать с "
                              "другим порталом, создайте отдельную папку данных")
    assert "учебные и демонстрационные данные не должны попасть в настоящий реестр" in message
    assert message.endswith("Код подключения не израсходован.")
    assert admin.list_devices(b_db) == []  # nothing spent, no device on the real portal
    assert _device_row(ws) == device and memory_keyring.store == token  # the PC is as it was
    assert ws.status().pending_ops == 1  # the op still waits for its own portal
    assert admin.get_mark(b_db, *cell) == on_b  # nothing of PC A's outbox on portal B

    ws.sync()  # … and goes there
    assert ws.status().pending_ops == 0
    assert admin.get_mark(portal_db, *cell)["code"] == code
    assert admin.get_mark(b_db, *cell) == on_b
    fresh = Workspace.open(tmp_path / "a-pc-of-the-real-portal")  # the code was not spent
    try:
        assert fresh.enrol(b.url, b_code) and fresh.device().portal_id == _portal_id(b.url)
    finally:
        fresh.close()


def test_a_sync_with_an_address_that_now_answers_as_another_portal_is_refused(enrolled_workspace,
                                                                              portal, portal_db,
                                                                              portal_b):
    """The training portal's address now leads to the real portal (which does not know the PC's
    token): «this is another portal», not «enrol again»; nothing pushed, nothing pulled."""
    ws = enrolled_workspace
    b, b_db = portal_b
    cell, code = _mark_one(ws)
    on_b, status = admin.get_mark(b_db, *cell), ws.status()
    ws.relocate_portal(b.url)
    with pytest.raises(SyncError) as err:
        ws.sync()
    assert err.value.code == "other_portal"
    assert err.value.message.startswith(f"По адресу {b.url} теперь отвечает другой портал — «{REAL}», а "
                                        f"эта база подключена к порталу «{TRAINING}».")
    assert "ничего не отправлено и не загружено" in err.value.message
    after = ws.status()
    assert (after.pending_ops, after.marks, after.groups) == (1, status.marks, status.groups)
    assert after.last_sync_status == "failed" and after.last_sync_error == err.value.message
    assert admin.get_mark(b_db, *cell) == on_b
    ws.relocate_portal(portal.url)
    ws.sync()
    assert ws.status().pending_ops == 0 and admin.get_mark(portal_db, *cell)["code"] == code


def test_a_copy_of_the_portal_with_another_identity_gets_nothing(enrolled_workspace, portal, portal_db,
                                                                 tmp_path):
    """A copy of the training portal's database made into another portal (its own identity): the PC's
    token is valid there too, so only the identity stops the push."""
    ws = enrolled_workspace
    copy_url = two_portals.copy_with_new_identity(portal_db, tmp_path / "copy.sqlite3")
    copy = two_portals.start(copy_url, REAL)
    try:
        cell, _code = _mark_one(ws)
        on_copy, audit = admin.get_mark(copy_url, *cell), admin.mark_audit(copy_url, *cell)
        ws.relocate_portal(copy.url)
        with pytest.raises(SyncError) as err:
            ws.sync()
        assert err.value.code == "other_portal"
        assert ws.status().pending_ops == 1
        assert admin.get_mark(copy_url, *cell) == on_copy and admin.mark_audit(copy_url, *cell) == audit
    finally:
        copy.stop()


def test_the_same_portal_at_a_new_address_keeps_working(enrolled_workspace, portal, portal_db):
    ws = enrolled_workspace
    cell, code = _mark_one(ws)
    moved = EmbeddedPortal(portal_db).start()  # the same database served on another socket
    try:
        portal.stop()
        ws.relocate_portal(moved.url)
        ws.sync()
        assert ws.status().pending_ops == 0 and admin.get_mark(portal_db, *cell)["code"] == code
        assert ws.device().portal_id == _portal_id(moved.url)
    finally:
        moved.stop()


def test_re_enrolment_into_the_same_portal_still_works(enrolled_workspace, portal, portal_db,
                                                       demo_provider_id):
    ws = enrolled_workspace
    before = ws.device()
    assert ws.enrol(portal.url, admin.issue_code(portal_db, demo_provider_id))
    after = ws.device()
    assert after.device_id != before.device_id and after.portal_id == before.portal_id
    ws.sync()


def test_a_pc_enrolled_before_portals_had_an_identity_learns_it_at_its_next_sync(enrolled_workspace,
                                                                                 portal, portal_b):
    ws = enrolled_workspace
    with ws.db.write() as s:  # as a PC of the previous version has it
        from pfdo_desktop.models import Device

        row = s.query(Device).one()
        row.portal_id = row.portal_name = None
    ws.sync()
    device = ws.device()
    assert (device.portal_id, device.portal_name) == (_portal_id(portal.url), TRAINING)
    b, _b_db = portal_b
    ws.relocate_portal(b.url)  # from now on another portal is refused
    with pytest.raises(SyncError) as err:
        ws.sync()
    assert err.value.code == "other_portal"
