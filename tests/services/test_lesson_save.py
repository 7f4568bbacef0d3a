"""Saving a lesson's marks at once (issue 15: one statement per table, not one per cell): each
cell gets its op with the wire model's payload, in the order of the cells; a second save before
the sync replaces the queued ops in place; ops already sent are left alone."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update

from pfdo_desktop.domain.attendance import mark_id
from pfdo_desktop.models import OUTBOX_SENT, OutboxOp
from pfdo_desktop.services.rows import MarkChange
from pfdo_desktop.sync import protocol as p


def _queued(ws):
    with ws.db.read() as s:
        return [(op.id, op.op_id, op.kind, op.entity_key, op.payload, op.state, op.clock_wall)
                for op in s.scalars(select(OutboxOp).order_by(OutboxOp.id))]


def test_a_lessons_marks_queue_one_op_each_as_the_wire_makes_it_and_a_second_save_replaces_them(
        enrolled_workspace):
    ws = enrolled_workspace
    group = ws.groups()[0]
    journal = ws.journal(group.id, group.date_from, date.today())
    day = journal.lessons[-1].lesson_date
    children = [c.child_id for c in journal.children if c.is_member_on(day)]
    assert len(children) >= 2
    ws.mark(group.id, day, [MarkChange(c, None) for c in children])
    ws.sync()  # nothing waits for the portal now
    assert _queued(ws) == []

    assert ws.mark(group.id, day, [MarkChange(c, 1) for c in children]) == len(children)
    first = _queued(ws)
    assert [op[3] for op in first] == [mark_id(group.id, c, day) for c in children]
    for (_id, _op_id, kind, _key, payload, _state, clock_wall), child in zip(first, children, strict=True):
        model = p.read_payload(kind, payload)
        assert kind == "mark.set" and isinstance(model, p.MarkSetPayload)
        assert (model.group_id, model.child_id, model.lesson_date, model.code) == (group.id, child, day, 1)
        assert payload == p.payload_json(model)  # exactly what the wire model makes of it
        assert clock_wall is not None  # the PC's clocks at the edit: a provisional time is re-dated

    # Before the sync the operator changes every cell again: half cleared, half «не был».
    cleared = set(children[::2])
    ws.mark(group.id, day, [MarkChange(c, None if c in cleared else 2) for c in children])
    second = _queued(ws)
    assert [(op[0], op[1], op[3]) for op in second] == [(op[0], op[1], op[3]) for op in first]  # same ops
    for (_id, _op_id, kind, _key, payload, _state, _clock), child in zip(second, children, strict=True):
        model = p.read_payload(kind, payload)
        if child in cleared:
            assert kind == "mark.clear" and isinstance(model, p.MarkClearPayload)
        else:
            assert kind == "mark.set" and isinstance(model, p.MarkSetPayload) and model.code == 2
        assert model.child_id == child

    # Ops already sent may be held by the portal under their op_id: a new edit is a new op.
    with ws.db.write() as s:
        s.execute(update(OutboxOp).values(state=OUTBOX_SENT))
    ws.mark(group.id, day, [MarkChange(c, 3) for c in children])
    third = _queued(ws)
    assert third[:len(second)] == [op[:5] + (OUTBOX_SENT,) + op[6:] for op in second]
    added = third[len(second):]
    assert [op[3] for op in added] == [mark_id(group.id, c, day) for c in children]
    assert {op[1] for op in added}.isdisjoint({op[1] for op in second})
