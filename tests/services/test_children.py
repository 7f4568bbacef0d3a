"""Children: search as you type, the card, «Новый ребёнок» (validation, duplicates, the queued op)."""

from __future__ import annotations

from datetime import date

import pytest
from enrolment_data import TODAY, new_child
from sqlalchemy import func, select

from pfdo_desktop.domain.identity import make_snils
from pfdo_desktop.models import REQUEST_AMBIGUOUS, ChildRequest, OutboxOp
from pfdo_desktop.services import NotAllowed, ValidationError
from pfdo_desktop.services.children import DuplicateChild


def _names(rows) -> list[tuple[str, date]]:
    return [(r.full_name, r.birth_date) for r in rows]


IVANOV = ("Иванов Иван Иванович", date(2015, 3, 12))
NAMESAKE = ("Иванов Иван Иванович", date(2016, 9, 1))
ARTEM = ("Ёлкин Артём Фёдорович", date(2014, 5, 5))
CORSAKOV = ("Римский-Корсаков Николай", date(2013, 3, 18))


@pytest.mark.parametrize("query,expected", [
    ("", [ARTEM, IVANOV, NAMESAKE, CORSAKOV]),  # by ФИО («ё» sorts as «е»), then date of birth
    ("ив", [IVANOV, NAMESAKE]),
    ("ИВАНОВ иван", [IVANOV, NAMESAKE]),
    ("иванович", [IVANOV, NAMESAKE]),  # any word of ФИО
    ("ван", []),  # the start of a word, not the middle
    ("елкин", [ARTEM]),  # «е» finds «Ё»
    ("Ёлк артем", [ARTEM]),  # and «ё» finds «е» (stored as «е»)
    ("корс", [CORSAKOV]),  # a word after a hyphen
    ("римский-к", [CORSAKOV]),
    ("иванов 2015", [IVANOV]),  # every token must match; a year
    ("12.03.2015", [IVANOV]),
    ("12.03", [IVANOV]),
    ("12.03.15", [IVANOV]),  # two-digit year
    ("12.03.20", [IVANOV]),  # the year typed so far
    ("18.3", [CORSAKOV]),  # a one-digit month
    ("2015-03-12", [IVANOV]),
    ("01.01", []),
    ("5201000003", [ARTEM]),  # the certificate number
    ("520100000", [ARTEM, IVANOV, NAMESAKE]),  # its start
    ("2233", [IVANOV]),  # СНИЛС digits anywhere (112-233-445 95)
    ("112-233", [IVANOV]),  # typed with the hyphen
    ("44595", [IVANOV]),
    ("%", []),  # LIKE wildcards are plain characters
    ("_", []),
])
def test_search(workspace, reg, query, expected):
    assert _names(workspace.search_children(query)) == expected


def test_namesakes_are_counted_and_shown_with_what_tells_them_apart(workspace, reg):
    rows = workspace.search_children("иванов")
    assert [r.namesakes for r in rows] == [1, 1]
    assert [r.certificate_number for r in rows] == ["5201000001", "5201000002"]
    assert [r.certificate_status for r in rows] == ["pf", "uchet"]
    assert rows[0].snils == "112-233-445 95" and rows[0].key == f"c:{reg.ivanov}"
    assert workspace.search_children("елкин")[0].namesakes == 0


def test_limit(workspace, reg):
    assert _names(workspace.search_children("", limit=2)) == [ARTEM, IVANOV]


def test_requests_are_listed_with_their_state(workspace, reg):
    uid = workspace.request_child(new_child(last_name="Иванов", first_name="Иван", middle_name="Иванович",
                                            birth_date=date(2017, 1, 2)), TODAY)
    rows = workspace.search_children("иванов")
    assert _names(rows) == [IVANOV, NAMESAKE, ("Иванов Иван Иванович", date(2017, 1, 2))]
    request = rows[-1]
    assert (request.key, request.request_uid, request.child_id, request.state) == (f"r:{uid}", uid, None,
                                                                                  "pending")
    assert [r.namesakes for r in rows] == [2, 2, 2]
    assert _names(workspace.search_children("02.01.2017")) == [("Иванов Иван Иванович", date(2017, 1, 2))]


