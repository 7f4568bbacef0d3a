"""Programme cards through moderation and groups with schedules (issue 4), over real HTTP."""

from __future__ import annotations

from typing import Any

from enrolment_helpers import op
from portal_helpers import Device
from sqlalchemy import inspect, select, text

from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin, db
from pfdo_portal.cli import main


def card(**over: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": "Робототехника для начинающих",
        "short_name": "Робототехника",
        "annotation": "Конструируем и программируем роботов.",
        "direction": "technical",
        "kind": "general",
        "form": "full_time",
        "level": "start",
        "registry": "certified",
        "age_from_months": 7 * 12,
        "age_to_months": 12 * 12 - 1,
        "duration_weeks": 36,
        "ovz": ["speech", "zpr"],
        "medical_certificate": True,
        "addresses": ["ул. Ленина, 1"],
        "teachers": ["Иванов Иван Иванович"],
        "modules": [module()],
    }
    out.update(over)
    return out


def module(**over: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": "1-й год обучения", "hours": 72, "min_children": 8, "max_children": 15,
        "price": "10000.00", "normative_price": "10000.00",
    }
    out.update(over)
    return out


def submit_op(c: dict[str, Any], *, program_id: int | None = None, base_revision: int = 0,
              uid: str | None = None) -> dict[str, Any]:
    return op(p.OP_PROGRAM_SUBMIT, uid=uid or p.new_uid(), program_id=program_id,
              base_revision=base_revision, card=c)


def group(module_id: int | None, **over: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "module_id": module_id, "name": "Робо 1А", "date_from": "2025-09-01", "date_to": "2026-05-31",
        "capacity": 12, "teacher": "Иванов И. И.",
        "slots": [{"weekday": 2, "time_from": "15:00", "time_to": "15:45", "room": "каб. 12"}],
    }
    out.update(over)
    return out


def group_op(g: dict[str, Any], uid: str | None = None) -> dict[str, Any]:
    return op(p.OP_GROUP_SAVE, uid=uid or p.new_uid(), group=g)


def master(device: Device, cursor: str = "") -> tuple[dict[str, dict[str, list]], str]:
    """Every master change since ``cursor``: entity → {"upserts": [...], "deletes": [...]}."""
    pages, cursor = device.pull_all("master", cursor)
    out: dict[str, dict[str, list]] = {}
    for page in pages:
        for entity, ch in page["changes"].items():
            slot = out.setdefault(entity, {"upserts": [], "deletes": []})
            slot["upserts"] += ch["upserts"]
            slot["deletes"] += ch["deletes"]
    return out, cursor


def one(results: list[dict[str, Any]]) -> dict[str, Any]:
    assert len(results) == 1
    return results[0]


def own_program(db_url: str, provider_id: int) -> dict[str, Any]:
    engine = db.make_engine(db_url)
    with engine.connect() as conn:
        pid = conn.execute(
            select(db.programs.c.id)
            .where(db.programs.c.provider_id == provider_id)
            .order_by(db.programs.c.id)
        ).scalar()
    engine.dispose()
    program = admin.get_program(db_url, pid)
    assert program is not None
    return program


def card_of(program: dict[str, Any], **over: Any) -> dict[str, Any]:
    """A valid card for an existing programme (its modules by id)."""
    mods = [module(id=m["id"], name=m["name"], hours=m["hours"], min_children=m["min_children"],
                   max_children=m["max_children"], price=m["price"],
                   normative_price=m["normative_price"]) for m in program["modules"]]
    fields: dict[str, Any] = {"name": program["name"], "direction": program["direction"],
                              "registry": program["registry"], "modules": mods}
    return card(**{**fields, **over})


def other_provider(seeded, provider_id: int) -> int:
    return next(pid for pid, _ in seeded.providers if pid != provider_id)


# --- the moderation round trip ------------------------------------------------------------------


