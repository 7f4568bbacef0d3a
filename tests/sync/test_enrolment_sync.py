"""Enrolment end to end: the desktop services and sync engine against the real portal on a real socket
(new child, application decided by the portal with the reservation, refusals, ambiguity, enrolment)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pfdo_desktop.domain.ages import age_in_months
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

        age = age_in_months(BORN, _start())  # a group the test's child (BORN) may join
        rows = s.execute(select(StudyGroup.id, StudyGroup.date_from, StudyGroup.date_to)
                         .join(Program, Program.id == StudyGroup.program_id)
                         .where(Program.registry_code == registry, StudyGroup.archived.is_(False),
                                Program.age_from_months <= age, Program.age_to_months >= age)
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
    """A registry child with a ПФ certificate that our provider came to know the way the privacy
    rule allows (issue 10 §1): «уже есть в реестре», then an application carrying the parent's
    certificate number (to a budget group, withdrawn at once: the link stays, the place does not)."""
    child_id, number = admin.add_child(portal_db, "Сертификатов", "Пётр", "Иванович", BORN,
                                       certificate_status="pf", nominal=nominal)
    uid = ws.request_child(_form("Сертификатов", "Пётр", "Иванович"), TODAY)
    ws.sync()
    assert (_request(ws, uid).state, _request(ws, uid).child_id) == ("registered", None)
    link = ws.submit_application(f"r:{uid}", _group(ws, "general"), _start(), TODAY,
                                 certificate_number=number)
    ws.sync()
    assert (_app(ws, link).status, _app(ws, link).child_id) == ("confirmed", child_id)
    ws.withdraw_application(link, "тест: только связь с ребёнком")
    ws.sync()
    assert ws.child_card(f"r:{uid}").child.key == f"c:{child_id}"
    return child_id, number


def _linked_namesakes(portal_db: str, provider_id: int, n: int = 2) -> list[int]:
    """``n`` namesakes «Двойнов Иван Петрович» (BORN) whose parents applied to our provider on the
    portal: children it is linked to (issue 10 §1), not yet downloaded by the PC."""
    from pfdo_portal import db as portal_schema
    from pfdo_portal.enrolment import shared as portal_enrolment

    engine = portal_schema.make_engine(portal_db)
    with engine.connect() as conn:
        gids = conn.execute(select(portal_schema.groups.c.id)
                             .where(portal_schema.groups.c.provider_id == provider_id)
                             .order_by(portal_schema.groups.c.id)).scalars().all()
        infos = [g for gid in gids if (g := portal_enrolment.load_group(conn, gid)) is not None]
    engine.dispose()
    age = age_in_months(BORN, _start())
    group = next(g for g in infos if g.registry == "general" and g.date_from <= _start() <= g.date_to
                 and g.age_from_months <= age <= g.age_to_months)
    ids = []
    for _ in range(n):
        child_id, _number = admin.add_child(portal_db, "Двойнов", "Иван", "Петрович", BORN)
        admin.apply_online(portal_db, child_id, group.id, _start())
        ids.append(child_id)
    return ids


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


def test_a_child_known_to_another_school_comes_with_the_parents_certificate_number(enrolled_workspace,
                                                                                   portal_db,
                                                                                   demo_provider_id):
    """Issue 10 §1, the operator's flow: «Новый ребёнок» for a child another school teaches → «уже
    есть в реестре» with nothing about the child → an application with the number from the parent's
    application → confirmed → the child's card comes with the next download."""
    from pfdo_desktop.models import Certificate, Child, Guardian
    from pfdo_desktop.services.applications import Refused

    ws = enrolled_workspace
    child_id, number = admin.add_child(portal_db, "Чужова", "Вера", "Ивановна", BORN, snils="112-233-445 95",
                                       certificate_status="pf", nominal="30000.00")
    admin.add_membership(portal_db, _other_provider_group(portal_db, demo_provider_id), child_id, _start())
    uid = ws.request_child(_form("Чужова", "Вера", "Ивановна", doc_number="I-АА 000001"), TODAY)
    report = ws.sync()
    assert report.rejected == 0 and _outbox(ws) == []
    req = _request(ws, uid)
    assert (req.state, req.child_id, req.candidates) == ("registered", None, [])
    assert req.certificate_number == ""  # the portal told no number
    with ws.db.read() as s:  # nothing about the child reached this PC
        assert s.get(Child, child_id) is None
        assert s.scalars(select(Certificate.id).where(Certificate.number == number)).all() == []
        assert s.scalar(select(func.count()).select_from(Guardian).where(Guardian.child_id == child_id)) == 0
    (row,) = ws.search_children("чужова")
    assert (row.key, row.state, row.snils) == (f"r:{uid}", "registered", "")
    card = ws.child_card(f"r:{uid}")
    assert card.message.startswith("Ребёнок с такими ФИО и датой рождения уже есть в реестре портала; "
                                   "данные о нём придут после заявки с номером сертификата")
    assert card.certificate is None and ws.issues() == []
    # «Новая заявка»: nothing to prefill, the number is required, the pre-check cannot compare it.
    group = _group(ws, "certified")
    check = ws.precheck(f"r:{uid}", group, _start(), TODAY, certificate_number="")
    assert [r.code for r in check.refusals] == ["certificate_required"] and check.certificate_number_required
    assert check.cost is None  # the portal computes the contract: this PC does not know the balance
    with pytest.raises(Refused):
        ws.submit_application(f"r:{uid}", group, _start(), TODAY)
    # A wrong number: refused by the portal with its reason; nothing reserved, nothing disclosed.
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    assert ws.precheck(f"r:{uid}", group, _start(), TODAY, certificate_number=wrong).refusals == ()
    refused_uid = ws.submit_application(f"r:{uid}", group, _start(), TODAY, certificate_number=wrong)
    assert _outbox(ws)[0].payload["certificate_number"] == wrong
    ws.sync()
    refused = _app(ws, refused_uid)
    assert (refused.status, refused.reason_code) == ("rejected", "certificate_mismatch")
    assert refused.child_id is None
    (issue,) = ws.issues()
    assert issue.code == "certificate_mismatch" and "не совпадает" in issue.message
    assert "заявлени" in issue.advice
    assert Decimal(admin.get_certificate(portal_db, number)["reserve"]) == 0
    with ws.db.read() as s:
        assert s.get(Child, child_id) is None
    # The parent's number: confirmed, the reserve made, and the child's data arrive.
    app_uid = ws.submit_application(f"r:{uid}", group, _start(), TODAY, certificate_number=f" {number} ")
    ws.sync()
    app = _app(ws, app_uid)
    assert (app.status, app.child_id, app.pending_action) == ("confirmed", child_id, "")
    assert app.certificate_part is not None and app.certificate_part > 0
    assert Decimal(admin.get_certificate(portal_db, number)["reserve"]) == app.certificate_part
    card = ws.child_card(f"r:{uid}")  # the request's key opens the registry child now
    assert card.child.key == f"c:{child_id}" and card.child.snils == "112-233-445 95"
    assert card.certificate is not None and card.certificate.number == number
    assert card.certificate.reserve == app.certificate_part
    assert {a.uid for a in card.applications} == {app_uid}
    assert [r.key for r in ws.search_children("чужова")] == [f"c:{child_id}"]


