"""Pulled marks are read the fast way when the portal writes them as it does (ints, dates and times
in their canonical text) and with ``MarkRecord`` otherwise (issue 15): the journal holds the same
marks either way, and a page with a mark that cannot be read still fails whole."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from pfdo_desktop.models import AttendanceMark, SyncCursor

MSK = timezone(timedelta(hours=3))


def _journal(ws) -> dict[tuple[int, int, str], tuple[int, str, str]]:
    with ws.db.read() as s:
        return {(m.group_id, m.child_id, m.lesson_date.isoformat()): (m.code, m.changed_at.isoformat(),
                                                                      m.changed_by)
                for m in s.scalars(select(AttendanceMark))}


def _spoil_marks(monkeypatch, spoil) -> None:
    """Every pulled mark goes through ``spoil(row)``."""
    from pfdo_desktop.sync.client import PortalClient

    real = PortalClient.pull

    def pull(self, stream, cursor, limit):
        page = real(self, stream, cursor, limit)
        changes = page.changes.get("mark")
        if changes is None or not changes.upserts:
            return page
        spoiled = changes.model_copy(update={"upserts": [spoil(dict(r)) for r in changes.upserts]})
        return page.model_copy(update={"changes": {**page.changes, "mark": spoiled}})

    monkeypatch.setattr(PortalClient, "pull", pull)


def _download_marks_again(ws) -> None:
    with ws.db.write() as s:
        s.query(AttendanceMark).delete()
        s.query(SyncCursor).filter(SyncCursor.stream == "own").delete()


def _other_form(row: dict) -> dict:
    """The same mark in a form a portal may send and ``MarkRecord`` reads: the code as text, the time
    in Moscow time without microseconds when it has none, no author."""
    at = datetime.fromisoformat(row["changed_at"].replace("Z", "+00:00")).astimezone(MSK)
    return {**row, "code": str(row["code"]), "changed_at": at.isoformat(), "changed_by": None}


def test_marks_in_another_readable_form_fill_the_same_journal(enrolled_workspace, monkeypatch):
    ws = enrolled_workspace
    canonical = _journal(ws)
    assert len(canonical) > 100
    _download_marks_again(ws)
    _spoil_marks(monkeypatch, _other_form)
    report = ws.sync()
    assert report.pulled_by_entity.get("mark") == len(canonical)
    assert _journal(ws) == {cell: (code, at, "") for cell, (code, at, _by) in canonical.items()}


@pytest.mark.parametrize("field, value", [
    ("lesson_date", "2026-02-30"), ("code", "один"), ("changed_at", "2026-10-05T25:00:00Z"),
    # Two times in one (a page's times are checked joined by line breaks) and Arabic-Indic digits.
    ("changed_at", "2026-10-05T10:00:00.000000Z\n2026-10-05T10:00:00.000000Z"),
    ("changed_at", "2026-10-05T10:00:00.\u0660\u0660\u0660\u0660\u0660\u0660Z")])
def test_a_page_with_a_mark_that_cannot_be_read_stores_none_of_it(enrolled_workspace, monkeypatch, field,
                                                                  value):
    from pfdo_desktop.sync.client import SyncError

    ws = enrolled_workspace
    _download_marks_again(ws)
    spoiled = []

    def spoil(row: dict) -> dict:
        if spoiled:
            return row
        spoiled.append(row)
        return {**row, field: value}

    _spoil_marks(monkeypatch, spoil)
    with pytest.raises(SyncError) as caught:
        ws.sync()
    assert caught.value.code == "garbage"
    assert _journal(ws) == {}  # the page with it: none of its marks
    with ws.db.read() as s:
        assert s.scalar(select(SyncCursor.cursor).where(SyncCursor.stream == "own")) is None
