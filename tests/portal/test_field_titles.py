"""A refusal «invalid» names the fields in Russian (review item 12): «Модуль 1, количество часов —
…», never the wire paths («Card.name — обязательное поле…», «Group.date_from…»), which stay the
keys of ``field_errors`` for the PC to put each message beside its field."""

from __future__ import annotations

import re
from typing import Any, get_args, get_origin

import pytest
from enrolment_helpers import op
from pydantic import BaseModel
from test_programs import card, group, group_op, module, one, own_program, submit_op

from pfdo_desktop.domain import program_card as pc
from pfdo_desktop.sync import protocol as p

LATIN = re.compile(r"[A-Za-z]")


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):  # list[X], X | None
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def _paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every field path of a payload, as pydantic reports it (a list item: index 0)."""
    out: list[str] = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        out.append(path)
        origin = get_origin(info.annotation)
        is_list = origin is list or any(get_origin(a) is list for a in get_args(info.annotation))
        if is_list:
            out.append(f"{path}.0")
        nested = _model_of(info.annotation)
        if nested is not None:
            out += _paths(nested, f"{path}.0." if is_list else f"{path}.")
    return out


PAYLOAD_PATHS = sorted({path for model in p.OP_PAYLOADS.values()
                        for path in _paths(model)})


@pytest.mark.parametrize("path", PAYLOAD_PATHS)
def test_every_payload_field_has_a_russian_title(path):
    title = p.field_title_ru(path)
    assert title and not LATIN.search(title) and title != p.UNKNOWN_FIELD_RU, (path, title)


def test_the_card_rulebook_paths_have_russian_titles():
    bad = pc.ProgramCard(
        name="", short_name="", annotation="", direction="x", kind="x", form="x", level="x",
        registry="x", age_from_years=0, age_to_years=0, duration_weeks=0, ovz=("x",),
        modules=(pc.ModuleCard(name="", hours=0, min_children=0, max_children=0, price=-1,  # type: ignore[arg-type]
                               normative_price=-1,  # type: ignore[arg-type]
                               groups=(pc.GroupCard(name="", date_from=None, date_to=None, capacity=0,
                                                    teacher="", slots=(pc.SlotCard(9, "", "", ""),),
                                                    explicit_dates=()),)),),
    )
    paths = {e.path for e in pc.validate_card(bad)} | {"modules"}
    assert {"name", "age_from_years", "modules.0.hours", "modules.0.groups.0.slots.0"} <= paths
    for path in paths:
        title = p.field_title_ru(path)
        assert not LATIN.search(title) and title != p.UNKNOWN_FIELD_RU, (path, title)


@pytest.mark.parametrize(("path", "title"), [
    ("card.name", "полное название программы"),
    ("name", "полное название программы"),
    ("card.modules.0.hours", "модуль 1, количество часов"),
    ("modules.1.groups.2.capacity", "модуль 2, группа 3, число мест"),
    ("group.date_from", "дата начала занятий"),
    ("date_from", "дата зачисления"),
    ("group.slots.0", "строка расписания 1"),
    ("group.slots.1.time_from", "строка расписания 2, время начала"),
    ("group.explicit_dates.3", "дата занятия 4"),
    ("guardian.phone", "телефон родителя"),
    ("payload", "данные команды"),
])
def test_a_path_reads_as_where_and_what(path, title):
    assert p.field_title_ru(path) == title


def test_an_invalid_card_is_told_in_russian(device):
    broken = one(device.push_ok([op(p.OP_PROGRAM_SUBMIT, uid=p.new_uid(), card=card(
        name="", modules=[module(hours="много")]))]))
    assert broken["code"] == p.R_INVALID
    assert set(broken["field_errors"]) == {"card.name", "card.modules.0.hours"}
    message = broken["message"]
    assert not LATIN.search(message), message
    assert message.startswith("Портал счёл данные неверными. Полное название программы — не короче "
                              "1 символа. "), message
    assert "Модуль 1, количество часов — нужно целое число." in message, message
    # The rulebook's refusal of a well-formed card: its paths, the same names.
    bad = card(direction="cooking", modules=[module(hours=0), module(price="дорого")])
    res = one(device.push_ok([submit_op(bad)]))
    assert res["code"] == p.R_INVALID and not LATIN.search(res["message"]), res["message"]
    assert " Выберите направленность. " in res["message"], res["message"]
    assert "Модуль 1: количество часов должно быть больше нуля." in res["message"], res["message"]
    assert "Модуль 2: цена — число рублей, например 4500.00." in res["message"], res["message"]


def test_an_invalid_group_is_told_in_russian(device, db_url):
    m = own_program(db_url, device.provider_id)["modules"][0]
    slots = [{"weekday": 9, "time_from": "3pm", "time_to": "16:00"}]
    res = one(device.push_ok([group_op(group(m["id"], date_from="вчера", capacity=0, slots=slots))]))
    assert res["code"] == p.R_INVALID
    assert {"group.date_from", "group.capacity", "group.slots.0.weekday",
            "group.slots.0.time_from"} <= set(res["field_errors"])
    message = res["message"]
    assert not LATIN.search(message), message
    assert "Дата начала занятий — нужна дата в виде ГГГГ-ММ-ДД." in message, message
    assert "Число мест — не меньше 1." in message, message
    assert "Строка расписания 1, день недели — не больше 7." in message, message
    assert "Строка расписания 1, время начала — нужно время в виде ЧЧ:ММ." in message, message
    slots = [{"weekday": 1, "time_from": "16:00", "time_to": "15:00"}]
    res = one(device.push_ok([group_op(group(m["id"], date_from="2026-06-01", date_to="2026-05-01",
                                             slots=slots))]))
    assert not LATIN.search(res["message"]), res["message"]
    assert "Строка расписания 1 — время окончания должно быть позже начала." in res["message"], res["message"]