def _other_provider_group(portal_db: str, provider_id: int) -> int:
    """A group of another provider (the child's school) open on the start date."""
    groups = [g for p in admin.list_providers(portal_db) if p.id != provider_id
              for g in admin.provider_groups(portal_db, p.id)]
    return next(g["id"] for g in groups if g["date_from"] <= _start().isoformat() <= g["date_to"])


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


def test_an_ambiguous_child_is_resolved_by_the_operator(enrolled_workspace, portal_db, demo_provider_id):
    ws = enrolled_workspace
    first, second = _linked_namesakes(portal_db, demo_provider_id)
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
    # No request is listed any more: the chosen child and its namesake, both the school's own.
    assert [r.key for r in ws.search_children("двойнов")] == [f"c:{first}", f"c:{second}"]


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
    from pfdo_desktop.models import utcnow
    from pfdo_desktop.sync import pull

    ws = enrolled_workspace
    with ws.db.write() as s:
        s.add(Application(id="local-pending-1", child_id=None, group_id=1, start_date=_start(), status="new",
                          source="device", created_at=utcnow(), pending_action="application.create"))
        s.add(Application(id="local-refused-1", child_id=None, group_id=1, start_date=_start(),
                          status="rejected", source="device", created_at=utcnow()))
        portal_rows = s.scalar(select(func.count()).select_from(Application)
                               .where(Application.archived.is_(False), Application.number != ""))
    with ws.db.write() as s:
        pull.archive_unseen(s, {"application": set()})
        pull.check_counts(s, {"application": 0})
    with ws.db.read() as s:
        live = set(s.scalars(select(Application.id).where(Application.archived.is_(False))))
    assert live == {"local-pending-1", "local-refused-1"}  # the portal's rows were archived, ours stay
    assert portal_rows > 0
    assert ws.issues() == []  # and the count check does not count ours


