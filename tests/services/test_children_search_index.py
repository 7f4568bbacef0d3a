"""The children search's indexes (issue 15, migration 0013): each token first takes the children its
index names — the words of the name, the dates of birth, the certificate numbers, the СНИЛС digits —
and only those rows are checked. The list is the same as reading every child in name order (what
the search does when a token's index names too many): the same children, order, namesakes and
certificates. The indexes follow every writer of ``child`` (the sync's upserts, raw SQL) by triggers,
so a child renamed by a sync is found by its new name at once."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from enrolment_data import TODAY, add_child, new_child
from sqlalchemy import text

from pfdo_desktop.domain.identity import make_snils, search_name, snils_digits
from pfdo_desktop.models import Base, open_database
from pfdo_desktop.models.database import DB_FILENAME, alembic_config, make_engine
from pfdo_desktop.services import children
from pfdo_desktop.services.children import search_children
from pfdo_portal import admin

QUERIES = [
    "", "и", "ив", "иванов", "ИВАНОВ иван", "иванович", "ван", "елкин", "Ёлк артем", "корс", "римский-к",
    "-корс", "римский-", "анна-м", "мария", "о'", "о'нил", "иванов 2015", "ким", "12.03.2015", "12.03",
    "12.03.15", "12.03.20", "12.03.2", "12.", "12.0", "18.3", "1.1", "05.05.2014", "2015-03-12",
    "2015-02-30", "01.01", "31.02", "5201000003", "520100000", "5201000099", "5", "2233", "112-233", "44595",
    "2015", "2014", "0000", "1", "12", "%", "_", "иванов 5201", "иван 12.03", "корсаков 2013",
    "иванов архивов",
]


def _more_children(ws) -> None:
    """Beside ``enrolment_data.seed``: a hyphenated first name, an apostrophe, a child without a
    СНИЛС, an archived child, a child with two live certificates (the newer is the one shown),
    namesakes born the same day."""
    with ws.db.write() as s:
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
        add_child(s, 5, "Петрова", "Анна-Мария", "Сергеевна", date(2016, 1, 1), make_snils(200300400),
                  ("5201000005", "pf", "0.00", "0.00"))
        add_child(s, 6, "О'Нил", "Мария", "", date(2015, 12, 3))
        add_child(s, 7, "Иванов", "Архивов", "", date(2015, 3, 12), make_snils(112233999))
        s.execute(text("UPDATE child SET archived = 1 WHERE id = 7"))
        add_child(s, 8, "Сидоров", "Пётр", "", date(2014, 2, 28), make_snils(555666777),
                  ("5201000099", "uchet", "0.00", "0.00"))
        for cid in (9, 10):  # namesakes born the same day
            add_child(s, cid, "Ким", "Ли", "", date(2016, 6, 6))
        s.flush()
        s.execute(text("INSERT INTO certificate (id, child_id, number, status, nominal, balance, reserve, "
                       "unit, archived) VALUES (9, 8, '5201000100', 'pf', '0.00', '0.00', '0.00', 'rub', 0)"))


def _by_reading_every_child(monkeypatch, ws, query: str):
    with monkeypatch.context() as m:
        m.setattr(children, "DRIVE_LIMIT", 0)  # no token's index is small enough to drive
        return ws.search_children(query)


def test_every_query_finds_through_the_indexes_what_reading_every_child_finds(workspace, reg, monkeypatch):
    _more_children(workspace)
    workspace.request_child(new_child(last_name="Иванов", first_name="Иван", middle_name="Иванович",
                                      birth_date=date(2017, 1, 2)), TODAY)  # a namesake not yet a child
    found = {}
    for query in QUERIES:
        found[query] = workspace.search_children(query)
        assert found[query] == _by_reading_every_child(monkeypatch, workspace, query), query
    names = {q: [r.full_name for r in rows] for q, rows in found.items()}
    assert names["анна-м"] == ["Петрова Анна-Мария Сергеевна"]
    assert names["мария"] == ["О'Нил Мария", "Петрова Анна-Мария Сергеевна"]  # after a hyphen too
    assert names["о'нил"] == ["О'Нил Мария"]
    assert names["римский-"] == ["Римский-Корсаков Николай"]
    assert [r.key for r in found["ким"]] == ["c:10", "c:9"]  # then by the key, as text
    assert names["12.03"] == ["Иванов Иван Иванович"]  # the archived namesake born that day is not listed
    assert [r.namesakes for r in found["12.03"]] == [2]  # the other child and the request
    assert [(r.birth_date, r.namesakes) for r in found["иванов"]] == [
        (date(2015, 3, 12), 2), (date(2016, 9, 1), 2), (date(2017, 1, 2), 2)]
    assert names["иванов архивов"] == []
    assert names["31.02"] == names["2015-02-30"] == names["0000"] == []
    assert names["5201000099"] == []  # an older certificate's number: the newer one is the child's
    assert [r.certificate_number for r in workspace.search_children("сидоров")] == ["5201000100"]
    assert names["2014"] == ["Ёлкин Артём Фёдорович", "Сидоров Пётр"]  # a year of birth


def test_a_child_renamed_by_a_sync_is_found_by_its_new_name_and_snils_at_once(enrolled_workspace, portal_db,
                                                                              monkeypatch):
    ws = enrolled_workspace
    everyone = ws.search_children("", limit=10_000)
    child = everyone[len(everyone) // 2]
    old_surname = child.full_name.split()[0]
    assert child.child_id is not None and any(r.key == child.key for r in ws.search_children(old_surname))
    snils = make_snils(987654321)
    admin.update_child(portal_db, child.child_id, last_name="Зюзина-Переименованная", snils=snils)
    ws.sync()
    for query in ("зюзина", "переименованная", "зюзина-пер", "987-654", "65432", snils_digits(snils)[-5:]):
        assert [r.key for r in ws.search_children(query)] == [child.key], query
    assert all(r.key != child.key for r in ws.search_children(old_surname))
    # Across the district's children (written by the first sync's bulk upserts), the indexes find
    # what reading every child finds.
    sample = [r.full_name.split()[i] for r in everyone[:40:7] for i in (0, 1)]
    sample += [f"{r.birth_date:%d.%m}" for r in everyone[:40:9]]
    sample += [r.certificate_number[:6] for r in everyone[:40:9]]
    for query in sample + ["а", "ма", "2015", "3"]:
        assert ws.search_children(query) == _by_reading_every_child(monkeypatch, ws, query), query


INSERT = ("INSERT INTO child (id, last_name, first_name, middle_name, birth_date, snils, doc_kind, "
          "doc_number, search_name, archived) VALUES")


def _index(con: sqlite3.Connection) -> tuple[set[tuple[str, int]], set[tuple[int, str]]]:
    return (set(con.execute("SELECT word, child_id FROM child_search_word")),
            set(con.execute("SELECT child_id, digits FROM child_search_snils")))


def test_migration_0013_indexes_the_children_already_there_and_the_triggers_keep_it_in_step(data_dir):
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    command.upgrade(alembic_config(engine), "0012_marks_by_cell")
    engine.dispose()
    with closing(sqlite3.connect(data_dir / DB_FILENAME)) as c, c:
        for cid, last, first, middle, born, snils in (
                (1, "Римский-Корсаков", "Николай", "", "2013-03-18", "112-233-445 95"),
                (2, "Ёлкина", "Алёна", "Сергеевна", "2015-03-12", "")):
            c.execute(f"{INSERT} (?, ?, ?, ?, ?, ?, '', '', ?, 0)",
                      (cid, last, first, middle, born, snils, search_name(last, first, middle)))
    db = open_database(data_dir)
    try:
        assert [r.child_id for r in search_children(db, "корсаков 2233")] == [1]
        assert [r.child_id for r in search_children(db, "алена 12.03")] == [2]
        with db.engine.connect() as conn:  # the migrated schema is exactly the models' schema
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        with closing(sqlite3.connect(db.path)) as c, c:
            assert _index(c) == ({("римский", 1), ("корсаков", 1), ("николай", 1), ("елкина", 2),
                                  ("алена", 2), ("сергеевна", 2)}, {(1, "11223344595"), (2, "")})
            # Raw SQL as any writer: a rename, a new СНИЛС, a new child, a child removed.
            c.execute("UPDATE child SET search_name = 'римский-корсаков николай андреевич', "
                      "snils = '123-456-789 64' WHERE id = 1")
            c.execute("UPDATE child SET archived = 1 WHERE id = 1")  # neither name nor СНИЛС: nothing
            c.execute(f"{INSERT} (3, 'Ли', 'Ан', '', '2016-01-01', '', '', '', 'ли ан', 0)")
            c.execute("DELETE FROM child WHERE id = 2")
            assert _index(c) == ({("римский", 1), ("корсаков", 1), ("николай", 1), ("андреевич", 1),
                                  ("ли", 3), ("ан", 3)}, {(1, "12345678964"), (3, "")})
        assert [r.child_id for r in search_children(db, "ли")] == [3]
        assert search_children(db, "алена") == search_children(db, "андреевич") == []  # removed; archived
        command.downgrade(alembic_config(db.engine), "0012_marks_by_cell")
    finally:
        db.dispose()
    with closing(sqlite3.connect(data_dir / DB_FILENAME)) as c:
        left = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE name LIKE '%search%' "
                                        "OR name = 'ix_child_birth'")}
    assert left == {"ix_child_search", "ix_child_request_search_name"}
