"""`pfdo-desktop print`: the forms a script or a scheduled task saves as PDF, and the one-line
refusals when the command line cannot be served."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from pfdo_desktop.cli import main
from pfdo_desktop.models import StudyGroup
from pfdo_desktop.printing.forms.common import minor
from pfdo_desktop.printing.russian import GEN, Name

TODAY = date.today()
# «№ №», «№№», or a sign before a number that carries its own: «№ IV-АИ № 123456»
DOUBLED = r"№\s*(?:[^\s№]+\s*)?№"


def _text(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())


def _saved(capsys, out: Path) -> int:
    """The pages the command reported; it said so in one line and the file is there."""
    line = capsys.readouterr().out.strip()
    match = re.fullmatch(rf"Сохранено: {re.escape(str(out))} \((\d+) стр\.\)", line)
    assert match, line
    assert out.is_file()
    return int(match[1])


def _busiest_month(ws, group_id: int) -> date:
    group = next(g for g in ws.groups() if g.id == group_id)
    month = group.date_from
    journal = ws.journal(group_id, group.date_from, min(group.date_to, TODAY))
    counts: dict[tuple[int, int], int] = {}
    for (_child, day) in journal.marks:
        counts[(day.year, day.month)] = counts.get((day.year, day.month), 0) + 1
    if counts:
        year, m = max(counts, key=lambda k: counts[k])
        month = date(year, m, 1)
    return month


def test_journal_of_a_group_month(enrolled_workspace, tmp_path, capsys):
    ws = enrolled_workspace
    group = max(ws.groups(), key=lambda g: g.children)
    month = _busiest_month(ws, group.id)
    out = tmp_path / "журнал.pdf"
    assert main(["print", "journal", "--data-dir", str(ws.data_dir), "--group", str(group.id),
                 "--month", f"{month:%Y-%m}", "-o", str(out)]) == 0
    pages = _saved(capsys, out)
    count, text = _text(out)
    assert count == pages >= 1
    doc = ws.journal_document(group.id, month)
    assert doc.children and doc.lessons
    assert group.name in text
    for child in doc.children:
        assert child.full_name.split()[0] in text  # every child's surname is on the sheet


def test_all_enrolment_applications_of_a_group_in_one_pdf(enrolled_workspace, tmp_path, capsys):
    from pfdo_desktop.logging_setup import log_dir

    ws = enrolled_workspace
    group = max(ws.groups(), key=lambda g: g.children)
    docs = ws.group_application_documents(group.id)
    assert len(docs) >= 10
    out = tmp_path / "заявления.pdf"
    assert main(["print", "enrolment-application", "--data-dir", str(ws.data_dir), "--group",
                 str(group.id), "-o", str(out)]) == 0
    pages = _saved(capsys, out)
    count, text = _text(out)
    assert count == pages >= len(docs)
    for doc in docs:
        assert doc.child.full_name in text
        assert doc.number in text
    logged = "\n".join(p.read_text(encoding="utf-8") for p in log_dir().glob("*.log*"))
    assert "printed enrolment-application" in logged  # the log says what was printed …
    for doc in docs:  # … and never whom
        assert doc.child.last_name not in logged


def test_contracts_of_one_application_and_of_a_child(enrolled_workspace, tmp_path, capsys):
    ws = enrolled_workspace
    row = next(r for r in ws.applications(status="active") if r.parent_part)
    out = tmp_path / "договор.pdf"
    assert main(["print", "contract", "--data-dir", str(ws.data_dir), "--application", row.uid,
                 "-o", str(out)]) == 0
    _saved(capsys, out)
    _pages, text = _text(out)
    doc = ws.application_document(row.uid)
    # the customer is the subject (nominative), the pupil is «в интересах несовершеннолетнего …»
    assert doc.guardian is not None and doc.guardian.full_name in text
    pupil = Name.of(doc.child)
    assert pupil.declinable and f"в интересах {minor(doc.child)}," in text
    assert pupil(GEN) != pupil() and row.contract_number in text
    assert re.search(r"составляет [\d ]+ \([а-я ]+\) рубл(ь|я|ей) \d\d копе(йка|йки|ек)\.", text)
    child_id = row.child_key.removeprefix("c:")
    out2 = tmp_path / "все-договоры.pdf"
    assert main(["print", "contract", "--data-dir", str(ws.data_dir), "--child", child_id,
                 "-o", str(out2)]) == 0
    _saved(capsys, out2)
    _pages, text = _text(out2)
    for app in ws.child_card(row.child_key).applications:
        if app.status not in ("new", "confirmed", "active"):
            continue
        assert app.contract_number in text


def test_child_forms(enrolled_workspace, tmp_path, capsys):
    ws = enrolled_workspace
    child = next(r for r in ws.search_children("") if r.certificate_status == "pf")
    card = ws.child_card(child.key)
    for form in ("certificate-extract", "certificate-application", "consent"):
        out = tmp_path / f"{form}.pdf"
        assert main(["print", form, "--data-dir", str(ws.data_dir), "--child", str(child.child_id),
                     "-o", str(out)]) == 0
        _saved(capsys, out)
        _pages, text = _text(out)
        assert child.full_name in text, form
        if form == "certificate-extract":  # the registry's record: the holder and the figures
            assert child.certificate_number in text
        else:  # the representative signs the application and the consent
            assert card.guardians[0].full_name in text, form


def test_the_demo_district_s_forms_never_double_the_number_sign(enrolled_workspace, tmp_path, capsys):
    """The registry writes a birth certificate as «IV-АИ № 123456»: printed once, never «№ IV-АИ №»."""
    ws = enrolled_workspace
    row = next(r for r in ws.applications(status="active")
               if "№" in ws.application_document(r.uid).child.doc_number)
    child_id = row.child_key.removeprefix("c:")
    for form, selector in (("certificate-application", ["--child", child_id]),
                           ("consent", ["--child", child_id]),
                           ("enrolment-application", ["--application", row.uid]),
                           ("contract", ["--application", row.uid]),
                           ("consent", ["--application", row.uid])):
        out = tmp_path / f"{form}.pdf"
        assert main(["print", form, "--data-dir", str(ws.data_dir), *selector, "-o", str(out)]) == 0
        _saved(capsys, out)
        _pages, text = _text(out)
        assert not re.search(DOUBLED, text), (form, re.findall(r".{25}" + DOUBLED + ".{15}", text))
        if form != "contract":
            series, _, number = ws.application_document(row.uid).child.doc_number.partition("№")
            assert f"Свидетельство о рождении {series.strip()} № {number.strip()}" in text, form


def test_a_new_child_request_is_accepted_by_its_key(enrolled_workspace, tmp_path, capsys):
    from pfdo_desktop.services.rows import NewChild

    ws = enrolled_workspace
    uid = ws.request_child(NewChild(
        last_name="Запросова", first_name="Ирина", middle_name="", birth_date=date(TODAY.year - 9, 3, 3),
        snils="", doc_kind="birth_certificate", doc_number="II-АБ 111222", guardian_last_name="Запросова",
        guardian_first_name="Нина", guardian_middle_name="", guardian_relation="mother",
        phone="+7 912 000-33-44", email="", certificate_number=""), TODAY)
    out = tmp_path / "заявление-на-сертификат.pdf"
    assert main(["print", "certificate-application", "--data-dir", str(ws.data_dir), "--child", f"r:{uid}",
                 "-o", str(out)]) == 0
    _saved(capsys, out)
    _pages, text = _text(out)
    assert "Запросова Ирина" in text and "Запросова Нина" in text


def _empty_group(ws) -> int:
    """A group with no applications at all (made here: every demo group has children)."""
    model = ws.groups()[0]
    with ws.db.write() as s:
        s.add(StudyGroup(id=9_000, module_id=s.get(StudyGroup, model.id).module_id,
                         program_id=model.program_id, provider_id=ws.device().provider_id,
                         name="Пустая группа", teacher="", date_from=model.date_from, date_to=model.date_to,
                         capacity=10, cancelled_dates=[], archived=False))
    return 9_000


REFUSALS = [
    (["journal"], "для журнала посещаемости укажите группу"),
    (["journal", "--child", "1", "--group", "1"], "укажите что-то одно"),
    (["journal", "--group", "999999"], "Группа не найдена"),
    (["journal", "--group", "abc"], "номер группы — целое число"),
    (["journal", "--group", "{group}", "--month", "2026-13"], "месяц «2026-13» укажите как ГГГГ-ММ"),
    (["journal", "--group", "{group}", "--month", "сентябрь"], "укажите как ГГГГ-ММ"),
    (["contract", "--group", "{group}", "--month", "2026-09"], "--month нужен только для журнала"),
    (["certificate-extract", "--group", "{group}"], "укажите ребёнка: --child РЕБЁНОК"),
    (["certificate-extract", "--child", "999999"], "Ребёнок не найден"),
    (["certificate-extract", "--child", "Иванов"], "ребёнок указывается номером в реестре"),
    (["contract"], "укажите заявку: --application ЗАЯВКА"),
    (["contract", "--application", "no-such-uid"], "Заявка не найдена"),
    (["enrolment-application", "--group", "{empty}"], "в группе нет заявок для печати"),
    # a termination notice only for a contract that has ended (a live one has no last day to print)
    (["termination", "--application", "{active}"], "не расторгнут (статус «обучается»)"),
    (["termination", "--group", "{group}"], "укажите одну заявку с расторгнутым договором"),
    (["enrolment-application", "--group", "{group}", "-o", "{missing_dir}"], "нет: PDF сохранить некуда"),
    (["enrolment-application", "--group", "{group}", "-o", "{a_dir}"], "это папка"),
]


def test_refusals_are_one_russian_line_and_no_file(enrolled_workspace, tmp_path, capsys):
    ws = enrolled_workspace
    values = {"group": str(ws.groups()[0].id), "empty": str(_empty_group(ws)),
              "active": ws.applications(status="active")[0].uid,
              "missing_dir": str(tmp_path / "нет-такой-папки" / "x.pdf"), "a_dir": str(tmp_path)}
    out = tmp_path / "out.pdf"
    for args, message in REFUSALS:
        argv = ["print", *[a.format(**values) for a in args], "--data-dir", str(ws.data_dir)]
        if "-o" not in argv:
            argv += ["-o", str(out)]
        capsys.readouterr()
        assert main(argv) == 1, args
        captured = capsys.readouterr()
        err = captured.err.strip()
        assert err.startswith("pfdo-desktop: ") and err.count("\n") == 0 and message in err, (args, err)
        assert captured.out == ""
        # nothing written, not even a temporary file
        assert not [p for p in tmp_path.rglob("*") if ".pdf" in p.name], args


def test_a_folder_without_a_database_is_refused_and_left_alone(tmp_path, capsys):
    empty = tmp_path / "no-data"
    out = tmp_path / "x.pdf"
    assert main(["print", "journal", "--data-dir", str(empty), "--group", "1", "-o", str(out)]) == 1
    assert "нет базы PFDO Desktop" in capsys.readouterr().err
    assert not empty.exists() and not out.exists()


def test_a_termination_notice_of_an_expelled_child(enrolled_workspace, tmp_path, capsys):
    ws = enrolled_workspace
    row = ws.applications(status="expelled")[0]
    out = tmp_path / "уведомление.pdf"
    assert main(["print", "termination", "--data-dir", str(ws.data_dir), "--application", row.uid,
                 "-o", str(out)]) == 0
    _saved(capsys, out)
    _pages, text = _text(out)
    assert row.child_name in text and row.contract_number in text


def test_a_failed_write_is_said_in_russian_and_keeps_the_old_file(enrolled_workspace, tmp_path, capsys,
                                                                  monkeypatch):
    import errno
    import os

    ws = enrolled_workspace
    row = ws.applications(status="active")[0]
    out = tmp_path / "договор.pdf"
    out.write_bytes(b"%PDF-1.4 the copy printed yesterday")

    def disk_full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    assert main(["print", "contract", "--data-dir", str(ws.data_dir), "--application", row.uid,
                 "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"pfdo-desktop: не удалось сохранить {out}: на диске не хватает места"
    assert out.read_bytes() == b"%PDF-1.4 the copy printed yesterday"
    assert [p.name for p in tmp_path.iterdir() if ".pdf" in p.name] == [out.name]
