"""The head's position travels from the portal to the printed contract: «в лице директора Волковой
Миланы Валерьевны, действующей на основании Устава», never «в лице руководителя …» for a provider
whose portal knows the position."""

from __future__ import annotations

import re
from pathlib import Path

from alembic import command
from pypdf import PdfReader
from sqlalchemy import select

from pfdo_desktop.cli import main
from pfdo_desktop.models import Provider
from pfdo_desktop.models.database import alembic_config
from pfdo_desktop.printing.russian import DAT, GEN, Name
from pfdo_desktop.services import documents as document_service
from pfdo_desktop.workspace import Workspace
from pfdo_portal import admin


def _text(path: Path) -> str:
    reader = PdfReader(path)
    return " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())


def _local_provider(ws: Workspace) -> Provider:
    with ws.db.read() as s:
        row = s.scalar(select(Provider).where(Provider.id == ws.device().provider_id))
        assert row is not None
        return row


def _contract_text(ws: Workspace, out: Path) -> str:
    row = next(r for r in ws.applications(status="active"))
    assert ws.print_documents("contract", [ws.application_document(row.uid)], out) >= 1
    return _text(out)


def test_the_position_arrives_and_the_printed_contract_names_the_head_by_it(enrolled_workspace, tmp_path,
                                                                           capsys):
    ws = enrolled_workspace
    provider = _local_provider(ws)
    assert provider.head_position == "директор"  # the demo provider is a school
    info = document_service.provider_info(ws.db)
    assert (info.head_position, info.head_name) == ("директор", provider.head_name)
    head = Name.parse(provider.head_name)
    assert head.declinable and head(GEN) != head()  # «Волковой Миланы Валерьевны»
    phrase = rf"в лице директора {re.escape(head(GEN) or '')}, действующ(его|ей) на основании Устава"
    assert re.search(phrase, _contract_text(ws, tmp_path / "договор.pdf"))
    # The same through the command line a scheduled task runs.
    row = next(r for r in ws.applications(status="active"))
    out = tmp_path / "договор-cli.pdf"
    assert main(["print", "contract", "--data-dir", str(ws.data_dir), "--application", row.uid,
                 "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith("Сохранено:")
    text = _text(out)
    assert re.search(phrase, text) and "в лице руководителя" not in text
    # The enrolment application is addressed to the head by the position, in the dative.
    out = tmp_path / "заявление.pdf"
    assert main(["print", "enrolment-application", "--data-dir", str(ws.data_dir), "--application",
                 row.uid, "-o", str(out)]) == 0
    assert f"Директору {info.short_name} {head.short(DAT)}" in _text(out)


def test_a_position_changed_on_the_portal_reaches_the_pc_on_the_next_sync(enrolled_workspace, portal_db,
                                                                          tmp_path):
    ws = enrolled_workspace
    provider_id = ws.device().provider_id
    admin.edit_provider(portal_db, provider_id, head_position="исполняющая обязанности директора")
    ws.sync()
    assert document_service.provider_info(ws.db).head_position == "исполняющая обязанности директора"
    head = Name.parse(_local_provider(ws).head_name)
    text = _contract_text(ws, tmp_path / "договор.pdf")
    assert f"в лице исполняющей обязанности директора {head(GEN)}, действующей на основании Устава" in text


def test_a_pc_upgraded_after_its_portal_downloads_the_position_once(enrolled_workspace, data_dir):
    """The migration that adds the column makes the next sync a full download of the master stream:
    the portal sent the provider before the PC had a place for the position, and would not again."""
    ws = enrolled_workspace
    ws.close()
    from pfdo_desktop.models import open_database

    db = open_database(data_dir)
    try:
        command.downgrade(alembic_config(db.engine), "0004_clock")
    finally:
        db.dispose()
    again = Workspace.open(data_dir)  # upgraded here
    try:
        # not downloaded yet: «руководитель»
        assert document_service.provider_info(again.db).head_position == ""
        again.sync()
        assert document_service.provider_info(again.db).head_position == "директор"
        assert not [i for i in again.issues() if i.code == "count_mismatch"]
    finally:
        again.close()


def test_an_older_portal_that_sends_no_position_still_syncs(workspace, portal, portal_db, demo_provider_id):
    from fault_proxy import FaultProxy

    def older(page):  # what a portal from before the position sends
        for row in page["changes"].get("provider", {}).get("upserts", []):
            del row["head_position"]
        return page

    proxy = FaultProxy(portal.url).start()
    proxy.add("/pull", "rewrite", times=-1, query="stream=master", rewrite=older)
    try:
        workspace.enrol(proxy.url, admin.issue_code(portal_db, demo_provider_id))
        report = workspace.sync()
    finally:
        proxy.stop()
    assert ("/api/sync/v1/pull", "rewrite") in proxy.hits
    assert report.pulled_by_entity.get("provider") == 1
    info = document_service.provider_info(workspace.db)
    assert info.head_position == "" and info.head_name  # the forms say «руководитель»