def test_child_card(workspace, reg):
    card = workspace.child_card(f"c:{reg.ivanov}")
    assert (card.last_name, card.first_name, card.middle_name) == ("Иванов", "Иван", "Иванович")
    assert card.child.namesakes == 1
    assert [g.full_name for g in card.guardians] == ["Иванова Мария Петровна"]
    assert card.certificate is not None and card.certificate.number == "5201000001"
    assert card.certificate.as_of is None  # never synced
    assert card.applications == () and card.memberships == ()
    other = workspace.child_card(f"c:{reg.corsakov}")
    assert other.certificate is None
    assert [(m[0], m[1], m[2], m[3]) for m in other.memberships] == [
        ("Рисунок-1", date(2025, 9, 1), None, "active")]


def test_card_of_a_request_and_its_application(workspace, reg):
    uid = workspace.request_child(new_child(), TODAY)
    app = workspace.submit_application(f"r:{uid}", reg.budget_group, date(2025, 12, 1), TODAY)
    card = workspace.child_card(f"r:{uid}")
    assert card.child.state == "pending" and card.certificate is None
    assert "ожидает отправки: новый ребёнок" in card.message
    assert [g.full_name for g in card.guardians] == ["Сидорова Ольга"]
    assert [a.uid for a in card.applications] == [app]
    (pending,) = card.history[app]
    assert pending.pending and pending.note == "ожидает отправки: подача заявки"


def test_unknown_key(workspace, reg):
    from pfdo_desktop.services import NotFound

    for key in ("c:999", "r:nope", "x:1", ""):
        with pytest.raises(NotFound):
            workspace.child_card(key)


# --- validation ----------------------------------------------------------------------------------


@pytest.mark.parametrize("changes,field,fragment", [
    ({"last_name": ""}, "last_name", "Заполните поле «Фамилия»"),
    ({"last_name": "Smith"}, "last_name", "латинские"),
    ({"first_name": "Ив4н"}, "first_name", "цифры не допускаются"),
    ({"middle_name": "Ivanovich"}, "middle_name", "латинские"),
    ({"birth_date": None}, "birth_date", "Укажите дату рождения"),
    ({"birth_date": date(2022, 1, 1)}, "birth_date", "меньше 5 лет"),
    ({"birth_date": date(2007, 1, 1)}, "birth_date", "до достижения 18"),
    ({"birth_date": date(2026, 1, 1)}, "birth_date", "позже"),
    ({"snils": "123"}, "snils", "СНИЛС должен содержать 11 цифр"),
    ({"snils": "112-233-445 96"}, "snils", "Контрольное число СНИЛС не сходится"),
    ({"doc_kind": ""}, "doc_kind", "Выберите документ"),
    ({"doc_kind": "diploma"}, "doc_kind", "Неизвестный вид документа"),
    ({"doc_number": " "}, "doc_number", "Укажите серию и номер документа"),
    ({"doc_number": "123"}, "doc_number", "IV-МЮ 123456"),
    ({"doc_kind": "passport", "doc_number": "45 10 12345", "birth_date": date(2010, 1, 1)}, "doc_number",
     "10 цифр"),
    ({"certificate_number": "123"}, "certificate_number", "ровно 10 цифр"),
    ({"guardian_last_name": "", "guardian_first_name": ""}, "guardian_last_name", "меньше 14 лет"),
    ({"guardian_first_name": ""}, "guardian_first_name", "Заполните поле «Имя представителя»"),
    ({"guardian_relation": "aunt"}, "guardian_relation", "из списка"),
    ({"phone": ""}, "phone", "Укажите телефон"),
    ({"phone": "12345"}, "phone", "нужно 11"),
    ({"email": "ivanova@mail"}, "email", "домен"),
])
def test_each_bad_field_has_its_message(workspace, changes, field, fragment):
    errors = workspace.validate_new_child(new_child(**changes), TODAY)
    assert list(errors) == [field], errors
    assert fragment in errors[field]


