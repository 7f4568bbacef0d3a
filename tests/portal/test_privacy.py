"""Privacy (issue 10 §1, 152-ФЗ): another provider's child is neither readable nor chargeable.

The probe of the issue, step by step over a real socket with two enrolled PCs of two providers:
provider 1 names a child of provider 2 by ФИО + date of birth and gets «ребёнок уже есть в реестре»
with no personal data; nothing about the child reaches its pulls; an application without the
certificate number or with a wrong one reserves nothing and stores nothing; guesses are limited;
the parent's certificate number opens the door, and only then the child's data follow.
Runs on SQLite and, with PFDO_PORTAL_TEST_DB, on PostgreSQL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from enrolment_helpers import (
    START,
    app_create_op,
    child_create_op,
    find_group,
    new_child,
    reserve_of,
    unique_surname,
)
from portal_helpers import TODAY, Device, client_headers
from sqlalchemy import func, select, update

from pfdo_desktop.domain import applications as apps
from pfdo_desktop.domain import privacy
from pfdo_desktop.domain.ages import age_in_months
from pfdo_desktop.domain.identity import make_snils, snils_digits
from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin, db
from pfdo_portal.app import PortalSettings
from pfdo_portal.embedded import EmbeddedPortal
from pfdo_portal.enrolment import applications, shared

MINE, THEIRS = 1, 2  # provider 1 probes a child of provider 2


@dataclass(frozen=True)
class ForeignChild:
    """A child studying with provider 2 only, with a ПФ certificate that has money left."""

    id: int
    last_name: str
    first_name: str
    middle_name: str
    birth_date: date
    snils: str
    doc_number: str
    certificate_id: int
    certificate_number: str
    guardian_ids: tuple[int, ...]
    guardian_phone: str
    group_id: int  # a certified group of provider 1 with a free place that fits the child

    def personal(self) -> list[str]:
        """What must never reach provider 1 before the parent's certificate number does."""
        return [self.snils, self.certificate_number, self.doc_number, self.guardian_phone, self.middle_name]


def _foreign_child(db_url: str) -> ForeignChild:
    engine = db.make_engine(db_url)
    m, g, a, c = db.memberships.c, db.groups.c, db.applications.c, db.certificates.c
    try:
        with engine.connect() as conn:
            in_my_groups = select(m.child_id).join(db.groups, g.id == m.group_id).where(g.provider_id == MINE)
            mine_children = set(conn.execute(in_my_groups).scalars().all())
            applied_to_me = select(a.child_id).where(a.provider_id == MINE)
            mine_children |= set(conn.execute(applied_to_me).scalars().all())
            theirs = (
                conn.execute(
                    select(m.child_id)
                    .join(db.groups, g.id == m.group_id)
                    .where(g.provider_id == THEIRS, m.date_to.is_(None))
                    .order_by(m.child_id)
                )
                .scalars()
                .all()
            )
            my_groups = [
                gi
                for gid in conn.execute(select(g.id).where(g.provider_id == MINE).order_by(g.id)).scalars()
                if (gi := shared.load_group(conn, gid)) is not None
                and gi.certified
                and gi.date_from <= START <= gi.date_to
                and applications.occupied_places(conn, gi.id, START) < gi.capacity
            ]
            for child_id in dict.fromkeys(theirs):
                if child_id in mine_children:
                    continue
                child = shared.load_child(conn, child_id)
                cert = shared.choose_certificate(conn, child_id)
                gc = db.guardians.c
                guardians = conn.execute(
                    select(db.guardians).where(gc.child_id == child_id).order_by(gc.id)
                ).all()
                if cert is None or cert.status != "pf" or shared.free_balance(cert) < 1000:
                    continue
                if not child.snils or not child.middle_name or not guardians:
                    continue
                namesakes = conn.execute(
                    select(func.count())
                    .select_from(db.children)
                    .where(db.children.c.birth_date == child.birth_date, db.children.c.id != child_id,
                           db.children.c.last_name == child.last_name)
                ).scalar_one()
                if namesakes:
                    continue
                age = age_in_months(child.birth_date, START)
                fits = [gi for gi in my_groups if gi.age_from_months <= age <= gi.age_to_months]
                if not fits:
                    continue
                # No other certificate of the child: its only number is the one the parent holds.
                assert conn.execute(select(func.count()).select_from(db.certificates)
                                    .where(c.child_id == child_id)).scalar_one() == 1
                return ForeignChild(
                    child.id, child.last_name, child.first_name, child.middle_name, child.birth_date,
                    child.snils, child.doc_number, cert.id, cert.number,
                    tuple(gd.id for gd in guardians), guardians[0].phone, fits[0].id,
                )
    finally:
        engine.dispose()
    raise AssertionError("the demo district has no child of provider 2 that provider 1 could probe")


