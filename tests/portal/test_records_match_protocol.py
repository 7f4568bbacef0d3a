"""The portal builds the rows it sends by hand (``pfdo_portal/records.py``: ``mark_row``,
``application_row``, ``master_row``), and the PC reads them with the protocol's record of each
entity (``protocol.PULLED_RECORDS``), which ignores a key it does not know. So a column the portal
adds, renames or forgets would pass unnoticed on the PC: here every row of both streams of the demo
district is read with its record made strict — no key the record does not declare, every required
field present and of its type."""

from __future__ import annotations

from functools import cache

import pytest
from portal_helpers import mark_op, member_cells
from pydantic import BaseModel, ConfigDict, ValidationError

from pfdo_desktop.sync import protocol as p


@cache
def strict(model: type[BaseModel]) -> type[BaseModel]:
    """``model`` refusing a key it does not declare (the protocol's models ignore such keys)."""
    return type(f"Strict{model.__name__}", (model,), {"model_config": ConfigDict(extra="forbid")})


def _rows_by_entity(device, stream: str) -> dict[str, list[dict]]:
    pages, _ = device.pull_all(stream)
    rows: dict[str, list[dict]] = {}
    for page in pages:
        for entity, changes in page["changes"].items():
            rows.setdefault(entity, []).extend(changes.get("upserts", []))
    return rows


@pytest.mark.parametrize("stream", ["master", "own"])
def test_every_pulled_row_is_exactly_its_entity_s_record(device, db_url, stream):
    if stream == "own":  # a mark and a cleared one travel in the own stream
        cells = member_cells(db_url, device.provider_id, 2)
        results = device.push_ok([mark_op(c.group_id, c.child_id, c.lesson_date, 1) for c in cells])
        assert [r["status"] for r in results] == [p.APPLIED, p.APPLIED]
    rows = _rows_by_entity(device, stream)
    expected = set(p.MASTER_ENTITIES) if stream == "master" else {"mark"}
    assert expected <= {entity for entity, upserts in rows.items() if upserts}
    for entity, upserts in rows.items():
        record = strict(p.PULLED_RECORDS[entity])
        for row in upserts:
            try:
                record.model_validate(row)
            except ValidationError as exc:
                pytest.fail(f"{entity} row {row.get('id', row)} is not a {record.__name__}: {exc}")


def test_a_strict_record_does_catch_a_key_the_protocol_does_not_declare():
    """The check above can fail: a row with one key too many is refused by the strict record."""
    row = {"group_id": 1, "child_id": 2, "lesson_date": "2026-10-05", "code": 1,
           "changed_at": "2026-10-05T09:00:00+00:00", "changed_by": "operator"}
    strict(p.MarkRecord).model_validate(row)
    with pytest.raises(ValidationError, match="extra_forbidden|Extra inputs"):
        strict(p.MarkRecord).model_validate({**row, "device_id": "pc-1"})