# --- unreadable answers, refused choices, full downloads, what issues keep ----------------------
# A portal answer is spoiled by wrapping the client's push/pull (the real portal still decides).


def _spoil_push(monkeypatch, spoil) -> None:
    """Every command result's server_record goes through ``spoil(record, result)`` on the way in."""
    from pfdo_desktop.sync.client import PortalClient

    real = PortalClient.push

    def push(self, request):
        response = real(self, request)
        results = [r.model_copy(update={"server_record": spoil(dict(r.server_record or {}), r)})
                   for r in response.results]
        return response.model_copy(update={"results": results})

    monkeypatch.setattr(PortalClient, "push", push)


def _spoil_pull(monkeypatch, entity: str, spoil) -> None:
    """Every pulled master ``entity`` upsert goes through ``spoil(row)``."""
    from pfdo_desktop.sync.client import PortalClient

    real = PortalClient.pull

    def pull(self, stream, cursor, limit):
        page = real(self, stream, cursor, limit)
        changes = page.changes.get(entity)
        if changes is None or not changes.upserts:
            return page
        spoiled = changes.model_copy(update={"upserts": [spoil(dict(r)) for r in changes.upserts]})
        return page.model_copy(update={"changes": {**page.changes, entity: spoiled}})

    monkeypatch.setattr(PortalClient, "pull", pull)


def _issue_rows(ws):
    from pfdo_desktop.models import SyncIssue

    with ws.db.read() as s:
        issues = s.scalars(select(SyncIssue).order_by(SyncIssue.id))
        return [(i.code, i.entity_key, i.details) for i in issues]


APPLICATION_GARBAGE = {
    "a date the protocol does not use": lambda r, _res: {**r, "start_date": "31.12.2026"},
    "money with words": lambda r, _res: {**r, "certificate_part": "12,50 руб"},
    "only the id": lambda r, _res: {"id": r["id"]},
    "an unknown status, no history list, a text child id": lambda r, _res: {
        **r, "status": "zzz", "history": "not a list", "child_id": "abc"},
}