def _about(entity: str, row: dict[str, Any], child: ForeignChild) -> bool:
    """Is this pulled row about the child?"""
    if entity == "child":
        return bool(row["id"] == child.id)
    if entity == "guardian":
        return row["child_id"] == child.id or row["id"] in child.guardian_ids
    if entity == "certificate":
        return row["child_id"] == child.id or row["id"] == child.certificate_id
    return entity in ("application", "membership") and row["child_id"] == child.id


def _rows_about(device: Device, child: ForeignChild) -> list[tuple[str, Any]]:
    """Everything about the child in both streams of the device, downloaded from the start."""
    found: list[tuple[str, Any]] = []
    pages, _ = device.pull_all("master")
    for page in pages:
        for entity, changes in page["changes"].items():
            found += [(entity, row["id"]) for row in changes.get("upserts", []) if _about(entity, row, child)]
            if entity == "child" and child.id in changes.get("deletes", []):
                found.append(("child-delete", child.id))
    own, _ = device.pull_all("own")
    for page in own:
        for row in page["changes"].get("mark", {}).get("upserts", []):
            if row["child_id"] == child.id:
                found.append(("mark", row["lesson_date"]))
    return found


def _no_personal_data(result: dict[str, Any], child: ForeignChild) -> None:
    text = json.dumps(result, ensure_ascii=False)
    for value in child.personal():
        assert value not in text, value
    assert f'"child_id": {child.id}' not in text


def _applications_of(db_url: str, child_id: int) -> list[dict]:
    return admin.list_applications(db_url, child_id=child_id)


def _age_guesses(db_url: str, minutes: int) -> None:
    """The sliding window moves on: the recorded wrong guesses are ``minutes`` older."""
    engine = db.make_engine(db_url)
    with db.write_tx(engine) as conn:
        rows = conn.execute(select(db.certificate_guesses.c.id, db.certificate_guesses.c.at)).all()
        for row in rows:
            conn.execute(
                update(db.certificate_guesses)
                .where(db.certificate_guesses.c.id == row.id)
                .values(at=row.at - timedelta(minutes=minutes))
            )
    engine.dispose()


def _guesses(db_url: str) -> int:
    engine = db.make_engine(db_url)
    with engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(db.certificate_guesses)).scalar_one()
    engine.dispose()
    return int(n)


def _wrong_number(child: ForeignChild) -> str:
    """A well-formed number one digit away from the child's (the typo a guesser would try)."""
    last = str((int(child.certificate_number[-1]) + 1) % 10)
    return child.certificate_number[:-1] + last


def _wrong_numbers(child: ForeignChild, n: int) -> list[str]:
    """``n`` well-formed numbers of the region, none of them the child's."""
    numbers = (f"{child.certificate_number[:4]}{k:06d}" for k in range(900_000, 1_000_000))
    return [x for x in numbers if x != child.certificate_number][:n]


