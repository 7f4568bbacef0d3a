"""Roster import into the database: good, malformed and hostile files; children already known;
one transaction; the column mapping remembered per header set."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from enrolment_data import TODAY
from sqlalchemy import func, select

from pfdo_desktop.models import AppSetting, ChildRequest, OutboxOp
from pfdo_desktop.services import ValidationError
from pfdo_desktop.services import children as children_service
from pfdo_desktop.services.roster import RosterFileError, guess_mapping, preview, read_table

HEADERS = ["Фамилия", "Имя", "Отчество", "Дата рождения", "СНИЛС", "Номер сертификата", "Телефон родителя",
           "Законный представитель"]
NEW = ["Сидорова", "Алёна", "Петровна", "01.04.2016", "", "5201999001", "8 912 345-67-89",
       "Сидорова Ольга Ивановна"]
NEW2 = ["Петров", "Пётр", "", "02.02.2014", "", "", "", ""]


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)
    return path


def _counts(ws) -> tuple[int, int]:
    with ws.db.read() as s:
        return (s.scalar(select(func.count()).select_from(ChildRequest)) or 0,
                s.scalar(select(func.count()).select_from(OutboxOp)) or 0)


def _import(ws, path: Path):
    table = read_table(path)
    rows = ws.mark_existing(preview(table, guess_mapping(table.headers), today=TODAY))
    return rows, ws.import_roster(rows, TODAY)


def test_a_good_file_queues_one_child_create_per_new_child(workspace, reg, tmp_path):
    rows, report = _import(workspace, _xlsx(tmp_path / "list.xlsx", [HEADERS, NEW, NEW2]))
    assert (report.imported, report.valid, report.invalid) == (2, 2, 0)
    assert len(report.request_uids) == 2
    with workspace.db.read() as s:
        ops = list(s.scalars(select(OutboxOp).order_by(OutboxOp.id)))
        requests = {r.uid: r for r in s.scalars(select(ChildRequest))}
    assert [o.kind for o in ops] == ["child.create", "child.create"]
    first = ops[0].payload
    assert first["certificate_number"] == "5201999001" and first["birth_date"] == "2016-04-01"
    assert first["guardian"] == {"last_name": "Сидорова", "first_name": "Ольга", "middle_name": "Ивановна",
                                 "relation": "other", "phone": "+79123456789", "email": ""}
    assert ops[1].payload["guardian"] is None
    assert {r.source for r in requests.values()} == {"roster"}
    from pfdo_desktop.sync.protocol import ChildCreatePayload

    for op in ops:
        ChildCreatePayload.model_validate(op.payload)
    # The new children are in the list at once, as requests.
    assert [r.state for r in workspace.search_children("сидорова")] == ["pending"]


def test_known_children_are_flagged_and_skipped(workspace, reg, tmp_path):
    known_by_name = ["Иванов", "Иван", "Иванович", "12.03.2015", "", "", "", ""]
    known_by_snils = ["Другой", "Ребёнок", "", "01.01.2015", "112-233-445 95", "", "", ""]
    known_by_number = ["Третий", "Ребёнок", "", "01.01.2015", "", "5201000003", "", ""]
    namesake = ["Иванов", "Иван", "Иванович", "13.03.2015", "", "", "", ""]  # another birth date: new
    lines = [HEADERS, known_by_name, known_by_snils, known_by_number, namesake]
    rows, report = _import(workspace, _csv(tmp_path / "list.csv", lines))
    assert [sorted(r.errors) for r in rows] == [["existing"], ["existing"], ["existing"], []]
    assert "уже есть в базе: Иванов Иван Иванович, 12.03.2015" in rows[0].errors["existing"]
    assert "СНИЛС" in rows[1].errors["existing"] and "сертификата" in rows[2].errors["existing"]
    assert (report.imported, report.invalid) == (1, 3)
    assert [line for line, _ in report.skipped] == [2, 3, 4]
    assert any(reason.startswith("Уже есть в базе:") for reason in report.reasons)
    # A second import of the same file brings nothing new: the namesake is a request now.
    rows, report = _import(workspace, tmp_path / "list.csv")
    assert report.imported == 0 and "запрос" in rows[3].errors["existing"]
    assert _counts(workspace) == (1, 1)


def test_bad_rows_are_skipped_and_reported_the_good_ones_imported(workspace, reg, tmp_path):
    bad_name = ["Smith", "John", "", "01.01.2015", "", "", "", ""]
    bad_date = ["Кузнецов", "Иван", "", "31.02.2015", "", "", "", ""]
    too_old = ["Старый", "Иван", "", "01.01.2000", "", "", "", ""]
    lines = [HEADERS, bad_name, NEW, bad_date, too_old]
    rows, report = _import(workspace, _csv(tmp_path / "list.csv", lines))
    assert (report.imported, report.invalid) == (1, 3)
    assert [line for line, _ in report.skipped] == [2, 4, 5]
    assert "латинские" in report.skipped[0][1]
    assert _counts(workspace) == (1, 1)


def test_a_repeat_inside_the_file_is_imported_once(workspace, reg, tmp_path):
    rows, report = _import(workspace, _csv(tmp_path / "list.csv", [HEADERS, NEW, NEW]))
    assert (report.imported, report.invalid) == (1, 1)
    assert _counts(workspace) == (1, 1)


@pytest.mark.parametrize("name,content", [
    ("list.xlsx", b"PK\x03\x04 not really a zip"),
    ("list.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old excel"),
    ("list.csv", b"\x00\x01\x02binary\x00"),
    ("list.csv", "Фамилия;Имя\n".encode()),  # headers only
    ("list.xls", b"whatever"),
    ("list.csv", b""),
])
def test_a_malformed_file_changes_nothing(workspace, reg, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RosterFileError):
        _import(workspace, path)
    assert _counts(workspace) == (0, 0)


def test_hostile_cells_are_refused_row_by_row(workspace, reg, tmp_path):
    formula = ["=HYPERLINK(\"http://x\")", "Иван", "", "01.01.2015", "", "", "", ""]
    script = ["<script>", "Иван", "", "01.01.2015", "", "", "", ""]
    huge = ["Ж" * 5000, "Иван", "", "01.01.2015", "", "", "", ""]
    sql = ["Робертс'); DROP TABLE child;--", "Иван", "", "01.01.2015", "", "", "", ""]
    lines = [HEADERS, formula, script, huge, sql, NEW]
    rows, report = _import(workspace, _xlsx(tmp_path / "list.xlsx", lines))
    assert (report.imported, report.invalid) == (1, 4)
    assert _counts(workspace) == (1, 1)
    assert len(workspace.search_children("")) == 5  # the registry is intact


def test_the_import_is_one_transaction(workspace, reg, tmp_path, monkeypatch):
    table = read_table(_csv(tmp_path / "list.csv", [HEADERS, NEW, NEW2]))
    rows = preview(table, guess_mapping(table.headers), today=TODAY)
    calls = []
    real = children_service.command_values

    def failing(entity_key, payload, created_at):
        calls.append(payload.last_name)
        if len(calls) == 2:  # the second row's command cannot be written (a full disk, say)
            raise RuntimeError("disk full")
        return real(entity_key, payload, created_at)

    monkeypatch.setattr(children_service, "command_values", failing)
    with pytest.raises(RuntimeError):
        workspace.import_roster(rows, TODAY)
    assert calls == ["Сидорова", "Петров"]
    assert _counts(workspace) == (0, 0)


def test_the_mapping_is_remembered_per_header_set(workspace, tmp_path):
    headers = ["ФИО ребёнка", "Д.Р.", "Сертификат"]
    assert workspace.roster_mapping(headers) is None
    mapping = {"full_name": 0, "birth_date": 1, "certificate_number": 2}
    workspace.save_roster_mapping(headers, mapping)
    assert workspace.roster_mapping(headers) == mapping
    assert workspace.roster_mapping(["фио ребенка ", "д.р.", "СЕРТИФИКАТ"]) == mapping  # same set
    assert workspace.roster_mapping(["ФИО ребёнка", "Д.Р."]) is None  # another layout
    workspace.save_roster_mapping(headers, {"full_name": 0, "birth_date": 1})
    assert workspace.roster_mapping(headers) == {"full_name": 0, "birth_date": 1}
    with pytest.raises(ValidationError):
        workspace.save_roster_mapping(headers, {"snils": 7})
    with workspace.db.read() as s:
        assert s.scalar(select(func.count()).select_from(AppSetting)) == 1


def test_a_stale_mapping_pointing_outside_the_file_is_trimmed(workspace):
    headers = ["A", "B"]
    workspace.save_roster_mapping(headers, {"full_name": 0, "birth_date": 1})
    with workspace.db.write() as s:
        setting = s.scalars(select(AppSetting)).one()
        setting.value = {"headers": headers, "mapping": {"full_name": 0, "birth_date": 9, "x": "y"}}
    assert workspace.roster_mapping(headers) == {"full_name": 0}


def test_birth_dates_are_checked_again_on_the_import_day(workspace, reg, tmp_path):
    table = read_table(_csv(tmp_path / "list.csv", [HEADERS, NEW]))
    rows = preview(table, guess_mapping(table.headers), today=TODAY)
    report = workspace.import_roster(rows, date(2034, 4, 1))  # she is 18 by then
    assert (report.imported, report.invalid) == (0, 1)