@pytest.mark.parametrize("spoil", list(APPLICATION_GARBAGE.values()), ids=list(APPLICATION_GARBAGE))
def test_an_unreadable_answer_to_an_application_does_not_stop_the_sync(enrolled_workspace, monkeypatch,
                                                                       spoil):
    ws = enrolled_workspace
    group = _group(ws, "general")
    req = ws.request_child(_form(), TODAY)
    ws.sync()
    uid = ws.submit_application(f"c:{_request(ws, req).child_id}", group, _start(), TODAY)
    _spoil_push(monkeypatch, spoil)
    report = ws.sync()  # no exception: the pull ran after the push
    assert report.pushed == 1 and _outbox(ws) == []  # the op left the outbox: never retried
    app = _app(ws, uid)
    # nothing of the spoiled record was stored; the pull brought the portal's real row
    assert (app.status, app.pending_action, app.start_date) == ("confirmed", "", _start())
    assert app.number.startswith("З-") and app.child_id == _request(ws, req).child_id
    (issue,) = ws.issues()
    assert issue.code == "garbage" and "не удалось прочитать" in issue.message
    assert "следующей загрузке" in issue.message and issue.advice
    assert issue.title.startswith("Ответ портала не прочитан (подача заявки): Тестова Алёна")
    assert ws.sync().pushed == 0 and ws.status().last_sync_status == "ok"


NEW_CHILD_GARBAGE = {
    "a child id that is not a number": lambda r, _res: {**r, "child_id": "abc"},
    "a candidate without a usable id": lambda r, _res: {**r, "outcome": "ambiguous",
                                                        "candidates": [{"child_id": "x"}]},
    "created without the child": lambda r, _res: {**r, "child_id": None},
}


@pytest.mark.parametrize("spoil", list(NEW_CHILD_GARBAGE.values()), ids=list(NEW_CHILD_GARBAGE))
def test_an_unreadable_answer_to_a_new_child_does_not_stop_the_sync(enrolled_workspace, monkeypatch, spoil):
    ws = enrolled_workspace
    uid = ws.request_child(_form(), TODAY)
    _spoil_push(monkeypatch, spoil)
    ws.sync()
    assert _outbox(ws) == []
    req = _request(ws, uid)
    assert req.state == "rejected" and req.candidates == [] and "не удалось прочитать" in req.message
    (issue,) = ws.issues()
    assert issue.code == "garbage"
    card = ws.child_card(f"r:{uid}")  # the card opens
    assert card.candidates == () and "не удалось прочитать" in card.message
    # the child the portal made arrives with the master stream all the same
    assert [r.key.startswith("c:") for r in ws.search_children("тестова")].count(True) == 1
    assert ws.sync().pushed == 0


def test_an_unreadable_pulled_row_is_skipped_and_a_full_download_keeps_the_local_one(
        enrolled_workspace, portal_db, monkeypatch):
    from pfdo_desktop.models import Guardian, SyncCursor

    ws = enrolled_workspace
    child_id, _number = _known_child(ws, portal_db)
    online = admin.apply_online(portal_db, child_id, _group(ws, "general"), _start())
    ws.sync()
    before = _app(ws, online["id"])
    with ws.db.read() as s:
        guardians = s.scalar(select(func.count()).select_from(Guardian).where(Guardian.archived.is_(False)))
    with ws.db.write() as s:
        s.query(SyncCursor).delete()  # the next pull is a full download
    _spoil_pull(monkeypatch, "application",
                lambda r: {**r, "start_date": "31.12.2026"} if r["id"] == online["id"] else r)
    _spoil_pull(monkeypatch, "guardian", lambda r: {**r, "child_id": "abc"})
    report = ws.sync()  # no exception: the bad rows are skipped, the rest applied
    assert report.pulled > 0
    after = _app(ws, online["id"])
    assert (after.archived, after.start_date, after.status) == (False, before.start_date, before.status)
    with ws.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Guardian)
                        .where(Guardian.archived.is_(False))) == guardians  # none archived
    issues = {(code, key) for code, key, _d in _issue_rows(ws)}
    assert ("garbage", f"application:{online['id']}") in issues
    assert any(code == "garbage" and key.startswith("guardian") for code, key in issues)  # one for all
    assert not any(code == "count_mismatch" for code, _key in issues)
    assert ws.status().last_sync_status == "ok"