def test_the_probe_ends_with_no_foreign_rows_and_no_roubles(device, enrol, db_url):
    assert device.provider_id == MINE
    theirs = enrol(THEIRS)
    child = _foreign_child(db_url)
    reserve_before = reserve_of(db_url, child.certificate_number)
    applications_before = _applications_of(db_url, child.id)
    assert _rows_about(device, child) == []  # the district as seeded: provider 1 never saw the child

    # 1. ФИО + date of birth of the foreign child, a wrong document: «уже есть в реестре», no data.
    create = child_create_op(
        child.last_name, child.birth_date, first_name=child.first_name, middle_name=child.middle_name,
        doc_kind="birth_certificate", doc_number="I-АА № 000001",
    )
    [res] = device.push_ok([create])
    assert res["status"] == "applied", res
    match = p.ChildMatch.model_validate(res["server_record"])
    assert match.outcome == apps.MATCH_REGISTERED
    assert (match.child_id, match.certificate_number, match.candidates) == (None, "", [])
    assert res["message"] == privacy.registered_message(request_has_snils=False)
    assert "номером сертификата" in res["message"]
    _no_personal_data(res, child)
    # The same request again (a lost answer) gets the same answer, still without data.
    [again] = device.push_ok([child_create_op(child.last_name, child.birth_date, uid=create["payload"]["uid"],
                                              first_name=child.first_name, middle_name=child.middle_name)])
    assert again["server_record"] == res["server_record"]

    # 2. Both streams from the start: not a row about the child.
    assert _rows_about(device, child) == []

    # 3. An application for that child into provider 1's own certified group: no number, a wrong one.
    child_uid = create["payload"]["uid"]
    no_number = app_create_op(child.group_id, child_uid=child_uid)
    [refused] = device.push_ok([no_number])
    assert (refused["status"], refused["code"]) == ("rejected", p.R_CERTIFICATE_REQUIRED), refused
    assert refused["server_record"] is None and "номер сертификата" in refused["message"]
    assert "certificate_number" in refused["field_errors"]
    wrong = app_create_op(child.group_id, child_uid=child_uid, certificate_number=_wrong_number(child))
    [refused] = device.push_ok([wrong])
    assert (refused["status"], refused["code"]) == ("rejected", p.R_CERTIFICATE_MISMATCH), refused
    assert refused["server_record"] is None
    assert refused["message"] == (
        "Номер сертификата не совпадает с сертификатом ребёнка в реестре — проверьте номер в заявлении "
        "родителя"
    )
    _no_personal_data(refused, child)
    assert reserve_of(db_url, child.certificate_number) == reserve_before  # 0 roubles reserved
    assert admin.get_application(db_url, no_number["payload"]["uid"]) is None
    assert admin.get_application(db_url, wrong["payload"]["uid"]) is None
    assert _applications_of(db_url, child.id) == applications_before
    assert _rows_about(device, child) == []

    # 4. Guessing: four more wrong numbers are checked and refused; the sixth is not even checked.
    for number in _wrong_numbers(child, 4):
        guess = app_create_op(child.group_id, child_uid=child_uid, certificate_number=number)
        assert device.push_ok([guess])[0]["code"] == p.R_CERTIFICATE_MISMATCH
    assert _guesses(db_url) == privacy.GUESS_LIMIT
    [sixth] = device.push_ok([app_create_op(child.group_id, child_uid=child_uid,
                                            certificate_number=_wrong_number(child))])
    assert (sixth["status"], sixth["code"]) == ("rejected", p.R_TOO_MANY_ATTEMPTS), sixth
    assert "мин." in sixth["message"] and "certificate_number" in sixth["field_errors"]
    # Beyond the limit even the right number is refused without being checked.
    [blocked] = device.push_ok([app_create_op(child.group_id, child_uid=child_uid,
                                              certificate_number=child.certificate_number)])
    assert blocked["code"] == p.R_TOO_MANY_ATTEMPTS
    assert _guesses(db_url) == privacy.GUESS_LIMIT  # refusals without a check are not guesses
    # The limit holds for the provider's other PCs, too.
    second_pc = enrol(MINE)
    [also] = second_pc.push_ok([app_create_op(child.group_id, child_uid=child_uid,
                                              certificate_number=child.certificate_number)])
    assert also["code"] == p.R_TOO_MANY_ATTEMPTS
    assert reserve_of(db_url, child.certificate_number) == reserve_before
    assert _applications_of(db_url, child.id) == applications_before
    assert _rows_about(device, child) == []
    # … but not for another provider.
    [their_own] = theirs.push_ok([
        child_create_op(child.last_name, child.birth_date, first_name=child.first_name,
                        middle_name=child.middle_name)
    ])
    assert (their_own["server_record"]["outcome"], their_own["server_record"]["child_id"]) == (
        apps.MATCH_EXISTING, child.id)

    # 5. An hour later, the parent's number: the portal decides, reserves, and the data follow.
    _age_guesses(db_url, 61)
    right = app_create_op(child.group_id, child_uid=child_uid, certificate_number=child.certificate_number)
    [decided] = device.push_ok([right])
    assert decided["status"] == "applied", decided
    row = decided["server_record"]
    assert (row["status"], row["child_id"]) == (apps.APP_CONFIRMED, child.id)
    assert Decimal(row["certificate_part"]) > 0
    assert reserve_of(db_url, child.certificate_number) == reserve_before + Decimal(row["certificate_part"])
    seen = {entity for entity, _key in _rows_about(device, child)}
    assert {"child", "guardian", "certificate", "application"} <= seen
    # Provider 2 still sees everything, including the new reserve.
    theirs_seen = {entity for entity, _key in _rows_about(theirs, child)}
    assert {"child", "guardian", "certificate", "membership"} <= theirs_seen