def test_a_good_form_has_no_errors_and_14_year_olds_need_no_guardian(workspace):
    assert workspace.validate_new_child(new_child(), TODAY) == {}
    teen = new_child(birth_date=date(2011, 1, 1), guardian_last_name="", guardian_first_name="", phone="",
                     doc_kind="passport", doc_number="4510 123456", snils=make_snils(200300400))
    assert workspace.validate_new_child(teen, TODAY) == {}


def test_request_child_raises_for_the_first_bad_field_and_writes_nothing(workspace, reg):
    with pytest.raises(ValidationError) as caught:
        workspace.request_child(new_child(first_name="", snils="1"), TODAY)
    assert caught.value.field == "first_name"
    with workspace.db.read() as s:
        assert s.scalar(select(func.count()).select_from(ChildRequest)) == 0
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == 0


def test_request_child_writes_the_request_and_one_child_create(workspace, reg):
    snils = make_snils(200300400)
    form = new_child(last_name="  Сидорова ", snils="20030040048", phone="8 912 345 67 89",
                     certificate_number="52-01-123456")
    uid = workspace.request_child(form, TODAY)
    with workspace.db.read() as s:
        req = s.get(ChildRequest, uid)
        assert (req.last_name, req.snils, req.phone, req.state) == ("Сидорова", snils, "+79123456789",
                                                                     "pending")
        (op,) = s.scalars(select(OutboxOp)).all()
    assert (op.kind, op.entity_key) == ("child.create", f"child_request:{uid}")
    assert op.payload["certificate_number"] == "5201123456"
    assert op.payload["guardian"] == {"last_name": "Сидорова", "first_name": "Ольга", "middle_name": "",
                                      "relation": "mother", "phone": "+79123456789", "email": ""}
    assert op.payload["birth_date"] == "2016-04-01" and op.payload["request_certificate"] is True
    from pfdo_desktop.sync.protocol import ChildCreatePayload

    ChildCreatePayload.model_validate(op.payload)  # the wire schema accepts it


def _fio(last: str, first: str, middle: str, born: date) -> dict:
    return {"last_name": last, "first_name": first, "middle_name": middle, "birth_date": born}


@pytest.mark.parametrize("changes,expected_key", [
    (_fio("Иванов", "Иван", "Иванович", date(2015, 3, 12)), "c:1"),
    (_fio("ИВАНОВ", "иван", "ИВАНОВИЧ", date(2015, 3, 12)), "c:1"),
    (_fio("Елкин", "Артем", "Федорович", date(2014, 5, 5)), "c:3"),
    ({"snils": "112 233 445 95"}, "c:1"),
    ({"certificate_number": "5201000003"}, "c:3"),
])
def test_a_known_child_is_not_requested_again(workspace, reg, changes, expected_key):
    with pytest.raises(DuplicateChild) as caught:
        workspace.request_child(new_child(**changes), TODAY)
    assert caught.value.key == expected_key
    assert "уже есть" in caught.value.message and "карточку" in caught.value.message
    assert isinstance(caught.value, NotAllowed)


def test_a_namesake_with_another_birth_date_is_a_new_child(workspace, reg):
    uid = workspace.request_child(new_child(last_name="Иванов", first_name="Иван", middle_name="Иванович",
                                            birth_date=date(2015, 3, 13)), TODAY)
    rows = workspace.search_children("иванов 2015")
    assert [(r.key, r.birth_date, r.state, r.namesakes) for r in rows] == [
        (f"c:{reg.ivanov}", date(2015, 3, 12), "", 2), (f"r:{uid}", date(2015, 3, 13), "pending", 2)]
    with workspace.db.read() as s:
        (op,) = s.scalars(select(OutboxOp)).all()
    assert (op.kind, op.entity_key) == ("child.create", f"child_request:{uid}")
    assert (op.payload["last_name"], op.payload["birth_date"]) == ("Иванов", "2015-03-13")


def test_the_same_request_twice_is_a_duplicate(workspace, reg):
    uid = workspace.request_child(new_child(), TODAY)
    with pytest.raises(DuplicateChild) as caught:
        workspace.request_child(new_child(), TODAY)
    assert caught.value.key == f"r:{uid}"