def test_an_unreadable_row_of_another_entity_fails_the_page_cleanly(enrolled_workspace, monkeypatch):
    from pfdo_desktop.models import SyncCursor
    from pfdo_desktop.sync.client import SyncError

    ws = enrolled_workspace
    with ws.db.write() as s:
        s.query(SyncCursor).delete()
    _spoil_pull(monkeypatch, "child", lambda r: {**r, "birth_date": "31.12.2015"})
    with pytest.raises(SyncError) as caught:
        ws.sync()
    assert caught.value.code == "garbage" and "не удалось прочитать" in caught.value.message
    with ws.db.read() as s:
        assert s.scalars(select(SyncCursor.cursor)).all() == []  # nothing applied


@pytest.mark.parametrize("portal_sends_candidates", [False, True])
def test_a_refused_choice_lets_the_operator_choose_again(enrolled_workspace, portal_db, monkeypatch,
                                                         portal_sends_candidates, demo_provider_id):
    import sqlite3

    from pfdo_desktop.sync import protocol as p

    ws = enrolled_workspace
    first, second = _linked_namesakes(portal_db, demo_provider_id)
    uid = ws.request_child(_form("Двойнов", "Иван", "Петрович"), TODAY)
    ws.sync()
    assert _request(ws, uid).state == "ambiguous"
    # Meanwhile the registry changed: the portal no longer offers the second child.
    con = sqlite3.connect(portal_db.removeprefix("sqlite:///"))
    with con:
        con.execute("UPDATE child_requests SET candidates = ?", (f"[{first}]",))
    con.close()
    if portal_sends_candidates:  # a portal that answers a refused choice with its current candidates
        def with_candidates(record, result):
            if result.status != p.REJECTED or record:
                return record
            candidate = p.ChildCandidate(child_id=first, last_name="Двойнов", first_name="Иван",
                                         middle_name="Петрович", birth_date=BORN)
            return p.ChildMatch(uid=uid, outcome="ambiguous", candidates=[candidate]).model_dump(mode="json")

        _spoil_push(monkeypatch, with_candidates)
    ws.resolve_request(uid, second)
    (row,) = [r for r in ws.search_children("двойнов") if r.key == f"r:{uid}"]
    assert (row.state, row.pending_action) == ("ambiguous", "child.resolve")  # not changed locally
    report = ws.sync()
    assert report.rejected == 1 and _outbox(ws) == []
    req = _request(ws, uid)
    assert req.state == "ambiguous" and req.child_id is None  # not «rejected»: choose again
    ids = {c["child_id"] for c in req.candidates}
    assert ids == ({first} if portal_sends_candidates else {first, second})
    card = ws.child_card(f"r:{uid}")
    assert card.message.startswith("Портал не принял выбор: ") and card.pending_action == ""
    assert first in {c.child_id for c in card.candidates}
    refusal = next(i for i in ws.issues() if i.code == "invalid")
    assert refusal.title == f"Выбор ребёнка не принят: Двойнов Иван, {BORN:%d.%m.%Y}"
    ws.resolve_request(uid, first)
    ws.sync()
    assert (_request(ws, uid).state, _request(ws, uid).child_id) == ("existing", first)


def test_a_full_download_keeps_an_application_whose_command_waits(enrolled_workspace):
    from pfdo_desktop.models import SyncCursor

    ws = enrolled_workspace
    online = next(a for a in ws.applications(status="new") if a.source == "portal")
    with ws.db.write() as s:
        s.query(SyncCursor).delete()  # a full download (first sync, or the portal asked for one)
    acted: list[str] = []

    def progress(stage, _done, _total):
        if stage == "pull:master" and not acted:  # the operator clicks while the sync runs
            acted.append(stage)
            ws.withdraw_application(online.uid, "передумали")

    ws.sync(progress=progress)
    app = _app(ws, online.uid)
    assert (app.archived, app.pending_action) == (False, "application.withdraw")
    assert online.uid in {a.uid for a in ws.applications()}
    assert ws.issues() == []  # no «count mismatch» either
    ws.sync()
    assert _app(ws, online.uid).status == "withdrawn"