def test_the_guess_limit_is_kept_in_the_database_for_every_portal_process(device, db_url):
    child = _foreign_child(db_url)
    create = child_create_op(child.last_name, child.birth_date, first_name=child.first_name,
                             middle_name=child.middle_name)
    assert device.push_ok([create])[0]["server_record"]["outcome"] == apps.MATCH_REGISTERED
    child_uid = create["payload"]["uid"]
    for number in _wrong_numbers(child, privacy.GUESS_LIMIT):
        guess = app_create_op(child.group_id, child_uid=child_uid, certificate_number=number)
        assert device.push_ok([guess])[0]["code"] == p.R_CERTIFICATE_MISMATCH
    # Another portal process on the same database knows the guesses.
    import httpx

    with EmbeddedPortal(db_url, settings=PortalSettings(today=TODAY)) as other_process, httpx.Client(
        base_url=other_process.url + p.API_PREFIX, headers=client_headers(device.token), timeout=30
    ) as c:
        again = Device(c, device.device_id, device.token, device.provider_id)
        [res] = again.push_ok([app_create_op(child.group_id, child_uid=child_uid,
                                             certificate_number=child.certificate_number)])
    assert res["code"] == p.R_TOO_MANY_ATTEMPTS
    # After the window only the guesses older than it stop counting.
    _age_guesses(db_url, 59)
    [res] = device.push_ok([app_create_op(child.group_id, child_uid=child_uid,
                                          certificate_number=child.certificate_number)])
    assert res["code"] == p.R_TOO_MANY_ATTEMPTS
    _age_guesses(db_url, 2)
    [res] = device.push_ok([app_create_op(child.group_id, child_uid=child_uid,
                                          certificate_number=child.certificate_number)])
    assert res["status"] == "applied" and res["server_record"]["child_id"] == child.id


def test_an_ambiguous_match_shows_only_children_the_provider_is_linked_to(device, db_url):
    surname, born = unique_surname(), date(2014, 5, 5)
    [made] = device.push_ok([child_create_op(surname, born, snils="112-233-445 95")])
    mine = made["server_record"]["child_id"]
    stranger, stranger_number = admin.add_child(db_url, surname, "Иван", "Петрович", born)
    [res] = device.push_ok([child_create_op(surname, born)])
    assert res["status"] == "conflict" and res["server_record"]["outcome"] == apps.MATCH_AMBIGUOUS
    assert [c["child_id"] for c in res["server_record"]["candidates"]] == [mine]
    assert stranger_number not in json.dumps(res) and f'"child_id": {stranger}' not in json.dumps(res)
    # Only unlinked children match: «уже есть в реестре», nothing about any of them.
    other_surname = unique_surname()
    first, n1 = admin.add_child(db_url, other_surname, "Иван", "Петрович", born)
    second, n2 = admin.add_child(db_url, other_surname, "Иван", "Петрович", born)
    [res] = device.push_ok([child_create_op(other_surname, born)])
    assert res["status"] == "applied" and res["server_record"]["outcome"] == apps.MATCH_REGISTERED
    assert res["server_record"]["candidates"] == [] and res["server_record"]["child_id"] is None
    text = json.dumps(res)
    assert n1 not in text and n2 not in text
    # A choice of an unlinked child is refused like any child not offered.
    [chosen] = device.push_ok([{"op_id": p.new_op_id(), "kind": p.OP_CHILD_RESOLVE,
                                "payload": {"uid": res["server_record"]["uid"], "child_id": first}}])
    assert chosen["status"] == "rejected" and f'"child_id": {first}' not in json.dumps(chosen)
    assert chosen["server_record"]["outcome"] == apps.MATCH_REGISTERED
    assert "номером сертификата" in chosen["message"]
    # The parent's number picks the right one of the namesakes.
    group = find_group(db_url, device.provider_id, certified=False, born=born)
    [applied] = device.push_ok([app_create_op(group.id, child_uid=res["server_record"]["uid"],
                                              certificate_number=n2)])
    assert applied["status"] == "applied" and applied["server_record"]["child_id"] == second


