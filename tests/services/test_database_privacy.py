"""152-ФЗ: an SQL error must not carry a child's personal data into the log or a crash report."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import IntegrityError

from pfdo_desktop.models import Child, open_database

SECRETS = ("Секретова", "Анна", "Ивановна", "112-233-445 95", "IV-МЮ 654321", "2015-03-05")


def test_a_failing_insert_logs_no_parameter_values(data_dir, caplog):
    db = open_database(data_dir)
    log = logging.getLogger("pfdo_desktop.test_privacy")
    try:
        with pytest.raises(IntegrityError) as caught, db.write() as s:
            s.execute(insert(Child.__table__), [
                {"id": 1, "last_name": "Секретова", "first_name": "Анна", "middle_name": "Ивановна",
                 "birth_date": date(2015, 3, 5), "snils": "112-233-445 95", "doc_kind": "birth_certificate",
                 "doc_number": "IV-МЮ 654321", "archived": False},
                {"id": 2, "last_name": None, "first_name": "Х", "middle_name": "",  # NOT NULL: fails
                 "birth_date": date(2015, 1, 1), "snils": "", "doc_kind": "", "doc_number": "",
                 "archived": False},
            ])
        with caplog.at_level(logging.ERROR):
            try:
                raise caught.value
            except IntegrityError:
                log.exception("a pulled master page breaks the local references")
    finally:
        db.dispose()
    logged = caplog.text + str(caught.value) + repr(caught.value)
    assert "NOT NULL constraint failed" in logged  # the error itself is still there to diagnose
    for secret in SECRETS:
        assert secret not in logged, secret
    assert "hidden due to hide_parameters" in str(caught.value)