def test_issues_of_child_ops_keep_no_personal_data(enrolled_workspace):
    from pfdo_desktop.services.children import CleanChild, add_request

    ws = enrolled_workspace
    bad = CleanChild(last_name="Smith", first_name="John", middle_name="", birth_date=BORN,
                     snils="112-233-445 95", doc_kind="", doc_number="IV-МЮ 000001", certificate_number="",
                     guardian_last_name="Smith", guardian_first_name="Jane", guardian_middle_name="",
                     guardian_relation="mother", phone="+79120001122", email="jane@example.org")
    with ws.db.write() as s:
        uid = add_request(s, bad, "form")
    ws.sync()
    ((code, _key, details),) = _issue_rows(ws)
    assert code == "invalid"
    assert details["payload"] == {"uid": uid, "request_certificate": True}
    stored = repr(details)
    for personal in ("112-233-445 95", "IV-МЮ 000001", "+79120001122", "jane@example.org", "Jane"):
        assert personal not in stored, personal


def test_an_invalid_refusal_reads_as_sentences():
    from pfdo_desktop.sync import protocol as p
    from pfdo_desktop.sync.issues import rejection_message as _rejection_message

    older_portal = p.OpResult(op_id="op-00000001", status="rejected", code="invalid",
                              message="Портал счёл данные неверными. ребёнок: Этого ребёнка нет среди "
                                      "найденных порталом",
                              field_errors={"child_id": "Этого ребёнка нет среди найденных порталом"})
    assert _rejection_message("invalid", older_portal) == (
        "Портал счёл данные неверными. Ребёнок: Этого ребёнка нет среди найденных порталом")
    plain = p.OpResult(op_id="op-00000002", status="rejected", code="group_full", message=None)
    assert _rejection_message("group_full", plain) == p.REJECTION_TEXT_RU["group_full"]


def test_a_roster_import_still_works_and_needs_no_certificate_number(enrolled_workspace, portal_db, tmp_path):
    """Issue 10 §1: the roster import makes new-child requests; a child another school knows comes
    back «уже есть в реестре» (nothing about it on the PC), the others are created as before."""
    import csv

    from pfdo_desktop.services.roster import guess_mapping, preview, read_table

    ws = enrolled_workspace
    _child_id, number = admin.add_child(portal_db, "Реестрова", "Мила", "Олеговна", BORN,
                                        certificate_status="pf", nominal="10000.00")
    path = tmp_path / "roster.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows([
            ["Фамилия", "Имя", "Отчество", "Дата рождения", "Номер сертификата", "Телефон родителя"],
            ["Списочная", "Ада", "Ивановна", f"{BORN:%d.%m.%Y}", "", "8 912 000-11-22"],
            ["Реестрова", "Мила", "Олеговна", f"{BORN:%d.%m.%Y}", number, ""],
            ["Приезжий", "Лев", "", f"{BORN:%d.%m.%Y}", "7700123456", ""],  # another region's number
        ])
    table = read_table(path)
    rows = ws.mark_existing(preview(table, guess_mapping(table.headers), today=TODAY))
    report = ws.import_roster(rows, TODAY)
    assert report.imported == 3
    sync = ws.sync()
    assert (sync.rejected, _outbox(ws)) == (0, [])
    states = {r.full_name.split()[0]: r.state for r in ws.search_children(f"{BORN:%d.%m.%Y}")
              if r.full_name.split()[0] in ("Списочная", "Реестрова", "Приезжий")}
    assert states == {"Списочная": "", "Реестрова": "registered", "Приезжий": ""}
    assert ws.issues() == []
    registered = next(r for r in ws.search_children("реестрова"))
    assert registered.key.startswith("r:") and registered.child_id is None