def test_a_certificate_number_in_a_new_child_request_never_reveals_another_child(device, db_url):
    child = _foreign_child(db_url)
    [res] = device.push_ok([child_create_op(unique_surname(), date(2015, 2, 2),
                                            certificate_number=child.certificate_number)])
    # Not the foreign child (another name): a new child with a new number, and a wrong guess counted.
    match = res["server_record"]
    assert match["outcome"] == apps.MATCH_CREATED and match["child_id"] != child.id
    assert match["certificate_number"] != child.certificate_number
    _no_personal_data(res, child)
    assert _guesses(db_url) == 1
    # The foreign child's own name with its number: still only «уже есть в реестре».
    [res] = device.push_ok([child_create_op(child.last_name, child.birth_date, first_name=child.first_name,
                                            middle_name=child.middle_name,
                                            certificate_number=child.certificate_number)])
    assert res["server_record"]["outcome"] == apps.MATCH_REGISTERED
    _no_personal_data(res, child)
    assert _rows_about(device, child) == []
    assert _guesses(db_url) == 1


def test_the_certificate_number_on_programmes_of_a_linked_child(device, db_url):
    certified = find_group(db_url, device.provider_id, certified=True)
    child, number = new_child(device, db_url, certified.birth_date_for(), pf_balance="9000.00")
    # A certified programme: the number from the parent's application is required …
    [res] = device.push_ok([app_create_op(certified.id, child_id=child)])
    assert (res["code"], res["server_record"]) == (p.R_CERTIFICATE_REQUIRED, None)
    assert "заявлени" in res["message"] and reserve_of(db_url, number) == 0
    # … and must be the child's.
    other_number = admin.add_child(db_url, unique_surname(), "Иван", "Петрович", date(2015, 1, 1))[1]
    [res] = device.push_ok([app_create_op(certified.id, child_id=child, certificate_number=other_number)])
    assert res["code"] == p.R_CERTIFICATE_MISMATCH and reserve_of(db_url, number) == 0
    assert admin.list_applications(db_url, child_id=child) == []
    [res] = device.push_ok([app_create_op(certified.id, child_id=child, certificate_number=number)])
    assert res["status"] == "applied" and reserve_of(db_url, number) > 0
    # A budget programme: optional, but when given it must match.
    budget = find_group(db_url, device.provider_id, certified=False, born=certified.birth_date_for())
    [res] = device.push_ok([app_create_op(budget.id, child_id=child, certificate_number=other_number)])
    assert res["code"] == p.R_CERTIFICATE_MISMATCH
    [res] = device.push_ok([app_create_op(budget.id, child_id=child)])
    assert res["status"] == "applied", res
    # A malformed number is a mistake of the form, not a guess.
    guesses = _guesses(db_url)
    [res] = device.push_ok([app_create_op(certified.id, child_id=child, certificate_number="12345")])
    assert res["code"] == p.R_INVALID and "certificate_number" in res["field_errors"]
    assert _guesses(db_url) == guesses == 2


def test_a_parents_online_application_needs_no_number(device, db_url):
    child = _foreign_child(db_url)
    # The parent applies on the portal to provider 1: that application is the link.
    online = admin.apply_online(db_url, child.id, child.group_id, START, today=TODAY)
    assert {"child", "guardian", "certificate", "application"} <= {e for e, _k in _rows_about(device, child)}
    confirm = {"op_id": p.new_op_id(), "kind": p.OP_APP_CONFIRM, "payload": {"uid": online["id"]}}
    [res] = device.push_ok([confirm])
    assert res["status"] == "applied" and res["server_record"]["status"] == apps.APP_CONFIRMED
    assert reserve_of(db_url, child.certificate_number) > 0