def _make_ambiguous(ws, uid, candidates):
    with ws.db.write() as s:
        s.query(OutboxOp).delete()
        req = s.get(ChildRequest, uid)
        req.state, req.candidates = REQUEST_AMBIGUOUS, candidates


def test_resolve_an_ambiguous_request(workspace, reg):
    uid = workspace.request_child(new_child(), TODAY)
    with pytest.raises(NotAllowed, match="только когда портал нашёл несколько"):
        workspace.resolve_request(uid, None)
    _make_ambiguous(workspace, uid, [
        {"child_id": 41, "last_name": "Сидорова", "first_name": "Алёна", "middle_name": "Петровна",
         "birth_date": "2016-04-01", "snils_tail": "4595", "certificate_number": "5201000041"},
        {"child_id": 42, "last_name": "Сидорова", "first_name": "Алёна", "middle_name": "Петровна",
         "birth_date": "2016-04-01", "snils_tail": "", "certificate_number": "5201000042"}])
    card = workspace.child_card(f"r:{uid}")
    assert card.child.state == "ambiguous" and "несколько похожих" in card.message
    assert [(c.key, c.certificate_number, c.snils) for c in card.candidates] == [
        ("c:41", "5201000041", "***-***-*45 95"), ("c:42", "5201000042", "")]
    with pytest.raises(NotAllowed, match="выберите нужного"):
        workspace.submit_application(f"r:{uid}", reg.budget_group, date(2025, 12, 1), TODAY)
    with pytest.raises(ValidationError) as caught:
        workspace.resolve_request(uid, 99)
    assert caught.value.field == "child_id"
    workspace.resolve_request(uid, 42)
    with workspace.db.read() as s:
        (op,) = s.scalars(select(OutboxOp)).all()
        # The state is the portal's: still «ambiguous» until it answers; the choice waits in the outbox.
        assert s.get(ChildRequest, uid).state == "ambiguous"
    assert (op.kind, op.payload) == ("child.resolve", {"uid": uid, "child_id": 42})
    (row,) = workspace.search_children("сидорова")
    assert (row.state, row.pending_action) == ("ambiguous", "child.resolve")
    card = workspace.child_card(f"r:{uid}")
    assert card.pending_action == "child.resolve"
    assert card.message.endswith("Сейчас: ожидает отправки: выбор ребёнка.")
    with pytest.raises(NotAllowed, match="ждёт ответа портала"):
        workspace.resolve_request(uid, None)  # one choice at a time
    # A choice waiting to be sent goes out before an application: the application may be made.
    workspace.submit_application(f"r:{uid}", reg.budget_group, date(2025, 12, 1), TODAY)


def test_candidates_that_cannot_be_chosen_are_left_out(workspace, reg):
    """Stored candidates from a bad answer (no whole-number child id) neither crash the card nor
    can be chosen."""
    uid = workspace.request_child(new_child(), TODAY)
    _make_ambiguous(workspace, uid, [{"child_id": "x"}, {"child_id": None}, "junk", {"child_id": -3},
                                     {"child_id": 41, "last_name": "Сидорова", "first_name": "Алёна",
                                      "birth_date": "not a date"}])
    card = workspace.child_card(f"r:{uid}")
    assert [c.child_id for c in card.candidates] == [41]
    with pytest.raises(ValidationError):
        workspace.resolve_request(uid, 0)
    workspace.resolve_request(uid, 41)
    with workspace.db.read() as s:
        assert s.scalars(select(OutboxOp.payload)).one() == {"uid": uid, "child_id": 41}


def test_resolve_as_a_new_child(workspace, reg):
    uid = workspace.request_child(new_child(), TODAY)
    _make_ambiguous(workspace, uid, [{"child_id": 41, "last_name": "Сидорова", "first_name": "Алёна",
                                      "birth_date": "2016-04-01"}])
    workspace.resolve_request(uid, None)
    with workspace.db.read() as s:
        assert s.scalars(select(OutboxOp.payload)).one() == {"uid": uid, "child_id": None}