def test_new_card_goes_through_moderation_and_comes_back_published(device, db_url):
    _, cursor = master(device)
    uid = p.new_uid()
    res = one(device.push_ok([submit_op(card(modules=[module(), module(name="2-й год обучения")]),
                                        uid=uid)]))
    assert res["status"] == "applied", res
    rec = res["server_record"]
    assert rec["status"] == "moderation" and rec["revision"] == 0 and rec["uid"] == uid
    program_id = rec["program_id"]

    changes, cursor = master(device, cursor)
    [row] = changes["program"]["upserts"]
    assert (row["id"], row["status"], row["provider_id"]) == (program_id, "moderation", device.provider_id)
    assert row["ovz"] == ["speech", "zpr"] and row["medical_certificate"] is True
    assert row["addresses"] == ["ул. Ленина, 1"] and row["teachers"] == ["Иванов Иван Иванович"]
    assert "module" not in changes  # modules come with the publication

    [waiting] = admin.moderation_queue(db_url)
    assert waiting["program_id"] == program_id and waiting["new"] and waiting["modules"] == 2

    published = admin.approve_program(db_url, program_id)
    assert published["status"] == "published" and published["revision"] == 1
    assert admin.moderation_queue(db_url) == []

    changes, cursor = master(device, cursor)
    [row] = changes["program"]["upserts"]
    assert (row["status"], row["revision"], row["moderation_comment"]) == ("published", 1, "")
    assert row["duration_weeks"] == 36 and row["annotation"].startswith("Конструируем")
    mods = changes["module"]["upserts"]
    assert sorted(m["name"] for m in mods) == ["1-й год обучения", "2-й год обучения"]
    assert all(m["program_id"] == program_id and m["price"] == "10000.00" for m in mods)

    # The same card is sent again (a lost answer, a new op id): no second programme.
    again = one(device.push_ok([submit_op(card(), uid=uid, program_id=None, base_revision=1)]))
    assert again["status"] == "applied" and again["server_record"]["program_id"] == program_id


def test_revision_returned_with_a_comment_then_resubmitted(device, db_url):
    program = own_program(db_url, device.provider_id)
    _, cursor = master(device)
    c = card_of(program, annotation="Новая аннотация")
    res = one(device.push_ok([submit_op(c, program_id=program["id"], base_revision=program["revision"])]))
    assert res["status"] == "applied", res
    assert res["server_record"]["status"] == "moderation"
    # The published content stays while the card is reviewed.
    assert admin.get_program(db_url, program["id"])["annotation"] == program["annotation"]

    # Under moderation: a further submission is refused, with the portal's card.
    refused = one(device.push_ok([submit_op(c, program_id=program["id"], base_revision=program["revision"])]))
    assert refused["status"] == "rejected" and refused["code"] == p.R_UNDER_MODERATION
    assert refused["server_record"]["status"] == "moderation"

    back = admin.return_program(db_url, program["id"], "Уточните аннотацию")
    assert back["status"] == "returned"
    changes, cursor = master(device, cursor)
    [row] = changes["program"]["upserts"]
    assert (row["status"], row["moderation_comment"], row["revision"]) == (
        "returned", "Уточните аннотацию", program["revision"])
    assert row["annotation"] == program["annotation"]

    # Resubmitted as a new revision of the same base, then approved.
    res = one(device.push_ok([submit_op(card_of(program, annotation="Исправлено"), program_id=program["id"],
                                        base_revision=program["revision"])]))
    assert res["status"] == "applied", res
    admin.approve_program(db_url, program["id"])
    changes, _ = master(device, cursor)
    [row] = changes["program"]["upserts"]
    assert (row["status"], row["annotation"], row["revision"], row["moderation_comment"]) == (
        "published", "Исправлено", program["revision"] + 1, "")


def test_card_edited_on_the_portal_makes_a_draft_stale(device, db_url):
    program = own_program(db_url, device.provider_id)
    base = program["revision"]
    edited = admin.edit_program(db_url, program["id"], name="Переименована на портале")
    assert edited["revision"] == base + 1
    res = one(device.push_ok([submit_op(card_of(program), program_id=program["id"], base_revision=base)]))
    assert res["status"] == "rejected" and res["code"] == p.R_CARD_CHANGED
    assert res["server_record"]["name"] == "Переименована на портале"
    assert res["server_record"]["revision"] == base + 1
    assert admin.get_program(db_url, program["id"])["status"] == "published"  # nothing changed


def test_invalid_card_is_refused_with_the_rulebook_paths(device):
    bad = card(age_from_months=12 * 12, age_to_months=8 * 12, direction="cooking",
               modules=[module(hours=0, min_children=10, max_children=5), module(price="дорого")])
    res = one(device.push_ok([submit_op(bad)]))
    assert res["status"] == "rejected" and res["code"] == p.R_INVALID
    fe = res["field_errors"]
    assert {"direction", "age_to_years", "modules.0.hours", "modules.0.max_children",
            "modules.1.price"} <= set(fe)
    assert "меньше" in fe["age_to_years"]
    empty = one(device.push_ok([submit_op(card(modules=[]))]))
    assert empty["code"] == p.R_INVALID and "modules" in empty["field_errors"]
    # A malformed payload: pydantic's paths.
    broken = one(device.push_ok([op(p.OP_PROGRAM_SUBMIT, uid=p.new_uid(), card={"name": ""})]))
    assert broken["code"] == p.R_INVALID and "card.name" in broken["field_errors"]


