"""Enrolment end to end: the desktop services and sync engine against the real portal on a real socket
(new child, application decided by the portal with the reservation, refusals, ambiguity, enrolment)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from pfdo_desktop.models import Application, ChildRequest, OutboxOp
from pfdo_desktop.services.rows import NewChild
from pfdo_desktop.workspace import Workspace
from pfdo_portal import admin

TODAY = date.today()
BORN = date(TODAY.year - 10, 1, 15)  # about ten years old: fits the demo's programmes


def _start() -> date:
    return date(TODAY.year + (TODAY.month == 12), TODAY.month % 12 + 1, 1)  # the 1st of next month


def _form(last: str = "Тестова", first: str = "Алёна", middle: str = "Игоревна", born: date = BORN,
          **changes) -> NewChild:
    values = dict(last_name=last, first_name=first, middle_name=middle, birth_date=born, snils="",
                  doc_kind="birth_certificate", doc_number="IV-МЮ 654321", guardian_last_name=last,
                  guardian_first_name="Ольга", guardian_middle_name="", guardian_relation="mother",
                  phone="+7 912 000-11-22", email="", certificate_number="")
    values.update(changes)
    return NewChild(**values)


def _group(ws: Workspace, registry: str) -> int:
    with ws.db.read() as s:
        from pfdo_desktop.models import Program, StudyGroup

        rows = s.execute(select(StudyGroup.id, StudyGroup.date_from, StudyGroup.date_to)
                         .join(Program, Program.id == StudyGroup.program_id)
                         .where(Program.registry_code == registry, StudyGroup.archived.is_(False))
                         .order_by(StudyGroup.id)).all()
    ids = [gid for gid, start, end in rows if start <= _start() <= end]
    assert ids, f"the demo district has no {registry} group open on {_start()}"
    for gid in ids:
        check = ws.precheck(f"c:{_any_child(ws)}", gid, _start(), TODAY)
        if check.free_places > 0:
            return gid
    return ids[0]


def _any_child(ws: Workspace) -> int:
    return ws.search_children("")[0].child_id or 0


def _outbox(ws: Workspace) -> list[OutboxOp]:
    with ws.db.read() as s:
        return list(s.scalars(select(OutboxOp)))


def _app(ws: Workspace, uid: str) -> Application:
    with ws.db.read() as s:
        app = s.get(Application, uid)
        assert app is not None
        s.expunge(app)
        return app


def _request(ws: Workspace, uid: str) -> ChildRequest:
    with ws.db.read() as s:
        req = s.get(ChildRequest, uid)
        assert req is not None
        s.expunge(req)
        return req


def _known_child(ws: Workspace, portal_db: str, nominal: str = "50000.00") -> tuple[int, str]:
    """A registry child with a ПФ certificate made visible to our provider by an «existing» answer."""
    child_id, number = admin.add_child(portal_db, "Сертификатов", "Пётр", "Иванович", BORN,
                                       certificate_status="pf", nominal=nominal)
    uid = ws.request_child(_form("Сертификатов", "Пётр", "Иванович"), TODAY)
    ws.sync()
    req = _request(ws, uid)
    assert (req.state, req.child_id) == ("existing", child_id)
    return child_id, number


def test_a_new_child_is_created_by_the_portal(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    uid = ws.request_child(_form(), TODAY)
    assert [r.state for r in ws.search_children("тестова")] == ["pending"]
    report = ws.sync()
    assert report.rejected == 0 and _outbox(ws) == []
    req = _request(ws, uid)
    assert req.state == "created" and req.child_id is not None
    (row,) = ws.search_children("тестова")
    assert (row.key, row.state, row.certificate_status) == (f"c:{req.child_id}", "", "uchet")
    assert len(row.certificate_number) == 10
    card = ws.child_card(f"r:{uid}")  # the request's key opens the registry child now
    assert card.child.key == f"c:{req.child_id}"
    assert [g.full_name for g in card.guardians] == ["Тестова Ольга"]
    assert card.certificate is not None and card.certificate.as_of is not None
    assert (card.doc_kind, card.doc_number) == ("birth_certificate", "IV-МЮ 654321")


def test_a_child_and_its_application_in_one_offline_session(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    group = _group(ws, "general")
    req = ws.request_child(_form(), TODAY)
    uid = ws.submit_application(f"r:{req}", group, _start(), TODAY)
    assert [o.kind for o in _outbox(ws)] == ["child.create", "application.create"]  # both, in order
    ws.sync()
    app = _app(ws, uid)
    assert (app.status, app.pending_action, app.source) == ("confirmed", "", "device")
    assert app.child_id == _request(ws, req).child_id and app.number.startswith("З-")
    assert admin.get_application(portal_db, uid)["status"] == "confirmed"
    assert ws.applications(status="confirmed", query="тестова")[0].uid == uid


def test_an_application_is_confirmed_and_the_reserve_arrives(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    child_id, number = _known_child(ws, portal_db)
    group = _group(ws, "certified")
    check = ws.precheck(f"c:{child_id}", group, _start(), TODAY)
    assert check.refusals == () and check.cost is not None and check.cost.certificate_part > 0
    uid = ws.submit_application(f"c:{child_id}", group, _start(), TODAY)
    ws.sync()
    app = _app(ws, uid)
    assert (app.status, app.pending_action, app.expected_certificate_part) == ("confirmed", "", None)
    assert app.certificate_part == check.cost.certificate_part and app.contract_number
    portal_cert = admin.get_certificate(portal_db, number)
    assert Decimal(str(portal_cert["reserve"])) == check.cost.certificate_part
    card = ws.child_card(f"c:{child_id}")
    assert card.certificate is not None and card.certificate.reserve == check.cost.certificate_part
    assert [h.status for h in card.history[uid]][-1] == "confirmed"
    assert not any(h.pending for h in card.history[uid])


def test_a_refusal_lands_in_the_issues_and_is_not_retried(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    child_id, number = _known_child(ws, portal_db)
    group = _group(ws, "certified")
    uid = ws.submit_application(f"c:{child_id}", group, _start(), TODAY)
    admin.set_certificate(portal_db, number, balance="10.00")  # the money went elsewhere meanwhile
    report = ws.sync()
    assert report.rejected == 1 and _outbox(ws) == []
    app = _app(ws, uid)
    assert (app.status, app.pending_action, app.reason_code) == ("rejected", "", "balance_changed")
    (issue,) = ws.issues()
    assert issue.code == "balance_changed" and issue.message
    assert issue.title.startswith("Заявка не принята: Сертификатов Пётр, группа «")
    assert issue.title.endswith(f"с {_start():%d.%m.%Y}")
    assert "доплаты" in issue.advice
    again = ws.sync()
    assert again.pushed == 0 and len(ws.issues()) == 1  # never retried


def test_a_portal_refusal_of_the_rulebook(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    group = _group(ws, "general")
    req = ws.request_child(_form(), TODAY)
    ws.sync()
    child_id = _request(ws, req).child_id
    uid = ws.submit_application(f"c:{child_id}", group, _start(), TODAY)
    admin.set_group_capacity(portal_db, group, 1)  # the group filled up on the portal
    ws.sync()
    assert _app(ws, uid).status == "rejected"
    (issue,) = ws.issues()
    assert issue.code == "group_full" and "мест" in issue.message
    assert issue.advice.startswith("Выберите другую группу")


def test_an_ambiguous_child_is_resolved_by_the_operator(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    first, _ = admin.add_child(portal_db, "Двойнов", "Иван", "Петрович", BORN)
    second, _ = admin.add_child(portal_db, "Двойнов", "Иван", "Петрович", BORN)
    uid = ws.request_child(_form("Двойнов", "Иван", "Петрович"), TODAY)
    ws.sync()
    req = _request(ws, uid)
    assert req.state == "ambiguous"
    card = ws.child_card(f"r:{uid}")
    assert {c.child_id for c in card.candidates} == {first, second}
    (issue,) = ws.issues()
    assert issue.title == "Найдено несколько похожих детей — выберите нужного в карточке"
    ws.resolve_request(uid, second)
    ws.sync()
    req = _request(ws, uid)
    assert (req.state, req.child_id) == ("existing", second)
    assert ws.issues() == []  # the choice settled it
    assert [r.child_id for r in ws.search_children("двойнов")] == [second]


def test_enrolment_puts_the_child_into_the_journal(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    group = _group(ws, "general")
    req = ws.request_child(_form(), TODAY)
    uid = ws.submit_application(f"r:{req}", group, _start(), TODAY)
    ws.sync()
    ws.enrol_application(uid, "15-у", TODAY, _start(), today=TODAY)
    assert _app(ws, uid).status == "confirmed"  # not changed locally
    ws.sync()
    app = _app(ws, uid)
    assert (app.status, app.order_number, app.pending_action) == ("active", "15-у", "")
    child_id = _request(ws, req).child_id
    journal = ws.journal(group, _start(), _start().replace(day=28))
    assert child_id in {c.child_id for c in journal.children}
    assert ws.child_card(f"c:{child_id}").memberships


def test_a_parents_online_application_is_confirmed_from_the_pc(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    child_id, _number = _known_child(ws, portal_db)
    group = _group(ws, "general")
    online = admin.apply_online(portal_db, child_id, group, _start())
    ws.sync()
    (row,) = [a for a in ws.applications(status="new") if a.uid == online["id"]]
    assert row.source == "portal"
    ws.confirm_application(row.uid, TODAY)
    ws.sync()
    assert _app(ws, row.uid).status == "confirmed"


def test_withdraw_after_confirmation(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    group = _group(ws, "general")
    req = ws.request_child(_form(), TODAY)
    uid = ws.submit_application(f"r:{req}", group, _start(), TODAY)
    ws.sync()
    ws.withdraw_application(uid, "передумали")
    ws.sync()
    assert _app(ws, uid).status == "withdrawn"
    assert admin.get_application(portal_db, uid)["status"] == "withdrawn"


def test_transfer_to_another_group(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    groups = [g.id for g in ws.groups_for_application()
              if g.date_from <= _start() <= g.date_to]
    req = ws.request_child(_form(), TODAY)
    uid = ws.submit_application(f"r:{req}", _group(ws, "general"), _start(), TODAY)
    ws.sync()
    ws.enrol_application(uid, "15-у", TODAY, _start(), today=TODAY)
    ws.sync()
    app = _app(ws, uid)
    child_id = _request(ws, req).child_id
    target = next(g for g in groups if g != app.group_id
                  and ws.precheck(f"c:{child_id}", g, _start().replace(day=15), TODAY).refusals == ())
    new_uid = ws.transfer_application(uid, target, _start().replace(day=15), "16-у", TODAY, TODAY)
    ws.sync()
    old, new = _app(ws, uid), _app(ws, new_uid)
    assert (old.status, old.transferred_to, old.pending_action) == ("transferred", new_uid, "")
    assert (new.status, new.group_id, new.child_id) == ("active", target, child_id)
    assert ws.issues() == []


def test_a_refused_new_child_request(enrolled_workspace, portal_db):
    from pfdo_desktop.services.children import CleanChild, add_request

    ws = enrolled_workspace
    bad = CleanChild(last_name="Smith", first_name="John", middle_name="", birth_date=BORN, snils="",
                     doc_kind="", doc_number="", certificate_number="", guardian_last_name="",
                     guardian_first_name="", guardian_middle_name="", guardian_relation="", phone="",
                     email="")
    with ws.db.write() as s:  # what an older version of the form might have let through
        uid = add_request(s, bad, "form")
    report = ws.sync()
    assert report.rejected == 1 and _outbox(ws) == []
    req = _request(ws, uid)
    assert req.state == "rejected" and req.message
    (issue,) = ws.issues()
    assert issue.code == "invalid" and issue.title == f"Новый ребёнок не принят: Smith John, {BORN:%d.%m.%Y}"
    assert [r.state for r in ws.search_children("smith")] == ["rejected"]
    assert ws.sync().pushed == 0


def test_local_applications_the_portal_does_not_know_survive_a_full_download(enrolled_workspace):
    import threading

    from pfdo_desktop.models import utcnow
    from pfdo_desktop.sync.engine import SyncEngine

    ws = enrolled_workspace
    with ws.db.write() as s:
        s.add(Application(id="local-pending-1", child_id=None, group_id=1, start_date=_start(), status="new",
                          source="device", created_at=utcnow(), pending_action="application.create"))
        s.add(Application(id="local-refused-1", child_id=None, group_id=1, start_date=_start(),
                          status="rejected", source="device", created_at=utcnow()))
        portal_rows = s.scalar(select(func.count()).select_from(Application)
                               .where(Application.archived.is_(False), Application.number != ""))
    engine = SyncEngine(ws.db, ws.data_dir / "sync.lock", None, cancel=threading.Event())  # type: ignore[arg-type]
    with ws.db.write() as s:
        engine._archive_unseen(s, {"application": set()})
        engine._check_counts(s, {"application": 0})
    with ws.db.read() as s:
        live = set(s.scalars(select(Application.id).where(Application.archived.is_(False))))
    assert live == {"local-pending-1", "local-refused-1"}  # the portal's rows were archived, ours stay
    assert portal_rows > 0
    assert ws.issues() == []  # and the count check does not count ours