# --- «это другой ребёнок»: a СНИЛС tells namesakes apart (review finding 7, privacy rule 2b) --------


def _free_snils(db_url: str, start: int = 700_000_001) -> str:
    """A valid СНИЛС nobody in the registry has."""
    engine = db.make_engine(db_url)
    with engine.connect() as conn:
        used = {snils_digits(s) for s in conn.execute(select(db.children.c.snils)).scalars()}
    engine.dispose()
    n = start
    while snils_digits(make_snils(n)) in used:
        n += 1
    return make_snils(n)


def _requests_of(db_url: str, provider_id: int) -> int:
    engine = db.make_engine(db_url)
    with engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(db.child_requests)
                         .where(db.child_requests.c.provider_id == provider_id)).scalar_one()
    engine.dispose()
    return int(n)


def _same_name(child: ForeignChild, **extra: Any) -> dict[str, Any]:
    return child_create_op(child.last_name, child.birth_date, first_name=child.first_name,
                           middle_name=child.middle_name, **extra)


def _shape(res: dict[str, Any]) -> tuple[Any, ...]:
    """What a «registered» answer tells, without the request's own uid."""
    record = dict(res["server_record"])
    record.pop("uid")
    return res["status"], res["code"], res["message"], res["field_errors"], record


def test_another_child_with_a_registered_childs_name_and_birth_date_is_told_apart_by_snils(device, db_url):
    child = _foreign_child(db_url)
    # No СНИЛС: «уже есть в реестре», and the answer says how to register another child.
    [bare] = device.push_ok([_same_name(child)])
    assert bare["server_record"]["outcome"] == apps.MATCH_REGISTERED
    assert bare["message"] == privacy.registered_message(request_has_snils=False)
    assert "укажите его СНИЛС" in bare["message"] and "номером сертификата" in bare["message"]
    _no_personal_data(bare, child)
    # The registry child's own СНИЛС: «registered» again, and nothing beyond it.
    [same] = device.push_ok([_same_name(child, snils=child.snils)])
    assert same["server_record"]["outcome"] == apps.MATCH_REGISTERED
    assert same["message"] == privacy.registered_message(request_has_snils=True)
    _no_personal_data(same, child)
    # Another valid СНИЛС: another child — created, with its own record and certificate number.
    [other] = device.push_ok([_same_name(child, snils=_free_snils(db_url))])
    assert other["status"] == "applied", other
    match = other["server_record"]
    assert match["outcome"] == apps.MATCH_CREATED and match["child_id"] not in (None, child.id)
    assert match["certificate_number"] and match["certificate_number"] != child.certificate_number
    _no_personal_data(other, child)
    assert _rows_about(device, child) == []
    assert _guesses(db_url) == 0  # a СНИЛС is not a certificate guess
    # The new child is this provider's: an application for it goes through (its сертификат учёта
    # number came back with the answer).
    budget = find_group(db_url, device.provider_id, certified=False, born=child.birth_date)
    [applied] = device.push_ok([app_create_op(budget.id, child_uid=match["uid"])])
    assert applied["status"] == "applied" and applied["server_record"]["child_id"] == match["child_id"]
    assert _rows_about(device, child) == []


def test_a_registry_child_without_a_snils_answers_like_one_with_the_requests_snils(device, db_url):
    surname, born = unique_surname(), date(2015, 3, 3)
    known_snils = _free_snils(db_url)
    admin.add_child(db_url, surname, "Иван", "Петрович", born, snils=known_snils)
    other_surname = unique_surname()
    admin.add_child(db_url, other_surname, "Иван", "Петрович", born)  # no СНИЛС in the registry
    [equal] = device.push_ok([child_create_op(surname, born, snils=known_snils)])
    [none] = device.push_ok([child_create_op(other_surname, born, snils=_free_snils(db_url, 710_000_001))])
    # Neither «its СНИЛС is this one» nor «it has none» can be read from the answers.
    assert equal["server_record"]["outcome"] == apps.MATCH_REGISTERED
    assert _shape(equal) == _shape(none)
    assert "уполномоченную организацию" in none["message"]