def test_price_cap(device, db_url, http):
    assert http.get("/info").json()["price_cap_ratio"] is None
    assert main(["set-price-cap", "--db", db_url, "--ratio", "1.2"]) == 0
    assert http.get("/info").json()["price_cap_ratio"] == "1.2"
    res = one(device.push_ok([submit_op(card(modules=[module(price="12500.00")]))]))
    assert res["code"] == p.R_INVALID and "modules.0.price" in res["field_errors"]
    assert one(device.push_ok([submit_op(card(modules=[module(price="12000.00")]))]))["status"] == "applied"
    assert main(["set-price-cap", "--db", db_url, "--ratio", "none"]) == 0
    assert http.get("/info").json()["price_cap_ratio"] is None
    assert one(device.push_ok([submit_op(card(modules=[module(price="12500.00")]))]))["status"] == "applied"


def test_another_providers_program_and_unknown_ones(device, enrol, db_url, seeded):
    theirs = own_program(db_url, other_provider(seeded, device.provider_id))
    res = one(device.push_ok([submit_op(card_of(theirs), program_id=theirs["id"],
                                        base_revision=theirs["revision"])]))
    assert res["code"] == p.R_FORBIDDEN and res["server_record"] is None
    res = one(device.push_ok([submit_op(card(), program_id=999_999, base_revision=1)]))
    assert res["code"] == p.R_UNKNOWN_PROGRAM
    mine = own_program(db_url, device.provider_id)
    res = one(device.push_ok([submit_op(card_of(mine, modules=[module(id=theirs["modules"][0]["id"])]),
                                        program_id=mine["id"], base_revision=mine["revision"])]))
    assert res["code"] == p.R_UNKNOWN_MODULE and "modules.0.id" in res["field_errors"]


def test_moderation_cli(device, db_url, capsys):
    program = own_program(db_url, device.provider_id)
    assert main(["moderate", "--db", db_url, "--program", str(program["id"]), "--approve"]) == 2
    assert "не на модерации" in capsys.readouterr().err
    assert main(["moderation", "--db", db_url]) == 0
    assert "Карточек на модерации нет." in capsys.readouterr().out
    one(device.push_ok([submit_op(card_of(program), program_id=program["id"],
                                  base_revision=program["revision"])]))
    assert main(["moderation", "--db", db_url]) == 0
    assert f"{program['id']}\t{program['name']}" in capsys.readouterr().out
    assert main(["moderate", "--db", db_url, "--program", str(program["id"]), "--return", "Нет адреса"]) == 0
    assert "возвращена на доработку: Нет адреса" in capsys.readouterr().out
    assert admin.get_program(db_url, program["id"])["moderation_comment"] == "Нет адреса"
    assert main(["edit-program", "--db", db_url, "--program", str(program["id"]), "--name", "Новое имя"]) == 0
    assert f"версия {program['revision'] + 1}" in capsys.readouterr().out
    assert main(["moderate", "--db", db_url, "--program", str(program["id"])]) == 2  # no decision


# --- groups -------------------------------------------------------------------------------------


def test_group_save_creates_updates_and_replaces_slots(device, db_url):
    program = own_program(db_url, device.provider_id)
    module_id = program["modules"][0]["id"]
    _, cursor = master(device)
    uid = p.new_uid()
    res = one(device.push_ok([group_op(group(module_id, uid=uid))]))
    assert res["status"] == "applied", res
    rec = res["server_record"]
    assert rec["uid"] == uid and rec["module_id"] == module_id and rec["program_id"] == program["id"]
    assert rec["explicit_dates"] == [] and rec["capacity"] == 12
    group_id = rec["id"]
    changes, cursor = master(device, cursor)
    assert [g["id"] for g in changes["group"]["upserts"]] == [group_id]
    [slot] = changes["schedule_slot"]["upserts"]
    assert (slot["group_id"], slot["weekday"], slot["time_from"], slot["room"]) == (
        group_id, 2, "15:00", "каб. 12")

    new_slots = [{"weekday": 3, "time_from": "16:00", "time_to": "16:45"},
                 {"weekday": 5, "time_from": "16:00", "time_to": "17:30", "room": "зал"}]
    res = one(device.push_ok([group_op(group(module_id, id=group_id, name="Робо 1Б", capacity=15,
                                             slots=new_slots))]))
    assert res["status"] == "applied", res
    assert res["server_record"]["name"] == "Робо 1Б" and res["server_record"]["capacity"] == 15
    changes, cursor = master(device, cursor)
    assert changes["group"]["upserts"][0]["name"] == "Робо 1Б"
    assert changes["schedule_slot"]["deletes"] == [slot["id"]]
    assert sorted(s["weekday"] for s in changes["schedule_slot"]["upserts"]) == [3, 5]

    # A schedule by dates: explicit dates, no weekly slots.
    res = one(device.push_ok([group_op(group(module_id, id=group_id, slots=[],
                                             explicit_dates=["2025-12-02", "2025-12-09"]))]))
    assert res["status"] == "applied", res
    changes, _ = master(device, cursor)
    assert changes["group"]["upserts"][0]["explicit_dates"] == ["2025-12-02", "2025-12-09"]
    assert len(changes["schedule_slot"]["deletes"]) == 2 and not changes["schedule_slot"]["upserts"]


