"""«Это другой ребёнок» on the PC (review finding 7): a request the portal answered «уже есть в
реестре» goes again, as a new request with the СНИЛС, and takes the old one's place; what may not be
sent again is refused with a Russian reason. Real portal on a real socket."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from pfdo_desktop.domain.identity import make_snils
from pfdo_desktop.models import Application, ChildRequest, OutboxOp
from pfdo_desktop.services import applications as application_service
from pfdo_desktop.services import children as children_service
from pfdo_desktop.services.errors import NotAllowed, ValidationError
from pfdo_desktop.services.rows import NewChild
from pfdo_portal import admin

BORN = date(date.today().year - 10, 2, 20)
NUMBER = "4718999999"  # a number that is not this child's: the portal refuses the application


def _form(last: str, snils: str = "") -> NewChild:
    return NewChild(last_name=last, first_name="Пётр", middle_name="Иванович", birth_date=BORN, snils=snils,
                    doc_kind="birth_certificate", doc_number="IV-МЮ 654321", guardian_last_name=last + "а",
                    guardian_first_name="Ольга", guardian_middle_name="", guardian_relation="mother",
                    phone="+7 912 000-11-22", email="", certificate_number="")


def _registered(ws, portal_db, last: str, snils: str = "") -> str:
    admin.add_child(portal_db, last, "Пётр", "Иванович", BORN, snils=make_snils(703_000_001),
                    certificate_status="pf", nominal="20000.00")
    uid = ws.request_child(_form(last, snils))
    ws.sync()
    assert ws.child_card(f"r:{uid}").child.state == "registered"
    return uid


def _budget_group(ws, key: str):
    today = date.today()
    for group in application_service.groups_for_application(ws.db):
        check = application_service.precheck(ws.db, key, group.id, max(today, group.date_from), today,
                                             NUMBER)
        if check.registry == "general" and not check.refusals:
            return group, max(today, group.date_from)
    raise AssertionError("no budget group takes the child")


def test_the_request_goes_again_as_a_new_one_and_its_applications_follow(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    uid = _registered(ws, portal_db, "Чужов")
    # An application without the parent's number was refused by the portal (the child is registered).
    group, start = _budget_group(ws, f"r:{uid}")
    app_uid = ws.submit_application(f"r:{uid}", group.id, start, certificate_number=NUMBER)
    ws.sync()
    with ws.db.read() as s:
        assert s.get(Application, app_uid).status == "rejected"

    mine = make_snils(704_000_002)
    new = children_service.resend_request(ws.db, uid, mine.replace("-", "").replace(" ", ""))
    assert new != uid
    with ws.db.read() as s:
        assert s.get(ChildRequest, uid) is None  # the new request takes its place
        req = s.get(ChildRequest, new)
        assert (req.state, req.snils, req.last_name, req.doc_number) == ("pending", mine, "Чужов",
                                                                         "IV-МЮ 654321")
        assert s.get(Application, app_uid).child_request_uid == new
        op = s.scalars(select(OutboxOp).order_by(OutboxOp.id.desc()).limit(1)).one()
        assert (op.kind, op.payload["uid"], op.payload["snils"]) == ("child.create", new, mine)
    assert [r.key for r in ws.search_children("чужов")] == [f"r:{new}"]
    # The portal tells the children apart by the СНИЛС: another child, created for this school.
    ws.sync()
    [row] = ws.search_children("чужов")
    assert row.child_id is not None and row.snils == mine and row.certificate_number
    card = ws.child_card(row.key)
    assert app_uid in [a.uid for a in card.applications]  # the refused application stays in its history


def test_what_cannot_be_sent_again_is_refused_with_a_reason(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    uid = _registered(ws, portal_db, "Чужак")
    db = ws.db
    with pytest.raises(ValidationError, match="Укажите СНИЛС"):
        children_service.resend_request(db, uid, "")
    with pytest.raises(ValidationError, match="онтрольное число"):
        children_service.resend_request(db, uid, "112-233-445 96")
    # A СНИЛС another child on this PC already has.
    known = next(r for r in ws.search_children("") if r.snils and r.child_id is not None)
    with pytest.raises(children_service.DuplicateChild) as refused:
        children_service.resend_request(db, uid, known.snils)
    assert refused.value.key == known.key
    # An application of this request still waiting to be sent.
    group, start = _budget_group(ws, f"r:{uid}")
    ws.submit_application(f"r:{uid}", group.id, start, certificate_number=NUMBER)
    with pytest.raises(NotAllowed, match="отмените неотправленную заявку"):
        children_service.resend_request(db, uid, make_snils(705_000_003))
    # A request still waiting for the portal's answer.
    pending = ws.request_child(_form("Новиков", make_snils(706_000_004)))
    with pytest.raises(NotAllowed):
        children_service.resend_request(db, pending, make_snils(707_000_005))


def test_a_second_new_child_form_for_a_registered_request_points_to_its_card(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    uid = _registered(ws, portal_db, "Чужин")
    with pytest.raises(children_service.DuplicateChild) as refused:
        ws.request_child(_form("Чужин", make_snils(708_000_006)))
    assert refused.value.key == f"r:{uid}"
    assert "если другой — укажите его СНИЛС в карточке" in refused.value.message