def test_telling_namesakes_apart_by_snils_is_limited_and_never_becomes_an_oracle(device, db_url):
    born = date(2014, 4, 4)
    namesakes = []
    for k in range(privacy.NAMESAKE_LIMIT + 1):
        surname, snils = unique_surname(), _free_snils(db_url, 720_000_001 + k * 1000)
        admin.add_child(db_url, surname, "Иван", "Петрович", born, snils=snils)
        namesakes.append((surname, snils))
    for k, (surname, _snils) in enumerate(namesakes[:-1]):
        [res] = device.push_ok([child_create_op(surname, born, snils=_free_snils(db_url, 730_000_001 + k))])
        assert res["server_record"]["outcome"] == apps.MATCH_CREATED, res
    requests = _requests_of(db_url, device.provider_id)
    # Beyond the limit the portal does not tell namesakes apart: a different СНИЛС and the registry
    # child's own СНИЛС get the same refusal, and nothing is stored.
    surname, snils = namesakes[-1]
    [different] = device.push_ok([child_create_op(surname, born, snils=_free_snils(db_url, 740_000_001))])
    [equal] = device.push_ok([child_create_op(surname, born, snils=snils)])
    for res in (different, equal):
        assert (res["status"], res["code"]) == ("rejected", privacy.R_TOO_MANY_NAMESAKES), res
        assert res["server_record"] is None and "мин." in res["message"] and "snils" in res["field_errors"]
    assert different["message"] == equal["message"]
    assert _requests_of(db_url, device.provider_id) == requests
    # Without a СНИЛС nothing is told apart: «уже есть в реестре» as always; a child with no namesake
    # is created as always; certificate numbers are not affected.
    [bare] = device.push_ok([child_create_op(surname, born)])
    assert bare["server_record"]["outcome"] == apps.MATCH_REGISTERED
    fresh_op = child_create_op(unique_surname(), born, snils=_free_snils(db_url, 750_000_001))
    [fresh] = device.push_ok([fresh_op])
    assert fresh["server_record"]["outcome"] == apps.MATCH_CREATED
    assert _guesses(db_url) == 0
    # An hour later the portal tells them apart again.
    _age_namesake_checks(db_url, 61)
    [again] = device.push_ok([child_create_op(surname, born, snils=_free_snils(db_url, 740_000_001))])
    assert again["server_record"]["outcome"] == apps.MATCH_CREATED


def test_a_linked_namesake_stays_a_candidate_and_an_unlinked_one_is_told_apart(device, db_url):
    surname, born = unique_surname(), date(2013, 9, 9)
    [made] = device.push_ok([child_create_op(surname, born, snils=_free_snils(db_url, 760_000_001))])
    mine = made["server_record"]["child_id"]
    stranger, number = admin.add_child(db_url, surname, "Иван", "Петрович", born,
                                       snils=_free_snils(db_url, 770_000_001))
    [res] = device.push_ok([child_create_op(surname, born, snils=_free_snils(db_url, 780_000_001))])
    assert res["status"] == "conflict" and res["server_record"]["outcome"] == apps.MATCH_AMBIGUOUS
    assert [c["child_id"] for c in res["server_record"]["candidates"]] == [mine]
    assert number not in json.dumps(res) and f'"child_id": {stranger}' not in json.dumps(res)


def test_choosing_on_a_registered_request_points_to_the_snils_and_the_certificate(device, db_url):
    child = _foreign_child(db_url)
    [res] = device.push_ok([_same_name(child)])
    resolve = {"op_id": p.new_op_id(), "kind": p.OP_CHILD_RESOLVE,
               "payload": {"uid": res["server_record"]["uid"], "child_id": None}}
    [chosen] = device.push_ok([resolve])
    assert (chosen["status"], chosen["code"]) == ("rejected", p.R_INVALID)
    assert "СНИЛС" in chosen["message"] and "номером сертификата" in chosen["message"]
    _no_personal_data(chosen, child)


def _age_namesake_checks(db_url: str, minutes: int) -> None:
    engine = db.make_engine(db_url)
    table = db.snils_distinctions
    with db.write_tx(engine) as conn:
        for row in conn.execute(select(table.c.id, table.c.at)).all():
            earlier = row.at - timedelta(minutes=minutes)
            conn.execute(update(table).where(table.c.id == row.id).values(at=earlier))
    engine.dispose()