def test_group_rules_are_checked(device, db_url):
    program = own_program(db_url, device.provider_id)
    m = program["modules"][0]
    res = one(device.push_ok([group_op(group(m["id"], capacity=m["max_children"] + 1))]))
    assert res["code"] == p.R_INVALID and "group.capacity" in res["field_errors"]
    assert "пределы модуля" in res["field_errors"]["group.capacity"]
    res = one(device.push_ok([group_op(group(m["id"], date_from="2026-06-01", date_to="2026-05-01",
                                             slots=[{"weekday": 1, "time_from": "16:00", "time_to": "15:00"}],
                                             explicit_dates=["2026-07-01"]))]))
    assert res["code"] == p.R_INVALID
    assert {"group.date_to", "group.slots.0"} <= set(res["field_errors"])
    res = one(device.push_ok([group_op(group(m["id"], slots=[], explicit_dates=["2026-07-01"]))]))
    assert "group.explicit_dates.0" in res["field_errors"]
    res = one(device.push_ok([group_op(group(m["id"], slots=[]))]))
    assert "group.slots" in res["field_errors"]
    res = one(device.push_ok([group_op(group(None))]))
    assert res["code"] == p.R_INVALID and "group.module_id" in res["field_errors"]
    res = one(device.push_ok([group_op(group(999_999))]))
    assert res["code"] == p.R_UNKNOWN_MODULE
    res = one(device.push_ok([group_op(group(m["id"], id=999_999))]))
    assert res["code"] == p.R_UNKNOWN_GROUP


def test_another_providers_module_and_group_are_forbidden(device, db_url, seeded):
    theirs = own_program(db_url, other_provider(seeded, device.provider_id))
    res = one(device.push_ok([group_op(group(theirs["modules"][0]["id"]))]))
    assert res["code"] == p.R_FORBIDDEN and res["server_record"] is None
    their_group = admin.provider_groups(db_url, theirs["provider_id"])[0]
    mine = own_program(db_url, device.provider_id)
    res = one(device.push_ok([group_op(group(mine["modules"][0]["id"], id=their_group["id"]))]))
    assert res["code"] == p.R_FORBIDDEN and res["server_record"] is None


def test_replayed_op_answers_the_stored_result(device, db_url):
    program = own_program(db_url, device.provider_id)
    g = group_op(group(program["modules"][0]["id"]))
    first = one(device.push_ok([g]))
    again = one(device.push_ok([g]))
    assert again == first
    assert len([x for x in admin.provider_groups(db_url, device.provider_id) if x["name"] == "Робо 1А"]) == 1


# --- schema -------------------------------------------------------------------------------------


def test_an_older_sqlite_database_gains_the_new_columns(tmp_path):
    """A file database of an earlier version (SQLite only; a PostgreSQL run runs it too, on a file)."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = db.make_engine(url)
    db.create_schema(engine)
    with db.write_tx(engine) as conn:
        for col in ("revision", "ovz", "medical_certificate", "moderation_comment"):
            conn.execute(text(f"ALTER TABLE programs DROP COLUMN {col}"))
        conn.execute(text("ALTER TABLE study_groups DROP COLUMN explicit_dates"))
        conn.execute(text("INSERT INTO providers (id, name, short_name, inn, ogrn, address, head_name, "
                          "municipality) VALUES (1, 'П', '', '', '', '', '', '')"))
        conn.execute(text("INSERT INTO programs (id, provider_id, name, short_name, direction, registry, "
                          "kind, form, level, age_from_months, age_to_months, status, annotation, "
                          "duration_weeks, addresses, teachers) VALUES (1, 1, 'Старая', '', 'art', 'budget', "
                          "'', '', '', 84, 143, 'published', '', 0, '[]', '[]')"))
    engine.dispose()
    engine = db.make_engine(url)
    db.create_schema(engine)
    cols = {c["name"] for c in inspect(engine).get_columns("programs")}
    assert {"revision", "ovz", "medical_certificate", "moderation_comment"} <= cols
    engine.dispose()
    program = admin.get_program(url, 1)
    assert program is not None
    assert (program["revision"], program["ovz"], program["medical_certificate"]) == (1, [], False)


def test_seeded_programs_carry_the_card_fields(db_url, seeded):
    program = own_program(db_url, seeded.demo_provider_id)
    assert program["revision"] == 1 and program["status"] == "published"
    assert isinstance(program["ovz"], list) and program["teachers"] and program["addresses"]
    assert program["annotation"] and program["duration_weeks"] >= 36
    groups = admin.provider_groups(db_url, seeded.demo_provider_id)
    assert set(program["teachers"]) == {g["teacher"] for g in groups if g["program_id"] == program["id"]}
